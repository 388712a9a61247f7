"""Synthetic news for timing event grouping and link suggestion at scale (deterministic by seed).

`measure(n)` builds n articles (about three outlets per happening, thousands of made-up people, places
and words with a Zipf spread) and times EventIndex.add over all of them plus one suggest_links over all
their claims. Run `python -m devtools.benchmarks.linking 10000 20000` for the scaling figures, and add
`--stance` to refine statement links with the shipped stance model as the import's linking does.

Each size is also split into stages (event grouping, candidate pairs and rule scoring per claim kind,
claim features and the final choice), with the collector's share and the candidate pairs found, each
with its ratio to the previous size. `--repeat N` runs every size N times, in rounds over all sizes so
that a busy spell of a shared machine weighs on every size, and shows medians; `--gc` measures how much
of the time is the garbage collector's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable, Sized
from dataclasses import dataclass

from claims.extraction.types import Claim, DateClaim, QuantityClaim, StatementClaim
from claims.linking.events import EventIndex
from claims.linking.types import ArticleInfo, LinkableClaim

_SYLLABLES = "ka lo mi re su ta ne vo ri da po li ma ze ku ba to sa fe gi mo na le di ro".split()  # noqa: SIM905
_UNITS = ["soldier", "person", "dollar", "tonne", "aircraft", "vote", "percentage", "vehicle"]
_VERBS = ["announced", "confirmed", "reported", "approved", "rejected", "signed", "launched", "blocked"]
_NOUNS = ["deal", "plan", "bill", "attack", "protest", "inquiry", "election", "strike", "summit", "ban"]


@dataclass(slots=True)
class _Happening:
    day: dt.date
    people: list[str]
    place: str
    verb: str
    noun: str
    topic: list[str]
    count: int
    unit: str


class SyntheticNews:
    """Made-up articles and claims: each happening is covered by about three outlets."""

    def __init__(
        self, seed: int = 7, vocabulary: int = 30000, people: int = 40000, places: int = 3000
    ) -> None:
        self.rng = random.Random(seed)
        self.words = self._coin(vocabulary, 2, 4, lower=True)
        first, last = self._coin(3000, 2, 3), self._coin(20000, 3, 4)
        self.people = sorted({f"{self.rng.choice(first)} {self.rng.choice(last)}" for _ in range(people)})
        self.places = self._coin(places, 2, 3)
        self.outlets = [f"Outlet {i}" for i in range(60)]
        # Zipf-like weights: a few words, people and places are everywhere, most are rare
        self._word_cw = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(self.words))))
        self._person_cw = list(itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(self.people))))

    def _coin(self, n: int, lo: int, hi: int, lower: bool = False) -> list[str]:
        seen: set[str] = set()
        while len(seen) < n:
            w = "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(lo, hi)))
            seen.add(w if lower else w.capitalize())
        return sorted(seen)

    def _filler(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self._word_cw, k=k)

    def corpus(
        self, n_articles: int, days: int | None = None
    ) -> tuple[list[ArticleInfo], list[LinkableClaim]]:
        """`n_articles` articles over `days` days (default: about 90 a day) and their claims."""
        days = days or max(30, n_articles // 90)
        start = dt.date(2015, 1, 1)
        articles: list[ArticleInfo] = []
        claims: list[LinkableClaim] = []
        while len(articles) < n_articles:
            h = _Happening(
                day=start + dt.timedelta(days=self.rng.randrange(days)),
                people=self.rng.choices(self.people, cum_weights=self._person_cw, k=2),
                place=self.rng.choice(self.places),
                verb=self.rng.choice(_VERBS),
                noun=self.rng.choice(_NOUNS),
                topic=self.rng.sample(self.words[200:], 4),
                count=self.rng.choice([2, 3, 12, 40, 100, 350, 1200]),
                unit=self.rng.choice(_UNITS),
            )
            for outlet in self.rng.sample(self.outlets, self.rng.choice([2, 3, 3, 4])):
                if len(articles) < n_articles:
                    self._article(h, outlet, len(articles), articles, claims)
        return articles, claims

    def _article(
        self, h: _Happening, outlet: str, n: int, articles: list[ArticleInfo], claims: list[LinkableClaim]
    ) -> None:
        rng = self.rng
        aid = f"a{n}"
        published = h.day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
        who, other = h.people
        title = f"{who} {h.verb} {h.noun} in {h.place} " + " ".join(rng.sample(h.topic, 2) + self._filler(2))
        count = h.count if rng.random() < 0.8 else h.count + rng.choice([1, 5, 50])
        s1 = f"In {h.place}, {count} {h.unit}s were part of the {h.noun} {who} {h.verb} on {h.day:%B %d}."
        s2 = f"{other} said the {h.noun} was {' '.join(h.topic + self._filler(4))}."
        s3 = " ".join(self._filler(25)) + "."
        s4 = f"In {rng.randint(1990, 2014)}, {rng.choice(self.places)} {' '.join(self._filler(6))}."
        text = " ".join((s1, s2, s3, s4))
        articles.append(ArticleInfo(aid, outlet, published, title, text))
        ends = [0]
        for s in (s1, s2, s3, s4):
            ends.append(ends[-1] + len(s) + 1)
        denied = rng.random() < 0.1
        made: list[Claim] = [
            QuantityClaim(0, len(s1), s1, count, count, f"{h.unit}s", h.unit),
            DateClaim(0, len(s1), s1, h.day.isoformat(), "day"),
            StatementClaim(ends[1], ends[2] - 1, s2, other, polarity="denied" if denied else "asserted"),
            QuantityClaim(
                ends[2], ends[3] - 1, s3, rng.randint(1, 500), rng.randint(500, 900), "", rng.choice(_UNITS)
            ),
            DateClaim(ends[3], ends[4] - 1, s4, s4[3:7], "year"),
        ]
        for k, claim in enumerate(made):
            sentence = text[claim.start : claim.end]
            claims.append(
                LinkableClaim(
                    f"{aid}c{k}",
                    aid,
                    outlet,
                    claim,
                    sentence,
                    sentence_start=claim.start,
                    published=published,
                )
            )


# Stages of one run, in the order they run; each is CPU time spent in it and not in a nested stage.
STAGES = (
    "sentence vectors",  # with --encoder: the statements encoded (as the import's linking does once)
    "events",
    "quantity pairs",
    "quantity rules",
    "date pairs",
    "date rules",
    "statement pairs",
    "semantic pairs",
    "statement rules",
    "features, selection",
)
_RULES = {  # function of claims.linking.links -> (its stage, the module whose candidate_pairs it calls)
    "quantity_links": ("quantity rules", "quantities"),
    "date_links": ("date rules", "dates"),
    "counted_back_links": ("date rules", None),
    "statement_links": ("statement rules", "statements"),
}
GC_MODES = ("freeze", "plain", "off", "lazy")
LAZY_THRESHOLD = (100_000, 20, 20)  # "lazy": a young collection every 100,000 new objects, not 700


@dataclass(slots=True)
class _Frame:
    """A stage being timed: when it began and the time spent in stages nested in it."""

    stage: str
    began: float
    nested: float = 0.0


class _Clock:
    """CPU time per stage (less nested stages and garbage collection), the collector's time, and the
    candidate pairs per stage.

    Stages are timed by wrapping the link rule functions and the `candidate_pairs` they call for the
    duration of one run (a handful of calls, so the wrappers cost nothing measurable); what suggest_links
    does outside them (claim features, choosing the suggestions) is the rest of its time.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.gc_seconds = 0.0
        self.pairs: dict[str, int] = {}
        self._stack: list[_Frame] = []
        self._gc_began = 0.0

    def enter(self, stage: str) -> None:
        self._stack.append(_Frame(stage, time.process_time()))

    def leave(self) -> float:
        frame = self._stack.pop()
        spent = time.process_time() - frame.began
        self.seconds[frame.stage] += spent - frame.nested
        if self._stack:
            self._stack[-1].nested += spent
        return spent

    def wrap[**P, R: Sized](self, stage: str, fn: Callable[P, R], count: str | None = None) -> Callable[P, R]:
        def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            self.enter(stage)
            try:
                out = fn(*args, **kwargs)
            finally:
                self.leave()
            if count:
                self.pairs[count] = self.pairs.get(count, 0) + len(out)
            return out

        return timed

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_began = time.process_time()
        else:  # charged to the collector, not to the stage it happened to interrupt
            spent = time.process_time() - self._gc_began
            self.gc_seconds += spent
            if self._stack:
                self._stack[-1].nested += spent


