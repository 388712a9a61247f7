"""Date classes of dates15, on sentences written for these tests: one happening's time told two ways.

- A paper's report dated through its issue ("first reported in the Harbour Gazette in Monday's editions")
  is the paper's telling of that day: it is the same report as "the Harbour Gazette reported Monday", never
  another teller's telling of Monday ("the director said on the radio Monday").
- A clause opening with "one" that stands for the plural noun before it ("in several interviews, including
  one a couple of weeks ago on Radio Kestrel") dates one of those things: that noun is what it dates.
- One speaker's telling of one week under two verbs of saying ("Hartley said last week ..." / "Last week,
  Hartley dismissed the auditors' report") is one telling; another speaker's telling or a deed of that week
  is another happening.
"""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from newstext.span import Span
from tests.linking.linkable import linkable


def date(
    cid: str,
    article: str,
    sentence: str,
    clause: str,
    when: str,
    dated: str,
    value: str,
    published: dt.date = dt.date(2026, 3, 11),
):
    at = sentence.index(clause)
    precision = {4: "year", 7: "month"}.get(len(value), "day")
    claim = DateClaim(
        at, at + len(clause), clause, value, precision, expression=Span(at, at, when), dated=dated
    )
    return linkable(cid, article, claim, sentence, published=published)


def pairs(links, relation="corroborates"):
    return {frozenset((s.a_id, s.b_id)) for s in links if s.relation == relation}


MONDAY = "2026-03-09"
GAZETTE = (
    "The Harbour Gazette reported Monday morning that the ferry company was cutting its winter timetable."
)
EDITIONS = (
    "Ms. Quill said the company's plan for the timetable, which was first reported in the Harbour Gazette in "
    "Monday's editions, should be read as a response to falling ticket sales."
)
EDITIONS_CLAUSE = "the company's plan for the timetable, which was first reported in the Harbour Gazette in Monday's editions"
RADIO = 'The ferry company\'s director Tom Brack said on Radio Kestrel Monday that "the Harbour Gazette story was wrong."'


def gazette_reported_monday():
    """Article A's "The Harbour Gazette reported Monday morning ..."."""
    return date(
        "reported",
        "A",
        GAZETTE,
        "The Harbour Gazette reported Monday morning",
        "Monday morning",
        "reported",
        MONDAY,
    )


def test_a_report_dated_through_its_papers_issue_is_that_papers_telling_of_the_day():
    reported = gazette_reported_monday()
    editions = date("editions", "B", EDITIONS, EDITIONS_CLAUSE, "Monday", "editions", MONDAY)
    links = suggest_links([reported, editions])
    assert pairs(links) == {frozenset(("reported", "editions"))}
    assert links[0].confidence >= 0.75  # the same paper's report in both: sure


def test_another_tellers_telling_of_that_day_is_not_the_papers_report():
    radio = date(
        "radio",
        "A",
        RADIO,
        "The ferry company's director Tom Brack said on Radio Kestrel Monday",
        "Monday",
        "said",
        MONDAY,
    )
    editions = date("editions", "B", EDITIONS, EDITIONS_CLAUSE, "Monday", "editions", MONDAY)
    assert suggest_links([radio, editions]) == []


def test_an_issue_with_no_telling_in_its_clause_stays_what_it_was():
    """ "printed in Monday's editions" is no telling verb: the issue word is kept as what is dated, and a
    telling of the day by the paper is a telling and another deed (never a sure match)."""
    printed = "The correction was printed in the Harbour Gazette in Monday's editions."
    editions = date("printed", "B", printed, printed[:-1], "Monday", "editions", MONDAY)
    reported = gazette_reported_monday()
    assert all(s.confidence < 0.75 for s in suggest_links([reported, editions]))


INTERVIEWS = (
    "Mayor Ana Ortiz, since announcing the levy last month, has defended it in several interviews, including "
    "one a couple of weeks ago on Radio Kestrel."
)
INTERVIEW = "In an interview this month on Radio Kestrel, Ms. Ortiz said the levy would pay for the new pier."


def interview_this_month():
    """Article B's "In an interview this month on Radio Kestrel, Ms. Ortiz said ..."."""
    return date(
        "month",
        "B",
        INTERVIEW,
        "In an interview this month on Radio Kestrel, Ms. Ortiz said",
        "this month",
        "interview",
        "2026-03",
    )


def test_one_of_several_things_dates_the_noun_it_stands_for():
    one = date(
        "one",
        "A",
        INTERVIEWS,
        "including one a couple of weeks ago",
        "a couple of weeks ago",
        "including",
        "2026-03-11",
    )
    month = interview_this_month()
    one.published = month.published = dt.date(2026, 3, 25)
    links = suggest_links([one, month])
    assert pairs(links) == {frozenset(("one", "month"))}
    assert links[0].confidence < 0.75  # a day inside a month: never sure


def test_one_with_a_different_noun_before_it_shares_only_names():
    """ "in several letters, including one ..." is a letter, not the interview on the same station's name."""
    letters = (
        "Mayor Ana Ortiz has answered the critics in several letters, including one a couple of weeks ago to "
        "Radio Kestrel."
    )
    one = date(
        "one",
        "A",
        letters,
        "including one a couple of weeks ago to Radio Kestrel",
        "a couple of weeks ago",
        "including",
        "2026-03-11",
    )
    month = interview_this_month()
    assert suggest_links([one, month]) == []


