"""Dates read against the story's other dates: offsets from another event, years the story already wrote,
and the tense rules that choose the year of a day or the week of a weekday."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates

WEDNESDAY = dt.date(2021, 6, 16)


def dates_in(text: str, published: dt.date | None = WEDNESDAY) -> dict[str, object]:
    """Claims keyed by their expression words."""
    return {c.expression.text: c for c in find_dates(prepare(text, published=published))}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Firefighters reached the dam on June 2. Two days later, the valley was evacuated.",
            "Two days later",
            "2021-06-04",
        ),
        (
            "The mayor signed the order on Monday. The next day, the council overturned it.",
            "The next day",
            "2021-06-15",
        ),
        (
            "The mayor signed the order on Monday. The day before, the council had met.",
            "The day before",
            "2021-06-13",
        ),
        (
            "The strike began on June 7. Later that day, the union issued a statement.",
            "Later that day",
            "2021-06-07",
        ),
        (
            "The strike began on June 7. The same day, the mayor called for talks.",
            "The same day",
            "2021-06-07",
        ),
    ],
)
def test_an_offset_counts_from_the_last_dated_event_before_it(text, expression, value):
    """'two days later', 'the next day', 'the day before', 'later that day' are days of the story's own
    timeline, counted from the event dated just before them, not from the publication date."""
    claim = dates_in(text)[expression]
    assert (claim.value, claim.precision) == (value, "day")


def test_an_offset_after_a_day_dates_the_event_it_names():
    """'on Friday, three days after the vote': Friday dates the resignation, the offset dates the vote."""
    found = dates_in("The treasurer resigned on Friday, three days after the vote on the budget.")
    assert found["on Friday"].value == "2021-06-11"
    vote = found["three days after"]
    assert vote.value == "2021-06-08" and vote.dated == "vote"
    assert vote.text.startswith("three days after the vote")
    found = dates_in(
        "Late Tuesday night, two days after the paper first printed the leak, the minister quit."
    )
    assert found["two days after"].value == "2021-06-13"


def test_a_day_inside_the_offset_dates_the_clause_it_hangs_on():
    """'Two days after the vote on Monday, he resigned': the resignation is Wednesday; Monday is the vote's
    day, counted from, and no claim of its own (it dated "resigned": datecal13, dates/offsets.py)."""
    found = dates_in("Two days after the vote on Monday, the treasurer resigned.")
    assert "on Monday" not in found
    assert found["Two days after"].value == "2021-06-16"


@pytest.mark.parametrize(
    "text",
    [
        "Two days later, the valley was evacuated.",  # nothing dated before it
        "The dam held for years. A few days later, the valley was evacuated.",  # too vague to count
        "Three days after the flood, aid arrived.",  # its own event is not dated either
        "The mayor was elected in June. The day before the vote, she fell ill.",  # a month is no day
    ],
)
def test_an_offset_with_no_day_to_count_from_is_not_a_claim(text):
    """Counted from nothing, an offset would be a guess: nothing is stored."""
    assert not any(
        c.expression.text.lower().startswith(("two", "a few", "three", "the day"))
        for c in find_dates(prepare(text, published=WEDNESDAY))
    )


def test_a_day_in_a_quote_is_not_counted_from():
    """A quote's 'today' is the speaker's day: 'a week later' after it counts from the narrative's date."""
    text = (
        "The union wrote to the minister on March 3, 2020.\n\n"
        "\u201cWe answered today,\u201d the minister said.\n\n"
        "In a letter a week later, the union asked for a meeting."
    )
    assert dates_in(text)["a week later"].value == "2020-03-10"


def test_a_quoted_today_is_the_day_of_its_telling():
    """A quotation's "today" / "tomorrow" counts from the telling the article dates: one in its own
    sentence ("she said on Friday"), or the message it answers ("he replied") or goes on from; told by an
    undated verb of its own, it stays on the publication day at lower confidence."""
    text = (
        "The harbour office wrote to the mayor on Oct. 3, 2016, about the flooded quay.\n\n"
        "\u201cWe closed it earlier today,\u201d the mayor replied.\n\n"
        "In a separate March 2017 exchange, the office asked about the bridge.\n\n"
        "\u201cWe fixed that this morning,\u201d she wrote back.\n\n"
        "\u201cThe bridge opens tomorrow,\u201d the engineer said on Friday.\n\n"
        "The pier was built in 2014, officials said.\n\n"
        "\u201cWe are proud of it today,\u201d the minister said."
    )
    claims = find_dates(prepare(text, published=WEDNESDAY))
    by_word = {c.expression.text: c for c in claims}
    closed, proud = [c for c in claims if c.expression.text == "today"]
    assert closed.value == "2016-10-03"
    assert (by_word["this morning"].value, by_word["this morning"].precision) == ("2017-03", "month")
    assert by_word["tomorrow"].value == "2021-06-12"  # the day after Friday 11 June
    assert proud.value == "2021-06-16"
    assert proud.confidence < 0.7 < by_word["on Friday"].confidence


