"""Page furniture: the lines of a scraped page that are not the article (ads, prompts, captions, lists).

Each rule is a convention of news sites in general. Whole lines only, so a paragraph that merely
mentions "subscribers" or starts with "Related" is never touched. The import drops the lines
`is_furniture_line` accepts from the stored body; the extraction blanks every `furniture_spans` span
(those lines, captions, title bars, page timestamps, related-headline lists) in the text it reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .months import MONTH_PATTERN, WEEKDAY_PATTERN
from .span import Span

# Whole lines that are page furniture. Each alternative is a convention of news sites, not of one site.
_FURNITURE_LINE = re.compile(
    r"""^[ \t\u00a0]*(?:
        [-\u2013\u2014\u2022*\[(]*\s*(?:advertisement|advertising|sponsored(?:\s+content)?|ad)\s*[-\u2013\u2014*\])]*
      | story\s+continues\s+(?:below|after)\b.*
      | (?:subscribe|sign\s+up)\b.*\b(?:newsletter|inbox|updates|alerts)\b.*
      | (?:subscribe|sign\s+up|log\s*in|register)(?:\s+(?:now|here|today))?[.!]?
      | listen\s+live | get\s+short\s+url | community\s+standards\w* | discussion | comments?(?:\s*\(\d+\))?
      | (?:read|see|watch)\s+(?:more|also|next)(?:\s*:.*)? | also\s+read(?:\s*:.*)?
      | related(?:\s+(?:articles?|stories|news|content|topics|coverage))?(?:\s*:.*)?
      | more\s+(?:on\s+this\s+story|from\s+\S+)\s*:?.*
      | recommended(?:\s+for\s+you)?:? | trending(?:\s+now)?:?
      | (?:watch|play)\s+video\b.* | video\s*:?\s*\d{1,2}:\d{2}
      | (?:share|tweet|email|print|copy\s+link)(?:\s+(?:this|on|via|article|story)\b.*)?
      | (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|email)(?:\s*[|/·,]\s*\w+)*
      | follow\s+(?:us|[^\n]{1,40}?)\s+on\s+(?:twitter|facebook|instagram|telegram|x|social\s+media)\b.*
      | click\s+here\b.* | skip\s+to\s+(?:main\s+)?content
      | [^\n]{1,60}?['\u2019]s?\s+(?:web\s*site|site|app|homepage)s?\s+(?:can|may)\s+(?:also\s+)?be\s+(?:accessed|reached|found)\b.*
      | (?:(?:source|url|link|permalink|originally\s+published\s+at)\s*:?\s*)?<?https?://\S+>?   # the page's address
      | (?:copyright\s*)?©.* | copyright\s+\d{4}\b.* | all\s+rights\s+reserved\.?
      | (?:image|photo|picture|video)\s+(?:caption|copyright|source|credit)\b.*
      | (?:photo|image|caption|file\s+photo)\s*:.*
      | \(?file\s+photo\)?\.?
      | [a-z]{1,4}(?:/[a-z]{1,4})+\s*(?:\([^()\n]{1,60}\))?         # author initials: "aw/se (AP, Reuters)"
    )[ \t\u00a0]*$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A line that ends with a photo credit in brackets is a caption: "... March 24 (REUTERS)".
_CAPTION_LINE = re.compile(
    r"^[^\n]*\((?:[^()\n]*\b(?:photo|photograph|image|picture|file|credit)\b[^()\n]*"
    r"|AP|AFP|REUTERS|Reuters|Getty Images|EPA|dpa|Xinhua|AP Photo[^()\n]*)\)[ \t\u00a0]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A page-title bar ("Headline | News | Outlet | 25.03.2019") or a breadcrumb ("News / Russia / Venezuela").
_BAR_LINE = re.compile(r"^[^\n|]*(?:\|[^\n|]*){2,}$|^[^\n/]{1,40}(?:\s/\s[^\n/]{1,40}){2,}$", re.MULTILINE)
# The line after "Watch video 26:06" is the video's title.
_VIDEO_LINE = re.compile(
    r"^[ \t\u00a0]*(?:watch|play)\s+video[ \t\u00a0]*(?:\d{1,2}:\d\d(?::\d\d)?)?[ \t\u00a0]*\n"
    r"(?:[ \t\u00a0]*\n)*([^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
# A line holding nothing but a page timestamp ("07:45 GMT04 August 2020", "Updated: 25.03.2019 10:12").
_TIMESTAMP_LINE = re.compile(
    rf"^[ \t\u00a0]*(?:(?:published|updated|last\s+updated|posted|date)\s*:?\s*)?"
    rf"(?=[^\n]*\d)(?=[^\n]*(?:\d[:./-]\d|[A-Za-z]{{3}}))"  # a digit, and a time, a date or a name
    # possessive: a line of digits that is not a timestamp fails at once instead of backtracking
    rf"(?:\d[\d:./-]*|(?:GMT|UTC|[AP]\.?M\.?)\d*|{MONTH_PATTERN}\.?|{WEEKDAY_PATTERN}|[ \t\u00a0,]+)++$",
    re.IGNORECASE | re.MULTILINE,
)
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")


def is_furniture_line(line: str) -> bool:
    """True for a whole line that is page furniture with no article text ("- Advertisement -")."""
    return bool(_FURNITURE_LINE.fullmatch(line.strip(" \t\u00a0")))


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation (maybe inside closing quotes or a bracket)."""
    return bool(_SENTENCE_END.search(line))


def is_timestamp_line(line: str) -> bool:
    """True for a line holding nothing but a page timestamp ("07:45 GMT04 August 2020")."""
    return bool(_TIMESTAMP_LINE.fullmatch(line.strip(" \t\u00a0")))


def is_caption(line: str) -> bool:
    """True for a line that ends with a photo credit ("... March 24, 2019. (Photo by Reuters)")."""
    return bool(_CAPTION_LINE.search(line.strip()))


def furniture_spans(text: str) -> list[Span]:
    """Stored-text spans (whole lines) that are page furniture, in order and not overlapping."""
    found: list[tuple[int, int]] = []
    # A bar line holds two "|" or two "/" at least: most texts have neither, and the pattern, tried at every
    # character, costs as much as the other three together.
    barred = text.count("|") >= 2 or text.count("/") >= 2
    for rx in (_FURNITURE_LINE, _CAPTION_LINE, *((_BAR_LINE,) if barred else ()), _TIMESTAMP_LINE):
        found.extend(m.span() for m in rx.finditer(text) if m.group().strip())
    found.extend(m.span(1) for m in _VIDEO_LINE.finditer(text))
    found.extend(_headline_lists(text))
    found.extend(_listed_under_heading(text))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    spans = []
    for a, b in merged:
        # Trim the indentation so the span starts and ends on visible characters.
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append(Span(a, b, text[a:b]))
    return spans


def _headline_lists(text: str) -> Iterator[tuple[int, int]]:
    """Runs of two or more adjacent title-case lines without end punctuation: lists of related headlines."""
    run: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if not is_headline_like(m.group()):
            if len(run) >= 2:
                yield run[0][0], run[-1][1]
            run = []
        elif run and text.count("\n", run[-1][1], m.start()) == 1:
            run.append(m.span())
        else:
            if len(run) >= 2:
                yield run[0][0], run[-1][1]
            run = [m.span()]
    if len(run) >= 2:
        yield run[0][0], run[-1][1]


# A heading line over a list of links to other stories ("Related:", "Read more", "More on this story").
_LIST_HEADING = re.compile(
    r"""^[ \t\u00a0]*(?:related(?:\s+(?:articles?|stories|news|content|coverage))?|read\s+(?:more|also|next)
      | see\s+also | also\s+read | more\s+on\s+this\s+story | recommended(?:\s+for\s+you)? | more\s+stories
      | you\s+may\s+also\s+like | (?:most\s+)?popular(?:\s+now)?)[ \t\u00a0]*:?[ \t\u00a0]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A listed headline ends without a full stop (a question mark may end one: "Who owns the port?").
_PROSE_END = re.compile(r"[.!;:,][\"'\u201d\u2019)]*\s*$")
MAX_LISTED_WORDS = 25


def _listed_under_heading(text: str) -> Iterator[tuple[int, int]]:
    """The lines listed under a "Related:" heading: headlines in any case ("Council to review bus fares"),
    up to the first line that reads as prose (a full stop, or longer than a headline) or a second blank
    line. Title-case runs are found without a heading (`_headline_lists`); sentence-case ones are only
    told from short paragraphs by the heading above them."""
    lines = list(_LINE.finditer(text))
    for n, heading in enumerate(lines):
        if not _LIST_HEADING.match(heading.group()):
            continue
        end = None
        previous = heading
        for m in lines[n + 1 :]:
            line = m.group().strip(" \t\u00a0")
            gap = text.count("\n", previous.end(), m.start())
            if gap > 2 or not line or _PROSE_END.search(line) or len(line.split()) > MAX_LISTED_WORDS:
                break
            if is_furniture_line(line) or _LIST_HEADING.match(line):
                break  # the next block of furniture is found on its own
            end = m.end()
            previous = m
        if end is not None:
            yield heading.start(), end


def is_headline_like(line: str) -> bool:
    """True for a title-case line of 3 to 25 words without end punctuation (an item of a headline list)."""
    words = line.split()
    return (
        3 <= len(words) <= 25
        and not _SENTENCE_END.search(line)
        and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
    )
