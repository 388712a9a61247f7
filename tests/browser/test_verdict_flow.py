"""In a real browser: an editor accepts a claim (no ClaimReview yet), gives it a verdict with a note and
a source, and the claim page then carries ClaimReview JSON-LD rated by that verdict.

axe-core checks the claim page before and after. Screenshots go to test-artifacts/screenshots/ (verdict-*.png).
"""

from __future__ import annotations

import json

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations
from tests.browser.pages import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_verdict_publishes_claimreview(editor_page, editor, article):
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

    def jsonld(page) -> list[dict]:
        return [
            json.loads(text) for text in page.locator('script[type="application/ld+json"]').all_inner_texts()
        ]

    page = editor_page
    page.goto(f"/claims/{claim.pk}/")
    assert page.locator("#verdict-form").count() == 0  # a pending claim offers no verdict
    page.click("form[action$='/review/'] button:text-is('Accept')")
    page.wait_for_selector("text=Extraction checked.")
    assert jsonld(page) == []  # accepted is not a fact-check
    page.select_option("#verdict-form select[name=verdict]", "misleading")
    page.fill("#verdict-form textarea[name=note]", "The union counted 80 at the gate.")
    page.fill("#verdict-form textarea[name=sources]", "https://union.example/statement")
    shot(page, "verdict-form")
    assert_no_serious_axe_violations(page)
    page.click("#verdict-form button[type=submit]")
    page.wait_for_selector("text=Verdict saved: Misleading.")
    shot(page, "verdict-saved")
    assert_no_serious_axe_violations(page)
    (review,) = jsonld(page)
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == "About 120 workers"
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["reviewBody"] == "The union counted 80 at the gate."
    assert review["citation"] == [{"@type": "CreativeWork", "url": "https://union.example/statement"}]
    assert "Accurately reported" not in page.inner_text("main")
    assert not page.script_errors
    claim.refresh_from_db()
    assert claim.verdict == "misleading" and claim.verdict_by == editor
    assert claim.history.filter(verdict="misleading", history_user=editor).exists()
