"""Undo a Dask worker's malloc trim threshold, from inside the worker.

Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``. Setting any glibc malloc
threshold switches off glibc's *dynamic* mmap threshold, so every buffer above 128 KiB that
spaCy and thinc allocate and free per sentence becomes an mmap/munmap pair, and each trim
hands pages back that the next batch faults in again: measured on 80 articles, 450k page
faults instead of 66k and ~10 % more CPU per article. Our own LocalCluster unsets the variable
(:data:`eventwire.engines.dask.WORKER_CONFIG`), but workers of a user's running cluster
(dask-jobqueue, Kubernetes) already have it; for them a task puts the thresholds where glibc's
dynamic rule would take them anyway (mmap threshold 32 MiB, its 64-bit ceiling; trim at twice
that), which keeps the allocator's memory returned to the OS for big frees.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

M_TRIM_THRESHOLD = -1  # glibc mallopt parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024  # DEFAULT_MMAP_THRESHOLD_MAX on 64-bit glibc
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD  # glibc's dynamic rule: trim threshold = 2 x mmap threshold

_done = False


def relax_trim_threshold() -> bool:
    """Raise glibc's thresholds once per process if ``MALLOC_TRIM_THRESHOLD_`` pinned them.

    Returns True if the thresholds were changed. A no-op without the variable (our own workers,
    the local engine) or without glibc (macOS, musl).
    """
    global _done
    if _done or "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    _done = True
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
