"""Dates an editor can trust, second pass (branch claims10b): a week is stored as the month it lies in (else
the year), never as one day; "up 4% on last year" is a comparison's base, not a happening; a season that
describes a noun ("winter storms") or is dated by another event ("the summer before the election") is no
date; a date the sentence denies ("today, not next month") is none."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates
from claims.extraction.types import DateClaim

PUBLISHED = dt.date(2025, 3, 16)  # a Sunday; the week before runs 3-9 March, the week after 17-23 March


def dates(text: str, published: dt.date = PUBLISHED) -> dict[str, DateClaim]:
    return {c.expression.text: c for c in find_dates(prepare(text, published=published)) if c.expression}


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "first", "last"),
    [
        (
            "The minister said the ships would leave next week.",
            "next week",
            "2025-03",
            "2025-03-17",
            "2025-03-23",
        ),
        (
            "The dockers were told last week to clear the berth.",
            "last week",
            "2025-03",
            "2025-03-03",
            "2025-03-09",
        ),
        (
            "He would raise the matter in parliament this week.",
            "this week",
            "2025-03",
            "2025-03-16",
            "2025-03-16",
        ),
    ],
)
def test_a_week_is_the_month_it_lies_in(sentence, expression, value, first, last):
    """ "next week" is stored as March 2025 with the week's days as its interval, not as 20 March."""
    claim = dates(sentence)[expression]
    assert (claim.value, claim.precision, claim.approximate) == (value, "month", True)
    assert (claim.earliest, claim.latest) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_a_week_across_two_months_is_its_year():
    """Said on Tuesday 8 April 2025, "last week" (31 March - 6 April) lies in no one month: the year."""
    claim = dates("Talks broke down last week.", published=dt.date(2025, 4, 8))["last week"]
    assert (claim.value, claim.precision) == ("2025", "year")


def test_the_start_of_the_week_is_its_monday():
    """ "since the start of the week" said on Thursday 3 April 2025 counts from Monday 31 March."""
    found = dates("Shares have fallen 6.5% since the start of the week.", published=dt.date(2025, 4, 3))
    claim = found["since the start of the week"]
    assert (claim.value, claim.precision) == ("2025-03-31", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved a budget of $412 million, an increase of 4.5% on last year.",
        "Ferry traffic was higher than last year, the port said.",
        "Exports rose 3% over last month.",
        "Fares are flat compared with last year.",
    ],
)
def test_the_base_of_a_comparison_is_no_date(sentence):
    """ "up 4.5% on last year" compares with last year; nothing happened then."""
    assert dates(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The mayor resigned last year.", "last year", "2024"),
        ("The pier reopened on last year's anniversary of the flood.", "last year", "2024"),
        ("Senators plan to vote on this week's harbour bill.", "this week", "2025-03"),
    ],
)
def test_last_year_that_dates_stays(sentence, expression, value):
    assert dates(sentence)[expression].value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "The council will repair roads damaged by winter storms.",
        "The pier is busy in summer months.",
        "It happened in the summer before the election.",
        "The ferry was sold in the spring after the strike.",
    ],
)
def test_a_season_of_a_noun_or_of_another_event_is_no_date(sentence):
    """ "by winter storms" is a kind of storm; "the summer before the election" is of the election's year,
    which the sentence does not give."""
    assert dates(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The work will be finished by winter.", "by winter", "2025"),
        ("The bill was shelved during the summer recess.", "during the summer", "2024"),
        ("Last winter's storms closed the pier.", "Last winter", "2024"),
        ("It happened in the summer of 2016 before the election.", "in the summer of 2016", "2016"),
    ],
)
def test_a_season_that_dates_stays(sentence, expression, value):
    assert dates(sentence)[expression].value == value


def test_a_denied_date_is_no_date():
    """ "help today, not next month": next month is what she says it must not be."""
    found = dates('The mayor said the town needed help "today, not next month".')
    assert "next month" not in found and "today" in found


def test_not_until_still_says_when():
    """ "will not resume until Friday" dates the resumption."""
    assert dates("The talks will not resume until Friday.")["until Friday"].value == "2025-03-21"
