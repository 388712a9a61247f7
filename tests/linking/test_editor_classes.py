"""The link classes an editor checks first on a story nobody tuned for (issue 15), each on a small story
of our own told by two or three outlets and imported as a user would: extraction, events and links as
the app runs them. Links an editor makes at once (one speaker's quote in two outlets, one date written
two ways, one tally written two ways, a rounded figure and the precise one, two precise figures for one
cost, "since YEAR" against "since YEAR+1") and links an editor never makes (arrivals months apart, an
arrival and a departure, a denial agreeing with what it denies, "N others" against "N+1 in all", one
remark contradicting itself, a weekday to come read as one gone, two versions of a past post agreeing)."""

from __future__ import annotations

import pytest

from tests.linking.editor_stories import Report, claims_at, import_reports, links_between, relations_between

pytestmark = pytest.mark.django_db

BRIDGE_A = Report(
    "Harbour Gazette",
    "2026-03-10",
    "Marrowick shuts Old Quay bridge to lorries",
    "Marrowick closed the Old Quay bridge to heavy lorries on Monday after engineers found cracks in two "
    'of its piers. "We cannot keep a crumbling bridge open to heavy lorries," Mayor Tomas Rell said at '
    "the town hall. The repairs will cost $2.4 million, the council said. Lorries will use the ring road "
    "until the work is done.",
)
BRIDGE_B = Report(
    "Radio Calvarra",
    "2026-03-10",
    "Old Quay bridge closed to lorries in Marrowick",
    "Heavy lorries can no longer cross the Old Quay bridge in Marrowick, the town council said on Monday. "
    "Engineers found cracks in the bridge's piers last week. \"We cannot keep a crumbling bridge open to "
    'heavy lorries," Rell told reporters. The council put the cost of the repairs at $2,385,000.',
)


def test_one_speakers_quote_in_two_outlets_corroborates(tmp_path):
    """The mayor's words, quoted word for word by two outlets (named in full in one, by surname in the
    other), are one remark: the link is made, as a corroboration, and is sure."""
    articles = import_reports(tmp_path, [BRIDGE_A, BRIDGE_B])
    quote = "We cannot keep a crumbling bridge open to heavy lorries"
    a = claims_at(articles["Harbour Gazette"], quote, "statement")
    b = claims_at(articles["Radio Calvarra"], quote, "statement")
    assert a and b
    [link] = links_between(a, b)
    assert link.relation == "corroborates" and link.confidence >= 0.75


def test_a_rounded_figure_corroborates_the_precise_one(tmp_path):
    """$2.4 million is $2,385,000 rounded: the two costs of the repairs agree."""
    articles = import_reports(tmp_path, [BRIDGE_A, BRIDGE_B])
    a = claims_at(articles["Harbour Gazette"], "$2.4 million", "quantity")
    b = claims_at(articles["Radio Calvarra"], "$2,385,000", "quantity")
    assert relations_between(a, b) == {"corroborates"}


LIBRARY_A = Report(
    "Harbour Gazette",
    "2026-04-02",
    "Marrowick library reopens after renovation",
    "The Marrowick town library reopened on Wednesday after a year of building work. The renovation cost "
    "$1,245,000, the council's finance office said. The library now has a children's wing and a cafe.",
)
LIBRARY_B = Report(
    "Radio Calvarra",
    "2026-04-02",
    "Marrowick library opens its doors again",
    "Readers returned to the Marrowick library on Wednesday as it reopened after a year-long renovation. "
    "The renovation cost $1,312,000, according to council records seen by Radio Calvarra. The building "
    "has been closed since 2019, when its roof began to leak.",
)
LIBRARY_C = Report(
    "Calvarra Post",
    "2026-04-03",
    "Library in Marrowick reopens",
    "The Marrowick library is open again after its renovation. The building had been closed since 2020, "
    "librarian Ida Brenn said, and its readers had used a mobile library in the meantime.",
)


def test_two_precise_figures_for_one_cost_contradict(tmp_path):
    """$1,245,000 and $1,312,000 for the one renovation: both written to the dollar, so they conflict."""
    articles = import_reports(tmp_path, [LIBRARY_A, LIBRARY_B, LIBRARY_C])
    a = claims_at(articles["Harbour Gazette"], "$1,245,000", "quantity")
    b = claims_at(articles["Radio Calvarra"], "$1,312,000", "quantity")
    assert relations_between(a, b) == {"contradicts"}


