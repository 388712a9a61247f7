"""New articles and their history rows on PostgreSQL: one COPY and one INSERT ... SELECT per chunk.

Django's bulk_create sends every value of every row as a query parameter and simple_history's
bulk_create_with_history builds a second set of model objects for the history rows; at a few
thousand articles per second that Python work, not the database, was the import's limit. Here the
chunk's rows are written once, in COPY's text format (psycopg2 copy_expert), straight into
sources_article (the insert trigger computes the search vector of a row that does not bring one:
migration 0008); one INSERT ... SELECT of the rows just written, by id, makes their history rows with
simple_history's columns ('+', the date, the request's user when there is one). Ids are drawn from the
table's sequence first, so the Article objects come back with their pk as bulk_create's would.
Everything runs in the caller's transaction: an error rolls the whole chunk back. (A temporary table
the COPY filled and two INSERT ... SELECT read cost a second write of every row, its creation and
its drop: about a tenth of the writing connection's work.)

An article may bring its search vector already computed (search_vectors, run by the import's
preparing thread on its own connection while the writing one stores the chunk before): to_tsvector
was over half of the article insert's database time, on the writer's path. Its text form goes into
the COPY and reads back as the same vector; an article without one gets it computed by the trigger.

SQLite keeps the ORM path (store.store_chunk calls bulk_create_with_history there).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import struct
from collections.abc import Callable, Sequence
from typing import Any, cast

from django.conf import settings
from django.db import connection, models
from django.utils import timezone

from ..models import Article

# The same vector as the trigger of migration 0004 (title weight A, the first 100,000 characters of
# the body weight B): a search must not find an imported article differently from a saved one.
SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(coalesce(body, ''), 100000)), 'B')"
)


def copy_value(value: object) -> str:
    """One value in COPY's text format: NULL as \\N, booleans as t/f, JSON as text, escapes for
    backslash, tab and line ends."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (list, dict)):
        if not value:  # most rows' notes and date conflicts: no call to the encoder
            return "[]" if isinstance(value, list) else "{}"
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    # four str.replace calls run in C; str.translate with a mapping goes character by character in Python
    text = str(value)
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# The bodies are compressed once, as the COPY writes them (the history table has no body). lz4 compresses several times faster than PostgreSQL's default
# pglz (about a twentieth of the writing connection's work in a profile), at a slightly larger size. For this
# transaction only (set_config's is_local), and only where the server was built with lz4.
_LZ4_SQL = (
    "SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings "
    "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)


@functools.cache
def history_model() -> Any:
    """Article's history model (simple_history's HistoricalArticle), read once: `Article.history`
    builds a new manager class at each access (0.3-0.4 ms), and the import wrote a few per chunk."""
    return Article.history.model


def _article_columns() -> list[models.Field]:
    return [f for f in Article._meta.concrete_fields if f.attname != "search_vector"]


def search_vectors(titles: Sequence[str], bodies: Sequence[str]) -> list[str]:
    """Each (title, body)'s search vector, as SEARCH_VECTOR_SQL computes it, in tsvector's text form
    (which reads back as the same vector), in order; one statement (PostgreSQL only). Reads nothing
    stored: any connection can compute them, the import's preparing thread does it on its own."""
    return cast(list[str], _vectors(titles, bodies, "text"))


def search_vectors_binary(titles: Sequence[str], bodies: Sequence[str]) -> list[bytes]:
    """search_vectors in tsvector's binary form (tsvectorsend), what the import's binary COPY sends as
    it is: the server reads it back (tsvectorrecv) without parsing text and sorting the lexemes again,
    which tsvectorin did for every article on the writing connection."""
    return [bytes(vector) for vector in _vectors(titles, bodies, "tsvectorsend")]


def _vectors(titles: Sequence[str], bodies: Sequence[str], output: str) -> list:
    """The vectors of search_vectors, each as `output` ("text" or "tsvectorsend") gives it."""
    if not bodies:
        return []
    vector = f"({SEARCH_VECTOR_SQL})::text" if output == "text" else f"tsvectorsend({SEARCH_VECTOR_SQL})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {vector} FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY "
            "AS r(title, body, place) ORDER BY place",
            [list(titles), list(bodies)],
        )
        return [value for (value,) in cursor.fetchall()]


