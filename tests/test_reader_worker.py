"""Issue 23, item 6: a reader cannot take the editor down. Every container but the editor's own JSON is read in a
worker process (src/storage/readers/worker.py) under an address-space and a time limit; whatever ends that process —
a native abort, a runaway allocation, an endless loop, a page of table detection past its limit — is a Chinese
FileProblem here, the worker is gone, and this process (and the window's document) is untouched.

The misbehaving readers are this module's functions, run by the same worker entry as the registry's readers
(worker.run, or worker.contents_as replaced for the window): the worker imports them by name.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from src.storage.infra import formats, limits
from src.storage.readers import worker
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from src.storage.infra.progress import Cancelled, tell
from tests.hostile import generate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


# ---- readers that misbehave, run in the worker ------------------------------------------------------------

def aborting(path, progress):
    os.abort()


def allocating(path, progress):
    hoard = []
    while True:
        hoard.append(bytes(256 * limits.MB))  # calloc'd: address space taken, no memory touched


def looping(path, progress):
    while True:
        pass


def stuck_on_page_two(path, progress):
    tell(progress, path, 1, 5)
    while True:
        time.sleep(1)


def after_the_last_page(path, progress):
    tell(progress, path, 2, 2)
    time.sleep(2)  # what follows the last page (sections, forms) has no page's limit
    return "read"


def counting(pid_file, steps, pause, path, progress):
    Path(pid_file).write_text(str(os.getpid()))
    for page in range(1, steps + 1):
        tell(progress, path, page, steps)
        time.sleep(pause)
    return "read to the end"


def failing(path, progress):
    raise KeyError("a reader's bug")


def refusing(path, progress):
    raise FileProblem(path, "表格不完整", "detail words")


def unguarded_workbook(key, path, progress):
    """The registry's reader with the pre-check of the sheets' XML turned off (in the worker only: it is forked or
    started for this read and ends with it), so that calamine itself meets the cell at XFD1048576."""
    from src.storage.containers import sheet_grid
    from src.storage.editor_files import workbook_reader

    workbook_reader.check_zip = sheet_grid.check_zip = lambda path: None
    return formats.by_key(key).contents(path, progress)


def aborting_as(key, path, progress):
    os.abort()


def aborting_on_html(html, path, progress):
    os.abort()


def sending_too_much(path, progress):
    """Contents past the limit on what a worker sends back, the limit lowered in the worker for the test."""
    worker.MAX_CONTENTS_BYTES = 1_000_000
    return [str(number) * 200 for number in range(20_000)]  # ~4 MB pickled, every string its own


def dense_grid_pdf(path: Path, lines: int = 200) -> Path:
    """One 14,400 pt page ruled by `lines` horizontal and as many vertical lines: pdfplumber's table detection
    takes ~30 s on it here (100 lines: 2 s)."""
    size, step = 14400, 14400 / lines
    rules = [b"0 %.1f m %d %.1f l S %.1f 0 m %.1f %d l S" % (i * step, size, i * step, i * step, i * step, size)
             for i in range(lines + 1)]
    stream = b"\n".join([*rules, b"BT /F1 12 Tf 100 100 Td (x) Tj ET"])
    path.write_bytes(generate.pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        % (size, size),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))
    return path


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "表格.xlsx"
    path.write_bytes(b"anything")
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# ---- what ends the worker is a message, and this process goes on ----------------------------------------

def test_a_native_abort_is_a_crash_said_in_chinese(source):
    with pytest.raises(FileProblem) as caught:
        worker.run(aborting, (), source)
    problem = caught.value
    assert problem.path == source and "程序读取该文件时崩溃" in problem.reason and "另存为 .xlsx" in problem.reason
    assert problem.detail.startswith("SIGABRT")
    assert str(problem).startswith("表格.xlsx：")


def test_calamine_asking_for_549_gb_is_over_the_memory_limit(tmp_path):
    path = generate.far_cell_xlsx(tmp_path / "远.xlsx")
    assert path.stat().st_size < 20_000
    started = time.monotonic()
    with pytest.raises(FileProblem) as caught:
        worker.run(unguarded_workbook, ("xlsx",), path)
    assert time.monotonic() - started < 10
    assert f"内存超过 {limits.megabytes(limits.MAX_READER_MEMORY)} 的上限" in caught.value.reason
    assert "memory allocation of" in caught.value.detail  # calamine's words, on the detail line only


def test_the_same_workbook_with_the_pre_check_is_refused_naming_the_cell(tmp_path):
    path = generate.far_cell_xlsx(tmp_path / "远.xlsx")
    with pytest.raises(FileProblem) as caught:
        open_declaration(path)
    assert "XFD1048576" in str(caught.value)


def test_a_runaway_allocation_stops_at_the_limit(source):
    with pytest.raises(FileProblem) as caught:
        worker.run(allocating, (), source)
    assert "读取需要的内存超过" in caught.value.reason and "已停止，未打开" in caught.value.reason


def test_an_endless_loop_is_stopped_at_the_time_limit(source, monkeypatch):
    monkeypatch.setattr(worker, "MAX_READ_SECONDS", 1)
    started = time.monotonic()
    with pytest.raises(FileProblem) as caught:
        worker.run(looping, (), source)
    assert 1 <= time.monotonic() - started < 5
    assert "超过 1 秒仍未完成（超时）" in caught.value.reason


def test_a_pdf_page_past_its_seconds_is_named(source):
    seen = []
    started = time.monotonic()
    with pytest.raises(FileProblem) as caught:
        worker.run(stuck_on_page_two, (), source, lambda done, total: seen.append((done, total)), seconds_per_report=1)
    assert 1 <= time.monotonic() - started < 5
    assert "PDF 第 2 页的表格识别超过 1 秒的上限" in caught.value.reason
    assert seen[0] == (1, 5)


def test_the_page_limit_ends_with_the_last_page(source):
    assert worker.run(after_the_last_page, (), source, seconds_per_report=1) == "read"


def test_a_real_pdf_page_past_its_seconds_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(worker, "_SECONDS_PER_REPORT", {"pdf": 2})  # the parent keeps the time: 2 s instead of 10
    path = dense_grid_pdf(tmp_path / "密.pdf")
    started = time.monotonic()
    with pytest.raises(FileProblem) as caught:
        open_declaration(path)
    assert time.monotonic() - started < 6
    assert caught.value.reason.startswith("PDF 第 1 页的表格识别超过 2 秒的上限")


def test_the_pdf_page_limit_is_the_registrys():
    assert worker._SECONDS_PER_REPORT == {"pdf": limits.MAX_PDF_TABLE_SECONDS}


def test_a_readers_own_problem_and_its_bugs_come_back_as_file_problems(source):
    with pytest.raises(FileProblem) as caught:
        worker.run(refusing, (), source)
    assert (caught.value.reason, caught.value.detail) == ("表格不完整", "detail words")
    with pytest.raises(FileProblem) as caught:
        worker.run(failing, (), source)
    assert caught.value.reason.startswith("读取时出错") and caught.value.detail == "KeyError: \"a reader's bug\""


def test_cancelling_through_progress_stops_the_worker(source, tmp_path):
    pid_file = tmp_path / "pid"
    seen = []
    with pytest.raises(Cancelled):
        worker.run(counting, (str(pid_file), 1000, 0.01), source, lambda done, total: seen.append(done) or done < 3)
    assert seen == [1, 2, 3]  # none passed on after the one refused
    assert not _alive(int(pid_file.read_text()))  # stopped and reaped


def test_a_read_to_the_end_reports_every_step(source, tmp_path):
    seen = []
    assert worker.run(counting, (str(tmp_path / "pid"), 500, 0), source, lambda d, t: seen.append(d)) == "read to the end"
    assert seen == list(range(1, 501))


def test_the_library_words_of_a_dying_worker_stay_off_stderr(source, capfd):
    with pytest.raises(FileProblem):
        worker.run(unguarded_workbook, ("xlsx",), generate.far_cell_xlsx(source.with_name("远.xlsx")))
    assert "memory allocation" not in capfd.readouterr().err


# ---- a normal file reads the same through the worker as in this process ---------------------------------

@pytest.mark.parametrize("path", [DATA / "tianhe-2023-projects.xlsx", DATA / "haizhu-department.xlsx",
                                  DATA / "html" / "panyu-2022-projects.html", DATA / "html" / "tianhe-2023-projects.mht",
                                  DATA / "pdf" / "tianhe-2023-projects.pdf", DATA / "pdf" / "editor-panyu-2022-summary.pdf",
                                  DATA / "seeds" / "002_fbe7460060ce89e9.txt", DATA / "containers" / "panyu-2022-projects.xls",
                                  DATA / "containers" / "haizhu-department.ods"], ids=lambda p: p.name)
def test_a_file_reads_the_same_through_the_worker(path, monkeypatch):
    assert formats.recognise(path).isolated
    through = open_declaration(path)
    monkeypatch.setattr(worker, "in_process", True)
    here = open_declaration(path)
    assert through.declaration == here.declaration
    # the models are rebuilt from their fields (worker._model): which fields were set comes along too
    assert through.declaration.model_dump(exclude_unset=True) == here.declaration.model_dump(exclude_unset=True)
    assert (through.imported, through.format_note) == (here.imported, here.format_note)
    facts = lambda notes: [(str(n), type(n), n.location, n.source, n.row, n.column, n.source_text) for n in notes]
    assert facts(through.notes) == facts(here.notes) and through.notes


def test_the_editors_own_json_is_read_here(demo_path, monkeypatch):
    monkeypatch.setattr(worker, "run", lambda *a, **k: pytest.fail("JSON went to the worker"))
    assert open_declaration(demo_path).declaration.projects


def test_progress_reaches_the_caller_through_the_worker():
    seen = []
    open_declaration(DATA / "pdf" / "editor-panyu-2022-summary.pdf", lambda done, total: seen.append((done, total)))
    assert seen[0] == (1, 7) and seen[-1] == (7, 7)


def test_a_process_holding_qt_is_never_forked_and_the_fork_server_loads_the_readers():
    assert worker._context().get_start_method() == "forkserver"  # this process holds Qt (the session's application)
    for name in worker._PRELOAD:
        __import__(name)  # every name is importable: the fork server would skip a typo silently
    assert not any("PySide6" in name for name in worker._PRELOAD)


def test_contents_past_the_limit_are_refused_before_the_editor_holds_them(source):
    with pytest.raises(FileProblem) as refused:
        worker.run(sending_too_much, (), source)
    reason = str(refused.value)
    assert "表格内容超过" in reason and "上限" in reason and str(source.name) in reason


# ---- the clipboard's text/html, and the limit on Windows -------------------------------------------------------

def test_copied_html_is_parsed_in_the_worker_so_its_parser_cannot_take_the_editor_down(monkeypatch):
    from src.storage.clipboard import pasted_rows

    monkeypatch.setattr(pasted_rows, "clipboard_grids", aborting_on_html)  # what the worker will run
    for paste in (pasted_rows.indicators_from_clipboard, pasted_rows.table_from_clipboard):
        with pytest.raises(FileProblem) as refused:
            paste("<table><tr><td>产出指标</td><td>数量指标</td></tr></table>", None)
        reason = str(refused.value)
        assert "剪贴板" in reason and "崩溃" in reason and "重新复制" in reason


def test_copied_html_reads_the_same_through_the_worker(monkeypatch):
    from src.storage.clipboard.pasted_rows import html_grids

    html = "<table><tr><td rowspan=2>产出指标</td><td>数量指标</td><td>培训人次</td></tr><tr><td>质量指标</td><td>合格率</td></tr></table>"
    through = [grid.rows for grid in html_grids(html)]
    monkeypatch.setattr(worker, "in_process", True)
    assert through == [grid.rows for grid in html_grids(html)] and through[0][1][0] == "产出指标"


def test_the_windows_job_limits_are_laid_out_as_windows_has_them():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION on 64-bit Windows: 144 bytes, ProcessMemoryLimit at 112, LimitFlags at
    16 (winnt.h). The API itself can only be called on Windows; a wrong layout there would set no limit."""
    import ctypes

    from src.storage.readers.windows_job import BasicLimits, ExtendedLimits, memory_limits

    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the 64-bit layout")
    assert ctypes.sizeof(BasicLimits) == 64 and ctypes.sizeof(ExtendedLimits) == 144
    assert ExtendedLimits.ProcessMemoryLimit.offset == 112 and BasicLimits.LimitFlags.offset == 16
    limits_set = memory_limits(limits.MAX_READER_MEMORY, 660)
    raw = bytes(limits_set)
    assert int.from_bytes(raw[16:20], "little") == 0x100 | 0x2  # JOB_OBJECT_LIMIT_PROCESS_MEMORY | _PROCESS_TIME
    assert int.from_bytes(raw[0:8], "little") == 660 * 10_000_000  # PerProcessUserTimeLimit, in 100 ns
    assert int.from_bytes(raw[112:120], "little") == limits.MAX_READER_MEMORY


