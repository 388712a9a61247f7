"""The review queues' markup is what the templates' loops made before the menus were written in Python
and the links built by `page_url`: the outlet and event menus, and every queue item, for awkward rows
(markup and quotes in names and titles, long titles, no outlet, a menu choice selected)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from claims.models import ClaimLink, Event
from sources.models import Outlet
from sources.services import article_store
from tests.web.conftest import quote_claim

pytestmark = pytest.mark.django_db

# templates/claims/review_queue.html and review_links.html before: the menus' loops and the item loops.
OUTLET_MENU = Template(
    """{% for o in outlets %}<option value="{{ o.pk }}"{% if o.pk == outlet_id %} selected{% endif %}>{{ o.name }}</option>{% endfor %}"""
)
EVENT_MENU = Template(
    """{% for e in events %}<option value="{{ e.pk }}"{% if e.pk == event_id %} selected{% endif %}>{{ e.title|truncatechars:60 }}</option>{% endfor %}"""
)
CLAIM_ITEMS = Template(
    """{% for claim in items %}
  <li class="queue-item" tabindex="-1" data-id="{{ claim.pk }}" id="q{{ claim.pk }}">
    <div class="q-head"><span class="kind k-{{ claim.kind }}">{{ claim.get_kind_display }}</span>
      <span class="muted small">confidence {{ claim.confidence|floatformat:2|default:"—" }} · {{ claim.article.outlet.name|default:"unknown outlet" }} · <a href="{% url 'sources:article-detail' claim.article_id %}#c{{ claim.pk }}">{{ claim.article.title|default:"(untitled)"|truncatechars:60 }}</a></span></div>
    <p class="q-quote">{% if claim.sentence %}{{ claim.sentence.before }}<mark>{{ claim.sentence.span|truncatechars:300 }}</mark>{{ claim.sentence.after }}{% else %}“{{ claim.quote|truncatechars:300 }}”{% endif %}</p>
    <p class="q-value">{% include "claims/value.html" %}{% if claim.kind == "statement" and claim.speaker_role %}, {{ claim.speaker_role }}{% endif %}</p>
    <div class="q-actions">
      <form method="post" action="{% url 'claims:claim-review' claim.pk %}" class="inline" data-action="accept">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}"><input type="hidden" name="decision" value="accept"><input type="hidden" name="version" value="{{ claim.version }}"><button type="submit">Accept <kbd>a</kbd></button></form>
      <a class="button" data-action="edit" href="{% url 'claims:claim-edit' claim.pk %}?next={{ request.get_full_path|urlencode }}">Edit <kbd>e</kbd></a>
      <form method="post" action="{% url 'claims:claim-review' claim.pk %}" class="inline" data-action="reject">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}"><input type="hidden" name="decision" value="reject"><input type="hidden" name="version" value="{{ claim.version }}"><button type="submit" class="danger">Reject <kbd>r</kbd></button></form>
      <a class="small" href="{% url 'claims:claim-detail' claim.pk %}">details</a>
      <span class="q-done" aria-live="polite"></span>
    </div>
  </li>
{% empty %}
  <li class="empty">Nothing left to review here.</li>
{% endfor %}"""
)
LINK_SIDE = """<div class="side"><span class="muted small">{{ claim.article.outlet.name|default:"unknown outlet" }} · <a href="{% url 'sources:article-detail' claim.article_id %}#c{{ claim.pk }}">{{ claim.article.title|default:"(untitled)"|truncatechars:70 }}</a>{% if claim.article.published_on %} · {{ claim.article.published_on|precise_date:claim.article.published_precision }}{% endif %}</span><p><a href="{% url 'claims:claim-detail' claim.pk %}">“{{ claim.quote|truncatechars:220 }}”</a></p><p class="small">{% include "claims/value.html" %}</p></div>"""
LINK_ITEMS = Template(
    """{% load dates %}{% for link in items %}
  <li class="queue-item" tabindex="-1" data-id="{{ link.pk }}" id="l{{ link.pk }}">
    <div class="q-head"><strong class="rel-{{ link.relation }}">{% if link.relation == "corroborates" %}✓ Corroborates{% else %}✗ Contradicts{% endif %}</strong>
      <span class="muted small">confidence {{ link.confidence|floatformat:2|default:"—" }}</span></div>
    {% if link.rationale %}<p class="small">Why: {{ link.rationale }}</p>{% endif %}
    <div class="pair">
      {% with claim=link.claim_a %}"""
    + LINK_SIDE
    + """{% endwith %}
      {% with claim=link.claim_b %}"""
    + LINK_SIDE
    + """{% endwith %}
    </div>
    <div class="q-actions">
      <form method="post" action="{% url 'claims:link-review' link.pk %}" class="inline" data-action="accept">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}"><input type="hidden" name="decision" value="confirm"><input type="hidden" name="version" value="{{ link.version }}">
        <label class="small">as <select name="relation" data-action="edit"><option value="">suggested</option><option value="corroborates">corroborates</option><option value="contradicts">contradicts</option></select></label>
        <button type="submit">Confirm <kbd>a</kbd></button></form>
      <form method="post" action="{% url 'claims:link-review' link.pk %}" class="inline" data-action="reject">{% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}"><input type="hidden" name="decision" value="reject"><input type="hidden" name="version" value="{{ link.version }}"><button type="submit" class="danger">Reject <kbd>r</kbd></button></form>
      <span class="q-done" aria-live="polite"></span>
    </div>
  </li>
{% empty %}
  <li class="empty">No suggested links waiting.</li>
{% endfor %}"""
)


def section(html: str, start: str, end: str) -> str:
    """The page's text from the first `start` to the next `end` (both excluded)."""
    _, found, rest = html.partition(start)
    assert found, start
    return rest.partition(end)[0]


