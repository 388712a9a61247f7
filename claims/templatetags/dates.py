"""Dates as people read them, never more precise than what is stored.

`{% load dates %}{{ article.published_on|precise_date:article.published_precision }}` gives
"12 March 2025" (day), "March 2025" (month), "2016" (year) and "date not known" when there is no
date; `{{ claim|claim_date }}` does the same for a date claim, with what the text says when the year
is not known ("23 January, year not known"). Every page that shows a stored date uses these two.
"""

from __future__ import annotations

import datetime as dt

from django import template

from newstext import humanize

register = template.Library()

UNKNOWN = "date not known"


def precise_date_text(value: dt.date | None, precision: str | None = "day") -> str:
    """The date at its precision: "12 March 2025", "March 2025", "2016", or "date not known".

    A date stored with no precision ("" or "unknown", as older events are) was entered as a full
    date, so it shows as a day.
    """
    if value is None:
        return UNKNOWN
    return humanize.day(value, precision if precision in ("month", "year") else "day")


@register.filter
def precise_date(value: dt.date | None, precision: str | None = "day") -> str:
    """Template filter over precise_date_text."""
    return precise_date_text(value, precision)


@register.filter
def claim_date(claim) -> str:
    """A date claim for people: "12 March 2025", "March 2025", "2016", a period "3-9 March 2026", or what the text says with
    what is not known ("23 January, year not known", "Saturday, date not known")."""
    if claim.date_precision in ("day", "month", "year") and claim.date_value is not None:
        if claim.date_end_value is not None:  # a period: "3-9 March 2026"
            return claim.date_shown
        return precise_date_text(claim.date_value, claim.date_precision)
    return claim.date_shown or UNKNOWN
