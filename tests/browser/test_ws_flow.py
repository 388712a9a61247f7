"""Work that flows, in Debian's Chromium: the claim picker (no raw ids), bulk accept with confirmation
and a one-step undo, the links queue filters, the claims list one line per row, and keyboard review
confirmed on the page with the pending count moving; axe-core on each. Screenshots go to
test-artifacts/screenshots/ (ws-flow-*.png)."""

from __future__ import annotations

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations
from tests.browser.pages import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_picker_links_and_attaches_without_ids(editor_page, world, editor):
    from claims.models import Claim, ClaimLink, Event

    dock = Event.objects.create(title="Dock strike in the north")
    page = editor_page
    date = world["date"]
    page.goto(f"/claims/{date.pk}/")
    page.click("summary:has-text('Link to another claim')")
    search = page.locator("input[data-picker=claim]")
    assert search.is_visible()
    search.fill("between 18")  # "between" alone is a stop word to PostgreSQL's full-text search
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('#id_link_other option')).some(o => o.textContent.includes('Between 18'))"
    )
    shot(page, "ws-flow-picker-claim")
    assert_no_serious_axe_violations(page)
    page.select_option("form[action$='/links/'] select[name=relation]", "corroborates")
    with page.expect_navigation():  # the POST's redirect back to the claim page, before the database is read
        page.click("button:has-text('Save link')")
    many = Claim.objects.get(quote="Between 18 and 20 boats")
    assert ClaimLink.objects.filter(claim_a__in=[date, many], claim_b__in=[date, many]).exists()

    page.click("summary:has-text('Attach to an event')")
    page.fill("input[data-picker=event]", "dock")
    page.wait_for_function(
        "() => document.querySelector('#id_claim_event').selectedOptions[0]?.textContent.includes('Dock strike')"
    )
    shot(page, "ws-flow-picker-event")
    assert_no_serious_axe_violations(page)
    with page.expect_navigation():
        page.click("form[action$='/event/'] button[type=submit]")
    date.refresh_from_db()
    assert date.event_id == dock.pk and "Dock strike in the north" in page.inner_text("main")
    assert not page.script_errors


def test_bulk_accept_confirm_and_undo_and_keyboard_review(editor_page, world, editor):
    from claims.models import Claim

    page = editor_page
    page.goto("/claims/review/")
    before = page.inner_text(".pending-count")
    page.keyboard.press("r")  # reject the first (most confident) claim
    page.wait_for_selector(".queue-item.done .q-done[data-status=rejected]")
    assert int(page.inner_text(".pending-count")) == int(before) - 1
    color = page.eval_on_selector(".q-done[data-status=rejected]", "e => getComputedStyle(e).color")
    assert color == "rgb(179, 38, 30)"  # red, not green
    shot(page, "ws-flow-review-keyboard")
    assert_no_serious_axe_violations(page)

    pending = set(
        Claim.objects.filter(review_status="pending", confidence__gte=0.5).values_list("pk", flat=True)
    )
    page.fill("#bulk-accept input[name=threshold]", "0.5")
    page.click("#bulk-accept button[type=submit]")
    page.wait_for_selector("#bulk-summary")
    assert Claim.objects.filter(pk__in=pending, review_status="pending").count() == len(pending)  # asked only
    shot(page, "ws-flow-bulk-confirm")
    assert_no_serious_axe_violations(page)
    page.click("button:has-text('Accept')")
    page.wait_for_selector("#undo-bulk")
    assert set(Claim.objects.filter(pk__in=pending).values_list("review_status", flat=True)) == {"accepted"}
    shot(page, "ws-flow-bulk-accepted")
    assert_no_serious_axe_violations(page)
    page.click("#undo-bulk button")
    page.wait_for_selector(".messages li:has-text('Undone')")
    assert set(Claim.objects.filter(pk__in=pending).values_list("review_status", flat=True)) == {"pending"}
    shot(page, "ws-flow-bulk-undone")
    assert_no_serious_axe_violations(page)


def test_links_queue_filters_and_claims_list_rows(editor_page, world, editor):
    from claims.models import ClaimLink

    ClaimLink.objects.filter(status="confirmed").update(status="suggested")
    page = editor_page
    page.goto("/claims/review/links/")
    assert page.locator(".queue-item").count() == 2
    page.select_option("#link-filters select[name=relation]", "contradicts")
    page.click("#link-filters button[type=submit]")
    page.wait_for_url("**relation=contradicts**")
    assert page.locator(".queue-item").count() == 1 and "Storm hits harbour" in page.inner_text(".queue")
    shot(page, "ws-flow-links-filtered")
    assert_no_serious_axe_violations(page)

    page.goto("/claims/")
    heights = page.eval_on_selector_all(
        "table.claims tbody tr", "rows => rows.map(r => r.getBoundingClientRect().height)"
    )
    assert heights and max(heights) < 40, heights  # one line per row
    assert "more than 14 boats" in page.inner_text("table.claims")
    shot(page, "ws-flow-claims-list")
    assert_no_serious_axe_violations(page)
    page.goto("/claims/?page=99999")
    assert "There is no page 99999" in page.inner_text("#result-count")
    shot(page, "ws-flow-claims-past-end")
    assert_no_serious_axe_violations(page)
