"""A verb of stance, reaction, charge or topic whose words are only a noun phrase (issue 14, branch stmt11d),
on sentences we wrote: the object alone ("Norway: the new quotas") says nothing an editor can check, so the
stored words are the predicate with its verb, a stance is held, a charge asserted, a bare topic not stored."""

import pytest

from claims.extraction.statements.stance import STANCE_CAP
from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str, str, float]]:
    return [(c.speaker, c.text, c.polarity, round(c.confidence, 3)) for c in claims]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Norway condemned the new fishing quotas.", "condemned the new fishing quotas"),
        (
            "The harbour master's widow sharply criticized the mayor's assessment of the flood.",
            "criticized the mayor's assessment of the flood",
        ),
        (
            "Several councillors voiced their support for the new ferry line.",
            "voiced their support for the new ferry line",
        ),
        (
            "Maria Lund questioned the expectation that the bridge would open in May.",
            "questioned the expectation that the bridge would open in May",
        ),
        ("The ministry welcomed the ruling.", "welcomed the ruling"),
        (
            "Two senators offered support nonetheless for the nomination of Ana Ruiz.",
            "offered support nonetheless for the nomination of Ana Ruiz",
        ),
        (
            "Ana Ruiz expressed concern about the toll the strike was taking.",
            "expressed concern about the toll the strike was taking",
        ),
        (
            "The fishermen's association defends a peaceful settlement of the quota dispute.",
            "defends a peaceful settlement of the quota dispute",
        ),
    ],
)
def test_a_stance_on_a_noun_phrase_is_held_with_its_verb(statements, text, words):
    """ "condemned the new quotas", "voiced their support for ...", "questioned the expectation that ...", and a
    stance noun after any verb ("offered support for", "expressed concern about"): the words shown are the verb
    with its object, anchored in the text, held as a stance ("position"), never
    asserted, and under the 0.9 level."""
    claims = statements(text)
    assert [(c.text, c.words, c.polarity) for c in claims] == [(words, None, "position")], _said(claims)
    assert claims[0].confidence <= STANCE_CAP


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The Danish government blamed the port authority for delaying the repairs.",
            "blamed the port authority for delaying the repairs",
        ),
        (
            "The union accuses the shipping company of attempting to break the strike.",
            "accuses the shipping company of attempting to break the strike",
        ),
    ],
)
def test_a_charge_keeps_who_is_charged_and_its_verb(statements, text, words):
    """ "blamed X for delaying ...", "accuses X of attempting ...": the charge is what the source asserts, and
    the words say who is charged with what (not "the port authority for delaying the repairs")."""
    claims = statements(text)
    assert [(c.text, c.polarity) for c in claims] == [(words, "asserted")], _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ruth Okafor tweeted about the contrast between the two budgets.",
        "Tom Hale spoke about the strike at length.",
        "The council discussed the budget on Monday.",
        "Tom Hale made reference to his earlier threats.",
        "Tom Hale and Ana Ruiz emailed about the ferry schedule.",
    ],
)
def test_a_bare_topic_is_no_statement(statements, text):
    """ "tweeted about the contrast", "discussed the budget", "made reference to": only what the words were
    about, not what was said."""
    assert statements(text) == [], _said(statements(text))


def test_a_topic_with_its_predicate_or_clause_stays(statements):
    """A verb of talking that governs a clause still gives words: the clause, with no verb added."""
    claims = statements("Tom Hale wrote that the ferry would run on Sundays.")
    assert [(c.text, c.polarity) for c in claims] == [("that the ferry would run on Sundays", "asserted")], (
        _said(claims)
    )


def test_a_clause_or_a_denial_is_left_as_it_was(statements):
    """A clause after the verb is the words (no verb added), and a denial's object keeps its own handling."""
    claims = statements("Tom Hale criticized the plan, saying it would cost jobs.")
    assert ("it would cost jobs", "asserted") in [(c.text, c.polarity) for c in claims], _said(claims)
    claims = statements("Maria Lund said the ferry would run on Sundays.")
    assert [c.text for c in claims] == ["the ferry would run on Sundays"], _said(claims)
    claims = statements("The mayor denied the allegations.")
    assert all(not c.text.startswith("denied") for c in claims), _said(claims)


def test_another_cue_on_a_noun_phrase_keeps_its_polarity_and_gains_its_verb(statements):
    """ "described the plan as a fraud": the verb with its object and predicate, asserted."""
    claims = statements("Tom Hale described the plan as a fraud.")
    assert [(c.speaker, c.text, c.polarity) for c in claims] == [
        ("Tom Hale", "described the plan as a fraud", "asserted")
    ], _said(claims)


