"""Fact-check verdicts: an editor rates what an accepted claim says; the verdict is kept with history,
shown on the claim page, filterable in the claims list and published as ClaimReview (and only then)."""

import json
import re

import pytest
from django.urls import reverse

from claims.models import Claim

pytestmark = pytest.mark.django_db


def accept(client, claim: Claim) -> Claim:
    client.post(
        reverse("claims:claim-review", args=[claim.pk]), {"decision": "accept", "version": claim.version}
    )
    claim.refresh_from_db()
    assert claim.review_status == "accepted"
    return claim


def give_verdict(client, claim: Claim, verdict: str, note: str = "", sources: str = ""):
    return client.post(
        reverse("claims:claim-verdict", args=[claim.pk]),
        {"verdict": verdict, "note": note, "sources": sources, "version": claim.version},
    )


def test_editor_gives_a_verdict_shown_on_the_page_with_history(editor_client, editor, make_world):
    """Accept, then rate 'misleading' with a note and a source: stored, on the page, in history, published."""
    claim = accept(editor_client, make_world(2)["claims"][0][0])
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert "No verdict yet" in page and 'id="verdict-form"' in page
    assert "application/ld+json" not in page  # accepted is not a fact-check

    response = give_verdict(
        editor_client,
        claim,
        "misleading",
        note="The count includes ships that only anchored offshore.",
        sources="https://port.example/log\n\n  https://port.example/notice  ",
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == "misleading" and claim.verdict_by == editor and claim.verdict_at is not None
    assert claim.verdict_sources == "https://port.example/log\nhttps://port.example/notice"
    last = claim.history.order_by("-history_date", "-history_id").first()
    assert last.history_user == editor and last.verdict == "misleading"

    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert "Misleading" in page and "only anchored offshore" in page
    assert 'href="https://port.example/notice"' in page
    (block,) = re.findall(
        r'<script type="application/ld\+json" id="claimreview"[^>]*>(.*?)</script>', page, re.S
    )
    review = json.loads(block)
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert "Accurately reported" not in page


def test_verdict_needs_a_checked_extraction(editor_client, make_world):
    """A pending claim gets no verdict (400, nothing stored) and its page offers no verdict form."""
    claim = make_world(2)["claims"][0][1]
    assert claim.review_status == "pending"
    response = give_verdict(editor_client, claim, "false")
    assert response.status_code == 302  # back to the claim page, with the reason
    claim.refresh_from_db()
    assert claim.verdict == ""
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert 'id="verdict-form"' not in page and "Accept or correct the claim first" in page


def test_a_source_that_is_not_a_web_address_is_refused(editor_client, make_world):
    claim = accept(editor_client, make_world(2)["claims"][0][0])
    response = give_verdict(editor_client, claim, "false", sources="the harbour master told us")
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == ""
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert "web address" in page


def test_clearing_the_verdict_unpublishes(editor_client, make_world):
    claim = accept(editor_client, make_world(2)["claims"][0][0])
    give_verdict(editor_client, claim, "true")
    url = reverse("claims:claim-claimreview", args=[claim.pk])
    assert editor_client.get(url).status_code == 200
    claim.refresh_from_db()
    give_verdict(editor_client, claim, "")
    claim.refresh_from_db()
    assert claim.verdict == "" and claim.verdict_by is None
    assert editor_client.get(url).status_code == 404


def test_stale_verdict_form_is_a_conflict(editor_client, make_world):
    """A verdict posted from a page made before another change saves nothing: 409."""
    claim = accept(editor_client, make_world(2)["claims"][0][0])
    stale = claim.version
    give_verdict(editor_client, claim, "true")
    response = editor_client.post(
        reverse("claims:claim-verdict", args=[claim.pk]), {"verdict": "false", "version": stale}
    )
    assert response.status_code == 409
    claim.refresh_from_db()
    assert claim.verdict == "true"


def test_reader_cannot_give_a_verdict(reader_client, make_world):
    claim = make_world(2)["claims"][0][0]
    response = reader_client.post(
        reverse("claims:claim-verdict", args=[claim.pk]), {"verdict": "true", "version": claim.version}
    )
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.verdict == ""


def test_claims_list_filters_by_verdict(editor_client, make_world):
    claims = make_world(3)["claims"][0]
    rated = accept(editor_client, claims[0])
    give_verdict(editor_client, rated, "false")
    listed = reverse("claims:claim-list")

    def ids(query: str) -> set[int]:
        page = editor_client.get(f"{listed}?{query}").text
        return {c.pk for c in claims if reverse("claims:claim-detail", args=[c.pk]) in page}

    assert ids("verdict=false") == {rated.pk}
    assert ids("verdict=some") == {rated.pk}
    assert ids("verdict=true") == set()
    assert rated.pk not in ids("verdict=none") and ids("verdict=none")


def test_accepted_claim_has_no_primary_accept(editor_client, make_world):
    """Once accepted, the claim page no longer offers 'Accept' (it says the extraction was checked)."""
    claim = make_world(2)["claims"][0][0]
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert '<button type="submit">Accept</button>' in page
    accept(editor_client, claim)
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert '<button type="submit">Accept</button>' not in page and "Extraction checked" in page
