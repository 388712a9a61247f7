"""In a real browser: an editor accepts a claim (no ClaimReview yet), gives it a verdict with a note and
a source, and the claim page then carries ClaimReview JSON-LD rated by that verdict.

Screenshots go to data/screenshots/ (not committed).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parents[2] / "data" / "screenshots"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_verdict_publishes_claimreview(live_server, editor, article):
    from claims.models import Claim

    start = article.body.index("About 120 workers")
    claim = Claim.objects.create(
        article=article,
        kind="quantity",
        start=start,
        end=start + len("About 120 workers"),
        quote="About 120 workers",
        quantity_low=120,
        quantity_high=120,
        quantity_approximate=True,
        extractor_version="t",
        confidence=0.9,
    )
    seen: dict = {}

    def jsonld(page) -> list[dict]:
        return [
            json.loads(text) for text in page.locator('script[type="application/ld+json"]').all_inner_texts()
        ]

    def drive() -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(15000)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(f"{live_server.url}/claims/{claim.pk}/")
                page.fill("input[name=username]", "erin")
                page.fill("input[name=password]", "pw-erin-123")
                page.click("button[type=submit]")
                page.wait_for_selector("h1")
                seen["before_accept"] = page.locator("#verdict-form").count()
                page.click("form[action$='/review/'] button:text-is('Accept')")
                page.wait_for_selector("text=Extraction checked.")
                seen["accepted_jsonld"] = jsonld(page)
                page.select_option("#verdict-form select[name=verdict]", "misleading")
                page.fill("#verdict-form textarea[name=note]", "The union counted 80 at the gate.")
                page.fill("#verdict-form textarea[name=sources]", "https://union.example/statement")
                page.screenshot(path=str(SHOTS / "verdict-form.png"), full_page=True)
                page.click("#verdict-form button[type=submit]")
                page.wait_for_selector("text=Verdict saved: Misleading.")
                page.screenshot(path=str(SHOTS / "verdict-saved.png"), full_page=True)
                seen["after"] = jsonld(page)
                seen["text"] = (
                    page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
                )
                seen["errors"] = errors
            finally:
                browser.close()

    # Playwright runs in a thread of its own: its event loop must not touch this thread's database state.
    driver = threading.Thread(target=drive)
    driver.start()
    driver.join(timeout=120)
    assert seen["before_accept"] == 0  # a pending claim offers no verdict
    assert seen["accepted_jsonld"] == []  # accepted is not a fact-check
    (review,) = seen["after"]
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == "About 120 workers"
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["reviewBody"] == "The union counted 80 at the gate."
    assert review["citation"] == [{"@type": "CreativeWork", "url": "https://union.example/statement"}]
    assert "Accurately reported" not in seen["text"]
    assert not seen["errors"]
    claim.refresh_from_db()
    assert claim.verdict == "misleading" and claim.verdict_by == editor
    assert claim.history.filter(verdict="misleading", history_user=editor).exists()
