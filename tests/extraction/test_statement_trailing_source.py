"""A source phrase closing the words (", according to a spokesman for the harbour master") is the
attribution, never part of what was said; on sentences we wrote."""

from claims.extraction.nlp import get_nlp
from claims.extraction.statements.trailing_source import without_trailing_source
from claims.extraction.types import StatementClaim


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_the_reporters_clause_after_a_closing_source_phrase_is_left_out(statements):
    """ "X, according to Y, and Z": Y's words end before the phrase; Z is the reporter's own clause."""
    text = (
        "The ferry cannot leave the port, according to a spokesman for the harbour master, "
        "and the storm will last two days."
    )
    claim = _only(statements(text), "ferry cannot")
    assert claim.text == "The ferry cannot leave the port"
    assert claim.role == "spokesman for the harbour master"
    text = "The boats were sold in 2019, according to court records, and the buyer paid cash."
    assert _only(statements(text), "boats were sold").text == "The boats were sold in 2019"


def test_a_source_phrase_in_the_middle_of_the_words_keeps_them_whole(statements):
    claim = _only(statements("The ferry, according to the harbour master, will not sail on Sunday."), "ferry")
    assert claim.text.rstrip(".").endswith("will not sail on Sunday")


def test_a_closing_source_phrase_is_cut_from_any_words_it_ends():
    doc = get_nlp()(
        "The council disputed a report in the Gazette as a distortion of its record, according to its clerk."
    )
    comma = next(t.i for t in doc if t.lower_ == "according") - 1
    assert without_trailing_source(doc, 2, len(doc), [False] * len(doc)) == comma
    assert doc[2:comma].text.endswith("its record")
    # A phrase followed by more words of the same clause stays.
    doc = get_nlp()("The ferry will, according to Hale, sail on Sunday.")
    assert without_trailing_source(doc, 0, len(doc), [False] * len(doc)) == len(doc)


def test_a_closing_source_phrase_after_a_quoted_phrase_is_cut(statements):
    """Words that borrow a quoted phrase are still reported; the phrase closing them is the attribution."""
    text = 'Hale disputed the audit as an "outrageous distortion" of his record, according to his campaign.'
    claim = _only(statements(text), "distortion")
    assert "according" not in claim.text and claim.text.endswith("his record")


def test_a_source_phrase_inside_a_quotation_is_the_speakers_own(statements):
    claim = _only(statements('"The plan failed, according to our count," Anna Berg said.'), "plan failed")
    assert claim.text == "The plan failed, according to our count" and claim.speaker == "Anna Berg"
