"""Reads for claims; each selector owns its select_related / prefetch_related.

Pages and counts of any list are tracker.paging's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, F, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, Substr
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from claims.models import Actor, Annotation, Claim, ClaimLink, Event
from newstext.sentences import sentence_starts
from sources.models import Article


def claim_list() -> QuerySet[Claim]:
    """Claims with their article, outlet, speaker and event, without the heavy article texts."""
    return Claim.objects.select_related("article__outlet", "speaker", "event").defer(
        "article__body", "article__original", "article__search_vector", "search_vector"
    )


def claims_with_sources() -> QuerySet[Claim]:
    """Claims with their article (texts left out), outlet and speaker, for lists that do not show the
    event: `claim_list()` without its join to the events (the review queue, an outlet's and an actor's
    pages; each join of claims_claim, with its 24 indexes, adds to the plan PostgreSQL makes per visit)."""
    return Claim.objects.select_related("article__outlet", "speaker").defer(
        "article__body", "article__original", "article__search_vector", "search_vector"
    )


def latest_outlet_claims(outlet_id: int, limit: int = 30) -> QuerySet[Claim]:
    """An outlet's `limit` latest claims (highest ids first), as `claims_with_sources()` rows.

    The ids are chosen first, from the outlet's articles and their claims alone, and only those rows
    are joined to their article, outlet and speaker: joining every claim of the outlet first made
    PostgreSQL hash the whole actor table and carry each claim's article row into the sort (9.4 ->
    6.0 ms for an outlet's 1,100 claims at 1M claims). Same rows, same order."""
    latest = Claim.objects.filter(article__outlet=outlet_id).order_by("-id").values("id")[:limit]
    return claims_with_sources().filter(id__in=latest).order_by("-id")


def with_link_marks(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """`claims` with `corroborated` and `contradicted`: whether each has a live link of that relation.

    Two EXISTS per row, each a probe of the link indexes: for a page of rows read in index order or by
    id, never for a query that sorts many rows (the database would probe for every one of them).
    """
    from claims.filters import links_exist

    return claims.annotate(
        corroborated=links_exist(ClaimLink.Relation.CORROBORATES),
        contradicted=links_exist(ClaimLink.Relation.CONTRADICTS),
    )


def claims_by_id(ids: list[int]) -> dict[int, Claim]:
    """{id: claim} of `claim_list()` rows, with their link marks, for the given ids (one query): a list
    page's rows, read after their ordered ids."""
    return with_link_marks(claim_list()).order_by().in_bulk(ids)


# --- the claim page ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    before: str  # neighbouring sentences and the start of the claim's sentence
    span: str  # the claim's own text, body[start:end]
    after: str


def span_context(text: str, start: int, end: int, neighbours: int = 1) -> Context:
    """The span with its sentence and `neighbours` sentences either side, cut from `text`."""
    starts = sentence_starts(text)
    first = max(i for i, s in enumerate(starts) if s <= start)
    last = max(i for i, s in enumerate(starts) if s < end) if end > 0 else first
    left = starts[max(0, first - neighbours)]
    right_index = last + 1 + neighbours
    right = starts[right_index] if right_index < len(starts) else len(text)
    return Context(text[left:start], text[start:end], text[end:right].rstrip())


SENTENCE_WINDOW = 400  # characters read either side of a span to find its sentence


def sentences_of(claims: list[Claim]) -> dict[int, Context]:
    """Each claim's own sentence (the span marked inside it), read in one query from a window of its
    article's text around the span, never the whole text: a short span ("120 workers") needs its
    sentence to be reviewed."""
    rows = (
        Claim.objects.filter(pk__in=[c.pk for c in claims])
        .annotate(
            window=Substr(
                "article__body",
                Greatest(F("start") - SENTENCE_WINDOW + 1, 1),
                F("end") - F("start") + 2 * SENTENCE_WINDOW,
            )
        )
        .values_list("pk", "start", "end", "window")
    )
    out = {}
    for pk, start, end, window in rows:
        offset = max(start - SENTENCE_WINDOW, 0)
        out[pk] = span_context(window or "", start - offset, end - offset, neighbours=0)
    return out


def claim_detail() -> QuerySet[Claim]:
    """Claims with everything the claim page shows in one row: article (with text), outlet, people."""
    return Claim.objects.select_related(
        "article__outlet", "speaker", "event", "reviewed_by", "created_by"
    ).defer("article__original", "article__search_vector", "search_vector")


@dataclass(frozen=True, slots=True)
class Change:
    when: Any
    who: str
    kind: str  # created, changed, deleted
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, old, new)


