"""Date classes of dates16b, on sentences written for these tests.

- One calendar day naming one noun in two outlets ("the Jan. 8, 2026, collision at the pier" / "the Jan. 8
  collision, which damaged two ferries") is one happening, whatever the clauses around it tell (a review
  published, messages that say little): the day is written as the name of the thing. A weekday before a
  noun ("the Friday vote") or two nouns ("the Jan. 8 collision" / "the Jan. 8 hearing") are not this.
- A passive deed with no agent ("Hale was arrested early Thursday") happened to the one the clause names:
  that person's own telling of the same day ("Hale on Thursday said ...") is another fact.
"""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from claims.linking.links.dates import undergone
from claims.linking.links.features import features
from newstext.span import Span
from tests.linking.linkable import linkable

PUBLISHED = dt.date(2026, 3, 13)


def date(cid: str, sentence: str, clause: str, when: str, dated: str, value: str):
    at = sentence.index(clause)
    written = sentence.index(when)
    claim = DateClaim(
        at,
        at + len(clause),
        clause,
        value,
        "day",
        expression=Span(written, written + len(when), when),
        dated=dated,
    )
    return linkable(cid, cid, claim, sentence, published=PUBLISHED)


def pairs(links):
    return {frozenset((s.a_id, s.b_id)) for s in links if s.relation == "corroborates"}


REVIEW = "Officials on Thursday published a review of the Jan. 8, 2026, collision at the harbour pier."
MESSAGES = "Messages seen by reporters say little about the Jan. 8 collision, which damaged two ferries."


def review(cid="review"):
    clause = "Officials on Thursday published a review of the Jan. 8, 2026"
    return date(cid, REVIEW, clause, "Jan. 8, 2026", "published", "2026-01-08")


def messages(sentence=MESSAGES, cid="messages", when="Jan. 8", value="2026-01-08"):
    clause = sentence.rstrip(".")
    return date(cid, sentence, clause, when, "say", value)


def test_one_calendar_day_naming_one_noun_is_one_happening():
    links = suggest_links([review(), messages()])
    assert pairs(links) == {frozenset(("review", "messages"))}
    (link,) = links
    assert link.confidence >= 0.75
    assert "collision" in link.rationale


def test_a_denial_of_something_else_leaves_the_named_day_presupposed():
    # "no new details about the Jan. 8 collision" denies details, not the collision
    denial = "The messages revealed no new details about the Jan. 8 collision, which damaged two ferries."
    assert pairs(suggest_links([review(), messages(denial)])) == {frozenset(("review", "messages"))}


def test_one_day_naming_two_nouns_is_two_happenings():
    hearing = "Messages seen by reporters say little about the Jan. 8 hearing, which lasted two hours."
    assert not pairs(suggest_links([review(), messages(hearing)]))


def test_a_day_that_names_no_noun_is_not_this_class():
    sank = "Messages seen by reporters say little, and on Jan. 8 the ferry sank near two others."
    assert not pairs(suggest_links([review(), messages(sank)]))


def test_a_weekday_before_a_noun_is_not_a_calendar_day():
    friday = "Messages seen by reporters say little about the Thursday collision, which damaged two ferries."
    friday_review = "Officials published on Friday a review of the Thursday collision at the harbour pier."
    a = date("review", friday_review, friday_review.rstrip("."), "Thursday", "published", "2026-03-12")
    b = messages(friday, when="Thursday", value="2026-03-12")
    assert not pairs(suggest_links([a, b]))


def test_another_day_naming_the_same_noun_is_not_linked():
    other = "Messages seen by reporters say little about the Jan. 9 collision, which damaged two ferries."
    assert not pairs(suggest_links([review(), messages(other, when="Jan. 9", value="2026-01-09")]))


ARRESTED = "Hale, the former treasurer, was arrested early Thursday on charges that include fraud."
SAID = "Hale on Thursday said the charges were political."
THURSDAY = "2026-03-12"


def test_a_passive_deeds_subject_telling_that_day_is_another_fact():
    arrested = date("arrested", ARRESTED, ARRESTED.rstrip("."), "early Thursday", "arrested", THURSDAY)
    said = date("said", SAID, "Hale on Thursday said", "on Thursday", "said", THURSDAY)
    assert not pairs(suggest_links([arrested, said]))


