"""Sign-in and roles: every page needs sign-in, every write needs the editor role, checked on the server."""

import pytest
from django.urls import reverse

from claims.models import Annotation, Claim, ClaimLink, Event

pytestmark = pytest.mark.django_db


def page_urls(world) -> list[str]:
    claim = world["claims"][0][0]
    return [
        reverse("sources:article-list"),
        reverse("sources:article-detail", args=[claim.article_id]),
        reverse("sources:outlet-list"),
        reverse("sources:outlet-detail", args=[world["outlets"][0].pk]),
        reverse("claims:claim-list"),
        reverse("claims:claim-detail", args=[claim.pk]),
        reverse("claims:event-list"),
        reverse("claims:event-detail", args=[world["event"].pk]),
        reverse("claims:actor-list"),
        reverse("claims:actor-detail", args=[world["speaker"].pk]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, make_world):
    """Newsroom data is internal: no page shows anything before sign-in."""
    world = make_world(3)
    for url in [*page_urls(world), reverse("claims:review"), reverse("claims:claim-edit", args=[1])]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_anonymous_posts_are_sent_to_sign_in_and_change_nothing(client, make_world):
    """A write without a session redirects to sign-in and leaves the claim pending."""
    claim = make_world(2)["claims"][0][0]
    response = client.post(reverse("claims:claim-review", args=[claim.pk]), {"decision": "accept"})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    claim.refresh_from_db()
    assert claim.review_status == "pending"


def test_readers_browse_every_page(reader_client, make_world):
    """A reader sees every browsing page."""
    for url in page_urls(make_world(3)):
        assert reader_client.get(url).status_code == 200, url


def test_readers_get_403_on_every_write_and_nothing_changes(reader_client, make_world):
    """Each editor action answers 403 to a reader, and the database is left as it was."""
    world = make_world(3)
    claim = world["claims"][0][0]
    link = world["links"][0]
    article = claim.article
    posts = [
        (reverse("claims:claim-review", args=[claim.pk]), {"decision": "accept"}),
        (reverse("claims:claim-edit", args=[claim.pk]), {"kind": "quantity", "quantity_low": 99}),
        (reverse("claims:bulk-accept"), {"threshold": 0}),
        (reverse("claims:link-review", args=[link.pk]), {"decision": "confirm"}),
        (
            reverse("claims:link-create", args=[claim.pk]),
            {"other": world["claims"][1][1].pk, "relation": "corroborates"},
        ),
        (reverse("claims:claim-event", args=[claim.pk]), {"event": ""}),
        (reverse("claims:event-create"), {"title": "Something"}),
        (
            reverse("claims:annotation-create", args=[article.pk]),
            {"start": 0, "end": 7, "quote": article.body[:7], "note": "x"},
        ),
        (
            reverse("claims:claim-from-selection", args=[article.pk]),
            {"start": 0, "end": 7, "quote": article.body[:7], "kind": "statement"},
        ),
    ]
    before = (
        Claim.objects.count(),
        Annotation.objects.count(),
        ClaimLink.objects.count(),
        Event.objects.count(),
    )
    for url, data in posts:
        assert reader_client.post(url, data).status_code == 403, url
    assert reader_client.get(reverse("claims:review")).status_code == 403
    assert reader_client.get(reverse("claims:claim-edit", args=[claim.pk])).status_code == 403
    after = (
        Claim.objects.count(),
        Annotation.objects.count(),
        ClaimLink.objects.count(),
        Event.objects.count(),
    )
    assert after == before
    assert set(Claim.objects.values_list("review_status", flat=True)) == {"pending"}
    assert set(ClaimLink.objects.values_list("status", flat=True)) == {"suggested"}
    assert Claim.objects.get(pk=claim.pk).quantity_low == claim.quantity_low


def test_a_user_without_a_role_cannot_browse(client, django_user_model, make_world):
    """Signing in is not enough: browsing needs the reader (view) permissions."""
    world = make_world(2)
    client.force_login(django_user_model.objects.create_user(username="nobody", password="pw-nobody-1"))
    assert client.get(reverse("claims:claim-list")).status_code == 403
    assert (
        client.get(reverse("sources:article-detail", args=[world["claims"][0][0].article_id])).status_code
        == 403
    )


def test_forms_carry_csrf_tokens_and_posts_without_them_fail(editor, make_world):
    """Writes are protected against cross-site requests: a POST without the token is refused."""
    from django.test import Client

    claim = make_world(2)["claims"][0][0]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    page = strict.get(reverse("claims:claim-detail", args=[claim.pk]))
    assert "csrfmiddlewaretoken" in page.text
    assert (
        strict.post(reverse("claims:claim-review", args=[claim.pk]), {"decision": "accept"}).status_code
        == 403
    )
    claim.refresh_from_db()
    assert claim.review_status == "pending"


def test_editors_see_editing_controls_and_readers_do_not(client, editor, reader, make_world):
    """The page offers the review buttons and selection panel to editors only."""
    claim = make_world(2)["claims"][0][0]
    client.force_login(reader)
    assert (
        "selection-panel" not in client.get(reverse("sources:article-detail", args=[claim.article_id])).text
    )
    assert "claim-review" not in client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    client.force_login(editor)
    assert "selection-panel" in client.get(reverse("sources:article-detail", args=[claim.article_id])).text
    assert (
        reverse("claims:claim-review", args=[claim.pk])
        in client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    )
