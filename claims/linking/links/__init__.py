"""Suggest corroborate / contradict links between claims of different articles.

Candidates come from blocking (same event and unit class for quantities, shared rare words and names
for dates and statements, the same speaker), never from all pairs. Rejected pairs and links an editor
already made are never suggested again; each claim keeps only its strongest few suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

from ..types import ExistingLink, LinkableClaim, LinkSuggestion, StanceFn
from .dates import date_links
from .features import ClaimFeatures, features
from .quantities import quantity_links
from .statements import statement_links

__all__ = ["suggest_links"]


def suggest_links(
    claims: Iterable[LinkableClaim],
    *,
    rejected: Collection[frozenset] = frozenset(),
    existing: Iterable[ExistingLink | frozenset] = (),
    stance: StanceFn | None = None,
    per_claim: int = 3,
) -> list[LinkSuggestion]:
    """Link suggestions, strongest first, at most `per_claim` per claim.

    `rejected` holds claim-id pairs an editor turned down; `existing` the links (or bare pairs) an editor
    made: neither pair is suggested again, whatever the relation. `stance(claim_text, other_text)` may
    return "agree"/"disagree"/"discuss"/"unrelated" to refine statement links.
    """
    items = list(claims)
    blocked = {frozenset(p) for p in rejected}
    blocked |= {e.pair if isinstance(e, ExistingLink) else frozenset(e) for e in existing}
    by_kind: dict[type, list[ClaimFeatures]] = defaultdict(list)
    for item in items:
        by_kind[type(item.claim)].append(features(item))

    scored: list[tuple[ClaimFeatures, ClaimFeatures, str, float, str]] = []
    quantities, dates, statements = by_kind[QuantityClaim], by_kind[DateClaim], by_kind[StatementClaim]
    day_of = _sentence_dates(dates)
    for i, j, rel, conf, why in quantity_links(quantities, day_of):
        scored.append((quantities[i], quantities[j], rel, conf, why))
    for i, j, rel, conf, why in date_links(dates):
        scored.append((dates[i], dates[j], rel, conf, why))
    for i, j, rel, conf, why in statement_links(statements, stance):
        scored.append((statements[i], statements[j], rel, conf, why))

    scored.sort(key=lambda s: (-s[3], str(s[0].item.id), str(s[1].item.id)))
    group = _span_groups(items)
    used: dict[object, int] = defaultdict(int)
    linked_groups: set[frozenset] = set()
    out = []
    for a, b, rel, conf, why in scored:
        ida, idb = a.item.id, b.item.id
        pair = frozenset((ida, idb))
        groups = frozenset((group[ida], group[idb]))
        if pair in blocked or groups in linked_groups or used[ida] >= per_claim or used[idb] >= per_claim:
            continue
        blocked.add(pair)
        linked_groups.add(groups)
        used[ida] += 1
        used[idb] += 1
        out.append(LinkSuggestion(ida, idb, rel, conf, why))  # type: ignore[arg-type]
    return out


def _span_groups(items: list[LinkableClaim]) -> dict[object, tuple]:
    """Claim id -> group of claims of one kind whose spans overlap in one article.

    Extractors may return the same statement or count twice with different spans; one suggestion per
    pair of groups is enough for an editor.
    """
    out: dict[object, tuple] = {}
    by_article: dict[tuple, list[LinkableClaim]] = defaultdict(list)
    for item in items:
        by_article[(item.article_id, item.claim.kind)].append(item)
    for key, claims in by_article.items():
        claims.sort(key=lambda c: (c.claim.start, c.claim.end))
        n, end = -1, -1
        for c in claims:
            if c.claim.start >= end:
                n += 1
            end = max(end, c.claim.end)
            out[c.id] = (*key, n)
    return out


def _sentence_dates(dates: list[ClaimFeatures]) -> dict[tuple, tuple[str, ...]]:
    """(article id, sentence start) -> date values stated in that sentence."""
    out: dict[tuple, list[str]] = defaultdict(list)
    for f in dates:
        if f.item.sentence_start is not None:
            out[(f.item.article_id, f.item.sentence_start)].append(f.item.claim.value)  # type: ignore[union-attr]
    return {k: tuple(v) for k, v in out.items()}