SAID = "Hartley, a Liberal and chairman of the Dunmore Finance Committee, said last week the audit figures were wrong, a point the auditors dispute."
DISMISSED = (
    "Last week, Councillor Hartley dismissed the auditors' report, claiming the figures were out of date."
)


def said_last_week(published):
    """Hartley's "said last week" in article A, published on `published`."""
    return date(
        "said", "A", SAID, SAID[: SAID.index(" the audit")], "last week", "said", "2026-03", published
    )


def dismissed_last_week(text, name):
    """`name`'s "Last week, ... dismissed the auditors' report" in article B, published 10 March."""
    clause = f"Last week, Councillor {name} dismissed the auditors' report"
    return date("dismissed", "B", text, clause, "Last week", "dismissed", "2026-03", dt.date(2026, 3, 10))


def test_one_speakers_telling_of_one_week_under_two_verbs_of_saying_is_one_telling():
    said = said_last_week(dt.date(2026, 3, 11))
    dismissed = dismissed_last_week(DISMISSED, "Hartley")
    links = suggest_links([said, dismissed])
    assert pairs(links) == {frozenset(("said", "dismissed"))}
    assert links[0].confidence < 0.75  # a week, not a day: never sure


def test_last_week_of_articles_two_weeks_apart_is_two_weeks():
    said = said_last_week(dt.date(2026, 3, 18))
    dismissed = dismissed_last_week(DISMISSED, "Hartley")
    assert suggest_links([said, dismissed]) == []


def test_another_speakers_telling_of_that_week_is_another_telling():
    other = (
        "Last week, Councillor Dowling dismissed the auditors' report, claiming the figures were out of date."
    )
    said = said_last_week(dt.date(2026, 3, 11))
    dismissed = dismissed_last_week(other, "Dowling")
    assert suggest_links([said, dismissed]) == []


def test_a_deed_of_that_week_is_not_the_telling():
    """ "sent a letter last week" is a deed, not Hartley' telling, even about the same report."""
    sent = "Last week, Councillor Hartley sent the auditors' report back to the finance committee."
    said = said_last_week(dt.date(2026, 3, 11))
    deed = date("sent", "B", sent, sent[:-1], "Last week", "sent", "2026-03", dt.date(2026, 3, 10))
    assert suggest_links([said, deed]) == []


WED = "2026-03-11"
REITERATED = "Councillor Mara Hartley on Wednesday reiterated that she opposes the harbour levy, hours after the mayor backed it."
LAID_OUT = (
    "On Wednesday, ahead of Mayor Ortiz's announcement, Ms. Hartley laid out her case that the levy would "
    "drive the fishing fleet from the harbour."
)
QUOTED = '"The fleet will simply go elsewhere," Ms. Hartley said Wednesday.'


def test_one_speakers_day_under_two_verbs_of_saying_is_one_telling():
    """ "reiterated that she opposes" / "laid out her case that": one telling, and the other outlet's
    sentence sharing what was told is the one that confirms the day (not a bare "said Wednesday")."""
    reiterated = date(
        "reiterated",
        "A",
        REITERATED,
        "Councillor Mara Hartley on Wednesday reiterated",
        "on Wednesday",
        "reiterated",
        WED,
    )
    laid = date(
        "laid", "B", LAID_OUT, LAID_OUT[: LAID_OUT.index(" that the levy")], "On Wednesday", "laid", WED
    )
    quoted = date("quoted", "B", QUOTED, "Ms. Hartley said Wednesday", "Wednesday", "said", WED)
    links = suggest_links([reiterated, laid, quoted])
    assert frozenset(("reiterated", "laid")) in pairs(links)


def test_another_speakers_day_under_a_verb_of_saying_is_another_telling():
    """The mayor's telling of Wednesday against Ms. Hartley's, whose sentence also names the mayor: the
    speaker of each telling is who speaks before its verb, not any name of the sentence."""
    other = "At a packed meeting of the chamber of commerce, Ortiz on Wednesday reiterated her support."
    laid_out = (
        "On Wednesday, in anticipation of Ortiz's announcement, Ms. Hartley laid out her case that the levy "
        "would drive the fishing fleet from the harbour."
    )
    mayor = date("mayor", "A", other, other[:-1], "on Wednesday", "reiterated", WED)
    laid = date(
        "laid", "B", laid_out, laid_out[: laid_out.index(" that the levy")], "On Wednesday", "laid", WED
    )
    assert suggest_links([mayor, laid]) == []


def test_a_name_after_a_preposition_is_not_who_speaks():
    """ "on the Council floor, Council Leader Tom Dowling argued" / "Councillors Mara Hartley of Carlow
    and Ben Oduya urged": two tellings of Thursday by different people, whatever names a place."""
    thu = "2026-03-12"
    floor = (
        "On Thursday morning on the Council floor, Council Leader Tom Dowling argued against any new levy."
    )
    lunch = (
        "At a closed-door lunch on Thursday, Councillors Mara Hartley of Carlow and Ben Oduya of Brookfield "
        "urged members to hold the line on the levy."
    )
    argued = date(
        "argued", "A", floor, floor[: floor.index(" against")], "On Thursday morning", "argued", thu
    )
    urged = date("urged", "B", lunch, lunch[: lunch.index(" members")], "on Thursday", "urged", thu)
    assert suggest_links([argued, urged]) == []