@pytest.fixture
def awkward():
    """Outlets, events and pending claims and links whose markup exercises the menus and items."""
    odd = Outlet.objects.create(name='<Quay & "Sons">', domain="quay.example")
    plain = Outlet.objects.create(name="Albion Courier", domain="albion.example")
    Outlet.objects.create(name="zeta weekly", domain="zeta.example")
    long_event = Event.objects.create(
        title="A very long event title about a <b>harbour</b> fire & the \u201cnight\u201d that kept going on"
    )
    events = [Event.objects.create(title=title) for title in ("harbour strike", "Bridge closure", "apron")]
    dated = article_store(
        body="DOCKTON - Six <cranes> stopped on 4 July, the port said. The manager said all was calm.",
        outlet=odd,
        url="https://quay.example/cranes",
        title="Cranes & <hooks>: a headline long enough to be cut short by the queue's seventy characters",
        published_on=dt.date(2025, 7, 5),
        published_precision="day",
    ).article
    undated = article_store(
        body="Three tugs waited near the pier, a pilot said.",
        url="https://nowhere.example/tugs",
        title="",
        published_on=None,
        published_precision="unknown",
    ).article
    plain_article = article_store(
        body="Six cranes stopped at the port, a clerk said.",
        outlet=plain,
        url="https://albion.example/cranes",
        title="Cranes stop",
        published_on=dt.date(2025, 7, 4),
        published_precision="month",
    ).article
    claims = [
        quote_claim(dated, "Six <cranes>", unit_class="<cranes>", confidence=0.91),
        quote_claim(dated, "4 July", kind="date", date_value=dt.date(2025, 7, 4), confidence=None),
        quote_claim(
            dated, "all was calm", kind="statement", speaker_mention='the "chief"', speaker_role="<manager>"
        ),
        quote_claim(undated, "Three tugs", quantity_low=3, quantity_high=3, unit_class="tugs"),
        quote_claim(undated, "a pilot said", kind="statement", polarity="denied"),
        quote_claim(plain_article, "Six cranes", quantity_low=6, quantity_high=6, unit_class="cranes"),
    ]
    ClaimLink.objects.create(
        claim_a=claims[0],
        claim_b=claims[5],
        relation="corroborates",
        confidence=0.9,
        rationale="<same> & six",
    )
    ClaimLink.objects.create(
        claim_a=claims[1], claim_b=claims[3], relation="contradicts", confidence=None, rationale="r"
    )
    ClaimLink.objects.create(
        claim_a=claims[2], claim_b=claims[4], relation="contradicts", confidence=0.4, rationale="r"
    )
    return {"outlets": [odd, plain], "events": [long_event, *events]}


