"""The tree department → project → 一级指标 group → indicator, as a QAbstractItemModel over the document.

Beside the department, at the top level, its own two lists as the department form has them: 年度重点工作任务
(one row per task) and 绩效指标 (under their 一级 groups, as a project's); the department's rows are its
projects only.

Each index's internal pointer is a TreeNode holding the domain object it shows (KeePassXC's GroupModel
holds its Group* the same way): a node keeps its identity through inserts, removes and moves, and nothing
is rewritten when places change — a node's location is worked out when asked, from its row (a project) or
its place in its project's list (an indicator). Nodes are found from a location in O(1): the location
resolves to the domain object, the object to its node. A project's groups are built only when the view asks
for them, so a file with thousands of projects opens without building every indicator node.

Every change is announced before it is made: the document's about-to signals begin the rows' change while
the nodes still match what the views were told, and a new 一级 moves the indicator to its new group with
beginMoveRows before the value changes.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from ...model import framework, paths
from ...model.amounts import display_amount
from ...model.declaration import DEPARTMENT_LABELS, INDICATOR_LABELS, PROJECT_LABELS, TASK_LABELS, Indicator
from ...model.paths import NodeKind
from ...model.problems import ERROR, WARNING
from ..editing.document import Document

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4  # a group node's 一级 name; None for the group of indicators without one
MARK_ROLE = Qt.ItemDataRole.UserRole + 5  # the worst error/warning under a node, as its icon shows it; None: no mark
UNGROUPED = f"（未填写{INDICATOR_LABELS['level1']}）"
# The kind of the department's two list headings (their location says which list).
LIST_KIND = "list"
_LIST_TITLES = {"tasks": f"部门整体 · {DEPARTMENT_LABELS['tasks']}", "indicators": f"部门整体 · {DEPARTMENT_LABELS['indicators']}"}


_UNPAINTED = object()  # a node's mark no view has asked for yet


class TreeNode:
    """obj: the Project, Indicator or Task shown (None for the root, the department, a group and a list
    heading); group: a group node's 一级 key; a list heading's group: the department's field it shows."""

    __slots__ = ("kind", "obj", "parent", "_children", "group", "row_number", "mark", "__weakref__")

    def __init__(self, kind: str, obj: Any, parent: "TreeNode | None", group: str | None = None, row: int = 0):
        self.kind = kind
        self.obj = obj
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


def _group_key(level1: str | None) -> str:
    return level1 if level1 else UNGROUPED


def _group_order(key: str) -> tuple[int, str]:
    """Groups in the framework's order of 一级; names it does not know after them, alphabetically."""
    order = framework.level1_names()
    return (order.index(key) if key in order else len(order), key)


def _places(items: list) -> dict[int, int]:
    """Each object's index in its list, by identity (two equal indicators are two places)."""
    return {id(item): index for index, item in enumerate(items)}


