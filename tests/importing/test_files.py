"""Reading files without the database: encodings, malformed input, size and archive limits, raw pages."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from sources.importing.decoding import iter_lines
from sources.importing.errors import ImportRefused, RowError
from sources.importing.files import Limits, iter_rows
from sources.importing.rawtext import parse_html, parse_text
from sources.importing.records import validate_row
from sources.importing.tabular import iter_csv, iter_json

from .conftest import article_rows, csv_bytes

SMALL = Limits(
    max_bytes=10_000, max_document_bytes=5_000, zip_max_total=50_000, zip_max_ratio=100, zip_max_members=50
)


def rows_of(path: Path, limits: Limits = SMALL) -> list:
    return list(iter_rows([path], limits=limits))


def test_cp1252_csv_is_decoded(tmp_path):
    """A Windows-1252 export (curly quotes, accents) is read with the right characters."""
    path = tmp_path / "cp.csv"
    path.write_bytes(
        'title,body\nCaf\u00e9 news,"\u201cWe expect 2 ships,\u201d said Jos\u00e9."\n'.encode("cp1252")
    )
    [(_, row, values)] = rows_of(path)
    assert row == 2
    assert values["title"] == "Caf\u00e9 news"
    assert values["body"] == "\u201cWe expect 2 ships,\u201d said Jos\u00e9."


def test_utf16_with_bom_is_decoded(tmp_path):
    """A UTF-16 file with a byte-order mark (Excel's 'Unicode text') is read."""
    path = tmp_path / "u16.csv"
    path.write_bytes("title,body\nN\u00e9ws,Two ships docked.\n".encode("utf-16"))
    [(_, _, values)] = rows_of(path)
    assert values == {"title": "N\u00e9ws", "body": "Two ships docked."}


def test_mixed_encodings_are_refused(tmp_path):
    """UTF-8 and cp1252 text in one small file is refused as mixed encodings."""
    path = tmp_path / "mixed.csv"
    path.write_bytes("title,body\nA,caf\u00e9 one\n".encode() + "B,caf\u00e9 two\n".encode("cp1252"))
    with pytest.raises(ImportRefused, match="mixes"):
        rows_of(path)


def test_mixed_encoding_far_into_a_file_names_the_line(tmp_path):
    """A cp1252 line after 100 KB of UTF-8 stops the streamed read and names the line."""
    path = tmp_path / "mixed-late.csv"
    good = "".join(f"T{i},caf\u00e9 {i}\n" for i in range(10_000)).encode()
    path.write_bytes(b"title,body\n" + good + "B,caf\u00e9 two\n".encode("cp1252"))
    limits = Limits(
        max_bytes=10**6, max_document_bytes=10**6, zip_max_total=10**6, zip_max_ratio=100, zip_max_members=5
    )
    with pytest.raises(ImportRefused, match=r"line 10002 .*mixes encodings"):
        rows_of(path, limits)


def test_broken_quoting_is_refused(tmp_path):
    """An unterminated quote is a malformed CSV, not a silently merged row."""
    path = tmp_path / "broken.csv"
    path.write_bytes(b'title,body\nA,"Two ships docked.\nB,Three ships\n')
    with pytest.raises(ImportRefused, match="malformed CSV"):
        rows_of(path)


def test_missing_required_column_is_refused(tmp_path):
    """A CSV without a body column is refused and the message names the column."""
    path = tmp_path / "nobody.csv"
    path.write_bytes(b"title,url\nA,https://x.example/a\n")
    with pytest.raises(ImportRefused, match=r"missing required column.*body"):
        rows_of(path)


def test_bad_json_names_line_and_column(tmp_path):
    """Malformed JSON is refused with its line and column."""
    path = tmp_path / "bad.json"
    path.write_bytes(b'[{"body": "Two ships"},\n {"body": }]')
    with pytest.raises(ImportRefused, match="line 2 column"):
        rows_of(path)


def test_json_articles_are_read():
    """{"articles": [...]} with alias keys (text, headline) gives field dicts numbered from 1."""
    data = b'{"articles": [{"headline": "A", "text": "Two ships."}, {"headline": "B", "text": "Three."}]}'
    items = list(iter_json(io.BytesIO(data), name="a.json"))
    assert items == [(1, {"title": "A", "body": "Two ships."}), (2, {"title": "B", "body": "Three."})]


def test_unparseable_date_is_a_row_error():
    """A date that cannot be read is an error on that row and field, not a guess."""
    record, errors = validate_row({"body": "Text.", "published_on": "next Tuesday"}, row=7, file="a.csv")
    assert record is None
    assert [(e.row, e.field) for e in errors] == [(7, "published_on")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-25", ("2019-03-25", "day")),
        ("25.03.2019", ("2019-03-25", "day")),
        ("25 March 2019", ("2019-03-25", "day")),
        ("2019-03", ("2019-03-01", "month")),
    ],
)
def test_dates_in_common_forms(value, expected):
    """ISO, dotted day-first, written and year-month dates are read with their precision."""
    record, errors = validate_row({"body": "Text.", "published_on": value}, row=2)
    assert not errors
    assert (record.published_on, record.published_precision) == expected