def test_a_deed_is_undergone_only_when_passive_with_no_agent_named():
    def feats(sentence, dated):
        return features(date("x", sentence, sentence.rstrip("."), "early Thursday", dated, THURSDAY))

    assert undergone(feats(ARRESTED, "arrested"))
    assert undergone(feats("Two crew members were quietly taken early Thursday to the station.", "taken"))
    assert not undergone(feats("Hale fired the harbour chief early Thursday.", "fired"))
    assert not undergone(feats("The chief was fired early Thursday by Mayor Ortiz.", "fired"))
    # a passive telling ("were disclosed") is a telling whose teller is left out, not a deed undergone
    assert not undergone(feats("The audit findings were disclosed early Thursday.", "disclosed"))


WEDNESDAY = "2026-03-11"
MET_LINDQVIST = "Lindqvist, 61, met with Ortiz at City Hall on Wednesday afternoon."
MET_OTHERS = "Ortiz also met Wednesday with the harbour chief Tom Brack and the former mayor Lena Voss."
MET_FOUR = "Ortiz met on Wednesday with Lindqvist and three other candidates for the harbour post."
MET_ONE = "Ortiz met on Wednesday with Lindqvist, who hopes to lead the harbour."


def met(cid: str, article: str, sentence: str, when: str, start: int = 0):
    """A date claim of the whole sentence, which starts at `start` of its article."""
    at = start + sentence.index(when)
    claim = DateClaim(
        start,
        start + len(sentence) - 1,
        sentence.rstrip("."),
        WEDNESDAY,
        "day",
        expression=Span(at, at + len(when), when),
        dated="met",
    )
    return linkable(cid, article, claim, sentence, published=PUBLISHED, sentence_start=start)


def test_two_meetings_of_one_day_with_other_people_are_two_happenings():
    a = met("lindqvist", "F", MET_LINDQVIST, "on Wednesday afternoon")
    b = met("others", "H", MET_OTHERS, "Wednesday")
    c = met("one", "N", MET_ONE, "on Wednesday")
    links = pairs(suggest_links([a, b, c]))
    assert frozenset(("others", "one")) not in links
    assert frozenset(("lindqvist", "one")) in links


def test_one_article_confirms_a_day_once_for_each_meeting_of_the_others_list():
    # "with Lindqvist and three other candidates" takes in both meetings the other article tells
    a = met("lindqvist", "F", MET_LINDQVIST, "on Wednesday afternoon")
    b = met("others", "F", MET_OTHERS, "Wednesday", start=200)
    c = met("four", "H", MET_FOUR, "on Wednesday")
    assert pairs(suggest_links([a, b, c])) == {
        frozenset(("lindqvist", "four")),
        frozenset(("others", "four")),
    }


def test_one_article_still_confirms_one_meeting_once():
    a = met("lindqvist", "F", MET_LINDQVIST, "on Wednesday afternoon")
    again = "Lindqvist met with Ortiz on Wednesday afternoon to talk about the harbour post."
    b = met("again", "F", again, "on Wednesday afternoon", start=200)
    c = met("one", "H", MET_ONE, "on Wednesday")
    assert len(pairs(suggest_links([a, b, c]))) == 1


TICKET = "Lindqvist, who ran for mayor on Ana Voss's 2004 ticket, met with Ortiz on Wednesday."
CANDIDATE = (
    "Lindqvist, who was the 2004 Liberal candidate for mayor before losing a primary bid, is on the list."
)
LEFT = "Lindqvist, who left the party in 2004 after a dispute, has not commented."
OTHER = "Brandvold, who was the 2004 Liberal candidate for mayor before losing a primary bid, is on the list."


def year(cid: str, sentence: str):
    clause = sentence.split(",")[0] + "," + sentence.split(",")[1]
    at = sentence.index("2004")
    claim = DateClaim(0, len(clause), clause, "2004", "year", expression=Span(at, at + 4, "2004"))
    return linkable(cid, cid, claim, sentence, published=PUBLISHED)


def test_one_persons_role_of_one_year_in_two_who_clauses_is_one_happening():
    links = suggest_links([year("ticket", TICKET), year("candidate", CANDIDATE)])
    assert pairs(links) == {frozenset(("ticket", "candidate"))}
    assert all(s.confidence < 0.75 for s in links)


def test_another_thing_of_that_year_or_another_person_is_not_linked():
    assert not pairs(suggest_links([year("candidate", CANDIDATE), year("left", LEFT)]))
    assert not pairs(suggest_links([year("ticket", TICKET), year("other", OTHER)]))
