"""Write access, driven by the URL resolver: every route that can change data refuses strangers.

Each project route (admin internals aside) must be listed below, either as a write (with how a browser
would fill its form) or as read-only. A new route that is in neither list fails the first test, so a
write URL cannot be added without its access checks. For every write:

- anonymous POST: redirect to sign-in (or 403), nothing changes in the database;
- reader POST: 403, nothing changes;
- editor POST without the CSRF token: 403, nothing changes;
- editor POST with the token (the form as the page offers it): accepted, so the refusals above are
  the access checks at work and not a broken request.

Read-only routes must change nothing even when an editor POSTs to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import lxml.html
import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claims.models import Claim, ClaimLink, Event
from claims.services import editing as editorial
from sources.models import ImportBatch, NearDuplicate
from sources.services import article_store

pytestmark = pytest.mark.django_db

# route name -> the object whose pk the route takes (None: no argument)
READ_ONLY: dict[str, str | None] = {
    "imports:detail": "batch",
    "imports:status": "batch",
    "imports:errors": "batch",
    "claims:pick": None,
    "sources:article-list": None,
    "sources:article-detail": "article",
    "sources:article-annotation-history": "article",
    "sources:outlet-list": None,
    "sources:outlet-detail": "outlet",
    "claims:claim-list": None,
    "claims:claim-check": None,
    "claims:claim-detail": "claim",
    "claims:claim-claimreview": "reviewed",
    "claims:claim-export-csv": None,
    "claims:claim-export-json": None,
    "claims:link-export-csv": None,
    "claims:link-export-json": None,
    "claims:review": None,
    "claims:review-links": None,
    "claims:event-list": None,
    "claims:event-detail": "event",
    "claims:actor-list": None,
    "claims:actor-detail": "actor",
    "api:schema": None,
    "api:api-root": None,
    "api:article-list": None,
    "api:article-detail": "article",
    "api:claim-list": None,
    "api:claim-detail": "claim",
    "api:link-list": None,
    "api:link-detail": "link",
    "api:event-list": None,
    "api:event-detail": "event",
}
# Sign-in and sign-out take POSTs from anyone by design; they are checked for CSRF below.
SESSION = {"login", "logout"}
# Fixed redirects (any method, no data read or written): tested in tests/web/test_small_things.py.
REDIRECTS = {"articles", "favicon"}


def project_routes(resolver: URLResolver | None = None, namespace: str = "") -> Iterator[tuple[str, str]]:
    """(namespaced name, pattern) of every route but the admin site's."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            for name, pattern in project_routes(entry, inner):
                yield name, f"{entry.pattern}{pattern}"
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name or f"(unnamed) {entry.pattern}", str(entry.pattern)


def snapshot() -> str:
    """Every row of the project's own apps (and their history tables), serialized: equal means unchanged.

    (Not auth: signing a test client in sets the user's last_login.)
    """
    parts = []
    for label in ("sources", "claims"):
        for model in apps.get_app_config(label).get_models():
            parts.append(serializers.serialize("json", model._default_manager.order_by("pk")))
    return "\n".join(parts)


@pytest.fixture
def world(article, staff_editor):
    """Two articles of two outlets, claims on each, a suggested link, an event, an annotation, a job."""
    from sources.models import Outlet

    other_outlet = Outlet.objects.create(name="Bay Wire", domain="baywire.example")
    other = article_store(
        body="BAYPORT - Some 300 people were evacuated on 15 March, police said.",
        outlet=other_outlet,
        url="https://baywire.example/evacuated",
        title="Evacuation",
        published_on=dt.date(2025, 3, 16),
        published_precision="day",
    ).article
    start = article.body.index("Two cargo ships")
    claim = Claim.objects.create(
        article=article,
        kind="quantity",
        start=start,
        end=start + 15,
        quote="Two cargo ships",
        quantity_low=2,
        quantity_high=2,
        unit_class="ships",
        confidence=0.95,
        extractor_version="test",
    )
    start = other.body.index("300 people")
    other_claim = Claim.objects.create(
        article=other,
        kind="quantity",
        start=start,
        end=start + 10,
        quote="300 people",
        quantity_low=300,
        quantity_high=300,
        unit_class="people",
        confidence=0.95,
        extractor_version="test",
    )
    link = ClaimLink.objects.create(
        claim_a=claim, claim_b=other_claim, relation="corroborates", confidence=0.9, rationale="same figure"
    )
    event = Event.objects.create(title="Port strike", date=dt.date(2025, 3, 15))
    quote = "harbour authority"
    at = article.body.index(quote)
    annotation = editorial.annotation_create(
        article=article, user=staff_editor, start=at, end=at + len(quote), quote=quote, note="check"
    )
    reviewed = editorial.claim_create_from_selection(
        article=article,
        user=staff_editor,
        start=article.body.index("Ana Ruiz"),
        end=article.body.index("Ana Ruiz") + 8,
        quote="Ana Ruiz",
        kind="statement",
        values={"speaker_name": "Ana Ruiz"},
    )
    editorial.claim_set_verdict(claim=reviewed, user=staff_editor, verdict="mostly-true")
    batch = ImportBatch.objects.create(name="rows.csv", source="upload", status=ImportBatch.Status.CANCELLED)
    held = NearDuplicate.objects.create(
        batch=batch,
        row=2,
        title="Evacuation (again)",
        record={
            "body": other.body + " Updated.",
            "title": "Evacuation (again)",
            "file": "rows.csv",
            "row": 2,
        },
        match=other,
        similarity=0.9,
    )
    return {
        "article": article,
        "other_article": other,
        "outlet": article.outlet,
        "claim": claim,
        "other_claim": other_claim,
        "link": link,
        "event": event,
        "annotation": annotation,
        "actor": reviewed.speaker,
        "reviewed": reviewed,
        "batch": batch,
        "held": held,
    }


