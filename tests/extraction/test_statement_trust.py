"""What is stored as a statement is one an editor can trust, on sentences we wrote (issue 14, branch stmt8):
words placed in time or place are not what was said, titles are nobody's words, speech only hoped for or
expected was never said, a thing inside another source's words says nothing, and one person's two names
are one speaker."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        '"The harbour will reopen," Mayor Ana Ruiz said in a phone interview.',
        '"We will not sell the pier," Mayor Ana Ruiz said at a rally in Dover on Tuesday.',
        '"She would be a fine mayor. Not good, great. One of the best in the state," Rep. Tom Hale (D-Md.) said '
        "in a phone interview.",
        'The ad shows Mayor Ana Ruiz saying during the debate last week, "We will not sell the pier."',
    ],
)
def test_where_or_when_words_were_said_is_not_what_was_said(statements, text):
    """ "said in a phone interview", "saying during the debate": a preposition that places the words in a
    medium, a place or a time gives no content, so the interview or the debate is never stored as a statement
    beside (or instead of) the quote."""
    claims = statements(text)
    assert claims, text
    for claim in claims:
        for placed in ("phone interview", "rally in Dover", "debate last week"):
            assert placed not in claim.text, _said(claims)


def test_a_time_phrase_after_spoke_is_no_statement(statements):
    """ "spoke for an hour", "spoke on Monday": how long or when, not what; "spoke on Monday about the bridge" is
    a bare topic (statements/stance.py), with a time phrase before it or not."""
    assert statements("Mayor Ana Ruiz spoke for an hour at the town hall.") == []
    assert statements("Mayor Ana Ruiz spoke on Monday.") == []
    assert statements("Mayor Ana Ruiz spoke on Monday about the new bridge.") == []


def test_going_on_to_say_keeps_the_speaker_of_the_clause_before(statements):
    """'"...," Hale said, going on to say that ...': the parse may hang "going" on a later clause whose subject
    is somebody the speaker talks about ("young people"); the speaker of "say" is whoever said the sentence,
    and "going on" is no cue of its own."""
    text = (
        '"All this talk about the charter, the debate of the week, is silly," Tom Hale said, going on to say '
        'that the city has spent "decades fighting over the port, and to have that fight again, young people '
        'do not want to see that. They are way past that."'
    )
    claims = statements(text)
    assert [c.speaker for c in claims] == ["Tom Hale", "Tom Hale"], _said(claims)
    assert claims[1].text.startswith("that the city has spent")
    assert all(c.cue is not None and "going" not in c.cue.text for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        'The spot, titled "Harbour Lies," aired on Monday.',
        'In his 2002 book, "Make the Port Pay," Tom Hale suggested selling the pier to the city.',
        'The mayor agreed, as "The Harbour Gazette" wrote, that the port is losing money.',
    ],
)
def test_a_title_in_quotes_is_nobodys_statement(statements, text):
    """A quoted title ('titled "Harbour Lies"', a book's title after "his book,", a newspaper that is itself
    the subject of "wrote") names a work; it is never stored as what anybody said, nor inside what was."""
    for claim in statements(text):
        assert "Harbour Lies" not in claim.text and "Make the Port Pay" not in claim.text
        assert "Harbour Gazette" not in claim.text


def test_a_quote_after_an_opening_phrase_is_the_quote_alone(statements):
    """'In a statement, "We are saddened," the family said': the opening phrase places the words; it is not
    part of them. After "In the ad," a quote that is no title ('"We will fix the port," Hale says') is said."""
    (claim,) = statements('In a statement, "We are saddened by the loss," the family said.')
    assert claim.text == "We are saddened by the loss" and claim.direct
    claims = statements(
        'The campaign aired a new ad on Monday. In the ad, "We will fix the port," Hale says.'
    )
    assert ("Hale", "We will fix the port") in _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        'I hope in 2027 the voters say, "Thank you for your service."',
        'The union expects the mayor to embarrass himself by calling out the governor for his "lies" at the '
        "meeting.",
        'Rules that let companies tell "one agency one thing and another agency the opposite" remain in force.',
        "If the board denied the report, the port would close.",
    ],
)
def test_speech_only_hoped_for_or_supposed_is_not_a_statement(statements, text):
    """What somebody hopes, expects or allows others to say, or what they would say if something were so,
    has not been said: no statement is credited to the voters, the mayor, the companies or the board."""
    claims = statements(text)
    for claim in claims:
        assert claim.cue is not None and claim.cue.text.lower() not in (
            "say",
            "calling out",
            "tell",
            "denied",
        )
        assert claim.role not in ("voters", "companies", "board"), _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "The governor is expected to sign the harbour bill next week.",
        "Both Mayor Tom Hale and his wife Ana are expected to visit the port in the coming weeks.",
        "The visits will go on, with both Mayor Tom Hale and his wife Ana expected to visit the port in the "
        "coming weeks.",
        "There is growing speculation that Governor Ana Ruiz will sign the harbour bill.",
        "Speculation grew on Monday that Governor Ana Ruiz would sign the harbour bill.",
    ],
)
def test_speculation_about_someone_is_not_their_statement(statements, text):
    """ "is expected to sign", "speculation that the governor will sign": a hedge about what somebody will do,
    by the writer or unnamed people, is never the statement of the person it is about."""
    for claim in statements(text):
        assert claim.speaker not in ("Tom Hale", "Ana Ruiz", "Governor Ana Ruiz"), claim


def test_speech_a_speaker_says_she_hopes_for_stays_hers(statements):
    """The rules above leave the outer statement alone: "Ruiz said she hopes the board will approve the plan"
    and "Ruiz said that if the port closed, the city would lose money" are Ruiz's statements."""
    (claim,) = statements("Governor Ana Ruiz said she hopes the board will approve the plan.")
    assert claim.speaker is not None and "Ruiz" in claim.speaker
    (claim,) = statements("Ana Ruiz said that if the port closed, the city would lose money.")
    assert claim.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz says the report shows the port is failing. She says it underscores that the board is "
        '"unfit to run anything."',
        'Mayor Tom Hale, opening the new library on Saturday, said it would tell a story "of loss and of hope, '
        'of ships and of the people who built them."',
    ],
)
def test_a_thing_inside_another_speakers_words_says_nothing(statements, text):
    """ "She says it proves that ...", "said it would tell a story "..."": "it" (the report, the library) is no
    source; the words are the outer speaker's, stored once under her or him."""
    claims = statements(text)
    assert claims and all(c.speaker and c.speaker.endswith(("Ana Ruiz", "Tom Hale")) for c in claims), _said(
        claims
    )


