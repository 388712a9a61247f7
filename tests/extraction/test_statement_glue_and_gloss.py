"""Words that run past the speaker's own: sentences a scraper glued after an acronym or before "A"/"I",
and the writer's gloss (a relative clause or an apposition) closing reported words; on sentences we wrote."""

from __future__ import annotations

from claims.extraction.cleaning import prepare
from claims.extraction.types import StatementClaim


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_sentence_glued_after_an_acronym_or_before_a_or_i_is_split_and_maps_back():
    """'according to WKBN.He', 'the NTSB.The', 'repairs.A few', 'again.I hope': a space belongs after the
    stop; initials ('U.S.Navy', 'D-N.Y.'), web addresses and decimals stay as written."""
    text = (
        "The vote was close, according to WKBN.He left early. The report went to the NTSB.The pier needed "
        "repairs.A few boats stayed.I hope so, she said. The U.S.Navy pier at kestrel.com is 3.5 miles off, "
        "said Ana Ruiz, D-N.Y.The end."
    )
    adoc = prepare(text)
    for joined in ("WKBN. He", "NTSB. The", "repairs. A few", "stayed. I hope"):
        assert joined in adoc.analysis
    for kept in ("U.S.Navy", "kestrel.com", "3.5 miles", "D-N.Y.The"):
        assert kept in adoc.analysis
    assert adoc.original(0, len(adoc.analysis)).text == text
    start = adoc.analysis.index("He left")
    assert adoc.original(start, start + 2).text == "He"


def test_a_statement_ends_at_a_stop_glued_to_the_next_sentence(statements):
    """The source's words end at the glued stop: the writer's next sentence is no part of them."""
    text = "The decision was final, according to WKBN.He called it the best choice anyone could make for the county."
    claim = _only(statements(text), "decision")
    assert claim.text == "The decision was final"
    assert claim.speaker == "WKBN"


def test_the_writers_relative_clause_after_reported_words_is_cut(statements):
    """ ", who has denied any role" and ", which has been declared unsafe" tell the reader who or what the
    last noun is: the writer's aside, not the source's words."""
    claim = _only(
        statements("Ana Ruiz said the money came from Tom Hale, who has denied any role in the deal."),
        "money",
    )
    assert claim.text == "the money came from Tom Hale"
    text = (
        "Ana Ruiz said the ferry would sail from Dunmore Quay, which has been declared unsafe by the council."
    )
    assert _only(statements(text), "ferry").text == "the ferry would sail from Dunmore Quay"
    text = "Ana Ruiz said any deal would not include money for a new pier, which the council views as too costly."
    assert _only(statements(text), "deal").text == "any deal would not include money for a new pier"


def test_the_writers_apposition_after_reported_words_is_cut(statements):
    """ ", a former aide to the governor" closing the words says who Peter Stone is: the writer's gloss."""
    text = "Ana Ruiz said she had met Peter Stone, a former aide to the governor."
    assert _only(statements(text), "Peter Stone").text == "she had met Peter Stone"
    text = "Ana Ruiz said the council should appoint Peter Stone, harbour master for the county."
    assert "harbour master" in _only(statements(text), "Peter Stone").text


def test_a_relative_clause_inside_the_words_or_a_quotation_stays(statements):
    """A relative clause in the middle of the words is the source's, and so is one inside quote marks."""
    text = "Ana Ruiz said the council, which meets on Mondays, would vote on the plan."
    assert _only(statements(text), "council").text.endswith("would vote on the plan")
    text = 'Ana Ruiz said the money came from "Tom Hale, who has never paid a bill on time."'
    assert "never paid" in _only(statements(text), "money").text


def test_a_relative_clause_in_which_the_source_still_speaks_stays(statements):
    """ ", which she said were more reliable" and ", which she estimates would cost" are the source's own
    words again; a clause on a noun the words bring in ("a stranger or a prankster, who then ...") goes on
    with what the source said."""
    text = "Ana Ruiz said the court could rely on the ledgers, which she said were more reliable than the witnesses."
    assert "more reliable" in _only(statements(text), "ledgers").text
    text = (
        "Ana Ruiz said the council would pay for the pier, which she estimates would cost 8 million dollars."
    )
    assert "8 million" in _only(statements(text), "pier").text
    text = "Ana Ruiz said her account had been entered by a stranger or a prankster, who then sent the photo out."
    assert "sent the photo" in _only(statements(text), "account").text


def test_a_clause_the_parse_split_in_two_is_kept_whole(statements):
    """ "insisting that he'd rather Congress approve it": the parse gives "he'd" and "rather Congress approve
    it" as two clauses side by side; the words are both, never the bare "that he'd"."""
    text = "Tom Hale called it the easy route while insisting that he'd rather Congress approve the money."
    claims = statements(text)
    assert not any(c.text.strip() in ("that he'd", "he'd") for c in claims), [c.text for c in claims]
    assert any(c.text.endswith("rather Congress approve the money") for c in claims), [c.text for c in claims]


def test_a_relative_clause_with_its_own_speaker_is_not_the_writers_gloss(statements):
    """ ", which, Jo Park said, is usually full" names who says it: not the writer's description."""
    text = "The ferry leaves from the quay, which, Jo Park said, is usually full."
    claim = _only(statements(text), "ferry")
    assert "usually full" in claim.text and claim.speaker == "Jo Park"


def test_only_a_bare_modal_runs_on_into_the_clause_beside_it(nlp):
    """ "he'd" alone is half a clause; "he would pay the fine" is whole, and a clause beside it is another."""
    from claims.extraction.statements.reported import _bare_modal

    doc = nlp(
        "Tom Hale called it the easy route while insisting that he'd rather Congress approve the money."
    )
    assert _bare_modal(next(t for t in doc if t.text == "'d"))
    doc = nlp("He insisted that he would pay the fine.")
    assert not _bare_modal(next(t for t in doc if t.text == "pay"))
    doc = nlp("Tom Hale said that he would pay the fine and that the council could wait.")
    assert not any(_bare_modal(t) for t in doc if t.dep_ in ("ccomp", "conj"))


def test_a_quote_glued_after_its_attribution_reads_as_when_spaced(statements):
    """A straight mark closing a curly opening one ('\u201cI find it troubling," the mayor said."Our city'): the
    next mark glued after the stop opens the quote's continuation, read as with the space; and a stop glued
    to a two-letter opener ('the wall.Of that') ends the source's words."""
    glued = (
        'The council met on Monday.\n\n\u201cI find the new rule troubling for every family," Mayor Ilse Varga '
        'said in a statement."Our city will oppose it and I will sign the order."'
    )
    spaced = glued.replace('statement."Our', 'statement. "Our')
    [one], [other] = statements(glued), statements(spaced)
    assert one.speaker == other.speaker == "Ilse Varga"
    assert one.text.endswith("sign the order.") and other.text.endswith("sign the order.")
    text = "The mayor said the money would go toward the new sea wall.Of that, half came from the port."
    claim = _only(statements(text), "money")
    assert claim.text == "the money would go toward the new sea wall"
