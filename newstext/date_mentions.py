"""Date expressions found by pattern, before any parse: where they are and what they literally say.

A `Mention` is unresolved: "on Saturday" is weekday 5, "in December" is month 12, "18 years ago" is
18 years back. `resolve.py` turns it into a calendar value once the reference date and the tense are
known. Month and weekday names are matched capitalised only ("may", "march" are words); clock times,
durations ("26:06"), ages and centuries never match.

Each pattern is split in two for speed: a core that starts with the date's own words (the regex engine
skips quickly to where those can begin) and the words that lead into it ("since", "late on", "three"),
looked for only in the few characters before a core match.
"""

from __future__ import annotations

import re

from .date_vocabulary import (
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    VAGUE,
    WEEKDAY_NAMES,
    WEEKDAYS,
    Mention,
    amount,
)

# Month names are matched loosely (a three-letter stem and letters) and checked in `_mention`: a
# pattern that starts with a character class lets the regex engine skip ahead fast.
_STEMS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
MON = rf"(?P<mon>{_STEMS}(?:(?<!May)\.|t\.|[a-z]{{0,6}}))"  # an abbreviation may take a full stop
MON_FULL = rf"(?P<mon>{_STEMS}[a-z]{{0,6}})"
WD = r"(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")"
DAY = r"(?P<d>\d\d?)(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)(?![\d:%-]|\.\d|s\b|th\b)"
YEAR_ISO = r"(?P<y>(?:1[6-9]|20)\d\d)"
_AMOUNT = (
    r"(?P<n>\d{1,3}|(?i:"
    + "|".join(sorted((re.escape(w) for w in [*NUMBER_WORDS, *VAGUE]), key=len, reverse=True))
    + "))"
)
# Words that lead into a date and belong to the expression ("late on 24 June", "since May 2001").
_LEAD = (
    r"(?:\b(?P<lead>(?i:(?:late|early)\s+on|on|since|until|till|by|from|in|before|after|during))\s+)?"
    r"(?:\b(?P<wd>" + "|".join(WEEKDAY_NAMES) + r"),?\s+)?"
)
_PART = r"(?:\b(?P<part>(?i:early|late|mid))[\s-]+)?"
_MONTH_PREP = (
    r"(?:\b(?P<prep>(?i:in|since|until|till|by|from|during|of|before|after|through|throughout|between|and|to|"
    r"(?P<dir>last|next|this|that)))\s+)?"
)
_YEAR_PREP = (
    r"\b(?i:in|since|until|till|by|from|during|before|after|for|through|throughout|between|and|"
    r"early|late|mid|around|circa|(?:in\s+)?the\s+year|of)[\s-]+"
)
_FULL_NAMES = set(MONTH_NAMES)
_LAST_NEXT = ("last", "next")
# Before "May", these more often introduce the surname than the month.
_NAME_PREPOSITIONS = {"by", "and", "of", "to", "from", "between", "after", "before", "through", "throughout"}

