"""The event page's comparison: outlets against facts, a timeline and a chart, computed from stored rows.

Built from the event's claims and the ClaimLink rows among them. Independent confirmation: the
origins, other than the claim's own, of the claims that corroborate it, counted by
claims.linking.confirmation (the one rule: outlets repeating one named upstream source, quoting one
speaker or citing each other count once).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field

from claims.linking.confirmation import independent_confirmations
from claims.linking.types import LinkableClaim
from claims.models import Claim, ClaimLink, Event
from claims.selectors import Context, sentences_of
from claims.selectors.event_page import event_claims, event_links
from claims.services.linking import extracted_from_claim

MAX_FACT_COLUMNS = 8
MAX_STATEMENTS_PER_CELL = 3
CHART_LABEL_WIDTH = 140
MAX_CONFLICTS = 50  # shown side by side with their sentences; the links queue has the rest
UNKNOWN_OUTLET = "Unknown outlet"


@dataclass(slots=True)
class CellValue:
    claim: Claim
    corroborated: bool = False
    contradicted: bool = False
    confirmations: int = 0  # independent origins, other than this claim's own, that corroborate it


@dataclass(slots=True)
class Column:
    key: str
    label: str
    kind: str


@dataclass(slots=True)
class Row:
    outlet: str
    outlet_id: int | None
    cells: list[list[CellValue]]
    columns: list[Column] = field(default_factory=list)

    @property
    def labelled_cells(self) -> list[tuple[Column, list[CellValue]]]:
        """Each cell with its column (a phone shows the column's label beside the values)."""
        return list(zip(self.columns, self.cells, strict=True))


@dataclass(slots=True)
class Bar:
    y: int
    x: float
    width: float
    label: str
    value: str
    contradicted: bool

    @property
    def end(self) -> float:
        """The x coordinate where the bar ends (where its value label goes)."""
        return self.x + self.width


@dataclass(slots=True)
class Chart:
    title: str
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    label_x: int = CHART_LABEL_WIDTH - 6  # where the outlet names end, right-aligned


@dataclass(slots=True)
class TimelineEntry:
    date: dt.date | None  # None: "date not known"
    precision: str  # "day", "month" or "year" (Article / Claim date precision)
    what: str  # "published" or "reported date"
    outlet: str
    claim: Claim | None
    article_id: int
    title: str


@dataclass(slots=True)
class Conflict:
    """A contradicts link, its two claims side by side (each with its article and outlet loaded)."""

    link: ClaimLink
    first: Claim
    second: Claim
    contexts: dict[int, Context] = field(default_factory=dict)  # claim id -> its sentence

    @property
    def sides(self) -> list[tuple[Claim, Context | None]]:
        """The two claims with their sentences, in the order the page shows them side by side."""
        return [(claim, self.contexts.get(claim.pk)) for claim in (self.first, self.second)]


@dataclass(slots=True)
class AgreedFact:
    """Claims joined by corroborating links: what outlets agree on (disputed when one is contradicted)."""

    label: str
    claims: list[Claim]
    outlets: list[str]
    disputed: bool = False  # another outlet contradicts one of these claims (shown under Conflicts)


@dataclass(slots=True)
class SpeakerStatements:
    speaker: str
    actor_id: int | None
    claims: list[Claim]


@dataclass(slots=True)
class Comparison:
    columns: list[Column]
    rows: list[Row]
    timeline: list[TimelineEntry]
    chart: Chart | None
    claim_count: int
    link_count: int
    values: dict[int, CellValue] = field(default_factory=dict)
    agreed: list[AgreedFact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    speakers: list[SpeakerStatements] = field(default_factory=list)
    undated: list[TimelineEntry] = field(default_factory=list)


def outlet_of(claim: Claim) -> str:
    """The name of the outlet that published the claim's article."""
    outlet = claim.article.outlet
    return outlet.name if outlet else UNKNOWN_OUTLET


def linkable(claim: Claim) -> LinkableClaim:
    """The linker's view of a stored claim (its article and outlet must be loaded with it)."""
    article = claim.article
    return LinkableClaim(
        claim.pk,
        claim.article_id,
        article.outlet.name if article.outlet else None,
        extracted_from_claim(claim),
        claim.quote,
        event_id=claim.event_id,
        published=article.published_on,
        title=article.title or None,
    )


def confirmations_of(claim: LinkableClaim, corroborators: list[LinkableClaim]) -> int:
    """Independent origins among the corroborating claims, not counting the claim's own origin."""
    if not corroborators:
        return 0
    return independent_confirmations([claim, *corroborators]).count - 1


def fact_key(claim: Claim) -> tuple[str, str]:
    """The comparison column a claim belongs to, as (key, label)."""
    if claim.kind == Claim.Kind.QUANTITY:
        label = claim.unit_class or claim.unit or "count"
        return f"q:{label}", label
    if claim.kind == Claim.Kind.DATE:
        return "date", "Dates"
    return "statement", "Key statements"


def fmt_number(value: float) -> str:
    """A number for a chart label: no trailing .0, thousands separated."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def nice_step(rough: float) -> float:
    """The round tick step (1, 2, 2.5 or 5 times a power of ten) at or above `rough`: axes read 0, 20,
    40, 60, 80 rather than 0, 18.75, 37.5."""
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1.0
    return next(power * m for m in (1, 2, 2.5, 5, 10) if power * m >= rough)


def build_chart(column: Column, rows: list[Row], index: int) -> Chart | None:
    """Range bars (low to high) per outlet for one quantity column, or None with fewer than two outlets."""
    values = []
    for row in rows:
        cell = row.cells[index]
        if cell:
            low = min(v.claim.bounds[0] for v in cell)
            high = max(v.claim.bounds[1] for v in cell)
            values.append((row.outlet, low, high, any(v.contradicted for v in cell)))
    if len(values) < 2:
        return None
    step = nice_step((max(high for _, _, high, _ in values) or 1.0) / 4)
    top = step * math.ceil((max(high for _, _, high, _ in values) or 1.0) / step)
    # Compact, so that on a 390 px phone the labels stay readable when the SVG scales down.
    label_w, plot_w, bar_h = CHART_LABEL_WIDTH, 300, 26
    scale = plot_w / top
    bars = []
    for i, (outlet, low, high, contradicted) in enumerate(values):
        width = max(3.0, (high - low) * scale)
        value = fmt_number(low) if low == high else f"{fmt_number(low)}\u2013{fmt_number(high)}"
        label = outlet if len(outlet) <= 17 else outlet[:16] + "\u2026"
        bars.append(Bar(10 + i * bar_h, label_w + low * scale, width, label, value, contradicted))
    ticks = [(label_w + step * i * scale, fmt_number(step * i)) for i in range(round(top / step) + 1)]
    return Chart(column.label, label_w + plot_w + 70, 30 + len(bars) * bar_h, bars, ticks)


def event_comparison(event: Event) -> Comparison:
    """The event page's sections: agreed facts, conflicts with their sentences, statements by speaker,
    the comparison table, timeline and chart (two queries, three with conflicts, whatever the event's
    size)."""
    claims = event_claims(event)
    by_id = {c.pk: c for c in claims}
    links = event_links(event, claims)
    corroborating: dict[int, set[int]] = defaultdict(set)
    contradicted: set[int] = set()
    for link in links:
        if link.relation == ClaimLink.Relation.CORROBORATES:
            corroborating[link.claim_a_id].add(link.claim_b_id)
            corroborating[link.claim_b_id].add(link.claim_a_id)
        else:
            contradicted.update((link.claim_a_id, link.claim_b_id))

    values: dict[int, CellValue] = {}
    views = {pk: linkable(c) for pk, c in by_id.items() if corroborating.get(pk)}
    for claim in claims:
        others = sorted(corroborating.get(claim.pk, ()))
        count = confirmations_of(views[claim.pk], [views[o] for o in others]) if others else 0
        values[claim.pk] = CellValue(claim, bool(others), claim.pk in contradicted, count)

    # Columns: quantity facts reported by most outlets first, then dates, then statements.
    outlets_per_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        outlets_per_key[fact_key(claim)].add(outlet_of(claim))
    quantity_keys = sorted(
        (k for k in outlets_per_key if k[0].startswith("q:")), key=lambda k: (-len(outlets_per_key[k]), k[1])
    )
    # Statements are read by speaker below the table, so the table holds figures and dates only.
    keys = quantity_keys[: MAX_FACT_COLUMNS - 1] + [k for k in outlets_per_key if k[0] == "date"]
    columns = [Column(key, label, key.split(":")[0]) for key, label in keys]
    position = {c.key: i for i, c in enumerate(columns)}

    rows_by_outlet: dict[str, Row] = {}
    for claim in claims:
        name = outlet_of(claim)
        row = rows_by_outlet.get(name)
        if row is None:
            row = rows_by_outlet[name] = Row(name, claim.article.outlet_id, [[] for _ in columns], columns)
        index = position.get(fact_key(claim)[0])
        if index is None:
            continue
        cell = row.cells[index]
        if columns[index].kind != "statement" or len(cell) < MAX_STATEMENTS_PER_CELL:
            cell.append(values[claim.pk])
    rows = sorted(rows_by_outlet.values(), key=lambda r: r.outlet.lower())

    chart = None
    if quantity_keys:
        first = position[quantity_keys[0][0]]
        chart = build_chart(columns[first], rows, first)

    timeline, undated = event_timeline(claims)
    conflicts = [
        Conflict(link, by_id[link.claim_a_id], by_id[link.claim_b_id])
        for link in links
        if link.relation == ClaimLink.Relation.CONTRADICTS
    ][:MAX_CONFLICTS]
    if conflicts:  # one more query: a window of text around each side, never whole articles
        contexts = sentences_of([claim for c in conflicts for claim in (c.first, c.second)])
        for conflict in conflicts:
            conflict.contexts = contexts
    return Comparison(
        columns,
        rows,
        timeline,
        chart,
        len(claims),
        len(links),
        values,
        agreed=agreed_facts(claims, links, contradicted),
        conflicts=conflicts,
        speakers=statements_by_speaker(claims),
        undated=undated,
    )


def agreed_facts(claims: list[Claim], links: list[ClaimLink], contradicted: set[int]) -> list[AgreedFact]:
    """Groups of claims joined by corroborating links, undisputed and widest first."""
    parent = {c.pk: c.pk for c in claims}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for link in links:
        if link.relation == ClaimLink.Relation.CORROBORATES:
            parent[root(link.claim_a_id)] = root(link.claim_b_id)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[root(claim.pk)].append(claim)
    facts = []
    for members in groups.values():
        if len(members) < 2:
            continue
        outlets = sorted({outlet_of(c) for c in members}, key=str.lower)
        disputed = any(c.pk in contradicted for c in members)
        facts.append(AgreedFact(fact_key(members[0])[1], members, outlets, disputed))
    facts.sort(key=lambda f: (f.disputed, -len(f.outlets), f.label))
    return facts


def statements_by_speaker(claims: list[Claim]) -> list[SpeakerStatements]:
    """The event's statements grouped by speaker (resolved actor, else the name as written), most first."""
    groups: dict[tuple[int | None, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != Claim.Kind.STATEMENT:
            continue
        key: tuple[int | None, str]
        if claim.speaker:
            key = (claim.speaker.pk, claim.speaker.name)
        else:
            key = (None, claim.speaker_mention.strip() or "Unnamed speaker")
        groups[key].append(claim)
    speakers = [SpeakerStatements(name, actor_id, members) for (actor_id, name), members in groups.items()]
    speakers.sort(key=lambda s: (-len(s.claims), s.speaker.lower()))
    return speakers


def event_timeline(claims: list[Claim], limit: int = 200) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(dated, undated): articles by publication date and reported dates in date order, each at its
    stored precision; then the articles and reported dates whose date is not known (`limit` each)."""
    dated: list[TimelineEntry] = []
    undated: list[TimelineEntry] = []
    seen_articles: set[int] = set()
    for claim in claims:
        article = claim.article
        if article.pk not in seen_articles:
            seen_articles.add(article.pk)
            entry = TimelineEntry(
                article.published_on,
                article.published_precision,
                "published",
                outlet_of(claim),
                None,
                article.pk,
                article.title,
            )
            (dated if article.published_on else undated).append(entry)
        if claim.kind == Claim.Kind.DATE:
            known = claim.date_value is not None and claim.date_precision in ("day", "month", "year")
            entry = TimelineEntry(
                claim.date_value if known else None,
                claim.date_precision,
                "reported date",
                outlet_of(claim),
                claim,
                article.pk,
                article.title,
            )
            (dated if known else undated).append(entry)
    # A month or a year sorts at its first day, before the days within it.
    dated.sort(key=lambda e: (e.date, e.what != "reported date", e.outlet))
    return dated[:limit], undated[:limit]
