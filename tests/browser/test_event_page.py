"""The event page in a real browser (Debian's Chromium through Playwright): at 1280 and 390 px nothing
is wider than the page, axe-core finds no serious or critical problem there or on the main pages, and
confirming a conflict with the keyboard changes the link in the database. Screenshots go to
test-artifacts/screenshots/ (event-1280.png, event-390.png)."""

from __future__ import annotations

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations, axe_violations
from tests.browser.pages import overflow, shot
from tests.event_world import build_event_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_event_page_fits_and_passes_axe(open_page, editor, width):
    """Nothing on the event page is wider than the screen or its box; no serious axe violation."""
    world = build_event_world()
    page = open_page(editor, width=width)
    page.goto(f"/claims/events/{world['event'].pk}/")
    assert page.locator("#conflicts .conflict").count() == 1
    shot(page, f"event-{width}")
    for section in ("conflicts", "figures"):
        shot(page, f"event-{width}-{section}", selector=f"#{section}")
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)


def test_main_pages_pass_axe(editor_page):
    """The claims list, a claim page, the review queue and the article reader: no serious violations."""
    from django.urls import reverse

    world = build_event_world()
    claim = world["homes"]["north"]
    page = editor_page
    found = {}
    for name, url in (
        ("claims", reverse("claims:claim-list")),
        ("claim", reverse("claims:claim-detail", args=[claim.pk])),
        ("review", reverse("claims:review")),
        ("reader", reverse("sources:article-detail", args=[claim.article_id])),
    ):
        page.goto(url)
        shot(page, f"a11y-{name}")
        found[name] = sorted(
            {f"{v['id']} {[n['target'] for n in v['nodes'][:4]]}" for v in axe_violations(page)}
        )
    assert found == {name: [] for name in found}


def test_confirming_a_conflict_with_the_keyboard_changes_the_database(editor_page, editor):
    """Tab to "Confirm conflict", press Enter: back on the event page, the link is confirmed by erin."""
    from claims.models import ClaimLink

    world = build_event_world()
    link = world["conflict"]
    page = editor_page
    page.goto(f"/claims/events/{world['event'].pk}/")
    button = page.locator(f"#link-{link.pk} button[value=confirm]")
    button.focus()
    assert page.evaluate("() => document.activeElement.value") == "confirm"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/claims/events/{world['event'].pk}/#conflicts")
    link.refresh_from_db()
    assert link.status == ClaimLink.Status.CONFIRMED and link.reviewed_by == editor
    assert page.locator(f"#link-{link.pk} .status").inner_text() == "Confirmed"
    shot(page, "event-conflict-confirmed")
    assert_no_serious_axe_violations(page)
    assert page.script_errors == []
