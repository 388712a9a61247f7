"""Near-duplicate articles: MinHash signatures of word shingles, LSH band keys, similarity.

Pure (no Django): the import computes a signature for each article text it stores, keeps the
signature and its band keys in the database, and looks up the stored articles sharing a band key
with an incoming text (the candidates); the decision is the signatures' estimated Jaccard similarity
against NEAR_DUPLICATE_THRESHOLD.

Why these numbers (tests/importing/test_near_duplicates.py checks each on texts written for it):
- Shingles of SHINGLE_WORDS (5) words, lower-cased, punctuation dropped: a header line added or
  removed, a correction note appended, a changed number or a different intro paragraph leave most
  5-word runs of a story intact (Jaccard 0.6-0.97), while two outlets' own stories on one event share
  only the odd quote and stock phrase (under 0.1).
- NEAR_DUPLICATE_THRESHOLD 0.5 sits between the two with room on both sides; with PERMUTATIONS (128)
  the estimate's standard error is about 0.045 at 0.5.
- A text under MIN_WORDS (40) words (a brief, a caption, a test's two sentences) is matched only by
  its exact text: with a dozen shingles, two briefs from one template differing in a number are
  already "near" (Jaccard about 0.5), which says nothing about their being one article.
- BANDS (32) of ROWS (4): a pair at Jaccard 0.5 shares at least one band key with probability 0.87,
  at 0.6 0.985, at 0.7 0.9999, while a pair at 0.1 does so with probability 0.003, so a new text is
  compared with a handful of stored ones, not with all of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
NEAR_DUPLICATE_THRESHOLD = 0.5
MIN_WORDS = 40
SEED = 1  # fixed: a signature stored today must compare with one computed next year
_WORD = re.compile(r"\w+")
# One MinHash holds the permutations (numbers drawn from SEED); copies share them, so building a
# signature costs only the hashing of its shingles.
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=SEED)
# The band keys' multipliers (odd) and offsets, drawn once from SEED: stored keys stay comparable.
_RANDOM = np.random.default_rng(SEED)
_MIX = _RANDOM.integers(1, 2**63, size=(BANDS, ROWS), dtype=np.uint64) | np.uint64(1)
_BAND_OFFSET = _RANDOM.integers(0, 2**63, size=BANDS, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class NearDuplicatePair:
    """Two texts (by index) whose estimated Jaccard similarity reaches the threshold; first < second."""

    first: int
    second: int
    similarity: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The runs of `size` consecutive words of `text` (lower-cased, punctuation dropped), as bytes; a
    text shorter than `size` words gives its words as one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def comparable(text: str) -> bool:
    """Whether `text` is long enough (MIN_WORDS words) to be compared by its shingles."""
    return sum(1 for _ in zip(range(MIN_WORDS), _WORD.finditer(text), strict=False)) >= MIN_WORDS


def signature(text: str) -> np.ndarray:
    """The MinHash signature of `text`'s shingles: PERMUTATIONS unsigned 32-bit values (datasketch)."""
    minhash = _TEMPLATE.copy()
    minhash.update_batch(list(shingles(text)))
    return np.array(minhash.hashvalues, dtype=np.uint32)


def signature_bytes(values: np.ndarray) -> bytes:
    """A signature as bytes for storing (little-endian uint32, 4 x PERMUTATIONS bytes)."""
    return values.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """A stored signature back as an array of uint32."""
    return np.frombuffer(bytes(data), dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the shingle sets behind two signatures: the share of equal
    values (0.0-1.0)."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(values: np.ndarray) -> list[int]:
    """One key per LSH band (BANDS of ROWS values each) as signed 64-bit integers. Each band's values are
    mixed by multipliers of their own (a multiply-add hash modulo 2**64, vectorised), so equal values in
    two different bands make different keys. Two texts are candidates when they share a key; a rare
    chance collision only costs one more comparison."""
    rows = values.astype(np.uint64).reshape(BANDS, ROWS)
    mixed = (rows * _MIX).sum(axis=1, dtype=np.uint64) + _BAND_OFFSET
    mixed ^= mixed >> np.uint64(31)
    return [int(key) for key in mixed.view(np.int64)]


def near_duplicate_pairs(
    signatures: Sequence[np.ndarray], threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> list[NearDuplicatePair]:
    """The pairs among `signatures` (by index) at or over `threshold`, found through shared band keys,
    in order of (first, second)."""
    buckets: dict[int, list[int]] = {}
    candidates: set[tuple[int, int]] = set()
    for index, values in enumerate(signatures):
        for key in band_keys(values):
            bucket = buckets.setdefault(key, [])
            candidates.update((other, index) for other in bucket)
            bucket.append(index)
    pairs = []
    for first, second in sorted(candidates):
        score = similarity(signatures[first], signatures[second])
        if score >= threshold:
            pairs.append(NearDuplicatePair(first, second, score))
    return pairs
