"""Dates an editor can trust (branch claims10): a day planned ahead is not dated by the past verb that
reports the plan; a note that is only a date is its stamp, no claim."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction import extract
from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates
from claims.extraction.types import DateClaim

PUBLISHED = dt.date(2019, 3, 27)  # a Wednesday


def value_of(text: str, expression: str) -> str:
    found = {
        c.expression.text: c.value for c in find_dates(prepare(text, published=PUBLISHED)) if c.expression
    }
    return found[expression]


@pytest.mark.parametrize(
    "sentence",
    [
        "This prompted calls to boycott the cafe, along with plans for a protest at the harbour on Friday.",
        "The union announced plans for a strike on Friday.",
    ],
)
def test_a_planned_day_in_a_past_clause_is_the_nearest(sentence):
    """ "plans for a protest ... on Friday" told in the past tense: the nearest Friday (two days ahead),
    not last week's."""
    assert value_of(sentence, "on Friday") == "2019-03-29"


@pytest.mark.parametrize(
    "sentence", ["The union held a strike on Friday.", "Hale said on Friday that the plan was dead."]
)
def test_a_past_clause_without_a_plan_keeps_the_past_day(sentence):
    """Without a plan before the date (or with one only after it), the past tense still dates it."""
    assert value_of(sentence, "on Friday") == "2019-03-22"


def test_a_note_that_is_only_a_date_is_its_stamp():
    """ "Correction: December 1, 2010" dates the note, not a happening; a date the correction states
    ("It was on Tuesday, Nov. 30.") stays a claim."""
    text = (
        "The council voted on Tuesday to close the bridge.\n\nCorrection: December 1, 2010\n\n"
        "Correction: An earlier version of this article said the vote was on Monday. It was on Tuesday, Nov. 30."
    )
    dates = [c for c in extract(text, published="2010-12-01").claims if isinstance(c, DateClaim)]
    assert [(c.value, c.text) for c in dates] == [
        ("2010-11-30", "The council voted on Tuesday to close the bridge"),
        ("2010-11-30", "It was on Tuesday, Nov. 30"),
    ]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Mr. Hale lost the primary in 2006.He won re-election as an independent.",
            "Hale lost the primary in 2006",
        ),
        (
            "Hopes were at their lowest since the strike began on May 2.It also hurt the port.",
            "the strike began on May 2",
        ),
    ],
)
def test_a_date_span_ends_at_a_stop_glued_to_a_short_word(text, evidence):
    """A scraper's 'in 2006.He won' is two sentences: the date's span ends at the stop, never takes "He"."""
    dates = [c for c in extract(text, published="2019-03-27").claims if isinstance(c, DateClaim)]
    assert len(dates) == 1 and dates[0].text.endswith(evidence.split()[-1]), [c.text for c in dates]
    assert evidence in dates[0].text
