"""Atomic saving: a temp file in the target folder, fsync, then replace; the old file kept as .bak."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from .errors import FileProblem


def atomic_write(path: str | Path, data: bytes, keep_backup: bool = True) -> None:
    """Write data to path so that a reader sees either the old file or the whole new one.

    The temp file lives in the same folder: os.replace is only atomic within one
    filesystem, and a shared drive folder is its own filesystem.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileProblem(target, _reason(error, "无法在目标文件夹中创建文件")) from error
    try:
        os.chmod(temp_name, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and target.exists():
            _keep_backup(target)
        os.replace(temp_name, target)
    except OSError as error:
        _remove_quietly(temp_name)
        raise FileProblem(target, _reason(error, "保存失败，原文件未改动")) from error
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _fsync_folder(folder)


def _keep_backup(target: Path) -> None:
    """NAME.bak takes the old file's content before NAME is replaced.

    A hard link costs nothing whatever the file's size, and after the replace it is the
    only name of the old content; filesystems without hard links (FAT, some shares) get a copy.
    """
    backup = target.with_name(target.name + ".bak")
    staging = target.with_name(f".{target.name}.bak.tmp")
    try:
        _remove_quietly(str(staging))
        os.link(target, staging)
        os.replace(staging, backup)
    except OSError:
        _remove_quietly(str(staging))
        shutil.copy2(target, backup)


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a plain open() would give (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(error: OSError, what: str) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}：没有写入权限（文件夹只读或文件被其他程序占用），请另存到其他位置"
    if error.errno == errno.ENOSPC:
        return f"{what}：磁盘空间不足，请清理磁盘或另存到其他位置"
    return f"{what}：{error.strerror or error}"


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows has no directory handles for this.
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
