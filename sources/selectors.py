"""Reads for outlets and articles; each selector owns its select_related / prefetch_related."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import Article


def article_list() -> QuerySet[Article]:
    """Current article versions with their outlet, newest first."""
    return Article.objects.filter(is_current=True).select_related("outlet").defer("original")


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # claim kinds ("quantity", "date", "statement") and "annotation" covering it
    claim_ids: tuple[int, ...]


def article_segments(article: Article) -> list[Segment]:
    """The article body cut at every claim and annotation boundary, each piece with what covers it."""
    marks: list[tuple[int, int, str, int | None]] = [
        (c.start, c.end, c.kind, c.pk) for c in article.claims.exclude(review_status="rejected").only("start", "end", "kind")
    ]
    marks += [(a.start, a.end, "annotation", None) for a in article.annotations.filter(orphaned=False).only("start", "end")]
    body = article.body
    cuts = sorted({0, len(body), *(m[0] for m in marks), *(m[1] for m in marks)})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m[0] <= start and m[1] >= end]
        kinds = tuple(sorted({m[2] for m in covering}))
        ids = tuple(m[3] for m in covering if m[3] is not None)
        segments.append(Segment(body[start:end], kinds, ids))
    return segments
