"""Review decisions: who and when are recorded, with history; bulk accept; link confirm and reject."""

import re

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimLink

pytestmark = pytest.mark.django_db


def test_accept_records_reviewer_time_and_history(editor_client, editor, make_world):
    """Accepting sets the status, reviewed_by and reviewed_at, and the history names the editor."""
    claim = make_world(2)["claims"][0][0]
    response = editor_client.post(
        reverse("claims:claim-review", args=[claim.pk]), {"decision": "accept", "version": claim.version}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.review_status == "accepted" and claim.reviewed_by == editor and claim.reviewed_at is not None
    last = claim.history.order_by("-history_date").first()
    assert last.history_user == editor and last.review_status == "accepted"
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk]))
    assert "Accepted" in page.text and "erin" in page.text and "Review status" in page.text  # in the history


def test_reject_answers_json_to_the_queue_script(editor_client, editor, make_world):
    """The queue's script gets JSON back and the claim is rejected by the editor."""
    claim = make_world(2)["claims"][0][1]
    response = editor_client.post(
        reverse("claims:claim-review", args=[claim.pk]),
        {"decision": "reject", "version": claim.version},
        HTTP_ACCEPT="application/json",
    )
    assert response.json() == {"ok": True, "id": claim.pk, "status": "rejected"}
    claim.refresh_from_db()
    assert claim.review_status == "rejected" and claim.reviewed_by == editor


