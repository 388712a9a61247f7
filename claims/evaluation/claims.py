"""Claim scoring: one-to-one matching of extracted claims to gold claims, then per-kind figures.

Matching. Within each article and kind, gold and extracted claims form a bipartite graph whose edges
are the *found* pairs (`rules.is_found`). We take a maximum-weight matching (scipy's assignment
solver) whose weight is lexicographic: first the number of right pairs (value right), then for
quantities the number right with the unit, then the number of found pairs, then the summed span
overlap (Jaccard) as a tie-break. So one extracted claim matches at most one gold claim and
vice versa, and a right pairing is never given up for a merely found one.

Figures per kind ("quantity", "date", "statement", and "statement_direct" = the gold statements with
"direct": true, matched within the same statement matching against all extracted statements):
- gold: gold claims of the kind; found: extracted claims of the kind (for statement_direct, the
  extracted statements marked direct: informative only); gold_found: gold claims matched;
  right: matched pairs whose value is right; recall_found = gold_found / gold;
  recall_right = right / gold.
- for kinds listed in the corpus "exhaustive": precision = right / found, i.e. the share of
  extracted claims that matched a gold claim *and* got its value right (an extracted claim that
  overlaps a gold claim with a wrong value counts against precision); f1 = 2 * right / (gold + found),
  the harmonic mean of that precision and recall_right (defined as 0 when nothing is right).
  Quantities also get right_unit, recall_right_unit, precision_unit and right_unit_f1 with
  value-and-unit matches. statement_direct gets no precision (extracted claims are not split by
  the gold's "direct").
- for kinds not exhaustive: unmatched = extracted claims of the kind that matched no gold claim.
  `unmatched_per_article` is {kind: unmatched / number of articles in the corpus} for every kind
  not in "exhaustive" (including kinds the corpus has no gold for), so its values are averages
  over all articles.

- right_above_confidence: {level: {"claims", "right", "share"}} for each level of
  CONFIDENCE_LEVELS: the stored claims of the kind whose confidence is at least the level, how many
  of them matched a gold claim with the right value, and that share (for kinds not exhaustive an
  unmatched claim may be a true claim the gold does not name, so the share is a lower bound there).

Ratios are rounded to 4 decimals; a ratio with a zero denominator is None.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from .gold import KINDS, Corpus, GoldClaim
from .rules import is_found, is_right, overlap_share, unit_matches

CONFIDENCE_LEVELS = (0.0, 0.3, 0.5, 0.7, 0.9)

ClaimKey = tuple[str, int]  # (article key, index of the claim in that article's extracted list)


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    gold_id: str
    article: str
    index: int  # position in extracted[article]
    right: bool
    right_unit: bool  # quantities: value and unit right; other kinds: same as right


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator rounded to 4 decimals, or None when the denominator is 0."""
    return round(numerator / denominator, 4) if denominator else None


def _match_group(golds: list[GoldClaim], candidates: list[tuple[int, Any]], article: str) -> list[ClaimMatch]:
    """The lexicographically best one-to-one matching of gold and extracted claims (one article, one kind)."""
    size = min(len(golds), len(candidates)) + 1  # base of the lexicographic weight
    weights = np.zeros((len(golds), len(candidates)))
    verdicts: dict[tuple[int, int], tuple[bool, bool]] = {}
    for gi, gold in enumerate(golds):
        for ci, (_, claim) in enumerate(candidates):
            if not is_found(gold, claim):
                continue
            right = is_right(gold, claim)
            right_unit = right and (gold.kind != "quantity" or unit_matches(gold.unit, claim))
            verdicts[gi, ci] = (right, right_unit)
            weights[gi, ci] = right * size**3 + right_unit * size**2 + size + overlap_share(gold, claim)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    matches = []
    for gi, ci in zip(rows, cols, strict=True):
        if (gi, ci) in verdicts:
            right, right_unit = verdicts[gi, ci]
            matches.append(ClaimMatch(golds[gi].id, article, candidates[ci][0], right, right_unit))
    return matches


def match_claims(corpus: Corpus, extracted: Mapping[str, Sequence[Any]]) -> list[ClaimMatch]:
    """The one-to-one matches between gold claims and extracted claims over the whole corpus."""
    unknown = sorted(set(extracted) - set(corpus.articles))
    if unknown:
        raise ValueError(f"extracted claims for articles not in corpus {corpus.name}: {unknown[:3]}")
    gold_by_group: dict[tuple[str, str], list[GoldClaim]] = defaultdict(list)
    for gold in corpus.claims:
        gold_by_group[gold.article, gold.kind].append(gold)
    matches: list[ClaimMatch] = []
    for (article, kind), golds in gold_by_group.items():
        candidates = [(i, c) for i, c in enumerate(extracted.get(article, ())) if c.kind == kind]
        if candidates:
            matches.extend(_match_group(golds, candidates, article))
    return matches


