"""The stance model: does an article agree with, disagree with, discuss, or not relate to a claim?

Two stages of gradient-boosted trees over :mod:`claims.linking.stance.features`: first related vs
unrelated, then agree / disagree / discuss for related pairs. The shipped model lives in ``model/``
beside this file, nothing in it pickled: the two LightGBM text models (``related.txt.gz``,
``stance.txt.gz``), the TF-IDF vocabulary and idf (``vocab.json``, ``idf.npy``), and a record of how
it was trained (``training.json``).

A model trained with disagree's class weight raised (``--disagree-boost``) reads more disagree than the
data hold: right for FNC-1's macro-F1, wrong for the linker, whose rules turn a "disagree" into a lower
confidence or a conflict and were set for a model without the boost. :meth:`StanceModel.link_labels`
gives the linker the labels with the boost divided out (see :func:`unboosted`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from claims.linking.stance.boosting import BoostedTrees
from claims.linking.stance.features import Encode, FeatureBuilder, feature_names
from claims.linking.stance.metrics import LABELS
from claims.linking.stance.tfidf import TfidfIndex

DEFAULT_DIR = Path(__file__).resolve().parent / "model"
RELATED_THRESHOLD = 0.5


class StanceModel:
    """Predicts the stance of an article body towards a claim sentence."""

    labels = LABELS

    def __init__(
        self,
        index: TfidfIndex,
        related: BoostedTrees,
        stance: BoostedTrees,
        extras: Sequence[str] = (),
        encode: Encode | None = None,
        disagree_boost: float = 1.0,
    ) -> None:
        self.index = index
        self.related = related
        self.stance = stance
        self.extras = tuple(extras)
        self.disagree_boost = disagree_boost  # disagree's class weight x this at training
        if "encoder" in self.extras and encode is None:
            from claims.linking import encoder  # pure; raises EncoderUnavailable on use when not installed

            encode = encoder.encode
        self.features = FeatureBuilder(index, extras=self.extras, encode=encode)

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceModel:
        """Return the model saved in directory ``path`` (the shipped model, cached, when None)."""
        if path is None:
            return _default()
        return cls._read(Path(path))

    @classmethod
    def _read(cls, path: Path) -> StanceModel:
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        extras = tuple(vocab.get("extras", ()))
        if vocab.get("feature_names") != feature_names(extras):
            raise ValueError(f"{path} was trained with other features; retrain it")
        index = TfidfIndex(vocab["terms"], np.load(path / "idf.npy", allow_pickle=False))
        related = BoostedTrees.read(path / "related.txt.gz")
        stance = BoostedTrees.read(path / "stance.txt.gz")
        return cls(index, related, stance, extras, disagree_boost=float(vocab.get("disagree_boost", 1.0)))

    def fresh(self) -> StanceModel:
        """Return this model with an empty feature cache of its own (the trees and vocabulary shared)."""
        return StanceModel(
            self.index, self.related, self.stance, self.extras, disagree_boost=self.disagree_boost
        )

    def save(self, path: str | Path, info: dict[str, object] | None = None) -> None:
        """Write the model (and ``info`` as training.json) into directory ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        np.save(path / "idf.npy", self.index.idf.astype(np.float32), allow_pickle=False)
        vocab: dict[str, object] = {"feature_names": feature_names(self.extras), "terms": self.index.terms}
        if self.extras:
            vocab["extras"] = list(self.extras)
        if self.disagree_boost != 1.0:
            vocab["disagree_boost"] = self.disagree_boost
        (path / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
        self.related.write(path / "related.txt.gz")
        self.stance.write(path / "stance.txt.gz")
        if info is not None:
            (path / "training.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")

    def proba_matrix(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Return an (n, 4) array of probabilities in ``LABELS`` order for (claim, article) pairs."""
        if not pairs:
            return np.zeros((0, len(LABELS)))
        x = self.features.matrix(list(pairs))
        p_rel = self.related.proba(x)[:, 1]
        p_stance = self.stance.proba(x)  # agree, disagree, discuss given related
        return np.column_stack([p_stance * p_rel[:, None], 1.0 - p_rel])

    def predict_proba(self, claim: str, article: str) -> dict[str, float]:
        """Return the probability of each label (agree, disagree, discuss, unrelated); they sum to 1."""
        row = self.proba_matrix([(claim, article)])[0]
        return {label: float(p) for label, p in zip(LABELS, row, strict=True)}

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """Return one label per (claim, article text) pair.

        Unrelated when P(related) < 0.5, else the likeliest of agree / disagree / discuss: the two
        stages decide in turn, as trained, so a weakly related pair still gets its stance.
        """
        return decide(self.proba_matrix(pairs))

    def link_labels(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """Return one label per (claim, text) pair as :meth:`predict_many` does, but read at the class
        balance the data hold: the probabilities with disagree's training boost divided out."""
        return decide(unboosted(self.proba_matrix(pairs), self.disagree_boost))

    def predict(self, claim: str, article: str) -> str:
        """Return the stance label of ``article`` towards ``claim``."""
        return self.predict_many([(claim, article)])[0]


def decide(probs: np.ndarray) -> list[str]:
    """Return the label of each row of a :meth:`StanceModel.proba_matrix` result (see predict_many)."""
    out = []
    for row in probs:
        if 1.0 - row[3] < RELATED_THRESHOLD:
            out.append("unrelated")
        else:
            out.append(LABELS[int(np.argmax(row[:3]))])
    return out


def unboosted(probs: np.ndarray, disagree_boost: float) -> np.ndarray:
    """Return :meth:`StanceModel.proba_matrix` rows with disagree's class weight ``disagree_boost``
    divided out of the stance stage: disagree / boost, then agree, disagree and discuss rescaled to
    the same P(related). A boost of 1 returns the rows unchanged."""
    if disagree_boost == 1.0 or not len(probs):
        return probs
    out = probs.copy()
    stance = out[:, :3]
    stance[:, 1] /= disagree_boost
    total = stance.sum(axis=1, keepdims=True)
    out[:, :3] = np.divide(stance * (1.0 - out[:, 3:4]), total, out=np.zeros_like(stance), where=total > 0)
    return out


@lru_cache(maxsize=1)
def _default() -> StanceModel:
    return StanceModel._read(DEFAULT_DIR)
