"""Values written for people: numbers with scale words, plural units, dates at their precision."""

import datetime as dt

import pytest

from newstext import humanize


@pytest.mark.parametrize(
    ("low", "high", "unit", "options", "shown"),
    [
        (3_500_000, 3_500_000, "dollar", {}, "3.5 million dollars"),
        (100, 100, "soldier", {"approximate": True}, "about 100 soldiers"),
        (12_000, 12_000, "casualty", {"direction": ">"}, "more than 12,000 casualties"),
        (20, 30, "tank", {}, "20\u201330 tanks"),
        (1, 1, "person", {}, "1 person"),
        (2, 2, "person", {}, "2 people"),
        (58.24, 58.24, "dollar per barrel", {}, "58.24 dollars per barrel"),
        (4.5, 4.5, "percent", {}, "4.5 percent"),
        (4.5, 4.5, "percentage", {}, "4.5 per cent"),  # a share, not "percentages"
        (1, 1, "percentage", {}, "1 per cent"),
        (3, 3, "per cent", {"approximate": True}, "about 3 per cent"),
        (2, 3, "percentage point", {}, "2\u20133 percentage points"),
        (50, 50, "cent", {}, "50 cents"),
        (7, 7, "aircraft", {}, "7 aircraft"),
        (3, 3, "bus", {}, "3 buses"),
        (2_000_000_000, 2_000_000_000, "euro", {"direction": "<"}, "less than 2 billion euros"),
        (40, 40, "troops", {}, "40 troops"),
    ],
)
def test_quantities_read_as_a_reporter_writes_them(low, high, unit, options, shown):
    assert humanize.quantity(low, high, unit, **options) == shown


def test_dates_show_at_their_precision():
    day = dt.date(2025, 3, 1)
    assert humanize.day(day, "day") == "1 March 2025"
    assert humanize.day(day, "month") == "March 2025"
    assert humanize.day(day, "year") == "2025"
    assert humanize.day(None, "day") == "" and humanize.day(day, "relative") == ""


@pytest.mark.parametrize(
    ("start", "precision", "end", "end_precision", "shown"),
    [
        (dt.date(2026, 3, 3), "day", dt.date(2026, 3, 9), "day", "3-9 March 2026"),
        (dt.date(2026, 3, 30), "day", dt.date(2026, 4, 2), "day", "30 March - 2 April 2026"),
        (dt.date(2025, 12, 28), "day", dt.date(2026, 1, 3), "day", "28 December 2025 - 3 January 2026"),
        (dt.date(2016, 6, 1), "month", dt.date(2016, 7, 1), "month", "June-July 2016"),
        (dt.date(2011, 6, 1), "month", dt.date(2012, 7, 1), "month", "June 2011 - July 2012"),
        (dt.date(2014, 1, 1), "year", dt.date(2016, 1, 1), "year", "2014-2016"),
        (dt.date(2009, 3, 1), "month", dt.date(2013, 1, 1), "year", "March 2009 - 2013"),
        (dt.date(2026, 3, 3), "day", None, "", "3 March 2026"),
    ],
)
def test_a_period_says_its_shared_parts_once(start, precision, end, end_precision, shown):
    assert humanize.period(start, precision, end, end_precision) == shown


@pytest.mark.parametrize(
    ("low", "high", "unit", "options", "shown"),
    [
        (1 / 3, 1 / 3, "% arrests", {"approximate": True}, "about 33.3% of arrests"),
        (2 / 3, 2 / 3, "% council", {}, "66.7% of council"),
        (0.25, 0.5, "% voters", {}, "25\u201350% of voters"),
        (0.5, 0.5, "% people", {"direction": ">"}, "more than 50% of people"),
        (0.75, 0.75, "%", {}, "75%"),
    ],
)
def test_a_share_reads_as_a_percentage_of_its_whole(low, high, unit, options, shown):
    """A share is stored as its fraction with the unit "% WHOLE": pages show the percentage of the whole,
    never "0.333 arrests"."""
    assert humanize.share(low, high, unit, **options) == shown
