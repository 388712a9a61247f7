"""Writes for claims and actors: each public function runs in one transaction and is safe to re-run."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Sequence

from django.conf import settings
from django.db import router, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from claims.extraction import extract, extract_many
from claims.extraction.actors import ActorIndex, normalize_name
from claims.extraction.types import ArticleInput, DateClaim, Extraction, QuantityClaim, StatementClaim
from claims.extraction.types import Claim as ExtractedClaim
from claims.models import Actor, ActorAlias, ActorRole, Annotation, Claim, ClaimLink
from claims.models.rows import update_rows
from newstext.notes import as_records
from sources.models import Article, Outlet, content_hash

KIND_OF_SPEAKER = {
    "person": Actor.Kind.PERSON,
    "organisation": Actor.Kind.ORGANISATION,
    "government": Actor.Kind.GOVERNMENT,
    "outlet": Actor.Kind.OUTLET,
    "unnamed": Actor.Kind.UNNAMED,
    "joint": Actor.Kind.JOINT,
}


def _date_from_value(value: str) -> dt.date | None:
    """The first day of an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" period; None when the year is not
    known ("XXXX-01-23")."""
    if not value[:4].isdigit():
        return None
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class _RowsRead:
    """Which rows of one table a process has read: every key up to `high`, except the `missing` ones.

    Keys are handed out in insert order but transactions commit in any order, so a row with a key below
    one already read can appear later (another worker's article took longer to extract). Missing keys
    are asked for again at each read until they appear or MISSING_WAIT has passed (a rolled-back insert
    or a deleted row leaves a key that never appears); only the MISSING_KEEP highest are remembered.
    """

    MISSING_WAIT = 15 * 60.0  # seconds: far longer than one article's extraction transaction
    MISSING_KEEP = 1000

    def __init__(self) -> None:
        self.high = 0
        self.missing: dict[int, float] = {}  # key -> when it was first found missing

    def new(self, rows: QuerySet) -> QuerySet:
        """`rows` not read yet, by key."""
        now = time.monotonic()
        self.missing = {k: t for k, t in self.missing.items() if now - t < self.MISSING_WAIT}
        unread = Q(pk__gt=self.high)
        if self.missing:
            unread |= Q(pk__in=sorted(self.missing))
        return rows.filter(unread).order_by("pk")

    def read(self, pk: int) -> None:
        """Note that the row `pk` was read."""
        if pk <= self.high:
            self.missing.pop(pk, None)
            return
        now = time.monotonic()
        self.missing.update((k, now) for k in range(max(self.high + 1, pk - self.MISSING_KEEP), pk))
        if len(self.missing) > self.MISSING_KEEP:
            self.missing = dict(sorted(self.missing.items())[-self.MISSING_KEEP :])
        self.high = pk


def plainer_full_name(new: str, old: str) -> bool:
    """True when a person's name `new` should replace the stored `old` as the canonical one: it gives more
    than a bare surname or first and last name alone ("Vance" -> "Teodor Vance"), or the same first and
    last name without the middle names or initials ("Donald J. Trump" -> "Donald Trump"), the form
    newsrooms and editors use most."""
    n, o = new.split(), old.split()
    same_ends = (
        len(n) >= 2 and len(o) >= 2 and n[0].lower() == o[0].lower() and n[-1].lower() == o[-1].lower()
    )
    if same_ends:
        return len(n) < len(o)
    return len(n) > len(o)


class ActorResolver:
    """Resolves speaker names to stored Actors across articles, creating an Actor when none fits.

    Holds an ActorIndex of the stored actors (names, aliases, roles). The index is kept per process
    and brought up to date from the rows added since it was last read, so extraction does not reload
    every actor for every article; rows that other workers commit late, below keys already read, are
    read too (`_RowsRead`). Threads share the index under a lock that is never held while waiting for a
    write. The index accepts accents, transliterations and a one-letter misspelling of a surname when
    first name or role agrees, and never joins two people.
    """

    _shared: ActorIndex | None = None
    _read: dict[str, _RowsRead] = {}
    _lock = threading.RLock()

    def __init__(self) -> None:
        cls = type(self)
        with cls._lock:
            if cls._shared is None:
                cls._shared, cls._read = (
                    ActorIndex(),
                    {"actor": _RowsRead(), "alias": _RowsRead(), "role": _RowsRead()},
                )
            self.index = index = cls._shared
            read = cls._read
            for pk, name, kind in read["actor"].new(Actor.objects.values_list("pk", "name", "kind")):
                index.add(str(pk), name, kind)
                read["actor"].read(pk)
            for pk, actor_id, alias in read["alias"].new(
                ActorAlias.objects.values_list("pk", "actor_id", "name")
            ):
                if str(actor_id) in index:
                    index.add_alias(str(actor_id), alias)
                read["alias"].read(pk)
            for pk, actor_id, title in read["role"].new(
                ActorRole.objects.values_list("pk", "actor_id", "title")
            ):
                if str(actor_id) in index:
                    actor = index.actor(str(actor_id))
                    index.add(actor.id, actor.name, actor.kind, (), title)
                read["role"].read(pk)
        self._outlets: set[str] | None = None
        self.begin()

    def begin(self) -> None:
        """Start resolving the speakers of the articles one transaction stores: what this resolver read
        or wrote in the previous one is forgotten, as that transaction may have rolled back. Within one
        transaction, an actor is read once and an alias or role written once, however many of its
        statements name the speaker."""
        self._actors: dict[int, Actor | None] = {}
        self._ensured: set[tuple] = set()
        self._aliases: list[ActorAlias] = []  # written by `write_names` (see `actor_for`)
        self._roles: list[ActorRole] = []

    def write_names(self) -> None:
        """Store the aliases and roles `actor_for` recorded since the last call, one statement for each
        table; a row already stored (the same actor and spelling, or actor and title) is left as it is,
        as `get_or_create` left it. A batch's store calls this once before it commits: a `get_or_create`
        per alias and role cost four statements each (a read, a savepoint, the insert, its release)."""
        aliases, roles = self._aliases, self._roles
        self._aliases, self._roles = [], []
        if aliases:
            ActorAlias.objects.bulk_create(aliases, ignore_conflicts=True)
        if roles:
            ActorRole.objects.bulk_create(roles, ignore_conflicts=True)

    def _names_an_outlet(self, name: str) -> bool:
        """True when `name` is the name of a stored outlet ("Portville Courant" said ...): an outlet speaks."""
        if self._outlets is None:
            self._outlets = {normalize_name(n) for n in Outlet.objects.values_list("name", flat=True)}
        return normalize_name(name) in self._outlets

    @classmethod
    def forget(cls) -> None:
        """Drop the per-process index (after actors were deleted or merged, and between tests)."""
        with cls._lock:
            cls._shared = None

    def actor_for(
        self, *, name: str, kind: str | None, role: str | None, article: Article, defer: bool = False
    ) -> Actor:
        """The Actor a speaker name refers to: an existing one (recording a new spelling) or a new one.
        With `defer`, a new spelling or role is stored by the caller's `write_names`, in the same
        transaction (nothing reads them back before it commits: the index has them already)."""
        kind = KIND_OF_SPEAKER.get(kind or "person", Actor.Kind.PERSON)
        if kind != Actor.Kind.OUTLET and self._names_an_outlet(name):
            kind = Actor.Kind.OUTLET
        with self._lock:
            found = self.index.resolve(name, role)
        actor = self._actor(int(found)) if found is not None else None
        if actor is not None and (actor.kind == Actor.Kind.PERSON) != (kind == Actor.Kind.PERSON):
            actor = None  # "Meridian Wire" (an outlet) is not the person "Wire", nor the reverse
        if actor is not None:
            if actor.kind == Actor.Kind.PERSON and plainer_full_name(name, actor.name):
                # "Vance" first, "Teodor Vance" later: the fuller name becomes the canonical one; "Hillary
                # Rodham Clinton" first, "Hillary Clinton" later: the name without the middle one does.
                name, actor.name = actor.name, name
                actor.save()
            if normalize_name(name) != actor.normalized_name and self._first(
                ("alias", actor.pk, normalize_name(name))
            ):
                self._aliases.append(ActorAlias(actor=actor, normalized_name=normalize_name(name), name=name))
                with self._lock:
                    self.index.add_alias(str(actor.pk), name)
        else:
            actor, _ = Actor.objects.get_or_create(
                normalized_name=normalize_name(name), kind=kind, defaults={"name": name}
            )
            self._actors[actor.pk] = actor
            with self._lock:
                self.index.add(str(actor.pk), actor.name, actor.kind, (), role)
        if role and self._first(("role", actor.pk, role[:300])):
            self._roles.append(ActorRole(actor=actor, title=role[:300], first_seen_in=article))
        if not defer:
            self.write_names()
        return actor

    def _actor(self, pk: int) -> Actor | None:
        """The stored Actor `pk` (None when it is gone), read once per transaction (`begin`)."""
        if pk not in self._actors:
            self._actors[pk] = Actor.objects.filter(pk=pk).first()
        return self._actors[pk]

    def _first(self, key: tuple) -> bool:
        """True the first time `key` (an alias or role written) comes up since `begin`."""
        if key in self._ensured:
            return False
        self._ensured.add(key)
        return True


def actor_for_speaker(
    *, name: str, kind: str | None = None, role: str | None = None, article: Article
) -> Actor:
    """The Actor a speaker name refers to (see ActorResolver); for one-off resolutions, such as an editor's claim."""
    return ActorResolver().actor_for(name=name, kind=kind, role=role, article=article)


def _claim_from_extracted(
    article: Article, found: ExtractedClaim, version: str, resolver: ActorResolver | None = None
) -> Claim:
    """An unsaved Claim model for one extracted claim of `article`. With `resolver`, its speaker's new
    aliases and roles wait for the resolver's `write_names`."""
    claim = Claim(
        article=article,
        kind=found.kind,
        start=found.start,
        end=found.end,
        quote=found.text,
        origin=Claim.Origin.EXTRACTED,
        extractor_version=version,
        confidence=max(0.0, min(1.0, found.confidence)),
    )
    if isinstance(found, QuantityClaim):
        claim.quantity_low, claim.quantity_high = found.low, found.high
        claim.quantity_approximate = found.approximate
        claim.quantity_direction = found.direction
        claim.unit = (found.unit or "")[:100]
        claim.unit_class = (found.unit_class or "")[:50]
        claim.counted = (found.counted or "")[:300]
        claim.attribution = (found.source or "")[:300]
    elif isinstance(found, DateClaim):
        claim.date_value = _date_from_value(found.value)
        claim.date_precision = found.precision
        if claim.date_value is None:  # what the text says of a date whose year is not known
            month, day = found.value[5:7], found.value[8:10]
            claim.date_month = int(month) if month.isdigit() else None
            claim.date_day = int(day) if day.isdigit() else None
            claim.date_weekday = found.weekday
        else:
            claim.date_month = claim.date_day = claim.date_weekday = None
        claim.date_end_value = _date_from_value(found.end_value) if found.end_value else None
        claim.date_end_precision = found.end_precision or "" if claim.date_end_value else ""
        claim.date_approximate = found.approximate
        claim.date_expression = (found.expression.text if found.expression else "")[:200]
        claim.date_dated = (found.dated or "")[:100]
    elif isinstance(found, StatementClaim):
        if found.speaker:
            claim.speaker = (resolver or ActorResolver()).actor_for(
                name=found.speaker,
                kind=found.speaker_kind,
                role=found.role,
                article=article,
                defer=resolver is not None,
            )
        if found.speaker_mention is not None:
            claim.speaker_mention_start = found.speaker_mention.start
            claim.speaker_mention_end = found.speaker_mention.end
            claim.speaker_mention = found.speaker_mention.text[:300]
        claim.speaker_role = (found.role or "")[:300]
        claim.direct = found.direct
        claim.reporting_verb = (found.cue.text if found.cue else "")[:100]
        claim.attribution = (found.attribution or "")[:300]
        claim.polarity = found.polarity
        claim.words = found.words or ""
    return claim


# What an extraction sets on a claim: a re-run writes these onto the claim of the same kind and span.
EXTRACTED_FIELDS = (
    "quote",
    "extractor_version",
    "confidence",
    "quantity_low",
    "quantity_high",
    "quantity_approximate",
    "quantity_direction",
    "unit",
    "unit_class",
    "counted",
    "date_value",
    "date_precision",
    "date_end_value",
    "date_end_precision",
    "date_month",
    "date_day",
    "date_weekday",
    "date_approximate",
    "date_expression",
    "date_dated",
    "speaker",
    "speaker_mention_start",
    "speaker_mention_end",
    "speaker_mention",
    "speaker_role",
    "direct",
    "reporting_verb",
    "attribution",
    "polarity",
    "words",
)


def article_store_extraction(
    *, article: Article, extraction: Extraction, resolver: ActorResolver | None = None
) -> int:
    """Store `extraction` as the article's pending extracted claims; returns how many it stored.

    Claims an editor made, edited or reviewed are kept, and an extracted claim with the same kind, span
    and value as one of them is not created again (an edited claim stands for one extracted claim of its
    span). Two extracted claims that share a span but not a value are both stored. On a re-run, a pending
    claim found again (same kind and span, the same value first) is updated in place, so its links,
    annotations and open forms stay with it; one not found again is deleted, unless an editor confirmed
    or rejected a link on it or annotated it.
    """
    return articles_store_extractions(items=[(article, extraction)], resolver=resolver)[0]


@transaction.atomic
def articles_store_extractions(
    *, items: Sequence[tuple[Article, Extraction]], resolver: ActorResolver | None = None
) -> list[int]:
    """`article_store_extraction` for several articles in one transaction (all or none stored); returns
    how many claims each stored. Each step is one query for all of them (the articles and their claims
    read, claims deleted, updated and created), not one per article: a follow-up stores a parsed batch
    this way, and per-article queries cost about as much CPU as the parse."""
    ids = [article.pk for article, _ in items]
    locked = {a.pk: a for a in Article.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    pending: dict[int, dict[tuple, list[Claim]]] = {pk: {} for pk in ids}
    mine = Q(article_id__in=ids)
    unreviewed = Q(origin=Claim.Origin.EXTRACTED, review_status=Claim.ReviewStatus.PENDING)
    for c in Claim.objects.select_for_update().filter(mine & unreviewed):
        pending[c.article_id].setdefault((c.kind, c.start, c.end), []).append(c)
    kept: dict[int, dict[tuple, list[tuple]]] = {pk: {} for pk in ids}
    for c in Claim.objects.filter(mine).exclude(unreviewed):
        kept[c.article_id].setdefault((c.kind, c.start, c.end), []).append(_stored_value(c))
    resolver = resolver or ActorResolver()
    resolver.begin()
    new: list[Claim] = []
    refreshed: list[Claim] = []
    gone: list[int] = []
    stored: list[int] = []
    for given, extraction in items:
        article = locked.get(given.pk)
        if article is None:
            raise Article.DoesNotExist(f"article {given.pk} is gone")
        count = len(new) + len(refreshed)
        for span, found_here in _by_span(extraction.claims).items():
            olds = pending[article.pk].get(span, [])
            for found, old in _pair_with_stored(found_here, kept[article.pk].get(span, []), olds):
                fresh = _claim_from_extracted(article, found, extraction.extractor_version, resolver)
                if old is None:
                    new.append(fresh)
                    continue
                olds.remove(old)
                for field in EXTRACTED_FIELDS:
                    setattr(old, field, getattr(fresh, field))
                old.version += 1  # a form opened on the old values is now stale
                old.updated_at = timezone.now()
                refreshed.append(old)
        gone += [c.pk for cs in pending[article.pk].values() for c in cs]
        stored.append(len(new) + len(refreshed) - count)
    touched = _touched_by_editors(gone)
    Claim.objects.filter(pk__in=[pk for pk in gone if pk not in touched]).delete()
    Claim.objects.bulk_update(refreshed, [*EXTRACTED_FIELDS, "version", "updated_at"], batch_size=500)
    Claim.objects.insert_rows(new)
    resolver.write_names()
    _store_articles_fields([(locked[given.pk], extraction) for given, extraction in items])
    return stored


ARTICLE_FIELDS_SET = (
    "published_on",
    "published_precision",
    "published_source",
    "published_conflicts",
    "notes",
    "extraction_status",
    "extractor_version",
    "extracted_at",
    "extraction_error",
    "updated_at",
)


def _store_articles_fields(items: Sequence[tuple[Article, Extraction]]) -> None:
    """Save what each extraction tells of its article (`_set_article_fields`) in one UPDATE for them
    all, with the history rows their saves would write one by one (same fields, user and reason): a save
    per article, and simple-history's record per save, cost as much CPU as storing the claims."""
    for article, extraction in items:
        _set_article_fields(article, extraction)
        article.content_hash = content_hash(article.body)  # as Article.save: the history row records it
        article.updated_at = timezone.now()  # auto_now, which a bulk update does not apply
    articles = [article for article, _ in items]
    # only what the extraction sets: the text and the raw page are not written back
    update_rows(Article, articles, ARTICLE_FIELDS_SET, using=router.db_for_write(Article))
    Article.history.bulk_history_create(articles, update=True, default_change_reason=None)


def _set_article_fields(article: Article, extraction: Extraction) -> None:
    """Set what the extraction tells of the article itself: its publication date (unless given), the
    dates it conflicts with, its notes, and that it is extracted (`_store_articles_fields` saves it)."""
    publication = extraction.publication
    if article.published_source not in GIVEN_DATE_SOURCES:
        # A date read from the text is inferred again from all the evidence, header candidates included.
        article.published_on = publication.value
        if publication.value is None:
            article.published_precision, article.published_source = "unknown", Article.DateSource.NONE
        else:
            article.published_precision = (
                publication.precision if publication.precision != "unknown" else "day"
            )
            article.published_source = publication.source
    article.published_conflicts = [
        {"date": day.isoformat(), "source": source} for day, source in publication.conflicts
    ]
    article.notes = as_records(extraction.notes)
    article.extraction_status = Article.ExtractionStatus.DONE
    article.extractor_version = extraction.extractor_version
    article.extracted_at = timezone.now()
    article.extraction_error = ""


def _found_value(found: ExtractedClaim) -> tuple:
    """What tells apart two extracted claims of one kind and span, as the database stores it."""
    if isinstance(found, QuantityClaim):
        return (found.low, found.high, (found.unit_class or "")[:50])
    if isinstance(found, DateClaim):
        end = _date_from_value(found.end_value) if found.end_value else None
        return (
            _date_from_value(found.value),
            found.precision,
            end,
            (found.end_precision or "") if end else "",
        )
    return ()


def _stored_value(claim: Claim) -> tuple:
    """`_found_value` of a stored claim."""
    if claim.kind == Claim.Kind.QUANTITY:
        return (claim.quantity_low, claim.quantity_high, claim.unit_class)
    if claim.kind == Claim.Kind.DATE:
        return (claim.date_value, claim.date_precision, claim.date_end_value, claim.date_end_precision)
    return ()


def _by_span(claims: list[ExtractedClaim]) -> dict[tuple, list[ExtractedClaim]]:
    """The extracted claims grouped by (kind, start, end), in order, without exact repeats."""
    out: dict[tuple, list[ExtractedClaim]] = {}
    seen: set[tuple] = set()
    for found in claims:
        span = (found.kind, found.start, found.end)
        if (span, _found_value(found)) not in seen:
            seen.add((span, _found_value(found)))
            out.setdefault(span, []).append(found)
    return out


def _pair_with_stored(
    found_here: list[ExtractedClaim], kept_values: list[tuple], olds: list[Claim]
) -> list[tuple[ExtractedClaim, Claim | None]]:
    """The extracted claims of one span still to store, each with the pending claim it refreshes (or None).

    A claim an editor kept on the span takes the extracted claim with its value, or, when an editor
    changed the value, one extracted claim that no kept claim states. A pending claim is refreshed by the
    extracted claim with its value first, then by the others in order."""
    kept_values = list(kept_values)
    todo = []
    for found in found_here:
        value = _found_value(found)
        if value in kept_values:
            kept_values.remove(value)
        else:
            todo.append(found)
    todo = todo[len(kept_values) :]
    free = list(olds)
    paired: dict[int, Claim | None] = {}
    for i, found in enumerate(todo):
        match = next((o for o in free if _stored_value(o) == _found_value(found)), None)
        if match is not None:
            free.remove(match)
            paired[i] = match
    for i in range(len(todo)):
        if i not in paired:
            paired[i] = free.pop(0) if free else None
    return [(found, paired[i]) for i, found in enumerate(todo)]


def _touched_by_editors(claim_ids: list[int]) -> set[int]:
    """The claims among `claim_ids` with a link an editor made, confirmed or rejected, or an annotation."""
    if not claim_ids:
        return set()
    decided = ClaimLink.objects.filter(
        Q(origin=ClaimLink.Origin.EDITOR) | ~Q(status=ClaimLink.Status.SUGGESTED)
    )
    touched = set(decided.filter(claim_a__in=claim_ids).values_list("claim_a_id", flat=True))
    touched |= set(decided.filter(claim_b__in=claim_ids).values_list("claim_b_id", flat=True))
    touched |= set(Annotation.objects.filter(claim__in=claim_ids).values_list("claim_id", flat=True))
    return touched


def article_extract_claims(*, article: Article, resolver: ActorResolver | None = None) -> int:
    """Run the extractor on one article and store its claims; returns how many claims were created."""
    extraction = extract(**_extraction_input(article))
    return article_store_extraction(article=article, extraction=extraction, resolver=resolver)


def _record_failure(article: Article, error: Exception) -> None:
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.FAILED, extraction_error=f"{type(error).__name__}: {error}"
    )


# Publication dates given to the app (metadata, an editor): never overridden by what the text suggests.
GIVEN_DATE_SOURCES = (Article.DateSource.METADATA, Article.DateSource.EDITOR)


def _extraction_input(article: Article) -> ArticleInput:
    """The extractor's input for `article`: a given publication date wins; a date the import read from
    header lines (and the other candidates it found there) is only evidence, weighed with the text's."""
    given = article.published_source in GIVEN_DATE_SOURCES and article.published_on is not None
    candidates: list[tuple[object, str]] = (
        [] if given or article.published_on is None else [(article.published_on, article.published_source)]
    )
    candidates += [
        (c.get("date"), c.get("source") or "header")
        for c in article.published_conflicts or ()
        if isinstance(c, dict) and c.get("source") in (Article.DateSource.HEADER, Article.DateSource.DATELINE)
    ]
    return {
        "text": article.body,
        "published": article.published_on if given else None,
        "candidates": candidates,
        "title": article.title or None,
        "outlet": article.outlet.name if article.outlet else None,
        "url": article.url or None,
    }


def _extraction_budget() -> tuple[int, int]:
    """The per-article extraction budget: the longest text extracted (EXTRACT_MAX_CHARS) and the most
    claims stored for one article (EXTRACT_MAX_CLAIMS)."""
    return (
        int(getattr(settings, "EXTRACT_MAX_CHARS", 200_000)),
        int(getattr(settings, "EXTRACT_MAX_CLAIMS", 2_000)),
    )


def over_text_budget(text: str) -> str:
    """Why `text` is too long to extract (a message for the editor), or ""."""
    limit, _ = _extraction_budget()
    if len(text) <= limit:
        return ""
    return (
        f"not extracted: the text has {len(text):,} characters, over the extraction budget of {limit:,} "
        "for one article (EXTRACT_MAX_CHARS)"
    )


def _over_claims_budget(count: int) -> str:
    """Why an extraction that found `count` claims is not stored, or ""."""
    _, limit = _extraction_budget()
    if count <= limit:
        return ""
    return (
        f"not extracted: {count:,} claims found, over the budget of {limit:,} for one article "
        "(EXTRACT_MAX_CLAIMS); is it an article? nothing was stored"
    )


def _record_refusal(article: Article, message: str) -> None:
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.FAILED, extraction_error=message
    )


