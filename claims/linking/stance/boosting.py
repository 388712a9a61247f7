"""Gradient-boosted trees for the stance model: trained and run by LightGBM, saved in its own text format.

LightGBM's text model file is a documented, versioned format that LightGBM itself reads back (no
pickle, no private fields of another library), and its predictor is compiled code: scoring needs no
re-implementation of the trees here.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from pathlib import Path

import lightgbm as lgb
import numpy as np


class BoostedTrees:
    """One fitted LightGBM booster: binary (related or not) or multiclass (agree / disagree / discuss)."""

    def __init__(self, booster: lgb.Booster) -> None:
        self.booster = booster

    @classmethod
    def fit(
        cls,
        x: np.ndarray,
        y: np.ndarray,
        params: Mapping[str, object],
        rounds: int,
        weight: np.ndarray | None = None,
        seed: int = 0,
    ) -> BoostedTrees:
        """Return trees fitted on rows ``x`` with integer classes ``y`` (two classes: binary, else softmax)."""
        n_classes = int(y.max()) + 1
        objective = (
            {"objective": "binary"} if n_classes == 2 else {"objective": "multiclass", "num_class": n_classes}
        )
        settings = {
            **objective,
            **params,
            "seed": seed,
            "deterministic": True,
            "num_threads": 1,  # the machine is shared; threads contending for it only slow the fit down
            "verbosity": -1,
        }
        data = lgb.Dataset(x, label=y, weight=weight, free_raw_data=True)
        return cls(lgb.train(settings, data, num_boost_round=rounds))

    @classmethod
    def read(cls, path: Path) -> BoostedTrees:
        """Return the trees saved by :meth:`write` (a gzip-compressed LightGBM text model)."""
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(lgb.Booster(model_str=f.read()))

    def write(self, path: Path) -> None:
        """Save the trees as LightGBM's text model, gzip-compressed (no timestamp: same model, same file)."""
        text = self.booster.model_to_string().encode("utf-8")
        with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(text)

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Return class probabilities, one column per class (two for the binary model)."""
        if len(x) == 0:
            n = self.booster.num_model_per_iteration()
            return np.zeros((0, max(2, n)))
        p = np.asarray(self.booster.predict(np.asarray(x, dtype=np.float64), num_threads=1))
        if p.ndim == 1:
            return np.column_stack([1.0 - p, p])
        return p
