"""TF-IDF rows for the stance features, by scikit-learn's vectorizers, saved as plain arrays (no pickle).

Training fits a :class:`~sklearn.feature_extraction.text.TfidfVectorizer` (sublinear tf, smoothed idf,
l2 rows) on the content words of the training bodies and claims; the model ships only its vocabulary
and idf, and loading rebuilds the vectorizers from them.

Words outside the fitted vocabulary are not dropped: scikit-learn's ``HashingVectorizer`` puts each in
one of ``HASH_BUCKETS`` extra columns, weighted as rare as the rarest known word. A story on a new topic
is mostly new names and words, and they must still make a claim and its article similar.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import (
    CountVectorizer,
    HashingVectorizer,
    TfidfTransformer,
    TfidfVectorizer,
)

HASH_BUCKETS = 1 << 20


def _as_is(doc: Sequence[str]) -> Sequence[str]:
    """The vectorizers' analyzer: documents arrive already tokenised (claims.linking.stance.text)."""
    return doc


class TfidfIndex:
    """Maps token lists to l2-normalised sparse TF-IDF rows over a fixed vocabulary plus hashed words."""

    def __init__(self, vocab: Sequence[str], idf: np.ndarray) -> None:
        self.terms = list(vocab)
        self.index = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float64)
        # Unknown words count as rare as the rarest known word.
        self.default_idf = float(self.idf.max()) if len(self.idf) else 1.0
        self.width = len(self.terms) + HASH_BUCKETS
        index = self.index
        self._known = CountVectorizer(analyzer=_as_is, vocabulary=index or {"": 0})
        self._unknown = HashingVectorizer(
            analyzer=lambda doc: [t for t in doc if t not in index],
            n_features=HASH_BUCKETS,
            alternate_sign=False,
            norm=None,
        )
        self._weigh = TfidfTransformer(sublinear_tf=True)
        self._weigh.idf_ = np.concatenate([self.idf, np.full(HASH_BUCKETS, self.default_idf)])

    @classmethod
    def fit(cls, docs: Iterable[Sequence[str]], min_df: int = 2, max_terms: int = 30_000) -> TfidfIndex:
        """Return an index fitted on ``docs`` (token lists): at most ``max_terms`` of the most used terms
        found in ``min_df`` documents or more."""
        vectorizer = TfidfVectorizer(
            analyzer=_as_is, min_df=min_df, max_features=max_terms, sublinear_tf=True
        )
        vectorizer.fit(list(docs))
        return cls(vectorizer.get_feature_names_out().tolist(), vectorizer.idf_)

    def weight(self, term: str) -> float:
        """Return the idf of ``term`` (the largest idf for unknown terms)."""
        i = self.index.get(term)
        return self.default_idf if i is None else float(self.idf[i])

    def transform(self, docs: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Return a CSR matrix with one l2-normalised TF-IDF row per token list."""
        known = self._known.transform(docs)
        if not self.terms:
            known = sp.csr_matrix((len(docs), 0), dtype=np.float64)
        counts = sp.hstack([known, self._unknown.transform(docs)], format="csr", dtype=np.float64)
        rows = sp.csr_matrix(self._weigh.transform(counts))
        rows.sort_indices()
        return rows
