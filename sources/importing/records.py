"""One article as read from any file, checked field by field before anything touches the database."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from newstext.outlets import domain_of

from .errors import UNSTORABLE, RowError

# Column names people use for each field (compared lower-case, spaces and dashes as underscores).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "body": ("body", "text", "content", "article", "article_text", "full_text", "articlebody"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "permalink", "canonical_url", "source_url"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "newspaper", "outlet_name"),
    "outlet_domain": ("outlet_domain", "domain", "hostname"),
    "byline": ("byline", "author", "authors", "by"),
    "published_on": ("published_on", "published", "date", "publication_date", "pub_date", "published_at"),
    "language": ("language", "lang"),
}
REQUIRED_FIELDS = ("body",)
MAX_LENGTHS = {"title": 500, "url": 2000, "outlet": 200, "outlet_domain": 253, "byline": 300, "language": 12}

_SPACE = re.compile(r"\s")
_HOST = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?(?::\d{1,5})?$|^localhost(?::\d{1,5})?$"
)
_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 12, 28))
_CHARACTERS_CHECKED = ("body", *MAX_LENGTHS, "original")  # for NUL and lone surrogates, in this order


@dataclass(slots=True)
class ArticleRecord:
    """An article ready to store: every field checked; `published_on` an ISO date string or ""."""

    row: int
    body: str
    file: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""
    outlet_domain: str = ""
    byline: str = ""
    published_on: str = ""
    published_precision: str = "unknown"
    published_source: str = "none"
    published_conflicts: list[dict[str, str]] = field(default_factory=list)
    language: str = "en"
    original: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (for the job's record file). Its fields as they are, not
        dataclasses.asdict's deep copy (which walked every date conflict for each row read); the
        date conflicts' list is copied, so changing the dict leaves the record as it was."""
        values = {name: getattr(self, name) for name in _RECORD_FIELDS}
        values["published_conflicts"] = [dict(c) for c in self.published_conflicts]
        return values

    def as_line(self) -> str:
        """The record as one line of the job's record file: the JSON list of its fields' values in
        their order (from_line reads it back). A list, not as_dict's object: no key is written and
        read back for every row, and the values go straight to the constructor (about 40% less time
        writing the file and reading it back)."""
        return _LINE_ENCODER.encode([getattr(self, name) for name in _RECORD_FIELDS]) + "\n"

    @classmethod
    def from_line(cls, line: str) -> ArticleRecord:
        """A record from a line of the job's record file: as_line's list, or the object of as_dict that
        files written before it hold (a job stopped then resumed after an upgrade)."""
        values = json.loads(line)
        return cls(*values) if isinstance(values, list) else cls(**values)

    @property
    def published_date(self) -> dt.date | None:
        """`published_on` as a date, or None."""
        return dt.date.fromisoformat(self.published_on) if self.published_on else None


_RECORD_FIELDS = tuple(f.name for f in fields(ArticleRecord))
# the record file's lines (as_line): plain values of one record, no reference cycle to look for
_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def normalize_column(name: object) -> str:
    """A header cell as a key: lower-case, trimmed, spaces and dashes as underscores."""
    return re.sub(r"[\s\-]+", "_", str(name or "").strip().lower())


