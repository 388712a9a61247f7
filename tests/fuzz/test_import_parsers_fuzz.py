"""Every import reader on hostile bytes: rows, row errors, or ImportRefused with a message; never another
exception, and every row that passes the checks can be written to the job file and the database."""

from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from sources.importing.decoding import decode_bytes, iter_lines, sniff_encoding
from sources.importing.errors import ImportRefused, RowError
from sources.importing.files import Limits, iter_stream, iter_zip, raw_document
from sources.importing.rawtext import parse_text
from sources.importing.records import parse_date, validate_row

from .strategies import (
    any_text,
    cell_text,
    csv_files,
    fuzz_settings,
    json_files,
    json_values,
    page_files,
    raw_pages,
    xlsx_files,
    zip_files,
)

LIMITS = Limits(
    max_bytes=2_000_000,
    max_document_bytes=200_000,
    zip_max_total=5_000_000,
    zip_max_ratio=100,
    zip_max_members=50,
)


def _read(items) -> list | ImportRefused:
    """All the items an iterator yields, or the ImportRefused that stopped it (with a message)."""
    try:
        return list(items)
    except ImportRefused as error:
        assert error.message.strip() and str(error).strip()
        return error


def check_storable(values: dict, *, row: int, file: str) -> None:
    """A row either gets row errors with messages, or a record the job file and any database can hold."""
    record, errors = validate_row(values, row=row, file=file)
    if record is None:
        assert errors and all(e.message for e in errors)
        return
    line = json.dumps(record.as_dict(), ensure_ascii=False)
    line.encode("utf-8")  # the job's records file is UTF-8: no lone surrogates
    for name, value in record.as_dict().items():
        if isinstance(value, str):
            assert "\x00" not in value, name  # PostgreSQL text cannot hold NUL


def check_rows(result, file_name: str) -> None:
    if isinstance(result, ImportRefused):
        return
    for item in result:
        if isinstance(item, RowError):
            assert item.message and item.row >= 1
            continue
        name, row, values = item
        assert name.startswith(file_name.split("/")[0]) and row >= 1
        check_storable(values, row=row, file=name)


@fuzz_settings(150)
@given(csv_files(), st.sampled_from(["a.csv", "a.tsv"]))
def test_csv_files(data, name):
    check_rows(_read(iter_stream(io.BytesIO(data), name=name, suffix=name[-4:], limits=LIMITS)), name)


@fuzz_settings(150)
@given(json_files(), st.sampled_from(["a.json", "a.jsonl", "a.ndjson"]))
def test_json_files(data, name):
    suffix = "." + name.rsplit(".", 1)[1]
    check_rows(_read(iter_stream(io.BytesIO(data), name=name, suffix=suffix, limits=LIMITS)), name)


@fuzz_settings(60)
@given(xlsx_files())
def test_xlsx_files(data):
    check_rows(_read(iter_stream(io.BytesIO(data), name="a.xlsx", suffix=".xlsx", limits=LIMITS)), "a.xlsx")


@fuzz_settings(100)
@given(page_files(), st.sampled_from(["a.txt", "a.html", "a.htm"]))
def test_text_and_html_pages(data, name):
    item = raw_document(data, name=name, limits=LIMITS)
    check_rows([item], name)


@fuzz_settings(60)
@given(zip_files())
def test_zip_archives(data):
    check_rows(_read(iter_zip(io.BytesIO(data), name="a.zip", limits=LIMITS)), "a.zip")


@fuzz_settings(150)
@given(st.one_of(st.binary(max_size=300), csv_files(), json_files(), page_files()))
def test_decoding_any_bytes(data):
    """Decoding gives text or a clear refusal, whole-file and line by line."""
    for call in (
        lambda: sniff_encoding(data),
        lambda: decode_bytes(data),
        lambda: decode_bytes(data, declared="utf-16"),
    ):
        try:
            call()
        except ImportRefused as error:
            assert error.message
    lines = _read(iter_lines(io.BytesIO(data)))
    if not isinstance(lines, ImportRefused):
        assert all(isinstance(line, str) for line in lines)


@fuzz_settings(150)
@given(st.one_of(raw_pages, any_text))
def test_scraped_text_pages(text):
    """parse_text reads any text: the body is a part of what was given, the date a real one or none."""
    values = parse_text(text, name="a.txt")
    assert values["original"] == text
    check_storable(values, row=1, file="a.txt")


@fuzz_settings(200)
@given(st.one_of(cell_text, json_values, st.dates(), st.datetimes(), st.times(), st.timedeltas()))
def test_dates_and_rows_of_any_values(value):
    """A cell of any type as a date gives an ISO date and a precision, or ValueError; as any field, it
    gives a record or row errors."""
    try:
        iso, precision = parse_date(value)
    except ValueError as error:
        assert str(error)
    else:
        assert precision in ("day", "month")
        dt.date.fromisoformat(iso)
    check_storable(
        {
            "body": value,
            "title": value,
            "url": value,
            "outlet": value,
            "published_on": value,
            "byline": value,
        },
        row=2,
        file="a.json",
    )


@fuzz_settings(100)
@given(
    st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["%d %B %Y", "%B %d, %Y", "%d %b %Y", "%A, %d %B %Y", "%B %Y", "%b %Y", "%Y %B"]),
)
def test_written_dates_are_read_to_their_precision(day, pattern):
    """A written date is read as the day it names, or as the month when it names no day; never with a
    part filled in from the day the import runs."""
    expected = (day.isoformat(), "day") if "%d" in pattern else (day.replace(day=1).isoformat(), "month")
    assert parse_date(day.strftime(pattern)) == expected
