"""In a real browser: selecting text an existing claim already covers warns, with a link to that claim.

Screenshot in test-artifacts/screenshots/reader-selection-covered.png.
"""

from __future__ import annotations

import pytest

from tests.browser.a11y import assert_no_serious_axe_violations
from tests.browser.pages import shot

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


def test_selection_under_a_claim_warns(editor_page, article):
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
    page = editor_page
    page.goto(f"/articles/{article.pk}/")
    page.evaluate(SELECT, ["120 workers", "unloaded"])
    page.wait_for_selector("#selection-panel:not([hidden])")
    assert page.locator("#sel-covered").is_visible()
    assert "A claim already covers this selection" in page.inner_text("#sel-covered")
    assert page.get_attribute("#sel-covered a", "href") == f"/claims/{claim.pk}/"
    assert (
        page.inner_text("#sel-covered a") == "\u201c120\u201d"
    )  # its value as the claims index shows it, not "claim 7"
    shot(page, "reader-selection-covered")
    assert_no_serious_axe_violations(page)
    page.evaluate(SELECT, ["We expect", "leave"])
    assert page.locator("#sel-covered").is_visible() is False
    assert not page.script_errors