def url_of(name: str, target: str | None, world: dict) -> str:
    return reverse(name, args=[world[target].pk]) if target else reverse(name)


def page_form(client: Client, page: str, action: str, form_id: str | None = None) -> dict[str, object]:
    """The fields a browser would send from the form on `page` posting to `action` (CSRF token left out)."""
    doc = lxml.html.fromstring(client.get(page).content)
    for form in doc.forms:
        if form.get("id") == form_id if form_id else (form.get("action") or page) == action:
            return {k: v for k, v in form.form_values() if k != "csrfmiddlewaretoken"}
    raise AssertionError(f"no form posting to {action} on {page}")


def selection(article, quote: str) -> dict[str, object]:
    start = article.body.index(quote)
    return {"start": start, "end": start + len(quote), "quote": quote}


# route name -> (the object its pk is, the POST data an editor's browser sends: fn(client, url, world))
def accepted_batch(world: dict) -> str:
    """The mark of a bulk accept made once for this world (before the test's snapshot), for its undo."""
    if "bulk_batch" not in world:
        from claims.services import editing

        world["bulk_batch"] = editing.bulk_accept(user=None, threshold=0.5).batch
    return world["bulk_batch"]


WRITES: dict[str, tuple[str | None, Callable[[Client, str, dict], dict]]] = {
    "claims:claim-edit": (
        "claim",
        lambda c, url, w: {**page_form(c, url, url), "quantity_low": "3", "quantity_high": "3"},
    ),
    "claims:claim-review": (
        "claim",
        lambda c, url, w: page_form(c, reverse("claims:claim-detail", args=[w["claim"].pk]), url),
    ),
    "claims:link-create": (
        "claim",
        lambda c, url, w: {
            **page_form(c, reverse("claims:claim-detail", args=[w["claim"].pk]), url),
            "other": w["other_claim"].pk,
            "relation": "contradicts",
        },
    ),
    "claims:claim-event": (
        "claim",
        lambda c, url, w: {
            **page_form(c, reverse("claims:claim-detail", args=[w["claim"].pk]), url),
            "event": w["event"].pk,
        },
    ),
    "claims:claim-verdict": (
        "reviewed",
        lambda c, url, w: {
            **page_form(c, reverse("claims:claim-detail", args=[w["reviewed"].pk]), url),
            "verdict": "false",
            "note": "The port log shows one ship.",
        },
    ),
    "claims:annotation-create": (
        "article",
        lambda c, url, w: {
            **page_form(c, reverse("sources:article-detail", args=[w["article"].pk]), url),
            **selection(w["article"], "Saturday"),
            "note": "a note",
        },
    ),
    "claims:claim-from-selection": (
        "article",
        lambda c, url, w: {
            **page_form(c, reverse("sources:article-detail", args=[w["article"].pk]), url),
            **selection(w["article"], "120 workers"),
            "kind": "quantity",
            "quantity_low": "120",
        },
    ),
    "claims:article-details": (
        "article",
        lambda c, url, w: {
            **page_form(c, reverse("sources:article-detail", args=[w["article"].pk]), url),
            "details-title": "Corrected title",
        },
    ),
    "claims:annotation-edit": ("annotation", lambda c, url, w: {**page_form(c, url, url), "note": "changed"}),
    "claims:annotation-delete": (
        "annotation",
        lambda c, url, w: page_form(c, reverse("claims:annotation-edit", args=[w["annotation"].pk]), url),
    ),
    "claims:bulk-accept": (
        None,
        lambda c, url, w: {
            **page_form(c, reverse("claims:review"), url),
            "threshold": "0.5",
            "confirmed": "yes",
        },
    ),
    "claims:bulk-accept-undo": (None, lambda c, url, w: {"batch": accepted_batch(w)}),
    "claims:link-review": (
        "link",
        lambda c, url, w: {
            **page_form(c, reverse("claims:claim-detail", args=[w["claim"].pk]), url),
            "decision": "confirm",
        },
    ),
    "claims:event-create": ("event", lambda c, url, w: {"title": "Dock fire", "date": "2025-03-20"}),
    "imports:new": (
        None,
        lambda c, url, w: {
            "files": SimpleUploadedFile(
                "one.csv", b"title,body\nShip,A ship docked at the port on Monday.\n"
            ),
            "extract": "",
        },
    ),
    "imports:near-duplicates": ("batch", lambda c, url, w: {f"choice-{w['held'].pk}": "skip"}),
    "imports:cancel": ("batch", lambda c, url, w: {}),
    "imports:resume": ("batch", lambda c, url, w: {}),
}
# event-create takes no argument: its "event" target above only names what it makes.
NO_ARGUMENT = {"claims:event-create"}


