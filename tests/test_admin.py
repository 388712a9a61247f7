"""Every admin changelist, add page and change page loads for a superuser."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from claims.models import Actor, ActorAlias, ActorRole, Annotation, Claim, ClaimLink, Event, Tag
from sources.models import ImportBatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def populated(article, editor):
    """One row of every model, so change pages have something to show."""
    ImportBatch.objects.create(name="batch")
    actor = Actor.objects.create(name="Ana Ruiz", kind="person")
    ActorAlias.objects.create(actor=actor, name="Ana Ruíz")
    ActorRole.objects.create(actor=actor, title="harbour spokeswoman")
    event = Event.objects.create(title="Ships dock in Portville")
    event.articles.add(article)
    common = dict(article=article, extractor_version="t")
    a = Claim.objects.create(
        kind="quantity",
        start=10,
        end=25,
        quote=article.body[10:25],
        quantity_low=2,
        quantity_high=2,
        **common,
    )
    b = Claim.objects.create(
        kind="statement", start=100, end=120, quote=article.body[100:120], speaker=actor, **common
    )
    ClaimLink.objects.create(claim_a=a, claim_b=b, relation="corroborates", rationale="test", confidence=0.5)
    tag = Tag.objects.create(name="check")
    note = Annotation.objects.create(
        article=article, start=0, end=8, quote=article.body[:8], created_by=editor
    )
    note.tags.add(tag)


def test_every_admin_page_loads(admin_client, admin_user, populated, rf):
    checked = 0
    request = rf.get("/admin/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert admin_client.get(changelist).status_code == 200, changelist
        assert admin_client.get(changelist, {"q": "a"}).status_code == 200, changelist
        add = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
        # django-axes' sign-in records are written by the throttle only: their admin refuses to add
        expected = 200 if model_admin.has_add_permission(request) else 403
        assert admin_client.get(add).status_code == expected, add
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            assert admin_client.get(change).status_code == 200, change
            if hasattr(model, "history"):
                history = reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk])
                assert admin_client.get(history).status_code == 200, history
            checked += 1
    assert checked >= 12


def test_admin_refuses_non_staff(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


class InlineStyles(HTMLParser):
    """Collects what a `style-src 'self'` policy blocks: style attributes and <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.found.append(f"<{tag} style={attrs['style']!r}>")
        if tag == "style":
            self.found.append("<style>")
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs.get("href") or "")


def test_history_pages_have_no_inline_styles(admin_client, populated):
    """django-simple-history's history list had `style="border-top: 0"`, which the CSP blocked on every
    history page: every history page and past-version page now styles only from stylesheets."""
    claim = Claim.objects.first()
    claim.confidence = 0.9
    claim.save()  # a second history row, with a change to list
    pages = 0
    for model in admin.site._registry:
        obj = model.objects.first()
        if obj is None or not hasattr(model, "history"):
            continue
        meta = model._meta
        urls = [reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk])]
        record = obj.history.first()
        urls.append(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_simple_history", args=[obj.pk, record.pk])
        )
        for url in urls:
            response = admin_client.get(url)
            assert response.status_code == 200, url
            parser = InlineStyles()
            parser.feed(response.content.decode())
            assert parser.found == [], (url, parser.found[:5])
            if url == urls[0]:  # the list's styles come from our stylesheet
                assert any(href.endswith("css/admin-history.css") for href in parser.stylesheets)
            pages += 1
    history = admin_client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    assert "history-paginator" in history and "Confidence:</strong> None" in history
    assert pages >= 12
