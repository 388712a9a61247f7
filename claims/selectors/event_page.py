"""The event page's reads: the event, its claims with their article, outlet and speaker, the links among
them and its articles, each one statement compiled once per process (tracker.compiled).

Through the ORM these cost more CPU to compile at every request than PostgreSQL takes to answer them
at 1M claims, and the claims took two round trips (their ids, then the rows). Here the claims'
statement carries the event's two ways in (claims set on the event, claims of its articles) as a UNION
subquery, and the links' statement the same ids: each read takes the event's id and nothing else. The
rows become the models the page has always been given (Model.from_db, as select_related builds them),
the same fields read and the same ones left deferred; an article, outlet or speaker shared by several
claims is one instance.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Model, QuerySet

from claims.models import Actor, Claim, ClaimLink, Event
from sources.models import Article, Outlet
from tracker.compiled import CompiledQuery

CLAIM_LIMIT = 2000
ARTICLE_LIMIT = 200


def _attnames(model: type[Model], *, without: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(f.attname for f in model._meta.concrete_fields if f.name not in without)


EVENT_FIELDS = _attnames(Event)
CLAIM_FIELDS = _attnames(Claim, without=("search_vector",))
ARTICLE_FIELDS = _attnames(Article, without=("body", "original", "search_vector"))
OUTLET_FIELDS = _attnames(Outlet)
SPEAKER_FIELDS = _attnames(Actor)
LINK_FIELDS = ("id", "claim_a_id", "claim_b_id", "relation", "confidence", "rationale", "status", "version")


def _claim_ids(event_id: int) -> QuerySet:
    """The ids of the event's claims: set on the claim, or of one of its articles (a UNION of two index
    reads; an OR across them would scan the claims table)."""
    own = Claim.objects.filter(event_id=event_id).order_by().values("id")
    reported = (
        Claim.objects.filter(
            article_id__in=Event.articles.through.objects.filter(event_id=event_id).values("article_id")
        )
        .order_by()
        .values("id")
    )
    return own.union(reported)


_EVENT = CompiledQuery(lambda pk: Event.objects.filter(pk=pk).values_list(*EVENT_FIELDS), pk=int)


def _claim_rows(event_id: int) -> QuerySet:
    columns = [
        *CLAIM_FIELDS,
        *(f"article__{name}" for name in ARTICLE_FIELDS),
        *(f"article__outlet__{name}" for name in OUTLET_FIELDS),
        *(f"speaker__{name}" for name in SPEAKER_FIELDS),
    ]
    return (
        Claim.objects.filter(pk__in=_claim_ids(event_id))
        .exclude(review_status=Claim.ReviewStatus.REJECTED)
        .order_by("article__outlet__name", "article_id", "start", "id")
        .values_list(*columns)[:CLAIM_LIMIT]
    )


_CLAIMS = CompiledQuery(_claim_rows, event_id=int)

_LINKS = CompiledQuery(
    lambda event_id: (
        ClaimLink.objects.filter(claim_a_id__in=_claim_ids(event_id), claim_b_id__in=_claim_ids(event_id))
        .exclude(status=ClaimLink.Status.REJECTED)
        .order_by("-created_at", "-id")
        .values_list(*LINK_FIELDS)
    ),
    event_id=int,
)

_ARTICLES = CompiledQuery(
    lambda event_id: (
        Article.objects.filter(events=event_id)
        .order_by("published_on", "id")
        .values_list(*ARTICLE_FIELDS, *(f"outlet__{name}" for name in OUTLET_FIELDS))[:ARTICLE_LIMIT]
    ),
    event_id=int,
)


def event_for_page(pk: int) -> Event | None:
    """The event `pk`, None when there is none (or the id is past what the id column holds)."""
    low, high = connection.ops.integer_field_range(Event._meta.pk.get_internal_type())
    if not low <= pk <= high:
        return None
    rows = _EVENT.rows(pk=pk)
    return Event.from_db("default", EVENT_FIELDS, rows[0]) if rows else None


class _Shared:
    """Model instances made once per primary key (an article's claims share their article)."""

    def __init__(self, model: type[Model], names: tuple[str, ...]) -> None:
        self.model, self.names = model, names
        self.made: dict[Any, Model] = {}
        self.pk_at = names.index(model._meta.pk.attname)

    def get(self, values: tuple[Any, ...]) -> Any:
        pk = values[self.pk_at]
        if pk is None:  # a LEFT JOIN found no row
            return None
        made = self.made.get(pk)
        if made is None:
            made = self.made[pk] = self.model.from_db("default", self.names, values)
        return made


def event_claims(event: Event) -> list[Claim]:
    """The event's claims (set on the claim, or from its articles), not rejected, by outlet name,
    article and position, at most CLAIM_LIMIT; each with its article, the article's outlet and its
    speaker loaded (one query). A claim of this event has `event` set to it; a claim of another event
    (or none) is read for its article, outlet and speaker only, not joined to the events."""
    outlets, speakers = _Shared(Outlet, OUTLET_FIELDS), _Shared(Actor, SPEAKER_FIELDS)
    articles = _Shared(Article, ARTICLE_FIELDS)
    n_claim, n_article, n_outlet = len(CLAIM_FIELDS), len(ARTICLE_FIELDS), len(OUTLET_FIELDS)
    article_end, outlet_end = n_claim + n_article, n_claim + n_article + n_outlet
    article_field, outlet_field = Claim._meta.get_field("article"), Article._meta.get_field("outlet")
    speaker_field, event_field = Claim._meta.get_field("speaker"), Claim._meta.get_field("event")
    claims = []
    for row in _CLAIMS.rows(event_id=event.pk):
        claim = Claim.from_db("default", CLAIM_FIELDS, row[:n_claim])
        article = articles.get(row[n_claim:article_end])
        if not outlet_field.is_cached(article):
            outlet_field.set_cached_value(article, outlets.get(row[article_end:outlet_end]))
        article_field.set_cached_value(claim, article)
        speaker_field.set_cached_value(claim, speakers.get(row[outlet_end:]))
        if claim.event_id == event.pk:
            event_field.set_cached_value(claim, event)
        claims.append(claim)
    return claims


def event_links(event: Event, claims: list[Claim]) -> list[ClaimLink]:
    """The live (not rejected) links among `claims` (the event's, as event_claims read them), newest
    first, in one query: the links among all the event's claims, kept when both sides are in `claims`
    (a rejected claim, or one past CLAIM_LIMIT, is not)."""
    if not claims:
        return []
    read = {claim.pk for claim in claims}
    return [
        ClaimLink.from_db("default", LINK_FIELDS, row)
        for row in _LINKS.rows(event_id=event.pk)
        if row[1] in read and row[2] in read
    ]


def event_articles(event: Event) -> list[Article]:
    """The event's first ARTICLE_LIMIT articles by publication date, each with its outlet loaded (one
    query; the texts are not read)."""
    outlet_field = Article._meta.get_field("outlet")
    outlets = _Shared(Outlet, OUTLET_FIELDS)
    n_article = len(ARTICLE_FIELDS)
    articles = []
    for row in _ARTICLES.rows(event_id=event.pk):
        article = Article.from_db("default", ARTICLE_FIELDS, row[:n_article])
        outlet_field.set_cached_value(article, outlets.get(row[n_article:]))
        articles.append(article)
    return articles
