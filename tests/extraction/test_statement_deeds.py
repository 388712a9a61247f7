"""What is stored as a statement is something somebody said, on sentences we wrote (issue 14, branch stmt9a):
deeds (signing, voting, endorsing, sharing a picture), likes and plans, and legal charges are no statements,
and an attribution after a semicolon reports its own clause, not another source's before it."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz signed a bill that raises the harbour fee.",
        "Last year Ruiz had signed a pledge sponsored by the fishermen's union.",
        "Senator Tom Hale introduced a measure on ferry subsidies on Tuesday.",
        "Councilwoman Jane Doe voted against the port budget.",
        "Mayor Ana Ruiz endorsed Tom Hale for governor in 2020.",
        "As governor, Tom Hale appointed two women to the harbour board.",
        "Tom Hale shared a photo from his visit to the dock.",
        "Ana Ruiz released a video of the flooded pier on Sunday.",
    ],
)
def test_a_deed_is_no_statement(statements, text):
    """ "signed a bill", "voted against the budget", "endorsed Hale", "shared a photo": an official act, a
    transaction or a picture is what somebody did, an event a reader checks as such; no words of theirs are
    stored as a statement."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Tom Hale praised the mayor's courage.", "praised the mayor's courage"),
        ("Ana Ruiz criticized the port budget.", "criticized the port budget"),
        ("Tom Hale urged the board to reject the fee.", "to reject the fee"),
        ("Ana Ruiz signed a letter saying that the pier is unsafe.", "that the pier is unsafe"),
        ("Senator Tom Hale voted for the bill, saying the port needs the money.", "the port needs the money"),
        (
            "Ana Ruiz shared her worry about the pier with reporters.",
            "shared her worry about the pier with reporters",
        ),
    ],
)
def test_words_given_beside_a_deed_stay_statements(statements, text, said):
    """A verb of speech and judgement keeps its object ("praised the mayor's courage"), and what is said
    beside a deed ("signed a letter saying that ...", "voted for the bill, saying ...") is still said; only the
    deed itself is not. Sharing one's worry is speech, sharing a photo is not."""
    assert said in [c.text for c in statements(text)], _said(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale is known as a sharp lawyer who likes to argue cases in court.",
        "Ana Ruiz plans to announce her budget on Monday.",
        "Tom Hale wants to tell voters that the port is safe.",
    ],
)
def test_speech_only_liked_or_planned_is_no_statement(statements, text):
    """ "likes to argue cases", "plans to announce", "wants to tell voters that ...": speech somebody likes,
    plans or wants has not been said (as "hopes to say"), whatever the parse hangs the infinitive on."""
    assert statements(text) == [], _said(statements(text))


def test_a_legal_charge_is_nobodys_statement(statements):
    """ "have been charged with crimes": a prosecutor's charge, stored as no unnamed source's words; an active
    charge by a named speaker ("Hale charged that the board lied") is still his statement."""
    assert statements("None of the dock workers have been charged with crimes related to the fire.") == []
    assert statements("Two guards were indicted on charges of fraud.") == []
    (claim,) = statements("Tom Hale charged that the board lied about the fee.")
    assert claim.speaker == "Tom Hale" and claim.text == "that the board lied about the fee"


def test_an_attribution_after_a_semicolon_reports_its_own_clause(statements):
    """ "the mayor said ...; most would cut fees, analysts say, but ...": the analysts speak of the clause
    their attribution stands in, not of the mayor's statement before the semicolon, which stays hers."""
    text = (
        "In reply, Ana Ruiz said the board should take up the ferry bills; most would cut fees and "
        "would help the port, analysts say, but they would not create jobs soon."
    )
    claims = statements(text)
    by_text = {c.text: c.speaker for c in claims}
    assert by_text.get("the board should take up the ferry bills") == "Ana Ruiz", _said(claims)
    analysts = [c for c in claims if c.speaker is None]
    assert analysts and all("ferry bills" not in c.text for c in analysts), _said(claims)
    assert any("most would cut fees" in c.text for c in analysts), _said(claims)


def test_a_semicolon_without_a_second_attribution_keeps_the_whole_statement(statements):
    """Two clauses joined by a semicolon with one attribution after them are both the source's words."""
    (claim,) = statements("The port is broke; the board knows it, Tom Hale said.")
    assert claim.speaker == "Tom Hale" and claim.text.startswith("The port is broke; the board knows it")


