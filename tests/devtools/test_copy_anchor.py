"""The import benchmark's anchor (copy_rate) COPYs the import's rows into a logged table of
sources_article's shape, created and dropped by the bench: the WAL and index work the import's own COPY
does are in the anchor too (a temporary table wrote no WAL, and its rate said nothing of the import's)."""

from __future__ import annotations

import pytest
from django.db import connection

from devtools.benchmarks.generator import generate
from devtools.benchmarks.importing import COPY_TABLE, copy_rate, copy_table

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the anchor is PostgreSQL's COPY"),
]


def one(sql: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def indexes(table: str) -> list[str]:
    """The definitions of `table`'s indexes, the table's and the indexes' own names left out."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return sorted(
            definition.split(" USING ", 1)[1].replace(table, "T") for _, definition in cursor.fetchall()
        )


def test_the_copy_table_is_logged_with_the_article_tables_columns_and_indexes_then_dropped():
    with copy_table() as table:
        assert one("SELECT relpersistence FROM pg_class WHERE relname = %s", [table]) == "p"  # logged
        columns = "SELECT array_agg((attname, atttypid, attnotnull)::text ORDER BY attnum) FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped"
        assert one(columns, [table]) == one(columns, ["sources_article"])
        assert indexes(table) == [d.replace("sources_article", "T") for d in indexes("sources_article")]
        assert len(indexes(table)) >= 10
    assert one("SELECT to_regclass(%s)", [COPY_TABLE]) is None


def wal_bytes(n: int) -> int:
    """The WAL written while copy_rate copies `n` generated articles."""
    before = one("SELECT pg_current_wal_insert_lsn()::text")
    assert copy_rate(n, seed=5) > 0
    return int(one("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), %s::pg_lsn)", [before]))


def test_the_anchor_writes_its_rows_to_the_wal_and_leaves_no_table():
    """The WAL grows with the rows copied by at least their text (a temporary table's rows write none)."""
    bodies = sum(len(a.body) for a in generate(300, seed=5)) - sum(len(a.body) for a in generate(20, seed=5))
    assert wal_bytes(300) - wal_bytes(20) > bodies
    assert one("SELECT to_regclass(%s)", [COPY_TABLE]) is None
