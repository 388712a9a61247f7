"""Attributions that interrupt the clause verb first ("The ferry, said Tom Hale, the mayor, will sail"): the
source is the name after the verb, and the stored words leave the attribution out."""

import pytest

from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "The ferry, said Tom Hale, the mayor, will sail on Monday.",
            "Tom Hale",
            "The ferry ... will sail on Monday.",
        ),
        (
            "The new port, said Anna Berg, will open in the spring.",
            "Anna Berg",
            "The new port ... will open in the spring.",
        ),
        (
            "The plan, said Anna Berg, a spokeswoman for the harbour board, would cost the city nothing.",
            "Anna Berg",
            "The plan ... would cost the city nothing.",
        ),
        (
            "The old bridge, says Tom Hale, the mayor of Dover, is safe.",
            "Tom Hale",
            "The old bridge ... is safe.",
        ),
    ],
)
def test_a_verb_first_aside_names_the_source_and_stays_out_of_the_words(statements, text, speaker, words):
    """The name after "said" is the source, not the start of what was said, and the subject before the aside
    is part of the words."""
    claim = _one(statements(text), "said" if "said" in text else "says")
    assert claim.speaker == speaker
    assert claim.speaker_mention is not None and claim.speaker_mention.text.startswith(speaker)
    assert claim.words == words


def test_a_described_source_after_the_verb_is_the_source(statements):
    """ "said the mayor": the description is the source's words, never the start of the statement."""
    claim = _one(statements("The ferry, said the mayor, will sail on Monday."), "ferry")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "the mayor"
    assert claim.text.startswith("The ferry") and claim.words == "The ferry ... will sail on Monday."


@pytest.mark.parametrize(
    "text",
    [
        '"The ferry will sail," said Tom Hale, the mayor, "on Monday."',  # a quote: the quote pass's
        "The ferry, said to be the oldest in Dover, will sail on Monday.",  # "said to be": a description
        "In March, said Tom Hale, the ferry will sail.",  # no subject opens the clause
    ],
)
def test_other_shapes_are_not_read_as_a_verb_first_aside(statements, text):
    """Only a noun phrase, a comma, a finite reporting verb, its source and a clause with a verb of its own
    make the shape; a quote, a participle or an opening phrase do not."""
    for claim in statements(text):
        assert not (claim.words or "").startswith(("The ferry ... ", "In March ... "))
