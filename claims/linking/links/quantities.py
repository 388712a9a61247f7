"""Quantity rules: same event and unit class; overlapping ranges corroborate, disjoint ones contradict."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from claims.extraction.types import QuantityClaim

from .blocking import KeyWeights, candidate_pairs
from .features import ClaimFeatures
from .text import readable, terms

Scored = tuple[int, int, str, float, str]

MIN_CONTEXT = 0.08  # share of rare context both sentences must have to be about the same thing
MIN_CONTRADICT_CONTEXT = 0.3  # a conflict needs much closer wording than an agreement


def quantity_links(feats: Sequence[ClaimFeatures], day_of: dict) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for quantity claims of one event and unit class.

    `day_of` maps (article_id, sentence_start) to the date values stated in that sentence, so that
    "two bombers in December" is not taken for the event's "two planes on Saturday".
    """
    weights = KeyWeights(_context(f) for f in feats)
    pairs = candidate_pairs(feats, _block_keys, max_posting=400, per_claim=40)
    out: list[Scored] = []
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        if other_time(a, b, day_of):
            continue
        ctx = weights.overlap(_context(a), _context(b))
        if ctx < MIN_CONTEXT:
            continue
        if a.low <= b.high and b.low <= a.high:
            exact = a.low == a.high == b.low == b.high
            conf = min(0.95, 0.5 + 0.35 * min(1.0, ctx / 0.4) + (0.1 if exact else 0.0))
            out.append((i, j, "corroborates", round(conf, 3), rationale(a, b, "corroborates", day_of)))
        elif ctx >= MIN_CONTRADICT_CONTEXT:
            conf = min(0.9, 0.35 + 0.5 * ctx)
            out.append((i, j, "contradicts", round(conf, 3), rationale(a, b, "contradicts", day_of)))
    return out


def rationale(a: ClaimFeatures, b: ClaimFeatures, relation: str, day_of: dict) -> str:
    """The line an editor reads for a count link: both values, what the sentences share, the day."""
    line = _agree_line(a, b) if relation == "corroborates" else _conflict_line(a, b)
    return line + _when(a, b, day_of)


def _block_keys(f: ClaimFeatures) -> list[tuple]:
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    if f.item.event_id is None or not claim.unit_class:
        return []  # without an event there is no telling that two counts describe one happening
    return [(f.item.event_id, claim.unit_class.lower())]


def _context(f: ClaimFeatures) -> frozenset[str]:
    """Context words minus the unit itself (two "soldiers" counts share the unit by construction)."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    unit = set(terms(" ".join(x for x in (claim.unit, claim.unit_class) if x)))
    return (f.context | frozenset(terms(claim.counted or ""))) - unit | f.names


def other_time(a: ClaimFeatures, b: ClaimFeatures, day_of: dict) -> bool:
    """True when the two sentences state dates that cannot be the same day (different happenings)."""
    da = day_of.get((a.item.article_id, a.item.sentence_start), ())
    db = day_of.get((b.item.article_id, b.item.sentence_start), ())
    if not da or not db:
        return False
    return not any(_close(x, y) for x in da for y in db)


def _close(x: str, y: str, days: int = 10) -> bool:
    """True when dates x and y (YYYY, YYYY-MM or YYYY-MM-DD) can lie within `days` of each other
    ("on Monday" dates the speaking, "on Saturday" the landing: both belong to one event)."""
    if x.startswith(y) or y.startswith(x):
        return True
    if len(x) == len(y) == 10:
        return abs((dt.date.fromisoformat(x) - dt.date.fromisoformat(y)).days) <= days
    return False


def _when(a: ClaimFeatures, b: ClaimFeatures, day_of: dict) -> str:
    """ ", 2019-03-23" when a sentence of the pair dates the counted happening, else ""."""
    days = day_of.get((a.item.article_id, a.item.sentence_start), ()) or day_of.get(
        (b.item.article_id, b.item.sentence_start), ()
    )
    return f", {max(days, key=len)}" if days else ""


def show(f: ClaimFeatures) -> str:
    """A quantity as an editor reads it: "100 soldier", "24-199 soldier", ">40 dollar"."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    unit = claim.unit_class or claim.unit or ""
    if math.isinf(f.high):
        value = f">{_num(f.low)}"
    elif f.low == f.high:
        value = _num(f.low)
    else:
        value = f"{_num(f.low)}-{_num(f.high)}"
    return f"{value} {unit}".strip()


def _agree_line(a: ClaimFeatures, b: ClaimFeatures) -> str:
    if a.low == a.high == b.low == b.high:
        return f"both: {show(a)} ({_shared(a, b)})"
    inner, outer = (a, b) if a.high - a.low <= b.high - b.low else (b, a)
    return f"{show(inner)} within '{outer.item.claim.text}' ({show(outer)}); {_shared(a, b)}"


def _conflict_line(a: ClaimFeatures, b: ClaimFeatures) -> str:
    return f"{show(a)} vs {show(b)} for the same event ({_shared(a, b)})"


def _shared(a: ClaimFeatures, b: ClaimFeatures) -> str:
    common = readable(_context(a) & _context(b), a.item.sentence, b.item.sentence)
    return "shared: " + common if common else "same event"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