def _patched(clock: _Clock) -> list[tuple[object, str, object]]:
    """Wrap the rule functions and their candidate_pairs; returns what to put back afterwards."""
    import importlib

    from claims.linking import links

    undo: list[tuple[object, str, object]] = []
    for name, (stage, module) in _RULES.items():
        if hasattr(links, name):
            undo.append((links, name, getattr(links, name)))
            setattr(links, name, clock.wrap(stage, getattr(links, name)))
        if module:
            mod = importlib.import_module(f"{links.__name__}.{module}")
            for attr, pairs_stage in (
                ("candidate_pairs", stage.replace("rules", "pairs")),
                ("semantic_pairs", "semantic pairs"),
            ):
                if hasattr(mod, attr):
                    original = getattr(mod, attr)
                    undo.append((mod, attr, original))
                    setattr(mod, attr, clock.wrap(pairs_stage, original, count=pairs_stage))
    return undo


@dataclass(slots=True)
class Run:
    """One timed run: CPU seconds in all, per stage and in the collector, and what it found."""

    seconds: float
    stages: dict[str, float]
    gc_seconds: float
    pairs: dict[str, int]
    links: int
    encoded_per_s: float | None = None  # statements encoded per second of wall time (with --encoder)


def measure_stages(
    n_articles: int,
    seed: int = 7,
    *,
    stance: bool = False,
    repeat: int = 1,
    gc_mode: str = "freeze",
    corpus: tuple[list[ArticleInfo], list[LinkableClaim]] | None = None,
    encoder: bool = False,
) -> list[Run]:
    """`repeat` timed runs of grouping and linking `n_articles` synthetic articles (one corpus for all).

    `gc_mode`: "freeze" keeps the collector from re-scanning the generated corpus (the default, as in
    `measure`); "plain" leaves the collector as the process has it; "off" disables it while timing;
    "lazy" freezes the corpus and collects less often (LAZY_THRESHOLD) while timing. With `encoder`, the
    statements are encoded first (stage "sentence vectors", the model loaded before timing) and link
    with their vectors; CPU time there counts both of onnxruntime's threads.
    """
    from claims.linking import encoder as sentence_encoder
    from claims.linking import links

    if encoder:
        sentence_encoder.encode(["The model loads before the timing."])

    model = None
    if stance:
        from claims.linking.stance import StanceModel

        model = StanceModel.load()
    articles, claims = corpus or SyntheticNews(seed).corpus(n_articles)
    runs = []
    for _ in range(repeat):
        clock = _Clock()
        # the generated corpus is input, not work: keep the garbage collector from re-scanning it, which
        # would make the timing grow with corpus size for reasons a service reading rows would not have
        gc.collect()
        if gc_mode in ("freeze", "lazy"):
            gc.freeze()
        threshold = gc.get_threshold()
        if gc_mode == "lazy":
            gc.set_threshold(*LAZY_THRESHOLD)
        undo = _patched(clock)
        enabled = gc.isenabled()
        gc.callbacks.append(clock.on_gc)
        if gc_mode == "off":
            gc.disable()
        try:
            began = time.process_time()
            encoded_per_s = None
            if encoder:
                clock.enter("sentence vectors")
                statements = [c for c in claims if isinstance(c.claim, StatementClaim)]
                wall = time.perf_counter()
                for c, v in zip(
                    statements, sentence_encoder.encode([c.claim.text for c in statements]), strict=True
                ):
                    c.vector = v
                encoded_per_s = len(statements) / max(time.perf_counter() - wall, 1e-9)
                clock.leave()
            clock.enter("events")
            index = EventIndex()
            for article in articles:
                index.add(article)
            for claim in claims:
                claim.event_id = index.event_of(claim.article_id)
            clock.leave()
            clock.enter("features, selection")
            found = links.suggest_links(claims, stance_many=model.link_labels if model else None)
            clock.leave()
            seconds = time.process_time() - began
        finally:
            if enabled:
                gc.enable()
            gc.set_threshold(*threshold)
            gc.callbacks.remove(clock.on_gc)
            for owner, name, original in undo:
                setattr(owner, name, original)
            if gc_mode in ("freeze", "lazy"):
                gc.unfreeze()
        runs.append(Run(seconds, clock.seconds, clock.gc_seconds, clock.pairs, len(found), encoded_per_s))
        del index, found
    return runs