def test_that_year_and_that_day_take_the_year_the_story_last_wrote():
    """'in 2008 ... at that March 2 event' is 2 March 2008; 'later that year' is 2008; 'on July 22 that
    year' too. A 'that' that opens a clause ('said that March 2 ...') borrows nothing."""
    found = dates_in(
        "The senator spoke at a rally in 2008 in Ohio. At that March 2 rally, he praised the troops. "
        "On July 22 that year, he spoke again. Later that year, he lost."
    )
    assert found["in 2008"].value == "2008"
    assert found["March 2"].value == "2008-03-02"
    assert found["On July 22 that year"].value == "2008-07-22"
    assert found["Later that year"].value == "2008"
    found = dates_in("The senator spoke in 2008. The clerk said that March 2 was the deadline.")
    assert found["March 2"].value == "2021-03-02"
    assert "Later that year" not in dates_in("Later that year, he lost.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # past tense, yet the day is weeks ahead: a deadline, an end date, a scheduled vote
        ("The governor set a deadline of July 1 for the answer.", "2021-07-01"),
        ("The judge kept the order in force until Aug. 20.", "2021-08-20"),
        (
            "The port closed on June 18, the harbour master said.",
            "2021-06-18",
        ),  # the page's date lags the story
        # past tense and months back: last year's day stays last year's
        ("The harbour master said the port closed on Sept. 14.", "2020-09-14"),
        ("The port closed on June 10.", "2021-06-10"),
        # future tense: ahead, unless the day is only days behind the page's date
        ("The port will reopen on March 2.", "2022-03-02"),
        ("The port will reopen on June 12.", "2021-06-12"),
    ],
)
def test_a_day_without_its_year_takes_the_year_the_tense_and_the_distance_allow(text, value):
    """The tense picks the side of the publication date, but a past-tense day a few weeks ahead is read
    ahead (news writes out the year of a day almost a year back), and a future-tense day a few days back
    is read as a late page date rather than a year ahead."""
    (claim,) = find_dates(prepare(text, published=WEDNESDAY))
    assert claim.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The council is scheduled to vote on Monday.", "2021-06-21"),
        ("The court is set to rule Tuesday.", "2021-06-22"),
        ("The hearing on Monday would have been her first.", "2021-06-14"),
        ("The hearing on Friday would have been her first.", "2021-06-18"),
        ("The mayor asked the union to return to city hall on Friday.", "2021-06-18"),
        ("On Monday, as the council was preparing to vote, the mayor left.", "2021-06-14"),
        ("The union met the mayor on Friday.", "2021-06-11"),
        ("The vote could take place on Monday.", "2021-06-21"),
        ("The vote would not be held this Monday.", "2021-06-21"),
    ],
)
def test_a_weekday_follows_the_tense_of_the_clause_it_dates(text, value):
    """A scheduled weekday ('is scheduled to', 'is set to') or a conditional one ('could take place on
    Monday') is never last week's; a past conditional or a future seen from the past ('would have
    been', 'asked them to return') takes the nearer weekday; a reported one ('met on Friday') the one
    just past."""
    (claim,) = find_dates(prepare(text, published=WEDNESDAY))
    assert claim.value == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The governor won the primary in 2008, but she left the race that March.", "that March", "2008-03"),
        ("The clerk said that March was the wettest month.", "that March", "2021-03"),
        ("Voters this November will decide.", "this November", "2021-11"),
        ("Voters this February decided.", "this February", "2021-02"),
        ("The firm paid the fines between June and July 2016.", "between June and July 2016", "2016-06"),
        ("The plant closed in October of 2014.", "in October of 2014", "2014-10"),
    ],
)
def test_a_month_takes_the_year_its_words_give(text, expression, value):
    """'that March' is the year the story last wrote, 'this November' the current year's, 'between June
    and July 2016' shares the year written after it, 'October of 2014' writes its own."""
    assert dates_in(text)[expression].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The senator is up for re-election in November.", "2021-11"),
        ("Members facing re-election in November fear the vote.", "2021-11"),
        ("If the sides cannot agree by the July deadline, the plant shuts.", "2021-07"),
        ("The senator won re-election in November.", "2020-11"),  # reported: last year's
        ("The mayor talked about the weather in November.", "2020-11"),  # no happening announced ahead
    ],
)
def test_a_month_of_a_scheduled_happening_is_the_coming_one_unless_the_clause_is_past(text, value):
    """An election, a primary or a deadline is written about ahead of its month: where the tense does
    not say, its month is the coming one; a past clause still reports the last one."""
    (claim,) = find_dates(prepare(text, published=dt.date(2021, 1, 20)))
    assert claim.value == value


