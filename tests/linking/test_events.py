"""Event grouping: same happening joins, other dates split, arrival order barely matters."""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

from claims.evaluation.components import evaluate_events, gold_articles
from claims.evaluation.gold import load_corpus
from claims.linking.events import EventIndex
from claims.linking.types import ArticleInfo
from tests.shared import missing_shared

SHARED = Path(os.environ.get("SHARED_DIR", Path(__file__).resolve().parents[2].parent / "shared"))


def corpus(name: str) -> Path:
    folder = SHARED / "corpus" / name
    if not (folder / "gold.json").exists():
        missing_shared(f"shared corpus {folder} is absent (set SHARED_DIR)")
    return folder


def art(i: str, day: str | None, title: str, text: str, outlet: str = "Outlet") -> ArticleInfo:
    return ArticleInfo(i, outlet, dt.date.fromisoformat(day) if day else None, title, text)


FLOOD = [
    art(
        "f1",
        "2021-05-03",
        "Floods hit Lorvania river towns",
        "Heavy rain flooded Brelton and Cask on the Ivar river; "
        "Governor Ana Pelt ordered evacuations of riverside homes.",
        "A",
    ),
    art(
        "f2",
        "2021-05-04",
        "Governor Pelt orders evacuations as Ivar river floods Brelton",
        "Thousands left their homes in Brelton after the Ivar river burst its banks, Governor Ana Pelt said.",
        "B",
    ),
    art(
        "f3",
        "2021-05-03",
        "Brelton flooded: Ivar river bursts banks",
        "Floodwater from the Ivar river swamped Brelton "
        "and Cask overnight; Pelt called the flooding the worst in decades.",
        "C",
    ),
]
STRIKE = [
    art(
        "s1",
        "2021-05-03",
        "Dock workers strike at Port Hallam",
        "Dock workers at Port Hallam walked out over pay, "
        "union leader Omar Quist said, halting container traffic.",
        "A",
    ),
    art(
        "s2",
        "2021-05-04",
        "Port Hallam strike halts container ships",
        "Container ships queued outside Port Hallam as "
        "the dockers' union led by Omar Quist kept up its strike over pay.",
        "B",
    ),
]


def partition(mapping: dict) -> set[frozenset]:
    groups: dict = {}
    for article, event in mapping.items():
        groups.setdefault(event, set()).add(article)
    return {frozenset(g) for g in groups.values()}


def test_reports_of_one_happening_join_and_other_happenings_stay_apart():
    """Three outlets on one flood form one event; a strike on the same days is another."""
    got = partition(EventIndex().add_many(FLOOD + STRIKE))
    assert got == {frozenset({"f1", "f2", "f3"}), frozenset({"s1", "s2"})}


def test_same_story_on_different_dates_is_a_different_event():
    """Equal wording months apart (a second flood) does not join the first flood's event."""
    later = [art(a.id + "-later", "2021-09-20", a.title or "", a.text) for a in FLOOD[:2]]
    got = partition(EventIndex().add_many(FLOOD + later))
    assert frozenset({"f1-later", "f2-later"}) in got
    assert frozenset({"f1", "f2", "f3"}) in got


def test_undated_article_needs_a_shared_day_or_near_identical_text():
    """An undated article on the topic but naming no shared day does not join a dated event."""
    undated = art(
        "u1", None, "River towns count the cost", "Ivar river towns Brelton and Cask count the damage."
    )
    index = EventIndex()
    index.add_many(FLOOD)
    assert index.add(undated) != index.event_of("f1")
    named = art(
        "u2",
        None,
        "Brelton flood on May 3",
        "The Ivar river flooded Brelton and Cask on May 3, "
        "Governor Ana Pelt said, ordering evacuations of riverside homes.",
    )
    index2 = EventIndex()
    for a in [
        art(a.id, a.published.isoformat(), a.title or "", a.text + " It began on May 3.") for a in FLOOD
    ]:
        index2.add(a)
    assert index2.add(named) == index2.event_of("f1")


def test_arrival_order_does_not_change_the_grouping():
    """Five shuffled orders of the same articles give the same partition."""
    articles = FLOOD + STRIKE
    first = partition(EventIndex().add_many(articles))
    for seed in range(5):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        assert partition(EventIndex().add_many(shuffled)) == first


def test_event_ids_survive_merges():
    """event_of follows merged events, so an id handed out earlier still resolves to the live event."""
    index = EventIndex()
    ids = [index.add(a) for a in FLOOD]
    assert len({index.event_of(a.id) for a in FLOOD}) == 1
    assert index.event_of("f1") in set(ids)


def test_basil_dev_pairwise_f1_in_file_and_shuffled_order():
    """BASIL dev: pairwise F1 >= 0.9 (target) whether articles arrive in file order or shuffled."""
    folder = corpus("basil-dev")
    for seed in (None, 1, 2):
        scores = evaluate_events(folder, order_seed=seed)
        assert scores["pairwise_f1"] >= 0.9, (seed, scores)
        assert scores["bcubed_f1"] >= 0.9, (seed, scores)


def test_seeds_march_reports_join_and_other_arrivals_do_not():
    """Seeds: Press TV and DW (March landing) share an event; the later-arrival article stays apart."""
    gold = load_corpus(corpus("seeds"))
    events = EventIndex().add_many(gold_articles(gold))
    keys = sorted(events)
    march = [k for k in keys if k.startswith(("003", "004"))]
    other = [k for k in keys if k.startswith("000")]
    assert events[march[0]] == events[march[1]]
    assert events[other[0]] != events[march[0]]


def test_the_index_holds_a_few_kilobytes_per_article():
    """A large import's placement holds an index of every article in it (12,000 at 10,000 new ones):
    each added article keeps its terms and weights compactly, under 7 KB a piece here (5.7 KB; dicts of
    terms and weights took 9.6 KB on the same texts)."""
    import tracemalloc

    from devtools.benchmarks.generator import generate

    articles = [
        ArticleInfo(i, a.outlet, a.published, a.title, a.body) for i, a in enumerate(generate(1000, seed=3))
    ]
    EventIndex().add_many(articles)  # the text helpers' caches filled first: only the index is measured
    tracemalloc.start()
    try:
        index = EventIndex()
        for article in articles:
            index.add(article)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index.events()) > 10
    assert held / len(articles) < 7000, held / len(articles)
