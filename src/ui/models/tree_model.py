"""The tree department → project → 一级指标 group → indicator, as a QAbstractItemModel over the document.

Each index's internal pointer is a TreeNode that knows the location of the domain
object it shows. A project's groups are built only when the view asks for them,
so a file with thousands of projects opens without building every indicator node.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from ...model import framework, paths
from ...model.declaration import Indicator, Project
from ...model.paths import NodeKind
from ...model.problems import ERROR, WARNING
from ..editing.document import Document

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4  # a group node's 一级 name; None for the group of indicators without one
UNGROUPED = "（未填写一级指标）"


_UNPAINTED = object()  # a node's mark no view has asked for yet


class TreeNode:
    __slots__ = ("kind", "location", "parent", "_children", "group", "row_number", "mark", "__weakref__")

    def __init__(self, kind: str, location: str, parent: "TreeNode | None", group: str | None = None, row: int = 0):
        self.kind = kind
        self.location = location
        self.parent = parent
        self.group = group
        self.row_number = row  # kept current by whoever changes the parent's children (views ask constantly)
        self._children: list[TreeNode] | None = None
        self.mark = _UNPAINTED  # the severity last handed out for its icon

    def row(self) -> int:
        return self.row_number


def _number(children: list[TreeNode]) -> list[TreeNode]:
    for row, child in enumerate(children):
        child.row_number = row
    return children


def _group_key(indicator: Indicator) -> str:
    return indicator.level1 if indicator.level1 else UNGROUPED


def _group_order(key: str) -> tuple[int, str]:
    """Groups in the framework's order of 一级; names it does not know after them, alphabetically."""
    order = framework.level1_names()
    return (order.index(key) if key in order else len(order), key)


def _list_row(indicator_node: TreeNode) -> int:
    return paths.list_and_index(indicator_node.location)[1]


