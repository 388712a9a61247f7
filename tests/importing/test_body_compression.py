"""PostgreSQL: the import's COPY path compresses each article body once (into its temporary table),
with lz4 where the server has it, for the chunk's transaction only; the article keeps that compressed
value (INSERT ... SELECT copies it as it is) and reads back as the text sent. Skipped on SQLite, which compresses nothing."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from sources.importing import pgcopy
from sources.models import Article

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="TOAST compression is PostgreSQL's"),
]

# compressible (repeated words) and over the 2 kB past which PostgreSQL compresses a value
HARBOUR = "The harbour master said 14 cranes were idle on Tuesday and the quay was closed. " * 60


def one(sql: str, params: list | None = None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchone()[0]


def lz4_available() -> bool:
    return bool(one("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"))


def test_bodies_are_stored_lz4_compressed_for_the_chunk_only():
    if not lz4_available():
        pytest.skip("this PostgreSQL was built without lz4")
    default = one("SHOW default_toast_compression")
    article = Article(
        body=HARBOUR, title="Cranes", url="https://harbour.example/cranes", content_hash="c" * 64
    )
    with transaction.atomic():
        pgcopy.articles_insert_copy([article])
    assert one("SELECT pg_column_compression(body) FROM sources_article WHERE id = %s", [article.pk]) == "lz4"
    assert Article.objects.get(pk=article.pk).body == HARBOUR
    assert Article.history.filter(id=article.pk).count() == 1
    # the setting was the chunk transaction's: what this connection saves afterwards is as before
    assert one("SHOW default_toast_compression") == default
