"""What is refused before any reader runs, without reading a byte: what is not a regular file, and what is
larger than limits.MAX_FILE_BYTES.

A FIFO would block the first read until someone writes to it, and a device (a link to /dev/zero or
/dev/urandom) never ends; both are told apart by os.stat alone. The file is then opened without blocking and
looked at again through the open descriptor, so that a file swapped for a FIFO in between is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import FileProblem, os_problem
from .limits import MAX_FILE_BYTES, megabytes

DECLARATION = "申报"  # what the clerk chooses a file for, as a refusal names it: 请选择文件夹里的申报文件
_SPLIT_ADVICE = {DECLARATION: "不像是一份绩效目标申报文件，未读取。若确是申报表，请按单位拆分成几个文件分别打开（merge 命令可再合并）"}


def check_openable(path: Path, noun: str = DECLARATION) -> os.stat_result:
    """The file's stat when it is a regular file within the size limit; else FileProblem with its own reason, which
    names what the file was chosen as by noun (申报, 指标库)."""
    try:
        found = os.stat(path)
    except OSError as error:
        raise _missing(path, error) from error
    _check_kind(path, found, noun)
    return found


def open_regular(path: Path, noun: str = DECLARATION) -> BinaryIO:
    """path opened for reading, refused as check_openable refuses; never blocks on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _missing(path, error) if error.errno in (errno.ENOENT, errno.ELOOP) else os_problem(path, error) from error
    try:
        _check_kind(path, os.fstat(descriptor), noun)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _check_kind(path: Path, found: os.stat_result, noun: str) -> None:
    mode = found.st_mode
    if stat.S_ISREG(mode):
        if found.st_size > MAX_FILE_BYTES:
            advice = _SPLIT_ADVICE.get(noun) or f"未读取。若确是{noun}，请拆成几个较小的文件分别导入"
            raise FileProblem(path, f"文件有 {megabytes(found.st_size)}，超过本程序能打开的 {megabytes(MAX_FILE_BYTES)} 上限，"
                                    f"{advice}")
        return
    target = _link_target(path)
    if stat.S_ISDIR(mode):
        raise FileProblem(path, f"这是一个文件夹{target}，不是文件，请选择文件夹里的{noun}文件")
    if stat.S_ISFIFO(mode):
        raise FileProblem(path, f"这是一个命名管道（FIFO）{target}，不是保存在磁盘上的文件，读取它会一直等待，未打开。"
                                "请先把内容保存为文件再打开")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise FileProblem(path, f"这是一个设备文件{target}，不是{noun}文件（读取设备可能永远读不完），未打开。请选择保存在磁盘上的文件")
    if stat.S_ISSOCK(mode):
        raise FileProblem(path, f"这是一个套接字（socket）{target}，不是文件，未打开。请选择保存在磁盘上的文件")
    raise FileProblem(path, f"这不是普通文件{target}，未打开。请选择保存在磁盘上的文件")


def _link_target(path: Path) -> str:
    """'（链接指向 /dev/zero）' when path is a symbolic link, else ''."""
    try:
        if os.path.islink(path):
            return f"（链接指向 {os.path.realpath(path)}）"
    except (OSError, ValueError):
        pass
    return ""


def _missing(path: Path, error: OSError) -> FileProblem:
    if error.errno == errno.ELOOP:
        return FileProblem(path, "这是一个循环的符号链接（链接最终又指回自己），找不到真正的文件，未打开", error.strerror)
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return FileProblem(path, f"这是一个符号链接，但它指向的{_link_target(path)[5:-1] or '位置'}不存在（可能已被移动或删除）")
        return FileProblem(path, "文件不存在")
    return os_problem(path, error)
