"""Link classes of links15b, on sentences written for these tests: one public appearance of one person
told with two words for it ("a speech Thursday" / "in advance of her visit there on Thursday") is one
happening on one day; one group of people counted under two nouns for them ("nearly 40 nurses and
porters" / "nearly 40 hospital staff members") is one count; a name-made word for a believer ("a
Methodist" is not one of them, "a Catholic" is) names no actor of a date's clause."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim, QuantityClaim
from claims.linking.links import suggest_links
from newstext.span import Span
from tests.linking.linkable import linkable

DAY = "2026-05-14"


def day(cid: str, article: str, sentence: str, clause: str, when: str, dated: str, value: str = DAY):
    at = sentence.index(clause)
    precision = "day" if len(value) == 10 else "month"
    claim = DateClaim(
        at, at + len(clause), clause, value, precision, expression=Span(at, at, when), dated=dated
    )
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 5, 12))


SPEECH = "Lena Marsh is heading to Brookfield for a speech Thursday morning."
APPEARANCE = "The teachers wrote to Ms. Marsh in advance of her appearance on the campus on Thursday morning."
VISIT = "The letter was signed by nearly 40 lecturers in advance of Ms. Marsh's visit there on Thursday."


def test_one_appearance_told_as_a_speech_an_appearance_and_a_visit_is_one_day():
    speech = day("speech", "A", SPEECH, SPEECH[:-1], "Thursday morning", "speech")
    appearance = day("appearance", "B", APPEARANCE, APPEARANCE[:-1], "on Thursday morning", "appearance")
    visit = day("visit", "C", VISIT, VISIT[:-1], "on Thursday", "visit")
    links = suggest_links([speech, appearance, visit])
    pairs = {frozenset((s.a_id, s.b_id)) for s in links if s.relation == "corroborates"}
    assert pairs == {
        frozenset(("speech", "appearance")),
        frozenset(("speech", "visit")),
        frozenset(("appearance", "visit")),
    }


def test_two_peoples_appearances_on_one_day_are_two_happenings():
    """The governor's speech and the mayor's visit on the same Thursday: one word for both, two actors."""
    speech = day("speech", "A", SPEECH, SPEECH[:-1], "Thursday morning", "speech")
    other = "Mayor Tom Reyes of Carlow is expected in Dunmore for a visit on Thursday morning."
    visit = day("visit", "B", other, other[:-1], "on Thursday morning", "visit")
    assert suggest_links([speech, visit]) == []


def test_a_believers_word_names_no_actor_of_a_telling_and_a_deed():
    """ "Hale, a Catholic and head of the council, said last week" and "teachers at St Brendan's, also a
    Catholic school, sent a letter last Friday": the shared word is no actor, so a telling and another
    group's deed in one month are two facts."""
    said = "Councillor Tom Hale, a Catholic and chairman of the finance committee, said last week the levy would stay."
    told = day("told", "A", said, said[: said.index(" the levy")], "last week", "said", "2026-05")
    sent = (
        "Dozens of teachers at St Brendan's, also a Catholic school, sent a letter to the chairman of the "
        "finance committee last Friday asking him to resign."
    )
    deed = day("deed", "B", sent, sent[:-1], "last Friday", "sent", "2026-05-08")
    assert suggest_links([told, deed]) == []


def count(cid: str, article: str, sentence: str, words: str, value: float, unit: str, unit_class: str, **kw):
    at = sentence.index(words)
    claim = QuantityClaim(at, at + len(words), words, value, value, unit, unit_class, **kw)
    return linkable(cid, article, claim, sentence)


NURSES = "A group of nearly 40 nurses and porters at Linwood Hospital has sent the health board a petition."
STAFF = "Nearly 40 Linwood Hospital staff members have signed a petition against the ward closures."
APPROX = {"approximate": True, "direction": "~"}


def test_one_group_counted_under_two_nouns_for_its_people_corroborates():
    nurses = count("nurses", "A", NURSES, "nearly 40 nurses", 40, "nurses", "nurse", **APPROX)
    staff = count(
        "staff",
        "B",
        STAFF,
        "Nearly 40 Linwood Hospital staff members",
        40,
        "staff members",
        "member",
        **APPROX,
    )
    [link] = suggest_links([nurses, staff])
    assert link.relation == "corroborates" and link.confidence < 0.75


def test_two_groups_of_the_same_size_or_counts_written_differently_do_not_link():
    nurses = count("nurses", "A", NURSES, "nearly 40 nurses", 40, "nurses", "nurse", **APPROX)
    march = "Nearly 40 students marched through Dunmore on Saturday to protest against bus fares."
    students = count("students", "B", march, "Nearly 40 students", 40, "students", "student", **APPROX)
    assert suggest_links([nurses, students]) == []
    # the same sentence, but an exact figure against "nearly 40", or a bound: not written alike
    exact = count("exact", "B", STAFF, "40 Linwood Hospital staff members", 40, "staff members", "member")
    bound = count(
        "bound", "C", STAFF, "40 Linwood Hospital staff members", 40, "staff members", "member", direction=">"
    )
    assert suggest_links([nurses, exact]) == []
    assert suggest_links([nurses, bound]) == []


def test_small_counts_of_people_under_two_nouns_do_not_link():
    """ "two officials" and "two members" are in every story: a small figure names no group."""
    one = "Two officials at Linwood Hospital have sent the health board a petition."
    two = "Two staff members at Linwood Hospital have signed a petition to the health board."
    a = count("a", "A", one, "Two officials", 2, "officials", "official")
    b = count("b", "B", two, "Two staff members", 2, "staff members", "member")
    assert suggest_links([a, b]) == []


def test_giving_a_speech_or_a_lecture_is_the_appearance_a_visit_names():
    """ "will deliver the Orchard Lecture on Thursday" and "ahead of Ms. Marsh's visit on Thursday": the
    verb of giving dates the lecture; "will make a decision on Thursday" is no appearance."""
    waiting = "Protesters will wait outside ahead of Ms. Marsh's visit on Thursday."
    visit = day("visit", "B", waiting, waiting[:-1], "on Thursday", "visit")
    lecture = "Governor Lena Marsh will deliver the Orchard Lecture on Thursday."
    given = day("lecture", "A", lecture, lecture[:-1], "on Thursday", "deliver")
    [link] = suggest_links([given, visit])
    assert link.relation == "corroborates"
    decision = "Governor Lena Marsh will make a decision on the budget on Thursday."
    decided = day("decision", "A", decision, decision[:-1], "on Thursday", "make")
    assert suggest_links([decided, visit]) == []


def test_a_speech_delivered_is_the_speech_named_whoever_the_sentences_name():
    """ "who delivered his speech at the Harbour Club on Wednesday" / "In Wednesday's speech the senator
    also criticised Mayor Reyes": no name in common, but the speech is what both date."""
    club = "The Calvarra senator, who delivered his speech at the Harbour Club in Dunmore on Wednesday, left early."
    delivered = day(
        "delivered", "A", club, club[: club.index(", left")], "on Wednesday", "delivered", "2026-05-13"
    )
    swipe = "In Wednesday's speech the senator also criticised Mayor Tom Reyes of Carlow."
    named = day("named", "B", swipe, swipe[:-1], "Wednesday", "speech", "2026-05-13")
    [link] = suggest_links([delivered, named])
    assert link.relation == "corroborates"
