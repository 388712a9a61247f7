"""A link's rationale says what each speaker did with the words: a question is asked, a belief held, a
refusal is no saying; the polarity changes the wording only, never the link or its confidence. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from claims.linking.types import LinkableClaim

BRASK = (
    "Harbour chief Lena Brask said the night ferry to Osk had carried 300 pilgrims across the strait in May."
)
QUAY = "Witnesses on the quay said the night ferry to Osk had not carried pilgrims across the strait in May."


def statement(cid, article, sentence, content, speaker=None, polarity="asserted", role=None):
    """A statement whose content is part of `sentence`, as the app stores it."""
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, role=role, polarity=polarity)
    return LinkableClaim(cid, article, f"outlet-{article}", claim, sentence, event_id="e1", sentence_start=0)


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


@pytest.mark.parametrize(
    ("polarity", "verb"), [("refused", "does not say"), ("question", "asks"), ("position", "holds")]
)
def test_the_rationale_words_a_refusal_a_question_and_a_belief_as_such(polarity, verb):
    """Not "Lena Brask says" for what she only asked, held or would not say; the other side still says."""
    [link] = suggest_links(pair(brask=polarity))
    assert link.rationale.startswith(f"Lena Brask (outlet-A) {verb} \u201cthe night ferry")
    assert "witnesses on the quay (outlet-B) say \u201c" in link.rationale
    assert "Lena Brask (outlet-A) says" not in link.rationale


@pytest.mark.parametrize(
    ("polarity", "verb"), [("refused", "do not say"), ("question", "ask"), ("position", "hold")]
)
def test_a_plural_role_takes_the_plural_verb(polarity, verb):
    """Witnesses named by their role ask, hold or do not say, as they say."""
    [link] = suggest_links(pair(quay=polarity))
    assert f"witnesses on the quay (outlet-B) {verb} \u201cthe night ferry" in link.rationale
    assert link.rationale.startswith("Lena Brask (outlet-A) says")


@pytest.mark.parametrize("polarity", ["refused", "question", "position"])
def test_the_polarity_changes_the_words_only_not_the_link(polarity):
    """The same pair asserted and refused, asked or held: one relation and one confidence."""
    [asserted] = suggest_links(pair())
    [worded] = suggest_links(pair(brask=polarity, quay=polarity))
    assert (worded.pair, worded.relation, worded.confidence) == (
        asserted.pair,
        asserted.relation,
        asserted.confidence,
    )
    assert worded.rationale != asserted.rationale