def _kind_scores(
    kind: str,
    golds: list[GoldClaim],
    n_found: int,
    by_gold: dict[str, ClaimMatch],
    exhaustive: bool,
) -> dict[str, Any]:
    matched = [by_gold[g.id] for g in golds if g.id in by_gold]
    n_right = sum(m.right for m in matched)
    scores: dict[str, Any] = {
        "gold": len(golds),
        "found": n_found,
        "gold_found": len(matched),
        "right": n_right,
        "recall_found": ratio(len(matched), len(golds)),
        "recall_right": ratio(n_right, len(golds)),
    }
    n_right_unit = sum(m.right_unit for m in matched)
    if kind == "quantity":
        scores["right_unit"] = n_right_unit
        scores["recall_right_unit"] = ratio(n_right_unit, len(golds))
    if exhaustive:
        scores["precision"] = ratio(n_right, n_found)
        scores["f1"] = ratio(2 * n_right, len(golds) + n_found)
        if kind == "quantity":
            scores["precision_unit"] = ratio(n_right_unit, n_found)
            scores["right_unit_f1"] = ratio(2 * n_right_unit, len(golds) + n_found)
    return scores


def score_claims(corpus: Corpus, extracted: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """Claim figures for `extracted` ({article key: claims in extraction order}) against the gold.

    Returns {"claims": {kind: figures}, "unmatched_per_article": {kind: average},
    "matched": {(article key, claim index): gold id}, "matches": [ClaimMatch]}; see the module
    docstring for each figure. "matched" is what `score_links` needs; it and "matches" are not JSON.
    """
    matches = match_claims(corpus, extracted)
    by_gold = {m.gold_id: m for m in matches}
    n_articles = len(corpus.articles)
    extracted_by_kind: dict[str, list[ClaimKey]] = defaultdict(list)
    for article in corpus.articles:
        for i, claim in enumerate(extracted.get(article, ())):
            extracted_by_kind[claim.kind].append((article, i))
    gold_by_kind: dict[str, list[GoldClaim]] = defaultdict(list)
    for gold in corpus.claims:
        gold_by_kind[gold.kind].append(gold)

    figures: dict[str, dict[str, Any]] = {}
    matched_keys = {(m.article, m.index) for m in matches}
    for kind in KINDS:
        exhaustive = kind in corpus.exhaustive
        if not gold_by_kind[kind] and not exhaustive:
            continue
        n_found = len(extracted_by_kind[kind])
        figures[kind] = _kind_scores(kind, gold_by_kind[kind], n_found, by_gold, exhaustive)
        if not exhaustive:
            figures[kind]["unmatched"] = sum(key not in matched_keys for key in extracted_by_kind[kind])
        if kind == "statement":
            direct = [g for g in gold_by_kind[kind] if g.direct]
            if direct:
                n_direct = sum(
                    bool(getattr(extracted[a][i], "direct", False)) for a, i in extracted_by_kind[kind]
                )
                figures["statement_direct"] = _kind_scores(
                    "statement_direct", direct, n_direct, by_gold, False
                )

    right_keys = {(m.article, m.index) for m in matches if m.right}
    for kind, kind_figures in figures.items():
        keys = extracted_by_kind["statement" if kind == "statement_direct" else kind]
        if kind == "statement_direct":
            continue
        levels = {}
        for level in CONFIDENCE_LEVELS:
            above = [
                key
                for key in keys
                if (getattr(extracted[key[0]][key[1]], "confidence", None) or 0.0) >= level
            ]
            n_right = sum(key in right_keys for key in above)
            levels[f"{level:.1f}"] = {
                "claims": len(above),
                "right": n_right,
                "share": ratio(n_right, len(above)),
            }
        kind_figures["right_above_confidence"] = levels

    unmatched_per_article = {
        kind: ratio(sum(key not in matched_keys for key in extracted_by_kind[kind]), n_articles)
        for kind in KINDS
        if kind not in corpus.exhaustive
    }
    return {
        "claims": figures,
        "unmatched_per_article": unmatched_per_article,
        "matched": {(m.article, m.index): m.gold_id for m in matches},
        "matches": matches,
    }
