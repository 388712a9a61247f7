"""Confidence that means something: a statement's confidence is the share of such statements found right.

The extractor's raw confidence says which path found a statement (a quote with its cue, a core
reporting verb over a clause, the trained model's cue, "according to" ...). Statements differ most by
that band, by whether they are quoted and by whether the source is named: on PolNeAR's dev half an
unnamed source is right far less often than a named one at the same raw confidence. The table
(confidence_calibration.json) maps (band, quoted, named) to the share right, measured on a dev corpus
whose statements are annotated exhaustively, shrunk towards the band's share when a group is small:

    python -m claims.extraction.statements.calibration ../shared/corpus/polnear-dev [OUT]

Without the table the raw confidence stands.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import defaultdict
from pathlib import Path

from ..types import StatementClaim

TABLE_PATH = Path(__file__).with_name("confidence_calibration.json")
PRIOR = 5  # statements' worth of weight given to the band's share in a small group
BANDS = (0.5, 0.6, 0.7, 0.8, 0.9)
_USE_TABLE = True  # off while a new table is fitted, which needs the raw confidences


def band(confidence: float) -> float:
    """The raw-confidence band a statement falls in (0.5 ... 0.9)."""
    return max(b for b in BANDS if b <= max(confidence, BANDS[0]) + 1e-9)


def group_of(claim: StatementClaim) -> str:
    """The calibration group of `claim`: "band|quoted|named", e.g. "0.9|direct|named"."""
    return f"{band(claim.confidence)}|{'direct' if claim.direct else 'reported'}|" + (
        "named" if claim.speaker else "unnamed"
    )


@functools.cache
def _table() -> dict[str, float] | None:
    if not _USE_TABLE:
        return None
    try:
        return json.loads(TABLE_PATH.read_text())["groups"]
    except FileNotFoundError:
        return None


def calibrated(claim: StatementClaim) -> float:
    """The share of statements like `claim` found right on the dev set (its raw confidence without a table)."""
    table = _table()
    if table is None:
        return claim.confidence
    return table.get(group_of(claim), claim.confidence)


def fit(rows: list[tuple[str, bool]]) -> dict[str, float]:
    """{group: smoothed share right} from (group, right) rows."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group, right in rows:
        counts[group][0] += right
        counts[group][1] += 1
        bands[group.split("|")[0]][0] += right
        bands[group.split("|")[0]][1] += 1
    table = {}
    for group, (right, n) in counts.items():
        b_right, b_n = bands[group.split("|")[0]]
        prior = b_right / b_n
        table[group] = round(min(0.99, max(0.05, (right + PRIOR * prior) / (n + PRIOR))), 3)
    return dict(sorted(table.items()))


def main(corpus_path: str, out_path: str | Path = TABLE_PATH) -> None:
    """Extract the corpus, match it to its gold one-to-one and write the table; prints it with counts."""
    from claims.evaluation.claims import match_claims
    from claims.evaluation.gold import load_corpus

    # The extractor calls this module by its package name, also when this file runs as __main__.
    from claims.extraction.statements import calibration

    from .. import extract_many

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
