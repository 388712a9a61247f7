"""Two editors on the same claim, link or annotation: the second save is refused (409), nothing is lost.

Each test signs two editors in, lets both load the page a person would use, reads the hidden version
from that page's form, and sends both changes; the first wins, the second gets the message, its input
back in the form and the stored values beside it. Machine writers (linking, extraction re-runs,
re-anchoring on a new article version, bulk accept) move the version on too, so a form open across
them is refused as well.
"""

from __future__ import annotations

import datetime as dt
import threading
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from claims.models import Annotation, Claim, ClaimLink
from tests.accounts import role

from .conftest import quote_claim

pytestmark = pytest.mark.django_db

REFUSED = (
    "while you were editing. Your changes were not saved; review the current values below and save again."
)


class FormReader(HTMLParser):
    """The forms of a page: id, action, data-action and the values of their named fields."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self.form: dict | None = None
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "form":
            self.form = {
                "id": found.get("id") or "",
                "action": found.get("action") or "",
                "data-action": found.get("data-action") or "",
                "fields": {},
            }
            self.forms.append(self.form)
        elif self.form is not None and found.get("name"):
            if tag == "input" and found.get("type") == "checkbox":
                if "checked" in found:
                    self.form["fields"][found["name"]] = found.get("value", "on")
            elif tag == "input":
                self.form["fields"][found["name"]] = found.get("value") or ""
            elif tag == "textarea":
                self.textarea = found["name"]
                self.form["fields"][self.textarea] = ""
            elif tag == "select":
                self.select = found["name"]
                self.form["fields"].setdefault(self.select, "")
        elif self.form is not None and tag == "option" and self.select and "selected" in found:
            self.form["fields"][self.select] = found.get("value") or ""

    def handle_data(self, data: str) -> None:
        if self.form is not None and self.textarea:
            self.form["fields"][self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.form = None


def form_on(html: str, **match: str) -> dict:
    """The fields of the first form on the page whose attributes match (id=..., action=..., ...)."""
    reader = FormReader()
    reader.feed(html)
    for form in reader.forms:
        if all(form.get(key.replace("_", "-")) == value for key, value in match.items()):
            return form["fields"]
    raise AssertionError(f"no form with {match} on the page")


@pytest.fixture
def second_editor(django_user_model):
    user = django_user_model.objects.create_user(username="sam", password="pw-sam-123")
    user.groups.add(role("editor"))
    return user


@pytest.fixture
def two_editors(editor, second_editor):
    """Two browsers: erin's and sam's, each signed in."""
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(second_editor)
    return first, second


def changes(obj) -> int:
    """How many change records the object's history holds."""
    return obj.history.filter(history_type="~").count()


# --- claim edit --------------------------------------------------------------------------------------


def test_second_claim_edit_is_refused_and_keeps_the_editors_input(two_editors, make_world):
    erin, sam = two_editors
    claim = make_world(2)["claims"][0][0]
    url = reverse("claims:claim-edit", args=[claim.pk])
    erin_form = form_on(erin.get(url).text, id="claim-edit")
    sam_form = form_on(sam.get(url).text, id="claim-edit")
    assert erin_form["version"] == sam_form["version"] == str(claim.version)

    first = erin.post(url, {**erin_form, "quantity_low": "12", "quantity_high": "12"})
    assert first.status_code == 302
    second = sam.post(url, {**sam_form, "quantity_low": "15", "quantity_high": "16", "unit_class": "hurt"})

    assert second.status_code == 409
    assert "This claim was changed by erin at " in second.text and REFUSED in second.text
    kept = form_on(second.text, id="claim-edit")
    assert (kept["quantity_low"], kept["quantity_high"], kept["unit_class"]) == ("15", "16", "hurt")
    assert kept["version"] == str(claim.version + 1)  # saving again applies to the stored version
    assert "<td>15</td><td>12</td>" in second.text  # theirs next to the stored value
    claim.refresh_from_db()
    assert (claim.quantity_low, claim.quantity_high, claim.unit_class) == (12, 12, "injured")
    assert claim.reviewed_by.username == "erin" and changes(claim) == 1

    again = sam.post(url, kept)  # having looked, sam saves his values on the current version
    assert again.status_code == 302
    claim.refresh_from_db()
    assert (claim.quantity_low, claim.unit_class, claim.reviewed_by.username) == (15, "hurt", "sam")
    assert changes(claim) == 2


