"""A telling that gives a deed as done ("her lawyers said in 2024 that she repaid the port fund") bounds
when the deed was done: another outlet dating that deed after the telling ("she repaid the fund ...
earlier this year", 2026) contradicts it. A deed to come ("said she would repay") and a deed dated before
the telling bound nothing. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim, Span
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

PUBLISHED = dt.date(2026, 5, 20)


def date(cid, article, sentence, clause, when, value, precision, dated):
    at, w = sentence.index(clause), sentence.index(when)
    claim = DateClaim(
        at, at + len(clause), clause, value, precision, expression=Span(w, w + len(when), when), dated=dated
    )
    return linkable(cid, article, claim, sentence, published=PUBLISHED)


def telling(verb_phrase: str = "repaid"):
    sentence = f"The harbour master's lawyers said in 2024 that Lena Brask {verb_phrase} the port fund about $40,000."
    return date(
        "told", "A", sentence, "The harbour master's lawyers said in 2024", "in 2024", "2024", "year", "said"
    )


def deed(when: str, value: str):
    sentence = f"Brask repaid the port fund more than $40,000 {when} for improper travel claims."
    clause = f"Brask repaid the port fund more than $40,000 {when} for improper travel claims"
    return date("done", "B", sentence, clause, when, value, "year", "repaid")


def relations(links):
    return {(s.pair, s.relation) for s in links}


def test_a_deed_dated_after_it_was_told_as_done_contradicts():
    got = suggest_links([telling(), deed("earlier this year", "2026")])
    [link] = [s for s in got if s.relation == "contradicts"]
    assert link.pair == frozenset({"told", "done"})
    assert "repaid" in link.rationale and link.confidence < 0.75


def test_a_deed_to_come_bounds_nothing():
    got = suggest_links([telling("would repay"), deed("earlier this year", "2026")])
    assert (frozenset({"told", "done"}), "contradicts") not in relations(got)


def test_a_deed_dated_before_the_telling_does_not_conflict():
    got = suggest_links([telling(), deed("in 2023", "2023")])
    assert (frozenset({"told", "done"}), "contradicts") not in relations(got)


def test_the_same_verb_on_another_object_is_another_deed():
    """'said in 2024 that the payments she repaid were small' and 'repaid the port fund': another object."""
    sentence = (
        "The harbour master's lawyers said in 2024 that the travel claims Lena Brask repaid were small."
    )
    told = date(
        "told", "A", sentence, "The harbour master's lawyers said in 2024", "in 2024", "2024", "year", "said"
    )
    got = suggest_links([told, deed("earlier this year", "2026")])
    assert (frozenset({"told", "done"}), "contradicts") not in relations(got)


def test_a_day_to_come_is_no_deed_done():
    """A deed dated after its own article's day ("repaid ... by June", told on 20 May) is not done yet."""
    sentence = "Brask repaid the port fund more than $40,000 by June under the plan, the board said."
    clause = "Brask repaid the port fund more than $40,000 by June under the plan"
    later = date("done", "B", sentence, clause, "by June", "2026-06", "month", "repaid")
    got = suggest_links([telling(), later])
    assert (frozenset({"told", "done"}), "contradicts") not in relations(got)


def test_only_a_telling_and_a_deed_are_paired_by_the_reported_verb():
    """The verb key pairs a telling with the deeds it reports, never two deeds of one verb (their own words
    pair those): "to return to the harbour office Thursday" and "to return to the town hall on Friday"."""
    from claims.linking.links.dates import _told_pairs
    from claims.linking.links.features import features

    office = "Brask is expected to return to the harbour office Thursday afternoon."
    hall = "Mayor Rell is expected to return to the town hall on Friday."
    feats = [
        features(telling()),
        features(deed("earlier this year", "2026")),
        features(date("o", "C", office, "to return to the harbour office Thursday afternoon", "Thursday afternoon", "2026-05-21", "day", "return")),
        features(date("h", "D", hall, "to return to the town hall on Friday", "on Friday", "2026-05-22", "day", "return")),
    ]  # fmt: skip
    assert _told_pairs(feats) == {(0, 1)}
