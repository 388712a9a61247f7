"""The read-only JSON API: sign-in, paging, the claims list page's filters, 405 on writes, schema, queries."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(article, store_article, make_claim):
    """Two articles with quantity, date and statement claims, a link and an event."""
    from claims.models import ClaimLink, Event

    other = store_article("Two cargo ships left on 2 April, said Ana Ruiz.", slug="left")
    claims = [
        make_claim(article, "Two cargo ships"),
        make_claim(article, "About 120 workers", quantity_low=120, quantity_high=120),
        make_claim(article, "2 April", kind="date"),
        make_claim(other, "Two cargo ships"),
        make_claim(other, "2 April", kind="date"),
        make_claim(other, "Two cargo ships left", kind="statement", speaker_mention="Ana Ruiz"),
    ]
    link = ClaimLink.objects.create(
        claim_a=claims[0], claim_b=claims[3], relation="corroborates", rationale="same count"
    )
    event = Event.objects.create(title="Ships at Portville", date=dt.date(2025, 3, 15))
    event.articles.add(article, other)
    return {"claims": claims, "link": link, "event": event, "articles": [article, other]}


def test_api_needs_sign_in_and_reader_role(client, django_user_model, world):
    """Anonymous requests get 401/403; a user without the reader role gets 403; basic auth works."""
    for name in ("article", "claim", "link", "event"):
        assert client.get(reverse(f"api:{name}-list")).status_code in (401, 403)
    django_user_model.objects.create_user(username="nobody", password="pw-nobody-1")
    token = base64.b64encode(b"nobody:pw-nobody-1").decode()
    response = client.get(reverse("api:claim-list"), HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 403


def test_basic_auth_reader_can_read(client, reader, world):
    """A reader can use HTTP basic auth instead of a session."""
    token = base64.b64encode(b"rory:pw-rory-123").decode()
    response = client.get(reverse("api:claim-list"), HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 6


def test_claims_list_paginates_with_a_capped_limit(reader_client, world):
    """limit/offset pages: next link while more rows exist, none on the last page, limit capped at 200."""
    url = reverse("api:claim-list")
    first = reader_client.get(url, {"limit": 4}).json()
    assert len(first["results"]) == 4 and first["next"] and first["previous"] is None
    second = reader_client.get(first["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None
    ids = [c["id"] for c in first["results"] + second["results"]]
    assert ids == sorted((c.pk for c in world["claims"]), reverse=True)
    from claims.api.pagination import UncountedLimitOffset

    assert UncountedLimitOffset.max_limit == 200
    assert reader_client.get(url, {"offset": 20_000}).status_code == 404


def test_claims_list_uses_the_claims_page_filters(reader_client, world):
    """?kind=date and the other ClaimFilter parameters filter the API exactly like the page."""
    url = reverse("api:claim-list")
    dates = reader_client.get(url, {"kind": "date"}).json()["results"]
    assert {c["kind"] for c in dates} == {"date"} and len(dates) == 2
    by_article = reader_client.get(url, {"article": world["articles"][1].pk, "sort": "old"}).json()["results"]
    assert [c["id"] for c in by_article] == [c.pk for c in world["claims"][3:]]
    corroborated = reader_client.get(url, {"has_corroboration": "true"}).json()["results"]
    assert {c["id"] for c in corroborated} == {world["claims"][0].pk, world["claims"][3].pk}


def test_detail_endpoints(reader_client, world):
    """Each detail endpoint returns the object; the article detail includes its text, the list does not."""
    claim = world["claims"][0]
    data = reader_client.get(reverse("api:claim-detail", args=[claim.pk])).json()
    assert data["quote"] == "Two cargo ships" and data["article"]["outlet"] == "Harbour Times"
    article = world["articles"][0]
    assert reader_client.get(reverse("api:article-detail", args=[article.pk])).json()["body"] == article.body
    assert "body" not in reader_client.get(reverse("api:article-list")).json()["results"][0]
    link = reader_client.get(reverse("api:link-detail", args=[world["link"].pk])).json()
    assert (link["claim_a"], link["relation"]) == (claim.pk, "corroborates")
    event = reader_client.get(reverse("api:event-detail", args=[world["event"].pk])).json()
    assert sorted(event["articles"]) == sorted(a.pk for a in world["articles"])
    assert reader_client.get(reverse("api:claim-detail", args=[999_999])).status_code == 404


def test_link_and_event_filters(reader_client, world):
    """Links filter by relation/claim, events by article."""
    links = reader_client.get(reverse("api:link-list"), {"relation": "contradicts"}).json()["results"]
    assert links == []
    links = reader_client.get(reverse("api:link-list"), {"claim": world["claims"][3].pk}).json()["results"]
    assert [link["id"] for link in links] == [world["link"].pk]
    events = reader_client.get(reverse("api:event-list"), {"article": world["articles"][1].pk}).json()
    assert [e["id"] for e in events["results"]] == [world["event"].pk]


def test_writes_are_not_allowed(client, editor, world):
    """POST, PUT, PATCH and DELETE answer 405, even for an editor."""
    client.force_login(editor)
    claim = world["claims"][0]
    assert client.post(reverse("api:claim-list"), {"kind": "date"}).status_code == 405
    detail = reverse("api:claim-detail", args=[claim.pk])
    for method in (client.put, client.patch, client.delete):
        assert method(detail, {}, content_type="application/json").status_code == 405
    assert client.post(reverse("api:event-list"), {}).status_code == 405


def test_schema_lists_the_four_endpoints(reader_client):
    """/api/schema/ serves an OpenAPI document describing the four read-only endpoints."""
    response = reader_client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for name in ("articles", "claims", "links", "events"):
        assert f"/api/{name}/" in schema["paths"]
        assert f"/api/{name}/{{id}}/" in schema["paths"]
        assert set(schema["paths"][f"/api/{name}/"]) == {"get"}
    params = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    assert {"kind", "q", "review_status", "limit", "offset"} <= params


@pytest.mark.parametrize("name", ["article", "claim", "link", "event"])
def test_api_lists_run_bounded_queries(
    reader_client, world, store_article, make_claim, name, django_assert_max_num_queries
):
    """A list page costs the same few queries however many rows it shows (no per-row queries)."""
    from claims.models import ClaimLink, Event

    first = world["claims"][0]
    for i in range(12):
        story = store_article(f"Report {i}: Two cargo ships docked.", slug=f"r{i}")
        claim = make_claim(story, "Two cargo ships")
        ClaimLink.objects.create(claim_a=first, claim_b=claim, relation="corroborates", rationale="same")
        Event.objects.create(title=f"Event {i}").articles.add(story)
    url = reverse(f"api:{name}-list")
    with django_assert_max_num_queries(6):
        response = reader_client.get(url, {"limit": 50})
    assert response.status_code == 200 and len(response.json()["results"]) > 4
