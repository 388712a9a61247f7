"""Scoring what the app stored after importing a corpus, and the report (a JSON-ready dict) and its table.

`score_import(corpus, dump)` takes the gold corpus and the dump of stored rows that the evaluation's
import wrote (`stored.load_stored` reads it) and scores article metadata, claims, links and events as
the corpus README defines them; stance pairs are scored on the stance model directly
(`stance_many([(claim, article text), ...]) -> [label, ...]`), the only part that does not go
through the import.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .claims import score_claims
from .events import score_events
from .gold import Corpus
from .links import score_links
from .metadata import score_metadata
from .stance import score_stance
from .stored import load_stored

StanceMany = Callable[[list[tuple[str, str]]], Sequence[str]]


def imported_as_files(corpus: Corpus) -> list[str]:
    """Keys of the gold articles without inline text: imported as the files beside gold.json."""
    return [key for key, article in corpus.articles.items() if not article.inline]


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


def stored_value(claim: Any) -> str:
    """What a stored claim says, in a few words, for the list of wrong claims ("2026-06-26 (day)")."""
    if claim.kind == "quantity":
        amount = f"{claim.low:g}" if claim.low == claim.high else f"{claim.low:g}-{claim.high:g}"
        return f"{amount} {claim.unit or ''}".strip()
    if claim.kind == "date":
        return f"{claim.value} ({claim.precision}{'' if claim.year_known else ', year not known'})"
    return f"speaker {claim.speaker!r}"


def score_import(
    corpus: Corpus,
    dump: Mapping[str, Any],
    *,
    stance_many: StanceMany | None = None,
    details: bool = False,
) -> dict[str, Any]:
    """The evaluation report of the stored rows in `dump` against `corpus`.

    Keys: "corpus", "articles", "imported" (files, rows, stored articles, stored articles matching
    no gold article, stored claims whose span could not be placed in the gold text), "metadata"
    (articles imported as files), "claims" and "unmatched_per_article" (when the corpus has claims),
    "links" (when it has links or not_links), "stance" (stance pairs, with `stance_many`), "events"
    (when it has events), "warnings" (gold inconsistencies); with `details`, "claims_missed":
    {"not_found": [gold ids], "wrong": [gold ids], "stored_for_wrong": {gold id: what the matched
    stored claim says}}. The caller adds "seconds" and "timing".
    """
    stored = load_stored(corpus, dump)
    files = imported_as_files(corpus)
    stored_by_key = {a.key: a for a in stored.articles.values() if a.key is not None}
    report: dict[str, Any] = {
        "corpus": corpus.name,
        "articles": len(corpus.articles),
        "imported": {
            "files": len(files),
            "rows": len(corpus.articles) - len(files),
            "stored_articles": len(stored.articles),
            "gold_articles_not_stored": sum(key not in stored_by_key for key in corpus.articles),
            "stored_articles_unmatched": len(stored.unmatched_articles),
            "claims_stored": len(stored.claims) + stored.unplaced,
            "claims_unplaced": stored.unplaced,
        },
    }
    if dump.get("import_log"):
        report["imported"]["log"] = list(dump["import_log"])[:10]  # the import's own summary and row errors
    if corpus.warnings:
        report["warnings"] = corpus.warnings
    if files:
        report["metadata"] = score_metadata([corpus.articles[k] for k in files], stored_by_key)
    by_article: dict[str, list[Any]] = {key: [] for key in corpus.articles}
    for claim in stored.claims:
        by_article[claim.article].append(claim)
    if corpus.claims:
        scored = score_claims(corpus, by_article)
        report["claims"] = scored["claims"]
        report["unmatched_per_article"] = scored["unmatched_per_article"]
        if details:
            by_gold = {m.gold_id: m for m in scored["matches"]}
            report["claims_missed"] = {
                "not_found": [c.id for c in corpus.claims if c.id not in by_gold],
                "wrong": [c.id for c in corpus.claims if c.id in by_gold and not by_gold[c.id].right],
                "stored_for_wrong": {
                    c.id: stored_value(by_article[c.article][by_gold[c.id].index])
                    for c in corpus.claims
                    if c.id in by_gold and not by_gold[c.id].right
                },
            }
    if corpus.links or corpus.not_links:
        report["links"] = score_links(corpus, stored.claims, stored.links, stored.link_confidence)
    if corpus.stance_pairs and stance_many is not None:
        gold = [p["label"] for p in corpus.stance_pairs]
        pairs = [(p["claim"], corpus.articles[p["article"]].text) for p in corpus.stance_pairs]
        report["stance"] = score_stance(gold, list(stance_many(pairs)))
    if corpus.events:
        seen: set[str] = set()
        clusters = []
        for members in stored.events:  # an article in two stored events counts in the first
            kept = [key for key in dict.fromkeys(members) if key not in seen]
            seen.update(kept)
            if kept:
                clusters.append(kept)
        gold_events = [e["articles"] for e in corpus.events]
        report["events"] = score_events(gold_events, clusters, articles=list(corpus.articles))
    return report


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_table(report: Mapping[str, Any]) -> str:
    """The report as a compact plain-text table for a terminal."""
    seconds = f", {report['seconds']} s" if report.get("seconds") is not None else ""
    lines = [f"corpus {report['corpus']}: {report['articles']} articles{seconds}"]
    if report.get("timing"):
        lines.append("time: " + ", ".join(f"{k} {v} s" for k, v in report["timing"].items()))
    if report.get("imported"):
        shown = {k: v for k, v in report["imported"].items() if k != "log"}
        lines.append("imported: " + ", ".join(f"{k} {v}" for k, v in shown.items()))
    for name, figures in report.get("metadata", {}).items():
        wrong = f" (wrong: {', '.join(figures['wrong'])})" if figures.get("wrong") else ""
        lines.append(f"metadata {name}: {figures['right']}/{figures['articles']}{wrong}")
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
        for kind, figures in report["claims"].items():
            levels = figures.get("right_above_confidence")
            if levels:
                above = ", ".join(f">={k} {_cell(v['share'])} of {v['claims']}" for k, v in levels.items())
                lines.append(f"{kind} right above confidence: {above}")
    if report.get("unmatched_per_article"):
        pairs = ", ".join(f"{k} {_cell(v)}" for k, v in report["unmatched_per_article"].items())
        lines.append(f"unmatched extracted claims per article: {pairs}")
    missed = report.get("claims_missed", {})
    for name in ("not_found", "wrong"):
        ids = missed.get(name, [])
        if name == "wrong" and missed.get("stored_for_wrong"):
            ids = [f"{i} [{missed['stored_for_wrong'][i]}]" for i in ids]
        if name in missed:
            lines.append(f"{name} ({len(ids)}): " + " ".join(ids[:30]) + (" ..." if len(ids) > 30 else ""))
    for section in ("links", "stance", "events"):
        if section in report:
            shown = {k: v for k, v in report[section].items() if not isinstance(v, list | dict)}
            lines.append(f"{section}: " + ", ".join(f"{k} {_cell(v)}" for k, v in shown.items()))
    if report.get("warnings"):
        lines.append(f"{len(report['warnings'])} gold warnings, first: {report['warnings'][0]}")
    return "\n".join(lines)
