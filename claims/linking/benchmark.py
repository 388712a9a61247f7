"""Synthetic news for timing event grouping and link suggestion at scale (deterministic by seed).

`measure(n)` builds n articles (about three outlets per happening, thousands of made-up people, places
and words with a Zipf spread) and times EventIndex.add over all of them plus one suggest_links over all
their claims. Run `python -m claims.linking.benchmark 10000 20000` for the scaling figures, and add
`--stance` to refine statement links with the shipped stance model as the import's linking does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import random
import sys
import time
from dataclasses import dataclass

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

from .events import EventIndex
from .links import suggest_links
from .types import ArticleInfo, LinkableClaim

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

    def _article(self, h: _Happening, outlet: str, n: int, articles: list, claims: list) -> None:
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
        made = [
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


def measure(n_articles: int, seed: int = 7, *, stance: bool = False) -> float:
    """CPU seconds to group `n_articles` synthetic articles into events and link their claims.

    CPU time of this one process, not wall time, so that other work on a shared machine does not count.
    With `stance`, statement links are refined by the shipped stance model (loaded before timing).
    """
    model = None
    if stance:
        from .stance import StanceModel

        model = StanceModel.load()
    articles, claims = SyntheticNews(seed).corpus(n_articles)
    # the generated corpus is input, not work: keep the garbage collector from re-scanning it, which
    # would make the timing grow with corpus size for reasons a service reading rows would not have
    gc.collect()
    gc.freeze()
    began = time.process_time()
    index = EventIndex()
    for article in articles:
        index.add(article)
    for claim in claims:
        claim.event_id = index.event_of(claim.article_id)
    if model is None:
        suggest_links(claims)
    else:
        suggest_links(claims, stance_many=model.predict_many)
    seconds = time.process_time() - began
    gc.unfreeze()
    return seconds


def main(argv: list[str]) -> None:
    """Print the time for each size given on the command line and the ratio to the previous size."""
    parser = argparse.ArgumentParser(description="CPU seconds to group and link synthetic articles.")
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 20000], help="numbers of articles")
    parser.add_argument("--stance", action="store_true", help="refine statement links with the stance model")
    args = parser.parse_args(argv)
    previous = None
    for n in args.sizes:
        seconds = measure(n, stance=args.stance)
        ratio = f"  x{seconds / previous[1]:.2f} for x{n / previous[0]:.1f} articles" if previous else ""
        print(f"{n:>7} articles: {seconds:7.1f} CPU s{ratio}", flush=True)
        previous = (n, seconds)


if __name__ == "__main__":
    main(sys.argv[1:])
