"""The claims list's rows: the columns a row shows, read as tuples into small objects, not model instances.

At 1M claims a list page's SQL takes a few milliseconds; building its 50 claims with their article,
outlet, speaker and event as Django models (some 170 instances of models with up to 50 fields) cost
about a third of the page's CPU. A row here is one `ListedClaim` holding the 30-odd columns the table
row, its value text and the pager's cursor read, with its article, outlet, speaker and event as small
objects of their own (the names the templates and tests use: `claim.article.outlet.name`, ...), and
its link marks read in the same query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, cast

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.query import ValuesListIterable

from claims.models import Actor, Claim, ClaimLink, Event
from claims.selectors.value_fields import VALUE_FIELDS

# (attribute, ORM path) of what a row reads, in the order of the query's columns.
CLAIM_COLUMNS = (
    "id",
    "kind",
    "quote",
    "review_status",
    "confidence",
    "article_id",
    "event_id",
    "speaker_id",
    *VALUE_FIELDS,
)
RELATED_COLUMNS = (
    "article__title",
    "article__published_on",
    "article__published_precision",
    "article__outlet_id",
    "article__outlet__name",
    "listed_speaker_name",  # the speaker's and event's names: subqueries, see `listed_claims`
    "listed_event_title",
)
MARKS = ("corroborated", "contradicted")
COLUMNS = CLAIM_COLUMNS + RELATED_COLUMNS + MARKS


class ListedOutlet:
    __slots__ = ("name", "pk")

    def __init__(self, pk: int, name: str) -> None:
        self.pk, self.name = pk, name


class ListedArticle:
    __slots__ = ("outlet", "outlet_id", "pk", "published_on", "published_precision", "title")

    def __init__(
        self,
        pk: int,
        title: str,
        published_on: dt.date | None,
        published_precision: str,
        outlet: ListedOutlet | None,
    ) -> None:
        self.pk, self.title = pk, title
        self.published_on, self.published_precision = published_on, published_precision
        self.outlet, self.outlet_id = outlet, outlet.pk if outlet is not None else None


class ListedSpeaker:
    __slots__ = ("name", "pk")

    def __init__(self, pk: int, name: str) -> None:
        self.pk, self.name = pk, name


class ListedEvent:
    __slots__ = ("pk", "title")

    def __init__(self, pk: int, title: str) -> None:
        self.pk, self.title = pk, title


class ListedClaim:
    """A claims list row: the claim's columns under their model names, its `article` (with `outlet`),
    `speaker` and `event` (None when it has none), `corroborated` / `contradicted`, and the display
    attributes `claims.views.claim_rows.prepare` sets."""

    __slots__ = (
        *CLAIM_COLUMNS,
        *MARKS,
        "article",
        "speaker",
        "event",
        # set by claims.views.claim_rows.prepare
        "article_url",
        "event_url",
        "link_relations",
        "outlet_url",
        "short_quote",
        "short_title",
        "url",
        "value_text",
    )
    id: int
    kind: str
    quote: str
    review_status: str
    confidence: float | None
    article_id: int
    event_id: int | None
    speaker_id: int | None
    quantity_low: float | None
    quantity_high: float | None
    quantity_approximate: bool
    quantity_direction: str
    unit: str
    unit_class: str
    date_value: dt.date | None
    date_precision: str
    date_end_value: dt.date | None
    date_end_precision: str
    date_month: int | None
    date_day: int | None
    date_weekday: int | None
    date_approximate: bool
    date_expression: str
    speaker_mention: str
    polarity: str
    words: str
    corroborated: bool
    contradicted: bool
    article: ListedArticle
    speaker: ListedSpeaker | None
    event: ListedEvent | None
    article_url: str
    event_url: str
    link_relations: set[str]
    outlet_url: str
    short_quote: str
    short_title: str
    url: str
    value_text: str

    Kind = Claim.Kind
    DatePrecision = Claim.DatePrecision
    Polarity = Claim.Polarity
    _kind_labels = dict(Claim.Kind.choices)
    _status_labels = dict(Claim.ReviewStatus.choices)

    @property
    def date_shown(self) -> str:
        """The date as pages and exports show it, by the model's own rule (Claim.date_shown)."""
        rule: Callable[[Any], str] = Claim.date_shown.fget  # type: ignore[attr-defined]  # a property
        return rule(self)

    @property
    def pk(self) -> int:
        return self.id

    def get_kind_display(self) -> str:
        return self._kind_labels.get(self.kind, self.kind)

    def get_review_status_display(self) -> str:
        return self._status_labels.get(self.review_status, self.review_status)

    def __repr__(self) -> str:
        return f"<ListedClaim {self.id}: {self.kind}>"