# (kind, core, words before it, whether those words are required)
_P = [
    ("iso", rf"{YEAR_ISO}-(?P<m>\d\d?)-(?P<d>\d\d?)\b", _LEAD, False),
    ("dotted", rf"(?P<d>\d\d?)\.(?P<m>\d\d?)\.{YEAR}", _LEAD, False),
    ("slashed", rf"(?P<a>\d\d?)/(?P<b>\d\d?)/{YEAR}", _LEAD, False),
    # "Sept. 28-Oct. 2": a dash before a month name ends the day ("March 3-9" is read by `_dashed_periods`)
    ("day_month", rf"{DAY}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?(?!\w|-(?![A-Z]))", _LEAD, False),
    ("month_day", rf"{MON}\s+{DAY}(?:,?\s+{YEAR})?(?!\w|-(?![A-Z]))", _LEAD, False),
    ("month_year", rf"{MON},?\s+(?:of\s+)?{YEAR}", _LEAD + _PART, False),
    ("month", rf"{MON_FULL}\b(?![\s,]*\d)", _MONTH_PREP + _PART, True),
    ("year", rf"{YEAR}(?![\w-])", _YEAR_PREP, True),
    (
        "weekday",
        rf"{WD}(?:\s+(?P<tod>morning|afternoon|evening|night))?\b(?!-)",
        r"\b(?P<mod>(?i:last|next|this|on|since|until|by|(?:late|early)(?:\s+on)?))\s+",
        False,
    ),
    (
        "day_word",
        r"(?P<w>Yesterday|yesterday|Tomorrow|tomorrow|today|Tonight|tonight|Last\s+night|last\s+night|"
        r"This\s+(?:morning|afternoon|evening)|this\s+(?:morning|afternoon|evening))\b(?!-)",
        None,
        False,
    ),
    (
        "ago",
        r"(?P<unit>day|week|month|year|decade)s?(?:'s|')?\s+(?P<dir>ago|from\s+now|time)\b",
        rf"\b{_AMOUNT}\s+",
        True,
    ),
    (
        "unit",
        r"(?P<unit>week|month|year)\b(?!-|\s+(?:of|before|after|earlier|later)\b)",
        r"\b(?:(?P<part>(?i:earlier|later))\s+(?:in\s+)?)?(?P<the>(?i:the|a)\s+)?(?P<dir>(?i:this|last|next|the))\s+",
        True,
    ),
    (
        "weekend",
        r"weekend\b(?!['-])",
        r"\b(?i:at|over|on|during|(?P<dir>this|last|next))\s+(?:the\s+)?",
        True,
    ),
    (
        "part",
        r"(?P<part>beginning|start|end|middle)\s+of\s+(?P<dir>(?i:the|this|last|next))\s+(?P<unit>year|month|week)\b",
        r"\b(?i:at|in|by|from|since)\s+the\s+",
        True,
    ),
    # Days counted from another event of the story: "two days later", "a week after the vote", "the next
    # day", "the day before", "later that day". Resolved against that event, never the publication date.
    ("offset", r"(?P<unit>day|week)s?\s+(?P<rel>after|before|later|earlier)\b", rf"\b{_AMOUNT}\s+", True),
    ("offset", r"(?P<rel>next|following|previous|preceding|same)\s+day\b", r"\b(?i:the|that)\s+", True),
    ("offset", r"day\s+(?P<rel>after|before)\b", r"\b(?i:the)\s+", True),
    (
        "offset",
        r"(?P<rel>Later|later|Earlier|earlier)\s+that\s+(?:day|morning|afternoon|evening|night)\b",
        None,
        False,
    ),
    # "later that year": the year of the story's last written year (its `year` is set where it is read)
    ("that_year", r"that\s+year\b(?!['-])", r"\b(?i:later|earlier|in|by|during|until|of)\s+", True),
    # "last summer", "in the spring of 2018", "this fall" ("the fall of Rome" is not a season)
    (
        "season",
        rf"(?P<season>spring|summer|autumn|fall|winter)\b(?:,?\s+(?:of\s+)?{YEAR})?(?![\w-])(?!\s+of\s+[^\d\s])",
        r"\b(?i:in|during|since|by|until|over|(?P<dir>last|next|this)|early|late)\s+(?:the\s+)?(?:(?:early|late)\s+)?",
        True,
    ),
]
_COMPILED = [
    (kind, re.compile(core), re.compile(before + "$") if before else None, required)
    for kind, core, before, required in _P
]
_BEFORE_WINDOW = 40


_RANGE_YEAR = re.compile(
    rf"\s*(?:and|to|through|until|-|\u2013)\s*{MON_FULL.replace('?P<mon>', '?:')},?\s+(?:of\s+)?{YEAR}"
)
_THAT_BEFORE = re.compile(r"\b(?i:that|those)\s+$")
_THAT_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?i:that)\s+year\b")


def _anaphoric(text: str, start: int, end: int) -> bool:
    """True when the words around a day say its year is one already named: "that March 2 event", "on
    July 22 that year"."""
    return bool(_THAT_BEFORE.search(text, max(0, start - 8), start) or _THAT_YEAR_AFTER.match(text, end))


def _lead_direction(g: dict[str, str | None], key: str = "lead") -> int | None:
    """-1 when the lead word fixes the past ("since January"), else None (the tense decides)."""
    return -1 if (g.get(key) or "").lower() == "since" else None


