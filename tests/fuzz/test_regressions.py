"""One plain test for each bug the fuzz tests found, with the smallest input hypothesis gave."""

from __future__ import annotations

import io
import zipfile
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import Workbook

from claims.extraction import extract
from sources.importing.errors import ImportRefused, RowError
from sources.importing.files import Limits, iter_zip, raw_document
from sources.importing.records import parse_date, validate_row
from sources.importing.tabular import iter_json, iter_xlsx
from sources.models import Article
from tests.extraction_support import messages_logged

LIMITS = Limits(
    max_bytes=10**6, max_document_bytes=10**5, zip_max_total=10**7, zip_max_ratio=100, zip_max_members=100
)


def test_a_text_longer_than_spacys_limit_is_parsed_in_pieces(monkeypatch):
    """spaCy refuses texts over nlp.max_length (E088: an article over 1,000,000 characters failed);
    long texts are parsed in pieces joined into one Doc, so spans still point into the whole text."""
    from claims.extraction import nlp

    monkeypatch.setattr(nlp.get_nlp(), "max_length", 3000)
    monkeypatch.setattr(nlp, "PIECE_CHARS", 1000)
    text = "Two ships docked at Portville on Saturday, the harbour authority said.\n\n" * 60
    with messages_logged() as errors:
        result = extract(text, published="2025-03-17")
    assert errors == []
    dates = [c for c in result.claims if c.kind == "date"]
    assert len(dates) == 60 and {c.value for c in dates} == {"2025-03-15"}
    assert all(text[c.start : c.end] == c.text for c in result.claims)


def test_entity_dates_beside_pattern_dates_are_each_found_once():
    """The NER dates check against the pattern dates (was a quadratic scan, minutes on long articles)."""
    result = extract("The 2001 deal was signed in May 2002.")
    assert sorted(c.value for c in result.claims if c.kind == "date") == ["2001", "2002-05"]


def test_a_run_of_hundreds_of_digits_is_not_a_quantity():
    """Hypothesis: text='On ' + '9' * 317 + ' May' made find_quantities fail (int(inf): OverflowError)."""
    with messages_logged() as errors:
        result = extract("On " + "9" * 317 + " May")
    assert errors == []
    assert [c for c in result.claims if c.kind == "quantity"] == []


@pytest.mark.parametrize("name", ["a.json", "a.jsonl"])
def test_deeply_nested_json_is_refused(name):
    """Hypothesis: '[' * 50_000 raised RecursionError from json.loads."""
    with pytest.raises(ImportRefused, match="nested too deeply"):
        list(iter_json(io.BytesIO(b"[" * 50_000), name=name))


def test_an_undefined_meta_charset_falls_back_to_sniffing():
    """Hypothesis: <meta charset="undefined"> on a non-UTF-8 page raised UnicodeError."""
    page = b'<html><meta charset="undefined"><body><p>Caf\xe9 owners said on Monday that trade was slow.</p></body></html>'
    item = raw_document(page, name="a.html", limits=LIMITS)
    assert not isinstance(item, RowError)
    assert "Caf\u00e9" in item[2]["body"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"body": "a\x00b"}, "body"),  # a NUL: PostgreSQL refused the row mid-import, after earlier chunks
        ({"body": "a\ud800b"}, "body"),  # JSON '"a\\ud800b"': the job's UTF-8 records file could not hold it
        ({"body": "Text.", "title": "t\x00"}, "title"),
    ],
)
def test_nul_and_lone_surrogates_are_row_errors(values, field):
    record, errors = validate_row(values, row=3, file="a.json")
    assert record is None
    assert [(e.row, e.field) for e in errors] == [(3, field)]


def test_row_errors_quoting_a_broken_value_stay_writable():
    """Hypothesis: url='a\\udc80b' gave an 'is not a valid URL' message the error report could not write."""
    record, errors = validate_row({"body": "Text.", "url": "a\udc80b"}, row=2)
    assert record is None
    for error in errors:
        error.message.encode("utf-8")
        assert "\x00" not in error.message