def test_oversize_file_is_refused(tmp_path):
    """A file over IMPORT_MAX_BYTES is refused before it is read."""
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes(article_rows(200)))
    with pytest.raises(ImportRefused, match="over the limit"):
        rows_of(path)


def test_zip_traversal_is_refused(tmp_path):
    """A member named ../evil.txt refuses the whole archive."""
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "good.txt", "A headline here\n\nTwo ships docked at the port on Saturday, officials said."
        )
        archive.writestr("../evil.txt", "x")
    with pytest.raises(ImportRefused, match="outside the archive"):
        rows_of(path)


def test_zip_bomb_is_refused(tmp_path):
    """A highly compressible member (a few KB that unpack to MBs) is refused by ratio or total size."""
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    limits = Limits(
        max_bytes=10**6, max_document_bytes=10**6, zip_max_total=10**9, zip_max_ratio=100, zip_max_members=50
    )
    with pytest.raises(ImportRefused, match="zip bomb"):
        rows_of(path, limits)
    small_total = Limits(
        max_bytes=10**6, max_document_bytes=10**6, zip_max_total=10**6, zip_max_ratio=10**6, zip_max_members=5
    )
    with pytest.raises(ImportRefused, match="unpacks to over"):
        rows_of(path, small_total)


def test_zip_of_pages_gives_one_row_per_page(tmp_path):
    """Archive pages are read in order; an unsupported member is a row error; hidden files are left out."""
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "a.txt",
            "Two ships dock in Portville\n\nTwo cargo ships docked at Portville on Saturday, officials said.",
        )
        archive.writestr("b.pdf", b"%PDF")
        archive.writestr("__MACOSX/._a.txt", b"junk")
    items = rows_of(path)
    assert items[0][0] == "pages.zip/a.txt"
    assert items[0][2]["title"] == "Two ships dock in Portville"
    assert isinstance(items[1], RowError) and "unsupported" in items[1].message
    assert len(items) == 2


def test_scraped_text_header_and_furniture():
    """A scraped page: title bar gives title, outlet and two dates, weighed as the extraction weighs them
    (nothing in the body contradicts either: the first, 2 May, and 4 May stays a conflict);
    furniture lines leave the body."""
    raw = (
        " date 2021-05-02  Ships dock in Portville | News | Harbour Times | 04.05.2021\n\nNews\n\n"
        "Ships dock in Portville\n\nTwo cargo ships docked at Portville on Saturday, the port said.\n\n"
        "- Advertisement -\n\nAbout 120 workers unloaded them over two days, officials said.\n\nListen Live\n"
    )
    values = parse_text(raw)
    assert values["title"] == "Ships dock in Portville"
    assert values["outlet"] == "Harbour Times"
    assert (values["published_on"], values["published_source"]) == (dt.date(2021, 5, 2), "header")
    assert values["published_conflicts"] == [{"date": "2021-05-04", "source": "header"}]
    assert "Advertisement" not in values["body"] and "Listen Live" not in values["body"]
    assert values["body"].startswith("Two cargo ships docked")
    assert values["original"] == raw


