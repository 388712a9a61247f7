"""Acts shown as "verb + object", a passive stance with its agent, and a group named in apposition (issue 14,
branch stmt11f), on sentences we wrote: what a source did is no statement; "was criticized by the mayor for
X" is the mayor's stance; "Senators A and B, two critics of ..., said" keeps the names as the group's role."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str, str | None, str]]:
    return [(c.speaker, c.role, c.text, c.words, c.polarity) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of supporters lined the harbour road on Sunday.",
        "Prosecutors charged Tom Hale in an indictment unsealed on Friday.",
        "Prosecutors charged Tom Hale with fraud.",
        "Ana Ruiz declared herself interim president of the republic.",
        "Norway recognized Ana Ruiz as the interim president.",
        "The assembly overrode the governor's veto on Tuesday.",
        "A spokesman referred a reporter to a letter from the mayor.",
        "Ana Ruiz used her radio program to help organize a rally for the ferry.",
        "Tom Hale made the report available to every member.",
        "Those islands offer a range of rights to fishermen.",
        "Tom Hale presented a plan of his own for the pier.",
        "They repeatedly saw something that caught their attention.",
    ],
)
def test_an_act_shown_as_verb_and_object_is_no_statement(statements, text):
    """Doing, moving or placing ("lined the road"), a legal or official act ("charged Hale with fraud",
    "recognized Ruiz as president", "overrode the veto"), proclaiming oneself to an office, perceiving ("saw
    something"), sending a reporter elsewhere, a light verb on no utterance ("made the report
    available", "used her program to ..."), offering or presenting a thing: what the source did, not said."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The union charged that the company had lied.", "that the company had lied"),
        ("Tom Hale declared himself the winner of the vote.", "declared himself the winner of the vote"),
        ("The auditors found that the port had lost money.", "that the port had lost money"),
        ("Tom Hale made an argument against the ferry plan.", "made an argument against the ferry plan"),
        ("Tom Hale offered an apology for the delay.", "offered an apology for the delay"),
        ("Tom Hale offered support for the new ferry line.", "offered support for the new ferry line"),
        ("Tom Hale referred to the ferry plan as a fraud.", "referred to the ferry plan as a fraud"),
    ],
)
def test_words_given_beside_the_same_verbs_stay(statements, text, words):
    """The same verbs with a clause ("charged that", "found that"), with words as their object ("made an
    argument", "offered an apology"), or saying what a thing is ("declared himself the winner", "referred to
    the plan as a fraud") still report speech."""
    claims = statements(text)
    assert [c.text for c in claims] == [words], _said(claims)


def test_a_passive_stance_with_its_agent_is_the_agents_turned_round(statements):
    """ "Hale was criticized by the mayor for closing the pier": the mayor speaks, and the words say whom and
    what for ("criticized Tom Hale for closing the pier"), held as a stance; never the bare "closing the pier"."""
    claims = statements("Tom Hale was criticized by the mayor for closing the pier.")
    assert [(c.role, c.words, c.polarity) for c in claims] == [
        ("mayor", "criticized Tom Hale for closing the pier", "position")
    ], _said(claims)
    claims = statements("He was sharply criticized by Ana Ruiz for the delay.")
    assert [(c.speaker, c.words) for c in claims] == [("Ana Ruiz", "criticized him for the delay")], _said(
        claims
    )


def test_a_stance_behind_particles_or_on_a_gerund_keeps_its_verb(statements):
    """ "pushed back hard on the objections", "defended keeping the embargo": the words start at the verb, not
    at the object ("the union's objections to the plan", "keeping the embargo" say nothing)."""
    claims = statements("Tom Hale pushed back hard on the union's objections to the plan.")
    assert [c.text for c in claims] == ["pushed back hard on the union's objections to the plan"], _said(
        claims
    )
    claims = statements("Ana Ruiz defended keeping the embargo.")
    assert [(c.text, c.polarity) for c in claims] == [("defended keeping the embargo", "position")], _said(
        claims
    )


def test_talking_about_doing_something_is_a_bare_topic(statements):
    """ "has talked for weeks about taking executive action": what the talk was about, not what was said."""
    text = "Tom Hale has talked for weeks about taking executive action to fund the pier."
    assert statements(text) == [], _said(statements(text))


def test_a_group_named_in_apposition_keeps_the_names_as_its_role(statements):
    """ "Senators A and B, two of the strongest critics of ..., praised": the two speak together, with the names
    and their title as the role, without the description after them ("offered support" from a named source is
    an act below the floor, as for one senator)."""
    claims = statements(
        "Senators Tom Hale and Ana Ruiz, two of the strongest critics of the ferry plan, praised the nomination "
        "of Maria Lund."
    )
    assert [(c.speaker, c.role) for c in claims] == [
        ("Tom Hale and Ana Ruiz", "Senators Tom Hale and Ana Ruiz")
    ], _said(claims)


