"""Calendar days written out in text: the one place their patterns live.

A complete date ("2019-03-25", "25.03.2019", "25 March 2019", "March 25, 2019") is what a page header,
a title bar or a dateline dates a page with: the import reads it there, the header reader tells a
dated stamp from a headline with it, and `calendar_days` gives event grouping the days two reports of
one happening share, with or without their year ("on March 24", "24.03.2019").

Relative and partial expressions in the body ("on Saturday", "last March") are the extraction's
(claims/extraction/dates): they need a reference date and a tense, which these do not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .months import MONTH_PATTERN, MONTH_PATTERN_CASED, MONTHS

# (pattern, the order of its groups): y year, m month number, mn month name, d day.
_FULL = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), ("d", "m", "y")),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s*({MONTH_PATTERN})\.?,?\s+(\d{{4}})(?!\d)", re.I), ("d", "mn", "y")),
    (re.compile(rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I), ("mn", "d", "y")),
)
# A day and month in running text, the year optional; month names only when capitalised ("May 3",
# not "may 3 people"): "March 24, 2019", "March 24th", "24 March 2019", "on 26 June", "26th of June".
_DAY_MONTH = (
    (
        re.compile(rf"\b({MONTH_PATTERN_CASED})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
        ("mn", "d", "y"),
    ),
    (
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN_CASED})\b(?:,?\s+(\d{{4}}))?"
        ),
        ("d", "mn", "y"),
    ),
)


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date as written at text[start:end]: its month and day, and its year when it gives one."""

    start: int
    end: int
    month: int
    day: int
    year: int | None

    @property
    def date(self) -> dt.date | None:
        """The calendar day, when the year is given and the day exists."""
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def _written(patterns: Sequence[tuple[re.Pattern[str], tuple[str, ...]]], text: str) -> list[WrittenDate]:
    found = []
    for rx, order in patterns:
        for m in rx.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            month = MONTHS.get(parts["mn"].lower()) if "mn" in parts else int(parts["m"])
            year = int(parts["y"]) if parts.get("y") else None
            if month and 1 <= month <= 12 and 1 <= int(parts["d"]) <= 31:
                found.append(WrittenDate(m.start(), m.end(), month, int(parts["d"]), year))
    return found


def full_dates_at(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of every complete date written in `text` that exists on the calendar, in order."""
    return sorted((w.start, day) for w in _written(_FULL, text) if (day := w.date) is not None)


def full_dates(text: str) -> list[dt.date]:
    """Every complete date written in `text`, in order."""
    return [day for _, day in full_dates_at(text)]


def has_full_date(text: str) -> bool:
    """True when `text` writes a complete day, month and year (the calendar is not checked)."""
    return any(rx.search(text) for rx, _ in _FULL)


def without_full_dates(text: str) -> str:
    """`text` with every complete date written in it replaced by a space."""
    for rx, _ in _FULL:
        text = rx.sub(" ", text)
    return text


def calendar_days(text: str) -> list[WrittenDate]:
    """Every day named in `text` with its month, with or without a year (see the module doc): the
    written-out days first, then the numeric ones ("2019-03-24", "24.03.2019")."""
    return [*_written(_DAY_MONTH, text), *_written(_FULL[:2], text)]


def as_date(value: object) -> dt.date | None:
    """`value` (a date, datetime or ISO string) as a date; None when it is none of those."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
