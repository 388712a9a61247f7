"""A day inside a denied clause dates a happening its speaker says did not happen: it confirms no day of
that happening as another outlet tells it. A denying verb that is itself the deed ("the council rejected
the levy on Wednesday") denies nothing. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

PUBLISHED = dt.date(2026, 7, 14)  # a Tuesday


def day(cid, article, sentence, clause, value):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "day", dated="ran")
    return linkable(cid, article, claim, sentence, published=PUBLISHED)


GROUNDING = "A tanker ran aground near the north pier of Kell harbour on Sunday, the harbour master said."


def grounded():
    return day(
        "said",
        "A",
        GROUNDING,
        "A tanker ran aground near the north pier of Kell harbour on Sunday",
        "2026-07-12",
    )


def relations(suggestions):
    return {s.relation for s in suggestions}


def test_a_day_in_a_clause_denied_by_that_confirms_nothing():
    """ "denied that a tanker ran aground ... on Sunday" gives no day of a grounding."""
    sentence = (
        "The port company denied that a tanker ran aground near the north pier of Kell harbour on Sunday."
    )
    denied = day(
        "denied",
        "B",
        sentence,
        "that a tanker ran aground near the north pier of Kell harbour on Sunday",
        "2026-07-12",
    )
    assert relations(suggest_links([grounded(), denied])) == set()


def test_a_day_under_a_negation_confirms_nothing():
    """ "No tanker ran aground near the north pier on Sunday": the negation covers the dated clause."""
    sentence = "No tanker ran aground near the north pier of Kell harbour on Sunday, the port company said."
    denied = day(
        "none",
        "B",
        sentence,
        "No tanker ran aground near the north pier of Kell harbour on Sunday",
        "2026-07-12",
    )
    assert relations(suggest_links([grounded(), denied])) == set()


def test_the_same_clause_asserted_still_corroborates():
    """The rule's control: the same words without the denial date the same grounding."""
    sentence = "A tanker ran aground near the north pier of Kell harbour on Sunday, a pilot said."
    told = day(
        "told",
        "B",
        sentence,
        "A tanker ran aground near the north pier of Kell harbour on Sunday",
        "2026-07-12",
    )
    assert relations(suggest_links([grounded(), told])) == {"corroborates"}


def test_a_rejection_that_is_the_deed_is_no_denial():
    """ "The council on Wednesday rejected the harbour levy" tells of a rejection on Wednesday: it still
    confirms the day of that vote as another outlet gives it."""
    first = "The Kell council on Wednesday rejected the harbour levy proposed by the mayor."
    second = "Kell councillors rejected the mayor's harbour levy on Wednesday."
    a = linkable(
        "a",
        "A",
        DateClaim(0, len(first) - 1, first[:-1], "2026-07-15", "day", dated="rejected"),
        first,
        published=PUBLISHED,
    )
    b = linkable(
        "b",
        "B",
        DateClaim(0, len(second) - 1, second[:-1], "2026-07-15", "day", dated="rejected"),
        second,
        published=PUBLISHED,
    )
    assert relations(suggest_links([a, b])) == {"corroborates"}
