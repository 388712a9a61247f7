"""The event page in a real browser (Debian's Chromium through Playwright): at 1280 and 390 px nothing
is wider than the page, axe-core finds no serious or critical problem there or on the main pages, and
confirming a conflict with the keyboard changes the link in the database. Screenshots go to
test-artifacts/screenshots/ (event-1280.png, event-390.png)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations, axe_violations
from tests.event_world import build_event_world

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Elements wider than the viewport or than their own box, as "tag.class: width > limit".
OVERFLOW = """() => {
    const out = [], limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > limit) out.push(`page: ${document.documentElement.scrollWidth} > ${limit}`);
    for (const el of document.querySelectorAll('main *')) {
        const box = el.getBoundingClientRect();
        if (box.width && box.right > limit + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(box.right)} > ${limit}`);
    }
    for (const box of document.querySelectorAll('.table-scroll')) {
        if (box.scrollWidth > box.clientWidth + 1) out.push(`table wider than its box: ${box.scrollWidth} > ${box.clientWidth}`);
    }
    return out.slice(0, 10);
}"""


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


def signed_in_page(browser, live_server, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "pw-erin-123")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_event_page_fits_and_passes_axe(browser, live_server, editor, width):
    """Nothing on the event page is wider than the screen or its box; no serious axe violation."""
    world = build_event_world()
    page = signed_in_page(browser, live_server, width)
    page.goto(f"{live_server.url}/claims/events/{world['event'].pk}/")
    assert page.locator("#conflicts .conflict").count() == 1
    shot(page, f"event-{width}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for section in ("conflicts", "figures"):
        page.locator(f"#{section}").screenshot(path=str(SHOTS / f"event-{width}-{section}.png"))
    assert page.evaluate(OVERFLOW) == []
    assert_no_serious_axe_violations(page)


def test_main_pages_pass_axe(browser, live_server, editor):
    """The claims list, a claim page, the review queue and the article reader: no serious violations."""
    from django.urls import reverse

    world = build_event_world()
    claim = world["homes"]["north"]
    page = signed_in_page(browser, live_server, 1280)
    found = {}
    for name, url in (
        ("claims", reverse("claims:claim-list")),
        ("claim", reverse("claims:claim-detail", args=[claim.pk])),
        ("review", reverse("claims:review")),
        ("reader", reverse("sources:article-detail", args=[claim.article_id])),
    ):
        page.goto(live_server.url + url)
        shot(page, f"a11y-{name}")
        found[name] = sorted(
            {f"{v['id']} {[n['target'] for n in v['nodes'][:4]]}" for v in axe_violations(page)}
        )
    assert found == {name: [] for name in found}


def test_confirming_a_conflict_with_the_keyboard_changes_the_database(browser, live_server, editor):
    """Tab to "Confirm conflict", press Enter: back on the event page, the link is confirmed by erin."""
    from claims.models import ClaimLink

    world = build_event_world()
    link = world["conflict"]
    page = signed_in_page(browser, live_server, 1280)
    page.goto(f"{live_server.url}/claims/events/{world['event'].pk}/")
    button = page.locator(f"#link-{link.pk} button[value=confirm]")
    button.focus()
    assert page.evaluate("() => document.activeElement.value") == "confirm"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/claims/events/{world['event'].pk}/#conflicts")
    link.refresh_from_db()
    assert link.status == ClaimLink.Status.CONFIRMED and link.reviewed_by == editor
    assert page.locator(f"#link-{link.pk} .status").inner_text() == "Confirmed"
    shot(page, "event-conflict-confirmed")
