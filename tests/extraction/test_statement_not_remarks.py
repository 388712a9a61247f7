"""What is told in the shape of a statement but is nobody's remark (issue 14's strict read, branch stmt16a), on
sentences we wrote.

- "has said little about the timetable", "said nothing about it": the writer's account of what was not said; the
  words "little about the timetable" are nobody's remark. "said nothing unusual happened" is one, and stays.
- A cue that only describes the class of people a plan is for ("funds for candidates who reject large donations").
"""

from __future__ import annotations

from claims.extraction.statements.not_remarks import described_by_relative
from claims.extraction.statements.reported import Found

LEAD = "The ferry company cut its winter timetable on Monday.\n\n"


def _words(claims) -> list[str]:
    return [c.text for c in claims]


def test_said_little_about_is_no_remark(statements):
    text = LEAD + (
        "While the regional government has said little about the new timetable, two former mayors have a "
        "message for the company."
    )
    assert not any("little about" in w for w in _words(statements(text)))


def test_said_nothing_about_is_no_remark(statements):
    text = LEAD + "The harbour master said nothing about the cuts when he spoke to reporters on Tuesday."
    assert not any("nothing about" in w for w in _words(statements(text)))


def test_said_nothing_happened_is_a_remark(statements):
    text = LEAD + "The harbour master said nothing unusual happened on the crossing that night."
    claims = statements(text)
    assert any("nothing unusual happened" in w for w in _words(claims)), _words(claims)


def test_a_plain_report_beside_it_stays(statements):
    text = LEAD + "Tom Hale, the company's chairman, said that the cuts had gone too far."
    claims = [c for c in statements(text) if "gone too far" in c.text]
    assert len(claims) == 1 and claims[0].speaker == "Tom Hale"


def _relative_cue(nlp, sentence: str, cue: str) -> bool:
    doc = nlp(sentence)
    verb = next(t for t in doc if t.text == cue)
    found = Found(content=(verb.i, len(doc) - 1), cue=(verb.i, verb.i + 1), cue_i=verb.i, subject=verb.head)
    return described_by_relative(doc, found)


def test_the_class_a_plan_is_for_is_no_remark(nlp):
    sentence = (
        "The rules would give matching funds to island candidates who reject donations from shipping firms."
    )
    assert _relative_cue(nlp, sentence, "reject")


def test_a_group_set_off_by_a_comma_still_speaks(nlp):
    sentence = "The mayor's decision drew instant condemnation from Republicans, who called it an abuse of her power."
    assert not _relative_cue(nlp, sentence, "called")


def test_a_relative_clause_that_reports_words_stays(statements):
    text = LEAD + "The cuts were a boost for harbour reformers who say the subsidy is too generous."
    assert any("the subsidy is too generous" in w for w in _words(statements(text)))


def test_a_source_described_by_a_relative_clause_still_speaks(statements):
    text = LEAD + "The council, which rejected the plan last month, said the company had misled the island."
    assert any("had misled the island" in w for w in _words(statements(text)))


def test_a_clause_of_time_on_a_noun_still_reports(statements):
    text = LEAD + (
        "The council used the same script in the 2019 election, when Mayor Tom Hale effectively painted his rival "
        "as an out-of-touch owner who had inherited the ferry line."
    )
    claims = [c for c in statements(text) if "painted his rival" in c.text or "out-of-touch owner" in c.text]
    assert claims and claims[0].speaker == "Tom Hale", [(c.speaker, c.text) for c in statements(text)]


def test_any_thing_that_fits_the_clause_is_no_remark(statements):
    """ "not signing off on any measure that calls for raising the fee" (branch stmt16d): no measure is reported
    saying anything; the clause only says which measures are meant."""
    for sentence, words in (
        (
            "Members of the council had been unwilling to vote for any budget that called for raising the "
            "harbour fee for families who live on boats.",
            "harbour fee",
        ),
        (
            "The board had been reluctant about putting its name to any plan that called for selling the old "
            "pier to developers who build hotels.",
            "old pier",
        ),
    ):
        text = LEAD + sentence
        assert not [c for c in statements(text) if words in c.text], _words(statements(text))


def test_a_quantified_relative_clause_that_reports_a_clause_stays(nlp):
    """ "any lawmaker who claims that ..." gives a clause of words: left to the statement rules, not dropped here."""
    sentence = "Any lawmaker who claims that the fee is fair has not read the bill."
    assert not _relative_cue(nlp, sentence, "claims")


def test_the_particular_measure_that_calls_for_it_is_not_dropped_here(nlp):
    """ "the measure that called for raising the fee": a particular document, which the document rules judge."""
    sentence = "The board finally rejected the measure that called for raising the harbour fee."
    assert not _relative_cue(nlp, sentence, "called")


def test_a_happening_is_no_source(statements):
    """ "The press conference showed ... and suggested the strike could end soon" (branch stmt16d): a meeting, a
    vote or a hearing says nothing, so no statement is given to it."""
    for sentence in (
        'The press conference showed how far apart the two sides remain, even as Hale called the talks "useful" '
        "and suggested the strike could end soon.",
        "The council vote showed that most members want a lower fee.",
        "The hearing revealed that the pier had been unsafe for years.",
    ):
        text = LEAD + sentence
        claims = statements(text)
        said = [c.text for c in claims]
        assert not [w for w in said if any(p in w for p in ("strike could end", "lower fee", "unsafe"))], said


def test_people_at_a_happening_still_speak(statements):
    """ "People at the meeting said ...": the source is the people, not the meeting."""
    text = LEAD + "People at the meeting said the mayor had left early."
    assert any("the mayor had left early" in w for w in _words(statements(text)))


def test_a_conference_that_is_a_body_still_speaks(statements):
    """ "the conference responded that ..." where the conference is a body of bishops or mayors: it speaks (only a
    press or news conference is a happening)."""
    text = LEAD + (
        "The mayor said the letters did not speak for every town, but the conference of island mayors responded "
        "that the letters do represent its members."
    )
    assert any("represent its members" in w for w in _words(statements(text))), _words(statements(text))
