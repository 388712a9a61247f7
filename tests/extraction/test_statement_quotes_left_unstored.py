"""Quoted words the extractor used to leave unstored (stmt16c, on sentences we wrote).

Three classes of a speaker's quote that no statement covered:
- a quote after an attribution that ends on an abbreviation keeping the sentence's stop ('..., she said in
  Salem, Ore. "..."', 'said Rep. Tom Hale, D-N.Y. "..."'): the quote was not read as opening a sentence, so it
  neither continued the quote before it nor stood on its own;
- a quote whose attribution the quote pass did not reach (a long description of the source, a parse that hangs
  the name on the quote) while the clause pass read that verb with the wrong words (the quote's last sentence
  alone, or the quote with the source's name glued on): the quote takes the attribution;
- a quote with no attribution of its own right after a named person's reported words ('Hale said the pier was
  unsafe.\\n\\n"..."'): it goes on in that person's voice.
"""

import pytest

from claims.extraction.statements import _attributed_after, _quote_after_report
from claims.extraction.statements.reported import Found
from tests.extraction_support import none_with_text, one_with_text, said

INTRO = "The council will vote on the harbour plan next week.\n\n"


@pytest.mark.parametrize("gap", [" ", ""])
def test_a_quote_after_an_attribution_ending_on_a_state_abbreviation_continues_the_quote(statements, gap):
    claims = statements(
        INTRO + '"The pumps are too old to trust," Mayor Dora Kell said during a visit to the port in Salem, '
        f'Ore.{gap}"We need new ones before the winter storms arrive."'
    )
    claim = one_with_text(claims, "pumps are too old")
    assert claim.speaker == "Dora Kell" and claim.direct
    assert (
        claim.words == "The pumps are too old to trust ... We need new ones before the winter storms arrive."
    )


def test_the_same_after_a_party_tag_with_stops(statements):
    claims = statements(
        INTRO + '"I do not think the budget is a fraud. I think it is a fair start," said Rep. Tom Hale, '
        'D-N.Y."But you cannot read it once and then forget it for a year."'
    )
    claim = one_with_text(claims, "fair start")
    assert claim.speaker == "Tom Hale" and claim.direct
    assert "forget it for a year" in claim.words


def test_an_abbreviation_inside_the_sentence_is_no_sentence_end(statements):
    """A quoted phrase after "U.S." in mid-sentence is still a scare quote: it opens no sentence."""
    claims = statements(INTRO + 'The U.S. "harbour first" plan was dropped by the council on Monday.')
    none_with_text(claims, "harbour first")


def _parse(nlp, text: str):
    doc = nlp(text)
    return doc, [t.i for t in doc if t.text in ('"', "\u201c", "\u201d")]


def test_a_quote_takes_the_attribution_the_clause_pass_read_with_the_name_glued_on(nlp):
    """The clause pass's candidate when the parse hangs the source on the quote: the quote with the name."""
    doc, marks = _parse(
        nlp,
        '"I believe the mayor will follow through," independent councilman Tom Hale of Westport, who votes '
        "with the Greens, told reporters on Monday.",
    )
    quote = Found((marks[0] + 1, marks[1] - 1), (-1, -1), -1, None, direct=True)
    told = next(t for t in doc if t.text == "told")
    hale = next(t for t in doc if t.text == "Hale")
    glued = Found((marks[0] + 1, told.i - 1), (told.i, told.i + 1), told.i, hale)
    assert _attributed_after(doc, quote, glued)


def test_a_quote_takes_the_attribution_the_clause_pass_read_with_its_last_sentence_only(nlp):
    doc, marks = _parse(
        nlp,
        '"The port is safe. There is no emergency," Harbour Commissioner Ana Ruiz, who has sued the council '
        "twice, said in a statement.",
    )
    quote = Found((marks[0] + 1, marks[1] - 1), (-1, -1), -1, None, direct=True)
    said_ = next(t for t in doc if t.text == "said")
    there = next(t for t in doc if t.text == "There")
    last = Found((there.i, marks[1] - 1), (said_.i, said_.i + 1), said_.i, None)
    assert _attributed_after(doc, quote, last)


def test_no_attribution_taken_where_the_writers_words_run_on_past_the_quote(nlp):
    """'"You starved the pumps" to pay for the marina, she said': the clause is the writer's, the quote a piece."""
    doc, marks = _parse(
        nlp, '"You starved the pumps of money" to pay for the new marina, she said, pointing at him.'
    )
    quote = Found((marks[0] + 1, marks[1]), (-1, -1), -1, None, direct=True)
    said_ = next(t for t in doc if t.text == "said")
    she = next(t for t in doc if t.text == "she")
    clause = Found((marks[0] + 1, she.i - 1), (said_.i, said_.i + 1), said_.i, she)
    assert not _attributed_after(doc, quote, clause)


def test_no_attribution_taken_from_the_next_sentence(nlp):
    doc, marks = _parse(nlp, '"The pumps are old and the crews are tired." Kell said the council would pay.')
    quote = Found((marks[0] + 1, marks[1] - 1), (-1, -1), -1, None, direct=True)
    said_ = next(t for t in doc if t.text == "said")
    clause = Found((said_.i + 1, len(doc) - 1), (said_.i, said_.i + 1), said_.i, doc[said_.i - 1])
    assert not _attributed_after(doc, quote, clause)


