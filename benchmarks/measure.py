"""What several benchmarks share: where the corpus is, a process's peak RSS, percentiles."""

from __future__ import annotations

import os
import resource
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus_root() -> Path:
    """``KABAR_CORPUS_DIR``, else the nearest ``shared/corpus`` above the checkout
    (``/work/shared/corpus`` from ``/work/main`` and from ``/work/wt/<name>`` alike)."""
    if env := os.environ.get("KABAR_CORPUS_DIR"):
        return Path(env)
    for parent in REPO.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return REPO.parent / "shared" / "corpus"


def peak_rss_mb() -> float:
    """This process's own peak RSS. Not ``ru_maxrss``: on Linux a child started by
    fork+exec reports its parent's peak there (the benchmark's builder)."""
    try:
        with Path("/proc/self/status").open() as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
