"""The reader worker's memory limit on Windows, which has no RLIMIT_AS: the worker puts itself in a job object
whose process memory limit is limits.MAX_READER_MEMORY. Past it an allocation fails — Python raises MemoryError,
calamine aborts saying `memory allocation of … failed` — which the parent reports as it does on Linux.

The structures are JOBOBJECT_EXTENDED_LIMIT_INFORMATION's, laid out as on 64-bit Windows (144 bytes; a test checks
the size and the offset of ProcessMemoryLimit here, where the Windows API itself cannot be called). A process may
join a job from inside since Windows 8, also when it is already in one (nested jobs).
"""

from __future__ import annotations

import ctypes

_DWORD = ctypes.c_uint32
_JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
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


_job = None  # the job's handle, kept open for the worker's life: closing the last handle would end the limit


def memory_limits(limit: int) -> ExtendedLimits:
    limits = ExtendedLimits()
    limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_PROCESS_MEMORY
    limits.ProcessMemoryLimit = limit
    return limits


def limit_this_process(limit: int) -> bool:
    """Whether this process is now held to limit bytes of committed memory (False when Windows refused: the
    parent's time limit still holds)."""
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
        return False
    limits = memory_limits(limit)
    if not kernel32.SetInformationJobObject(job, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(limits),
                                            ctypes.sizeof(limits)):
        return False
    if not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        return False
    _job = job
    return True
