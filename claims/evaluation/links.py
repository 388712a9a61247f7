"""Link scoring: the stored corroborate/contradict links against the gold links and not_links.

Stored links are (claim id, claim id, relation) between stored claims (suggested or confirmed alike;
rejected ones are not passed in); they are unordered and a duplicate counts once. A stored claim
*matches* a gold claim when it is of the gold's kind, in its article, and its span overlaps the gold
evidence (a gold claim without offsets: any claim of its kind in its article). One stored claim may
match several gold claims, and several stored claims one gold claim.

- recall: a gold link {a, b, relation} is found when a stored link with that relation joins a claim
  matching a to one matching b.
- precision on annotated claims: a stored link is *judged* when each of its ends matches some gold
  claim (two different gold claims); it is right when some pair of those gold claims is a gold link
  with the same relation (the gold links are complete between gold claims). precision = right /
  judged.
- by confidence: the judged links and the right ones in bands of the stored confidence (>= 0.75,
  0.5-0.75, below 0.5), with every suggestion in the band: whether a sure link is a right one.
- not_link violations: a not_link {a, b, relation} is violated by a stored link with that relation
  between a claim matching a and one matching b; with "any_kind": true, a claim of any kind whose
  span overlaps the evidence counts as matching.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .claims import ratio
from .gold import RELATIONS, Corpus, GoldClaim
from .rules import is_found

# the confidence bands of "by_confidence": (name, lowest confidence in it), highest first
BANDS = ((">= 0.75", 0.75), ("0.5-0.75", 0.5), ("< 0.5", float("-inf")))


def _band(confidence: float | None) -> str | None:
    if confidence is None:
        return None
    return next(name for name, low in BANDS if confidence >= low)


def _matching(gold: GoldClaim, claims: Sequence[Any], *, any_kind: bool = False) -> set[int]:
    return {c.id for c in claims if (any_kind or c.kind == gold.kind) and is_found(gold, c)}


def score_links(
    corpus: Corpus,
    claims: Iterable[Any],
    stored_links: Iterable[tuple[int, int, str]],
    confidence: Mapping[tuple[frozenset[int], str], float] | None = None,
) -> dict[str, Any]:
    """Link figures: {"gold", "found", "recall", "judged" (also as "suggested_on_gold_claims"),
    "judged_right", "precision", "not_links",
    "not_link_violations", "suggested", "missed", "violated"}, and with `confidence` ({claim ids,
    relation} -> the stored link's confidence) "by_confidence": {band: {"suggested", "judged",
    "right"}} (see the module docstring); claims are stored claims with .id, .article (gold key),
    .kind, .start, .end in gold offsets."""
    by_article: dict[str, list[Any]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    system: set[tuple[frozenset[int], str]] = set()
    for a, b, relation in stored_links:
        if relation not in RELATIONS:
            raise ValueError(f"unknown link relation {relation!r} (expected one of {RELATIONS})")
        if a != b:
            system.add((frozenset((a, b)), relation))
    gold_by_id = {g.id: g for g in corpus.claims}
    matches = {g.id: _matching(g, by_article[g.article]) for g in corpus.claims}
    gold_of: dict[int, set[str]] = defaultdict(set)
    for gold_id, ids in matches.items():
        for cid in ids:
            gold_of[cid].add(gold_id)

    def related(a_ids: set[int], b_ids: set[int], relation: str) -> bool:
        return any((frozenset((x, y)), relation) in system for x in a_ids for y in b_ids if x != y)

    found, missed = 0, []
    for link in corpus.links:
        if related(matches[link["a"]], matches[link["b"]], link["relation"]):
            found += 1
        else:
            missed.append([link["a"], link["b"], link["relation"]])
    gold_links = {(frozenset((x["a"], x["b"])), x["relation"]) for x in corpus.links}
    judged = judged_right = 0
    bands = {name: {"suggested": 0, "judged": 0, "right": 0} for name, _ in BANDS}
    for ends, relation in system:
        band = _band(confidence.get((ends, relation))) if confidence else None
        if band:
            bands[band]["suggested"] += 1
        x, y = tuple(ends)
        gx, gy = gold_of.get(x, set()), gold_of.get(y, set())
        pairs = {frozenset((p, q)) for p in gx for q in gy if p != q}
        if not pairs:
            continue
        right = any((pair, relation) in gold_links for pair in pairs)
        judged += 1
        judged_right += right
        if band:
            bands[band]["judged"] += 1
            bands[band]["right"] += right
    violated = []
    for entry in corpus.not_links:
        any_kind = bool(entry.get("any_kind"))
        ga, gb = gold_by_id[entry["a"]], gold_by_id[entry["b"]]
        a_ids = _matching(ga, by_article[ga.article], any_kind=any_kind)
        b_ids = _matching(gb, by_article[gb.article], any_kind=any_kind)
        if related(a_ids, b_ids, entry["relation"]):
            violated.append([entry["a"], entry["b"], entry["relation"]])
    report: dict[str, Any] = {
        "gold": len(corpus.links),
        "found": found,
        "recall": ratio(found, len(corpus.links)),
        "judged": judged,
        "suggested_on_gold_claims": judged,  # the older name of "judged", kept for scripts that read it
        "judged_right": judged_right,
        "precision": ratio(judged_right, judged),
        "not_links": len(corpus.not_links),
        "not_link_violations": len(violated),
        "suggested": len(system),
        "missed": missed,
        "violated": violated,
    }
    if confidence:
        report["by_confidence"] = bands
    return report
