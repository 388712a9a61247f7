"""People named right after a plural description of them, without commas, on sentences we wrote (issue 14,
branch stmt14f): "said the mayor's personal lawyers Tom Okafor and Jay Lund in a joint statement" is said by the
two lawyers together (a joint speaker), the description as their role; a description followed by a body, or by
one name only, names no pair."""

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(c.speaker, c.speaker_kind, c.role, c.text[:40]) for c in claims]


def test_a_plural_description_with_two_names_after_it_is_those_two(statements):
    text = (
        '"We are pleased that the harbor board has finished its review of the ledger," said the mayor\'s '
        "personal lawyers Tom Okafor and Jay Lund in a joint statement."
    )
    claims = statements(text)
    claim = one_with_text(claims, "finished its review")
    assert (claim.speaker, claim.speaker_kind, claim.role) == (
        "Tom Okafor and Jay Lund",
        "joint",
        "the mayor's personal lawyers",
    ), _said(claims)


def test_the_same_description_as_subject_before_the_verb(statements):
    text = (
        "The mayor's personal lawyers Tom Okafor and Jay Lund said in a joint statement that the harbor board "
        "had finished its review of the ledger."
    )
    claims = statements(text)
    claim = one_with_text(claims, "finished its review")
    assert (claim.speaker, claim.speaker_kind) == ("Tom Okafor and Jay Lund", "joint"), _said(claims)


def test_a_description_with_a_body_after_it_names_no_pair(statements):
    text = (
        '"We are pleased that the harbor board has finished its review of the ledger," said the mayor\'s '
        "personal lawyers and the Dover Harbor Authority in a joint statement."
    )
    claims = statements(text)
    claim = one_with_text(claims, "finished its review")
    assert claim.speaker_kind != "joint", _said(claims)