def _history_columns(article_columns: set[str], user_id: int | None, now: dt.datetime) -> tuple[str, str]:
    """The history table's column list and the SELECT list that fills it from the article table."""
    history = history_model()
    names, values = [], []
    for field in history._meta.concrete_fields:
        column = str(field.column)
        if column == "history_id":
            continue
        names.append(column)
        if column in article_columns:
            values.append(column)
        elif column == "history_date":
            values.append("%(now)s")
        elif column == "history_type":
            values.append("'+'")
        elif column == "history_user_id":
            values.append("%(user)s" if user_id is not None else "NULL")
        else:  # history_change_reason, or a column simple_history may add: what bulk_create_with_history leaves
            values.append("NULL")
    return ", ".join(names), ", ".join(values)


def _column(values: list[object]) -> list[str]:
    """COPY text of one column's values (copy_value of each). Column by column, not value by value: a
    value shared by every row (a default, the chunk's job, its time) is converted once, and a column
    of strings is escaped in one comprehension, without a function call per value."""
    first = values[0]
    if all(value is first for value in values):
        return [copy_value(first)] * len(values)
    if all(type(value) is str for value in values):
        texts = cast(list[str], values)
        return [
            text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
            for text in texts
        ]
    return [copy_value(value) for value in values]


def _rows(articles: Sequence[Article], fields: list[models.Field], *extra: list[str]) -> io.StringIO:
    """The COPY text of `articles`' `fields`, then the `extra` columns (COPY text already)."""
    columns = [_column([getattr(article, field.attname) for article in articles]) for field in fields]
    columns.extend(extra)
    buffer = io.StringIO()
    buffer.writelines(["\t".join(row) + "\n" for row in zip(*columns, strict=True)])
    buffer.seek(0)
    return buffer


# COPY's binary format (PostgreSQL's COPY documentation): a signature, flags and header extension
# length, then per row a field count and each field as its length (-1 for NULL) and its bytes in the
# type's binary form (what its receive function reads), then -1. Text goes in as its UTF-8 bytes,
# unescaped, and the server neither scans it for escapes nor parses a vector's text form.
BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
BINARY_TRAILER = b"\xff\xff"
_NULL = b"\xff\xff\xff\xff"
_LENGTH = struct.Struct(">i").pack
_INT8 = struct.Struct(">iq").pack  # length 8, then the value
_INT4 = struct.Struct(">ii").pack
_INT2 = struct.Struct(">ih").pack
_EPOCH_DATE = dt.date(2000, 1, 1).toordinal()  # PostgreSQL's dates and times count from 2000-01-01
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class BinaryUnsupported(ValueError):
    """A column type or value the binary COPY does not encode: the chunk goes in COPY's text format."""


def _text_bytes(value: object) -> bytes:
    data = (value if isinstance(value, str) else str(value)).encode("utf-8")
    return _LENGTH(len(data)) + data


def _json_bytes(value: object) -> bytes:
    # jsonb's binary form: a version byte (1), then the JSON text; the same text copy_value sends
    if isinstance(value, (list, dict)):
        text = (
            ("[]" if isinstance(value, list) else "{}")
            if not value
            else json.dumps(value, ensure_ascii=False)
        )
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False)
    data = b"\x01" + text.encode("utf-8")
    return _LENGTH(len(data)) + data


def _date_bytes(value: object) -> bytes:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise BinaryUnsupported(f"not a date: {value!r}")
    return _INT4(4, value.toordinal() - _EPOCH_DATE)