def test_a_quote_beside_a_legal_charge_is_nobodys_statement(statements):
    """A quoted title in the sentence of a charge ('a reference to "The Long Harbour" -- Hale was charged with
    fraud') is no statement of the charged, nor of anybody."""
    text = 'In an indictment full of details, even a nod to "The Long Harbour", Tom Hale was charged with two counts.'
    assert statements(text) == [], _said(statements(text))


def test_what_is_answered_is_not_the_answer(statements):
    """ "responded to the controversy", "reacted to the news": the "to" phrase is what the answer was to, not
    what was said; an answer given "by saying that ..." is the participle's statement, of the same speaker."""
    assert statements("Mayor Ana Ruiz responded to the controversy on Friday.") == []
    assert statements("Tom Hale reacted to the news with anger.") == []
    (claim,) = statements("Tom Hale responded to the attacks by saying that the port is safe.")
    assert claim.speaker == "Tom Hale" and claim.text == "that the port is safe"


@pytest.mark.parametrize(
    "text",
    [
        "A committee of both parties will negotiate a harbour plan.",
        "Justice Ana Ruiz may ultimately side with the fishermen.",
    ],
)
def test_what_somebody_will_or_may_do_is_no_statement(statements, text):
    """ "will negotiate a plan", "may side with the fishermen": a modal on a verb that is no reporting verb
    foretells or supposes a deed, which nobody has said."""
    assert statements(text) == [], _said(statements(text))


def test_a_modal_leaves_speech_and_refusals_alone(statements):
    """A reporting verb under a modal still governs what is said ("will argue that ..."), and "would not offer
    details" is a refusal, kept as one."""
    (argued,) = statements("Tom Hale will argue that the fee is illegal.")
    assert argued.speaker == "Tom Hale" and argued.text == "that the fee is illegal"
    (refusal,) = statements("Tom Hale would not offer details of the talks.")
    assert refusal.speaker == "Tom Hale"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's office was hoping to show that the engineers drove the debate over the pier.",
        "Officials in two other towns are looking to put a similar fee on their books.",
    ],
)
def test_hoping_or_looking_to_is_no_statement(statements, text):
    """ "was hoping to show that ...", "are looking to put": what somebody hopes or means to do. The small
    model's lemmatizer reads "hoping" as "hop", so the verb is known by its own spelling too."""
    assert statements(text) == [], _said(statements(text))


def test_an_issued_ban_is_a_deed_an_issued_warning_is_speech(statements):
    """An instrument issued by an authority ("issued her ban via executive order") is a deed; a warning
    issued with what it warns of stays a statement."""
    assert statements("Mayor Ana Ruiz issued her ban via executive order over the weekend.") == []
    claims = statements("Mayor Ana Ruiz issued a warning that the pier could collapse.")
    assert any("the pier could collapse" in c.text for c in claims), _said(claims)


def test_a_quote_in_what_somebody_means_to_do_is_not_said(statements):
    """'is still looking to repeal the "don't stop, don't park" policy': the quoted name is what the council
    means to undo, not anything it said."""
    text = "The council is still looking to repeal the harbour's \"don't stop, don't park\" policy after the mayor issued a report."
    assert statements(text) == [], _said(statements(text))


def test_a_block_quote_after_a_report_is_kept_beside_an_intention_verb(statements):
    """A block quote after "reported ...:" stays a quote when the sentence before holds a verb of seeming or
    meaning ("appears to be a first"): only a quote inside what somebody means to do is dropped."""
    text = (
        "The Harbour Gazette reported last week that reading the charter aloud appears to be a first in the "
        "council's history:\n\n"
        '"Call it the new era of the council. These are two changes on a long list of new rules."'
    )
    claims = statements(text)
    assert any(c.direct and "Call it the new era" in c.text for c in claims), _said(claims)


def test_a_quote_after_deciding_to_change_it_is_not_said(statements):
    """'decided to change the phrase "..." to "..."': the quoted phrase is what the officials set out to
    change, not their words."""
    text = (
        'Port officials also decided to change the phrase "a fire on the pier, then an attack" to "a fire".'
    )
    assert all("then an attack" not in c.text for c in statements(text)), _said(statements(text))
