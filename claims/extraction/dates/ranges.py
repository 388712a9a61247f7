"""Two dates written as one period: "between June 2011 and July 2012", "from 2009 to 2016", "June-July".

Each end is stored (an editor searching for either month finds it), but neither is when the happening
was: a reader of basil-dev found all 11 range ends stored at 0.9 doubtful ("between June 2011 and July
2012" shown as June 2011). So both ends say the whole period as their interval, are marked approximate
(shown "(approx.)"), and their confidence is held at `RANGE_CONFIDENCE`, below every bulk-accept level.
"continuing through 2016" (an end bound with no start) is treated the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..types import DateClaim

# The strict read scores a range end at best doubtful; a claim that asserts less than the text says is no
# better than a vague day ("at the weekend", 0.6-0.7).
RANGE_CONFIDENCE = 0.6

_JOIN = re.compile(
    r"\s*(?:and|to|through|thru|until|till|-|\u2013|\u2014)\s*(?:(?:early|mid|late)[-\s]+)?\Z", re.I
)
_OPEN = re.compile(r"\b(?:between|from|since)\s+(?:(?:early|mid|late)[-\s]+)?\Z", re.I)
_OPEN_IN_EXPRESSION = re.compile(r"^(?:between|from|since)\b", re.I)
_BOUND = re.compile(r"\b(?:through|thru)\s+\Z", re.I)
_BOUND_IN_EXPRESSION = re.compile(r"^(?:through|thru)\b", re.I)


def _opens(text: str, claim: DateClaim) -> bool:
    assert claim.expression is not None
    e = claim.expression
    return bool(_OPEN_IN_EXPRESSION.match(e.text) or _OPEN.search(text, max(0, e.start - 16), e.start))


def _as_range_end(claim: DateClaim, first: DateClaim, last: DateClaim) -> DateClaim:
    return replace(
        claim,
        approximate=True,
        earliest=min(d for d in (first.earliest, last.earliest, claim.earliest) if d is not None)
        if any((first.earliest, last.earliest))
        else claim.earliest,
        latest=max(d for d in (first.latest, last.latest, claim.latest) if d is not None)
        if any((first.latest, last.latest))
        else claim.latest,
        confidence=min(claim.confidence, RANGE_CONFIDENCE),
    )


def mark_ranges(text: str, claims: list[DateClaim]) -> list[DateClaim]:
    """`claims` (in text order) with the ends of a written period marked as such: approximate, the whole
    period as interval, confidence at most `RANGE_CONFIDENCE`."""
    out = list(claims)
    with_words = [i for i, c in enumerate(out) if c.expression is not None]
    for a, b in pairwise(with_words):
        first, last = out[a], out[b]
        assert first.expression is not None and last.expression is not None
        between = text[first.expression.end : last.expression.start]
        joined = _JOIN.match(between) is not None
        # "June-July 2016" needs no opening word; "in June and July 2016" is two months, not a period
        dashed = joined and between.strip() in ("-", "\u2013", "\u2014", "to", "through", "thru")
        if joined and (dashed or _opens(text, first)):
            out[a], out[b] = _as_range_end(first, first, last), _as_range_end(last, first, last)
    for i in with_words:
        e = out[i].expression
        assert e is not None
        if not out[i].approximate and (
            _BOUND_IN_EXPRESSION.match(e.text) or _BOUND.search(text, max(0, e.start - 10), e.start)
        ):
            out[i] = replace(out[i], approximate=True, confidence=min(out[i].confidence, RANGE_CONFIDENCE))
    return out
