"""Writes for outlets and articles. Every function runs in one transaction and is safe to re-run."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from django.db import transaction

from newstext.notes import note_records

from .importing.nearduplicates import current_version, fingerprints_store
from .models import Article, ImportBatch, Outlet, content_hash
from .signals import article_versions_stored


class StoreOutcome(enum.StrEnum):
    CREATED = "created"
    NEW_VERSION = "new_version"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class StoreResult:
    article: Article
    outcome: StoreOutcome


@transaction.atomic
def outlet_get_or_create(
    *, name: str, domain: str = "", country: str = "", kind: str = Outlet.Kind.OTHER
) -> Outlet:
    """The outlet with this name, created with the given details when new (existing details are kept)."""
    name = name.strip()
    if not name:
        raise ValueError("An outlet needs a name.")
    outlet, _ = Outlet.objects.get_or_create(
        name=name, defaults={"domain": domain, "country": country, "kind": kind}
    )
    return outlet


def articles_carry_over(new_versions: list[Article]) -> None:
    """Announce new versions (sources.signals.article_versions_stored) so that what other apps hang on
    the previous versions (claims' annotations) follows them; inside the caller's transaction."""
    if new_versions:
        article_versions_stored.send(sender=Article, articles=new_versions)


@transaction.atomic
def article_store(
    *,
    body: str,
    outlet: Outlet | None = None,
    url: str = "",
    title: str = "",
    byline: str = "",
    published_on: dt.date | None = None,
    published_precision: str | None = None,
    published_source: str | None = None,
    language: str = "en",
    import_batch: ImportBatch | None = None,
    original: str = "",
) -> StoreResult:
    """Store an article, returning it and whether it was created, a new version of its URL, or a duplicate.

    The same text again (by URL, or by content hash when there is no URL) changes nothing. A changed
    text for a known URL becomes a new version; the old one stays, no longer current, so the spans
    of its claims and annotations keep pointing at the text they were made on.
    """
    if not body or not body.strip():
        raise ValueError("An article needs a body text.")
    url = url.strip()
    digest = content_hash(body)
    if published_on is None:
        published_precision, published_source = Article.DatePrecision.UNKNOWN, Article.DateSource.NONE
    fields = dict(
        outlet=outlet,
        url=url,
        title=title.strip(),
        byline=byline.strip(),
        body=body,
        notes=note_records(body),  # corrections and editor's notes, recorded with or without extraction
        published_on=published_on,
        published_precision=published_precision or Article.DatePrecision.DAY,
        published_source=published_source or Article.DateSource.METADATA,
        language=language or "en",
        import_batch=import_batch,
        original=original,
    )
    if url:
        current = Article.objects.select_for_update().filter(url=url, is_current=True).first()
        if current is not None:
            if current.content_hash == digest:
                return StoreResult(current, StoreOutcome.DUPLICATE)
            current.is_current = False
            current.save(update_fields=["is_current", "updated_at"])
            article = Article.objects.create(**fields, version=current.version + 1, previous_version=current)
            fingerprints_store([article])
            articles_carry_over([article])
            return StoreResult(article, StoreOutcome.NEW_VERSION)
    else:
        existing = Article.objects.filter(content_hash=digest, is_current=True).first()
        if existing is not None:
            return StoreResult(existing, StoreOutcome.DUPLICATE)
    article = Article.objects.create(**fields)
    fingerprints_store([article])
    return StoreResult(article, StoreOutcome.CREATED)


@transaction.atomic
def article_merge(
    *,
    into: Article,
    body: str,
    outlet: Outlet | None = None,
    url: str = "",
    title: str = "",
    byline: str = "",
    published_on: dt.date | None = None,
    published_precision: str | None = None,
    published_source: str | None = None,
    language: str = "en",
    import_batch: ImportBatch | None = None,
    original: str = "",
) -> StoreResult:
    """Store `body` as the next version of `into` (a near-duplicate an editor chose to merge); returns it
    as NEW_VERSION, or the current version as DUPLICATE when the text is the same.

    `into` may have been superseded since: the text goes on its current version. What the stored article
    says of itself (URL, title, outlet, byline, publication date: an editor may have corrected them) is
    kept; the incoming row fills only what it lacks. Claims and annotations follow as for any new
    version (sources.signals.article_versions_stored, extraction of the new version).
    """
    if not body or not body.strip():
        raise ValueError("An article needs a body text.")
    previous = Article.objects.select_for_update().get(pk=current_version(into).pk)
    if previous.content_hash == content_hash(body):
        return StoreResult(previous, StoreOutcome.DUPLICATE)
    url = previous.url or url.strip()
    if url and url != previous.url and Article.objects.filter(url=url, is_current=True).exists():
        url = ""  # the row's URL is another stored article's: the merged version keeps none
    if previous.published_on is not None:
        published_on = previous.published_on
        published_precision, published_source = previous.published_precision, previous.published_source
    elif published_on is None:
        published_precision, published_source = Article.DatePrecision.UNKNOWN, Article.DateSource.NONE
    previous.is_current = False
    previous.save(update_fields=["is_current", "updated_at"])
    article = Article.objects.create(
        outlet=previous.outlet or outlet,
        url=url,
        title=previous.title or title.strip(),
        byline=previous.byline or byline.strip(),
        body=body,
        notes=note_records(body),
        published_on=published_on,
        published_precision=published_precision or Article.DatePrecision.DAY,
        published_source=published_source or Article.DateSource.METADATA,
        language=previous.language or language or "en",
        import_batch=import_batch,
        original=original,
        version=previous.version + 1,
        previous_version=previous,
    )
    fingerprints_store([article])
    articles_carry_over([article])
    return StoreResult(article, StoreOutcome.NEW_VERSION)
