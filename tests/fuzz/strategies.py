"""Hypothesis strategies shared by the fuzz tests: odd unicode, news-like word soup, hostile file bytes.

Sizes are bounded so each property runs in a second or two; `examples(n)` scales every test's
example count with the FUZZ_SCALE environment variable (FUZZ_SCALE=20 for a long local hunt).
"""

from __future__ import annotations

import datetime as dt
import os
import warnings

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def examples(n: int) -> int:
    """`n` times FUZZ_SCALE (default 1)."""
    return n * max(1, int(os.environ.get("FUZZ_SCALE", "1")))


def fuzz_settings(n: int) -> settings:
    """Settings for a fuzz property: `examples(n)` examples, no per-example deadline (the first example
    loads the spaCy model), no health check on slow generation."""
    return settings(
        max_examples=examples(n),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Characters that break naive text handling: controls, odd spaces, direction marks, zero-width and
# combining marks, soft hyphens, BOMs, line and paragraph separators, astral emoji.
ODD_CHARS = [
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x7f",
    "\x85",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u00ad",
    "\u0301",
    "\u0308",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2028",
    "\u2029",
    "\u2060",
    "\u3000",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    "\U0001f1fa\U0001f1e6",
    "\U0001f469\u200d\U0001f52c",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u4e2d\u6587",
    "\u2019",
    "\u201c",
    "\u201d",
    "\u2013",
    "\u2014",
]
NEWS_WORDS = [
    "the", "said", "on", "in", "at", "by", "of", "and", "to", "since", "until", "from", "about", "around",
    "more than", "less than", "up to", "nearly", "some", "at least", "according to", "told", "reported",
    "will", "would", "had", "has", "was", "were", "is", "not", "denied", "Reuters", "(AP)", "she", "he",
    "they", "spokeswoman", "minister", "Ana Ruiz", "President", "Ministry", "ships", "people", "soldiers",
    "planes", "workers", "tonnes", "km", "kg", "miles", "dollars", "euros", "percent", "per cent", "%", "$",
    "\u20ac", "\u00a3", "million", "billion", "thousand", "hundreds", "dozens", "a dozen", "half",
]  # fmt: skip
NUMBER_WORDS = [
    "zero", "one", "two", "three", "ten", "eleven", "twenty", "twenty-one", "fifty", "a hundred",
    "a few", "several", "a couple of", "first", "second", "third", "1st", "2nd", "23rd", "31st",
]  # fmt: skip
DATE_WORDS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb.", "Sept.", "Sept", "Dec", "Monday", "Tuesday", "Saturday",
    "Sunday", "morning", "night", "weekend", "week", "weeks", "month", "months", "year", "years",
    "decade", "decades", "ago", "from now", "last", "next", "this", "earlier", "later", "early", "late",
    "mid", "beginning", "start", "middle", "end", "of the year", "spring", "summer", "autumn", "fall",
    "winter", "yesterday", "today", "tomorrow", "tonight", "last night", "this morning", "the year",
]  # fmt: skip
DATE_TOKENS = [
    "0", "1", "12", "13", "29", "30", "31", "32", "99", "1599", "1600", "1999", "2019", "2020", "2099",
    "2100", "9999", "25.03.2019", "31.02.2020", "29.02.2019", "12/31/2020", "13/13/2020", "2020-02-30",
    "2020-02-29", "2019-13-01", "0000-00-00", "1990s", "10:30", "26:06", "GMT04", "UTC",
    "CARACAS, March 24, 2019 (Reuters) -", "Published 25.03.2019", "Updated:", "Image caption:",
]  # fmt: skip
PUNCTUATION = [" ", " ", " ", ", ", ". ", "; ", ": ", " - ", "(", ")", '"', "'", "'s", "/", "-", "\n", "\n\n"]

odd_char = st.sampled_from(ODD_CHARS)
# Any code point but lone surrogates (which cannot be stored or encoded): controls included.
any_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
number_text = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.from_regex(r"[-+]?\d{1,25}([.,]\d{1,12})*(e[-+]?\d{1,4})?", fullmatch=True),
    st.from_regex(r"\d{1,3}(,\d{3}){1,8}(\.\d+)?", fullmatch=True),
)
long_token = st.integers(min_value=200, max_value=3000).flatmap(
    lambda n: st.sampled_from(["a", "9", "x1", "\u00e9", "\U0001f600", "-", "."]).map(
        lambda c: c * (n // len(c))
    )
)
token = st.one_of(
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NUMBER_WORDS),
    st.sampled_from(DATE_WORDS),
    st.sampled_from(DATE_TOKENS),
    number_text,
    odd_char,
    any_text,
)
news_text = st.lists(st.tuples(token, st.sampled_from(PUNCTUATION)), max_size=60).map(
    lambda pairs: "".join(a + b for a, b in pairs)
)
date_text = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from(DATE_TOKENS), st.sampled_from(NUMBER_WORDS)),
    max_size=25,
).map(" ".join)
hostile_text = st.one_of(news_text, date_text, st.text(max_size=300), long_token.map(lambda t: f"On {t} May"))

