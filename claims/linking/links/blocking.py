"""Candidate pairs for linking from inverted indexes on rare keys, never from all pairs of claims."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence

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
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of claims in different articles that share at least `min_shared` rare keys.

    Keys held by more than `max_posting` claims say nothing specific and are not used; each claim keeps
    its `per_claim` candidates that share the most keys and reads only its `max_keys` rarest keys, so
    the work per claim stays bounded and the total grows with the number of claims.
    """
    postings: dict[Hashable, list[int]] = defaultdict(list)
    claim_keys = []
    for i, f in enumerate(feats):
        ks = set(keys_of(f))
        claim_keys.append(ks)
        for k in ks:
            postings[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(claim_keys):
        shared: dict[int, int] = defaultdict(int)
        rarest = sorted(ks, key=lambda k: (len(postings[k]), str(k)))[:max_keys]
        for k in rarest:
            posting = postings[k]
            if len(posting) > max_posting:
                continue
            for j in posting:
                if j != i and feats[j].item.article_id != feats[i].item.article_id:
                    shared[j] += 1
        best = sorted((j for j, n in shared.items() if n >= min_shared), key=lambda j: (-shared[j], j))
        for j in best[:per_claim]:
            pairs.add((min(i, j), max(i, j)))
    return pairs