def object_history(obj: Any, limit: int = 25) -> list[Change]:
    """The object's last `limit` history records, newest first, each with the fields it changed as
    people read them: (field label, old, new), choices by their labels, a related row by its name."""
    from claims.selectors.claim_page import history_records

    records = history_records(obj, limit + 1)
    changes = []
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    skip = {"updated_at", "created_at", "version", "search_vector"}
    fields_of = [f for f in type(obj)._meta.concrete_fields if f.attname not in skip]
    raw: list[list[tuple[Any, Any, Any]]] = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        diff = []
        if previous is not None and record.history_type == "~":
            for f in fields_of:
                if not hasattr(record, f.attname):
                    continue
                old, new = getattr(previous, f.attname), getattr(record, f.attname)
                if old != new:
                    diff.append((f, old, new))
        raw.append(diff)
    # The related rows the changes name, one query per related model.
    wanted: dict[Any, set] = {}
    for diff in raw:
        for f, old, new in diff:
            if f.is_relation:
                wanted.setdefault(f.related_model, set()).update(v for v in (old, new) if v is not None)
    names = {
        model: {row.pk: str(row) for row in model._default_manager.filter(pk__in=pks)}
        for model, pks in wanted.items()
    }

    def shown(f: Any, value: Any) -> Any:
        if value is None or value == "":
            return ""
        if f.is_relation:
            return names.get(f.related_model, {}).get(value, f"#{value} (removed)")
        if f.choices:
            return dict(f.flatchoices).get(value, value)
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dt.datetime):
            return date_format(timezone.localtime(value), "j M Y H:i")
        return value

    for record, diff in zip(records[:limit], raw, strict=True):
        who = record.history_user if record.history_user is not None else "system"
        fields = [(capfirst(str(f.verbose_name)), shown(f, old), shown(f, new)) for f, old, new in diff]
        changes.append(Change(record.history_date, who, kinds.get(record.history_type, "?"), fields))
    return changes


# --- the review queue -------------------------------------------------------------------------------


def review_claims(
    *, kind: str = "", outlet_id: int | None = None, lowest_first: bool = False
) -> QuerySet[Claim]:
    """Pending claims in review order (confidence high to low, or low to high), with outlet and speaker."""
    claims = claims_with_sources().filter(review_status=Claim.ReviewStatus.PENDING)
    if kind:
        claims = claims.filter(kind=kind)
    if outlet_id:
        claims = claims.filter(article__outlet_id=outlet_id)
    return claims.order_by("confidence", "-id") if lowest_first else claims.order_by("-confidence", "id")


def review_links(
    *,
    relation: str = "",
    event_id: int | None = None,
    outlet_id: int | None = None,
    min_confidence: float | None = None,
) -> QuerySet[ClaimLink]:
    """Suggested links, most confident first; narrowed to a relation, an event (either claim's), an
    outlet (either side) and a confidence floor. The claims of a page of them: `with_link_sides`.

    Not joined to the two claims, their articles, outlets and speakers here: PostgreSQL took 13 ms to
    plan that nine-table join on every visit of the queue (1.4 ms to run it), more than the page's
    other work; a page's 50 claims are read by id after.
    """
    links = ClaimLink.objects.filter(status=ClaimLink.Status.SUGGESTED)
    if relation:
        links = links.filter(relation=relation)
    if event_id:
        links = links.filter(Q(claim_a__event_id=event_id) | Q(claim_b__event_id=event_id))
    if outlet_id:
        links = links.filter(
            Q(claim_a__article__outlet_id=outlet_id) | Q(claim_b__article__outlet_id=outlet_id)
        )
    if min_confidence is not None:
        links = links.filter(confidence__gte=min_confidence)
    return links.order_by("-confidence", "id")