def test_edit_with_a_missing_or_garbage_version_is_a_clear_400(editor_client, make_world):
    claim = make_world(2)["claims"][0][0]
    url = reverse("claims:claim-edit", args=[claim.pk])
    values = {"kind": "quantity", "quantity_low": "40", "quantity_high": "40"}
    for version in (None, "", "abc", "-3", "0", "99999999999999999999999"):
        data = values if version is None else {**values, "version": version}
        response = editor_client.post(url, data)
        assert response.status_code == 400, version
        assert "This form has no valid version number; reload the page" in response.text
        assert 'value="40"' in response.text  # the input is still in the form
    claim.refresh_from_db()
    assert claim.quantity_low != 40 and claim.review_status == "pending" and changes(claim) == 0


# --- claim review ------------------------------------------------------------------------------------


def test_second_review_decision_from_the_queue_is_refused(two_editors, make_world):
    erin, sam = two_editors
    claim = make_world(2)["claims"][0][0]
    action = reverse("claims:claim-review", args=[claim.pk])
    queue = reverse("claims:review")
    accept = form_on(erin.get(queue).text, action=action, data_action="accept")
    reject = form_on(sam.get(queue).text, action=action, data_action="reject")
    assert accept["version"] == reject["version"] == str(claim.version)

    ok = erin.post(action, accept, HTTP_ACCEPT="application/json")
    assert ok.json() == {"ok": True, "id": claim.pk, "status": "accepted"}
    refused = sam.post(action, reject, HTTP_ACCEPT="application/json")
    assert refused.status_code == 409
    body = refused.json()
    assert body["ok"] is False and body["conflict"] is True and body["status"] == "accepted"
    assert "This claim was changed by erin at " in body["error"] and "not saved" in body["error"]
    claim.refresh_from_db()
    assert claim.review_status == "accepted" and claim.reviewed_by.username == "erin"
    assert changes(claim) == 1


def test_second_review_without_script_shows_both_decisions_and_a_form_to_decide_again(
    two_editors, make_world
):
    erin, sam = two_editors
    claim = make_world(2)["claims"][0][1]
    action = reverse("claims:claim-review", args=[claim.pk])
    stale = form_on(sam.get(reverse("claims:claim-detail", args=[claim.pk])).text, action=action)
    reject = form_on(erin.get(reverse("claims:review")).text, action=action, data_action="reject")
    assert stale["version"] == reject["version"] == str(claim.version)
    assert erin.post(action, reject).status_code == 302

    response = sam.post(action, stale)  # sam's page still offers Accept on the old version
    assert response.status_code == 409
    assert "This claim was changed by erin at " in response.text and REFUSED in response.text
    assert "<td>Accept</td><td>Rejected by erin</td>" in response.text
    again = form_on(response.text, action=action)
    assert again["decision"] == "accept" and again["version"] == str(claim.version + 1)
    claim.refresh_from_db()
    assert claim.review_status == "rejected" and changes(claim) == 1
    assert sam.post(action, again).status_code == 302  # deciding again, knowingly, is applied
    claim.refresh_from_db()
    assert claim.review_status == "accepted" and claim.reviewed_by.username == "sam"


def test_review_without_a_usable_version_is_400_and_changes_nothing(editor_client, make_world):
    claim = make_world(2)["claims"][0][0]
    action = reverse("claims:claim-review", args=[claim.pk])
    for data in ({"decision": "accept"}, {"decision": "accept", "version": "v2"}):
        response = editor_client.post(action, data, HTTP_ACCEPT="application/json")
        assert response.status_code == 400
        assert "no valid version number" in response.json()["error"]
    claim.refresh_from_db()
    assert claim.review_status == "pending" and changes(claim) == 0


# --- link review -------------------------------------------------------------------------------------


def test_second_link_review_is_refused(two_editors, make_world):
    erin, sam = two_editors
    link = make_world(4)["links"][0]
    action = reverse("claims:link-review", args=[link.pk])
    queue = reverse("claims:review-links")
    confirm = form_on(erin.get(queue).text, action=action, data_action="accept")
    reject = form_on(sam.get(queue).text, action=action, data_action="reject")
    assert confirm["version"] == reject["version"] == str(link.version)

    other = "corroborates" if link.relation == "contradicts" else "contradicts"
    assert erin.post(action, {**confirm, "relation": other}).status_code == 302
    refused = sam.post(action, reject, HTTP_ACCEPT="application/json")
    assert refused.status_code == 409 and "This link was changed by erin" in refused.json()["error"]
    page = sam.post(action, reject)
    assert page.status_code == 409 and "This link was changed by erin at " in page.text
    assert "<td>Reject</td><td>Confirmed by erin</td>" in page.text
    link.refresh_from_db()
    assert (link.status, link.relation, link.reviewed_by.username) == ("confirmed", other, "erin")
    assert changes(link) == 1


