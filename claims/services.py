"""Writes for claims and actors: each public function runs in one transaction and is safe to re-run."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sources.models import Article

from .extraction import extract
from .extraction.actors import ActorIndex, normalize_name
from .extraction.types import Claim as ExtractedClaim
from .extraction.types import DateClaim, Extraction, QuantityClaim, StatementClaim
from .models import Actor, ActorAlias, ActorRole, Claim

KIND_OF_SPEAKER = {
    "person": Actor.Kind.PERSON,
    "organisation": Actor.Kind.ORGANISATION,
    "government": Actor.Kind.GOVERNMENT,
    "outlet": Actor.Kind.OUTLET,
    "unnamed": Actor.Kind.UNNAMED,
}


def date_from_value(value: str) -> dt.date:
    """The first day of an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" period."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class ActorResolver:
    """Resolves speaker names to stored Actors across articles, creating an Actor when none fits.

    Holds an ActorIndex of the stored actors (names, aliases, roles), built once and kept up to date
    as actors are created, so one batch of articles needs one load. The index accepts accents,
    transliterations and a one-letter misspelling of a surname when first name or role agrees, and
    never joins two different people.
    """

    def __init__(self) -> None:
        self.index = ActorIndex()
        aliases: dict[int, list[str]] = {}
        for actor_id, alias in ActorAlias.objects.values_list("actor_id", "name"):
            aliases.setdefault(actor_id, []).append(alias)
        roles: dict[int, str] = {}
        for actor_id, title in ActorRole.objects.values_list("actor_id", "title"):
            roles.setdefault(actor_id, title)
        for actor_id, name, kind in Actor.objects.values_list("id", "name", "kind"):
            self.index.add(str(actor_id), name, kind, aliases.get(actor_id, ()), roles.get(actor_id))

    def actor_for(self, *, name: str, kind: str | None, role: str | None, article: Article) -> Actor:
        """The Actor a speaker name refers to: an existing one (recording a new spelling) or a new one."""
        kind = KIND_OF_SPEAKER.get(kind or "person", Actor.Kind.PERSON)
        found = self.index.resolve(name, role)
        if found is not None:
            actor = Actor.objects.get(pk=int(found))
            if actor.kind == Actor.Kind.PERSON and len(name.split()) > len(actor.name.split()):
                # "Vance" first, "Teodor Vance" later: the fuller name becomes the canonical one.
                name, actor.name = actor.name, name
                actor.save()
            if normalize_name(name) != actor.normalized_name:
                ActorAlias.objects.get_or_create(
                    actor=actor, normalized_name=normalize_name(name), defaults={"name": name}
                )
                self.index.add_alias(found, name)
        else:
            actor, _ = Actor.objects.get_or_create(
                normalized_name=normalize_name(name), kind=kind, defaults={"name": name}
            )
            self.index.add(str(actor.pk), actor.name, actor.kind, (), role)
        if role:
            ActorRole.objects.get_or_create(actor=actor, title=role[:300], defaults={"first_seen_in": article})
        return actor


def actor_for_speaker(*, name: str, kind: str | None = None, role: str | None = None, article: Article) -> Actor:
    """The Actor a speaker name refers to (see ActorResolver); for one-off resolutions, such as an editor's claim."""
    return ActorResolver().actor_for(name=name, kind=kind, role=role, article=article)


def claim_from_extracted(
    article: Article, found: ExtractedClaim, version: str, resolver: ActorResolver | None = None
) -> Claim:
    """An unsaved Claim model for one extracted claim of `article`."""
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
        claim.date_value = date_from_value(found.value)
        claim.date_precision = found.precision
        claim.date_approximate = found.approximate
        claim.date_expression = (found.expression.text if found.expression else "")[:200]
    elif isinstance(found, StatementClaim):
        if found.speaker:
            resolver = resolver or ActorResolver()
            claim.speaker = resolver.actor_for(
                name=found.speaker, kind=found.speaker_kind, role=found.role, article=article
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
    return claim


@transaction.atomic
def article_store_extraction(
    *, article: Article, extraction: Extraction, resolver: ActorResolver | None = None
) -> int:
    """Replace the article's pending extracted claims by `extraction`'s; returns how many were created.

    Claims an editor made, edited or reviewed are kept, and an extracted claim with the same kind and
    span as one of them is not created again.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    Claim.objects.filter(
        article=article, origin=Claim.Origin.EXTRACTED, review_status=Claim.ReviewStatus.PENDING
    ).delete()
    kept = set(Claim.objects.filter(article=article).values_list("kind", "start", "end"))
    resolver = resolver or ActorResolver()
    new = [
        claim_from_extracted(article, found, extraction.extractor_version, resolver)
        for found in extraction.claims
        if (found.kind, found.start, found.end) not in kept
    ]
    Claim.objects.bulk_create(new)
    publication = extraction.publication
    if article.published_on is None and publication.value is not None:
        article.published_on = publication.value
        article.published_precision = publication.precision if publication.precision != "unknown" else "day"
        article.published_source = publication.source
    article.published_conflicts = [
        {"date": day.isoformat(), "source": source} for day, source in publication.conflicts
    ]
    article.extraction_status = Article.ExtractionStatus.DONE
    article.extractor_version = extraction.extractor_version
    article.extracted_at = timezone.now()
    article.extraction_error = ""
    article.save()
    return len(new)


def article_extract_claims(*, article: Article, resolver: ActorResolver | None = None) -> int:
    """Run the extractor on one article and store its claims; returns how many claims were created."""
    extraction = extract(
        article.body,
        published=article.published_on,
        title=article.title or None,
        outlet=article.outlet.name if article.outlet_id else None,
        url=article.url or None,
    )
    return article_store_extraction(article=article, extraction=extraction, resolver=resolver)


def articles_extract_pending(*, article_ids: list[int] | None = None) -> dict[str, int]:
    """Extract claims for the given articles (default: every article still pending).

    Returns counts of articles done and failed and of claims created. One article's failure is
    recorded on it (status failed, with the error) and does not stop the others.
    """
    articles = Article.objects.select_related("outlet")
    if article_ids is None:
        articles = articles.filter(extraction_status=Article.ExtractionStatus.PENDING, is_current=True)
    else:
        articles = articles.filter(pk__in=article_ids)
    counts = {"articles": 0, "failed": 0, "claims": 0}
    resolver = ActorResolver()
    for article in articles.order_by("pk").iterator(chunk_size=200):
        try:
            counts["claims"] += article_extract_claims(article=article, resolver=resolver)
            counts["articles"] += 1
        except Exception as error:  # recorded on the article; the batch goes on
            Article.objects.filter(pk=article.pk).update(
                extraction_status=Article.ExtractionStatus.FAILED, extraction_error=f"{type(error).__name__}: {error}"
            )
            counts["failed"] += 1
    return counts
