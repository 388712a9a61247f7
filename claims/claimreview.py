"""schema.org ClaimReview JSON-LD for reviewed claims: the builder, the JSON endpoint and safe embedding.

Only claims the editors accepted or corrected are published as reviews; pending and rejected claims
have no ClaimReview (the endpoint answers 404 for them).
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

from . import selectors
from .models import Actor, Claim

DEFAULT_PUBLISHER = "Claim tracker"

# review_status -> (ratingValue, alternateName). The scale runs from WORST_RATING to BEST_RATING:
RATINGS: dict[str, tuple[int, str]] = {
    Claim.ReviewStatus.ACCEPTED: (3, "Accurately reported"),
    Claim.ReviewStatus.EDITED: (2, "Corrected"),
}
BEST_RATING = 3
WORST_RATING = 1  # kept for "not supported by the article" (rejected), which is never published

# The characters that could end a <script> block or open a comment, as JSON unicode escapes
# (the same table django.utils.html.json_script uses).
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def is_reviewed(claim: Claim) -> bool:
    """True when the editors accepted or corrected the claim, so it may be published as a ClaimReview."""
    return claim.review_status in RATINGS


def publisher_name() -> str:
    """The organisation named as the review's author (setting CLAIMREVIEW_PUBLISHER)."""
    return getattr(settings, "CLAIMREVIEW_PUBLISHER", "") or DEFAULT_PUBLISHER


def rating(claim: Claim) -> dict[str, Any]:
    """The schema.org Rating for the editors' verdict on a reviewed claim.

    The tracker reviews whether a claim was *extracted and reported* faithfully, not whether the
    speaker told the truth: "accepted" means the editors checked the claim against the article as it
    stands (3, "Accurately reported"); "edited" means they had to correct its values or span (2,
    "Corrected"). 1 is the bottom of the scale, the verdict of a rejected claim, which is never published.
    """
    value, name = RATINGS[claim.review_status]
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": name,
    }


def speaker_entity(claim: Claim) -> dict[str, Any] | None:
    """The claim's author: a Person (jobTitle = the role, when known) or an Organization; None if unknown."""
    speaker = claim.speaker
    name = speaker.name if speaker else claim.speaker_mention
    if not name:
        return None
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
    if article.outlet_id:
        work["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    if article.published_on:
        work["datePublished"] = article.published_on.isoformat()
    return work


def claim_review(claim: Claim, *, claim_url: str, publisher: str | None = None) -> dict[str, Any]:
    """The ClaimReview JSON-LD object for a reviewed claim (raises ValueError for an unreviewed one)."""
    if not is_reviewed(claim):
        raise ValueError(f"claim {claim.pk} is {claim.review_status}, not reviewed")
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance(claim)}
    author = speaker_entity(claim)
    if author is not None:
        item["author"] = author
    elif claim.article.outlet_id:  # an unattributed claim is the outlet's own
        item["author"] = {"@type": "Organization", "name": claim.article.outlet.name}
    if claim.article.published_on:
        item["datePublished"] = claim.article.published_on.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_url,
        "claimReviewed": claim.quote,
        "itemReviewed": item,
        "reviewRating": rating(claim),
        "author": {"@type": "Organization", "name": publisher or publisher_name()},
    }
    if claim.reviewed_at:
        review["datePublished"] = claim.reviewed_at.date().isoformat()
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
    """The ClaimReview JSON-LD of a reviewed claim; 404 when the claim is pending or rejected."""
    claim = get_object_or_404(selectors.claim_list(), pk=pk)
    if not is_reviewed(claim):
        raise Http404("Only accepted or corrected claims have a ClaimReview.")
    review = claim_review_for_request(request, claim)
    response = JsonResponse(review, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response
