"""Two workers linking at once on PostgreSQL: each works its suggestions out in parallel, but writes
events and links under one advisory lock (claims.services.linking.linking_lock). So they never write
the same event at once, never start two events for one story, never store a link twice, and never
deadlock. Threads with their own connections stand in for the worker processes."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, connections, transaction

from claims.models import Claim, ClaimLink, Event
from claims.services.linking import LINKING_LOCK, articles_link
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


def reports() -> list[int]:
    """Four outlets' reports of one arrival, each with a count of ships (mine, made up)."""
    ids = []
    for n, name in enumerate(OUTLETS):
        ships = ["Three", "Four", "Three", "Five"][n]
        body = (
            f"{ships} cargo ships docked in Portville harbour on Saturday, the Portville harbour "
            f"authority said. Dockworkers unloaded grain from the ships at Portville harbour all weekend."
        )
        article = article_store(
            body=body,
            outlet=outlet_get_or_create(name=name),
            url=f"https://{n}.example/ships",
            title="Cargo ships dock in Portville harbour",
            published_on=DAY,
            published_precision="day",
        ).article
        phrase = f"{ships} cargo ships"
        Claim.objects.create(
            article=article,
            kind="quantity",
            start=0,
            end=len(phrase),
            quote=phrase,
            quantity_low={"Three": 3, "Four": 4, "Five": 5}[ships],
            quantity_high={"Three": 3, "Four": 4, "Five": 5}[ships],
            unit="ship",
            unit_class="ship",
            extractor_version="t",
        )
        ids.append(article.pk)
    return ids


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


def test_a_worker_waits_for_the_linking_lock_before_writing():
    """While another connection holds the linking lock, a worker works out its plan but writes no event;
    once the lock is released it places its articles."""
    ids = reports()
    holder_ready, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LINKING_LOCK])
            holder_ready.set()
            release.wait(timeout=60)

    holder, _ = run_in_thread(hold_lock)
    assert holder_ready.wait(timeout=30)
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
