"""When the stance model's "agree" may raise a statement pair's confidence.

The model reads a claim against the other's sentence and answers "agree" for most pairs on one topic:
it sees neither what kind of happening each tells nor when each was said. Its "agree" raises a pair
(`statements.STANCE_BONUS`) only when the two can tell of one happening:

- the same kind of happening: both tell of an arrival or a presence (a visit included), or neither.
  "The engineers have arrived in Pellan to service the ferries" and "work on the ferry service
  programme is on schedule" share the topic's words, not a fact.
- told at times that can meet, when neither dates what it says: a date around a statement (outside its
  own words: "In May, the ministry said that ...") dates its telling, and a statement without one is
  told in the days before its article's publication. A ministry's May statement that engineers are in
  the country and an official's in an article of 20 March are two tellings of two moments, however
  alike their words.

The wording alone still links such a pair when it is strong enough; only the model's lift is withheld.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from .features import ClaimFeatures, Key
from .text import fold

AgreeLift = Callable[[ClaimFeatures, ClaimFeatures], bool]

# An arrival or a presence told in a statement's own words: someone or something arrived, landed,
# touched down, was dispatched to, visits, or is in a place ("specialists were in the country"). Not
# every "sent to" ("emails sent to and from a personal account") nor "leave" ("leave the country
# vulnerable"): only the words that tell of people or craft coming to a place.
_ARRIVAL = re.compile(
    r"\b(?:(?:arriv(?:e|es|ed|ing|al)|touch(?:es|ed|ing)?\s+down|visit(?:s|ed|ing|ors?)?)\b|"
    r"(?:land(?:s|ed|ing)\s+(?:in|at|on)|dispatch(?:ed|es|ing)?\s+to)\s|"
    r"(?:is|are|was|were)\s+(?:already\s+|still\s+|now\s+)?in\s+(?:the\s+country\b|(?-i:[A-Z])))",
    re.I,
)
RECENT_DAYS = 7  # a statement without a date of its own was told this many days before publication at most
SLACK_DAYS = 3  # a dated telling may be reported a few days off ("late Monday" told on Tuesday)

# (first day, last day) a telling can lie in, and whether the year is known (else year 1: see _meet)
Interval = tuple[dt.date, dt.date, bool]
Around = dict[Key, list[tuple[str, str]]]  # (article id, sentence start) -> (date value, date words)


def agree_lift(dates: Sequence[ClaimFeatures]) -> AgreeLift:
    """A test of whether the stance model's "agree" may raise a pair of statements: both tell of an
    arrival or presence, or neither does, and their tellings can meet in time (`told_apart`, with the
    dates of `dates` in each statement's sentence)."""
    around = _dates_by_sentence(dates)

    def may(a: ClaimFeatures, b: ClaimFeatures) -> bool:
        return arrives(a) == arrives(b) and not told_apart(a, b, around)

    return may


def arrives(f: ClaimFeatures) -> bool:
    """True when the statement's own words tell of an arrival or a presence (`_ARRIVAL`)."""
    return bool(_ARRIVAL.search(f.item.claim.text))


def _dates_by_sentence(dates: Sequence[ClaimFeatures]) -> Around:
    out: Around = defaultdict(list)
    for f in dates:
        if f.item.sentence_start is not None:
            claim = f.date
            words = claim.expression.text if claim.expression else claim.text
            out[(f.item.article_id, f.item.sentence_start)].append((claim.value, words))
    return out


def told_apart(a: ClaimFeatures, b: ClaimFeatures, around: Around) -> bool:
    """True when neither statement dates what it says in its own words and their tellings cannot meet:
    each is told at the month or day dates around it in its sentence (outside its own words: "In May,
    the ministry said that ..."), else in the RECENT_DAYS before its article's publication. A statement
    dating its own content ("met the lawyer in June 2016") tells of that time whenever it is told.
    False when either time is not known."""
    if _dates_itself(a, around) or _dates_itself(b, around):
        return False
    ta, tb = _told(a, around), _told(b, around)
    if ta is None or tb is None:
        return False
    return not any(_meet(x, y) for x in ta for y in tb)


def _sentence_dates(f: ClaimFeatures, around: Around) -> list[tuple[str, bool]]:
    """(value, inside the statement's own words) of each date in the statement's sentence."""
    own = fold(f.item.claim.text).lower()
    return [
        (value, bool(words.strip()) and fold(words).lower().strip() in own)
        for value, words in around.get((f.item.article_id, f.item.sentence_start), ())
    ]


def _dates_itself(f: ClaimFeatures, around: Around) -> bool:
    return any(inside for _, inside in _sentence_dates(f, around))


def _told(f: ClaimFeatures, around: Around) -> list[Interval] | None:
    """When `f` was told: the intervals of the month or day dates around it in its sentence, else the
    days before its article's publication, else None."""
    dated = [_interval(value) for value, inside in _sentence_dates(f, around) if _month(value) and not inside]
    if dated:
        return dated
    if f.item.published is None:
        return None
    return [(f.item.published - dt.timedelta(days=RECENT_DAYS), f.item.published, True)]


def _month(value: str) -> int | None:
    parts = value.split("-")
    return int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None


def _interval(value: str) -> Interval:
    """The days a date value ("2019-03", "XXXX-04", "XXXX-06-24") covers; year 1 when not known."""
    parts = value.split("-")
    known = parts[0].isdigit()
    year, month = int(parts[0]) if known else 1, int(parts[1])
    if len(parts) > 2 and parts[2].isdigit():
        day = dt.date(year, month, min(int(parts[2]), calendar.monthrange(year, month)[1]))
        return day, day, known
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), known


def _meet(x: Interval, y: Interval) -> bool:
    """True when the two intervals lie within SLACK_DAYS of each other; an interval whose year is not
    known is tried in the other's year and the years either side (both unknown: in one year, and across
    a new year)."""
    if not x[2] and y[2]:
        x, y = y, x
    base = x[0].year if x[2] else 2000
    years = [base] if y[2] else [base - 1, base, base + 1]
    if not x[2]:
        x = (_in_year(x[0], base), _in_year(x[1], base), True)
    slack = dt.timedelta(days=SLACK_DAYS)
    for year in years:
        start, end = (y[0], y[1]) if y[2] else (_in_year(y[0], year), _in_year(y[1], year))
        if start - slack <= x[1] and x[0] <= end + slack:
            return True
    return False


def _in_year(day: dt.date, year: int) -> dt.date:
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))
