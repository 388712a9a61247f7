"""What the workspace tells an editor speaks of claims, events and links by what they say, never by their
database numbers or form field names: refused writes (400, 409), conflict pages, messages, page titles."""

from __future__ import annotations

import re

from django.urls import reverse

JSON = {"HTTP_ACCEPT": "application/json"}


def messages_of(response) -> list[str]:
    """The texts of the flash messages on a followed response's page."""
    return re.findall(
        r'<li class="[^"]*">(.*?)</li>', response.content.decode().split('class="messages"')[-1]
    )


def test_an_invalid_event_choice_is_refused_in_words_of_the_picker(editor_client, make_world):
    """A garbled event choice: 400 for the script, and a page message that names no id and no field."""
    claim = make_world(2)["claims"][0][0]
    url = reverse("claims:claim-event", args=[claim.pk])
    response = editor_client.post(url, {"event": "soon", "version": claim.version}, **JSON)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and "event" in body["errors"]
    assert body["error"] == "Choose an event, or “No event” to detach the claim."
    page = editor_client.post(url, {"event": "soon", "version": claim.version}, follow=True)
    assert "Choose an event, or “No event” to detach the claim." in messages_of(page)
    assert " id" not in " ".join(messages_of(page))


def test_an_event_removed_meanwhile_is_refused_not_a_404(editor_client, make_world):
    """The event picked was deleted before the form was sent: 400 saying so; the claim keeps its event."""
    from claims.models import Event

    world = make_world(2)
    claim = world["claims"][0][0]
    gone = Event.objects.create(title="Short-lived event")
    gone_pk = gone.pk
    gone.delete()
    response = editor_client.post(
        reverse("claims:claim-event", args=[claim.pk]), {"event": gone_pk, "version": claim.version}, **JSON
    )
    assert response.status_code == 400
    assert response.json()["error"] == "That event is no longer stored; choose another one."
    claim.refresh_from_db()
    assert claim.event_id == world["event"].pk


def test_a_link_without_the_other_claim_asks_for_a_choice(editor_client, make_world):
    claim = make_world(2)["claims"][0][0]
    page = editor_client.post(
        reverse("claims:link-create", args=[claim.pk]), {"relation": "corroborates"}, follow=True
    )
    assert "Choose the other claim and how it relates to this one." in messages_of(page)


def test_an_incomplete_selection_claim_names_the_fields_by_their_labels(editor_client, make_world):
    """A claim from a selection with no kind: the message names the field as the form labels it."""
    article = make_world(1)["claims"][0][0].article
    response = editor_client.post(
        reverse("claims:claim-from-selection", args=[article.pk]),
        {"start": 0, "end": 7, "quote": article.body[:7]},
        **JSON,
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("The claim was not saved: Kind: ")
    assert "kind:" not in error  # the field's label, not its name


def test_claim_page_and_review_message_name_the_claim_by_its_quote(editor_client, make_world):
    claim = make_world(1)["claims"][0][0]
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).content.decode()
    assert f"<title>Claim “{claim.quote}” · Claim tracker</title>" in page
    assert f"claim {claim.pk}<" not in page and f"Claim {claim.pk}<" not in page
    done = editor_client.post(
        reverse("claims:claim-review", args=[claim.pk]),
        {"decision": "accept", "version": claim.version},
        follow=True,
    )
    assert f"Claim “{claim.quote}” accepted." in messages_of(done)


def test_a_conflict_page_names_the_claim_by_its_quote(client, editor, make_world, django_user_model):
    """A verdict sent from a stale page: the 409 page's title quotes the claim, with no number."""
    from claims.models import Claim

    claim = make_world(1)["claims"][0][0]
    Claim.objects.filter(pk=claim.pk).update(review_status="accepted")
    claim.refresh_from_db()
    stale = claim.version
    client.force_login(editor)
    url = reverse("claims:claim-verdict", args=[claim.pk])
    assert client.post(url, {"verdict": "false", "version": stale}).status_code == 302
    response = client.post(url, {"verdict": "true", "version": stale})
    assert response.status_code == 409
    assert f"Not saved: verdict on claim “{claim.quote}”" in response.content.decode()
    assert f"claim {claim.pk}" not in response.content.decode()


def test_a_conflict_on_a_removed_link_names_it_by_its_claims(editor_client, make_world):
    """Reviewing a link someone deleted: the page names it by the quotes of its two claims."""
    from claims.models import ClaimLink

    make_world(3)
    link = ClaimLink.objects.select_related("claim_a", "claim_b").first()
    first, second = link.claim_a, link.claim_b
    pk, version = link.pk, link.version
    link.delete()
    response = editor_client.post(
        reverse("claims:link-review", args=[pk]), {"decision": "confirm", "version": version}
    )
    assert response.status_code == 409
    assert f"link between “{first.quote}” and “{second.quote}”" in response.content.decode()
