"""A speaker's name is the person's name: the party, office, trade or "former" a newsroom writes before it is
the role (branch stmt13f). "Historian Ana Ruiz" and "Ruiz" are one speaker, Ana Ruiz, a historian; a body's
name that opens with such a word ("Republican National Committee") stays whole, and a title is never cut
from a name so as to leave a bare surname ("Judge Reinhold"). Sentences written for these tests."""

import pytest

from claims.extraction.statements.speakers import descriptor_split, join_role
from tests.extraction_support import one_with_text as _by_text


@pytest.mark.parametrize(
    ("name", "person", "descriptor"),
    [
        ("Historian Ana Ruiz", "Ana Ruiz", "Historian"),
        ("Chair Ana Ruiz", "Ana Ruiz", "Chair"),
        ("Democrat Elias Brandt", "Elias Brandt", "Democrat"),
        ("Former Gov. Ana Ruiz", "Ana Ruiz", "Former Gov."),
        ("GOP Sen. Ana Ruiz", "Ana Ruiz", "GOP Sen."),
        ("Republican presidential candidate Tom Hale", "Tom Hale", "Republican presidential candidate"),
        ("Ohio Republican Ana Ruiz", "Ana Ruiz", "Ohio Republican"),
        ("New Mexico Gov. Tom Hale", "Tom Hale", "New Mexico Gov."),
        ("Bishop Daniel Okafor", "Daniel Okafor", "Bishop"),
        ("Mayor Lena de Vries", "Lena de Vries", "Mayor"),
        ("Attorney General Tom R. Hale Jr.", "Tom R. Hale Jr.", "Attorney General"),
        ("White House Press Secretary Ana Ruiz", "Ana Ruiz", "White House Press Secretary"),
        ("ex-governor Tom Hale", "Tom Hale", "ex-governor"),
    ],
)
def test_a_descriptor_before_a_name_is_cut_off(name, person, descriptor):
    assert descriptor_split(name) == (person, descriptor)


@pytest.mark.parametrize(
    "name",
    [
        "Republican National Committee",  # a body
        "Democratic Party",
        "Republican Governors Association",
        "Independent Harbour Forum",  # no given name after a party word: no person
        "Prince Edward County",  # a place
        "Judge Reinhold",  # a surname alone is left: keep the name as written
        "Democrat Hale",
        "Tom Hale",
        "Larry Bishop",
        "Senate Majority Leader's Office",
    ],
)
def test_no_descriptor_is_cut_from_a_body_a_place_or_a_lone_surname(name):
    assert descriptor_split(name) is None


def test_an_entity_known_as_a_person_needs_no_given_name():
    """A name the NER gives as a person keeps any descriptor out, whatever its given name; anything else needs a
    given name after a descriptor that is no office's title."""
    assert descriptor_split("Historian Zorvath Quill") is None
    assert descriptor_split("Historian Zorvath Quill", person=True) == ("Zorvath Quill", "Historian")
    assert descriptor_split("Sen. Zorvath Quill") == ("Zorvath Quill", "Sen.")


def test_the_descriptor_joins_the_role():
    assert join_role("Historian", None) == "Historian"
    assert join_role("Historian", "historian at Harbour College") == "historian at Harbour College"
    assert join_role("Former Gov.", "Gov.") == "Former Gov."
    assert join_role("Historian", "professor at Harbour College") == "Historian, professor at Harbour College"


@pytest.mark.parametrize(
    ("text", "words", "role"),
    [
        (
            '"The treaty was signed in haste," Historian Ana Ruiz told reporters.',
            "signed in haste",
            "Historian",
        ),
        ('"We will vote on Tuesday," said Chair Ana Ruiz.', "vote on Tuesday", "Chair"),
        (
            '"The budget is balanced," Former Gov. Ana Ruiz wrote on Twitter.',
            "budget is balanced",
            "Former Gov.",
        ),
        ("Ohio Republican Ana Ruiz said the plan would fail.", "the plan would fail", "Ohio Republican"),
        ('"The bill will pass," GOP Sen. Ana Ruiz said.', "The bill will pass", "GOP Sen."),
        ("Economist Ana Ruiz argued that the tariffs would hurt farmers.", "tariffs would hurt", "Economist"),
    ],
)
def test_the_speaker_is_the_person_and_the_descriptor_the_role(statements, text, words, role):
    claim = _by_text(statements(text), words)
    assert (claim.speaker, claim.speaker_kind, claim.role) == ("Ana Ruiz", "person", role)


def test_one_person_named_with_and_without_a_descriptor_is_one_speaker(statements):
    """The article's later "Ruiz" is the historian it named first: one speaker, not "Historian Ana Ruiz" and
    "Ana Ruiz" side by side."""
    text = (
        '"The treaty was signed in haste," Historian Ana Ruiz told reporters on Monday.\n\n'
        "Ruiz said the archive in Dover would open its files next year.\n\n"
        "Ana Ruiz later added that the envoy had kept a diary."
    )
    claims = statements(text)
    assert {c.speaker for c in claims} == {"Ana Ruiz"}, [(c.speaker, c.text[:30]) for c in claims]


def test_a_bodys_name_that_opens_with_a_party_stays_a_body(statements):
    claim = _by_text(
        statements("The Republican National Committee said that the advertisement was fair."), "advertisement"
    )
    assert (claim.speaker, claim.speaker_kind) == ("Republican National Committee", "organisation")


def test_a_descriptor_and_a_surname_is_the_person_named_in_full(statements):
    """ "Bishop Okafor" after "Bishop Daniel Okafor" is Daniel Okafor (the title only a role), and a title and a
    surname the article names nobody else by stays as written."""
    text = (
        "Bishop Daniel Okafor, of Dover, said in a homily that the new rules went too far.\n\n"
        "Bishop Okafor has said that he would not resign from the board."
    )
    claims = statements(text)
    assert _by_text(claims, "not resign").speaker == "Daniel Okafor", [
        (c.speaker, c.text[:30]) for c in claims
    ]
    assert _by_text(claims, "went too far").speaker == "Daniel Okafor"
