"""Statements an editor wants that the parse hid (issue 14, branch stmt15b), on sentences we wrote: a clause the
parse hung on "said" as an adverbial clause past a time phrase; a passage set out as a paragraph of its own after
"The mayor added:"; a title-case headline "Source Verbs What"; a quote whose cue a later quote in another clause of
the sentence took."""

import pytest

from tests.extraction_support import none_with_text as _none_with
from tests.extraction_support import one_with_text as _by_text
from tests.extraction_support import said as _said


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Tom Hale said after the meeting he would not accept the new fares.",
            "he would not accept the new fares",
        ),
        ("Ana Ruiz said before the vote the council had ignored the fishermen.", "the council had ignored"),
    ],
)
def test_a_clause_hung_on_said_past_a_time_phrase_is_what_was_said(statements, sentence, words):
    """ "Hale said after the meeting he would not accept ...": the small parser makes the clause an adverbial one of
    "said" (no "that", no word opening it); it is what was said, and the time phrase before its subject is the
    writer's setting, no part of the words."""
    text = f"The harbour council met on Monday.\n\n{sentence}"
    claims = statements(text)
    claim = _by_text(claims, words)
    assert claim.speaker in ("Tom Hale", "Ana Ruiz") and not claim.direct, _said(claims)
    assert not claim.text.startswith(("after", "before")), _said(claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Hale testified while his lawyer read the letter aloud.",
        "Tom Hale wrote after the meeting because he was angry.",
    ],
)
def test_a_clause_opened_by_its_own_word_is_not_taken_for_the_words(statements, sentence):
    """ "testified while his lawyer read ...", "wrote ... because he was angry": an adverbial clause with its own
    opening word says when or why, never what was said."""
    text = f"The harbour council met on Monday.\n\n{sentence}"
    claims = statements(text)
    assert not [c for c in claims if c.speaker == "Tom Hale"], _said(claims)
    _none_with(claims, "because he was angry")


def test_a_paragraph_after_added_and_a_colon_is_the_speakers_words(statements):
    """ "The mayor added:" closing its paragraph, then a paragraph without quotation marks: a passage set out as
    its own paragraph, the mayor's words (the next paragraph only)."""
    text = (
        "The ferry sank on Monday.\n\n"
        "\u201cThose comments are a disgrace,\u201d Mayor Ana Ruiz said.\n\n"
        "The mayor added:\n\n"
        "It is typical of the council. It knows nothing, but the talk never stops.\n\n"
        "The council did not respond."
    )
    claims = statements(text)
    claim = _by_text(claims, "It is typical of the council")
    assert claim.speaker == "Ana Ruiz" and "talk never stops" in claim.text, _said(claims)
    assert "did not respond" not in claim.text, _said(claims)


@pytest.mark.parametrize(
    "lead",
    [
        "The mayor added that the council had failed:",  # a clause of its own before the colon
        "The mayor added:\n\n\u201cIt is typical of the council,\u201d she said.\n\nThe council then",  # a quote
    ],
)
def test_no_passage_after_a_colon_that_closes_a_clause_or_opens_a_quote(statements, lead):
    """A colon after the verb's own clause introduces no passage of the verb; a quotation after the colon is the
    quote pass's, with its own cue."""
    text = f"The ferry sank on Monday.\n\n{lead}\n\nIt knows nothing about the harbour and never will."
    claims = statements(text)
    _none_with(claims, "It knows nothing about the harbour")


@pytest.mark.parametrize(
    ("headline", "words", "polarity"),
    [
        (
            "Mayor Ana Ruiz Calls Tom Hale \u2018A Disgrace\u2019 Over Ferry Shooting Comments.",
            "A Disgrace",
            "asserted",
        ),
        (
            "Railing Against Ruiz, Hale Vows To Eliminate Tax Breaks Used By Ferry Owners.",
            "Eliminate Tax",
            "asserted",
        ),
        ("Ana Ruiz Denies She Ever Owned The Sunken Ferry In Dover.", "Sunken Ferry", "denied"),
    ],
)
def test_a_title_case_headline_source_verb_what_is_a_statement(statements, headline, words, polarity):
    """ "Mayor Ana Ruiz Calls Tom Hale 'A Disgrace' ...": in title case the parse loses the verb; a name, a
    present-tense reporting verb and the rest of the line are a statement of that name (with its verb for calling,
    telling and vowing; denied for "Denies"), without the closing stop."""
    text = f"{headline}\n\nAna Ruiz and Tom Hale spoke on Monday at the harbour."
    claims = statements(text)
    claim = _by_text(claims, words)
    assert claim.speaker in ("Ana Ruiz", "Tom Hale") and claim.polarity == polarity, _said(claims)
    assert not claim.text.endswith("."), _said(claims)