class DeclarationTreeModel(QAbstractItemModel):
    regrouped = Signal(QModelIndex)  # a project's groups were rebuilt or one was added; the view may expand them

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._root = TreeNode(NodeKind.DECLARATION, None, None)
        self._department = TreeNode(NodeKind.DEPARTMENT, None, self._root)
        self._tasks = TreeNode(LIST_KIND, None, self._root, "tasks", 1)
        self._indicators = TreeNode(LIST_KIND, None, self._root, "indicators", 2)
        self._root._children = [self._department, self._tasks, self._indicators]
        self._nodes: dict[int, TreeNode] = {}  # id(project, indicator or task) → its node, for the nodes built
        style = QApplication.style()
        self._icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        # A row without a mark gets a clear icon of the same size, so names stay aligned: without it, an
        # unmarked project sat further left and looked like another level.
        size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        blank = QPixmap(size, size)
        blank.fill(Qt.GlobalColor.transparent)
        self._icons[None] = QIcon(blank)
        self._pending: Callable[[], None] | None = None  # completes the rows' change the document announced
        self.removing_item = False
        document.fieldAboutToChange.connect(self._on_field_about_to_change)
        document.fieldChanged.connect(self._on_field_changed)
        document.listAboutToInsert.connect(self._on_about_to_insert)
        document.listAboutToRemove.connect(self._on_about_to_remove)
        document.listAboutToMove.connect(self._on_about_to_move)
        for done in (document.listInserted, document.listRemoved, document.listMoved):
            done.connect(self._on_list_changed)
        document.problemsChanged.connect(self._on_problems_changed)

    # ---- nodes ------------------------------------------------------------------------------
    def _new_node(self, kind: str, obj: Any, parent: TreeNode, row: int = 0) -> TreeNode:
        node = TreeNode(kind, obj, parent, row=row)
        self._nodes[id(obj)] = node
        return node

    def _forget(self, node: TreeNode) -> None:
        """A node and everything under it leave the tree."""
        self._nodes.pop(id(node.obj), None)
        for child in node._children or []:
            self._forget(child)

    def _children(self, node: TreeNode) -> list[TreeNode]:
        if node._children is None:
            if node.kind == NodeKind.DEPARTMENT:
                node._children = [self._new_node(NodeKind.PROJECT, project, node, row)
                                  for row, project in enumerate(self.document.declaration.projects)]
            elif node is self._tasks:
                node._children = [self._new_node(NodeKind.TASK, task, node, row)
                                  for row, task in enumerate(self.document.declaration.department.tasks)]
            elif node.kind == NodeKind.PROJECT or node is self._indicators:
                node._children = self._build_groups(node)
            else:
                node._children = []
        return node._children

    def _items(self, node: TreeNode) -> list:
        """The list of the document a project node's, or a list heading's, rows show."""
        if node.kind == NodeKind.PROJECT:
            return node.obj.indicators
        return getattr(self.document.declaration.department, node.group)

    def _build_groups(self, project_node: TreeNode) -> list[TreeNode]:
        """The 一级 groups of a project's indicators, or of the department's (project_node: their heading)."""
        by_group: dict[str, list[Indicator]] = {}
        for indicator in self._items(project_node):
            by_group.setdefault(_group_key(indicator.level1), []).append(indicator)
        groups = []
        for row, key in enumerate(sorted(by_group, key=_group_order)):
            group = TreeNode(NodeKind.GROUP, None, project_node, key, row)
            group._children = [self._new_node(NodeKind.INDICATOR, indicator, group, child_row)
                               for child_row, indicator in enumerate(by_group[key])]
            groups.append(group)
        return groups

    def location_of(self, node: TreeNode) -> str:
        """The location of what a node shows, as it is now (a group's is its project's)."""
        if node.kind == NodeKind.DEPARTMENT:
            return paths.DEPARTMENT
        if node.kind == NodeKind.PROJECT:
            return paths.project(node.row_number)
        if node.kind == NodeKind.GROUP:
            return self.location_of(node.parent)
        if node.kind == NodeKind.INDICATOR:
            project_node = node.parent.parent
            index = next(i for i, item in enumerate(self._items(project_node)) if item is node.obj)
            owner = paths.DEPARTMENT if project_node is self._indicators else self.location_of(project_node)
            return paths.indicator(owner, index)
        if node.kind == NodeKind.TASK:
            return paths.task(next(i for i, item in enumerate(self._items(node.parent)) if item is node.obj))
        if node.kind == LIST_KIND:
            return paths.field(paths.DEPARTMENT, node.group)
        return ""

    def node(self, index: QModelIndex) -> TreeNode:
        if index.isValid():
            return index.internalPointer()
        return self._root

    def _index(self, node: TreeNode) -> QModelIndex:
        return self.createIndex(node.row_number, 0, node)

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
        return self._index(parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._children(self.node(parent)))

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        node = self.node(parent)
        if node.kind == NodeKind.PROJECT and node._children is None:
            return bool(node.obj.indicators)
        if node.kind == NodeKind.DEPARTMENT and node._children is None:
            return bool(self.document.declaration.projects)
        if node.kind == LIST_KIND and node._children is None:
            return bool(self._items(node))
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
            severity = node.mark = self._worst(node)
            return self._icons.get(severity, self._icons[None])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == SEARCH_ROLE:
            return self._search_text(node)
        if role == LOCATION_ROLE:
            return self.location_of(node)
        if role == KIND_ROLE:
            return node.kind
        if role == MARK_ROLE and node.kind != NodeKind.GROUP:
            return self._worst(node)
        if role == GROUP_ROLE and node.kind == NodeKind.GROUP:
            return None if node.group == UNGROUPED else node.group
        return None

    def _worst(self, node: TreeNode):
        """A node's mark: the worst error/warning of what it shows; a list heading's, of its items and of the
        list itself (a rule about the list as a whole)."""
        if node.kind != LIST_KIND:
            return self.document.worst_under(self.location_of(node))
        owner = self.location_of(node)
        found = [self.document.worst_under(paths.item(owner, row)) for row in range(len(self._items(node)))]
        found += [problem.severity for problem in self.document.problems_at(owner)]
        ranked = [severity for severity in found if severity in (ERROR, WARNING)]
        return min(ranked, key=lambda severity: severity.rank) if ranked else None

    def _display(self, node: TreeNode) -> str:
        document = self.document
        if node.kind == NodeKind.DEPARTMENT:
            name = document.declaration.department.name or f"（未填写{DEPARTMENT_LABELS['name']}）"
            year = document.declaration.year
            return f"{name}（{year}年）" if year else name
        if node.kind == NodeKind.PROJECT:
            return node.obj.name or "（未命名项目）"
        if node.kind == NodeKind.GROUP:
            return f"{node.group}（{len(node._children or [])}）"
        if node.kind == LIST_KIND:
            return f"{_LIST_TITLES[node.group]}（{len(self._items(node))}）"
        if node.kind == NodeKind.TASK:
            return node.obj.name or f"（未填写任务{TASK_LABELS['name']}）"
        indicator = node.obj
        name = indicator.name or f"（未填写{INDICATOR_LABELS['name']}）"
        return f"{name}：{indicator.annual_value}" if indicator.annual_value else name

    def _tooltip(self, node: TreeNode) -> str | None:
        if node.kind == NodeKind.PROJECT:
            project = node.obj
            return f"{project.name or ''}\n{PROJECT_LABELS['unit']}：{project.unit or '未填写'}"
        if node.kind == NodeKind.INDICATOR:
            indicator = node.obj
            return f"{indicator.level1 or ''} / {indicator.level2 or ''}\n{indicator.name or ''}\n{INDICATOR_LABELS['annual_value']}：{indicator.annual_value or ''}"
        if node.kind == NodeKind.TASK:
            task = node.obj
            funds = f"{display_amount(task.funds)} 万元" if task.funds is not None else "未填写"
            return f"{task.name or ''}\n{TASK_LABELS['funds']}：{funds}"
        return None

    def _search_text(self, node: TreeNode) -> str:
        if node.kind == NodeKind.PROJECT:
            project = node.obj
            return f"{project.name or ''} {project.unit or ''}"
        if node.kind in (NodeKind.INDICATOR, NodeKind.TASK):
            return node.obj.name or ""
        return ""

    # ---- finding nodes ----------------------------------------------------------------------
    def department_index(self) -> QModelIndex:
        return self._index(self._department)

    def index_of_location(self, location: str) -> QModelIndex:
        """The node that shows location (a field's location finds its project, indicator or task; a department
        list's, its heading), built if need be."""
        project_node = self._project_node(location, build=True)
        if project_node is None:
            return self._department_index_of(location)
        node_location = paths.node_of(location)
        if paths.kind_of(node_location) == NodeKind.INDICATOR:
            self._children(project_node)
            found = self._node_at(node_location)
            if found is not None:
                return self._index(found)
        return self._index(project_node)

    def _department_index_of(self, location: str) -> QModelIndex:
        """The node of a department location: a task or indicator of its lists, the list's heading, or the
        department itself."""
        for heading in (self._tasks, self._indicators):
            list_location = self.location_of(heading)
            row = paths.row_in(list_location, location)
            if row is None:
                if location == list_location:
                    return self._index(heading)
                continue
            for node in self._children(heading):
                self._children(node)  # a group's indicators are built with it
            found = self._node_at(paths.item(list_location, row))
            return self._index(found) if found is not None else self._index(heading)
        return self.department_index()

    def _node_at(self, node_location: str) -> TreeNode | None:
        """The built node of the project or indicator at node_location, in O(1): location → object → node."""
        try:
            obj = paths.resolve(self.document.declaration, node_location)
        except (paths.LocationError, LookupError):
            return None
        return self._nodes.get(id(obj))

    def _project_node(self, location: str, build: bool = False) -> TreeNode | None:
        project = paths.project_index(location)
        if project is None:
            return None
        projects = self._children(self._department) if build else self._department._children
        if projects is None or project >= len(projects):
            return None
        return projects[project]

    def _built_index(self, location: str) -> QModelIndex:
        """The index of a node already built (an unbuilt one has nothing on screen to repaint)."""
        if location == paths.DEPARTMENT:
            return self.department_index()
        if not self._nodes:
            return QModelIndex()
        node = self._node_at(location)
        return self._index(node) if node is not None else QModelIndex()

    # ---- document signals: fields -----------------------------------------------------------------
    def _on_field_about_to_change(self, location: str, new: Any) -> None:
        """A new 一级 moves the indicator to its new group before the value changes, as rows that move."""
        owner, name = paths.split_field(location)
        if name != "level1" or paths.kind_of(owner) != NodeKind.INDICATOR:
            return
        node = self._node_at(owner) if self._nodes else None
        if node is None or node.kind != NodeKind.INDICATOR:
            return  # its project's groups were never built: nothing on screen moves
        old_key, new_key = node.parent.group, _group_key(framework.canonical_level(new) if isinstance(new, str) else new)
        if old_key != new_key:
            self._move_to_group(node, new_key)

    def _move_to_group(self, node: TreeNode, key: str) -> None:
        old_group = node.parent
        project_node = old_group.parent
        project_index = self._index(project_node)
        groups = project_node._children
        target = next((g for g in groups if g.group == key), None)
        if target is None:  # the group appears first, empty, then the indicator moves into it
            row = sum(1 for g in groups if _group_order(g.group) < _group_order(key))
            self.beginInsertRows(project_index, row, row)
            target = TreeNode(NodeKind.GROUP, None, project_node, key)
            target._children = []
            groups.insert(row, target)
            _number(groups)
            self.endInsertRows()
        places = _places(self._items(project_node))
        place = places[id(node.obj)]
        new_row = sum(1 for child in target._children if places[id(child.obj)] < place)
        old_row = node.row_number
        moving = self.beginMoveRows(self._index(old_group), old_row, old_row, self._index(target), new_row)
        assert moving, (old_row, new_row)
        del old_group._children[old_row]
        _number(old_group._children)
        target._children.insert(new_row, node)
        node.parent = target
        _number(target._children)
        self.endMoveRows()
        if not old_group._children:
            self.beginRemoveRows(project_index, old_group.row_number, old_group.row_number)
            del groups[old_group.row_number]
            _number(groups)
            self.endRemoveRows()
        else:
            group_index = self._index(old_group)
            self.dataChanged.emit(group_index, group_index, [Qt.ItemDataRole.DisplayRole])  # its count
        target_index = self._index(target)
        self.dataChanged.emit(target_index, target_index, [Qt.ItemDataRole.DisplayRole])
        self.regrouped.emit(project_index)

    def _on_field_changed(self, location: str) -> None:
        index = self._built_index(paths.node_of(location))
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
        if location in (paths.YEAR, paths.field(paths.DEPARTMENT, "name")):
            department = self.department_index()
            self.dataChanged.emit(department, department, [Qt.ItemDataRole.DisplayRole])

    # ---- document signals: structure ------------------------------------------------------------------
    # Each about-to signal begins the rows' change while the nodes still match what views were told, and
    # leaves the node surgery for the done signal, after the document's list has changed.
    def _on_about_to_insert(self, list_location: str, index: int, item) -> None:
        if list_location == paths.PROJECTS:
            self._pending = self._begin_project_insert(index, item)
        elif list_location == paths.TASKS:
            self._pending = self._begin_task_insert(index, item)
        else:
            project_node = self._indicator_owner(list_location)
            self._pending = self._begin_indicator_insert(project_node, index, item) if project_node else None

    def _on_about_to_remove(self, list_location: str, index: int) -> None:
        self.removing_item = True  # rows that go now go with a project or indicator (not a regroup's empty group)
        try:
            if list_location == paths.PROJECTS:
                self._pending = self._begin_project_remove(index)
            elif list_location == paths.TASKS:
                self._pending = self._begin_task_remove(index)
            else:
                project_node = self._indicator_owner(list_location)
                self._pending = self._begin_indicator_remove(project_node, index) if project_node else None
        finally:
            self.removing_item = False

    def _on_about_to_move(self, list_location: str, source: int, target: int) -> None:
        if list_location == paths.PROJECTS:
            self._pending = self._begin_project_move(source, target)
        elif list_location == paths.TASKS:
            self._pending = self._begin_task_move(source, target)
        else:
            project_node = self._indicator_owner(list_location)
            self._pending = self._begin_indicator_move(project_node, source, target) if project_node else None

    def _on_list_changed(self, *_) -> None:
        finish, self._pending = self._pending, None
        if finish is not None:
            finish()

    def _indicator_owner(self, list_location: str) -> TreeNode | None:
        """The project node whose indicator list this is (the department's: its heading), its groups built
        (from the list as it still is), so a change in it can be told row by row; None for other lists."""
        if list_location == self.location_of(self._indicators):
            self._children(self._indicators)
            return self._indicators
        owner, name = paths.split_field(list_location)
        if name != "indicators" or paths.kind_of(owner) != NodeKind.PROJECT:
            return None
        project_node = self._project_node(owner, build=True)
        if project_node is not None:
            self._children(project_node)
        return project_node

    # projects: rows under the department, real inserts, removals and moves
    def _begin_project_insert(self, index: int, project) -> Callable[[], None]:
        department = self._department
        projects = self._children(department)  # a view may have asked only hasChildren: count from the list as is
        self.beginInsertRows(self.department_index(), index, index)

        def finish() -> None:
            projects.insert(index, self._new_node(NodeKind.PROJECT, project, department))
            _number(projects)
            self.endInsertRows()
        return finish

    def _begin_project_remove(self, index: int) -> Callable[[], None]:
        projects = self._children(self._department)
        self.beginRemoveRows(self.department_index(), index, index)

        def finish() -> None:
            self._forget(projects.pop(index))
            _number(projects)
            self.endRemoveRows()
        return finish

    def _begin_project_move(self, source: int, target: int) -> Callable[[], None]:
        projects = self._children(self._department)
        parent = self.department_index()
        moving = self.beginMoveRows(parent, source, source, parent, target + 1 if target > source else target)
        assert moving, (source, target)  # only a move onto itself is refused, and the document sends none

        def finish() -> None:
            projects.insert(target, projects.pop(source))
            _number(projects)
            self.endMoveRows()
        return finish

    # the department's tasks: rows under their heading, whose count changes with them
    def _begin_task_insert(self, index: int, task) -> Callable[[], None]:
        heading = self._tasks
        tasks = self._children(heading)  # built from the list as it still is
        self.beginInsertRows(self._index(heading), index, index)

        def finish() -> None:
            tasks.insert(index, self._new_node(NodeKind.TASK, task, heading))
            _number(tasks)
            self.endInsertRows()
            self._count_changed(heading)
        return finish

    def _begin_task_remove(self, index: int) -> Callable[[], None]:
        heading = self._tasks
        tasks = self._children(heading)
        self.beginRemoveRows(self._index(heading), index, index)

        def finish() -> None:
            self._forget(tasks.pop(index))
            _number(tasks)
            self.endRemoveRows()
            self._count_changed(heading)
        return finish

    def _begin_task_move(self, source: int, target: int) -> Callable[[], None]:
        tasks = self._children(self._tasks)
        parent = self._index(self._tasks)
        moving = self.beginMoveRows(parent, source, source, parent, target + 1 if target > source else target)
        assert moving, (source, target)

        def finish() -> None:
            tasks.insert(target, tasks.pop(source))
            _number(tasks)
            self.endMoveRows()
        return finish

    def _count_changed(self, node: TreeNode) -> None:
        """A list heading's count (and mark) after its list changed; nothing for a project."""
        if node.kind == LIST_KIND:
            index = self._index(node)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole])

    # indicators: rows under their 一级 group; a group appears with its first indicator and goes with its last
    def _begin_indicator_insert(self, project_node: TreeNode, index: int, item: Indicator) -> Callable[[], None]:
        groups = project_node._children
        key = _group_key(item.level1)
        group = next((g for g in groups if g.group == key), None)
        places = _places(self._items(project_node))  # the list before the insert
        if group is not None:
            row = sum(1 for child in group._children if places[id(child.obj)] < index)
            group_index = self._index(group)
            self.beginInsertRows(group_index, row, row)

            def finish() -> None:
                group._children.insert(row, self._new_node(NodeKind.INDICATOR, item, group))
                _number(group._children)
                self.endInsertRows()
                self.dataChanged.emit(group_index, group_index, [Qt.ItemDataRole.DisplayRole])  # its count
                self._count_changed(project_node)
            return finish
        row = sum(1 for g in groups if _group_order(g.group) < _group_order(key))
        project_index = self._index(project_node)
        self.beginInsertRows(project_index, row, row)

        def finish_with_group() -> None:
            new = TreeNode(NodeKind.GROUP, None, project_node, key)
            new._children = [self._new_node(NodeKind.INDICATOR, item, new)]
            groups.insert(row, new)
            _number(groups)
            self.endInsertRows()
            self._count_changed(project_node)
            self.regrouped.emit(project_index)
        return finish_with_group

    def _begin_indicator_remove(self, project_node: TreeNode, index: int) -> Callable[[], None]:
        node = self._nodes[id(self._items(project_node)[index])]
        group = node.parent
        groups = project_node._children
        if len(group._children) == 1:
            self.beginRemoveRows(self._index(project_node), group.row_number, group.row_number)

            def finish_group() -> None:
                del groups[group.row_number]
                _number(groups)
                self._forget(node)
                self.endRemoveRows()
                self._count_changed(project_node)
            return finish_group
        group_index = self._index(group)
        self.beginRemoveRows(group_index, node.row_number, node.row_number)

        def finish() -> None:
            del group._children[node.row_number]
            _number(group._children)
            self._forget(node)
            self.endRemoveRows()
            self.dataChanged.emit(group_index, group_index, [Qt.ItemDataRole.DisplayRole])
            self._count_changed(project_node)
        return finish

    def _begin_indicator_move(self, project_node: TreeNode, source: int, target: int) -> Callable[[], None]:
        """The indicator keeps its 一级, so it stays in its group; it changes row there only when it passes an
        indicator of the same group. Every other node keeps its row: nothing else is told."""
        items = self._items(project_node)
        node = self._nodes[id(items[source])]
        group = node.parent
        after = list(items)
        after.insert(target, after.pop(source))
        places = _places(after)
        order = sorted(group._children, key=lambda child: places[id(child.obj)])
        old_row, new_row = node.row_number, order.index(node)
        if new_row == old_row:
            return lambda: None
        group_index = self._index(group)
        self.beginMoveRows(group_index, old_row, old_row, group_index, new_row + 1 if new_row > old_row else new_row)

        def finish() -> None:
            group._children.insert(new_row, group._children.pop(old_row))
            _number(group._children)
            self.endMoveRows()
        return finish

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
        # A heading's mark is its items' and its list's worst, which no node location names: asked each time
        # (the department's lists are short).
        for heading in (self._tasks, self._indicators):
            if heading.mark is not _UNPAINTED and self._worst(heading) != heading.mark:
                heading.mark = self._worst(heading)
                index = self._index(heading)
                self.dataChanged.emit(index, index, roles)

    def _repaint_all_marks(self, roles) -> None:
        """Any mark may have changed (nodes moved, every problem rechecked): repaint the rows whose mark
        differs from the one last shown, not the whole tree, each run of neighbours in one signal."""
        self._repaint_changed_marks(QModelIndex(), self._root._children, roles)
        department = self.department_index()
        self._repaint_changed_marks(department, self._department._children or [], roles)
        for project_node in [*(self._department._children or []), self._indicators]:
            for group in project_node._children or []:
                self._repaint_changed_marks(self._index(group), group._children, roles)
        self._repaint_changed_marks(self._index(self._tasks), self._tasks._children or [], roles)

    def _repaint_changed_marks(self, parent: QModelIndex, children: list[TreeNode], roles) -> None:
        first = None
        for row, node in enumerate([*children, None]):
            changed = False
            if node is not None and node.mark is not _UNPAINTED:
                worst = self._worst(node)
                changed = worst != node.mark
                if changed:
                    node.mark = worst
            if changed:
                first = row if first is None else first
            elif first is not None:
                self.dataChanged.emit(self.index(first, 0, parent), self.index(row - 1, 0, parent), roles)
                first = None

    def persistent(self, index: QModelIndex) -> QPersistentModelIndex:
        return QPersistentModelIndex(index)
