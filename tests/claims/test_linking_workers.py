"""Two workers linking at once on PostgreSQL: each works its suggestions out in parallel, but writes
events and links under advisory locks taken in one order (claims.services.linking: the placement lock,
then one lock per event). So they never write the same event at once, never start two events for one
story, never store a link twice, and never deadlock; two workers linking different events write at
once. Threads with their own connections stand in for the worker processes."""

from __future__ import annotations

import datetime as dt
import threading
import time
import types

import pytest
from django.conf import settings
from django.db import connection, connections, transaction

from claims.models import Claim, ClaimLink, Event
from claims.services import linking
from claims.services.linking import (
    PLACEMENT_LOCK,
    articles_assign_events,
    articles_link,
    event_suggest_links,
    events_lock,
)
from sources.models import Article
from sources.services import article_store, outlet_get_or_create

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs locks across connections: run with DATABASE_URL=postgres://...",
    ),
    pytest.mark.django_db(transaction=True),
]

DAY = dt.date(2025, 3, 17)
OUTLETS = ["Harbour Times", "Coast Radio", "Bay Courier", "Port Weekly"]


COUNTS = {"Three": 3, "Four": 4, "Five": 5}
SHIPS = (
    "{n} cargo ships docked in Portville harbour on Saturday, the Portville harbour authority said. "
    "Dockworkers unloaded grain from the ships at Portville harbour all weekend."
)
# a second story, weeks later and in other words (mine, made up): never in the ships' event
FARMERS = (
    "{n} tractors blocked the Millbrook ring road on Tuesday, the Millbrook farmers union said. "
    "Police diverted traffic around the Millbrook ring road until the evening."
)


def reports(
    body: str = SHIPS,
    title: str = "Cargo ships dock in Portville harbour",
    unit: str = "ship",
    day=DAY,
    words: int = 3,
    tag: str = "",
) -> list[int]:
    """Four outlets' reports of one happening, each with a count: `body`'s first `words` words."""
    ids = []
    for n, name in enumerate(OUTLETS):
        count = ["Three", "Four", "Three", "Five"][n]
        article = article_store(
            body=body.format(n=count),
            outlet=outlet_get_or_create(name=name),
            url=f"https://{n}.example/{unit}{tag}",
            title=title,
            published_on=day,
            published_precision="day",
        ).article
        phrase = " ".join(body.format(n=count).split()[:words])  # "Three cargo ships", "Four tractors"
        Claim.objects.create(
            article=article,
            kind="quantity",
            start=0,
            end=len(phrase),
            quote=phrase,
            quantity_low=COUNTS[count],
            quantity_high=COUNTS[count],
            unit=unit,
            unit_class=unit,
            extractor_version="t",
        )
        ids.append(article.pk)
    return ids


def two_stories() -> tuple[Event, Event]:
    """The ships and the tractors, each placed in its own event, no link stored yet."""
    ships = reports()
    tractors = reports(
        FARMERS, "Tractors block Millbrook ring road", "tractor", DAY + dt.timedelta(days=40), 2
    )
    articles_assign_events(articles=Article.objects.filter(pk__in=ships + tractors))
    first, second = (Event.objects.get(articles=ids[0]) for ids in (ships, tractors))
    assert first != second
    return first, second


def links_of(event: Event) -> int:
    return ClaimLink.objects.filter(claim_a__event=event).count()


def hold(take) -> tuple[threading.Thread, threading.Event]:
    """Another connection holding the locks `take()` takes, in a transaction, until the returned event
    is set."""
    ready, release = threading.Event(), threading.Event()

    def run() -> None:
        with transaction.atomic():
            take()
            ready.set()
            release.wait(timeout=60)

    holder, _ = run_in_thread(run)
    assert ready.wait(timeout=30)
    return holder, release


def run_in_thread(target, *args) -> tuple[threading.Thread, dict]:
    result: dict = {}

    def work() -> None:
        try:
            result["value"] = target(*args)
        except Exception as error:  # reported by the test, not lost in the thread
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    return thread, result


def test_two_workers_link_one_story_into_one_event_without_duplicates():
    """Two workers link two halves of one story at the same moment: one event holds all four articles,
    every claim is in it, each pair is linked at most once, and both finish (no deadlock)."""
    ids = reports()
    start = threading.Barrier(2)

    def worker(mine: list[int]) -> dict:
        start.wait(timeout=30)
        return articles_link(article_ids=mine)

    runs = [run_in_thread(worker, ids[:2]), run_in_thread(worker, ids[2:])]
    for thread, _ in runs:
        thread.join(timeout=120)
        assert not thread.is_alive(), "a linking worker is stuck (deadlock?)"
    for _, result in runs:
        assert "error" not in result, result.get("error")
    event = Event.objects.get()
    assert set(event.articles.values_list("pk", flat=True)) == set(ids)
    assert set(Claim.objects.values_list("event", flat=True)) == {event.pk}
    pairs = list(ClaimLink.objects.values_list("claim_a", "claim_b"))
    assert pairs and len(pairs) == len(set(pairs))


