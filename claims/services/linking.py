"""Writes for cross-source linking: events for new articles, suggested links with nearby articles
(statements and dates across events too), then inside each event.

The pure linker (claims.linking) decides; this module feeds it the neighbourhood of an article from
the database (never the whole corpus) and stores what it suggests, in one transaction per step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple, cast

from django.db import connection, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.extraction.types import DateClaim, QuantityClaim, Span, StatementClaim
from claims.linking.context import later_round, sentence_around
from claims.linking.events import EventIndex
from claims.linking.links import suggest_links
from claims.linking.types import ArticleInfo, ExistingLink, LinkableClaim, Relation
from claims.models import Claim, ClaimLink, Event
from claims.models.rows import insert_rows
from claims.services.vectors import StatementText, claims_vectors, encoder_enabled
from sources.models import Article

WINDOW_DAYS = 10  # articles further apart than this are never placed in one event
NEIGHBOURS = 2000  # at most this many earlier articles are compared with a new one


def _article_info(article: Article) -> ArticleInfo:
    """The linker's view of an article."""
    return ArticleInfo(
        article.pk,
        article.outlet.name if article.outlet else None,
        article.published_on,
        article.title,
        article.body,
    )


def _neighbour_query(articles: list[Article]):
    """Earlier articles that could share an event with `articles`: already in an event, near in time."""
    dated = [a.published_on for a in articles if a.published_on]
    query = Article.objects.filter(is_current=True, events__isnull=False).exclude(
        pk__in=[a.pk for a in articles]
    )
    if dated:
        query = query.filter(
            published_on__gte=min(dated) - dt.timedelta(days=WINDOW_DAYS),
            published_on__lte=max(dated) + dt.timedelta(days=WINDOW_DAYS),
        )
    return query


def _neighbours(articles: list[Article]) -> list[Article]:
    """The NEIGHBOURS most recent articles of `_neighbour_query`, with their outlet and events."""
    return list(
        _neighbour_query(articles)
        .select_related("outlet")
        .prefetch_related("events")
        .defer("original", "search_vector")  # the raw page and the index: the linker reads only the text
        .distinct()
        .order_by("-pk")[:NEIGHBOURS]
    )


def _placed_near(articles: list[Article]) -> list[tuple[int, int]]:
    """(article id, event id) of `articles` and their neighbours already in events, read with ids only:
    what an `_event_plan` of `articles` depends on. Unchanged since a plan was made, the plan stands."""
    if not articles:
        return []
    ids = list(
        _neighbour_query(articles).distinct().order_by("-pk").values_list("pk", flat=True)[:NEIGHBOURS]
    )
    placed = Event.articles.through.objects.values_list("article_id", "event_id")
    return sorted(
        pair
        for chunk in _chunks([*ids, *(a.pk for a in articles)])
        for pair in placed.filter(article_id__in=chunk)
    )


# Linking writes take PostgreSQL advisory locks (held until their transaction ends), always in ascending
# key order, so workers never write the same event at once and can never wait for each other in a
# circle (no deadlock):
# 1. PLACEMENT_LOCK: placing articles in events. One planner at a time, so two workers never open two
#    events for one story; a link write whose claims are not in an event yet takes it too, so no
#    placement moves them while it writes.
# 2. ALL_EVENTS_LOCK: shared by every write that takes event locks, exclusive for a write touching more
#    than EVENT_LOCKS_MAX events (bounded use of PostgreSQL's lock table).
# 3. One lock per event (_EVENT_KEYS + id): the events whose claims a write links, or that a placement
#    adds articles to. Two workers linking different events write at once; the same event, in turn.
# Each worker works its suggestions out with reads only (the stance model, the costly part) and queues
# only for its short write. The job row a follow-up locks in the same transaction comes after them all.
PLACEMENT_LOCK = 0x4C494E4B  # "LINK"
ALL_EVENTS_LOCK = 0x4C494E4C
_EVENT_KEYS = 0x45564E54 << 32  # "EVNT": above both; event ids are taken modulo 2**32 (a clash only waits)
EVENT_LOCKS_MAX = 200


def event_lock_key(event_id: int) -> int:
    """The advisory lock key of an event."""
    return _EVENT_KEYS | (event_id & 0xFFFFFFFF)