class DeclarationTreeModel(QAbstractItemModel):
    regrouped = Signal(QModelIndex)  # a project's groups were rebuilt or one was added; the view may expand them

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._root = TreeNode(NodeKind.DECLARATION, "", None)
        self._department = TreeNode(NodeKind.DEPARTMENT, paths.DEPARTMENT, self._root)
        self._root._children = [self._department]
        self._department._children = None
        style = QApplication.style()
        self._icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        self._pending: Callable[[], None] | None = None  # completes the rows' change the document announced
        document.fieldChanged.connect(self._on_field_changed)
        document.listAboutToInsert.connect(self._on_about_to_insert)
        document.listAboutToRemove.connect(self._on_about_to_remove)
        document.listAboutToMove.connect(self._on_about_to_move)
        for done in (document.listInserted, document.listRemoved, document.listMoved):
            done.connect(self._on_list_changed)
        document.problemsChanged.connect(self._on_problems_changed)

    # ---- structure ------------------------------------------------------------------------
    def _children(self, node: TreeNode) -> list[TreeNode]:
        if node._children is None:
            if node.kind == NodeKind.DEPARTMENT:
                node._children = [TreeNode(NodeKind.PROJECT, paths.project(i), node, row=i)
                                  for i in range(len(self.document.declaration.projects))]
            elif node.kind == NodeKind.PROJECT:
                node._children = self._build_groups(node)
            else:
                node._children = []
        return node._children

    def _build_groups(self, project_node: TreeNode) -> list[TreeNode]:
        project: Project = self.document.value(project_node.location)
        by_group: dict[str, list[int]] = {}
        for index, indicator in enumerate(project.indicators):
            by_group.setdefault(_group_key(indicator), []).append(index)
        groups = []
        for row, key in enumerate(sorted(by_group, key=_group_order)):
            group = TreeNode(NodeKind.GROUP, project_node.location, project_node, key, row)
            group._children = [TreeNode(NodeKind.INDICATOR, paths.indicator(project_node.location, i), group, row=child_row)
                               for child_row, i in enumerate(by_group[key])]
            groups.append(group)
        return groups

    def node(self, index: QModelIndex) -> TreeNode:
        if index.isValid():
            return index.internalPointer()
        return self._root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._children(self.node(parent))
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003 - Qt's name
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._children(self.node(parent)))

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        node = self.node(parent)
        if node.kind == NodeKind.PROJECT and node._children is None:
            return bool(self.document.value(node.location).indicators)
        if node.kind == NodeKind.DEPARTMENT and node._children is None:
            return bool(self.document.declaration.projects)
        return self.rowCount(parent) > 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "申报内容"
        return None

    # ---- content ----------------------------------------------------------------------------
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node)
        if role == Qt.ItemDataRole.DecorationRole and node.kind != NodeKind.GROUP:
            severity = node.mark = self.document.worst_under(node.location)
            return self._icons.get(severity) if severity else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == SEARCH_ROLE:
            return self._search_text(node)
        if role == LOCATION_ROLE:
            return node.location
        if role == KIND_ROLE:
            return node.kind
        if role == GROUP_ROLE and node.kind == NodeKind.GROUP:
            return None if node.group == UNGROUPED else node.group
        return None

    def _display(self, node: TreeNode) -> str:
        document = self.document
        if node.kind == NodeKind.DEPARTMENT:
            name = document.declaration.department.name or "（未填写部门名称）"
            year = document.declaration.year
            return f"{name}（{year}年）" if year else name
        if node.kind == NodeKind.PROJECT:
            return document.value(node.location).name or "（未命名项目）"
        if node.kind == NodeKind.GROUP:
            return f"{node.group}（{len(node._children or [])}）"
        indicator = document.value(node.location)
        name = indicator.name or "（未填写三级指标）"
        return f"{name}：{indicator.annual_value}" if indicator.annual_value else name

    def _tooltip(self, node: TreeNode) -> str | None:
        if node.kind == NodeKind.PROJECT:
            project = self.document.value(node.location)
            return f"{project.name or ''}\n预算单位：{project.unit or '未填写'}"
        if node.kind == NodeKind.INDICATOR:
            indicator = self.document.value(node.location)
            return f"{indicator.level1 or ''} / {indicator.level2 or ''}\n{indicator.name or ''}\n年度指标值：{indicator.annual_value or ''}"
        return None

    def _search_text(self, node: TreeNode) -> str:
        if node.kind == NodeKind.PROJECT:
            project = self.document.value(node.location)
            return f"{project.name or ''} {project.unit or ''}"
        if node.kind == NodeKind.INDICATOR:
            return self.document.value(node.location).name or ""
        return ""

    # ---- finding nodes ----------------------------------------------------------------------
    def department_index(self) -> QModelIndex:
        return self.createIndex(0, 0, self._department)

    def index_of_location(self, location: str) -> QModelIndex:
        """The node that shows location (a field's location finds its project or indicator)."""
        node_location = paths.node_of(location)
        project = paths.project_index(node_location)
        if project is None:
            return self.department_index()
        projects = self._children(self._department)
        if project >= len(projects):
            return self.department_index()
        project_node = projects[project]
        if ".indicators[" in node_location:
            for group in self._children(project_node):
                for child in group._children:
                    if child.location == node_location:
                        return self.createIndex(child.row_number, 0, child)
        return self.createIndex(project, 0, project_node)

    # ---- document signals: fields -----------------------------------------------------------------
    def _on_field_changed(self, location: str) -> None:
        project_node = self._project_node(location)
        if project_node is not None and location.endswith(".level1") and ".indicators[" in location:
            self._regroup_keeping_places(project_node)
            return
        index = self.index_of_location(location)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
        if location in ("year", "department.name"):
            department = self.department_index()
            self.dataChanged.emit(department, department, [Qt.ItemDataRole.DisplayRole])

    def _project_node(self, location: str) -> TreeNode | None:
        project = paths.project_index(location)
        if project is None or self._department._children is None or project >= len(self._department._children):
            return None
        return self._department._children[project]

    def _regroup_keeping_places(self, project_node: TreeNode) -> None:
        """A new 一级 moves an indicator to another group. The groups are rebuilt as a layout change, each
        view's current node, selection and expanded groups carried over by group name and indicator location
        (which a change of 一级 leaves as they are), so the clerk stays on the indicator being edited. The
        document has changed already, but what the views were told is only the nodes, which change here."""
        project_index = self.createIndex(project_node.row(), 0, project_node)
        if project_node._children is None:  # nothing built under it: only its mark can be out of date
            self.dataChanged.emit(project_index, project_index)
            return
        self.layoutAboutToBeChanged.emit()
        carried = [(index, index.internalPointer()) for index in self.persistentIndexList()]
        project_node._children = self._build_groups(project_node)
        groups = {group.group: group for group in project_node._children}
        indicators = {child.location: child for group in project_node._children for child in group._children}
        for index, node in carried:
            if node is None or node.parent is None:
                continue
            if node.kind == NodeKind.GROUP and node.parent is project_node:
                new = groups.get(node.group)
            elif node.kind == NodeKind.INDICATOR and node.parent.parent is project_node:
                new = indicators.get(node.location)
            else:
                continue
            self.changePersistentIndex(index, self.createIndex(new.row(), index.column(), new) if new else QModelIndex())
        self.layoutChanged.emit()
        self.regrouped.emit(project_index)

    # ---- document signals: structure ------------------------------------------------------------------
    # Each about-to signal begins the rows' change while the nodes still match what views were told, and
    # leaves the node surgery for the done signal, after the document's list has changed.
    def _on_about_to_insert(self, list_location: str, index: int, item) -> None:
        if list_location == paths.PROJECTS:
            self._pending = self._begin_project_insert(index)
        else:
            project_node = self._indicator_owner(list_location)
            self._pending = self._begin_indicator_insert(project_node, index, item) if project_node else None

    def _on_about_to_remove(self, list_location: str, index: int) -> None:
        if list_location == paths.PROJECTS:
            self._pending = self._begin_project_remove(index)
        else:
            project_node = self._indicator_owner(list_location)
            self._pending = self._begin_indicator_remove(project_node, index) if project_node else None

    def _on_about_to_move(self, list_location: str, source: int, target: int) -> None:
        if list_location == paths.PROJECTS:
            self._pending = self._begin_project_move(source, target)
        else:
            project_node = self._indicator_owner(list_location)
            self._pending = self._begin_indicator_move(project_node, source, target) if project_node else None

    def _on_list_changed(self, *_) -> None:
        finish, self._pending = self._pending, None
        if finish is not None:
            finish()

    def _indicator_owner(self, list_location: str) -> TreeNode | None:
        """The project node whose indicator list this is, its groups built (from the list as it still is),
        so a change in it can be told row by row; None for lists the tree does not show (department's)."""
        owner, name = paths.split_field(list_location)
        if name != "indicators" or paths.kind_of(owner) != paths.NodeKind.PROJECT:
            return None
        self._children(self._department)
        project_node = self._project_node(owner)
        if project_node is not None:
            self._children(project_node)
        return project_node

    # projects: rows under the department, real inserts, removals and moves
    def _begin_project_insert(self, index: int) -> Callable[[], None]:
        department = self._department
        projects = self._children(department)  # a view may have asked only hasChildren: count from the list as is
        self.beginInsertRows(self.department_index(), index, index)

        def finish() -> None:
            projects.insert(index, TreeNode(NodeKind.PROJECT, paths.project(index), department))
            self._renumber_projects(index)
            self.endInsertRows()
        return finish

    def _begin_project_remove(self, index: int) -> Callable[[], None]:
        projects = self._children(self._department)
        self.beginRemoveRows(self.department_index(), index, index)

        def finish() -> None:
            del projects[index]
            self._renumber_projects(index)
            self.endRemoveRows()
        return finish

    def _begin_project_move(self, source: int, target: int) -> Callable[[], None]:
        projects = self._children(self._department)
        parent = self.department_index()
        moving = self.beginMoveRows(parent, source, source, parent, target + 1 if target > source else target)
        assert moving, (source, target)  # only a move onto itself is refused, and the document sends none

        def finish() -> None:
            projects.insert(target, projects.pop(source))
            self._renumber_projects(min(source, target))
            self.endMoveRows()
        return finish

    def _renumber_projects(self, first: int) -> None:
        """Projects from first on get their new place; their subtrees' locations follow."""
        for row, project_node in enumerate(self._department._children[first:], start=first):
            project_node.row_number = row
            new = paths.project(row)
            old = project_node.location
            if old == new:
                continue
            project_node.location = new
            for group in project_node._children or []:
                group.location = new
                for child in group._children:
                    child.location = new + child.location[len(old):]

    # indicators: rows under their 一级 group; a group appears with its first indicator and goes with its last
    def _begin_indicator_insert(self, project_node: TreeNode, index: int, item: Indicator) -> Callable[[], None]:
        groups = project_node._children
        key = _group_key(item)
        group = next((g for g in groups if g.group == key), None)
        if group is not None:
            row = sum(1 for child in group._children if _list_row(child) < index)
            group_index = self.createIndex(group.row(), 0, group)
            self.beginInsertRows(group_index, row, row)

            def finish() -> None:
                self._shift_indicators(project_node, lambda i: i + 1 if i >= index else i)
                group._children.insert(row, TreeNode(NodeKind.INDICATOR, paths.indicator(project_node.location, index), group))
                _number(group._children)
                self.endInsertRows()
                self.dataChanged.emit(group_index, group_index, [Qt.ItemDataRole.DisplayRole])  # its count
            return finish
        row = sum(1 for g in groups if _group_order(g.group) < _group_order(key))
        project_index = self.createIndex(project_node.row(), 0, project_node)
        self.beginInsertRows(project_index, row, row)

        def finish_with_group() -> None:
            self._shift_indicators(project_node, lambda i: i + 1 if i >= index else i)
            new = TreeNode(NodeKind.GROUP, project_node.location, project_node, key)
            new._children = [TreeNode(NodeKind.INDICATOR, paths.indicator(project_node.location, index), new)]
            groups.insert(row, new)
            _number(groups)
            self.endInsertRows()
            self.regrouped.emit(project_index)
        return finish_with_group

    def _begin_indicator_remove(self, project_node: TreeNode, index: int) -> Callable[[], None]:
        node = self._indicator_node(project_node, index)
        group = node.parent
        groups = project_node._children
        if len(group._children) == 1:
            self.beginRemoveRows(self.createIndex(project_node.row(), 0, project_node), group.row(), group.row())

            def finish_group() -> None:
                del groups[group.row()]
                _number(groups)
                self._shift_indicators(project_node, lambda i: i - 1 if i > index else i)
                self.endRemoveRows()
            return finish_group
        group_index = self.createIndex(group.row(), 0, group)
        self.beginRemoveRows(group_index, node.row(), node.row())

        def finish() -> None:
            del group._children[node.row()]
            _number(group._children)
            self._shift_indicators(project_node, lambda i: i - 1 if i > index else i)
            self.endRemoveRows()
            self.dataChanged.emit(group_index, group_index, [Qt.ItemDataRole.DisplayRole])
        return finish

    def _begin_indicator_move(self, project_node: TreeNode, source: int, target: int) -> Callable[[], None]:
        """The indicator keeps its 一级, so it stays in its group; it changes row there only when it passes an
        indicator of the same group. Every other group keeps its order; only locations shift."""
        def moved(i: int) -> int:
            if i == source:
                return target
            if source < i <= target:
                return i - 1
            if target <= i < source:
                return i + 1
            return i
        node = self._indicator_node(project_node, source)
        group = node.parent
        old_row = node.row()
        new_row = sum(1 for child in group._children if child is not node and moved(_list_row(child)) < target)
        if new_row == old_row:
            return lambda: self._shift_indicators(project_node, moved)
        group_index = self.createIndex(group.row(), 0, group)
        self.beginMoveRows(group_index, old_row, old_row, group_index, new_row + 1 if new_row > old_row else new_row)

        def finish() -> None:
            group._children.insert(new_row, group._children.pop(old_row))
            _number(group._children)
            self._shift_indicators(project_node, moved)
            self.endMoveRows()
        return finish

    def _indicator_node(self, project_node: TreeNode, index: int) -> TreeNode:
        location = paths.indicator(project_node.location, index)
        return next(child for group in project_node._children for child in group._children if child.location == location)

    @staticmethod
    def _shift_indicators(project_node: TreeNode, new_row: Callable[[int], int]) -> None:
        for group in project_node._children:
            for child in group._children:
                child.location = paths.indicator(project_node.location, new_row(_list_row(child)))

    def _on_problems_changed(self, changed: set[str] | None) -> None:
        """Repaint the marks that changed; the document says which nodes' worst severity moved."""
        roles = [Qt.ItemDataRole.DecorationRole]
        if changed is None or len(changed) > 500:
            self._repaint_all_marks(roles)
            return
        for location in changed:
            index = self._built_index(location)
            if index.isValid():
                self.dataChanged.emit(index, index, roles)

    def _built_index(self, location: str) -> QModelIndex:
        """The index of a node already built (an unbuilt one has nothing on screen to repaint)."""
        if location == paths.DEPARTMENT:
            return self.department_index()
        project = paths.project_index(location)
        projects = self._department._children
        if project is None or projects is None or project >= len(projects):
            return QModelIndex()
        project_node = projects[project]
        if ".indicators[" not in location:
            return self.createIndex(project_node.row_number, 0, project_node)
        for group in project_node._children or []:
            for child in group._children or []:
                if child.location == location:
                    return self.createIndex(child.row_number, 0, child)
        return QModelIndex()

    def _repaint_all_marks(self, roles) -> None:
        """Any mark may have changed (nodes moved, every problem rechecked): repaint the rows whose mark
        differs from the one last shown, not the whole tree, each run of neighbours in one signal."""
        self._repaint_changed_marks(QModelIndex(), self._root._children, roles)
        department = self.department_index()
        self._repaint_changed_marks(department, self._department._children or [], roles)
        for project_node in self._department._children or []:
            for group in project_node._children or []:
                self._repaint_changed_marks(self.createIndex(group.row_number, 0, group), group._children, roles)

    def _repaint_changed_marks(self, parent: QModelIndex, children: list[TreeNode], roles) -> None:
        first = None
        for row, node in enumerate([*children, None]):
            changed = node is not None and node.mark is not _UNPAINTED and \
                self.document.worst_under(node.location) != node.mark
            if changed:
                node.mark = self.document.worst_under(node.location)
                first = row if first is None else first
            elif first is not None:
                self.dataChanged.emit(self.index(first, 0, parent), self.index(row - 1, 0, parent), roles)
                first = None

    def persistent(self, index: QModelIndex) -> QPersistentModelIndex:
        return QPersistentModelIndex(index)