def articles_extract_pending(*, article_ids: list[int] | None = None, chunk: int = 32) -> dict[str, int]:
    """Extract claims for the given articles (default: every article still pending).

    Articles are parsed in batches (one spaCy pass per batch) and stored one transaction each.
    Returns counts of articles done and failed and of claims created. One article's failure is
    recorded on it (status failed, with the error) and does not stop the others. So is an article over
    the extraction budget (_extraction_budget): one too long is never parsed, one that gives too many
    claims has none stored; its extraction_error says which limit and how to raise it.
    """
    articles = Article.objects.select_related("outlet")
    if article_ids is None:
        articles = articles.filter(extraction_status=Article.ExtractionStatus.PENDING, is_current=True)
    else:
        articles = articles.filter(pk__in=article_ids)
    counts = {"articles": 0, "failed": 0, "claims": 0}
    resolver = ActorResolver()
    stream = articles.order_by("pk").iterator(chunk_size=200)
    while batch := list(itertools.islice(stream, chunk)):
        for article in [a for a in batch if over_text_budget(a.body)]:
            _record_refusal(article, over_text_budget(article.body))
            counts["failed"] += 1
        batch = [a for a in batch if not over_text_budget(a.body)]
        extractions: Sequence[Extraction | None]
        try:
            extractions = extract_many([_extraction_input(article) for article in batch])
        except Exception:  # one bad text must not sink the batch: retry one by one
            extractions = [None] * len(batch)
        ready: list[tuple[Article, Extraction]] = []
        for article, extraction in zip(batch, extractions, strict=True):
            try:
                if extraction is None:
                    extraction = extract(**_extraction_input(article))
                if refusal := _over_claims_budget(len(extraction.claims)):
                    _record_refusal(article, refusal)
                    counts["failed"] += 1
                    continue
                ready.append((article, extraction))
            except Exception as error:  # recorded on the article; the batch goes on
                _record_failure(article, error)
                counts["failed"] += 1
        _store_batch(ready, resolver, counts)
    return counts


def _store_batch(
    ready: list[tuple[Article, Extraction]], resolver: ActorResolver, counts: dict[str, int]
) -> None:
    """Store a parsed batch in one transaction; when that fails, article by article, so one article's
    error is recorded on it and does not sink the others."""
    if len(ready) > 1:
        try:
            stored = articles_store_extractions(items=ready, resolver=resolver)
        except Exception:  # rolled back as a whole: retried one by one below
            pass
        else:
            counts["claims"] += sum(stored)
            counts["articles"] += len(ready)
            return
    for article, extraction in ready:
        try:
            counts["claims"] += article_store_extraction(
                article=article, extraction=extraction, resolver=resolver
            )
            counts["articles"] += 1
        except Exception as error:  # recorded on the article; the batch goes on
            _record_failure(article, error)
            counts["failed"] += 1