publication_dates = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from(
        [
            dt.date(1, 1, 1),
            dt.date(1, 1, 7),
            dt.date(9999, 12, 31),
            dt.date(9999, 12, 25),
            dt.date(2020, 2, 29),
            dt.date(2000, 2, 29),
            dt.date(1900, 3, 1),
            dt.date(2024, 12, 31),
            dt.date(2025, 1, 1),
        ]
    ),
)


# ---- files -------------------------------------------------------------------------------------------

HEADERS = ["body", "text", "Title", "headline", "url", "link", "published", "date", "outlet", "domain",
           "byline", "lang", "", "x", "Body", " body ", "BODY-TEXT", "article text", "\ufeffbody"]  # fmt: skip
cell_text = st.one_of(
    news_text,
    st.sampled_from(
        [
            "",
            " ",
            "2019-03-25",
            "25.03.2019",
            "31/02/2020",
            "March 2019",
            "2019",
            "0000-00-00",
            "9999-12-31",
            "https://harbour-times.example/a",
            "http://",
            "not a url",
            "x" * 600,
            '"',
            '""',
            "a,b",
            "a;b",
            "a\tb",
            "line\nbreak",
            "cr\rreturn",
            "\x00",
            "nul\x00inside",
            "\ufeff",
            "\u2028",
            "=1+2",
            "null",
        ]
    ),
    any_text,
)
NEWLINES = ["\n", "\r\n", "\r"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]


