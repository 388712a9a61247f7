"""A role, its named owner and then the holder's name in apposition ("A spokesman for Mr. Hale, Tom Reed,
said"): the holder is the speaker, the role and owner are the role, on sentences we wrote."""

from claims.extraction.types import StatementClaim


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_the_name_after_a_role_and_its_named_owner_is_the_speaker(statements):
    claim = _only(
        statements("A spokesman for Mr. Hale, Tom Reed, said the ferry would run all winter."), "ferry"
    )
    assert claim.speaker == "Tom Reed"
    assert claim.role is not None and claim.role.startswith("spokesman for") and "Reed" not in claim.role
    claim = _only(
        statements("A spokeswoman for Senator Hale, Laura Price, said that the ferry would run all winter."),
        "ferry",
    )
    assert claim.speaker == "Laura Price" and "Price" not in (claim.role or "")


def test_a_description_after_the_owner_names_nobody(statements):
    """ "A friend of Tom Hale, a teacher," has no name in apposition: the speaker stays unnamed."""
    claim = _only(statements("A friend of Tom Hale, a teacher, said the port was closed."), "port")
    assert claim.speaker is None
