"""Spans and polarity an editor reads as right (branch stmt15c): a stance verb kept on an object the tagger
read as a verb, a free relative naming a thing kept with its verb, a quoted name given to a pronoun kept
with "called it", an open question raised by "questioned" stored as a question, and a negated belief stored
as the source's position with its negation, never as a refusal to speak. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extraction_support import one_with_text, said


def _only(statements, text: str):
    claims = statements(text)
    assert len(claims) == 1, said(claims)
    return claims[0]


def test_a_stance_keeps_its_verb_on_an_object_the_tagger_read_as_a_verb(statements):
    """ "objections" tagged as a verb: the words were the object alone ("Omani government objections",
    asserted, which reads as if Ruiz objected); they keep the verb and the stance."""
    claim = _only(statements, "Ana Ruiz pushed back on Omani government objections to the ferry plan.")
    assert claim.text.startswith("pushed back on Omani government objections")
    assert claim.polarity == "position"


@pytest.mark.parametrize(
    ("text", "words", "polarity"),
    [
        (
            'Rep. Ana Ruiz derided what she called the "annual parade" as "pure theater."',
            'derided what she called the "annual parade" as "pure theater',
            "position",
        ),
        (
            'Ana Ruiz praised what she called a "bold" plan to reopen the pier.',
            "praised what she called",
            "position",
        ),
        (
            'At a rally on Sunday, Mr. Hale described what he called the "false economy" of the budget.',
            'described what he called the "false economy"',
            "asserted",
        ),
    ],
)
def test_a_free_relative_that_names_a_thing_keeps_the_verb_it_is_the_object_of(
    statements, text, words, polarity
):
    """ "what she called the annual parade as pure theater" without "derided" is no sentence and loses what she
    did; with its verb it reads as the stance or the description it is."""
    claim = _only(statements, text)
    assert claim.text.startswith(words) and claim.polarity == polarity


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'Ana Ruiz called it "a quiet week," and said the crews had earned a rest.',
            'called it "a quiet week',
        ),
        (
            'Tom Hale called them "the best crew on the river" and said they had earned a raise.',
            "called them",
        ),
        # the name parsed as a predicate, "this" its determiner
        ("Sen. Tom Hale (D-Ore.) called this \u201can unusual blockade.\u201d", "called this"),
    ],
)
def test_a_quoted_name_given_to_a_pronoun_keeps_the_naming_verb(statements, text, words):
    """ "a quiet week" alone does not say that it was the name she gave the week: the words start at "called"."""
    claim = one_with_text(statements(text), "called")
    assert claim.text.startswith(words) and claim.direct


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale questioned why the navy was told before the mayor was.",
        "Critics have questioned whether the council could afford the new ferry.",
        "Hale rose in the polls on his questions about whether the mayor could lawfully serve.",
    ],
)
def test_an_open_question_raised_by_questioned_is_a_question(statements, text):
    """ "questioned why ..." and "his questions about whether ..." ask; stored asserted, the words read as a
    claim of the asker's."""
    claim = _only(statements, text)
    assert claim.text.split()[0] in ("why", "whether") and claim.polarity == "question"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale questioned the figures the council gave.",
        "Tom Hale questioned what he called a bargain for the port.",
    ],
)
def test_questioning_a_thing_is_no_question(statements, text):
    """Doubting a thing or a named thing asks nothing: whatever is stored of it is not a question."""
    assert all(c.polarity != "question" for c in statements(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Many deckhands do not expect back pay for the weeks of the strike.",
            "do not expect back pay for the weeks of the strike",
        ),
        (
            "The harbour board did not consider Mr. Lund a serious bidder.",
            "did not consider Mr. Lund a serious bidder",
        ),
        ("Tom Hale does not believe that the toll will pass.", "does not believe that the toll will pass"),
        ("The crews never thought the pier would close.", "never thought the pier would close"),
    ],
)
def test_a_negated_belief_is_a_position_with_its_negation(statements, text, words):
    """ "(refused): to be paid" reads as a refusal to speak, and the words alone as the opposite of what is
    held: a belief negated by its own "not" is the source's position, the negation in the words."""
    claim = _only(statements, text)
    assert (claim.text, claim.polarity) == (words, "position")


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Ana Ruiz did not say how she would vote.", "refused"),
        ("Tom Hale said he does not expect the toll to pass.", "asserted"),
        ("Tom Hale expects the toll to pass.", "position"),
    ],
)
def test_refusals_and_reported_negations_keep_their_polarity(statements, text, polarity):
    """A verb of saying negated is still a refusal; a negated belief inside what somebody said is their
    assertion; a belief with no negation keeps its words."""
    claim = _only(statements, text)
    assert claim.polarity == polarity and not claim.text.startswith(("does", "did"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Ana Ruiz said on Monday that the port needs a new crane as she toured the harbour in Dover.",
            "that the port needs a new crane",
        ),
        (
            "Tom Hale said that the ferries run late as he left the council chamber on Friday.",
            "that the ferries run late",
        ),
    ],
)
def test_the_writers_as_clause_on_what_the_source_was_doing_ends_the_words(statements, text, words):
    """ "as she toured the harbour" is the writer's: the source in the past tense of the cue, beside words in
    the present that a past cue would have shifted. Stored in the words, it reads as part of what she said."""
    assert _only(statements, text).text == words


