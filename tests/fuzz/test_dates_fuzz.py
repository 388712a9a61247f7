"""Date patterns, resolution and the publication date on arbitrary text and any reference date."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newstext.chars import plain_chars
from newstext.date_mentions import find_mentions, parse_loose
from newstext.date_resolve import resolve
from newstext.publication import find_publication_date, in_dateline, publication_and_reference

from .strategies import date_text, fuzz_settings, hostile_text

reference_dates = st.one_of(
    st.dates(),
    st.sampled_from([dt.date(1, 1, 1), dt.date(1, 1, 7), dt.date(9999, 12, 31), dt.date(2020, 2, 29)]),
)
directions = st.sampled_from([-1, 0, 1])
# How far from the reference date a relative expression may land: "next year" read in January reaches
# the end of the next year, "last summer" the summer before.
_WINDOW = dt.timedelta(days=2 * 366 + 31)


def _last_day(first: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return first.replace(month=12, day=31)
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first


def _first_day(value: str, precision: str) -> dt.date:
    assert len(value) == {"year": 4, "month": 7, "day": 10}[precision], (value, precision)
    return dt.date.fromisoformat(value + {"year": "-01-01", "month": "-01", "day": ""}[precision])


@fuzz_settings(300)
@given(st.one_of(date_text, hostile_text), reference_dates, directions)
def test_mentions_resolve_to_valid_dates(text, ref, direction):
    """Every mention lies in the text and resolves (or not) to a real date whose interval holds it;
    relative ones ("on Saturday", "last May", "next week") stay near the reference date."""
    for mention in find_mentions(text):
        assert 0 <= mention.start < mention.end <= len(text)
        resolved = resolve(mention, ref, direction)
        if resolved is None:
            continue
        first = _first_day(resolved.value, resolved.precision)
        assert resolved.earliest <= resolved.latest, (mention, resolved)
        if not resolved.approximate:  # the interval lies in the period the value names ("later this year")
            assert first <= resolved.earliest and resolved.latest <= _last_day(first, resolved.precision), (
                mention,
                resolved,
            )
        if mention.year is None and mention.kind != "ago":
            assert abs(first - ref) <= _WINDOW, (text, mention, ref, resolved)
            assert (resolved.earliest - ref) <= _WINDOW and (ref - resolved.latest) <= _WINDOW, (mention, ref)


@fuzz_settings(150)
@given(st.one_of(date_text, hostile_text), reference_dates)
def test_publication_date_from_any_text(text, today):
    """The publication date and the reference date come out for any text: metadata wins as given, a
    date found in the text is a real day, and without one there is no reference date (never today)."""
    publication, reference = publication_and_reference(text)
    assert publication.precision in ("day", "month", "unknown")
    assert (publication.value is None) == (publication.precision == "unknown")
    assert (reference.date is None) == (reference.basis == "none")
    assert 0.0 < reference.confidence <= 1.0 or reference.date is None
    if not any(m.kind in ("full", "month_year") for m in find_mentions(plain_chars(text))):
        assert reference.date is None  # never the day the extraction runs
    metadata = find_publication_date(text, published=today)
    assert (metadata.value, metadata.source) == (today, "metadata")
    for start in (0, len(text) // 2, len(text)):
        in_dateline(text, start)


@fuzz_settings(100)
@given(st.text(max_size=30), st.integers(min_value=0, max_value=10**6))
def test_loose_dates_from_any_entity_text(text, start):
    """What the NER calls a date becomes a mention at the right place, or nothing."""
    mention = parse_loose(text, start)
    if mention is not None:
        assert start <= mention.start < mention.end <= start + len(text)


@fuzz_settings(100)
@given(
    st.sampled_from(["last", "next", "this", "on", "in", "since", "early", "late"]),
    st.sampled_from(["Saturday", "Monday", "May", "December", "week", "month", "year", "weekend", "summer"]),
    reference_dates,
    directions,
)
def test_relative_expressions_land_next_to_the_reference(word, unit, ref, direction):
    """ "last Saturday", "in May", "next week" read on any day (year 1 and 9999 included) land within
    a year or so of it, or are refused when that would leave the calendar."""
    text = f"It happened {word} {unit}."
    for mention in find_mentions(text):
        resolved = resolve(mention, ref, direction)
        if resolved is None:
            assert ref.year in (1, 9999), (text, ref)
            continue
        first = _first_day(resolved.value, resolved.precision)
        assert abs(first - ref) <= _WINDOW, (text, ref, resolved)
        if word == "last":
            assert first <= ref, (text, ref, resolved)
        if word == "next":
            assert resolved.latest >= ref, (text, ref, resolved)
