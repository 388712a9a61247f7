"""Candidate pairs for linking from inverted indexes on rare keys, never from all pairs of claims, and
from the nearest sentence vectors (the paraphrases that share no rare word)."""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from itertools import chain

import numpy as np

from .features import ClaimFeatures


class KeyWeights:
    """Inverse document frequency of keys over the claims of one kind (rarer keys weigh more)."""

    def __init__(self, key_sets: Iterable[Iterable[str]], prior: int = 10) -> None:
        self.df: dict[str, int] = defaultdict(int)
        n = 0
        for keys in key_sets:
            n += 1
            for k in set(keys):
                self.df[k] += 1
        # a few unseen claims keep a key shared by two of five claims from weighing nothing, while words
        # every claim of a one-topic set shares ("russian", "military") still weigh little
        self.n = n + prior
        self._idf: dict[str, float] = {}

    def idf(self, key: str) -> float:
        """log(N / df) of `key` (higher for rarer keys)."""
        value = self._idf.get(key)
        if value is None:
            value = self._idf[key] = math.log((self.n + 1) / (self.df.get(key, 0) + 1))
        return value

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted share of the lighter set that the other set also has (0..1)."""
        if not a or not b:
            return 0.0
        shared = math.fsum(self.idf(k) for k in a & b)
        lighter = min(math.fsum(self.idf(k) for k in a), math.fsum(self.idf(k) for k in b))
        return shared / lighter if lighter else 0.0

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Cosine of the two key sets with IDF weights (0..1): long and short texts are treated alike."""
        if not a or not b:
            return 0.0
        sq = self.idf
        shared = math.fsum(sq(k) ** 2 for k in a & b)
        return shared / math.sqrt(math.fsum(sq(k) ** 2 for k in a) * math.fsum(sq(k) ** 2 for k in b))


