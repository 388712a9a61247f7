"""Two sources in one sentence: whose words are whose, on sentences we wrote (branch stmt11b).

A contrasting source's own attribution inside another's words (", though an official said ..."), a second
source relaying the sentence at its end (", the Gazette's reporter tweeted"; ", according to the Gazette"
after a quote's own attribution that names a show), and a pronoun whose own clause names the person it
cannot be ("he told Mr. Hale")."""

from claims.extraction.types import StatementClaim


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_contrasting_source_ends_the_first_statement_and_keeps_its_own(statements):
    """ "X said ..., while Y said ...": each source holds only its own words."""
    claims = statements(
        "Tom Hale has said that the pier tax is not up for debate, while the dock workers have said "
        "they will accept a smaller levy."
    )
    first = _only(claims, "pier tax")
    assert first.speaker == "Tom Hale" and first.text == "that the pier tax is not up for debate"
    second = _only(claims, "smaller levy")
    assert second.speaker is None and second.role == "dock workers"
    assert second.text == "they will accept a smaller levy"


def test_a_contrast_opened_by_though_names_an_official_of_the_same_body(statements):
    claims = statements(
        "The harbour board says that it has not changed its view on the toll, though a senior official "
        "with the board said it is open to talks about a lower rate."
    )
    assert _only(claims, "changed its view").text.endswith("its view on the toll")
    official = _only(claims, "open to talks")
    assert official.role == "senior official" and official.text.startswith("it is open")


def test_a_contrast_without_a_comma_or_a_source_stays_one_statement(statements):
    """ "while the pier was shut" is no attribution; nothing is split off."""
    claim = _only(statements("Hale said the ferry ran late, while the pier was shut for repairs."), "ferry")
    assert claim.text.endswith("shut for repairs") and claim.speaker == "Hale"


def test_a_source_relaying_the_sentence_at_its_end_is_no_part_of_the_quote(statements):
    """'"...," Hale said as he left, Ruiz tweeted': the reporter relays Hale's words; they are his alone."""
    claims = statements(
        "“We will see,” Hale said as he left the room, the Harbour Gazette reporter Ana Ruiz tweeted."
    )
    claim = _only(claims, "We will see")
    assert claim.speaker == "Hale" and claim.text == "We will see"
    claims = statements("“We will see,” Hale said, Ana Ruiz wrote in her column.")
    assert _only(claims, "We will see").text == "We will see"


def test_a_relay_after_an_attribution_that_names_a_show_is_not_a_statement(statements):
    """'..., said Hale on the "Morning Tide" show, according to the Gazette': the Gazette only relays."""
    text = '"I want to see the ledger," said Hale in an interview on the "Morning Tide" show, according to the Gazette.'
    claims = statements(text)
    assert [c.speaker for c in claims] == ["Hale"], [(c.speaker, c.text) for c in claims]
    assert claims[0].text == "I want to see the ledger"


def test_a_pronoun_is_nobody_its_own_clause_names_after_it(statements):
    """ "he told Mr. Hale": he is not Hale, though Hale spoke last; the one named before is."""
    claims = statements(
        "Mr. Hale said the port would close. After the posts from Mr. Grant and his group were deleted, "
        "he told Mr. Hale that the ban was unfair."
    )
    assert _only(claims, "ban was unfair").speaker == "Grant"
    claims = statements("Tom Hale met Paul Grant on Friday. He said Grant had lied about the fees.")
    assert _only(claims, "had lied").speaker == "Tom Hale"
