"""Group articles that report the same happening into events, one article at a time.

An article joins the event of its most similar earlier article when the TF-IDF cosine of their titles,
leads and names passes a threshold that rises with the gap between their publication dates; if it
passes for several events, those events merge (so the result depends little on arrival order).
Candidates come from an inverted index on each article's rarest terms and names, never from a pass
over the whole corpus, so adding an article costs about the same at 100 or 100,000 articles.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from .links.text import date_mentions, fold, names, terms
from .types import ArticleInfo

_TITLE_WEIGHT = 2.0  # a headline names the happening more reliably than the body
_NAME_WEIGHT = 1.5  # names of people, bodies and places single out one happening
_DAY_WEIGHT = 2.0  # a calendar day named by two reports is strong evidence of one happening


@dataclass(slots=True)
class _Doc:
    """An added article: its terms and their weights side by side (a tuple and arrays of doubles, about
    a third of the memory of dicts: an index of 12,000 articles is held through a large import's
    placement)."""

    id: Hashable
    published: dt.date | None
    terms: tuple[str, ...]
    tf: array[float]  # term weights, in the order of `terms`
    vec: array[float] | None = None  # tf-idf weights, in the order of `terms`, cached ...
    norm: float = 1.0
    weighed_at: int = 0  # ... under the collection size they were computed at


class EventIndex:
    """Incremental event grouping; `add` an article, read back events with `event_of` / `events`."""

    def __init__(
        self,
        *,
        threshold: float = 0.15,
        undated_threshold: float = 0.25,
        strong_threshold: float = 0.45,
        window_days: int = 7,
        per_day: float = 0.03,
        max_terms: int = 120,
        block_terms: int = 20,
        max_posting: int = 300,
        max_candidates: int = 20,
        prior_docs: int = 100,
        max_span_days: int = 21,
    ) -> None:
        # a chain of similar articles may not stretch one event over weeks (a running story is many events)
        self.max_span_days = max_span_days
        self._span: dict[Hashable, tuple[dt.date, dt.date] | None] = {}
        self.prior_docs = prior_docs
        self.threshold = threshold  # cosine needed to join when both dates are known and equal
        # when either publication date is unknown, time evidence must come from the text: a calendar day
        # both name, or else near-identical wording
        self.undated_threshold = undated_threshold
        self.strong_threshold = strong_threshold
        self.window_days = window_days  # articles further apart are never the same event
        self.per_day = per_day  # extra cosine needed per day between the two publication dates
        self.max_terms = max_terms
        self.block_terms = block_terms
        self.max_posting = max_posting  # a key shared by more articles is not rare enough to block on
        self.max_candidates = max_candidates
        self._docs: dict[Hashable, _Doc] = {}
        self._df: dict[str, int] = defaultdict(int)
        # postings per (term, week of publication): a dated article only reads the weeks around its own,
        # so the work per article does not grow with the years the corpus covers
        self._postings: dict[tuple[str, int | None], list[Hashable]] = defaultdict(list)
        self._all_postings: dict[str, list[Hashable]] = defaultdict(list)  # for undated articles
        self._parent: dict[Hashable, Hashable] = {}  # union-find over event ids
        self._event_of_doc: dict[Hashable, Hashable] = {}
        self._next = 0

    # -- public -----------------------------------------------------------------------------------
    def add(self, article: ArticleInfo) -> Hashable:
        """Place `article` in an event and return that event's id (a new one when nothing matches)."""
        tf = _features(article, self.max_terms)
        doc = _Doc(article.id, article.published, tuple(tf), array("d", tf.values()))
        for term in doc.terms:
            self._df[term] += 1
        event = None
        for other in self._matches(doc):
            found = self._find(self._event_of_doc[other])
            if event is None:
                if self._fits(self._span[found], doc.published):
                    event = found
                    self._span[event] = _widen(self._span[event], doc.published, doc.published)
            elif found != event and self._fits_span(self._span[event], self._span[found]):
                event = self._union(event, found)
        if event is None:
            event = f"e{self._next}"
            self._next += 1
            self._parent[event] = event
            self._span[event] = _widen(None, doc.published, doc.published)
        self._docs[doc.id] = doc
        self._event_of_doc[doc.id] = event
        bucket = self._bucket(doc.published)
        for term in doc.terms:
            self._postings[(term, bucket)].append(doc.id)
            self._all_postings[term].append(doc.id)
        return event

    def add_many(self, articles: Iterable[ArticleInfo]) -> dict[Hashable, Hashable]:
        """Add every article; return article id -> final event id (after any merges)."""
        ids = []
        for article in articles:
            self.add(article)
            ids.append(article.id)
        return {i: self.event_of(i) for i in ids}

    def event_of(self, article_id: Hashable) -> Hashable:
        """The current event id of an added article (ids can change when events merge)."""
        return self._find(self._event_of_doc[article_id])

    def events(self) -> dict[Hashable, list[Hashable]]:
        """Event id -> article ids, for every event so far."""
        out: dict[Hashable, list[Hashable]] = defaultdict(list)
        for doc_id in self._docs:
            out[self.event_of(doc_id)].append(doc_id)
        return dict(out)

    # -- matching ---------------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        # `prior_docs` unseen articles that lack the term keep IDF meaningful in a small collection,
        # where a term shared by 2 of 5 articles is still rare in news at large
        n = len(self._docs) + 1 + self.prior_docs
        return math.log((n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _vector(self, doc: _Doc) -> tuple[dict[str, float], float]:
        # weights are recomputed once the collection has grown by a fifth since, so the cost stays
        # constant per article while early articles do not keep the statistics of a tiny collection
        n = len(self._docs) + 1 + self.prior_docs
        if doc.vec is None or n > doc.weighed_at * 1.2:
            log_n = math.log(n + 1)
            df = self._df
            doc.vec = array(
                "d",
                (
                    w * (log_n - math.log(df.get(t, 0) + 1) + 1.0)
                    for t, w in zip(doc.terms, doc.tf, strict=True)
                ),
            )
            doc.norm = math.sqrt(sum(v * v for v in doc.vec)) or 1.0
            doc.weighed_at = n
        return dict(zip(doc.terms, doc.vec, strict=True)), doc.norm

    def _candidates(self, doc: _Doc) -> list[Hashable]:
        # the terms that weigh most in this article's vector, plus every multi-word name
        log_n, df = math.log(len(self._docs) + 2 + self.prior_docs), self._df
        weight = {t: w * (log_n - math.log(df.get(t, 0) + 1)) for t, w in zip(doc.terms, doc.tf, strict=True)}
        keys = heapq.nsmallest(self.block_terms, weight, key=lambda t: (-weight[t], t))
        rare = keys + [t for t in doc.terms if t.startswith("@") and t not in keys]
        shared: dict[Hashable, int] = defaultdict(int)
        if doc.published is None:
            lists = [self._all_postings.get(t) for t in rare]
        else:
            b = self._bucket(doc.published)
            assert b is not None
            lists = [self._postings.get((t, k)) for t in rare for k in (b - 1, b, b + 1, None)]
        for posting in lists:
            if not posting or len(posting) > self.max_posting:
                continue
            for other in posting:
                if self._in_window(doc.published, self._docs[other].published):
                    shared[other] += 1
        # ties keep the order articles were found in, which follows the (deterministic) postings
        return heapq.nlargest(self.max_candidates, shared, key=shared.__getitem__)

    def _bucket(self, day: dt.date | None) -> int | None:
        return None if day is None else day.toordinal() // (self.window_days + 1)

    def _in_window(self, a: dt.date | None, b: dt.date | None) -> bool:
        return a is None or b is None or abs((a - b).days) <= self.window_days

    def _needed(self, a: _Doc, b: _Doc) -> float:
        if a.published is None or b.published is None:
            shared_day = any(t.startswith("#") and t in b.terms for t in a.terms)
            return self.undated_threshold if shared_day else self.strong_threshold
        return self.threshold + self.per_day * abs((a.published - b.published).days)

    def _matches(self, doc: _Doc) -> list[Hashable]:
        """Earlier articles similar enough to share `doc`'s event, best first."""
        vec, norm = self._vector(doc)
        scored = []
        for other_id in self._candidates(doc):
            other = self._docs[other_id]
            ovec, onorm = self._vector(other)
            dot = sum(w * ovec[t] for t, w in vec.items() if t in ovec)
            cos = dot / (norm * onorm)
            if cos >= self._needed(doc, other):
                scored.append((cos, other_id))
        scored.sort(key=lambda s: (-s[0], str(s[1])))
        return [o for _, o in scored]

    def _fits(self, span: tuple[dt.date, dt.date] | None, day: dt.date | None) -> bool:
        return day is None or self._fits_span(span, (day, day))

    def _fits_span(self, a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
        if a is None or b is None:
            return True
        return (max(a[1], b[1]) - min(a[0], b[0])).days <= self.max_span_days

    # -- union-find -------------------------------------------------------------------------------
    def _find(self, event: Hashable) -> Hashable:
        root = event
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[event] != root:
            self._parent[event], event = root, self._parent[event]
        return root

    def _union(self, a: Hashable, b: Hashable) -> Hashable:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        # the older event keeps its id, so ids handed out earlier stay valid for most articles
        keep, drop = (ra, rb) if int(str(ra)[1:]) < int(str(rb)[1:]) else (rb, ra)
        self._parent[drop] = keep
        span = self._span.pop(drop)
        self._span[keep] = _widen(self._span[keep], *(span or (None, None)))
        return keep


def _widen(
    span: tuple[dt.date, dt.date] | None, low: dt.date | None, high: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """`span` stretched to cover low..high (None bounds add nothing)."""
    if low is None or high is None:
        return span
    if span is None:
        return (low, high)
    return (min(span[0], low), max(span[1], high))


def _features(article: ArticleInfo, max_terms: int) -> dict[str, float]:
    """Log-scaled term weights of title, lead and names, trimmed to the `max_terms` heaviest."""
    title = article.title or ""
    lead = article.text[: article.lead_chars]
    raw: dict[str, float] = defaultdict(float)
    for t in terms(title):
        raw[t] += _TITLE_WEIGHT
    for t in terms(lead):
        raw[t] += 1.0
    found = names(title + ". " + lead) + [fold(e).lower() for e in (*article.entities, *article.places)]
    for name in found:
        if " " in name:  # single capitalised words are already terms; runs add the multi-word name
            raw["@" + name] += _NAME_WEIGHT
    for day in date_mentions(title + ". " + lead):
        raw["#" + day] += _DAY_WEIGHT
    tf = {t: 1.0 + math.log(w) if w >= 1 else w for t, w in raw.items()}
    if len(tf) > max_terms:
        tf = dict(sorted(tf.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms])
    return tf
