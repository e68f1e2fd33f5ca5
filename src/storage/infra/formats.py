"""The registry of file formats: what each is called, its extensions, how its content is recognised,
and where its reader and writer are. Dialogs, drag-and-drop, `convert` and the messages all ask here.

A file is recognised by its content first (a `.xls` that is really a zip workbook, a `.xlsx` that is
really text) and by its extension second, once: the format found is handed to its reader, which reads the
file as that format. Each format's reader and writer are loaded by a small function of its own on first
use, so starting the editor loads no spreadsheet, web or PDF library.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from .errors import FileProblem, os_problem
from .opened import Reader
from .preflight import DECLARATION, check_openable, open_regular
from .signatures import ODS_MIMETYPE, OLE2_MAGIC, PDF_MAGIC, ZIP_MAGIC

_HEAD_BYTES = 4096


class Probe:
    """The first bytes of a file, and the member names when it is a zip archive, read once."""

    def __init__(self, path: Path, noun: str = DECLARATION):
        self.path = path
        try:
            with open_regular(path, noun) as stream:  # a FIFO or a device is refused, never read
                self.head = stream.read(_HEAD_BYTES)
        except OSError as error:
            raise os_problem(path, error) from error

    @cached_property
    def zip_names(self) -> frozenset[str]:
        if not self.head.startswith(ZIP_MAGIC):
            return frozenset()
        import zipfile  # only for zip files: not loaded at start-up

        try:
            with zipfile.ZipFile(self.path) as archive:
                return frozenset(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return frozenset()  # a damaged archive: the extension decides, its reader names the damage

    @cached_property
    def text_head(self) -> str | None:
        """The head as text, or None when it holds bytes no text file has."""
        head = self.head
        for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            if head.startswith(bom):
                return head[len(bom):].decode(encoding, errors="ignore")
        if b"\x00" in head:
            return None
        for encoding in ("utf-8", "gb18030"):
            # The mark taken off first: utf-8-sig counts an error's position from after it
            text = head[len(codecs.BOM_UTF8):] if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8) else head
            try:
                return text.decode(encoding)
            except UnicodeDecodeError as error:
                if error.start >= len(text) - 4:  # a character cut by the end of the head
                    return text[:error.start].decode(encoding)
        return None


def _json_signature(probe: Probe) -> bool:
    text = probe.text_head
    return text is not None and text.lstrip().startswith("{")


def _html_look(probe: Probe) -> bool:
    text = (probe.text_head or "")[:2048].lower()
    return any(mark in text for mark in ("<html", "<!doctype html", "<table", "multipart/related"))


Writer = Callable[[Any], bytes]  # declaration → bytes


@dataclass(frozen=True)
class FileFormat:
    key: str
    label: str  # how dialogs and messages name it
    extensions: tuple[str, ...]
    load_reader: Callable[[], Reader]  # imports the reader on first use
    signature: Callable[[Probe], bool] | None = None  # sure signs in the content (magic bytes, zip members)
    looks_like: Callable[[Probe], bool] | None = None  # a guess, taken only when no signature matched
    load_writer: Callable[[], Writer] | None = None
    save_extensions: tuple[str, ...] = ()  # what the writer's bytes may be named (not .xlsm: no macros)
    textual: bool = False  # a text format: its extension outweighs a guess about the content
    counts: str | None = None  # what a slow reader reports progress in (页, 行, 张工作表); None: it takes no callback
    told_format: bool = False  # the reader takes kind=self.key: one reader for several containers
    isolated: bool = True  # contents read in a worker process (readers/worker.py): all but the editor's own JSON

    @property
    def writes(self) -> bool:
        return self.load_writer is not None and bool(self.save_extensions)

    def read(self, path: Path, progress=None):
        """Both steps here. progress: storage.infra.progress.Progress, passed on to the readers that count."""
        return self.declaration(path, self.contents(path, progress))

    def contents(self, path: Path, progress=None):
        """The container's plain data (readers/worker.py runs this step in the worker)."""
        arguments = {"kind": self.key} if self.told_format else {}
        if progress is not None and self.counts is not None:
            arguments["progress"] = progress
        return self.load_reader().contents(path, **arguments)

    def declaration(self, path: Path, contents):
        """The declaration in what contents() gave: an OpenResult."""
        from ...model.bulk import collector_paused  # the model: loaded with the first declaration, not at start

        with collector_paused():  # tens of thousands of models and no cycles: see model/bulk.py
            return self.load_reader().declaration(path, contents)

    def to_bytes(self, declaration) -> bytes:
        return self.load_writer()(declaration)

    def dialog_filter(self, extensions: tuple[str, ...] | None = None) -> str:
        return f"{self.label} ({' '.join('*' + e for e in extensions or self.extensions)})"


def _json_reader() -> Reader:
    from ..editor_files.json_file import open_json
    return Reader.whole(open_json)


def _json_writer() -> Writer:
    from ..editor_files.json_file import declaration_to_json
    return declaration_to_json


def _workbook_reader() -> Reader:
    from ..editor_files.workbook_reader import READER
    return READER


