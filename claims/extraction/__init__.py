"""Pure-Python claim extraction: article text in, claims with exact spans out (no Django here).

`extract`, `extract_many` and `EXTRACTOR_VERSION` are loaded from the pipeline on first use: the
pipeline loads spaCy, and importing a light module of this package (`types`, `actors`, as the web
pages do) need not (tests/web/test_worker_imports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import EXTRACTOR_VERSION, extract, extract_many

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