def _timestamptz_bytes(value: object) -> bytes:
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise BinaryUnsupported(f"not an aware datetime: {value!r}")  # a naive one: the session's zone
    delta = value - _EPOCH
    return _INT8(8, (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds)


def _bool_bytes(value: object) -> bytes:
    if not isinstance(value, bool):
        raise BinaryUnsupported(f"not a boolean: {value!r}")
    return b"\x00\x00\x00\x01\x01" if value else b"\x00\x00\x00\x01\x00"


def _tsvector_bytes(value: object) -> bytes:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise BinaryUnsupported("a vector in text form")
    return _LENGTH(len(value)) + bytes(value)


def _integer(pack: Callable[[int, int], bytes], size: int) -> Callable[[object], bytes]:
    def encode(value: object) -> bytes:
        if type(value) is not int:
            raise BinaryUnsupported(f"not an integer: {value!r}")
        return pack(size, value)

    return encode


# each column type's encoder (format_type's names), None not included: NULL is the same for all
_ENCODERS: dict[str, Callable[[object], bytes]] = {
    "bigint": _integer(_INT8, 8),
    "integer": _integer(_INT4, 4),
    "smallint": _integer(_INT2, 2),
    "text": _text_bytes,
    "character varying": _text_bytes,
    "jsonb": _json_bytes,
    "date": _date_bytes,
    "timestamp with time zone": _timestamptz_bytes,
    "boolean": _bool_bytes,
    "tsvector": _tsvector_bytes,
}
_column_types: dict[tuple[str, str], dict[str, str]] = {}


def column_types(table: str) -> dict[str, str]:
    """Column name -> its type's name (format_type, without modifiers) of `table`, read once per
    database and table (a migration that changes a column's type runs before any import)."""
    key = (str(connection.settings_dict["NAME"]), table)
    if key not in _column_types:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                [table],
            )
            _column_types[key] = dict(cursor.fetchall())
    return _column_types[key]


def binary_column(values: Sequence[object], type_name: str) -> list[bytes]:
    """Each value of one column as a field of COPY's binary format (its length, then its bytes), for a
    column of type `type_name`; a value shared by every row (a default, the chunk's job, its time) is
    encoded once, and a column of strings in one comprehension. BinaryUnsupported for a type or a value
    it does not encode."""
    encode = _ENCODERS.get(type_name)
    if encode is None:
        raise BinaryUnsupported(f"column type {type_name}")
    first = values[0]
    if all(value is first for value in values):
        return [_NULL if first is None else encode(first)] * len(values)
    if encode is _text_bytes and all(type(value) is str for value in values):
        encoded = [cast(str, value).encode("utf-8") for value in values]
        return [_LENGTH(len(data)) + data for data in encoded]
    return [_NULL if value is None else encode(value) for value in values]


def binary_rows(columns: Sequence[Sequence[bytes]]) -> bytes:
    """COPY's binary format of the rows whose fields are `columns` (binary_column's, one per column)."""
    count = struct.pack(">h", len(columns))
    parts = [BINARY_HEADER]
    for row in zip(*columns, strict=True):
        parts.append(count)
        parts.extend(row)
    parts.append(BINARY_TRAILER)
    return b"".join(parts)


def _binary_columns(
    articles: Sequence[Article], fields: list[models.Field], vectors: list[object]
) -> dict[str, list[bytes]] | None:
    """Column name -> its fields in COPY's binary format, for `articles`' `fields` and their `vectors`
    (column search_vector), or None when a column's type or a value is one binary_column does not
    encode (the caller then sends the text format)."""
    types = column_types(Article._meta.db_table)
    try:
        columns = {
            str(field.column): binary_column(
                [getattr(article, field.attname) for article in articles], types[str(field.column)]
            )
            for field in fields
        }
        columns["search_vector"] = binary_column(vectors, types["search_vector"])
    except (BinaryUnsupported, KeyError):
        return None
    return columns


