"""The problems dock: every problem of the file; activating one jumps to its field; the selected one's fix,
or every fix of its kind, from the buttons under the list, its context menu or Ctrl+. (fixing.py)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...model import paths
from ...model.fixes import Insert
from ...model.paths import describe
from ...model.problems import ERROR, WARNING, Problem
from ..editing.document import Document
from ..editing.fixing import fix_tip, fixes_of
from .fix_widgets import FixAllDialog

_COLUMNS = ("类型", "位置", "说明")


class ProblemsModel(QAbstractTableModel):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.rows = []
        style = QApplication.style()
        self._icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                       "hint": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}
        document.problemsReset.connect(self.reload)
        document.problemRowsReplaced.connect(self._replace_rows)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(self.document.problems)
        self.endResetModel()

    def _replace_rows(self, offset: int, removed: int, inserted: int) -> None:
        """One group of problems changed: remove its old rows and insert the new, nothing else moves."""
        if removed:
            self.beginRemoveRows(QModelIndex(), offset, offset + removed - 1)
            del self.rows[offset:offset + removed]
            self.endRemoveRows()
        if inserted:
            self.beginInsertRows(QModelIndex(), offset, offset + inserted - 1)
            self.rows[offset:offset] = self.document.problems[offset:offset + inserted]
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        problem = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return problem.severity.label
            if column == 1:
                return describe(self.document.declaration, problem.location)
            return problem.message
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons[problem.severity]
        if role == Qt.ItemDataRole.ToolTipRole:  # asked for the row under the pointer only: the fix is found here
            tip = f"{problem.message}\n（{problem.code}，{problem.location}）"
            fix = fixes_of(self.document).fix_of(problem)
            return f"{tip}\n修复：{fix.label}（Ctrl+.）" if fix else tip
        if role == Qt.ItemDataRole.UserRole:
            return problem.location
        return None


SEVERITY_FILTERS = {"all": "全部", ERROR: "错误", WARNING: "警告", "hint": "提示"}


class ProblemsProxy(QSortFilterProxyModel):
    """Errors first, then warnings, then hints, each in file order (the 类型 column sorted); the 位置 and 说明
    columns sort by their text; a severity filter shows one kind only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.severity: str | None = None  # None: every kind

    def show_only(self, severity: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.severity = None if severity in (None, "all") else severity
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.severity = None if severity in (None, "all") else severity
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt's name
        if self.severity is None:
            return True
        return self.sourceModel().rows[source_row].severity == self.severity

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802 - Qt's name
        if left.column() == 0:
            rows = self.sourceModel().rows
            return (rows[left.row()].severity.rank, left.row()) < (rows[right.row()].severity.rank, right.row())
        return (str(left.data() or ""), left.row()) < (str(right.data() or ""), right.row())


class ProblemsView(QTableView):
    locationActivated = Signal(str)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("problemsView")
        self.problems_model = ProblemsModel(document, self)
        proxy = ProblemsProxy(self)
        proxy.setSourceModel(self.problems_model)
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # errors first, as F8 walks them
        # A place reads from both ends (项目“…” › 指标 2“…” › 年度指标值): cut in the middle, not at the end.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # measuring thousands of rows per keystroke is too slow
        self.setColumnWidth(0, 70)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(1, 320)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)
        # After a fix the list is rebuilt and has no current row; F8 goes on from where the fixed problem was.
        self.resume_row: int | None = None

    def _activated(self, index: QModelIndex) -> None:
        location = index.sibling(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if location:
            self.locationActivated.emit(location)

    def current_problem(self) -> Problem | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.problems_model.rows[self.model().mapToSource(index).row()]

    def next_row(self) -> int:
        """The row F8 goes to: the one after the current, or, after a fix, the one that took its place."""
        count = self.model().rowCount()
        resume, self.resume_row = self.resume_row, None
        if self.currentIndex().isValid():
            return (self.currentIndex().row() + 1) % count
        return min(resume, count - 1) if resume is not None else 0


class ProblemsPanel(QWidget):
    """The list with 修复 and 修复全部同类问题（N） under it. The buttons take no focus, so the keyboard stays
    in the list (or in the field F8 went to)."""

    locationActivated = Signal(str)
    told = Signal(str)  # what a fix did, for the status bar

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.document = document
        self.fixes = fixes_of(document)
        self.view = ProblemsView(document)
        self.view.locationActivated.connect(self.locationActivated)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.fix_button = self._button("problemFixButton", "修复", self.fix_current)
        self.fix_all_button = self._button("problemFixAllButton", "修复全部同类问题", self.fix_all_current)
        self.filter = QComboBox()
        self.filter.setObjectName("problemFilter")
        self.filter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for key, label in SEVERITY_FILTERS.items():
            self.filter.addItem(f"显示：{label}", key)
        self.filter.currentIndexChanged.connect(lambda _: self.view.model().show_only(self.filter.currentData()))
        # A long label (删除重复的项目“…”) is cut, not allowed to widen the dock; the tooltip has it whole.
        self.fix_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 2)
        bar.addWidget(self.filter)
        bar.addWidget(self.fix_button, 1)
        bar.addWidget(self.fix_all_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.view)
        column.addLayout(bar)
        self.fix_all_dialog: FixAllDialog | None = None
        # The bar follows edits once typing pauses: counting a kind's fixes costs ~60 ms for 4,700 problems.
        self._refresh = QTimer(self, singleShot=True, interval=300)
        self._refresh.timeout.connect(self.update_bar)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.model().modelReset.connect(self.update_bar)  # the selection is cleared without a signal
        document.problemsChanged.connect(self._schedule_refresh)  # a bound slot: PySide drops it with the panel
        self.update_bar()

    def show_only(self, severity: str | None) -> None:
        """全部 / 错误 / 警告 / 提示, as the filter box and the counts in the status bar choose."""
        row = self.filter.findData(severity or "all")
        self.filter.setCurrentIndex(max(row, 0))

    def _schedule_refresh(self, _nodes) -> None:
        self._refresh.start()

    def _current_changed(self, *_) -> None:
        # The clerk picked a row: count now. The list moved it (its rows were re-checked by a keystroke in
        # a field): count when typing pauses, so no keystroke pays for it.
        if self.view.hasFocus():
            self.update_bar()
        else:
            self._refresh.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.update_bar()  # the count is skipped while the dock is hidden

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def update_bar(self) -> None:
        problem = self.view.current_problem()
        fix = self.fixes.fix_of(problem)
        self.fix_button.setEnabled(fix is not None)
        self.fix_button.setText(f"修复：{fix.label}" if fix else "修复")
        self.fix_button.setToolTip("\n".join(filter(None, (fix.label, fix_tip(fix)))) + "（Ctrl+.）" if fix
                                   else "所选问题没有可自动完成的修复")
        count = len(self.fixes.plan_for_code(problem.code).fixes) if problem is not None and self.isVisible() else 0
        self.fix_all_button.setEnabled(count > 0)
        self.fix_all_button.setText(self.fix_all_text(count if problem is not None else None))

    @staticmethod
    def fix_all_text(count: int | None) -> str:
        return "修复全部同类问题" if count is None else f"修复全部同类问题（{count}）"

    def current_fix_all_text(self) -> str:
        """For the 编辑 menu, counted when it opens."""
        problem = self.view.current_problem()
        return self.fix_all_text(None if problem is None else len(self.fixes.plan_for_code(problem.code).fixes))

    # ---- doing -----------------------------------------------------------------------------------
    def fix_current(self) -> bool:
        """修复 / Ctrl+.: the selected problem's fix, as one undo step."""
        fix = self.fixes.fix_of(self.view.current_problem())
        if fix is None:
            return False
        row = self.view.currentIndex().row()
        if not self.fixes.apply_one(fix):
            return False
        self.view.resume_row = row
        self.told.emit(f"已修复：{fix.label}")
        added = next((change for change in fix.changes if isinstance(change, Insert)), None)
        if fix.needs_input and added is not None:  # a new indicator to fill in: show it
            self.locationActivated.emit(paths.item(added.list_location, added.index))
        return True

    def fix_all_current(self) -> None:
        """修复全部同类问题: the changes listed first; 确定 applies them all as one undo step."""
        problem = self.view.current_problem()
        if problem is None:
            return
        plan = self.fixes.plan_for_code(problem.code)
        if not plan.fixes:
            return
        row = self.view.currentIndex().row()
        dialog = FixAllDialog(self.document, plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_plan(plan, row))
        dialog.destroyed.connect(self._dialog_gone)
        dialog.finished.connect(self._back_to_list)
        self.fix_all_dialog = dialog
        dialog.open()  # window-modal, no nested loop: the document cannot change while it is open

    def _dialog_gone(self) -> None:
        self.fix_all_dialog = None

    def _back_to_list(self) -> None:
        """The keyboard back in the list, to go on with the next kind (not every platform gives it back)."""
        self.window().activateWindow()
        self.view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _apply_plan(self, plan, row: int) -> None:
        applied = self.fixes.apply_plan(plan)
        if applied:
            self.view.resume_row = row
            self.told.emit(f"已修复 {applied} 处（撤销可一次全部恢复）")

    # ---- the context menu --------------------------------------------------------------------------
    def context_menu(self, index: QModelIndex) -> QMenu:
        """修复：<label>, 修复全部同类问题（N）, 转到 — for the row clicked, counted now."""
        self.view.setCurrentIndex(index)
        problem = self.view.current_problem()
        fix = self.fixes.fix_of(problem)
        count = len(self.fixes.plan_for_code(problem.code).fixes)
        menu = QMenu(self)
        menu.setObjectName("problemMenu")
        one = menu.addAction(f"修复：{fix.label}" if fix else "修复（无可自动完成的修复）", self.fix_current)
        one.setObjectName("problemMenuFix")
        one.setEnabled(fix is not None)
        every = menu.addAction(self.fix_all_text(count), self.fix_all_current)
        every.setObjectName("problemMenuFixAll")
        every.setEnabled(count > 0)
        menu.addSeparator()
        go = menu.addAction("转到", lambda: self.locationActivated.emit(problem.location))
        go.setObjectName("problemMenuGoTo")
        return menu

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if index.isValid():
            menu = self.context_menu(index)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.view.viewport().mapToGlobal(point))
