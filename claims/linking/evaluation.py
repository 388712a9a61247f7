"""Score event grouping and link suggestion against a shared corpus folder (gold.json, format 1).

Reads the corpus at run time (the texts never enter the repository). Gold claims become the
extraction dataclasses, so linking can be measured before, and apart from, the extractors.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Hashable, Iterable
from pathlib import Path

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

from .context import sentence_around
from .events import EventIndex
from .types import ArticleInfo, LinkableClaim, LinkSuggestion


def load_gold(folder: str | Path) -> dict:
    """The corpus's gold.json with every article's text filled in (from the file beside it if needed)."""
    folder = Path(folder)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    for key, article in gold["articles"].items():
        if "text" not in article:
            article["text"] = (folder / key).read_text(encoding="utf-8")
    return gold


def gold_articles(gold: dict) -> list[ArticleInfo]:
    """ArticleInfo for each gold article, in file order."""
    out = []
    for key, a in gold["articles"].items():
        published = dt.date.fromisoformat(a["published"]) if a.get("published") else None
        out.append(ArticleInfo(key, a.get("outlet"), published, a.get("title"), a["text"]))
    return out


def gold_claims(gold: dict, events: dict[Hashable, Hashable] | None = None) -> list[LinkableClaim]:
    """Every gold claim as a LinkableClaim (event ids from `events`: article id -> event id)."""
    out = []
    for c in gold["claims"]:
        article = gold["articles"][c["article"]]
        text = article["text"]
        start, end = c.get("start", 0), c.get("end", 0)
        evidence = c.get("evidence", "")
        if c["kind"] == "quantity":
            low, high = c["value"] if isinstance(c["value"], list) else (c["value"], c["value"])
            claim = QuantityClaim(
                start,
                end,
                evidence,
                float(low),
                float(high),
                c.get("unit"),
                c.get("unit"),
                approximate=bool(c.get("approximate")),
                source=c.get("source"),
            )
        elif c["kind"] == "date":
            precision = {4: "year", 7: "month"}.get(len(c["value"]), "day")
            claim = DateClaim(start, end, evidence, c["value"], precision)
        else:
            claim = StatementClaim(
                start, end, evidence, c.get("speaker"), role=c.get("role"), direct=bool(c.get("direct"))
            )
        s_start, sentence = sentence_around(text, start, end) if "start" in c else (None, evidence)
        published = dt.date.fromisoformat(article["published"]) if article.get("published") else None
        out.append(
            LinkableClaim(
                c["id"],
                c["article"],
                article.get("outlet"),
                claim,
                sentence,
                event_id=(events or {}).get(c["article"]),
                sentence_start=s_start,
                published=published,
            )
        )
    return out


def event_scores(pred: dict[Hashable, Hashable], gold: dict) -> dict[str, float]:
    """Pairwise precision/recall/F1 and B-cubed precision/recall/F1 of `pred` against gold events."""
    truth: dict[Hashable, set[Hashable]] = {}
    for event in gold["events"]:
        for a in event["articles"]:
            truth.setdefault(a, set()).add(event["id"])
    ids = [a for a in pred if a in truth]
    tp = fp = fn = 0
    for x, y in itertools.combinations(ids, 2):
        same_gold, same_pred = bool(truth[x] & truth[y]), pred[x] == pred[y]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    bp = br = 0.0
    for x in ids:
        pc = {y for y in ids if pred[y] == pred[x]}
        gc = {y for y in ids if truth[y] & truth[x]}
        bp += len(pc & gc) / len(pc)
        br += len(pc & gc) / len(gc)
    bp, br = bp / len(ids), br / len(ids)
    return {
        "pairwise_p": p,
        "pairwise_r": r,
        "pairwise_f1": _f1(p, r),
        "bcubed_p": bp,
        "bcubed_r": br,
        "bcubed_f1": _f1(bp, br),
        "events": len(set(pred.values())),
    }


def link_scores(suggestions: Iterable[LinkSuggestion], gold: dict) -> dict[str, float]:
    """Gold-link recall, not_link violations and the number suggested, for claims given by gold id."""
    made = {(s.pair, s.relation) for s in suggestions}
    links = gold.get("links", [])
    found = [ln for ln in links if (frozenset((ln["a"], ln["b"])), ln["relation"]) in made]
    violations = [
        n for n in gold.get("not_links", []) if (frozenset((n["a"], n["b"])), n["relation"]) in made
    ]
    return {
        "links": len(links),
        "found": len(found),
        "recall": len(found) / len(links) if links else 1.0,
        "violations": len(violations),
        "suggested": len(made),
        "missed": [f"{ln['a']}~{ln['b']}" for ln in links if ln not in found],
    }


def evaluate_events(folder: str | Path, *, order_seed: int | None = None) -> dict[str, float]:
    """Event scores of EventIndex on the corpus at `folder`, articles fed in file or shuffled order."""
    import random

    gold = load_gold(folder)
    articles = gold_articles(gold)
    if order_seed is not None:
        random.Random(order_seed).shuffle(articles)
    return event_scores(EventIndex().add_many(articles), gold)


def evaluate_links(folder: str | Path, stance=None) -> dict[str, float]:
    """Link scores of suggest_links on the corpus's gold claims, with events from EventIndex."""
    from .links import suggest_links

    gold = load_gold(folder)
    events = EventIndex().add_many(gold_articles(gold))
    return link_scores(suggest_links(gold_claims(gold, events), stance=stance), gold)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def linkable_from_extraction(article: ArticleInfo, extraction, *, event_id: Hashable | None = None) -> list:
    """LinkableClaims for one article's Extraction (claim ids are "<article id>#<n>")."""
    out = []
    for n, claim in enumerate(extraction.claims):
        s_start, sentence = sentence_around(article.text, claim.start, claim.end)
        out.append(
            LinkableClaim(
                f"{article.id}#{n}",
                article.id,
                article.outlet,
                claim,
                sentence,
                event_id=event_id,
                sentence_start=s_start,
                published=article.published,
            )
        )
    return out