def _mention(kind: str, m: re.Match[str], before: re.Match[str] | None = None) -> Mention | None:
    g = m.groupdict()
    if g.get("mon") and g["mon"].rstrip(".") not in (MONTHS if kind != "month" else _FULL_NAMES):
        return None
    start, end = m.span()
    if before is not None and before.start() < start:
        g.update((k, v) for k, v in before.groupdict().items() if v is not None)
        start = before.start()
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
        attacks = _NAMES_THE_ATTACKS.match(m.string, end) or m.string.endswith("post-", 0, m.start())
        if year is None and (month, day) == (9, 11) and attacks:
            year = 2001  # "the Sept. 11 attacks", "Sept. 11 victims": the day names the attacks of 2001
        mention = Mention(start, end, "full" if year else "day_month", year=year, month=month, day=day)
        mention.weekday = WEEKDAYS[g["wd"]] if g.get("wd") else None
        mention.direction = _lead_direction(g)
        mention.anaphoric = year is None and _anaphoric(m.string, start, end)
        if mention.anaphoric and (after := _THAT_YEAR_AFTER.match(m.string, end)):
            mention.end = after.end()  # "on July 22 that year" as one expression
        return mention
    if kind == "month_year":
        return Mention(
            start, end, "month_year", year=year, month=MONTHS[g["mon"].rstrip(".")], part=g.get("part")
        )
    if kind == "month":
        if g["mon"] == "May" and (
            (g.get("prep") or "in").lower() in _NAME_PREPOSITIONS or m.string.startswith("'", end)
        ):
            return None  # "by May", "and May's": more likely the surname than the month
        which = (g.get("dir") or "").lower()
        direction = {"last": -1, "next": 1}.get(which, _lead_direction(g, "prep"))
        # "between June and July 2016": the year written after the range is the first month's too
        shared = _RANGE_YEAR.match(m.string, end)
        if shared is not None:
            year = int(shared.group("y"))
            return Mention(start, end, "month_year", year=year, month=MONTHS[g["mon"]], part=g.get("part"))
        return Mention(
            start,
            end,
            "month",
            month=MONTHS[g["mon"]],
            direction=direction,
            part=(g.get("part") or "").lower() or None,
            strict=which in _LAST_NEXT,
            amount=0.0 if which == "this" else None,  # "this November": the one of the current year
            anaphoric=which == "that",  # "that March": the year the story last wrote
        )
    if kind == "year":
        return Mention(start, end, "year", year=year)
    if kind == "weekday":
        mod = " ".join((g.get("mod") or "").lower().split())
        direction = {"last": -1, "next": 1, "since": -1}.get(mod)
        return Mention(
            start,
            end,
            "weekday",
            weekday=WEEKDAYS[g["wd"]],
            direction=direction,
            part=mod if mod in ("this", "late", "early", "late on", "early on") else None,
            strict=mod in _LAST_NEXT,
        )
    if kind == "day_word":
        w = " ".join(g["w"].lower().split())
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)  # today, tonight, this morning
        return Mention(start, end, "day_word", amount=shift, approximate=w == "last night")
    if kind == "ago":
        typical, low, high, vague = amount(g["n"])
        direction = -1 if g["dir"] == "ago" else 1
        return Mention(
            start,
            end,
            "ago",
            amount=typical,
            low=low,
            high=high,
            unit=g["unit"],
            direction=direction,
            approximate=vague or g["unit"] in ("week", "decade"),
        )
    if kind == "unit":
        which = g["dir"].lower()
        part = (g.get("part") or "").lower() or None
        if (which == "the" and not part) or g.get("the"):
            return (
                None  # "the year" alone, "the last week" (a duration) are not dates; "earlier in the year" is
            )
        shift = {"last": -1, "next": 1}.get(which, 0)
        return Mention(
            start, end, "unit", amount=shift, unit=g["unit"], part=part, approximate=g["unit"] == "week"
        )
    if kind == "weekend":
        which = (g.get("dir") or "").lower()
        direction = {"last": -1, "next": 1}.get(which)
        return Mention(
            start,
            end,
            "weekend",
            direction=direction,
            part="this" if which == "this" else None,
            approximate=True,
            strict=which in _LAST_NEXT,
        )
    if kind == "season":
        which = (g.get("dir") or "").lower()
        direction = {"last": -1, "next": 1}.get(which)
        return Mention(
            start,
            end,
            "season",
            year=year,
            part=g["season"],
            direction=direction,
            strict=which in _LAST_NEXT,
            approximate=True,
        )
    if kind == "offset":
        return _offset(g, m, start)
    if kind == "that_year":
        return Mention(start, end, "year", anaphoric=True)
    if kind == "part":
        which = g["dir"].lower()
        shift = {"last": -1, "next": 1}.get(which, 0)
        return Mention(
            start, end, "part", amount=shift, unit=g["unit"], part=g["part"].lower(), approximate=True
        )
    return None


_OFFSET_SIGN = {
    "after": 1, "later": 1, "next": 1, "following": 1,
    "before": -1, "earlier": -1, "previous": -1, "preceding": -1, "same": 0,
}  # fmt: skip


