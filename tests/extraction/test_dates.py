"""Date claims: expressions found, resolved against the publication date in the direction of the tense."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates
from newstext.date_mentions import find_mentions

PUBLISHED = dt.date(2019, 3, 25)  # a Monday


def dates_in(text: str, published: dt.date | None = PUBLISHED) -> dict[str, object]:
    """Claims keyed by their expression words."""
    return {c.expression.text: c for c in find_dates(prepare(text, published=published))}


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision"),
    [
        ("The planes landed at the airport on Saturday.", "on Saturday", "2019-03-23", "day"),
        ("The cargo plane left on Sunday.", "on Sunday", "2019-03-24", "day"),
        ("Russia sent two bombers in December.", "in December", "2018-12", "month"),
        ("The two nations held exercises three months ago.", "three months ago", "2018-12", "month"),
        ("The treaty was signed 18 years ago.", "18 years ago", "2001", "year"),
        ("The deal was signed in May 2001.", "in May 2001", "2001-05", "month"),
        ("He arrived on 24 June.", "on 24 June", "2018-06-24", "day"),
        ("He took office on January 23.", "on January 23", "2019-01-23", "day"),
        ("The report was dated 25.03.2019.", "25.03.2019", "2019-03-25", "day"),
        ("The file was created on 2019-03-18.", "on 2019-03-18", "2019-03-18", "day"),
        ("In 1996, the countries signed a treaty.", "In 1996", "1996", "year"),
        ("The economy shrank last year.", "last year", "2018", "year"),
        ("The crisis has deepened since January.", "since January", "2019-01", "month"),
        ("The minister resigned yesterday.", "yesterday", "2019-03-24", "day"),
        ("Earlier this month, the court ruled against him.", "Earlier this month", "2019-03", "month"),
    ],
)
def test_expressions_resolve_against_the_publication_date(sentence, expression, value, precision):
    """Absolute and relative expressions each resolve to the right calendar value and precision."""
    claim = dates_in(sentence)[expression]
    assert (claim.value, claim.precision) == (value, precision)


def test_vague_expressions_are_approximate_with_an_interval():
    """'a few days ago' and 'at the weekend' are marked approximate and bounded."""
    found = dates_in("A few days ago, the president returned. Troops landed at the weekend.")
    few = found["A few days ago"]
    assert few.approximate and few.earliest <= dt.date(2019, 3, 22) <= few.latest < PUBLISHED
    weekend = found["at the weekend"]
    assert weekend.approximate and (weekend.earliest, weekend.latest) == (
        dt.date(2019, 3, 23),
        dt.date(2019, 3, 24),
    )


def test_future_tense_resolves_forward_and_past_tense_backward():
    """'will fly on 26 June' is the coming 26 June; 'flew on 20 March' the last one; weekdays alike."""
    found = dates_in(
        "The plane will fly out on 26 June. Another flew on 20 March. Talks will resume on Friday."
    )
    assert found["on 26 June"].value == "2019-06-26"
    assert found["on 20 March"].value == "2019-03-20"
    assert found["on Friday"].value == "2019-03-29"
    assert dates_in("Talks resumed on Friday.")["on Friday"].value == "2019-03-22"


def test_last_and_next_never_mean_the_current_one():
    """'last Monday' said on a Monday is a week back; 'next March' said in March is next year."""
    found = dates_in("He spoke last Monday. The vote is due next March.")
    assert found["last Monday"].value == "2019-03-18"
    assert found["next March"].value == "2020-03"


def test_evidence_is_the_clause_the_date_belongs_to():
    """The evidence covers the dated clause but not a reporting clause hanging off it."""
    text = "Two air force planes landed at the airport on Saturday, flight tracking showed."
    claim = dates_in(text)["on Saturday"]
    assert claim.text == "Two air force planes landed at the airport on Saturday"
    assert claim.dated == "landed"
    assert text[claim.start : claim.end] == claim.text


def test_a_relative_clause_brings_its_noun_into_the_evidence():
    """'the agreement that they signed in May 2001' is dated as a whole."""
    text = "Troops came under the agreement that the two governments signed in May 2001."
    claim = dates_in(text)["in May 2001"]
    assert claim.text.startswith("the agreement that")


@pytest.mark.parametrize(
    "sentence",
    [
        "Watch video 26:06 before the 07:45 GMT bulletin.",
        "He is 18 years old and has lived here for 18 years.",
        "It was a 19th-century practice.",
        "Theresa May said she may run again.",
        "The army sent 2000 soldiers and 1500 tanks.",
        "The 1990s were hard.",
    ],
)
def test_clock_times_durations_ages_centuries_names_and_counts_are_not_dates(sentence):
    """Traps that look like dates produce no date claim."""
    assert find_dates(prepare(sentence, published=PUBLISHED)) == []


def test_a_weekday_given_with_a_day_picks_the_year_it_fits():
    """'Tuesday, 5 May' is the 5 May that fell on a Tuesday, even when another year is nearer."""
    found = dates_in("The summit opened on Tuesday, 5 May.", published=dt.date(2020, 3, 1))
    assert found["on Tuesday, 5 May"].value == "2020-05-05"


def test_without_a_publication_date_relative_dates_get_lower_confidence():
    """With no date anywhere, relative expressions still resolve but are trusted less than absolute ones."""
    found = dates_in("The rebels attacked on Saturday. The treaty dates from 1996.", published=None)
    assert found["on Saturday"].confidence < 0.5 <= found["from 1996"].confidence


def test_mentions_are_found_without_a_parse():
    """The pattern layer alone finds the expressions with their literal content."""
    kinds = [(m.kind, m.month, m.day) for m in find_mentions("since January, on 24 June and in May 2001")]
    assert kinds == [("month", 1, None), ("day_month", 6, 24), ("month_year", 5, None)]


def test_this_week_follows_the_tense_and_the_last_week_is_a_duration():
    """'said this week' ends at publication, 'will vote this week' starts there; 'the last week' is none."""
    said = dates_in("The minister said this week that he would stay.")["this week"]
    assert said.latest == PUBLISHED and said.earliest < PUBLISHED
    vote = dates_in("Parliament will vote this week.")["this week"]
    assert vote.earliest == PUBLISHED < vote.latest
    assert dates_in("Prices have risen in the last week.") == {}


def test_a_dateline_date_is_not_an_event():
    """'CARACAS, March 24 (Reuters) -' dates the article; only the event date is claimed."""
    found = dates_in("CARACAS, March 24 (Reuters) - Troops landed on Saturday.")
    assert list(found) == ["on Saturday"]


def test_weekends_and_silent_tense_weekdays_lean_to_the_days_just_past():
    """Said on a Monday, 'this weekend' in a past clause is the one just gone; 'Monday's debate' said on
    a Friday is the Monday before, while 'on Monday' said on a Saturday is the coming one."""
    monday = dt.date(2016, 9, 19)
    found = dates_in("The speech coincided this weekend with the rally.", published=monday)
    assert found["this weekend"].value == "2016-09-17"
    found = dates_in("Questions about Monday's debate keep coming.", published=dt.date(2016, 9, 30))
    assert found["Monday"].value == "2016-09-26" and found["Monday"].dated == "debate"
    found = dates_in("The court begins its term on Monday.", published=dt.date(2016, 9, 24))
    assert found["on Monday"].value == "2016-09-26"


def test_seasons_resolve_to_their_year_with_the_months_as_interval():
    """'last summer' said in March is the previous summer; 'the fall of Rome' is no season."""
    summer = dates_in("The talks collapsed last summer.")["last summer"]
    assert (summer.value, summer.earliest, summer.latest) == (
        "2018",
        dt.date(2018, 6, 1),
        dt.date(2018, 8, 31),
    )
    assert dates_in("After the fall of Rome, trade collapsed.") == {}


def test_a_year_modifying_a_noun_dates_the_noun():
    """'the 2001 cooperation deal' dates the deal."""
    assert dates_in("She said the 2001 cooperation deal needs no approval.")["2001"].dated == "deal"


def test_a_weekday_after_after_is_not_dated_by_the_future_verb_it_hangs_on():
    """'will become law after voting ... Wednesday afternoon', said on a Thursday: the vote is the
    Wednesday just gone, not next week's; 'after' orders the vote before becoming law, not after the
    publication. A weekday the main future verb itself dates still looks ahead."""
    thursday = dt.date(2021, 4, 15)
    found = dates_in(
        "The council made sure the levy will become law after voting 31-2 to pass it Wednesday afternoon.",
        published=thursday,
    )
    assert found["Wednesday afternoon"].value == "2021-04-14"
    found = dates_in("The mayor will sign the levy into law on Wednesday.", published=thursday)
    assert found["on Wednesday"].value == "2021-04-21"


def test_a_count_before_a_month_first_day_is_no_day():
    """ "the 19 Sept. 11 hijackers": the day is Sept. 11, the 19 a count; "on 5 March 12 days later" keeps
    5 March (a day after "on")."""
    assert [(m.month, m.day) for m in find_mentions("Fifteen of the 19 Sept. 11 hijackers were Saudi.")] == [
        (9, 11)
    ]
    first = find_mentions("She left on 5 March 12 days before him.")[0]
    assert (first.month, first.day) == (3, 5)


def test_september_11_naming_the_attacks_is_2001():
    """ "the Sept. 11 attacks", "families of Sept. 11 victims" name the attacks of 2001 whatever the
    publication date; a Sept. 11 deadline or meeting is this year's; "the post-Sept. 11 law" describes a law
    by the period after the day and dates nothing (tests/extraction/test_date_names_ranges.py)."""
    found = find_dates(
        prepare(
            "Families of Sept. 11 victims may sue, years after the Sept. 11 attacks and the post-Sept. 11 "
            "law. The council met on Sept. 11 after the Sept. 11 attack on its consulate and left the "
            "Sept. 11 memorial service early.",
            published=dt.date(2016, 9, 28),
        )
    )
    # "years after the Sept. 11 attacks" is what an offset counts from, not the suing's date (dates/offsets.py)
    assert [c.value for c in found] == ["2001-09-11", *["2016-09-11"] * 3]


def test_a_scheduled_month_named_in_a_past_clause_is_the_nearest():
    """ "warned they could not agree by the February deadline", told in January, is the coming February;
    "poised to take control on Thursday" looks ahead."""
    found = dates_in(
        "He warned that the parties failed to agree on money by the February deadline. "
        "Democrats are poised to take control of the House on Thursday.",
        published=dt.date(2019, 1, 25),  # a Friday
    )
    assert found["February"].value == "2019-02"
    assert found["on Thursday"].value == "2019-01-31"
    aside = dates_in(
        "The mayor faces a council of newly elected members — poised to take control of the budget on Thursday.",
        published=dt.date(2019, 1, 25),
    )
    assert aside["on Thursday"].value == "2019-01-31"


def test_a_past_tense_read_as_a_participle_is_still_past():
    """ "The mayor over the weekend joked about it" (the tagger reads "joked" as a participle with a
    subject and no auxiliary): the weekend just gone, not the coming one."""
    found = dates_in(
        "The mayor over the weekend joked about the flood on the radio.", published=dt.date(2011, 6, 1)
    )
    assert found["over the weekend"].value == "2011-05-28"


def test_a_period_of_years_dates_both_ends_and_a_range_of_counts_none():
    """ "hunted from 2016 to 2018" is the period of both years (as "between 2009 and 2016" is); "rose from
    1950 to 2000 feet" and "between 1500 and 2000 soldiers" are counts, no years."""
    found = find_dates(
        prepare(
            "Permits cover elephants hunted from 2016 to 2018. The tower rose from 1950 to 2000 feet, and "
            "between 1500 and 2000 soldiers crossed.",
            published=PUBLISHED,
        )
    )
    assert [(c.value, c.end_value) for c in found] == [("2016", "2018")]


