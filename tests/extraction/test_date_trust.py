"""Dates an editor can trust (branch claims10): a day planned ahead is not dated by the past verb that
reports the plan."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates

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
