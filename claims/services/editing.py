"""Editors' writes from the web workspace: annotations, claims from a selection, reviews, links, events.

Keyword-only functions, each in one transaction; each records who did it (history user, reviewed_by,
created_by). Offsets are Python code-point offsets into the stored article body.

Claims, links and annotations carry a `version` that every write moves on by one (optimistic
concurrency): a function given `expected_version` (the version the editor's form was made from) locks
the row and raises EditConflict, writing nothing, when the stored version differs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from claims.models import Annotation, Claim, ClaimLink, Event, Tag
from newstext.chars import plain_chars
from newstext.reanchor import locate
from sources.models import Article
from sources.services import outlet_get_or_create
from tracker.tasks import enqueue

# _late_imports: the extraction service (spaCy) and the tasks (the linker: scikit-learn, scipy) are
# imported by the three writes that use them, not with this module: every web worker imports it for
# the review posts, and loading them cost each worker ~130 MB and seconds of CPU at start for pages
# that never extract or link (tests/web/test_worker_imports.py).
CONTEXT_CHARS = 32

NOUNS = {"claim": "claim", "claimlink": "link", "annotation": "annotation"}
MACHINE = "an automatic process (extraction, linking or import)"

# simple_history reads these attributes of an instance, set for one save: who made it (else the request's
# user), and "record no history" (django-simple-history documents both; the models do not declare them)
_HISTORY_USER = "_history_user"
_SKIP_HISTORY = "skip_history_when_saving"


def _by(obj: models.Model, user: object) -> None:
    """Record `user` as the author of `obj`'s next history record."""
    setattr(obj, _HISTORY_USER, user)


# the rows that carry a `version` (optimistic concurrency) and a history
Versioned = Claim | ClaimLink | Annotation


class EditConflict(Exception):
    """A claim, link or annotation changed (or was removed) after the editor loaded it; nothing was saved.

    `current` is the stored row now (None when it was removed); `changed_by` and `changed_at` say who
    changed it last and when, from its history (an automatic process when history has no record of it).
    """

    def __init__(self, *, obj: Versioned, expected: int | None, current: Versioned | None) -> None:
        self.noun = NOUNS.get(obj._meta.model_name or "", str(obj._meta.verbose_name))
        self.pk = obj.pk
        self.expected = expected
        self.current = current
        self.changed_by, self.changed_at = _last_change(
            type(obj), obj.pk, current.version if current is not None else None
        )
        if self.changed_at is None and current is not None:
            self.changed_at = getattr(current, "updated_at", None)
        super().__init__(self.message)

    @property
    def when(self) -> str:
        if self.changed_at is None:
            return ""
        return " at " + timezone.localtime(self.changed_at).strftime("%Y-%m-%d %H:%M %Z")

    @property
    def summary(self) -> str:
        """One sentence, for the review queue's script."""
        done = "removed" if self.current is None else "changed"
        return (
            f"This {self.noun} was {done} by {self.changed_by}{self.when} while you were reviewing; "
            "your decision was not saved."
        )

    @property
    def message(self) -> str:
        if self.current is None:
            return (
                f"This {self.noun} was removed by {self.changed_by}{self.when} while you were editing. "
                "Your changes were not saved."
            )
        return (
            f"This {self.noun} was changed by {self.changed_by}{self.when} while you were editing. Your "
            "changes were not saved; review the current values below and save again."
        )