def write_url(name: str, world: dict) -> str:
    target, _ = WRITES[name]
    return url_of(name, None if name in NO_ARGUMENT else target, world)


def test_every_route_is_classified():
    """A new route fails here until it is listed as a write (with its checks) or as read-only."""
    names = {name for name, _ in project_routes()}
    unknown = names - set(WRITES) - set(READ_ONLY) - SESSION - REDIRECTS
    assert not unknown, (
        f"routes neither in WRITES nor READ_ONLY (add them, with their access checks): {unknown}"
    )
    stale = (set(WRITES) | set(READ_ONLY) | SESSION | REDIRECTS) - names
    assert not stale, f"listed routes that no longer exist: {stale}"
    assert not set(WRITES) & set(READ_ONLY)


@pytest.mark.parametrize("name", sorted(WRITES))
def test_write_refuses_anonymous_readers_and_missing_csrf(name, world, client, reader, staff_editor):
    url = write_url(name, world)
    editor_browser = Client()
    editor_browser.force_login(staff_editor)
    data = WRITES[name][1](editor_browser, url, world)
    before = snapshot()

    response = Client().post(url, data)
    assert response.status_code in (302, 403), (name, response.status_code)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login")), (name, response["Location"])
    assert snapshot() == before, f"{name}: an anonymous POST changed the database"

    reader_browser = Client()
    reader_browser.force_login(reader)
    response = reader_browser.post(url, WRITES[name][1](editor_browser, url, world))
    assert response.status_code == 403, (name, response.status_code)
    assert snapshot() == before, f"{name}: a reader's POST changed the database"

    no_csrf = Client(enforce_csrf_checks=True)
    no_csrf.force_login(staff_editor)
    response = no_csrf.post(url, WRITES[name][1](editor_browser, url, world))
    assert response.status_code == 403, (name, response.status_code)
    assert b"CSRF" in response.content
    assert snapshot() == before, f"{name}: a POST without the CSRF token changed the database"

    # The same form with its token is accepted: the refusals above were the checks, not bad data.
    with_csrf = Client(enforce_csrf_checks=True)
    with_csrf.force_login(staff_editor)
    token = with_csrf.get(reverse("sources:article-list")).cookies["csrftoken"].value
    response = with_csrf.post(
        url, {**WRITES[name][1](editor_browser, url, world), "csrfmiddlewaretoken": token}
    )
    assert response.status_code in (200, 302), (name, response.status_code, response.content[:500])
    if name not in ("imports:cancel", "imports:resume"):  # a cancelled job: nothing left to stop or redo
        assert snapshot() != before, f"{name}: the editor's own POST changed nothing (bad test data?)"


@pytest.mark.parametrize("name", sorted(READ_ONLY))
def test_read_only_routes_change_nothing_on_post(name, world, staff_editor):
    """An editor's POST (with a valid CSRF token) to a read-only route is refused or ignored."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_editor)
    url = url_of(name, READ_ONLY[name], world)
    assert browser.get(url).status_code == 200, url
    token = browser.get(reverse("sources:article-list")).cookies["csrftoken"].value
    before = snapshot()
    response = browser.post(url, {"csrfmiddlewaretoken": token, "title": "x", "decision": "accept"})
    assert response.status_code in (200, 403, 405), (name, response.status_code)
    assert snapshot() == before, f"{name}: a POST changed the database"


def test_sign_in_and_sign_out_need_the_csrf_token(staff_editor):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("login"), {"username": "erin", "password": "pw-erin-123"})
    assert response.status_code == 403 and "_auth_user_id" not in browser.session
    browser.force_login(staff_editor)
    response = browser.post(reverse("logout"))
    assert response.status_code == 403 and "_auth_user_id" in browser.session