def measure(n_articles: int, seed: int = 7, *, stance: bool = False) -> float:
    """CPU seconds to group `n_articles` synthetic articles into events and link their claims.

    CPU time of this one process, not wall time, so that other work on a shared machine does not count.
    With `stance`, statement links are refined by the shipped stance model (loaded before timing).
    """
    return measure_stages(n_articles, seed, stance=stance)[0].seconds


def _ratio(now: float, before: float | None) -> str:
    return f"x{now / before:.2f}" if before else ""


def _table(sizes: list[int], medians: list[dict[str, float]], repeat: int) -> list[str]:
    """Per-stage medians with the ratio to the previous size, one row per stage."""
    rows = [
        *STAGES,
        "garbage collection",
        "total",
        "",
        "quantity pairs #",
        "date pairs #",
        "statement pairs #",
        "semantic pairs #",
        "links #",
    ]
    head = f"{'CPU s, median of ' + str(repeat):<22}" + "".join(f"{n:>18}" for n in sizes)
    lines = [head]
    for row in rows:
        if not row:
            lines.append("counts (same every run)")
            continue
        cells = []
        for k, m in enumerate(medians):
            value = m.get(row)
            if value is None:
                cells.append(f"{'-':>18}")
                continue
            before = medians[k - 1].get(row) if k else None
            shown = f"{value:,.0f}" if row.endswith("#") else f"{value:.2f}"
            cells.append(f"{shown:>11} {_ratio(value, before):>6}")
        lines.append(f"{row:<22}" + "".join(cells))
    return lines


