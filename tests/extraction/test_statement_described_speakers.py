"""A speaker given by a definite description the article resolved earlier, on sentences we wrote (issue 14,
branch stmt13d): "the service", "that committee", "the conference", "the board", "the agency" stand for the
most recent named body whose name's head noun is that word (or, for a description of a kind such as "the
agency", the body named last when it is of that kind); "the chairman", "the senator" for the person whose
stated title fits. Nothing compatible named, or two compatible candidates named together, leaves the source
honestly unnamed. A body's name is not cut at its "and" ("the U.S. Fish and Game Service")."""

import pytest

from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], words: str) -> StatementClaim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.text[:40]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("intro", "subject", "speaker"),
    [
        (
            "The Harbor Parks Service closed three beaches on Tuesday after a spill.",
            "The service",
            "Harbor Parks Service",
        ),
        (
            "The House Ethics Committee opened an inquiry into Rep. Tom Hale in May.",
            "That committee",
            "House Ethics Committee",
        ),
        (
            "The United States Conference of Lutheran Pastors has sent several letters to Congress.",
            "The conference",
            "United States Conference of Lutheran Pastors",
        ),
        (
            # the head noun finds its body past another body named since
            "The National Water Board raised rates on Monday. The Harbor Parks Service closed three beaches.",
            "The board",
            "National Water Board",
        ),
        (
            # "the agency" is the public body named last when that is of its kind
            "The Lakeside Transit Authority shut a ferry line on Monday. Riders were angry.",
            "The agency",
            "Lakeside Transit Authority",
        ),
    ],
)
def test_a_description_is_the_body_named_before(statements, intro, subject, speaker):
    text = f"{intro}\n\nCommuters waited for hours.\n\n{subject} said that the work would be done by June."
    claim = _by_text(statements(text), "the work would be done")
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("intro", "subject"),
    [
        # two bodies of that name named together: either of them
        (
            "The Harbor Parks Service and the Coastal Water Service closed three beaches on Tuesday.",
            "The service",
        ),
        # "the agency" after a body of its kind and another body named last in the same sentence
        (
            "The Harbor Parks Service closed three beaches after the Lakeside Transit Authority shut a ferry line.",
            "The agency",
        ),
        # the description's own words are in no body's name ("the House committee" is no Senate committee)
        (
            "The Senate Budget Committee met on Monday. Ana Ruiz, a lobbyist, was there.",
            "The House committee",
        ),
        # a panel of people is no named body
        ("A panel of doctors met in Dayton on Monday.", "The committee"),
    ],
)
def test_a_description_with_no_single_body_stays_unnamed(statements, intro, subject):
    text = f"{intro}\n\n{subject} said that the work would be done by June."
    claim = _by_text(statements(text), "the work would be done")
    assert claim.speaker is None


def test_the_agency_after_a_body_of_another_kind_stays_unnamed(statements):
    """The body named last is no agency ("the Lawyers Association"): "the agency" is not the Service before it."""
    text = (
        "The Harbor Parks Service closed three beaches. The American Lawyers Association protested.\n\n"
        '"Clean beaches are good for everyone," the agency said in a statement.'
    )
    claim = _by_text(statements(text), "Clean beaches")
    assert claim.speaker is None


def test_a_body_name_is_not_cut_at_its_and(statements):
    """ "The U.S. Fish and Game Service" is the whole name, as the subject and as what "the agency" stands for."""
    text = (
        "The U.S. Fish and Game Service said on Monday that the marsh sparrow was threatened.\n\n"
        '"The numbers have fallen every year since 2009," the agency said.'
    )
    claims = statements(text)
    assert _by_text(claims, "the marsh sparrow").speaker == "U.S. Fish and Game Service"
    assert _by_text(claims, "The numbers have fallen").speaker == "U.S. Fish and Game Service"


def test_a_title_description_is_the_person_given_that_title(statements):
    """ "The committee chairman" is the person the article called chairman, paragraphs later, not whoever
    spoke last; "the senator" is the senator, not the governor beside her."""
    text = (
        "Rep. Jane Roe, chairman of the House Trade Committee, visited the port on Monday.\n\n"
        "Dockworkers marched outside the port on Tuesday.\n\n"
        '"We will hold hearings on this next month," the committee chairman said.'
    )
    assert _by_text(statements(text), "We will hold hearings").speaker == "Jane Roe"
    text = (
        "Sen. Ana Ruiz and Gov. Tom Hale toured the plant on Monday.\n\n"
        '"This plant is the future of the state," the senator said.'
    )
    assert _by_text(statements(text), "This plant is").speaker == "Ana Ruiz"


def test_two_people_of_that_title_named_together_leave_it_unnamed(statements):
    text = (
        "Sen. Ana Ruiz and Sen. Maria Lopez toured the plant on Monday.\n\n"
        '"This plant is the future of the state," the senator said.'
    )
    claim = _by_text(statements(text), "This plant is")
    assert claim.speaker is None


def test_a_department_named_beside_another_stays_unnamed(statements):
    """ "The department" after two departments named together is either; after one, that one."""
    text = (
        "The Westland Justice Department and the Westland State Department sent officials to the port.\n\n"
        "The department said that the port would reopen next week."
    )
    assert _by_text(statements(text), "the port would reopen").speaker is None
    text = (
        "The Westland Justice Department sent officials to the port on Monday.\n\n"
        "The department said that the port would reopen next week."
    )
    assert _by_text(statements(text), "the port would reopen").speaker == "Westland Justice Department"
