"""Speakers named by a relation, a short form or a pronoun, on sentences we wrote (issue 14, branch stmt12b): a
relative or an agent is never the person they are related to ("his father tweeted", "the senator's
spokeswoman"), a body's name is never cut to its head word ("Office"), a short form or a surname with its
particle is the fuller name the article gave ("The Journal", "O'Neill"), and "it" goes to the body that is
the subject just before it."""

import pytest

from claims.extraction.actors import ActorIndex
from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str]]:
    return [(c.speaker, c.role, c.text[:40]) for c in claims]


def test_a_relative_is_a_described_source_never_the_person_related_to(statements):
    """ "His father tweeted" with no father named: an unnamed source described as the father of the person the
    pronoun stands for, never that person; "Hale's wife told reporters": the same for a named possessor."""
    text = (
        "Tom Hale, the mayor of Dover, resigned on Monday after a month of protests. His father tweeted that "
        "the decision had been forced on him by the council."
    )
    claim = one_with_text(statements(text), "forced on him")
    assert claim.speaker is None
    assert claim.role == "father of Tom Hale"
    text = "Tom Hale was arrested on Friday. Hale's wife told reporters that he was innocent."
    claim = one_with_text(statements(text), "he was innocent")
    assert (claim.speaker, claim.role) == (None, "wife of Tom Hale")


def test_his_father_is_the_father_the_article_named_as_his(statements):
    """ "Hale's father, Peter Hale," then "His father said" (Hale the last to speak): Peter Hale; another
    person's father the article named ("Ana Ruiz's father, Juan Ruiz,") is nobody else's."""
    text = (
        "Tom Hale resigned on Monday. Hale's father, Peter Hale, runs a farm outside Dover. Hale said that he "
        "would stay in the town.\n\n"
        "His father said that the decision had been forced on his son."
    )
    claim = one_with_text(statements(text), "forced on his son")
    assert claim.speaker == "Peter Hale"
    text = (
        "Ana Ruiz's father, Juan Ruiz, runs a farm outside Dover. Tom Hale, the mayor, resigned on Monday.\n\n"
        "His father said that the decision had been forced on his son."
    )
    claim = one_with_text(statements(text), "forced on his son")
    assert (claim.speaker, claim.role) == (None, "father of Tom Hale")


@pytest.mark.parametrize(
    ("opening", "role"),
    [
        ("Senator Ana Ruiz voted against the bill on Tuesday.", "spokeswoman for Ana Ruiz"),
        ("The senator voted against the bill on Tuesday.", "spokeswoman for the senator"),
    ],
)
def test_a_description_s_agent_is_not_the_person_described(statements, opening, role):
    """ "The senator's spokeswoman said": the spokeswoman speaks for the senator (whom the article named, or the
    description itself), and is never the senator."""
    text = f"{opening} The senator's spokeswoman said that Ruiz would return to the state next week."
    claim = one_with_text(statements(text), "return to the state")
    assert (claim.speaker, claim.role) == (None, role)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The U.S. Attorney's Office said on Tuesday that the charges were serious.",
            "U.S. Attorney's Office",
        ),
        (
            "The charges were serious, according to a press release from the Harbour County District "
            "Attorney's Office.",
            "Harbour County District Attorney's Office",
        ),
    ],
)
def test_an_office_named_by_whose_it_is_keeps_its_whole_name(statements, sentence, name):
    """A body named by a possessor ("the U.S. Attorney's Office") is never cut to its head word "Office"."""
    claim = one_with_text(
        statements(f"Tom Hale was indicted on Tuesday in Dover. {sentence}"), "charges were serious"
    )
    assert claim.speaker == name


def test_it_is_the_body_that_is_the_subject_before_it(statements):
    """ "When a national outlet, Slate magazine, produced a profile ..., it said": Slate, the subject of the
    clause right before the pronoun, not the weekly that spoke before it; with no body as a subject since,
    "it" stays the outlet that spoke last."""
    text = (
        'The Harbour Weekly reported in 2008 that he "spoke of his service." When a national outlet, Slate '
        'magazine, produced a profile of Hale in 2000, it said he had "enlisted in the Navy."'
    )
    claim = one_with_text(statements(text), "enlisted in the Navy")
    assert claim.speaker == "Slate"
    text = (
        "The Harbour Gazette reported that the pier would close. Tom Hale, the mayor, visited the pier on "
        "Monday. It said that repairs would cost $2 million."
    )
    assert one_with_text(statements(text), "repairs would cost").speaker == "Harbour Gazette"