def _last_change(model: type[Versioned], pk: int, version: int | None) -> tuple[str, dt.datetime | None]:
    """Who made the row's last change and when, from its history: (name, time).

    `version` is the stored version (None for a removed row). A history record of another version means
    the last change left no record (a machine's bulk update): then it is an automatic process, time unknown.
    """
    record = (
        model.history.filter(id=pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None or (version is not None and record.version != version):
        return MACHINE, None
    if version is None and record.history_type != "-":
        return MACHINE, None
    who = record.history_user.get_username() if record.history_user else MACHINE
    return who, record.history_date


def _take_version[V: (Claim, ClaimLink, Annotation)](obj: V, expected: int | None = None) -> None:
    """Lock `obj`'s row, reload `obj` from it and move its version on by one (call inside a transaction).

    Raises EditConflict, writing nothing, when the row is gone or, with `expected`, when the stored
    version is another. The caller then changes `obj` and saves it (with "version" among the fields):
    its history record carries the new version.
    """
    model = type(obj)
    try:
        obj.refresh_from_db(from_queryset=model.objects.select_for_update())
    except model.DoesNotExist:
        raise EditConflict(obj=obj, expected=expected, current=None) from None
    if expected is not None and obj.version != expected:
        raise EditConflict(obj=obj, expected=expected, current=obj)
    # Where rows cannot be locked the conditional update is the guard: it moves only the version read.
    if not model.objects.filter(pk=obj.pk, version=obj.version).update(version=F("version") + 1):
        obj.refresh_from_db()
        raise EditConflict(obj=obj, expected=expected, current=obj)
    obj.version += 1


def loose(text: str) -> str:
    """`text` with no-break spaces as spaces and curly quotes as straight ones, for tolerant comparison."""
    return plain_chars(text)  # the extractor's own table: odd spaces plain, curly quotes straight


@dataclass(frozen=True, slots=True)
class Selection:
    start: int
    end: int
    quote: str  # exactly body[start:end]
    prefix: str
    suffix: str


def selection_verify(
    *, body: str, start: int, end: int, quote: str, prefix: str = "", suffix: str = ""
) -> Selection:
    """The checked selection, quoted from the stored body; raises ValidationError when it does not match.

    The browser's quote may differ from the body only by no-break spaces and curly quotes; outer
    whitespace is trimmed (offsets move with it). The prefix and suffix, when sent, must match too.
    """
    if "\r" not in body:
        # Browsers send form values with CRLF line breaks; the stored text has plain LF.
        quote, prefix, suffix = (part.replace("\r\n", "\n") for part in (quote, prefix, suffix))
    if not (0 <= start < end <= len(body)):
        raise ValidationError(
            f"The selection {start}-{end} lies outside the article text (0-{len(body)}). Reload the page and "
            "select again."
        )
    actual = body[start:end]
    if actual != quote and loose(actual) != loose(quote):
        raise ValidationError(
            f"The selected text does not match the article at {start}-{end}: the article has "
            f"“{actual[:80]}” but the selection was “{quote[:80]}”. The text may have changed; "
            "reload the page and select again."
        )
    before = body[max(0, start - len(prefix)) : start]
    after = body[end : end + len(suffix)]
    if (prefix and loose(before) != loose(prefix)) or (suffix and loose(after) != loose(suffix)):
        raise ValidationError(
            "The text around the selection does not match the article; reload the page and select again."
        )
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError("The selection is only white space.")
    return Selection(
        start,
        end,
        body[start:end],
        body[max(0, start - CONTEXT_CHARS) : start],
        body[end : end + CONTEXT_CHARS],
    )


def tag_names(text: str) -> list[str]:
    """The tag names of a comma-separated list: trimmed, at most 50 characters, sorted, each once."""
    return sorted({name.strip()[:50] for name in text.split(",") if name.strip()})


def _tags_from_text(text: str) -> list[Tag]:
    """Tags for a comma-separated list of names, created when new (names trimmed, at most 50 characters)."""
    return [Tag.objects.get_or_create(name=name)[0] for name in tag_names(text)]


@transaction.atomic
def annotation_create(
    *,
    article: Article,
    user,
    start: int,
    end: int,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    note: str = "",
    tags: str = "",
    claim: Claim | None = None,
) -> Annotation:
    """A new annotation on the verified selection of `article`, with its note, tags and optional claim."""
    selection = selection_verify(
        body=article.body, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix
    )
    if claim is not None and claim.article_id != article.pk:
        raise ValidationError("The claim belongs to another article.")
    annotation = Annotation(
        article=article,
        start=selection.start,
        end=selection.end,
        quote=selection.quote,
        prefix=selection.prefix,
        suffix=selection.suffix,
        note=note.strip(),
        claim=claim,
        created_by=user,
    )
    _by(annotation, user)
    annotation.save()
    annotation.tags.set(_tags_from_text(tags))
    return annotation


@transaction.atomic
def annotation_update(
    *, annotation: Annotation, user, note: str, tags: str, expected_version: int | None = None
) -> Annotation:
    """The annotation with a new note and tags (one history record, by `user`).

    Raises EditConflict when it changed since `expected_version`.
    """
    _take_version(annotation, expected_version)
    annotation.note = note.strip()
    _by(annotation, user)
    setattr(annotation, _SKIP_HISTORY, True)  # the save below records the new tags with the note
    try:
        annotation.tags.set(_tags_from_text(tags))
    finally:
        delattr(annotation, _SKIP_HISTORY)
    annotation.save()
    return annotation


@transaction.atomic
def annotation_delete(*, annotation: Annotation, user, expected_version: int | None = None) -> None:
    """Delete the annotation (history records who). Raises EditConflict when it changed since `expected_version`."""
    _take_version(annotation, expected_version)
    _by(annotation, user)
    annotation.delete()


@transaction.atomic
def claim_create_from_selection(
    *,
    article: Article,
    user,
    start: int,
    end: int,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    kind: str,
    values: dict | None = None,
) -> Claim:
    """A new editor-made claim (accepted, reviewed by its author) on the verified selection of `article`.

    `values` holds the kind's fields (quantity_low/high, unit, unit_class, counted; date_value,
    date_precision; speaker_name, speaker_role, direct, polarity).
    """

    selection = selection_verify(
        body=article.body, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix
    )
    values = dict(values or {})
    speaker_name = (values.pop("speaker_name", "") or "").strip()
    now = timezone.now()
    claim = Claim(
        article=article,
        kind=kind,
        start=selection.start,
        end=selection.end,
        quote=selection.quote,
        origin=Claim.Origin.EDITOR,
        review_status=Claim.ReviewStatus.ACCEPTED,
        reviewed_by=user,
        reviewed_at=now,
        created_by=user,
    )
    for name, value in values.items():
        if value is not None:
            setattr(claim, name, value)
    if kind == Claim.Kind.QUANTITY and claim.quantity_high is None:
        claim.quantity_high = claim.quantity_low
    if kind == Claim.Kind.STATEMENT and speaker_name:
        from claims.services.extraction import actor_for_speaker  # see _late_imports

        claim.speaker = actor_for_speaker(
            name=speaker_name, kind=None, role=claim.speaker_role, article=article
        )
    claim.full_clean(exclude=["search_vector"])
    _by(claim, user)
    claim.save()
    return claim


REVIEW_DECISIONS = {"accept": Claim.ReviewStatus.ACCEPTED, "reject": Claim.ReviewStatus.REJECTED}


@transaction.atomic
def claim_review(*, claim: Claim, user, decision: str, expected_version: int | None = None) -> Claim:
    """The claim accepted or rejected by `user` now (reviewed_by and reviewed_at set, history recorded).

    Raises EditConflict when the claim changed since `expected_version`.
    """
    if decision not in REVIEW_DECISIONS:
        raise ValidationError(f"Unknown decision {decision!r}; use accept or reject.")
    _take_version(claim, expected_version)
    claim.review_status = REVIEW_DECISIONS[decision]
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    _by(claim, user)
    claim.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "updated_at", "version"])
    return claim