def test_a_day_word_in_a_programme_name_is_no_day():
    """ "Tucker Carlson Tonight", "The Tonight Show" name programmes; "Tonight the council votes" and "the
    council votes tonight" are days."""
    assert find_mentions('The mayor told "Harbour News Tonight" and The Tonight Show about it.') == []
    assert [m.kind for m in find_mentions("Tonight the council votes, and the mayor speaks tonight.")] == [
        "day_word",
        "day_word",
    ]


def test_what_someone_sets_out_to_do_now_lies_ahead():
    """A verb set in the present with an infinitive of purpose looks ahead ("candidates running to
    challenge the mayor in November", "is trying to sell it by Friday"); a past one does not ("tried to
    sell it on Friday"), nor does a perfect infinitive ("is said to have met her on Sunday")."""
    found = dates_in(
        "She is one of the candidates running to challenge the mayor in November. He is trying to sell the "
        "house by Friday. His brother tried to sell the boat on Friday. The envoy is said to have met her on "
        "Sunday."
    )
    assert found["in November"].value == "2019-11"
    assert found["by Friday"].value == "2019-03-29"
    assert found["on Friday"].value == "2019-03-22"
    assert found["on Sunday"].value == "2019-03-24"


def test_an_infinitive_under_an_adjective_takes_no_past_from_the_verb():
    """ "appeared likely to leave Friday", told on a Thursday, is the next day: the past of "appeared" is
    the seeming, not the leaving."""
    found = dates_in(
        "By Thursday night the minister appeared likely to leave Friday for the summit.",
        published=dt.date(2019, 3, 28),
    )
    assert found["Friday"].value == "2019-03-29"


