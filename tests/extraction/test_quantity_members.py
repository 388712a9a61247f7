"""Quantities an editor can trust (branch claims10): the word "one" where it picks out a member or a
thing ("one of the organizers", "according to one official", "one reason") is no count of 1, while a count
of one said as such ("only one senator", "at least one challenger", "just one area") stays one; "100 percent"
said of an adjective is a degree, not a share."""

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


def counted(claims: list[QuantityClaim]) -> list[tuple[str, float]]:
    return [(c.number.text, c.low) for c in claims if c.number is not None]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor backed the plan, according to one of the officials present.",
        "The bridge will close in May, according to one city engineer who asked not to be named.",
        "Tom Hale, one of the organizers of the march, said the permit came late.",
        "One of the guards, Ana Ruiz, said the door had been left open.",
        "Asked by one of the mayor's aides, the chief shook his head.",
        "The harbour board was seen as one of the leading opponents of the toll.",
        "The ferry company is one of the main employers in the valley.",
        "One city official told reporters that the road had been closed since dawn.",
        "The council will vote again, said one official briefed on the talks.",
        "One Democrat, Representative Tom Hale of Maryland, called the bill a gift to landlords.",
        "That was one reason the council delayed the vote.",
        "There was one problem: the new bridge had no lights.",
        "One thing is certain: the toll will rise next spring.",
        "One clause would raise the parking fee for drivers who stay downtown overnight; the other would cut it.",
        "On one day the marchers gathered at the harbour. Another day they sat outside the town hall.",
        "But one reason the council waited is that the budget was late.",
        "In one exchange, the harbour master wrote that the cranes were broken.",
        "At one ferry terminal, the queue stretched past the gate.",
        "The closures were planned by a port official, along with one of the mayor's deputy chiefs of staff, "
        "Ana Ruiz, and his campaign manager.",
        "The plan was drafted with one of his aides, Tom Hale, over the weekend.",
        "There's only one way out: open the gates and let the ferries sail.",
        "The inspector said she has only one interest: a fair inquiry into the harbour fire.",
        '"If there is even one life that can be saved, then we have to act," the mayor said.',
        "If even one ferry sinks, the line will close.",
    ],
)
def test_one_that_picks_out_a_member_is_no_count(quantities, sentence):
    """A source, a member of a group, a thing pointed to or one of a pair is not a quantity of 1."""
    assert not [c for c in quantities(sentence) if c.low == 1 and c.high == 1], counted(quantities(sentence))


@pytest.mark.parametrize(
    ("sentence", "number", "unit_class"),
    [
        ("Only one senator voted against the harbour bill.", "one", "senator"),
        ("The report drew criticism from at least one potential challenger.", "one", "challenger"),
        ("The ministry changed only one word in the draft.", "one", "word"),
        ("It is hard to blame the losses on just one area of the business.", "one", "area"),
        ("She said it was easier to carry one phone instead of two.", "one", "phone"),
        ("The crew sent one tanker and two tugs to the harbour.", "one", "tanker"),
        ("He pleaded guilty to one count of wire fraud.", "one", "count"),
        ("All but one member of the board signed the letter.", "one", "member"),
        ("She was one of the most gifted players in the league.", "one", "player"),
        ("The board met one of the bidders on Monday.", "one", "bidder"),
        ("The council hired one of the two lawyers from the firm.", "one", "lawyer"),
        ("If the council hires one more engineer, the bridge will open in May.", "one", "engineer"),
        ("Even one ferry cost the firm a fortune, the owner said.", "one", "ferry"),
    ],
)
def test_a_count_of_one_stays_a_count(quantities, sentence, number, unit_class):
    """A number word that weighs the count ("only", "at least", "just"), a contrast or a plain object count
    keeps "one" as 1; a superlative group keeps it too, as NewsQuant annotates it."""
    hits = [c for c in quantities(sentence) if c.number is not None and c.number.text.lower() == number]
    assert len(hits) == 1, counted(quantities(sentence))
    assert (hits[0].low, hits[0].unit_class) == (1, unit_class)


@pytest.mark.parametrize(
    "sentence",
    [
        "And I'm 100 percent positive he is not a member of the board.",
        "We are 100% committed to the harbour plan.",
    ],
)
def test_100_percent_of_a_predicate_adjective_is_a_degree(quantities, sentence):
    """ "100 percent positive", "100% committed": certainty or resolve, no share of anything."""
    assert quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The town wants 100 percent renewable power by 2030.", 100), ("Fares are 20 percent higher.", 20)],
)
def test_a_share_of_a_noun_or_a_comparison_stays_an_amount(quantities, sentence, value):
    """The adjective describes a noun ("100 percent renewable power") or compares ("20 percent higher")."""
    assert [(c.low, c.unit_class) for c in quantities(sentence)] == [(value, "percentage")]


