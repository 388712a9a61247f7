"""The event page reads top-down: agreed facts, conflicts side by side with confirm/reject, statements
by speaker, a timeline at the stored date precision; its query count does not grow with the event."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import ClaimLink
from claims.templatetags.dates import precise_date_text
from tests.event_world import build_event_world

pytestmark = pytest.mark.django_db


def test_precise_date_never_shows_more_than_is_known():
    """A month is "March 2025", a year "2016", a missing date "date not known"; a day keeps its day."""
    assert precise_date_text(dt.date(2025, 3, 1), "month") == "March 2025"
    assert precise_date_text(dt.date(2016, 1, 1), "year") == "2016"
    assert precise_date_text(dt.date(2025, 3, 7), "day") == "7 March 2025"
    assert precise_date_text(None, "unknown") == "date not known"


def test_event_page_sections_in_reading_order(editor_client):
    """Agreed facts, then each conflict with both passages, outlets, dates and rationale, then speakers."""
    world = build_event_world()
    response = editor_client.get(reverse("claims:event-detail", args=[world["event"].pk]))
    text = response.text
    order = [
        text.index(f'id="{name}"') for name in ("agreed", "conflicts", "speakers", "figures", "timeline")
    ]
    assert order == sorted(order)
    agreed = text[text.index('id="agreed"') : text.index('id="conflicts"')]
    assert "North Ledger, South Wire" in agreed and "disputed by another outlet" in agreed
    conflict = text[text.index('id="conflicts"') : text.index('id="speakers"')]
    link = world["conflict"]
    for expected in ("North Ledger", "East Daily", "40 homes against 75 homes"):
        assert expected in conflict
    assert 'Flood water reached <mark class="k-quantity">40 homes</mark> on Friday' in conflict
    assert "7 March 2025" in conflict and "8 March 2025" in conflict
    assert f'action="{reverse("claims:link-review", args=[link.pk])}"' in conflict
    assert 'value="confirm"' in conflict and 'value="reject"' in conflict
    speakers = response.context["comparison"].speakers
    assert [(s.speaker, len(s.claims)) for s in speakers] == [("Ada Quill", 2), ("Engineer Tom Brae", 1)]


def test_event_page_dates_at_their_precision(editor_client):
    """Month- and year-level dates are not shown as a first day; unknown dates say so."""
    world = build_event_world()
    text = editor_client.get(reverse("claims:event-detail", args=[world["event"].pk])).text
    timeline = text[text.index('id="timeline"') : text.index('id="articles"')]
    assert (
        ">2016</time>" in timeline and ">March 2025</time>" in timeline and ">7 March 2025</time>" in timeline
    )
    assert "1 Jan" not in text and "1 March 2025" not in text
    assert "Date not known" in timeline and "Friday, date not known" in timeline
    assert "West Gazette published" in timeline.split("Date not known")[1]


def test_reader_sees_conflicts_without_decision_buttons(reader_client):
    """Only someone who may review links gets the confirm/reject forms."""
    world = build_event_world()
    text = reader_client.get(reverse("claims:event-detail", args=[world["event"].pk])).text
    assert "40 homes against 75 homes" in text and 'value="confirm"' not in text


def test_confirm_on_the_event_page_goes_through_link_review_and_returns(editor_client, editor):
    """The conflict's confirm form changes the link in the database and comes back to the event."""
    world = build_event_world()
    link = world["conflict"]
    page = reverse("claims:event-detail", args=[world["event"].pk])
    response = editor_client.post(
        reverse("claims:link-review", args=[link.pk]),
        {"decision": "confirm", "version": link.version, "next": page + "#conflicts"},
    )
    assert response.status_code == 302 and response["Location"] == page + "#conflicts"
    link.refresh_from_db()
    assert link.status == ClaimLink.Status.CONFIRMED and link.reviewed_by == editor
    text = editor_client.get(page).text
    assert "status-confirmed" in text


def test_event_page_query_count_does_not_grow(editor_client, django_assert_max_num_queries):
    """Two events' pages, one with three times the outlets and claims, run the same bounded queries."""
    world = build_event_world()
    for other in (build_event_world(copy=1), build_event_world(copy=2)):
        world["event"].articles.add(*other["articles"])
    with django_assert_max_num_queries(12):
        response = editor_client.get(reverse("claims:event-detail", args=[world["event"].pk]))
    assert len(response.context["comparison"].rows) == 12


def test_event_list_shows_each_date_at_its_precision(reader_client):
    """A month-level event reads "March 2025" in the list, an undated one "date not known"."""
    from claims.models import Event

    build_event_world()
    Event.objects.create(title="Undated storm")
    text = reader_client.get(reverse("claims:event-list")).text
    assert "<td>March 2025</td>" in text and "<td>date not known</td>" in text
    assert "1 Mar 2025" not in text
