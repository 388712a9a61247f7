"""Train the attribution models (attribution_model.json) from a corpus annotated with attributions.

    python -m devtools.training.attribution ../shared/corpus/polnear-train/gold.json \
        [--out PATH] [--threshold 0.35] [--c 0.5] [--statement-threshold 0.5] [--cache FILE]

The articles are prepared and parsed as the extractor does (`cleaning.prepare_many`, one process),
then two logistic regressions (scikit-learn, L2) over one-hot features are fitted:

1. **The cue model.** Every verb outside quotations that governs something (the candidates reported.py
   reads) is an example; it is positive when it heads a gold cue span (attribution_model.features).
2. **The statement model.** The extractor runs over the same articles with the cue model's bars
   lowered (`--candidate-known`, `--candidate-unseen`) and the statement model off; every reported
   statement it would store is an example, positive when the evaluation's own one-to-one matching
   finds it right (content overlapping a gold statement, the same speaker). Its features are what the
   rules made of the candidate (attribution_model.statement_features).

Both are written as {feature: weight} with the bias folded in, with the thresholds and the training
figures; weights under `--min-weight` are left out to keep the file small. The table names no person:
a name, number or pronoun in a feature is its word class. `--cache FILE` keeps the parsed articles
(a spaCy DocBin and a JSON file beside it, no pickle) so that a refit does not parse again.
"""

from __future__ import annotations

import argparse
import bisect
import json
import time
from collections import Counter
from pathlib import Path

from claims.extraction.document import ArticleDoc
from claims.extraction.statements import attribution_model
from claims.extraction.statements.attribution_model import MODEL_PATH, features
from claims.extraction.statements.cues import frame_of
from claims.extraction.statements.quotes import find_quotes, paragraph_ids
from claims.extraction.types import ArticleInput
from devtools.training.cues import _cue_heads


def _to_analysis(adoc: ArticleDoc, i: int) -> int:
    """The analysis offset of stored-text offset `i`."""
    return i if adoc.offsets is None else bisect.bisect_left(adoc.offsets, i)


def load_articles(
    gold_path: str, limit: int | None = None, cache: str | None = None
) -> dict[str, ArticleDoc]:
    """{article key: prepared ArticleDoc} for the corpus at `gold_path`, parsed once (kept in `cache`)."""
    from spacy.tokens import DocBin

    from claims.extraction.cleaning import prepare_many
    from claims.extraction.nlp import get_nlp

    gold = json.loads(Path(gold_path).read_text())
    keys = list(gold["articles"])[:limit]
    meta_path = Path(f"{cache}.json") if cache else None
    if cache and Path(cache).exists() and meta_path and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        docs = list(DocBin().from_disk(cache).get_docs(get_nlp().vocab))
        return {
            row["key"]: ArticleDoc(row["text"], row["analysis"], row["offsets"], doc, outlet=row["outlet"])
            for row, doc in zip(meta, docs, strict=True)
        }
    rows: list[ArticleInput] = [
        {
            "text": gold["articles"][k]["text"],
            "title": gold["articles"][k].get("title"),
            "outlet": gold["articles"][k].get("outlet"),
        }
        for k in keys
    ]
    adocs = dict(zip(keys, prepare_many(rows), strict=True))
    if cache:
        DocBin(docs=[a.doc for a in adocs.values()]).to_disk(cache)
        meta = [
            {"key": k, "text": a.text, "analysis": a.analysis, "offsets": a.offsets, "outlet": a.outlet}
            for k, a in adocs.items()
        ]
        Path(f"{cache}.json").write_text(json.dumps(meta))
    return adocs


def cue_examples(gold_path: str, adocs: dict[str, ArticleDoc]) -> tuple[list[list[str]], list[int]]:
    """(feature lists, labels) over every candidate verb of the articles."""
    gold = json.loads(Path(gold_path).read_text())
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in gold["claims"]:
        if claim.get("kind") == "statement" and claim.get("cue") and claim["article"] in adocs:
            adoc = adocs[claim["article"]]
            cue = claim["cue"]
            spans.setdefault(claim["article"], []).append(
                (_to_analysis(adoc, cue["start"]), _to_analysis(adoc, cue["end"] - 1) + 1)
            )
    xs: list[list[str]] = []
    ys: list[int] = []
    for key, adoc in adocs.items():
        doc = adoc.doc
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


