"""Who said it when the parse gives the cue no subject of its own or the wrong word for a name, on sentences
we wrote (issue 14, branch stmt9c): a cue after ", then" is said by the subject of the verb before it, and a
subject with an indefinite article is a description whose speaker is the name in apposition to it."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str]]:
    return [(c.speaker, c.speaker_mention.text if c.speaker_mention else None, c.text) for c in claims]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Ana Ruiz, the mayor, said on Monday that the port would reopen in May.\n\n"
            'She paused, then added: "We will not pay for the pier."',
            "We will not pay",
        ),
        (
            "Ana Ruiz, the mayor, said on Monday that the port would reopen in May.\n\n"
            'She smiled at the crowd, then said: "The pier is unsafe."',
            "The pier is unsafe",
        ),
    ],
)
def test_a_cue_after_then_is_said_by_the_subject_of_the_verb_before(statements, text, words):
    """ "She paused, then added: ..." leaves "added" without a subject in the parse (hung on "paused" as an
    unlabelled dependent, or "paused" read as its clause); the speaker is who paused, never nobody."""
    claim = one_with_text(statements(text), words)
    assert claim.speaker == "Ana Ruiz", _said([claim])
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "She"


def test_a_cue_after_then_with_its_own_subject_keeps_it(statements):
    """ "Ruiz paused, then her lawyer said ...": the cue has its own subject, which stays the speaker."""
    text = "Mayor Ana Ruiz paused, then her lawyer, Tom Hale, said the vote was unfair."
    claim = one_with_text(statements(text), "the vote was unfair")
    assert claim.speaker == "Tom Hale", _said([claim])


@pytest.mark.parametrize("description", ["Another leading Dem", "A senior Dem", "One leading Dem"])
def test_a_subject_with_an_indefinite_article_is_the_name_in_apposition(statements, description):
    """ "Another leading Dem, Sen. Tom Hale, said ...": the NER may take the short "Dem" for a person, but a
    name takes no indefinite article; the speaker is the name in apposition, never "Dem"."""
    text = f"Mayor Ana Ruiz said the port would reopen in May.\n\n{description}, Sen. Tom Hale, said the pier was unsafe."
    claim = one_with_text(statements(text), "the pier was unsafe")
    assert claim.speaker == "Tom Hale", _said([claim])


def test_a_name_with_a_definite_article_stays_the_speaker(statements):
    """A subject that is a name with no indefinite article keeps its name, even with a description in
    apposition ("Tom Hale, a senior Democrat, said")."""
    claim = one_with_text(
        statements("Tom Hale, a senior Democrat, said the pier was unsafe."), "the pier was unsafe"
    )
    assert claim.speaker == "Tom Hale", _said([claim])


def test_a_name_a_quote_makes_its_subject_does_not_take_the_next_pronoun(statements):
    """'"... Tom Hale was right about the pier," Ana Ruiz said. She paused, then added: "..."': Hale is the
    subject of a sentence inside Ruiz's words, not of the narration, so "She"/"He" after it is still whoever
    spoke last, not the person her quote names."""
    text = (
        "Tom Hale, the harbour master, said on Monday that the port would reopen in May.\n\n"
        '"I have no memory of that vote," Peter Dunn said at the meeting. "But Tom Hale was right about the '
        'pier."\n\n'
        'He paused, then added: "I do not want that to be the headline."'
    )
    claim = one_with_text(statements(text), "the headline")
    assert claim.speaker == "Peter Dunn", _said([claim])