@pytest.mark.parametrize(
    "headline",
    [
        "Why Ana Ruiz Calls The Harbour Plan A Disgrace.",  # about what was said
        "The harbour master calls the new plan a disgrace for the town.",  # sentence case: the parse reads it
        "How To Tell The Ferry Owners The Fares Are Too High.",
    ],
)
def test_no_title_case_headline_statement_without_a_name_before_the_verb(statements, headline):
    """Only a capitalised name of at most five words before the verb: "Why", "How", "To" open no source."""
    text = f"{headline}\n\nThe council met on Monday at the harbour."
    claims = statements(text)
    assert not any(
        c.cue is not None
        and c.cue.start < len(headline)
        and c.speaker == "Ana Ruiz"
        and c.text.startswith("Calls")
        for c in claims
    ), _said(claims)
    assert not any(c.cue is not None and c.cue.text == "Tell" for c in claims), _said(claims)


def test_a_quote_keeps_its_cue_when_a_later_quote_is_in_another_clause(statements):
    """'"Are you cold?" she said, but Tom was asleep again, and as the captain went on about "how the tides are
    shifting," ...': the later quote hangs on "said" only through the captain's clause; "she said" is the first
    quote's cue, and the captain's phrase is not her words."""
    text = (
        "Ana Ruiz sat by the window of the ferry.\n\n"
        '"Are you cold?" she said, but Tom was asleep again, and as the captain went on about "how the tides are '
        'shifting," and "our brave crews," she nodded.'
    )
    claims = statements(text)
    claim = _by_text(claims, "Are you cold?")
    assert claim.direct and claim.polarity == "question", _said(claims)
    _none_with(claims, "how the tides are shifting")


def test_a_quote_split_by_its_attribution_stays_one_statement(statements):
    """'"We will," Hale said as he left the room, "fight on until the end."': the second half hangs on "said"
    itself, no clause with another subject between; one statement."""
    text = (
        'The ferry sank on Monday.\n\n"We will," Tom Hale said as he left the room, "fight on until the end."'
    )
    claims = statements(text)
    claim = _by_text(claims, "fight on until the end")
    assert claim.speaker == "Tom Hale" and "We will" in claim.text, _said(claims)


def test_the_writers_summary_after_a_cues_phrase_is_not_what_was_said(statements):
    """ "The council pointed to the ferry strike as an example of ..., a key factor in the vote": the parse takes the
    writer's summary after the comma for the verb's object; what the council pointed to is the phrase before it."""
    text = (
        "The ferry sank on Monday.\n\n"
        "The harbour council pointed to the ferry strike as an example of rising anger against the port, a key "
        "factor in the vote."
    )
    claims = statements(text)
    claim = _by_text(claims, "the ferry strike as an example of rising anger")
    assert "key factor" not in claim.text, _said(claims)
    _none_with(claims, "a key factor in the vote")


def test_a_source_named_after_said_as_its_object_speaks_the_clause_before(statements):
    """ "He had a say in the port's deals, said a former spokesman for the authority, Tom Hale, who ...": after a
    comma, "said" with the clause before it and no subject of its own is followed by who said it, which the parse
    takes for its object; the name in apposition is the source, the description his role."""
    text = (
        "The ferry sank on Monday.\n\n"
        "He also had a voice in decisions about major investments in the harbour, said a former spokesman for the "
        "port authority, Tom Hale, who worked with him."
    )
    claims = statements(text)
    claim = _by_text(claims, "had a voice in decisions")
    assert claim.speaker == "Tom Hale" and "spokesman" in (claim.role or ""), _said(claims)
    assert "said" not in claim.text, _said(claims)


def test_a_quote_in_the_sources_own_next_clause_keeps_the_cue(statements):
    """'Hale said, through an interpreter, that the pier was unsafe, and he had full access to the pier that "was
    like an open door on the harbour."': the clause after "and" is still Hale's (its subject a pronoun), and so is
    the quote in it."""
    text = (
        "The ferry sank on Monday.\n\n"
        "Tom Hale said, through an interpreter, that the pier was unsafe, and he had full access to the pier that "
        "\u201cwas like an open door on the harbour, as many such piers are.\u201d"
    )
    claims = statements(text)
    assert any(c.speaker == "Tom Hale" and "open door" in c.text for c in claims), _said(claims)


def test_a_cue_the_parse_made_an_adverbial_clause_of_its_words_reports_them(statements):
    """ "While he acknowledged the fares were a major reason for the losses, Hale also noted ...": the parse makes
    "were" the head of "acknowledged"; the clause after the cue is what he acknowledged."""
    text = (
        "Tom Hale, the harbour master, spoke on Monday.\n\n"
        "While he acknowledged the fares were a major reason the ferry lost money, Hale also noted several "
        "other factors."
    )
    claims = statements(text)
    claim = _by_text(claims, "the fares were a major reason")
    assert claim.speaker == "Tom Hale" and not claim.text.startswith("While"), _said(claims)


def test_a_cue_with_no_words_after_it_in_an_adverbial_clause_reports_nothing(statements):
    """ "While he explained, the crowd grew restless": nothing he said is given."""
    text = "Tom Hale spoke on Monday.\n\nWhile he explained, the crowd grew restless."
    claims = statements(text)
    _none_with(claims, "the crowd grew restless")
