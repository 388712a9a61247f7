"""Stance scoring with FNC-1's weighted score, accuracy and macro-F1.

FNC-1 score per pair: +0.25 when gold and prediction are both "unrelated" or both related (agree,
disagree or discuss), and +0.75 more when the gold is related and the prediction is exactly it. So
an unrelated pair is worth at most 0.25 and a related one 1.0; "fnc_score_pct" is the score as a
percentage of what the perfect prediction (the gold itself) scores.

Macro-F1 averages the per-label F1 over the four labels, leaving out a label that occurs neither in
the gold nor in the predictions (its F1 is undefined); a label that occurs on one side only has F1 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from .gold import STANCE_LABELS

RELATED = frozenset(("agree", "disagree", "discuss"))


def fnc_pair_score(gold: str, predicted: str) -> float:
    """FNC-1's score for one pair (0, 0.25 or 1.0)."""
    score = 0.0
    if (gold in RELATED) == (predicted in RELATED):
        score += 0.25
    if gold in RELATED and gold == predicted:
        score += 0.75
    return score


def score_stance(gold_labels: Sequence[str], predicted_labels: Sequence[str]) -> dict[str, object]:
    """{"fnc_score_pct", "accuracy", "macro_f1", "f1_per_label", "pairs"} for aligned gold and
    predicted labels ("f1_per_label": {label: F1 or None where the label occurs on neither side}).

    Raises ValueError when the lists differ in length or hold a label outside the four.
    """
    if len(gold_labels) != len(predicted_labels):
        raise ValueError(f"{len(gold_labels)} gold labels but {len(predicted_labels)} predictions")
    unknown = (set(gold_labels) | set(predicted_labels)) - set(STANCE_LABELS)
    if unknown:
        raise ValueError(f"unknown stance labels {sorted(unknown)} (expected {STANCE_LABELS})")
    if not gold_labels:
        return {"fnc_score_pct": None, "accuracy": None, "macro_f1": None, "f1_per_label": {}, "pairs": 0}
    score = sum(fnc_pair_score(g, p) for g, p in zip(gold_labels, predicted_labels, strict=True))
    best = sum(fnc_pair_score(g, g) for g in gold_labels)
    correct = sum(g == p for g, p in zip(gold_labels, predicted_labels, strict=True))
    f1s = []
    per_label: dict[str, float | None] = {}
    for label in STANCE_LABELS:
        true_pos = sum(g == p == label for g, p in zip(gold_labels, predicted_labels, strict=True))
        n_gold, n_pred = gold_labels.count(label), predicted_labels.count(label)
        per_label[label] = round(2 * true_pos / (n_gold + n_pred), 4) if n_gold + n_pred else None
        if n_gold + n_pred:
            f1s.append(2 * true_pos / (n_gold + n_pred))
    return {
        "fnc_score_pct": round(100 * score / best, 2),
        "accuracy": round(correct / len(gold_labels), 4),
        "macro_f1": round(sum(f1s) / len(f1s), 4),
        "f1_per_label": per_label,
        "pairs": len(gold_labels),
    }