def test_a_worker_waits_for_the_placement_lock_before_writing():
    """While another connection holds the placement lock, a worker works out its plan but writes no event;
    once the lock is released it places its articles."""
    ids = reports()

    def placement() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLACEMENT_LOCK])

    holder, release = hold(placement)
    worker, result = run_in_thread(lambda: articles_link(article_ids=ids))
    time.sleep(1.5)
    try:
        assert worker.is_alive() and not Event.objects.exists(), result
    finally:
        release.set()
    holder.join(timeout=30)
    worker.join(timeout=120)
    assert not worker.is_alive() and "error" not in result, result
    assert Event.objects.count() == 1 and result["value"]["articles"] == 4


def test_two_workers_link_different_events_at_once_and_one_event_in_turn():
    """While one connection writes the ships' event (holds its lock), a worker stores the tractors'
    links at once; a worker storing the ships' links waits, then stores them."""
    ships, tractors = two_stories()
    holder, release = hold(lambda: events_lock([ships.pk]))
    try:
        other, other_result = run_in_thread(lambda: event_suggest_links(event=tractors))
        other.join(timeout=120)
        assert not other.is_alive() and "error" not in other_result, other_result
        assert other_result["value"] > 0 and links_of(tractors) == other_result["value"]
        same, same_result = run_in_thread(lambda: event_suggest_links(event=ships))
        time.sleep(1.5)
        assert same.is_alive() and links_of(ships) == 0, same_result
    finally:
        release.set()
    holder.join(timeout=30)
    same.join(timeout=120)
    assert not same.is_alive() and "error" not in same_result, same_result
    assert same_result["value"] > 0 and links_of(ships) == same_result["value"]


def test_two_workers_link_two_stories_at_once_each_into_its_own_event():
    """Two workers link two stories at the same moment: two events, every pair once, both finish."""
    ships = reports()
    tractors = reports(
        FARMERS, "Tractors block Millbrook ring road", "tractor", DAY + dt.timedelta(days=40), 2
    )
    start = threading.Barrier(2)

    def worker(mine: list[int]) -> dict:
        start.wait(timeout=30)
        return articles_link(article_ids=mine)

    runs = [run_in_thread(worker, ships), run_in_thread(worker, tractors)]
    for thread, result in runs:
        thread.join(timeout=120)
        assert not thread.is_alive() and "error" not in result, result
    events = [Event.objects.get(articles=ids[0]) for ids in (ships, tractors)]
    for event, ids in zip(events, (ships, tractors), strict=True):
        assert set(event.articles.values_list("pk", flat=True)) == set(ids) and links_of(event) > 0
    pairs = list(ClaimLink.objects.values_list("claim_a", "claim_b"))
    assert len(pairs) == len(set(pairs)) == sum(links_of(e) for e in events)


def test_a_write_over_many_events_waits_for_any_event_lock(monkeypatch):
    """More than EVENT_LOCKS_MAX events take the all-events lock alone, exclusively: such a write waits
    for a write holding any one event, and a write of another single event does not."""
    monkeypatch.setattr(linking, "EVENT_LOCKS_MAX", 2)

    def locked(ids: list[int]) -> tuple[threading.Thread, dict]:
        return run_in_thread(lambda: transaction.atomic()(events_lock)(ids))

    holder, release = hold(lambda: events_lock([7]))
    try:
        single, single_result = locked([8])
        single.join(timeout=30)
        assert not single.is_alive() and "error" not in single_result, single_result
        many, many_result = locked([8, 9, 10])
        time.sleep(1.5)
        assert many.is_alive(), many_result
    finally:
        release.set()
    holder.join(timeout=30)
    many.join(timeout=30)
    assert not many.is_alive() and "error" not in many_result, many_result


def test_links_on_claims_in_no_event_wait_for_the_placement_lock():
    """A write of links whose claims are in no event yet takes the placement lock first (none of them is
    placed while it writes); links inside placed events do not."""
    loose = reports(tag="-loose", day=DAY - dt.timedelta(days=200))  # not placed
    ships, _ = two_stories()
    claims = list(Claim.objects.filter(article_id__in=loose).values_list("pk", flat=True))
    placed = list(Claim.objects.filter(event=ships).values_list("pk", flat=True))

    def lock(ids: list[int]) -> list:
        pair = types.SimpleNamespace(a_id=ids[0], b_id=ids[1])
        with transaction.atomic():
            return linking._lock_claims([pair])

    def placement() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLACEMENT_LOCK])

    holder, release = hold(placement)
    try:
        inside, inside_result = run_in_thread(lock, placed)
        inside.join(timeout=30)
        assert not inside.is_alive() and len(inside_result["value"]) == 1, inside_result
        outside, outside_result = run_in_thread(lock, claims)
        time.sleep(1.5)
        assert outside.is_alive(), outside_result
    finally:
        release.set()
    holder.join(timeout=30)
    outside.join(timeout=30)
    assert not outside.is_alive() and len(outside_result["value"]) == 1, outside_result
