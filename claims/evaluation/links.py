"""Link scoring: the system's corroborate/contradict links against the gold links and not_links.

System links are passed as tuples (article key, claim index, article key, claim index, relation),
the claim indexes pointing into the extracted claim lists given to `score_claims`; a suggested and a
confirmed link are treated alike. Links are unordered: (x, y) and (y, x) with one relation are one
link, and duplicates count once.

A system link is mapped to gold through the one-to-one claim matching of `score_claims` (its
"matched" map): it *finds* gold link {a, b, relation} when one end matches gold claim a, the other
gold claim b, and the relation is the same. A not_link violation is a system link that a not_links
entry names in the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .claims import ClaimKey, ratio
from .gold import RELATIONS, Corpus

SystemLink = tuple[str, int, str, int, str]


def _gold_pairs(
    entries: Iterable[Mapping[str, Any]],
) -> list[tuple[frozenset[str], str]]:
    return [(frozenset((entry["a"], entry["b"])), entry["relation"]) for entry in entries]


def score_links(
    corpus: Corpus,
    matched: Mapping[ClaimKey, str],
    suggested_links: Iterable[SystemLink],
) -> dict[str, Any]:
    """Link figures: {"gold", "found", "recall", "not_links", "not_link_violations", "suggested",
    "suggested_on_gold_claims", "missed"}.

    "suggested" counts distinct system links; "suggested_on_gold_claims" those whose two ends both
    match gold claims (the only ones the gold can judge); "missed" lists the gold links not found
    as [a, b, relation].
    """
    system: set[tuple[frozenset[ClaimKey], str]] = set()
    for a_article, a_index, b_article, b_index, relation in suggested_links:
        if relation not in RELATIONS:
            raise ValueError(f"unknown link relation {relation!r} (expected one of {RELATIONS})")
        system.add((frozenset(((a_article, a_index), (b_article, b_index))), relation))
    judged: set[tuple[frozenset[str], str]] = set()
    n_judged = 0
    for ends, relation in system:
        gold_ends = {matched.get(end) for end in ends}
        if len(ends) == 2 and None not in gold_ends and len(gold_ends) == 2:
            judged.add((frozenset(gold_ends), relation))  # type: ignore[arg-type]
            n_judged += 1
    gold = _gold_pairs(corpus.links)
    found = [pair for pair in gold if pair in judged]
    violations = [pair for pair in _gold_pairs(corpus.not_links) if pair in judged]
    return {
        "gold": len(gold),
        "found": len(found),
        "recall": ratio(len(found), len(gold)),
        "not_links": len(corpus.not_links),
        "not_link_violations": len(violations),
        "suggested": len(system),
        "suggested_on_gold_claims": n_judged,
        "missed": [
            [entry["a"], entry["b"], entry["relation"]]
            for entry, pair in zip(corpus.links, gold, strict=True)
            if pair not in judged
        ],
    }
