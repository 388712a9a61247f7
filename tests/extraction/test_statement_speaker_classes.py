"""Speakers the strict reads and PolNeAR's training half found wrong, on sentences we wrote (issue 14, branch
stmt13c): a name or a body in apposition after a description is the source, also where the tagger missed
the name; a document's possessor is its maker; an agent named later in the article by whose agent they are is
the agent spoken of before; a participle or a finite cue in a list of what one subject did is that subject's,
never the reported clause's subject, a thing named beside the verb or a possessive after the cue."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str]]:
    return [(c.speaker, c.role, c.text[:40]) for c in claims]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "The pier will close in May, according to a council spokeswoman, Ana Ruiz, who spoke on Monday.",
            "The pier will close",
            "Ana Ruiz",
            "council spokeswoman",
        ),
        (
            "The pier will close in May, according to the mayor's spokeswoman, Ana Ruiz.",
            "The pier will close",
            "Ana Ruiz",
            "mayor's spokeswoman",
        ),
        (
            "Tom Hale was arrested in May. Mr. Hale's lawyer, Ana Ruiz, said that the police had no evidence.",
            "no evidence",
            "Ana Ruiz",
            "Hale's lawyer",
        ),
    ],
)
def test_a_name_in_apposition_after_a_description_is_the_source(statements, text, words, speaker, role):
    """ "according to ROLE, NAME" and "ROLE, NAME, said", where the tagger read the name as nobody's: the
    person named, with the description as role, never an unnamed source whose role swallows the name."""
    claim = one_with_text(statements(text), words)
    assert (claim.speaker, claim.role) == (speaker, role)


def test_a_name_after_the_office_a_spokesman_works_in_is_the_spokesman(statements):
    """ "A spokesman in Grant's Washington office, Nick Iacobo, said" (the parse hangs the name on "office"): an
    office is no person, so the spokesman is Iacobo; a name after a person's description in the owner phrase
    ("a spokesman for the district attorney in Dover, William Becker") is that person's, not the spokesman's."""
    text = (
        "A spokesman in Grant's Washington office, Nick Iacobo, said the senator would vote against the bill."
    )
    claim = one_with_text(statements(text), "vote against the bill")
    assert (claim.speaker, claim.role) == ("Nick Iacobo", "spokesman in Grant's Washington office")
    text = "A spokesman for the district attorney in Dover, William Becker, said the charges would stand."
    claim = one_with_text(statements(text), "charges would stand")
    assert claim.speaker is None


def test_a_name_apposed_to_an_owner_or_a_body_is_no_person_speaking(statements):
    """The name after the owner of the role ("spokesmen for the district attorney in Dover, Ana Ruiz") is the
    owner's, not the spokesmen's; a body's name after "the agency" is no person."""
    text = (
        "Tom Hale spoke on Monday. Spokesmen for the office of the district attorney in Dover, Ana Ruiz, "
        "and for the police declined to comment on the charges."
    )
    claim = one_with_text(statements(text), "comment on the charges")
    assert claim.speaker is None
    claim = one_with_text(
        statements("The agency, Harbour Trust, said that the pier is unsafe."), "pier is unsafe"
    )
    assert claim.speaker_kind != "person"


def test_a_body_named_in_apposition_after_its_description_is_the_source(statements):
    """ "An advocacy group, the Coalition for Safe Harbors, said": the coalition, named, with its description
    as role; a coalition described only by its members stays an unnamed source with that description."""
    claim = one_with_text(
        statements("An advocacy group, the Coalition for Safe Harbors, said that the pier is unsafe."),
        "pier is unsafe",
    )
    assert (claim.speaker, claim.speaker_kind, claim.role) == (
        "Coalition for Safe Harbors",
        "organisation",
        "advocacy group",
    )
    claim = one_with_text(
        statements(
            "A coalition of ten states, led by Maine and Ohio, said on Monday that the rule was unlawful."
        ),
        "rule was unlawful",
    )
    assert claim.speaker is None
    assert claim.role is not None and claim.role.startswith("coalition of ten states")


def test_a_documents_possessor_is_its_maker(statements):
    """ "The prosecutors' indictment says": the prosecutors (unnamed, by their description); "An inspector
    general's report found": the inspector general, never "inspector general's"; an indictment whose bringer
    the text does not give stays an honest unnamed source described as the indictment."""
    text = (
        "Prosecutors filed charges against Tom Hale on Monday. The prosecutors' indictment says that Hale took "
        "bribes from two builders."
    )
    claim = one_with_text(statements(text), "took bribes")
    assert (claim.speaker, claim.role) == (None, "prosecutors")
    text = "Ana Ruiz ran the port for a decade. An inspector general's report found that she was told of the leak."
    claim = one_with_text(statements(text), "told of the leak")
    assert (claim.speaker, claim.role) == (None, "inspector general")
    text = "Tom Hale, the mayor of Dover, was charged with fraud in March. The indictment says that Hale took bribes."
    claim = one_with_text(statements(text), "took bribes")
    assert (claim.speaker, claim.role) == (None, "indictment")


