"""Reads for outlets and articles; each selector owns its select_related / prefetch_related."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from newstext.outlets import KnownOutlet
from newstext.pieces import word_pieces
from tracker import search

from .models import Article, NearDuplicate, Outlet

OUTLET_CHOICES_SECONDS = 3600


def article_list() -> QuerySet[Article]:
    """Current article versions with their outlet, newest first."""
    return Article.objects.filter(is_current=True).select_related("outlet").defer("original")


def article_rows() -> QuerySet[Article]:
    """Current article versions for a list: outlet included, texts left out."""
    return article_list().defer("body", "original").order_by("-published_on", "-id")


SEARCH_WORDS = 8  # SQLite: words of a search each looked up as a substring


def article_search(text: str) -> QuerySet[Article]:
    """Current articles whose title or body match the search `text`, for a list.

    PostgreSQL: web-search syntax ("quoted phrase", or, -word) on the stored vector (migration 0004),
    best cover-density rank first. SQLite: articles containing every word, newest first.
    """
    rows = article_rows()
    if connection.vendor == "postgresql" and not search.indexable(text):
        # stop words only: an empty query for the word index, which matched nothing
        words = search.plain_words(text)
        return rows.filter(Q(title__icontains=words) | Q(body__icontains=words)) if words else rows.none()
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=search.SEARCH_CONFIG, search_type="websearch")
        rank = SearchRank(F("search_vector"), query, cover_density=True, normalization=1)
        return rows.filter(search_vector=query).annotate(rank=rank).order_by("-rank", "-published_on", "-id")
    terms = text.split()[:SEARCH_WORDS]
    if not terms:
        return rows
    return rows.filter(reduce(and_, (Q(title__icontains=w) | Q(body__icontains=w) for w in terms)))


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # claim kinds ("quantity", "date", "statement") and "annotation" covering it
    claim_ids: tuple[int, ...]
    start: int = 0  # code-point offset of the piece in the body (the reader's script anchors on it)
    annotation_ids: tuple[int, ...] = ()


def claim_pieces(body: str, claim) -> list[tuple[int, int]]:
    """The stretches of `body` the page marks for `claim`: its span, or for a quote run its attribution
    interrupts ('"We are ready," Hale said. "The crews know it."', words "We are ready ... The crews know
    it.") the speaker's parts only, so the writer's "Hale said" between them is not marked as said."""
    words = getattr(claim, "words", "") if claim.kind == "statement" else ""
    pieces = word_pieces(body[claim.start : claim.end], words) if words else None
    if pieces is None:
        return [(claim.start, claim.end)]
    return [(claim.start + a, claim.start + b) for a, b in pieces]


def article_segments(article: Article, claims=None, annotations=None) -> list[Segment]:
    """The article body cut at every claim and annotation boundary, each piece with what covers it.

    `claims` and `annotations` may be passed when the caller has loaded them already; rejected claims
    and orphaned annotations are not shown.
    """
    if claims is None:
        claims = article.claims.only("start", "end", "kind", "review_status", "words")
    if annotations is None:
        annotations = article.annotations.only("start", "end", "orphaned")
    body = article.body
    marks: list[tuple[int, int, str, int]] = [
        (start, end, c.kind, c.pk)
        for c in claims
        if c.review_status != "rejected"
        for start, end in claim_pieces(body, c)
    ]
    marks += [(a.start, a.end, "annotation", a.pk) for a in annotations if not a.orphaned]
    marks += [(n["start"], n["end"], "note", 0) for n in article.notes or []]  # corrections, editor's notes
    cuts = sorted(
        {0, len(body), *(min(m[0], len(body)) for m in marks), *(min(m[1], len(body)) for m in marks)}
    )
    opening: dict[int, list] = {}
    for mark in marks:
        opening.setdefault(mark[0], []).append(mark)
    active: list[tuple[int, int, str, int]] = []
    segments = []
    for start, end in itertools.pairwise(cuts):
        active = [m for m in active if m[1] > start] + opening.get(start, [])
        kinds = tuple(sorted({m[2] for m in active}))
        claim_ids = tuple(m[3] for m in active if m[2] not in ("annotation", "note"))
        annotation_ids = tuple(m[3] for m in active if m[2] == "annotation")
        segments.append(Segment(body[start:end], kinds, claim_ids, start, annotation_ids))
    return segments


def article_versions(article: Article) -> QuerySet[Article]:
    """Every stored version of the article's URL (just the article when it has no URL), oldest first."""
    if not article.url:
        return Article.objects.filter(pk=article.pk).only("id", "version", "created_at", "is_current")
    return (
        Article.objects.filter(url=article.url)
        .only("id", "version", "created_at", "is_current")
        .order_by("version")
    )


def outlet_list() -> QuerySet[Outlet]:
    """Outlets by name."""
    return Outlet.objects.order_by("name", "id")


@functools.cache
def _outlets_fingerprint_sql() -> str:
    """The outlets' fingerprint statement, written once: `Outlet.history` builds a manager class on
    every access (django-simple-history), a fifth of a millisecond on every claims list page."""
    history = Outlet.history.model._meta.db_table
    return f"SELECT COUNT(*), MAX(id), (SELECT MAX(history_date) FROM {history}) FROM {Outlet._meta.db_table}"


def outlet_choices() -> list[tuple[int, str]]:
    """(id, name) of every outlet by name, for filter menus; kept in the process's cache while the
    outlets are unchanged.

    The cache key is the outlets' fingerprint (how many, the newest id, the latest history record), read
    in one query: a new, renamed or deleted outlet changes it, in every worker process at once, and a
    rolled-back test's outlets never come back.
    """
    with connection.cursor() as cursor:
        cursor.execute(_outlets_fingerprint_sql())
        count, last, changed = cursor.fetchone()
    key = f"outlet-choices:{count}:{last}:{str(changed).replace(' ', 'T')}"
    choices = cache.get(key)
    if choices is None:
        choices = list(Outlet.objects.order_by("name", "id").values_list("id", "name"))
        cache.set(key, choices, OUTLET_CHOICES_SECONDS)
    return choices


def article_counts(outlet_ids: list[int]) -> dict[int, int]:
    """{outlet id: number of current articles} for the given outlets (one grouped query)."""
    if not outlet_ids:
        return {}
    rows = (
        Article.objects.filter(outlet_id__in=outlet_ids, is_current=True)
        .order_by()
        .values("outlet_id")
        .annotate(n=Count("id"))
    )
    return {row["outlet_id"]: row["n"] for row in rows}


def known_outlets() -> list[KnownOutlet]:
    """Every stored outlet's name and domain, as the pure text code takes them (to spot them in a page)."""
    return [
        KnownOutlet(name, domain)
        for name, domain in Outlet.objects.order_by("pk").values_list("name", "domain")
    ]


NEAR_DUPLICATE_ROWS = 200


def job_near_duplicates(batch_id: int) -> tuple[list[NearDuplicate], int, int]:
    """A job's near-duplicates for its page (the first NEAR_DUPLICATE_ROWS, by file and row) with both
    sides' titles and outlets, how many there are, and how many wait for a decision. Two queries."""
    rows = NearDuplicate.objects.filter(batch_id=batch_id)
    counts = rows.aggregate(
        total=Count("id"), pending=Count("id", filter=Q(decision=NearDuplicate.Decision.PENDING))
    )
    shown = list(
        rows.select_related("match__outlet", "article", "decided_by")
        .defer("record", "match__body", "match__original", "article__body", "article__original")
        .order_by("file", "row")[:NEAR_DUPLICATE_ROWS]
    )
    return shown, counts["total"], counts["pending"]
