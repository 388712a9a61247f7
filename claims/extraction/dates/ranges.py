"""Two dates written as one period: "between June 2011 and July 2012", "from 2009 to 2016", "June-July",
"March 3-9", "the 2014-2016 period".

A period is one claim: its first end is the claim's `value`/`precision`, its last end `end_value`/
`end_precision`, its span covers both ends' clauses and its interval the whole period. Each end is
resolved against the publication date as a single date is, then the ends are read together: an end
written without its year takes the other's ("from December 28 to January 3, 2016" starts in 2015). A
period is only stored as one when both ends have a calendar value (a year known) and the first does not
follow the last; otherwise its ends stay two claims, marked as before: approximate, the whole period as
their interval, confidence held at `RANGE_CONFIDENCE` (a reader of basil-dev found all 11 range ends stored
at 0.9 doubtful: "between June 2011 and July 2012" shown as June 2011).

Not a period: "since June 2011" (a start that still holds), "in May 2016 and July 2016" (two dates), a
date moved "from March 3 to March 9" (two dates: the old one and the new one). "continuing through 2016"
(an end bound with no start) stays one date marked approximate at `RANGE_CONFIDENCE`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from itertools import pairwise

from ..types import DateClaim, Span

# The strict read scores a range end at best doubtful; a claim that asserts less than the text says is no
# better than a vague day ("at the weekend", 0.6-0.7).
RANGE_CONFIDENCE = 0.6

_JOIN = re.compile(
    r"\s*(?:and|to|through|thru|until|till|-|\u2013|\u2014)\s*(?:(?:early|mid|late)[-\s]+)?\Z", re.I
)
_OPEN = re.compile(r"\b(?:between|from)\s+(?:(?:early|mid|late)[-\s]+)?\Z", re.I)
_OPEN_IN_EXPRESSION = re.compile(r"^(?:between|from)\b", re.I)
_JOIN_IN_EXPRESSION = re.compile(r"^(?:and|to|through|thru|until|till)\b", re.I)
_BOUND = re.compile(r"\b(?:through|thru)\s+\Z", re.I)
_BOUND_IN_EXPRESSION = re.compile(r"^(?:through|thru)\b", re.I)
# "postponed the vote from March 3 to March 9", "moved it from Monday to Friday": the old date and the new
_MOVED = re.compile(
    r"\b(?:postpon|delay|mov|push|reschedul|shift|chang|brought|bring|advanc|put\s+(?:off|back))\w*\b"
    r"[^.;:!?]{0,40}\Z",
    re.I,
)
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
CALENDAR_PRECISIONS = ("day", "month", "year")


def _opens(text: str, claim: DateClaim) -> bool:
    assert claim.expression is not None
    e = claim.expression
    return bool(_OPEN_IN_EXPRESSION.match(e.text) or _OPEN.search(text, max(0, e.start - 16), e.start))


def _moved(text: str, claim: DateClaim) -> bool:
    assert claim.expression is not None
    return bool(_MOVED.search(text, max(0, claim.expression.start - 60), claim.expression.start))


def first_day(value: str) -> dt.date:
    """The first day of an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" value."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> dt.date:
    """The last day of an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" value."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], parts[1], parts[2])


def _with_year(value: str, year: int) -> str | None:
    moved = f"{year:04d}{value[4:]}"
    try:
        first_day(moved)  # 29 February
    except ValueError:
        return None
    return moved


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


def _written_year(claim: DateClaim) -> bool:
    """True when the claim's words give its year ("2014-15": the "15" is a year, whatever its digits)."""
    if claim.precision == "year":
        return True
    return claim.expression is not None and bool(_YEAR_WRITTEN.search(claim.expression.text))


def as_period(text: str, first: DateClaim, last: DateClaim) -> DateClaim | None:
    """One claim for the period from `first` to `last`, or None when the two ends make none (an end
    without a calendar value, or a first end after the last)."""
    if first.precision not in CALENDAR_PRECISIONS or last.precision not in CALENDAR_PRECISIONS:
        return None
    if first.end_value is not None or last.end_value is not None:
        return None
    start_value, end_value = first.value, last.value
    if not _written_year(last):  # "from December 28 to January 3": the year runs on from the first end
        end_value = _with_year(end_value, int(start_value[:4])) or end_value
        if first_day(end_value) < first_day(start_value) and len(end_value) > 4:
            end_value = _with_year(end_value, int(start_value[:4]) + 1) or end_value
    elif not _written_year(first):  # "from December 28 to January 3, 2016": the first end is 2015's
        start_value = _with_year(start_value, int(end_value[:4])) or start_value
        if first_day(start_value) > first_day(end_value) and len(start_value) > 4:
            start_value = _with_year(start_value, int(end_value[:4]) - 1) or start_value
    if first_day(end_value) < first_day(start_value) or start_value == end_value:
        return None  # "from 2016 to 2009" is no period; two ends on one day are one day
    assert first.expression is not None and last.expression is not None
    start, end = min(first.start, last.start), max(first.end, last.end)
    words = (first.expression.start, last.expression.end)
    expression = Span(*words, text[words[0] : words[1]])
    earliest = first.earliest if start_value == first.value and first.earliest else first_day(start_value)
    latest = last.latest if end_value == last.value and last.latest else last_day(end_value)
    return replace(
        first,
        start=start,
        end=end,
        text=text[start:end],
        value=start_value,
        end_value=end_value,
        end_precision=last.precision,
        expression=expression,
        approximate=first.approximate or last.approximate,
        earliest=min(earliest, first_day(start_value)),
        latest=max(latest, last_day(end_value)),
        dated=first.dated or last.dated,
        confidence=min(first.confidence, last.confidence),
        weekday=None,
    )


def mark_ranges(text: str, claims: list[DateClaim]) -> list[DateClaim]:
    """`claims` (in text order) with each written period made one claim (`as_period`); the ends of a period
    that makes no claim are marked as such: approximate, the whole period as interval, confidence at most
    `RANGE_CONFIDENCE`."""
    out: list[DateClaim | None] = list(claims)
    with_words = [i for i, c in enumerate(claims) if c.expression is not None]
    merged: set[int] = set()
    for a, b in pairwise(with_words):
        first, last = out[a], out[b]
        if first is None or last is None or a in merged:
            continue
        assert first.expression is not None and last.expression is not None
        # "from March 3 until March 9": the last end's words may hold the joining word
        lead = _JOIN_IN_EXPRESSION.match(last.expression.text)
        between = text[first.expression.end : last.expression.start + (lead.end() if lead else 0)]
        joined = _JOIN.match(between) is not None
        # "June-July 2016" needs no opening word; "in June and July 2016" is two months, not a period
        dashed = joined and between.strip() in ("-", "\u2013", "\u2014", "to", "through", "thru")
        if not joined or not (dashed or _opens(text, first)) or _moved(text, first):
            continue
        period = as_period(text, first, last)
        if period is not None:
            out[a], out[b] = period, None
            merged.update((a, b))
        else:
            out[a], out[b] = _as_range_end(first, first, last), _as_range_end(last, first, last)
    for i in with_words:
        claim = out[i]
        if claim is None or i in merged:
            continue
        e = claim.expression
        assert e is not None
        if not claim.approximate and (
            _BOUND_IN_EXPRESSION.match(e.text) or _BOUND.search(text, max(0, e.start - 10), e.start)
        ):
            out[i] = replace(claim, approximate=True, confidence=min(claim.confidence, RANGE_CONFIDENCE))
    return [c for c in out if c is not None]
