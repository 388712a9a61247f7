"""A question put TO someone ("Weeks ago, asked if the port was for sale, Hale denied it") is never that
person's question; on sentences we wrote."""

from claims.extraction.nlp import get_nlp
from claims.extraction.statements import _answered_after


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
