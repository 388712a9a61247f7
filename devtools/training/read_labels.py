"""Keep an editor's read of stored statements true to what the extractor stores now.

    python -m devtools.training.read_labels ../shared/corpus/basil-dev \\
        devtools/training/data/basil-dev-read.jsonl [--stamp]

A statement label (article, start, end, verdict, weight; no text) carries `form`, a digest of what was judged:
the span, the speaker, quoted or not, the polarity and the words. Re-extracting the corpus, this reports each
label as the same (its verdict stands), changed (re-judge it on the new form: `--show` prints both sides'
fields) or gone (no statement found there: drop the label). `--stamp`, once the changed labels are re-judged
and the gone ones dropped, writes each label's current span, confidence and form, and the weights: a judged
statement stands for the stored statements of its stratum (PolNeAR's share < 0.7, 0.7-0.9, >= 0.9), as
many as are stored there over as many as are judged there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claims.extraction.types import StatementClaim

STRATA = (0.7, 0.9)  # PolNeAR's share bounds of the confidence strata the read was sampled in


def form(claim: StatementClaim) -> str:
    """A short digest of what an editor judged of `claim`: span, speaker, quoted or not, polarity, words."""
    judged = [claim.start, claim.end, claim.speaker, claim.direct, claim.polarity, claim.words or claim.text]
    return hashlib.sha1(json.dumps(judged).encode()).hexdigest()[:10]


def stratum(share: float) -> int:
    """0, 1 or 2: the confidence stratum of a statement at PolNeAR's `share`."""
    return sum(share >= bound - 1e-9 for bound in STRATA)


def judged_claim(statements: Iterable[StatementClaim], label: dict[str, Any]) -> StatementClaim | None:
    """The statement `label` judged: the one with its span, else one overlapping it by four fifths of both."""
    statements = list(statements)
    start, end = int(label["start"]), int(label["end"])
    same = next((c for c in statements if (c.start, c.end) == (start, end)), None)
    if same is not None:
        return same
    return next(
        (
            c
            for c in statements
            if min(c.end, end) - max(c.start, start) >= 0.8 * max(c.end - c.start, end - start)
        ),
        None,
    )


def check(
    labels: list[dict[str, Any]], extracted: dict[str, list[StatementClaim]]
) -> list[tuple[dict[str, Any], StatementClaim | None, str]]:
    """(label, the statement it judged now or None, "same" / "changed" / "gone" / "unstamped") per statement label."""
    out = []
    for label in labels:
        if label["kind"] != "statement":
            continue
        claim = judged_claim(extracted.get(label["article"], ()), label)
        if claim is None:
            status = "gone"
        elif "form" not in label:
            status = "unstamped"
        else:
            status = "same" if form(claim) == label["form"] else "changed"
        out.append((label, claim, status))
    return out


def stamped(labels: list[dict[str, Any]], extracted: dict[str, list[StatementClaim]]) -> list[dict[str, Any]]:
    """`labels` with each found statement's current span, confidence (PolNeAR's share: extract with the read off)
    and form, gone statements dropped, and the weights of the strata recomputed over what `extracted` holds."""
    stored = Counter(stratum(c.confidence) for found in extracted.values() for c in found)
    out = []
    for label in labels:
        if label["kind"] == "statement":
            claim = judged_claim(extracted.get(label["article"], ()), label)
            if claim is None:
                continue
            label = label | {"start": claim.start, "end": claim.end, "confidence": round(claim.confidence, 3)}
            label["form"] = form(claim)
        out.append(label)
    judged = Counter(stratum(lb["confidence"]) for lb in out if lb["kind"] == "statement")
    for label in out:
        if label["kind"] == "statement":
            label["weight"] = round(
                stored[stratum(label["confidence"])] / judged[stratum(label["confidence"])], 2
            )
    return out


def _statements(corpus_path: str) -> dict[str, list[StatementClaim]]:
    from claims.evaluation.gold import load_corpus
    from claims.extraction import extract_many
    from claims.extraction.statements import calibration

    calibration._USE_READ = False  # the strata are PolNeAR's share, which decides what is stored
    corpus = load_corpus(corpus_path)
    keys = list(corpus.articles)
    found = extract_many([corpus.articles[k].text for k in keys])
    return {
        k: [c for c in e.claims if isinstance(c, StatementClaim)] for k, e in zip(keys, found, strict=True)
    }


def main(argv: list[str] | None = None) -> None:
    """Print how many labels are the same, changed and gone (and with --show which); --stamp rewrites LABELS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("labels")
    parser.add_argument("--show", action="store_true", help="print every changed or gone label")
    parser.add_argument("--stamp", action="store_true", help="write current spans, forms and weights")
    args = parser.parse_args(argv)
    path = Path(args.labels)
    labels = [json.loads(line) for line in path.read_text().splitlines()]
    extracted = _statements(args.corpus)
    rows = check(labels, extracted)
    print(dict(Counter(status for _, _, status in rows)))
    print(
        "gone, by verdict:", dict(Counter(label["verdict"] for label, _, status in rows if status == "gone"))
    )
    if args.show:
        for label, claim, status in rows:
            if status in ("changed", "gone"):
                now = (
                    None
                    if claim is None
                    else (claim.start, claim.end, claim.speaker, claim.direct, claim.polarity)
                )
                print(status, label["article"], label["start"], label["end"], label["verdict"], "now:", now)
    if args.stamp:
        lines = stamped(labels, extracted)
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
        print(f"{path}: {sum(lb['kind'] == 'statement' for lb in lines)} statement labels stamped")


if __name__ == "__main__":
    main()
