"""Quantities: numbers with what they count or measure (see finder.find_quantities).

`find_quantities` is loaded from the finder on first use: the finder loads spaCy, and the linker's
light reads of this package's tables (`units.COUNT_CLASSES`, as the web pages' rationales do) need not
(tests/web/test_worker_imports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .finder import find_quantities

__all__ = ["find_quantities"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import finder

        return getattr(finder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