def test_since_one_year_against_since_the_next_contradicts(tmp_path):
    """The library closed "since 2019" in one outlet and "since 2020" in another: one state, two starts."""
    articles = import_reports(tmp_path, [LIBRARY_A, LIBRARY_B, LIBRARY_C])
    a = claims_at(articles["Radio Calvarra"], "since 2019", "date")
    b = claims_at(articles["Calvarra Post"], "since 2020", "date")
    assert a and b
    assert relations_between(a, b) == {"contradicts"}


VOTE_A = Report(
    "Harbour Gazette",
    "2026-03-16",
    "Marrowick council to vote on harbour budget",
    "The Marrowick town council will vote on the harbour budget on Thursday, council clerk Ana Duvo said "
    "on Monday. The budget sets aside money for dredging the north channel.",
)
VOTE_B = Report(
    "Radio Calvarra",
    "2026-03-17",
    "Harbour budget vote set for March 19",
    "Marrowick councillors will vote on the harbour budget on March 19, the council said. The budget pays "
    "for dredging the north channel and for a new pilot boat.",
)


def test_one_scheduled_date_written_two_ways_corroborates(tmp_path):
    """ "On Thursday" in a Monday article and "on March 19" the next day date the one vote to come."""
    articles = import_reports(tmp_path, [VOTE_A, VOTE_B])
    a = claims_at(articles["Harbour Gazette"], "on Thursday", "date")
    b = claims_at(articles["Radio Calvarra"], "on March 19", "date")
    assert a and b
    assert all(c.date_value and c.date_value.isoformat() == "2026-03-19" for c in a)
    assert relations_between(a, b) == {"corroborates"}


WEEKDAY_A = Report(
    "Harbour Gazette",
    "2026-03-17",
    "Ferry strike talks to resume on Monday",
    "Talks between the Marrowick ferry company and its crews will resume on Monday, the union said on "
    "Tuesday. Crews walked out last week over pay.",
)
WEEKDAY_B = Report(
    "Radio Calvarra",
    "2026-03-18",
    "Ferry talks set for March 23",
    "The Marrowick ferry company and the crews' union will meet again on March 23 to end the strike over "
    "pay, the union said. No ferries have sailed since the walkout began.",
)


def test_a_weekday_to_come_is_not_resolved_into_the_past_week(tmp_path):
    """ "Talks will resume on Monday" in a Tuesday article is the coming Monday: it agrees with "March 23"
    and never conflicts with it."""
    articles = import_reports(tmp_path, [WEEKDAY_A, WEEKDAY_B])
    a = claims_at(articles["Harbour Gazette"], "on Monday", "date")
    b = claims_at(articles["Radio Calvarra"], "on March 23", "date")
    assert a and b
    assert "contradicts" not in relations_between(a, b)
    assert all(c.date_value is None or c.date_value.isoformat() == "2026-03-23" for c in a)


TALLY_A = Report(
    "Harbour Gazette",
    "2026-05-06",
    "Council approves Marrowick harbour budget",
    "The Marrowick town council approved the harbour budget by a 7-2 vote on Tuesday. Dredging of the north "
    "channel will start in June.",
)
TALLY_B = Report(
    "Radio Calvarra",
    "2026-05-06",
    "Marrowick harbour budget passes",
    "Marrowick councillors voted 7 to 2 on Tuesday to approve the harbour budget. The two councillors who "
    "voted against it said the dredging was too costly.",
)


def test_one_vote_tally_written_two_ways_corroborates(tmp_path):
    """ "A 7-2 vote" and "voted 7 to 2" are one tally of one vote."""
    articles = import_reports(tmp_path, [TALLY_A, TALLY_B])
    a = claims_at(articles["Harbour Gazette"], "7-2", "quantity")
    b = claims_at(articles["Radio Calvarra"], "7 to 2", "quantity")
    assert a and b
    assert relations_between(a, b) == {"corroborates"}


FRIGATES_A = Report(
    "Harbour Gazette",
    "2026-09-20",
    "Calvarran frigates in Marrowick again",
    "Two Calvarran navy frigates arrived in Marrowick on Saturday, the port authority said. The ships will "
    "stay for a week of repairs. Two other Calvarran frigates arrived in Marrowick in March and left in "
    "April.",
)
FRIGATES_B = Report(
    "Radio Calvarra",
    "2026-09-21",
    "Frigates return to Marrowick",
    "The Calvarran navy's frigates are back in Marrowick. Two frigates arrived in Marrowick in March, the "
    "port authority said, and the navy now uses the port for repairs.",
)


