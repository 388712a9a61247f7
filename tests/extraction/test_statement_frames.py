"""The writer's frame and narration around reported speech (issue 14, branch stmt12a), on sentences we wrote:
a place, time, medium or addressee the parse takes into the words stays out of them; the writer's reading of
what something amounts to ("seemed to confirm the fears") and an inquiry ("to determine whether ...") are no
statements."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str, str | None, str]]:
    return [(c.speaker, c.role, c.text, c.words, c.polarity) for c in claims]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Tom Hale told the Gazette in an interview that the port will close.",
            "Tom Hale",
            "that the port will close",
        ),
        (
            "Ana Ruiz announced Thursday on the council floor that Tom Hale planned to sign the bill.",
            "Ana Ruiz",
            "that Tom Hale planned to sign the bill",
        ),
        (
            "Tom Hale announced Thursday on the council floor that the mayor planned to sign the bill and declare "
            "an emergency at the same time.",
            "Tom Hale",
            "that the mayor planned to sign the bill and declare an emergency at the same time",
        ),
        (
            "Tom Hale said in an interview that aired on Sunday that the pier is safe.",
            "Tom Hale",
            "that the pier is safe",
        ),
        (
            "Ana Ruiz told reporters on the harbour pier that the ferry would sail on Monday.",
            "Ana Ruiz",
            "that the ferry would sail on Monday",
        ),
    ],
)
def test_the_setting_and_the_addressee_are_no_part_of_the_words(statements, text, speaker, words):
    """A "that" clause the parse hangs on the noun of a place, time, medium or addressee ("told the Gazette in an
    interview that ...", "announced Thursday on the council floor that ...") is what was said; the frame before
    "that" is the writer's."""
    claims = statements(text)
    assert [(c.speaker, c.text) for c in claims] == [(speaker, words)], _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Ana Ruiz announced a plan that the council approved last week.",
            "a plan that the council approved",
        ),
        ("Tom Hale described the plan as a fraud.", "described the plan as a fraud"),
    ],
)
def test_what_was_announced_or_said_of_a_thing_stays(statements, text, words):
    """A relative clause on what was announced ("a plan that the council approved") is no frame, and a verb
    that says something of its object ("described the plan as a fraud", "pointed to the fact that ...") is
    speech."""
    claims = statements(text)
    assert len(claims) == 1 and words in claims[0].text, _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "His rejection of the toll seemed to confirm the fears of the council.",
        "The new toll appears to confirm the worst fears of the dock workers.",
        "In nearby Dunmore, a grand jury began hearing evidence to determine whether Hale should be charged.",
        "The board will weigh whether the pier should close.",
    ],
)
def test_the_writers_narration_is_no_statement(statements, text):
    """What something seemed or appeared to confirm, with no clause of words, is the writer's reading; what a
    jury or a board is to determine or weigh is an inquiry."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Tom Hale questioned whether the pier was safe.", None),
        ("Ana Ruiz would not say whether the toll would rise.", "refused"),
        ("Tom Hale said he appeared to confirm that the pier was unsafe.", "asserted"),
        ("The mayor appeared to suggest that the pier was unsafe.", "asserted"),
    ],
)
def test_asking_doubting_and_refusing_whether_stay(statements, text, polarity):
    """Doubting or refusing to say "whether ...", a source's own words about seeming and a reading of words
    given ("appeared to suggest that ...") are still statements."""
    claims = statements(text)
    assert len(claims) == 1, _said(claims)
    assert polarity is None or claims[0].polarity == polarity


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tom Hale dismissed the notion that the pier was unsafe.", "that the pier was unsafe"),
        (
            "Ana Ruiz rejected concerns that the toll would hurt fishermen.",
            "that the toll would hurt fishermen",
        ),
        (
            "Officials at the port rejected criticism from across the council that the mayor was setting a "
            "precedent.",
            "that the mayor was setting a precedent",
        ),
    ],
)
def test_a_denial_of_others_words_denies_their_clause(statements, text, words):
    """ "rejected criticism that ...", "dismissed the notion that ...": what is denied is the clause; the noun
    of others' words or thoughts, and whose it is, is the writer's frame."""
    claims = statements(text)
    assert [(c.text, c.polarity) for c in claims] == [(words, "denied")], _said(claims)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ana Ruiz was among those Republicans who criticized the mayor for raising the toll.", "Ana Ruiz"),
        ("Tom Hale is one of the councillors who said the pier was unsafe.", "Tom Hale"),
        ("Ana Ruiz was among those who said the pier was unsafe.", "Ana Ruiz"),
    ],
)
def test_a_member_named_for_the_group_is_the_source(statements, text, speaker):
    """ "X was among those who said ...", "X is one of the councillors who said ...": the sentence names X as one
    who said it; the group around X is no source a reader can check."""
    claims = statements(text)
    assert [c.speaker for c in claims] == [speaker], _said(claims)


def test_a_group_that_names_nobody_stays_unnamed(statements):
    """A group with no member named ("the proposals that critics said would ...") keeps its own source."""
    claims = statements("The plan was among the proposals that critics said would hurt fishermen.")
    assert [c.speaker for c in claims] == [None], _said(claims)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Tom Hale made it clear that the ferry would be his first priority.",
            "that the ferry would be his first",
        ),
        (
            "But Tom Hale also acknowledged another reason: He did not want to wait for the council to approve it.",
            "He did not want to wait for the council to approve it",
        ),
    ],
)
def test_an_announcing_frame_is_no_part_of_the_words(statements, text, words):
    """ "made it clear that ...": the expletive and its predicate frame the clause; "acknowledged another reason:
    ...": the object before the colon announces the words after it."""
    claims = statements(text)
    assert len(claims) == 1 and claims[0].text.startswith(words), _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale forwarded sensitive emails to his personal account.",
        "The council pressured the mayor to drop the toll.",
        "Tom Hale leaked the memo to the Gazette.",
    ],
)
def test_sending_and_pressing_are_acts(statements, text):
    """Sending or handing a thing on and pressing somebody to act are what the source did."""
    assert statements(text) == [], _said(statements(text))


def test_urging_somebody_to_act_stays_speech(statements):
    """Urging is done in words: "urged the mayor to drop the toll" stays (pressing is the deed)."""
    claims = statements("The council urged the mayor to drop the toll.")
    assert [c.text for c in claims] == ["to drop the toll"], _said(claims)


def test_another_source_after_and_takes_its_own_turn_on_any_reporting_verb(statements):
    """ "Hale said he will plead not guilty, and people close to him have predicted that ...": the second source's
    clause is theirs, not the end of Hale's words, whatever reporting verb gives it its turn."""
    claims = statements(
        "In a brief interview later, Tom Hale said he will plead not guilty, and people close to him have "
        "predicted that the mayor could pardon him."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("Tom Hale", "he will plead not guilty"),
        (None, "that the mayor could pardon him"),
    ], _said(claims)
