"""In a real browser: a staff editor uploads a CSV whose rows repeat a stored story (a correction
appended; another intro), sees both near-duplicates on the job page beside the stored article, merges
one and skips the other, and the database holds a new version and nothing for the skipped row.

Screenshots go to test-artifacts/screenshots/ (not committed): near-duplicates-choice.png before the
choice, near-duplicates-decided.png after.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DATA = Path(__file__).resolve().parents[1] / "importing" / "data" / "near_duplicates"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_editor_merges_one_near_duplicate_and_skips_another(live_server, editor, settings, tmp_path):
    from django.contrib.auth.models import Permission

    from sources.importing.service import import_job_create, import_job_run
    from sources.models import Article, NearDuplicate

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    editor.is_staff = True
    editor.save()
    editor.user_permissions.add(
        Permission.objects.get(codename="add_article", content_type__app_label="sources")
    )
    first = import_job_create(paths=[DATA / "port-veldan-terminal.txt"], extract=False)
    import_job_run(batch_id=first.pk)
    stored = Article.objects.get()
    seen: dict = {}

    def drive() -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(20000)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(f"{live_server.url}/imports/")
                page.fill("input[name=username]", "erin")
                page.fill("input[name=password]", "pw-erin-123")
                page.click("button[type=submit]")
                page.wait_for_selector("input[name=files]")
                page.set_input_files("input[name=files]", str(DATA / "wire-rows.csv"))
                page.uncheck("input[name=extract]")
                seen["default_choice"] = page.input_value("select[name=near_duplicates]")
                page.click("form[enctype] button[type=submit], form[enctype] input[type=submit]")
                page.wait_for_selector("#near-duplicates")
                rows = page.locator("table.near-duplicates tbody tr")
                seen["rows"] = rows.all_inner_texts()
                merge_row = rows.filter(has_text="Crane collapse shuts Port Veldan terminal")
                skip_row = rows.filter(has_text="Detours as Port Veldan terminal stays shut")
                merge_row.get_by_label("Merge: a new version of the stored article").check()
                skip_row.get_by_label("Skip the new one").check()
                page.screenshot(path=str(SHOTS / "near-duplicates-choice.png"), full_page=True)
                assert_no_serious_axe_violations(page)
                page.click("button[data-action=near-duplicates]")
                page.wait_for_selector("text=1 merged, 1 skipped")
                seen["after"] = page.locator("table.near-duplicates").inner_text()
                page.screenshot(path=str(SHOTS / "near-duplicates-decided.png"), full_page=True)
                assert_no_serious_axe_violations(page)
                seen["errors"] = errors
            except Exception as error:  # reported in the test's thread
                seen["failure"] = error
            finally:
                browser.close()

    # Playwright runs in a thread of its own: its event loop must not touch this thread's database state.
    driver = threading.Thread(target=drive)
    driver.start()
    driver.join(timeout=180)
    if "failure" in seen:
        raise seen["failure"]
    assert seen["default_choice"] == "ask"
    assert len(seen["rows"]) == 2 and all(stored.title in row for row in seen["rows"])
    assert all("%" in row for row in seen["rows"])
    assert "Merged as a new version" in seen["after"] and "Skipped the new one" in seen["after"]
    assert not seen["errors"]
    stored.refresh_from_db()
    version = Article.objects.get(previous_version=stored)
    assert not stored.is_current and version.is_current and version.title == stored.title
    assert not Article.objects.filter(title__startswith="Detours").exists()
    assert set(NearDuplicate.objects.values_list("decision", "decided_by__username")) == {
        ("merge", "erin"),
        ("skip", "erin"),
    }


def test_admin_preview_lists_a_near_duplicate_and_the_choice_is_applied(
    live_server, admin_user, settings, tmp_path
):
    """The admin import's preview shows the near-duplicate rows beside the stored article; choosing
    "Skip the new one" for one and confirming stores the others only."""
    from sources.importing.service import import_job_create, import_job_run
    from sources.models import Article, NearDuplicate

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    first = import_job_create(paths=[DATA / "port-veldan-terminal.txt"], extract=False)
    import_job_run(batch_id=first.pk)
    stored = Article.objects.get()
    seen: dict = {}

    def drive() -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(20000)
                page.goto(f"{live_server.url}/admin/sources/article/import/")
                page.fill("input[name=username]", "admin")
                page.fill("input[name=password]", "password")
                page.click("input[type=submit]")
                page.set_input_files("input[name=import_file]", str(DATA / "wire-rows.csv"))
                page.select_option("select[name=format]", label="csv")
                page.click("input[type=submit][value=Submit]")
                page.wait_for_selector("#near-duplicates")
                seen["rows"] = page.locator("#near-duplicates tbody tr").all_inner_texts()
                page.select_option("select[name=near-1]", "skip")
                page.select_option("select[name=near-3]", "skip")
                page.screenshot(path=str(SHOTS / "near-duplicates-admin-preview.png"), full_page=True)
                page.locator("#near-duplicates").screenshot(
                    path=str(SHOTS / "near-duplicates-admin-rows.png")
                )
                page.click("input[name=confirm]")
                page.wait_for_selector("#changelist, .messagelist")
            except Exception as error:  # reported in the test's thread
                seen["failure"] = error
            finally:
                browser.close()

    driver = threading.Thread(target=drive)
    driver.start()
    driver.join(timeout=180)
    if "failure" in seen:
        raise seen["failure"]
    assert len(seen["rows"]) == 2 and all(stored.title in row for row in seen["rows"])
    assert set(Article.objects.values_list("title", flat=True)) == {
        stored.title,
        "Crane topples onto ship at Port Veldan",
    }
    assert set(NearDuplicate.objects.values_list("row", "decision")) == {(1, "skip"), (3, "skip")}
