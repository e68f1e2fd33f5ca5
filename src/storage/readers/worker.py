"""Reading an untrusted file in a worker process, so that a reader cannot take the editor down.

calamine aborts the whole process on one cell at XFD1048576, an .xls whose chains loop grows without end, a
PDF page can take a minute of table detection: no Python exception is raised that a caller could catch. So
every container but the editor's own JSON is opened in a child process held to limits.MAX_READER_MEMORY of
address space and limits.MAX_READ_SECONDS (a PDF also to limits.MAX_PDF_TABLE_SECONDS between two pages).
The child sends the reader's progress and then the container's plain contents — grids of cells, a PDF's
sections, pickled — or its FileProblem; whatever else ends it — a native abort, a runaway allocation, an endless
loop — becomes a FileProblem here, and this process, with the documents the window holds, is untouched. The
declaration is recognised from the contents here (FileFormat.recognise): the recognisers are plain Python, and
grids cost far less to send than the 24,000 models of a declaration at size M.

How the child is made, never by forking a process that holds Qt: on Linux a process that has loaded no Qt and
runs one thread (a headless command, frozen or not) forks itself, which costs nothing more; the window's process
asks a fork server started without Qt, which has the readers imported (each read forks from that clean, warm
process; warm_up() starts it ahead). Windows, macOS and the frozen window start a fresh interpreter (spawn; the
frozen entry calls multiprocessing.freeze_support() first). Linux and macOS have an address-space limit
(resource.RLIMIT_AS); Windows a job object's memory limit (windows_job.py).

`in_process` (or PERF_TARGET_READ_IN_PROCESS=1) reads in this process instead: for tests that patch a reader
and for profiling. The default is the worker.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable

from ...model.bulk import collector_paused
from ..infra.errors import FileProblem, error_text, short_detail
from ..infra.limits import (
    MAX_CONTENTS_BYTES,
    MAX_PDF_TABLE_SECONDS,
    MAX_READ_SECONDS,
    MAX_READER_MEMORY,
    megabytes,
)
from ..infra.progress import Cancelled, Progress

in_process = os.environ.get("PERF_TARGET_READ_IN_PROCESS") == "1"

_PACKAGE = __name__.rsplit(".storage.", 1)[0]  # `src`, or the installed package's name
# Imported once by the fork server, so that a read forks with them loaded (0.13–0.2 s a read less, measured).
_PRELOAD = [f"{_PACKAGE}.storage.{name}" for name in (
    "readers.worker", "infra.formats", "editor_files.workbook_reader", "readers.spreadsheet", "readers.pdf_file",
    "readers.web_page", "readers.text_file", "readers.word_file", "containers.pdf.table", "clipboard.pasted_rows")] + [
    "python_calamine", "pdfplumber", "openpyxl"]
_HEARTBEAT = 0.25  # seconds between repeats of the last progress report while a step takes long
_SPREADSHEET_REMEDY = "请在 WPS/Excel 中打开它，删除表格外多余的行和列后另存为 .xlsx 再打开，或向发送方重新索取文件"
_REMEDIES = {"pdf": "请重新下载或向发文单位索取文件；能在 PDF 阅读器中打开时，可只把含表格的页面“打印为 PDF”另存一份再试",
             "html": "请向发送方重新索取文件，或在浏览器或 WPS/Excel 中打开后另存为 .xlsx 再打开",
             "text": "请向发送方重新索取文件，或在 WPS/Excel 中打开后另存为 .xlsx 再打开"}
_SECONDS_PER_REPORT = {"pdf": MAX_PDF_TABLE_SECONDS}  # formats whose reports come per page: a page's limit
_WINDOWS_NO_MEMORY = 0xC0000017  # STATUS_NO_MEMORY, a process's exit code
_TOO_MUCH_EXIT = 86  # the worker's exit code when what it read is past MAX_CONTENTS_BYTES
_LAST_WORDS = re.compile(r"memory allocation of|MemoryError|panicked at|Fatal Python error")

Task = Callable[..., Any]  # (*arguments, path, progress) → plain data; importable by name (it is pickled)


def read(found, path: Path, progress: Progress | None = None):
    """found.read(path, progress): the container's contents read in a worker process (unless found is the editor's
    own JSON, or in_process), the declaration recognised from them here."""
    if in_process or not found.isolated:
        return found.read(path, progress)
    remedy = _REMEDIES.get(found.key, _SPREADSHEET_REMEDY)
    last = [1, 1]  # the worker's last report, repeated while the declaration is recognised

    def relay(done: int, total: int) -> bool | None:
        last[:] = done, total
        return progress(done, total)

    contents = run(contents_as, (found.key,), path, relay if progress else None, remedy=remedy,
                   seconds_per_report=_SECONDS_PER_REPORT.get(found.key))
    if progress is None:
        return _recognised(found, path, contents, remedy)
    return _while_telling(lambda: _recognised(found, path, contents, remedy), path, lambda: progress(*last))


def _recognised(found, path: Path, contents, remedy: str):
    try:
        return found.declaration(path, contents)
    except FileProblem:
        raise
    except Exception as error:  # a recogniser's bug: said as the worker says a reader's, its words on the detail line
        raise FileProblem(path, f"读取时出错，未打开。{remedy}", error_text(error)) from error


def _while_telling(work: Callable[[], Any], path: Path, tell_again: Callable[[], bool | None]):
    """work() in a thread while this one tells progress again every _HEARTBEAT: a city-wide file takes seconds to
    recognise, and the window's dialog stays painted and its 取消 answered meanwhile (a cancelled recognition runs
    on to its end unseen; its declaration is dropped)."""
    import threading

    outcome: dict[str, Any] = {}

    def run_work() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed to the caller's thread as it is
            outcome["error"] = error

    thread = threading.Thread(target=run_work, name="perf-target-recognise", daemon=True)
    thread.start()
    while True:
        thread.join(_HEARTBEAT)
        if not thread.is_alive():
            break
        if tell_again() is False:
            raise Cancelled(path)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def contents_as(key: str, path: Path, progress: Progress):
    """In the worker: the registry's container reading for the format key (plain grids, text, sections)."""
    from ..infra.formats import by_key

    return by_key(key).contents(path, progress)


