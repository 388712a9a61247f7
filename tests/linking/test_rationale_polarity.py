"""A link's rationale says what each speaker did with the words: a belief is held, not said, and the
polarity changes the wording only, never the link or its confidence; a question or a refusal says nothing,
and links to nothing. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

BRASK = (
    "Harbour chief Lena Brask said the night ferry to Osk had carried 300 pilgrims across the strait in May."
)
QUAY = "Witnesses on the quay said the night ferry to Osk had not carried pilgrims across the strait in May."


def statement(cid, article, sentence, content, speaker=None, polarity="asserted", role=None):
    """A statement whose content is part of `sentence`, as the app stores it."""
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, role=role, polarity=polarity)
    return linkable(cid, article, claim, sentence)


def pair(brask: str = "asserted", quay: str = "asserted"):
    """Lena Brask's statement (outlet-A) and the witnesses' (outlet-B), with the polarities given."""
    return [
        statement(
            "brask",
            "A",
            BRASK,
            "the night ferry to Osk had carried 300 pilgrims across the strait in May",
            speaker="Lena Brask",
            polarity=brask,
        ),
        statement(
            "quay",
            "B",
            QUAY,
            "the night ferry to Osk had not carried pilgrims across the strait in May",
            role="Witnesses on the quay",
            polarity=quay,
        ),
    ]


def test_the_rationale_words_a_belief_as_such():
    """Not "Lena Brask says" for what she only holds; the other side still says."""
    [link] = suggest_links(pair(brask="position"))
    assert link.rationale.startswith("Lena Brask (outlet-A) holds \u201cthe night ferry")
    assert "witnesses on the quay (outlet-B) say \u201c" in link.rationale
    assert "Lena Brask (outlet-A) says" not in link.rationale


def test_a_plural_role_takes_the_plural_verb():
    """Witnesses named by their role hold, as they say."""
    [link] = suggest_links(pair(quay="position"))
    assert "witnesses on the quay (outlet-B) hold \u201cthe night ferry" in link.rationale
    assert link.rationale.startswith("Lena Brask (outlet-A) says")


def test_a_held_belief_changes_the_words_only_not_the_link():
    """The same pair asserted and held: one relation and one confidence."""
    [asserted] = suggest_links(pair())
    [worded] = suggest_links(pair(brask="position", quay="position"))
    assert (worded.pair, worded.relation, worded.confidence) == (
        asserted.pair,
        asserted.relation,
        asserted.confidence,
    )
    assert worded.rationale != asserted.rationale


@pytest.mark.parametrize("polarity", ["refused", "question"])
@pytest.mark.parametrize("side", ["brask", "quay"])
def test_a_question_or_a_refusal_links_to_nothing(polarity, side):
    """Lena Brask asking, or declining to say, whether the ferry carried pilgrims neither confirms nor
    contradicts the witnesses who say it did not."""
    assert suggest_links(pair()), "the asserted pair links"
    assert suggest_links(pair(**{side: polarity})) == []
