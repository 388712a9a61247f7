"""Writing checked records in bulk, with the same rules as sources.services.article_store.

One chunk of records is stored with a handful of queries: outlets resolved together, current
articles looked up by URL and by content hash in bulk, retired versions updated together and new rows
inserted with bulk_create. The caller wraps a chunk in one transaction, so a chunk is all or nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Lower
from simple_history.utils import bulk_create_with_history

from newstext.notes import note_records

from ..models import Article, ImportBatch, Outlet, SilentEdit, content_hash
from ..services import StoreOutcome, article_store, articles_carry_over, outlet_get_or_create
from ..signals import silent_edits_recorded
from .edits import number_changes
from .records import ArticleRecord


@dataclass(slots=True)
class ChunkCounts:
    """What storing one chunk did."""

    created: int = 0
    versioned: int = 0
    skipped: int = 0


def resolve_outlets(records: list[ArticleRecord]) -> dict[str, Outlet]:
    """Lower-cased outlet name (or domain) -> Outlet for every outlet the records name, creating new ones."""
    names = {r.outlet.lower(): r for r in records if r.outlet}
    domains = {r.outlet_domain: r for r in records if r.outlet_domain}
    found: dict[str, Outlet] = {}
    if names or domains:
        query = Outlet.objects.annotate(lname=Lower("name")).filter(
            Q(lname__in=list(names)) | Q(domain__in=list(domains))
        )
        for outlet in query:
            found[outlet.name.lower()] = outlet
            if outlet.domain:
                found[outlet.domain] = outlet
    for key, record in names.items():
        if key in found:
            continue
        by_domain = found.get(record.outlet_domain) if record.outlet_domain else None
        found[key] = by_domain or outlet_get_or_create(name=record.outlet, domain=record.outlet_domain)
        if record.outlet_domain:  # a second name with this domain in the chunk is the same outlet
            found.setdefault(record.outlet_domain, found[key])
    for domain, record in domains.items():
        if domain not in found and not record.outlet:
            found[domain] = outlet_get_or_create(name=domain, domain=domain)
    return found


def outlet_for(record: ArticleRecord, outlets: dict[str, Outlet]) -> Outlet | None:
    """The outlet a record names (by name, else by domain), from resolve_outlets()."""
    if record.outlet and record.outlet.lower() in outlets:
        return outlets[record.outlet.lower()]
    return outlets.get(record.outlet_domain) if record.outlet_domain else None


def _article(record: ArticleRecord, digest: str, outlet: Outlet | None, batch: ImportBatch | None) -> Article:
    published = record.published_date
    return Article(
        outlet=outlet,
        url=record.url,
        title=record.title,
        byline=record.byline,
        body=record.body,
        notes=note_records(record.body),  # as article_store records them
        content_hash=digest,
        published_on=published,
        published_precision=record.published_precision if published else Article.DatePrecision.UNKNOWN,
        published_source=record.published_source if published else Article.DateSource.NONE,
        published_conflicts=record.published_conflicts,
        language=record.language or "en",
        import_batch=batch,
        original=record.original,
    )


def record_store(record: ArticleRecord, *, outlet: Outlet | None, batch: ImportBatch | None):
    """Store one checked record through article_store (duplicates and versions by its rules)."""
    published = record.published_date
    return article_store(
        body=record.body,
        outlet=outlet,
        url=record.url,
        title=record.title,
        byline=record.byline,
        published_on=published,
        published_precision=record.published_precision if published else None,
        published_source=record.published_source if published else None,
        language=record.language,
        import_batch=batch,
        original=record.original,
    )


def store_chunk(records: list[ArticleRecord], *, batch: ImportBatch | None) -> ChunkCounts:
    """Store a chunk of records in bulk (call inside transaction.atomic); returns the counts."""
    urls = Counter(r.url for r in records if r.url)
    if any(n > 1 for n in urls.values()):
        # The same URL twice in one chunk needs versions in order: the row-by-row path does that.
        return store_rows(records, batch=batch)
    outlets = resolve_outlets(records)
    current = {
        a.url: a
        for a in Article.objects.select_for_update()
        .filter(url__in=list(urls), is_current=True)
        .only("id", "url", "content_hash", "version")
    }
    hashes = {content_hash(r.body): r for r in records if not r.url}
    seen = set(
        Article.objects.filter(content_hash__in=list(hashes), is_current=True).values_list(
            "content_hash", flat=True
        )
    )
    counts = ChunkCounts()
    new: list[Article] = []
    retired: list[Article] = []
    for record in records:
        digest = content_hash(record.body)
        article = _article(record, digest, outlet_for(record, outlets), batch)
        previous = current.get(record.url) if record.url else None
        if previous is not None:
            if previous.content_hash == digest:
                counts.skipped += 1
                continue
            article.version, article.previous_version = previous.version + 1, previous
            retired.append(previous)
            counts.versioned += 1
        elif not record.url:
            if digest in seen:
                counts.skipped += 1
                continue
            seen.add(digest)
            counts.created += 1
        else:
            counts.created += 1
        new.append(article)
    if retired:
        Article.objects.filter(pk__in=[a.pk for a in retired]).update(is_current=False)
    if new:
        bulk_create_with_history(new, Article, batch_size=500)
    if retired:
        versions = [a for a in new if a.previous_version_id is not None]
        record_silent_edits(versions)
        articles_carry_over(versions)
    return counts


def store_rows(records: list[ArticleRecord], *, batch: ImportBatch | None) -> ChunkCounts:
    """Store records one by one through article_store (the slow, always-correct path); returns the counts."""
    outlets = resolve_outlets(records)
    counts = ChunkCounts()
    for record in records:
        result = record_store(record, outlet=outlet_for(record, outlets), batch=batch)
        if result.outcome == StoreOutcome.DUPLICATE:
            counts.skipped += 1
            continue
        if record.published_conflicts:
            Article.objects.filter(pk=result.article.pk).update(
                published_conflicts=record.published_conflicts
            )
        if result.outcome == StoreOutcome.NEW_VERSION:
            counts.versioned += 1
            record_silent_edits([result.article])
        else:
            counts.created += 1
    return counts


def record_silent_edits(articles: list[Article]) -> int:
    """Record a SilentEdit for each new version whose numbers changed; returns how many were recorded.
    Receivers of sources.signals.silent_edits_recorded (claims) add the claims in the changed passages."""
    if not articles:
        return 0
    previous_ids = [a.previous_version_id for a in articles if a.previous_version_id is not None]
    bodies = dict(Article.objects.filter(pk__in=previous_ids).values_list("pk", "body"))
    edits = []
    for article in articles:
        if article.previous_version_id is None:  # a first version has nothing to compare with
            continue
        changes = number_changes(bodies.get(article.previous_version_id, ""), article.body)
        if changes:
            edits.append(
                SilentEdit(article=article, previous_id=article.previous_version_id, changes=changes)
            )
    SilentEdit.objects.bulk_create(edits, ignore_conflicts=True)
    if edits:
        silent_edits_recorded.send(sender=SilentEdit, articles=[edit.article for edit in edits])
    return len(edits)
