"""Start the editor: one QApplication, a CJK font, the window icon, the main window, an optional file."""

from __future__ import annotations

import os
import signal
import socket
import sys

from PySide6.QtCore import QLocale, QSettings, QSocketNotifier, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from ...bundled import resource_file
from ...render.look import (
    DESKTOP_FILE_NAME,
    ICON,
    AcceleratorFallback,
    chinese_locale,
    cjk_font_family,
    qt_chinese_translator,
)


CHINESE_DATES = "zh_CN.UTF-8"


def _chinese_dates_whatever_the_system() -> None:
    """Qt's file dialogs write dates in the system locale's format ('5 12 2026' under C.UTF-8, as on a fresh
    信创 desktop or wherever LANG is unset). Qt reads LC_TIME for it when the application starts, and needs no
    installed system locale to do so; the text encoding (LC_CTYPE) is left as it is."""
    current = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG") or ""
    if current.startswith("zh") or not _system_has(CHINESE_DATES):
        return  # a locale the C library lacks would make Qt's setlocale() fail as a whole (and warn)
    if os.environ.get("LC_ALL"):  # LC_ALL outranks LC_TIME: keep what it says for everything else
        os.environ.setdefault("LANG", os.environ["LC_ALL"])
        del os.environ["LC_ALL"]
    os.environ["LC_TIME"] = CHINESE_DATES


def _system_has(name: str) -> bool:
    import locale

    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, name)
    except locale.Error:
        return False
    locale.setlocale(locale.LC_TIME, previous)
    return True


def application(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        _chinese_dates_whatever_the_system()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("perf-target-editor")
    app.setApplicationName("绩效目标申报编辑器")
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    icon = resource_file(ICON)
    if icon.is_file():  # a missing icon is selftest's to report, not a reason to refuse to start
        app.setWindowIcon(QIcon(str(icon)))
    family = cjk_font_family()
    if family:
        app.setFont(QFont(family, 10))
    _install_qt_chinese(app)
    return app


def _install_qt_chinese(app: QApplication) -> None:
    """Qt's own words (确定/取消 on dialog buttons, the print dialogs, file dialogs) in Chinese, as ours are."""
    if app.property("qtChineseInstalled"):
        return
    QLocale.setDefault(chinese_locale())
    translator = qt_chinese_translator(app)
    if translator is not None:
        app.installTranslator(translator)
        app.installTranslator(AcceleratorFallback(translator, app))  # asked first: the last installed is
        app.setProperty("qtChineseInstalled", True)


class Termination:
    """SIGTERM (logout, `kill`, a service manager) and SIGINT (Ctrl+C in the terminal that started the editor)
    end it as closing the window does, so the lock file beside the open file goes.

    Python runs a signal handler only between bytecodes, and Qt's event loop runs none while idle: the
    signal's wake-up byte on a socket pair makes a QSocketNotifier fire, which gives Python its turn. The
    handler only leaves every event loop — the main one, or the one of a dialog open at that moment
    (QCoreApplication.exit makes later dialogs return at once too) — and run_editor ends the window after."""

    def __init__(self, app: QApplication):
        self.requested = False
        self.app = app
        self._receiver, self._sender = socket.socketpair()  # kept here: a collected socket closes its fd
        for end in (self._receiver, self._sender):
            end.setblocking(False)
        signal.set_wakeup_fd(self._sender.fileno())
        self._notifier = QSocketNotifier(self._receiver.fileno(), QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._request)

    def _drain(self, *_activation) -> None:
        try:
            self._receiver.recv(64)  # the handler has run by now; the bytes only woke the loop
        except OSError:
            pass

    def _request(self, _signum, _frame) -> None:
        self.requested = True
        self.app.exit(0)


def end_terminated(window) -> None:
    """Close the window without asking (nobody may be there to answer): unsaved changes stay as the recovery
    copy the next start offers, and the lock is released either way."""
    document = window.document
    if document is not None and document.is_modified:
        window.autosaver.save_now()
        window.files.release(document)
    else:
        window.close()  # the normal way: no recovery copy left behind, the lock released


def _warm_up_reader() -> None:
    from ...storage.readers import worker

    worker.warm_up()


def run_editor(argv: list[str]) -> int:
    app = application()
    termination = Termination(app)
    from .main_window import MainWindow  # after the QApplication, so styles and fonts apply

    window = MainWindow(QSettings())
    window.show()
    QTimer.singleShot(0, _warm_up_reader)  # once shown: the first open does not wait for the reading process
    restored = window.offer_recovery()
    opened = bool(argv) and not restored and not termination.requested and window.files.open(argv[0])
    if not restored and not opened:  # no file, or one that did not open: the start page, not a blank form
        window.show_start_page()
    code = app.exec() if not termination.requested else 0  # exec() would forget an exit() made before it
    if termination.requested:
        end_terminated(window)
    return code
