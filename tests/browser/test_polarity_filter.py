"""In a real browser: an editor picks "Asked (a question)" in the claims list's polarity filter and sees
the question alone, marked "(asks)"; the person's page then badges each statement. axe-core checks both.
Screenshots go to test-artifacts/screenshots/ (polarity-*.png)."""

from __future__ import annotations

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations
from tests.browser.pages import overflow, shot
from tests.polarity_world import SAID, said_five_ways

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_filters_the_claims_by_polarity(editor_page, editor):
    world = said_five_ways(editor)
    page = editor_page
    page.goto("/claims/")
    page.select_option("select[name=polarity]", "question")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**polarity=question**")
    rows = page.locator("table.claims tbody tr")
    assert rows.count() == 1
    assert f"\u201c{SAID['question']}\u201d (asks)" in rows.first.inner_text()
    shot(page, "polarity-filter")
    assert not overflow(page)
    assert_no_serious_axe_violations(page)
    page.goto(f"/claims/actors/{world['statements']['question'].speaker_id}/")
    badges = page.locator("span.badge.polarity").all_inner_texts()
    assert sorted(badges) == ["asks", "denies", "does not say", "stance"]
    shot(page, "polarity-person")
    assert_no_serious_axe_violations(page)