def test_a_damaged_zip_is_refused():
    """Hypothesis: a zip with its first bytes cut off raised ValueError ('negative seek value')."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", b"Two ships docked at the port on Saturday, officials said today.")
    with pytest.raises(ImportRefused, match="cannot be read"):
        list(iter_zip(io.BytesIO(buffer.getvalue()[20:]), name="a.zip", limits=LIMITS))


def _workbook(rows: list[list[object]], *, cut_sheet: int | None = None) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if cut_sheet is None:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            content = source.read(name)
            archive.writestr(name, content[:cut_sheet] if name == "xl/worksheets/sheet1.xml" else content)
    return out.getvalue()


def test_an_xlsx_with_a_broken_sheet_is_refused():
    """A workbook whose sheet XML is cut short raised ParseError while its rows were read."""
    data = _workbook([["body", "title"], ["Two ships docked.", "Ships"]], cut_sheet=300)
    with pytest.raises(ImportRefused, match="cannot be read"):
        list(iter_xlsx(io.BytesIO(data), name="a.xlsx"))


def test_written_dates_without_a_day_are_months_not_today():
    """'March 2019' was read as 2019-03-<the day the import ran>, precision day."""
    assert parse_date("March 2019") == ("2019-03-01", "month")
    assert parse_date("25 March 2019") == ("2019-03-25", "day")
    with pytest.raises(ValueError, match="no month"):
        parse_date("2019")


def _admin_upload(admin_client, fmt: str, name: str, data: bytes) -> str:
    upload = io.BytesIO(data)
    upload.name = name
    response = admin_client.post(
        reverse("admin:sources_article_import"), {"format": fmt, "import_file": upload, "resource": "0"}
    )
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_admin_json_with_an_item_that_is_not_an_object(admin_client):
    """Hypothesis: '[5]' in the admin's JSON import showed "cannot be read as the chosen format
    (TypeError: 'int' object is not iterable)"."""
    page = _admin_upload(admin_client, "1", "a.json", b'[{"body": "Ships docked."}, 5]')
    assert "The file cannot be imported: article 2: expected an object, found int" in page


@pytest.mark.django_db
def test_admin_json_with_an_unpaired_surrogate_is_refused_in_words(admin_client):
    """Hypothesis: '"t\\ud800"' in the admin's JSON import gave a 500 (the preview page could not encode
    the lone surrogate); the file is refused, naming the article and the field, and nothing is stored."""
    page = _admin_upload(
        admin_client, "1", "a.json", b'[{"body": "Ships docked."}, {"body": "a", "title": "t\\ud800"}]'
    )
    assert "The file cannot be imported: article 2: 'title' holds an unpaired surrogate escape" in unescape(
        page
    )
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not a workbook", "not a readable XLSX workbook (BadZipFile)"),
        (_workbook([["body"], ["Ships docked."]], cut_sheet=200), "first sheet cannot be read (ParseError)"),
    ],
)
def test_admin_xlsx_that_cannot_be_read_is_refused_in_words(admin_client, data, message):
    page = _admin_upload(admin_client, "2", "a.xlsx", data)
    assert "The file cannot be imported: " in page and message in page


@pytest.mark.django_db
@pytest.mark.parametrize("url_column", ["link", None])
def test_admin_file_without_a_url_column_is_previewed(admin_client, url_column):
    """Hypothesis: a body-only file (or the URL under an alias) failed with import-export's FieldError
    traceback ("import_id_fields ... not present in the file headers: url"); rows are matched by text."""
    header, row = ["body"], ["Two ships docked on Saturday."]
    if url_column:
        header, row = [url_column, *header], ["https://harbour-times.example/a", *row]
    page = _admin_upload(admin_client, "2", "a.xlsx", _workbook([header, row]))
    assert "Traceback" not in page and "Confirm import" in page


@pytest.mark.django_db
def test_admin_xlsx_rows_wider_than_the_header_are_read(admin_client):
    """A note beyond the last header column is left out; the row is read."""
    page = _admin_upload(
        admin_client, "2", "a.xlsx", _workbook([["body", "title"], ["Ships docked.", "S", "note"]])
    )
    assert "Confirm import" in page