def main(argv: list[str]) -> None:
    """Print the time for each size given on the command line and the ratio to the previous size, then
    the time of each stage at each size and its ratio to the previous size (medians of --repeat runs,
    taken in rounds over all sizes).
    """
    parser = argparse.ArgumentParser(description="CPU seconds to group and link synthetic articles.")
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 20000], help="numbers of articles")
    parser.add_argument("--stance", action="store_true", help="refine statement links with the stance model")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size; the median is shown")
    parser.add_argument(
        "--gc",
        choices=GC_MODES,
        default="freeze",
        help="freeze: the generated corpus is not re-scanned by the collector (default); "
        "plain: the collector as the process has it; off: no collection while timing; "
        "lazy: corpus frozen and a young collection every 100,000 new objects",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic corpus")
    parser.add_argument(
        "--encoder", action="store_true", help="encode the statements and link with their sentence vectors"
    )
    args = parser.parse_args(argv)
    previous = None
    medians: list[dict[str, float]] = []
    repeat = max(1, args.repeat)
    by_size: dict[int, list[Run]] = {n: [] for n in args.sizes}
    # with repeats, every size runs once per round (one corpus per size, made first), so that a busier
    # spell of a shared machine weighs on all sizes alike rather than on whichever size ran then
    corpora = {n: SyntheticNews(args.seed).corpus(n) for n in args.sizes} if repeat > 1 else {}
    for round_ in range(repeat):
        for n in args.sizes:
            [run] = measure_stages(
                n, args.seed, stance=args.stance, gc_mode=args.gc, corpus=corpora.get(n), encoder=args.encoder
            )
            by_size[n].append(run)
            print(f"round {round_ + 1}/{repeat}: {n} articles {run.seconds:.1f} CPU s", file=sys.stderr)
    for n in args.sizes:
        runs = by_size[n]
        seconds = statistics.median(r.seconds for r in runs)
        ratio = f"  x{seconds / previous[1]:.2f} for x{n / previous[0]:.1f} articles" if previous else ""
        spread = (
            f"  (median of {len(runs)}: {min(r.seconds for r in runs):.1f}-{max(r.seconds for r in runs):.1f})"
            if len(runs) > 1
            else ""
        )
        encoded = [r.encoded_per_s for r in runs if r.encoded_per_s]
        rate = f"  (encoder: {statistics.median(encoded):,.0f} statements/s wall)" if encoded else ""
        print(f"{n:>7} articles: {seconds:7.1f} CPU s{ratio}{spread}{rate}", flush=True)
        previous = (n, seconds)
        m = {stage: statistics.median(r.stages[stage] for r in runs) for stage in STAGES}
        m["garbage collection"] = statistics.median(r.gc_seconds for r in runs)
        m["total"] = seconds
        m.update({f"{stage} #": float(count) for stage, count in runs[0].pairs.items()})
        m["links #"] = float(runs[0].links)
        medians.append(m)
    print()
    for line in _table(args.sizes, medians, max(1, args.repeat)):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