def test_who_speaks_at_a_news_conference_is_the_speaker(statements):
    """ "she said at a news conference announcing that ...": the conference is where she spoke; the
    announcement is hers, and "at a news conference" is not what she said."""
    claims = statements(
        'Attorney General Ana Ruiz spoke about the port. "We will get there together," she said at a recent '
        "news conference announcing that the state was suing the harbour board over its new fees."
    )
    (claim,) = [c for c in claims if "suing the harbour board" in c.text]
    assert claim.speaker is not None and claim.speaker.endswith("Ana Ruiz")
    assert not any(c.text.startswith("a news conference") for c in claims)


def test_two_names_of_one_person_are_one_speaker(statements):
    """ "Richard Blumenthal" and "Dick Blumenthal" in one article are one person, stored under the formal name,
    so "Mr. Blumenthal" resolves to him too."""
    claims = statements(
        "Dick Blumenthal spoke to veterans on Monday. Attorney General Richard Blumenthal said he had served "
        "in the Marine Reserve. Mr. Blumenthal later said he had misspoken."
    )
    assert [c.speaker for c in claims] == ["Richard Blumenthal", "Richard Blumenthal"], _said(claims)


def test_referring_to_is_the_writers_gloss(statements):
    """'"...," Mr. Hale said, referring to the harbour scandal that ...': the participle explains the quote
    for the reader; it is no statement of Hale's and no part of his quoted words."""
    claims = statements(
        '"Even the old board did not burn the ledgers," Mr. Hale said, referring to the harbour scandal that '
        "ended the board in 1998."
    )
    assert [c.text for c in claims] == ["Even the old board did not burn the ledgers"], _said(claims)
