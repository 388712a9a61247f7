"""Fill the database with a synthetic corpus quickly: articles, their planted claims, events and links.

Bulk inserts in batches, without the extractor, so page benchmarks can run at a million claims.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from django.db import transaction

from claims.models import Actor, Claim, ClaimLink, Event
from sources.models import Article, Outlet, content_hash

from .generator import SyntheticArticle, generate, make_outlets

BATCH = 2000


def _claim_row(article: Article, planted, actors: dict[str, Actor]) -> Claim:
    claim = Claim(
        article=article,
        kind=planted.kind,
        start=planted.start,
        end=planted.end,
        quote=article.body[planted.start : planted.end],
        extractor_version="synthetic",
        confidence=0.9,
    )
    if planted.kind == "quantity":
        low, high = planted.value if isinstance(planted.value, tuple) else (planted.value, planted.value)
        claim.quantity_low, claim.quantity_high = low, high
        claim.quantity_approximate = isinstance(planted.value, tuple)
        claim.unit = claim.unit_class = planted.unit or ""
    elif planted.kind == "date":
        value = str(planted.value)
        claim.date_value = f"{value}-01-01" if len(value) == 4 else value
        claim.date_precision = "year" if len(value) == 4 else "day"
    else:
        claim.speaker = actors[planted.value]
        claim.direct = True
    return claim


def populate(
    n_articles: int, *, seed: int = 2026, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Insert `n_articles` synthetic articles with their claims, events and suggested links; returns counts."""
    outlets = make_outlets(max(8, n_articles // 200), seed)
    outlet_rows = {
        o.name: Outlet.objects.get_or_create(name=o.name, defaults={"domain": o.domain, "kind": o.kind})[0]
        for o in outlets
    }
    counts = {"articles": 0, "claims": 0, "events": 0, "links": 0}
    event_ids: dict[int, int] = {}  # synthetic event number -> Event pk (an event can span batches)
    stream = generate(n_articles, seed=seed, outlets=outlets)
    while batch := list(itertools.islice(stream, BATCH)):
        with transaction.atomic():
            _insert_batch(batch, outlet_rows, event_ids, counts)
        if progress:
            progress(counts["articles"])
    return counts


def _insert_batch(
    batch: list[SyntheticArticle],
    outlet_rows: dict[str, Outlet],
    event_ids: dict[int, int],
    counts: dict[str, int],
) -> None:
    articles = Article.objects.bulk_create(
        [
            Article(
                outlet=outlet_rows[s.outlet],
                url=s.url,
                title=s.title,
                byline=s.byline,
                body=s.body,
                content_hash=content_hash(s.body),
                published_on=s.published,
                published_precision="day",
                published_source="metadata",
                extraction_status="done",
                extractor_version="synthetic",
            )
            for s in batch
        ]
    )
    names = {str(p.value) for s in batch for p in s.claims if p.kind == "statement"}
    existing = {a.name: a for a in Actor.objects.filter(name__in=names)}
    new = [Actor(name=n, normalized_name=n.lower()) for n in names if n not in existing]
    existing.update({a.name: a for a in Actor.objects.bulk_create(new)})
    events: dict[int, Event] = {}
    for s in batch:
        if s.event not in event_ids and s.event not in events:
            events[s.event] = Event(title=f"{s.title} ({s.published:%Y-%m-%d})", date=s.published)
    Event.objects.bulk_create(list(events.values()))
    event_ids.update({number: event.pk for number, event in events.items()})
    through = Event.articles.through
    through.objects.bulk_create(
        [through(event_id=event_ids[s.event], article_id=a.pk) for s, a in zip(batch, articles, strict=True)]
    )
    claims = []
    for s, article in zip(batch, articles, strict=True):
        for planted in s.claims:
            claim = _claim_row(article, planted, existing)
            claim.event_id = event_ids[s.event]
            claims.append(claim)
    claims = Claim.objects.bulk_create(claims)
    # Suggested links: each quantity claim corroborates the same-unit claim of the event's previous article.
    last_by_key: dict[tuple[int, str], Claim] = {}
    links = []
    for claim in claims:
        if claim.kind != "quantity":
            continue
        key = (claim.event_id, claim.unit_class)
        previous = last_by_key.get(key)
        if previous is not None and previous.article_id != claim.article_id:
            same = (
                previous.quantity_low <= claim.quantity_high and claim.quantity_low <= previous.quantity_high
            )
            links.append(
                ClaimLink(
                    claim_a_id=previous.pk,
                    claim_b_id=claim.pk,
                    relation="corroborates" if same else "contradicts",
                    confidence=0.8,
                    rationale=f"both: {claim.quote} / {previous.quote}"[:300],
                )
            )
        last_by_key[key] = claim
    ClaimLink.objects.bulk_create(links)
    counts["articles"] += len(articles)
    counts["claims"] += len(claims)
    counts["events"] += len(events)
    counts["links"] += len(links)
