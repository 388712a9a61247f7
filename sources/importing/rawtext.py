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
from collections.abc import Iterable

from newstext.dates import full_dates, without_full_dates
from newstext.furniture import ends_sentence, is_furniture_line, is_headline_like, is_timestamp_line
from newstext.header import is_bar, read_header
from newstext.outlets import (
    KnownOutlet,
    domain_of,
    outlet_for_domain,
    outlet_in_bar,
    outlet_in_furniture,
    url_in_lines,
)
from newstext.publication import find_publication_date, tenses_from_words

from .errors import RowError

_BASE_TAG = re.compile(r"<base\b[^>]*>", re.IGNORECASE)


def clean_lines(text: str) -> list[str]:
    """The lines with line ends normalised, indentation and trailing spaces trimmed, furniture dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [line.strip(" \t") for line in text.split("\n") if not is_furniture_line(line)]


def join_paragraphs(lines: list[str]) -> str:
    """Lines joined back into text with at most one blank line between paragraphs."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_text(raw: str, *, name: str = "", known_outlets: Iterable[KnownOutlet] = ()) -> dict[str, object]:
    """Article fields found in a scraped plain-text page (see the module docstring).

    The outlet comes from the title bar, else from furniture that names it, else from a line naming one
    of `known_outlets`, else from the known outlet of the page's own URL ("Source: https://..."), which
    is kept as the article's URL; "outlet_from_text" tells the import it was found, not given.
    """
    known = list(known_outlets)
    lines = clean_lines(raw)
    text = "\n".join(lines)
    header = read_header(text)
    title = byline = ""
    header_dates: list[dt.date] = []
    for line in header.lines:
        if is_bar(line.text) and "|" in line.text:
            segments = [s.strip() for s in line.text.split("|") if s.strip()]
            for segment in segments:
                header_dates += full_dates(segment)
            named = [_strip_dates(seg) for seg in segments if not is_timestamp_line(seg)]
            long = [s for s in named if s and len(s.split()) >= 3]
            title = title or (max(long, key=len) if long else "")
            continue
        if found := full_dates(line.text):
            header_dates += found
    if header.title is not None:
        title = title or header.title.text
    byline = header.byline
    kept = _trim_tail(text[header.end :].split("\n"))
    raw_lines = raw.splitlines()
    url = url_in_lines(raw_lines, header_lines=len(header.lines) + 3)
    outlet = (
        outlet_in_bar(header.bar_segments)
        or outlet_in_furniture(raw_lines, known)
        or (outlet_for_domain(domain_of(url), known) if url else "")
    )
    body = join_paragraphs(kept)
    values: dict[str, object] = {
        "title": title,
        "outlet": outlet,
        "byline": byline,
        "body": body,
        "original": raw,
    }
    if url:
        values["url"] = url
    if outlet:
        values["outlet_from_text"] = True
    values.update(_publication(header_dates, body))
    return values


def _strip_dates(segment: str) -> str:
    """A title-bar segment without its dates and date labels ("date 2019-03-18  Title" -> "Title")."""
    return re.sub(
        r"^\s*(?:date|published|posted|updated|last\s+updated)\s*:?\s+",
        "",
        without_full_dates(segment).strip(),
        flags=re.I,
    ).strip()


def _trim_tail(lines: list[str]) -> list[str]:
    """The lines without a closing list of related headlines (two or more headline-like lines at the end)."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    cut = end
    while (
        cut and lines[cut - 1] and not ends_sentence(lines[cut - 1]) and lines[cut - 1][:1] not in "•-*\u2022"
    ):
        cut -= 1
    block = lines[cut:end]
    if len(block) >= 2 and sum(is_headline_like(line) for line in block) >= len(block) - 1:
        return lines[:cut]
    return lines[:end]


def _publication(header_dates: list[dt.date], body: str) -> dict[str, object]:
    """The publication date as the extraction infers it (newstext.publication, one function for
    both): the dates of the header lines the import took off the body are candidates, weighed with the
    body's own header, dateline, captions and events. Without a parse, a clause's tense is read from its
    words ("will leave ... on 14 July"); the extraction weighs the same candidates again with the
    parser's tenses (they come back as the stored date and conflicts)."""
    found = find_publication_date(
        body,
        candidates=[(day, "header") for day in dict.fromkeys(header_dates)],
        tenses=tenses_from_words(body),
    )
    conflicts = [{"date": day.isoformat(), "source": source} for day, source in found.conflicts]
    if found.value is None:
        return {"published_on": None, "published_source": "none", "published_conflicts": conflicts}
    # A month-precision date ("March 2019") is stored as a month, as parse_date reads "YYYY-MM".
    value = found.value.isoformat()[:7] if found.precision == "month" else found.value
    return {"published_on": value, "published_source": found.source, "published_conflicts": conflicts}


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


def parse_html(html: str, *, name: str = "") -> dict[str, object] | RowError:
    """Article fields from an HTML page (trafilatura: main text and metadata); scripts are never run."""
    import trafilatura
    from trafilatura.settings import Document

    # Without its <base> elements: trafilatura would take a base for the page's URL, and name the site
    # and look for a date in it (see page_url). The stored original keeps them.
    document = trafilatura.bare_extraction(
        _BASE_TAG.sub("", html),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        return RowError(1, "body", "no article text found in the HTML page", name)
    text = document.text
    title = (document.title or "").strip()
    lines = clean_lines(text)
    if lines and title and lines[0].strip() == title:
        lines = lines[1:]
    body = "\n\n".join(line for line in lines if line)
    url = page_url(html)
    host = domain_of(url) if url else ""  # the outlet's domain, as the text import reads it
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
        values.update(_publication([], body))
    return values
