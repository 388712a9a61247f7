"""Statements the parse used to lose, found by their wording, on sentences we wrote (issue 14, branch stmt10c):
an "as" aside names whose words the clause around it holds ("As Tom Hale noted, ..."), and a request for
comment left unanswered is the source's refusal, like "declined to comment"."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str, str]]:
    return [(c.speaker, c.text, c.polarity) for c in claims]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "As Tom Hale observed, the ferry has lost money for three years running.",
            "the ferry has lost money",
        ),
        (
            "Yet, as Tom Hale noted on Monday, the pier was insured by a Dutch firm.",
            "the pier was insured by a Dutch firm",
        ),
        (
            "The main fee is a charge on cargo, as Tom Hale put it in a letter.",
            "The main fee is a charge on cargo",
        ),
        (
            'As Tom Hale, a tax lawyer at the Harbour Institute, recently put it, "the port is the city\'s lifeline."',
            "the port is the city's lifeline",
        ),
        (
            "The old pier, as Tom Hale pointed out, rarely floods in the spring.",
            "The old pier, as Tom Hale pointed out, rarely floods in the spring",
        ),
        (
            "The harbour board was slow to act, and, as Tom Hale notes, the dock is half empty.",
            "the dock is half empty",
        ),
    ],
)
def test_an_as_aside_names_the_source_of_its_clause(statements, text, said):
    """ "As Hale noted, ...", "..., as Hale put it.": the aside's verb governs no words of its own (the parse
    reads "as" as a preposition and hangs the next noun on the verb, or nothing), so the words said are the
    clause it opens, closes or interrupts (after "and," only the conjunct that follows), and the source is
    the one between "as" and the verb."""
    claims = statements(text)
    found = [c for c in claims if said in c.text]
    assert found, _said(claims)
    assert found[0].speaker == "Tom Hale", _said(claims)
    assert found[0].polarity == "asserted" and not found[0].text.endswith("."), _said(claims)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # a passive that names no source (stmt16b: "As reported by the Gazette, ..." names the Gazette, see
        # test_statement_recall_frames.py)
        ("As reported earlier, the pier will close in May.", "the pier will close"),
        ("As Tom Hale was saying goodbye, the crowd cheered.", "the crowd cheered"),  # the time of saying
        ("As we noted last week, the port has lost money.", "the port has lost money"),  # the writer
        ("As Tom Hale put the plan to the board, the crowd cheered.", "the crowd cheered"),  # no "put it"
        ("As hearings on the pier concluded on Thursday, the board appeared likely to vote.", "the board"),
        ('Judges do not, as Tom Hale once said, only call "balls and strikes."', "Judges do not"),
        ("The ferry is late again, as Tom Hale observed it would be.", "The ferry is late"),  # its own clause
    ],
)
def test_what_is_no_as_aside(statements, text, clause):
    """ "As reported earlier", "as Hale was saying", "as we noted", "as the hearings concluded", "as Hale said it
    would be": a passive that names no source, a time, the writer, a verb of no speech or an aside with words of
    its own is no attribution of the clause around it, which is stored as nobody's statement."""
    claims = statements(text)
    assert not any(clause in c.text for c in claims), _said(claims)


def test_as_expected_is_no_statement(statements):
    """ "As expected, ...": nobody is named as expecting it; nothing is stored."""
    assert statements("As expected, the council voted to close the pier.") == []


def test_an_aside_of_time_keeps_the_sentence_reporting_verb(statements):
    """An "as" clause with an object ("as she said goodbye") is a time, not a source: the sentence's own
    reporting verb still reports its clause."""
    claims = statements("As she said goodbye, Ana Ruiz told the crew that the ferry would run again.")
    assert [(c.speaker, c.text) for c in claims] == [("Ana Ruiz", "that the ferry would run again")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ana Ruiz did not immediately respond to requests for comment.", "Ana Ruiz"),
        ("Tom Hale did not respond to an email seeking comment on Tuesday.", "Tom Hale"),
        ("Tom Hale didn't return calls on Friday.", "Tom Hale"),
        ("A spokesman for the harbour board did not immediately return messages seeking comment.", None),
    ],
)
def test_a_request_for_comment_left_unanswered_is_a_refusal(statements, text, speaker):
    """ "did not respond to requests for comment", "did not return calls": the source withheld its words, as
    with "declined to comment": stored with polarity "refused", never as an assertion."""
    claims = statements(text)
    assert len(claims) == 1, _said(claims)
    assert claims[0].polarity == "refused" and claims[0].speaker == speaker, _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale did not return to the harbour after the storm.",
        "The council did not respond to the protests.",
        "Tom Hale did not return the boat to the harbour.",
        "Tom Hale responded to requests for comment with a long letter.",
    ],
)
def test_no_request_for_comment_no_refusal(statements, text):
    """Not returning to a place, not answering protests or an agency's letters, or answering the request:
    no refusal to comment is stored."""
    assert not any(c.polarity == "refused" for c in statements(text)), _said(statements(text))


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            'The Harbour Board said it was "firmly opposed" to the fee and warned the city to drop it.',
            'it was "firmly opposed" to the fee',
            "to drop it",
        ),
        (
            "Tom Hale said he would order a review of the pier and warned against potential vandals.",
            "he would order a review of the pier",
            "warned against potential vandals",
        ),
        (
            "Tom Hale said he never doubted the mayor and repeatedly said he believes she is honest.",
            "he never doubted the mayor",
            "he believes she is honest",
        ),
    ],
)
def test_a_second_reporting_verb_is_a_second_statement(statements, text, first, second):
    """ "X said it was opposed ... and warned ...": the parse joins "warned" to the reported clause's verb, so
    the first span ran on into the second statement and the second was dropped as nested; with the clause's
    subject a pronoun for the source, the second verb is the source speaking again."""
    claims = statements(text)
    assert [c.text for c in claims] == [first, second], _said(claims)
    assert claims[0].speaker == claims[1].speaker and claims[0].speaker is not None, _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe says Ana Ruiz promised to support the fee and said she would fight the attacks.",
        "The audit found that the board knew of the leak when the mayor called and asked it to wait.",
    ],
)
def test_a_second_verb_of_somebody_else_stays_inside(statements, text):
    """A named subject of the reported clause ("Ana Ruiz promised ... and said") may be who speaks the second
    time, and a verb nested deeper in the clause is somebody else's doing: the source is not given them."""
    claims = statements(text)
    assert not any(
        c.speaker in ("Jane Doe", "audit") and c.text.startswith(("she would", "it to wait")) for c in claims
    )
    assert len([c for c in claims if c.speaker == "Jane Doe"]) <= 1, _said(claims)
