"""Redirects after sign-in, sign-out and the editors' forms stay on this site, whatever `next` says."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
OFFSITE = [
    "https://evil.example/",
    "//evil.example",
    "///evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    " https://evil.example/",
    "http://testserver.evil.example/",
]


def is_local(location: str) -> bool:
    """A redirect target on this site: a path (not //host), or an absolute URL to the test server."""
    return (location.startswith("/") and not location.startswith(("//", "/\\"))) or location.startswith(
        "http://testserver/"
    )


@pytest.mark.parametrize("target", OFFSITE)
def test_sign_in_ignores_an_offsite_next(client, editor, target):
    response = client.post(reverse("login"), {"username": "erin", "password": "pw-erin-123", "next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("sources:article-list")
    assert "_auth_user_id" in client.session


def test_sign_in_follows_a_local_next(client, editor):
    # also through the page: the GET's next is kept in the form, and followed after sign-in
    page = client.get(reverse("login"), {"next": "/claims/?q=ships"})
    form = dict(lxml.html.fromstring(page.content).forms[-1].form_values())
    assert form["next"] == "/claims/?q=ships"
    response = client.post(reverse("login"), {**form, "username": "erin", "password": "pw-erin-123"})
    assert response["Location"] == "/claims/?q=ships"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example"])
def test_sign_out_ignores_an_offsite_next(client, editor, target):
    client.force_login(editor)
    response = client.post(reverse("logout") + "?next=" + target)
    assert response.status_code == 302 and is_local(response["Location"]), response["Location"]
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("target", OFFSITE)
def test_editor_forms_go_back_only_to_local_pages(client, editor, article, target):
    from claims.models import Claim

    client.force_login(editor)
    start = article.body.index("120 workers")
    claim = Claim.objects.create(
        article=article,
        kind="quantity",
        start=start,
        end=start + 11,
        quote="120 workers",
        quantity_low=120,
        quantity_high=120,
        extractor_version="test",
        confidence=0.9,
    )
    detail = reverse("claims:claim-detail", args=[claim.pk])
    form = dict(lxml.html.fromstring(client.get(detail).content).forms[1].form_values())  # "accept"
    response = client.post(reverse("claims:claim-review", args=[claim.pk]), {**form, "next": target})
    assert response.status_code == 302 and response["Location"] == detail
    claim.refresh_from_db()
    assert claim.review_status == "accepted"

    edit = reverse("claims:claim-edit", args=[claim.pk])
    form = dict(
        lxml.html.fromstring(client.get(edit, {"next": target}).content)
        .get_element_by_id("claim-edit")
        .form_values()
    )
    assert form["next"] == target.strip() or form["next"] == target
    response = client.post(edit, {**form, "quantity_low": "121", "quantity_high": "121"})
    assert response.status_code == 302 and response["Location"] == detail, response.get("Location")

    # a local next is followed
    form = dict(
        lxml.html.fromstring(client.get(edit, {"next": "/claims/review/"}).content)
        .get_element_by_id("claim-edit")
        .form_values()
    )
    response = client.post(edit, {**form, "quantity_low": "122", "quantity_high": "122"})
    assert response["Location"] == "/claims/review/"


def test_every_view_reading_next_checks_it():
    """A module that reads a user-supplied next/return address checks it: url_has_allowed_host_and_scheme,
    directly or through the helpers built on it (tracker.access.back/answer, claims.views.conflicts.safe_next)."""
    reads = re.compile(
        r"""(GET|POST|REQUEST|query_params)(\.get\(|\[)\s*["'](next|return_to|return|redirect_to|back|goto)["']"""
    )
    offenders = []
    for path in [*REPO.glob("claims/**/*.py"), *REPO.glob("sources/**/*.py"), *REPO.glob("tracker/**/*.py")]:
        text = path.read_text()
        checked = re.search(r"url_has_allowed_host_and_scheme\(|\bsafe_next\(|\bback\(|\banswer\(", text)
        if reads.search(text) and not checked:
            offenders.append(str(path.relative_to(REPO)))
    assert not offenders, f"reads a next address without checking it: {offenders}"
    # the helpers themselves check with Django's function
    for helper in ("tracker/access.py", "claims/views/conflicts.py"):
        assert "url_has_allowed_host_and_scheme(" in (REPO / helper).read_text()
