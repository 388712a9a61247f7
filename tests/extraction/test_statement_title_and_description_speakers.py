"""Titles and descriptions resolved to the right speaker, on sentences we wrote (issue 14, branch stmt12h): a
title before a surname is never the one person of that surname the article gave only as somebody's relative
("President Obama" is not "the first lady, Michelle Obama"), and "the group" / "the site" stands for the body
the article itself introduced with that description ("the angling group Lakeside Anglers Alliance")."""

import pytest

from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], words: str) -> StatementClaim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.text[:40]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("intro", "title"),
    [
        ("The first lady, Marta Delacroix, toured a clinic in Toledo on Monday.", "President"),
        ("His wife, Anna Brennick, opened the new library on Friday.", "Governor"),
    ],
)
def test_a_title_is_not_the_relative_of_that_surname(statements, intro, title):
    """The article names only the relative in full: the titled surname is somebody else (the office holder)."""
    surname = intro.split(",")[1].split()[-1]
    text = f"{intro}\n\n{title} {surname} said that the clinic program would expand next year."
    claim = _by_text(statements(text), "the clinic program")
    assert claim.speaker == surname


def test_a_title_that_fits_still_finds_the_full_name(statements):
    """A title that fits the role the article gave is the same person ("Senator Hale" after "Senator Tom Hale"),
    and a relative with no title before the surname is still herself."""
    text = (
        "Senator Tom Hale toured a clinic in Toledo on Monday. His wife, Anna Hale, opened a library.\n\n"
        "Senator Hale said that the clinic program would expand next year.\n\n"
        "Ms. Hale said that the library would open on weekends."
    )
    claims = statements(text)
    assert _by_text(claims, "the clinic program").speaker == "Tom Hale"
    assert _by_text(claims, "the library would").speaker == "Anna Hale"


@pytest.mark.parametrize(
    ("intro", "subject", "speaker"),
    [
        (
            "The angling group Lakeside Anglers Alliance filed the suit on Monday.",
            "The group",
            "Lakeside Anglers Alliance",
        ),
        (
            "Lakeside Anglers Alliance, an angling group, filed the suit on Monday.",
            "The group",
            "Lakeside Anglers Alliance",
        ),
        ("The website Harbourwatch.org published the video on Monday.", "The site", "Harbourwatch.org"),
        ("Harbourwatch.org, a local website, published the video on Monday.", "The site", "Harbourwatch.org"),
        (
            "The video was first posted by Harbourwatch.org, a website run by a local blogger.",
            "The site",
            "Harbourwatch.org",
        ),
    ],
)
def test_a_description_stands_for_the_body_introduced_with_it(statements, intro, subject, speaker):
    text = f"{intro}\n\n{subject} said that the new rule would hurt local businesses."
    claim = _by_text(statements(text), "the new rule")
    assert claim.speaker == speaker


def test_a_group_of_people_is_no_named_body(statements):
    """ "The group" after a group of people the article names no body for stays unnamed, and a body named
    without that description is not taken for it."""
    text = (
        "A group of parents met officials of Harbour Freight Ltd. in Dayton on Monday.\n\n"
        "The group said that the new rule would hurt local businesses."
    )
    claim = _by_text(statements(text), "the new rule")
    assert claim.speaker is None


def test_the_agency_is_the_public_body_that_spoke_last(statements):
    """ "The agency said" after a named public body spoke is that body; after only a person spoke, nobody named."""
    text = (
        "The Lakeside Water Authority said on Thursday that the new pipes would be laid by June.\n\n"
        "The agency said that the work would cost about $4 million."
    )
    claim = _by_text(statements(text), "the work would cost")
    assert claim.speaker == "Lakeside Water Authority"
    text = (
        "Mayor Ann Pryce said on Thursday that the new pipes would be laid by June.\n\n"
        "The agency said that the work would cost about $4 million."
    )
    claim = _by_text(statements(text), "the work would cost")
    assert claim.speaker is None
