"""Inside a Dask worker (MALLOC_TRIM_THRESHOLD_ set), large buffers stop costing page faults."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import resource
from eventwire.engines.malloc import relax_trim_threshold

def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        buf = b"x" * (1 << 20)  # 1 MiB, every page written, then freed
        del buf
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

pinned = faults()
changed = relax_trim_threshold()
faults()  # the first large chunk after the change grows the heap once
print(pinned, faults(), changed, relax_trim_threshold())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc")
def test_relaxing_the_pinned_trim_threshold_stops_page_faults():
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True).stdout
    pinned, relaxed, changed, again = out.split()
    assert changed == "True" and again == "False"  # once per process
    assert int(pinned) > 200 * 200  # ~256 faults per MiB while every buffer is mmapped and unmapped
    assert int(relaxed) < int(pinned) / 20


def test_no_change_outside_dask_workers():
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    code = "from eventwire.engines.malloc import relax_trim_threshold as r; print(r())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