def _offset(g: dict[str, str | None], m: re.Match[str], start: int) -> Mention | None:
    rel = (g.get("rel") or "").lower()
    unit = g.get("unit") or "day"
    count = 1.0  # "the next day"
    if n := g.get("n"):
        count, _, _, vague = amount(n)
        if vague:
            return None  # "a few days later": too vague to count from
    if rel in ("later", "earlier") and "that" in m.group(0):
        count = 0.0  # "later that day" is the day of the event before it
    days = _OFFSET_SIGN[rel] * count * (7 if unit == "week" else 1)
    # "two days after the report was published": an event follows; "the day before," none does.
    rest = m.string[m.end() : m.end() + 2]
    complement = rel in ("after", "before") and bool(rest.strip()) and rest.lstrip()[:1].isalnum()
    return Mention(
        start,
        m.end(),
        "offset",
        amount=days,
        unit=unit,
        part=rel,
        approximate=unit == "week",
        complement=complement,
    )


def find_mentions(text: str) -> list[Mention]:
    """Date expressions in `text`, in order; where two overlap the longer one wins."""
    found: list[Mention] = []
    for kind, core, before_rx, required in _COMPILED:
        for m in core.finditer(text):
            start = m.start()
            if (
                start
                and (text[start - 1].isalnum() or text[start - 1] == "_")
                and text[start - 3 : start] not in _ZONES
            ):
                continue  # inside a word; a day may be glued to a timestamp's zone ("GMT04 August")
            before = before_rx.search(text, max(0, start - _BEFORE_WINDOW), start) if before_rx else None
            if required and (before is None or before.start() == start):
                continue
            if kind == "unit" and before is not None and _compared_with(text, before.start(), m.end()):
                continue  # "up 4.5% on last year", "more than last year": the base of a comparison
            first = before.start() if before is not None else start
            if _NOT_BEFORE.search(text, max(0, first - 6), first) and not _BOUND.match(text, first):
                continue  # "help today, not next month": a date denied is no date of anything
            if kind == "day_month" and _day_is_a_count(text, m):
                continue
            if (
                kind == "day_word"
                and text[start].isupper()
                and _NAME_BEFORE.search(text, max(0, start - 30), start)
            ):
                continue  # "Tucker Carlson Tonight", "The Tonight Show": a programme's name, not a day
            mention = _mention(kind, m, before)
            if (
                mention is not None
                and mention.kind == "season"
                and mention.year is None
                and _EVENT_AFTER.match(text, m.end())
            ):
                continue  # "the summer before the election": a season of another event's year
            if mention is not None and _valid(mention):
                found.append(mention)
                if (
                    kind == "year"
                    and (end := _YEAR_RANGE_END.match(text, m.end()))
                    and _FROM.search(text, max(0, start - 6), start)
                ):
                    # "from 1965 to 1970": the period's last year is a date too (as "between 2009 and 2016")
                    found.append(Mention(end.start("y"), end.end("y"), "year", year=int(end.group("y"))))
    found.extend(_dashed_periods(text))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


_DASH = r"\s*[-\u2013\u2014]\s*"
_ORDINAL = r"(?:st|nd|rd|th)?"
_FIRST_ORDINAL = r"(?P<o1>st|nd|rd|th)?"
# "March 3-9, 2026", "Sept. 28-Oct. 2" is two mentions already ("Sept. 28", "Oct. 2"): the day after the dash
_MONTH_DAYS = re.compile(
    rf"{MON}\s+(?P<d>\d\d?){_FIRST_ORDINAL}{_DASH}(?P<d2>\d\d?){_ORDINAL}(?![\d:])(?:,?\s+{YEAR})?(?![\w-])"
)
# "3-9 March 2026", "3rd-9th of March"
_DAYS_MONTH = re.compile(
    rf"(?P<d>\d(?<![\w.,:/-]\d)\d?){_FIRST_ORDINAL}{_DASH}(?P<d2>\d\d?){_ORDINAL}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?(?![\w-])"
)
# "the 2014-2016 period", "in 2014-15": a span of years (not "2014-03-05", a day; not a score or a count)
_YEARS = re.compile(
    r"(?P<y>(?:1[6-9]|20)(?<![\w.,:/$\u00a3\u20ac-]\d\d)\d\d)[-\u2013](?P<y2>(?:1[6-9]|20)\d\d|\d\d)(?![\w%-]|[.,]\d)"
)
_YEARS_APART = 50  # "1939-45", "2014-2016"; "1950-2000 feet" is counted away by the attachment


