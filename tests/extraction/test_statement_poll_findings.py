"""A poll's finding is no remark (issue 14's strict read, branch stmt16a), on sentences we wrote.

What a poll "found" or "showed" is what its respondents answered, counted by whoever ran it: nobody said it, and
stored as a statement it read as a remark, with the pollster's or the paper's name as its speaker. The app stores
no statement for it; its figures are quantity claims. Somebody who speaks of a poll ("Ana Ruiz, a pollster, said
the race had tightened") still speaks.
"""

from __future__ import annotations

from claims.extraction import extract
from claims.extraction.types import QuantityClaim

LEAD = "The ferry company cut its winter timetable on Monday.\n\n"


def test_a_named_poll_found_is_no_statement(statements):
    text = LEAD + "A Harbour Gazette poll released Friday found that 61 percent of islanders oppose the cuts."
    assert not any("61 percent" in c.text for c in statements(text))


def test_a_poll_the_parse_heads_with_its_makers_name_is_no_statement(statements):
    text = LEAD + (
        "A new Harbour Gazette/ Dover Times poll of island voters shows 23 percent picked the mayor as their first "
        "choice."
    )
    assert not any("23 percent" in c.text for c in statements(text))


def test_the_poll_showed_is_no_statement(statements):
    text = LEAD + (
        "Most islanders oppose the cuts, according to a poll released Friday. However, the poll showed that 30 "
        "percent think the company had no choice."
    )
    assert not any("30 percent" in c.text for c in statements(text))


def test_according_to_a_poll_is_no_statement(statements):
    text = LEAD + (
        "According to one recent poll, the timetable was cited by only 9 percent of residents as their main worry."
    )
    assert not any("9 percent" in c.text for c in statements(text))


def test_surveys_show_is_no_statement(statements):
    text = (
        LEAD
        + "Surveys of ferry users show that most of them would pay a higher fare to keep the winter runs."
    )
    assert not any("higher fare" in c.text for c in statements(text))


def test_the_poll_figures_stay_as_quantities():
    text = LEAD + "A Harbour Gazette poll released Friday found that 61 percent of islanders oppose the cuts."
    quantities = [c for c in extract(text).claims if isinstance(c, QuantityClaim)]
    assert any(q.low == 61 for q in quantities), quantities


def test_a_pollster_who_speaks_is_a_source(statements):
    text = (
        LEAD
        + "Ana Ruiz, a pollster in Dover, said that support for the winter runs had grown since the summer."
    )
    claims = [c for c in statements(text) if "support for the winter runs" in c.text]
    assert len(claims) == 1 and claims[0].speaker == "Ana Ruiz"


def test_a_poll_aggregator_named_as_such_is_no_source(statements):
    text = (
        LEAD + "According to Harbour Pollster, the company trails its rival by 12 points among ferry users."
    )
    assert not any("12 points" in c.text for c in statements(text))
