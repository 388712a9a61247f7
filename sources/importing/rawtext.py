"""Scraped pages (.txt and .html) into article fields: title, outlet, byline, dates and a cleaned body.

The body is what claims will point into, so cleaning only removes what is safely not article text:
whole lines of page furniture ("Advertisement", "Listen Live", "Subscribe to our newsletter"), and
the page header above the first paragraph (breadcrumbs, title bars, section labels, timestamps),
from which the title, outlet and candidate dates are taken. Everything else is kept as written
(no-break spaces, curly quotes); the raw file is kept beside it as Article.original.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import RowError

_FURNITURE = re.compile(
    r"""^(?:
        [-\u2013\u2014*\[(]*\s*(?:advertisement|advertising|sponsored(?:\s+content)?)\s*[-\u2013\u2014*\])]*
      | listen\s+live | get\s+short\s+url | skip\s+to\s+(?:main\s+)?content | click\s+here\b.*
      | (?:subscribe|sign\s+up)\b.*\b(?:newsletter|inbox|updates|alerts)\b.*
      | (?:subscribe|sign\s+up|log\s*in|register)(?:\s+(?:now|here|today))?[.!]?
      | (?:share|tweet|email|print)(?:\s+(?:this|on|via)\b.*)? | copy\s+link
      | (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|email)(?:\s*[|/·,]\s*\w+)+
      | follow\s+(?:us|\S+)\s+on\s+\w+.* | comments?(?:\s*\(\d+\))?
      | (?:read|see)\s+(?:more|also)\s*:.* | also\s+read\s*:.*
      | (?:watch|play)\s+video(?:\s+\d{1,2}:\d{2})?
      | all\s+rights\s+reserved\.? | (?:copyright\s*)?©.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_DATE_PATTERNS = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), ("d", "m", "y")),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s*({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I), ("d", "mn", "y")),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I), ("mn", "d", "y")),
)
_METADATA_LINE = re.compile(r"^\s*(?:date|published|posted|updated|last\s+updated)\s*:?\s+\S", re.I)
_BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.'\-]+(?:\s+(?:and\s+)?[A-Z][\w.'\-]+){0,5})\s*$")
# "CARACAS -", "WASHINGTON, March 3, 2019 (Reuters) -": a place in capitals, maybe a date and an agency.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.\- ]{1,40}[A-Z])(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*(?P<date>[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}))?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?\s*[\u2013\u2014-]{1,2}\s"
)
# Section names of news sites: a bar segment that is one of these is not the outlet's name.
_SECTIONS = {
    "news",
    "world",
    "home",
    "politics",
    "business",
    "opinion",
    "sport",
    "sports",
    "latest",
    "europe",
    "americas",
    "asia",
    "africa",
    "middle east",
    "us",
    "uk",
    "international",
    "national",
    "local",
    "analysis",
    "top stories",
    "breaking news",
    "video",
    "live",
    "economy",
    "science",
    "technology",
}
_BASE_TAG = re.compile(r"<base\b[^>]*>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019)]\s*$")


def dates_in(text: str) -> list[dt.date]:
    """Every complete (day, month, year) date written in `text`, in order."""
    found: list[tuple[int, dt.date]] = []
    for rx, order in _DATE_PATTERNS:
        for m in rx.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            month = _MONTHS[parts["mn"].lower()] if "mn" in parts else int(parts["m"])
            try:
                found.append((m.start(), dt.date(int(parts["y"]), month, int(parts["d"]))))
            except ValueError:
                continue
    return [day for _, day in sorted(found)]


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture that carries no article text."""
    return bool(_FURNITURE.match(line.strip()))


def clean_lines(text: str) -> list[str]:
    """The lines with line ends normalised, indentation and trailing spaces trimmed, furniture dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [line.strip(" \t") for line in text.split("\n") if not is_furniture(line)]


