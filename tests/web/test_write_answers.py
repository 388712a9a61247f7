"""What a write answers the page's script when it did not happen: never `ok: true`, never a 200."""

from __future__ import annotations

from django.urls import reverse

from claims.models import ClaimLink

JSON = {"HTTP_ACCEPT": "application/json"}


def test_a_link_form_without_the_other_claim_is_refused_not_ok(editor_client, make_world):
    """No other claim given: 400 with ok false and the form's message; no link is stored."""
    claim = make_world(2)["claims"][0][0]
    before = ClaimLink.objects.count()
    response = editor_client.post(
        reverse("claims:link-create", args=[claim.pk]), {"relation": "corroborates"}, **JSON
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False and "other" in response.json()["errors"]
    assert ClaimLink.objects.count() == before


def test_a_link_to_a_claim_that_does_not_exist_is_refused_not_ok(editor_client, make_world):
    """A well-formed id of no claim: 400, ok false, saying so; nothing stored."""
    claim = make_world(2)["claims"][0][0]
    before = ClaimLink.objects.count()
    response = editor_client.post(
        reverse("claims:link-create", args=[claim.pk]),
        {"other": 987654, "relation": "corroborates"},
        **JSON,
    )
    assert response.status_code == 400
    assert response.json() == {"ok": False, "error": "That claim is no longer stored; choose another one."}
    assert ClaimLink.objects.count() == before


def test_a_stored_link_answers_ok(editor_client, make_world):
    claims = make_world(3)["claims"]
    response = editor_client.post(
        reverse("claims:link-create", args=[claims[2][1].pk]),
        {"other": claims[0][1].pk, "relation": "corroborates"},
        **JSON,
    )
    assert response.status_code == 200 and response.json()["ok"] is True
    assert ClaimLink.objects.filter(origin="editor").count() == 1


def test_a_failed_link_form_still_sends_a_browser_back_with_the_message(editor_client, make_world):
    """Without the script (a plain form post) the answer stays a redirect back to the claim."""
    claim = make_world(2)["claims"][0][0]
    response = editor_client.post(reverse("claims:link-create", args=[claim.pk]), {"relation": "x"})
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:claim-detail", args=[claim.pk])


def test_a_bad_event_id_is_refused_with_400_not_200(editor_client, make_world):
    """An event id that is no number: 400 with ok false and the form's errors; the claim keeps its event."""
    claim = make_world(2)["claims"][0][0]
    event_before = claim.event_id
    response = editor_client.post(reverse("claims:claim-event", args=[claim.pk]), {"event": "soon"}, **JSON)
    assert response.status_code == 400
    assert response.json()["ok"] is False and "event" in response.json()["errors"]
    claim.refresh_from_db()
    assert claim.event_id == event_before


def test_detaching_a_claim_from_its_event_answers_ok(editor_client, make_world):
    claim = make_world(2)["claims"][0][0]
    response = editor_client.post(
        reverse("claims:claim-event", args=[claim.pk]), {"event": "", "version": claim.version}, **JSON
    )
    assert response.status_code == 200 and response.json() == {"ok": True}
