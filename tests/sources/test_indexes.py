"""Every imported article updates every index of sources_article and of its history table, so those
tables carry only the indexes some query uses (migration sources/0011, issue 17)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def indexed_columns(table: str) -> dict[str, list[str]]:
    """Index name -> its columns, for the non-unique indexes of `table`."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        name: info["columns"]
        for name, info in constraints.items()
        if info["index"] and not info["unique"] and not info["primary_key"]
    }


def test_article_equality_lookups_keep_one_index_each_and_no_pattern_twin():
    from sources.models import Article

    indexes = indexed_columns(Article._meta.db_table)
    assert indexes["article_content_hash_idx"] == ["content_hash"]
    assert indexes["article_extraction_status_idx"] == ["extraction_status"]
    assert not [name for name in indexes if name.endswith("_like")]
    # outlet_id is served by the (outlet, date) index, which leads with it
    assert indexes["article_outlet_date_idx"][0] == "outlet_id"
    assert ["outlet_id"] not in indexes.values()


def test_history_rows_are_indexed_only_as_they_are_read():
    """By article id, in date order, and by user (a deleted user's rows are set to NULL)."""
    from sources.models import Article

    columns = sorted(cols for cols in indexed_columns(Article.history.model._meta.db_table).values())
    assert columns == [["history_date"], ["history_user_id"], ["id"]]


def test_finding_an_article_by_content_hash_or_status_uses_its_index():
    """What the import's duplicate check and the extraction queue ask of the table."""
    if connection.vendor != "postgresql":
        pytest.skip("plans are read on PostgreSQL")
    from sources.models import Article

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # an empty table: only the plan's choice of index is read
        for query, index in (
            (Article.objects.filter(content_hash="0" * 64, is_current=True), "article_content_hash_idx"),
            (
                Article.objects.filter(extraction_status=Article.ExtractionStatus.PENDING),
                "article_extraction_status_idx",
            ),
            (Article.objects.filter(outlet_id=1), "article_outlet_date_idx"),
        ):
            assert index in query.explain()


def test_band_rows_are_found_by_article_through_a_brin_on_postgresql():
    """Each imported article writes 32 band rows: on PostgreSQL their article index is a BRIN (one
    summary per block range, not an entry per row; migration sources/0012), elsewhere the model's
    btree. Either way deleting an article's rows uses it, and takes only that article's rows."""
    from sources.models import Article, ArticleBand

    table = ArticleBand._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    index = constraints["article_band_article_idx"]
    assert index["columns"] == ["article_id"]
    assert index["type"] == ("brin" if connection.vendor == "postgresql" else "idx")
    kept, gone = (Article.objects.create(body=f"Text {n}.", content_hash=str(n) * 64) for n in (1, 2))
    ArticleBand.objects.bulk_create(
        [ArticleBand(key=key, article=article) for article in (kept, gone) for key in (11, 12, 13)]
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
        assert "article_band_article_idx" in ArticleBand.objects.filter(article_id=gone.pk).explain()
    gone.delete()
    assert sorted(ArticleBand.objects.values_list("article_id", flat=True)) == [kept.pk] * 3


def test_a_chunks_urls_are_looked_up_through_the_current_url_index():
    """The import looks up a chunk's 500 URLs at once: PostgreSQL proves a partial index's condition
    from an IN list of at most 100 values, so the lookup must say itself that no URL is empty, else it
    reads the whole table for every chunk."""
    if connection.vendor != "postgresql":
        pytest.skip("plans are read on PostgreSQL")
    from sources.importing.store import current_at_urls

    urls = [f"https://harbour.example/story-{n}" for n in range(500)]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = current_at_urls(urls).explain()
    # either partial index on the URL (both say WHERE NOT url = ''); an empty table leaves the choice open
    assert "article_current_url_unique" in plan or "article_url_version_unique" in plan
