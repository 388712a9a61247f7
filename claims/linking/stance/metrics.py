"""FNC-1 scoring: the competition's weighted score, accuracy, macro-F1 and the confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset(LABELS[:3])


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Return the FNC-1 score as a percentage of the best possible score on ``gold``."""
    score = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    return 100.0 * score / best if best else 0.0


def confusion(gold: Sequence[str], pred: Sequence[str]) -> list[list[int]]:
    """Return the confusion matrix: rows are gold labels, columns predictions, both in LABELS order."""
    m = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, pred, strict=True):
        m[LABELS.index(g)][LABELS.index(p)] += 1
    return m


def report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    """Return FNC score (pct), accuracy, macro-F1 over the four labels, per-label F1 and the confusion."""
    m = confusion(gold, pred)
    f1s = {}
    for i, label in enumerate(LABELS):
        tp = m[i][i]
        fp = sum(m[j][i] for j in range(len(LABELS))) - tp
        fn = sum(m[i]) - tp
        f1s[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    n = len(gold)
    return {
        "n_pairs": n,
        "fnc_score_pct": round(fnc_score(gold, pred), 2),
        "accuracy": round(sum(m[i][i] for i in range(len(LABELS))) / n, 4) if n else 0.0,
        "macro_f1": round(sum(f1s.values()) / len(LABELS), 4),
        "f1": {k: round(v, 4) for k, v in f1s.items()},
        "confusion": m,
    }