def with_link_sides(links: list[ClaimLink]) -> list[ClaimLink]:
    """`links` with both claims set, each with its article (texts left out), outlet and speaker, read in
    one query; a link whose claim was deleted since the links were read (its link went with it) is left
    out."""
    ids = {pk for link in links for pk in (link.claim_a_id, link.claim_b_id)}
    claims = (
        Claim.objects.select_related("article__outlet", "speaker")
        .defer("article__body", "article__original", "article__search_vector", "search_vector")
        .in_bulk(ids)
    )
    side_a, side_b = ClaimLink._meta.get_field("claim_a"), ClaimLink._meta.get_field("claim_b")
    kept = []
    for link in links:
        if link.claim_a_id in claims and link.claim_b_id in claims:
            side_a.set_cached_value(link, claims[link.claim_a_id])
            side_b.set_cached_value(link, claims[link.claim_b_id])
            kept.append(link)
    return kept


# --- lists and pages for events, actors --------------------------------------------------------------


def event_list() -> QuerySet[Event]:
    """Events, latest first."""
    return Event.objects.order_by("-date", "-id")


def actor_detail() -> QuerySet[Actor]:
    """Actors with their aliases and roles."""
    return Actor.objects.prefetch_related("aliases", "roles")


def actor_list(search: str = "") -> QuerySet[Actor]:
    """Actors by name (optionally those whose name starts with `search`), with their roles."""
    from claims.extraction.actors import normalize_name

    actors = Actor.objects.prefetch_related("roles").order_by("name", "id")
    key = normalize_name(search) if search else ""
    if key:
        actors = actors.filter(normalized_name__startswith=key)
    return actors


def article_annotations(article: Article) -> QuerySet[Annotation]:
    """The article's annotations in text order, with their author, tags and claim."""
    return (
        Annotation.objects.filter(article=article)
        .select_related("created_by", "claim")
        .prefetch_related(Prefetch("tags"))
        .order_by("start", "id")
    )