def test_a_relation_change_on_a_stale_page_is_refused(two_editors, make_world):
    erin, sam = two_editors
    link = make_world(4)["links"][1]
    page = reverse("claims:claim-detail", args=[link.claim_a_id])
    action = reverse("claims:link-review", args=[link.pk])
    version = form_on(sam.get(page).text, action=action)["version"]
    erin_form = form_on(erin.get(reverse("claims:review-links")).text, action=action, data_action="reject")
    assert erin.post(action, erin_form).status_code == 302
    response = sam.post(action, {"decision": "confirm", "relation": "contradicts", "version": version})
    assert response.status_code == 409
    link.refresh_from_db()
    assert link.status == "rejected" and link.reviewed_by.username == "erin"


# --- annotations -------------------------------------------------------------------------------------


@pytest.fixture
def annotation(article, editor):
    from claims.services.editing import annotation_create

    start = article.body.index("About 120 workers")
    return annotation_create(
        article=article,
        user=editor,
        start=start,
        end=start + len("About 120 workers"),
        quote="About 120 workers",
        note="check the figure",
        tags="figures",
    )


def test_annotation_edit_is_offered_on_the_reader_and_saves(editor_client, annotation):
    reader = editor_client.get(reverse("sources:article-detail", args=[annotation.article_id]))
    url = reverse("claims:annotation-edit", args=[annotation.pk])
    assert url in reader.text
    form = form_on(editor_client.get(url).text, id="annotation-edit")
    assert (form["version"], form["note"].strip(), form["tags"]) == ("1", "check the figure", "figures")
    before = changes(annotation)  # creating it with tags left a record of its own
    response = editor_client.post(url, {**form, "note": "confirmed by the port", "tags": "figures, port"})
    assert response.status_code == 302 and response["Location"].endswith(f"#n{annotation.pk}")
    annotation.refresh_from_db()
    assert annotation.note == "confirmed by the port"
    assert sorted(annotation.tags.values_list("name", flat=True)) == ["figures", "port"]
    last = annotation.history.first()
    assert last.history_user.username == "erin" and last.version == annotation.version == 2
    assert changes(annotation) == before + 1


def test_second_annotation_edit_is_refused_and_keeps_the_note(two_editors, annotation):
    erin, sam = two_editors
    before = changes(annotation)
    url = reverse("claims:annotation-edit", args=[annotation.pk])
    erin_form = form_on(erin.get(url).text, id="annotation-edit")
    sam_form = form_on(sam.get(url).text, id="annotation-edit")
    assert erin.post(url, {**erin_form, "note": "erin's note"}).status_code == 302
    second = sam.post(url, {**sam_form, "note": "sam's careful note", "tags": "port"})
    assert second.status_code == 409
    assert "This annotation was changed by erin at " in second.text and REFUSED in second.text
    kept = form_on(second.text, id="annotation-edit")
    assert kept["note"].strip() == "sam's careful note" and kept["tags"] == "port"
    assert "<td>sam&#x27;s careful note</td><td>erin&#x27;s note</td>" in second.text
    annotation.refresh_from_db()
    assert annotation.note == "erin's note"
    assert list(annotation.tags.values_list("name", flat=True)) == ["figures"]
    assert changes(annotation) == before + 1


def test_deleting_a_changed_annotation_is_refused_then_allowed(two_editors, annotation):
    erin, sam = two_editors
    url = reverse("claims:annotation-edit", args=[annotation.pk])
    delete = reverse("claims:annotation-delete", args=[annotation.pk])
    stale = form_on(sam.get(url).text, id="annotation-delete")
    erin_form = form_on(erin.get(url).text, id="annotation-edit")
    assert erin.post(url, {**erin_form, "note": "still needed"}).status_code == 302

    refused = sam.post(delete, stale)
    assert refused.status_code == 409 and "This annotation was changed by erin at " in refused.text
    assert Annotation.objects.filter(pk=annotation.pk, note="still needed").exists()
    fresh = form_on(refused.text, id="annotation-delete")
    assert fresh["version"] == "2"
    assert sam.post(delete, fresh).status_code == 302
    assert not Annotation.objects.filter(pk=annotation.pk).exists()
    gone = Annotation.history.filter(id=annotation.pk, history_type="-").get()
    assert gone.history_user.username == "sam"


