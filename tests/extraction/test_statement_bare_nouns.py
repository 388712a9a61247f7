"""A noun cue whose words are only the noun phrase of its preposition (branch stmt12d), on sentences we wrote:
"Hale: the figure" says nothing an editor can check, so the words start at the noun, as stance.py does for
a verb ("condemned the new quotas"); a noun that only gives a topic stores nothing."""

from claims.extraction.types import StatementClaim


def _with(claims: list[StatementClaim], fragment: str) -> list[StatementClaim]:
    return [c for c in claims if fragment in c.text]


def test_a_noun_of_stance_keeps_its_noun_in_the_words(statements):
    claims = statements("Mr. Tom Hale's rejection of the harbour figures angered the island council.")
    [claim] = _with(claims, "harbour figures")
    assert claim.text == "rejection of the harbour figures"
    assert claim.polarity == "position" and claim.speaker == "Tom Hale"


def test_an_embrace_of_a_plan_is_a_stance_with_its_noun(statements):
    claims = statements(
        "In his latest embrace of the ferry toll, Mayor Tom Hale spoke at the pier on Monday."
    )
    hits = _with(claims, "ferry toll")
    assert hits and all(c.text.startswith("embrace of") for c in hits)


def test_a_noun_of_a_topic_gives_no_words(statements):
    claims = statements("Here are Tom Hale's stances on the ferry toll and the pier.")
    assert not _with(claims, "ferry toll")


def test_a_noun_cue_with_a_clause_keeps_the_clause(statements):
    claims = statements("Tom Hale's claim that the pier was unsafe angered the island council.")
    [claim] = _with(claims, "pier was unsafe")
    assert claim.text == "that the pier was unsafe"
