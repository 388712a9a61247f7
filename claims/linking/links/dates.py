"""Date rules: dates of the same happening at compatible precision corroborate; within one event,
dates of the same happening that cannot be the same day contradict."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from claims.extraction.types import DateClaim

from .blocking import KeyWeights, candidate_pairs
from .features import ClaimFeatures, date_interval
from .text import readable, terms

Scored = tuple[int, int, str, float, str]

MIN_AGREE = 0.3  # weighted overlap of what the two dates date ("Guaido declared himself interim president")
MIN_CONFLICT = 0.5
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_CALENDAR = frozenset(
    terms("January February March April May June July August September October November December ago")
)
NEAR_DAYS = 45  # a conflict is only about the event itself: dates this close to its articles


def date_links(feats: Sequence[ClaimFeatures]) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for date claims that date the same happening."""
    weights = KeyWeights(_keys(f) for f in feats)
    pairs = candidate_pairs(feats, lambda f: _keys(f), min_shared=2)
    out: list[Scored] = []
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        ca, cb = a.item.claim, b.item.claim
        assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
        sim = weights.overlap(_keys(a), _keys(b))
        agree = _compatible(a, b)
        if agree is None:
            continue
        if agree:
            if sim >= MIN_AGREE:
                conf = min(0.95, 0.45 + 0.5 * sim)
                out.append((i, j, "corroborates", round(conf, 3), _line(a, b, "both")))
        elif (
            sim >= MIN_CONFLICT
            and a.item.event_id is not None
            and a.item.event_id == b.item.event_id
            and _near(a)
            and _near(b)
        ):
            conf = min(0.85, 0.3 + 0.5 * sim)
            out.append((i, j, "contradicts", round(conf, 3), _line(a, b, "different dates")))
    return out


def year_known(f: ClaimFeatures) -> bool:
    """False when the year was guessed: no year written in the claim and no publication date to anchor
    "in January" or "on 26 June" (extractors then fall back on today's year)."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    written = claim.expression.text if claim.expression else claim.text
    return f.item.published is not None or bool(_YEAR.search(written))


def _compatible(a: ClaimFeatures, b: ClaimFeatures) -> bool | None:
    """Whether the two dates can be the same day (None: nothing to compare once unknown years go)."""
    ca, cb = a.item.claim, b.item.claim
    assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
    if year_known(a) and year_known(b):
        (a0, a1), (b0, b1) = date_interval(ca), date_interval(cb)
        return a0 <= b1 and b0 <= a1
    ma, mb = ca.value[5:], cb.value[5:]  # "MM-DD" or "MM"
    if not ma or not mb:
        return None
    return ma.startswith(mb) or mb.startswith(ma)


def _keys(f: ClaimFeatures) -> frozenset[str]:
    # what the date dates: the words of its clause, plus the multi-word names of the whole sentence,
    # but not the date words themselves ("in December" is what is compared, not evidence of a match)
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    when = frozenset(terms(claim.expression.text)) if claim.expression else frozenset()
    named = frozenset(terms(" ".join(n for n in f.names if " " in n)))
    return (f.content | named) - when - _CALENDAR


def _near(f: ClaimFeatures) -> bool:
    """True when the date lies within NEAR_DAYS of its article's publication (or that is unknown)."""
    published = f.item.published
    if published is None:
        return True
    first, last = date_interval(f.item.claim)  # type: ignore[arg-type]
    lo = (published - dt.timedelta(days=NEAR_DAYS)).isoformat()
    hi = (published + dt.timedelta(days=NEAR_DAYS)).isoformat()
    return first <= hi and last >= lo


def _line(a: ClaimFeatures, b: ClaimFeatures, lead: str) -> str:
    common = readable(_keys(a) & _keys(b), a.item.sentence, b.item.sentence)
    va, vb = a.item.claim.value, b.item.claim.value  # type: ignore[union-attr]
    values = va if va == vb else f"{va} / {vb}"
    return f"{lead}: {values} ({common})"
