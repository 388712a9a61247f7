"""A passive telling ("The permits were disclosed Tuesday") dates a telling whose teller its clause leaves
out: it is one telling with another outlet's "the lawyer said Tuesday" when that sentence tells of the same
thing (the permits), and not with any other telling of that day (link13b; our own sentences)."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from claims.linking.links.dates import _passive_subject, _passive_telling_of
from claims.linking.links.features import features
from tests.linking.linkable import linkable

DAY = "2026-05-12"  # a Tuesday


def day(cid, article, sentence, clause, dated):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, DAY, "day", dated=dated)
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 5, 12))


def disclosed():
    return day(
        "passive",
        "A",
        "The drilling permits were disclosed Tuesday, the same day the mayor's office said it had hired an "
        "outside auditor for the harbour works.",
        "The drilling permits were disclosed Tuesday",
        "disclosed",
    )


def pairs(items):
    return {(s.pair, s.relation) for s in suggest_links(items)}


def test_a_passive_telling_is_the_telling_of_what_it_names():
    """ "The permits were disclosed Tuesday" / "... issued drilling permits ..., the lawyer said Tuesday"."""
    said = day(
        "said",
        "B",
        "The port authority of Calvarra has issued drilling permits to two firms working on the harbour "
        "works, the lawyer for the firms said Tuesday.",
        "the lawyer for the firms said Tuesday",
        "said",
    )
    assert (frozenset({"passive", "said"}), "corroborates") in pairs([disclosed(), said])


def test_a_passive_telling_is_not_another_telling_of_that_day():
    """The mayor's association announcing a tour on Tuesday tells of no permit: two tellings of one day."""
    announced = day(
        "tour",
        "B",
        "The harbour mayors' association announced on Tuesday that the mayor would tour three coastal towns "
        "in the coming months.",
        "The harbour mayors' association announced on Tuesday",
        "announced",
    )
    assert (frozenset({"passive", "tour"}), "corroborates") not in pairs([disclosed(), announced])


def test_a_passive_telling_meets_only_a_telling():
    """ "The permits were disclosed Tuesday" against "the firms began drilling under the permits on
    Tuesday": a telling and a deed, which the passive rule never makes one telling."""
    began = day(
        "began",
        "B",
        "The two firms began drilling under the new permits on Tuesday.",
        "The two firms began drilling under the new permits on Tuesday",
        "began",
    )
    said = day(
        "said",
        "C",
        "The permits are valid for a year, the lawyer said Tuesday.",
        "the lawyer said Tuesday",
        "said",
    )
    passive = features(disclosed())
    assert _passive_subject(passive) == "permit"
    assert not _passive_telling_of(passive, features(began))
    assert _passive_telling_of(passive, features(said))
    assert _passive_subject(features(said)) is None  # an active telling is no passive one
