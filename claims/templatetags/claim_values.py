"""`{% claim_value claim %}`: a claim's value for people, the same text the claims list makes in Python."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def claim_value(claim) -> str:
    """The claim's value ("3.5 million dollars", "March 2025", a statement's speaker), escaped."""
    from claims.views.claims import value_text  # the views import models; loaded when first used

    return value_text(claim)