def test_editing_an_annotation_someone_deleted_says_so(two_editors, annotation):
    erin, sam = two_editors
    url = reverse("claims:annotation-edit", args=[annotation.pk])
    sam_form = form_on(sam.get(url).text, id="annotation-edit")
    delete = form_on(erin.get(url).text, id="annotation-delete")
    assert erin.post(reverse("claims:annotation-delete", args=[annotation.pk]), delete).status_code == 302
    response = sam.post(url, {**sam_form, "note": "too late"})
    assert response.status_code == 409 and "This annotation was removed by erin at " in response.text
    assert not Annotation.objects.filter(pk=annotation.pk).exists()


def test_annotation_delete_without_version_is_refused(editor_client, annotation):
    response = editor_client.post(
        reverse("claims:annotation-delete", args=[annotation.pk]), {}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400 and "no valid version number" in response.json()["error"]
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_readers_cannot_edit_or_delete_annotations(reader_client, annotation):
    url = reverse("claims:annotation-edit", args=[annotation.pk])
    assert reader_client.get(url).status_code == 403
    assert reader_client.post(url, {"note": "x", "version": 1}).status_code == 403
    assert (
        reader_client.post(
            reverse("claims:annotation-delete", args=[annotation.pk]), {"version": 1}
        ).status_code
        == 403
    )
    annotation.refresh_from_db()
    assert annotation.note == "check the figure"


# --- machines moving the version on ------------------------------------------------------------------


def test_linking_an_article_makes_an_open_claim_form_stale(editor_client, article):
    from claims.services.linking import articles_link

    claim = quote_claim(article, "Two cargo ships", quantity_low=2, quantity_high=2)
    url = reverse("claims:claim-edit", args=[claim.pk])
    form = form_on(editor_client.get(url).text, id="claim-edit")
    articles_link(article_ids=[article.pk])  # places the article (and its claims) in an event
    claim.refresh_from_db()
    assert claim.event_id is not None and claim.version == int(form["version"]) + 1
    response = editor_client.post(url, {**form, "quantity_low": "3", "quantity_high": "3"})
    assert response.status_code == 409
    assert "This claim was changed by an automatic process" in response.text
    claim.refresh_from_db()
    assert claim.quantity_low == 2 and claim.review_status == "pending"


def test_an_extraction_rerun_makes_an_open_review_stale(editor_client, article):
    from claims.services.extraction import article_extract_claims

    article_extract_claims(article=article)
    claim = Claim.objects.filter(article=article, review_status="pending").order_by("id").first()
    action = reverse("claims:claim-review", args=[claim.pk])
    accept = form_on(editor_client.get(reverse("claims:review")).text, action=action, data_action="accept")
    article_extract_claims(article=article)  # a re-run refreshes the pending claims it finds again
    response = editor_client.post(action, accept, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert response.json()["error"].startswith("This claim was changed by an automatic process")
    claim.refresh_from_db()  # the same row, one version on
    assert claim.review_status == "pending" and claim.version == 2
    assert not Claim.objects.filter(article=article, review_status="accepted").exists()


def test_a_new_article_version_makes_an_open_annotation_form_stale(editor_client, annotation, article):
    from sources.services import article_store

    url = reverse("claims:annotation-edit", args=[annotation.pk])
    form = form_on(editor_client.get(url).text, id="annotation-edit")
    new = article_store(
        body="UPDATE: " + article.body,
        outlet=article.outlet,
        url=article.url,
        published_on=dt.date(2025, 3, 18),
    ).article
    annotation.refresh_from_db()
    assert annotation.article_id == new.pk and annotation.version == 2  # re-anchored onto the new text
    response = editor_client.post(url, {**form, "note": "a note on the old text"})
    assert response.status_code == 409 and "This annotation was changed by" in response.text
    annotation.refresh_from_db()
    assert annotation.note == "check the figure"


def test_bulk_accept_makes_an_open_edit_form_stale(two_editors, make_world):
    erin, sam = two_editors
    claim = make_world(4)["claims"][3][0]  # confidence 0.9
    url = reverse("claims:claim-edit", args=[claim.pk])
    form = form_on(sam.get(url).text, id="claim-edit")
    erin.post(reverse("claims:bulk-accept"), {"threshold": "0.85", "kind": "quantity", "confirmed": "yes"})
    response = sam.post(url, {**form, "quantity_low": "30", "quantity_high": "30"})
    assert response.status_code == 409 and "This claim was changed by erin at " in response.text
    claim.refresh_from_db()
    assert claim.review_status == "accepted" and claim.quantity_low != 30


def test_an_editor_link_on_an_existing_pair_makes_its_review_stale(two_editors, make_world):
    erin, sam = two_editors
    link = make_world(3)["links"][0]
    action = reverse("claims:link-review", args=[link.pk])
    stale = form_on(sam.get(reverse("claims:review-links")).text, action=action, data_action="reject")
    erin.post(
        reverse("claims:link-create", args=[link.claim_a_id]),
        {"other": link.claim_b_id, "relation": "contradicts", "rationale": "checked"},
    )
    assert sam.post(action, stale).status_code == 409
    link.refresh_from_db()
    assert (link.status, link.relation, link.version) == ("confirmed", "contradicts", 2)
    assert ClaimLink.objects.count() == 3


# --- a real race: two connections at once -----------------------------------------------------------


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs row locks across connections: run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_one_wins_one_is_refused(editor, second_editor, article):
    """Two threads, each with its own database connection, save the same claim from version 1 at once."""
    from django.db import connections

    from claims.services import editing as editorial

    claim = quote_claim(article, "Two cargo ships", quantity_low=2, quantity_high=2)
    start = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def save(user, value: float) -> None:
        try:
            mine = Claim.objects.get(pk=claim.pk)
            start.wait(timeout=60)
            editorial.claim_update(
                claim=mine,
                user=user,
                changes={"quantity_low": value, "quantity_high": value},
                expected_version=claim.version,
            )
            outcome[user.username] = "saved"
        except editorial.EditConflict as conflict:
            outcome[user.username] = conflict.message
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(editor, 5.0)),
        threading.Thread(target=save, args=(second_editor, 7.0)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winner = [name for name, result in outcome.items() if result == "saved"]
    loser = [result for result in outcome.values() if result != "saved"]
    assert len(winner) == 1 and len(loser) == 1, outcome
    assert loser[0].startswith(f"This claim was changed by {winner[0]} at ")
    claim.refresh_from_db()
    assert claim.quantity_low == {"erin": 5, "sam": 7}[winner[0]] and claim.version == 2
    assert changes(claim) == 1


def test_attaching_a_changed_claim_to_an_event_is_refused(two_editors, make_world):
    erin, sam = two_editors
    world = make_world(2)
    claim = world["claims"][1][0]
    page = reverse("claims:claim-detail", args=[claim.pk])
    action = reverse("claims:claim-event", args=[claim.pk])
    stale = form_on(sam.get(page).text, action=action)
    accept = form_on(erin.get(page).text, action=reverse("claims:claim-review", args=[claim.pk]))
    assert erin.post(reverse("claims:claim-review", args=[claim.pk]), accept).status_code == 302
    response = sam.post(action, {**stale, "event": ""})  # detach, on the page made before erin's decision
    assert response.status_code == 409 and "This claim was changed by erin at " in response.text
    claim.refresh_from_db()
    assert claim.event_id == world["event"].pk and claim.review_status == "accepted"


def test_an_admin_change_form_opened_before_an_editor_saved_is_refused(
    editor_client, article, django_user_model
):
    """The admin's change form carries the version it was opened on: saving it over an editor's newer
    change shows an error and keeps the editor's values; a form opened afresh saves."""
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("ada", "ada@example.org", "pw-ada-123"))
    claim = quote_claim(article, "Two cargo ships", quantity_low=2, quantity_high=2)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    opened = form_on(staff.get(url).text, id="claim_form")
    assert opened["opened_version"] == str(claim.version)

    edit_url = reverse("claims:claim-edit", args=[claim.pk])
    edit = form_on(editor_client.get(edit_url).text, id="claim-edit")
    assert (
        editor_client.post(edit_url, {**edit, "quantity_low": "3", "quantity_high": "3"}).status_code == 302
    )

    response = staff.post(url, {**opened, "counted": "ships (admin)"})
    assert response.status_code == 200 and "while you had it open; nothing was saved" in response.text
    claim.refresh_from_db()
    assert claim.quantity_low == 3 and claim.counted != "ships (admin)"

    again = form_on(staff.get(url).text, id="claim_form")
    assert staff.post(url, {**again, "counted": "ships (admin)"}).status_code == 302
    claim.refresh_from_db()
    assert claim.counted == "ships (admin)" and claim.quantity_low == 3 and claim.version == 3
