"""A statement's polarity as the page reads it: "Tom Hale (denies): ..." only when Hale rejects the stored
words; words that carry their own negation are asserted; a speaker who will not confirm, comment or say
withholds. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _polarities(statements, text: str) -> list[tuple[str, str]]:
    return [(c.words or c.text, c.polarity) for c in statements(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a negated clause beside a positive one: the speaker asserts both
        (
            '"I did not need to close the pier, but I would rather do it faster," Tom Hale said.',
            "I did not need to close the pier, but I would rather do it faster",
        ),
        (
            '"The mayor is not the last word on this. The courts will be," Ann Lee said.',
            "The mayor is not the last word on this. The courts will be",
        ),
        # an exhortation
        (
            '"Voters must not allow the council to sell the port," Tom Hale wrote.',
            "Voters must not allow the council to sell the port",
        ),
        # plain negated content: "Hale (denies): I don't know her" would be a double negative
        ('"I don\'t know her," Tom Hale said.', "I don't know her"),
        ("Tom Hale said nothing unusual happened at the harbour.", "nothing unusual happened at the harbour"),
        ("Mayor Dora Kell said no ferries would run in January.", "no ferries would run in January"),
        ('"I never said that," Peter Lund said.', "I never said that"),
        (
            '"We cannot agree to put any other bill first," the senators wrote.',
            "We cannot agree to put any other bill first",
        ),
    ],
)
def test_words_that_carry_their_own_negation_are_asserted(statements, text, words):
    """The stored words hold the negation, so the speaker asserts them; stored "denied" they would read as
    their opposite or as a double negative."""
    assert _polarities(statements, text) == [(words, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The Portville ministry denied reports that it had cut the harbour budget.",
        "Tom Hale rejected claims that the port had lost money.",
        "Tom Hale denied that the port would not open.",
    ],
)
def test_a_denial_cue_makes_the_words_denied(statements, text):
    """A denial cue: the stored words are the proposition the speaker rejects, negated or not."""
    [(words, polarity)] = _polarities(statements, text)
    assert polarity == "denied" and words.startswith("that ")


@pytest.mark.parametrize(
    "text",
    [
        "A port spokesman said he could not confirm whether the ferry had sailed.",
        '"We cannot comment on the investigation," the harbour board said.',
        '"I won\'t say who told me," Peter Lund said.',
        '"I am not saying he was right," Peter Lund said.',
        "Ann Lee said she could neither confirm nor deny that the ferry had sailed.",
        "Ann Lee, the harbour spokeswoman, would not confirm or deny that the ferry had sailed.",
    ],
)
def test_a_speaker_who_will_not_confirm_comment_or_say_withholds(statements, text):
    """ "could not confirm", "cannot comment", "won't say", "would not confirm or deny": the speaker does
    not say (refused), and denies nothing."""
    assert [p for _, p in _polarities(statements, text)] == ["refused"]


def test_someone_else_not_commenting_is_what_the_speaker_asserts(statements):
    """ "The ministry said the mayor would not comment": the ministry asserts it; only the speaker's own
    "would not comment" withholds."""
    assert _polarities(
        statements, "The harbour board said Mayor Dora Kell would not comment on the strike."
    ) == [("Mayor Dora Kell would not comment on the strike", "asserted")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the negation belongs to another verb the cue is conjoined to
        (
            "The harbour police did not show up, and the port director said he was as angry as ever.",
            "he was as angry as ever",
        ),
        (
            "Tom Hale did not comment at length, but did say that the ferry fee was too high.",
            "that the ferry fee was too high",
        ),
        # what the speaker did not do, in the past: told, not withheld
        (
            "Ann Lee said she hadn't revealed the figures sooner because nobody asked her.",
            "she hadn't revealed the figures sooner because nobody asked her",
        ),
    ],
)
def test_a_negation_that_withholds_nothing_leaves_the_words_asserted(statements, text, words):
    """Only the speaker's own negated confirming, commenting or saying, now or as an unwillingness,
    withholds; a negation on another verb, or a past "hadn't revealed", is asserted with the words."""
    assert (words, "asserted") in _polarities(statements, text)


def test_a_present_policy_of_not_commenting_withholds(statements):
    """ "the company said it does not comment on ...": a refusal, now."""
    assert [
        p for _, p in _polarities(statements, "The ferry company said it does not comment on staff pay.")
    ] == ["refused"]


def test_a_quote_that_goes_on_after_withholding_is_asserted(statements):
    """'"I can't speculate about the date," Lund said. "What the mayor wants is a deal."': the quote says
    more than it withholds, so it is asserted (the words keep the "can't")."""
    text = (
        '"I can\'t speculate about the date," Peter Lund said. "What the mayor wants is a deal before May."'
    )
    assert [p for _, p in _polarities(statements, text)] == ["asserted"]


def test_a_quote_that_asks_and_then_states_is_asserted(statements):
    """'"..., why won't you vote for it now? I don't understand it," Hale said': the last sentence states,
    so the quote is no mere question; one that only asks stays a question."""
    text = (
        "\"You voted for the sea wall before, why won't you vote for it now? I don't understand it,\" "
        "Tom Hale said."
    )
    assert [p for _, p in _polarities(statements, text)] == ["asserted"]
    assert [
        p for _, p in _polarities(statements, '"Why won\'t you vote for the sea wall now?" Tom Hale said.')
    ] == ["question"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "nor" negates its own clause, with or without a subject of its own
        (
            "The mayor gave no reason for the delay, nor did she acknowledge that the ferry was late.",
            "that the ferry was late",
        ),
        # a verb that leaves its infinitive undone
        ("Mayor Ann Lee failed to explain the new toll during her speech.", "explain the new toll"),
    ],
)
def test_speech_negated_by_nor_or_left_undone_is_refused(statements, text, words):
    """ "nor did she acknowledge that ...", "failed to explain ...": the source did not say the words, so
    they are not stored as what the source asserted."""
    [(stored, polarity)] = _polarities(statements, text)
    assert stored.startswith(words) and polarity == "refused"


def test_a_failure_that_is_no_speech_stays_what_the_speaker_says(statements):
    """Only the reported verb left undone is refused: "Hale failed to win the vote, the mayor said" is the
    mayor's assertion."""
    assert ("Tom Hale failed to win the vote", "asserted") in _polarities(
        statements, "Tom Hale failed to win the vote, the mayor said."
    )


