"""Shares and tallies an editor reads as written (branch misc14): a fraction of a counted whole is a share
(class "share", the fraction as its value, "% WHOLE" as its unit, as NewsQuant annotates "two-thirds of
the combined 4.3M ... sales"), never "0.33 arrests"; a tally is one claim of the votes for however it is
written ("97-1", "97 to 1", "97 votes to 1"), its span holding both figures, and a chamber's verb ("passed",
"confirmed") is a word of voting. All sentences written for these tests."""

from __future__ import annotations

import pytest

from claims.extraction.document import ArticleDoc
from claims.extraction.quantities import find_quantities
from claims.extraction.types import QuantityClaim


@pytest.fixture(scope="module")
def quantities(nlp):
    def run(text: str) -> list[QuantityClaim]:
        return find_quantities(ArticleDoc(text=text, analysis=text, offsets=None, doc=nlp(text)))

    return run


def read(claims: list[QuantityClaim]) -> list[tuple[str, float, str | None, str | None]]:
    return [(c.text, round(c.low, 3), c.unit, c.unit_class) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Harbour police made about one-third of the 2.4 million stops last year.",
            [
                ("about one-third of the 2.4 million stops", 0.333, "% stops", "share"),
                ("2.4 million stops", 2_400_000.0, "stop", "stop"),
            ],
        ),
        (
            "The Greens now hold two-thirds of the council.",
            [("two-thirds of the council", 0.667, "% council", "share")],
        ),
        (
            "A quarter of the ferry fleet stayed in port.",
            [("A quarter of the ferry fleet", 0.25, "% ferry fleet", "share")],
        ),
        (
            "She took three quarters of rural ballots.",
            [("three quarters of rural ballots", 0.75, "% rural ballots", "share")],
        ),
        (
            "One in five harbour pilots has quit.",
            [("One in five harbour pilots", 0.2, "% harbour pilots", "share")],
        ),
        ("Half their trawlers were idle.", [("Half their trawlers", 0.5, "% trawlers", "share")]),
    ],
)
def test_a_fraction_of_a_counted_whole_is_a_share_of_it(quantities, sentence, expected):
    """The whole is in the unit ("% stops"), the fraction the value: a share, not 0.33 of a stop."""
    assert read(quantities(sentence)) == expected


def test_a_share_of_a_count_after_it_takes_what_the_count_counts(quantities):
    """ "Nearly two-thirds of the combined 9.1M local and foreign visitors": the share's whole is the count's."""
    claims = quantities("Nearly two-thirds of the combined 9.1M local and foreign visitors came by sea.")
    assert claims[0].unit_class == "share" and claims[0].unit == "% local foreign visitors"
    assert claims[0].direction == "~" and claims[0].low == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry stopped a quarter of a mile out.", (0.25, "mile")),
        ("The pump moved half a million litres.", (500_000.0, "litre")),
    ],
)
def test_a_fraction_of_a_measure_is_an_amount_of_it(quantities, sentence, expected):
    """A quarter of a mile is 0.25 miles, not a share; "half a million" is a number."""
    claim = quantities(sentence)[0]
    assert (claim.low, claim.unit_class) == expected


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("The harbour board passed the levy 11-2 on Monday.", "passed the levy 11-2"),
        ("The levy passed 11 to 2.", "passed 11 to 2"),
        ("The levy was carried by 11 votes to 2.", "11 votes to 2"),
        ("The assembly confirmed the warden 11-0 in May.", "confirmed the warden 11-0"),
        ("The final tally was 11-2.", "tally was 11-2"),
        ("Members voted 11-2 to approve the levy.", "voted 11-2"),
    ],
)
def test_a_tally_is_one_claim_of_the_votes_for_however_written(quantities, sentence, evidence):
    """Every way of writing a tally gives one claim of the votes for, its span the figures and the nearest
    word of voting (never a full stop, never a second verb), so the linker reads both figures from it."""
    claims = quantities(sentence)
    assert [(c.text, c.low, c.unit_class) for c in claims] == [(evidence, 11.0, "vote")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour side defeated the visitors 3-1 on Sunday.",
        "The visitors won 3 to 1 at the harbour ground.",
    ],
)
def test_a_score_is_no_tally(quantities, sentence):
    """A match is won or lost, not passed or voted: no claim of votes."""
    assert all(c.unit_class != "vote" for c in quantities(sentence))


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("The harbour board needs a two-thirds majority to change the levy.", "two-thirds majority"),
        ("The ferry firm sold a one-third stake in the port.", "one-third stake"),
    ],
)
def test_a_fraction_set_before_a_noun_is_a_share_of_no_named_whole(quantities, sentence, evidence):
    """ "a two-thirds majority" is a majority of two-thirds, not two-thirds of the majority: a share whose
    unit names no whole ("66.7%"), never "66.7% of majority"."""
    claim = quantities(sentence)[0]
    assert (claim.text, claim.unit, claim.unit_class) == (evidence, "%", "share")
