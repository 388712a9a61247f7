"""Candidate pairs for linking from inverted indexes on rare keys, never from all pairs of claims."""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import chain

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
        shared = sum(self.idf(k) for k in a & b)
        lighter = min(sum(self.idf(k) for k in a), sum(self.idf(k) for k in b))
        return shared / lighter if lighter else 0.0

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Cosine of the two key sets with IDF weights (0..1): long and short texts are treated alike."""
        if not a or not b:
            return 0.0
        sq = self.idf
        shared = sum(sq(k) ** 2 for k in a & b)
        return shared / math.sqrt(sum(sq(k) ** 2 for k in a) * sum(sq(k) ** 2 for k in b))


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
            dated = sorted((self.day[j], j) for j in posting if self.day[j] is not None)
            undated = [j for j in posting if self.day[j] is None]
            index = self._sorted[id(posting)] = ([d for d, _ in dated], [j for _, j in dated], undated)
        days, ids, undated = index
        lo = bisect.bisect_left(days, day - self.window)
        hi = bisect.bisect_right(days, day + self.window)
        return ids[lo:hi] + undated if undated else ids[lo:hi]