def annotation_history(annotation: Annotation) -> list:
    """Every recorded state of an annotation, oldest first, each with the user who made it (the desk is
    shared: any editor may change or delete any annotation, and its history says who did)."""
    return list(
        Annotation.history.filter(id=annotation.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )


def article_annotation_history(article: Article, limit: int = 500) -> list:
    """The latest changes to the article's annotations (created, changed, deleted), newest first, each
    with who made it and the note as it then was."""
    return list(
        Annotation.history.filter(article_id=article.pk)
        .select_related("history_user", "created_by")
        .order_by("-history_date", "-history_id")[:limit]
    )


def link_marks(claim_ids: list[int]) -> dict[int, set[str]]:
    """{claim id: relations of its live links} for the given claims (one query)."""
    if not claim_ids:
        return {}
    marks: dict[int, set[str]] = {}
    rows = (
        ClaimLink.objects.filter(Q(claim_a_id__in=claim_ids) | Q(claim_b_id__in=claim_ids))
        .exclude(status=ClaimLink.Status.REJECTED)
        .values_list("claim_a_id", "claim_b_id", "relation")
    )
    wanted = set(claim_ids)
    for a, b, relation in rows:
        for claim_id in (a, b):
            if claim_id in wanted:
                marks.setdefault(claim_id, set()).add(relation)
    return marks


# --- pickers: search-as-you-type choices for forms (claims.views.pickers) ---------------------------

PICK_LIMIT = 12


def pick_label(claim: Claim) -> str:
    """How a picker names a claim: its outlet, its article's title, the start of its quote and what a
    statement's speaker did with it (" (asks)": claims.templatetags.polarity)."""
    outlet = claim.article.outlet.name if claim.article.outlet is not None else None
    return pick_label_text(outlet, claim.article.title, claim.quote, claim.polarity)


def pick_label_text(outlet: str | None, title: str, quote: str, polarity: str = "asserted") -> str:
    """pick_label from the outlet's name (None when unknown), the article's title, the quote and the
    claim's polarity."""
    from claims.templatetags.polarity import polarity_mark_text

    quote = quote if len(quote) <= 90 else quote[:89].rstrip() + "\u2026"
    return (
        f"{outlet or 'unknown outlet'} \u00b7 {title[:60]}: \u201c{quote}\u201d{polarity_mark_text(polarity)}"
    )


def link_candidates(claim: Claim, text: str = "", limit: int = PICK_LIMIT) -> list[Claim]:
    """Claims of other articles `claim` could be linked to: matching `text` (when given), those of the
    same event first, then those of the same outlets' articles on that event, then the newest."""
    return list(ranked_link_candidates(claim, text)[:limit])


def link_choices(claim: Claim, limit: int = PICK_LIMIT) -> list[tuple[int, str]]:
    """(id, pick_label) of link_candidates(claim): the claim page's choices, read as four columns
    instead of three joined models (no model is built for an option's label), `limit` <= PICK_LIMIT."""
    from claims.selectors.claim_page import link_choice_rows

    rows = link_choice_rows(claim)[:limit]
    return [
        (pk, pick_label_text(outlet, title, quote, polarity)) for pk, outlet, title, quote, polarity in rows
    ]


def ranked_link_candidates(claim: Claim, text: str = "") -> QuerySet[Claim]:
    """The query of link_candidates, unsliced, in its order."""
    return ranked_candidates(claim.article_id, claim.event_id, claim.kind, text)


def ranked_candidates(article_id: int, event_id: int | None, kind: str, text: str = "") -> QuerySet[Claim]:
    """ranked_link_candidates of a claim of article `article_id`, event `event_id` and kind `kind`."""
    from claims.filters import search_claims  # the filters import the models; no cycle at call time

    others = claim_list().exclude(article_id=article_id)
    if text.strip():
        others = search_claims(others, text)
    elif event_id:
        others = others.filter(event_id=event_id)
    else:
        others = others.filter(kind=kind)
    first = Q(event_id=event_id) if event_id else Q(pk__in=[])
    same_kind = Q(kind=kind)
    ranked = others.annotate(
        rank=Case(When(first & same_kind, then=0), When(first, then=1), When(same_kind, then=2), default=3)
    )
    return ranked.order_by("rank", "-id")


def event_candidates(claim: Claim, text: str = "", limit: int = PICK_LIMIT) -> list[Event]:
    """Events `claim` could be attached to: matching `text` in the title (when given), the events of
    its own article first, then the newest.

    One query, a UNION of two index reads (the article's events, and the events from the `limit`-th
    newest id up), put in order here: ranking every event by whether it is the article's read the
    whole events table on each claim page (38 ms at 36,000 events), so did an OR of the two (6 ms),
    and two queries cost a round trip more.
    """
    events = Event.objects.only("id", "title", "date")
    if text.strip():
        events = events.filter(title__icontains=text.strip())
    newest_from = Coalesce(Subquery(events.order_by("-id").values("id")[limit - 1 : limit]), 0)
    rows = (
        events.filter(articles=claim.article_id)
        .annotate(own=Value(True))
        .order_by()
        .union(events.filter(pk__gte=newest_from).annotate(own=Value(False)).order_by(), all=True)
    )
    picked = events_in_pick_order([(e.pk, e, None, e.own) for e in rows], limit)  # `own`: annotated
    return [event for _, event, _, _ in picked]


def events_in_pick_order[T](
    rows: list[tuple[int, T, Any, bool]], limit: int
) -> list[tuple[int, T, Any, bool]]:
    """(id, ..., own) rows of the article's events (own) and the newest events, in the pickers' order:
    the article's, newest first, then the newest others; each event once, `limit` in all."""
    newest_first = sorted(rows, key=lambda row: -row[0])
    own = [row for row in newest_first if row[3]][:limit]
    seen = {row[0] for row in own}
    others = [row for row in newest_first if not row[3] and row[0] not in seen]
    return (own + others)[:limit]


def speaker_names(text: str, limit: int = PICK_LIMIT) -> list[str]:
    """Speaker names containing `text` (normalised), alphabetical."""
    from claims.extraction.actors import normalize_name

    key = normalize_name(text)
    if not key:
        return []
    return list(
        Actor.objects.filter(normalized_name__contains=key)
        .order_by("normalized_name")
        .values_list("name", flat=True)[:limit]
    )


def unit_classes(text: str, limit: int = PICK_LIMIT) -> list[str]:
    """Unit classes claims use that start with `text` (on the unit class index), alphabetical."""
    text = text.strip().lower()
    units = Claim.objects.exclude(unit_class="").order_by("unit_class").values_list("unit_class", flat=True)
    if text:
        units = units.filter(unit_class__startswith=text)
    return list(units.distinct()[:limit])