def candidate_pairs(
    feats: Sequence[ClaimFeatures],
    keys_of: Callable[[ClaimFeatures], Iterable[Hashable]],
    *,
    max_posting: int = 60,
    per_claim: int = 30,
    min_shared: int = 1,
    max_keys: int = 10,
    local: Callable[[Hashable], bool] | None = None,
    window_days: int = 30,
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of claims in different articles that share at least `min_shared` rare keys.

    Keys held by more than `max_posting` claims say nothing specific and are not used; each claim keeps
    its `per_claim` candidates that share the most keys and reads only its `max_keys` rarest keys, so
    the work per claim stays bounded and the total grows with the number of claims.

    Keys for which `local(key)` holds (a speaker: one person speaks on many days) count only between
    claims published within `window_days` of each other (or undated), so a key that grows with the years
    a corpus covers does not make the work per claim grow with them.
    """
    postings: dict[Hashable, list[int]] = defaultdict(list)
    claim_keys = []
    for i, f in enumerate(feats):
        ks = set(keys_of(f))
        claim_keys.append(ks)
        for k in ks:
            postings[k].append(i)
    # the rarest keys first, ties by their text: one global order instead of a sort key per claim
    rank = {k: n for n, k in enumerate(sorted(postings, key=lambda k: (len(postings[k]), str(k))))}
    days = _Days(feats, window_days)
    article = [f.item.article_id for f in feats]
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(claim_keys):
        rarest = sorted(ks, key=rank.__getitem__)[:max_keys] if len(ks) > max_keys else ks
        lists = []
        for k in rarest:
            posting = postings[k]
            if 1 < len(posting) <= max_posting:
                lists.append(days.near(i, posting) if local is not None and local(k) else posting)
        shared = Counter(chain.from_iterable(lists))
        own = article[i]
        found = [(-n, j) for j, n in shared.items() if n >= min_shared and article[j] != own]
        best = heapq.nsmallest(per_claim, found) if len(found) > per_claim else found
        for _, j in best:
            pairs.add((i, j) if i < j else (j, i))
    return pairs


class _Days:
    """Publication days of claims, and the part of a posting list published near a claim's day."""

    def __init__(self, feats: Sequence[ClaimFeatures], window_days: int) -> None:
        self.day = [f.item.published.toordinal() if f.item.published else None for f in feats]
        self.window = window_days
        # id of a posting list -> the days and ids of its dated claims in day order, and its undated ones
        self._sorted: dict[int, tuple[list[int], list[int], list[int]]] = {}

    def near(self, i: int, posting: list[int]) -> list[int]:
        day = self.day[i]
        if day is None:
            return posting
        index = self._sorted.get(id(posting))
        if index is None:
            dated = sorted((d, j) for j in posting if (d := self.day[j]) is not None)
            undated = [j for j in posting if self.day[j] is None]
            index = self._sorted[id(posting)] = ([d for d, _ in dated], [j for _, j in dated], undated)
        days, ids, undated = index
        lo = bisect.bisect_left(days, day - self.window)
        hi = bisect.bisect_right(days, day + self.window)
        return ids[lo:hi] + undated if undated else ids[lo:hi]


SEMANTIC_PER_CLAIM = 5  # each claim's nearest statements by meaning that join its candidates
SEMANTIC_MIN = 0.75  # ... when at least this close (cosine of sentence vectors; one-topic news reaches 0.7)
SEMANTIC_CHUNK = 1024  # rows per matrix product: bounded memory on a corpus
SEMANTIC_SELECT = 64  # rows of a product whose nearest are picked at once


def semantic_pairs(
    feats: Sequence[ClaimFeatures],
    *,
    rows: Collection[int] | None = None,
    per_claim: int = SEMANTIC_PER_CLAIM,
    min_cosine: float = SEMANTIC_MIN,
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of claims in different articles whose sentence vectors are among each other's
    `per_claim` nearest with a cosine of at least `min_cosine`: the paraphrases and reworded remarks
    that share too few rare words for `candidate_pairs`. Claims without a vector take no part; with
    `rows`, only those claims look for neighbours (among all claims).
    """
    have = [n for n, f in enumerate(feats) if f.item.vector is not None]
    if len(have) < 2:
        return set()
    matrix = np.stack([np.asarray(feats[n].item.vector, dtype=np.float32) for n in have])
    numbers: dict[Hashable, int] = {}
    article = np.array([numbers.setdefault(feats[n].item.article_id, len(numbers)) for n in have])
    wanted = [r for r, n in enumerate(have) if rows is None or n in rows]
    pairs: set[tuple[int, int]] = set()
    k = min(per_claim, len(have) - 1)
    for start in range(0, len(wanted), SEMANTIC_CHUNK):
        chunk = np.array(wanted[start : start + SEMANTIC_CHUNK])
        sims = matrix[chunk] @ matrix.T
        # each row's nearest are picked a few rows at a time: selecting over the whole chunk at once
        # held a negated copy, a same-article mask and int64 indices of it beside it (17 bytes per
        # cosine, 31 MB at the peak of a 300-article follow-up), for the same picks row by row
        for sub in range(0, len(chunk), SEMANTIC_SELECT):
            rows_here = chunk[sub : sub + SEMANTIC_SELECT]
            block = sims[sub : sub + SEMANTIC_SELECT]
            block[article[rows_here][:, None] == article[None, :]] = -1.0  # never within one article
            nearest = np.argpartition(-block, k - 1, axis=1)[:, :k]
            close = np.take_along_axis(block, nearest, axis=1) >= min_cosine
            for r, c in zip(*np.nonzero(close), strict=True):
                i, j = have[int(rows_here[r])], have[int(nearest[r, c])]
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def semantic_similarity(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """Cosine of the two claims' sentence vectors, None when either has none."""
    va, vb = a.item.vector, b.item.vector
    if va is None or vb is None:
        return None
    return float(np.dot(va, vb))