def run(reader: Task, arguments: tuple, path: Path, progress: Progress | None = None, *,
        remedy: str = _SPREADSHEET_REMEDY, seconds_per_report: float | None = None, seconds: float | None = None):
    """reader(*arguments, path, progress) in a worker process: its result, or a FileProblem for anything that
    went wrong there; Cancelled when progress answers False (the worker is stopped at once). seconds: its time limit,
    MAX_READ_SECONDS unless a caller needs less. In this process when in_process is set."""
    if in_process:
        return reader(*arguments, Path(path), progress)
    import tempfile  # multiprocessing and tempfile: loaded at the first read, not at the editor's start

    path = Path(path)
    context = _context()
    try:
        log, log_path = tempfile.mkstemp(prefix="perf-target-reader-", suffix=".txt")
        os.close(log)
    except OSError:  # no writable temporary folder: the worker's own words are lost, not the read
        log_path = os.devnull
    ours, theirs = context.Pipe()
    reports = progress is not None or seconds_per_report is not None  # else the worker sends none
    worker = context.Process(target=_work, args=(theirs, reader, arguments, path, log_path, reports), daemon=True,
                             name="perf-target-reader")
    try:
        try:
            worker.start()
        except OSError as error:  # no process can be made (the system's limit on processes or memory)
            raise FileProblem(path, "无法启动读取文件的进程（系统资源不足），未打开。请关闭一些程序后再试",
                              error_text(error)) from error
        theirs.close()
        return _Waiting(worker, ours, path, log_path, progress, remedy, seconds_per_report,
                        MAX_READ_SECONDS if seconds is None else seconds).result()
    finally:
        if worker.is_alive():
            worker.kill()
        if worker.pid is not None:  # reaped: never a zombie, whatever happened
            worker.join()
        ours.close()
        if log_path != os.devnull:
            Path(log_path).unlink(missing_ok=True)