def test_a_possessive_name_is_not_a_month():
    """'the Women's March' is a name, not March."""
    assert find_dates(prepare("The anniversary of the Women's March drew crowds.", published=WEDNESDAY)) == []


def test_a_year_after_a_possessive_is_still_a_year():
    """'the senator's 2008 campaign' is dated 2008: only a month name after a possessive is a name."""
    found = dates_in("The senator's 2008 campaign was short.")
    assert found["2008"].value == "2008"


def test_a_conditional_does_not_date_a_noun_and_a_date_before_a_reported_subject_dates_the_telling():
    """'Monday's debate might not move votes' is last Monday's debate; 'told the crowd this weekend he
    would consider it' dates the telling (the weekend just gone), not what he would do."""
    found = dates_in("Monday's debate might not move many votes.")
    assert found["Monday"].value == "2021-06-14"
    found = dates_in("The mayor told the crowd this weekend he would consider it an insult.")
    assert found["this weekend"].value == "2021-06-12" and found["this weekend"].dated == "told"
    found = dates_in("The mayor said that on Monday, the council had voted against the levy.")
    assert found["on Monday"].dated == "voted"  # after "that", the date is the reported clause's
    found = dates_in(
        'The columnist reports:\n\n"The first time she saw him, at a rally in June, she was moved."'
    )
    assert found["in June"].dated != "reports"  # a quote's date is the quote's


def test_this_season_said_during_it_is_the_current_one():
    """'this summer' said in June is this summer, even in a clause that looks ahead."""
    found = dates_in("One voter in nine this summer is expected to be new.")
    assert (found["this summer"].value, found["this summer"].earliest) == ("2021", dt.date(2021, 6, 1))


def test_an_offset_counts_only_from_a_day_in_its_own_event():
    """'three days after the council condemned the launch as the army fired missiles Monday': Monday
    dates the firing, not the condemnation, so nothing is counted from it."""
    found = dates_in(
        "The decision came three days after the council condemned the launch as the army fired missiles Monday."
    )
    assert "three days after" not in found and found["Monday"].value == "2021-06-14"


@pytest.mark.parametrize("text", ["The mayor spoke at the weekend.", "The mayor will speak this weekend."])
def test_the_weekend_said_during_one_is_that_weekend(text):
    """Said on a Sunday, 'at the weekend' is the Saturday and Sunday just lived, whatever the tense."""
    (claim,) = find_dates(prepare(text, published=dt.date(2021, 6, 20)))
    assert (claim.earliest, claim.latest) == (dt.date(2021, 6, 19), dt.date(2021, 6, 20))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "The council voted on Wednesday to close the pier. Two days later, on Friday, the mayor reopened it.",
            {"on Wednesday": "2021-06-16", "Two days later": "2021-06-18", "on Friday": "2021-06-18"},
        ),
        (
            "The council voted on Wednesday to close the pier. On Friday, two days later, the mayor reopened it.",
            {"on Wednesday": "2021-06-16", "On Friday": "2021-06-18", "two days later": "2021-06-18"},
        ),
        (
            "The council voted on Wednesday to close the pier. The next day, Thursday, the mayor reopened it.",
            {"on Wednesday": "2021-06-16", "The next day": "2021-06-17", "Thursday": "2021-06-17"},
        ),
        (  # the count and the weekday disagree: each keeps its own reading
            "The council voted on Wednesday to close the pier. Two days later, on Monday, the mayor reopened it.",
            {"on Wednesday": "2021-06-16", "Two days later": "2021-06-18", "on Monday": "2021-06-14"},
        ),
        (  # no count beside it: a past weekday of a Wednesday page is the Friday before
            "The council voted on Wednesday to close the pier. The mayor reopened it on Friday.",
            {"on Wednesday": "2021-06-16", "on Friday": "2021-06-11"},
        ),
    ],
)
def test_a_weekday_said_with_a_count_from_the_story_is_the_day_counted(text, values):
    """ "Two days later, on Friday" in a story dated that Wednesday: the count from the story's last event
    says which Friday, even where the page's date (older than the story's update) would put it a week back."""
    assert {k: v.value for k, v in dates_in(text).items()} == values