def test_a_group_described_after_its_names_keeps_only_the_names(statements):
    """ "Tom Hale and Ana Ruiz, the mayor's two lawyers, praised ...": the description is no part of the speaker
    or its role (no title: no role)."""
    claims = statements("Tom Hale and Ana Ruiz, the mayor's two lawyers, praised the new bridge.")
    assert [(c.speaker, c.role) for c in claims] == [("Tom Hale and Ana Ruiz", None)], _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ana Ruiz thanked the volunteers who staffed the shelter.",
        "Ana Ruiz congratulated the winners of the regatta.",
        "The mayor, Tom Hale, invited the ferry workers to the launch on Friday.",
        "Ruiz persuaded the council to back away from the toll.",
        "Governor Ana Ruiz announced her run for the Senate on Tuesday.",
        "The city announced a halt to the ferry sailings.",
        "Tom Hale announced his resignation from the harbour board.",
    ],
)
def test_a_courtesy_an_outcome_or_a_step_announced_is_no_statement(statements, text):
    """Thanking, congratulating, persuading, and announcing a step or a candidacy ("announced her run",
    "announced a halt"): what the source did; nothing could be quoted back."""
    assert statements(text) == [], _said(statements(text))


def test_a_guilty_plea_is_not_the_pleaders_words(statements):
    """A plea of "guilty to charges that ...": the charge is somebody's accusation, never the one who pleaded."""
    found = statements("Hale pleaded guilty last year to charges that he had taken bribes.")
    assert all(c.speaker != "Hale" for c in found), _said(found)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hale announced that the pier would reopen.", "that the pier would reopen"),
        ("Hale agreed that the toll was too high.", "that the toll was too high"),
        ("Ruiz urged the council to drop the toll.", "to drop the toll"),
    ],
)
def test_the_same_verbs_with_content_stay(statements, text, words):
    """Clauses and requests, "announced that ...", "agreed that ..." and "urged X to Y", give words: kept, with the verb."""
    assert [c.text for c in statements(text)] == [words], _said(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "The larger figure referred to the amount the mayor wanted for the pier.",
        "The editor crossed out three lines that referred to the harbour board's warnings.",
        "The term refers to ferries that carry both cars and trucks.",
    ],
)
def test_what_a_word_a_line_or_a_figure_refers_to_is_no_statement(statements, text):
    """ "The larger figure referred to ...", "lines that referred to ...", "The term refers to ...": the writer's
    gloss of a text or a number; nobody speaks through a word (branch stmt14a)."""
    assert statements(text) == [], _said(statements(text))


def test_writing_for_a_purpose_is_no_statement(statements):
    """ "the memo she wrote to document the meeting": what the writing was for, not anything it said."""
    text = "The memo that Ana Ruiz wrote to document the meeting was released on Friday."
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tom Hale referred to the harbour board's warnings in his speech.", "Tom Hale"),
        ("Tom Hale wrote to urge the council to keep the pier open.", "Tom Hale"),
        ("Ana Ruiz called to say that the ferry would sail on Monday.", "Ana Ruiz"),
        ("Tom Hale wrote to express concern about the toll.", "Tom Hale"),
    ],
)
def test_a_person_referring_or_writing_words_stays(statements, text, speaker):
    """A person who refers to something, or writes or calls to urge, say or express something, gives words."""
    found = statements(text)
    assert [c.speaker for c in found] == [speaker], _said(found)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board called an emergency meeting after the ferry sank.",
        "The mayor called a snap election.",
        "The port authority appealed the ruling to the state supreme court.",
        "Hale has devoted attention to the harbour for a decade.",
    ],
)
def test_convening_appealing_and_devoting_are_deeds(statements, text):
    """ "called an emergency meeting", "appealed the ruling", "devoted attention to": what the source did, with
    nothing said that could be quoted back (branch stmt14a)."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tom Hale called the meeting a waste of time.", "called the meeting a waste of time"),
        ("Ruiz called for a vote on the toll.", "called for a vote on the toll"),
    ],
)
def test_calling_something_something_or_calling_for_it_stays(statements, text, words):
    """A naming ("called the meeting a waste of time") and a request ("called for a vote") give words."""
    assert [c.text for c in statements(text)] == [words], _said(statements(text))


def test_calling_on_somebody_to_act_stays(statements):
    """ "called on the mayor to resign": a request to somebody, not the purpose of a call."""
    found = statements("Ana Ruiz called on the mayor to stop attacking the ferry workers.")
    assert [c.speaker for c in found] == ["Ana Ruiz"], _said(found)
