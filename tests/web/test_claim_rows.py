"""The claims list's rows, now written in Python (claims.views.claim_rows), are the markup the template
loop made: same links, same escaping, same marks, for awkward rows too (no outlet, no event, no date,
markup in every text, long titles)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from claims.models import Claim, ClaimLink, Event
from sources.models import Outlet
from sources.services import article_store
from tests.web.conftest import quote_claim

pytestmark = pytest.mark.django_db

# The row loop of templates/claims/claim_list.html before the rows moved to Python.
TEMPLATE_ROW = Template(
    """{% load dates %}{% for claim in claims %}
      <tr>
        <td><span class="kind k-{{ claim.kind }}">{{ claim.get_kind_display }}</span></td>
        <td title="{{ claim.quote }}"><a href="{{ claim.url }}">{{ claim.short_quote }}</a></td>
        <td title="{{ claim.value_text }}">{{ claim.value_text }}</td>
        <td title="{{ claim.article.outlet.name }} · {{ claim.article.title }}">{% if claim.outlet_url %}<a href="{{ claim.outlet_url }}">{{ claim.article.outlet.name }}</a>{% else %}—{% endif %} · <a href="{{ claim.article_url }}">{{ claim.short_title|default:"(untitled)" }}</a>{% if claim.article.published_on %} <span class="muted small">{{ claim.article.published_on|precise_date:claim.article.published_precision }}</span>{% endif %}</td>
        <td>{% if claim.event_url %}<a href="{{ claim.event_url }}" title="{{ claim.event.title }}">{{ claim.event.title|truncatechars:50 }}</a>{% else %}<span class="muted">—</span>{% endif %}</td>
        <td>{% if "corroborates" in claim.link_relations %}<span class="mark-ok" title="Corroborated">✓</span>{% endif %}{% if "contradicts" in claim.link_relations %}<span class="mark-bad" title="Contradicted">✗</span>{% endif %}</td>
        <td><span class="status s-{{ claim.review_status }}">{{ claim.get_review_status_display }}</span></td>
      </tr>
    {% endfor %}"""
)


def squeezed(html: str) -> str:
    """`html` without the whitespace between tags (the template's indentation)."""
    return re.sub(r">\s+<", "><", html).strip()


def awkward_claims() -> list[Claim]:
    """Claims whose rows exercise every branch: outlet or not, event or not, dated or not, links, markup."""
    odd = Outlet.objects.create(name='<Wharf & "Sons">', domain="wharf.example")
    event = Event.objects.create(
        title="A very long event title about a <b>harbour</b> fire that keeps going on and on", date=None
    )
    dated = article_store(
        body="PORTVILLE - Four <tugs> helped on 2 June, the harbour office said. Crews said all was calm.",
        outlet=odd,
        url="https://wharf.example/tugs",
        title="Tugs & <cranes>: a headline long enough to be cut short by the list's column width",
        published_on=dt.date(2025, 6, 3),
        published_precision="day",
    ).article
    undated = article_store(
        body="Two barges sank near the pier, a pilot said.",
        url="https://nowhere.example/barges",
        title="",
        published_on=None,
        published_precision="unknown",
    ).article
    rows = [
        quote_claim(dated, "Four <tugs>", unit_class="<tugs>", event=event, review_status="accepted"),
        quote_claim(dated, "2 June", kind="date", date_value=dt.date(2025, 6, 2)),
        quote_claim(dated, "all was calm", kind="statement", speaker_mention='the "chief" <pilot>'),
        quote_claim(undated, "Two barges", quantity_low=2, quantity_high=2, unit_class="barges"),
        quote_claim(undated, "a pilot said", kind="statement", polarity="denied"),
    ]
    a, b = rows[0], rows[3]
    ClaimLink.objects.create(claim_a=a, claim_b=b, relation="corroborates", confidence=0.9, rationale="r")
    ClaimLink.objects.create(
        claim_a=a, claim_b=rows[1], relation="contradicts", confidence=0.9, rationale="r"
    )
    ClaimLink.objects.create(
        claim_a=rows[1], claim_b=b, relation="contradicts", confidence=0.9, status="rejected", rationale="r"
    )
    return rows


def test_rows_written_in_python_are_the_template_rows(reader_client):
    """The list page's rows equal what the old template loop renders for the same prepared claims."""
    awkward_claims()
    response = reader_client.get(reverse("claims:claim-list"))
    claims = response.context["claims"]
    assert len(claims) == 5
    expected = squeezed(TEMPLATE_ROW.render(Context({"claims": claims})))
    assert squeezed(str(response.context["rows_html"])) == expected
    assert expected in squeezed(response.text)


def test_rows_escape_every_text_and_mark_links(reader_client):
    """Markup stored in outlet names, titles, quotes and event titles is shown as text, never as tags;
    a live corroboration and contradiction are marked, a rejected link is not."""
    rows = awkward_claims()
    text = reader_client.get(reverse("claims:claim-list")).text
    for raw in ("<tugs>", "<cranes>", "<b>harbour</b>", '<Wharf & "Sons">', "<pilot>"):
        assert raw not in text
    assert "&lt;Wharf &amp; &quot;Sons&quot;&gt;" in text and "&lt;b&gt;harbour&lt;/b&gt;" in text
    body = squeezed(text)
    first = re.search(rf'<tr><td>[^\n]*?href="/claims/{rows[0].pk}/"[^\n]*?</tr>', body).group(0)
    assert "mark-ok" in first and "mark-bad" in first
    barge = re.search(rf'<tr><td>[^\n]*?href="/claims/{rows[3].pk}/"[^\n]*?</tr>', body).group(0)
    assert "mark-ok" in barge and "mark-bad" not in barge  # its contradiction was rejected
    assert "(untitled)" in barge and "3 June 2025" in first


def test_outlet_options_mark_only_the_chosen_outlet_and_follow_changed_choices():
    """The outlet menu's options are kept between requests: the chosen id (and only it) is marked, a
    value that is no outlet's id marks nothing, and changed choices are written again."""
    from claims.views.claim_rows import options_html

    choices = [(3, "Tide & Sons"), (12, 'The "Harbour" <Gazette>'), (31, "Ridge Post")]
    html = str(options_html(choices, "12"))
    assert html == (
        '<option value="3">Tide &amp; Sons</option>'
        '<option value="12" selected>The &quot;Harbour&quot; &lt;Gazette&gt;</option>'
        '<option value="31">Ridge Post</option>'
    )
    assert html.count("selected") == 1
    for not_an_id in ("1", "012", '12">', "", "Ridge Post"):
        assert "selected" not in str(options_html(choices, not_an_id)), not_an_id
    renamed = [(3, "Tide and Sons"), *choices[1:]]
    assert str(options_html(renamed, "3")).startswith('<option value="3" selected>Tide and Sons</option>')
    assert "Tide &amp; Sons" not in str(options_html(renamed, ""))


def awkward_statements() -> list[Claim]:
    """Statements whose speaker, mention and unit carry markup, and date claims at every precision a
    row shows differently (a month, a year, a day with no year, a weekday, a relative date)."""
    from claims.models import Actor

    speaker = Actor.objects.create(name="Ana <i>Reyes</i> & Co", kind="person")
    article = article_store(
        body=(
            'On Monday, the <minister> said "all 40 <boats> are back" in March 2024. '
            "Last year on 5 May it rained in 2023, and a week ago it stopped."
        ),
        url="https://hostile.example/boats",
        title="Boats & <storms>",
        published_on=dt.date(2025, 3, 1),
        published_precision="month",
    ).article
    return [
        quote_claim(article, "all 40 <boats> are back", kind="statement", speaker=speaker),
        quote_claim(article, "the <minister> said", kind="statement", speaker_mention="the <minister>"),
        quote_claim(
            article,
            "40 <boats>",
            quantity_low=38,
            quantity_high=42,
            unit="<boats>",
            unit_class="",
            quantity_approximate=True,
            quantity_direction=">",
        ),
        quote_claim(
            article, "March 2024", kind="date", date_value=dt.date(2024, 3, 1), date_precision="month"
        ),
        quote_claim(article, "in 2023", kind="date", date_value=dt.date(2023, 1, 1), date_precision="year"),
        quote_claim(
            article,
            "5 May",
            kind="date",
            date_value=None,
            date_precision="day-no-year",
            date_month=5,
            date_day=5,
        ),
        quote_claim(
            article, "On Monday", kind="date", date_value=None, date_precision="weekday", date_weekday=0
        ),
        quote_claim(
            article,
            "a week ago",
            kind="date",
            date_value=None,
            date_precision="relative",
            date_expression="a week ago",
            date_approximate=True,
        ),
    ]


def test_listed_rows_hold_what_the_claims_hold():
    """Every column a list row reads (claims.selectors.listing) is the stored claim's, and so are its
    article, outlet, speaker and event, its displays and its date as pages show it: a column read into
    the wrong attribute (the query's columns out of order) fails here."""
    from claims.selectors.listing import CLAIM_COLUMNS, listed_by_id, listed_claims

    stored = awkward_claims() + awkward_statements()
    by_id = listed_by_id([claim.pk for claim in stored])
    in_order = list(listed_claims(Claim.objects.order_by("-id")))
    assert [row.pk for row in in_order] == sorted(by_id, reverse=True)
    for claim in Claim.objects.select_related("article__outlet", "speaker", "event"):
        row = by_id[claim.pk]
        for name in CLAIM_COLUMNS:
            assert getattr(row, name) == getattr(claim, name), name
        article = claim.article
        assert (row.article.pk, row.article.title, row.article.outlet_id) == (
            article.pk,
            article.title,
            article.outlet_id,
        )
        assert (row.article.published_on, row.article.published_precision) == (
            article.published_on,
            article.published_precision,
        )
        assert (row.article.outlet.name if row.article.outlet else None) == (
            article.outlet.name if article.outlet else None
        )
        assert (row.speaker.name if row.speaker else None) == (claim.speaker.name if claim.speaker else None)
        assert (row.event.title if row.event else None) == (claim.event.title if claim.event else None)
        assert row.date_shown == claim.date_shown
        assert row.get_kind_display() == claim.get_kind_display()
        assert row.get_review_status_display() == claim.get_review_status_display()


def test_hostile_speakers_units_and_dates_are_escaped_and_shown_as_stored(reader_client):
    """A speaker's name, a mention and a unit with markup are shown as text in the row; a date claim
    at each precision shows what the claim page shows; the rows equal the old template's."""
    stored = awkward_statements()
    response = reader_client.get(reverse("claims:claim-list"))
    text = response.text
    for raw in ("<i>Reyes</i>", "<minister>", "<boats>", "<storms>"):
        assert raw not in text
    assert "Ana &lt;i&gt;Reyes&lt;/i&gt; &amp; Co" in text and "the &lt;minister&gt;" in text
    assert "&lt;boats&gt;" in text and "Boats &amp; &lt;storms&gt;" in text
    for phrase in ("March 2024", "2023", "5 May, year not known", "Monday, date not known", "a week ago"):
        assert phrase in text, phrase
    expected = squeezed(TEMPLATE_ROW.render(Context({"claims": response.context["claims"]})))
    assert squeezed(str(response.context["rows_html"])) == expected
    assert len(response.context["claims"]) == len(stored)


@pytest.mark.parametrize(
    ("query", "cap"),
    [
        ({}, 1),  # the whole table from a cursor: rows and marks in one read
        ({}, 2000),  # a small result (every id read): the page by id
        ({"outlet": "mine"}, 2000),
        ({"sort": "published"}, 1),  # a joined sort: keys first, then the rows by id
        ({"kind": "quantity"}, 1),  # a large filtered result: the same
    ],
)
def test_link_marks_come_with_the_rows_on_every_path(reader_client, monkeypatch, query, cap):
    """Whether the page is read from a cursor, by its ids (a small result) or by its keys then its rows
    (a large filtered or joined-sort result), the rows bring their link marks: no query of the links
    table of its own, and the marks are right."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker import paging

    rows = awkward_claims()
    if query.get("outlet") == "mine":
        query = {"outlet": str(rows[0].article.outlet_id)}
    monkeypatch.setattr(paging, "ID_CAP", cap)
    with CaptureQueriesContext(connection) as captured:
        response = reader_client.get(reverse("claims:claim-list"), query)
    assert response.status_code == 200
    assert not any(q["sql"].startswith('SELECT "claims_claimlink"') for q in captured.captured_queries)
    listed = {claim.pk: claim.link_relations for claim in response.context["claims"]}
    expected = {
        rows[0].pk: {"corroborates", "contradicts"},
        rows[1].pk: {"contradicts"},
        rows[3].pk: {"corroborates"},
    }
    assert listed and all(relations == expected.get(pk, set()) for pk, relations in listed.items())
    assert any(listed.values())
