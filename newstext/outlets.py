"""Which outlet published an article, from what its page says: the URL's domain, furniture that names
the outlet, and the outlets already known (passed in as plain names and domains).

Never from the article's prose: "Russian state news agency Sputnik said" names a source, not the
publisher. Only the page's own furniture counts: title-bar segments, "X's website can also be
accessed at ...", "© 2019 X", "Follow X on Twitter", and lines that are nothing but a known outlet's
name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .furniture import is_timestamp_line
from .header import has_full_date, is_prose

# Section names of news sites: a bar segment that is one of these is not the outlet's name.
SECTIONS = frozenset(
    """news world home politics business opinion sport sports latest europe americas asia africa
    middle\u00a0east us uk international national local analysis top\u00a0stories breaking\u00a0news
    video live economy science technology""".replace("\u00a0", " ").split()
) | {"middle east", "top stories", "breaking news", "latin america", "north america"}

_NAME = r"(?P<name>[A-Z][\w&.'\u2019-]*(?:[ \u00a0](?:[A-Z][\w&.'\u2019-]*|of|the|and|&)){0,4})"
# Furniture sentences that name the page's own outlet.
_NAMING = [
    re.compile(
        _NAME + r"['\u2019]s?\s+(?:web\s*site|site|app|homepage|channel|newsletter)s?\s+"
        r"(?:can|is|are|may|will)\b"
    ),
    re.compile(
        r"^\s*(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?" + _NAME, re.I
    ),
    re.compile(r"^\s*copyright\s+(?:\d{4}\s*,?\s*)?" + _NAME, re.I),
    re.compile(
        r"^\s*follow\s+" + _NAME + r"\s+on\s+(?:twitter|facebook|instagram|telegram|x|youtube)\b", re.I
    ),
]
# A line that gives the page's own address: "https://...", "Source: https://...", "URL: ...".
_URL_LINE = re.compile(
    r"^\s*(?:(?P<label>source|url|link|permalink|originally\s+published\s+at|read\s+online\s+at)\s*:?\s*)?"
    r"<?(?P<url>https?://[^\s<>\"]+?)>?[.,]?\s*$",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset({"us", "all", "our", "this", "the", "by", "and"})
_WWW = re.compile(r"^(?:www\d?|m|mobile|amp|edition|english|en)\.")


@dataclass(frozen=True, slots=True)
class KnownOutlet:
    name: str
    domain: str = ""


def domain_of(url: str) -> str:
    """The host of a URL, lower-case, without "www." or a mobile prefix ("https://www.dw.com/en/x" -> "dw.com")."""
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    while _WWW.match(host) and host.count(".") >= 2:
        host = _WWW.sub("", host, count=1)
    return host if "." in host else ""


def outlet_for_domain(domain: str, known: Iterable[KnownOutlet] = ()) -> str:
    """The known outlet whose domain is `domain` or a parent of it ("edition.cnn.com" -> CNN), else ""."""
    domain = domain.lower()
    for outlet in known:
        d = outlet.domain.lower()
        if d and (domain == d or domain.endswith("." + d)):
            return outlet.name
    return ""


def _clean_name(name: str) -> str:
    name = re.split(r"[.,]\s", " ".join(name.replace("\u00a0", " ").split()))[0]  # "X. All rights reserved"
    words = name.strip(" .,'\u2019").split()
    while words and words[-1].lower() in {"the", "of", "and", "&", "all", "rights", "reserved"}:
        words.pop()
    name = " ".join(words)
    return "" if not name or name.lower() in _NOT_NAMES or name.lower() in SECTIONS else name


def outlet_in_bar(segments: list[str]) -> str:
    """The outlet's name among title-bar segments: the last short one that is not a section or a date."""
    short = [
        s
        for s in segments
        if len(s.split()) <= 3
        and s.lower() not in SECTIONS
        and not has_full_date(s)
        and not is_timestamp_line(s)
        and any(c.isalpha() for c in s)
    ]
    return short[-1] if short else ""


def outlet_in_furniture(lines: Iterable[str], known: Iterable[KnownOutlet] = ()) -> str:
    """The outlet a page's furniture lines name ("Press TV's website can also be accessed ..."), else "".

    `lines` may be all the page's lines: the naming phrases are furniture wherever they stand, and a line
    that is not prose and is a known outlet's name, or starts with one ("Press TV News Roku"), names it.
    """
    names = {o.name.lower(): o.name for o in known if o.name}
    found = ""
    for line in lines:
        text = " ".join(line.split())
        for rx in _NAMING:
            if (m := rx.search(text)) and (name := _clean_name(m.group("name"))):
                return names.get(name.lower(), name)
        if not found and names and not is_prose(text):
            lower = text.lower()
            for key, name in names.items():
                if lower == key or (
                    lower.startswith(key + " ") and len(text.split()) <= len(key.split()) + 3
                ):
                    found = name
                    break
    return found


def url_in_lines(lines: list[str], header_lines: int = 0) -> str:
    """The page's own URL: a labelled line ("Source: https://...") anywhere, or a lone URL among the
    first `header_lines` non-empty lines; "" when there is none."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if (m := _URL_LINE.match(line)) and (m.group("label") or seen <= header_lines):
            return m.group("url")
    return ""
