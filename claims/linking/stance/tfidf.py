"""A small TF-IDF index (sublinear tf, smoothed idf, l2 rows) that saves as plain arrays, no pickle."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp


class TfidfIndex:
    """Maps token lists to l2-normalised sparse TF-IDF rows over a fixed vocabulary."""

    def __init__(self, vocab: Sequence[str], idf: np.ndarray) -> None:
        self.terms = list(vocab)
        self.index = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float64)
        # Unknown words count as rare as the rarest known word when weighting overlaps.
        self.default_idf = float(self.idf.max()) if len(self.idf) else 1.0

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
            counts = Counter(self.index[t] for t in doc if t in self.index)
            for j, c in sorted(counts.items()):
                indices.append(j)
                data.append((1.0 + np.log(c)) * self.idf[j])
            indptr.append(len(indices))
        mat = sp.csr_matrix(
            (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=(len(docs), len(self.terms)),
        )
        norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ mat)
