"""A document's words are its authors' (issue 14, stmt15e), on sentences we wrote: "the letter says" after the
article told who sent or signed it is those people or that body, also where the parse hung the letter on its
addressee ("has sent Hale, D-Ore., a letter") or hung "signed by" on the sentence's verb ("arrived in a letter
published Monday and signed by ..."); "a group of N nurses" is the nurses; a letter nobody is said to have written
stays an unnamed source."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str | None, str]]:
    return [
        (c.speaker, c.role, c.speaker_mention.text if c.speaker_mention else None, c.text) for c in claims
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the parse sets the letter in apposition to the addressee of "sent"
        "The Harbour Workers Union has sent Governor Tom Hale, D-Ore., a letter about the pier.\n\n"
        "\u201cThe pier is unsafe for our members,\u201d the letter states.",
        # "signed by" hung on the sentence's verb, not on the letter
        "Their objection arrived in a letter published Monday and signed by the Harbour Workers Union.\n\n"
        "The letter says, \u201cThe pier is unsafe for our members.\u201d",
    ],
)
def test_the_letter_is_the_body_that_sent_or_signed_it(statements, text):
    claim = one_with_text(statements(text), "unsafe for our members")
    assert claim.speaker == "Harbour Workers Union", _said([claim])


@pytest.mark.parametrize(
    "text",
    [
        "A group of nearly 40 nurses at the Lakeside clinic has sent Governor Tom Hale, D-Ore., a letter about "
        "the ward.\n\n\u201cWe cannot care for our patients this way,\u201d the letter states.",
        "Their objection arrived in a letter published Monday and signed by nearly 40 nurses at the Lakeside "
        "clinic.\n\nThe letter says, \u201cWe cannot care for our patients this way.\u201d",
    ],
)
def test_the_letter_of_unnamed_people_is_theirs_with_their_role(statements, text):
    """Nurses nobody names are an unnamed source with their role, not a letter with no role, and never the
    governor it was sent to."""
    claim = one_with_text(statements(text), "care for our patients")
    assert claim.speaker is None and claim.role is not None and "nurses" in claim.role, _said([claim])


def test_a_letter_sent_with_a_participle_is_the_senders(statements):
    """ "The union sent the mayor a letter saying ...": the union's words, not an unnamed letter's."""
    text = "The Harbour Workers Union sent Mayor Ana Ruiz a letter saying the pier was unsafe."
    claim = one_with_text(statements(text), "the pier was unsafe")
    assert claim.speaker == "Harbour Workers Union", _said([claim])


def test_a_group_of_people_is_those_people(statements):
    claim = one_with_text(
        statements("A group of ten nurses said the ward was unsafe."), "the ward was unsafe"
    )
    assert claim.speaker is None and claim.role == "nurses", _said([claim])


def test_a_letter_nobody_wrote_stays_unnamed(statements):
    """A letter the article never gives an author is an unnamed source, not the mayor who received it, nor
    whoever spoke before."""
    text = (
        "Mayor Ana Ruiz said on Monday that the port would reopen in May.\n\n"
        "Ruiz received a letter on Tuesday.\n\n"
        "\u201cThe pier is unsafe,\u201d the letter said."
    )
    claim = one_with_text(statements(text), "The pier is unsafe")
    assert claim.speaker is None, _said([claim])


def test_bare_plurals_together_are_one_group_with_their_role(statements):
    """ "Nurses and doctors said": one unnamed group whose role names both; two named people stay two names."""
    claim = one_with_text(statements("Nurses and doctors said the ward was unsafe."), "the ward was unsafe")
    assert claim.speaker is None and claim.role == "Nurses and doctors", _said([claim])
    text = (
        "A group of nearly 40 nurses and doctors at the Lakeside clinic has sent Governor Tom Hale, D-Ore., a letter about the ward.\n\n"
        "\u201cWe cannot care for our patients this way,\u201d the letter states."
    )
    claim = one_with_text(statements(text), "care for our patients")
    assert claim.speaker is None and claim.role == "nurses and doctors", _said([claim])


def test_things_joined_are_no_role(statements):
    """ "According to interviews and party memos": no people, so no role made of them."""
    text = "According to interviews and party memos, the council will vote against the plan."
    for claim in statements(text):
        assert claim.role is None or "interviews" not in claim.role, _said([claim])
