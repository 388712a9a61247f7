"""A day inside a name dates nothing; the two ends of a written period say they are part of one."""

from __future__ import annotations

import datetime as dt

from claims.extraction.cleaning import prepare
from claims.extraction.dates import find_dates
from claims.extraction.dates.ranges import RANGE_CONFIDENCE

PUBLISHED = dt.date(2016, 9, 28)


def dates(text: str):
    return find_dates(prepare(text, published=PUBLISHED))


def test_a_day_that_begins_a_name_is_no_date():
    """An organisation, fund or body named after a day ("September 11th Advocates", "the 9/11
    Commission", "the Sept. 11 Memorial Fund") is not the date of what the clause tells; the clause's own
    date stays."""
    found = dates(
        "A co-founder of September 11th Advocates wrote to the senator on Monday. The Sept. 11 Memorial "
        "Fund paid the families, and the 9/11 Commission Report was cited again."
    )
    assert [(c.value, c.expression.text) for c in found] == [("2016-09-26", "on Monday")]


def test_a_day_before_a_lower_case_noun_still_names_the_attacks():
    """ "the Sept. 11 attacks" and "Sept. 11 survivors" are the attacks of 2001, not a name."""
    found = dates("Survivors of the Sept. 11 attacks and Sept. 11 survivors met the mayor.")
    assert [c.value for c in found] == ["2001-09-11", "2001-09-11"]


def test_post_day_describes_a_period_not_a_date():
    """ "the post-Sept. 11 law", "the pre-Sept. 11 rules": the law is not of that day."""
    found = dates("The post-Sept. 11 law and the pre-Sept. 11 rules were debated in 2011.")
    assert [c.value for c in found] == ["2011"]


def test_a_written_period_is_one_claim_with_both_ends():
    """ "between June 2011 and July 2012" and "from 2009 to 2016" are each one claim: the first end as
    its value, the last as its end value, the whole period as its interval, not approximate."""
    found = dates("The attacks rose between June 2011 and July 2012. The fund ran from 2009 to 2016.")
    assert [(c.value, c.precision, c.end_value, c.end_precision) for c in found] == [
        ("2011-06", "month", "2012-07", "month"),
        ("2009", "year", "2016", "year"),
    ]
    assert not any(c.approximate for c in found)
    assert (found[0].earliest, found[0].latest) == (dt.date(2011, 6, 1), dt.date(2012, 7, 31))
    assert (found[1].earliest, found[1].latest) == (dt.date(2009, 1, 1), dt.date(2016, 12, 31))
    assert found[1].expression.text == "from 2009 to 2016"


def test_months_sharing_a_year_in_a_range():
    """ "between June and July 2016": one period of 2016."""
    found = dates("According to the filing, between June and July 2016 he told the campaign.")
    assert [(c.value, c.end_value) for c in found] == [("2016-06", "2016-07")]


def test_range_ends_without_a_calendar_value_stay_two_marked_ends():
    """With no publication date, "from Monday to Friday" has no calendar value to store as a period: its
    two ends stay, each approximate, below the bulk-accept levels."""
    found = find_dates(prepare("The Orlin bridge was shut from Monday to Friday, the council said."))
    assert [c.end_value for c in found] == [None, None]
    assert all(c.approximate and c.confidence <= RANGE_CONFIDENCE for c in found)


def test_two_months_joined_without_a_period_stay_exact():
    """ "in June and July 2016 he spoke twice" names two months, each a date of its own: no opening
    "between"/"from", so no period."""
    found = dates("He spoke in May 2016 and July 2016 to the group.")
    assert [(c.value, c.approximate) for c in found] == [("2016-05", False), ("2016-07", False)]
    assert all(c.confidence >= 0.9 for c in found)


def test_an_end_bound_is_not_the_date():
    """ "continuing through 2016": 2016 is where a period ends, not when the happening was."""
    found = dates("The spending began in 2009, continuing through 2016.")
    assert [(c.value, c.approximate) for c in found] == [("2009", False), ("2016", True)]
    assert found[1].confidence <= RANGE_CONFIDENCE


def test_a_coming_year_that_names_the_election_a_pursuit_aims_at_is_no_date():
    """ "Her 2020 bid", "a potential 2020 run", "the front-runner for 2020", "the 2020 Green nomination", "a
    platform ahead of 2020": written in 2016, the year names the election aimed at, not when anything the
    sentence tells happened; the sentence's own date stays. A past one ("his 2012 campaign spent heavily")
    and a happening set in the year ("hope to win the seat in 2020") are dates."""
    found = dates(
        "Ms. Varga announced her 2020 bid on Monday. The mayor left his post in preparation for a potential "
        "2020 run. She is the front-runner for 2020 and for the 2020 Green nomination. The union drafted a "
        "platform ahead of 2020. His 2012 campaign spent heavily in the north. They hope to win the seat in 2020."
    )
    assert sorted((c.value, c.expression.text) for c in found) == [
        ("2012", "2012"),
        ("2016-09-26", "on Monday"),
        ("2020", "in 2020"),
    ]
