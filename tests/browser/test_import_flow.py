"""Import -> results in Chromium: an editor with the import right uploads a text file, lands on the job page,
which lists the article and claims it made; following them leads to the reader and the claims list, and
the reader leads back to the job. axe-core on each page, at 1280 and 390 px (import-*.png)."""

from __future__ import annotations

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations
from tests.browser.pages import overflow, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE = (
    "Ferry service resumes in Gullhaven\n\n"
    "GULLHAVEN - Three ferries returned to the Gullhaven crossing on 4 May after a two-week strike, "
    "the port authority said. About 1,200 passengers crossed on the first day."
)


@pytest.fixture
def importer(editor):
    """The editor erin with staff status and the right to add articles (what the import asks)."""
    from django.contrib.auth.models import Permission

    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    return editor


@pytest.mark.parametrize("width", [1280, 390])
def test_import_leads_to_its_results_and_back(open_page, importer, width, tmp_path):
    from sources.models import Article, ImportBatch

    page = open_page(importer, width=width)
    page.goto("/claims/")
    if width < 500:
        page.click("details.site-menu > summary")
    page.click("header.top nav a:text-is('Import')")
    page.wait_for_url("**/imports/")
    assert_no_serious_axe_violations(page)
    upload = tmp_path / "ferry.txt"
    upload.write_text(PAGE, encoding="utf-8")
    page.set_input_files("input[name=files]", str(upload))
    page.fill("input[name=outlet]", "Gullhaven Gazette")
    shot(page, f"import-{width}-form")
    page.click("button:text-is('Start import')")
    batch = ImportBatch.objects.get()
    page.wait_for_url(f"**/imports/{batch.pk}/")
    page.wait_for_selector("#job-results .job-articles a")
    shot(page, f"import-{width}-job")
    assert page.locator(
        "#import-job th:text-is('Message')"
    ).is_visible()  # the errors' reason, on a phone too
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)

    article = Article.objects.get(import_batch=batch)
    assert article.outlet.name == "Gullhaven Gazette"
    page.click(f"#job-results a[href='/articles/{article.pk}/']")
    page.wait_for_url(f"**/articles/{article.pk}/")
    assert page.locator("h1").inner_text() == "Ferry service resumes in Gullhaven"
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)
    page.click(f"a[href='/imports/{batch.pk}/']")  # the reader leads back to its job
    page.wait_for_url(f"**/imports/{batch.pk}/")
    page.click(f"#job-results a[href='/claims/?import_batch={batch.pk}']")
    page.wait_for_url(f"**import_batch={batch.pk}**")
    rows = page.locator("table.claims tbody tr")
    assert rows.count() == article.claims.count() > 0
    shot(page, f"import-{width}-claims")
    assert overflow(page) == []
    assert_no_serious_axe_violations(page)
    assert page.script_errors == []
