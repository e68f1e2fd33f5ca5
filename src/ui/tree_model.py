"""The tree department → project → 一级指标 group → indicator, as a QAbstractItemModel over the document.

Each index's internal pointer is a TreeNode that knows the location of the domain
object it shows. A project's groups are built only when the view asks for them,
so a file with thousands of projects opens without building every indicator node.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from ..model import framework
from ..model.declaration import Project
from ..model.problems import ERROR, WARNING
from .document import Document

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
UNGROUPED = "（未填写一级指标）"


class TreeNode:
    __slots__ = ("kind", "location", "parent", "_children", "group", "row_number", "__weakref__")

    def __init__(self, kind: str, location: str, parent: "TreeNode | None", group: str | None = None, row: int = 0):
        self.kind = kind
        self.location = location
        self.parent = parent
        self.group = group
        self.row_number = row  # kept current by whoever changes the parent's children (views ask constantly)
        self._children: list[TreeNode] | None = None

    def row(self) -> int:
        return self.row_number


def _number(children: list[TreeNode]) -> list[TreeNode]:
    for row, child in enumerate(children):
        child.row_number = row
    return children


class DeclarationTreeModel(QAbstractItemModel):
    regrouped = Signal(QModelIndex)  # a project's groups were rebuilt; the view may re-expand them

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._root = TreeNode("root", "", None)
        self._department = TreeNode("department", "department", self._root)
        self._root._children = [self._department]
        self._department._children = None
        style = QApplication.style()
        self._icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        document.fieldChanged.connect(self._on_field_changed)
        document.listChanged.connect(self._on_list_changed)
        document.listMoved.connect(self._on_list_moved)
        document.problemsChanged.connect(self._on_problems_changed)

    # ---- structure ------------------------------------------------------------------------
    def _children(self, node: TreeNode) -> list[TreeNode]:
        if node._children is None:
            if node.kind == "department":
                node._children = [TreeNode("project", f"projects[{i}]", node, row=i)
                                  for i in range(len(self.document.declaration.projects))]
            elif node.kind == "project":
                node._children = self._build_groups(node)
            else:
                node._children = []
        return node._children

    def _build_groups(self, project_node: TreeNode) -> list[TreeNode]:
        project: Project = self.document.value(project_node.location)
        order = list(framework.level1_names())
        by_group: dict[str, list[int]] = {}
        for index, indicator in enumerate(project.indicators):
            key = indicator.level1 if indicator.level1 else UNGROUPED
            by_group.setdefault(key, []).append(index)
        keys = sorted(by_group, key=lambda k: (order.index(k) if k in order else len(order), k))
        groups = []
        for row, key in enumerate(keys):
            group = TreeNode("group", project_node.location, project_node, key, row)
            group._children = [TreeNode("indicator", f"{project_node.location}.indicators[{i}]", group, row=child_row)
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
        if node.kind == "project" and node._children is None:
            return bool(self.document.value(node.location).indicators)
        if node.kind == "department" and node._children is None:
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
        if role == Qt.ItemDataRole.DecorationRole and node.kind != "group":
            severity = self.document.worst_under(node.location)
            return self._icons.get(severity) if severity else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == SEARCH_ROLE:
            return self._search_text(node)
        if role == LOCATION_ROLE:
            return node.location
        if role == KIND_ROLE:
            return node.kind
        return None

    def _display(self, node: TreeNode) -> str:
        document = self.document
        if node.kind == "department":
            name = document.declaration.department.name or "（未填写部门名称）"
            year = document.declaration.year
            return f"{name}（{year}年）" if year else name
        if node.kind == "project":
            return document.value(node.location).name or "（未命名项目）"
        if node.kind == "group":
            return f"{node.group}（{len(node._children or [])}）"
        indicator = document.value(node.location)
        name = indicator.name or "（未填写三级指标）"
        return f"{name}：{indicator.annual_value}" if indicator.annual_value else name

    def _tooltip(self, node: TreeNode) -> str | None:
        if node.kind == "project":
            project = self.document.value(node.location)
            return f"{project.name or ''}\n预算单位：{project.unit or '未填写'}"
        if node.kind == "indicator":
            indicator = self.document.value(node.location)
            return f"{indicator.level1 or ''} / {indicator.level2 or ''}\n{indicator.name or ''}\n年度指标值：{indicator.annual_value or ''}"
        return None

    def _search_text(self, node: TreeNode) -> str:
        if node.kind == "project":
            project = self.document.value(node.location)
            return f"{project.name or ''} {project.unit or ''}"
        if node.kind == "indicator":
            return self.document.value(node.location).name or ""
        return ""

    # ---- finding nodes ----------------------------------------------------------------------
    def department_index(self) -> QModelIndex:
        return self.createIndex(0, 0, self._department)

    def index_of_location(self, location: str) -> QModelIndex:
        """The node that shows location (a field's location finds its project or indicator)."""
        from ..model import paths

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

    # ---- document signals ----------------------------------------------------------------------
    def _on_field_changed(self, location: str) -> None:
        if location.endswith(".level1") and ".indicators[" in location and not location.startswith("department"):
            self._regroup_keeping_places(self._project_node(location))
            return
        index = self.index_of_location(location)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
        if location in ("year", "department.name"):
            department = self.department_index()
            self.dataChanged.emit(department, department, [Qt.ItemDataRole.DisplayRole])

    def _project_node(self, location: str) -> TreeNode | None:
        from ..model import paths

        project = paths.project_index(location)
        if project is None or self._department._children is None or project >= len(self._department._children):
            return None
        return self._department._children[project]

    def _regroup(self, project_node: TreeNode | None) -> None:
        if project_node is None or project_node._children is None:
            if project_node is not None:
                index = self.createIndex(project_node.row(), 0, project_node)
                self.dataChanged.emit(index, index)
            return
        index = self.createIndex(project_node.row(), 0, project_node)
        if project_node._children:
            self.beginRemoveRows(index, 0, len(project_node._children) - 1)
            project_node._children = []
            self.endRemoveRows()
        groups = self._build_groups(project_node)
        if groups:
            self.beginInsertRows(index, 0, len(groups) - 1)
            project_node._children = groups
            self.endInsertRows()
        self.regrouped.emit(index)

    def _regroup_keeping_places(self, project_node: TreeNode | None) -> None:
        """A new 一级 moves an indicator to another group. The groups are rebuilt as a layout change, each
        view's current node, selection and expanded groups carried over by group name and indicator location
        (which a change of 一级 leaves as they are), so the clerk stays on the indicator being edited."""
        if project_node is None or project_node._children is None:
            self._regroup(project_node)  # nothing is built under it yet
            return
        self.layoutAboutToBeChanged.emit()
        carried = [(index, index.internalPointer()) for index in self.persistentIndexList()]
        project_node._children = self._build_groups(project_node)
        groups = {group.group: group for group in project_node._children}
        indicators = {child.location: child for group in project_node._children for child in group._children}
        for index, node in carried:
            if node is None or node.parent is None:
                continue
            if node.kind == "group" and node.parent is project_node:
                new = groups.get(node.group)
            elif node.kind == "indicator" and node.parent.parent is project_node:
                new = indicators.get(node.location)
            else:
                continue
            self.changePersistentIndex(index, self.createIndex(new.row(), index.column(), new) if new else QModelIndex())
        self.layoutChanged.emit()
        self.regrouped.emit(self.createIndex(project_node.row(), 0, project_node))

    def _on_list_changed(self, list_location: str, action: str, first: int, count: int) -> None:
        if list_location == "projects":
            self._projects_changed(action, first, count)
        elif list_location.startswith("projects[") and list_location.endswith(".indicators"):
            self._regroup(self._project_node(list_location))

    def _on_list_moved(self, list_location: str, source: int, target: int) -> None:
        if list_location == "projects":
            self._projects_changed("remove", source, 1)
            self._projects_changed("insert", target, 1)
        elif list_location.endswith(".indicators"):
            self._regroup(self._project_node(list_location))

    def _projects_changed(self, action: str, first: int, count: int) -> None:
        department = self._department
        if department._children is None:
            self.layoutChanged.emit()
            return
        parent = self.department_index()
        if action == "insert":
            self.beginInsertRows(parent, first, first + count - 1)
            for offset in range(count):
                department._children.insert(first + offset, TreeNode("project", "", department))
            self._renumber()
            self.endInsertRows()
        else:
            self.beginRemoveRows(parent, first, first + count - 1)
            del department._children[first:first + count]
            self._renumber()
            self.endRemoveRows()

    def _renumber(self) -> None:
        """Projects after an insert or removal get their new index; their subtrees follow."""
        for row, project_node in enumerate(self._department._children or []):
            project_node.row_number = row
            new = f"projects[{row}]"
            if project_node.location != new:
                old = project_node.location
                project_node.location = new
                for group in project_node._children or []:
                    group.location = new
                    for child in group._children or []:
                        child.location = new + child.location[len(old):] if old else child.location
        # Subtrees built before the renumbering of an inserted project are rebuilt on demand.

    def _on_problems_changed(self) -> None:
        """Repaint the marks that changed; the document says which nodes' worst severity moved."""
        roles = [Qt.ItemDataRole.DecorationRole]
        changed = self.document.changed_nodes
        if changed is None or len(changed) > 500:
            self._repaint_all_marks(roles)
            return
        for location in changed:
            index = self._built_index(location)
            if index.isValid():
                self.dataChanged.emit(index, index, roles)

    def _built_index(self, location: str) -> QModelIndex:
        """The index of a node already built (an unbuilt one has nothing on screen to repaint)."""
        from ..model import paths

        if location == "department":
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
        department = self.department_index()
        self.dataChanged.emit(department, department, roles)
        projects = self._department._children
        if not projects:
            return
        self.dataChanged.emit(self.index(0, 0, department), self.index(len(projects) - 1, 0, department), roles)
        for project_node in projects:
            for group in project_node._children or []:
                if group._children:
                    group_index = self.createIndex(group.row_number, 0, group)
                    self.dataChanged.emit(self.index(0, 0, group_index),
                                          self.index(len(group._children) - 1, 0, group_index), roles)

    def persistent(self, index: QModelIndex) -> QPersistentModelIndex:
        return QPersistentModelIndex(index)
