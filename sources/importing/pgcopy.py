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
import io
import json
from collections.abc import Sequence
from typing import cast

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


def _article_columns() -> list[models.Field]:
    return [f for f in Article._meta.concrete_fields if f.attname != "search_vector"]


def search_vectors(titles: Sequence[str], bodies: Sequence[str]) -> list[str]:
    """Each (title, body)'s search vector, as SEARCH_VECTOR_SQL computes it, in tsvector's text form
    (which reads back as the same vector), in order; one statement (PostgreSQL only). Reads nothing
    stored: any connection can compute them, the import's preparing thread does it on its own."""
    if not bodies:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({SEARCH_VECTOR_SQL})::text FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY "
            "AS r(title, body, place) ORDER BY place",
            [list(titles), list(bodies)],
        )
        return [vector for (vector,) in cursor.fetchall()]


def _history_columns(article_columns: set[str], user_id: int | None, now: dt.datetime) -> tuple[str, str]:
    """The history table's column list and the SELECT list that fills it from the article table."""
    history = Article.history.model
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


def articles_insert_copy(articles: list[Article], *, history_user_id: int | None = None) -> list[Article]:
    """Insert new (unsaved) articles with their search vector and one '+' history row each (call inside
    transaction.atomic, PostgreSQL only); returns the articles, their pk set."""
    if not articles:
        return articles
    now = timezone.now()
    fields = _article_columns()
    columns = [str(f.column) for f in fields]
    # a vector the article brings (search_vectors' text), else NULL: the insert trigger computes that one
    vectors = _column([article.__dict__.get("search_vector") for article in articles])
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
            [len(articles)],
        )
        for article, (pk,) in zip(articles, cursor.fetchall(), strict=True):
            article.pk = pk
            article.created_at = article.updated_at = now
        cursor.execute(_LZ4_SQL)
        with connection.wrap_database_errors:
            cursor.cursor.copy_expert(
                f"COPY {table} ({', '.join(columns)}, search_vector) FROM STDIN",
                _rows(articles, fields, vectors),
            )
        if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            names, values = _history_columns(set(columns), history_user_id, now)
            # in id order, as the COPY wrote them: their history ids follow the same order
            cursor.execute(
                f"INSERT INTO {Article.history.model._meta.db_table} ({names}) SELECT {values} FROM {table} "
                "WHERE id = ANY(%(ids)s::bigint[]) ORDER BY id",
                {
                    "now": now,
                    "user": history_user_id,
                    "ids": "{" + ",".join(str(a.pk) for a in articles) + "}",
                },
            )
    for article in articles:
        article._state.adding = False
        article._state.db = connection.alias
        article.search_vector = None  # as bulk_create leaves it: the stored vector is the database's
    return articles
