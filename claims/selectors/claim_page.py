"""The claim page's reads besides the claim itself: its links with the other claims, its annotations,
its history and the editors' choices (claims to link to, events to attach to).

Each is one statement compiled once per process (tracker.compiled): at 1M claims PostgreSQL answers
each in well under a millisecond, and compiling them through the ORM at every request cost more CPU
than the rest of the view. The links and their other claims are one statement (a UNION ALL of the
claim's two sides, each joined to the other claim, its outlet, speaker and the reviewer): before, two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db import connection
from django.db.models import ForeignKey, Model, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from claims.models import Actor, Annotation, Claim, ClaimLink, Event
from claims.selectors.value_fields import VALUE_FIELDS
from tracker.compiled import CompiledQuery

LINK_LIMIT = 200
ANNOTATION_LIMIT = 50


# What a link card shows of the link, then of the other claim: the columns value_text and date_shown read.
def _in_model_order(model: type[Model], names: tuple[str, ...]) -> tuple[str, ...]:
    """`names` (attnames) in the order of the model's fields: the order Model.from_db takes values in."""
    order = [f.attname for f in model._meta.concrete_fields]
    return tuple(sorted(names, key=order.index))


LINK_FIELDS = _in_model_order(ClaimLink, ("id", "relation", "status", "confidence", "rationale", "version"))
OTHER_FIELDS = _in_model_order(Claim, ("id", "kind", "quote", "speaker_id", *VALUE_FIELDS))


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link of the claim page: the link, the other claim (with its speaker, if any, loaded), the
    other claim's outlet name (None: unknown outlet) and the reviewer's user name (None: not reviewed)."""

    link: ClaimLink
    other: Claim
    outlet_name: str | None
    reviewer: str | None


def _link_side(claim_id: int, this: str, other: str) -> QuerySet:
    columns = [*LINK_FIELDS, "reviewed_by__username"]
    columns += [f"{other}__{name}" for name in OTHER_FIELDS]
    columns += [f"{other}__speaker__name", f"{other}__article__outlet__name"]
    return ClaimLink.objects.filter(**{f"{this}_id": claim_id}).order_by().values_list(*columns)


_LINKS = CompiledQuery(
    lambda claim_id: (
        _link_side(claim_id, "claim_a", "claim_b")
        .union(_link_side(claim_id, "claim_b", "claim_a"), all=True)
        .order_by("status", "-confidence", "id")[:LINK_LIMIT]
    ),
    claim_id=int,
)


def claim_links(claim: Claim) -> list[LinkView]:
    """The claim's links (either side of the pair), confirmed first, then rejected, then suggested, most
    confident first; each with the other claim, its outlet and speaker (one query)."""
    links = []
    n_link, n_other = len(LINK_FIELDS), len(OTHER_FIELDS)
    for row in _LINKS.rows(claim_id=claim.pk):
        link = ClaimLink.from_db("default", LINK_FIELDS, row[:n_link])
        reviewer = row[n_link]
        other = Claim.from_db("default", OTHER_FIELDS, row[n_link + 1 : n_link + 1 + n_other])
        speaker_name, outlet_name = row[n_link + 1 + n_other :]
        if other.speaker_id is not None:
            Claim.speaker.field.set_cached_value(
                other, Actor.from_db("default", ("id", "name"), (other.speaker_id, speaker_name))
            )
        else:
            Claim.speaker.field.set_cached_value(other, None)
        links.append(LinkView(link, other, outlet_name, reviewer))
    return links


_ANNOTATIONS = CompiledQuery(
    lambda claim_id: (
        Annotation.objects.filter(claim_id=claim_id)
        .order_by("start", "id")
        .values_list("quote", "note", "created_by__username", "created_at")[:ANNOTATION_LIMIT]
    ),
    claim_id=int,
)


@dataclass(frozen=True, slots=True)
class Note:
    quote: str
    note: str
    created_by: str | None  # the author's user name (None: the account was removed)
    created_at: dt.datetime


def claim_annotations(claim: Claim) -> list[Note]:
    """The first 50 annotations on the claim, in text order (one query)."""
    return [Note(*row) for row in _ANNOTATIONS.rows(claim_id=claim.pk)]


_history_queries: dict[tuple[type, int], tuple[CompiledQuery, tuple[str, ...]]] = {}


def history_records(obj: Any, limit: int) -> list[SimpleNamespace]:
    """The object's newest `limit` history records, each with its fields by attname, `history_type`,
    `history_date` and `history_user` (the user name, or None), in one query."""
    model = type(obj)
    if (model, limit) not in _history_queries:
        historical = model.history.model  # django-simple-history's manager
        fields = tuple(f.attname for f in historical._meta.concrete_fields if f.name != "history_user")

        def build(pk: int) -> QuerySet:
            return (
                historical.objects.filter(**{model._meta.pk.attname: pk})
                .order_by("-history_date", "-history_id")
                .values_list(*fields, "history_user__username")[:limit]
            )

        _history_queries[model, limit] = (CompiledQuery(build, pk=int), (*fields, "history_user"))
    query, names = _history_queries[model, limit]
    return [SimpleNamespace(**dict(zip(names, row, strict=True))) for row in query.rows(pk=obj.pk)]


def _link_choice_query(with_event: bool) -> CompiledQuery:
    from claims.selectors import PICK_LIMIT, ranked_candidates

    columns = ("pk", "article__outlet__name", "article__title", "quote", "polarity")
    if with_event:
        return CompiledQuery(
            lambda article_id, event_id, kind: ranked_candidates(article_id, event_id, kind).values_list(
                *columns
            )[:PICK_LIMIT],
            article_id=int,
            event_id=int,
            kind=str,
        )
    return CompiledQuery(
        lambda article_id, kind: ranked_candidates(article_id, None, kind).values_list(*columns)[:PICK_LIMIT],
        article_id=int,
        kind=str,
    )


_LINK_CHOICES = {True: _link_choice_query(True), False: _link_choice_query(False)}


def link_choice_rows(claim: Claim) -> list[tuple[int, str | None, str, str, str]]:
    """(id, outlet name, article title, quote, polarity) of the claims the picker offers first (one query)."""
    if claim.event_id:
        return _LINK_CHOICES[True].rows(article_id=claim.article_id, event_id=claim.event_id, kind=claim.kind)
    return _LINK_CHOICES[False].rows(article_id=claim.article_id, kind=claim.kind)


def _event_choice_rows(article_id: int) -> QuerySet:
    from claims.selectors import PICK_LIMIT

    events = Event.objects.all()
    newest_from = Coalesce(Subquery(events.order_by("-id").values("id")[PICK_LIMIT - 1 : PICK_LIMIT]), 0)
    return (
        events.filter(articles=article_id)
        .annotate(own=Value(True))
        .order_by()
        .values_list("id", "title", "date", "own")
        .union(
            events.filter(pk__gte=newest_from)
            .annotate(own=Value(False))
            .order_by()
            .values_list("id", "title", "date", "own"),
            all=True,
        )
    )


_EVENT_CHOICES = CompiledQuery(_event_choice_rows, article_id=int)


def event_choices(claim: Claim) -> list[tuple[int, str, dt.date | None]]:
    """(id, title, date) of the events the claim page offers: selectors.event_candidates(claim)
    without a search text, read as three columns (one query)."""
    from claims.selectors import PICK_LIMIT, events_in_pick_order

    rows = [
        (pk, title, date, bool(own))
        for pk, title, date, own in _EVENT_CHOICES.rows(article_id=claim.article_id)
    ]
    return [(pk, title, date) for pk, title, date, _ in events_in_pick_order(rows, PICK_LIMIT)]


# --- the claim itself, with what its page shows of its article, outlet, speaker, event and people ---


def _model_fields(model: type[Model], *, without: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(f.attname for f in model._meta.concrete_fields if f.name not in without)


def _claim_parts() -> list[tuple[str, type[Model], tuple[str, ...]]]:
    """(path from the claim, model, attnames read) of the claim and each row select_related gave it."""
    from django.contrib.auth import get_user_model

    from sources.models import Article, Outlet

    user_fields = _model_fields(get_user_model())
    return [
        ("", Claim, _model_fields(Claim, without=("search_vector",))),
        ("article", Article, _model_fields(Article, without=("original", "search_vector"))),
        ("article__outlet", Outlet, _model_fields(Outlet)),
        ("speaker", Actor, _model_fields(Actor)),
        ("event", Event, _model_fields(Event)),
        ("reviewed_by", get_user_model(), user_fields),
        ("created_by", get_user_model(), user_fields),
    ]


_CLAIM_PARTS: list[tuple[str, type[Model], tuple[str, ...]]] = []


def _claim_row(pk: int) -> QuerySet:
    columns = [f"{path}__{name}" if path else name for path, _, names in _CLAIM_PARTS for name in names]
    return Claim.objects.filter(pk=pk).values_list(*columns)


_CLAIM = CompiledQuery(_claim_row, pk=int)


def _cache_related(instance: Model, name: str, related: Model | None) -> None:
    """Set `related` as what instance.<name> (a foreign key) gives, as select_related does."""
    field = type(instance)._meta.get_field(name)
    assert isinstance(field, ForeignKey), field
    field.set_cached_value(instance, related)


def claim_for_page(pk: int) -> Claim | None:
    """The claim with its article (text included), the article's outlet, its speaker, event, reviewer
    and creator loaded, as selectors.claim_detail() reads it; None when there is no such claim (or the
    id is past what the id column holds)."""
    low, high = connection.ops.integer_field_range(Claim._meta.pk.get_internal_type())
    if not low <= pk <= high:
        return None
    if not _CLAIM_PARTS:
        _CLAIM_PARTS.extend(_claim_parts())
    rows = _CLAIM.rows(pk=pk)
    if not rows:
        return None
    row, start = rows[0], 0
    built: dict[str, Model | None] = {}
    for path, model, names in _CLAIM_PARTS:
        values = row[start : start + len(names)]
        start += len(names)
        present = values[names.index(model._meta.pk.attname)] is not None  # None: a LEFT JOIN found no row
        built[path] = model.from_db("default", names, values) if present else None
    claim, article = built.pop(""), built.pop("article")
    assert isinstance(claim, Claim) and article is not None
    _cache_related(claim, "article", article)
    _cache_related(article, "outlet", built.pop("article__outlet"))
    for path, related in built.items():
        _cache_related(claim, path, related)
    return claim
