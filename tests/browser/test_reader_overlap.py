"""In a real browser: selecting text an existing claim already covers warns, with a link to that claim.

Screenshot in data/screenshots/ (not committed).
"""

from __future__ import annotations

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

SELECT = """([from, to]) => {
  const walker = document.createTreeWalker(document.getElementById("article-body"), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node, a = null, b = null;
  while ((node = walker.nextNode())) {
    if (!a && node.data.includes(from)) a = [node, node.data.indexOf(from)];
    if (node.data.includes(to)) b = [node, node.data.indexOf(to) + to.length];
  }
  range.setStart(...a); range.setEnd(...b);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
  document.getElementById("article-body").dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
}"""


def test_selection_under_a_claim_warns(live_server, editor, article):
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
        extractor_version="t",
        confidence=0.9,
    )
    seen: dict = {}

    def drive() -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(15000)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(f"{live_server.url}/articles/{article.pk}/")
                page.fill("input[name=username]", "erin")
                page.fill("input[name=password]", "pw-erin-123")
                page.click("button[type=submit]")
                page.wait_for_selector("#article-body")
                page.evaluate(SELECT, ["120 workers", "unloaded"])
                page.wait_for_selector("#selection-panel:not([hidden])")
                seen["covered"] = page.locator("#sel-covered").is_visible()
                seen["text"] = page.inner_text("#sel-covered")
                seen["href"] = page.get_attribute("#sel-covered a", "href")
                page.screenshot(path=str(SHOTS / "reader-selection-covered.png"), full_page=True)
                page.evaluate(SELECT, ["We expect", "leave"])
                seen["free"] = page.locator("#sel-covered").is_visible()
                seen["errors"] = errors
            finally:
                browser.close()

    driver = threading.Thread(target=drive)
    driver.start()
    driver.join(timeout=120)
    assert seen["covered"] and "A claim already covers this selection" in seen["text"]
    assert seen["href"] == f"/claims/{claim.pk}/"
    assert seen["free"] is False
    assert not seen["errors"]
