"""The right person, on sentences we wrote (issue 14, branch stmt11g): a surname two people of the article
share goes to the one its title, courtesy title or the article's first full mention names, "Jr." is never
merged with his namesake, and an unnamed spokesman or aide is never the person they speak for."""

import pytest

from claims.extraction.actors import ActorIndex
from claims.extraction.statements.speakers import ArticleActors
from tests.extraction_support import one_with_text


def test_a_generational_suffix_is_no_surname_and_tells_father_from_son():
    """ "Donald Trump Jr." has the surname Trump: "Trump Jr." and a surname alone find him, while "Donald
    Trump" is his father, never merged with him; a numeral ("Mueller III") is only the formal full name."""
    index = ActorIndex(loose_surnames=True)
    index.add("Paul Dunmore Jr.", "Paul Dunmore Jr.")
    assert index.resolve("Dunmore Jr.") == "Paul Dunmore Jr."
    assert index.resolve("Dunmore") == "Paul Dunmore Jr."
    assert index.resolve("Paul Dunmore") is None
    index.add("Paul Dunmore", "Paul Dunmore")
    assert index.resolve("Paul Dunmore") == "Paul Dunmore"
    assert index.resolve("Dunmore Jr.") == "Paul Dunmore Jr."
    assert index.namesakes("Mr. Dunmore") == ["Paul Dunmore Jr.", "Paul Dunmore"]
    index.add("Walter K. Brennick III", "Walter K. Brennick III")
    assert index.resolve("Walter Brennick") == index.resolve("Brennick") == "Walter K. Brennick III"


@pytest.mark.parametrize(
    ("title", "speaker"),
    [("Mr.", "Arthur Pellman"), ("Ms.", "Denise Pellman"), ("", "Pellman")],
)
def test_a_shared_surname_goes_by_courtesy_title(statements, title, speaker):
    """Where the article names Denise and Arthur Pellman, "Mr. Pellman" is Arthur and "Ms. Pellman" Denise,
    however recently the other was named; a bare "Pellman" is not guessed to be either."""
    text = (
        "Denise Pellman, the county treasurer, presented the budget on Monday. Her husband, Arthur Pellman, "
        "runs a hardware store on Main Street.\n\n"
        f"{title} Pellman said that the new levy would cost families about $200 a year."
    ).replace("\n\n ", "\n\n")
    claim = one_with_text(statements(text), "the new levy")
    assert claim.speaker == speaker


def test_the_son_is_mr_surname_where_the_article_is_about_him(statements):
    """In an article that names "Paul Dunmore Jr." before any other Dunmore, "Mr. Dunmore" is the son; his
    father stays himself, and "Governor Dunmore" is no son who holds no such title."""
    text = (
        "Paul Dunmore Jr. met a lobbyist in June, according to emails released on Tuesday. His father, "
        "Governor Paul Dunmore, was in Boston at the time.\n\n"
        "Mr. Dunmore said that the meeting had lasted 20 minutes.\n\n"
        "Governor Dunmore said that he had not known about the meeting."
    )
    claims = statements(text)
    assert one_with_text(claims, "20 minutes").speaker == "Paul Dunmore Jr."
    assert one_with_text(claims, "not known").speaker == "Paul Dunmore"


def test_a_surname_named_first_without_the_son_is_not_the_son(statements):
    """When "Governor Dunmore" comes before the son's full name, "Mr. Dunmore" is not taken for the son."""
    text = (
        "Governor Dunmore spoke in Albany on Monday. His son, Paul Dunmore Jr., met a lobbyist in June.\n\n"
        "Mr. Dunmore said that the meeting had lasted 20 minutes."
    )
    claim = one_with_text(statements(text), "20 minutes")
    assert claim.speaker != "Paul Dunmore Jr."


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("A Halloran spokesman", "spokesman for Maria Halloran"),
        ("Halloran's spokesman", "spokesman for Maria Halloran"),
        ("Two Halloran aides", "aides for Maria Halloran"),
        ("Her lawyer", "lawyer for Maria Halloran"),
    ],
)
def test_an_unnamed_agent_is_never_the_principal(statements, subject, role):
    """ "A Halloran spokesman told reporters": an unnamed spokesperson for Halloran, not Halloran herself."""
    text = (
        "Senator Maria Halloran of Ohio voted against the farm bill on Friday.\n\n"
        f"{subject} told reporters that the senator would keep fighting the measure."
    )
    claim = one_with_text(statements(text), "keep fighting")
    assert (claim.speaker, claim.role) == (None, role)


