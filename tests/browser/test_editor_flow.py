"""A real browser (Debian's Chromium driven by Playwright) goes through an editor's day.

An editor signs in, filters the claims list, opens an article, selects text (across highlighted
pieces, after an emoji, over a no-break space and curly quotes) and saves an annotation, then accepts
a suggested link and rejects a claim with the keyboard; the page and the database both show it.
Screenshots of the main pages go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import shot
from tests.browser.storm import BODY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


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


def test_editor_signs_in_filters_annotates_and_reviews(open_page, live_server, world, editor):
    """The whole editing flow in a real browser, checked on the page and in the database."""
    from claims.models import Annotation, Claim, ClaimLink

    page = open_page(None)  # signed out: this test signs in through the form
    errors = page.script_errors

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

    phone_page = open_page(None, width=390, height=844, mobile=True)
    phone_page.context.add_cookies(page.context.cookies())
    for path, name in [
        ("/claims/", "14-phone-claims"),
        (f"/articles/{world['article'].pk}/", "15-phone-article"),
        (f"/claims/events/{world['event'].pk}/", "16-phone-event"),
    ]:
        phone_page.goto(live_server.url + path)
        shot(phone_page, name)
    assert errors == []  # no script errors on any page
