"""Linking a large batch tunes the garbage collector for the process, and puts it back."""

from __future__ import annotations

import gc
import threading

from claims.extraction.types import StatementClaim
from claims.linking import links
from claims.linking.types import LinkableClaim


def statements() -> list[LinkableClaim]:
    content = "the ferry will keep running to Tarn Island through the winter"
    return [
        LinkableClaim(
            k,
            k,
            f"outlet-{k}",
            StatementClaim(0, len(content), content, "Ivo Ryland"),
            f"Ivo Ryland said {content}.",
            event_id="e1",
        )
        for k in "abc"
    ]


def test_overlapping_large_runs_leave_the_collector_as_they_found_it(monkeypatch):
    """Two threads link large batches at once; the first ends while the second still runs. Afterwards the
    process collects garbage as often as before (a run restoring what the other had set would not)."""
    monkeypatch.setattr(links, "BIG_RUN", 2)
    before = gc.get_threshold()
    first_inside, second_inside, first_done = threading.Event(), threading.Event(), threading.Event()
    during_second: list[tuple[int, ...]] = []

    def first_stance(pairs):
        first_inside.set()
        assert second_inside.wait(10)
        return ["agree"] * len(pairs)

    def second_stance(pairs):
        second_inside.set()
        assert first_done.wait(10)
        during_second.append(gc.get_threshold())
        return ["agree"] * len(pairs)

    def first() -> None:
        links.suggest_links(statements(), stance_many=first_stance)
        first_done.set()

    def second() -> None:
        assert first_inside.wait(10)
        links.suggest_links(statements(), stance_many=second_stance)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert during_second and during_second[0] != before  # still tuned while a run goes on
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*before)