def evaluate_links_extracted(folder: str | Path, stance=None) -> dict[str, float]:
    """Link scores with claims from claims.extraction (slow: parses every article with spaCy)."""
    from claims.extraction import extract_many

    gold = load_gold(folder)
    articles = gold_articles(gold)
    extractions = extract_many(
        {"text": a.text, "published": a.published, "title": a.title, "outlet": a.outlet} for a in articles
    )
    return score_extracted(gold, articles, extractions, stance=stance)


def score_extracted(gold: dict, articles: list[ArticleInfo], extractions: list, stance=None) -> dict:
    """Link scores of suggest_links over extracted claims, matched to gold claims by kind and span.

    A gold claim is matched by extracted claims of its kind and article whose span overlaps its evidence;
    a gold link is found when a suggestion relates a match of `a` to a match of `b` with its relation.
    """
    from .links import suggest_links

    for article, extraction in zip(articles, extractions, strict=True):
        if article.published is None and extraction.publication.value is not None:
            article.published = extraction.publication.value  # what the pipeline found in the text
    events = EventIndex().add_many(articles)
    claims = [
        c
        for article, extraction in zip(articles, extractions, strict=True)
        for c in linkable_from_extraction(article, extraction, event_id=events[article.id])
    ]
    suggestions = suggest_links(claims, stance=stance)
    matches: dict[str, set] = {}
    for g in gold["claims"]:
        matches[g["id"]] = {
            c.id
            for c in claims
            if c.article_id == g["article"]
            and c.claim.kind == g["kind"]
            and ("start" not in g or (c.claim.start < g["end"] and g["start"] < c.claim.end))
        }
    made = {(s.pair, s.relation) for s in suggestions}

    def related(rel: dict) -> bool:
        return any(
            (frozenset((x, y)), rel["relation"]) in made for x in matches[rel["a"]] for y in matches[rel["b"]]
        )

    links = gold.get("links", [])
    found = [ln for ln in links if related(ln)]
    return {
        "links": len(links),
        "found": len(found),
        "recall": len(found) / len(links) if links else 1.0,
        "violations": sum(related(n) for n in gold.get("not_links", [])),
        "suggested": len(suggestions),
        "claims": len(claims),
        "events": len(set(events.values())),
        "missed": [f"{ln['a']}~{ln['b']}" for ln in links if ln not in found],
    }


def main(argv: list[str]) -> None:
    """`events FOLDER [SEED]`, `links FOLDER` or `links-extracted FOLDER`: print the scores as JSON."""
    what, folder = argv[0], argv[1]
    if what == "events":
        scores = evaluate_events(folder, order_seed=int(argv[2]) if len(argv) > 2 else None)
    elif what == "links":
        scores = evaluate_links(folder)
    else:
        scores = evaluate_links_extracted(folder)
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
