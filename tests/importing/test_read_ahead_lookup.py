"""The band lookup of the near-duplicate check read ahead: on PostgreSQL the import's preparing thread
reads the next chunk's (nearduplicates.bucket_heads) on its own connection while the writing one stores
the current chunk, so the lookup may miss that chunk's rows. The writer then adds the band rows stored
since (BucketHeads.with_rows): the matches must be those of a lookup read in the chunk's own
transaction, as before."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from django.db import connection, transaction

from sources.importing import nearduplicates, store
from sources.importing.nearduplicates import ROWS_PER_KEY, BucketHeads, Buckets
from sources.importing.records import ArticleRecord
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article, ImportBatch, NearDuplicate

from .conftest import csv_bytes
from .near_duplicate_texts import CORRECTION, OTHER_OUTLET_STORY, WIRE_STORY


def test_rows_stored_since_are_added_to_the_heads_read_before():
    """Each asked key's heads become the oldest ROWS_PER_KEY of those read and those stored since; a row
    read already is not counted twice, a key nobody asked is not kept, and the lookup read stays as it was."""
    full = list(range(1, ROWS_PER_KEY + 1))
    asked = np.array([-4, 5, 6, 7, 9], dtype=np.int64)
    read = BucketHeads(asked, Buckets.from_dict({-4: [8, 2], 5: [10, 20], 6: [1], 7: full}))
    updated = read.with_rows(
        np.array([5, 5, 7, 9, 11, 7], dtype=np.int64), np.array([15, 20, 0, 30, 40, 500], dtype=np.int64)
    )
    # keys given no row (-4, 6) keep their heads, in key order among the others
    assert list(updated.heads.as_dict().items()) == [
        (-4, [2, 8]),
        (5, [10, 15, 20]),
        (6, [1]),
        (7, [0, *full[:-1]]),
        (9, [30]),
    ]
    assert read.heads.as_dict() == {-4: [2, 8], 5: [10, 20], 6: [1], 7: full}
    assert read.with_rows(np.array([11]), np.array([3])) is read


def record(row: int, body: str, url: str) -> ArticleRecord:
    return ArticleRecord(row=row, body=body, url=url, title=f"Story {row}", outlet="Coastal Wire")


@pytest.mark.django_db
def test_a_lookup_read_before_the_chunk_before_it_was_stored_finds_that_chunks_rows():
    """The second chunk's lookup is read before the first chunk is stored (as the preparing thread may):
    given the first chunk's band rows, its corrected copy of the first chunk's story is found; the stale
    lookup alone would have missed it, which is why the rows are added."""
    batch = ImportBatch.objects.create(name="read ahead", options={"near_duplicates": "keep"})
    first = [record(1, WIRE_STORY, "https://wire.example/1")]
    second = [
        record(2, WIRE_STORY + CORRECTION, "https://wire.example/2"),
        record(3, OTHER_OUTLET_STORY, "https://wire.example/3"),
    ]
    stale, fresh = (store.chunk_prepare(second, batch=batch) for _ in range(2))
    stale.heads = fresh.heads = nearduplicates.bucket_heads(fresh.values)  # read before the first chunk
    with transaction.atomic():
        counts = store.store_chunk(first, batch=batch)
    assert counts.created == 1 and counts.bands is not None and len(counts.bands[0]) == 32
    stored = Article.objects.get(url="https://wire.example/1")
    with transaction.atomic():
        store.store_chunk(second, batch=batch, prepared=stale, written=store.NO_BANDS)
        assert not NearDuplicate.objects.filter(batch=batch).exists()  # stale: the first chunk unseen
        transaction.set_rollback(True)
    with transaction.atomic():
        counts = store.store_chunk(second, batch=batch, prepared=fresh, written=counts.bands)
    assert counts.created == 2
    [found] = NearDuplicate.objects.filter(batch=batch)
    assert (found.row, found.match_id, found.decision) == (2, stored.pk, "keep")


@pytest.mark.django_db
def test_without_the_rows_stored_since_the_lookup_is_read_again():
    """A lookup read ahead with no account of what was stored since (written=None: a chunk before went
    row by row) is not trusted: the chunk reads its own, which sees the stored story."""
    batch = ImportBatch.objects.create(name="read ahead", options={"near_duplicates": "keep"})
    second = [record(2, WIRE_STORY + CORRECTION, "https://wire.example/2")]
    prepared = store.chunk_prepare(second, batch=batch)
    prepared.heads = nearduplicates.bucket_heads(prepared.values)
    with transaction.atomic():
        store.store_chunk([record(1, WIRE_STORY, "https://wire.example/1")], batch=batch)
    with transaction.atomic():
        store.store_chunk(second, batch=batch, prepared=prepared, written=None)
    [found] = NearDuplicate.objects.filter(batch=batch)
    assert found.match_id == Article.objects.get(url="https://wire.example/1").pk


@pytest.mark.django_db(transaction=True)  # each chunk committed, as in a job of its own
def test_the_job_reads_lookups_beside_the_writer_and_finds_the_chunk_before(tmp_path):
    """PostgreSQL, chunks of one row: every band lookup is read by the preparing thread, and the story's
    corrected copy in the next chunk is still found as its near-duplicate."""
    if connection.vendor != "postgresql":
        pytest.skip("the lookups are read ahead on PostgreSQL only")
    path = tmp_path / "a.csv"
    rows = [
        {"url": f"https://wire.example/{n}", "title": f"Story {n}", "outlet": "Coastal Wire", "body": body}
        for n, body in enumerate([WIRE_STORY, WIRE_STORY + CORRECTION, OTHER_OUTLET_STORY])
    ]
    path.write_bytes(csv_bytes(rows))
    threads: list[str] = []
    real = nearduplicates._bucket_heads

    def recording(keys):
        threads.append(threading.current_thread().name)
        return real(keys)

    batch = import_job_create(paths=[path], extract=False, batch_size=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nearduplicates, "_bucket_heads", recording)
        batch = import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.rows_created) == ("done", 3)
    assert len(threads) == 3 and threading.current_thread().name not in threads
    [found] = NearDuplicate.objects.filter(batch=batch)
    assert found.match_id == Article.objects.get(url="https://wire.example/0").pk
    assert found.article == Article.objects.get(url="https://wire.example/1")


@pytest.mark.django_db
def test_inside_a_callers_transaction_the_writer_reads_its_own_lookups(tmp_path):
    """A job run inside a transaction of its caller's: a story the caller stored in it (which another
    connection cannot see) is found by the near-duplicate check all the same."""
    from sources.services import article_store

    article_store(body=WIRE_STORY, url="https://wire.example/0", title="Story 0")
    path = tmp_path / "a.csv"
    path.write_bytes(
        csv_bytes([{"url": "https://wire.example/1", "title": "Story 1", "body": WIRE_STORY + CORRECTION}])
    )
    batch = import_job_run(batch_id=import_job_create(paths=[path], extract=False).pk)
    [found] = NearDuplicate.objects.filter(batch=batch)
    assert found.match_id == Article.objects.get(url="https://wire.example/0").pk