def test_arrivals_months_apart_do_not_corroborate(tmp_path):
    """September's two frigates are not March's two: neither their counts nor their dates corroborate."""
    articles = import_reports(tmp_path, [FRIGATES_A, FRIGATES_B])
    september = claims_at(
        articles["Harbour Gazette"], "Two Calvarran navy frigates arrived in Marrowick on Saturday"
    )
    march = claims_at(articles["Radio Calvarra"], "Two frigates arrived in Marrowick in March")
    assert september and march
    assert relations_between(september, march) == set()


ENGINEERS_A = Report(
    "Harbour Gazette",
    "2026-06-08",
    "Engineers arrive to repair Marrowick dam",
    "About 80 army engineers arrived in Marrowick on Monday to repair the town's dam, the mayor's office "
    "said. The dam was damaged in the spring floods.",
)
ENGINEERS_B = Report(
    "Radio Calvarra",
    "2026-06-13",
    "Army engineers leave Marrowick after dam repairs",
    "About 80 army engineers left Marrowick on Friday after repairing the town's dam, the mayor's office "
    "said. The dam was damaged in the spring floods.",
)


def test_an_arrival_and_a_departure_do_not_corroborate(tmp_path):
    """The engineers' arrival and their departure are two happenings: their counts do not corroborate."""
    articles = import_reports(tmp_path, [ENGINEERS_A, ENGINEERS_B])
    arrived = claims_at(articles["Harbour Gazette"], "About 80 army engineers arrived")
    left = claims_at(articles["Radio Calvarra"], "About 80 army engineers left")
    assert arrived and left
    assert "corroborates" not in relations_between(arrived, left)


TANKER_A = Report(
    "Harbour Gazette",
    "2026-07-13",
    "Tanker runs aground off Marrowick",
    "A tanker ran aground near the north pier of Marrowick harbour on Sunday, harbour master Olav Kemp "
    "said. Tugs pulled the ship free after four hours.",
)
TANKER_B = Report(
    "Radio Calvarra",
    "2026-07-13",
    "Port company denies Marrowick grounding",
    "The Marrowick port company denied that a tanker ran aground near the north pier on Sunday. A company "
    "spokesman said the ship had only waited for the tide.",
)


def test_a_denial_contradicts_what_it_denies_and_never_corroborates_it(tmp_path):
    """The port company's denial of the grounding contradicts the harbour master's account of it."""
    articles = import_reports(tmp_path, [TANKER_A, TANKER_B])
    said = claims_at(articles["Harbour Gazette"], "A tanker ran aground near the north pier", "statement")
    denied = claims_at(articles["Radio Calvarra"], "a tanker ran aground near the north pier", "statement")
    assert said and denied
    assert relations_between(said, denied) == {"contradicts"}
    # nor does the day inside the denial confirm the day of the grounding it denies
    grounded = claims_at(articles["Harbour Gazette"], "A tanker ran aground near the north pier", "date")
    denied_day = claims_at(articles["Radio Calvarra"], "a tanker ran aground near the north pier", "date")
    assert grounded and denied_day
    assert relations_between(grounded, denied_day) == set()


SOLDIERS_A = Report(
    "Harbour Gazette",
    "2026-07-13",
    "Soldiers aboard ferry, pilot says",
    "About 60 soldiers were aboard the ferry that docked in Marrowick on Sunday, a harbour pilot said.",
)
SOLDIERS_B = Report(
    "Radio Calvarra",
    "2026-07-13",
    "Ministry denies troops on ferry",
    "The defence ministry said it was untrue that soldiers were aboard the ferry that docked in Marrowick. "
    "Only crew were on board, it said.",
)


def test_it_was_untrue_that_denies_what_follows(tmp_path):
    """ "Said it was untrue that soldiers were aboard" denies the soldiers aboard: a conflict, never the
    agreement the shared words make it look like."""
    articles = import_reports(tmp_path, [SOLDIERS_A, SOLDIERS_B])
    said = claims_at(articles["Harbour Gazette"], "About 60 soldiers were aboard the ferry", "statement")
    denied = claims_at(articles["Radio Calvarra"], "untrue that soldiers were aboard the ferry", "statement")
    assert said and denied
    assert relations_between(said, denied) == {"contradicts"}


GROUNDING_A = Report(
    "Harbour Gazette",
    "2026-07-13",
    "Tanker aground off Marrowick",
    "A tanker ran aground near the north pier of Marrowick harbour on Sunday, harbour master Olav Kemp said.",
)
GROUNDING_B = Report(
    "Radio Calvarra",
    "2026-07-13",
    "Port company rejects grounding report",
    'The Marrowick port company rejected reports of a grounding near the north pier. "No ship ran aground '
    'on Sunday," a company spokesman said.',
)


