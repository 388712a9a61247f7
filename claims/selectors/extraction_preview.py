"""What claims extraction would make of a few rows, shown in the admin import's preview before
confirming (reads only: nothing is stored)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from claims import extraction as extractor
from claims.services.extraction import over_text_budget

PREVIEW_ROWS = 3


@dataclass(slots=True)
class PreviewClaim:
    kind: str
    text: str
    detail: str


@dataclass(slots=True)
class ArticlePreview:
    row: int
    title: str
    claims: list[PreviewClaim] = field(default_factory=list)
    error: str = ""


def _detail(claim: object) -> str:
    kind = getattr(claim, "kind", "")
    if kind == "quantity":
        low, high = claim.low, claim.high  # type: ignore[attr-defined]
        value = f"{low:g}" if low == high else f"{low:g}-{high:g}"
        return f"{value} {claim.unit_class or claim.unit or ''}".strip()  # type: ignore[attr-defined]
    if kind == "date":
        return f"{claim.value} ({claim.precision})"  # type: ignore[attr-defined]
    if kind == "statement":
        return f"said by {claim.speaker or 'unnamed source'}"  # type: ignore[attr-defined]
    return ""


def extraction_preview(
    rows: list[tuple[int, str, str, dt.date | None, str | None]], *, limit: int = 20
) -> list[ArticlePreview]:
    """For (row, body, title, published, outlet) tuples: what claims.extraction.extract returns for each.

    An extractor failure is shown on its row rather than breaking the preview.
    """
    previews = []
    for row, body, title, published, outlet in rows[:PREVIEW_ROWS]:
        preview = ArticlePreview(row=row, title=title or body[:80])
        if refusal := over_text_budget(body):  # never parsed inside the preview's request
            preview.error = refusal
            previews.append(preview)
            continue
        try:
            extraction = extractor.extract(
                body, published=published, title=title or None, outlet=outlet or None
            )
        except Exception as error:  # the extractor is still being written: show its failure, go on
            preview.error = f"{type(error).__name__}: {error}"
        else:
            preview.claims = [
                PreviewClaim(c.kind, c.text[:300], _detail(c)) for c in extraction.claims[:limit]
            ]
        previews.append(preview)
    return previews