def _workbook_writer() -> Writer:
    from ..editor_files.workbook import workbook_bytes
    return workbook_bytes


def _spreadsheet_reader() -> Reader:
    from ..readers.spreadsheet import READER
    return READER


def _pdf_reader() -> Reader:
    from ..readers.pdf_file import READER
    return READER


def _web_page_reader() -> Reader:
    from ..readers.web_page import READER
    return READER


def _text_reader() -> Reader:
    from ..readers.text_file import READER
    return READER


def _word_reader() -> Reader:
    from ..readers.word_file import READER
    return READER


FORMATS: tuple[FileFormat, ...] = (
    FileFormat("json", "JSON 申报文件", (".json",), _json_reader, signature=_json_signature, textual=True,
               load_writer=_json_writer, save_extensions=(".json",), isolated=False),
    FileFormat("xlsx", "Excel 工作簿", (".xlsx", ".xlsm"), _workbook_reader,
               signature=lambda p: "xl/workbook.xml" in p.zip_names,
               load_writer=_workbook_writer, save_extensions=(".xlsx",)),
    FileFormat("xlsb", "Excel 二进制工作簿", (".xlsb",), _spreadsheet_reader,
               signature=lambda p: "xl/workbook.bin" in p.zip_names, counts="张工作表", told_format=True),
    FileFormat("ods", "OpenDocument 表格", (".ods",), _spreadsheet_reader,
               signature=lambda p: ODS_MIMETYPE in p.head[:200],
               counts="张工作表", told_format=True),
    FileFormat("xls", "Excel 97-2003 工作簿或 WPS 表格", (".xls", ".et"), _spreadsheet_reader,
               signature=lambda p: p.head.startswith(OLE2_MAGIC), counts="张工作表", told_format=True),
    FileFormat("pdf", "PDF 文件", (".pdf",), _pdf_reader, signature=lambda p: PDF_MAGIC in p.head[:1024], counts="页"),
    FileFormat("docx", "Word 文档", (".docx",), _word_reader, signature=lambda p: "word/document.xml" in p.zip_names),
    FileFormat("html", "网页", (".html", ".htm", ".mht", ".mhtml"), _web_page_reader, looks_like=_html_look,
               textual=True, counts="行"),
    FileFormat("text", "文本文件", (".txt", ".tsv", ".csv"), _text_reader, looks_like=lambda p: p.text_head is not None,
               textual=True, counts="行"),
)


def writable() -> list[FileFormat]:
    return [f for f in FORMATS if f.writes]


def by_key(key: str) -> FileFormat:
    return next(f for f in FORMATS if f.key == key)


def by_extension(path: str | Path) -> FileFormat | None:
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if suffix in f.extensions), None)


def is_known_name(path: str | Path) -> bool:
    """Worth offering to open (drag-and-drop): a registered extension, readable or not, so an
    unreadable one is answered with what it is and what to do instead of a refused drop."""
    return by_extension(path) is not None


def recognise(path: Path, noun: str = DECLARATION) -> FileFormat:
    """The format of an existing file, from its content first and its extension second. What is not a regular
    file, or is larger than limits.MAX_FILE_BYTES, is refused first, without reading it (preflight). noun: what
    the clerk chose the file as (申报, 指标库), for the refusals to say."""
    check_openable(path, noun)
    probe = Probe(path, noun)
    if not probe.head:
        raise FileProblem(path, f"文件是空的（0 字节），里面没有{noun}内容")
    named = by_extension(path)
    for candidates in ([f for f in FORMATS if f.signature and f.signature(probe)],
                       [named] if named is not None and named.textual else [],
                       [f for f in FORMATS if f.looks_like and f.looks_like(probe)],
                       [named] if named is not None else []):
        if candidates:
            return candidates[0]
    suffix = path.suffix.lower() or "无扩展名"
    raise FileProblem(path, f"不支持的文件类型“{suffix}”，请选择 {readable_description()} 文件")


def for_saving(path: str | Path) -> FileFormat:
    suffix = Path(path).suffix.lower()
    found = next((f for f in writable() if suffix in f.save_extensions), None)
    if found is None:
        names = "或".join("、".join(f.save_extensions) for f in writable())
        raise FileProblem(path, f"不支持保存为“{suffix or '无扩展名'}”，请使用 {names}")
    return found


def readable_description() -> str:
    """'.json、.xlsx 或 .xlsm' — for messages that say what can be opened."""
    extensions = [e for f in FORMATS for e in f.extensions]
    return "、".join(extensions[:-1]) + f" 或 {extensions[-1]}" if len(extensions) > 1 else extensions[0]


def open_dialog_filter() -> str:
    formats = FORMATS
    every = " ".join("*" + e for f in formats for e in f.extensions)
    return ";;".join([f"所有支持的文件 ({every})", *(f.dialog_filter() for f in formats), "所有文件 (*)"])


def save_dialog_filters() -> list[tuple[str, str]]:
    """(filter text, the extension a name chosen under that filter gets when it has none)."""
    return [(f.dialog_filter(f.save_extensions), f.save_extensions[0]) for f in writable()]
