"""A question put TO someone ("Weeks ago, asked if the port was for sale, Hale denied it") is never that
person's question, nor the asker's statement ("The Gazette asked Hale how the talks were going"); on sentences
we wrote."""

import pytest

from claims.extraction.nlp import get_nlp
from claims.extraction.statements import _answered_after
from tests.extraction_support import none_with_text, one_with_text, said


def _asked(text: str):
    doc = get_nlp()(text)
    return next(t for t in doc if t.lower_ == "asked")


def test_a_subjectless_asked_answered_by_the_named_subject_after_it_is_put_to_them():
    assert _answered_after(_asked("Weeks before the vote, asked if the port was for sale, Hale denied it."))
    assert _answered_after(_asked("On Monday, asked whether the ferry was safe, the mayor said it was."))


def test_an_asker_with_a_subject_of_its_own_asks_the_question():
    assert not _answered_after(
        _asked("On Monday, the reporter asked whether the ferry was safe, and Hale said it was.")
    )
    assert not _answered_after(_asked("Hale asked if the port was for sale."))


def test_the_question_put_to_a_speaker_is_not_stored_as_theirs(statements):
    claims = statements(
        "Weeks before the vote, asked if the port was for sale to the builders, Hale denied it."
    )
    assert not any("port was for sale" in c.text and c.speaker == "Hale" for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "When the Harbour Gazette asked Mayor Tom Hale how the ferry talks were going, Hale said they were stalled.",
        "On the morning show, the host asked Ana Ruiz whether the new toll was a mistake.",
        "Later, Senator Tom Hale pressed Ms. Ruiz, the former port director, on whether she had visited the ferry yard.",
        "The committee questioned Ana Ruiz about why the audit of the ferry company was delayed.",
        # the parse may make the wh-word itself the head of what is asked (and a typo leaves it no verb)
        "After the speech, the host Tom Hale asked Ruiz what she though of the mayor's embrace of the ferry deal.",
    ],
)
def test_a_question_put_to_someone_is_nobodys_statement(statements, text):
    """ "asked Hale how the talks were going", "pressed Ruiz on whether ...": an interviewer's question asserts
    nothing of the asker's and is no statement of the one asked (stmt14d); only an answer is stored."""
    claims = statements(text)
    assert not any(
        w in c.text
        for c in claims
        for w in ("talks were going", "toll was", "visited the", "audit of the", "embrace of")
    ), said(claims)


def test_a_quote_inside_a_question_put_to_someone_is_not_the_askers_statement(statements):
    """'asked her if she could "comment briefly on ..."': the quoted words are the question put to her."""
    claims = statements(
        'Two days before the hearing, Rep. Tom Hale asked her if she could "comment briefly on the status of the '
        'ferry audit."'
    )
    none_with_text(claims, "comment briefly")


def test_a_quoted_question_asked_of_someone_stays_the_askers(statements):
    """'asking him, "Where do we go from here?"': the asker's own words, stored as a question."""
    claims = statements(
        "Ana Ruiz sang to the mayor before asking him, \u201cI just want to know, where do we go from here?\u201d"
    )
    assert one_with_text(claims, "where do we go").polarity == "question"


def test_the_answer_to_a_question_put_to_someone_is_kept(statements):
    claims = statements(
        "When the Harbour Gazette asked Mayor Tom Hale how the ferry talks were going, Hale said they were stalled."
    )
    assert [(c.speaker, c.text) for c in claims] == [("Tom Hale", "they were stalled")]


def test_a_question_raised_with_nobody_named_to_answer_it_stays_a_question(statements):
    """ "Lawmakers asked whether ...": a doubt raised in public, which PolNeAR marks; stored as a question."""
    found = one_with_text(
        statements("Lawmakers also asked whether the ferry contract required a second bid."), "second bid"
    )
    assert found.polarity == "question"


def test_a_time_phrase_after_asking_is_no_question_put(statements):
    """'asked her followers on what became a day of support': "on what ..." is a free relative, not a question."""
    from claims.extraction.statements.cues import put_to_someone

    assert not put_to_someone(_asked('Ruiz asked her followers on what became an unofficial "Ferry Day."'))
    assert put_to_someone(_asked("Hale asked Ruiz about why the audit was late."))