def warm_up() -> None:
    """Start the fork server now (the window, once shown), so that the first open does not wait for it."""
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class _Waiting:
    """The parent's side: the worker's messages read as they come (a result is unpickled here while the worker is
    still pickling it), progress passed on, the time limits kept, and its death said."""

    def __init__(self, worker, connection, path: Path, log_path: str, progress: Progress | None, remedy: str,
                 seconds_per_report: float | None, seconds: float):
        self.worker, self.connection, self.path, self.log_path = worker, connection, path, log_path
        self.progress, self.remedy, self.seconds_per_report = progress, remedy, seconds_per_report
        self.seconds = seconds
        self.started = self.reported = time.monotonic()
        self.last: tuple[int, int] | None = None  # the last (done, total) reported
        self.messages = io.BufferedReader(_Frames(self.frame))

    def result(self):
        while True:
            with collector_paused():  # a grid's many cells, none of them in a cycle
                message = pickle.load(self.messages)
            self.reported = time.monotonic()
            if message[0] == "started":  # what went before (a fresh interpreter's imports) is not the first page's
                continue
            if message[0] != "progress":
                return self._end(message)
            self.last = message[1:]
            self._tell()

    def frame(self) -> bytes:
        """The worker's next frame of pickled messages, once it comes; a FileProblem when the worker ends first,
        Cancelled when progress says stop."""
        from multiprocessing.connection import wait

        while True:
            ready = wait([self.connection, self.worker.sentinel], timeout=self._timeout())
            if self.connection in ready:
                try:
                    return self.connection.recv_bytes()
                except (EOFError, OSError):  # it died while sending, or without a word
                    raise self._death() from None
            if ready:  # the sentinel alone: it ended without sending its result
                raise self._death()
            self._keep_time()
            if self.last is not None:
                self._tell()  # the dialog stays painted and its 取消 answered through a long page

    def _timeout(self) -> float:
        return max(0.0, min(_HEARTBEAT, self._deadline() - time.monotonic()))

    def _deadline(self) -> float:
        deadline = self.started + self.seconds
        if self.seconds_per_report is not None and not (self.last and self.last[0] >= self.last[1]):
            deadline = min(deadline, self.reported + self.seconds_per_report)  # a page to go: its limit
        return deadline

    def _keep_time(self) -> None:
        if time.monotonic() < self._deadline():
            return
        self.worker.kill()
        if time.monotonic() >= self.started + self.seconds:
            raise FileProblem(self.path, f"读取超过 {self.seconds:g} 秒仍未完成（超时），已停止，未打开。{self.remedy}")
        page = (self.last[0] if self.last else 0) + 1
        raise FileProblem(self.path, f"PDF 第 {page} 页的表格识别超过 {self.seconds_per_report} 秒的上限（页面太大或线条过密，"
                                     "不像是一张申报表），已停止，未打开。请只导出含表格的页面（打印为 PDF 时选择页码范围）后再打开")

    def _tell(self) -> None:
        if self.progress is not None and self.progress(*self.last) is False:
            self.worker.kill()
            raise Cancelled(self.path)

    def _end(self, message: tuple):
        kind = message[0]
        if kind == "result":
            return message[1]
        if kind == "problem":
            raise FileProblem(message[1], message[2], message[3])
        if kind == "cancelled":
            raise Cancelled(self.path)
        if kind == "memory":
            raise self._memory(message[1])
        raise FileProblem(self.path, f"读取时出错，未打开。{self.remedy}", message[1])  # "error": a reader's bug

    def _memory(self, detail: str | None) -> FileProblem:
        return FileProblem(self.path, f"读取需要的内存超过 {megabytes(MAX_READER_MEMORY)} 的上限（文件可能已损坏，或内容大得不像"
                                      f"一份申报），已停止，未打开。{self.remedy}", detail)

    def _death(self) -> FileProblem:
        self.worker.join()
        code = self.worker.exitcode
        if code == _TOO_MUCH_EXIT:
            return FileProblem(self.path, f"文件中的表格内容超过 {megabytes(MAX_CONTENTS_BYTES)} 的上限（比本程序能打开的最大申报"
                                          f"还多，多半是表格外有大量多余的内容），未打开。{self.remedy}")
        said = _last_words(self.log_path)
        how = f"退出码 {code}" if code >= 0 else _signal_name(-code)
        detail = f"{how}; {said}" if said else how
        # A Rust allocation failure aborts; the kernel kills what the memory ran out for (SIGKILL, not sent here);
        # Windows ends a process past its job's memory with STATUS_NO_MEMORY.
        if "memory allocation" in said or "MemoryError" in said or code in (-getattr(signal, "SIGKILL", 9),
                                                                                _WINDOWS_NO_MEMORY):
            return self._memory(detail)
        return FileProblem(self.path, f"程序读取该文件时崩溃（读取它的程序库异常终止，文件可能已损坏或含有本程序无法处理的内容），"
                                      f"未打开。{self.remedy}", detail)


class _Frames(io.RawIOBase):
    """The frames the worker sends, as the file pickle.load reads them from."""

    def __init__(self, fetch: Callable[[], bytes]):
        super().__init__()
        self.fetch = fetch
        self.rest = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.rest:
            self.rest = memoryview(self.fetch())
        size = min(len(buffer), len(self.rest))
        buffer[:size] = self.rest[:size]
        self.rest = self.rest[size:]
        return size