def verdict_source_urls(text: str) -> list[str]:
    """The verdict's sources, one per line, blanks dropped; ValidationError for a line that is not an
    http(s) URL (a ClaimReview cites links, and a bare word is no source a reader can follow)."""
    urls = [line.strip() for line in text.splitlines() if line.strip()]
    bad = [url for url in urls if not url.startswith(("http://", "https://")) or " " in url]
    if bad:
        raise ValidationError(f"Give each source as a web address on its own line (not: {bad[0][:80]}).")
    return urls


@transaction.atomic
def claim_set_verdict(
    *,
    claim: Claim,
    user,
    verdict: str,
    note: str = "",
    sources: str = "",
    expected_version: int | None = None,
) -> Claim:
    """The editors' fact-check verdict on what the claim says (or none, with verdict ""), with its note
    and sources, by `user` now; history recorded. A claim must be accepted or edited first: a verdict on
    a claim whose extraction nobody checked (or that was rejected) would rate words the article never said.

    Raises EditConflict when the claim changed since `expected_version`, ValidationError for a verdict
    outside Claim.Verdict, an unreviewed claim or a source that is not a URL.
    """
    if verdict and verdict not in Claim.Verdict.values:
        raise ValidationError(f"Unknown verdict {verdict!r}.")
    urls = verdict_source_urls(sources)
    _take_version(claim, expected_version)
    if verdict and claim.review_status not in (Claim.ReviewStatus.ACCEPTED, Claim.ReviewStatus.EDITED):
        raise ValidationError("Accept or correct the claim before giving a verdict on it.")
    claim.verdict = verdict
    claim.verdict_note = note.strip() if verdict else ""
    claim.verdict_sources = "\n".join(urls) if verdict else ""
    claim.verdict_by = user if verdict else None
    claim.verdict_at = timezone.now() if verdict else None
    _by(claim, user)
    claim.save(
        update_fields=[
            "verdict",
            "verdict_note",
            "verdict_sources",
            "verdict_by",
            "verdict_at",
            "updated_at",
            "version",
        ]
    )
    return claim


