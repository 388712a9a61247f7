"""In a real browser: a keyboard decision on a claim someone else changed meanwhile is refused (409).

The review queue's script shows who changed it, leaves the item open (not marked done) and the
database keeps the other editor's decision.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_stale_keyboard_decision_is_shown_and_not_marked_done(editor_page, article, django_user_model):
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

    page = editor_page
    page.goto("/claims/review/")
    page.wait_for_selector(f"#q{claim.pk}.current")
    # sam rejects the claim while erin's queue page is open
    editorial.claim_review(claim=claim, user=sam, decision="reject", expected_version=claim.version)
    page.keyboard.press("a")
    page.wait_for_selector(f"#q{claim.pk}.stale")
    note = page.inner_text(f"#q{claim.pk} .q-done")
    classes = page.get_attribute(f"#q{claim.pk}", "class").split()
    assert not page.script_errors
    assert "This claim was changed by sam at " in note and "Reload the page" in note
    assert "done" not in classes
    claim.refresh_from_db()
    assert claim.review_status == "rejected" and claim.reviewed_by == sam
