"""Beliefs, wishes and stances are stored as what somebody holds, and deeds, pursuits and the writer's asides
to the reader are no statements (issue 14, branch stmt10d), on sentences we wrote."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str, str]]:
    return [(c.speaker, c.text, c.polarity) for c in claims]


@pytest.mark.parametrize(
    ("text", "speaker", "held"),
    [
        (
            "Senator Tom Hale believes that the ferry fee is too high.",
            "Tom Hale",
            "that the ferry fee is too high",
        ),
        ("Some of the council's members oppose any new toll as a tax.", None, "oppose any new toll as a tax"),
        ("Ana Ruiz fears that the pier will flood again.", "Ana Ruiz", "that the pier will flood again"),
    ],
)
def test_a_belief_wish_or_stance_is_stored_as_held(statements, text, speaker, held):
    """ "believes that ...", "oppose any new toll", "fears that ...": the source holds it, nothing says they said
    it; it is kept (an attributed position an editor may want) with polarity "position", never "asserted". A want
    ("want the fees extended") is a wish, not stored since stmt13e (test_statement_wishes_negations_asides.py)."""
    claims = statements(text)
    assert [(c.speaker, c.text, c.polarity) for c in claims] == [(speaker, held, "position")], _said(claims)


def test_what_a_source_says_of_a_belief_stays_said(statements):
    """ "said she believes ...": the cue is "said", so the statement is asserted (the belief is the words said)."""
    claims = statements("Ana Ruiz said she believes the ferry is safe.")
    assert [(c.speaker, c.polarity) for c in claims] == [("Ana Ruiz", "asserted")], _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale has dropped plans to run for mayor, but don't expect him to leave the harbour quietly.",
        "But don't expect the mayor to give up the ferry.",
    ],
)
def test_the_writer_speaking_to_the_reader_is_no_statement(statements, text):
    """ "don't expect him to ...", "Say what you will about ...": an imperative is the writer addressing the
    reader; nobody the sentence names said anything (and "dropped plans" is a deed)."""
    assert statements(text) == [], _said(statements(text))


def test_an_imperative_a_source_gives_stays_the_sources(statements):
    """A command quoted from or reported of a source is the source's words."""
    claims = statements('"Don\'t expect a deal this week," Tom Hale said.')
    assert [(c.speaker, c.text) for c in claims] == [("Tom Hale", "Don't expect a deal this week")], _said(
        claims
    )
    claims = statements(
        "Don't expect the mayor to give up the ferry without a fight, the union leader warned."
    )
    assert [c.text for c in claims] == ["Don't expect the mayor to give up the ferry without a fight"], _said(
        claims
    )


@pytest.mark.parametrize(
    "text",
    [
        "The budget office circulated a memo to the harbour staff on Friday afternoon.",
        "Tom Hale dropped his plans for a new pier last week.",
        "Some union leaders have withdrawn support for the harbour spending bill.",
        "The subpoenas seek records relating to two aides of the mayor.",
        "The group is seeking support from the council.",
        "Hale has refused to budge from his refusal to consider raising the harbour fee.",
    ],
)
def test_a_deed_or_pursuit_is_no_statement(statements, text):
    """Circulating a memo, dropping plans, withdrawing support, seeking records or support and a refusal to act
    are things somebody did or tried; no words of theirs are stored."""
    assert statements(text) == [], _said(statements(text))


def test_words_given_beside_a_circulated_memo_stay_said(statements):
    """ "circulated a memo saying that ...": what the memo says is still a statement; only the deed is not."""
    claims = statements("The budget office circulated a memo saying that the pier is unsafe.")
    assert any("the pier is unsafe" in c.text for c in claims), _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "The council did not answer queries about whether Tom Hale understood that the fee was illegal.",
        "Asked whether she was suggesting that the mayor lied, Ana Ruiz smiled.",
    ],
)
def test_a_cue_only_asked_about_is_no_statement(statements, text):
    """ "queries about whether Hale understood that ...", "asked whether she was suggesting that ...": whether
    somebody holds or said it is the open question, so nothing is stored as their words."""
    assert statements(text) == [], _said(statements(text))


def test_a_law_pushed_through_is_a_deed(statements):
    """ "pushed through a law": passing a measure is an act; declining "through a spokesman" stays a refusal."""
    assert statements("Tom Hale pushed through a law on ferry fees last year.") == []
    claims = statements("Ana Ruiz declined, through a spokesman, to comment.")
    assert [(c.speaker, c.polarity) for c in claims] == [("Ana Ruiz", "refused")], _said(claims)
