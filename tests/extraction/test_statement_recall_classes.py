"""Attributions the parse used to lose that an editor reads as right (issue 14, branch stmt12c), on sentences
we wrote: a source's second reporting verb after "and" that the parse hangs inside the first statement, and
an opening "According to X," whose clause the parse swallows into the phrase."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str, str]]:
    return [(c.speaker, c.text, c.polarity) for c in claims]


@pytest.mark.parametrize(
    ("text", "first", "second", "speaker"),
    [
        (
            "The minister said on Monday that the country would leave the union by March and suggested that it"
            " would withdraw from the common market.",
            "that the country would leave the union by March",
            "that it would withdraw from the common market",
            None,
        ),
        (
            "Ana Ruiz said she had fought three bouts of flu in her campaigns and called it a common problem"
            " during long races.",
            "she had fought three bouts of flu in her campaigns",
            "it a common problem during long races",
            "Ana Ruiz",
        ),
        (
            "Tom Hale said the ferry would stop running in May and warned that the pier could close for good.",
            "the ferry would stop running in May",
            "that the pier could close for good",
            "Tom Hale",
        ),
    ],
)
def test_a_second_reporting_verb_is_a_second_statement(statements, text, first, second, speaker):
    """ "X said the country would leave ... and suggested that ...": "suggested" cannot share the clause's
    modal ("would suggested"), so it is X's second verb, not the clause's; "... and called it a common
    problem" names its object as a reporting verb would. The first statement ends before "and" (the
    second cue is the writer's frame, not X's words) and the second stands as X's own."""
    claims = statements(text)
    firsts = [c for c in claims if c.text == first]
    seconds = [c for c in claims if second in c.text and first not in c.text]
    assert firsts and seconds, _said(claims)
    assert firsts[0].speaker == seconds[0].speaker == speaker, _said(claims)
    assert seconds[0].speaker_mention is not None and firsts[0].speaker_mention == seconds[0].speaker_mention


def test_a_named_subject_may_speak_the_second_time(statements):
    """ "Hale says the mayor promised ... and said she would ...": the mayor may be the one who said it (no
    modal tells the verbs apart), so Hale's statement stays whole and nothing is made up for the mayor."""
    text = "Tom Hale says the mayor promised to keep the pier open and said she would fight the board."
    claims = statements(text)
    assert [c.text for c in claims if c.speaker == "Tom Hale"] == [
        "the mayor promised to keep the pier open and said she would fight the board"
    ], _said(claims)


@pytest.mark.parametrize(
    ("text", "mention", "words"),
    [
        (
            'According to conservative radio host Tom Hale, the move reeks of "fear" and desperation.',
            "conservative radio host Tom Hale",
            'the move reeks of "fear" and desperation',
        ),
        (
            'According to the harbor master, Tom Hale, the plan reeks of "panic" and haste.',
            "the harbor master, Tom Hale",
            'the plan reeks of "panic" and haste',
        ),
    ],
)
def test_an_opening_according_to_whose_clause_the_parse_swallowed(statements, text, mention, words):
    """The parse reads "reeks" as a noun in apposition to the name, so the phrase runs to the stop and left
    no words: the phrase ends at the name's comma (after a title in apposition), and the source's own
    words end before the statement's."""
    claims = statements(text)
    found = [c for c in claims if c.text.startswith(words)]
    assert found, _said(claims)
    assert found[0].speaker == "Tom Hale" and found[0].speaker_mention.text == mention, _said(claims)
    assert found[0].polarity == "asserted"


def test_an_opening_according_to_with_a_title_keeps_its_words(statements):
    """The parse that reads the clause right ("According to Ana Ruiz, the council treasurer, the toll will
    rise") is unchanged: the title is the source's, the clause is the words."""
    claims = statements("According to Ana Ruiz, the council treasurer, the toll will rise next year.")
    assert [(c.speaker, c.text) for c in claims] == [("Ana Ruiz", "the toll will rise next year.")]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            'Cruz called Hale a "pathological liar" who is "utterly amoral" and a "bully."',
            "Cruz",
            'a "pathological liar"',
        ),
        ('Japan branded the regime an "outlaw nation in the neighborhood."', "Japan", "outlaw nation"),
        ('Tom Hale called it "shameful" and called on leaders to resist.', "Tom Hale", "shameful"),
    ],
)
def test_calling_somebody_a_name_is_saying_what_they_are(statements, text, speaker, words):
    """ "X called Y a liar" says that Y is a liar, whatever the parse makes of the object (an object and a
    predicate, two predicates): X's statement, asserted, and a verb conjoined after the name is not in it."""
    claims = statements(text)
    found = [c for c in claims if words in c.text]
    assert found, _said(claims)
    assert found[0].speaker == speaker and found[0].polarity == "asserted", _said(claims)
    assert "called on" not in found[0].text and "resist" not in found[0].text


@pytest.mark.parametrize(
    "text",
    [
        "A group that calls itself Harbor Watch sued the city.",  # a proper name given, no claim
        "The city is building a website called Harbor News.",  # a participle naming a thing
        "In a poll, 32% call themselves conservative.",  # a share of those polled
        "Critics would call the plan a fraud if it passed.",  # only supposed
        "The mayor was called a liar at the meeting.",  # a passive: by whom is not said
    ],
)
def test_a_name_given_or_supposed_is_no_statement(statements, text):
    """Naming that says nothing of anybody's view is not stored as a naming statement."""
    claims = statements(text)
    assert not [
        c for c in claims if c.cue is not None and c.cue.text.lower().startswith(("call", "brand"))
    ], _said(claims)