class _Sent:
    """What the worker's pickler writes to: each frame (~64 KB) sent as it is filled, and counted: past
    limits.MAX_CONTENTS_BYTES the worker stops (_TooMuch), so the editor's process never holds more of a file's cells
    than a declaration at the editor's limits has."""

    def __init__(self, connection):
        self.connection = connection
        self.sent = 0

    def write(self, data) -> int:
        self.sent += len(data)
        if self.sent > MAX_CONTENTS_BYTES:
            raise _TooMuch
        self.connection.send_bytes(data)
        return len(data)


class _TooMuch(Exception):
    pass


def _context():
    """How the worker is made (see the module's docstring)."""
    import multiprocessing
    import threading

    if sys.platform != "linux":
        return multiprocessing.get_context("spawn")
    if not any(name == "PySide6" or name.startswith("PySide6.") for name in sys.modules) \
            and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if getattr(sys, "frozen", False):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _work(connection, reader: Task, arguments: tuple, path: Path, log_path: str, reports: bool) -> None:
    """The worker: limits set, the reader run, its result or its problem sent."""
    gc.freeze()  # what it was forked with is never walked by the collector, so its pages are not copied
    _write_output_to(log_path)
    _limit()
    sent = _Sent(connection)

    def relay(done: int, total: int) -> None:  # told without waiting: the parent stops the worker to cancel
        _send(sent, ("progress", done, total))

    if reports:
        _send(sent, ("started",))
    try:
        message: tuple = ("result", reader(*arguments, path, relay if reports else None))
    except Cancelled:
        message = ("cancelled",)
    except FileProblem as problem:
        message = ("problem", str(problem.path), problem.reason, problem.detail)
    except MemoryError as error:
        message = ("memory", error_text(error))
    except Exception as error:  # a reader's bug: said as a reading error, its words on the detail line
        message = ("error", error_text(error))
    # Sent as it is pickled: should pickling fail half-way, the worker ends with the error in its log, which
    # the parent reads (a second message after half of one could not be told apart from it).
    try:
        _send(sent, message)
    except _TooMuch:
        os._exit(_TOO_MUCH_EXIT)  # said by its exit code: half a message is on its way


def _send(sent: _Sent, message: tuple) -> None:
    with collector_paused():
        pickle.Pickler(sent, protocol=pickle.HIGHEST_PROTOCOL).dump(message)


def _write_output_to(log_path: str) -> None:
    """A library's words (calamine's `memory allocation … failed`, pdfminer's warnings) go to the log, which the
    parent reads for the detail line: never onto the command's stderr, where only the message belongs."""
    try:
        log = os.open(log_path, os.O_WRONLY | os.O_APPEND)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        if sys.platform == "win32":
            from .windows_job import route_std_handles

            route_std_handles()
    except OSError:
        pass


def _limit() -> None:
    if sys.platform == "win32":  # no RLIMIT_AS: a job object's memory and CPU limits
        from .windows_job import limit_this_process

        refused = limit_this_process(MAX_READER_MEMORY, MAX_READ_SECONDS + 60)
        if refused:
            print(f"reader limits not set: {refused}", file=sys.stderr)  # the log: the parent's time limit still holds
        return
    try:
        import resource
    except ImportError:  # no such limit on this system: the parent's time limit still holds
        return
    for kind, wanted in ((resource.RLIMIT_AS, MAX_READER_MEMORY),
                         (resource.RLIMIT_CPU, MAX_READ_SECONDS + 60)):  # if the parent is gone, the CPU limit ends it
        _, hard = resource.getrlimit(kind)
        try:
            resource.setrlimit(kind, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))
        except (ValueError, OSError):  # macOS takes RLIMIT_AS only within limits of its own
            pass


def _last_words(log_path: str) -> str:
    """What the worker said last before it ended: Rust's `memory allocation of … bytes failed` or `panicked at`, or
    the last line (a Python traceback's exception), from the end of its log."""
    try:
        with open(log_path, "rb") as log:
            log.seek(0, os.SEEK_END)
            log.seek(max(0, log.tell() - 16384))  # a Rust backtrace (RUST_BACKTRACE=1) runs to some 8 KB
            lines = log.read().decode("utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    telling = [line for line in lines if _LAST_WORDS.search(line)]
    return short_detail((telling or lines or [""])[-1])


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"信号 {number}"