def masked(html: str) -> str:
    """`html` with every CSRF token's value replaced by one placeholder."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken" value="-"', html)


def old_render(template: Template, response, **extra) -> str:
    context = {
        "items": response.context["items"],
        "request": response.wsgi_request,
        "csrf_token": str(response.context["csrf_token"]),
        **extra,
    }
    return template.render(Context(context))


@pytest.mark.parametrize(
    "query", ["", "?outlet={odd}&order=low", "?outlet={plain}&kind=quantity", "?outlet=99999"]
)
def test_the_claim_queue_writes_the_markup_the_template_loops_wrote(editor_client, awkward, query):
    odd, plain = awkward["outlets"]
    response = editor_client.get(reverse("claims:review") + query.format(odd=odd.pk, plain=plain.pk))
    page = response.text
    outlet_id = response.context["outlet_id"]
    outlets = Outlet.objects.only("id", "name").order_by("name")
    assert section(page, '<select name="outlet"><option value="">Any</option>', "</select>") == old_render(
        OUTLET_MENU, response, outlets=outlets, outlet_id=outlet_id
    )
    # The items' forms carry a CSRF token of their own (masked anew at each read of the secret)
    assert masked(section(page, '<ol class="queue" data-queue="claims">\n', "\n</ol>")) == masked(
        old_render(CLAIM_ITEMS, response)
    )
    assert len(response.context["items"]) == (
        0
        if query.endswith("99999")
        else 1
        if "kind" in query
        else 3
        if odd.pk == response.context["outlet_id"]
        else 6
    )


@pytest.mark.parametrize(
    "query", ["", "?event={event}", "?event={event}&outlet={odd}", "?event=99999&outlet=99999"]
)
def test_the_link_queue_writes_the_markup_the_template_loops_wrote(editor_client, awkward, query):
    odd, _ = awkward["outlets"]
    response = editor_client.get(
        reverse("claims:review-links") + query.format(event=awkward["events"][0].pk, odd=odd.pk)
    )
    page = response.text
    events = sorted(Event.objects.only("id", "title").order_by("-id")[:200], key=lambda e: e.title.lower())
    outlets = Outlet.objects.only("id", "name").order_by("name")
    ids = {"event_id": response.context["event_id"], "outlet_id": response.context["outlet_id"]}
    assert section(page, '<select name="event"><option value="">Any</option>', "</select>") == old_render(
        EVENT_MENU, response, events=events, **ids
    )
    assert section(page, '<select name="outlet"><option value="">Any</option>', "</select>") == old_render(
        OUTLET_MENU, response, outlets=outlets, **ids
    )
    assert masked(section(page, '<ol class="queue" data-queue="links">\n', "\n</ol>")) == masked(
        old_render(LINK_ITEMS, response)
    )


def test_the_menus_mark_the_chosen_outlet_and_event_and_follow_renames(editor_client, awkward):
    """The selected choice is marked in the written menus, and a renamed outlet or a new event shows on
    the next page (the written options are not kept past a change)."""
    odd, _ = awkward["outlets"]
    event = awkward["events"][1]
    url = reverse("claims:review-links") + f"?event={event.pk}&outlet={odd.pk}"
    page = editor_client.get(url).text
    assert f'<option value="{event.pk}" selected>harbour strike</option>' in page
    assert f'<option value="{odd.pk}" selected>&lt;Quay &amp; &quot;Sons&quot;&gt;</option>' in page
    odd.name = "Quay and Sons"
    odd.save()
    Event.objects.create(title="Crane collapse")
    page = editor_client.get(url).text
    assert f'<option value="{odd.pk}" selected>Quay and Sons</option>' in page
    assert ">Crane collapse</option>" in page
    assert len(re.findall(r" selected>", section(page, '<select name="event">', "</select>"))) == 1


def test_a_page_of_links_gets_both_claims_in_one_query_and_loses_a_link_whose_claim_went(
    awkward, django_assert_num_queries
):
    """The link queue's claims are read after its page of links: both sides set from one query, and a
    link whose claim was deleted in between (its link deleted with it) is left off the page."""
    from claims import selectors

    links = list(selectors.review_links())
    assert len(links) == 3
    gone = next(link for link in links if link.confidence == 0.4)
    gone.claim_a.delete()
    with django_assert_num_queries(1):
        kept = selectors.with_link_sides(links)
        shown = {link.claim_a.quote: link.claim_b.article.outlet for link in kept}
    assert [link.pk for link in kept] == [link.pk for link in links if link is not gone]
    assert shown == {"Six <cranes>": awkward["outlets"][1], "4 July": None}


def test_a_claim_without_its_sentence_shows_its_quote_as_the_template_did(
    editor_client, awkward, monkeypatch
):
    """When a claim's sentence cannot be read (its span past the text), the item quotes the claim."""
    from claims import selectors

    monkeypatch.setattr(selectors, "sentences_of", lambda claims: {})
    response = editor_client.get(reverse("claims:review") + "?order=low")
    items = section(response.text, '<ol class="queue" data-queue="claims">\n', "\n</ol>")
    assert "<mark>" not in items and "\u201cSix &lt;cranes&gt;\u201d" in items
    assert masked(items) == masked(old_render(CLAIM_ITEMS, response))
