"""In a real browser: a keyboard decision on a claim someone else changed meanwhile is refused (409).

The review queue's script shows who changed it, leaves the item open (not marked done) and the
database keeps the other editor's decision.
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

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_stale_keyboard_decision_is_shown_and_not_marked_done(
    live_server, editor, article, django_user_model
):
    from django.contrib.auth.models import Group

    from claims.models import Claim
    from claims.services import editing as editorial

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
    sam = django_user_model.objects.create_user(username="sam", password="pw-sam-123")
    sam.groups.add(Group.objects.get(name="editor"))

    seen: dict = {}

    def sams_rejection() -> None:  # in the test's own thread and database connection
        editorial.claim_review(claim=claim, user=sam, decision="reject", expected_version=claim.version)

    def drive() -> None:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                page = browser.new_page()
                page.set_default_timeout(15000)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(live_server.url + "/claims/review/")
                page.fill("input[name=username]", "erin")
                page.fill("input[name=password]", "pw-erin-123")
                page.click("button[type=submit]")
                page.wait_for_selector(f"#q{claim.pk}.current")
                opened.set()
                changed.wait(timeout=60)  # sam rejects the claim while erin's queue page is open
                page.keyboard.press("a")
                page.wait_for_selector(f"#q{claim.pk}.stale")
                seen.update(
                    note=page.inner_text(f"#q{claim.pk} .q-done"),
                    classes=page.get_attribute(f"#q{claim.pk}", "class").split(),
                    errors=errors,
                )
            finally:
                browser.close()
                opened.set()

    # Playwright runs in a thread of its own: its event loop must not touch this thread's database state.
    opened, changed = threading.Event(), threading.Event()
    driver = threading.Thread(target=drive)
    driver.start()
    opened.wait(timeout=120)
    sams_rejection()
    changed.set()
    driver.join()
    note, classes = seen["note"], seen["classes"]
    assert not seen["errors"]
    assert "This claim was changed by sam at " in note and "Reload the page" in note
    assert "done" not in classes
    claim.refresh_from_db()
    assert claim.review_status == "rejected" and claim.reviewed_by == sam
