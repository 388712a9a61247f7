"""Reported speech the parse hid (issue 14, branch stmt16b, PolNeAR recall), on sentences we wrote: a "that"
clause the parse hangs on a noun of the cue's setting ("said in one of a series of messages that ..."), a
trailing "according to" whose clause another verb's words run over, a relative "that" clause with its own
source ("a strike that executives said could cut profits") and a passive "as" aside that names its source
("As reported by the Gazette, ...")."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str, str]]:
    return [(c.speaker, c.role, c.text, c.polarity) for c in claims]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Ana Ruiz, a former mayor of Ely, said in one of a series of Twitter messages that the truck was "
            "carrying arms and explosives when it struck the crowd.",
            "Ana Ruiz",
            "that the truck was carrying arms and explosives when it struck the crowd",
        ),
        (
            "Ana Ruiz, the harbour master, said in one of a series of messages that the ferry was carrying fuel "
            "when it struck the pier.",
            "Ana Ruiz",
            "that the ferry was carrying fuel when it struck the pier",
        ),
        (
            "Tom Hale tweeted in the early morning hours that Ruiz was \u201cdisgusting\u201d and \u201ca con\u201d and "
            "encouraged fishermen to \u201ccheck out\u201d her record.",
            "Tom Hale",
            "that Ruiz was \u201cdisgusting\u201d and \u201ca con\u201d",
        ),
    ],
)
def test_a_that_clause_hung_on_the_setting_is_what_was_said(statements, text, speaker, words):
    """The parse hangs the "that" clause on the last noun of an "of" chain in the setting ("one of a series of
    messages"), or reads "that" as the object of the clause's adjective ("that Ruiz was 'disgusting'"): the
    clause is what was said, the setting before it the writer's."""
    claims = statements(text)
    assert [(c.speaker, c.text) for c in claims] == [(speaker, words)], _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz wrote in one of the letters that the council sent last year.",
        "Tom Hale spoke in one of the halls that the city built last year.",
    ],
)
def test_a_relative_clause_of_the_setting_is_no_statement(statements, text):
    """A real relative clause on the setting's noun ("the letters that the council sent", its object gap) says
    nothing anybody said."""
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "role", "words"),
    [
        (
            "The harbour board is weighing a new toll on ferries, according to city officials.",
            "city officials",
            "The harbour board is weighing a new toll on ferries",
        ),
        (
            "The council is now considering a plan to close the north pier for two years, according to harbour "
            "officials.",
            "harbour officials",
            "The council is now considering a plan to close the north pier for two years",
        ),
    ],
)
def test_a_trailing_according_to_sources_the_clause_a_verb_runs_over(statements, text, role, words):
    """The parse runs the words of the clause's own verb ("is weighing a new toll ...") on over the trailing
    "according to" phrase, so each seemed to hold the other and both were dropped as embedded: the words end
    before the phrase, and the clause is the officials' statement."""
    claims = statements(text)
    assert [(c.speaker, c.role, c.text) for c in claims] == [(None, role, words)], _said(claims)


def test_a_relative_that_clause_with_its_own_source_is_that_source_s(statements):
    """In "a strike that company executives said could cut profits", the relative clause names whose words it
    holds; they are the executives' statement, beside whatever the sentence's subject did."""
    claims = statements(
        "The union agreed to end a strike that company executives said could cut profits this year."
    )
    assert ("company executives", "could cut profits this year") in [(c.role, c.text) for c in claims], _said(
        claims
    )


def test_that_after_said_stays_the_outer_source_s_words(statements):
    """ "said that executives expect ...": "that" opens the outer source's clause, not a relative one."""
    claims = statements("Tom Hale said that the executives expect the strike to end soon.")
    assert [(c.speaker, c.text) for c in claims] == [
        ("Tom Hale", "that the executives expect the strike to end soon")
    ], _said(claims)


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "As reported by the Gazette, the former mayor was told twice about the cracks in the pier.",
            "Gazette",
            "the former mayor was told twice about the cracks in the pier",
        ),
        (
            "As first reported by the Gazette on Tuesday, the harbour board will raise the toll in June.",
            "Gazette",
            "the harbour board will raise the toll in June",
        ),
        (
            "As stated in Hale's commentary, there are conflicting stories and many questions about the permit.",
            "Hale",
            "there are conflicting stories and many questions about the permit",
        ),
    ],
)
def test_a_passive_as_aside_names_its_source_after_the_verb(statements, text, speaker, words):
    """ "As reported by the Gazette, ...": the agent (or the writer of the text "in" which it was stated) holds
    the clause after the aside."""
    claims = statements(text)
    assert [(c.speaker, c.text) for c in claims] == [(speaker, words)], _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "As reported earlier, the ferry will not run on Sunday.",
        "The pier, as was noted, has been closed since May.",
        "The toll was raised, as expected by most fishermen, in June.",
    ],
)
def test_a_passive_aside_that_names_nobody_is_no_statement(statements, text):
    """ "As reported earlier", "as was noted": no source; "as expected" is no reporting verb."""
    assert statements(text) == []
