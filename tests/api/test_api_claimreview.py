"""schema.org ClaimReview JSON-LD: content for claims with a verdict, 404 for others, safe embedding."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json" id="claimreview"([^>]*)>(.*?)</script>', re.S)


@pytest.fixture
def statement(article, make_claim):
    """An accepted direct quote by a named spokeswoman, rated mostly true."""
    from claims.models import Actor

    speaker = Actor.objects.create(name="Ana Ruiz", kind="person")
    return make_claim(
        article,
        "We expect them to leave on 2 April",
        kind="statement",
        speaker=speaker,
        speaker_mention="Ana Ruiz",
        speaker_role="spokeswoman",
        direct=True,
        review_status="accepted",
        verdict="mostly-true",
        verdict_note="The harbour schedule lists both ships for 2 April.",
        verdict_sources="https://port.example/schedule\nhttps://port.example/notice",
    )


def test_claimreview_json_describes_the_reviewed_claim(reader_client, statement, settings):
    """The JSON-LD has the ClaimReview type, the quote, the speaker with role, the article and the rating."""
    settings.CLAIMREVIEW_PUBLISHER = "Harbour Fact Desk"
    response = reader_client.get(reverse("claims:claim-claimreview", args=[statement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == "We expect them to leave on 2 April"
    assert data["url"].endswith(reverse("claims:claim-detail", args=[statement.pk]))
    assert data["author"] == {"@type": "Organization", "name": "Harbour Fact Desk"}
    item = data["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ana Ruiz", "jobTitle": "spokeswoman"}
    assert item["datePublished"] == "2025-03-17"
    assert item["appearance"]["url"] == "https://harbour-times.example/ships"
    assert item["appearance"]["headline"] == "Two ships dock in Portville"
    assert item["appearance"]["publisher"]["name"] == "Harbour Times"
    rating = data["reviewRating"]
    assert rating["alternateName"] == "Mostly true"
    assert rating["worstRating"] < rating["ratingValue"] < rating["bestRating"]
    assert data["reviewBody"] == "The harbour schedule lists both ships for 2 April."
    assert [c["url"] for c in data["citation"]] == [
        "https://port.example/schedule",
        "https://port.example/notice",
    ]


def test_people_who_spoke_together_are_each_an_author(reader_client, statement):
    """A joint speaker ("Ana Ruiz, Li Wei and Tom Hale") is each person, never one Person or an Organization."""
    from claims.models import Actor

    statement.speaker = Actor.objects.create(name="Ana Ruiz, Li Wei and Tom Hale", kind=Actor.Kind.JOINT)
    statement.save()
    data = json.loads(reader_client.get(reverse("claims:claim-claimreview", args=[statement.pk])).content)
    assert data["itemReviewed"]["author"] == [
        {"@type": "Person", "name": "Ana Ruiz"},
        {"@type": "Person", "name": "Li Wei"},
        {"@type": "Person", "name": "Tom Hale"},
    ]


def test_verdicts_are_ordered_on_the_rating_scale(reader_client, statement):
    """False sits at the bottom, true at the top, misleading between; unproven has a name, no number."""
    values = {}
    for verdict in ("true", "mostly-true", "misleading", "false"):
        statement.verdict = verdict
        statement.save()
        data = json.loads(reader_client.get(reverse("claims:claim-claimreview", args=[statement.pk])).content)
        values[verdict] = data["reviewRating"]["ratingValue"]
        if verdict == "false":
            assert values[verdict] == data["reviewRating"]["worstRating"]
        if verdict == "true":
            assert values[verdict] == data["reviewRating"]["bestRating"]
    assert values["false"] < values["misleading"] < values["mostly-true"] < values["true"]
    statement.verdict = "unproven"
    statement.save()
    data = json.loads(reader_client.get(reverse("claims:claim-claimreview", args=[statement.pk])).content)
    assert data["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}


def test_accepted_claim_without_verdict_is_not_published(reader_client, statement):
    """Accepting says the extraction is right, not that the claim is true: no verdict, no ClaimReview."""
    statement.verdict = ""
    statement.save()
    assert reader_client.get(reverse("claims:claim-claimreview", args=[statement.pk])).status_code == 404
    page = reader_client.get(reverse("claims:claim-detail", args=[statement.pk])).content.decode()
    assert "application/ld+json" not in page
    assert "Accurately reported" not in page


def test_organisation_speaker_is_an_organization(article, make_claim):
    """A statement by an organisation has an Organization author without jobTitle."""
    from claims.models import Actor
    from claims.views.claimreview import claim_review

    authority = Actor.objects.create(name="Portville Harbour Authority", kind="government")
    claim = make_claim(
        article,
        "Two cargo ships docked",
        kind="statement",
        speaker=authority,
        review_status="accepted",
        verdict="true",
    )
    item = claim_review(claim, claim_url="https://x.example/c/1")["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Portville Harbour Authority"}


def test_pending_and_rejected_claims_have_no_claimreview(reader_client, article, make_claim):
    """A verdict left on a claim that is pending or was rejected later is not published: 404, no JSON-LD."""
    pending = make_claim(article, "Two cargo ships", verdict="false")
    rejected = make_claim(article, "2 April", kind="date", review_status="rejected", verdict="false")
    for claim in (pending, rejected):
        assert reader_client.get(reverse("claims:claim-claimreview", args=[claim.pk])).status_code == 404
        page = reader_client.get(reverse("claims:claim-detail", args=[claim.pk])).content.decode()
        assert "application/ld+json" not in page


def test_claimreview_needs_sign_in(client, statement):
    """Anonymous users are sent to sign in."""
    response = client.get(reverse("claims:claim-claimreview", args=[statement.pk]))
    assert response.status_code == 302


def test_claim_page_embeds_escaped_jsonld_with_nonce(reader_client, store_article, make_claim):
    """The claim page carries the JSON-LD in a nonce'd data block; a quoted "</script>" cannot break out."""
    story = store_article('The post read "</script><script>alert(1)</script>" and was removed.', slug="post")
    claim = make_claim(
        story,
        '"</script><script>alert(1)</script>"',
        kind="statement",
        review_status="accepted",
        verdict="unproven",
    )
    response = reader_client.get(reverse("claims:claim-detail", args=[claim.pk]))
    page = response.content.decode()
    blocks = JSONLD.findall(page)
    assert len(blocks) == 1
    attributes, payload = blocks[0]
    assert "<" not in payload and ">" not in payload
    assert "\\u003C/script\\u003E" in payload
    assert json.loads(payload)["claimReviewed"] == claim.quote
    nonce = re.search(r'nonce="([^"]+)"', attributes)
    assert nonce and f"'nonce-{nonce.group(1)}'" in response["Content-Security-Policy"]
