"""Stance of an article towards a claim (FNC-1 labels): agree, disagree, discuss or unrelated.

`StanceModel` is loaded from `model` on first use: the model needs lightgbm (with scikit-learn and
scipy), and the light modules of this package (`text`, `metrics`) need not bring them
(tests/web/test_worker_imports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claims.linking.stance.metrics import LABELS

if TYPE_CHECKING:
    from claims.linking.stance.model import StanceModel

__all__ = ["LABELS", "StanceModel"]


def __getattr__(name: str) -> Any:
    if name == "StanceModel":
        from claims.linking.stance.model import StanceModel

        return StanceModel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
