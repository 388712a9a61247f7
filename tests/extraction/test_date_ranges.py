"""A written period is one date claim: its first end the value, its last end the end value, its span both.

Sentences written for these tests (invented places and people)."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates
from newstext.date_mentions import find_mentions

PUBLISHED = dt.date(2026, 3, 20)


def dates(text: str, published: dt.date | None = PUBLISHED):
    return find_dates(prepare(text, published=published))


@pytest.mark.parametrize(
    ("text", "value", "end_value"),
    [
        (
            "The Velmora festival ran from March 3 to March 9, its organisers said.",
            "2026-03-03",
            "2026-03-09",
        ),
        ("The Velmora festival ran from March 3 until March 9.", "2026-03-03", "2026-03-09"),
        ("The Velmora festival ran from March 3 through March 9.", "2026-03-03", "2026-03-09"),
        ("The Arlow museum was shut between June 2011 and July 2012.", "2011-06", "2012-07"),
        ("Dock workers in Perrin struck on March 3-9, the union said.", "2026-03-03", "2026-03-09"),
        ("The Kellby fair took place on 3-9 March 2026.", "2026-03-03", "2026-03-09"),
        ("The Kellby fair took place on 3rd-9th of March 2026.", "2026-03-03", "2026-03-09"),
        ("The Brackley trial ran Sept. 28-Oct. 2, 2025.", "2025-09-28", "2025-10-02"),
        ("Output at the Ostrava mill fell in the 2014-2016 period.", "2014", "2016"),
        ("The Ostrava mill closed for the 2014-15 season.", "2014", "2015"),
        ("Ms. Orvell was mayor of Tamsey from 2009 to 2013.", "2009", "2013"),
        ("The Tamsey ferry ran from June to August 2015.", "2015-06", "2015-08"),
        ("The Tamsey ferry ran March 3 to March 9.", "2026-03-03", "2026-03-09"),
    ],
)
def test_a_written_period_is_one_claim(text, value, end_value):
    """between X and Y, from X to/until/through Y, X-Y with a dash (days, months, years), X to Y: one
    claim whose span covers both ends, each end resolved as a single date is."""
    found = dates(text)
    assert [(c.value, c.end_value) for c in found] == [(value, end_value)]
    claim = found[0]
    assert claim.text == text[claim.start : claim.end]
    assert claim.expression.start < claim.expression.end <= claim.end
    assert claim.earliest <= dt.date.fromisoformat(f"{value}-01-01"[:10]) or len(value) == 10


def test_an_end_without_its_year_takes_the_other_ends():
    """ "from December 28 to January 3" runs into the next year; with the year written after the last
    end, the first end is the year before."""
    found = dates("The Pellham gallery show runs from December 28 to January 3.", dt.date(2025, 12, 20))
    assert [(c.value, c.end_value) for c in found] == [("2025-12-28", "2026-01-03")]
    found = dates("The Pellham gallery show ran from December 28 to January 3, 2016.")
    assert [(c.value, c.end_value) for c in found] == [("2015-12-28", "2016-01-03")]
    assert (found[0].earliest, found[0].latest) == (dt.date(2015, 12, 28), dt.date(2016, 1, 3))


def test_since_is_not_a_period():
    """ "since June 2011" is the start of a state that still holds, one date."""
    found = dates("The council has led the town of Ashby since June 2011, Mayor Tam Orvell said.")
    assert [(c.value, c.end_value) for c in found] == [("2011-06", None)]


def test_a_date_moved_from_one_day_to_another_is_two_dates():
    """ "postponed the vote from March 3 to March 9": the day it was and the day it is, not a period."""
    found = dates("The Lisk board postponed the vote from March 3 to March 9, the chair said.")
    assert [(c.value, c.end_value) for c in found] == [("2026-03-03", None), ("2026-03-09", None)]


def test_two_dates_joined_by_and_are_not_a_period():
    """ "in May 2016 and July 2016" (no "between") names two months."""
    found = dates("The Brenn road was shut in May 2016 and July 2016 for repairs.")
    assert [(c.value, c.end_value) for c in found] == [("2016-05", None), ("2016-07", None)]


def test_a_period_read_against_the_publication_date():
    """ "struck on March 3-9" told in the past in an article of 2 April 2026 is 2026's; told in an article
    of 1 December 2025 it is 2025's (a past day this far ahead cannot follow the article)."""
    text = "Dock workers in Perrin struck on March 3-9, the union said."
    assert [c.end_value for c in dates(text, dt.date(2026, 4, 2))] == ["2026-03-09"]
    assert [(c.value, c.end_value) for c in dates(text, dt.date(2025, 12, 1))] == [
        ("2025-03-03", "2025-03-09")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The rule was set on 2014-03-05 by the board.",  # a day, not 2014 to 2003
        "The Perrin team won 2014-12 in the final.",  # no period ends before it starts
        "The plan cost $2010-2020 a head.",  # money, not years
        "He scored 3-9 in March.",  # no month after the days
    ],
)
def test_dashes_that_make_no_period(text):
    mentions = find_mentions(text)
    assert len(mentions) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Between 1990-2000 students enrolled at the Tamsey college each year.",
        "The Perrin club sold 1995-2005 tickets.",
        "The tower rose 1950-2000 feet above the Carrow valley.",
    ],
)
def test_a_dashed_pair_of_counts_is_no_period(text):
    """ "1990-2000 students": when the first number counts something, so does the second."""
    assert dates(text) == []