def statement_examples(
    gold_path: str, adocs: dict[str, ArticleDoc], bars: tuple[float, float]
) -> tuple[list[list[str]], list[int]]:
    """(feature lists, labels) over every reported statement the extractor would store with the
    candidate bars `bars` and no statement model; labelled by the evaluation's matching."""
    from claims.evaluation.claims import match_claims
    from claims.evaluation.gold import load_corpus
    from claims.extraction.statements import find_statements

    corpus = load_corpus(Path(gold_path).parent)
    xs: list[list[str]] = []
    ys: list[int] = []
    saved = attribution_model._FILTER, attribution_model._CANDIDATE_BARS, attribution_model._RECORD
    attribution_model._FILTER, attribution_model._CANDIDATE_BARS = False, bars
    try:
        for key, adoc in adocs.items():
            attribution_model._RECORD = []
            claims = find_statements(adoc)
            recorded, attribution_model._RECORD = attribution_model._RECORD, None
            matches = match_claims(corpus, {key: claims})
            right = {m.index for m in matches if m.right}
            by_cue = {(c.cue.start, c.cue.end): i in right for i, c in enumerate(claims) if c.cue}
            doc = adoc.doc
            for feats, (c0, c1), direct in recorded:
                cue = adoc.original(doc[c0].idx, doc[c1 - 1].idx + len(doc[c1 - 1]))
                label = by_cue.get((cue.start, cue.end))
                if direct or label is None:
                    continue  # quotes are always kept; a candidate dropped later is never stored
                xs.append(feats)
                ys.append(int(label))
    finally:
        attribution_model._FILTER, attribution_model._CANDIDATE_BARS, attribution_model._RECORD = saved
    return xs, ys


def written_as_names(adocs: dict[str, ArticleDoc]) -> set[str]:
    """Lower-cased words the articles mostly write capitalised inside a sentence ("Trump", "Brexit"):
    names, even where the tagger took them for common nouns."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for adoc in adocs.values():
        for tok in adoc.doc:
            if tok.is_alpha and not tok.is_sent_start:
                (upper if tok.text[:1].isupper() else lower)[tok.lower_] += 1
    return {w for w, n in upper.items() if n > lower[w]}


def _names_someone(key: str, names: set[str]) -> bool:
    """True for a feature whose word is a name (the table names nobody)."""
    if not key.startswith(("subject=noun:", "cue=", "cue_path=")):
        return False
    word = key.split("=", 1)[1].split("|")[0].split(":")[-1]
    return word in names


def fit(
    xs: list[list[str]], ys: list[int], c: float, min_weight: float, cut: float
) -> tuple[dict[str, float], dict[str, float]]:
    """({feature: weight} with the bias folded in, training figures at probability `cut`)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    matrix = vec.fit_transform([dict.fromkeys(x, 1) for x in xs])
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    model.fit(matrix, ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= min_weight
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 4)
    predicted = model.predict_proba(matrix)[:, 1] >= cut
    tp = sum(1 for p, y in zip(predicted, ys, strict=True) if p and y)
    report = {
        "examples": len(ys),
        "positives": sum(ys),
        "train_precision": round(tp / max(1, int(predicted.sum())), 4),
        "train_recall": round(tp / max(1, sum(ys)), 4),
        "c": c,
    }
    return dict(sorted(weights.items())), report


def main(argv: list[str] | None = None) -> None:
    """Parse, fit both models and write the table; prints the training figures."""
    parser = argparse.ArgumentParser(prog="python -m devtools.training.attribution")
    parser.add_argument("gold", help="gold.json of the training corpus (never a test split)")
    parser.add_argument("--out", default=str(MODEL_PATH))
    parser.add_argument("--threshold", type=float, default=0.35, help="the cue model's bar without stage 2")
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--min-weight", type=float, default=0.1, help="smaller weights are left out")
    parser.add_argument("--statement-threshold", type=float, default=0.5, help="the statement model's bar")
    parser.add_argument("--statement-c", type=float, default=0.3)
    parser.add_argument("--candidate-known", type=float, default=0.1)
    parser.add_argument("--candidate-unseen", type=float, default=0.2)
    parser.add_argument("--no-statement-model", action="store_true", help="fit the cue model only")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--cache", default=None, help="keep the parsed articles here to refit without parsing"
    )
    args = parser.parse_args(argv)
    began = time.monotonic()
    adocs = load_articles(args.gold, args.limit, args.cache)
    parsed = time.monotonic()
    xs, ys = cue_examples(args.gold, adocs)
    weights, training = fit(xs, ys, args.c, args.min_weight, 0.5)
    report: dict[str, object] = dict(training)  # the table's "training", and what is printed
    report["parse_seconds"] = round(parsed - began, 1)
    table: dict[str, object] = {"threshold": args.threshold, "training": report, "weights": weights}
    Path(args.out).write_text(json.dumps(table, separators=(",", ":"), ensure_ascii=True))
    attribution_model._weights.cache_clear()
    attribution_model._statement_table.cache_clear()
    if not args.no_statement_model:
        bars = (args.candidate_known, args.candidate_unseen)
        sx, sy = statement_examples(args.gold, adocs, bars)
        s_weights, s_report = fit(sx, sy, args.statement_c, args.min_weight, args.statement_threshold)
        names = written_as_names(adocs)
        s_weights = {k: w for k, w in s_weights.items() if not _names_someone(k, names)}
        table["statement"] = {
            "threshold": args.statement_threshold,
            "candidate_known": bars[0],
            "candidate_unseen": bars[1],
            "training": s_report,
            "weights": s_weights,
        }
        report["statement"] = s_report
    report["seconds"] = round(time.monotonic() - began, 1)
    Path(args.out).write_text(json.dumps(table, separators=(",", ":"), ensure_ascii=True))
    attribution_model._weights.cache_clear()
    attribution_model._statement_table.cache_clear()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
