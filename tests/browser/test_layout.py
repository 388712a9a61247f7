"""Every main page on a 390 px phone and a 1280 px screen, in Chromium: nothing wider than the screen, the
navigation one compact row (a "Menu" disclosure on the phone, opened and followed with the keyboard),
and axe-core finds no serious or critical problem. Screenshots: test-artifacts/screenshots/layout-*.png."""

from __future__ import annotations

import pytest

from tests.browser.a11y import axe_violations
from tests.browser.pages import overflow, shot
from tests.event_world import build_event_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER_HEIGHT = "() => Math.round(document.querySelector('header.top').getBoundingClientRect().height)"


def main_pages(world: dict) -> dict[str, str]:
    """name -> address of each main page of the workspace, on the event world's rows."""
    from django.urls import reverse

    claim = world["homes"]["north"]
    said = world["said"]
    return {
        "articles": reverse("sources:article-list"),
        "claims": reverse("claims:claim-list"),
        "claim": reverse("claims:claim-detail", args=[claim.pk]),
        "claim-edit": reverse("claims:claim-edit", args=[claim.pk]),
        "check": reverse("claims:claim-check"),
        "events": reverse("claims:event-list"),
        "event": reverse("claims:event-detail", args=[world["event"].pk]),
        "event-new": reverse("claims:event-create"),
        "outlets": reverse("sources:outlet-list"),
        "outlet": reverse("sources:outlet-detail", args=[claim.article.outlet_id]),
        "actors": reverse("claims:actor-list"),
        "actor": reverse("claims:actor-detail", args=[said.speaker_id]),
        "review": reverse("claims:review"),
        "review-links": reverse("claims:review-links"),
        "reader": reverse("sources:article-detail", args=[claim.article_id]),
    }


@pytest.mark.parametrize("width", [390, 1280])
def test_every_main_page_fits_the_screen_and_passes_axe(open_page, editor, width):
    """At each width, on every main page: no horizontal overflow, a header of one row, no serious axe
    violation, no script error."""
    world = build_event_world()
    page = open_page(editor, width=width, height=844, mobile=width < 500)
    found: dict[str, list[str]] = {}
    for name, url in main_pages(world).items():
        page.goto(url)
        shot(page, f"layout-{width}-{name}")
        problems = overflow(page)
        header = page.evaluate(HEADER_HEIGHT)
        if header > 64:  # one row: the brand, the menu (or the links) and the account
            problems.append(f"header {header} px tall")
        problems += [f"axe {v['impact']}: {v['id']}" for v in axe_violations(page)]
        if problems:
            found[name] = problems
    assert found == {}
    assert page.script_errors == []


def test_phone_menu_opens_and_is_followed_with_the_keyboard(open_page, editor):
    """On a phone the links hide behind "Menu": Tab reaches it, Enter opens it, Tab and Enter follow a link."""
    page = open_page(editor, width=390, height=844, mobile=True)
    page.goto("/claims/")
    links = page.locator("header.top nav a")
    assert not links.first.is_visible()
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Menu"
    page.keyboard.press("Enter")
    assert links.first.is_visible() and page.locator("details.site-menu[open]").count() == 1
    shot(page, "layout-390-menu-open")
    assert overflow(page) == []
    for _ in range(4):  # Articles, Claims, Check a claim, Events
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Events"
    page.keyboard.press("Enter")
    page.wait_for_url("**/claims/events/")
    assert page.locator("h1").inner_text() == "Events"


def test_wide_screen_shows_the_links_in_a_row(reader_page):
    """At 1280 px there is no "Menu" button: every link a reader may follow is on the header row, and
    the editors' Review link is not among them."""
    page = reader_page
    page.goto("/claims/")
    assert not page.locator("details.site-menu > summary").is_visible()
    links = page.locator("header.top nav a")
    names = [links.nth(i).inner_text() for i in range(links.count())]
    assert names == ["Articles", "Claims", "Check a claim", "Events", "Outlets", "Actors"]
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1  # one row
    assert page.evaluate(HEADER_HEIGHT) <= 64


def test_the_conflict_page_names_the_claim_and_passes_axe(open_page, editor, django_user_model):
    """On a phone: the claim changes while its page is open; Accept answers the 409 page, which names the
    claim by its quote, fits the screen, passes axe, and its button saves the decision on the new version."""
    from django.contrib.auth.models import Group

    from claims.services import editing
    from tests.browser.a11y import assert_no_serious_axe_violations

    world = build_event_world()
    claim = world["homes"]["north"]
    sam = django_user_model.objects.create_user(username="sam", password="pw-sam-123")
    sam.groups.add(Group.objects.get(name="editor"))
    page = open_page(editor, width=390, height=844, mobile=True)
    page.goto(f"/claims/{claim.pk}/")
    editing.claim_review(claim=claim, user=sam, decision="reject", expected_version=claim.version)
    page.click("form[action$='/review/'] button:text-is('Accept')")
    page.wait_for_selector("h1:has-text('Not saved')")
    assert page.locator("h1").inner_text() == f"Not saved: review of claim “{claim.quote}”"
    shot(page, "layout-390-conflict")
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)
    page.click("button:text-is('Accept it now')")
    page.wait_for_url(f"**/claims/{claim.pk}/")
    claim.refresh_from_db()
    assert claim.review_status == "accepted" and claim.reviewed_by == editor
