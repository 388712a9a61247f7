"""Link classes of links16a, on sentences written for these tests:

- one figure of one unit class in two outlets of one event is one count, whatever words each sentence
  puts around it ("about 2,400 harbour pilots were told to stay home" / "the walkout left 2,400 pilots
  without pay"), and so is a precise figure and its rounding ("$1,180,000" / "$1.2 million"); small counts,
  rates and a rounding of a round figure still need shared words;
- one start told with two verbs ("the ferry programme was started in 2011" / "a ferry programme launched
  in 2011") is one happening of that year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from claims.extraction.types import DateClaim, QuantityClaim
from claims.linking.links import suggest_links
from newstext.span import Span
from tests.linking.linkable import linkable

PUBLISHED = dt.date(2026, 3, 4)


def count(cid: str, article: str, sentence: str, words: str, value: float, unit: str, unit_class: str, **kw):
    at = sentence.index(words)
    claim = QuantityClaim(at, at + len(words), words, value, value, unit, unit_class, **kw)
    return linkable(cid, article, claim, sentence, published=PUBLISHED)


def pairs(links, relation="corroborates"):
    return {frozenset((s.a_id, s.b_id)) for s in links if s.relation == relation}


ABOUT = {"approximate": True, "direction": "~"}


def test_one_figure_in_two_outlets_is_one_count_without_shared_words():
    home = "About 2,400 harbour pilots were told to stay home on the first morning."
    pay = "The walkout left 2,400 pilots without pay."
    links = suggest_links(
        [
            count("home", "A", home, "About 2,400 harbour pilots", 2400, "harbour pilots", "pilot", **ABOUT),
            count("pay", "B", pay, "2,400 pilots", 2400, "pilots", "pilot"),
        ]
    )
    assert pairs(links) == {frozenset(("home", "pay"))}
    assert all(s.confidence < 0.75 for s in links)  # the figure says it, not the words: never sure


def test_a_precise_figure_and_its_rounding_are_one_sum():
    spend = "The council voted on Tuesday to spend $1,180,000 on repairs to the ferry terminal."
    plan = "The plan sets aside $1.2 million for the work."
    links = suggest_links(
        [
            count("spend", "A", spend, "$1,180,000", 1_180_000, "$", "dollar"),
            count("plan", "B", plan, "$1.2 million", 1_200_000, "$", "dollar"),
        ]
    )
    assert pairs(links) == {frozenset(("spend", "plan"))}


# "two officials" is in every story; two rates of one story are close by nature; "$1.9 million" is too
# round to be told from another sum near $2 million
UNLIKE = [
    (
        ("Two officials resigned over the tender.", "Two officials", 2.0),
        ("The mayor met two officials from the ministry.", "two officials", 2.0),
        ("officials", "official"),
    ),
    (
        ("Turnout reached 52 percent in the north.", "52 percent", 52.0),
        ("The levy rose by 52 percent over the decade.", "52 percent", 52.0),
        ("percent", "percentage"),
    ),
    (
        ("The tender was worth $1.9 million.", "$1.9 million", 1_900_000.0),
        ("Dredging the channel will cost $2 million.", "$2 million", 2_000_000.0),
        ("$", "dollar"),
    ),
]


@pytest.mark.parametrize(("first", "second", "unit"), UNLIKE)
def test_small_counts_rates_and_round_figures_still_need_shared_words(first, second, unit):
    links = suggest_links([count("a", "A", *first, *unit), count("b", "B", *second, *unit)])
    assert links == []


def year(cid: str, article: str, sentence: str, clause: str, dated: str, value: str = "2011"):
    at = sentence.index(clause)
    when = f"in {value}"
    claim = DateClaim(at, at + len(clause), clause, value, "year", expression=Span(at, at, when), dated=dated)
    return linkable(cid, article, claim, sentence, published=PUBLISHED)


def test_one_start_told_with_two_verbs_is_one_year():
    started = "A former official said the ferry programme was started in 2011 by the harbour board."
    launched = "The port authority runs a ferry programme launched in 2011 called Seabridge."
    links = suggest_links(
        [
            year("started", "A", started, "the ferry programme was started in 2011", "started"),
            year("launched", "B", launched, "a ferry programme launched in 2011", "launched"),
        ]
    )
    assert pairs(links) == {frozenset(("started", "launched"))}


def test_two_starts_of_one_year_are_two_happenings():
    dredge = "The harbour board began in 2011 to dredge the outer channel."
    ferry = "The ferry programme was launched in 2011 by the port authority."
    links = suggest_links(
        [
            year(
                "dredge", "A", dredge, "The harbour board began in 2011 to dredge the outer channel", "began"
            ),
            year("ferry", "B", ferry, "The ferry programme was launched in 2011", "launched"),
        ]
    )
    assert links == []


def day(cid: str, article: str, sentence: str, clause: str, when: str, dated: str, value: str, *, offset=0):
    """A day claim of `article`, its sentence starting at `offset` in the article (a later sentence of an
    article its first one is given for)."""
    at = offset + sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "day", expression=Span(at, at, when), dated=dated)
    item = linkable(cid, article, claim, sentence, published=PUBLISHED)
    return replace(item, sentence_start=offset)


MIDNIGHT = "About 300 dock workers walked off the job at midnight Feb. 27 to press for the repairs."
BEGAN = "The strike by 300 dock workers, which began on Feb. 28, ended after the vote."


def test_a_midnight_and_the_day_after_it_are_one_turn_of_the_day():
    """ "at midnight Feb. 27" is the turn of the day another outlet gives as Feb. 28: compatible, never
    sure, and no conflict."""
    walked = day(
        "walked", "A", MIDNIGHT, MIDNIGHT[: MIDNIGHT.index(" to press")], "Feb. 27", "walked", "2026-02-27"
    )
    began = day(
        "began", "B", BEGAN, "300 dock workers, which began on Feb. 28", "on Feb. 28", "began", "2026-02-28"
    )
    links = suggest_links([walked, began])
    assert [s.relation for s in links] == ["corroborates"]
    assert links[0].confidence < 0.75 and links[0].rationale.startswith("midnight")


def test_a_day_without_midnight_is_still_its_own_day():
    """The same two sentences without "midnight": Feb. 27 and Feb. 28 are two days."""
    plain = MIDNIGHT.replace("at midnight ", "on ")
    walked = day(
        "walked", "A", plain, plain[: plain.index(" to press")], "on Feb. 27", "walked", "2026-02-27"
    )
    began = day(
        "began", "B", BEGAN, "300 dock workers, which began on Feb. 28", "on Feb. 28", "began", "2026-02-28"
    )
    assert [s.relation for s in suggest_links([walked, began])] != ["corroborates"]


def test_a_noun_of_people_opening_a_sentence_names_no_actor():
    """ "Lawmakers approved the measure ... on March 3" and "The Carlow Assembly passed the levy bill ... on
    Tuesday": one vote on one day; "Lawmakers" is capitalised because it opens the sentence."""
    passed = "The Carlow Assembly passed the levy bill 68-31 on Tuesday."
    approved = "Lawmakers approved the measure by a vote of 68 to 31 at their session on March 3."
    links = suggest_links(
        [
            day("passed", "A", passed, passed[:-1], "on Tuesday", "passed", "2026-03-03"),
            day("approved", "B", approved, approved[:-1], "on March 3", "approved", "2026-03-03"),
        ]
    )
    assert pairs(links) == {frozenset(("passed", "approved"))}


