"""PostgreSQL: the import has the database compute the next chunk's search vectors on a connection of
their own, on a thread beside the preparing one (pgcopy.search_vectors, store.chunk_vectors), and the writing connection
only reads them in: the stored vector must be the one the trigger gives a saved article, for any
text, and one computed from a title the chunk then changes (a merge keeps the stored article's) must
not be stored. Skipped on SQLite, which has no vector."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from sources.importing import pgcopy, service, store
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article
from sources.services import article_store

from .conftest import article_rows, csv_bytes
from .near_duplicate_texts import CORRECTION, WIRE_STORY

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="the search vector exists on PostgreSQL only"
    ),
]

AWKWARD = [
    ("Tabs\tand back\\slashes", "FERNHOLM - A back\\slash, a tab\there and a line\r\nend, 'quoted' words."),
    ("Les quais d'Ostrik", "L'autorité portuaire a dit qu'elle fermerait le quai nord. Ёлки и палки."),
    ("", "A body with no title at all: the 12 cranes were inspected, the harbour's engineers said."),
    ("Long", "word " * 20_010 + "tailword beyond the hundred thousandth character"),
]


def stored_vector(article_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM sources_article WHERE id = %s", [article_id])
        return cursor.fetchone()[0]


def trigger_vectors(pairs) -> list[str]:
    """The vectors the insert trigger gives articles saved through the ORM with these titles and bodies."""
    saved = [
        article_store(body=body, url=f"https://trigger.example/{n}", title=title).article
        for n, (title, body) in enumerate(pairs)
    ]
    return [stored_vector(article.pk) for article in saved]


def test_vectors_computed_on_any_connection_are_the_triggers():
    """Tabs, backslashes, quotes, other scripts, no title, a body past the 100,000 characters the
    vector reads: search_vectors gives what the trigger stores."""
    assert pgcopy.search_vectors([t for t, _ in AWKWARD], [b for _, b in AWKWARD]) == trigger_vectors(AWKWARD)
    assert "tailword" not in pgcopy.search_vectors(["Long"], [AWKWARD[3][1]])[0]


def test_binary_vectors_read_back_as_the_text_ones():
    """The import sends each vector in tsvector's binary form (tsvectorsend), read back by tsvectorrecv:
    the same vector as its text form, for any text; stored through the binary COPY as it is."""
    titles, bodies = [t for t, _ in AWKWARD], [b for _, b in AWKWARD]
    binary = pgcopy.search_vectors_binary(titles, bodies)
    assert all(isinstance(vector, bytes) for vector in binary)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvectorsend(v) = b FROM unnest(%s::tsvector[], %s::bytea[]) AS r(v, b)",
            [pgcopy.search_vectors(titles, bodies), binary],
        )
        assert [same for (same,) in cursor.fetchall()] == [True] * len(AWKWARD)
    articles = [
        Article(body=body, title=title, url=f"https://b.example/{n}", content_hash="x" * 64)
        for n, (title, body) in enumerate(AWKWARD)
    ]
    for article, vector in zip(articles, binary, strict=True):
        article.search_vector = vector
    pgcopy.articles_insert_copy(articles)
    assert [stored_vector(a.pk) for a in articles] == pgcopy.search_vectors(titles, bodies)


def test_a_brought_vector_is_stored_and_a_missing_one_computed():
    """An article bringing its vector gets that one (the insert does not compute it again); one without
    gets the trigger's."""
    brought = Article(body="Lemons were unloaded at the quay.", title="Lemons", url="https://a.example/1")
    brought.search_vector = "'planted':1A"
    plain = Article(body="Forty containers of lemons arrived.", title="Lemons", url="https://a.example/2")
    for article in (brought, plain):
        article.content_hash = "x" * 64
    pgcopy.articles_insert_copy([brought, plain])
    assert stored_vector(brought.pk) == "'planted':1A"
    assert stored_vector(plain.pk) == trigger_vectors([("Lemons", plain.body)])[0]
    assert brought.search_vector is None  # as bulk_create leaves an instance


