"""The numpy tree walker gives exactly what walking each tree node by node gives."""

import numpy as np

from claims.linking.stance.trees import TreeEnsemble


def walk_one(ens: TreeEnsemble, row: np.ndarray) -> np.ndarray:
    out = ens.baseline.astype(float).copy()
    for root, k in zip(ens.roots, ens.outputs, strict=True):
        node = root
        while not ens.is_leaf[node]:
            v = row[ens.feature[node]]
            left = ens.missing_left[node] if np.isnan(v) else v <= ens.threshold[node]
            node = ens.left[node] if left else ens.right[node]
        out[k] += ens.value[node]
    return out


def test_vectorised_walk_matches_node_by_node():
    # two outputs, three small trees (node indices are global), with a missing-value branch
    ens = TreeEnsemble(
        feature=np.array([0, 0, 0, 1, 0, 0, 2, 0, 0], dtype=np.int32),
        threshold=np.array([0.5, 0, 0, -1.0, 0, 0, 2.0, 0, 0]),
        missing_left=np.array([True, False, False, False, False, False, True, False, False]),
        left=np.array([1, 0, 0, 4, 0, 0, 7, 0, 0], dtype=np.int32),
        right=np.array([2, 0, 0, 5, 0, 0, 8, 0, 0], dtype=np.int32),
        is_leaf=np.array([False, True, True, False, True, True, False, True, True]),
        value=np.array([0, 1.0, -1.0, 0, 0.25, 0.5, 0, 2.0, -2.0]),
        roots=np.array([0, 3, 6], dtype=np.int32),
        outputs=np.array([0, 1, 0], dtype=np.int32),
        baseline=np.array([0.1, -0.1]),
    )
    rng = np.random.default_rng(1)
    x = rng.normal(size=(300, 3)) * 2
    x[rng.random(x.shape) < 0.2] = np.nan
    expected = np.array([walk_one(ens, row) for row in x])
    assert np.allclose(ens.raw(x), expected, rtol=0, atol=1e-12)
    assert np.allclose(ens.raw(x, chunk=7), expected, rtol=0, atol=1e-12)  # chunk boundaries change nothing
