"""Where reported words end (issue 14, branch stmt14b), on sentences we wrote: the writer's account of the
source's other words kept out of the span (a second reporting verb that a thing cannot be the subject of, a
reporting participle set off wherever the parse hangs it), and a predicate the parse split off the words."""

from __future__ import annotations

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str, str]]:
    return [(c.speaker, c.text, c.polarity) for c in claims]


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, _said(claims)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Mr. Hale said the inquiry did not turn up anything, and has denied taking money from the developers.",
            "the inquiry did not turn up anything",
        ),
        (
            "Ana Ruiz said the ferry schedule had been changed by mistake and dismissed the complaints as a fuss.",
            "the ferry schedule had been changed by mistake",
        ),
    ],
)
def test_a_reporting_verb_a_thing_cannot_be_the_subject_of_ends_the_words(statements, text, words):
    """ "said the inquiry did not turn up anything, and has denied ...": an inquiry denies nothing, so the second
    verb is the source's, told by the writer, and no part of the first statement's words."""
    claims = statements(text)
    claim = _only(claims, words)
    assert claim.text == words, _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Mayor Ana Ruiz argues that the fights over the budget hurt the city's credit, and as part of talks over"
            " the harbor plan has called for a new tax on ferry tickets.",
            "that the fights over the budget hurt the city's credit",
        ),
        (  # the parse takes "fights" for a verb: the two verbs' forms still disagree
            "Mayor Ana Ruiz argues that fights over the budget merely shake the city's credit, and as part of talks"
            " over the harbor plan has called for a new tax on ferry tickets.",
            "that fights over the budget merely shake the city's credit",
        ),
    ],
)
def test_a_verb_that_cannot_agree_with_the_reported_subject_is_the_sources(statements, text, words):
    """ "argues that the fights over the budget hurt ..., and ... has called for a new tax": "fights has called"
    is no English, so "has called" is the mayor's act, told by the writer, not part of what the mayor argues."""
    claims = statements(text)
    claim = _only(claims, "fights over the budget")
    assert claim.text == words and claim.speaker == "Ana Ruiz", _said(claims)
    later = _only(claims, "new tax")
    assert later.text == "called for a new tax on ferry tickets" and later.speaker == "Ana Ruiz", _said(
        claims
    )


def test_a_statistic_set_off_after_the_words_is_the_writers_summary(statements):
    """ "said the mayor likely won among renters -- a statistic that has a few caveats": the writer's reading."""
    claims = statements(
        "Ana Ruiz said that the mayor likely won among renters in the harbor district -- a statistic that has a"
        " few caveats."
    )
    claim = _only(claims, "likely won")
    assert claim.text == "that the mayor likely won among renters in the harbor district", _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (  # a company speaks
            "Tom Hale said the company denied the charge and vowed to appeal.",
            "the company denied the charge and vowed to appeal",
        ),
        (  # people speak
            "Tom Hale said residents complained about the noise and asked for a new road.",
            "residents complained about the noise and asked for a new road",
        ),
    ],
)
def test_a_second_verb_whose_subject_can_speak_stays_in_the_words(statements, text, words):
    """ "said the company denied the charge and vowed to appeal": the company may well have vowed it; what
    Hale said runs on to the end."""
    claims = statements(text)
    claim = _only(claims, words)
    assert claim.text == words and claim.speaker == "Tom Hale", _said(claims)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Tom Hale said Friday that he will sign the harbor bill, ending the dispute over the pier -- despite a"
            " week earlier saying he would never sign it.",
            "that he will sign the harbor bill, ending the dispute over the pier",
            "he would never sign it",
        ),
        (
            "Ana Ruiz said the port had lost money, before later insisting that it had broken even.",
            "the port had lost money",
            "that it had broken even",
        ),
    ],
)
def test_a_reporting_participle_after_an_opener_is_the_sources_next_statement(
    statements, text, first, second
):
    """ "said he will sign it -- despite a week earlier saying he would never sign it": the participle set off
    by a dash and "despite" is the writer's account of other words of the same source: the first statement
    ends before it, the second is the source's own."""
    claims = statements(text)
    assert _only(claims, first).text == first, _said(claims)
    later = _only(claims, second)
    assert later.text == second and later.speaker == _only(claims, first).speaker, _said(claims)


def test_a_participle_in_a_relative_clause_stays_in_the_words(statements):
    """ "the builder who quit after saying he was unpaid": the builder's saying is part of what Hale said."""
    claims = statements("Tom Hale said the builder who quit the job after saying he was unpaid had lied.")
    claim = _only(claims, "the builder")
    assert claim.text.endswith("had lied") and claim.speaker == "Tom Hale", _said(claims)


def test_a_predicate_the_parse_split_off_runs_on_to_the_words(statements):
    """ "told her questioners that accusations that she had misled the board ... were false": the parse may take
    "accusations" for a verb and hang "were false" on the cue; without it the words lose what they assert."""
    claims = statements(
        "As she appeared before the committee, Ana Ruiz sternly told her questioners that accusations that she"
        " had misled the board in previous testimony were false."
    )
    claim = _only(claims, "accusations")
    assert claim.text.endswith("in previous testimony were false"), _said(claims)
    assert claim.speaker == "Ana Ruiz", _said(claims)


def test_the_but_half_a_not_calls_for_stays_in_the_words(statements):
    """ "took her sharpest shot not at the council's opponents, but at those on the port board": cut before
    ", but", the words say the opposite of what she did; the "but" phrase is their other half."""
    claims = statements(
        "But in pressing for the harbor bill, Mayor Ana Ruiz took her sharpest shot not at the council's"
        " opponents of the plan, but at those on the port board."
    )
    claim = _only(claims, "sharpest shot")
    assert claim.text.endswith("not at the council's opponents of the plan, but at those on the port board")


def test_a_clause_after_but_is_not_the_other_half(statements):
    """ "said the ferry would not run on Sunday, but the bus company said ...": a clause with its own verb is
    the writer's next sentence part, not the other half of the "not"."""
    claims = statements(
        "Tom Hale said the ferry would not run on Sunday, but the bus company said it would add a route."
    )
    assert _only(claims, "ferry").text == "the ferry would not run on Sunday", _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the concession tells of the source's own telling
        (
            "The harbour board said that the toll applied to two ferry lines, although it did not specify which.",
            "that the toll applied to two ferry lines",
        ),
        # the concession corrects the record
        (
            'The mayor has vowed to "open up" the port\'s toll rules, even though those rules are in fact state, '
            "not city, rules.",
            'to "open up" the port\'s toll rules',
        ),
    ],
)
def test_the_writers_closing_concession_is_no_part_of_the_words(statements, text, words):
    """A closing "though"/"although" clause that reports on what the source named or specified, or that sets
    the record straight ("in fact"), is the writer's note on the words, not the source's."""
    [claim] = statements(text)
    assert claim.text == words


def test_a_concession_of_the_sources_own_stays(statements):
    """ "said the ferry would sail on Monday, although the weather could delay it": nothing marks the
    concession as the writer's, so it stays in the words."""
    [claim] = statements("Ann Lee said the ferry would sail on Monday, although the weather could delay it.")
    assert claim.text == "the ferry would sail on Monday, although the weather could delay it"
