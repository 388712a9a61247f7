"""The article page's reads: the article with its outlet, its claims, annotations (with their tags),
events and versions, each one statement compiled once per process (tracker.compiled).

Through the ORM each of these small reads cost 0.5-1.5 ms of CPU to compile at every request, more
than PostgreSQL takes to answer it at 1M claims; the page's CPU was mostly that and its template.
The rows are what the former querysets gave, in the same order (tests/web/test_article_page.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection

from claims.models import Actor, Annotation, Claim, Event
from claims.selectors.claim_page import OTHER_FIELDS, _in_model_order
from sources.models import Article, Outlet
from tracker.compiled import CompiledQuery

EVENT_LIMIT = 20  # the events listed beside the text

ARTICLE_FIELDS = tuple(
    f.attname for f in Article._meta.concrete_fields if f.name not in ("original", "search_vector")
)
OUTLET_FIELDS = tuple(f.attname for f in Outlet._meta.concrete_fields)

_ARTICLE = CompiledQuery(
    lambda pk: (
        Article.objects.filter(pk=pk)
        .order_by()
        .values_list(*ARTICLE_FIELDS, *(f"outlet__{name}" for name in OUTLET_FIELDS))
    ),
    pk=int,
)


def article_for_page(pk: int) -> Article | None:
    """The article (its text included, not its raw page) with its outlet loaded, as
    `Article.objects.select_related("outlet").defer("original")` reads it; None when there is no such
    article (or the id is past what the id column holds)."""
    low, high = connection.ops.integer_field_range(Article._meta.pk.get_internal_type())
    if not low <= pk <= high:
        return None
    rows = _ARTICLE.rows(pk=pk)
    if not rows:
        return None
    row = rows[0]
    article = Article.from_db("default", ARTICLE_FIELDS, row[: len(ARTICLE_FIELDS)])
    outlet_values = row[len(ARTICLE_FIELDS) :]
    outlet = None
    if outlet_values[OUTLET_FIELDS.index("id")] is not None:  # None: the LEFT JOIN found no outlet
        outlet = Outlet.from_db("default", OUTLET_FIELDS, outlet_values)
    Article.outlet.field.set_cached_value(article, outlet)
    return article


# What the page reads of a claim: its span and review status (the marks in the text, the index), its
# quote (the annotation form's menu) and what value_text and date_shown read.
CLAIM_FIELDS = _in_model_order(Claim, (*OTHER_FIELDS, "article_id", "start", "end", "review_status"))

_CLAIMS = CompiledQuery(
    lambda article_id: (
        Claim.objects.filter(article_id=article_id)
        .order_by("start", "id")
        .values_list(*CLAIM_FIELDS, "speaker__name")
    ),
    article_id=int,
)


def article_claims(article: Article) -> list[Claim]:
    """The article's claims in text order, each with the columns the page shows and its speaker (id
    and name) loaded: no further query for any of them (one query)."""
    claims = []
    for row in _CLAIMS.rows(article_id=article.pk):
        claim = Claim.from_db("default", CLAIM_FIELDS, row[:-1])
        speaker = None
        if claim.speaker_id is not None:
            speaker = Actor.from_db("default", ("id", "name"), (claim.speaker_id, row[-1]))
        Claim.speaker.field.set_cached_value(claim, speaker)
        Claim.article.field.set_cached_value(claim, article)
        claims.append(claim)
    return claims


@dataclass(frozen=True, slots=True)
class ArticleNote:
    """An annotation as the article page shows it: its span, texts, claim, author's user name, date and
    tag names (by name)."""

    pk: int
    start: int
    end: int
    quote: str
    note: str
    claim_id: int | None
    orphaned: bool
    created_by: str
    created_at: dt.datetime
    tags: tuple[str, ...]


_ANNOTATIONS = CompiledQuery(
    lambda article_id: (
        Annotation.objects.filter(article_id=article_id)
        .order_by("start", "id")
        .values_list(
            "id",
            "start",
            "end",
            "quote",
            "note",
            "claim_id",
            "orphaned",
            "created_by__username",
            "created_at",
        )
    ),
    article_id=int,
)

_TAGS = CompiledQuery(
    lambda article_id: (
        Annotation.tags.through.objects.filter(annotation__article_id=article_id)
        .order_by("tag__name", "tag_id")
        .values_list("annotation_id", "tag__name")
    ),
    article_id=int,
)


def article_notes(article: Article) -> list[ArticleNote]:
    """The article's annotations in text order, each with its author and tags (by name): one query,
    and a second for the tags when there are annotations."""
    rows = _ANNOTATIONS.rows(article_id=article.pk)
    if not rows:
        return []
    tags: dict[int, list[str]] = {}
    for annotation_id, name in _TAGS.rows(article_id=article.pk):
        tags.setdefault(annotation_id, []).append(name)
    return [
        ArticleNote(pk, start, end, quote, note, claim_id, orphaned, author, at, tuple(tags.get(pk, ())))
        for pk, start, end, quote, note, claim_id, orphaned, author, at in rows
    ]


_EVENTS = CompiledQuery(
    lambda article_id: Event.objects.filter(articles=article_id).values_list("id", "title")[:EVENT_LIMIT],
    article_id=int,
)


def article_events(article: Article) -> list[tuple[int, str]]:
    """(id, title) of the first 20 events the article is in, in the events' order (newest date first)."""
    return _EVENTS.rows(article_id=article.pk)


@dataclass(frozen=True, slots=True)
class Version:
    pk: int
    version: int
    created_at: dt.datetime


_VERSIONS = CompiledQuery(
    lambda url: (
        Article.objects.filter(url=url).order_by("version").values_list("id", "version", "created_at")
    ),
    url=str,
)


def article_versions(article: Article) -> list[Version]:
    """Every stored version of the article's URL, oldest first (sources.selectors.article_versions);
    an article without URL is its only version (no query)."""
    if not article.url:
        return [Version(article.pk, article.version, article.created_at)]
    return [Version(*row) for row in _VERSIONS.rows(url=article.url)]
