"""编辑 → 从指标库添加…: the indicator library browser. Search as you type over the names and 指标解释 of both
bundled libraries (model/indicator_library.py), the finance bureaus' 指标库 the clerk imported and 我的指标 (the
local library, ui/editing/local_library.py), filter by sector, by 一级/二级 and by where they come from, read the
chosen entry's explanation, published value and sources, and add the chosen ones to a project's or the department's indicators as one undo
step — 一级/二级 and name filled, the values left empty for the clerk: a published value is another unit's target,
shown here for reference, never written into the declaration.

Nothing here runs at start-up: the window imports this module when the browser is first opened, and the
catalogue (every entry with its search text and a character index) is built then, once. The catalogue
(model/library_catalogue.py) is Qt-free; the dialog only shows it and pushes the insert through structure_edits.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QTextOption
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSplitter, QTableView, QTableWidget, QTableWidgetItem,
                               QTextBrowser, QToolButton, QVBoxLayout, QWidget)

from ...model import paths
from ...model.checks import declaration_variant
from ...model.declaration import Indicator
from ...model.indicator_library import sector_of
from ...model.library_catalogue import LOCAL, LOCAL_SECTOR, ORIGIN_LABELS, Catalogue, CatalogueEntry, fitted_levels
from ..editing import structure_edits
from ..editing.document import Document
from ..editing.local_library import shared
from .messages import show_error

_NO_TARGET = "请先在左边的树中选择要添加到的项目（或它的指标），或选择部门"
_NO_DOCUMENT = "还没有打开申报：打开或新建申报后，可把这里的指标添加到所选项目或部门"


def _short(level: str) -> str:
    return level[:-2] if level.endswith("指标") and len(level) > 2 else level


def _sector_text(entry: CatalogueEntry) -> str:
    """The 行业 column, where a bureau's entry says it is the bureau's (beside the bundled one of the same name)."""
    if entry.origin == LOCAL and entry.sector != LOCAL_SECTOR:
        return f"{entry.sector}（本地）"
    return entry.sector


# ---- the list ---------------------------------------------------------------------------------------------
class LibraryResultsModel(QAbstractTableModel):
    HEADERS = ("三级指标", "二级指标", "参考值", "行业")

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.rows: list[int] = []

    def set_rows(self, rows: list[int]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def entry(self, row: int) -> CatalogueEntry:
        return self.catalogue.entries[self.rows[row]]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.name, _short(entry.level2), entry.typical, _sector_text(entry))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (entry.explanation or entry.name, f"{entry.level1} › {entry.level2}", entry.example_value
                    and "来源中的指标值，仅供参考" or entry.form and "指标值的写法", None)[index.column()]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags


# ---- the dialog -------------------------------------------------------------------------------------------
class LibraryBrowser(QDialog):
    """Non-modal: the window stays usable behind it, and its target follows the tree (set_target)."""

    def __init__(self, parent: QWidget | None = None, entries: Catalogue | None = None):
        """entries: the local library's index (bundled, imported, 我的指标) unless another is given (the
        benchmark's larger one); that one follows the local library as it changes."""
        super().__init__(parent)
        self.setObjectName("libraryBrowser")
        self.setWindowTitle("从指标库添加指标")
        self.resize(1040, 620)
        self.catalogue = entries or shared().catalogue()
        self._follows_local = entries is None
        if entries is None:
            shared().changed.connect(self._library_changed)
        self._document: Document | None = None
        self._owner: str | None = None
        self._own_sector: str | None = None
        self.model = LibraryResultsModel(self.catalogue, self)
        column = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("搜索指标名称或指标解释，如：满意度、及时率、培训人次（↓ 进入列表，Enter 添加，Esc 关闭）")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.search.textEdited.connect(lambda _: self.message.hide())  # the last addition's news, until the next query
        self.search.installEventFilter(self)
        column.addWidget(self.search)
        column.addLayout(self._filters())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._results())
        self.details = QTextBrowser()
        self.details.setObjectName("libraryDetails")
        self.details.setOpenExternalLinks(True)
        self.details.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 400])
        column.addWidget(splitter, 1)
        column.addLayout(self._bottom())
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sector = QComboBox()
        self.sector.setObjectName("librarySector")
        self.sector.setToolTip("选定一个行业时，各部门通用的共性指标也一并列出，排在该行业之后")
        self.level = QComboBox()
        self.level.setObjectName("libraryLevel")
        self.origin = QComboBox()
        self.origin.setObjectName("libraryOrigin")
        self.origin.setToolTip("本地指标库：导入的财政局指标库（编辑 → 导入指标库…）；我的指标：本机打开或保存过的申报中的指标")
        self._fill_levels_and_origins()
        for text, combo in (("行业(&H)：", self.sector), ("一级/二级(&J)：", self.level), ("来源(&Y)：", self.origin)):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self.refresh)
        row.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("libraryCount")
        row.addWidget(self.count)
        return row

    def _fill_levels_and_origins(self) -> None:
        """The 一级/二级 and 来源 choices the catalogue has, the chosen ones kept."""
        for combo, items in ((self.level, [(f"　{level2}（{_short(level1)}）" if level2 else level1, (level1, level2))
                                           for level1, level2 in self.catalogue.levels]),
                             (self.origin, [(ORIGIN_LABELS[origin], origin) for origin in self.catalogue.origins])):
            chosen = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem("全部一级、二级指标" if combo is self.level else "全部来源", None)
                for text, data in items:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _library_changed(self) -> None:
        """A library imported or 我的指标 grown: the new index, the filters as they were."""
        self.catalogue = self.model.catalogue = shared().catalogue()
        self._fill_levels_and_origins()
        chosen = self.sector.currentData()
        self._preselect_sector(self._document)
        with QSignalBlocker(self.sector):
            self.sector.setCurrentIndex(max(0, self.sector.findData(chosen)))
        self.refresh()

    def show_origin(self, origin: str | None, news: str = "") -> None:
        """Only the entries of origin (None: all), the search cleared; news on the message line."""
        with QSignalBlocker(self.search), QSignalBlocker(self.origin), QSignalBlocker(self.sector):
            self.search.clear()
            self.origin.setCurrentIndex(max(0, self.origin.findData(origin)))
            self.sector.setCurrentIndex(max(0, self.sector.findData(None)))
        self.refresh()
        self.message.setText(news)
        self.message.setVisible(bool(news))

    def _results(self) -> QTableView:
        self.view = QTableView()
        self.view.setObjectName("libraryResults")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 90), (3, 110)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_details())
        self.view.doubleClicked.connect(lambda _: self.insert_chosen())  # Enter reaches the default button
        self.view.installEventFilter(self)
        return self.view

    def _bottom(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        row = QHBoxLayout()
        if self._follows_local:  # the benchmark's own index has no local library to manage
            manage = QPushButton("管理本地指标库…")
            manage.setObjectName("libraryManage")
            manage.setAutoDefault(False)
            manage.setToolTip("查看、删除导入的指标库，或清空我的指标")
            manage.clicked.connect(self.manage_local)
            row.addWidget(manage)
        self.target_label = QLabel()
        self.target_label.setObjectName("libraryTarget")
        row.addWidget(self.target_label, 1)
        self._buttons = row
        self.insert_button = QPushButton("添加所选指标")
        self.insert_button.setObjectName("libraryInsert")
        self.insert_button.setDefault(True)
        self.insert_button.clicked.connect(self.insert_chosen)
        close = QPushButton("关闭")
        close.setObjectName("libraryClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row.addWidget(self.insert_button)
        row.addWidget(close)
        rows.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("libraryMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #1565c0")
        self.message.hide()
        rows.addWidget(self.message)
        return rows

    def offer_import(self, action: QAction) -> None:
        """A 导入指标库… button beside the others, for the window's action."""
        button = QToolButton()
        button.setObjectName("libraryImport")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._buttons.insertWidget(0, button)

    def manage_local(self) -> LocalLibraryManager:
        """The imported libraries and 我的指标, to remove; the list here follows through the local library."""
        manager = self.findChild(LocalLibraryManager, "localLibraryManager")
        if manager is None:
            manager = LocalLibraryManager(self)
        manager.show_store()
        manager.show()
        manager.raise_()
        manager.activateWindow()
        return manager

    # ---- where the chosen ones go -----------------------------------------------------------------------
    def open_for(self, document: Document, owner: str | None) -> None:
        self.set_target(document, owner)
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    def set_target(self, document: Document | None, owner: str | None) -> None:
        """Add to owner's indicators (a project's location or paths.DEPARTMENT) of document; None: nowhere. A
        new document preselects its department's sector."""
        if document is not self._document:
            self._document = document
            self._preselect_sector(document)
            self.message.hide()
        self._owner = owner
        self._update_target()

    def _preselect_sector(self, document: Document | None) -> None:
        declaration = document.declaration if document is not None else None
        names = [declaration.department.name, *(p.unit for p in declaration.projects)] if declaration else []
        self._own_sector = sector_of(names)
        with QSignalBlocker(self.sector):
            self.sector.clear()
            if self._own_sector in self.catalogue.sectors:
                self.sector.addItem(f"{self._own_sector}（本部门）", self._own_sector)
            self.sector.addItem("全部行业", None)
            for sector in self.catalogue.sectors:
                if sector != self._own_sector:
                    self.sector.addItem(sector, sector)
            self.sector.setCurrentIndex(0)
        self.refresh()

    def target_text(self) -> str | None:
        """What the chosen ones are added to, or None when there is no such place."""
        owner, document = self._owner, self._document
        if document is None or owner is None:
            return None
        if owner == paths.DEPARTMENT:
            return "部门整体绩效指标"
        index = paths.project_index(owner)
        projects = document.declaration.projects
        if index is None or index >= len(projects):
            return None
        return f"项目“{projects[index].name or '（未命名）'}”的绩效指标"

    def _why_no_target(self) -> str:
        return _NO_DOCUMENT if self._document is None else _NO_TARGET

    def _update_target(self) -> None:
        text = self.target_text()
        self.target_label.setText(f"添加到：{text}" if text else f"添加到：（{self._why_no_target()}）")
        self._chosen_changed()

    def _chosen_changed(self, *_) -> None:
        self._show_details()
        chosen = len(self.chosen_rows())
        target = self.target_text()
        self.insert_button.setText(f"添加所选 {chosen} 个指标" if chosen > 1 else "添加所选指标")
        self.insert_button.setEnabled(bool(chosen and target))
        self.insert_button.setToolTip(self._why_no_target() if not target else "在列表中选择指标（Shift、Ctrl 可多选）" if not chosen
                                      else f"添加到{target}，一级、二级和名称填好，指标值留给您填写（Enter）")

    # ---- searching ---------------------------------------------------------------------------------------
    def refresh(self, *_) -> None:
        rows = self.catalogue.search(self.search.text(), self.sector.currentData(), self.level.currentData(),
                                     self._own_sector, self.origin.currentData())
        self.model.set_rows(rows)
        self.count.setText(f"共 {len(rows)} 条")
        self._chosen_changed()

    def chosen_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        return sorted({index.row() for index in selection.selectedRows()}) if selection else []

    def _show_details(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            total = len(self.catalogue.entries)
            self.details.setHtml(f"<p style='color:gray'>指标库共 {total} 条，均注明出处。在列表中选择一个指标，"
                                 "这里显示它的指标解释、来源中的指标值和出处。</p>")
            return
        self.details.setHtml(details_html(self.model.entry(index.row())))

    # ---- adding --------------------------------------------------------------------------------------------
    def insert_chosen(self) -> list[str]:
        """The chosen entries as indicators at the end of the target's list, one undo step; the ones it already
        has (same 一级, 二级 and name) are not added twice."""
        document, owner = self._document, self._owner
        rows = self.chosen_rows()
        if document is None or not rows or self.target_text() is None:
            return []
        variant = declaration_variant(document.declaration)
        list_location = paths.indicators(owner)
        present = document.value(list_location)
        have = {(i.level1, i.level2, (i.name or "").strip()) for i in present}
        new = []
        for row in rows:
            entry = self.model.entry(row)
            level1, level2 = fitted_levels(entry, variant)
            if (level1, level2, entry.name) not in have:
                have.add((level1, level2, entry.name))
                new.append(Indicator(level1=level1, level2=level2, name=entry.name))
        skipped = len(rows) - len(new)
        added = structure_edits.insert_indicators(document, list_location, len(present), new,
                                                  f"从指标库添加 {len(new)} 个指标") if new else []
        parts = [f"已添加 {len(new)} 个指标到{self.target_text()}，指标值待您填写" if new else "所选指标都已在表中"]
        if skipped and new:
            parts.append(f"{skipped} 个已在表中，未重复添加")
        if new:
            parts.append("撤销一次即可全部去掉")
        self.message.setText("；".join(parts) + "。")
        self.message.show()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()
        return added

    def changeEvent(self, event: QEvent) -> None:
        """Back in the browser: the target's name as it is now (the project may have been renamed meanwhile)."""
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._update_target()
        super().changeEvent(event)

    # ---- keys: ↓ from the search into the list, ↑ from its first row back -------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search and (key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
                                       or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.chosen_rows())):
            return self._enter_list()
        if watched is self.view and key == Qt.Key.Key_Up and self.view.currentIndex().row() <= 0:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _enter_list(self) -> bool:
        if not self.model.rowCount():
            return True
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.chosen_rows():
            self.view.selectRow(0)
        return True


# ---- 管理本地指标库 -------------------------------------------------------------------------------------------
class LocalLibraryManager(QDialog):
    """The imported 指标库 (file, day, entries) and 我的指标 (how many), with 删除所选 and 清空我的指标, each asked
    first. The store is changed through the local library, which writes it and rebuilds the one index, so the
    browser and the completer follow; a store that cannot be written is said and keeps everything."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("localLibraryManager")
        self.setWindowTitle("管理本地指标库")
        self.resize(620, 360)
        column = QVBoxLayout(self)
        column.addWidget(QLabel("导入的指标库（删除后其中的指标不再出现在搜索和输入提示中，需要时可重新导入）："))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("localLibraries")
        self.table.setHorizontalHeaderLabels(["文件", "导入日期", "指标条数"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        column.addWidget(self.table, 1)
        self.remove_button = QPushButton("删除所选")
        self.remove_button.setObjectName("localLibraryRemove")
        self.remove_button.clicked.connect(self.remove_chosen)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        self.mine_label = QLabel()
        self.mine_label.setObjectName("localMineCount")
        self.clear_button = QPushButton("清空我的指标")
        self.clear_button.setObjectName("localMineClear")
        self.clear_button.clicked.connect(self.clear_mine)
        row = QHBoxLayout()
        row.addWidget(self.mine_label, 1)
        row.addWidget(self.clear_button)
        column.addLayout(row)
        close = QPushButton("关闭")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        column.addLayout(row)

    def show_store(self) -> None:
        store = shared().store()
        self.table.setRowCount(0)
        for library in reversed(store.libraries):  # the newest import first, as the browser lists them
            at = self.table.rowCount()
            self.table.insertRow(at)
            for column, text in enumerate((library.file, library.imported, str(len(library.rows)))):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, library.file)
                self.table.setItem(at, column, item)
        self.mine_label.setText(f"我的指标（本机打开或保存过的申报文件中的指标）：{len(store.mine)} 条")
        self.clear_button.setEnabled(bool(store.mine))
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.chosen_files()))

    def chosen_files(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows]

    def remove_chosen(self) -> bool:
        files = self.chosen_files()
        if not files:
            return False
        names = "、".join(f"“{file}”" for file in files)
        if not self._confirm("删除导入的指标库", f"从本地指标库删除{names}？\n\n其中的指标将不再出现在搜索和输入提示中，"
                             "已添加到申报中的指标不受影响。需要时可重新导入。"):
            return False
        return self._change(lambda: shared().remove_libraries(files))

    def clear_mine(self) -> bool:
        count = len(shared().store().mine)
        if not count or not self._confirm("清空我的指标", f"清空我的指标（{count} 条）？\n\n它们来自本机打开或保存过的申报文件，"
                                                       "已填入申报的指标不受影响；之后打开或保存的文件会重新记入。"):
            return False
        return self._change(shared().clear_mine)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _change(self, change) -> bool:
        from ...storage.infra.errors import FileProblem

        try:
            change()
        except FileProblem as problem:  # the local library left everything as it was, in memory and on disk
            show_error(self, "本地指标库未能保存", problem, "本地指标库未做任何改动。处理好上述问题（磁盘空间、权限或"
                       "本地指标库文件）后再试。")
            return False
        finally:
            self.show_store()
        return True


def details_html(entry: CatalogueEntry) -> str:
    """The entry for the details pane: levels, 指标解释, the published value and how it is written, its sources."""
    e = html.escape
    parts = [f"<h3>{e(entry.name)}</h3>",
             f"<p>{e(entry.level1)} › {e(entry.level2)}<span style='color:gray'>　·　{e(entry.sector)}</span></p>"]
    parts.append(f"<p><b>指标解释：</b>{e(entry.explanation)}</p>" if entry.explanation
                 else "<p style='color:gray'>来源没有给出指标解释。</p>")
    if entry.example_value:
        parts.append(f"<p><b>来源中的指标值：</b>{e(entry.example_value)}"
                     "<span style='color:gray'>（发布单位自己的目标，仅供参考）</span></p>")
    if entry.form == "定性":
        parts.append("<p><b>写法：</b>定性（用文字写目标，如“及时”“达标”）</p>")
    elif entry.form:
        parts.append(f"<p><b>写法：</b>{e(entry.form)}<span style='color:gray'>（__ 处填本项目的目标）</span></p>")
    sources = []
    for source in entry.sources:
        said = "，".join(e(str(part)) for part in (source.publisher, f"{source.year}年" if source.year else None) if part)
        link = f"<br><a href='{e(source.url)}'>{e(source.url)}</a>" if source.url else ""
        sources.append(f"<li>{e(source.title)}" + (f"<br><span style='color:gray'>{said}</span>" if said else "")
                       + f"{link}</li>")
    parts.append("<p><b>出处：</b></p><ul>" + "".join(sources) + "</ul>")
    parts.append("<p style='color:gray'>添加后一级、二级和名称已填好；年度指标值留空，请按本项目的实际目标填写。</p>")
    return "".join(parts)


def open_library_browser(anchor: QWidget, document: Document | None, owner: str | None) -> LibraryBrowser:
    """The window's one browser (made on first use), shown for owner's indicators of document (None: no declaration
    is open yet, only to look in)."""
    window = anchor.window()
    browser = window.findChild(LibraryBrowser, "libraryBrowser", Qt.FindChildOption.FindDirectChildrenOnly)
    if browser is None:
        browser = LibraryBrowser(window)
        importing = window.findChild(QAction, "importLibraryAction")
        if importing is not None:  # 编辑 → 导入指标库…, also where a clerk misses the bureau's own indicators
            browser.offer_import(importing)
    browser.open_for(document, owner)
    return browser
