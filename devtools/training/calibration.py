"""Fit the statement confidence table (claims/extraction/statements/confidence_calibration.json).

    python -m devtools.training.calibration ../shared/corpus/polnear-dev \\
        [--read ../shared/corpus/basil-dev devtools/training/data/basil-dev-read.jsonl] [--out FILE]

Extracts the dev corpus with raw confidences, matches each statement to the gold one-to-one and stores, per
group (claims.extraction.statements.calibration.group_of), a lower bound of the share right, shrunk towards the
band's and the kind's share when the group is small. With `--read`, also extracts the read corpus, finds the
statements an editor judged (the JSON lines: article, start, end, kind, verdict, weight; the text is read from
the corpus) and stores, per read group (calibration.read_group), a lower bound of the weighted share judged
right ("doubtful" counts as not right). It prints the share right at each confidence level on the dev gold, and
on each half of the read (articles split by event) with the read table fitted on the other half.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.extraction.statements import calibration
from claims.extraction.statements.calibration import TABLE_PATH, group_of, read_group, read_share, share_in
from claims.extraction.types import Claim, StatementClaim
from devtools.training.read_labels import judged_claim

if TYPE_CHECKING:
    from claims.evaluation.gold import Corpus

PRIOR = 5  # statements' worth of weight given to the prior share in a small group
# The table keeps the share right less this many standard errors (Wilson lower bound): measured on the
# statements it was fitted on, a group put at 0.9 should hold on new articles too (with one error, a group
# right 94 times in 100 on 114 statements reached 0.91).
Z = 2.0
LEVELS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)  # the confidence levels the report counts from


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


def fit_read(rows: Iterable[tuple[str, bool, float]]) -> dict[str, float]:
    """{read group: lower bound of the weighted share right, shrunk towards its quoted kind's share} from
    (read group, right, weight) rows; also "quoted|*|*|shape" and "quoted|*|*|*" for groups the read lacks."""
    tally: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])  # weighted right, weight, statements
    for group, right, weight in rows:
        quoted, _named, _cue, form = group.split("|")
        for key in (group, f"{quoted}|*|*|{form}", f"{quoted}|*|*|*"):
            tally[key][0] += weight * right
            tally[key][1] += weight
            tally[key][2] += 1
    table = {}
    for key, (w_right, w_all, n) in tally.items():
        kind = tally[f"{key.split('|')[0]}|*|*|*"]
        prior = kind[0] / kind[1]
        share = (w_right / w_all * n + PRIOR * prior) / (n + PRIOR)
        table[key] = round(min(0.99, max(0.05, _lower_bound(share, n + PRIOR))), 3)
    return dict(sorted(table.items()))


def _lower_bound(share: float, n: float) -> float:
    """Wilson's lower bound, Z standard errors below `share` measured over `n` statements."""
    z2 = Z * Z
    centre = share + z2 / (2 * n)
    spread = Z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return (centre - spread) / (1 + z2 / n)


def shown(dev: dict[str, float], read: dict[str, float], claim: StatementClaim) -> float:
    """The confidence the app shows for `claim` (raw confidence) under tables `dev` and `read`."""
    share = share_in(dev, claim)
    cap = read_share(read, read_group(claim))
    return share if cap is None else min(share, cap)


def levels(rows: Iterable[tuple[float, bool, float]]) -> dict[str, str]:
    """{">=level": "right/all (share)"} over (confidence, right, weight) rows, weighted shares."""
    out = {}
    rows = list(rows)
    for level in LEVELS:
        at = [(right, weight) for confidence, right, weight in rows if confidence >= level - 1e-9]
        if at:
            share = sum(w for r, w in at if r) / sum(w for _, w in at)
            out[f">={level}"] = f"{sum(r for r, _ in at)}/{len(at)} ({share:.3f})"
    return out


def _extracted(corpus: Corpus) -> dict[str, list[Claim]]:
    from claims.extraction import extract_many

    keys = list(corpus.articles)
    return {
        k: e.claims for k, e in zip(keys, extract_many([corpus.articles[k].text for k in keys]), strict=True)
    }


def _read_rows(read_path: str, labels_path: str) -> list[tuple[str, StatementClaim, bool, float]]:
    """(article, raw statement, judged right, weight) for every judged statement the extractor still finds: the
    same span, else one overlapping it by four fifths of both."""
    from claims.evaluation.gold import load_corpus

    labels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in Path(labels_path).read_text().splitlines():
        row = json.loads(line)
        if row["kind"] == "statement":
            labels[row["article"]].append(row)
    corpus = load_corpus(read_path)
    extracted = _extracted(corpus)
    rows = []
    for key, claims in extracted.items():
        statements = [c for c in claims if isinstance(c, StatementClaim)]
        for label in labels.get(key, ()):
            claim = judged_claim(statements, label)
            if claim is not None:
                rows.append((key, claim, label["verdict"] == "right", float(label.get("weight", 1.0))))
    return rows


def _halves(read_path: str, articles: Iterable[str]) -> tuple[set[str], set[str]]:
    """The read's articles split in two by event (every other event, by id), so no event is on both sides."""
    gold = json.loads((Path(read_path) / "gold.json").read_text())
    event_of = {a: e["id"] for e in gold.get("events", []) for a in e["articles"]}
    events = sorted({event_of.get(a, a) for a in articles})
    first = set(events[::2])
    one = {a for a in articles if event_of.get(a, a) in first}
    return one, set(articles) - one


def main(argv: list[str] | None = None) -> None:
    """Fit and write the table; prints it with counts and the share right per confidence level."""
    from claims.evaluation.claims import match_claims
    from claims.evaluation.gold import load_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a corpus whose statements are annotated exhaustively (polnear-dev)")
    parser.add_argument(
        "--read", nargs=2, metavar=("CORPUS", "LABELS"), help="a corpus and an editor's read of it"
    )
    parser.add_argument("--out", default=str(TABLE_PATH))
    parser.add_argument(
        "--keep-groups", action="store_true", help="keep OUT's dev groups, refit the read only"
    )
    args = parser.parse_args(argv)

    calibration._USE_TABLE = False
    calibration._table.cache_clear()
    corpus = load_corpus(args.corpus)
    if "statement" not in corpus.exhaustive:
        raise SystemExit(f"{args.corpus}: statements are not annotated exhaustively, so no share right")
    claims = _extracted(corpus)
    right = {(m.article, m.index) for m in match_claims(corpus, claims) if m.right}
    dev_rows = [
        (c, (k, i) in right)
        for k, found in claims.items()
        for i, c in enumerate(found)
        if isinstance(c, StatementClaim)
    ]
    table = fit([(group_of(c), r) for c, r in dev_rows])
    sizes: dict[str, int] = defaultdict(int)
    for c, _ in dev_rows:
        sizes[group_of(c)] += 1
    if args.keep_groups:  # only the read is refitted: what is stored stays as it is
        kept = json.loads(Path(args.out).read_text())
        table, sizes = kept["groups"], defaultdict(int, kept["sizes"])
    out: dict[str, Any] = {"corpus": corpus.name, "groups": table, "sizes": dict(sorted(sizes.items()))}
    for group, share in table.items():
        print(f"{group:28} {share:.3f}  ({sizes[group]} statements)")

    read: dict[str, float] = {}
    if args.read:
        read_rows = _read_rows(*args.read)
        read = fit_read((read_group(c), r, w) for _, c, r, w in read_rows)
        read_sizes: dict[str, int] = defaultdict(int)
        for _, c, _, _ in read_rows:
            read_sizes[read_group(c)] += 1
        out["read"] = {
            "corpus": Path(args.read[0]).name,
            "labels": Path(args.read[1]).name,
            "groups": read,
            "sizes": dict(sorted(read_sizes.items())),
        }
        print(f"\nread of {Path(args.read[0]).name}: {len(read_rows)} judged statements found again")
        for group, share in read.items():
            print(f"{group:36} {share:.3f}  ({read_sizes.get(group, '-')} statements)")
        one, two = _halves(args.read[0], {k for k, *_ in read_rows})
        for name, fit_on, check_on in (("first", one, two), ("second", two, one)):
            half = fit_read((read_group(c), r, w) for k, c, r, w in read_rows if k in fit_on)
            checked = [(shown(table, half, c), r, w) for k, c, r, w in read_rows if k in check_on]
            print(
                f"read, {name} half held out ({len(checked)}), share right by confidence:",
                _line(levels(checked)),
            )
            unread = [(share_in(table, c), r, w) for k, c, r, w in read_rows if k in check_on]
            print("  the same with PolNeAR's share alone:", _line(levels(unread)))
    print(
        "dev gold, PolNeAR's share alone:", _line(levels((share_in(table, c), r, 1.0) for c, r in dev_rows))
    )
    print(
        "dev gold, share right by confidence:",
        _line(levels((shown(table, read, c), r, 1.0) for c, r in dev_rows)),
    )
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")


def _line(counts: dict[str, str], fmt: Callable[[str, str], str] = "{} {}".format) -> str:
    return "; ".join(fmt(k, v) for k, v in counts.items())


if __name__ == "__main__":
    main()