def test_has_yet_to_say_negates_the_reporting_verb(nlp):
    """ "has yet to say whether ...": the verb of saying is negated (nothing said so far)."""
    from claims.extraction.statements.reported import negated

    doc = nlp("Tom Hale has yet to say whether he will sign the harbour bill.")
    assert negated(next(t for t in doc if t.lower_ == "say"))
    doc = nlp("Tom Hale has to say whether he will sign the harbour bill.")
    assert not negated(next(t for t in doc if t.lower_ == "say"))


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale told reporters the pier was safe. He also said he does not know the diver who filmed it -- "
        "though, when asked twice, Hale declined to say whether he had seen the film.",
        '"I can say that I did not sink the boat," Tom Hale said.\n\nHe also said he "certainly" does not know '
        "the diver the film was sent to -- though, when asked repeatedly, Hale declined to say whether he was "
        "shown in the film.",
    ],
)
def test_a_refusal_in_a_though_clause_attributes_nothing_before_it(statements, text):
    """ "He also said he does not know the diver -- though, when asked, Hale declined to say whether ...": the
    "though" clause is subordinate, no "Content, X said" attribution; the words before it are the "said"
    statement's, asserted, and only the infinitive is refused."""
    polarities = _polarities(statements, text)
    assert [p for w, p in polarities if "does not know the diver" in w] == ["asserted"]
    assert not any(w.startswith("He also said") for w, _ in polarities)
    assert [p for w, p in polarities if "shown in the film" in w or "seen the film" in w] == ["refused"]
