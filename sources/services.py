"""Writes for outlets and articles. Every function runs in one transaction and is safe to re-run."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from django.db import transaction

from newstext.notes import note_records

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
            articles_carry_over([article])
            return StoreResult(article, StoreOutcome.NEW_VERSION)
    else:
        existing = Article.objects.filter(content_hash=digest, is_current=True).first()
        if existing is not None:
            return StoreResult(existing, StoreOutcome.DUPLICATE)
    return StoreResult(Article.objects.create(**fields), StoreOutcome.CREATED)
