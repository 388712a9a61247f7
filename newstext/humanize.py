"""Numbers, units and dates written for people: "3.5 million dollars", "about 100 soldiers", "March 2025".

Pure: no Django. Pages use it through claims.views.claims.value_text and the `claim_value` template tag.
"""

from __future__ import annotations

import calendar
from datetime import date

# Units that do not take a plural "s" (or already are plural / a symbol).
INVARIANT = frozenset(
    {
        "aircraft", "people", "personnel", "percent", "%", "sheep", "deer", "fish", "staff", "police",
        "cattle", "livestock", "children", "women", "men", "troops", "series", "species", "km", "kg",
        "mph", "km/h", "°c", "°f", "ha", "usd", "eur", "gbp",
    }
)  # fmt: skip
# A share is read "per cent", one or many ("4.5 per cent"), whatever the extraction named its class.
SHARE = {"percentage": "per cent", "per cent": "per cent", "pct": "per cent"}
# The unit class of a share of a counted whole ("a third of the arrests"): the value its fraction, the unit
# "%" and the whole as written ("% arrest"). The quantity extractor stores it, `share` shows it.
SHARE_CLASS = "share"
IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def plural(unit: str) -> str:
    """The plural of a unit name ("dollar" -> "dollars", "casualty" -> "casualties"); invariant units and
    phrases whose last word is already plural stay as they are."""
    if not unit or unit.lower() in SHARE:
        return SHARE.get(unit.lower(), unit)
    if " per " in unit:  # "dollar per barrel" -> "dollars per barrel"
        counted, _, rate = unit.partition(" per ")
        return f"{plural(counted)} per {rate}"
    head, _, last = unit.rpartition(" ")
    lower = last.lower()
    if lower in INVARIANT or not lower.isalpha():
        word = last
    elif lower in IRREGULAR:
        word = IRREGULAR[lower]
    elif lower.endswith("s") and not lower.endswith(("ss", "us")):
        word = last  # already plural ("troops", "votes")
    elif lower.endswith(("ss", "us", "x", "ch", "sh", "z")):
        word = last + "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def number(value: float) -> str:
    """A number as a reader writes it: 3500000 -> "3.5 million", 12000 -> "12,000", 2.50 -> "2.5"."""
    magnitude = abs(value)
    for scale, name in SCALES:
        if magnitude >= scale:
            shown = f"{value / scale:.2f}".rstrip("0").rstrip(".")
            return f"{shown} {name}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def quantity(
    low: float | None, high: float | None, unit: str, *, direction: str = "", approximate: bool = False
) -> str:
    """A quantity claim's value: "about 100 soldiers", "more than 3.5 million dollars", "20-30 tanks" (an en dash)."""
    if low is None:
        return unit or "amount not known"
    prefix = _qualifier(direction, approximate)
    shown = number(low) if high is None or low == high else f"{number(low)}\u2013{number(high)}"
    singular = (high is None or low == high) and low == 1
    named = SHARE.get(unit.lower(), unit) if singular else plural(unit)
    return f"{prefix}{shown} {named}".strip()


def share(
    low: float | None, high: float | None, unit: str, *, direction: str = "", approximate: bool = False
) -> str:
    """A share of a counted whole, stored as its fraction with the unit "% WHOLE" (the whole as the text
    writes it): "about 33.3% of arrests", "66.7% of Senate", "25-50% of voters"; never "0.33 arrests"."""
    if low is None:
        return unit or "share not known"
    prefix = _qualifier(direction, approximate)
    shown = _percent(low) if high is None or low == high else f"{_percent(low)}\u2013{_percent(high)}"
    whole = unit.removeprefix("%").strip()
    return f"{prefix}{shown}% of {whole}" if whole else f"{prefix}{shown}%"


def _qualifier(direction: str, approximate: bool) -> str:
    """What stands before a value: "more than " / "less than " for a bound, else "about " when approximate."""
    return {">": "more than ", "<": "less than "}.get(direction, "") or ("about " if approximate else "")


def _percent(fraction: float) -> str:
    """A fraction as a percentage to one decimal: 0.3333 -> "33.3", 0.5 -> "50"."""
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".")


def day(value: date | None, precision: str) -> str:
    """A date at its precision: "23 March 2019", "March 2019", "2019"; "" when there is none."""
    if value is None:
        return ""
    if precision == "day":
        return f"{value.day} {calendar.month_name[value.month]} {value.year}"
    if precision == "month":
        return f"{calendar.month_name[value.month]} {value.year}"
    if precision == "year":
        return str(value.year)
    return ""


def period(start: date | None, precision: str, end: date | None, end_precision: str) -> str:
    """A written period at its ends' precisions, its shared parts said once: "3-9 March 2026",
    "3 March - 9 April 2026", "28 December 2025 - 3 January 2026", "June-July 2016", "June 2011 - July
    2012", "2014-2016"; `day` of the start alone when there is no end."""
    if end is None or not end_precision:
        return day(start, precision)
    if start is None:
        return ""
    if precision == end_precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}-{end.day} {calendar.month_name[end.month]} {end.year}"
        return f"{start.day} {calendar.month_name[start.month]} - {day(end, 'day')}"
    if precision == end_precision == "month" and start.year == end.year:
        return f"{calendar.month_name[start.month]}-{day(end, 'month')}"
    if precision == end_precision == "year":
        return f"{start.year}-{end.year}"
    return f"{day(start, precision)} - {day(end, end_precision)}"
