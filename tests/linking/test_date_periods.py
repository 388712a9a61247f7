"""Periods ("between June 2011 and July 2012") are compared by overlap, not equality: two tellings of
one period agree, a date that is one of its ends or holds it whole agrees, a day inside it neither agrees
nor conflicts, and one that does not meet it can conflict. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from claims.linking.links.dates import period_fits
from claims.linking.links.features import date_interval, one_day
from tests.linking.linkable import linkable


def dated(cid, article, sentence, clause, value, precision, end=None, end_precision=None, dated=None):
    at = sentence.index(clause)
    claim = DateClaim(
        at,
        at + len(clause),
        clause,
        value,
        precision,
        end_value=end,
        end_precision=end_precision,
        dated=dated,
    )
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 3, 13))


def period(value, end, precision="year"):
    return DateClaim(0, 1, "x", value, precision, end_value=end, end_precision=precision)


def single(value, precision="year"):
    return DateClaim(0, 1, "x", value, precision)


def test_a_period_covers_both_ends():
    assert date_interval(period("2011-06", "2012-07", "month")) == ("2011-06-01", "2012-07-31")
    assert not one_day(period("2026-03-03", "2026-03-09", "day"))
    assert one_day(single("2026-03-03", "day"))


def test_what_agrees_with_a_period():
    tenure = period("2009", "2013")
    assert period_fits(tenure, period("2009", "2013"))
    assert period_fits(tenure, single("2009"))  # its start
    assert period_fits(tenure, single("2013-05", "month"))  # in its last year
    assert period_fits(period("2016-06", "2016-07", "month"), single("2016"))  # a year holding it whole
    assert not period_fits(tenure, single("2011-04-02", "day"))  # a day inside: another happening
    assert not period_fits(tenure, period("2010", "2016"))  # overlapping, other ends


MAYOR = "Ilse Varga served as mayor of Calvarra from 2009 to 2013, when she left the harbour board."


def test_two_outlets_giving_one_period_corroborate():
    a = dated(
        "a",
        "A",
        MAYOR,
        "served as mayor of Calvarra from 2009 to 2013",
        "2009",
        "year",
        "2013",
        "year",
        "served",
    )
    b = dated(
        "b", "B", "Ilse Varga, who served as mayor of Calvarra between 2009 and 2013, left the harbour board.",
        "served as mayor of Calvarra between 2009 and 2013", "2009", "year", "2013", "year", "served",
    )  # fmt: skip
    got = {(s.pair, s.relation) for s in suggest_links([a, b])}
    assert (frozenset({"a", "b"}), "corroborates") in got


def test_a_day_inside_a_period_is_not_linked_to_it():
    """ "The Calvarra harbour took in ships between January 2016 and December 2018" and "the harbour took
    in the first ship on Friday" (a day in 2017) share words but not a happening."""
    a = dated(
        "a", "A", "The Calvarra harbour took in cargo ships between January 2016 and December 2018, the board said.",
        "The Calvarra harbour took in cargo ships between January 2016 and December 2018", "2016-01", "month",
        "2018-12", "month", "took",
    )  # fmt: skip
    b = dated(
        "b", "B", "The Calvarra harbour took in cargo ships on Friday, the board said.",
        "The Calvarra harbour took in cargo ships on Friday", "2017-11-17", "day", dated="took",
    )  # fmt: skip
    assert suggest_links([a, b]) == []
