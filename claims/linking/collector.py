"""Fewer garbage collections while a large linking run holds millions of small objects.

The collector's thresholds belong to the whole process, so they are changed once for all the runs
that overlap (threads of one worker) and put back when the last of them ends, not by each run on its
own: two runs that each saved and restored them could leave the lazy setting for good.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# A young collection every 100,000 new objects rather than 700: on 50,000 synthetic claims linking
# takes about 6.0 s instead of 7.3 s (devtools.benchmarks.linking corpora, Python 3.12).
LAZY_THRESHOLD = (100_000, 20, 20)

_lock = threading.Lock()
_runs = 0
_saved: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the young generation less often inside the block; the thresholds are restored when the
    last overlapping block ends."""
    global _runs, _saved
    with _lock:
        if _runs == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*LAZY_THRESHOLD)
        _runs += 1
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            if _runs == 0:
                gc.set_threshold(*_saved)
