"""schema.org ClaimReview JSON-LD for fact-checked claims: the builder, the JSON endpoint and safe embedding.

A ClaimReview rates whether a claim is true. Accepting a claim says only that it was extracted right,
so only claims with the editors' verdict (Claim.verdict) are published, rated by that verdict; the
others have no ClaimReview (the endpoint answers 404 for them).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from claims import selectors
from claims.models import Actor, Claim

DEFAULT_PUBLISHER = "Claim tracker"

# verdict -> ratingValue on a scale from WORST_RATING (false) to BEST_RATING (true). "Unproven" is not a
# point on the true-false scale: it is published with its name only (no ratingValue).
RATINGS: dict[str, int | None] = {
    Claim.Verdict.TRUE: 5,
    Claim.Verdict.MOSTLY_TRUE: 4,
    Claim.Verdict.MISLEADING: 2,
    Claim.Verdict.FALSE: 1,
    Claim.Verdict.UNPROVEN: None,
}
BEST_RATING = 5
WORST_RATING = 1

# The characters that could end a <script> block or open a comment, as JSON unicode escapes
# (the same table django.utils.html.json_script uses).
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def is_reviewed(claim: Claim) -> bool:
    """True when the editors gave the claim a verdict (on an accepted or corrected extraction), so it is
    published as a ClaimReview."""
    return claim.verdict in RATINGS and claim.review_status in (
        Claim.ReviewStatus.ACCEPTED,
        Claim.ReviewStatus.EDITED,
    )


def publisher_name() -> str:
    """The organisation named as the review's author (setting CLAIMREVIEW_PUBLISHER)."""
    return getattr(settings, "CLAIMREVIEW_PUBLISHER", "") or DEFAULT_PUBLISHER


def rating(claim: Claim) -> dict[str, Any]:
    """The schema.org Rating of the editors' verdict: its name ("Mostly true") and, except for
    "Unproven", its place on the 1 (false) to 5 (true) scale."""
    result: dict[str, Any] = {"@type": "Rating", "alternateName": claim.get_verdict_display()}
    value = RATINGS[claim.verdict]
    if value is not None:
        result.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return result


def joint_names(name: str) -> list[str]:
    """The people a joint speaker's name joins ("Ana Ruiz, Tom Hale and Li Wei" -> the three names)."""
    first, _, last = name.rpartition(" and ")
    return [*(one.strip() for one in first.split(",") if one.strip()), last.strip()] if first else [name]


def speaker_entity(claim: Claim) -> dict[str, Any] | list[dict[str, Any]] | None:
    """The claim's author: a Person (jobTitle = the role, when known) or an Organization, each Person of people
    who spoke together; None if unknown."""
    speaker = claim.speaker
    name = speaker.name if speaker else claim.speaker_mention
    if not name:
        return None
    if speaker is not None and speaker.kind == Actor.Kind.JOINT:
        # People who spoke together ("Ana Ruiz and Tom Hale"): each of them a Person, the claim's authors together.
        return [{"@type": "Person", "name": one} for one in joint_names(name)]
    if speaker is not None and speaker.kind not in (Actor.Kind.PERSON, Actor.Kind.UNNAMED):
        return {"@type": "Organization", "name": name}
    entity: dict[str, Any] = {"@type": "Person", "name": name}
    if claim.speaker_role:
        entity["jobTitle"] = claim.speaker_role
    return entity


def appearance(claim: Claim) -> dict[str, Any]:
    """The article the claim appeared in, as a schema.org NewsArticle (url, headline, publisher, date)."""
    article = claim.article
    work: dict[str, Any] = {"@type": "NewsArticle"}
    if article.url:
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    if article.published_on:
        work["datePublished"] = article.published_on.isoformat()
    return work


def claim_review(claim: Claim, *, claim_url: str, publisher: str | None = None) -> dict[str, Any]:
    """The ClaimReview JSON-LD object for a claim with a verdict (raises ValueError for one without)."""
    if not is_reviewed(claim):
        raise ValueError(f"claim {claim.pk} has no verdict to publish")
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance(claim)}
    author = speaker_entity(claim)
    if author is not None:
        item["author"] = author
    elif claim.article.outlet:  # an unattributed claim is the outlet's own
        item["author"] = {"@type": "Organization", "name": claim.article.outlet.name}
    if claim.article.published_on:
        item["datePublished"] = claim.article.published_on.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_url,
        "claimReviewed": claim.said,
        "itemReviewed": item,
        "reviewRating": rating(claim),
        "author": {"@type": "Organization", "name": publisher or publisher_name()},
    }
    if claim.verdict_at:
        review["datePublished"] = claim.verdict_at.date().isoformat()
    if claim.verdict_note:
        review["reviewBody"] = claim.verdict_note
    sources = claim.verdict_sources.split()
    if sources:
        review["citation"] = [{"@type": "CreativeWork", "url": url} for url in sources]
    return review


def claim_review_for_request(request: HttpRequest, claim: Claim) -> dict[str, Any]:
    """The ClaimReview of `claim` with the absolute URL of its claim page on this site."""
    url = request.build_absolute_uri(reverse("claims:claim-detail", args=[claim.pk]))
    return claim_review(claim, claim_url=url)


def script_safe_json(data: Any) -> SafeString:
    """`data` as JSON with <, > and & escaped: safe inside a <script> element (not in an attribute)."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES))


@login_required
@permission_required("claims.view_claim", raise_exception=True)
def claimreview_json(request: HttpRequest, pk: int) -> JsonResponse:
    """The ClaimReview JSON-LD of a claim with the editors' verdict; 404 for a claim without one."""
    claim = get_object_or_404(selectors.claim_list(), pk=pk)
    if not is_reviewed(claim):
        raise Http404("Only claims with an editors' verdict have a ClaimReview.")
    review = claim_review_for_request(request, claim)
    response = JsonResponse(review, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response
