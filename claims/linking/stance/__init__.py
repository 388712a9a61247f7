"""Stance of an article towards a claim (FNC-1 labels): agree, disagree, discuss or unrelated."""

from claims.linking.stance.metrics import LABELS
from claims.linking.stance.model import StanceModel

__all__ = ["LABELS", "StanceModel"]
