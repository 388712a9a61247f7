"""Running the system on a gold corpus and assembling the report (a JSON-ready dict) and its table.

The system is passed as callables so that the management command, the CLI and tests can plug in
the real pipeline or stand-ins:
- extract_many(items) -> list of Extraction, one per item, where an item is the dict an import
  would hand over: {"text", "title", "outlet", "published" (datetime.date or None), "url"};
- link(items_by_key, extractions_by_key) -> iterable of (article key, claim index, article key,
  claim index, relation), indexes into Extraction.claims;
- stance(claim_text, article_text) -> "agree" | "disagree" | "discuss" | "unrelated", or a batch
  function stance_many([(claim_text, article_text), ...]) -> [label, ...] (faster for large sets);
- cluster(items_by_key) -> list of lists of article keys (the predicted events).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .claims import score_claims
from .events import score_events
from .gold import Corpus, GoldArticle, load_corpus
from .links import SystemLink, score_links
from .stance import score_stance

ExtractMany = Callable[[list[dict[str, Any]]], Sequence[Any]]
LinkFn = Callable[[dict[str, dict[str, Any]], dict[str, Any]], Iterable[SystemLink]]
StanceFn = Callable[[str, str], str]
ClusterFn = Callable[[dict[str, dict[str, Any]]], Sequence[Sequence[str]]]


def article_item(article: GoldArticle) -> dict[str, Any]:
    """The import-shaped dict for one gold article (published parsed to a date, None if absent or bad)."""
    try:
        published = dt.date.fromisoformat(article.published) if article.published else None
    except ValueError:
        published = None
    return {
        "text": article.text,
        "title": article.title,
        "outlet": article.outlet,
        "published": published,
        "url": article.url,
    }


def limit_corpus(corpus: Corpus, n_articles: int) -> Corpus:
    """`corpus` cut down to its first `n_articles` articles, with the gold that concerns only them."""
    keys = list(corpus.articles)[:n_articles]
    kept = set(keys)
    claims = [c for c in corpus.claims if c.article in kept]
    ids = {c.id for c in claims}
    return replace(
        corpus,
        articles={k: corpus.articles[k] for k in keys},
        claims=claims,
        links=[x for x in corpus.links if x["a"] in ids and x["b"] in ids],
        not_links=[x for x in corpus.not_links if x["a"] in ids and x["b"] in ids],
        stance_pairs=[p for p in corpus.stance_pairs if p["article"] in kept],
        events=[
            {**e, "articles": [k for k in e["articles"] if k in kept]}
            for e in corpus.events
            if any(k in kept for k in e["articles"])
        ],
    )


def evaluate_corpus(
    path: str | Path,
    *,
    extract_many: ExtractMany,
    link: LinkFn | None = None,
    stance: StanceFn | None = None,
    stance_many: Callable[[list[tuple[str, str]]], Sequence[str]] | None = None,
    cluster: ClusterFn | None = None,
    limit: int | None = None,
    details: bool = False,
) -> dict[str, Any]:
    """The evaluation report for the corpus at `path`.

    Returns {"corpus", "articles", "seconds", "claims": {kind: figures}, "unmatched_per_article"}
    when the corpus has claims, plus "links", "stance", "events" when the corpus has that gold and
    the matching callable is given; "warnings" when the gold has inconsistencies; with `details`,
    "claims_missed": {"not_found": [gold ids], "wrong": [gold ids]}. `limit` keeps the first N
    articles. Extraction runs only when the corpus has claims.
    """
    started = time.perf_counter()
    corpus = load_corpus(path)
    if limit is not None:
        corpus = limit_corpus(corpus, limit)
    items = {key: article_item(article) for key, article in corpus.articles.items()}
    report: dict[str, Any] = {
        "corpus": corpus.name,
        "articles": len(items),
        "seconds": None,
    }
    if corpus.warnings:
        report["warnings"] = corpus.warnings
    if corpus.claims:
        extractions = list(extract_many(list(items.values())))
        if len(extractions) != len(items):
            raise ValueError(f"extract_many returned {len(extractions)} results for {len(items)} articles")
        by_key = dict(zip(items, extractions, strict=True))
        scored = score_claims(corpus, {key: list(x.claims) for key, x in by_key.items()})
        report["claims"] = scored["claims"]
        report["unmatched_per_article"] = scored["unmatched_per_article"]
        if details:
            by_gold = {m.gold_id: m for m in scored["matches"]}
            report["claims_missed"] = {
                "not_found": [c.id for c in corpus.claims if c.id not in by_gold],
                "wrong": [c.id for c in corpus.claims if c.id in by_gold and not by_gold[c.id].right],
            }
        if corpus.links and link is not None:
            report["links"] = score_links(corpus, scored["matched"], link(items, by_key))
    if corpus.stance_pairs and (stance is not None or stance_many is not None):
        gold = [p["label"] for p in corpus.stance_pairs]
        pairs = [(p["claim"], corpus.articles[p["article"]].text) for p in corpus.stance_pairs]
        predicted = list(stance_many(pairs)) if stance_many is not None else [stance(c, a) for c, a in pairs]
        report["stance"] = score_stance(gold, predicted)
    if corpus.events and cluster is not None:
        gold_events = [e["articles"] for e in corpus.events]
        report["events"] = score_events(gold_events, cluster(items), articles=items)
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_table(report: Mapping[str, Any]) -> str:
    """The report as a compact plain-text table for a terminal."""
    lines = [f"corpus {report['corpus']}: {report['articles']} articles, {report['seconds']} s"]
    columns = {
        "gold": "gold",
        "found": "found",
        "right": "right",
        "right_unit": "r+unit",
        "recall_found": "rec_found",
        "recall_right": "rec_right",
        "precision": "prec",
        "f1": "f1",
        "right_unit_f1": "unit_f1",
    }
    if report.get("claims"):
        lines.append(f"{'kind':<17}" + "".join(f"{label:>10}" for label in columns.values()))
        for kind, figures in report["claims"].items():
            lines.append(f"{kind:<17}" + "".join(f"{_cell(figures.get(c)):>10}" for c in columns))
    if report.get("unmatched_per_article"):
        pairs = ", ".join(f"{k} {_cell(v)}" for k, v in report["unmatched_per_article"].items())
        lines.append(f"unmatched extracted claims per article: {pairs}")
    for name, ids in report.get("claims_missed", {}).items():
        lines.append(f"{name} ({len(ids)}): " + " ".join(ids[:30]) + (" ..." if len(ids) > 30 else ""))
    for section in ("links", "stance", "events"):
        if section in report:
            shown = {k: v for k, v in report[section].items() if not isinstance(v, list)}
            lines.append(f"{section}: " + ", ".join(f"{k} {_cell(v)}" for k, v in shown.items()))
    if report.get("warnings"):
        lines.append(f"{len(report['warnings'])} gold warnings, first: {report['warnings'][0]}")
    return "\n".join(lines)
