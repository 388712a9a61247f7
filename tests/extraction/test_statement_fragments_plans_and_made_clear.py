"""Strict-read classes of issue 14 (branch stmt15d), on sentences we wrote: a quoted fragment the writer's
own phrase holds after the attribution ("in an attack on "..."") is no continuation of the quote; a plan
joined to a belief or a report ("believe that ... and plan to vote") is the source's plan, not part of the
words; "made this point clear" with nothing said gives no words."""

import pytest

from tests.extraction_support import said


@pytest.mark.parametrize(
    ("text", "words", "left_out"),
    [
        (
            "\u201cThis plan is a reckless giveaway that would drain the harbour fund,\u201d Mr. Hale said in a "
            "speech on Friday, in an attack on \u201cthis new, spendthrift council majority.\u201d",
            "This plan is a reckless giveaway that would drain the harbour fund",
            "spendthrift",
        ),
        (
            "\u201cThe ferry will sail on time,\u201d Ms. Ruiz said, in a swipe at \u201cthe doom merchants on "
            "the board.\u201d",
            "The ferry will sail on time",
            "doom merchants",
        ),
    ],
)
def test_a_fragment_the_writers_phrase_holds_is_no_continuation(statements, text, words, left_out):
    """'"...," Hale said, in an attack on "the new majority."': the second quote is the object of the
    writer's "in an attack on", a phrase the speaker used about his target, not more of what he said; the
    statement is the first quote alone, and no span runs through the writer's words."""
    claims = statements(text)
    assert [c.text for c in claims if c.direct] == [words], said(claims)
    assert not any(left_out in c.text for c in claims), said(claims)


@pytest.mark.parametrize(
    ("text", "both"),
    [
        ("\u201cWe are ready,\u201d Hale said. \u201cThe crews know it.\u201d", ("ready", "crews know")),
        (
            "\u201cMy hope,\u201d he said, \u201cis that the port reopens in May.\u201d",
            ("My hope", "reopens"),
        ),
        (
            "\u201cThe plan is dead,\u201d she said, and \u201cnobody on the board will revive it.\u201d",
            ("is dead", "revive it"),
        ),
        (
            "\u201cWe have done our part,\u201d Ms. Ruiz wrote on Twitter: \u201cNow the council must act.\u201d",
            ("our part", "must act"),
        ),
    ],
)
def test_a_continuation_after_a_stop_comma_colon_or_and_stays_one_statement(statements, text, both):
    """The quote after the attribution's stop, comma, colon or "and" goes on with the speaker's words: one
    statement covers both fragments."""
    claims = [c for c in statements(text) if c.direct]
    assert len(claims) == 1, said(claims)
    assert all(w in claims[0].text for w in both), said(claims)


@pytest.mark.parametrize(
    ("text", "words", "left_out"),
    [
        (
            "Council members believe that the harbour plan is popular and plan to vote on parts of it next month.",
            "that the harbour plan is popular",
            "vote",
        ),
        ("The mayor believes that the toll is fair and plans to keep it.", "that the toll is fair", "keep"),
        ("Leaders said the deal was close and hope to sign it this week.", "the deal was close", "sign"),
    ],
)
def test_a_plan_joined_to_the_reported_clause_is_the_sources_not_the_words(statements, text, words, left_out):
    """ "believe that the plan is popular and plan to vote": a thing cannot plan, and "plan" cannot go with a
    singular "plan is"; the plan is the source's, which is no statement, so the words end before "and"."""
    claims = statements(text)
    assert [c.text for c in claims] == [words], said(claims)
    assert not any(left_out in c.text for c in claims), said(claims)


def test_a_second_verb_a_plural_subject_shares_stays_in_the_words(statements):
    """ "said the new rules protect crews and keep fares low": "rules ... keep" is English, the words run on."""
    claims = statements("Ana Ruiz said the new rules protect crews and keep fares low.")
    assert [c.text for c in claims] == ["the new rules protect crews and keep fares low"], said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Tom Hale made this point abundantly clear at the harbour board meeting.",
        "Tom Hale made his position clear on Tuesday.",
        "Ana Ruiz has made her views known to the board.",
    ],
)
def test_made_clear_with_nothing_said_is_no_statement(statements, text):
    """ "made this point clear", "made his position clear": the point or the position is named elsewhere or
    nowhere; no words of the source are given, so nothing is stored."""
    claims = statements(text)
    assert not [c for c in claims if "clear" in c.text or "known" in c.text], said(claims)
    assert claims == [], said(claims)


def test_made_it_clear_that_keeps_the_clause(statements):
    """ "made it clear that the fee would stay": the clause is what was made clear."""
    claims = statements("Tom Hale made it clear that the fee would stay.")
    assert [c.text for c in claims] == ["that the fee would stay"], said(claims)


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "The port's lawyer sent a memo to board members warning them not to discuss the audit with reporters.",
            None,
            "The port's lawyer",
        ),
        (
            "Jane Doe, the port's lawyer, sent an e-mail to other officials warning them not to discuss the audit.",
            "Jane Doe",
            "Jane Doe, the port's lawyer",
        ),
    ],
)
def test_the_sender_of_a_message_warns_not_its_addressees(statements, text, speaker, mention):
    """ "sent an e-mail to other officials warning them not to ...": the parse hangs the participle on the
    addressees (or takes them for its subject); who warns is the one who sent the message."""
    claims = statements(text)
    assert [(c.speaker, c.speaker_mention.text if c.speaker_mention else None) for c in claims] == [
        (speaker, mention)
    ], said(claims)
    assert claims[0].text.startswith("not to discuss the audit"), said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Jane Doe made clear that the union will not accept cuts.", "that the union will not accept cuts"),
        ("Mayor Ana Ruiz made clear that the ferry would sail.", "that the ferry would sail"),
    ],
)
def test_made_clear_that_without_it_gives_the_clause(statements, text, words):
    """ "made clear that ...", with no "it": the parse hangs "clear" beside the clause or the clause on "clear";
    either way the words are the clause, as after "made it clear that"."""
    claims = statements(text)
    assert [c.text for c in claims] == [words], said(claims)