def test_dateline_date_is_used():
    """A dateline with a full date ("PORTVILLE, March 3, 2024 (Reuters) -") dates the article."""
    values = parse_text(
        "Ships dock in Portville\n\n"
        "PORTVILLE, March 3, 2024 (Reuters) - Two cargo ships docked at Portville, officials said."
    )
    assert str(values["published_on"]) == "2024-03-03"
    assert values["published_source"] == "dateline"


def test_html_scripts_are_dropped_and_metadata_read():
    """HTML: scripts never reach the body; title, site name, author and date come from the metadata."""
    html = (
        "<html><head><title>Ships dock | Harbour Times</title>"
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta property="article:published_time" content="2025-03-17T10:00:00Z">'
        '<meta name="author" content="Ann Lee">'
        "<script>alert('x')</script></head><body><nav>Home | World</nav><article><h1>Two ships dock</h1>"
        "<p>PORTVILLE - Two cargo ships docked at Portville on Saturday, the port said on its website.</p>"
        "<p>About 120 workers unloaded them over two days, officials said.<script>steal()</script></p>"
        "<p>Advertisement</p></article></body></html>"
    )
    values = parse_html(html)
    assert values["title"] == "Two ships dock"
    assert values["outlet"] == "Harbour Times"
    assert values["published_on"] == "2025-03-17"
    assert (
        "alert" not in values["body"]
        and "steal" not in values["body"]
        and "Advertisement" not in values["body"]
    )
    assert values["body"].startswith("PORTVILLE - Two cargo ships")


class CountingStream(io.RawIOBase):
    """A large CSV made on the fly that counts how many bytes were pulled from it."""

    def __init__(self, rows: int) -> None:
        self.pulled = 0
        self._lines = (
            b"title,body\n" if i == 0 else b"T%d,Body text number %d.\n" % (i, i) for i in range(rows)
        )
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self._buffer) < len(buffer):
            line = next(self._lines, None)
            if line is None:
                break
            self._buffer += line
        n = min(len(buffer), len(self._buffer))
        buffer[:n], self._buffer = self._buffer[:n], self._buffer[n:]
        self.pulled += n
        return n


def test_csv_streams_instead_of_loading_the_file():
    """The first row of a 3-million-row CSV arrives after reading only the first buffers, not the file."""
    stream = CountingStream(3_000_000)
    first = next(iter_csv(io.BufferedReader(stream), name="big.csv"))
    assert first == (2, {"title": "T1", "body": "Body text number 1."})
    assert stream.pulled < 1_000_000


def test_lines_of_utf8_bom_file():
    """A UTF-8 BOM is not part of the first header cell."""
    assert list(iter_lines(io.BytesIO(b"\xef\xbb\xbfbody\nx\n"))) == ["body\n", "x\n"]


def test_zip_of_many_members_each_under_the_ratio_floor_is_refused_as_a_whole(tmp_path):
    """Members each too small for their own ratio to be checked, unpacking together far over the ratio."""
    from sources.importing.files import RATIO_FLOOR

    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(40):
            archive.writestr(f"p{n}.txt", b"a" * RATIO_FLOOR)
    limits = Limits(
        max_bytes=10**6, max_document_bytes=10**6, zip_max_total=10**9, zip_max_ratio=100, zip_max_members=50
    )
    with pytest.raises(ImportRefused, match=r"over all, over the limit of 100:1"):
        rows_of(path, limits)


def test_a_url_holding_any_whitespace_character_is_refused():
    """Every character Python counts as whitespace (tabs, line ends, no-break and ideographic spaces,
    the file and record separators) makes a URL invalid wherever it stands; one without passes."""
    from sources.importing.records import valid_url

    assert valid_url("https://harbour-times.example/a-b?c=d")
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert len(spaces) > 20
    for space in spaces:
        assert not valid_url(f"https://harbour-times.example/a{space}b"), repr(space)
        assert not valid_url(f"https://harbour-times.example/ab{space}"), repr(space)