def test_unknown_decision_changes_nothing(editor_client, make_world):
    """A decision other than accept/reject is refused."""
    claim = make_world(2)["claims"][0][0]
    response = editor_client.post(
        reverse("claims:claim-review", args=[claim.pk]),
        {"decision": "maybe", "version": claim.version},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.review_status == "pending"


def test_bulk_accept_takes_only_claims_at_or_above_the_threshold(editor_client, editor, make_world):
    """Bulk accept accepts pending claims with confidence >= threshold of the chosen kind, with history."""
    make_world(8)
    expected = set(Claim.objects.filter(kind="quantity", confidence__gte=0.8).values_list("pk", flat=True))
    assert expected and expected != set(Claim.objects.filter(kind="quantity").values_list("pk", flat=True))
    response = editor_client.post(
        reverse("claims:bulk-accept"),
        {"threshold": "0.8", "kind": "quantity", "confirmed": "yes"},
        follow=True,
    )
    accepted = set(Claim.objects.filter(review_status="accepted").values_list("pk", flat=True))
    assert accepted == expected
    assert f"Accepted {len(expected)} claims" in response.text
    assert set(Claim.objects.filter(pk__in=expected).values_list("reviewed_by", flat=True)) == {editor.pk}
    assert Claim.history.filter(
        id__in=expected, history_user=editor, review_status="accepted"
    ).count() == len(expected)


def test_bulk_accept_refuses_a_threshold_outside_0_1(editor_client, make_world):
    """A threshold of 1.5 is refused and nothing is accepted."""
    make_world(3)
    editor_client.post(reverse("claims:bulk-accept"), {"threshold": "1.5"})
    assert not Claim.objects.filter(review_status="accepted").exists()


def test_edit_marks_the_claim_edited(editor_client, editor, make_world):
    """Editing a value saves it and marks the claim edited by the editor."""
    claim = make_world(2)["claims"][0][0]
    form = editor_client.get(reverse("claims:claim-edit", args=[claim.pk]))
    assert form.status_code == 200 and 'name="quantity_low"' in form.text
    editor_client.post(
        reverse("claims:claim-edit", args=[claim.pk]),
        {
            "kind": "quantity",
            "quantity_low": "12",
            "quantity_high": "14",
            "unit_class": "injured",
            "version": claim.version,
        },
    )
    claim.refresh_from_db()
    assert (claim.quantity_low, claim.quantity_high, claim.review_status) == (12, 14, "edited")
    assert claim.reviewed_by == editor


def test_link_confirm_and_reject(editor_client, editor, make_world):
    """Confirming (with a corrected relation) and rejecting a suggested link record who and when."""
    links = make_world(4)["links"]
    first, second = links[0], links[1]
    editor_client.post(
        reverse("claims:link-review", args=[first.pk]),
        {"decision": "confirm", "relation": "corroborates", "version": first.version},
    )
    editor_client.post(
        reverse("claims:link-review", args=[second.pk]), {"decision": "reject", "version": second.version}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.relation, first.reviewed_by) == ("confirmed", "corroborates", editor)
    assert (second.status, second.reviewed_by) == ("rejected", editor) and second.reviewed_at
    queue = editor_client.get(reverse("claims:review-links"))
    assert f'id="l{first.pk}"' not in queue.text and f'id="l{links[2].pk}"' in queue.text


def test_editor_links_two_claims_from_the_claim_page(editor_client, editor, make_world):
    """An editor-made link is stored once per pair, lower id first, confirmed."""
    claims = make_world(3)["claims"]
    mine, other = claims[2][1], claims[0][1]
    editor_client.post(
        reverse("claims:link-create", args=[mine.pk]),
        {"other": other.pk, "relation": "corroborates", "rationale": "same date"},
    )
    link = ClaimLink.objects.get(origin="editor")
    assert (link.claim_a_id, link.claim_b_id) == (other.pk, mine.pk)
    assert link.status == "confirmed" and link.created_by == editor


def test_review_queue_lists_pending_claims_by_confidence(editor_client, make_world):
    """The queue shows pending claims, most confident first, and drops reviewed ones."""
    world = make_world(4)
    top = Claim.objects.filter(review_status="pending").order_by("-confidence", "id").first()
    page = editor_client.get(reverse("claims:review"))
    assert page.status_code == 200
    assert page.text.index(f'id="q{top.pk}"') < page.text.index(
        'class="queue-item"', page.text.index(f'id="q{top.pk}"') + 1
    )
    done = world["claims"][0][0]
    editor_client.post(
        reverse("claims:claim-review", args=[done.pk]), {"decision": "accept", "version": done.version}
    )
    assert f'id="q{done.pk}"' not in editor_client.get(reverse("claims:review")).text


def test_editor_creates_an_event_and_attaches_a_claim(editor_client, editor, make_world):
    """A new event, then a claim attached to it; the claim's article joins the event."""
    claim = make_world(2)["claims"][0][0]
    response = editor_client.post(
        reverse("claims:event-create"), {"title": "Bridge closure", "date": "2025-05-01"}
    )
    from claims.models import Event

    event = Event.objects.get(title="Bridge closure")
    assert response.status_code == 302 and event.origin == "editor" and event.created_by == editor
    editor_client.post(reverse("claims:claim-event", args=[claim.pk]), {"event": event.pk})
    claim.refresh_from_db()
    assert claim.event == event and event.articles.filter(pk=claim.article_id).exists()


def test_next_address_must_stay_on_this_site(editor_client, make_world):
    """A form's `next` pointing to another site is ignored (no open redirect)."""
    claim = make_world(2)["claims"][0][0]
    response = editor_client.post(
        reverse("claims:claim-edit", args=[claim.pk]),
        {"kind": "quantity", "quantity_low": "3", "version": claim.version, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "claims:claim-detail", args=[claim.pk]
    )
    claim.refresh_from_db()  # the edit above moved its version on
    response = editor_client.post(
        reverse("claims:claim-review", args=[claim.pk]),
        {"decision": "accept", "version": claim.version, "next": "/claims/review/"},
    )
    assert response["Location"] == "/claims/review/"


def test_review_queue_shows_each_claim_in_its_sentence(editor_client, make_world):
    """A quantity's span is only its number and what it counts: the queue shows the sentence around it,
    the span marked, so the editor can judge it without opening the article."""
    make_world(1)
    date = Claim.objects.get(kind="date")
    page = editor_client.get(reverse("claims:review"), {"kind": "date"})
    assert page.status_code == 200
    item = page.text[page.text.index(f'id="q{date.pk}"') :]
    item = item[: item.index("</li>")]
    assert (
        "10 people were injured when two ferries collided on <mark>15 March</mark>, officials said." in item
    )
    assert "Harbour master" not in item  # the next sentence is not part of it


def test_bulk_accept_asks_first_then_accepts_and_undoes_as_one_step(editor_client, editor, make_world):
    """The first post only asks (naming how many), the confirmed one accepts, and Undo puts every claim
    of that batch back to pending with history, except one changed since, which keeps its new state."""
    make_world(8)
    url = reverse("claims:bulk-accept")
    expected = set(Claim.objects.filter(kind="quantity", confidence__gte=0.8).values_list("pk", flat=True))
    asked = editor_client.post(url, {"threshold": "0.8", "kind": "quantity"})
    assert (
        asked.status_code == 200
        and f"This accepts <strong>{len(expected)}</strong> pending quantity" in asked.text
    )
    assert not Claim.objects.filter(review_status="accepted").exists()

    queue = editor_client.post(url, {"threshold": "0.8", "kind": "quantity", "confirmed": "yes"}, follow=True)
    assert set(Claim.objects.filter(review_status="accepted").values_list("pk", flat=True)) == expected
    assert "Undo that bulk accept" in queue.text
    batch = re.search(r'name="batch" value="(\w+)"', queue.text).group(1)

    changed = Claim.objects.get(pk=min(expected))
    Claim.objects.filter(pk=changed.pk).update(review_status="rejected", version=changed.version + 1)
    undone = editor_client.post(reverse("claims:bulk-accept-undo"), {"batch": batch}, follow=True)
    assert f"Undone: {len(expected) - 1} claims back to pending. 1 changed since then" in undone.text
    assert "Undo that bulk accept" not in undone.text
    statuses = dict(Claim.objects.filter(pk__in=expected).values_list("pk", "review_status"))
    assert statuses.pop(changed.pk) == "rejected" and set(statuses.values()) == {"pending"}
    assert not Claim.objects.filter(pk__in=statuses, reviewed_by__isnull=False).exists()
    assert Claim.history.filter(
        id__in=statuses, history_user=editor, history_change_reason__startswith="undo"
    ).count() == len(statuses)
    again = editor_client.post(reverse("claims:bulk-accept-undo"), {"batch": "nosuchbatch"})
    assert again.status_code == 302 and set(
        Claim.objects.filter(pk__in=statuses).values_list("review_status", flat=True)
    ) == {"pending"}


def test_links_queue_filters_by_relation_event_outlet_and_confidence_and_names_articles(
    editor_client, make_world
):
    """Each filter narrows the suggested links to those it names; the count follows; titles are shown."""
    from claims.models import Event

    world = make_world(6)
    url = reverse("claims:review-links")

    def shown(params):
        return {link.pk for link in editor_client.get(url, params).context["items"]}

    everything = shown({})
    assert everything == {link.pk for link in world["links"]}
    contradicting = {link.pk for link in world["links"] if link.relation == "contradicts"}
    assert contradicting and shown({"relation": "contradicts"}) == contradicting
    other = Event.objects.create(title="Another event")
    moved = world["links"][0]
    Claim.objects.filter(pk__in=[moved.claim_a_id, moved.claim_b_id]).update(event=other)
    moved_claims = {moved.claim_a_id, moved.claim_b_id}
    touching = {link.pk for link in world["links"] if {link.claim_a_id, link.claim_b_id} & moved_claims}
    assert moved.pk in touching and touching != everything and shown({"event": other.pk}) == touching
    outlet = world["outlets"][2]
    by_outlet = {
        link.pk
        for link in world["links"]
        if outlet.pk in (link.claim_a.article.outlet_id, link.claim_b.article.outlet_id)
    }
    assert by_outlet and shown({"outlet": outlet.pk}) == by_outlet
    ClaimLink.objects.filter(pk=moved.pk).update(confidence=0.95)
    assert shown({"confidence": "0.9"}) == {moved.pk}
    assert shown({"confidence": "lots"}) == everything  # not a number: no floor
    page = editor_client.get(url, {"relation": "contradicts"})
    words = re.sub(r"<[^>]+>", "", page.text)
    assert f"{len(contradicting)} suggested link" in words and "for these filters" in words
    assert "Ferry crash report 0" in page.text or "Ferry crash report 1" in page.text
    assert '<option value="contradicts" selected>' in page.text
