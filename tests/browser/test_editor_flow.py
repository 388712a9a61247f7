"""A real browser (Debian's Chromium driven by Playwright) goes through an editor's day.

An editor signs in, filters the claims list, opens an article, selects text (across highlighted
pieces, after an emoji, over a no-break space and curly quotes) and saves an annotation, then accepts
a suggested link and rejects a claim with the keyboard; the page and the database both show it.
Screenshots of the main pages go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BODY = (
    "\U0001f6a2 HARBOUR - On 12\u00a0March 14 boats were damaged in the storm, the coastguard said.\n\n"
    "The mayor said \u201cthe port stays open\u201d and repairs would take two weeks."
)
OTHER = "SOUTH BAY - At least 14 boats were damaged by Tuesday's storm, according to the coastguard."
THIRD = "COAST - Between 18 and 20 boats were wrecked in the storm on 12 March, fishermen said."


# Per test, so it starts after the test database is set up: a Playwright started before it (module
# scope) made the serialized rollback skip its restore and flush without inhibit, breaking later tests.
@pytest.fixture
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def world(editor):
    from claims.models import Claim, ClaimLink, Event
    from sources.models import Outlet
    from sources.services import article_store

    harbour = Outlet.objects.create(name="Harbour Times", domain="harbour.example")
    bay = Outlet.objects.create(name="Bay Courier", domain="bay.example")
    coast = Outlet.objects.create(name="Coast Herald", domain="coast.example")
    event = Event.objects.create(title="Storm damages boats", date=dt.date(2025, 3, 12), place="Harbour")
    first = article_store(
        body=BODY,
        outlet=harbour,
        url="https://harbour.example/storm",
        title="Storm hits harbour",
        published_on=dt.date(2025, 3, 13),
        published_precision="day",
    ).article
    second = article_store(
        body=OTHER,
        outlet=bay,
        url="https://bay.example/storm",
        title="Boats damaged",
        published_on=dt.date(2025, 3, 13),
        published_precision="day",
    ).article
    third = article_store(
        body=THIRD,
        outlet=coast,
        url="https://coast.example/storm",
        title="Twenty boats hit",
        published_on=dt.date(2025, 3, 14),
        published_precision="day",
    ).article
    event.articles.add(first, second, third)

    def claim(article, text, **fields):
        start = article.body.index(text)
        fields.setdefault("confidence", 0.7)
        return Claim.objects.create(
            article=article,
            start=start,
            end=start + len(text),
            quote=text,
            extractor_version="t",
            event=event,
            **fields,
        )

    boats = claim(first, "14 boats", kind="quantity", quantity_low=14, quantity_high=14, unit_class="boats")
    other_boats = claim(
        second,
        "At least 14 boats",
        kind="quantity",
        quantity_low=14,
        quantity_high=14,
        quantity_direction=">",
        unit_class="boats",
    )
    date = claim(first, "12\u00a0March", kind="date", date_value=dt.date(2025, 3, 12), date_precision="day")
    many = claim(
        third,
        "Between 18 and 20 boats",
        kind="quantity",
        quantity_low=18,
        quantity_high=20,
        unit_class="boats",
        confidence=0.95,
    )
    link = ClaimLink.objects.create(
        claim_a=boats,
        claim_b=other_boats,
        relation="corroborates",
        confidence=0.9,
        rationale="both say 14 boats were damaged",
    )
    ClaimLink.objects.create(
        claim_a=boats,
        claim_b=many,
        relation="contradicts",
        confidence=0.6,
        rationale="14 against 18-20 boats",
        status="confirmed",
    )
    return {"article": first, "boats": boats, "date": date, "link": link, "event": event}


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def select_text(page, start_text: str, end_text: str) -> None:
    """Select from the first character of `start_text` to the last of `end_text` in the article body,
    with DOM ranges over the body's own text nodes, as a mouse drag would."""
    page.evaluate(
        """([startText, endText]) => {
            const body = document.getElementById('article-body');
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            let node, from = null, to = null;
            while ((node = walker.nextNode())) {
                const i = node.data.indexOf(startText);
                if (from === null && i >= 0) from = [node, i];
                const j = node.data.indexOf(endText);
                if (from !== null && j >= 0) { to = [node, j + endText.length]; break; }
            }
            window.getSelection().setBaseAndExtent(from[0], from[1], to[0], to[1]);
            body.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        [start_text, end_text],
    )


def test_editor_signs_in_filters_annotates_and_reviews(browser, live_server, world, editor):
    """The whole editing flow in a real browser, checked on the page and in the database."""
    from claims.models import Annotation, Claim, ClaimLink

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + "/claims/")
    assert "/accounts/login/" in page.url  # sign-in first
    shot(page, "01-sign-in")
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "pw-erin-123")
    page.click("button[type=submit]")
    page.wait_for_url("**/claims/")

    page.select_option("select[name=kind]", "quantity")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**kind=quantity**")
    rows = page.locator("table.claims tbody tr")
    assert rows.count() == 3 and "3 claims match" in page.inner_text("#result-count")
    assert "outlet=" not in page.url  # empty fields are left out of the bookmarkable URL
    shot(page, "02-claims-filtered")

    page.click(f"a[href='/claims/{world['boats'].pk}/']")
    page.wait_for_url(f"**/claims/{world['boats'].pk}/")
    assert "Corroborates" in page.inner_text("main")
    shot(page, "03-claim")

    page.goto(live_server.url + f"/articles/{world['article'].pk}/")
    # From inside the date claim's highlight ("12 March") to the end of the curly-quoted statement.
    select_text(page, "March", "open\u201d")
    assert page.is_visible("#selection-panel")
    page.fill("#note-input", "Coastguard figure; check the port statement")
    page.fill("#annotation-form input[name=tags]", "storm, verify")
    shot(page, "04-article-selection")
    page.click("#annotation-form button[type=submit]")
    page.wait_for_selector(".messages li")
    assert "Annotation saved" in page.inner_text(".messages")

    annotation = Annotation.objects.get()
    expected = (
        "March 14 boats were damaged in the storm, the coastguard said.\n\n"
        "The mayor said \u201cthe port stays open\u201d"
    )
    assert annotation.quote == expected
    assert annotation.start == BODY.index("March 14")  # code points: the emoji before counts once
    assert BODY[annotation.start : annotation.end] == expected
    assert page.locator(f"mark[data-notes~='{annotation.pk}']").count() >= 2  # highlighted, across pieces
    shot(page, "05-article-annotated")

    for path, name in [
        (f"/claims/events/{world['event'].pk}/", "08-event"),
        ("/outlets/", "09-outlets"),
        (f"/outlets/{world['article'].outlet_id}/", "10-outlet"),
        ("/claims/actors/", "11-actors"),
        ("/", "12-articles"),
        ("/claims/events/", "13-events"),
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        shot(page, name)
    assert page.locator("figure.chart svg rect.bar").count() == 0  # last page: the events list
    page.goto(live_server.url + f"/claims/events/{world['event'].pk}/")
    assert page.locator("figure.chart svg rect.bar").count() == 3  # one bar per outlet

    page.goto(live_server.url + "/claims/review/links/")
    page.keyboard.press("a")  # confirm the focused (first) suggestion
    page.wait_for_selector(f"#l{world['link'].pk}.done")
    link = ClaimLink.objects.get(pk=world["link"].pk)
    assert link.status == "confirmed" and link.reviewed_by == editor and link.reviewed_at
    shot(page, "06-review-links")
    page.reload()
    assert page.locator(f"#l{world['link'].pk}").count() == 0

    page.goto(live_server.url + "/claims/review/?order=low")
    page.wait_for_selector(".queue-item.current")
    first_id = int(page.get_attribute(".queue-item.current", "data-id"))
    page.keyboard.press("j")
    second_id = int(page.get_attribute(".queue-item.current", "data-id"))
    assert second_id != first_id
    page.keyboard.press("r")
    page.wait_for_selector(f"#q{second_id}.done")
    rejected = Claim.objects.get(pk=second_id)
    assert rejected.review_status == "rejected" and rejected.reviewed_by == editor
    assert Claim.objects.get(pk=first_id).review_status == "pending"
    shot(page, "07-review-claims")

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone_page = phone.new_page()
    phone_page.context.add_cookies(context.cookies())
    for path, name in [
        ("/claims/", "14-phone-claims"),
        (f"/articles/{world['article'].pk}/", "15-phone-article"),
        (f"/claims/events/{world['event'].pk}/", "16-phone-event"),
    ]:
        phone_page.goto(live_server.url + path)
        shot(phone_page, name)
    phone.close()
    context.close()
    assert errors == []  # no script errors on any page
