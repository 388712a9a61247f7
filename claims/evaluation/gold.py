"""Loading a gold corpus ("gold.json, format 1", see the corpus README) into plain dataclasses.

A corpus is a folder holding `gold.json`; an article without inline "text" is read from the file
named by its key beside `gold.json`. Texts are read with `newline=""` so that character offsets in
the gold (which count every stored character, "\\r" included) stay valid.

Structural problems (no folder, no gold.json, bad JSON, unknown format, a claim naming an unknown
article, duplicate claim ids, a link naming an unknown claim) raise ValueError naming the path and
what is wrong. Evidence that does not equal `text[start:end]` is only recorded in
`Corpus.warnings`, because one bad offset should not stop a whole evaluation; a claim whose span is
empty or reversed (end <= start) is warned about and treated as a claim without evidence; an
article that two gold events name is warned about (`score_events` leaves it out).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
KINDS = ("quantity", "date", "statement")
RELATIONS = ("corroborates", "contradicts")
STANCE_LABELS = ("agree", "disagree", "discuss", "unrelated")


@dataclass(slots=True)
class GoldArticle:
    key: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # "YYYY-MM-DD" as in the gold, or None
    url: str | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # any other field (e.g. "dateline")
    inline: bool = True  # the text is in gold.json; False: read from `file`
    file: Path | None = None


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class GoldClaim:
    id: str
    article: str
    kind: str
    value: Any = None  # quantity: number or [low, high]; date: "YYYY[-MM[-DD]]"
    start: int | None = None  # evidence offsets; None when the claim belongs to the whole article
    end: int | None = None
    evidence: str | None = None
    unit: str | None = None
    compare: str | None = None  # date: "month" or "month-day"
    speaker: str | None = None
    speaker_mention: GoldSpan | None = None
    direct: bool = False
    raw: dict[str, Any] = field(default_factory=dict)  # the gold entry as written


@dataclass(slots=True)
class Corpus:
    name: str
    path: Path
    exhaustive: tuple[str, ...]
    articles: dict[str, GoldArticle]
    claims: list[GoldClaim]
    links: list[dict[str, Any]]
    not_links: list[dict[str, Any]]
    stance_pairs: list[dict[str, Any]]
    events: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)


def _fail(path: Path, problem: str) -> ValueError:
    return ValueError(f"gold corpus {path}: {problem}")


def _read_gold(path: Path) -> tuple[Path, dict[str, Any]]:
    """The folder and the parsed gold.json for `path` (a corpus folder or its gold.json)."""
    if path.is_file() and path.name == "gold.json":
        folder, gold_file = path.parent, path
    elif not path.exists():
        raise _fail(path, "no such folder")
    elif not path.is_dir():
        raise _fail(path, "not a folder (give the corpus folder or its gold.json)")
    else:
        folder, gold_file = path, path / "gold.json"
    if not gold_file.is_file():
        raise _fail(gold_file, "missing gold.json")
    try:
        data = json.loads(gold_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(gold_file, f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise _fail(gold_file, "top level is not a JSON object")
    if data.get("format") != FORMAT:
        raise _fail(gold_file, f"unknown format {data.get('format')!r} (expected {FORMAT})")
    return folder, data


def _article(folder: Path, gold_file: Path, key: str, entry: Any) -> GoldArticle:
    if not isinstance(entry, dict):
        raise _fail(gold_file, f"article {key!r} is not an object")
    text = entry.get("text")
    text_file = None
    if text is None:
        text_file = folder / key
        if not text_file.is_file():
            raise _fail(gold_file, f"article {key!r} has no inline text and no file {text_file}")
        with open(text_file, encoding="utf-8", newline="") as handle:
            text = handle.read()
    known = {"text", "title", "outlet", "published", "url", "note"}
    return GoldArticle(
        key=key,
        text=text,
        title=entry.get("title"),
        outlet=entry.get("outlet"),
        published=entry.get("published"),
        url=entry.get("url"),
        note=entry.get("note"),
        extra={k: v for k, v in entry.items() if k not in known},
        inline=text_file is None,
        file=text_file,
    )


def _span(entry: Any) -> GoldSpan | None:
    if not isinstance(entry, dict) or entry.get("start") is None:
        return None
    return GoldSpan(int(entry["start"]), int(entry["end"]), entry.get("text") or "")


def _claim(gold_file: Path, entry: Any, articles: dict[str, GoldArticle]) -> GoldClaim:
    if not isinstance(entry, dict) or "id" not in entry:
        raise _fail(gold_file, f"claim without an id: {entry!r:.120}")
    cid = str(entry["id"])
    if entry.get("article") not in articles:
        raise _fail(gold_file, f"claim {cid!r} names unknown article {entry.get('article')!r}")
    if entry.get("kind") not in KINDS:
        raise _fail(gold_file, f"claim {cid!r} has unknown kind {entry.get('kind')!r}")
    start, end = entry.get("start"), entry.get("end")
    return GoldClaim(
        id=cid,
        article=entry["article"],
        kind=entry["kind"],
        value=entry.get("value"),
        start=None if start is None else int(start),
        end=None if end is None else int(end),
        evidence=entry.get("evidence"),
        unit=entry.get("unit"),
        compare=entry.get("compare"),
        speaker=entry.get("speaker"),
        speaker_mention=_span(entry.get("speaker_mention")),
        direct=bool(entry.get("direct", False)),
        raw=entry,
    )


def _check_pairs(gold_file: Path, name: str, pairs: list[dict[str, Any]], ids: set[str]) -> None:
    for pair in pairs:
        for side in ("a", "b"):
            if pair.get(side) not in ids:
                raise _fail(gold_file, f"{name} entry names unknown claim {pair.get(side)!r}")
        if pair.get("relation") not in RELATIONS:
            raise _fail(gold_file, f"{name} entry has unknown relation {pair.get('relation')!r}")


def _events(
    gold_file: Path, entries: list[dict[str, Any]], articles: dict[str, GoldArticle]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The gold events, and a warning for each article that two events name (events scoring skips it)."""
    warnings: list[str] = []
    seen: dict[str, Any] = {}
    for event in entries:
        keys = list(event.get("articles", []))
        unknown = [key for key in keys if key not in articles]
        if unknown:
            raise _fail(gold_file, f"event {event.get('id')!r} names unknown articles {unknown[:3]}")
        for key in keys:
            if key in seen:
                warnings.append(f"article {key} is in events {seen[key]} and {event.get('id')}: not scored")
            seen.setdefault(key, event.get("id"))
    return entries, warnings


