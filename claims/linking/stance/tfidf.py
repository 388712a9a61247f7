"""A small TF-IDF index (sublinear tf, smoothed idf, l2 rows) that saves as plain arrays, no pickle.

Words outside the fitted vocabulary are not dropped: each is hashed (crc32, stable across runs) to one
of ``HASH_BUCKETS`` extra columns and weighted as a word seen once. A story on a new topic is mostly
new names and words, and they must still make a claim and its article similar.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

HASH_BUCKETS = 1 << 20


class TfidfIndex:
    """Maps token lists to l2-normalised sparse TF-IDF rows over a fixed vocabulary."""

    def __init__(self, vocab: Sequence[str], idf: np.ndarray) -> None:
        self.terms = list(vocab)
        self.index = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float64)
        # Unknown words count as rare as the rarest known word.
        self.default_idf = float(self.idf.max()) if len(self.idf) else 1.0
        self.width = len(self.terms) + HASH_BUCKETS

    def column(self, term: str) -> int:
        """Return the column of ``term``: its vocabulary index, else a hashed bucket after them."""
        i = self.index.get(term)
        if i is not None:
            return i
        return len(self.terms) + zlib.crc32(term.encode("utf-8")) % HASH_BUCKETS

    @classmethod
    def fit(cls, docs: Iterable[Sequence[str]], min_df: int = 2, max_terms: int = 30_000) -> TfidfIndex:
        """Return an index fitted on ``docs`` (token lists): the ``max_terms`` most frequent terms."""
        df: Counter[str] = Counter()
        n_docs = 0
        for doc in docs:
            n_docs += 1
            df.update(set(doc))
        kept = [t for t, c in df.items() if c >= min_df]
        kept.sort(key=lambda t: (-df[t], t))
        kept = kept[:max_terms]
        kept.sort()
        idf = np.array([np.log((1 + n_docs) / (1 + df[t])) + 1.0 for t in kept])
        return cls(kept, idf)

    def weight(self, term: str) -> float:
        """Return the idf of ``term`` (the largest idf for unknown terms)."""
        i = self.index.get(term)
        return self.default_idf if i is None else float(self.idf[i])

    def transform(self, docs: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Return a CSR matrix with one l2-normalised TF-IDF row per token list."""
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for doc in docs:
            counts = Counter(self.column(t) for t in doc)
            for j, c in sorted(counts.items()):
                indices.append(j)
                idf = self.idf[j] if j < len(self.terms) else self.default_idf
                data.append((1.0 + np.log(c)) * idf)
            indptr.append(len(indices))
        values = np.array(data, dtype=np.float64)
        bounds = np.array(indptr)
        # l2-normalise row by row on the stored values: a sparse product with a diagonal matrix would
        # cost time in the matrix's width (a million hashed columns) on every call.
        lengths = np.diff(bounds)
        squares = np.zeros(len(docs))
        filled = lengths > 0
        squares[filled] = np.add.reduceat(values * values, bounds[:-1][filled])
        norms = np.sqrt(squares)
        norms[norms == 0] = 1.0
        values *= np.repeat(1.0 / norms, lengths)
        return sp.csr_matrix(
            (values, np.array(indices, dtype=np.int64), bounds), shape=(len(docs), self.width)
        )