@transaction.atomic
def claim_update(*, claim: Claim, user, changes: dict, expected_version: int | None = None) -> Claim:
    """The claim with the editor's `changes` applied and marked edited (reviewed by `user` now).

    Raises EditConflict when the claim changed since `expected_version`.
    """

    _take_version(claim, expected_version)
    changes = dict(changes)
    speaker_name = changes.pop("speaker_name", None)
    for name, value in changes.items():
        setattr(claim, name, value)
    if changes.get("date_value") is not None:  # a calendar date now: what an undated text said goes
        claim.date_month = claim.date_day = claim.date_weekday = None
    if claim.kind != Claim.Kind.STATEMENT:  # the speaker's words belong to a statement only
        claim.words = ""
    if speaker_name is not None:
        from claims.services.extraction import actor_for_speaker  # see _late_imports

        speaker_name = speaker_name.strip()
        claim.speaker = (
            actor_for_speaker(name=speaker_name, kind=None, role=claim.speaker_role, article=claim.article)
            if speaker_name
            else None
        )
    claim.review_status = Claim.ReviewStatus.EDITED
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    claim.full_clean(exclude=["search_vector"])
    _by(claim, user)
    claim.save()
    return claim


BULK_LIMIT = 5000


@transaction.atomic
def bulk_accept(*, user, threshold: float, kind: str = "", limit: int = BULK_LIMIT) -> BulkAccepted:
    """Accept up to `limit` pending claims with confidence >= `threshold`, as one undoable batch: every
    history record it writes carries the batch's mark (see `bulk_accept_undo`)."""
    if not 0 <= threshold <= 1:
        raise ValidationError("The confidence threshold must lie between 0 and 1.")
    pending = Claim.objects.filter(review_status=Claim.ReviewStatus.PENDING, confidence__gte=threshold)
    if kind:
        pending = pending.filter(kind=kind)
    claims = list(pending.select_for_update().order_by("-confidence", "id")[:limit])
    now = timezone.now()
    batch = uuid.uuid4().hex[:16]
    for claim in claims:  # locked above, so each version read is the stored one
        claim.review_status, claim.reviewed_by, claim.reviewed_at, claim.updated_at = (
            Claim.ReviewStatus.ACCEPTED,
            user,
            now,
            now,
        )
        claim.version += 1
    bulk_update_with_history(
        claims,
        Claim,
        ["review_status", "reviewed_by", "reviewed_at", "updated_at", "version"],
        batch_size=500,
        default_user=user,
        default_change_reason=f"{BULK_ACCEPT_REASON} {batch}",
        default_date=now,
    )
    return BulkAccepted(len(claims), batch)


BULK_ACCEPT_REASON = "bulk accept"


@dataclass(frozen=True, slots=True)
class BulkAccepted:
    count: int
    batch: str  # the mark on the batch's history records; "" when nothing was accepted

    def __int__(self) -> int:
        return self.count


@dataclass(frozen=True, slots=True)
class BulkUndone:
    restored: int
    kept: int  # claims changed again since the batch: left as they are now


