"""Every action of the window in one place, with objectNames, shortcuts and when each is enabled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ...model import paths
from ...model.paths import NodeKind

# name: (text, shortcut, status tip)
_SPECS = {
    "new": ("新建(&N)", QKeySequence.StandardKey.New, "新建申报表（含标准指标框架）"),
    "open": ("打开(&O)…", QKeySequence.StandardKey.Open, "打开 JSON 文件、本软件保存的工作簿或公开发布的表格"),
    "save": ("保存(&S)", QKeySequence.StandardKey.Save, "保存当前文件"),
    "saveAs": ("另存为(&A)…", QKeySequence.StandardKey.SaveAs, "另存为 JSON 或 Excel 工作簿"),
    "nextYear": ("新建下一年度申报", "", "由当前申报生成下一年度申报：年度加一，年度指标值记为上年指标值"),
    "mergeUnits": ("合并单位申报…", "", "把各预算单位的申报文件合并到当前申报（一步撤销）"),
    "compare": ("与其他申报比较…", "", "与另一份申报（如上年度的）比较，列出新增、删除、改名和修改之处"),
    "quit": ("退出(&X)", QKeySequence.StandardKey.Quit, "退出编辑器"),
    "addProject": ("添加项目", "Ctrl+Shift+N", "在当前项目之后添加一个项目"),
    "duplicateProject": ("复制项目", "Ctrl+D", "复制当前项目及其全部指标"),
    "addIndicator": ("添加指标", "Ctrl+Shift+I", "为当前项目添加一个绩效指标"),
    "addFromLibrary": ("从指标库添加(&L)…", "Ctrl+Shift+L",
                       "在指标库中搜索各行业公开发布的指标，选中的一次添加到当前项目或部门整体（一步撤销）"),
    "importLibrary": ("导入指标库(&M)…", "",
                      "导入财政局发布的指标库表格（Excel、WPS、PDF、网页），导入后在“从指标库添加”中搜索，指标名称也按它自动完成"),
    "delete": ("删除", "Del", "删除树中选中的项目或指标"),
    "moveUp": ("上移", "Alt+Up", "将选中的项目或指标上移"),
    "moveDown": ("下移", "Alt+Down", "将选中的项目或指标下移"),
    "pasteTable": ("粘贴表格", QKeySequence.StandardKey.Paste,
                   "把复制的项目支出绩效目标表（Excel、WPS、网页）作为新项目添加到最后"),
    "find": ("查找(&F)", QKeySequence.StandardKey.Find, "在树中按项目名称、单位或指标名称筛选"),
    "nextProblem": ("下一个问题", "F8", "跳到问题列表中的下一个问题"),
    "fixProblem": ("修复所选问题", "Ctrl+.", "按修复建议修改问题列表中选中的问题（可撤销）；F8 再 Ctrl+. 逐个修复"),
    "fixAllOfKind": ("修复全部同类问题", "", "列出与选中问题同类的全部修复，确认后一次完成（一步撤销）"),
    "printPreview": ("打印预览…", "Ctrl+Shift+P", "预览要打印的表格"),
    "print": ("打印(&P)…", QKeySequence.StandardKey.Print, "打印表格"),
    "exportPdf": ("导出 PDF…", "Ctrl+E", "把表格导出为 PDF 文件"),
    "exportProblems": ("导出问题清单…", "Ctrl+Shift+E", "把问题列表导出为 Excel 工作簿或 PDF，供评审会使用"),
    "guide": ("使用说明(&H)", "F1", "打开使用说明；在栏目中按 F1，打开该栏目的说明"),
    "shortcuts": ("快捷键一览", "", "列出全部快捷键"),
    "checkRules": ("检查规则说明", "", "每一类问题查什么、怎么改"),
    "about": ("关于(&A)", "", "版本、使用的软件库、设置和恢复副本的位置"),
}


class Actions:
    def __init__(self, parent: QWidget):
        self.by_name: dict[str, QAction] = {}
        for name, (text, shortcut, tip) in _SPECS.items():
            action = QAction(text, parent)
            action.setObjectName(f"{name}Action")
            action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.split('(')[0].rstrip('…')}（{keys}）" if keys else text.split('(')[0].rstrip('…'))
            self.by_name[name] = action
        # Delete, Alt+arrows and Ctrl+V belong to the tree: in a text field they edit text, and the indicator
        # tables have a Ctrl+V of their own (table_actions).
        for name in ("delete", "moveUp", "moveDown", "pasteTable"):
            self.by_name[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def update(self, kind: NodeKind | None, location: str | None = None) -> None:
        """Enable what makes sense for the selected tree node: its kind, and whose it is (a project's indicator
        or the department's)."""
        self["duplicateProject"].setEnabled(paths.project_index(location or "") is not None)
        self["addIndicator"].setEnabled(paths.indicator_owner(location or "") is not None)
        self["delete"].setEnabled(kind in (NodeKind.PROJECT, NodeKind.INDICATOR))
        self["moveUp"].setEnabled(kind in (NodeKind.PROJECT, NodeKind.INDICATOR))
        self["moveDown"].setEnabled(kind in (NodeKind.PROJECT, NodeKind.INDICATOR))


# The indicator tables' copy and paste, on each table only (WidgetShortcut): Ctrl+C/Ctrl+V keep their meaning
# in a text field, in a cell being edited and in the tree. 从指标库添加 on a table's menu adds to that table's
# list; it has no key of its own (Ctrl+Shift+L is the window's, which adds to the same list).
_TABLE_SPECS = {
    "copyRows": ("复制指标行", QKeySequence.StandardKey.Copy, "把选中的指标行复制为表格，可粘贴到 Excel/WPS 或另一个项目"),
    "pasteRows": ("粘贴指标行", QKeySequence.StandardKey.Paste,
                  "把复制的行作为指标插入：5 列、3 列（一级/三级/年度指标值）或编号的指标文字"),
    "fromLibrary": ("从指标库添加…", "", "在指标库中搜索指标，选中的添加到这个表格（一步撤销）"),
}


def table_actions(view: QWidget) -> dict[str, QAction]:
    """The copy, paste and 从指标库添加 actions of one table view, on its context menu; objectNames from the
    view's ('indicatorTable' → 'indicatorTableCopyRows')."""
    made = {}
    for name, (text, shortcut, tip) in _TABLE_SPECS.items():
        action = QAction(text, view)
        action.setObjectName(f"{view.objectName()}{name[0].upper()}{name[1:]}")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setStatusTip(tip)
        view.addAction(action)
        made[name] = action
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return made