def placement_lock() -> None:
    """Take the placement lock until the caller's transaction ends (PostgreSQL; SQLite has one writer).
    Taken before any event lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLACEMENT_LOCK])


def events_lock(event_ids: Iterable[int]) -> None:
    """Take the locks of the events `event_ids` until the caller's transaction ends, in ascending order
    (PostgreSQL); more than EVENT_LOCKS_MAX of them take the all-events lock alone. Call once per
    transaction, after placement_lock if it takes that."""
    keys = sorted({event_lock_key(pk) for pk in event_ids})
    if connection.vendor != "postgresql" or not keys:
        return
    with connection.cursor() as cursor:
        if len(keys) > EVENT_LOCKS_MAX:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ALL_EVENTS_LOCK])
            return
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [ALL_EVENTS_LOCK])
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def articles_assign_events(*, articles: Iterable[Article]) -> dict[int, Event]:
    """Place each article in the event of the earlier articles it reports with, or a new event.

    Returns article id -> Event. Articles already in an event keep it.
    """
    with transaction.atomic():
        placement_lock()
        plan = _event_plan(articles=articles)
        events_lock(event_id for _, event_id in plan if event_id is not None)
        return _place(plan)


def _event_plan(*, articles: Iterable[Article]) -> list[tuple[list[Article], int | None]]:
    """Where `articles_assign_events` puts the articles not yet in an event, worked out with reads only:
    groups of them, each with the id of the existing event it joins (None: a new event)."""
    articles = list(articles)
    placed = {
        pk
        for chunk in _chunks([a.pk for a in articles])
        for pk in Event.articles.through.objects.filter(article_id__in=chunk).values_list(
            "article_id", flat=True
        )
    }
    articles = [a for a in articles if a.pk not in placed]
    if not articles:
        return []
    index = EventIndex()
    known: dict[int, int] = {}
    for neighbour in reversed(_neighbours(articles)):
        index.add(_article_info(neighbour))
        known[neighbour.pk] = neighbour.events.all()[0].pk
    for article in articles:
        index.add(_article_info(article))
    plan = []
    for cluster in index.events().values():
        members = set(cluster)
        new = [a for a in articles if a.pk in members]
        if not new:
            continue
        existing = Counter(known[pk] for pk in cluster if pk in known)
        plan.append((new, existing.most_common(1)[0][0] if existing else None))
    return plan


def _place(plan: list[tuple[list[Article], int | None]]) -> dict[int, Event]:
    """Store an `_event_plan` (inside the caller's transaction); articles placed meanwhile keep their
    event, and a group whose event was deleted meanwhile gets a new one.

    A few statements for the whole plan, not a dozen per group: the new events and the article rows
    in bulk, and their history as django-simple-history writes it one save at a time (`_event_history`).
    Through the ORM (create, then `articles.add`) each group also read back the whole row of every
    article of its event (text, raw page and search vector) to record the event's articles."""
    through = Event.articles.through
    taken = {
        pk
        for chunk in _chunks([a.pk for group, _ in plan for a in group])
        for pk in through.objects.filter(article_id__in=chunk).values_list("article_id", flat=True)
    }
    groups: list[tuple[list[Article], Event]] = []
    known = Event.objects.in_bulk([event_id for _, event_id in plan if event_id is not None])
    made: list[Event] = []
    for group, event_id in plan:
        new = [a for a in group if a.pk not in taken]
        if not new:
            continue
        taken.update(a.pk for a in new)
        event = known.get(event_id) if event_id is not None else None
        if event is None:
            first = min(new, key=lambda a: (a.published_on or dt.date.max, a.pk))
            event = Event(
                title=first.title or f"Event of article {first.pk}",
                date=first.published_on,
                date_precision="day" if first.published_on else "unknown",
            )
            made.append(event)
        groups.append((new, event))
    if not groups:
        return {}
    # the articles the events already hold, in the order the history of each event lists them
    held: dict[int, list[tuple[int, int]]] = defaultdict(list)  # event id -> (row id, article id)
    for chunk in _chunks({event.pk for _, event in groups if event.pk is not None}):
        rows = through.objects.filter(event_id__in=chunk).order_by("pk")
        for pk, event_id, article_id in rows.values_list("pk", "event_id", "article_id"):
            held[event_id].append((pk, article_id))
    Event.objects.bulk_create(made)
    added = [through(event_id=event.pk, article_id=a.pk) for new, event in groups for a in new]
    through.objects.bulk_create(added)
    _event_history(made, groups, added, held)
    placed: dict[int, Event] = {}
    for new, event in groups:
        # Moving the version on makes an editor's form open on one of these claims stale.
        Claim.objects.filter(article__in=new).update(
            event=event, version=F("version") + 1, updated_at=timezone.now()
        )
        placed.update({a.pk: event for a in new})
    return placed


def _event_history(
    made: list[Event],
    groups: list[tuple[list[Article], Event]],
    added: list,
    held: dict[int, list[tuple[int, int]]],
) -> None:
    """The history rows `_place` leaves, as `Event.objects.create` and `event.articles.add` write them:
    a "+" row for each event `made`, then for each group a "~" row of its event with a row per article
    the event holds at that point: those it `held` before (event id -> (row id, article id)), then
    those of this and earlier groups (`added`: the new article rows in the order of `groups`)."""
    history = Event.history
    history.bulk_history_create(made, default_change_reason=None)
    snapshots = []
    rows = iter(added)
    for new, event in groups:
        held[event.pk].extend((row.pk, row.article_id) for row in itertools.islice(rows, len(new)))
        snapshots.append(list(held[event.pk]))
    records = history.bulk_history_create(
        [event for _, event in groups], update=True, default_change_reason=None
    )
    if not records:  # history switched off (SIMPLE_HISTORY_ENABLED)
        return
    members = history.model.articles.model
    members.objects.bulk_create(
        members(history=record, id=pk, event_id=record.id, article_id=article_id)
        for record, snapshot in zip(records, snapshots, strict=True)
        for pk, article_id in snapshot
    )


def extracted_from_claim(claim: Claim) -> QuantityClaim | DateClaim | StatementClaim:
    """The pure-Python claim the linker reads, rebuilt from a stored Claim."""
    return _extracted(
        ClaimRow(
            claim.kind,
            claim.start,
            claim.end,
            claim.quote,
            claim.quantity_low,
            claim.quantity_high,
            claim.unit,
            claim.unit_class,
            claim.counted,
            claim.quantity_approximate,
            claim.quantity_direction,
            claim.attribution,
            claim.date_value,
            claim.date_precision,
            claim.date_month,
            claim.date_day,
            claim.date_expression,
            claim.date_approximate,
            claim.date_dated,
            claim.date_weekday,
            claim.date_end_value,
            claim.date_end_precision,
            claim.speaker.name if claim.speaker else None,
            claim.speaker_role,
            claim.direct,
            claim.polarity,
            claim.words,
            claim.speaker.kind if claim.speaker else None,
        ),
        claim.pk,
    )


class ClaimRow(NamedTuple):
    """The columns of a stored claim the linker reads (`_CLAIM_COLUMNS`, in that order): what
    `_linkable_claims` reads as plain tuples, with no model instance built per claim."""

    kind: str
    start: int
    end: int
    quote: str
    quantity_low: float | None
    quantity_high: float | None
    unit: str
    unit_class: str
    counted: str
    quantity_approximate: bool
    quantity_direction: str
    attribution: str
    date_value: dt.date | None
    date_precision: str
    date_month: int | None
    date_day: int | None
    date_expression: str
    date_approximate: bool
    date_dated: str
    date_weekday: int | None
    date_end_value: dt.date | None
    date_end_precision: str
    speaker_name: str | None
    speaker_role: str
    direct: bool
    polarity: str
    words: str
    speaker_kind: str | None  # the speaker's Actor kind ("person", "organisation", ...), None when unnamed


def _extracted(row: ClaimRow, pk: int | None) -> QuantityClaim | DateClaim | StatementClaim:
    """The pure-Python claim of a stored claim's columns (`pk` names it in an error)."""
    if row.kind == Claim.Kind.QUANTITY:
        if row.quantity_low is None or row.quantity_high is None:
            raise ValueError(f"claim {pk} has no quantity bounds")
        return QuantityClaim(
            row.start,
            row.end,
            row.quote,
            row.quantity_low,
            row.quantity_high,
            row.unit or None,
            row.unit_class or None,
            counted=row.counted or None,
            approximate=row.quantity_approximate,
            direction=row.quantity_direction or "=",
            source=row.attribution or None,
        )
    if row.kind == Claim.Kind.DATE:
        return DateClaim(
            row.start,
            row.end,
            row.quote,
            _date_value(row),
            row.date_precision,
            # the date words and what they date: the link rules read their text, never their offsets
            expression=Span(row.start, row.start, row.date_expression) if row.date_expression else None,
            approximate=row.date_approximate,
            dated=row.date_dated or None,
            weekday=row.date_weekday,
            end_value=_end_value(row),
            end_precision=row.date_end_precision or None if row.date_end_value else None,
        )
    return StatementClaim(
        row.start,
        row.end,
        # the speaker's words: a link, its rationale and the stance model never read the writer's
        # attribution inside a quote run ("he said, before adding,") as what was said
        row.words or row.quote,
        row.speaker_name,
        role=row.speaker_role or None,
        direct=row.direct,
        attribution=row.attribution or None,
        polarity=row.polarity,
        speaker_kind=row.speaker_kind or None,
    )


def _stance():
    """The shipped stance model's batch labels for the linker (:meth:`StanceModel.link_labels`), or None
    when it cannot be loaded."""
    try:
        from claims.linking.stance import StanceModel

        return StanceModel.load().link_labels
    except (ImportError, OSError, ValueError):
        return None


class StanceMemo:
    """A stance model's batch predict that asks the model only about pairs it has not labelled yet.

    One follow-up asks about the same (claim, sentence) pairs several times: once linking the new
    articles with their neighbours, again in each of their events. The model labels each pair on its
    own (its features read only that pair), so a remembered label is the one it would give again.
    Each pair is remembered by a 16-byte digest of its texts, not the texts, which the memo would keep
    alive long after their step: a full memo of 100,000 pairs of a 60- and a 180-character text holds
    43 MB keyed by the texts, 10 MB by digests (tracemalloc).
    """

    def __init__(self, predict_many, limit: int = 100_000) -> None:
        self.predict_many = predict_many
        self.limit = limit
        self.labels: dict[bytes, str] = {}
        self.asked = 0  # pairs the linker asked about
        self.scored = 0  # pairs the model read

    @staticmethod
    def key(pair: tuple[str, str]) -> bytes:
        claim, text = pair
        return hashlib.blake2b(f"{len(claim)}:{claim}{text}".encode(), digest_size=16).digest()

    def __call__(self, pairs):
        self.asked += len(pairs)
        keys = [self.key(p) for p in pairs]
        todo: dict[bytes, tuple[str, str]] = {}  # first of each pair not labelled yet, in order
        for key, pair in zip(keys, pairs, strict=True):
            if key not in self.labels:
                todo.setdefault(key, pair)
        if todo:
            self.scored += len(todo)
            if len(self.labels) + len(todo) > self.limit:
                self.labels.clear()  # bounded memory on a very long run
            self.labels.update(zip(todo, self.predict_many(list(todo.values())), strict=True))
        return [self.labels[key] for key in keys]


def _stance_memo() -> StanceMemo | None:
    predict = _stance()
    return StanceMemo(predict) if predict is not None else None


def event_suggest_links(*, event: Event) -> int:
    """Suggest corroborate / contradict links between the claims of an event's articles; returns how many.

    Pairs an editor rejected, and every pair already linked, are left alone.
    """
    suggestions = _event_suggestions(event=event)  # reads only
    with transaction.atomic():
        return _store(_lock_claims(suggestions))


def _event_suggestions(
    *, event: Event, stance: StanceMemo | None = None, articles: set[int] | None = None
) -> list:
    """The suggestions `event_suggest_links` stores, worked out with reads only (no transaction needed).

    With `articles`, only pairs with a claim of those articles are scored: the event's other pairs were
    scored when their own articles arrived, and scoring them again each time the event grows made a
    follow-up's cost grow with the square of the event's size.
    """
    linkable = _linkable_claims(event_of=lambda _: event.pk, article__events=event)
    return _suggest_in_event(linkable, articles, None, None, stance)


def _suggest_in_event(
    linkable: list[LinkableClaim],
    articles: set[int] | None,
    rejected: set[frozenset] | None,
    existing: list[ExistingLink] | None,
    stance: StanceMemo | None,
) -> list:
    """The suggestions among one event's claims `linkable`, with pairs of a claim of `articles` only;
    `rejected` and `existing` as `_decided` reads them for these claims (None: read here)."""
    if len(linkable) < 2:
        return []
    focus = None if articles is None else {c.id for c in linkable if c.article_id in articles}
    if focus is not None and len(focus) == len(linkable):
        focus = None  # all of them: the same as no focus
    elif focus is not None and not focus:
        return []
    if rejected is None or existing is None:
        rejected, existing = _decided([cast(int, c.id) for c in linkable])
    return suggest_links(
        linkable,
        rejected=rejected,
        existing=existing,
        stance_many=stance if stance is not None else _stance(),
        focus=focus,
    )


# What `extracted_from_claim` reads of a claim: the linker's claims are built from these columns alone.
_CLAIM_COLUMNS = tuple(
    {"speaker_name": "speaker__name", "speaker_kind": "speaker__kind"}.get(name, name)
    for name in ClaimRow._fields
)


def _linkable_claims(
    *, event_of: Callable[[int], int | None], encode: Collection[int] | None = None, **where
) -> list[LinkableClaim]:
    """The linker's claims for the stored claims matching `where` (all but rejected ones), in the
    claims' order, each in the event `event_of(article_id)` and with its sentence vector.

    Only what the linker reads is kept: each article's text, outlet and date are read once for all its
    claims and dropped once their sentences are cut out, and the stored claims are read in chunks of
    plain columns (no model instance), each row dropped as soon as its LinkableClaim is built. Holding them all (with an article,
    outlet and speaker instance per claim) cost hundreds of MB per step of a 10,000-article follow-up.
    """
    query = Claim.objects.filter(**where).exclude(review_status=Claim.ReviewStatus.REJECTED)
    articles = _articles_read(query.order_by().values_list("article_id", flat=True).distinct())
    linkable: list[LinkableClaim] = []
    statements: list[StatementText] = []  # id, kind and text only: what claims_vectors reads
    vectors_on = encoder_enabled()
    # plain tuples, not model instances: a third of the CPU of building a Claim (and its speaker) each
    rows = query.values_list("pk", "article_id", *_CLAIM_COLUMNS).iterator(chunk_size=2000)
    for pk, article_id, *columns in rows:
        if article_id not in articles:  # placed in the event by another worker meanwhile
            articles.update(_articles_read([article_id]))
            if article_id not in articles:
                continue  # and deleted since
        row = ClaimRow(*columns)
        outlet, published, text, later, title = articles[article_id]
        linkable.append(
            _linkable(pk, article_id, row, event_of(article_id), outlet, published, text, later, title)
        )
        if vectors_on and row.kind == Claim.Kind.STATEMENT:
            statements.append(StatementText(pk, row.kind, row.words or row.quote))
    del articles
    if statements:
        vectors = claims_vectors(claims=statements, encode=encode)
        for item in linkable:
            item.vector = vectors.get(cast(int, item.id))
    return linkable


ArticleRead = tuple[str | None, dt.date | None, str, bool, str | None]


def _articles_read(ids: Iterable[int]) -> dict[int, ArticleRead]:
    """Article id -> (outlet name, published, text, tells of a later round, title) of the articles `ids`
    (the title names an article of no known outlet in a rationale)."""
    out: dict[int, ArticleRead] = {}
    for chunk in _chunks(ids):
        rows = Article.objects.filter(pk__in=chunk).values_list(
            "pk", "outlet__name", "published_on", "body", "title"
        )
        out.update(
            (pk, (outlet, published, body, later_round(body), title or None))
            for pk, outlet, published, body, title in rows
        )
    return out


def _linkable(
    pk: int,
    article_id: int,
    row: ClaimRow,
    event_id: int | None,
    outlet: str | None,
    published: dt.date | None,
    text: str,
    later: bool,
    title: str | None = None,
) -> LinkableClaim:
    sentence_start, sentence = sentence_around(text, row.start, row.end)
    return LinkableClaim(
        pk,
        article_id,
        outlet,
        _extracted(row, pk),
        sentence,
        event_id=event_id,
        sentence_start=sentence_start,
        published=published,
        later_round=later,
        title=title,
    )


def _decided(ids: list[int]) -> tuple[set[frozenset], list[ExistingLink]]:
    """The rejected pairs and the other stored links that touch the claims `ids`."""
    links: set[tuple[int, int, str, str]] = set()
    for chunk in _chunks(ids):  # bounded query parameters (SQLite allows 32,766)
        links.update(
            ClaimLink.objects.filter(Q(claim_a__in=chunk) | Q(claim_b__in=chunk)).values_list(
                "claim_a_id", "claim_b_id", "relation", "status"
            )
        )
    rejected, existing = set(), []
    for a, b, relation, status in sorted(links):
        if status == ClaimLink.Status.REJECTED:
            rejected.add(frozenset((a, b)))
        else:
            existing.append(ExistingLink(a, b, cast(Relation, relation)))  # the column's choices
    return rejected, existing


def _chunks(ids: Iterable[int], size: int = 5000) -> Iterable[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _lock_claims(suggestions) -> list:
    """Take the locks a write of `suggestions` needs (inside the caller's transaction) and return those on
    claims that still exist: suggestions are worked out before the transaction that stores them.

    The locks of the events their claims are in; and first the placement lock when a claim is in no
    event, so none is placed while the links are written (its events are then read again)."""
    ids = {i for s in suggestions for i in (s.a_id, s.b_id)}
    events = _claims_events(ids)
    if any(event is None for event in events.values()):
        placement_lock()
        events = _claims_events(ids)
    events_lock(event for event in events.values() if event is not None)
    return [s for s in suggestions if s.a_id in events and s.b_id in events]


def _claims_events(ids: Iterable[int]) -> dict[int, int | None]:
    """Claim id -> its event id (None: in no event) for the claims `ids` that exist."""
    return {
        pk: event
        for chunk in _chunks(ids)
        for pk, event in Claim.objects.filter(pk__in=chunk).values_list("pk", "event_id")
    }


def _store(suggestions) -> int:
    """Store suggestions (a pair already stored, or rejected meanwhile, is left as it is), in the order of
    their pairs; call after `_lock_claims` in the same transaction."""
    rows = sorted(
        (
            ClaimLink(
                claim_a_id=min(s.a_id, s.b_id),
                claim_b_id=max(s.a_id, s.b_id),
                relation=s.relation,
                origin=ClaimLink.Origin.SUGGESTED,
                status=ClaimLink.Status.SUGGESTED,
                confidence=max(0.0, min(1.0, s.confidence)),
                rationale=s.rationale[:300] or "suggested by the linker",
            )
            for s in suggestions
        ),
        key=lambda row: (row.claim_a_id, row.claim_b_id),
    )
    insert_rows(ClaimLink, rows, using=router.db_for_write(ClaimLink), ignore_conflicts=True)
    return len(rows)


ACROSS_DAYS = 30  # articles published (or imported) this close to the new ones are candidates
ACROSS_ARTICLES = 2000  # at most this many candidate articles, the most recent first
ACROSS_WINDOW = dt.timedelta(days=ACROSS_DAYS)
ACROSS_CHUNK = 500  # new articles linked per step (one transaction each)


def articles_link_across(*, article_ids: list[int]) -> int:
    """Store the suggestions of `_across_suggestions` for `article_ids`; returns how many."""
    suggestions = _across_suggestions(article_ids=article_ids)  # reads only
    with transaction.atomic():
        return _store(_lock_claims(suggestions))


def _across_suggestions(*, article_ids: list[int], stance: StanceMemo | None = None) -> list:
    """Suggest links between the claims of `article_ids` and those of nearby articles, whatever their
    events; returns how many. One statement reported by outlets whose articles landed in different
    events (a denial two weeks later, an undated report) is still one statement.

    Nearby: published or imported within ACROSS_DAYS, in the same events, or quoting the same speakers
    (at most ACROSS_ARTICLES of them). The pure linker then runs over all their claims as `evaluate`
    runs over a corpus: quantities still link only inside an event (its blocking), statements and dates
    across events too, and links already stored take their share of each claim's quota.
    """
    articles = list(Article.objects.filter(pk__in=article_ids).only("pk", "created_at", "published_on"))
    if not articles:
        return []
    # four simple indexed queries rather than one OR across joins (cheap on a million claims)
    made = [a.created_at for a in articles]
    current = Article.objects.filter(is_current=True).order_by("-pk").values_list("pk", flat=True)
    found = set(
        current.filter(created_at__range=(min(made) - ACROSS_WINDOW, max(made) + ACROSS_WINDOW))[
            :ACROSS_ARTICLES
        ]
    )
    dated = [a.published_on for a in articles if a.published_on]
    if dated:
        window = (min(dated) - ACROSS_WINDOW, max(dated) + ACROSS_WINDOW)
        found.update(current.filter(published_on__range=window)[:ACROSS_ARTICLES])
    events = Event.articles.through.objects.filter(article_id__in=article_ids).values_list(
        "event_id", flat=True
    )
    found.update(
        Event.articles.through.objects.filter(event_id__in=list(events), article__is_current=True)
        .order_by("-article_id")
        .values_list("article_id", flat=True)[:ACROSS_ARTICLES]
    )
    speakers = list(
        Claim.objects.filter(article_id__in=article_ids, speaker__isnull=False)
        .values_list("speaker_id", flat=True)
        .distinct()
    )
    for chunk in _chunks(speakers):
        quoting = Claim.objects.filter(speaker_id__in=chunk, article__is_current=True).order_by("-id")
        found.update(quoting.values_list("article_id", flat=True)[:ACROSS_ARTICLES])
    others = sorted(found - set(article_ids), reverse=True)[:ACROSS_ARTICLES]
    event_of: dict[int, int] = {}
    for chunk in _chunks([*article_ids, *others]):
        placed = Event.articles.through.objects.filter(article_id__in=chunk)
        event_of.update(placed.values_list("article_id", "event_id"))
    new_articles = set(article_ids)
    mine = set(
        Claim.objects.filter(article_id__in=article_ids)
        .exclude(review_status=Claim.ReviewStatus.REJECTED)
        .values_list("pk", flat=True)
    )
    # the new statements are encoded (and stored) here, once; neighbours lend the vectors they have, so
    # a follow-up's model time grows with its own articles, not with the 2,000 around them
    linkable = [
        c
        for chunk in _chunks([*article_ids, *others])
        for c in _linkable_claims(event_of=event_of.get, encode=mine, article_id__in=chunk)
    ]
    if len(linkable) < 2:
        return []
    mine = {cast(int, c.id) for c in linkable if c.article_id in new_articles}
    rejected, existing = _decided([cast(int, c.id) for c in linkable])
    return suggest_links(
        linkable,
        rejected=rejected,
        existing=existing,
        stance_many=stance if stance is not None else _stance(),
        focus=mine,
    )


def articles_link(
    *, article_ids: list[int] | None = None, progress: Callable[[str, int, int], None] | None = None
) -> dict[str, int]:
    """Events for the given (default: not yet placed) articles, then link suggestions in their events.

    Safe to run again: placed articles keep their event, linked pairs are not suggested again, and with
    `article_ids` the events of all those articles get their links (also those placed by an earlier run
    that stopped before linking). `progress(stage, done, total)` is called inside each step's
    transaction before it writes: ("events", 0, articles) before placing, ("across", i, articles) before
    storing the links of the next ACROSS_CHUNK of them with nearby articles (`_across_suggestions`,
    worked out before that transaction), ("links", i, events) before storing each event's own links. It
    may raise to stop; that step is then rolled back.
    """
    articles = (
        Article.objects.filter(is_current=True).select_related("outlet").defer("original", "search_vector")
    )
    articles = (
        articles.filter(pk__in=article_ids)
        if article_ids is not None
        else articles.filter(events__isnull=True)
    )
    todo = list(articles.order_by("published_on", "pk"))
    # The grouping is worked out with reads only, outside the write transaction, so workers plan at the
    # same time; under the placement lock (PostgreSQL) the plan is made again only when the placed
    # articles it read have changed since (another worker placed articles near these meanwhile): two
    # workers never start two events for one story, and the lock is held for long only then.
    seen = _placed_near(todo)
    plan = _event_plan(articles=todo)
    with transaction.atomic():
        placement_lock()
        if _placed_near(todo) != seen:
            plan = _event_plan(articles=todo)
        events_lock(event_id for _, event_id in plan if event_id is not None)
        if progress:
            progress("events", 0, len(todo))
        placed = _place(plan)
    if article_ids is None:
        events = {event.pk: event for event in placed.values()}
        count = len(placed)
    else:
        events = {event.pk: event for event in Event.objects.filter(articles__in=articles).distinct()}
        count = articles.filter(events__isnull=False).distinct().count()
    ids, links = [a.pk for a in todo], 0
    del todo, plan  # the articles' texts: the steps below read their own, one step at a time
    stance = _stance_memo()  # one memo for the whole run: a pair is scored once
    mine = set(ids)
    # Each step's suggestions are worked out with reads only, then stored in a short transaction: a write
    # transaction held through the stance model kept SQLite locked (every sign-in failed meanwhile).
    for start in range(0, len(ids), ACROSS_CHUNK):  # bounded steps: each renews an import's lease
        suggestions = _across_suggestions(article_ids=ids[start : start + ACROSS_CHUNK], stance=stance)
        with transaction.atomic():
            suggestions = _lock_claims(suggestions)
            if progress:
                progress("across", start, len(ids))
            links += _store(suggestions)
    done = 0
    for group in _event_groups(sorted(events.values(), key=lambda e: e.pk)):
        suggestions = _events_suggestions(events=group, stance=stance, articles=mine)
        with transaction.atomic():
            suggestions = _lock_claims(suggestions)
            if progress:
                for n in range(len(group)):
                    progress("links", done + n, len(events))
            links += _store(suggestions)
        done += len(group)
    return {"articles": count, "events": len(events), "links": links}


GROUP_ARTICLES = 500  # events linked in one step hold at most this many articles together (or one event)
GROUP_EVENTS = 50  # ... and are at most this many


def _event_groups(events: list[Event]) -> Iterable[list[Event]]:
    """`events` in order, in runs linked in one step each: at most GROUP_EVENTS events holding at most
    GROUP_ARTICLES articles together, or one larger event alone. A step per event cost a dozen queries
    and a transaction each, as much as linking a small event itself."""
    sizes: Counter[int] = Counter()
    for chunk in _chunks([e.pk for e in events]):
        sizes.update(
            Event.articles.through.objects.filter(event_id__in=chunk).values_list("event_id", flat=True)
        )
    group: list[Event] = []
    held = 0
    for event in events:
        if group and (held + sizes[event.pk] > GROUP_ARTICLES or len(group) >= GROUP_EVENTS):
            yield group
            group, held = [], 0
        group.append(event)
        held += sizes[event.pk]
    if group:
        yield group


def _events_suggestions(*, events: list[Event], stance: StanceMemo | None, articles: set[int]) -> list:
    """What `_event_suggestions` gives for each of `events` in turn, read in one go: their claims in one
    query (in the claims' order, so each event's are in the order its own query reads them), the links
    touching them in another; each event is still linked on its own (its words weigh its terms)."""
    if len(events) == 1:
        return _event_suggestions(event=events[0], stance=stance, articles=articles)
    events_of: dict[int, list[int]] = defaultdict(list)  # an editor may add an article to a second event
    held = Event.articles.through.objects.filter(event_id__in=[e.pk for e in events]).order_by("pk")
    for article_id, event_id in held.values_list("article_id", "event_id"):
        events_of[article_id].append(event_id)
    linkable = _linkable_claims(event_of=lambda pk: events_of[pk][0], article_id__in=list(events_of))
    by_event: dict[int, list[LinkableClaim]] = defaultdict(list)
    for claim in linkable:
        for n, event_id in enumerate(events_of[cast(int, claim.article_id)]):
            by_event[event_id].append(claim if n == 0 else dataclasses.replace(claim, event_id=event_id))
    rejected, existing = _decided([cast(int, c.id) for c in linkable])
    suggestions: list = []
    for event in events:
        mine = by_event.get(event.pk, [])
        ids = {c.id for c in mine}
        suggestions += _suggest_in_event(
            mine,
            articles,
            {pair for pair in rejected if pair & ids},
            [link for link in existing if link.a_id in ids or link.b_id in ids],
            stance,
        )
    return suggestions


def _end_value(claim: Claim | ClaimRow) -> str | None:
    """The value string of a stored period's last end ("2012-07"), None for a single date."""
    if claim.date_end_value is None or claim.date_end_precision not in ("day", "month", "year"):
        return None
    return claim.date_end_value.strftime(
        {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[claim.date_end_precision]
    )


def _date_value(claim: Claim | ClaimRow) -> str:
    """The extractor's value string for a stored date claim ("2019-03", or "XXXX-01-23" when the year
    is not known)."""
    if claim.date_value is not None and claim.date_precision in ("day", "month", "year"):
        return claim.date_value.strftime(
            {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[claim.date_precision]
        )
    month = f"{claim.date_month:02d}" if claim.date_month else "XX"
    if claim.date_precision == Claim.DatePrecision.MONTH_NO_YEAR:
        return f"XXXX-{month}"
    day = f"{claim.date_day:02d}" if claim.date_day else "XX"
    return f"XXXX-{month}-{day}"
