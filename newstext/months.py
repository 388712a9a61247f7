"""Month and weekday names, with the abbreviations news pages use ("Sept", "Aug.")."""

from __future__ import annotations

from collections.abc import Iterable

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Lower-case name or abbreviation -> month number (1-12): "march", "mar", "sept".
MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# Regular-expression alternations (no groups), longest first; compile them with re.IGNORECASE where
# case does not matter, or use the capitalised forms where "may" must not match.
MONTH_PATTERN = _alternation(MONTHS)
MONTH_PATTERN_CASED = _alternation(name.capitalize() for name in MONTHS)
WEEKDAY_PATTERN = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"


def month_number(word: str) -> int | None:
    """The month (1-12) that `word` names ("March", "mar.", "Sept"), else None."""
    return MONTHS.get(word.strip().rstrip(".").lower())