def test_several_named_countries_together_are_the_speaker(statements):
    """ "Finland, Sweden and Estonia support ...": the countries together are who holds it, and they are
    named, so the list is the speaker (issue 14, stmt12g: stored with no speaker, an editor reads it as
    missing a source the article names); the names stay the role as well."""
    claims = statements("Finland, Sweden and Estonia support the harbour authority's plan.")
    assert [(c.speaker, c.speaker_kind, c.role, c.text) for c in claims] == [
        (
            "Finland, Sweden and Estonia",
            "government",
            "Finland, Sweden and Estonia",
            "support the harbour authority's plan",
        )
    ], _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale has been harshly criticized for his harbour policies.",
        "The mayor, who is often described as the front-runner, spoke on Monday.",
        "Ana Ruiz was widely criticized within her own party.",
        "Ana Ruiz was accused of hiding the cost of the ferry.",
        "The sheriff, known for his tough stances on crime, spoke on Monday.",
    ],
)
def test_a_passive_stance_with_nobody_saying_it_is_no_statement(statements, text):
    """ "was criticized for his policies", "is often described as the front-runner", "the sheriff, known for his
    stances": no one is named as saying anything, and the words are the writer's account of what the subject drew; nothing is stored."""
    assert statements(text) == [], _said(statements(text))


def test_a_passive_that_names_its_speaker_or_governs_a_clause_stays(statements):
    """ "was quoted as saying ...": the subject speaks; "It was reported that ...": a clause, left to the
    reported-speech rules (which keep a passive reporting verb with no source, but not "it was revealed that":
    see test_statement_unsourced.py)."""
    claims = statements("Tom Hale was quoted as saying the ferry is safe.")
    assert [(c.speaker, c.text) for c in claims] == [("Tom Hale", "the ferry is safe")], _said(claims)
    claims = statements("It was reported last year that the ferry had been sold.")
    assert [c.text for c in claims] == ["that the ferry had been sold"], _said(claims)


def test_who_draws_criticism_is_not_given_the_critics_verb(statements):
    """ "Hale drew sharp criticism from the mayor for ...": "drew" is the target's verb, so the critics' words do
    not start with it."""
    claims = statements("Tom Hale drew sharp criticism from the mayor for closing the pier.")
    assert all(not c.text.startswith("drew") and c.speaker != "Tom Hale" for c in claims), _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The mayor dismissed the harbour report as a smear.", "dismissed the harbour report as a smear"),
        (
            "Senator Ana Ruiz rejected the ministry's plan for the pier.",
            "rejected the ministry's plan for the pier",
        ),
        (
            "The fishermen's union disputed the council's account of the flood.",
            "disputed the council's account of the flood",
        ),
    ],
)
def test_a_rejection_of_a_noun_phrase_keeps_its_verb(statements, text, words):
    """ "dismissed the report as a smear", "rejected the plan", "disputed the account": the object alone,
    denied ("the report as a smear"), flips or loses what the source holds; the words keep the verb and the
    claim is a stance, not denied a second time."""
    claims = statements(text)
    assert [(c.text, c.polarity) for c in claims] == [(words, "position")], _said(claims)


@pytest.mark.parametrize(
    ("text", "words", "polarity"),
    [
        ("Tom Hale denied the allegations.", "the allegations", "denied"),
        (
            "The harbour master rejected claims that the pier was unsafe.",
            "that the pier was unsafe",
            "denied",
        ),
    ],
)
def test_a_plain_denial_or_a_denied_clause_stays_denied(statements, text, words, polarity):
    """ "denied the allegations" reads right as the allegations denied, and a rejected claim's clause is the
    content denied: neither gains the verb."""
    claims = statements(text)
    assert [(c.text, c.polarity) for c in claims] == [(words, polarity)], _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'Senator Ana Ruiz accused the mayor of trying to "sell the harbour cheaply" without asking the fishermen.',
            'accused the mayor of trying to "sell the harbour cheaply" without asking the fishermen',
        ),
        (
            'In a speech last week, Ruiz castigated the port authority, accusing the agency of being "lazy and slow."',
            'accusing the agency of being "lazy and slow.',
        ),
    ],
)
def test_a_charge_with_a_quotation_after_its_object_keeps_its_verb(statements, text, words):
    """ "accused the mayor of trying to 'sell ...'": a quotation inside the words made them a quote, and the
    verb was dropped ("the mayor of trying to ..."), which reads as if the source said it of itself; the
    words keep the verb of charge, asserted, and are not a quotation."""
    claims = [c for c in statements(text) if "accus" in c.text or "mayor" in c.text or "agency" in c.text]
    assert [(c.text, c.polarity, c.direct) for c in claims] == [(words, "asserted", False)], _said(claims)


def test_a_quotation_opening_the_words_of_a_stance_verb_stays_a_quote(statements):
    """ "praised the plan" is a stance, but words that are a quotation of their own keep their quote handling."""
    claims = statements('The mayor praised the port: "It is the best harbour on the coast," she said.')
    assert all(not c.text.startswith("praised") for c in claims), _said(claims)
