"""A lawmaker's state is no role (issue 14, branch read10): an independent read of basil-links-dev found
"Calif." stored as Nancy Pelosi's role (from "House Speaker Nancy Pelosi (D-Calif.)") and "Texas" as a
senator's (from "Sen. John Cornyn (Texas)"). The state tag says where they are from; the title before the
name is the role."""

import pytest

from claims.extraction.statements.speakers import is_state_tag
from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], words: str) -> StatementClaim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.role, c.text[:40]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "House Speaker Maria Delgado (D-Calif.) said the new levy would never pass the chamber.",
            "levy would never pass",
            "Maria Delgado",
            "House Speaker",
        ),
        (
            "Sen. Tom Hale (Texas), a member of the leadership, said the vote on the harbour bill was close.",
            "vote on the harbour bill",
            "Tom Hale",
            "member of the leadership",
        ),
        (
            "Sen. Ana Ruiz (Ohio) said the plan to widen the canal would cost far too much.",
            "widen the canal",
            "Ana Ruiz",
            "Sen.",
        ),
    ],
)
def test_a_state_after_a_name_is_not_the_role(statements, text, words, speaker, role):
    """A state in brackets after the name, with or without its party letter, leaves the title as the role."""
    claim = _by_text(statements(text), words)
    assert (claim.speaker, claim.role) == (speaker, role)


def test_a_party_tag_and_a_real_apposition_still_give_their_roles(statements):
    """The rule takes only states: "R-Texas" after a title still gives way to the title, and an apposition
    naming an office is still the role."""
    text = (
        "Rep. Tom Hale, R-Texas, said the toll would hurt commuters.\n\n"
        "Peter Vance, the mayor of Dover, said the pier would reopen in spring."
    )
    claims = statements(text)
    assert _by_text(claims, "toll would hurt").role == "Rep."
    assert _by_text(claims, "pier would reopen").role == "mayor of Dover"


@pytest.mark.parametrize(
    "text", ["Texas", "(Ohio)", "Calif.", "D-Calif.", "R-N.Y.", "(R-S.C.)", "R-TX", "New Hampshire", "W.Va."]
)
def test_state_tags(text):
    assert is_state_tag(text)


@pytest.mark.parametrize("text", ["harbour board chairwoman", "Democrat", "a senator from Ohio", "Or", "me"])
def test_not_state_tags(text):
    """Offices, parties, longer phrases, and words that spell a postal code but not in capitals."""
    assert not is_state_tag(text)