def _dashed_periods(text: str) -> list[Mention]:
    """The two ends of each period written with a dash, as two mentions the range reader joins: "March 3-9"
    (the 3rd and the 9th of March), "3-9 March 2026" (both of March 2026), "2014-2016", "2014-15"."""
    out: list[Mention] = []
    for rx in (_MONTH_DAYS, _DAYS_MONTH):
        for m in rx.finditer(text):
            name = m.group("mon").rstrip(".")
            if name not in MONTHS or (m.start() and text[m.start() - 1].isalnum()):
                continue
            month, year = MONTHS[name], int(m.group("y")) if m.group("y") else None
            d1, d2 = int(m.group("d")), int(m.group("d2"))
            kind = "full" if year else "day_month"
            first_end = m.end("o1") if m.group("o1") else m.end("d")  # "3rd-9th": the ordinal is the day's
            first_start = m.start() if rx is _MONTH_DAYS else m.start("d")
            first = Mention(first_start, first_end, kind, year=year, month=month, day=d1)
            last = Mention(m.start("d2"), m.end(), kind, year=year, month=month, day=d2)
            if d1 < d2 and _valid(first) and _valid(last):
                out += [first, last]
    for m in _YEARS.finditer(text):
        y1, tail = int(m.group("y")), m.group("y2")
        y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
        if len(tail) == 2 and y2 <= y1:
            y2 += 100  # "1999-00"
        if 0 < y2 - y1 <= _YEARS_APART:
            out += [
                Mention(m.start("y"), m.end("y"), "year", year=y1),
                Mention(m.start("y2"), m.end("y2"), "year", year=y2),
            ]
    return out


_ZONES = ("GMT", "UTC")
_EVENT_AFTER = re.compile(r"\s+(?i:before|after|ahead\s+of|following)\s")
_NOT_BEFORE = re.compile(r"\b(?i:not)\s+$")
_BOUND = re.compile(r"(?i:until|till|before|after|since)\b")  # "not until Friday" still says when
# Before "last year", "this month": a comparison's base, not when something happened ("an increase of 4.5%
# on last year", "fewer than last year", "up 3% over last month", "compared with last year's 12").
_COMPARED_WITH = re.compile(r"\b(?i:(?P<on>on)|than|over|versus|vs\.?|compared\s+(?:with|to))\s+$")


def _compared_with(text: str, start: int, end: int) -> bool:
    """True when the words before the expression at [start, end) make it a comparison's base; "on" only
    before "last" with no possessive after ("on last year's anniversary" is a day)."""
    m = _COMPARED_WITH.search(text, max(0, start - 20), start)
    if m is None or not m.group("on"):
        return m is not None
    # "on last year" compares; "to vote on this week", "on last year's anniversary" do not
    return text[start : start + 5].lower() == "last " and not text.startswith(("'s", "\u2019s"), end)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'\u2019]*\s+$")
_YEAR_RANGE_END = re.compile(rf"\s*(?:to|through|-|\u2013)\s*{YEAR}")
_FROM = re.compile(r"\b(?i:from)\s+$")
# What "September 11" names when it qualifies these words ("the Sept. 11 attacks", "the September 11
# Commission") or follows "post-": the attacks of 2001, whatever the article's date, not this year's 11
# September. One attack ("the Sept. 11 attack" in Benghazi, 2012) and a memorial (held every year) are left
# to the tense.
_NAMES_THE_ATTACKS = re.compile(
    r"(?:th)?\s+(?i:attacks|hijackers?|victims|families|widows?|(?:terror|terrorist)\s+attacks|commission|"
    r"responders|survivors|advocates)\b"
)
_DAY_AFTER = re.compile(r"\s+\d{1,2}(?![\d:.,]\d)(?!\d)")
_ON_BEFORE = re.compile(r"\b(?i:on|since|until|till|by|before|after)\s+$")
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|all|those|these|of)\s+$")


def _day_is_a_count(text: str, m: re.Match[str]) -> bool:
    """True when "19 Sept." of "the 19 Sept. 11 hijackers" is a count before a month-first day: a day
    follows the month, and the month is written the American way (abbreviated with a full stop) or the
    number follows a determiner ("the 19")."""
    if m.group("y") or not _DAY_AFTER.match(text, m.end()):
        return False
    if _ON_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return False  # "left on 3 Sept. 4 men stayed": "on" makes it the day
    return m.group("mon").endswith(".") or bool(
        _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start())
    )


def _valid(m: Mention) -> bool:
    if m.month is not None and not 1 <= m.month <= 12:
        return False
    if m.day is not None and m.month is not None:
        limit = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m.month - 1]
        return 1 <= m.day <= limit
    return True


_LOOSE = [
    ("year", re.compile(rf"^(?:the\s+)?{YEAR}$")),
    ("month", re.compile(rf"^(?P<part>early|late|mid)?[\s-]*{MON_FULL}$")),
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
