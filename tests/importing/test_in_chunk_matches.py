"""A chunk's rows are compared with each other (store.ChunkIndex). The preparing thread computes those
matches with the chunk (store.in_chunk_matches) for the case where every comparable row is a new text
that is stored; the writing thread must use them only then, and otherwise compare the rows itself, with
the same near-duplicates listed either way."""

from __future__ import annotations

import threading

import pytest

from sources.importing import store
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article, ImportBatch, NearDuplicate

from .conftest import csv_bytes
from .near_duplicate_texts import HEADER, OTHER_OUTLET_STORY, WIRE_STORY, with_new_intro

pytestmark = pytest.mark.django_db

ROWS = [
    {"url": "https://a.example/1", "title": "Wire", "outlet": "A", "body": WIRE_STORY},
    {"url": "https://b.example/2", "title": "Other", "outlet": "B", "body": OTHER_OUTLET_STORY},
    {"url": "https://c.example/3", "title": "Headed", "outlet": "C", "body": HEADER + WIRE_STORY},
    {"url": "https://d.example/4", "title": "Intro", "outlet": "D", "body": with_new_intro()},
]


def run(tmp_path, policy: str, *, precomputed: bool) -> tuple[ImportBatch, list[str]]:
    """Import ROWS in one chunk; returns the job and the threads in which ChunkIndex.best ran."""
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes(ROWS))
    threads: list[str] = []
    real_best, real_matches = store.ChunkIndex.best, store.in_chunk_matches

    def best(self, values, keys):
        threads.append(threading.current_thread().name)
        return real_best(self, values, keys)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store.ChunkIndex, "best", best)
        patch.setattr(store, "in_chunk_matches", real_matches if precomputed else lambda *args: None)
        batch = import_job_create(paths=[path], extract=False, near_duplicates=policy)
        batch = import_job_run(batch_id=batch.pk)
    return batch, threads


def listed(batch: ImportBatch) -> list[tuple[int, str, str]]:
    """The job's near-duplicates: row, the URL of the article matched, decision."""
    urls = dict(Article.objects.values_list("pk", "url"))
    return [
        (item.row, urls[item.match_id], item.decision)
        for item in NearDuplicate.objects.filter(batch=batch).order_by("row")
    ]


@pytest.mark.parametrize("precomputed", [True, False])
def test_kept_rows_list_their_in_chunk_matches_computed_ahead(tmp_path, precomputed):
    """With "keep" every row is stored: the matches computed with the chunk are used, and the writing
    thread compares no row itself."""
    batch, threads = run(tmp_path, "keep", precomputed=precomputed)
    assert batch.rows_created == 4
    assert listed(batch) == [(4, "https://a.example/1", "keep"), (5, "https://a.example/1", "keep")]
    writer = threading.current_thread().name
    assert (writer in threads) is not precomputed


@pytest.mark.parametrize("precomputed", [True, False])
def test_held_rows_are_compared_by_the_writer(tmp_path, precomputed):
    """With "ask" a held row is not stored, so later rows must not be compared with it: the writer
    compares the rows itself (the matches computed ahead assumed every row stored)."""
    batch, threads = run(tmp_path, "ask", precomputed=precomputed)
    assert batch.rows_created == 2
    assert listed(batch) == [(4, "https://a.example/1", "pending"), (5, "https://a.example/1", "pending")]
    assert threading.current_thread().name in threads


def test_a_row_that_is_a_new_version_is_not_compared(tmp_path):
    """The first row's URL is stored with another text: the row becomes its next version and is no new
    text, so the rows after it are compared without it (by the writer: the matches computed ahead had
    it) and the third row's own copy is the one the fourth nearly duplicates."""
    Article.objects.create(url="https://a.example/1", title="Wire", body="A different first text.")
    batch, threads = run(tmp_path, "keep", precomputed=True)
    assert (batch.rows_created, batch.rows_versioned) == (3, 1)
    assert listed(batch) == [(5, "https://c.example/3", "keep")]
    assert threading.current_thread().name in threads


@pytest.mark.parametrize("seed", range(40))
def test_the_array_comparison_finds_what_the_index_finds_row_by_row(seed):
    """in_chunk_matches (array operations over the chunk) gives what a ChunkIndex fed row by row gives:
    the same match and similarity for every row, with crowded buckets (over BUCKET_SIZE earlier rows
    per key), a key repeated within a row, rows not comparable, and ties in both the counts and the
    similarities. No database."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 150))
    keys = rng.integers(0, int(rng.integers(2, 300)), size=(n, 32)).astype(np.int64)
    stories = rng.integers(0, 40, size=(int(rng.integers(1, 5)), 128)).astype(np.uint32)
    values = stories[rng.integers(0, len(stories), size=n)]
    edited = rng.random(size=values.shape) < rng.random() * 0.6
    values[edited] = rng.integers(0, 40, size=int(edited.sum()))
    checkable = (rng.random(n) < 0.9).tolist()
    expected = store.chunk_matches_by_index(values, keys.tolist(), checkable)
    assert store.in_chunk_matches(values, keys, checkable) == expected
    assert store.in_chunk_matches(values, keys.tolist(), checkable) == expected


def test_the_array_comparison_with_fewer_than_two_comparable_rows():
    import numpy as np

    values = np.zeros((3, 128), dtype=np.uint32)
    keys = np.ones((3, 32), dtype=np.int64)
    assert store.in_chunk_matches(values, keys, [False, True, False]) == [None, None, None]
    assert store.in_chunk_matches(values, keys, [True, False, True]) == [None, None, (0, 1.0)]
