"""Numbers a column cannot hold, in any filter or path, answer 400 or an empty result, never 500
(issue 18, finding 2: `GET /claims/?event=99999999999999999999999` overflowed SQLite's INTEGER).
Run on SQLite and, with DATABASE_URL=postgres://..., on PostgreSQL (bigint)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HUGE = ["99999999999999999999999", "9223372036854775808", "-9223372036854775809", "-1", "0", "1.5", "1e30"]

# Every filter that takes an id, on the pages, the exports and the API (the claims filter is shared by
# /claims/, its exports, the link exports and /api/claims/).
PAGE_FILTERS = [
    ("claims:claim-list", "event"),
    ("claims:claim-list", "article"),
    ("claims:claim-list", "speaker"),
    ("claims:claim-list", "outlet"),
    ("claims:claim-export-csv", "event"),
    ("claims:claim-export-json", "speaker"),
    ("claims:link-export-csv", "article"),
    ("claims:link-export-json", "claim"),
    ("claims:review", "outlet"),
    ("claims:claim-check", "outlet"),
    ("sources:article-list", "page"),
    ("claims:event-list", "page"),
]
API_FILTERS = [
    ("api:claim-list", "speaker"),
    ("api:claim-list", "event"),
    ("api:claim-list", "article"),
    ("api:claim-list", "outlet"),
    ("api:link-list", "claim"),
    ("api:link-list", "event"),
    ("api:event-list", "article"),
    ("api:article-list", "outlet"),
    ("api:claim-list", "limit"),
    ("api:claim-list", "offset"),
]
PATHS = [
    "claims:claim-detail",
    "claims:event-detail",
    "claims:actor-detail",
    "sources:article-detail",
    "sources:outlet-detail",
    "api:claim-detail",
    "api:article-detail",
    "api:link-detail",
    "api:event-detail",
    "imports:detail",
    "imports:status",
]


@pytest.fixture
def signed_in(client, django_user_model, article):
    """A superuser (may see every page, the review queue and import jobs), with one claim stored."""
    from claims.models import Claim

    text = "About 120 workers"
    start = article.body.index(text)
    Claim.objects.create(
        article=article, kind="quantity", start=start, end=start + len(text), quote=text,
        quantity_low=120, quantity_high=120, extractor_version="test", confidence=0.5,
    )  # fmt: skip
    user = django_user_model.objects.create_superuser(username="root", password="pw-root-123")
    client.force_login(user)
    client.raise_request_exception = False  # a 500 is what we look for, not an exception in the test
    return client


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("value", HUGE)
@pytest.mark.parametrize(("name", "param"), PAGE_FILTERS)
def test_page_filters_refuse_numbers_out_of_range(signed_in, name, param, value):
    response = signed_in.get(reverse(name), {param: value})
    text = body_of(response)  # a streamed export must also finish without an error
    assert response.status_code in (200, 400), (response.status_code, text[:300])
    if name == "claims:claim-list":
        # no id can be out of range or not a whole number: 400, the page with the error, no rows
        assert response.status_code == 400
        assert 'class="error"' in text and "About 120 workers" not in text


@pytest.mark.parametrize("value", HUGE)
@pytest.mark.parametrize(("name", "param"), API_FILTERS)
def test_api_filters_refuse_numbers_out_of_range(signed_in, name, param, value):
    response = signed_in.get(reverse(name), {param: value})
    # (an offset past the paging depth cap is refused with its own 404 and message)
    allowed = (200, 400, 404) if param == "offset" else (200, 400)
    assert response.status_code in allowed, (response.status_code, response.content[:300])
    if response.status_code == 200:
        results = response.json()
        rows = results["results"] if isinstance(results, dict) else results
        assert param in ("limit", "offset", "outlet") or rows == []


@pytest.mark.parametrize("name", PATHS)
def test_ids_in_paths_out_of_range_are_not_found(signed_in, name):
    for value in ("99999999999999999999999", "9223372036854775808"):
        url = reverse(name, args=[1]).replace("/1/", f"/{value}/").replace("/1.", f"/{value}.")
        response = signed_in.get(url)
        assert response.status_code == 404, (url, response.status_code)


def test_the_web_list_explains_the_invalid_filter(signed_in):
    """`?event=99999999999999999999999`: 400, the list's own page with the error, no rows; a valid id
    next to it still filters as before."""
    response = signed_in.get(reverse("claims:claim-list"), {"event": "99999999999999999999999"})
    text = response.content.decode()
    assert response.status_code == 400
    assert "The link to the event is not valid" in text  # in words, not the field and its bound
    assert "About 120 workers" not in text
    ok = signed_in.get(reverse("claims:claim-list"), {"article": "1"})
    assert ok.status_code == 200


def test_api_says_which_filter_is_invalid(signed_in):
    response = signed_in.get(reverse("api:link-list"), {"claim": "99999999999999999999999"})
    assert response.status_code == 400 and "claim" in response.json()
    export = signed_in.get(reverse("claims:claim-export-csv"), {"event": "99999999999999999999999"})
    assert export.status_code == 400 and export.content.decode().startswith("Invalid filter values")


TEXT_FILTERS = [
    ("claims:claim-list", "q"),
    ("claims:claim-list", "speaker_name"),
    ("claims:claim-list", "unit_class"),
    ("claims:claim-export-csv", "q"),
    ("claims:actor-list", "q"),
    ("sources:article-list", "q"),
    ("claims:claim-check", "claim"),
    ("api:claim-list", "q"),
    ("api:claim-list", "unit_class"),
]


@pytest.mark.parametrize(("name", "param"), TEXT_FILTERS)
def test_text_filters_with_a_nul_character_are_not_a_500(signed_in, name, param):
    """PostgreSQL refuses a NUL in a string literal (ValueError: a 500): text filters refuse it first."""
    response = signed_in.get(reverse(name), {param: "ships\x00"})
    body_of(response)
    assert response.status_code in (200, 400), response.status_code
