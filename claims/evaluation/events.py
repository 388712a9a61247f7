"""Event clustering scores: pairwise precision/recall/F1 and B-cubed.

Both clusterings are lists of lists of article keys. The articles scored are those of `articles`
when given (normally every article of the corpus), else every key either clustering names. An
article that a clustering leaves out is a singleton in it, so articles in no gold event are gold
singletons and an article the system did not cluster is a predicted singleton. An article that two
gold events name is ambiguous gold and is left out of both clusterings and of the scores; in the
predictions a key may appear in at most one cluster (ValueError otherwise).

Pairwise: a true pair is two articles together in a gold event and in a predicted cluster;
precision = true pairs / predicted pairs, recall = true pairs / gold pairs. When a side has no pairs
its ratio is 1.0 if the other side has none either (nothing to get wrong), else 0.0.
B-cubed: for each article, precision = |its predicted cluster ∩ its gold cluster| / |predicted
cluster|, recall the same over |gold cluster|; both are averaged over articles and bcubed_f1 is
their harmonic mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def _membership(clusters: Sequence[Sequence[str]], universe: set[str], name: str) -> dict[str, int]:
    member: dict[str, int] = {}
    for number, cluster in enumerate(clusters):
        for key in cluster:
            if key in member and member[key] != number:
                raise ValueError(f"article {key!r} is in two {name} clusters")
            member[key] = number
    for number, key in enumerate(sorted(universe - set(member)), start=len(clusters)):
        member[key] = number  # a singleton of its own
    return member


def _pairs(member: dict[str, int], keys: list[str]) -> set[tuple[str, str]]:
    groups: dict[int, list[str]] = {}
    for key in keys:
        groups.setdefault(member[key], []).append(key)
    return {(a, b) for group in groups.values() for i, a in enumerate(group) for b in group[i + 1 :]}


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_events(
    gold_events: Sequence[Sequence[str]],
    predicted_clusters: Sequence[Sequence[str]],
    articles: Iterable[str] | None = None,
) -> dict[str, float | int]:
    """{"pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_precision", "bcubed_recall",
    "bcubed_f1", "articles" (how many were scored)} of `predicted_clusters` against `gold_events`
    (see the module docstring)."""
    named = {key for cluster in [*gold_events, *predicted_clusters] for key in cluster}
    universe = set(articles) if articles is not None else named
    extra = named - universe
    if extra:
        raise ValueError(f"clusters name articles outside the scored set: {sorted(extra)[:3]}")
    named_in_gold = [key for event in gold_events for key in set(event)]
    ambiguous = {key for key in named_in_gold if named_in_gold.count(key) > 1}
    universe -= ambiguous
    keys = sorted(universe)
    gold = _membership([[k for k in e if k in universe] for e in gold_events], universe, "gold")
    predicted = _membership(
        [[k for k in c if k in universe] for c in predicted_clusters], universe, "predicted"
    )
    gold_pairs, predicted_pairs = _pairs(gold, keys), _pairs(predicted, keys)
    true_pairs = len(gold_pairs & predicted_pairs)
    nothing = not gold_pairs and not predicted_pairs
    precision = true_pairs / len(predicted_pairs) if predicted_pairs else float(nothing)
    recall = true_pairs / len(gold_pairs) if gold_pairs else float(nothing)

    gold_size: dict[int, int] = {}
    predicted_size: dict[int, int] = {}
    both_size: dict[tuple[int, int], int] = {}
    for key in keys:
        gold_size[gold[key]] = gold_size.get(gold[key], 0) + 1
        predicted_size[predicted[key]] = predicted_size.get(predicted[key], 0) + 1
        both = (gold[key], predicted[key])
        both_size[both] = both_size.get(both, 0) + 1
    b_precision = b_recall = 0.0
    for key in keys:
        shared = both_size[gold[key], predicted[key]]
        b_precision += shared / predicted_size[predicted[key]]
        b_recall += shared / gold_size[gold[key]]
    n = len(keys) or 1
    b_precision, b_recall = (b_precision / n, b_recall / n) if keys else (1.0, 1.0)
    return {
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(_harmonic(precision, recall), 4),
        "bcubed_precision": round(b_precision, 4),
        "bcubed_recall": round(b_recall, 4),
        "bcubed_f1": round(_harmonic(b_precision, b_recall), 4),
        "articles": len(keys),
    }