def map_columns(header: Sequence[object]) -> tuple[dict[int, str], list[str]]:
    """Column index -> field for a header row, and the required fields it lacks."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, cell in enumerate(header):
        key = normalize_column(cell)
        for name, aliases in COLUMN_ALIASES.items():
            if key in aliases and name not in taken:
                mapping[index] = name
                taken.add(name)
                break
    return mapping, [name for name in REQUIRED_FIELDS if name not in taken]


def parse_date(value: object) -> tuple[str, str]:
    """An ISO date string and its precision ("day" or "month") for a cell; ValueError when unparseable.

    Accepts dates and datetimes (spreadsheet cells), ISO "YYYY-MM-DD", "YYYY-MM", ISO datetimes,
    "25.03.2019" and "25/03/2019" (day first, the convention outside the US), and written dates
    ("25 March 2019", "March 25, 2019").
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    if m := _YEAR_MONTH.match(text):
        return dt.date(int(m.group(1)), int(m.group(2)), 1).isoformat(), "month"
    if m := _DOTTED.match(text):
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat(), "day"
    try:
        return dt.date.fromisoformat(text[:10]).isoformat(), "day"
    except ValueError:
        pass
    if not re.search(r"\d{4}", text):
        raise ValueError(f"'{text}' has no year")
    try:
        # Parsed against two different defaults: a part the text leaves out comes out different
        # (dateutil would otherwise fill it in from today: "March 2019" became 2019-03-<today's day>).
        first, second = (date_parser.parse(text, dayfirst=True, fuzzy=False, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, date_parser.ParserError):
        raise ValueError(f"'{text}' is not a date") from None
    if (first.year, first.month) != (second.year, second.month):
        raise ValueError(f"'{text}' has no month")
    if first.day != second.day:
        return dt.date(first.year, first.month, 1).isoformat(), "month"
    return first.date().isoformat(), "day"


def valid_url(url: str) -> bool:
    """Whether `url` is an absolute http(s) URL with a plausible host and no spaces (cheap: runs per row)."""
    if _SPACE.search(url):  # re's \s is str.isspace's set, searched in C rather than a call per character
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = parts.netloc.rpartition("@")[2]
    return parts.scheme in ("http", "https") and bool(_HOST.match(host))


def max_article_chars() -> int:
    """The per-article budget: the most characters an article's text (or its original page) may have
    (IMPORT_MAX_DOCUMENT_BYTES, the same figure the raw pages are cut at)."""
    from django.conf import settings

    return int(getattr(settings, "IMPORT_MAX_DOCUMENT_BYTES", 20 * 1024**2))


def validate_row(
    values: Mapping[str, object], *, row: int, file: str = "", max_text: int | None = None
) -> tuple[ArticleRecord | None, list[RowError]]:
    """A checked ArticleRecord for one row of field values (keys as in COLUMN_ALIASES), or the errors.

    `max_text` (default: max_article_chars()) bounds the article's text and its original, whatever the
    format it came in (a CSV field, a JSON string, an XLSX cell, a page)."""
    errors: list[RowError] = []
    limit = max_article_chars() if max_text is None else max_text
    for name in ("body", "original"):
        value = values.get(name)
        if isinstance(value, str | bytes) and len(value) > limit:
            what = "article text" if name == "body" else "original page"
            errors.append(
                RowError(
                    row,
                    name,
                    f"the {what} is {len(value):,} characters, over the limit of {limit:,} for one article "
                    "(IMPORT_MAX_DOCUMENT_BYTES); nothing from this row is stored",
                    file,
                )
            )
    if errors:
        return None, errors  # checked no further: the other checks would scan megabytes for nothing

    # each short field trimmed once (they were read again for every check that named them)
    get = values.get
    texts = {name: "" if (value := get(name)) is None else str(value).strip() for name in MAX_LENGTHS}
    raw_body = get("body")
    body = "" if raw_body is None else str(raw_body).replace("\r\n", "\n").replace("\r", "\n")
    if not body or body.isspace():
        errors.append(RowError(row, "body", "the article text is empty", file))
    given = [(name, str(value)) for name in _CHARACTERS_CHECKED if (value := get(name)) is not None]
    # one search of them all (a character class: a match never spans two of them), each only after a hit
    if UNSTORABLE.search("".join(value for _, value in given)):
        for name, value in given:
            if UNSTORABLE.search(value):
                errors.append(
                    RowError(
                        row,
                        name,
                        "contains NUL or broken characters (a binary file or a wrong encoding?)",
                        file,
                    )
                )
    for name, limit in MAX_LENGTHS.items():
        if (length := len(texts[name])) > limit:
            errors.append(RowError(row, name, f"longer than {limit} characters ({length})", file))
    url = texts["url"]
    if url and not valid_url(url):
        errors.append(RowError(row, "url", f"'{url[:80]}' is not a valid http(s) URL", file))
    published, precision = "", "unknown"
    raw_date = get("published_on")
    if raw_date not in (None, ""):
        try:
            published, precision = parse_date(raw_date)
        except ValueError as error:
            errors.append(RowError(row, "published_on", f"unparseable date: {error}", file))
    if errors:
        return None, errors
    outlet, outlet_domain = texts["outlet"], texts["outlet_domain"]
    return (
        ArticleRecord(
            row=row,
            file=file,
            body=body,
            title=texts["title"],
            url=url,
            outlet=outlet,
            # The URL's domain stands for the outlet only where nothing names one: a story syndicated
            # to another site keeps its own outlet.
            outlet_domain=(domain_of(outlet_domain) if outlet_domain else "")
            or ("" if outlet else domain_of(url)),
            byline=texts["byline"],
            published_on=published,
            published_precision=precision,
            published_source=(str(get("published_source") or "metadata")) if published else "none",
            published_conflicts=list(get("published_conflicts") or []),  # type: ignore[call-overload]
            language=texts["language"] or "en",
            original=str(get("original") or ""),
        ),
        [],
    )
