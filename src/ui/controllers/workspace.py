"""One document's working area: the filterable tree on the left, the form of the selection on the right."""

from __future__ import annotations

from functools import cached_property

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...model import paths
from ..editing.document import Document
from ..editors.department_editor import DepartmentEditor
from ..editors.indicator_editor import IndicatorEditor
from ..editors.project_editor import ProjectEditor
from ..editors.task_editor import TaskEditor
from ..models.tree_model import KIND_ROLE, LIST_KIND, LOCATION_ROLE, SEARCH_ROLE, DeclarationTreeModel
from ..widgets.fields import STYLE_SHEET
from ..widgets.wheel_guard import guard_wheel_in


class Workspace(QSplitter):
    # 'department' | 'project' | 'group' | 'indicator' | 'task' | 'list' (a department list's heading) | None
    selectionKindChanged = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workspace")
        self.document = document
        self._current_goes = False  # the node being removed is the current one or holds it
        self.tree_model = DeclarationTreeModel(document, self)
        # Qt's own announcement, made while the rows are still there: no reliance on the order in which
        # the document's signals reach their slots.
        self.tree_model.rowsAboutToBeRemoved.connect(self._rows_about_to_go)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.tree_model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.addWidget(self._left_side())
        self.editors = QStackedWidget()
        self.editors.setObjectName("editorStack")
        # The error/warning styles of the fields; set here, not on the application, so the tree, the
        # problems list and the menus are drawn without the style-sheet engine (~0.03 s of start-up).
        self.editors.setStyleSheet(STYLE_SHEET)
        self.department_editor = DepartmentEditor(document)
        guard_wheel_in(self.department_editor)
        self.group_page = QLabel("选择一个项目或指标进行编辑。")
        self.group_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for page in (self.department_editor, self.group_page):
            self.editors.addWidget(page)
        self.addWidget(self.editors)
        self.setStretchFactor(1, 1)
        self.setSizes([340, 760])
        self.tree_model.regrouped.connect(self._expand_regrouped)

        self._shown: tuple[str | None, str | None] = (None, None)  # the node whose form is shown
        document.listRemoved.connect(self._item_removed)
        document.listInserted.connect(self._follow_current)
        document.listMoved.connect(self._follow_current)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.select_location(paths.DEPARTMENT)

    # The project, indicator and task forms are built when first shown: a start shows the department form only.
    @cached_property
    def project_editor(self) -> ProjectEditor:
        return self._add_page(ProjectEditor(self.document))

    @cached_property
    def indicator_editor(self) -> IndicatorEditor:
        return self._add_page(IndicatorEditor(self.document))

    @cached_property
    def task_editor(self) -> TaskEditor:
        return self._add_page(TaskEditor(self.document))

    def _add_page(self, editor: QWidget) -> QWidget:
        guard_wheel_in(editor)  # its dropdowns, tables and text boxes leave the wheel to the page until clicked
        self.editors.addWidget(editor)
        return editor

    def _left_side(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setObjectName("treeFilter")
        self.filter.setPlaceholderText("筛选：项目名称、预算单位、指标名称（Ctrl+F）")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _: self._filter_timer.start())
        column.addWidget(self.filter)
        self.tree = QTreeView()
        self.tree.setObjectName("declarationTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # Ctrl/Shift-click picks several projects to print; editing follows the current node.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        column.addWidget(self.tree)
        return box

    def _apply_filter(self) -> None:
        self.proxy.setFilterFixedString(self.filter.text().strip())
        if self.filter.text().strip():
            self.tree.expandAll()
        else:
            self.tree.expand(self.proxy.mapFromSource(self.tree_model.department_index()))

    # ---- selection ------------------------------------------------------------------------------
    def current(self) -> tuple[str | None, str | None]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(KIND_ROLE), index.data(LOCATION_ROLE)

    def selected_projects(self, project_rows_only: bool = False) -> list[int]:
        """The projects selected in the tree, in file order; an indicator or group selected counts for its
        project unless project_rows_only."""
        chosen = {paths.project_index(index.data(LOCATION_ROLE) or "") for index in self.tree.selectionModel().selectedIndexes()
                  if not project_rows_only or index.data(KIND_ROLE) == "project"}
        chosen.discard(None)
        return sorted(chosen)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        kind = current.data(KIND_ROLE) if current.isValid() else None
        location = current.data(LOCATION_ROLE) if current.isValid() else None
        self._show_editor(kind, location)
        self.selectionKindChanged.emit(kind)

    def _show_editor(self, kind: str | None, location: str | None) -> None:
        self._shown = (kind, location)
        if kind in ("department", LIST_KIND) or (kind == "group" and paths.project_index(location) is None):
            # the department, or one of its lists (its heading, a 一级 group of its indicators): its form, at
            # that list's table
            self.department_editor.show_location(location)
            self.editors.setCurrentWidget(self.department_editor)
            self.department_editor.reveal(location)
        elif kind == "project":
            self.project_editor.show_location(location)
            self.editors.setCurrentWidget(self.project_editor)
        elif kind == "indicator":  # a project's or the department's
            self.indicator_editor.show_location(location)
            self.editors.setCurrentWidget(self.indicator_editor)
        elif kind == "task":
            self.task_editor.show_location(location)
            self.editors.setCurrentWidget(self.task_editor)
        elif kind == "group":
            self.project_editor.show_location(location)
            self.editors.setCurrentWidget(self.project_editor)
        else:
            self.editors.setCurrentWidget(self.group_page)

    def select_location(self, location: str, focus_field: bool = False) -> None:
        """Select the node that shows location; with focus_field, put the cursor in its field."""
        source = self.tree_model.index_of_location(location)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() and self.filter.text():
            self.filter.clear()
            self._apply_filter()
            index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if location == paths.DEPARTMENT:
                self.tree.expand(index)
        if focus_field:
            self.focus_field(location)

    def focus_field(self, location: str, select_all: bool = False) -> None:
        """Put the cursor in location's field; select_all: its text selected, so typing replaces a
        placeholder such as 新项目 instead of going after it."""
        page = self.editors.currentWidget()
        for binding in getattr(page, "bindings", []):
            if binding.location == location:
                page.ensureWidgetVisible(binding.widget)
                binding.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if select_all and hasattr(binding.widget, "selectAll"):
                    binding.widget.selectAll()
                return
        table = self._table_for(page, location)
        if table is not None:
            table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _table_for(self, page: QWidget, location: str):
        if page is self.project_editor and ".indicators" in location:
            return self.project_editor.indicators.table
        if page is self.department_editor:
            if "tasks" in location:
                return self.department_editor.task_view
            if "indicators" in location:
                return self.department_editor.indicators.table
        return None

    # ---- structure follow-up ---------------------------------------------------------------------
    def _expand_regrouped(self, source_index: QModelIndex) -> None:
        index = self.proxy.mapFromSource(source_index)
        if index.isValid() and self.tree.isExpanded(index):
            for row in range(self.proxy.rowCount(index)):
                self.tree.expand(self.proxy.index(row, 0, index))

    def _rows_about_to_go(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self.tree_model.removing_item:
            return  # a group emptied by a change of 一级: its indicator moved on, and stays current
        current = self.proxy.mapToSource(self.tree.currentIndex())
        while current.isValid():
            if current.parent() == parent and first <= current.row() <= last:
                self._current_goes = True
                return
            current = current.parent()

    def _item_removed(self, list_location: str, index: int) -> None:
        """The clerk deleted what they were on: the item that took its place, else the one before, else
        the node of its list (its owner, or the heading of a department list)."""
        if self._current_goes:
            self._current_goes = False
            remaining = len(paths.list_at(self.document.declaration, list_location))
            # else the list's node: a project for its indicators, the department for projects, a heading
            self.select_location(paths.item(list_location, min(index, remaining - 1)) if remaining else list_location)
        self._follow_current()  # the tree may have made that node current already, while it had its old place

    def _follow_current(self, *_) -> None:
        """The tree keeps its current node through a structure edit, but the node's location may have
        changed, and the forms address their fields by location."""
        if self.current() != self._shown:
            self._show_editor(*self.current())