def load_corpus(path: str | Path) -> Corpus:
    """The corpus at `path` (its folder, or its gold.json), with every article text loaded.

    Raises ValueError (naming the path and the problem) when the corpus cannot be read.
    """
    path = Path(path)
    folder, data = _read_gold(path)
    gold_file = folder / "gold.json"
    raw_articles = data.get("articles") or {}
    if not isinstance(raw_articles, dict):
        raise _fail(gold_file, '"articles" is not an object keyed by article')
    articles = {key: _article(folder, gold_file, key, entry) for key, entry in raw_articles.items()}
    claims = [_claim(gold_file, entry, articles) for entry in data.get("claims") or []]
    ids = [claim.id for claim in claims]
    if len(set(ids)) != len(ids):
        dupes = sorted({cid for cid in ids if ids.count(cid) > 1})
        raise _fail(gold_file, f"duplicate claim ids {dupes[:5]}")
    links, not_links = data.get("links") or [], data.get("not_links") or []
    _check_pairs(gold_file, "links", links, set(ids))
    _check_pairs(gold_file, "not_links", not_links, set(ids))
    stance_pairs = data.get("stance_pairs") or []
    for pair in stance_pairs:
        if pair.get("article") not in articles or pair.get("label") not in STANCE_LABELS:
            raise _fail(gold_file, f"bad stance pair {pair!r:.160}")
    events, event_warnings = _events(gold_file, data.get("events") or [], articles)
    exhaustive = tuple(data.get("exhaustive") or ())
    if any(kind not in KINDS for kind in exhaustive):
        raise _fail(gold_file, f"unknown kind in exhaustive {list(exhaustive)}")
    corpus = Corpus(
        name=str(data.get("corpus") or folder.name),
        path=folder,
        exhaustive=exhaustive,
        articles=articles,
        claims=claims,
        links=links,
        not_links=not_links,
        stance_pairs=stance_pairs,
        events=events,
        warnings=event_warnings,
    )
    for claim in claims:
        text = articles[claim.article].text
        if claim.start is not None and (claim.end is None or claim.end <= claim.start):
            # An empty or reversed span locates nothing: score it like a claim without evidence.
            corpus.warnings.append(f"claim {claim.id}: empty evidence span, found anywhere in its article")
            claim.start = claim.end = None
            continue
        stated = claim.start is not None and claim.evidence is not None
        if stated and text[claim.start : claim.end] != claim.evidence:
            corpus.warnings.append(f"claim {claim.id}: evidence differs from text[start:end]")
    return corpus