@st.composite
def csv_files(draw) -> bytes:
    """CSV-ish bytes: a header of known and unknown columns, hostile cells, any delimiter, quoting,
    newline style and encoding, and sometimes a few raw bytes spliced in."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(cell_text, max_size=len(header) + 1), max_size=5))
    newline = draw(st.sampled_from(NEWLINES))
    quote_all = draw(st.booleans())

    def cell(value: str) -> str:
        if quote_all or any(c in value for c in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = newline.join(delimiter.join(cell(c) for c in row) for row in [header, *rows])
    if draw(st.booleans()):
        text += newline
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="ignore")
    return draw(spliced(data))


# Bytes that break decoders: NUL, BOMs, a cut UTF-8 sequence, cp1252-only bytes, an encoded surrogate,
# a code point past U+10FFFF.
JUNK = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"\xe9",
    b"\x81\x8d",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
]
WORKBOOK_PARTS = [
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
    "a.txt",
    "xl/_rels/workbook.xml.rels",
]


@st.composite
def spliced(draw, data: bytes) -> bytes:
    """`data`, or `data` with raw bytes inserted, overwritten or cut off somewhere."""
    how = draw(st.sampled_from(["keep", "keep", "insert", "truncate", "prefix"]))
    if how == "keep" or not data:
        return data
    at = draw(st.integers(min_value=0, max_value=len(data)))
    if how == "truncate":
        return data[:at]
    junk = draw(st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(JUNK)))
    return junk + data if how == "prefix" else data[:at] + junk + data[at:]


JSON_KEYS = ["body", "text", "title", "url", "published", "date", "outlet", "domain", "byline", "lang",
             "articles", "items", "x", ""]  # fmt: skip
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    cell_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(JSON_KEYS) | any_text, inner, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def json_files(draw) -> bytes:
    """JSON bytes: arbitrary values (objects, lists, non-object rows, numbers where text is expected),
    escapes of NUL and lone surrogates, very deep nesting, bad syntax and odd encodings."""
    import json

    kind = draw(st.sampled_from(["value", "articles", "deep", "escapes"]))
    if kind == "deep":
        depth = draw(st.integers(min_value=1, max_value=50_000))
        opener = draw(st.sampled_from(["[", '{"body":', '[{"body":[']))
        text = opener * depth
    elif kind == "escapes":
        escape = draw(st.sampled_from(["\\u0000", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\x41", "\\u00"]))
        text = '[{"body": "a' + escape + 'b", "title": "t' + escape + '"}]'
    else:
        value = draw(json_values)
        if kind == "articles":
            value = {"articles": value}
        text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    data = text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])), errors="ignore")
    return draw(spliced(data))


_XLSX_SAFE = st.characters(exclude_categories=["Cs", "Cc"])
xlsx_cells = st.one_of(
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1)),
    st.text(alphabet=_XLSX_SAFE, max_size=30),
    st.sampled_from(["2019-03-25", "25.03.2019", "March 2019", "https://harbour-times.example/a", "=1+1"]),
)


def _without_clock(workbook: bytes) -> bytes:
    """The same workbook with its save time and member times fixed, so that one draw always gives the
    same bytes (hypothesis refuses data whose size changes between runs as flaky)."""
    import io
    import re
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2019-03-25T00:00:00Z", content)
            copy.writestr(
                zipfile.ZipInfo(name, date_time=(2019, 3, 25, 0, 0, 0)), content, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


@st.composite
def xlsx_files(draw) -> bytes:
    """XLSX bytes: a real workbook of hostile cells (numbers and dates where text is expected, rows wider
    than the header), maybe truncated or spliced; or a zip that is not a workbook; or random bytes."""
    import io
    import zipfile

    from openpyxl import Workbook

    kind = draw(st.sampled_from(["workbook", "workbook", "broken member", "other zip", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    buffer = io.BytesIO()
    if kind == "other zip":
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in draw(st.lists(st.sampled_from(WORKBOOK_PARTS), max_size=4, unique=True)):
                archive.writestr(name, draw(st.binary(max_size=60)))
        return buffer.getvalue()
    book = Workbook()
    sheet = book.active
    header = draw(st.lists(st.sampled_from(HEADERS[:12]) | xlsx_cells, min_size=1, max_size=5))
    sheet.append(header)
    for row in draw(st.lists(st.lists(xlsx_cells, max_size=len(header) + 2), max_size=4)):
        sheet.append(row)
    book.save(buffer)
    data = _without_clock(buffer.getvalue())
    if kind == "broken member":
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        victim = draw(st.sampled_from(source.namelist()))
        with zipfile.ZipFile(out, "w") as archive:
            for name in source.namelist():
                content = source.read(name)
                if name == victim:
                    content = content[: draw(st.integers(min_value=0, max_value=len(content)))]
                archive.writestr(name, content)
        return out.getvalue()
    return draw(spliced(data))


raw_pages = st.one_of(
    news_text,
    st.lists(
        st.sampled_from(
            [
                "CARACAS, March 24, 2019 (Reuters) - ",
                "By Ana Ruiz",
                "Published: 2019-03-25",
                "Home | News | Outlet",
                "News / World / Story",
                "Advertisement",
                "Subscribe to our newsletter",
                "\n",
                "\r\n",
                "\r",
                "2019-02-30",
                "31.12.2019",
                "Feb 29, 2019",
                "1 May 2019",
                "Two ships docked at the port on Saturday, officials said.",
                "Title Words Here",
                "<p>",
                "</p>",
                '<meta charset="undefined">',
                '<meta charset="utf-7">',
                '<meta charset="bogus">',
                "<script>x()</script>",
                "<title>T</title>",
                "<html>",
                "<body>",
                "&amp;",
                "&#0;",
            ]
        )
        | cell_text,
        max_size=30,
    ).map("".join),
)


@st.composite
def page_files(draw) -> bytes:
    """.txt / .html bytes in some encoding, maybe spliced with raw bytes."""
    data = draw(raw_pages).encode(draw(st.sampled_from(ENCODINGS)), errors="ignore")
    return draw(spliced(data))


MEMBER_NAMES = ["a.csv", "b.json", "c.jsonl", "d.txt", "e.html", "f.xlsx", "g.pdf", "noext", "dir/", "dir/a.csv",
                "../evil.csv", "/abs.csv", "C:evil.csv", "a\\..\\b.csv", "__MACOSX/a.csv", ".hidden.csv",
                "\u00fc\u00f1\u00ee.txt", "\U0001f600.txt", "sp ace.txt", "a" * 200 + ".txt", "A.CSV"]  # fmt: skip


@st.composite
def zip_files(draw) -> bytes:
    """Zip bytes with odd member names (traversal, absolute, drive letters, unicode, duplicates, folders)
    and any of the file kinds above as contents; or a broken zip."""
    import io
    import zipfile

    members = draw(st.lists(st.sampled_from(MEMBER_NAMES), max_size=4))
    contents = {"csv": csv_files(), "json": json_files(), "jsonl": json_files(), "xlsx": xlsx_files()}
    compression = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are wanted here
        for name in members:
            content = contents.get(name.rsplit(".", 1)[-1].lower(), page_files())
            archive.writestr(name, b"" if name.endswith("/") else draw(content))
    return draw(spliced(buffer.getvalue()))
