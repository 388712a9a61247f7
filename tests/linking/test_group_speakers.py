"""A speaker named by the members it lists ("Osk, Pellan, Dunmore, Kestrel and other ports") is one group
however each outlet lists it: two outlets giving that group's stance link as one speaker's, and the
rationale names both lists. Two different lists are two speakers. Sentences written for these tests."""

from __future__ import annotations

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

A = "Osk, Pellan, Dunmore, Kestrel and other harbour towns support the ferry levy on cargo ships."
B = "Osk, Pellan, Kestrel and Dunmore among others voiced their support for the ferry levy as the only fair toll."
OTHER = "Varn, Tessel and Ruddock among others voiced their support for the ferry levy as the only fair toll."


def position(cid, article, sentence, content, role):
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, None, role=role, polarity="position")
    return linkable(cid, article, claim, sentence)


def towns():
    return position(
        "a",
        "A",
        A,
        "support the ferry levy on cargo ships",
        "Osk, Pellan, Dunmore, Kestrel and other harbour towns",
    )


def test_one_group_listed_two_ways_is_one_speaker():
    b = position(
        "b",
        "B",
        B,
        "voiced their support for the ferry levy as the only fair toll",
        "Osk, Pellan, Kestrel and Dunmore among others",
    )
    [link] = suggest_links([towns(), b])
    assert link.relation == "corroborates"
    assert "one group" in link.rationale and "Osk, Pellan, Kestrel and Dunmore among others" in link.rationale


def test_two_lists_of_other_members_are_two_speakers():
    other = position(
        "c",
        "C",
        OTHER,
        "voiced their support for the ferry levy as the only fair toll",
        "Varn, Tessel and Ruddock among others",
    )
    assert not any("one group" in s.rationale for s in suggest_links([towns(), other]))
