"""Statements with no source, and documents as sources: narration the writer owns is not stored as anybody's
statement, and a document's maker, where the sentence names it, is the source's words."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The harbour was closed after it was revealed that the ferry had a leak.",
        'He is famous for building a "Tent City" near the port.',
        "An examination of his remarks shows that he has repeated the claim many times.",
        "A review of the harbour records found that the toll was raised twice.",
        "According to records, the port lost money for three years.",
        "According to public records, the port lost money for three years.",
    ],
)
def test_narration_with_no_source_is_not_a_statement(statements, text):
    """No source words at all, records nobody made, an inquiry nobody made: the writer's, not a statement."""
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It was reported that the mayor would resign.", "was reported"),
        ("Some residents were told that the ferry would sail on Monday.", "were told"),
        ("There were claims that the mayor would sell the ferry.", "claims"),
    ],
)
def test_a_passive_reporting_verb_keeps_its_unnamed_source(statements, text, cue):
    """ "it was reported that", "there were claims that": somebody unnamed said it, which is a statement an
    editor can weigh."""
    [claim] = statements(text)
    assert claim.speaker is None and claim.cue is not None and claim.cue.text == cue


def test_a_maker_named_for_records_or_an_inquiry_keeps_the_statement(statements):
    """ "an analysis by the Harbour Institute", "court records": somebody stands behind them."""
    [claim] = statements("An analysis by the Harbour Institute found that the toll was raised twice.")
    assert claim.speaker == "Harbour Institute"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "the Harbour Institute"
    assert len(statements("According to court records, the port lost money for three years.")) == 1
    # "That review": the one the article told of before, with its maker there
    told = statements(
        "The harbour board ordered a review of the tolls. That review found that the tolls were too high."
    )
    assert any("tolls were too high" in c.text for c in told)


def test_a_documents_maker_is_the_source_words(statements):
    """ "The letter released by the faculty at Northfield College said": the faculty speak, not the letter."""
    [claim] = statements(
        "The letter released by the faculty at Northfield College said the dean should resign."
    )
    assert claim.speaker_mention is not None
    assert claim.speaker_mention.text == "the faculty at Northfield College"
    assert claim.text == "the dean should resign"
