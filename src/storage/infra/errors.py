"""The one error type storage raises; the UI and the CLI turn it into a message."""

from __future__ import annotations

import errno
from pathlib import Path

DETAIL_PREFIX = "详细信息："
_LONGEST_DETAIL = 300


class FileProblem(Exception):
    """A file could not be read or written. str() is a complete Chinese sentence naming the file (the reason, and
    what to do where there is something); a library's or the system's own words, when worth keeping, follow on a
    second line starting 详细信息：."""

    def __init__(self, path: str | Path, reason: str, detail: str | None = None):
        self.path = Path(path)
        self.reason = reason
        self.detail = short_detail(detail) if detail else None
        text = f"{self.path.name}：{reason}"
        if self.detail:
            text += f"\n{DETAIL_PREFIX}{self.detail}"
        super().__init__(text)


def short_detail(text: object) -> str:
    """A library's message on one line, cut to a readable length."""
    line = " ".join(str(text).split())
    return line if len(line) <= _LONGEST_DETAIL else line[:_LONGEST_DETAIL] + "…"


def error_text(error: BaseException) -> str:
    """A library's exception as the detail line shows it: its type, and its message when it has one."""
    message = str(error)
    name = type(error).__name__
    return f"{name}: {message}" if message and message != name else name


# The system's reasons in Chinese, for the errors a clerk can meet when opening or saving.
_OS_REASONS = {
    errno.ENOENT: "文件不存在（可能已被移动、改名或删除）",
    errno.EACCES: "没有读取或写入这个文件的权限，请检查文件的权限，或把它复制到自己的文件夹后再试",
    errno.EPERM: "系统不允许访问这个文件，请检查文件的权限，或把它复制到自己的文件夹后再试",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ELOOP: "这是一个循环的符号链接（链接最终指回自己），找不到真正的文件",
    errno.ENAMETOOLONG: "文件路径太长，请把文件移到路径较短的文件夹后再试",
    errno.EIO: "读写磁盘时出错（磁盘、U 盘或网络盘可能有问题），请把文件复制到本机硬盘后再试",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的，无法写入",
    errno.EBUSY: "文件正被其他程序占用，请关闭占用它的程序后再试",
}


def os_reason(error: OSError, doing: str = "无法读取文件") -> tuple[str, str]:
    """(a Chinese reason, the system's own words) for an OSError."""
    known = _OS_REASONS.get(error.errno) if error.errno is not None else None
    reason = f"{doing}：{known}" if known else f"{doing}（系统报告的错误见详细信息）"
    return reason, error.strerror or error_text(error)


def os_problem(path: str | Path, error: OSError, doing: str = "无法读取文件") -> FileProblem:
    """The FileProblem for an OSError met on path: the reason in Chinese, the system's words as the detail."""
    reason, detail = os_reason(error, doing)
    return FileProblem(path, reason, detail)


def ends_inside_a_character(error: UnicodeDecodeError, data: bytes) -> bool:
    """The bytes stop in the middle of a character (a copy or a download that stopped short): the last of a UTF-8
    or GB18030 character's up to 4 bytes are missing, and nothing before them is wrong."""
    return error.start >= len(data) - 4 and error.reason in ("unexpected end of data", "incomplete multibyte sequence")

