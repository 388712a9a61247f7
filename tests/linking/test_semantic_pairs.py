"""Nearest-vector candidates are picked a few rows of each matrix product at a time (bounded memory):
the same pairs as picking over the whole product at once, ties between equal vectors included."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from claims.linking.links import blocking


def _feats(vectors: np.ndarray, articles: list[int]) -> list:
    return [
        SimpleNamespace(item=SimpleNamespace(vector=v, article_id=a))
        for v, a in zip(vectors, articles, strict=True)
    ]


def _whole_product_pairs(feats, rows, per_claim, min_cosine) -> set[tuple[int, int]]:
    """The pairs as semantic_pairs picked them before: each chunk's product selected over at once."""
    have = [n for n, f in enumerate(feats) if f.item.vector is not None]
    matrix = np.stack([np.asarray(feats[n].item.vector, dtype=np.float32) for n in have])
    numbers: dict = {}
    article = np.array([numbers.setdefault(feats[n].item.article_id, len(numbers)) for n in have])
    wanted = [r for r, n in enumerate(have) if rows is None or n in rows]
    k = min(per_claim, len(have) - 1)
    pairs = set()
    for start in range(0, len(wanted), blocking.SEMANTIC_CHUNK):
        chunk = np.array(wanted[start : start + blocking.SEMANTIC_CHUNK])
        sims = matrix[chunk] @ matrix.T
        sims[article[chunk][:, None] == article[None, :]] = -1.0
        nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, row in enumerate(chunk):
            cols = nearest[r]
            for c in cols[sims[r, cols] >= min_cosine]:
                i, j = have[row], have[int(c)]
                pairs.add((i, j) if i < j else (j, i))
    return pairs


@pytest.mark.parametrize("chunk", [1024, 50])
def test_rows_picked_a_few_at_a_time_give_the_pairs_of_the_whole_product(monkeypatch, chunk):
    monkeypatch.setattr(blocking, "SEMANTIC_CHUNK", chunk)
    rng = np.random.default_rng(7)
    topics = rng.standard_normal((12, 16)).astype(np.float32)
    # statements near one of a few topics, some repeated word for word (equal vectors: ties), in 40
    # articles, a few without a vector
    vectors = topics[rng.integers(0, 12, 400)] + 0.35 * rng.standard_normal((400, 16)).astype(np.float32)
    vectors[200:260] = vectors[100:160]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    feats = _feats(vectors, [int(a) for a in rng.integers(0, 40, 400)])
    for n in (3, 77, 390):
        feats[n].item.vector = None
    for rows in (None, set(range(0, 400, 3))):
        expected = _whole_product_pairs(feats, rows, blocking.SEMANTIC_PER_CLAIM, 0.75)
        assert len(expected) > 100
        assert blocking.semantic_pairs(feats, rows=rows) == expected