@transaction.atomic
def bulk_accept_undo(*, user, batch: str) -> BulkUndone:
    """Undo a bulk accept as one step: each claim it accepted gets back the review status, reviewer and
    review time it had before, with a history record ("undo bulk accept"). A claim changed since the
    batch (edited, rejected, re-accepted) is kept as it is now."""
    if not batch or not batch.isalnum():
        raise ValidationError("That bulk accept cannot be undone (it is not known).")
    history = Claim.history.model
    marked = list(
        history.objects.filter(history_change_reason=f"{BULK_ACCEPT_REASON} {batch}").values("id", "version")
    )
    if not marked:
        raise ValidationError("That bulk accept cannot be undone (it is not known).")
    accepted_at = {row["id"]: row["version"] for row in marked}
    claims = list(Claim.objects.select_for_update().filter(pk__in=accepted_at).order_by("id"))
    untouched = [claim for claim in claims if claim.version == accepted_at[claim.pk]]
    before = {
        row.id: row
        for row in history.objects.filter(
            id__in=[claim.pk for claim in untouched], version__in={accepted_at[c.pk] - 1 for c in untouched}
        ).order_by("history_id")
        if row.version == accepted_at[row.id] - 1
    }
    now = timezone.now()
    for claim in untouched:
        previous = before.get(claim.pk)
        claim.review_status = previous.review_status if previous else Claim.ReviewStatus.PENDING
        claim.reviewed_by_id = previous.reviewed_by_id if previous else None
        claim.reviewed_at = previous.reviewed_at if previous else None
        claim.updated_at = now
        claim.version += 1
    bulk_update_with_history(
        untouched,
        Claim,
        ["review_status", "reviewed_by", "reviewed_at", "updated_at", "version"],
        batch_size=500,
        default_user=user,
        default_change_reason=f"undo {BULK_ACCEPT_REASON} {batch}",
        default_date=now,
    )
    return BulkUndone(len(untouched), len(claims) - len(untouched))


LINK_DECISIONS = {"confirm": ClaimLink.Status.CONFIRMED, "reject": ClaimLink.Status.REJECTED}


@transaction.atomic
def link_review(
    *,
    link: ClaimLink,
    user,
    decision: str,
    relation: str | None = None,
    expected_version: int | None = None,
) -> ClaimLink:
    """The link confirmed (optionally with a corrected relation) or rejected by `user` now.

    Raises EditConflict when the link changed since `expected_version`.
    """
    if decision not in LINK_DECISIONS:
        raise ValidationError(f"Unknown decision {decision!r}; use confirm or reject.")
    if relation and relation not in ClaimLink.Relation.values:
        raise ValidationError(f"Unknown relation {relation!r}.")
    _take_version(link, expected_version)
    link.status = LINK_DECISIONS[decision]
    if relation:
        link.relation = relation
    link.reviewed_by = user
    link.reviewed_at = timezone.now()
    _by(link, user)
    link.save(update_fields=["status", "relation", "reviewed_by", "reviewed_at", "version"])
    return link


@transaction.atomic
def link_create(*, claim: Claim, other: Claim, relation: str, user, rationale: str = "") -> ClaimLink:
    """A confirmed editor-made link between claims of two different articles (an existing pair is updated)."""
    if claim.pk == other.pk or claim.article_id == other.article_id:
        raise ValidationError("A link joins claims from two different articles.")
    if relation not in ClaimLink.Relation.values:
        raise ValidationError(f"Unknown relation {relation!r}.")
    low, high = sorted((claim, other), key=lambda c: c.pk)
    now = timezone.now()
    link = ClaimLink.objects.filter(claim_a=low, claim_b=high).first()
    if link is not None:
        _take_version(link)  # an existing pair: forms open on it become stale
    else:
        link = ClaimLink(claim_a=low, claim_b=high, origin=ClaimLink.Origin.EDITOR, created_by=user)
    link.relation, link.status, link.reviewed_by, link.reviewed_at = (
        relation,
        ClaimLink.Status.CONFIRMED,
        user,
        now,
    )
    if rationale.strip():
        link.rationale = rationale.strip()[:300]
    _by(link, user)
    link.save()
    return link


@transaction.atomic
def event_create(*, user, title: str, date=None, place: str = "", summary: str = "") -> Event:
    """A new editor-made event."""
    if not title.strip():
        raise ValidationError("An event needs a title.")
    event = Event(
        title=title.strip(),
        date=date,
        date_precision="day" if date else "unknown",
        place=place.strip(),
        summary=summary.strip(),
        origin=Event.Origin.EDITOR,
        created_by=user,
    )
    _by(event, user)
    event.save()
    return event


@transaction.atomic
def claim_set_event(*, claim: Claim, event: Event | None, user, expected_version: int | None = None) -> Claim:
    """The claim attached to `event` (or detached with None), and the claim's article added to the event.

    Raises EditConflict when the claim changed since `expected_version`.
    """
    _take_version(claim, expected_version)
    claim.event = event
    _by(claim, user)
    claim.save(update_fields=["event", "updated_at", "version"])
    if event is not None:
        event.articles.add(claim.article_id)
    return claim


@dataclass(frozen=True, slots=True)
class ReanchorResult:
    exact: int
    fuzzy: int
    orphaned: int


