"""Quantities an editor can trust, second pass (branch claims10b): a tally spelt with "to" is one claim of
the votes for, never two bare counts; "one" that describes or picks out ("one more cost", "told one
reporter", "one country invades another") is no count; a vague amount in words that counts nothing the
text names ("spent millions") is no claim, and "the thousands" counts the last plural noun before it."""

from __future__ import annotations

import pytest

from claims.extraction.document import ArticleDoc
from claims.extraction.quantities import find_quantities
from claims.extraction.types import QuantityClaim


@pytest.fixture(scope="module")
def quantities(nlp):
    """find_quantities on a short text whose analysis is the text itself."""

    def run(text: str) -> list[QuantityClaim]:
        return find_quantities(ArticleDoc(text=text, analysis=text, offsets=None, doc=nlp(text)))

    return run


def read(claims: list[QuantityClaim]) -> list[tuple[float, float, str | None]]:
    return [(c.low, c.high, c.unit_class) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "votes", "evidence"),
    [
        ("The harbour board voted 23 to 14 in favour of the new ferry.", 23.0, "voted 23 to 14"),
        ("The motion passed by a vote of 9 - 2 after a long night.", 9.0, "vote of 9 - 2"),
        ("Aldermen voted 30 to 30 and the mayor broke the tie.", 30.0, "voted 30 to 30"),
    ],
)
def test_a_tally_spelt_with_to_is_one_claim_of_the_votes_for(quantities, sentence, votes, evidence):
    """ "voted 23 to 14" is 23 votes for (as "a 97-1 vote" is), never a bare 23 and a bare 14."""
    claims = quantities(sentence)
    assert read(claims) == [(votes, votes, "vote")]
    assert claims[0].text == evidence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The visitors won 3 to 1 at the harbour ground.", [(3.0, 3.0, None), (1.0, 1.0, None)]),
        ("Fares rose from 14 to 23 dollars.", [(14.0, 23.0, "dollar")]),
        ("Between 12 to 15 ferries were idle.", [(12.0, 15.0, "ferry")]),
    ],
)
def test_a_pair_without_a_word_of_voting_or_rising_is_no_tally(quantities, sentence, expected):
    """A score has no word of voting, and a rising pair is a range."""
    assert read(quantities(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry owners called the new levy one more cost at the worst possible time.",
        'The ferry owners called the levy "one more cost at the worst possible time".',
        "The closure is one more example of neglect, the residents said.",
        "He told one reporter that the figures were wrong.",
        "The treaty forbids that one country invades another.",
    ],
)
def test_one_that_describes_or_picks_out_is_no_count(quantities, sentence):
    """ "one more cost" says what the levy is, "told one reporter" whom he told, "one country ...
    another" any country: none is a count of 1."""
    assert [c for c in quantities(sentence) if c.low == 1.0] == []


@pytest.mark.parametrize(
    ("sentence", "unit_class"),
    [
        ("The union hired one more lawyer for the case.", "lawyer"),
        ("He told only one reporter about the plan.", "reporter"),
        ("Only one country invaded another that year.", "country"),
    ],
)
def test_one_that_counts_stays_a_count(quantities, sentence, unit_class):
    """An added one as an object ("hired one more lawyer") or a count weighed by "only" stays a count."""
    assert read(quantities(sentence)) == [(1.0, 1.0, unit_class)]


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the thousands that had been handed over were enough.",
        "The county spent millions on the new pier.",
        "Hundreds more are expected, the organisers said.",
    ],
)
def test_a_vague_amount_of_nothing_is_no_claim(quantities, sentence):
    """ "thousands" with nothing counted tells an editor nothing to check."""
    assert quantities(sentence) == []


def test_a_vague_amount_of_something_stays(quantities):
    """With what it counts, or an amount of its scale beside it, a vague amount stays."""
    assert read(quantities("Thousands of fishermen marched to the harbour.")) == [
        (2000.0, 9999.0, "fisherman")
    ]
    assert read(quantities("Between 7500 and 8000 will be sold each year.")) == [(7500.0, 8000.0, None)]


def test_the_thousands_count_what_the_sentence_named_before(quantities):
    """ "the letters were among the thousands that had been handed over": thousands of letters."""
    claims = quantities("Her lawyer said the letters were among the thousands that had been handed over.")
    assert read(claims) == [(2000.0, 9999.0, "letter")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ferry crossings have fallen in recent years, to 40,000 in 2019 from a peak of 1.6 million in 2001.",
            [(40000.0, 40000.0, "crossing"), (1600000.0, 1600000.0, "crossing")],
        ),
        (
            "Harbour arrests climbed to 3,000 from a low of 900.",
            [(3000.0, 3000.0, "arrest"), (900.0, 900.0, "arrest")],
        ),
    ],
)
def test_a_bare_figure_a_count_moves_to_counts_the_subject(quantities, sentence, expected):
    """ "crossings have fallen to 40,000 from a peak of 1.6 million": both figures count crossings."""
    assert read(quantities(sentence)) == expected


def test_a_price_moved_to_a_figure_is_no_count_of_it(quantities):
    """ "Shares fell to 14" is a price, not 14 shares."""
    assert [c.unit_class for c in quantities("Harbour shares fell to 14 on Friday.")] == [None]


def test_apprehensions_are_arrests(quantities):
    """ "400,000 apprehensions" and "520,000 arrests" count the same thing, so the two can be compared."""
    assert [c.unit_class for c in quantities("Agents made 400,000 apprehensions and 520,000 arrests.")] == [
        "arrest",
        "arrest",
    ]


def test_the_thousands_take_no_unit_from_a_noun_that_is_no_subject(quantities):
    """ "money raised by candidates nor the tens of millions flowing into races": not millions of
    candidates, so nothing counted and no claim."""
    assert (
        quantities(
            "The tally leaves out money raised by candidates and the tens of millions flowing into races."
        )
        == []
    )


def test_a_ratio_margin_is_no_tally(quantities):
    """ "by a 3 to 1 margin" is a ratio, not 3 votes."""
    assert "vote" not in [
        c.unit_class for c in quantities("Ferry claims were rated false by a 3 to 1 margin.")
    ]