def test_a_named_agent_keeps_his_name(statements):
    """ "Halloran spokesman Peter Walsh" is Walsh: the rule for unnamed agents leaves a named one alone."""
    text = (
        "Senator Maria Halloran of Ohio voted against the farm bill on Friday.\n\n"
        "Halloran spokesman Peter Walsh told reporters that the senator would keep fighting the measure."
    )
    assert one_with_text(statements(text), "keep fighting").speaker == "Peter Walsh"


def test_the_presidents_counselor_is_no_president(statements):
    """A role that names whom it serves ("the husband of Ana Vance, the president's counselor") makes its
    holder no president: "the president" after his words is still the president."""
    text = (
        "President Tom Hale signed the order on Friday. Among its critics was Peter Vance, a lawyer and the "
        "husband of Ana Vance, the president's counselor.\u201cIt is unlawful,\u201d Mr. Vance wrote on "
        "Twitter.\n\n"
        "The president said that the money would be spent by June."
    )
    claims = statements(text)
    assert one_with_text(claims, "It is unlawful").speaker == "Peter Vance"
    assert one_with_text(claims, "spent by June").speaker == "Tom Hale"


@pytest.mark.parametrize(
    ("source", "speaker", "role"),
    [
        ("A senior city official", None, "senior city official"),
        ("A city spokeswoman", "Tom Hale", "Mayor"),  # "he" is no spokeswoman
    ],
)
def test_a_pronoun_after_an_unnamed_source_is_that_source(statements, source, speaker, role):
    """ "A senior official said ... He added": the official who just spoke, not the mayor named before;
    a pronoun whose gender the unnamed source's role rules out looks further back."""
    text = (
        'Mayor Tom Hale defended the budget on Monday. "The port is safe," he said.\n\n'
        f"{source} said the audit would be released in June. He added that the port would stay open."
    )
    claim = one_with_text(statements(text), "stay open")
    assert (claim.speaker, claim.role) == (speaker, role)


def test_a_pronoun_after_a_described_justice_is_the_justice(statements):
    """ "The chief justice also asked Mr. Hale ... After all, he said": the chief justice named before,
    not the lawyer who was asked."""
    text = (
        "Chief Justice Walter Brandt opened the hearing on Monday. The lawyer for the port, Tom Hale, argued "
        'that the pier was safe. "The records show no damage," he said.\n\n'
        'The chief justice also asked Mr. Hale "how many missing records must be shown?" After all, he said, '
        '"you\'re going to have some gaps."'
    )
    assert one_with_text(statements(text), "some gaps").speaker == "Walter Brandt"


def test_his_lawyer_is_the_lawyer_the_article_named(statements):
    """ "Mr. Hale's lawyer, Gregory Walsh," then "His lawyer said": Walsh, neither Hale nor an unnamed lawyer."""
    text = (
        "Representative Tom Hale was indicted on Tuesday. He referred reporters to a letter that Mr. Hale's "
        "lawyer, Gregory Walsh, sent to the Justice Department.\n\n"
        "His lawyer said then that the congressman would cooperate fully."
    )
    claim = one_with_text(statements(text), "cooperate fully")
    assert claim.speaker == "Gregory Walsh"


def test_a_pronoun_after_a_definite_description_is_not_made_unnamed(statements):
    """ "The port official who ... denied ..." then "she told": a definite description names somebody the
    article goes on to name, so the pronoun is never left to an unnamed source."""
    text = (
        "The port official who first disclosed the leak denied on Wednesday that she had misled the council.\n\n"
        "As the official, Karen Miller, appeared before the council, she said that the accusations were false."
    )
    claim = one_with_text(statements(text), "accusations were false")
    assert claim.speaker == "Karen Miller"


def test_a_headline_word_glued_to_a_name_is_not_preferred(nlp):
    """A headline's "Rip Donald Trump" (one PERSON to the NER) is no Trump to prefer over the "Donald Trump"
    of the text, though it comes first."""
    doc = nlp(
        "Black Lawmakers Rip Donald Trump\n\n"
        "Donald Trump spoke in Ohio on Monday.\n\n"
        "Trump said that the economy would grow."
    )
    actors = ArticleActors.from_doc(doc)
    assert actors.resolve_name("Trump") == "Donald Trump"
