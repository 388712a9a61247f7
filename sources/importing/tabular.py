"""Rows from CSV (streamed), JSON / JSON lines and XLSX files, as field dicts with their row numbers.

Each reader yields `(row_number, values)` with values keyed by field name (see records.COLUMN_ALIASES)
or a RowError for a row that cannot be read; a file that cannot be read at all raises ImportRefused.
Row numbers count as a spreadsheet does: the header is row 1, the first article row 2; in JSON the
first article is row 1.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from .decoding import decode_bytes, iter_lines
from .errors import ImportRefused, RowError
from .records import map_columns

RowItem = tuple[int, dict[str, object]] | RowError

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies are long; the file-size limit bounds them
_DELIMITERS = ",;\t|"
_TOO_DEEP = "the JSON is nested too deeply to be a list of articles"


def iter_csv(stream: BinaryIO, *, name: str = "") -> Iterator[RowItem]:
    """The rows of a CSV file, streamed line by line (memory stays bounded whatever the file size)."""
    lines = iter_lines(stream)
    try:
        first = next(lines)
    except StopIteration:
        raise ImportRefused("the file is empty", file=name) from None
    delimiter = max(_DELIMITERS, key=first.count)

    def all_lines() -> Iterator[str]:
        yield first
        yield from lines

    reader = csv.reader(all_lines(), delimiter=delimiter, strict=True)
    row = 0
    try:
        for cells in reader:
            row += 1
            if row == 1:
                mapping, missing = map_columns(cells)
                if missing:
                    raise ImportRefused(
                        f"missing required column(s): {', '.join(missing)} (found: {', '.join(cells)[:200]})",
                        file=name,
                    )
                width = len(cells)
                continue
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > width:
                yield RowError(row, "", f"{len(cells)} cells where the header has {width}", name)
                continue
            yield row, {field: cells[i] for i, field in mapping.items() if i < len(cells)}
    except csv.Error as error:
        raise ImportRefused(
            f"malformed CSV near row {row + 1} (line {reader.line_num}): {error}; check the quoting",
            file=name,
        ) from None
    if row == 0:
        raise ImportRefused("the file is empty", file=name)


def iter_json(stream: BinaryIO, *, name: str = "", max_bytes: int | None = None) -> Iterator[RowItem]:
    """The articles of a JSON file: a list of objects, {"articles": [...]}, one object, or JSON lines."""
    if name.lower().endswith((".jsonl", ".ndjson")):
        yield from _iter_json_lines(stream, name=name)
        return
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    text, _ = decode_bytes(data)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}", file=name
        ) from None
    except RecursionError:
        raise ImportRefused(_TOO_DEEP, file=name) from None
    if isinstance(payload, dict):
        payload = payload.get("articles", payload.get("items", [payload]))
    if not isinstance(payload, list):
        raise ImportRefused('JSON must be a list of article objects or {"articles": [...]}', file=name)
    yield from _objects(enumerate(payload, start=1), name)


def _iter_json_lines(stream: BinaryIO, *, name: str) -> Iterator[RowItem]:
    def objects() -> Iterator[tuple[int, object]]:
        for number, line in enumerate(iter_lines(stream), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise ImportRefused(f"malformed JSON on line {number}: {error.msg}", file=name) from None
            except RecursionError:
                raise ImportRefused(f"line {number}: {_TOO_DEEP}", file=name) from None

    yield from _objects(objects(), name)


def _objects(items: Iterator[tuple[int, object]], name: str) -> Iterator[RowItem]:
    checked_columns = False
    for row, item in items:
        if not isinstance(item, dict):
            yield RowError(row, "", f"expected an object, found {type(item).__name__}", name)
            continue
        keys = list(item)
        mapping, missing = map_columns(keys)
        if missing and not checked_columns:
            raise ImportRefused(
                f"missing required field(s): {', '.join(missing)} in the first article", file=name
            )
        checked_columns = True
        if missing:
            yield RowError(row, missing[0], "required field missing", name)
            continue
        yield row, {field: item[keys[i]] for i, field in mapping.items()}


def iter_xlsx(stream: BinaryIO, *, name: str = "") -> Iterator[RowItem]:
    """The rows of the first sheet of an XLSX workbook, read in streaming (read-only) mode."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise ImportRefused(f"not a readable XLSX workbook ({type(error).__name__})", file=name) from None
    except Exception as error:  # zipfile.BadZipFile and friends: not a workbook at all
        raise ImportRefused(f"not a readable XLSX workbook ({type(error).__name__})", file=name) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise ImportRefused("the workbook's first sheet is empty", file=name)
        mapping, missing = map_columns(list(header))
        if missing:
            raise ImportRefused(f"missing required column(s): {', '.join(missing)}", file=name)
        for row, cells in enumerate(rows, start=2):
            if not any(cell not in (None, "") for cell in cells):
                continue
            yield row, {field: cells[i] for i, field in mapping.items() if i < len(cells)}
    except ImportRefused:
        raise
    except Exception as error:  # a damaged sheet (broken XML) shows only while it is read
        raise ImportRefused(
            f"the workbook's first sheet cannot be read ({type(error).__name__})", file=name
        ) from None
    finally:
        book.close()
