"""The registry of file formats: what each is called, its extensions, how its content is recognised,
and where its reader and writer are. Dialogs, drag-and-drop, `convert` and the messages all ask here.

A file is recognised by its content first (a `.xls` that is really a zip workbook, a `.xlsx` that is
really text) and by its extension second. Readers and writers are named as "module:function" and
imported on first use, so starting the editor loads no spreadsheet library.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import Callable

from .errors import FileProblem

_HEAD_BYTES = 4096


class Probe:
    """The first bytes of a file, and the member names when it is a zip archive, read once."""

    def __init__(self, path: Path):
        self.path = path
        try:
            with path.open("rb") as stream:
                self.head = stream.read(_HEAD_BYTES)
        except OSError as error:
            raise FileProblem(path, f"无法读取文件：{error.strerror or error}") from error

    @cached_property
    def zip_names(self) -> frozenset[str]:
        if not self.head.startswith(b"PK\x03\x04"):
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
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return head.decode(encoding)
            except UnicodeDecodeError as error:
                if error.start >= len(head) - 4:  # a character cut by the end of the head
                    return head[:error.start].decode(encoding)
        return None


def _json_signature(probe: Probe) -> bool:
    text = probe.text_head
    return text is not None and text.lstrip().startswith("{")


def _html_look(probe: Probe) -> bool:
    text = (probe.text_head or "")[:2048].lower()
    return any(mark in text for mark in ("<html", "<!doctype html", "<table", "multipart/related"))


@dataclass(frozen=True)
class FileFormat:
    key: str
    label: str  # how dialogs and messages name it
    extensions: tuple[str, ...]
    reader: str  # "module:function" under src.storage, path -> OpenResult
    signature: Callable[[Probe], bool] | None = None  # sure signs in the content (magic bytes, zip members)
    looks_like: Callable[[Probe], bool] | None = None  # a guess, taken only when no signature matched
    writer: str | None = None  # "module:function", declaration -> bytes
    save_extensions: tuple[str, ...] = ()  # what the writer's bytes may be named (not .xlsm: no macros)
    textual: bool = False  # a text format: its extension outweighs a guess about the content
    counts: str | None = None  # what a slow reader reports progress in (页, 行, 张工作表); None: it takes no callback

    @property
    def writes(self) -> bool:
        return self.writer is not None and bool(self.save_extensions)

    def read(self, path: Path, progress=None):
        """progress: storage.infra.progress.Progress, passed on to the readers that count something."""
        if progress is None or self.counts is None:
            return _function(self.reader)(path)
        return _function(self.reader)(path, progress)

    def to_bytes(self, declaration) -> bytes:
        return _function(self.writer)(declaration)

    def dialog_filter(self, extensions: tuple[str, ...] | None = None) -> str:
        return f"{self.label} ({' '.join('*' + e for e in extensions or self.extensions)})"


def _function(reference: str) -> Callable:
    module, name = reference.split(":")
    return getattr(import_module(f"{__package__.rpartition('.')[0]}.{module}"), name)


FORMATS: tuple[FileFormat, ...] = (
    FileFormat("json", "JSON 申报文件", (".json",), signature=_json_signature, textual=True,
               reader="editor_files.json_file:open_json", writer="editor_files.json_file:declaration_to_json", save_extensions=(".json",)),
    FileFormat("xlsx", "Excel 工作簿", (".xlsx", ".xlsm"),
               signature=lambda p: "xl/workbook.xml" in p.zip_names,
               reader="editor_files.workbook:read_workbook", writer="editor_files.workbook:workbook_bytes", save_extensions=(".xlsx",)),
    FileFormat("xlsb", "Excel 二进制工作簿", (".xlsb",), signature=lambda p: "xl/workbook.bin" in p.zip_names,
               reader="readers.spreadsheet:read_spreadsheet", counts="张工作表"),
    FileFormat("ods", "OpenDocument 表格", (".ods",),
               signature=lambda p: b"application/vnd.oasis.opendocument.spreadsheet" in p.head[:200],
               reader="readers.spreadsheet:read_spreadsheet", counts="张工作表"),
    FileFormat("xls", "Excel 97-2003 工作簿或 WPS 表格", (".xls", ".et"),
               signature=lambda p: p.head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
               reader="readers.spreadsheet:read_spreadsheet", counts="张工作表"),
    FileFormat("pdf", "PDF 文件", (".pdf",), signature=lambda p: b"%PDF-" in p.head[:1024],
               reader="readers.pdf_file:read_pdf_table", counts="页"),
    FileFormat("html", "网页", (".html", ".htm", ".mht", ".mhtml"), looks_like=_html_look, textual=True,
               reader="readers.web_page:read_html", counts="行"),
    FileFormat("text", "文本文件", (".txt", ".tsv", ".csv"), looks_like=lambda p: p.text_head is not None,
               textual=True, reader="readers.text_file:read_text_table", counts="行"),
)


def writable() -> list[FileFormat]:
    return [f for f in FORMATS if f.writes]


def by_extension(path: str | Path) -> FileFormat | None:
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if suffix in f.extensions), None)


def is_known_name(path: str | Path) -> bool:
    """Worth offering to open (drag-and-drop): a registered extension, readable or not, so an
    unreadable one is answered with what it is and what to do instead of a refused drop."""
    return by_extension(path) is not None


def recognise(path: Path) -> FileFormat:
    """The format of an existing file, from its content first and its extension second."""
    probe = Probe(path)
    if not probe.head:
        raise FileProblem(path, "文件是空的（0 字节），里面没有申报内容")
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