@pytest.mark.parametrize("gap", ["\n\n", ""])
def test_a_quote_after_a_named_persons_reported_words_is_theirs(statements, gap):
    claims = statements(
        INTRO + "Mayor Dora Kell said the pumps on the quay were too old to trust."
        f'{gap}"We need new ones before the winter storms arrive. Nobody on the council disputes that."'
    )
    claim = one_with_text(claims, "We need new ones")
    assert claim.speaker == "Dora Kell" and claim.direct and claim.polarity == "asserted", said(claims)
    assert "too old to trust" not in claim.text


def test_the_same_after_says_with_the_quote_glued_on(statements):
    claims = statements(
        INTRO + "Dora Kell says she sees a bigger problem with the budget."
        '"There is simply no money left for the sea wall, and everyone at the port knows it."'
    )
    claim = one_with_text(claims, "no money left")
    assert claim.speaker == "Dora Kell" and claim.direct


def test_not_after_a_pronoun_whose_person_is_not_yet_known(statements):
    """'In response to Hale's charge that ..., she said ...': the pronoun may be resolved to the other person
    named in its sentence, and the quote would carry that error."""
    claims = statements(
        INTRO
        + "Dora Kell chairs the harbour board.\n\nIn response to Tom Hale's charge that she wasted the budget, "
        'she said the pumps had been bought at a fair price. "I really believe the crews did a fine job in the storm."'
    )
    none_with_text(claims, "fine job in the storm")


@pytest.mark.parametrize(
    "report",
    [
        "Critics say the plan is a giveaway to the developers on the quay.",  # a group, no named person
        "Mayor Dora Kell denied that the pumps had failed.",  # a denial: the quote may be anyone's answer
        # the report's sentence goes on with narration
        "Mayor Dora Kell said the pumps were too old, and the crowd on the quay cheered loudly.",
    ],
)
def test_no_quote_taken_for_a_report_that_is_not_a_named_persons_last_words(statements, report):
    claims = statements(
        INTRO + report + '\n\n"This is the best deal the town has been offered in twenty years."'
    )
    none_with_text(claims, "best deal the town")


def test_a_question_put_is_not_the_report_a_quote_goes_on_from(nlp):
    doc = nlp(
        'Tom Hale asked whether the pumps had failed.\n\n"The sea wall held where it broke last winter."'
    )
    asked = next(t for t in doc if t.text == "asked")
    hale = next(t for t in doc if t.text == "Hale")
    open_i = next(t.i for t in doc if t.text == '"')
    report = Found((asked.i + 1, asked.i + 7), (asked.i, asked.i + 1), asked.i, hale)
    quote = Found((open_i + 1, len(doc) - 1), (-1, -1), -1, None, direct=True)
    assert not _quote_after_report(doc, report, quote)


def test_a_quoted_question_its_asker_is_named_after_is_stored_as_a_question(statements):
    """'"...?" Tom Hale, R-Ore., asked on Tuesday': the tagger reads "asked" as a bare participle (as in "Hale,
    asked about the toll, said"), but the named source asks the question; it was put to nobody."""
    claims = statements(
        INTRO
        + "\u201cIf the pumps fail, could any crew in the county hold the quay for a week?\u201d Council "
        "Leader Tom Hale, R-Ore., asked on Tuesday.\u201cIf they reject the pumps, do they want the town to flood?\u201d"
    )
    claim = one_with_text(claims, "hold the quay")
    assert claim.speaker == "Tom Hale" and claim.direct and claim.polarity == "question"
    assert "want the town to flood" in claim.words


def test_a_quoted_question_put_to_the_source_stays_out(statements):
    claims = statements(
        INTRO + "\u201cIs the pier safe for the crews in the winter?\u201d Tom Hale was asked on Tuesday."
    )
    none_with_text(claims, "pier safe")


def test_a_quote_run_past_a_long_attribution_is_quoted_words(statements):
    """The run's span holds the attribution between its passages, longer than the quoted words; it is still a
    direct quote (its words are the two passages)."""
    claims = statements(
        INTRO
        + '"They are wrong," Michael Tarr, a spokesman for the harbour workers union, said in an interview '
        'on Sunday in Salem, Ore. "The vote is going ahead."'
    )
    claim = one_with_text(claims, "They are wrong")
    assert claim.direct and claim.speaker == "Michael Tarr"
    assert claim.words == "They are wrong ... The vote is going ahead."


def test_a_heading_in_capitals_after_a_report_is_nobodys_words(statements):
    claims = statements(
        INTRO + "Mayor Dora Kell said the pumps on the quay were too old to trust.\n\n"
        "\u201cA NEW DEAL FOR THE HARBOUR\u201d\n\nThe council meets on Friday."
    )
    none_with_text(claims, "NEW DEAL")


def test_a_quoted_name_before_a_participle_is_no_quote_run(statements):
    """'a "Harbour Open Day" planned for Friday': one quoted name and the writer's words, nobody's statement."""
    claims = statements(
        INTRO
        + "Residents are also signing up to take part in a \u201cHarbour Open Day\u201d planned for Friday "
        "at the old fish market on the quay."
    )
    assert not [c for c in claims if c.direct and "Open Day" in c.text], said(claims)
