"""Statements the extractor missed for the shape of their attribution (issue 14, branch stmt13a), on sentences
we wrote: a source named after "said" past a description; an attribution closing a sentence the parse gave no
clause; a clause the parse hangs on the cue from the next paragraph; a sign-off line after a quote; a sentence
that only says who spoke before a quote; a participle set off by a dash."""

import pytest

from tests.extraction_support import one_with_text as _by_text
from tests.extraction_support import said as _said


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said retired harbour pilot Tom Hale, asked about the new fares.", "Tom Hale"),
        ("said Harbour Committee ranking member Ana Ruiz (D-Kell).", "Ana Ruiz"),
        ("said Ana Ruiz, a member of the harbour board, told the Gazette last month.", "Ana Ruiz"),
    ],
)
def test_a_source_named_after_said_past_a_description_speaks_the_quote(statements, attribution, speaker):
    """'"...," said retired harbour pilot Tom Hale, asked about ...': after the quote's closing mark the words
    after "said" are who said it, whatever the parse makes of them (an object, the subject of a later verb); the
    question put to him is not his statement, and the attribution is no part of his words."""
    text = (
        "The council voted to double the fares on Monday.\n\n"
        f'"The ferry will never pay for itself, whatever the council charges," {attribution}'
    )
    claims = statements(text)
    claim = _by_text(claims, "never pay for itself")
    assert claim.speaker == speaker and claim.direct, _said(claims)
    assert "said" not in claim.text, _said(claims)
    assert not any("asked about" in c.text for c in claims), _said(claims)


def test_a_clause_after_said_and_a_closing_quote_is_still_what_was_said(statements):
    """'He praised "the charm of the old pier," said the ferry could be sold by June': the noun after "said"
    opens what was said when a verb follows it; it is not the source."""
    text = 'Tom Hale, who praised "the charm of the old pier," said the ferry could be sold by June.'
    claim = _by_text(statements(text), "could be sold by June")
    assert claim.speaker == "Tom Hale", _said([claim])


def test_an_attribution_closing_a_sentence_without_a_clause_takes_the_sentence(statements):
    """ "The promise to ... appeals to older voters who wish for ..., said Ana Ruiz, a historian ...": the parse
    may give "said" the sentence's subject and no clause; the sentence before the comma is what she said."""
    text = (
        "The mayor spoke at the pier on Sunday.\n\n"
        "The promise to \u201cfix the pier\u201d and \u201cbring the ferry home\u201d appeals to older voters who "
        "wish for a return to an era when the ferry was free and the harbour was full, said Ana Ruiz, a historian "
        "at Kell University."
    )
    claim = _by_text(statements(text), "appeals to older voters")
    assert claim.speaker == "Ana Ruiz" and not claim.direct, _said([claim])
    assert claim.text.startswith("The promise"), _said([claim])


def test_a_clause_in_the_cues_own_paragraph_is_what_was_said(statements):
    """A parse that runs on past a paragraph break may hang the next paragraph's clause on the cue too; the
    clause before "Ms. Ruiz said" in its own paragraph is what she said."""
    text = (
        "Ana Ruiz, who runs Tom Hale's campaign, spoke to reporters at the pier.\n\n"
        "Mr. Hale intends to deliver a speech on the ferry at the harbour club this month, Ms. Ruiz said, adding "
        "that he would also hold town meetings to address his ''gender gap.''\n\n"
        "''You'll start to see more depth to the person, the real person,'' Ms. Ruiz continued."
    )
    claim = _by_text(statements(text), "deliver a speech on the ferry")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Ms. Ruiz", _said([claim])
    assert claim.text.startswith("Mr. Hale intends"), _said([claim])


def test_a_sign_off_line_after_a_quote_names_its_speaker(statements):
    """Fact-checks list what was said as a quote paragraph and a line '- Tom Hale.': the quote is his; a line
    that goes on after the name ("- Hale exaggerates ...") is the writer's narration, no sign-off."""
    text = (
        "Here are some claims from the debate.\n\n"
        '"The ferry has never carried more than forty people a day, and it never will."\n\n'
        "- Tom Hale.\n\n"
        "The ferry carried 112 people on an average day last year.\n\n"
        '"The pier was rebuilt twice in ten years and nobody ever asked the town."\n\n'
        "- Hale exaggerates the repairs, which were made once."
    )
    claims = statements(text)
    first = _by_text(claims, "forty people a day")
    assert first.speaker == "Tom Hale" and first.direct, _said(claims)
    assert not any("rebuilt twice" in c.text and c.speaker for c in claims), _said(claims)


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("Ana Ruiz, the spokeswoman for the harbour board, said in a statement.", "Ana Ruiz"),
        ("Kell University's Tom Hale agreed.", "Tom Hale"),
    ],
)
def test_a_sentence_that_only_names_the_speaker_cues_the_quote_after_it(statements, lead, speaker):
    """'Ana Ruiz ... said in a statement. "..."': a sentence whose reporting verb has a subject and no words of
    its own, right before a quote in its paragraph, is that quote's attribution."""
    text = (
        "The crossing was cancelled on Friday.\n\n"
        f"{lead} \u201cThere are no tickets to refund. The crossing was a unique event that cannot be repeated "
        "or moved to another day.\u201d"
    )
    claims = statements(text)
    claim = _by_text(claims, "no tickets to refund")
    assert claim.speaker == speaker and claim.direct, _said(claims)


