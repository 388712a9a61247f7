"""`manage.py near_duplicates CORPUS... [--generated N]`: which articles the import would flag as
near-duplicates of each other, and how close the closest distinct pair comes to the threshold.

For each gold corpus (its folder), every pair of articles is compared by the exact Jaccard similarity
of their shingles (newstext.nearduplicates, the same shingles the import's signatures stand for) and
by the import's own decision (band keys, then the signatures' estimate against the threshold).
`--generated N` does the same for N synthetic articles of the benchmarks' generator (candidates from
the bands at a low threshold: all pairs of thousands of texts would take too long). Not a test.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence

from django.core.management.base import BaseCommand

from claims.evaluation.gold import load_corpus
from devtools.benchmarks.generator import generate
from newstext.nearduplicates import (
    NEAR_DUPLICATE_THRESHOLD,
    comparable,
    near_duplicate_pairs,
    shingles,
    signature,
)


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def report(names: Sequence[str], texts: Sequence[str], *, all_pairs: bool) -> dict[str, object]:
    """What the import would flag among `texts`, the closest pairs by exact Jaccard (all pairs, or the
    band candidates at a low threshold), as a JSON-ready dict."""
    checked = [i for i, text in enumerate(texts) if comparable(text)]
    sigs = [signature(texts[i]) for i in checked]
    flagged = [
        {"a": names[checked[p.first]], "b": names[checked[p.second]], "similarity": round(p.similarity, 3)}
        for p in near_duplicate_pairs(sigs)
    ]
    sets = {i: shingles(texts[i]) for i in checked}
    pairs: Iterable[tuple[int, int]]
    if all_pairs:
        pairs = itertools.combinations(checked, 2)
    else:
        pairs = ((checked[p.first], checked[p.second]) for p in near_duplicate_pairs(sigs, threshold=0.1))
    closest = sorted(((jaccard(sets[a], sets[b]), a, b) for a, b in pairs), reverse=True)[:5]
    return {
        "articles": len(texts),
        "compared": len(checked),
        "threshold": NEAR_DUPLICATE_THRESHOLD,
        "flagged_pairs": len(flagged),
        "flagged": flagged[:20],
        "closest_distinct_pairs": [
            {"a": names[a], "b": names[b], "jaccard": round(score, 3)} for score, a, b in closest
        ],
    }


class Command(BaseCommand):
    help = "Near-duplicate pairs the import would flag in gold corpora and in generated articles."

    def add_arguments(self, parser) -> None:
        parser.add_argument("corpora", nargs="*", help="corpus folders (with gold.json)")
        parser.add_argument("--generated", type=int, default=0, help="also N articles of the bench generator")

    def handle(self, *args, **options) -> None:
        out: dict[str, object] = {}
        for path in options["corpora"]:
            corpus = load_corpus(path)
            keys = list(corpus.articles)
            out[corpus.name] = report(keys, [corpus.articles[k].text for k in keys], all_pairs=True)
        if options["generated"]:
            articles = list(generate(options["generated"], seed=2026))
            out[f"generated-{options['generated']}"] = report(
                [a.url for a in articles], [a.body for a in articles], all_pairs=False
            )
        self.stdout.write(json.dumps(out, indent=1))
