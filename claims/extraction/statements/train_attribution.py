"""Train the attribution-cue model (attribution_model.json) from a corpus annotated with cue spans.

    python -m claims.extraction.statements.train_attribution ../shared/corpus/polnear-train/gold.json \
        [--out PATH] [--threshold 0.5] [--c 0.5]

Every verb outside quotations that governs something (the candidates reported.py reads) is an example;
it is positive when it heads a gold cue span. A logistic regression (scikit-learn, L2) over
the one-hot features of attribution_model.features is fitted and written as {feature: weight}, with the
bias folded in, the threshold and the training figures; weights under 0.1 are left out to keep the
file small (about 0.4 MB; on polnear-dev that costs 0.001 of F1). The table names no person: a name,
number or pronoun in a feature is its word class. It parses the corpus once with the shared spaCy pipeline (one process) and fits in seconds.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from .attribution_model import MODEL_PATH, features
from .cues import frame_of
from .quotes import find_quotes, paragraph_ids
from .train_cues import _CLEAN, _cue_heads


def examples(gold_path: str, limit: int | None = None):
    """(feature lists, labels) over every candidate verb of the corpus at `gold_path`."""
    from ..nlp import get_nlp

    gold = json.loads(Path(gold_path).read_text())
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in gold["claims"]:
        if claim.get("kind") == "statement" and claim.get("cue"):
            spans.setdefault(claim["article"], []).append((claim["cue"]["start"], claim["cue"]["end"]))
    keys = list(gold["articles"])[:limit]
    texts = (gold["articles"][k]["text"].translate(_CLEAN) for k in keys)
    xs: list[list[str]] = []
    ys: list[int] = []
    for key, doc in zip(keys, get_nlp().pipe(texts, batch_size=20), strict=True):
        heads = _cue_heads(doc, spans.get(key, []))
        inside = [False] * len(doc)
        for quote in find_quotes(doc, paragraph_ids(doc)):
            inside[quote.start : quote.end] = [True] * (quote.end - quote.start)
        for tok in doc:
            if inside[tok.i] or tok.pos_ not in ("VERB", "AUX") or frame_of(tok) == "none":
                continue
            xs.append(features(tok))
            ys.append(int(tok.i in heads))
    return xs, ys


def main(argv: list[str] | None = None) -> None:
    """Parse, fit and write the model; prints the training figures."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(prog="python -m claims.extraction.statements.train_attribution")
    parser.add_argument("gold", help="gold.json of the training corpus (never a test split)")
    parser.add_argument("--out", default=str(MODEL_PATH))
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--min-weight", type=float, default=0.1, help="smaller weights are left out")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--cache", default=None, help="keep the parsed examples here to refit without parsing"
    )
    args = parser.parse_args(argv)
    began = time.monotonic()
    if args.cache and Path(args.cache).exists():
        xs, ys = json.loads(Path(args.cache).read_text())
    else:
        xs, ys = examples(args.gold, args.limit)
        if args.cache:
            Path(args.cache).write_text(json.dumps([xs, ys]))
    parsed = time.monotonic()
    vec = DictVectorizer()
    matrix = vec.fit_transform([dict.fromkeys(x, 1) for x in xs])
    model = LogisticRegression(C=args.c, solver="lbfgs", max_iter=1000)
    model.fit(matrix, ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= args.min_weight
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 4)
    predicted = model.predict_proba(matrix)[:, 1] >= args.threshold
    tp = sum(1 for p, y in zip(predicted, ys, strict=True) if p and y)
    report = {
        "examples": len(ys),
        "positives": sum(ys),
        "train_precision": round(tp / max(1, int(predicted.sum())), 4),
        "train_recall": round(tp / max(1, sum(ys)), 4),
        "parse_seconds": round(parsed - began, 1),
        "fit_seconds": round(time.monotonic() - parsed, 1),
        "c": args.c,
    }
    table = {"threshold": args.threshold, "training": report, "weights": dict(sorted(weights.items()))}
    Path(args.out).write_text(json.dumps(table, separators=(",", ":"), ensure_ascii=True))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
