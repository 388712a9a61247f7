"""The claim page's history rows and editors' menus written in Python (claims.views.claim_sections)
are the markup the former template loops made, byte for byte: hostile text in user names, values,
titles and labels; changed values that are zero, empty, dates, booleans and long texts with a
combining accent past the cut; events with and without a date, the claim's own event selected."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse

from claims import selectors
from claims.models import Event
from claims.selectors import claim_page
from claims.views import claim_sections

pytestmark = pytest.mark.django_db

HOSTILE = "<b>&\"'</b>"

# The loops of templates/claims/claim_detail.html before they moved to Python.
BEFORE = {
    "history": """{% for change in history %}
    <tr><td>{{ change.when|date:"j M Y H:i" }}</td><td>{{ change.who }}</td>
      <td>{{ change.kind }}{% for name, old, new in change.fields %}<div class="small"><strong>{{ name }}</strong>: {{ old|default:"—"|truncatechars:60 }} → {{ new|default:"—"|truncatechars:60 }}</div>{% endfor %}</td></tr>
  {% empty %}
    <tr><td colspan="3">No recorded history.</td></tr>
  {% endfor %}""",
    "links": """{% for pk, label in link_choices %}<option value="{{ pk }}">{{ label }}</option>{% empty %}<option value="">No claims of other articles to offer: search for one</option>{% endfor %}""",
    "events": """{% for pk, title, date in event_choices %}<option value="{{ pk }}"{% if pk == claim.event_id %} selected{% endif %}>{{ title }}{% if date %} ({{ date|date:"j M Y" }}){% endif %}</option>{% endfor %}""",
}


def rendered_before(name: str, **context) -> str:
    return Template(BEFORE[name]).render(Context(context))


def test_history_rows_are_the_former_loop(make_world):
    """Created and changed records by a hostile user and by the system, values set to zero, emptied,
    given a long text with combining accents, a date, a verdict label; and a claim with no history."""
    world = make_world(2)
    claim = world["claims"][0][0]
    user = get_user_model().objects.create_user(f"ed{HOSTILE}", password="x")
    steps = [
        {"quantity_low": 0.0, "unit": f"ships {HOSTILE}"},
        {"quantity_low": 12.5, "quantity_high": 12.5, "counted": "Cafe\u0301 " * 20},
        {"unit": "", "date_value": dt.date(2025, 3, 4), "quantity_approximate": True},
        {"verdict": "false", "verdict_note": f"why {HOSTILE}"},
    ]
    for index, changes in enumerate(steps):
        for name, value in changes.items():
            setattr(claim, name, value)
        claim._history_user = user if index % 2 == 0 else None
        claim.save()
    history = selectors.object_history(claim)
    assert len(history) == 5 and any(old == "" or new == "" for c in history for _, old, new in c.fields)
    assert claim_sections.history_html(history) == rendered_before("history", history=history)
    assert claim_sections.history_html([]) == rendered_before("history", history=[])


def test_menus_are_the_former_loops(make_world):
    """The link menu (and its line when empty) and the event menu with the claim's event selected,
    hostile titles and labels, events with and without a date."""
    world = make_world(4)
    claim = world["claims"][0][0]
    Event.objects.create(title=f"Fire {HOSTILE}", date=dt.date(2024, 12, 1))
    Event.objects.create(title=f"Undated {HOSTILE}")
    links = [*selectors.link_choices(claim), (10**9, f"Outlet {HOSTILE} · title: “quote”")]
    assert claim_sections.link_options_html(links) == rendered_before("links", link_choices=links)
    assert claim_sections.link_options_html([]) == rendered_before("links", link_choices=[])
    events = claim_page.event_choices(claim)
    assert claim.event_id in [pk for pk, _, _ in events] and any(date is None for _, _, date in events)
    assert claim_sections.event_options_html(events, claim.event_id) == rendered_before(
        "events", event_choices=events, claim=claim
    )


def test_editors_see_the_menus_and_readers_none(client, editor, reader, make_world):
    """The page offers the link and event menus (and the verdict form) to editors only; both see
    the history."""
    world = make_world(3)
    claim = world["claims"][0][0]
    url = reverse("claims:claim-detail", args=[claim.pk])
    client.force_login(editor)
    page = client.get(url).text
    for shown in ('id="id_link_other"', 'id="id_claim_event"', 'name="relation"', "<h2>History</h2>"):
        assert shown in page, shown
    client.force_login(reader)
    page = client.get(url).text
    assert "<h2>History</h2>" in page and "created" in page
    for hidden in ('id="id_link_other"', 'id="id_claim_event"', 'name="relation"', 'id="verdict-form"'):
        assert hidden not in page, hidden
