"""Near-duplicates in Chromium. A staff editor uploads a CSV whose rows repeat a stored story (a
correction appended; another intro), sees both on the job page beside the stored article, merges one
and skips the other (at 1280 and 390 px, axe-core and overflow checked); and the admin import's preview
lists the same rows with a choice each that the confirmation applies. Screenshots in
test-artifacts/screenshots/: near-duplicates-<width>-choice.png, -decided.png, near-duplicates-admin.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations
from tests.browser.pages import overflow, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DATA = Path(__file__).resolve().parents[1] / "importing" / "data" / "near_duplicates"


@pytest.fixture
def importer(editor):
    """The editor erin with staff status and the right to add articles (what the import asks)."""
    from django.contrib.auth.models import Permission

    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    return editor


@pytest.fixture
def stored_story():
    """The wire story imported once as a file, as an earlier job would have."""
    from sources.importing.service import import_job_create, import_job_run
    from sources.models import Article

    batch = import_job_create(paths=[DATA / "port-veldan-terminal.txt"], extract=False)
    import_job_run(batch_id=batch.pk)
    return Article.objects.get()


@pytest.mark.parametrize("width", [1280, 390])
def test_editor_merges_one_near_duplicate_and_skips_another(open_page, importer, stored_story, width):
    from sources.models import Article, ImportBatch, NearDuplicate

    page = open_page(importer, width=width)
    page.goto("/imports/")
    page.set_input_files("input[name=files]", str(DATA / "wire-rows.csv"))
    page.uncheck("input[name=extract]")
    assert page.input_value("select[name=near_duplicates]") == "ask"  # held for the editor by default
    page.click("button:text-is('Start import')")
    page.wait_for_selector("#near-duplicates")
    rows = page.locator("table.near-duplicates tbody tr")
    texts = rows.all_inner_texts()
    assert len(texts) == 2 and all(stored_story.title in text and "%" in text for text in texts)
    rows.filter(has_text="Crane collapse shuts Port Veldan terminal").get_by_label(
        "Merge: a new version of the stored article"
    ).check()
    rows.filter(has_text="Detours as Port Veldan terminal stays shut").get_by_label(
        "Skip the new one"
    ).check()
    shot(page, f"near-duplicates-{width}-choice")
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)
    page.click("button[data-action=near-duplicates]")
    page.wait_for_selector("text=1 merged, 1 skipped")
    decided = page.locator("table.near-duplicates").inner_text()
    assert "Merged as a new version" in decided and "Skipped the new one" in decided
    shot(page, f"near-duplicates-{width}-decided")
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)
    assert page.script_errors == []

    stored_story.refresh_from_db()
    version = Article.objects.get(previous_version=stored_story)
    assert not stored_story.is_current and version.is_current and version.title == stored_story.title
    assert not Article.objects.filter(title__startswith="Detours").exists()
    batch = ImportBatch.objects.latest("created_at")
    assert set(NearDuplicate.objects.filter(batch=batch).values_list("decision", "decided_by__username")) == {
        ("merge", "erin"),
        ("skip", "erin"),
    }


def test_admin_preview_lists_near_duplicates_and_the_choice_is_applied(open_page, admin_user, stored_story):
    """The admin import's preview shows the near-duplicate rows beside the stored article; choosing
    "Skip the new one" for both and confirming stores the other outlet's story only."""
    from sources.models import Article, NearDuplicate

    page = open_page(admin_user)
    page.goto("/admin/sources/article/import/")
    page.set_input_files("input[name=import_file]", str(DATA / "wire-rows.csv"))
    page.select_option("select[name=format]", label="csv")
    page.click("input[type=submit][value=Submit]")
    page.wait_for_selector("#near-duplicates")
    texts = page.locator("#near-duplicates tbody tr").all_inner_texts()
    assert len(texts) == 2 and all(stored_story.title in text for text in texts)
    page.select_option("select[name=near-1]", "skip")
    page.select_option("select[name=near-3]", "skip")
    shot(page, "near-duplicates-admin", selector="#near-duplicates")
    page.click("input[name=confirm]")
    page.wait_for_selector(".messagelist")
    assert set(Article.objects.values_list("title", flat=True)) == {
        stored_story.title,
        "Crane topples onto ship at Port Veldan",
    }
    assert set(NearDuplicate.objects.values_list("row", "decision")) == {(1, "skip"), (3, "skip")}