def test_a_participle_set_off_by_a_dash_is_a_second_statement(statements):
    """'says ... and "there's nothing wrong with that" -- asserting that ...': as after a comma, the participle
    is the same source going on, so its clause is a statement of its own, not the end of the first."""
    text = (
        "Ana Ruiz says rival Tom Hale accepted about $2,000 in indirect donations from the ferry company and "
        '"there is nothing wrong with that" \u2014 asserting that big donations from the harbour industry did not '
        "change his views on the pier."
    )
    claims = statements(text)
    second = _by_text(claims, "big donations")
    assert second.speaker == "Ana Ruiz" and second.text.startswith("that big donations"), _said(claims)
    first = _by_text(claims, "indirect donations")
    assert "asserting" not in first.text, _said(claims)


def test_a_clause_before_a_colon_and_an_opening_quote_mark_is_not_what_was_said(statements):
    """'... is exemplified by this finding: "27 companies reported ..."': the clause before the colon announces
    the quotation; an opening quote mark after the colon does not make it what the quoted cue reports."""
    text = (
        "The ferry's troubles run deep.\n\n"
        "The challenge of transparency is exemplified by this finding: ''27 companies reported 16,389 ferry trips "
        "and 2,836 night trips to the harbour board, while only reporting 2,279 total trips and only 410 night "
        "trips to the council.''\n\n"
        "How is that possible?"
    )
    claims = statements(text)
    assert not any("exemplified" in c.text for c in claims), _said(claims)


def test_a_cue_after_then_takes_the_subject_of_the_long_phrase_before(statements):
    """ "Hale jokingly offered the fisherman a job as ..., then says he will ...": the verb whose phrase ends
    at the comma before "then" has the subject, however long its object."""
    text = (
        "The crowd cheered as the mayor left.\n\n"
        "Hale jokingly offered the fisherman a job as Secretary of the Harbour Board, then says he will welcome "
        "advice from anyone who wants to talk to or yell at him if elected."
    )
    claim = _by_text(statements(text), "welcome advice")
    assert claim.speaker == "Hale", _said([claim])


def test_a_name_opening_the_paragraph_before_an_aside_is_the_source(statements):
    """ "Okonkwo, in the wake of a new poll showing ..., told Harbour News that ...": the parse may hang the name
    on the quote of the line before and leave the cue subjectless; the name opening the paragraph, set off by
    the comma before the aside, is the source."""
    text = (
        'He said it twice. "Elect me and we\'ll finally have a leader who will undo all these terribles."\n'
        "Okonkwo, in the wake of a new poll showing Hale's overall standing with Latinos down to 14 percent, told "
        "Harbour News on Sunday that Hale appreciates the need to do better."
    )
    claim = _by_text(statements(text), "appreciates the need")
    assert claim.speaker == "Okonkwo", _said([claim])


def test_a_reply_shot_back_is_the_quote_cue(statements):
    """'After the governor criticized the plan, Ana Ruiz shot back, "..."': "shot back" answers; the quote is
    hers, not the criticism's."""
    text = (
        'After the governor criticized the ferry plan during a debate, Ana Ruiz shot back, "I suppose I could '
        'have stayed home, but I chose to fix the pier."'
    )
    claim = _by_text(statements(text), "chose to fix the pier")
    assert claim.speaker == "Ana Ruiz" and claim.direct, _said([claim])


def test_a_reporting_verb_read_as_a_noun_after_a_quote_is_its_cue(statements):
    """'"...," the two write.': the tagger may read "write" after a quote as a noun; it is the quote's cue and
    the phrase before it the source."""
    text = (
        '"You seem to have picked a new standard out of thin air to describe the repairs," the two write. '
        '"We do not understand the need for it."'
    )
    claim = _by_text(statements(text), "new standard out of thin air")
    assert claim.direct and claim.speaker_mention is not None and claim.speaker_mention.text == "two", _said(
        [claim]
    )


def test_a_contracted_has_said_is_no_passive(statements):
    """ "While she's said she believes ...": the parse reads "'s said" as a passive, whose subject would be what
    was said; with a person's pronoun and a clause it is "has said", and she is the source."""
    text = (
        "Meanwhile, the mayor's support for the ferry workers is unprecedented. While she's said she believes "
        "the pier should be sold, she has also praised the workers."
    )
    claim = _by_text(statements(text), "the pier should be sold")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "she", _said([claim])


def test_a_place_before_the_chapter_after_said_is_no_speaker(statements):
    """'"...," tweeted the Kell, Mass., chapter of Harbour Watch': the place is not who tweeted."""
    text = (
        "\u201cLet the council know we stand with them for the ferry workers,\u201d tweeted the Kell, Mass., "
        "chapter of Harbour Watch, a leader in the riverside movement."
    )
    claims = statements(text)
    assert not any(c.speaker in ("Kell", "Mass.") for c in claims), _said(claims)


def test_a_clause_before_a_semicolon_is_not_what_the_cue_after_it_reports(statements):
    """ "Hale hasn't tipped his hand on strategy; however, he's maintained that ...": the writer's clause before
    the semicolon is no part of what he maintained."""
    text = (
        "Hale hasn't tipped his hand on strategy; however, he's maintained in interviews that, one way or "
        "another, \u201cthe ferry will be sold.\u201d"
    )
    claims = statements(text)
    claim = _by_text(claims, "the ferry will be sold")
    assert "tipped his hand" not in claim.text and "tipped his hand" not in (claim.words or ""), _said(claims)


def test_an_attribution_after_a_quote_is_not_the_cue_of_the_quote_after_it(statements):
    """'"Stop lying!" Ms. Ruiz wrote. "..."': the sentence after the first quote is its attribution; the second
    quote goes on with it, and the first stays stored."""
    text = (
        "Ruiz fired back with a post of her own. \u201cStop lying!\u201d Ms. Ruiz wrote. \u201cThe pier is not "
        "yours to play with, show some respect.\u201d"
    )
    claims = statements(text)
    assert any("Stop lying" in c.text for c in claims), _said(claims)