def test_a_named_body_against_another_is_still_two_actors():
    """ "The Carlow Assembly passed" / "the Dunmore Council passed" on one day: two votes."""
    passed = "The Carlow Assembly passed the levy bill 68-31 on Tuesday."
    other = "The Dunmore Council passed its own levy bill on Tuesday."
    links = suggest_links(
        [
            day("carlow", "A", passed, passed[:-1], "on Tuesday", "passed", "2026-03-03"),
            day("dunmore", "B", other, other[:-1], "on Tuesday", "passed", "2026-03-03"),
        ]
    )
    assert links == []


THURSDAY = "2026-03-05"


def test_two_named_tellers_of_one_day_are_two_tellings():
    """ "A number of the ferry companies issued statements Thursday night" and "The Harbour Gazette reported
    Thursday that ...": two tellers named before their verbs, two tellings, though the Gazette's sentence
    names the companies too."""
    issued = "A number of the Seaway companies issued statements Thursday night saying they obeyed the law."
    reported = "The Harbour Gazette reported Thursday that the board tracks data from nine Seaway companies."
    links = suggest_links(
        [
            day(
                "issued", "A", issued, issued[: issued.index(" saying")], "Thursday night", "issued", THURSDAY
            ),
            day(
                "reported",
                "B",
                reported,
                "The Harbour Gazette reported Thursday",
                "Thursday",
                "reported",
                THURSDAY,
            ),
        ]
    )
    assert links == []


def test_a_described_teller_may_be_the_named_one():
    """ "the lawyer for the campaign said Thursday" and "In a statement issued Thursday, Ada Brill, a partner
    with Brill & Reyes, said ...": the lawyer is not named, so the two may be one telling."""
    said = "The board subpoenaed the ferry campaign's records, the lawyer for the campaign said Thursday."
    issued = "In a statement issued Thursday, Ada Brill, a partner with Brill & Reyes, said the campaign had subpoenas."
    links = suggest_links(
        [
            day("said", "A", said, "the lawyer for the campaign said Thursday", "Thursday", "said", THURSDAY),
            day("issued", "B", issued, "In a statement issued Thursday", "Thursday", "issued", THURSDAY),
        ]
    )
    assert pairs(links) == {frozenset(("said", "issued"))}