def test_a_day_in_a_negated_clause_dates_nothing_to_confirm(tmp_path):
    """ "No ship ran aground on Sunday" gives no day of a grounding: it does not corroborate "a tanker ran
    aground ... on Sunday"."""
    articles = import_reports(tmp_path, [GROUNDING_A, GROUNDING_B])
    grounded = claims_at(articles["Harbour Gazette"], "A tanker ran aground", "date")
    none = claims_at(articles["Radio Calvarra"], "No ship ran aground on Sunday", "date")
    assert grounded and none
    assert relations_between(grounded, none) == set()


RESIGN_A = Report(
    "Harbour Gazette",
    "2026-02-07",
    "Councillors quit over Marrowick harbour deal",
    "Ellen Marsh and three other councillors resigned from the Marrowick town council on Friday in protest "
    "at the harbour deal.",
)
RESIGN_B = Report(
    "Radio Calvarra",
    "2026-02-07",
    "Four Marrowick councillors resign",
    "Four councillors in all resigned from the Marrowick town council on Friday over the harbour deal, "
    "among them Ellen Marsh.",
)


def test_n_others_does_not_contradict_n_plus_one_in_all(tmp_path):
    """ "Marsh and three other councillors" are four councillors in all: they agree, and the rationale
    says so (not that three "rounds to" four)."""
    articles = import_reports(tmp_path, [RESIGN_A, RESIGN_B])
    others = claims_at(articles["Harbour Gazette"], "three other councillors", "quantity")
    in_all = claims_at(articles["Radio Calvarra"], "Four councillors", "quantity")
    assert others and in_all
    [link] = links_between(others, in_all)
    assert link.relation == "corroborates"
    assert "three other councillors and the one named: Four councillors in all" in link.rationale
    assert "rounds to" not in link.rationale


FIRE_A = Report(
    "Harbour Gazette",
    "2026-08-03",
    "Fire destroys Marrowick warehouse",
    'A fire destroyed a grain warehouse on the Marrowick docks on Sunday night. "We have found nothing '
    'that points to arson," fire chief Lena Ostrov said on Monday.',
)
FIRE_B = Report(
    "Radio Calvarra",
    "2026-08-03",
    "Marrowick dock warehouse burns down",
    "A grain warehouse on the Marrowick docks burned down on Sunday night. Fire chief Lena Ostrov said on "
    "Monday that investigators had found nothing that points to arson.",
)


def test_one_remark_told_by_two_outlets_does_not_contradict_itself(tmp_path):
    """The fire chief's one remark, quoted by one outlet and told in her words by another, is one remark:
    it may corroborate itself, never contradict itself."""
    articles = import_reports(tmp_path, [FIRE_A, FIRE_B])
    quoted = claims_at(articles["Harbour Gazette"], "We have found nothing that points to arson", "statement")
    told = claims_at(
        articles["Radio Calvarra"], "investigators had found nothing that points to arson", "statement"
    )
    assert quoted and told
    assert "contradicts" not in relations_between(quoted, told)


POST_A = Report(
    "Harbour Gazette",
    "2026-10-05",
    "Halloway to lead Marrowick pier inquiry",
    "Rina Halloway will lead the inquiry into the collapse of the Marrowick north pier, transport minister "
    "Petra Voss said on Monday. Voss said Halloway had been the harbour's chief engineer.",
)
POST_B = Report(
    "Radio Calvarra",
    "2026-10-06",
    "Pier inquiry head's past questioned",
    "The head of the inquiry into the north pier collapse in Marrowick, Rina Halloway, has drawn criticism. "
    "The Marrowick port company said Halloway had never been the harbour's chief engineer.",
)


def test_a_conflict_over_a_past_post_is_no_agreement(tmp_path):
    """ "Had been the harbour's chief engineer" against "had never been the harbour's chief engineer":
    a conflict over her past post, never two outlets agreeing."""
    articles = import_reports(tmp_path, [POST_A, POST_B])
    said = claims_at(
        articles["Harbour Gazette"], "Halloway had been the harbour's chief engineer", "statement"
    )
    denied = claims_at(
        articles["Radio Calvarra"], "Halloway had never been the harbour's chief engineer", "statement"
    )
    assert said and denied
    assert relations_between(said, denied) == {"contradicts"}