@pytest.mark.parametrize(
    "text",
    [
        # a state may be the source's own reason
        "Tom Hale said he wants a new pier as he knew the old one was unsafe.",
        # words in the reported past: the "as" clause may be what she said
        "Ana Ruiz said the port needed a new crane as she toured the harbour.",
        # somebody else's doing
        "Tom Hale said the ferries run late as the crews walked out on Friday.",
    ],
)
def test_an_as_clause_that_may_be_the_sources_stays(statements, text):
    assert " as " in _only(statements, text).text


@pytest.mark.parametrize(
    "text",
    [
        "In two years as mayor, Hale has never asked the county for the money.",
        "The harbour police have not accused Tom Hale of any theft.",
        "The councillors did not read the old charter aloud at the session.",
        "Ana Ruiz did not attend the meeting on Monday.",
    ],
)
def test_a_deed_not_done_is_no_statement(statements, text):
    """A negated deed tells what the source did not do; nothing was said or withheld, and "(refused): asked
    the county for the money" reads as a refusal to speak."""
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ana Ruiz did not say how she would vote.", "how she would vote"),
        ("A spokesman for the council did not respond to requests for comment.", "to requests for comment"),
        ("Tom Hale has not mentioned the toll since the debate.", "mentioned the toll"),
        ("Tom Hale did not apologize for his remarks about the crews.", "apologize for his remarks"),
        ("The mayor did not directly answer whether the toll would rise.", "whether the toll would rise"),
    ],
)
def test_words_withheld_stay_refusals(statements, text, words):
    claim = _only(statements, text)
    assert claim.text.startswith(words) and claim.polarity == "refused"


@pytest.mark.parametrize(
    "text",
    [
        'Ruiz posted her own version in reply: "I asked you to come and say sorry to the crews. Stop inventing!"',
        # the quote in the next paragraph, a comma left where a handle opened it
        "Ruiz posted her own version in reply:\n\n\u201c, I asked you to come and say sorry. Stop inventing!\u201d",
    ],
)
def test_the_cues_object_before_a_colon_is_no_part_of_the_quote(statements, text):
    """ "her own version in reply:" names what the quote is; joined to it, the writer's words read as hers."""
    claim = _only(statements, text)
    assert claim.text.lstrip("\u201c, ").startswith("I asked you") and claim.direct


@pytest.mark.parametrize(
    "text",
    [
        "When told about the vote, Hale said he was not surprised.",
        "After being told of the ruling, Hale said he would appeal.",
        '"Is that so," Ana Ruiz said when told the poll results. "Then we will work harder."',
    ],
)
def test_what_the_source_was_told_is_no_statement_of_theirs(statements, text):
    """ "when told the poll results", "Told of the ruling": the subject is told; the words after the participle
    are what they reacted to. Stored as "Hale: told about the vote" they read as his."""
    claims = statements(text)
    assert claims and not [c for c in claims if c.text.startswith("told")], said(claims)


def test_telling_somebody_stays_a_statement(statements):
    assert _only(statements, "Ana Ruiz, who told the council the fees were illegal, resigned.").text == (
        "the fees were illegal"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The anglers' league pushed back on Friday on a story saying it had lost half its members.",
        "The league pushed back against the magazine's account.",
    ],
)
def test_pushing_back_on_a_thing_is_a_stance(statements, text):
    """ "pushed back against the story" rejects it: held as a stance, as "rejected the story" is, not asserted."""
    claim = _only(statements, text)
    assert claim.text.startswith("pushed back") and claim.polarity == "position"


def test_pushing_a_vote_back_is_no_stance(statements):
    assert all(c.polarity != "position" for c in statements("Tom Hale pushed back the vote to March."))
