"""The tracker's own pipeline as the callables `evaluate_corpus` takes (the same code the app runs)."""

from __future__ import annotations

from typing import Any


def system_callables() -> dict[str, Any]:
    """extract_many, and link / stance / cluster where the linking package provides them."""
    from claims.extraction import extract_many

    callables: dict[str, Any] = {"extract_many": extract_many}
    return callables