@transaction.atomic
def annotations_reanchor(*, old: Article, new: Article) -> ReanchorResult:
    """Move `old`'s annotations onto the new version `new` by quote and context; returns the tallies.

    Each quote is found with its prefix and suffix (exact first, then the quote alone nearest its old
    place, then fuzzy). One that cannot be found stays on the old version, marked orphaned. The rows are
    locked and each moved one moves its version on, so an editor's form open on it becomes stale.
    """
    exact = fuzzy = orphaned = 0
    annotations = Annotation.objects.select_for_update().filter(article=old, orphaned=False)
    for annotation in annotations.order_by("start", "id"):
        annotation.version += 1
        found = locate(
            annotation.quote,
            annotation.prefix,
            annotation.suffix,
            new.body,
            hint=round(annotation.start * len(new.body) / max(1, len(old.body))),
        )
        if found is None:
            annotation.orphaned = True
            annotation.save(update_fields=["orphaned", "updated_at", "version"])
            orphaned += 1
            continue
        start, end, was_exact = found
        annotation.article = new
        annotation.start, annotation.end, annotation.quote = start, end, new.body[start:end]
        annotation.prefix = new.body[max(0, start - CONTEXT_CHARS) : start]
        annotation.suffix = new.body[end : end + CONTEXT_CHARS]
        annotation.save()
        exact += was_exact
        fuzzy += not was_exact
    return ReanchorResult(exact, fuzzy, orphaned)


class ArticleDetailsConflict(Exception):
    """The article's details changed (or it was removed) after the editor loaded them; nothing was saved."""

    def __init__(self, article: Article | None) -> None:
        self.current = article
        if article is None:
            text = "This article was removed while you were editing. Your changes were not saved."
        else:
            record = article.history.select_related("history_user").order_by("-history_date").first()
            who = record.history_user.get_username() if record and record.history_user else MACHINE
            text = (
                f"This article's details were changed by {who} while you were editing. Your changes were not "
                "saved; the current values are shown below."
            )
        super().__init__(text)
        self.message = text


def article_details_update(
    *,
    article: Article,
    user,
    title: str,
    outlet_name: str,
    published_on: dt.date | None,
    expected_version: int,
) -> Article:
    """Set or correct an article's title, outlet and publication date, and re-resolve its claims at once.

    A date the editor gives wins over anything the text suggests (source "editor"); clearing a date the
    editor gave lets the text decide again. The claims are extracted again in the same transaction under
    the re-extraction rules (claims an editor made, edited or reviewed are kept, pending ones updated in
    place), so "on Saturday" and "in January" get their day and year; after the commit its claims are
    linked again (`claims.tasks.article_link_task`). Raises ArticleDetailsConflict,
    writing nothing, when the details changed since `expected_version`.
    """

    with transaction.atomic():
        current = Article.objects.select_for_update().filter(pk=article.pk).first()
        if current is None:
            raise ArticleDetailsConflict(None)
        if current.edit_version != expected_version or not Article.objects.filter(
            pk=current.pk, edit_version=expected_version
        ).update(edit_version=F("edit_version") + 1):
            current.refresh_from_db()
            raise ArticleDetailsConflict(current)
        current.edit_version = expected_version + 1
        current.title = " ".join(title.split())[:500]
        current.outlet = outlet_get_or_create(name=outlet_name) if outlet_name.strip() else None
        if published_on is not None:
            if current.published_on is not None and current.published_on != published_on:
                kept = {(c.get("date"), c.get("source")) for c in current.published_conflicts or ()}
                if (current.published_on.isoformat(), current.published_source) not in kept:
                    current.published_conflicts = [
                        *(current.published_conflicts or ()),
                        {"date": current.published_on.isoformat(), "source": current.published_source},
                    ]
            current.published_on = published_on
            current.published_precision = Article.DatePrecision.DAY
            current.published_source = Article.DateSource.EDITOR
        elif current.published_source == Article.DateSource.EDITOR:
            current.published_on = None
            current.published_precision = Article.DatePrecision.UNKNOWN
            current.published_source = Article.DateSource.NONE
        _by(current, user)
        current.save()
        from claims.services.extraction import article_extract_claims  # see _late_imports
        from claims.tasks import article_link_task

        article_extract_claims(article=current)
        current.refresh_from_db()
        # Its dates say something new: link them again once this is committed (in the background
        # where a broker is configured).
        transaction.on_commit(lambda: enqueue(article_link_task, article_id=current.pk))
    return current
