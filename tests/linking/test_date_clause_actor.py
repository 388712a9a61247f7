"""A date clause that names no actor takes the name opening its clause in the sentence ("Handing the
mayor a defeat, the Calvarra Assembly made the bill law after voting to override it Wednesday
evening" is the Assembly's vote), not every name in the sentence: so one actor's vote told with two days
conflicts, and another actor's does not. A clause opening on a common noun ("a harbour group that sued
the Marrowick Council") names no subject. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from claims.linking.links.dates import _clause_actors
from claims.linking.links.features import features
from claims.linking.types import LinkableClaim

VOTED = (
    "Handing Mayor Ilse Varga a clear defeat, the Calvarra Assembly made the harbour bill law after voting "
    "31-4 to override the veto Wednesday evening."
)


def day(cid, article, sentence, clause, value, dated):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "day", dated=dated)
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, sentence, event_id="e1", sentence_start=0,
        published=dt.date(2026, 3, 13),
    )  # fmt: skip


def voted():
    return day("a", "A", VOTED, "to override the veto Wednesday evening", "2026-03-11", "override")


def test_the_clause_subject_dates_its_vote_and_conflicts_with_the_same_actors_other_day():
    """The Assembly's override Wednesday (its clause's subject) and the Assembly to follow on Thursday."""
    follows = day(
        "b",
        "B",
        "The override of the harbour bill veto starts in the Senate on Tuesday, followed by the Calvarra "
        "Assembly on Thursday.",
        "followed by the Calvarra Assembly on Thursday",
        "2026-03-12",
        "followed",
    )
    assert _clause_actors(features(voted())) == {("calvarr", "assembl")}
    got = {(s.pair, s.relation) for s in suggest_links([voted(), follows])}
    assert (frozenset({"a", "b"}), "contradicts") in got


def test_another_actors_day_does_not_conflict():
    """The Senate on Thursday is another vote than the Assembly's on Wednesday."""
    senate = day(
        "b",
        "B",
        "The override of the harbour bill veto starts in the Calvarra Assembly on Tuesday, followed by the "
        "Senate on Thursday.",
        "followed by the Senate on Thursday",
        "2026-03-12",
        "followed",
    )
    assert not [s for s in suggest_links([voted(), senate]) if s.relation == "contradicts"]


def test_a_clause_opening_on_a_common_noun_names_no_subject():
    """The names inside the clause are its objects: the sentence's names stand, as before."""
    sentence = (
        "Harbour Watch, a boating group that sued the Marrowick Council in 2024 and was the first to report "
        "the toll on Tuesday, welcomed the news."
    )
    group = day("c", "C", sentence, "to report the toll on Tuesday", "2026-03-10", "report")
    assert _clause_actors(features(group)) == {("harbour", "watch"), ("marrowi", "council")}
