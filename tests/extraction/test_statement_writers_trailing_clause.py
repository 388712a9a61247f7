"""Reported words that run on into a clause the writer adds after them: a bare participle telling what the
news did (", sparking anger", ", tapping into worries") or a "while"/"as" clause in the writer's present
beside words reported in the past (", while the senators plan to ..."). On sentences we wrote."""

from __future__ import annotations

from claims.extraction.types import StatementClaim


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_the_writers_participle_after_reported_words_is_cut(statements):
    text = "Tom Hale said the council has raised the ferry toll this year, sparking anger among commuters in the valley."
    claim = _only(statements(text), "ferry toll")
    assert claim.text == "the council has raised the ferry toll this year"
    assert claim.speaker == "Tom Hale"
    text = "Ana Ruiz said the new levy is paying for repairs, tapping into voter worries about the old pier."
    assert _only(statements(text), "levy").text == "the new levy is paying for repairs"


def test_a_present_while_or_as_clause_beside_past_reported_words_is_cut(statements):
    text = "Tom Hale said the council would raise the ferry toll next year, while the senators plan to block the measure."
    assert _only(statements(text), "ferry toll").text == "the council would raise the ferry toll next year"
    text = "Ana Ruiz said the board had approved the ferry contract, as the county faces a large budget gap."
    assert _only(statements(text), "ferry contract").text == "the board had approved the ferry contract"


def test_a_while_clause_in_the_reported_tense_stays(statements):
    """Backshifted like the words before it, the clause is the speaker's contrast."""
    text = "Tom Hale said the ferry toll would rise next year, while the bridge toll would fall by half."
    assert _only(statements(text), "ferry toll").text.endswith("while the bridge toll would fall by half")


def test_the_speaker_going_on_and_a_relative_clause_inside_the_words_stay(statements):
    text = "Tom Hale said the plan, which costs $5 billion, would cut traffic on the ferry route."
    assert (
        _only(statements(text), "plan").text
        == "the plan, which costs $5 billion, would cut traffic on the ferry route"
    )
    text = 'Tom Hale said the council would raise the ferry toll, calling it "the only honest choice" for the town.'
    claim = _only(statements(text), "ferry toll")
    assert claim.text.startswith("the council would raise the ferry toll")


def test_a_list_that_goes_on_after_a_comma_is_not_cut(statements):
    """A participle closing a list ('such as the economy, failing rural hospitals and crime') is part of it."""
    text = "Tom Hale said the state faces bigger problems, such as the economy, failing rural hospitals and crime."
    assert _only(statements(text), "bigger problems").text.endswith("failing rural hospitals and crime")


def test_a_participle_after_a_forecast_stays(statements):
    """After a modal clause the participle goes on with what the speaker foresees ('would end the fees,
    beginning in March')."""
    text = "Ana Ruiz said the ferry company would end the booking fees, beginning in March of next year."
    assert _only(statements(text), "booking fees").text.endswith("beginning in March of next year")


def test_a_participle_that_reports_what_was_said_in_turn_stays(statements):
    """ ", sparking claims that ..." carries content others claimed: cutting it would lose that content."""
    text = "Local radio reported that two ferries had docked in Marrowick, sparking claims that the port planned to double its fleet."
    claim = _only(statements(text), "ferries")
    assert claim.text.endswith("sparking claims that the port planned to double its fleet")
    text = "The mayor said the council had raised the toll, sparking anger that lasted for weeks among the commuters."
    assert _only(statements(text), "toll").text == "the council had raised the toll"