def _listed(row: tuple[Any, ...], claim_count: int = len(CLAIM_COLUMNS)) -> ListedClaim:
    claim = ListedClaim()
    for name, value in zip(CLAIM_COLUMNS, row, strict=False):
        setattr(claim, name, value)
    title, published_on, precision, outlet_id, outlet_name, speaker_name, event_title, ok, bad = row[
        claim_count:
    ]
    outlet = ListedOutlet(outlet_id, outlet_name) if outlet_id is not None else None
    claim.article = ListedArticle(claim.article_id, title, published_on, precision, outlet)
    claim.speaker = ListedSpeaker(claim.speaker_id, speaker_name) if claim.speaker_id is not None else None
    claim.event = ListedEvent(claim.event_id, event_title) if claim.event_id is not None else None
    claim.corroborated, claim.contradicted = bool(ok), bool(bad)
    return claim


class ListedIterable(ValuesListIterable):
    """Rows of a `listed_claims` queryset as ListedClaim objects (the columns come in COLUMNS order)."""

    def __iter__(self):
        return map(_listed, super().__iter__())


def listed_claims(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """`claims` (filtered, ordered, not yet sliced) as a queryset of ListedClaim rows with their link
    marks: filter, order and slice it as any queryset. The marks are two EXISTS per row, each a probe
    of the link indexes, for a page read in index order or by id (PostgreSQL evaluates them after the
    sort and limit)."""
    from claims.filters import links_exist

    # The speaker's name and the event's title are subqueries, each an index probe per row shown: as
    # LEFT JOINs, a page read by its ids (a small result's, or after its keys) was planned as a hash of
    # the whole actor and event tables (1.2 of its 1.6 ms at 100,000 claims), and each join cost
    # planning time too.
    rows = claims.annotate(
        listed_speaker_name=Subquery(
            Actor.objects.filter(pk=OuterRef("speaker_id")).order_by().values("name")
        ),
        listed_event_title=Subquery(Event.objects.filter(pk=OuterRef("event_id")).order_by().values("title")),
        corroborated=links_exist(ClaimLink.Relation.CORROBORATES),
        contradicted=links_exist(ClaimLink.Relation.CONTRADICTS),
    ).values_list(*COLUMNS)
    rows._iterable_class = ListedIterable  # as values_list(named=True) sets NamedValuesListIterable
    return rows


_every_claim_listed: QuerySet[Claim] | None = None


def listed() -> QuerySet[Claim]:
    """Every claim as a list row (see `listed_claims`), to filter, order and slice. Its columns and marks
    are set up once per process (resolving them cost about a CPU millisecond a page); each call gets a
    copy of its own, and the one kept is never evaluated."""
    global _every_claim_listed
    if _every_claim_listed is None:
        _every_claim_listed = listed_claims(Claim.objects.all())
    return _every_claim_listed.all()


def listed_by_id(ids: list[int]) -> dict[int, ListedClaim]:
    """{id: row} of the list rows (see `listed_claims`) of the given claims, in one query: a list page's
    rows, read after their ordered ids."""
    from tracker.paging import pk_among

    if not ids:
        return {}
    rows = cast(Iterable[ListedClaim], listed().filter(pk_among(ids)).order_by())
    return {row.id: row for row in rows}
