"""Component measurements of the linker on gold input (what `manage.py evaluate` does not measure).

`manage.py evaluate` scores only what the app stores after importing a corpus. The linking tests
also measure the linker apart from the extractors and the import: event grouping of the gold articles
with their gold metadata (`evaluate_events`), and link suggestions over the gold claims themselves
(`evaluate_links`). Both read the corpus through `load_corpus` and score with this package's scorers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .events import score_events
from .gold import Corpus, load_corpus

if TYPE_CHECKING:
    from claims.extraction.types import Claim
    from claims.linking.types import ArticleInfo, LinkableClaim, StanceFn


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def gold_articles(corpus: Corpus) -> list[ArticleInfo]:
    """An ArticleInfo (the linker's article) for each gold article, in file order, with gold metadata."""
    from claims.linking.types import ArticleInfo

    return [
        ArticleInfo(key, a.outlet, _date(a.published), a.title, a.text) for key, a in corpus.articles.items()
    ]


def gold_claims(corpus: Corpus, events: dict[Hashable, Hashable] | None = None) -> list[LinkableClaim]:
    """Every gold claim as the linker's LinkableClaim, its id the gold id (events: article key -> event)."""
    from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim
    from claims.linking.context import later_round, sentence_around
    from claims.linking.types import LinkableClaim

    out = []
    for c in corpus.claims:
        article = corpus.articles[c.article]
        start, end = c.start or 0, c.end or 0
        evidence = c.evidence or ""
        if c.kind == "quantity":
            low, high = c.value if isinstance(c.value, list) else (c.value, c.value)
            claim: Claim = QuantityClaim(
                start,
                end,
                evidence,
                float(low),
                float(high),
                c.unit,
                c.unit,
                approximate=bool(c.raw.get("approximate")),
                source=c.raw.get("source"),
            )
        elif c.kind == "date":
            precision = {4: "year", 7: "month"}.get(len(str(c.value)), "day")
            claim = DateClaim(start, end, evidence, str(c.value), precision)
        else:
            claim = StatementClaim(start, end, evidence, c.speaker, role=c.raw.get("role"), direct=c.direct)
        s_start, sentence = (
            sentence_around(article.text, start, end) if c.start is not None else (None, evidence)
        )
        out.append(
            LinkableClaim(
                c.id,
                c.article,
                article.outlet,
                claim,
                sentence,
                event_id=(events or {}).get(c.article),
                sentence_start=s_start,
                published=_date(article.published),
                later_round=later_round(article.text),
            )
        )
    return out


def evaluate_events(folder: str | Path, *, order_seed: int | None = None) -> dict[str, Any]:
    """Event scores (`score_events`) of EventIndex on the gold articles, in file or shuffled order."""
    from claims.linking.events import EventIndex

    corpus = load_corpus(folder)
    articles = gold_articles(corpus)
    if order_seed is not None:
        random.Random(order_seed).shuffle(articles)
    placed = EventIndex().add_many(articles)
    clusters: dict[Hashable, list[str]] = {}
    for key, event in placed.items():
        clusters.setdefault(event, []).append(str(key))  # the gold article key
    scores = score_events([e["articles"] for e in corpus.events], list(clusters.values()), corpus.articles)
    return {**scores, "events": len(clusters)}


def evaluate_links(folder: str | Path, stance: StanceFn | None = None) -> dict[str, Any]:
    """Link figures of suggest_links over the gold claims (events from EventIndex on gold metadata):
    {"links", "found", "recall", "violations", "suggested", "missed"}; pairs given by gold id."""
    from claims.linking.events import EventIndex
    from claims.linking.links import suggest_links

    corpus = load_corpus(folder)
    events = EventIndex().add_many(gold_articles(corpus))
    made = {(s.pair, s.relation) for s in suggest_links(gold_claims(corpus, events), stance=stance)}
    found = [x for x in corpus.links if (frozenset((x["a"], x["b"])), x["relation"]) in made]
    violations = [x for x in corpus.not_links if (frozenset((x["a"], x["b"])), x["relation"]) in made]
    return {
        "links": len(corpus.links),
        "found": len(found),
        "recall": len(found) / len(corpus.links) if corpus.links else 1.0,
        "violations": len(violations),
        "suggested": len(made),
        "missed": [f"{x['a']}~{x['b']}" for x in corpus.links if x not in found],
    }