POST_C = Report(
    "Calvarra Post",
    "2026-10-06",
    "Port company disputes inquiry head's record",
    "The Marrowick port company said Rina Halloway was not the harbour's chief engineer but an assistant "
    "surveyor. The company asked the minister to correct the record.",
)
POST_D = Report(
    "Harbour Gazette",
    "2026-10-05",
    "Halloway to lead pier inquiry",
    "Transport minister Petra Voss said Rina Halloway had served as chief engineer of Marrowick harbour for "
    "six years and would lead the inquiry into the north pier collapse.",
)


def test_a_post_denied_in_favour_of_another_conflicts_with_the_post_asserted(tmp_path):
    """ "Was not the harbour's chief engineer but an assistant surveyor" against "had served as chief
    engineer of Marrowick harbour": the negation covers all the two say but her name, so it is a
    conflict, however much the stance model reads the shared words as agreement."""
    articles = import_reports(tmp_path, [POST_C, POST_D])
    denied = claims_at(articles["Calvarra Post"], "was not the harbour's chief engineer", "statement")
    said = claims_at(
        articles["Harbour Gazette"], "had served as chief engineer of Marrowick harbour", "statement"
    )
    assert denied and said
    assert relations_between(denied, said) == {"contradicts"}


DREDGER_A = Report(
    "Harbour Gazette",
    "2026-03-17",
    "Dredger due in Marrowick",
    "A dredger is due in Marrowick harbour on Friday, the port authority said on Tuesday. It will clear the "
    "north channel.",
)
DREDGER_B = Report(
    "Radio Calvarra",
    "2026-03-18",
    "Dredger to arrive on March 20",
    "The dredger hired to clear Marrowick's north channel will arrive on March 20, the port authority said.",
)


def test_a_day_something_is_due_is_the_coming_one(tmp_path):
    """ "Is due on Friday" in a Tuesday article is the coming Friday, the day the other outlet writes as
    March 20: the two agree, and neither is read as the Friday just gone."""
    articles = import_reports(tmp_path, [DREDGER_A, DREDGER_B])
    due = claims_at(articles["Harbour Gazette"], "on Friday", "date")
    dated = claims_at(articles["Radio Calvarra"], "on March 20", "date")
    assert due and dated
    assert [c.date_value.isoformat() for c in due] == ["2026-03-20"]
    assert relations_between(due, dated) == {"corroborates"}


def test_the_review_queue_shows_the_strongest_suggestions_first(tmp_path, client, editor):
    """After an import, the links queue lists the story's suggestions most confident first: the mayor's
    words quoted by both outlets (sure) before the rounded cost (less sure) and the weaker rest."""
    from django.urls import reverse

    import_reports(tmp_path, [BRIDGE_A, BRIDGE_B, LIBRARY_A, LIBRARY_B, LIBRARY_C])
    client.force_login(editor)
    items = list(client.get(reverse("claims:review-links")).context["items"])
    confidences = [link.confidence for link in items]
    assert len(items) >= 4 and confidences == sorted(confidences, reverse=True)
    assert items[0].claim_a.kind == "statement" and items[0].confidence >= 0.9


RECORDS_A = Report(
    "Harbour Gazette",
    "2026-11-14",
    "Port company's inquiry records leaked",
    "Records the port company gave the pier inquiry have been leaked to the press. \u201cOver the last few "
    "months, we have worked with the inquiry and have handed over thousands of pages,\u201d Ana Ruiz, a "
    "lawyer for the company, said in a statement.\n\n\u201cPutting aside why such records, handed over in "
    "confidence, have been leaked, we can say that we have no worries about these records and any "
    "questions about them have been answered.\u201d\n\nThe inquiry resumes in May.",
)
RECORDS_B = Report(
    "Radio Calvarra",
    "2026-11-14",
    "Port company's pier inquiry records leaked",
    "Records the port company gave the Marrowick pier inquiry were leaked on Monday. Ana Ruiz said in a "
    "statement: \u201cWe can say that we have no worries about these records and any questions about them "
    "have been answered.\u201d",
)


def test_a_quote_paragraph_continuing_its_speaker_is_linked_to_the_same_quote(tmp_path):
    """One outlet gives the lawyer's words in a quote paragraph of their own after her attributed quote,
    the other with "said" before them: one remark in the same words, linked as sure."""
    articles = import_reports(tmp_path, [RECORDS_A, RECORDS_B])
    words = "we have no worries about these records"
    a = claims_at(articles["Harbour Gazette"], words, "statement")
    b = claims_at(articles["Radio Calvarra"], words, "statement")
    assert a and b
    [link] = links_between(a, b)
    assert link.relation == "corroborates" and link.confidence >= 0.75