def join_paragraphs(lines: list[str]) -> str:
    """Lines joined back into text with at most one blank line between paragraphs."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_paragraph(line: str) -> bool:
    if line.count("|") >= 2 or line.count(" / ") >= 2:  # a title bar or a breadcrumb
        return False
    words = line.split()
    return len(words) >= 12 or (len(words) >= 6 and bool(_SENTENCE_END.search(line)))


def _is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not re.search(r"[.;:,]\s*$", line) and not dates_in(line)


def parse_text(raw: str, *, name: str = "") -> dict[str, object]:
    """Article fields found in a scraped plain-text page (see the module docstring)."""
    lines = clean_lines(raw)
    start = next((i for i, line in enumerate(lines) if _is_paragraph(line)), len(lines))
    title = outlet = byline = ""
    header_dates: list[dt.date] = []
    for line in lines[:start]:
        if not line:
            continue
        if line.count("|") >= 2:
            segments = [s.strip() for s in line.split("|") if s.strip()]
            for segment in segments:
                header_dates += dates_in(segment)
            named = [_strip_dates(seg) for seg in segments]
            named = [seg for seg in named if seg]
            long = [s for s in named if len(s.split()) >= 3]
            title = title or (max(long, key=len) if long else "")
            short = [s for s in named if len(s.split()) <= 3 and s.lower() not in _SECTIONS and s not in long]
            outlet = outlet or (short[-1] if short else "")
            continue
        if found := dates_in(line):
            header_dates += found
            continue
        if m := _BYLINE.match(line):
            byline = byline or m.group(1)
            continue
        if not title and _is_headline(line) and " / " not in line:
            title = line
    body = join_paragraphs(_trim_tail(lines[start:]))
    values: dict[str, object] = {
        "title": title,
        "outlet": outlet,
        "byline": byline,
        "body": body,
        "original": raw,
    }
    values.update(_choose_date(header_dates, body))
    return values


def _strip_dates(segment: str) -> str:
    """A title-bar segment without its dates and date labels ("date 2019-03-18  Title" -> "Title")."""
    for rx, _ in _DATE_PATTERNS:
        segment = rx.sub(" ", segment)
    return re.sub(
        r"^\s*(?:date|published|posted|updated|last\s+updated)\s*:?\s+", "", segment.strip(), flags=re.I
    ).strip()


def _trim_tail(lines: list[str]) -> list[str]:
    """The lines without a closing list of related headlines (two or more headline-like lines at the end)."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    cut = end
    while (
        cut
        and lines[cut - 1]
        and not _SENTENCE_END.search(lines[cut - 1])
        and lines[cut - 1][:1] not in "•-*\u2022"
    ):
        cut -= 1
    block = lines[cut:end]
    if len(block) >= 2 and sum(_title_case(line) for line in block) >= len(block) - 1:
        return lines[:cut]
    return lines[:end]


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _choose_date(header_dates: list[dt.date], body: str) -> dict[str, object]:
    """The publication date from the dateline or the header: set only when the candidates agree."""
    candidates = [(day, "header") for day in dict.fromkeys(header_dates)]
    if (m := _DATELINE.match(body)) and m.group("date"):
        candidates += [(day, "dateline") for day in dates_in(m.group("date"))]
    days = {day for day, _ in candidates}
    if len(days) == 1:
        day, source = candidates[-1]
        return {"published_on": day, "published_source": source}
    conflicts = [{"date": day.isoformat(), "source": source} for day, source in candidates]
    return {"published_on": None, "published_source": "none", "published_conflicts": conflicts}


def page_url(html: str) -> str:
    """The page's own URL: its canonical link, else its og:url, else "" (no URL).

    Never a <base href> (trafilatura takes one when the page has no canonical link): a base only says
    how relative links resolve, and a page saved from anywhere can carry one naming any site, which
    would then pick the article's URL and outlet. A relative canonical link is resolved against og:url
    only."""
    from urllib.parse import urljoin

    from trafilatura.utils import load_html

    from .records import valid_url

    tree = load_html(html)
    if tree is None:
        return ""
    canonical = og = ""
    for link in tree.iterfind(".//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            canonical = link.get("href", "").strip()
            break
    for meta in tree.iterfind(".//meta[@property][@content]"):
        if meta.get("property", "").strip().lower() == "og:url":
            og = meta.get("content", "").strip()
            break
    og = og if valid_url(og) else ""
    if canonical and not valid_url(canonical) and og:
        canonical = urljoin(og, canonical)
    return canonical if valid_url(canonical) else og


def _host(url: str) -> str:
    """The host of an http(s) URL, lower-case, without "www." (the outlet's domain), or ""."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "") if url else ""
    return host.lower().removeprefix("www.")


def parse_html(html: str, *, name: str = "") -> dict[str, object] | RowError:
    """Article fields from an HTML page (trafilatura: main text and metadata); scripts are never run."""
    import trafilatura

    # Without its <base> elements: trafilatura would take a base for the page's URL, and name the site
    # and look for a date in it (see page_url). The stored original keeps them.
    document = trafilatura.bare_extraction(
        _BASE_TAG.sub("", html),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return RowError(1, "body", "no article text found in the HTML page", name)
    title = (document.title or "").strip()
    lines = clean_lines(text)
    if lines and title and lines[0].strip() == title:
        lines = lines[1:]
    body = "\n\n".join(line for line in lines if line)
    url = page_url(html)
    host = _host(url)
    values: dict[str, object] = {
        "title": title,
        "outlet": (document.sitename or "").strip() or host,
        "outlet_domain": host,
        "byline": (document.author or "").strip(),
        "url": url,
        "body": body,
        "original": html,
    }
    if document.date:
        values.update(published_on=document.date, published_source="metadata")
    else:
        values.update(_choose_date([], body))
    return values
