"""The reader worker's limits on Windows, which has no RLIMIT_AS and RLIMIT_CPU: the worker puts itself in a job
object whose process memory limit is limits.MAX_READER_MEMORY and whose CPU time limit ends it should the parent be
gone. Past the memory limit an allocation fails — Python raises MemoryError, calamine aborts saying `memory
allocation of … failed` into the worker's log (route_std_handles: a windowed program's C runtime does not point the
Win32 standard handles at the log by itself) — which the parent reports as it does on Linux.

The structures are JOBOBJECT_EXTENDED_LIMIT_INFORMATION's, laid out as on 64-bit Windows (144 bytes; a test checks
the size and the offset of ProcessMemoryLimit here, where the Windows API itself cannot be called). A process may
join a job from inside since Windows 8, also when it is already in one (nested jobs).
"""

from __future__ import annotations

import ctypes

_DWORD = ctypes.c_uint32
_JOB_OBJECT_LIMIT_PROCESS_TIME = 0x00000002
_JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
_TICKS_PER_SECOND = 10_000_000  # PerProcessUserTimeLimit counts 100 ns
_STD_OUTPUT_HANDLE, _STD_ERROR_HANDLE = 0xFFFFFFF5, 0xFFFFFFF4  # (DWORD)-11, (DWORD)-12
_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9  # JOBOBJECTINFOCLASS


class BasicLimits(ctypes.Structure):
    _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", _DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", _DWORD),
                ("Affinity", ctypes.c_size_t), ("PriorityClass", _DWORD), ("SchedulingClass", _DWORD)]


class IoCounters(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint64) for name in ("ReadOperationCount", "WriteOperationCount",
                                                      "OtherOperationCount", "ReadTransferCount",
                                                      "WriteTransferCount", "OtherTransferCount")]


class ExtendedLimits(ctypes.Structure):
    _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", IoCounters),
                ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]


_job = None  # the job's handle, kept for the worker's life (nothing to gain from closing it early)


def memory_limits(limit: int, seconds: int) -> ExtendedLimits:
    limits = ExtendedLimits()
    limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_PROCESS_MEMORY | _JOB_OBJECT_LIMIT_PROCESS_TIME
    limits.BasicLimitInformation.PerProcessUserTimeLimit = seconds * _TICKS_PER_SECOND
    limits.ProcessMemoryLimit = limit
    return limits


def limit_this_process(limit: int, seconds: int) -> str | None:
    """This process held to limit bytes of committed memory and seconds of CPU time; None when done, else why not
    (the parent's time limit still holds), for the worker's log."""
    global _job
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # only on Windows
    handle = ctypes.c_void_p
    kernel32.CreateJobObjectW.restype = handle
    kernel32.CreateJobObjectW.argtypes = (ctypes.c_void_p, ctypes.c_wchar_p)
    kernel32.SetInformationJobObject.argtypes = (handle, ctypes.c_int, ctypes.c_void_p, _DWORD)
    kernel32.AssignProcessToJobObject.argtypes = (handle, handle)
    kernel32.GetCurrentProcess.restype = handle
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return f"CreateJobObjectW failed: error {ctypes.get_last_error()}"
    limits = memory_limits(limit, seconds)
    if not kernel32.SetInformationJobObject(job, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(limits),
                                            ctypes.sizeof(limits)):
        return f"SetInformationJobObject failed: error {ctypes.get_last_error()}"
    if not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        return f"AssignProcessToJobObject failed: error {ctypes.get_last_error()}"
    _job = job
    return None


def route_std_handles() -> None:
    """The Win32 standard output and error handles pointed at file descriptors 1 and 2 (the worker's log, after
    os.dup2): a native library writes to those handles, which a windowed program's C runtime leaves unset."""
    import msvcrt

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.SetStdHandle.argtypes = (_DWORD, ctypes.c_void_p)
    for which, descriptor in ((_STD_OUTPUT_HANDLE, 1), (_STD_ERROR_HANDLE, 2)):
        kernel32.SetStdHandle(which, msvcrt.get_osfhandle(descriptor))
