"""The page header of a scraped article: the lines above its first paragraph of prose.

A header holds a headline, maybe a title bar ("Headline | News | Outlet | 25.03.2019"), a breadcrumb
("News / Russia / Venezuela"), section labels, a byline and page timestamps. A headline is told
from prose by its form, not its length: prose ends with a full stop (or a closing quote, colon or
semicolon after one) or holds several sentences; a headline does neither, however many words it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import has_full_date as has_full_date  # callers name it from here
from .dates import without_full_dates
from .furniture import is_caption, is_furniture_line, is_timestamp_line
from .span import Span

# A title bar or a breadcrumb: "Headline | News | Outlet", "News / Russia / Venezuela".
_BAR = re.compile(r"(?:[^|]*\|){2,}[^|]*|[^/]{1,40}(?:\s/\s[^/]{1,40}){2,}")
# The end of a line of prose: a full stop, colon or semicolon, maybe inside closing quotes or brackets.
_PROSE_END = re.compile(r"[.:;](?:[\"'\u201d\u2019)\]]*)\s*$|[.!?][\"'\u201d\u2019)\]]+\s*$")
# Two sentences in one line: an end mark, then a capital after white space.
_INNER_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018]?[A-Z]")
_BYLINE = re.compile(r"^\s*(?i:by)\s+([A-Z][\w.'\-]+(?:\s+(?:and\s+)?[A-Z][\w.'\-]+){0,5})\s*$")
# What stands before the date in a dateline: "CARACAS, ", "WASHINGTON (AP) - ", "Published: ".
_DATELINE_PREFIX = re.compile(
    r"\s*(?:[A-Z][A-Z.' -]{2,}(?:\s*\([^)]*\))?(?:,|\s[-\u2013\u2014])\s*"
    r"|(?i:(?:first\s+|last\s+)?(?:published|posted|updated|released))\s*:?\s*(?:on\s+)?)$"
)
# A line that dates the page as it opens: "Published ...", "Posted ...", "CARACAS, ...",
# "WASHINGTON (AP), ...", "25.03.2019 - ...".
_DATELINE_OPENING = re.compile(
    r"^\s*(?i:(?:first\s+)?published|posted|released)\b|^\s*[A-Z][A-Z.' -]{2,}(?:\s*\([^)]*\))?,\s"
    r"|^\s*\W{0,3}\d[\d./-]*\d\s*[-\u2013\u2014]\s"
)
_DATE_LABEL = re.compile(
    r"\b(?:date|published|posted|updated|last\s+updated|first\s+published|on|at|GMT|UTC|\d{1,2}:\d{2})\b:?",
    re.IGNORECASE,
)
_LONGEST_PROSE_FREE_LINE = 80  # words: a line this long is a paragraph even without a full stop
_MAX_HEADER_LINES = 12  # non-empty lines; past them the page has no header we can read


@dataclass(slots=True)
class Header:
    """What the header says, with stored-text offsets."""

    end: int  # offset where the body starts (the first line of prose), 0 when there is no header
    lines: list[Span] = field(default_factory=list)  # the header's non-empty lines
    title: Span | None = None  # the headline line, when the header has one of its own
    bar_segments: list[str] = field(default_factory=list)  # the parts of a title bar, in order
    byline: str = ""


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The non-empty lines of text[start:end], white space around each left out."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Span(a, b, text[a:b]))
    return out


# Of the parts a bar may name besides a date, the outlet's is short: "Riverside Gazette | 5 March 2019".
_MAX_DATED_BAR_WORDS = 4


def is_bar(line: str) -> bool:
    """True for a title bar or a breadcrumb line; a short name and a complete date on either side of one
    bar ("Riverside Gazette | 5 March 2019", "05.03.2019 | BBC News") are a title bar too."""
    line = line.strip()
    if _BAR.fullmatch(line):
        return True
    if line.count("|") != 1:
        return False
    dated, other = sorted((s.strip() for s in line.split("|")), key=has_full_date, reverse=True)
    # the dated side is a page stamp and nothing else ("Updated: Tue 5 March 2019 10:32 GMT")
    if not has_full_date(dated) or not is_timestamp_line(dated) or has_full_date(other):
        return False
    return 0 < len(other.split()) <= _MAX_DATED_BAR_WORDS and any(c.isalpha() for c in other)


def is_prose(line: str) -> bool:
    """True for a line of article prose (see the module docstring); bars and lone short lines are not."""
    line = line.strip()
    if is_bar(line):
        return False
    words = line.split()
    if len(words) >= _LONGEST_PROSE_FREE_LINE:
        return True
    if len(words) >= 6 and _PROSE_END.search(line):
        return True
    return len(words) >= 8 and len(_INNER_BREAK.findall(line)) >= 1 and bool(re.search(r"[.!?]\W*$", line))


def is_headline(line: str) -> bool:
    """True for a line shaped like a headline: three words or more besides any date, not prose or furniture."""
    line = line.strip()
    words = line.split()
    return (
        len(words) >= 3
        and not is_prose(line)
        and not is_bar(line)
        and not re.search(r"[,;:]\s*$", line)
        and len(_DATE_LABEL.sub(" ", without_full_dates(line)).split()) >= 3  # more than a dated stamp
        and not is_furniture_line(line)
        and not is_timestamp_line(line)
        and not is_caption(line)
        and not _BYLINE.match(line)
    )


def read_header(text: str) -> Header:
    """The header of `text`: the lines before its first line of prose (none when prose never starts)."""
    lines = []
    body_start = None
    for line in lines_of(text):
        if is_furniture_line(line.text):
            continue
        if is_prose(line.text) or is_caption(line.text):  # a photo and its caption belong to the body
            body_start = line.start
            break
        lines.append(line)
        if len(lines) > _MAX_HEADER_LINES:
            break
    if body_start is None:
        return Header(end=0)
    header = Header(end=body_start, lines=lines)
    for line in lines:
        if is_bar(line.text) and "|" in line.text:
            header.bar_segments += [s.strip() for s in line.text.split("|") if s.strip()]
        elif m := _BYLINE.match(line.text):
            header.byline = header.byline or m.group(1)
        elif header.title is None and is_headline(line.text):
            header.title = line
    return header


def headline_span(text: str, *, title: str | None = None) -> Span | None:
    """The stored-text span of the article's own headline line at its top, if it has one.

    A header line equal to a known `title` is it; else the header's headline-shaped line. A line that
    ends like a sentence (". ? !") is left to the extraction: corpora that set the headline as the
    first sentence of the text annotate what it says.
    """
    header = read_header(text)
    found = header.title
    if title:
        wanted = " ".join(title.split())
        found = next((line for line in header.lines if " ".join(line.text.split()) == wanted), found)
    if found is None or re.search(r"[.!?\u2026][\"'\u201d\u2019)\]]*$", found.text):
        return None
    return found


def in_dateline(text: str, start: int) -> bool:
    """True when `start` falls in a dateline that opens a line ("CARACAS, March 24 (Reuters) -")."""
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start < 60 and bool(_DATELINE_PREFIX.match(text, line_start, start))


def opens_dateline(line: str) -> bool:
    """True when a line, read up to the end of a date in it, opens the way a dateline does (see
    _DATELINE_OPENING): the date it carries dates the page rather than an event."""
    return bool(_DATELINE_OPENING.search(line))
