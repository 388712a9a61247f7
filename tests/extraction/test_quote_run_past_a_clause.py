"""A quote run whose attribution goes on with a clause of its own (links14, on sentences we wrote): in
'"...," Mayor Kell said, praising the crews. "..."' the reported pass reads "praising the crews" as a
statement, and the quote after it has no cue. It continues the first quote, as after any attribution
('"...," she said. "..."'): one run, its words the two quoted passages, the clause an aside between them
(not the end of the first quote, nor a statement standing between the two). A clause that is narration
of its own sentence ("The crowd cheered.") still ends the run."""

from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_quote_after_an_attribution_that_runs_on_with_a_clause_continues_the_quote(statements):
    claims = statements(
        '"The pumps worked through the night," Mayor Dora Kell said, praising the harbour crews. '
        '"Not one house on the quay was flooded. The sea wall held where it broke last winter."'
    )
    claim = _one(claims, "pumps worked")
    assert claim.speaker == "Dora Kell" and claim.direct
    assert claim.words == (
        "The pumps worked through the night ... Not one house on the quay was flooded. "
        "The sea wall held where it broke last winter."
    )
    assert not [c for c in claims if c.text.startswith("praising")]


def test_the_same_with_the_second_quote_glued_to_the_attribution(statements):
    """A scraper's glued sentences ('(D-Ore.)."Not one ...') are read the same."""
    claims = statements(
        '"Where were you when the storm came, Tom?" Kell continued, calling out council leader Tom Hale '
        '(R-Ore.)."You were debating a parking fee.That is not keeping anyone dry."'
    )
    claim = _one(claims, "parking fee")
    assert claim.speaker == "Kell" and claim.direct and claim.polarity == "asserted"
    assert "You were debating a parking fee" in (claim.words or claim.text)
    assert "calling out" not in (claim.words or "")


def test_narration_between_the_two_quotes_still_ends_the_run(statements):
    claims = statements(
        '"The pumps worked through the night," Mayor Dora Kell said, praising the harbour crews. The crowd '
        'on the quay cheered and the band played. "Not one house on the quay was flooded."'
    )
    first = _one(claims, "pumps worked")
    assert "flooded" not in first.text
