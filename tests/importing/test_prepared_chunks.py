"""The import job's writer computes the next chunk's database-free part (content hashes, near-duplicate
signatures and band keys, notes, the model objects: store.chunk_prepare) in a second thread while the current chunk is
written. Each chunk must be stored with its own prepared values, the thread must never write, and a
failure while preparing must stop the job between chunks like any other, nothing half-written."""

from __future__ import annotations

import hashlib
import threading

import numpy as np
import pytest

from newstext.nearduplicates import band_key_rows, signature, signature_bytes
from newstext.notes import note_records
from sources.importing import service, store
from sources.importing.service import import_job_create, import_job_resume, import_job_run
from sources.models import Article, ArticleBand, ArticleFingerprint

from .conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db


def rows_with_notes(n: int) -> list[dict[str, object]]:
    """n rows, every third one ending with a correction of its own, so rows differ in their notes."""
    rows = article_rows(n)
    for number, row in enumerate(rows):
        if number % 3 == 0:
            row["body"] = (
                f"{row['body']}\n\nCorrection: an earlier version of this story said ship {number + 50}."
            )
    return rows


def test_each_chunk_is_stored_with_its_own_prepared_values(tmp_path):
    """Seven rows in chunks of three: every stored article's hash, notes, signature and band rows are
    those of its own body (a chunk paired with its neighbour's prepared values would store another
    row's), and they are prepared outside the thread that writes."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(rows_with_notes(7)))
    threads: list[str] = []
    real = store.chunk_prepare

    built: list[Article] = []

    def recording(records, *, batch):
        threads.append(threading.current_thread().name)
        prepared = real(records, batch=batch)
        built.extend(prepared.articles)
        return prepared

    batch = import_job_create(paths=[path], extract=False, batch_size=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(service, "chunk_prepare", recording)
        batch = import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.rows_created) == ("done", 7)
    assert len(threads) == 3 and threading.current_thread().name not in threads
    articles = list(Article.objects.order_by("pk"))
    # the model objects were built by the preparing thread too, and stored with their outlet and job
    assert [a.pk for a in built] == [a.pk for a in articles]
    assert sum(bool(a.notes) for a in articles) == 3
    outlets = {row["outlet"] for row in rows_with_notes(7)}
    for article in articles:
        assert article.import_batch_id == batch.pk
        assert article.outlet is not None and article.outlet.name in outlets
        assert article.content_hash == hashlib.sha256(article.body.encode("utf-8")).hexdigest()
        assert article.notes == note_records(article.body)
        values = signature(article.body)
        stored = ArticleFingerprint.objects.get(article=article)
        assert bytes(stored.signature) == signature_bytes(values)
        keys = set(ArticleBand.objects.filter(article=article).values_list("key", flat=True))
        assert keys == set(band_key_rows(np.asarray([values])).ravel().tolist())


def test_a_failure_while_preparing_stops_the_job_between_chunks(tmp_path):
    """Preparing the third chunk fails: the two chunks before it stay, nothing of the third is written,
    the job fails saying why, and a resume stores the rest once."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(rows_with_notes(7)))
    calls = {"n": 0}
    real = store.chunk_prepare

    def failing(records, *, batch):
        calls["n"] += 1
        if calls["n"] == 3:
            raise MemoryError("no room for the signatures")
        return real(records, batch=batch)

    batch = import_job_create(paths=[path], extract=False, batch_size=3)
    with pytest.MonkeyPatch.context() as patch, pytest.raises(MemoryError):
        patch.setattr(service, "chunk_prepare", failing)
        import_job_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows) == ("failed", 6)
    assert "MemoryError: no room for the signatures" in batch.message
    assert Article.objects.count() == ArticleFingerprint.objects.count() == 6
    import_job_resume(batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 7)
    assert Article.objects.count() == Article.history.model.objects.count() == 7
