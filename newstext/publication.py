"""When was the article published, and which date should its relative dates be read against?

Metadata wins. Without it, full dates in the header lines (before the first paragraph of prose) are
candidates: a dateline ("Published 25.03.2019", "CARACAS, March 24, 2019 -") ranks above other header
dates (title bars, page timestamps, captions). A candidate is tested against the article's own
explicit dates: an event told in a non-future clause cannot come after publication, a scheduled one
cannot come before it. The candidate with the fewest such contradictions wins; the others are kept
in `conflicts`. When every candidate is contradicted (a page timestamp stamped long after the story),
no publication date is claimed. An "updated" stamp only bounds the date from above and is never taken
for it. A dated photo caption only bounds the date from below: no date is
claimed, but relative dates are read against the caption's day moved on to the weekdays the article
reports ("RT reported on Tuesday").

When nothing anchors the article, there is no reference date: relative dates keep what they say
("on Saturday", "in January") and their year or week is stored as not known. The day the extraction
runs is never used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .chars import plain_chars
from .date_mentions import find_mentions
from .date_resolve import nearest_day
from .date_vocabulary import Mention
from .dates import as_date
from .furniture import is_caption
from .header import in_dateline as in_dateline  # callers name it from here
from .header import opens_dateline
from .span import Span

_HEADER_LINES = 8
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_PROSE_END = re.compile(r"[.!?\"']\s*$")
_SOURCE_RANK = {"dateline": 0, "header": 1}
# How far the reference date is trusted, by where it came from.
REFERENCE_CONFIDENCE = {
    "metadata": 1.0,
    "editor": 1.0,
    "dateline": 0.9,
    "header": 0.8,
    "window": 0.5,
}


@dataclass(slots=True)
class PublicationDate:
    value: dt.date | None
    precision: str  # "day", "month", "unknown"
    source: str  # "metadata", "dateline", "header", "editor", "none"
    conflicts: list[tuple[dt.date, str]] = field(default_factory=list)  # other candidates and where


@dataclass(slots=True)
class Reference:
    """The date relative expressions are read against, how it was chosen and how far to trust it."""

    date: dt.date | None  # None: nothing anchors the article in time
    basis: str  # "metadata", "dateline", "header", "window" (after a dated photo), "none"
    confidence: float


@dataclass(slots=True)
class _Candidate:
    date: dt.date
    precision: str
    source: str
    position: int
    updated: bool
    lower_bound: bool  # a photo caption's date: the photo was taken before the article appeared


def _header_end(text: str) -> int:
    """Offset where the header ends: the first line of prose, or after the first few non-empty lines."""
    pos = seen = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            seen += 1
            if (len(stripped.split()) >= 8 and _PROSE_END.search(stripped)) or seen > _HEADER_LINES:
                return pos
        pos += len(line)
    return pos


def _candidates(text: str, mentions: list[Mention]) -> list[_Candidate]:
    end = _header_end(text)
    found = []
    # A dateline opens the first paragraph ("PORTVILLE, Oct. 4, 2023 (Reuters) - The ferry ..."): that
    # line counts as header too, but only where the date follows a dateline's opening words.
    first_line_end = text.find("\n", end)
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    for m in mentions:
        if m.kind not in ("full", "month_year") or m.year is None or m.month is None:
            continue
        if m.start >= end and not (m.start < first_line_end and in_dateline(text, m.start)):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start : m.start]
        caption = is_caption(text[line_start : line_end if line_end >= 0 else len(text)])
        source = "dateline" if opens_dateline(line + text[m.start : m.end]) else "header"
        try:
            date = dt.date(m.year, m.month, m.day or 1)
        except ValueError:
            continue
        found.append(
            _Candidate(
                date, "day" if m.day else "month", source, m.start, bool(_UPDATED.search(line)), caption
            )
        )
    return found


def _event_date(m: Mention, ref: dt.date, direction: int) -> dt.date | None:
    if m.month is None or m.day is None:
        return None  # neither a full date nor a day of a month
    if m.kind == "full" and m.year is not None:
        try:
            return dt.date(m.year, m.month, m.day)
        except ValueError:
            return None
    if m.kind == "day_month":
        return nearest_day(m.month, m.day, ref, direction)
    return None


def _violations(c: _Candidate, events: list[tuple[Mention, int]]) -> int:
    count = 0
    for m, direction in events:
        date = _event_date(m, c.date, 0)
        if date is None:
            continue
        if c.precision == "month":
            date, ref = date.replace(day=1), c.date.replace(day=1)
        else:
            ref = c.date
        if (direction <= 0 and date > ref + dt.timedelta(days=1)) or (direction > 0 and date < ref):
            count += 1
    return count


def _days_to_cover(bound: dt.date, weekdays: list[int]) -> int:
    """Days after a lower bound (a dated photo) until every past weekday the article names has come round.

    News names weekdays for events of the last few days; taking them as no older than the article's
    own dated photo puts the reference on the latest of them.
    """
    return max(((wd - bound.weekday()) % 7 for wd in weekdays), default=0)


def _imported(candidates: Iterable[tuple[object, str]]) -> list[_Candidate]:
    """Candidates the import found in header lines it did not keep in the body (a title bar's dates).

    They come before the text's own, in the order given: of two the events allow equally, the first
    listed wins. The import lists the header's dates top down and stores the one it chose first, so
    extracting the article (again) keeps that date rather than swapping it with an equal conflict."""
    pairs = [(date, source) for value, source in candidates if (date := as_date(value)) is not None]
    return [
        _Candidate(date, "day", source if source in _SOURCE_RANK else "header", n - len(pairs), False, False)
        for n, (date, source) in enumerate(pairs)
    ]


def publication_and_reference(
    text: str,
    *,
    published: object = None,
    candidates: Iterable[tuple[object, str]] = (),
    tenses: Mapping[int, int] | None = None,
    mentions: Iterable[Mention] | None = None,
    furniture: Iterable[Span] | None = None,
) -> tuple[PublicationDate, Reference]:
    """The publication date and the reference date for relative expressions.

    `published` is a date an editor or the metadata gave: it wins. `candidates` are (date, source)
    pairs found outside `text` (header lines the import took off the body): they are weighed with
    the text's own. `tenses` maps the stored-text start of a date expression to the direction of its
    clause (-1 past, 0 unknown or present, +1 future), as the parser found it; without it only the
    words of the expression ("since", "last", "ago") give a direction. `mentions` (stored-text
    offsets) are the expressions a caller already found in the body, so only the header and the
    `furniture` spans are searched again.

    With no date that the article's events allow, the reference date is None: nothing is resolved
    against the day the extraction runs, and relative dates keep only what they say.
    """
    tenses = tenses or {}
    plain = plain_chars(text)
    if mentions is None:
        mentions = find_mentions(plain)
    else:
        # The body was searched already; only the header and the furniture (captions, stamps) remain.
        mentions = list(mentions)
        header = _header_end(plain)
        first_line_end = plain.find("\n", header)  # a dateline may open the first paragraph
        first_line_end = len(plain) if first_line_end < 0 else first_line_end
        for start, end in [(0, first_line_end), *((f.start, f.end) for f in furniture or ())]:
            mentions.extend(
                replace(m, start=m.start + start, end=m.end + start) for m in find_mentions(plain[start:end])
            )
        first_at: dict[int, Mention] = {}  # the first mention found at each position
        for m in sorted(mentions, key=lambda m: m.start):
            first_at.setdefault(m.start, m)
        mentions = list(first_at.values())
    found = _imported(candidates) + _candidates(plain, mentions)
    positions = {c.position for c in found}
    events = [
        (m, m.direction if m.direction is not None else tenses.get(m.start, 0))
        for m in mentions
        if m.start not in positions and m.kind in ("full", "day_month")
    ]
    # Weekdays named in past-tense clauses ("RT reported on Tuesday").
    weekdays = [
        m.weekday
        for m in mentions
        if m.kind == "weekday" and m.weekday is not None and tenses.get(m.start, 0) < 0
    ]
    metadata = as_date(published)
    if metadata is not None:
        conflicts = [(c.date, c.source) for c in found if c.date != metadata and c.precision == "day"]
        return PublicationDate(metadata, "day", "metadata", _unique(conflicts)), Reference(
            metadata, "metadata", 1.0
        )
    scored = sorted(
        found,
        key=lambda c: (_violations(c, events), c.lower_bound, c.updated, _SOURCE_RANK[c.source], c.position),
    )
    everything = _unique([(c.date, _shown_source(c)) for c in scored])
    # An "updated" stamp only bounds the date from above: it is never taken as the publication date.
    best = next((c for c in scored if not c.updated and _violations(c, events) == 0), None)
    if best is not None and best.lower_bound:
        # A dated photo: the article appeared on or after it, on the latest past weekday it names.
        bound = best.date
        ref = bound + dt.timedelta(days=_days_to_cover(bound, weekdays))
        publication = PublicationDate(None, "unknown", "none", everything)
        return publication, Reference(ref, "window", REFERENCE_CONFIDENCE["window"])
    if best is not None:
        conflicts = [(d, source) for d, source in everything if d != best.date]
        publication = PublicationDate(best.date, best.precision, best.source, conflicts)
        confidence = REFERENCE_CONFIDENCE[best.source] * (1.0 if best.precision == "day" else 0.8)
        return publication, Reference(best.date, best.source, confidence)
    # Every candidate contradicts the events (a page stamped long after the story), or there is none:
    # no date is claimed and none is guessed.
    return PublicationDate(None, "unknown", "none", everything), Reference(None, "none", 0.0)


def _shown_source(c: _Candidate) -> str:
    return "caption" if c.lower_bound else "updated" if c.updated else c.source


def candidate_starts(text: str, mentions: Iterable[Mention]) -> set[int]:
    """Starts of the mentions that date the page, not an event the article reports: datelines, captions
    and header lines that are not sentences ("Published 11 March 2021 | Updated 14 March 2021")."""
    plain = plain_chars(text)
    starts = set()
    for c in _candidates(plain, list(mentions)):
        line_end = plain.find("\n", c.position)
        line = plain[plain.rfind("\n", 0, c.position) + 1 : line_end if line_end >= 0 else len(plain)]
        if c.source == "dateline" or c.lower_bound or not _PROSE_END.search(line.strip()):
            starts.add(c.position)
    return starts


# A clause that looks ahead by its words alone: "will" or "shall" and a verb, then the date with no
# sentence or clause break between ("will leave Portville for Northhaven on 14 July").
_AHEAD = re.compile(r"\b(?:will|shall)\s+(?:not\s+)?[a-z]+\b[^.;:!?,\n\"]{0,60}$", re.IGNORECASE)


def tenses_from_words(text: str) -> dict[int, int]:
    """`tenses` for `publication_and_reference` read from words alone, where no parser ran (the import):
    +1 for a dated event a "will" clause schedules. The extraction passes the parser's tenses instead."""
    plain = plain_chars(text)
    return {
        m.start: 1
        for m in find_mentions(plain)
        if m.kind in ("full", "day_month") and _AHEAD.search(plain[max(0, m.start - 100) : m.start])
    }


def _unique(pairs: list[tuple[dt.date, str]]) -> list[tuple[dt.date, str]]:
    return list(dict.fromkeys(pairs))


def find_publication_date(
    text: str,
    *,
    published: object = None,
    candidates: Iterable[tuple[object, str]] = (),
    tenses: Mapping[int, int] | None = None,
) -> PublicationDate:
    """The article's publication date: `published` metadata, else its header lines (see the module doc)."""
    return publication_and_reference(text, published=published, candidates=candidates, tenses=tenses)[0]
