"""The words dates are made of, and the unresolved `Mention` the patterns produce."""

from __future__ import annotations

from dataclasses import dataclass

from . import months as _months
from .months import MONTH_NAMES as MONTH_NAMES
from .months import WEEKDAY_NAMES as WEEKDAY_NAMES

# fmt: off
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "a hundred": 100,
}
# Vague amounts: (typical, low, high).
VAGUE = {
    "a few": (3, 2, 5), "few": (3, 2, 5), "several": (4, 3, 7), "a couple of": (2, 2, 3),
    "a couple": (2, 2, 3), "couple of": (2, 2, 3),
}
# fmt: on
# Capitalised as the patterns match them ("March", "Mar", "Sept"), from the shared tables.
MONTHS = {name.capitalize(): number for name, number in _months.MONTHS.items()}
WEEKDAYS = {name.capitalize(): number for name, number in _months.WEEKDAYS.items()}


@dataclass(slots=True)
class Mention:
    """A date expression at [start, end) of the text it was found in, not yet resolved."""

    start: int
    end: int
    kind: str  # "full", "month_year", "year", "day_month", "month", "weekday", "day_word", "ago", "unit",
    # "weekend", "part", "season", "offset"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    amount: float | None = None  # "ago": how many units; "unit"/"part"/"day_word": -1 last, 0 this, +1 next;
    # "month": 0 for "this November" (the current year's)
    low: float | None = None  # vague amounts: range of `amount`
    high: float | None = None
    unit: str | None = None  # "day", "week", "month", "year", "decade"
    direction: int | None = None  # set by the words themselves: -1 "ago"/"last"/"since", +1 "next"/"from now"
    part: str | None = None  # "early", "late", "earlier", "later", "beginning", "end", "this"; a season
    approximate: bool = False
    strict: bool = False  # "last"/"next": never the current month, weekday or weekend
    # "offset" ("two days later", "the day before", "a day after the vote"): `amount` days from another
    # dated event of the text; `complement` when an event follows "after"/"before" in the expression.
    complement: bool = False
    # "that year", "that March 2 event", "on July 22 that year": the year is the one the story last wrote
    anaphoric: bool = False


def amount(word: str) -> tuple[float, float, float, bool]:
    """(typical, low, high, vague) for an amount written in digits or words ("18", "three", "a few")."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return float(w), float(w), float(w), False
    if w in VAGUE:
        typical, low, high = VAGUE[w]
        return typical, low, high, True
    n = NUMBER_WORDS[w]
    return n, n, n, False