def backends() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def test_the_job_has_vectors_computed_beside_the_writer_and_closes_that_connection(tmp_path):
    """Seven rows in chunks of three: each chunk's vectors are computed on the vectors thread, neither the
    writing nor the preparing thread (which prepares the chunk meanwhile), the stored vectors are the
    trigger's, and both threads' connections are closed when the job ends."""
    rows = article_rows(7)
    rows[2]["title"] = "Back\\slash\ttitle"
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(rows))
    threads: list[str] = []
    prepared: list[str] = []
    real, real_prepare = store.search_vectors_binary, service.chunk_prepare

    def recording(titles, bodies):
        threads.append(threading.current_thread().name)
        return real(titles, bodies)

    def recording_prepare(records, **kwargs):
        prepared.append(threading.current_thread().name)
        return real_prepare(records, **kwargs)

    before = backends()
    batch = import_job_create(paths=[path], extract=False, batch_size=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "search_vectors_binary", recording)
        patch.setattr(service, "chunk_prepare", recording_prepare)
        batch = import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.rows_created) == ("done", 7)
    assert len(threads) == 3 and all(name.startswith("import-vectors") for name in threads)
    assert len(prepared) == 3 and all(name.startswith("import-prepare") for name in prepared)
    articles = list(Article.objects.order_by("pk"))
    expected = trigger_vectors([(a.title, a.body) for a in articles])
    assert [stored_vector(a.pk) for a in articles] == expected
    assert backends() == before


def test_a_failure_computing_the_vectors_fails_the_job_and_closes_the_connections(tmp_path):
    """An error on the vectors thread is the job's: it stops with the error, nothing of the chunk is
    stored, and no connection of its threads is left open."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(5)))

    def failing(titles, bodies):
        raise ValueError("no vectors today")

    before = backends()
    batch = import_job_create(paths=[path], extract=False, batch_size=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "search_vectors_binary", failing)
        with pytest.raises(ValueError, match="no vectors today"):
            import_job_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == "failed" and "no vectors today" in batch.message
    assert (batch.committed_rows, Article.objects.count()) == (0, 0)
    assert backends() == before


def test_chunk_lookups_takes_the_vectors_computed_elsewhere():
    """Given the vectors (computed on another thread), chunk_lookups computes none itself and sets each
    unsaved article's; without them it computes the same ones."""
    records = [
        store.ArticleRecord(row=n, body=body, title=title, url=f"https://v.example/{n}")
        for n, (title, body) in enumerate(AWKWARD[:3])
    ]
    given = store.chunk_vectors(records)
    assert given == pgcopy.search_vectors_binary([t for t, _ in AWKWARD[:3]], [b for _, b in AWKWARD[:3]])
    prepared = store.chunk_prepare(records, batch=None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "search_vectors_binary", lambda titles, bodies: pytest.fail("computed again"))
        store.chunk_lookups(prepared, vectors=lambda: given)
    assert [a.search_vector for a in prepared.articles] == given
    computed = store.chunk_prepare(records, batch=None)
    store.chunk_lookups(computed)
    assert [a.search_vector for a in computed.articles] == given


def test_a_merged_row_is_stored_with_the_vector_of_the_title_it_keeps(tmp_path):
    """A row merged into a stored article keeps that article's (edited) title: its vector is of that
    title, not of the row's, though the row's was computed first."""
    stored = article_store(body=WIRE_STORY, url="https://wire.example/crane", title="Crane story").article
    Article.objects.filter(pk=stored.pk).update(title="Edited: Ostrik closes the quay")
    path = tmp_path / "a.csv"
    path.write_bytes(
        csv_bytes([{"title": "Lemons galore", "outlet": "Coastal Wire", "body": WIRE_STORY + CORRECTION}])
    )
    batch = import_job_run(
        batch_id=import_job_create(paths=[path], extract=False, near_duplicates="merge").pk
    )
    assert batch.rows_versioned == 1
    merged = Article.objects.get(previous_version=stored)
    assert merged.title == "Edited: Ostrik closes the quay"
    vector = stored_vector(merged.pk)
    assert vector == pgcopy.search_vectors([merged.title], [merged.body])[0]
    assert "'ostrik':2A" in vector and "lemon" not in vector