def test_a_day_something_comes_ahead_of_is_a_coming_day():
    """ "is touring the county ahead of Thursday's debate and Saturday's straw poll": days still to come.
    Told in the past ("sent a letter in advance of his visit on Thursday morning", "Ahead of Friday's
    meeting, the ministers unveiled a plan") the day is the nearest, on either side."""
    found = dates_in(
        "She is touring the county ahead of Thursday's debate and Saturday's straw poll. The group sent a "
        "letter in advance of his visit on Thursday morning.",
        published=dt.date(2019, 3, 26),
    )
    assert found["Thursday"].value == "2019-03-28"
    assert found["Saturday"].value == "2019-03-30"
    assert found["on Thursday morning"].value == "2019-03-28"
    past = dates_in(
        "Ahead of Friday's meeting, the ministers unveiled a plan.", published=dt.date(2019, 3, 24)
    )
    assert past["Friday"].value == "2019-03-22"


@pytest.mark.parametrize("text", ["January ", "Monday", "Friday the council met.", "May 2001"])
def test_a_date_that_opens_the_text_has_nothing_before_it_to_come_ahead_of(text):
    """A date as the first or second word of a text (a fuzzed "January " once read the token before the
    first): the look for "ahead of" stops at the sentence's start."""
    from claims.extraction.pipeline import extract

    extraction = extract(text, published=dt.date(2019, 3, 26))
    assert all(c.kind != "date" or c.start >= 0 for c in extraction.claims)


