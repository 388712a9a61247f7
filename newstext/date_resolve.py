"""Turning a date Mention into a calendar value, given the reference date and the direction of time.

`direction` comes from the tense of the clause the date belongs to: -1 for reported past events (the
Saturday *before* publication), +1 for scheduled ones (the 26 June *after* it), 0 when the tense does
not say (the nearest occurrence). Words in the expression itself ("last", "ago", "since") override it.

Without a reference date (nothing in the text or its metadata anchors the article in time), nothing is
resolved against the day the extraction runs: an expression keeps what it says and the rest is stored
as not known, with its own precision (values in EDTF's notation for unspecified digits):

- "day-no-year": "on 23 January" -> "XXXX-01-23" (shown "23 January, year not known")
- "month-no-year": "in January" -> "XXXX-01" ("January, year not known")
- "weekday": "on Saturday" -> "XXXX-XX-XX" with the weekday kept ("Saturday, date not known")
- "relative": "a few days ago", "earlier this week" -> "XXXX-XX-XX" ("a few days ago, date not known")

An expression that writes its year ("May 2001", "in 1996", "summer 2018") needs no reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .date_vocabulary import Mention

# Precisions of a date whose year (or week) is not known, and the words pages show after it.
UNANCHORED = {
    "day-no-year": "year not known",
    "month-no-year": "year not known",
    "weekday": "date not known",
    "relative": "date not known",
}
UNKNOWN = "XXXX-XX-XX"


def _given[T](value: T | None) -> T:
    """`value`, which the kind of mention (or the step before) sets; a TypeError, which `resolve` turns
    into "cannot be placed", when it is missing."""
    if value is None:
        raise TypeError("a field this kind of mention needs is not set")
    return value


@dataclass(slots=True)
class Resolved:
    value: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "XXXX-MM-DD", "XXXX-MM", "XXXX-XX-XX" when not known
    precision: str  # "day", "month", "year", or one of UNANCHORED
    earliest: dt.date | None
    latest: dt.date | None
    approximate: bool
    weekday: int | None = None  # precision "weekday": Monday 0 ... Sunday 6


def _day(
    d: dt.date, approximate: bool = False, earliest: dt.date | None = None, latest: dt.date | None = None
) -> Resolved:
    return Resolved(d.isoformat(), "day", earliest or d, latest or d, approximate)


def _month(year: int, month: int, approximate: bool = False) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return Resolved(
        f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), dt.date(year, month, last), approximate
    )


def _year(year: int, approximate: bool = False) -> Resolved:
    return Resolved(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31), approximate)


def _last_day(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _pick(candidates: list[dt.date], ref: dt.date, direction: int) -> dt.date:
    """The candidate on the side of `ref` that `direction` asks for (ref itself counts on both sides)."""
    if direction < 0:
        past = [c for c in candidates if c <= ref]
        return max(past) if past else min(candidates)
    if direction > 0:
        future = [c for c in candidates if c >= ref]
        return min(future) if future else max(candidates)
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


# How far a day written without its year may lie on the other side of the reference than the tense
# says. A past-tense sentence names days ahead ("set a May 1 deadline", "kept open until Feb. 15",
# "a candidate in the primary on June 3") far more often than a day of nearly a year ago without its
# year, which news writes out ("Feb. 15, 2018"); a future-tense day a few days back means the page's
# date is a little late (the story was updated), not that the event is a year off.
AHEAD_OF_PAST = dt.timedelta(days=75)
BEHIND_FUTURE = dt.timedelta(days=7)
BEHIND_FUTURE_MONTH = dt.timedelta(days=31)  # after the month's last day


def _pick_day(candidates: list[dt.date], ref: dt.date, direction: int) -> dt.date:
    """`_pick`, except that the tense yields to a day just across `ref` (see AHEAD_OF_PAST)."""
    if direction < 0:
        ahead = [c for c in candidates if ref < c <= ref + AHEAD_OF_PAST]
        if ahead:
            return min(ahead)
    if direction > 0:
        behind = [c for c in candidates if ref - BEHIND_FUTURE <= c < ref]
        if behind:
            return max(behind)
    return _pick(candidates, ref, direction)


def nearest_day(
    month: int, day: int, ref: dt.date, direction: int = 0, weekday: int | None = None
) -> dt.date | None:
    """The date with this month and day nearest `ref` in `direction` (None: 29 Feb with no leap year near).

    The tense's side wins unless the day lies just across `ref` (AHEAD_OF_PAST, BEHIND_FUTURE). A weekday
    given with it ("Tuesday, 5 May") picks the year it fits, when one of the nearby years does.
    """
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    fitting = [c for c in candidates if c.weekday() == weekday]
    if fitting:
        return _pick(fitting, ref, 0)
    return _pick_day(candidates, ref, direction) if candidates else None


def counted_from(m: Mention, anchor: dt.date, backwards: bool = False) -> Resolved:
    """The day an "offset" mention names, counted from `anchor`, the day of the event it is counted from.

    `backwards` when the anchor dates the clause the expression hangs on and the value wanted is the
    event after "after"/"before" ("on Wednesday, two days after the report" dates the report Monday).
    """
    days = int(_given(m.amount)) * (-1 if backwards else 1)
    day = anchor + dt.timedelta(days=days)
    if m.unit == "week":  # "a week later" is good to a few days either way
        return _day(day, True, day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    return _day(day)


def said_on(m: Mention, when: Resolved) -> Resolved | None:
    """The day a "day_word" mention ("today", "yesterday") names when it was said at `when`, the date of
    its telling: a day counted from a day; a telling known only to its month or year bounds it to that
    month or year. None when `when` has no known year."""
    if when.precision == "day":
        day = dt.date.fromisoformat(when.value) + dt.timedelta(days=int(_given(m.amount)))
        return _day(day, m.approximate)
    if when.precision == "month":
        year, month = (int(x) for x in when.value.split("-")[:2])
        return _month(year, month)
    if when.precision == "year":
        return _year(int(when.value[:4]))
    return None


def unanchored(m: Mention) -> Resolved | None:
    """What `m` says when nothing anchors the article in time: a written year is kept, nothing is guessed."""
    if m.year is not None:
        return None  # resolved as usual: the year is written
    if m.kind == "day_month":
        return Resolved(f"XXXX-{m.month:02d}-{m.day:02d}", "day-no-year", None, None, False)
    if m.kind == "month":
        return Resolved(f"XXXX-{m.month:02d}", "month-no-year", None, None, False)
    if m.kind == "weekday":
        return Resolved(UNKNOWN, "weekday", None, None, False, weekday=m.weekday)
    return Resolved(UNKNOWN, "relative", None, None, m.approximate)


def resolve(m: Mention, ref: dt.date | None, direction: int) -> Resolved | None:
    """The calendar value of `m` against reference date `ref`; None when it cannot be placed.

    With no `ref`, an expression without a written year keeps only what it says (see the module doc).
    """
    if ref is None:
        if m.year is None:
            return unanchored(m)
        ref = dt.date(m.year, 7, 1)  # only expressions that write their year get here
    direction = m.direction if m.direction is not None else direction
    kind = m.kind
    try:
        if kind == "full":
            return _day(dt.date(_given(m.year), _given(m.month), _given(m.day)), m.approximate)
        if kind == "month_year":
            return _month(_given(m.year), _given(m.month), m.approximate)
        if kind == "year":
            return _year(_given(m.year))
        if kind == "day_month":
            d = nearest_day(_given(m.month), _given(m.day), ref, direction, m.weekday)
            return _day(d) if d else None
        if kind == "month":
            if m.amount == 0:  # "this November" is the current year's, whichever side of the writing
                return _month(ref.year, _given(m.month))
            this_month = dt.date(ref.year, ref.month, 1)
            # "last March" said in March means a year ago; "since March" means this one.
            firsts = [dt.date(ref.year + k, _given(m.month), 1) for k in (-1, 0, 1)]
            if m.strict:
                firsts = [f for f in firsts if f != this_month]
            if direction > 0:  # a month just gone is a late page date, not next year's month
                firsts = [f for f in firsts if _last_day(f) >= ref - BEHIND_FUTURE_MONTH] or firsts
            first = _pick(firsts, this_month, direction)
            return _month(first.year, first.month)
        if kind == "weekday":
            return _weekday(m, ref, direction)
        if kind == "day_word":
            return _day(ref + dt.timedelta(days=int(_given(m.amount))), m.approximate)
        if kind == "ago":
            return _ago(m, ref)
        if kind == "unit":
            return _unit(m, ref, direction)
        if kind == "weekend":
            return _weekend(m, ref, direction)
        if kind == "part":
            return _part(m, ref)
        if kind == "season":
            return _season(m, ref, direction)
    except (ValueError, OverflowError, TypeError):
        return None
    return None


def _weekday(m: Mention, ref: dt.date, direction: int) -> Resolved:
    weekday = _given(m.weekday)
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    if m.strict and back == 0:  # "last Monday" said on a Monday is a week ago
        back = 7
    if m.strict and forward == 0:
        forward = 7
    if direction == 0:
        # Tense silent ("during Monday's debate"): news names weekdays mostly for the days just past,
        # so the past wins unless the coming one is clearly nearer; "this Monday" is simply the nearest.
        bias = 0 if m.part == "this" else 2
        direction = -1 if back <= forward + bias else 1
    if direction < 0:
        return _day(ref - dt.timedelta(days=back))
    return _day(ref + dt.timedelta(days=forward))


def _ago(m: Mention, ref: dt.date) -> Resolved:
    sign = m.direction or -1
    unit, amount, vague = m.unit, _given(m.amount), m.approximate
    if unit in ("day", "week"):
        days = 7 if unit == "week" else 1
        mid = ref + dt.timedelta(days=sign * amount * days)
        ends = sorted(ref + dt.timedelta(days=sign * x * days) for x in (_given(m.low), _given(m.high)))
        if unit == "week":  # "two weeks ago" is only good to a few days either way
            ends = [min(ends[0], mid - dt.timedelta(days=3)), max(ends[1], mid + dt.timedelta(days=3))]
        return _day(mid, vague or unit == "week", ends[0], ends[1])
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, int(sign * amount))
        result = _month(y, mo, vague)
        if vague:
            (y1, m1), (y2, m2) = sorted(
                _add_months(ref.year, ref.month, int(sign * x)) for x in (_given(m.low), _given(m.high))
            )
            result.earliest, result.latest = dt.date(y1, m1, 1), _month(y2, m2).latest
        return result
    years = amount * (10 if unit == "decade" else 1)
    result = _year(ref.year + int(sign * years), vague)
    if vague or unit == "decade":
        span = [
            ref.year + int(sign * x * (10 if unit == "decade" else 1))
            for x in (_given(m.low), _given(m.high))
        ]
        result.earliest, result.latest = dt.date(min(span), 1, 1), dt.date(max(span), 12, 31)
    return result


def _unit(m: Mention, ref: dt.date, direction: int = 0) -> Resolved:
    shift = int(m.amount or 0)
    if m.unit == "year":
        result = _year(ref.year + shift)
    elif m.unit == "month":
        y, mo = _add_months(ref.year, ref.month, shift)
        result = _month(y, mo)
    else:
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        result = _day(monday + dt.timedelta(days=3), True, monday, monday + dt.timedelta(days=6))
    # "earlier this week", "said this week" end at publication; "later this month", "will vote
    # this week" start there.
    if shift == 0 and (m.part == "earlier" or (m.part is None and direction < 0)):
        result.latest = min(_given(result.latest), ref)
        if m.unit == "week" and ref.weekday() < 2:  # said early in a week: the days just before count too
            result.earliest = ref - dt.timedelta(days=6)
    elif shift == 0 and (m.part == "later" or (m.part is None and direction > 0)):
        result.earliest = max(_given(result.earliest), ref)
    if result.precision == "day":
        earliest, latest = _given(result.earliest), _given(result.latest)
        mid = earliest + (latest - earliest) / 2
        result.value = mid.isoformat()
    return _week_as_its_calendar(result) if m.unit == "week" else result


def _week_as_its_calendar(result: Resolved) -> Resolved:
    """A week ("last week", "later this week") as the month it lies in, else the year, keeping its days
    as the interval: a stored day would say more than the text does, and an editor reads "20 March" as a
    claim about that day. A week across a new year keeps its middle day, marked approximate."""
    earliest, latest = _given(result.earliest), _given(result.latest)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        value, precision = f"{earliest.year:04d}-{earliest.month:02d}", "month"
    elif earliest.year == latest.year:
        value, precision = f"{earliest.year:04d}", "year"
    else:
        return result
    return Resolved(value, precision, earliest, latest, True)


def _weekend(m: Mention, ref: dt.date, direction: int) -> Resolved:
    in_weekend = ref.weekday() >= 5
    saturday_back = (ref.weekday() - 5) % 7  # the Saturday on or before ref
    saturday_forward = (5 - ref.weekday()) % 7 or 7  # the next Saturday after ref
    if m.strict:  # "last weekend" said during a weekend means the one before; "next" the one after
        back, forward = saturday_back + (7 if in_weekend else 0), saturday_forward
    elif in_weekend:  # "at the weekend" said during one is that weekend, whatever the tense
        back, forward = saturday_back, -saturday_back
    else:
        back, forward = saturday_back, saturday_forward
    if direction == 0:
        direction = -1 if back <= forward else 1
    saturday = ref - dt.timedelta(days=back) if direction < 0 else ref + dt.timedelta(days=forward)
    return _day(saturday, True, saturday, saturday + dt.timedelta(days=1))


def _part(m: Mention, ref: dt.date) -> Resolved:
    shift = int(m.amount or 0)
    if m.unit == "year":
        result = _year(ref.year + shift, approximate=False)
        third = {"beginning": (1, 4), "start": (1, 4), "middle": (5, 8), "end": (9, 12)}[_given(m.part)]
        result.earliest = dt.date(ref.year + shift, third[0], 1)
        result.latest = _month(ref.year + shift, third[1]).latest
        return result
    if m.unit == "month":
        y, mo = _add_months(ref.year, ref.month, shift)
        result = _month(y, mo)
        return result
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
    if m.part in ("beginning", "start"):  # "since the start of the week": its Monday
        return _day(monday, True, monday, monday + dt.timedelta(days=1))
    return _unit(m, ref)


# Northern-hemisphere seasons as (first month, number of months); winter starts in December.
_SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}


def _season(m: Mention, ref: dt.date, direction: int) -> Resolved:
    """A season: the year it starts in, with the months it covers as the interval."""
    first, length = _SEASONS[_given(m.part)]
    if m.year is not None:
        year = m.year
    else:
        starts = [dt.date(ref.year + k, first, 1) for k in (-1, 0, 1)]
        current = [
            s for s in starts if s <= ref <= _last_day(dt.date(*_add_months(s.year, first, length - 1), 1))
        ]
        if m.strict:  # "last summer" said in summer is a year ago
            starts = [s for s in starts if s not in current]
        elif current:  # "this fall" said in October is this one, whatever the tense
            starts = current
        year = _pick(starts, ref, direction).year
    end_year, end_month = _add_months(year, first, length - 1)
    result = _year(year, approximate=True)
    result.earliest = dt.date(year, first, 1)
    result.latest = _month(end_year, end_month).latest
    return result
