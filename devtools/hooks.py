"""Ways the development tools slow the production code down, patched in from here so that the
production code and settings carry no hook for them."""

from __future__ import annotations

import functools
import time


def slow_import_chunks(seconds: float) -> None:
    """Make every committed import chunk of this process take `seconds` longer (fault drills, worker tests)."""
    from sources.importing import service

    original = getattr(service.import_chunk, "__wrapped__", service.import_chunk)

    @functools.wraps(original)
    def import_chunk_then_pause(*args, **kwargs):
        counts = original(*args, **kwargs)
        time.sleep(seconds)
        return counts

    service.import_chunk = import_chunk_then_pause


def warm_worker() -> None:
    """Load the extraction pipeline and the stance model now, so that a benchmark worker's first task
    is timed on work, not on loading models (`bench --workers`)."""
    from claims.extraction import extract
    from claims.linking.stance import StanceModel

    extract("Two cargo ships docked on Saturday, the port said.")
    StanceModel.load()
