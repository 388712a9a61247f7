"""A figure supposed in an "if" clause is no quantity anybody reports (issue 14's strict read, branch stmt16a:
"hypothetical figures ('if 10,000 came ...') stored as quantities"), on sentences we wrote.

A supposition ("If 10,000 people came ..., the harbour would need ...") uses a figure to make a point; nothing
was counted. What would follow stays (NewsQuant counts "it would save $500 million"), and so does a condition
that may come true ("If 300 jobs go, the town will ...": no "would") and a figure stated outright.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract
from claims.extraction.types import QuantityClaim

LEAD = "The ferry company cut its winter timetable on Monday.\n\n"


def _values(sentence: str) -> list[float]:
    return [c.low for c in extract(LEAD + sentence).claims if isinstance(c, QuantityClaim)]


@pytest.mark.parametrize(
    ("sentence", "supposed"),
    [
        ("If 10,000 people came to the island in one weekend, the harbour would need more ferries.", 10000),
        ("Even if the company added 20 crossings, it would still lose money, Ana Ruiz said.", 20),
        ("If the fare rose to 40 euros, many families could not afford it, the council warned.", 40),
    ],
)
def test_a_supposed_figure_is_not_stored(sentence, supposed):
    assert supposed not in _values(sentence)


def test_what_would_follow_stays():
    values = _values(
        "If the island paid the same as the mainland, it would save $500 million, Ana Ruiz said."
    )
    assert 500_000_000 in values


def test_a_condition_that_may_come_true_stays():
    assert 300 in _values("If 300 jobs go, the town will lose its school, Ana Ruiz said.")


def test_a_figure_stated_outright_stays():
    assert 10000 in _values(
        "The company carried 10,000 passengers in January, more than in any winter before."
    )
