"""Direct quotes found (issue 14, branch stmt12e), on sentences we wrote: a quote after "as X put it," is X's
quote; a short quotation nested in another with the same marks does not end it; a long source named right
after a quote reaches the quote's cue."""

import pytest

from tests.extraction_support import one_with_text as _by_text
from tests.extraction_support import said as _said


@pytest.mark.parametrize(
    ("quote", "polarity"),
    [
        ('"Who will pay for a ferry that nobody can afford?"', "question"),
        ('"Nobody will pay for a ferry that nobody can afford."', "asserted"),
    ],
)
def test_a_quote_after_an_as_aside_is_the_source_quote(statements, quote, polarity):
    """ "As Tom Hale, a transport economist, recently put it, "...": the quote is Hale's own words, stored as
    a quote (a question too, marked as one)."""
    text = (
        "The price of the ferry has doubled. As Tom Hale, a transport economist at the university, recently "
        f"put it, {quote}"
    )
    claim = _by_text(statements(text), "a ferry that nobody can afford")
    assert claim.speaker == "Tom Hale", _said([claim])
    assert claim.direct
    assert claim.polarity == polarity


def test_an_as_aside_before_a_clause_stays_reported(statements):
    """The aside before an unquoted clause keeps the clause as reported words."""
    text = "The price of the ferry has doubled. As Tom Hale put it, the ferry is a luxury nobody can afford."
    claim = _by_text(statements(text), "the ferry is a luxury")
    assert claim.speaker == "Tom Hale" and not claim.direct, _said([claim])


@pytest.mark.parametrize(
    "text",
    [
        "\u201cAs a ferry rider, I\u2019d rather swim across the bay than pay what they call a \u201cfair fare\u201d "
        "for a seat on that boat.\u201d \u2015 Ana Ruiz\n"
        "\u201cThe pier is safe and the ferry will sail on time every morning.\u201d \u2015 Tom Hale",
        "\u201cWe will not sign what the council calls a \u201cfair deal\u201d until the pier is repaired,\u201d "
        "Ana Ruiz said on Monday.",
        '"We will not sign what the council calls a "fair deal" until the pier is repaired," Ana Ruiz said.',
    ],
)
def test_a_short_quotation_nested_with_the_same_marks_stays_in_its_quote(statements, text):
    """A writer who nests a short quotation with the same double marks ('what they call a "fair fare" for')
    does not end the outer quote there: the whole quote is the speaker's, and stored as a quote."""
    claim = _by_text(
        statements(text), "until the pier" if "until the pier" in text else "swim across the bay"
    )
    assert claim.speaker == "Ana Ruiz", _said([claim])
    assert claim.direct
    assert claim.text.endswith("repaired") or claim.text.endswith("boat.")


def test_two_quotes_in_a_sentence_are_not_nested(statements):
    """Two quotations in a row ('called it "a deal" and said "nobody will pay" for it') stay two."""
    text = (
        'Ana Ruiz, the mayor, called the plan "a fair deal for riders" on Monday and said "nobody will pay more '
        'than ten dollars" for a seat.'
    )
    claims = statements(text)
    assert not any("a fair deal for riders" in c.text and "nobody will pay" in c.text for c in claims), _said(
        claims
    )


@pytest.mark.parametrize(
    "source",
    [
        "the mayor's sister, council member Ana Ruiz (D-Harbour),",
        'Hale\'s niece, state Del. Ana "Annie" Ruiz (D-Harbour),',
    ],
)
def test_a_long_source_after_an_exclaimed_quote_reaches_its_cue(statements, source):
    """'"...!" the mayor's sister, council member Ana "Annie" Ruiz (D-Harbour), shouted to the crowd.': the
    source named right after the closing mark runs past the usual reach (a quoted nickname does not stop
    it); the first verb after it is the cue, and the quote is her statement, not "shouted to the crowd"."""
    text = (
        f'"This is a big year for our next mayor, Tom Hale!" {source} shouted to the crowd. "The town is '
        'watching. We have his back."'
    )
    claims = statements(text)
    claim = _by_text(claims, "This is a big year")
    assert claim.direct, _said(claims)
    assert claim.speaker_mention is not None and "Ruiz" in claim.speaker_mention.text, _said(claims)
    assert "We have his back" in (claim.words or claim.text)
    assert not any(c.text.startswith("shouted") for c in claims), _said(claims)


def test_a_partial_quote_before_narration_keeps_its_attribution(statements):
    """'"I have admiration for the mechanics" of the harbour plan, Mr. Hale said.': the words after the mark
    are the writer's, not a source's name, so they are no subject reaching a cue of the quote's own."""
    text = '"I have admiration for the mechanics" of the harbour plan, Mr. Hale said on Monday.'
    claim = _by_text(statements(text), "I have admiration")
    assert claim.speaker == "Hale", _said([claim])


def test_a_second_quote_after_its_own_participle_is_its_own_statement(statements):
    """'"...," Hale said, adding later, "...": the parse may hang the second quote on "said", but the
    participle right before it is its cue: two statements, each with its own words."""
    text = (
        "In a meeting with the harbour board, Tom Hale said the ferry would need new engines. "
        '"We certainly cannot afford the ferry anymore," Hale said, adding later, "The pier is costing us a '
        'fortune, and yes, we are protecting the town, but we are spending a lot of money."'
    )
    claims = statements(text)
    first = _by_text(claims, "We certainly cannot afford")
    second = _by_text(claims, "The pier is costing us")
    assert first is not second, _said(claims)
    assert second.cue is not None and second.cue.text == "adding"
    assert second.direct and second.speaker == "Tom Hale", _said(claims)


def test_a_quote_after_a_message_and_a_colon_is_the_subject_words(statements):
    """'Mayor Ana Ruiz is rolling out a new campaign message: "Vote for the pier."': the quote is the message
    the sentence's subject gives; the act of rolling it out is not stored instead of it."""
    text = 'Facing a tight race, Mayor Maria Lund is rolling out a new and more personal campaign message: "Vote for the pier."'
    claims = statements(text)
    claim = _by_text(claims, "Vote for the pier")
    assert claim.direct and claim.speaker_mention is not None and "Lund" in claim.speaker_mention.text, _said(
        claims
    )


def test_a_thing_message_before_a_colon_is_nobody_words(statements):
    """'The council's new ad carries a simple message: "..."': a thing's message names no speaker."""
    claims = statements('The council\'s new ad carries a simple message: "The pier is for everyone."')
    assert not any(c.speaker_mention is not None and c.speaker_mention.text == "ad" for c in claims), _said(
        claims
    )
