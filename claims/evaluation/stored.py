"""What the app stored after importing a corpus, read back from a JSON dump, in gold coordinates.

The evaluation imports a corpus into a throwaway database and dumps the stored rows (see
`claims.management.evaluation_import`): {"articles": [...], "claims": [...], "links": [...], "events": [...]}.
This module turns that dump into plain objects the scorer reads (no Django):

- each stored article is paired with its gold article: by URL when the row gave one, else by its
  original file text or body equal to the gold text (line ends and spaces normalised), else by the
  largest share of shared words (at least half);
- each stored claim gets offsets into the *gold* text: the import may store a cleaned body (headline
  and furniture lines dropped, lines joined), so stored offsets go through an alignment of the stored
  body onto the gold text (`align.OffsetMap`); a claim whose span cannot be placed is dropped and
  counted in `StoredCorpus.unplaced`;
- a date claim's value is written at its precision ("2019-03-23", "2019-03", "2019"); a precision
  other than day, month or year says the year is not known: `year_known` is False and the value keeps
  the month and day the precision's name still knows (`_known_length`: "md" or "day-no-year" month and
  day, "m" or "month-no-year" the month, a weekday, week or relative date nothing); the value may
  write the unknown year as EDTF does ("XXXX-01-23", "XXXX-01"); the scorer then compares only those
  parts, under a gold "compare"; a period ("between June 2011 and July 2012") also has `end_value`, its
  last end at its own precision ("2012-07").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .align import OffsetMap
from .gold import Corpus

YEAR_KNOWN_PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class StoredClaim:
    id: int
    article: str  # gold article key
    kind: str
    start: int  # offsets in the gold text
    end: int
    confidence: float | None = None
    # quantity
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_class: str | None = None
    # date
    value: str | None = None
    precision: str | None = None
    year_known: bool = True
    end_value: str | None = None  # a period's last end at its precision ("2012-07"); None for one date
    # statement
    speaker: str | None = None
    speaker_mention: Span | None = None
    direct: bool = False


@dataclass(slots=True)
class StoredArticle:
    id: int
    key: str | None  # gold article key, None when it matches none
    title: str | None
    outlet: str | None
    published: str | None  # "YYYY-MM-DD" or None
    published_precision: str | None = None


@dataclass(slots=True)
class StoredCorpus:
    articles: dict[int, StoredArticle]
    claims: list[StoredClaim]
    links: list[tuple[int, int, str]]  # (claim id, claim id, relation), suggested or confirmed
    events: list[list[str]]  # gold article keys per stored event
    unplaced: int = 0  # stored claims whose span could not be placed in the gold text
    unmatched_articles: list[int] = field(default_factory=list)  # stored articles matching no gold article
    # ({claim id, claim id}, relation) -> the link's confidence, where the dump gives one
    link_confidence: dict[tuple[frozenset[int], str], float] = field(default_factory=dict)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _norm(text: str) -> str:
    return " ".join(text.split())


def match_articles(corpus: Corpus, stored: list[Mapping[str, Any]]) -> dict[int, str | None]:
    """{stored article id: gold key or None}: by URL, then by equal text, then by shared words."""
    by_url = {a.url: key for key, a in corpus.articles.items() if a.url}
    by_text: dict[str, str] = {}
    for gold_key, article in corpus.articles.items():
        by_text.setdefault(_norm(article.text), gold_key)
    taken: set[str] = set()
    out: dict[int, str | None] = {}
    rest = []
    for row in stored:
        key = by_url.get(row.get("url") or "")
        if key is None:
            for text in (row.get("original") or "", row.get("body") or ""):
                if text and (key := by_text.get(_norm(text))) is not None:
                    break
        if key is not None and key not in taken:
            out[row["id"]] = key
            taken.add(key)
        else:
            rest.append(row)
    if rest:
        gold_words = {key: _words(a.text) for key, a in corpus.articles.items() if key not in taken}
        for row in rest:
            words = _words(row.get("original") or row.get("body") or "")
            best, best_share = None, 0.5
            for key, gw in gold_words.items():
                if key in taken or not gw:
                    continue
                share = len(words & gw) / len(words | gw)
                if share > best_share:
                    best, best_share = key, share
            out[row["id"]] = best
            if best is not None:
                taken.add(best)
    return out


def _date_value(row: Mapping[str, Any]) -> tuple[str | None, str | None, bool]:
    value, precision = row.get("date_value"), row.get("date_precision") or None
    if not value:
        return None, precision, precision in YEAR_KNOWN_PRECISIONS
    if precision in YEAR_KNOWN_PRECISIONS:
        return value[: {"day": 10, "month": 7, "year": 4}[precision]], precision, True
    return value[: _known_length(precision or "")], precision, False


def _known_length(precision: str) -> int:
    """How much of "YYYY-MM-DD" a precision without a known year still knows: 10 (month and day), 7 (the
    month) or 0 (neither, e.g. a weekday alone). The name decides: one naming a week knows neither, one
    with a "d" (day, "md", "day-no-year") month and day, one with an "m" ("m", "month-no-year") the month."""
    name = precision.lower().replace("year", "")
    if "week" in name:
        return 0
    if "d" in name:
        return 10
    if "m" in name:
        return 7
    return 0


def load_stored(corpus: Corpus, dump: Mapping[str, Any]) -> StoredCorpus:
    """The dump of stored rows as a StoredCorpus in gold keys and gold offsets (see the module docstring)."""
    rows = list(dump.get("articles") or [])
    keys = match_articles(corpus, rows)
    articles: dict[int, StoredArticle] = {}
    maps: dict[int, OffsetMap] = {}
    for row in rows:
        key = keys.get(row["id"])
        articles[row["id"]] = StoredArticle(
            id=row["id"],
            key=key,
            title=row.get("title") or None,
            outlet=row.get("outlet") or None,
            published=row.get("published_on") or None,
            published_precision=row.get("published_precision") or None,
        )
        if key is not None:
            maps[row["id"]] = OffsetMap(row.get("body") or "", corpus.articles[key].text)
    claims: list[StoredClaim] = []
    unplaced = 0
    for row in dump.get("claims") or []:
        article = articles.get(row["article"])
        if article is None or article.key is None:
            continue
        offsets = maps[row["article"]]
        span = offsets.span(row["start"], row["end"])
        if span is None:
            unplaced += 1
            continue
        mention = None
        if row.get("speaker_mention_start") is not None and row.get("speaker_mention_end") is not None:
            placed = offsets.span(row["speaker_mention_start"], row["speaker_mention_end"])
            mention = Span(*placed) if placed else None
        value, precision, year_known = _date_value(row)
        end_value, _, _ = _date_value(
            {"date_value": row.get("date_end_value"), "date_precision": row.get("date_end_precision")}
        )
        low, high = row.get("quantity_low"), row.get("quantity_high")
        claims.append(
            StoredClaim(
                id=row["id"],
                article=article.key,
                kind=row["kind"],
                start=span[0],
                end=span[1],
                confidence=row.get("confidence"),
                low=low if low is not None else high,
                high=high if high is not None else low,
                unit=row.get("unit") or None,
                unit_class=row.get("unit_class") or None,
                value=value,
                precision=precision,
                year_known=year_known,
                end_value=end_value if row.get("date_end_value") else None,
                speaker=row.get("speaker") or None,
                speaker_mention=mention,
                direct=bool(row.get("direct")),
            )
        )
    placed_ids = {c.id for c in claims}
    links = [
        (row["a"], row["b"], row["relation"])
        for row in dump.get("links") or []
        if row["a"] in placed_ids and row["b"] in placed_ids
    ]
    link_confidence = {
        (frozenset((row["a"], row["b"])), row["relation"]): float(row["confidence"])
        for row in dump.get("links") or []
        if row.get("confidence") is not None and row["a"] in placed_ids and row["b"] in placed_ids
    }
    events = []
    for event in dump.get("events") or []:
        gold_keys = (articles[a].key for a in event["articles"] if a in articles)
        members = [gold_key for gold_key in gold_keys if gold_key]
        if members:
            events.append(members)
    return StoredCorpus(
        articles=articles,
        claims=claims,
        links=links,
        events=events,
        unplaced=unplaced,
        unmatched_articles=[a.id for a in articles.values() if a.key is None],
        link_confidence=link_confidence,
    )
