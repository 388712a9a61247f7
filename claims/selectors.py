"""Reads for claims; each selector owns its select_related / prefetch_related."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Claim


def claim_list() -> QuerySet[Claim]:
    """Claims with their article, outlet and speaker, in article order."""
    return Claim.objects.select_related("article__outlet", "speaker", "event").defer(
        "article__body", "article__original"
    )