def test_the_day_of_a_named_happening_takes_no_purpose_from_the_verb():
    """ "is attempting to reach voters at Monday's debate", told on a Wednesday: the debate's Monday is the
    one just past; only the verb's own date looks ahead."""
    found = dates_in(
        "The senator is attempting to reach voters at Monday's debate.", published=dt.date(2019, 3, 27)
    )
    assert found["Monday"].value == "2019-03-25"


def test_a_day_said_to_be_a_deadline_is_the_coming_one():
    """ "Tuesday is the deadline", told on a Saturday, is the next Tuesday."""
    found = dates_in(
        "Noting that Tuesday is the deadline for the budget, the clerk left.", published=dt.date(2019, 3, 23)
    )
    assert found["Tuesday"].value == "2019-03-26"


def test_a_day_without_its_year_in_a_month_the_story_dated_takes_that_year():
    """ "In October 2016, ... At the end of that week, on Oct. 7, ..." is 7 October 2016, and "In November"
    after it is November 2016, whenever the article appeared; a day two seasons on ("On March 3") or with
    no dated month before it is read against the publication date as before."""
    found = dates_in(
        "In October 2016, the firm hired new auditors. At the end of that week, on Oct. 7, it fired them. "
        "In November, it closed its office."
    )
    assert found["on Oct. 7"].value == "2016-10-07"
    assert found["In November"].value == "2016-11"
    later = dates_in("In October 2016, the firm hired new auditors. On March 3, it fired them.")
    assert later["On March 3"].value == "2019-03-03"
    assert dates_in("On Oct. 7, the firm fired its auditors.")["On Oct. 7"].value == "2018-10-07"
    named = dates_in(
        "The tower stands near the site of the attacks of Sept. 11, 2001. The council will vote in November."
    )
    assert named["in November"].value == "2019-11"  # a date that names a happening sets no story's year


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # a Wednesday: "due", "scheduled", "set" in the present and the scheduled simple present look ahead
        ("A dredger is due in Kell harbour on Friday, the port said.", "on Friday", "2019-03-29"),
        ("The council vote is scheduled for Monday.", "Monday", "2019-04-01"),
        ("Talks between the ferry company and its crews are set for Tuesday.", "Tuesday", "2019-04-02"),
        ("Ferry talks resume Monday in Kell, the union said.", "Monday", "2019-04-01"),
        ("The trial of the captain begins Monday in Pellan.", "Monday", "2019-04-01"),
        # a present telling and a present state still read as the days just gone
        ("The mayor says on Monday that the harbour will stay open.", "on Monday", "2019-03-25"),
        ("The mayor is in Pellan on Monday, his office said.", "on Monday", "2019-03-25"),
        ("The dredger was due on Monday, the port said.", "on Monday", "2019-03-25"),
    ],
)
def test_a_weekday_scheduled_in_the_present_is_the_coming_one(sentence, expression, value):
    """A named day something "is due", "is scheduled" or "is set" for, or a happening told in the simple
    present ("talks resume Monday"), is the coming one, not the one just gone; present tellings are not."""
    found = dates_in(sentence, published=dt.date(2019, 3, 27))
    assert found[expression].value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "It is much harder to get into our country today than it was ten years ago, the mayor said.",
        "More people are moving to the coast today than ever before.",
        "People today want faster trains and cheaper rents, Ms. Okafor said.",
        "The region today is neither calm nor prosperous.",
        "Hundreds of families today face eviction in the valley.",
        "It is just a fact of village life today.",
        "In today's world, a mayor needs a strong online presence.",
        "The union fights for today's workers and their children.",
        "\u201cThe world today is neither calm nor safe,\u201d the senator said.",
    ],
)
def test_a_today_that_means_nowadays_dates_nothing(sentence):
    """A "today" of the present age (a comparison of now and then, a noun described as it now is, a kind
    of people or the world of the time) is not the publication date."""
    assert "today" not in {k.lower() for k in dates_in(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The council released the budget today.",
        "Farmers voted with their feet today, lining up outside the market.",
        "The minister is scheduled to speak at a press conference later today.",
        "As of today, the bridge is closed to lorries.",
        "Shops are open today, the mayor said.",
        "The mayor meets the protesters today.",
        "The council votes today on the new budget.",
        "The mayor welcomed today's vote on the harbour.",
        "The protesters are gathering outside the town hall today.",
    ],
)
def test_a_today_of_a_happening_is_the_publication_day(sentence):
    """A "today" that dates what was done, is scheduled or holds on that day stays the publication day."""
    dates = {k.lower(): c for k, c in dates_in(sentence).items()}
    assert any(k.startswith("today") for k in dates)
    for key, claim in dates.items():
        if key.startswith("today"):
            assert str(claim.value) == str(PUBLISHED)


def test_a_date_hung_on_a_happening_noun_dates_the_noun_not_the_clauses_verb():
    """'wrote to her in advance of her appearance on the campus on Thursday' dates the appearance; a date
    hung on a noun that names no happening ('signed by 40 lecturers on Thursday') leaves the verb dated."""
    found = dates_in(
        "The teachers wrote to Ms. Marsh in advance of her appearance on the campus on Thursday."
    )
    assert found["on Thursday"].dated == "appearance"
    found = dates_in("Protesters gathered in Dunmore ahead of the governor's visit on Thursday.")
    assert found["on Thursday"].dated == "visit"
    found = dates_in("The letter was signed by 40 lecturers on Thursday.")
    assert found["on Thursday"].dated == "signed"