# ---- the window ---------------------------------------------------------------------------------------

def test_a_reader_that_aborts_leaves_the_window_and_its_document(window, qtbot, demo_path, monkeypatch, tmp_path):
    from tests.helpers.gui import open_in

    open_in(window, qtbot, demo_path)
    before, title = window.document, window.windowTitle()
    names = [p.name for p in before.declaration.projects]
    errors = []
    monkeypatch.setattr(window.files, "tell_error", lambda *a: errors.append(a))
    monkeypatch.setattr(worker, "contents_as", unguarded_workbook)
    far = generate.far_cell_xlsx(tmp_path / "远.xlsx")

    assert window.files.open(str(far)) is False

    (heading, problem, advice), = errors
    assert isinstance(problem, FileProblem) and "内存超过" in str(problem) and "远.xlsx" in str(problem)
    assert window.document is before and not before.is_modified
    assert [p.name for p in window.document.declaration.projects] == names and window.windowTitle() == title
    monkeypatch.setattr(worker, "contents_as", aborting_as)
    assert window.files.open(str(DATA / "tianhe-2023-projects.xlsx")) is False
    assert "程序读取该文件时崩溃" in str(errors[-1][1])
    assert window.isVisible() and window.document is before


def test_cancel_in_the_windows_progress_dialog_stops_the_worker(window, qtbot, demo_path, monkeypatch):
    import multiprocessing

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from src.ui.widgets import progress_dialog
    from tests.helpers.gui import open_in

    open_in(window, qtbot, demo_path)
    before = window.document
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 0)
    pressed = []

    def press_cancel_once_shown():
        dialog = window.findChild(QProgressDialog, "importProgress")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(0, press_cancel_once_shown)
            return
        pressed.append(dialog.labelText())
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_cancel_once_shown)
    assert window.files.open(str(DATA / "pdf" / "editor-panyu-2022-summary.pdf")) is False
    assert pressed and window.statusBar().currentMessage() == "已取消"
    assert window.document is before and not multiprocessing.active_children()


def test_progress_is_told_while_the_declaration_is_recognised_and_cancel_is_answered(monkeypatch):
    """The recognition runs in this process after the worker is done: a city-wide file takes seconds, during which
    the window's dialog must stay painted and its 取消 answered."""
    from src.storage.infra.progress import Cancelled

    def slow_declaration(self, path, contents):
        time.sleep(3)
        return "recognised"

    monkeypatch.setattr(formats.FileFormat, "declaration", slow_declaration)
    path = DATA / "seeds" / "002_fbe7460060ce89e9.txt"
    told = []

    def progress(done, total):
        told.append((time.monotonic(), done, total))
        return len(told) < 6  # 取消 after a few reports

    started = time.monotonic()
    with pytest.raises(Cancelled):
        worker.read(formats.recognise(path), path, progress)
    assert time.monotonic() - started < 2.5  # not waiting for the recognition to end
    # The text's worker tells (0, lines) and (lines, lines) once each; the rest are told while recognising, again at
    # the worker's last count.
    assert told[1][1:] == told[1][2:] * 2 and all(report[1:] == told[1][1:] for report in told[2:]) and len(told) == 6