def _history_binary(
    encoded: dict[str, list[bytes]], n: int, user_id: int | None, now: dt.datetime
) -> tuple[list[str], bytes] | None:
    """The history table's columns (history_id aside) and their rows in COPY's binary format, one '+'
    row per article, the article's own columns' fields reused from `encoded` (the articles' binary
    columns): the values of the rows just written, as INSERT ... SELECT read them back. None when a
    column's type or a value is not encoded, or differs from the article table's."""
    history = history_model()
    types = column_types(history._meta.db_table)
    article_types = column_types(Article._meta.db_table)
    names, columns = [], []
    try:
        for field in history._meta.concrete_fields:
            column = str(field.column)
            if column == "history_id":
                continue
            if column in encoded:
                if types[column] != article_types[column]:
                    return None
                fields = encoded[column]
            elif column == "history_date":
                fields = binary_column([now] * n, types[column])
            elif column == "history_type":
                fields = binary_column(["+"] * n, types[column])
            elif column == "history_user_id":
                fields = binary_column([user_id] * n, types[column])
            else:  # history_change_reason, or a column simple_history may add: what bulk_create_with_history leaves
                fields = [_NULL] * n
            names.append(column)
            columns.append(fields)
    except (BinaryUnsupported, KeyError):
        return None
    return names, binary_rows(columns)


def articles_insert_copy(articles: list[Article], *, history_user_id: int | None = None) -> list[Article]:
    """Insert new (unsaved) articles with their search vector and one '+' history row each (call inside
    transaction.atomic, PostgreSQL only); returns the articles, their pk set."""
    if not articles:
        return articles
    now = timezone.now()
    fields = _article_columns()
    columns = [str(f.column) for f in fields]
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
            [len(articles)],
        )
        for article, (pk,) in zip(articles, cursor.fetchall(), strict=True):
            article.pk = pk
            article.created_at = article.updated_at = now
        # a vector the article brings (search_vectors_binary's bytes, or search_vectors' text), else
        # NULL: the insert trigger computes that one
        vectors = [article.__dict__.get("search_vector") for article in articles]
        encoded = _binary_columns(articles, fields, vectors)
        cursor.execute(_LZ4_SQL)
        with connection.wrap_database_errors:
            if encoded is not None:
                cursor.cursor.copy_expert(
                    f"COPY {table} ({', '.join(columns)}, search_vector) FROM STDIN WITH (FORMAT binary)",
                    io.BytesIO(binary_rows([encoded[column] for column in [*columns, "search_vector"]])),
                )
            else:  # COPY's text format; a vector in binary form is left to the trigger
                texts = [None if isinstance(v, (bytes, bytearray, memoryview)) else v for v in vectors]
                cursor.cursor.copy_expert(
                    f"COPY {table} ({', '.join(columns)}, search_vector) FROM STDIN",
                    _rows(articles, fields, _column(texts)),
                )
        if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            history = history_model()._meta.db_table
            rows = _history_binary(encoded, len(articles), history_user_id, now) if encoded else None
            if rows is not None:
                # in the articles' order, their ids' (drawn in order above): history ids follow it
                with connection.wrap_database_errors:
                    cursor.cursor.copy_expert(
                        f"COPY {history} ({', '.join(rows[0])}) FROM STDIN WITH (FORMAT binary)",
                        io.BytesIO(rows[1]),
                    )
            else:
                names, values = _history_columns(set(columns), history_user_id, now)
                # in id order, as the COPY wrote them: their history ids follow the same order
                cursor.execute(
                    f"INSERT INTO {history} ({names}) SELECT {values} FROM {table} "
                    "WHERE id = ANY(%(ids)s::bigint[]) ORDER BY id",
                    {
                        "now": now,
                        "user": history_user_id,
                        "ids": "{" + ",".join(str(a.pk) for a in articles) + "}",
                    },
                )
    alias = connection.alias  # connection is a proxy: an attribute read costs a lookup of the thread's
    for article in articles:
        article._state.adding = False
        article._state.db = alias
        article.search_vector = None  # as bulk_create leaves it: the stored vector is the database's
    return articles
