"""Date classes found by reading the demo's second pass: a date claim whose clause runs on into a
relative clause about another happening, a "today" the speaker says inside a quotation, and two stories the
events keep apart that share a verb and a noun. Sentences written for these tests."""

from __future__ import annotations

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from claims.linking.links.features import dated_clause
from newstext.span import Span
from tests.linking.linkable import linkable


def dated(cid, article, sentence, clause, when, value, verb, event="e1", published="2024-05-08"):
    """A date claim as the app rebuilds it from a stored one: its clause, its date words' text only."""
    import datetime as dt

    at = sentence.index(clause)
    precision = {4: "year", 7: "month"}.get(len(value), "day")
    claim = DateClaim(
        at, at + len(clause), clause, value, precision, expression=Span(at, at, when), dated=verb
    )
    return linkable(cid, article, claim, sentence, event_id=event, published=dt.date.fromisoformat(published))


PLEDGE = (
    "The health minister on Tuesday promised new scanners for the town, where a fire destroyed two wards "
    "of Elmbury hospital last week."
)
FIRE = "A fire destroyed two wards of Elmbury hospital in May, the fire brigade said."


def test_a_relative_clause_after_the_date_words_is_not_what_the_date_dates():
    """'promised on Tuesday ..., where last week's fire destroyed two wards' dates the promise: the fire's
    words in the relative clause do not make it the day of the fire."""
    pledge = dated("pledge", "A", PLEDGE, PLEDGE.rstrip("."), "on Tuesday", "2024-05-07", "promised")
    fire = dated(
        "fire",
        "B",
        FIRE,
        "A fire destroyed two wards of Elmbury hospital in May",
        "in May",
        "2024-05",
        "destroyed",
    )
    assert dated_clause(pledge.claim) == "The health minister on Tuesday promised new scanners for the town"
    assert suggest_links([pledge, fire]) == []


def test_a_relative_clause_holding_the_date_words_stays_with_what_it_dates():
    """'the ferries, which berthed on 3 May': the date sits in the relative clause, which is kept whole,
    and it corroborates another outlet's 'the ferries berthed in Pellan on 3 May'."""
    sentence = "Officials inspected the ferries, which berthed in Pellan on 3 May."
    other = "Two ferries berthed in Pellan on 3 May, the port said."
    a = dated(
        "a",
        "A",
        sentence,
        "the ferries, which berthed in Pellan on 3 May",
        "on 3 May",
        "2024-05-03",
        "berthed",
    )
    b = dated("b", "B", other, "Two ferries berthed in Pellan on 3 May", "on 3 May", "2024-05-03", "berthed")
    assert dated_clause(a.claim) == a.claim.text
    [link] = suggest_links([a, b])
    assert link.relation == "corroborates"


MAYOR = 'The mayor said the valley needed dry housing "today, not in a year", and asked for army help.'
VISIT = "Volunteers built dry housing in the valley today, a day after the floods."


def test_today_inside_a_quotation_is_the_speakers_day_and_dates_nothing():
    """'needed help "today"' is the speaker's word for when help is due, not a day the article dates:
    it is compared only with another outlet's quotation of the remark; without the quotation marks the
    same words would be compared."""
    quoted = dated(
        "quoted", "A", MAYOR, 'the valley needed dry housing "today', "today", "2024-05-08", "needed"
    )
    visit = dated(
        "visit",
        "B",
        VISIT,
        "Volunteers built dry housing in the valley today",
        "today",
        "2024-05-08",
        "built",
    )
    assert suggest_links([quoted, visit]) == []
    again = dated(
        "again",
        "C",
        MAYOR.replace("The mayor said", "The mayor told reporters"),
        'the valley needed dry housing "today',
        "today",
        "2024-05-08",
        "needed",
    )
    assert [s.relation for s in suggest_links([quoted, again])] == ["corroborates"], (
        "one remark, quoted twice"
    )
    split = dated(
        "split",
        "D",
        'the valley needed dry housing today," the mayor said.',
        "the valley needed dry housing today",
        "today",
        "2024-05-08",
        "needed",
    )
    assert [s.relation for s in suggest_links([quoted, split])] == ["corroborates"], (
        "its opening mark cut off"
    )
    plain = MAYOR.replace('"', "")
    unquoted = dated(
        "plain", "A", plain, "the valley needed dry housing today", "today", "2024-05-08", "needed"
    )
    assert [s.relation for s in suggest_links([unquoted, visit])] == ["corroborates"]


BUDGET = "The council set aside $2 million to rebuild the seafront steps, damaged by storms last month."
STORM = "Storms damaged the pier at Westcliff on 12 April, the coastguard said."


def test_two_stories_the_events_keep_apart_need_a_shared_name_for_one_date():
    """A budget story's 'damaged by storms last month' and a storm story's 'storms damaged the pier' share
    a verb and a noun; in two events with no name in common they date two happenings. In one event, or
    naming the same place, they may be one."""
    budget = dated(
        "budget",
        "A",
        BUDGET,
        "the seafront steps, damaged by storms last month",
        "last month",
        "2024-04",
        "damaged",
        event="budget",
    )
    storm = dated(
        "storm",
        "B",
        STORM,
        "Storms damaged the pier at Westcliff on 12 April",
        "on 12 April",
        "2024-04-12",
        "damaged",
        event="storm",
    )
    assert suggest_links([budget, storm]) == []
    same_event = dated(
        "budget",
        "A",
        BUDGET,
        "the seafront steps, damaged by storms last month",
        "last month",
        "2024-04",
        "damaged",
        event="storm",
    )
    assert [s.relation for s in suggest_links([same_event, storm])] == ["corroborates"]
    named = BUDGET.replace("the seafront steps", "the Westcliff seafront steps")
    budget_named = dated(
        "budget",
        "A",
        named,
        "the Westcliff seafront steps, damaged by storms last month",
        "last month",
        "2024-04",
        "damaged",
        event="budget",
    )
    assert [s.relation for s in suggest_links([budget_named, storm])] == ["corroborates"]
