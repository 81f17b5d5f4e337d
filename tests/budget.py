"""Tell a hang from a slow machine: guards for hostile input that must be refused quickly.

CI and development machines here are shared: with other work on both cores, a parse that
takes 0.3 s alone can take 3 s of wall time, and a wall-clock budget fails for nothing. The
guards below measure this process's CPU time (``time.process_time``), which other processes
cannot inflate, so they fail only when the work itself blew up (a quadratic regex, an entity
bomb expanded). They bound work, not speed: speed is measured by ``benchmarks/``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cpu_within(seconds: float) -> Iterator[None]:
    """Fail when the block used more than ``seconds`` of this process's CPU time."""
    started = time.process_time()
    try:
        yield
    finally:
        used = time.process_time() - started
        assert used < seconds, f"used {used:.2f} s of CPU, the bound is {seconds} s"
