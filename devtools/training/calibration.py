"""Fit the statement confidence table (claims/extraction/statements/confidence_calibration.json).

    python -m devtools.training.calibration ../shared/corpus/polnear-dev [OUT]

Extracts the corpus with raw confidences, matches each statement to the gold one-to-one and stores,
per group (claims.extraction.statements.calibration.group_of), a lower bound of the share right,
shrunk towards the band's and the kind's share when the group is small.
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from pathlib import Path

from claims.extraction.statements import calibration
from claims.extraction.statements.calibration import TABLE_PATH, group_of
from claims.extraction.types import StatementClaim

PRIOR = 5  # statements' worth of weight given to the prior share in a small group
# The table keeps the share right less this many standard errors (Wilson lower bound): measured on the
# statements it was fitted on, a group put at 0.9 should hold on new articles too (with one error, a group
# right 94 times in 100 on 114 statements reached 0.91).
Z = 2.0


def fit(rows: list[tuple[str, bool]]) -> dict[str, float]:
    """{group: lower bound of the smoothed share right} from (group, right) rows."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group, right in rows:
        band_key, kind_key = group.split("|", 1)
        for tally, key in ((counts, group), (bands, band_key), (kinds, kind_key)):
            tally[key][0] += right
            tally[key][1] += 1
    table = {}
    for group, (n_right, n) in counts.items():
        band_key, kind_key = group.split("|", 1)
        prior = min(bands[band_key][0] / bands[band_key][1], kinds[kind_key][0] / kinds[kind_key][1])
        share = (n_right + PRIOR * prior) / (n + PRIOR)
        table[group] = round(min(0.99, max(0.05, _lower_bound(share, n + PRIOR))), 3)
    return dict(sorted(table.items()))


def _lower_bound(share: float, n: float) -> float:
    """Wilson's lower bound, Z standard errors below `share` measured over `n` statements."""
    z2 = Z * Z
    centre = share + z2 / (2 * n)
    spread = Z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return (centre - spread) / (1 + z2 / n)


def main(corpus_path: str, out_path: str | Path = TABLE_PATH) -> None:
    """Extract the corpus, match it to its gold one-to-one and write the table; prints it with counts."""
    from claims.evaluation.claims import match_claims
    from claims.evaluation.gold import load_corpus
    from claims.extraction import extract_many

    calibration._USE_TABLE = False
    calibration._table.cache_clear()
    corpus = load_corpus(corpus_path)
    if "statement" not in corpus.exhaustive:
        raise SystemExit(f"{corpus_path}: statements are not annotated exhaustively, so no share right")
    keys = list(corpus.articles)
    claims = {
        k: e.claims for k, e in zip(keys, extract_many([corpus.articles[k].text for k in keys]), strict=True)
    }
    right = {(m.article, m.index) for m in match_claims(corpus, claims) if m.right}
    rows = [
        (group_of(c), (k, i) in right)
        for k in keys
        for i, c in enumerate(claims[k])
        if isinstance(c, StatementClaim)
    ]
    table = fit(rows)
    sizes: dict[str, int] = defaultdict(int)
    for group, _ in rows:
        sizes[group] += 1
    Path(out_path).write_text(
        json.dumps({"corpus": corpus.name, "groups": table, "sizes": dict(sorted(sizes.items()))}, indent=1)
    )
    for group, share in table.items():
        print(f"{group:28} {share:.3f}  ({sizes[group]} statements)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