def test_an_agent_named_later_as_the_principals_is_the_agent_spoken_of_before(statements):
    """ "Hale's lawyer said ..." before "Hale's lawyer, William Becker, said": Becker both times; "His lawyer"
    is no lawyer the article names later as somebody else's ("Peter Grant's lawyer, William Becker")."""
    text = (
        "Tom Hale was arrested in May. Hale's lawyer said Friday that the police had no evidence. Hale's "
        "lawyer, William Becker, said in a statement that he would plead not guilty."
    )
    claim = one_with_text(statements(text), "no evidence")
    assert claim.speaker == "William Becker"
    text = (
        "Tom Hale was arrested in May. His lawyer said Friday that the police had no evidence. Peter Grant's "
        "lawyer, William Becker, said in a statement that Grant would plead not guilty."
    )
    claim = one_with_text(statements(text), "no evidence")
    assert (claim.speaker, claim.role) == (None, "lawyer for Tom Hale")


def test_a_participle_after_a_reported_clause_is_the_reporters(statements):
    """ "Grant also wrote the guards knew to expect trouble, saying, '...'": Grant says the quote, not the
    guards, and the reported clause ends before the participle (so the quote is its own statement)."""
    text = (
        'Peter Grant also wrote the guards knew to expect trouble, saying, "They never told us when the '
        'inspectors came."'
    )
    claims = statements(text)
    quote = one_with_text(claims, "They never told us")
    assert quote.speaker == "Peter Grant"
    reported = one_with_text(claims, "the guards knew")
    assert (reported.speaker, reported.text) == ("Peter Grant", "the guards knew to expect trouble")


def test_a_participle_after_a_noun_the_parse_joined_to_the_verb_is_the_clauses(statements):
    """ "called for a show of hands, and then a second count, declaring ...": the chairman declares, never
    "then a second count"."""
    text = (
        "The council chairman, Tom Hale, called for a show of hands, and then a second count, declaring after "
        "both that the motion had failed."
    )
    claim = one_with_text(statements(text), "motion had failed")
    assert claim.speaker == "Tom Hale"


def test_a_list_of_what_one_subject_did_is_that_subjects(statements):
    """'Hale further described the mayor as "reckless," criticized her handling of the budget and said ...':
    every verb is Hale's, never "her" of the object; an inverted attribution after its clause ("..., said his
    lawyer") keeps its own source."""
    text = (
        'Tom Hale further described the mayor as "reckless," criticized her handling of the budget and said '
        "she should not run again."
    )
    claims = statements(text)
    assert claims and all(c.speaker == "Tom Hale" for c in claims), _said(claims)
    claim = one_with_text(statements("Hale will win the seat, said his lawyer."), "will win the seat")
    assert (claim.speaker, claim.role) == (None, "lawyer")


@pytest.mark.parametrize(
    "text",
    [
        "According to Tom Hale, Peter Grant had misled the council. He added that the town would sue.",
        "Peter Grant misled the council about the repairs, Tom Hale said on Monday. He added that the town would sue.",
        "Tom Hale said on Monday that Peter Grant had misled the council.\n\nHe added that the town would sue.",
    ],
)
def test_a_pronoun_is_never_the_subject_of_what_the_last_source_said(statements, text):
    """ "According to Hale, Grant had misled the council. He added ...": Hale goes on; Grant is the subject of
    Hale's words, not of the narration, however the parse makes him the sentence's subject."""
    claim = one_with_text(statements(text), "town would sue")
    assert claim.speaker == "Tom Hale"


def test_a_subject_opening_its_sentence_is_the_sentences_subject(nlp):
    """ "Becker tweeted Tuesday he's not sure ..." (the parse hangs "tweeted" on "'s"): Becker is the
    subject a pronoun after the sentence may stand for, as the subject of a main clause is; "When Peter
    Grant arrived, he ..." opens with a subordinate clause, whose subject is not."""
    from claims.extraction.statements.speakers import ArticleActors

    doc = nlp(
        "The short-term deal gives the council until Feb. 8 to work out a budget.\n\n"
        "Becker tweeted Tuesday he's not sure it will happen."
    )
    actors = ArticleActors.from_doc(doc)
    assert [m.subject for m in actors.mentions] == [True]
    doc = nlp("When Peter Grant arrived on Tuesday, the council had left.")
    actors = ArticleActors.from_doc(doc)
    assert [m.subject for m in actors.mentions] == [False]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "According to the city's attorney, William Becker, the pier will close in May.",
            "William Becker",
            "city's attorney",
        ),
        ("According to a spokesman, Ana Ruiz, the pier will close in May.", "Ana Ruiz", "spokesman"),
    ],
)
def test_according_to_a_role_and_a_name_is_the_person_named(statements, text, speaker, role):
    """ "According to ROLE, NAME, the words": the parse leaves the name out of the phrase; it is the source
    (the role as given), and no part of the words."""
    claim = one_with_text(statements(text), "pier will close")
    assert (claim.speaker, claim.role, claim.text) == (speaker, role, "the pier will close in May.")


def test_according_to_a_role_before_the_clauses_own_named_subject_is_the_role(statements):
    """ "According to a spokesman, Peter Grant, the mayor, misled the council": Grant is what the words are
    about (the clause's subject), the spokesman speaks."""
    text = "According to a spokesman, Peter Grant, the mayor, misled the council on Monday."
    claim = one_with_text(statements(text), "misled the council")
    assert (claim.speaker, claim.role) == (None, "spokesman")
    assert claim.text.startswith("Peter Grant")
