"""Date expressions found by pattern, before any parse: where they are and what they literally say.

A `Mention` is unresolved: "on Saturday" is weekday 5, "in December" is month 12, "18 years ago" is
18 years back. `resolve.py` turns it into a calendar value once the reference date and the tense are
known. Month and weekday names are matched capitalised only ("may", "march" are words); clock times,
durations ("26:06"), ages and centuries never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
MONTHS["Sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)}

_FULL = "|".join(_MONTH_NAMES)
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
MON = rf"(?P<mon>{_FULL}|{_ABBR})"
MON_FULL = rf"(?P<mon>{_FULL})"
WD = r"(?P<wd>" + "|".join(_WEEKDAY_NAMES) + r")"
DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)(?![\d:%-]|\.\d|s\b|th\b)"
YEAR_ISO = r"(?P<y>(?:1[6-9]|20)\d\d)"

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100,
}
# Vague amounts: (typical, low, high).
_VAGUE = {
    "a few": (3, 2, 5), "few": (3, 2, 5), "several": (4, 3, 7), "a couple of": (2, 2, 3),
    "a couple": (2, 2, 3), "couple of": (2, 2, 3), "some": (3, 2, 10), "many": (5, 3, 20),
}
_AMOUNT = (
    r"(?P<n>\d{1,3}|(?i:"
    + "|".join(sorted((re.escape(w) for w in [*_NUMBER_WORDS, *_VAGUE]), key=len, reverse=True))
    + "))"
)


# Before "May", these more often introduce the surname than the month.
_NAME_PREPOSITIONS = {"by", "and", "of", "to", "from", "between", "after", "before", "through", "throughout"}


@dataclass(slots=True)
class Mention:
    """A date expression at [start, end) of the text it was found in, not yet resolved."""

    start: int
    end: int
    kind: str  # "full", "month_year", "year", "day_month", "month", "weekday", "day_word", "ago",
    # "unit", "weekend", "part"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    amount: float | None = None  # "ago": how many units; "unit": -1 last, 0 this, +1 next
    low: float | None = None  # vague amounts: range of `amount`
    high: float | None = None
    unit: str | None = None  # "day", "week", "month", "year", "decade"
    direction: int | None = None  # set by the words themselves: -1 "ago"/"last", +1 "next"/"from now"
    part: str | None = None  # "early", "late", "earlier", "later", "beginning", "end"
    approximate: bool = False


_P = [
    # 2019-03-18, 25.03.2019, 25/03/2019
    ("iso", rf"\b{YEAR_ISO}-(?P<m>0?[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0?[1-9])\b"),
    ("dotted", rf"\b(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<m>0?[1-9]|1[0-2])\.{YEAR}"),
    ("slashed", rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{YEAR}"),
    # (Monday,) 24 June (2019) / (Monday,) March 24(, 2019)
    ("day_month", rf"(?:\b{WD},?\s+)?\b{DAY}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?(?![\w-])"),
    ("month_day", rf"(?:\b{WD},?\s+)?\b{MON}\s+{DAY}(?:,?\s+{YEAR})?(?![\w-])"),
    ("month_year", rf"\b(?:(?P<part>(?i:early|late|mid))[\s-]+)?{MON},?\s+{YEAR}"),
    ("month", rf"\b(?P<prep>(?i:in|since|until|till|by|from|during|of|before|after|through|throughout|between|"
              rf"and|to|(?P<dir>last|next|this)))\s+(?:(?P<part>(?i:early|late|mid))[\s-]+)?{MON_FULL}\b(?![\s,]*\d)"),
    ("month", rf"\b(?P<part>(?i:early|late|mid))[\s-]+{MON_FULL}\b(?![\s,]*\d)"),
    ("year", rf"\b(?i:in|since|until|till|by|from|during|before|after|for|through|throughout|between|and|"
             rf"early|late|mid|around|circa|(?:in\s+)?the\s+year|of)[\s-]+{YEAR}(?![\w-])"),
    ("weekday", rf"\b(?:(?P<mod>(?i:last|next|this|on|since|until|by|(?:late|early)(?:\s+on)?))\s+)?{WD}"
                r"(?:\s+(?P<tod>morning|afternoon|evening|night))?\b(?!-)"),
    ("day_word", r"\b(?P<w>yesterday|Yesterday|tomorrow|Tomorrow|today|tonight|last\s+night)\b(?!-)"),
    ("ago", rf"\b{_AMOUNT}\s+(?P<unit>day|week|month|year|decade)s?(?:'s|')?\s+(?P<dir>ago|from\s+now|time)\b"),
    ("unit", r"\b(?:(?P<part>(?i:earlier|later))\s+(?:in\s+)?)?(?P<dir>(?i:this|last|next|the))\s+"
             r"(?P<unit>week|month|year)\b(?!-|\s+(?:of|before|after|earlier|later)\b)"),
    ("weekend", r"\b(?i:at|over|on|during|(?P<dir>this|last|next))\s+(?:the\s+)?weekend\b(?!['-])"),
    ("part", r"\b(?i:at|in|by|from|since)\s+the\s+(?P<part>beginning|start|end|middle)\s+of\s+"
             r"(?P<dir>(?i:the|this|last|next))\s+(?P<unit>year|month|week)\b"),
]
_COMPILED = [(kind, re.compile(rx)) for kind, rx in _P]


def _amount(word: str) -> tuple[float, float, float, bool]:
    w = " ".join(word.lower().split())
    if w.isdigit():
        return float(w), float(w), float(w), False
    if w in _VAGUE:
        typical, low, high = _VAGUE[w]
        return typical, low, high, True
    n = _NUMBER_WORDS[w]
    return n, n, n, False


def _mention(kind: str, m: re.Match) -> Mention | None:
    g = m.groupdict()
    start, end = m.span()
    year = int(g["y"]) if g.get("y") else None
    if kind in ("iso", "dotted"):
        return Mention(start, end, "full", year=year, month=int(g["m"]), day=int(g["d"]))
    if kind == "slashed":
        a, b = int(g["a"]), int(g["b"])
        day, month = (a, b) if a > 12 else (b, a)  # US month/day unless the first cannot be a month
        if month > 12 or not 1 <= day <= 31:
            return None
        return Mention(start, end, "full", year=year, month=month, day=day, approximate=a <= 12 and b <= 12)
    if kind in ("day_month", "month_day"):
        month, day = MONTHS[g["mon"].rstrip(".")], int(g["d"])
        mention = Mention(start, end, "full" if year else "day_month", year=year, month=month, day=day)
        mention.weekday = WEEKDAYS[g["wd"]] if g.get("wd") else None
        return mention
    if kind == "month_year":
        return Mention(start, end, "month_year", year=year, month=MONTHS[g["mon"].rstrip(".")], part=g.get("part"))
    if kind == "month":
        if g["mon"] == "May" and (
            (g.get("prep") or "in").lower() in _NAME_PREPOSITIONS or m.string.startswith("'", end)
        ):
            return None  # "by May", "and May's": more likely the surname than the month
        direction = {"last": -1, "next": 1}.get((g.get("dir") or "").lower())
        return Mention(start, end, "month", month=MONTHS[g["mon"]], direction=direction,
                       part=(g.get("part") or "").lower() or None)
    if kind == "year":
        return Mention(start, end, "year", year=year)
    if kind == "weekday":
        mod = " ".join((g.get("mod") or "").lower().split())
        direction = {"last": -1, "next": 1, "since": -1}.get(mod)
        return Mention(start, end, "weekday", weekday=WEEKDAYS[g["wd"]], direction=direction,
                       part=mod if mod in ("this", "late", "early", "late on", "early on") else None)
    if kind == "day_word":
        w = " ".join(g["w"].lower().split())
        shift = {"yesterday": -1, "tomorrow": 1, "today": 0, "tonight": 0, "last night": -1}[w]
        return Mention(start, end, "day_word", amount=shift, approximate=w == "last night")
    if kind == "ago":
        typical, low, high, vague = _amount(g["n"])
        direction = -1 if g["dir"] == "ago" else 1
        return Mention(start, end, "ago", amount=typical, low=low, high=high, unit=g["unit"],
                       direction=direction, approximate=vague or g["unit"] in ("week", "decade"))
    if kind == "unit":
        which = g["dir"].lower()
        part = (g.get("part") or "").lower() or None
        if which == "the" and not part:  # "the year" alone is not a date; "earlier in the year" is
            return None
        shift = {"last": -1, "next": 1}.get(which, 0)
        return Mention(start, end, "unit", amount=shift, unit=g["unit"], part=part,
                       approximate=g["unit"] == "week")
    if kind == "weekend":
        which = (g.get("dir") or "").lower()
        direction = {"last": -1, "next": 1}.get(which)
        return Mention(start, end, "weekend", direction=direction, part="this" if which == "this" else None,
                       approximate=True)
    if kind == "part":
        which = g["dir"].lower()
        shift = {"last": -1, "next": 1}.get(which, 0)
        return Mention(start, end, "part", amount=shift, unit=g["unit"], part=g["part"].lower(), approximate=True)
    return None


def find_mentions(text: str) -> list[Mention]:
    """Date expressions in `text`, in order; where two overlap the longer one wins."""
    found: list[Mention] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            mention = _mention(kind, m)
            if mention is not None and _valid(mention):
                found.append(mention)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _valid(m: Mention) -> bool:
    if m.day is not None and m.month is not None:
        limit = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m.month - 1]
        return 1 <= m.day <= limit
    return True


_LOOSE = [
    ("year", re.compile(rf"^(?:the\s+)?{YEAR}$")),
    ("month", re.compile(rf"^(?:(?P<part>early|late|mid)[\s-]+)?{MON_FULL}$")),
]


def parse_loose(text: str, start: int) -> Mention | None:
    """A Mention for text an NER model called a date but no pattern matched ("the 2001 deal" -> 2001)."""
    for kind, rx in _LOOSE:
        m = rx.match(text)
        if m:
            mention = _mention(kind, m)
            if mention is not None:
                mention.start += start
                mention.end += start
                return mention
    return None