def test_the_official_after_an_unnamed_one_is_that_official(statements):
    """ "A former port official told ... According to the official ... The official told": the unnamed
    official each time, never the governor named before, though "the official" came in between; the role is
    the one the article gave that official (stmt15a: "former port official", was the bare "official")."""
    text = (
        "Governor Tom Hale said on Monday that the port would stay open.\n\n"
        "A former port official told the Dover Gazette that the cranes had failed twice. According to the "
        "official, the failures began in 2019. The official told the Gazette that the repairs were never "
        "finished."
    )
    claim = one_with_text(statements(text), "never finished")
    assert claim.speaker is None
    assert claim.role == "former port official"


def test_an_outlet_s_short_form_is_the_fuller_name_given(statements):
    """ "The Journal" after "The Wall Street Journal" is that paper; beside two papers whose names end in
    "Times", "the Times" stays as written."""
    text = (
        "The Wall Street Journal reported on Friday that the plan was dead. Tom Hale, the mayor, disagreed.\n\n"
        "The Journal reported that the council had changed its stance."
    )
    assert one_with_text(statements(text), "changed its stance").speaker == "Wall Street Journal"
    text = (
        "The Dover Times and the Harbour Times both reported on Friday that the plan was dead.\n\n"
        "The Times reported that the council had changed its stance."
    )
    assert one_with_text(statements(text), "changed its stance").speaker == "Times"


def test_a_surname_with_its_particle_is_the_full_name():
    """ "O'Neill" and "Mr. O'Rourke" are the Terry O'Neill and Beto O'Rourke named before (the apostrophe's
    particle is part of the surname), while an initial is still an initial ("O. Neill" is nobody here)."""
    index = ActorIndex(loose_surnames=True)
    index.add("Terry O'Neill", "Terry O'Neill")
    index.add("Beto O\u2019Rourke", "Beto O\u2019Rourke")
    assert index.resolve("O'Neill") == "Terry O'Neill"
    assert index.resolve("Mr. O'Rourke") == "Beto O\u2019Rourke"
    assert index.resolve("O. Neill") is None


def test_a_title_after_a_body_s_name_is_its_holder_s(statements):
    """ "The National Organization for Women President Terry O'Neill said" (one phrase the parse may head with the
    body): O'Neill speaks, with the body's title as her role, and a later "O'Neill" is the same person."""
    text = (
        "The National Organization for Women President Terry O'Neill said that the cover was sexist.\n\n"
        '"It is a disgrace," O\'Neill said.'
    )
    claims = statements(text)
    first = one_with_text(claims, "cover was sexist")
    assert first.speaker == "Terry O'Neill"
    assert first.role == "National Organization for Women President"
    assert one_with_text(claims, "a disgrace").speaker == "Terry O'Neill"


def test_they_after_a_pair_is_that_pair(statements):
    """ "Ana Ruiz and Tom Hale released a joint statement ... '...,' they said": the pair speaking together, not a
    source with no description at all."""
    text = (
        "Ana Ruiz and Tom Hale released a joint statement on Friday saying that the port was safe. "
        '"We have seen no evidence of damage," they said.'
    )
    claim = one_with_text(statements(text), "no evidence of damage")
    assert (claim.speaker, claim.speaker_kind) == ("Ana Ruiz and Tom Hale", "joint")


def test_a_relative_clause_closed_before_another_subject_gives_no_source(statements):
    """ "Hale had blamed his wife, who ran the campaign, ..., and he feigned surprise ..., saying: '...'": the
    participle's subject is "he" (Hale), never the wife the relative clause described; a subject inside the
    relative clause still leaves the name before it as the source ("Tom Hale, who is insistent he is ...,
    said")."""
    text = (
        "Hale had blamed his wife, who ran the campaign, for many of the charges, and in March he feigned "
        'surprise in an interview with the Gazette, saying: "Nah, I know the rules."'
    )
    assert one_with_text(statements(text), "know the rules").speaker == "Hale"
    text = "Tom Hale, who is insistent he is not a candidate, said that the race was open."
    assert one_with_text(statements(text), "race was open").speaker == "Tom Hale"


def test_it_and_others_is_no_body_alone(statements):
    """ "The port authority joined the fight when it and the unions appealed, saying ...": several sources, never
    the body alone."""
    text = (
        "In July, the Harbour Port Authority joined the court fight when it and the unions argued that the "
        "ruling was wrong."
    )
    claims = statements(text)
    found = [c for c in claims if "ruling was wrong" in c.text]
    assert all(c.speaker != "Harbour Port Authority" for c in found), _said(claims)


def test_it_is_never_a_body_inside_the_quote_it_said(statements):
    """'... a key section of the cable seemed to foresee it. "The RSO expressed concerns ...," it said': the
    body named inside the quotation is the cable's words, never what "it" stands for."""
    text = (
        "A key section of the cable, which remains classified, seemed to foresee the attack.\n\n"
        '"The NATO mission expressed concerns about the size of the compound and the lack of guards," it said.'
    )
    claims = statements(text)
    claim = one_with_text(claims, "size of the compound")
    assert claim.speaker != "NATO", _said(claims)