def test_ages_in_a_list_of_names(quantities):
    """ "Margaret Collins, 81; Robert Wilson, 74; ... James Porter, 69.": each figure after a name and its
    comma, closed by a semicolon or the sentence's full stop, is that person's age."""
    claims = quantities(
        "The oldest judges on the bench are Margaret Collins, 81; Robert Wilson, 74; and James Porter, 69."
    )
    assert [(c.low, c.unit_class) for c in claims] == [
        (81, "year of age"),
        (74, "year of age"),
        (69, "year of age"),
    ]


def test_a_figure_after_a_name_that_is_no_person_stays_unread(quantities):
    """The rule needs a person: a figure after a team's name is no age."""
    assert [c.unit_class for c in quantities("The team that won the cup was Harbour United, 3.")] != [
        "year of age"
    ]


def test_a_superlative_the_tagger_misses_still_keeps_the_count(quantities):
    """ "One of the realest conversations": a superlative read as a noun is still a superlative group."""
    claims = quantities("One of the realest conversations that I had with you was about the harbour.")
    assert [(c.low, c.unit_class) for c in claims] == [(1, "conversation")]


def test_a_number_word_counts_what_an_earlier_count_counts(quantities):
    """ "Of the 10 Democrats ..., six are on the ballot": "six" counts Democrats; a measure before it
    ("40 minutes") lends nothing to a later bare count word."""
    claims = quantities(
        "Of the 10 Democrats who gathered outside the chamber, six are on the ballot this year."
    )
    assert [(c.low, c.unit_class) for c in claims] == [(10, "democrat"), (6, "democrat")]
    lone = quantities("The hearing lasted 40 minutes and two left early.")
    assert [(c.low, c.unit_class) for c in lone if c.low == 2] == [(2, None)]


def test_a_bare_vague_amount_takes_the_unit_of_an_amount_of_its_scale(quantities):
    """ "divert billions ... $1.4 billion": billions of dollars; with no amount beside it, nothing counted, so
    no claim (an editor cannot check "millions" of nothing)."""
    claims = quantities(
        "He wants to divert billions toward the wall even as he signs a bill that includes $1.4 billion for it."
    )
    assert [(c.number.text, c.unit_class) for c in claims] == [
        ("billions", "dollar"),
        ("$1.4 billion", "dollar"),
    ]
    assert quantities("They collected records from millions, a report said.") == []


def test_a_repeated_or_misspelt_vague_amount_is_one_amount(quantities):
    """ "thousands and thousands of letters" is one claim, "hundred of thousands of jobs" 200,000-999,000."""
    repeated = quantities("There are thousands and thousands of letters that are missing.")
    assert [(c.low, c.high, c.unit_class) for c in repeated] == [(2000, 9999, "letter")]
    misspelt = quantities("The plan would create or save hundred of thousands of jobs, he said.")
    assert [(c.low, c.high, c.unit_class) for c in misspelt] == [(200_000, 999_000, "job")]


@pytest.mark.parametrize(
    "sentence",
    ["The responders were hurt because of their bravery on 911, he said.", "Life has changed since 911."],
)
def test_911_after_a_word_of_time_is_the_day_of_the_attacks(quantities, sentence):
    """ "on 911", "since 911": the day, written as a number, not 911 of anything."""
    assert quantities(sentence) == []


def test_911_that_counts_stays_a_count(quantities):
    """ "911 homes" counts homes."""
    assert [(c.low, c.unit_class) for c in quantities("The town has 911 homes.")] == [(911, "home")]


def test_a_measure_or_a_count_of_other_things_lends_no_unit(quantities):
    """A number word takes no unit of measure ("six weeks of paid leave ... mother of three"), and a bare
    "millions" no counted noun ("made millions while thousands of bond holders lost fortunes"), so it is
    no claim."""
    leave = quantities(
        "She said parents would not get the six weeks of paid leave, and the mother of three replied."
    )
    assert [c.unit_class for c in leave if c.low == 3] == [None]
    money = quantities(
        "He filed for six bankruptcies and made millions while thousands of bond holders lost fortunes."
    )
    assert [c.unit_class for c in money if c.number is not None and c.number.text == "millions"] == []
