"""Gradient-boosted trees as plain arrays: exported from scikit-learn, evaluated with numpy.

Shipping the trees as numeric arrays (``.npz`` loaded with ``allow_pickle=False``) means loading the
model never unpickles code, and does not depend on scikit-learn's private pickle layout.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_FIELDS = ("feature", "threshold", "missing_left", "left", "right", "is_leaf", "value")


@dataclass
class TreeEnsemble:
    """All trees of one boosted model; node indices are global into the concatenated arrays."""

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray  # first node of each tree
    outputs: np.ndarray  # which raw output column each tree adds to
    baseline: np.ndarray  # raw score before any tree, per output

    @classmethod
    def from_sklearn(cls, model: object) -> TreeEnsemble:
        """Return the trees of a fitted HistGradientBoostingClassifier (numeric features only)."""
        cols: dict[str, list[np.ndarray]] = {f: [] for f in _FIELDS}
        roots, outputs, offset = [], [], 0
        for iteration in model._predictors:  # type: ignore[attr-defined]
            for out, predictor in enumerate(iteration):
                nodes = predictor.nodes
                if nodes["is_categorical"].any():
                    raise ValueError("categorical splits are not supported")
                roots.append(offset)
                outputs.append(out)
                cols["feature"].append(nodes["feature_idx"].astype(np.int32))
                cols["threshold"].append(nodes["num_threshold"].astype(np.float64))
                cols["missing_left"].append(nodes["missing_go_to_left"].astype(bool))
                cols["left"].append(nodes["left"].astype(np.int32) + offset)
                cols["right"].append(nodes["right"].astype(np.int32) + offset)
                cols["is_leaf"].append(nodes["is_leaf"].astype(bool))
                cols["value"].append(nodes["value"].astype(np.float64))
                offset += len(nodes)
        arrays = {f: np.concatenate(v) for f, v in cols.items()}
        baseline = np.asarray(model._baseline_prediction, dtype=np.float64).ravel()  # type: ignore[attr-defined]
        return cls(
            **arrays,
            roots=np.array(roots, dtype=np.int32),
            outputs=np.array(outputs, dtype=np.int32),
            baseline=baseline,
        )

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Return the arrays to save, their names starting with ``prefix``."""
        names = (*_FIELDS, "roots", "outputs", "baseline")
        return {f"{prefix}{n}": getattr(self, n) for n in names}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray] | np.lib.npyio.NpzFile, prefix: str) -> TreeEnsemble:
        """Return the ensemble stored by :meth:`to_arrays` under ``prefix``."""
        names = (*_FIELDS, "roots", "outputs", "baseline")
        return cls(**{n: np.asarray(arrays[f"{prefix}{n}"]) for n in names})

    def raw(self, x: np.ndarray, chunk: int = 8192) -> np.ndarray:
        """Return the raw scores (samples x outputs) of feature rows ``x``."""
        x = np.asarray(x, dtype=np.float64)
        out = np.tile(self.baseline, (len(x), 1))
        n_trees = len(self.roots)
        for start in range(0, len(x), chunk):
            block = x[start : start + chunk]
            m, width = block.shape
            flat = block.ravel()
            # One (row, tree) walker per entry, row-major; each step moves the walkers not yet on a
            # leaf one level down, and only those: most paths end long before the deepest one.
            node = np.tile(self.roots, m)
            base = np.repeat(np.arange(m) * width, n_trees)
            walking = np.flatnonzero(~self.is_leaf[node])
            while walking.size:
                at = node[walking]
                vals = flat[base[walking] + self.feature[at]]
                go_left = np.where(np.isnan(vals), self.missing_left[at], vals <= self.threshold[at])
                at = np.where(go_left, self.left[at], self.right[at])
                node[walking] = at
                walking = walking[~self.is_leaf[at]]
            leaf = self.value[node].reshape(m, n_trees)
            for k in range(len(self.baseline)):
                out[start : start + m, k] += leaf[:, self.outputs == k].sum(axis=1)
        return out

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Return class probabilities: sigmoid for one output (2 classes), softmax otherwise."""
        raw = self.raw(x)
        if raw.shape[1] == 1:
            p = 1.0 / (1.0 + np.exp(-raw[:, 0]))
            return np.column_stack([1.0 - p, p])
        raw = raw - raw.max(axis=1, keepdims=True)
        e = np.exp(raw)
        return e / e.sum(axis=1, keepdims=True)
