"""Dates read strictly at high confidence (datecal13): a day an offset counts from is not the clause's
date, a year naming an election inside another noun's phrase dates nothing, a day naming an armed group or
a place is a name."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates

PUBLISHED = dt.date(2021, 6, 14)  # a Monday


def dates(text: str, published: dt.date = PUBLISHED):
    return [(c.value, c.expression.text) for c in find_dates(prepare(text, published=published))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The letters, which began weeks before the Oct. 4, 2020, referendum, continued into the spring.",
        "Ms. Varga resigned days after March 9, 2020, according to the council.",
        "In the months leading up to the May 2019 vote, the mayor toured the valley.",
        "In the run-up to the Jan. 12, 2020, primary, volunteers knocked on doors in Ostrava.",
        "In the years since 2008, the cooperative has doubled its harvest.",
    ],
)
def test_a_date_a_vague_offset_counts_from_is_not_stored(sentence):
    """ "began weeks before the Oct. 4, 2020, referendum": the beginning was not on 4 October, and "weeks"
    says no day, month or year an editor could rely on: nothing is stored for the anchor."""
    assert dates(sentence) == []


def test_a_counted_offset_is_stored_and_its_anchor_is_not():
    """ "A week before the Oct. 4, 2020, referendum, he wrote": the writing is dated from the anchor (a
    week back, approximate); the anchor itself is not the writing's date."""
    found = find_dates(prepare("A week before the Oct. 4, 2020, referendum, Mr. Halloran wrote to us."))
    assert [(c.value, c.approximate, c.expression.text) for c in found] == [
        ("2020-09-27", True, "A week before")
    ]


def test_two_days_after_the_vote_on_a_weekday():
    """ "Two days after the vote on Tuesday, she resigned": Thursday; Tuesday is the vote's, not hers."""
    assert dates("Two days after the vote on Tuesday, Ms. Orlov resigned.") == [
        ("2021-06-10", "Two days after")
    ]


def test_the_eve_of_a_day_is_the_day_before():
    """ "On the eve of the March 3, 2020, primary, she withdrew": 2 March 2020, the eve's words as the
    expression."""
    assert dates("On the eve of the March 3, 2020, primary, Ms. Brandt withdrew from the race.") == [
        ("2020-03-02", "On the eve of the March 3, 2020")
    ]


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("Two days after he resigned on Tuesday, the board met.", "on Tuesday"),  # dates the resigning
        ("The mayor spoke moments before Friday's vote.", "Friday"),  # moments keep the day
        ("Ms. Dunmore wrote to the council on June 1, 2020, weeks before the vote.", "on June 1, 2020"),
    ],
)
def test_dates_near_an_offset_that_are_the_clause_s_own_stay(sentence, kept):
    assert kept in [expression for _, expression in dates(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillors want access to the inquiry into foreign meddling in the 2020 regional election.",
        "She was questioned about her role in the 2018 mayoral campaign.",
        "His 2020 campaign treasurer was charged by prosecutors.",
    ],
)
def test_a_year_naming_an_election_inside_another_noun_dates_nothing(sentence):
    """The year tells which election; the wanting, the questioning, the charging are of another time."""
    assert dates(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Kellner made the statements during the 2018 mayoral race.",
        "The outside groups tried to influence the 2018 election.",
        "Ms. Varga lost the 2018 race.",
        "Mr. Kellner, who was her running mate in the 2018 mayoral campaign, declined to comment.",
    ],
)
def test_a_year_naming_the_clause_s_own_election_stays(sentence):
    """ "during the 2018 race" is the time of the statements; an election the verb acts on is its own."""
    assert [value for value, _ in dates(sentence)] == ["2018"]


def test_an_election_of_the_year_of_writing_stays():
    """ "Injecting the scandal into the 2021 campaign is her latest effort", written in 2021: the election's
    year is also the year of what the story tells now."""
    assert [
        v for v, _ in dates("Injecting the scandal into the 2021 mayoral campaign is her latest effort.")
    ] == ["2021"]


def test_the_eve_of_a_month_keeps_the_month():
    """ "forced to step down on the eve of the convention in July": the eve is in July too."""
    assert dates("Ms. Orlov was forced to step down on the eve of the party congress in May.") == [
        ("2021-05", "in May")
    ]


def test_a_day_naming_an_armed_group_or_a_place_is_no_date():
    """ "the 12 April Brigade", "June 30 Square": names; the clause's own day stays."""
    found = dates("Fighters of the 12 April Brigade guarded June 30 Square on Saturday.")
    assert found == [("2021-06-12", "on Saturday")]
