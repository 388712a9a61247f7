"""Stored and reflected XSS: hostile text stored through the real write paths never runs on any page.

Payloads go in through what users and files actually use: an uploaded HTML page and CSV (the import job
pages), sources.services, and the editors' forms (annotation, claim from a selection, claim edit, event,
link). Every page that shows them is then fetched signed in and tokenized: no injected script, event
handler, script URL or embedded element, the JSON-LD block still parses to the stored text, and the
payload is visible as text (so a page cannot pass by leaving the data out).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import lxml.html
import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Actor, Annotation, Claim, ClaimLink, Event, Tag
from sources.models import Article, ImportBatch, Outlet
from sources.services import article_store, outlet_get_or_create

from .html_safety import assert_clean, scan

pytestmark = pytest.mark.django_db


def payload(tag: str) -> str:
    """A string that runs script in every HTML context it could be pasted into unescaped."""
    return (
        f'{tag}<script>alert("{tag}")</script>"><img src=x onerror=alert("{tag}")>'
        f"'></textarea></title><svg onload=alert(1)></script><script>alert(2)</script>"
        f'<a href="javascript:alert(3)">{tag}</a><!--<script>'
    )


SHORT = '"><svg onload=alert(1)>'  # for fields of 50 characters


def page(tag: str) -> str:
    """An uploaded news page whose text and metadata carry payloads (as text: &lt;script&gt;...)."""
    from html import escape

    return f"""<!doctype html><html><head>
<title>{escape(payload("TITLE"))}</title>
<meta property="og:site_name" content="{escape("Evil " + SHORT + " Times")}">
<script>alert("a real script in the uploaded page")</script></head><body><article>
<h1>{escape(payload("TITLE"))}</h1>
<p>PORTVILLE - About 120 workers {escape(payload("BODYA"))} unloaded two cargo ships at the port on
Saturday, the harbour authority said in a statement to reporters.</p>
<p>\u201cWe expect them to leave {escape(payload("BODYB"))} on 2 April,\u201d said spokeswoman Ana Ruiz,
adding that the work had gone well for everyone at the port.</p>
<p onclick="alert(4)">Visitors were told to keep away from <a href="javascript:alert(5)">the cranes</a> until
Monday, officials added in their notice {tag}.</p>
</article></body></html>"""


def form_values(html: str, form_id: str) -> dict[str, str]:
    """The values a browser would submit from the form with this id (text inputs, selects, textareas)."""
    form = lxml.html.fromstring(html).get_element_by_id(form_id)
    return {k: v for k, v in form.form_values() if k != "csrfmiddlewaretoken"}


def selection(article: Article, quote: str) -> dict[str, object]:
    """The hidden fields the reader's script sends for a selection of `quote` in the article."""
    start = article.body.index(quote)
    end = start + len(quote)
    return {
        "start": start,
        "end": end,
        "quote": quote,
        "prefix": article.body[max(0, start - 32) : start],
        "suffix": article.body[end : end + 32],
    }


@pytest.fixture
def hostile(client, staff_editor, tmp_path):
    """Payloads stored through the import pages, the services and the editors' forms; returns the objects."""
    client.force_login(staff_editor)
    # 1. Upload: an HTML page and a CSV with a bad row, under a hostile file name.
    rows = io.StringIO()
    csv.writer(rows).writerows(
        [
            ["url", "title", "outlet", "body"],
            ["javascript:alert(1)//<script>alert(9)</script>", "x", "x", SHORT],
        ]
    )
    csv_text = rows.getvalue()
    response = client.post(
        reverse("imports:new"),
        {
            "files": [
                SimpleUploadedFile(f"{SHORT}.html", page("one").encode(), content_type="text/html"),
                SimpleUploadedFile(f"rows{SHORT}.csv", csv_text.encode(), content_type="text/csv"),
            ],
            "extract": "on",
            "skip_invalid": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.DONE, (batch.status, batch.message, batch.errors)
    imported = Article.objects.get(import_batch=batch)
    assert '<script>alert("BODYA")</script>' in imported.body
    assert imported.title.startswith("TITLE<script>")
    assert imported.outlet.name == "Evil " + SHORT + " Times"
    assert "a real script" not in imported.body and "alert(4)" not in imported.body

    # 2. Through sources.services: outlet, title, byline, a javascript: URL.
    outlet = outlet_get_or_create(name=payload("OUTLET")[:200])
    stored = article_store(
        body=f"BAYPORT - Some 300 people {payload('BODYC')} were evacuated on 15 March, police said.",
        outlet=outlet,
        url="javascript:alert(document.cookie)",
        title=payload("TITLE2"),
        byline=payload("BYLINE"),
        published_on=dt.date(2025, 3, 16),
        published_precision="day",
    ).article

    # 3. Annotation on a selection that starts and ends inside the payload's tags.
    quote = imported.body[
        imported.body.index('ipt>alert("BODYA")') : imported.body.index('onerror=alert("BODYA')
    ]
    response = client.post(
        reverse("claims:annotation-create", args=[imported.pk]),
        {**selection(imported, quote), "note": payload("NOTE"), "tags": f"<b>bold</b>, {SHORT}"},
    )
    assert response.status_code == 302
    annotation = Annotation.objects.get(note__startswith="NOTE")

    # 4. A statement claim from a selection, its speaker and role hostile; its quote ends inside </script>.
    begin = imported.body.index("expect them")
    quote = imported.body[begin : imported.body.index("<script>alert(2)", begin)]
    response = client.post(
        reverse("claims:claim-from-selection", args=[imported.pk]),
        {
            **selection(imported, quote),
            "kind": "statement",
            "speaker_name": payload("SPEAKER")[:200],
            "speaker_role": payload("ROLE"),
            "direct": "on",
        },
    )
    assert response.status_code == 302
    statement = Claim.objects.get(kind="statement", speaker__name__startswith="SPEAKER")

    # 5. A quantity claim on the services' article, then edited through the edit form.
    response = client.post(
        reverse("claims:claim-from-selection", args=[stored.pk]),
        {
            **selection(stored, "300 people"),
            "kind": "quantity",
            "quantity_low": "300",
            "unit_class": "people",
        },
    )
    assert response.status_code == 302
    quantity = Claim.objects.get(article=stored, kind="quantity", origin="editor")
    edit_url = reverse("claims:claim-edit", args=[quantity.pk])
    values = form_values(client.get(edit_url).content.decode(), "claim-edit")
    values.update(unit=payload("UNIT")[:100], unit_class=SHORT + "UC", counted=payload("COUNTED"))
    response = client.post(edit_url, values)
    assert response.status_code == 302, response.content.decode()[:3000]
    quantity.refresh_from_db()
    assert quantity.review_status == "edited" and quantity.counted.startswith("COUNTED")

    # 6. An event from the form, both claims attached to it.
    response = client.post(
        reverse("claims:event-create"),
        {
            "title": payload("EVENT"),
            "date": "2025-03-15",
            "place": payload("PLACE"),
            "summary": payload("SUMMARY"),
        },
    )
    assert response.status_code == 302
    event = Event.objects.get(title__startswith="EVENT")
    for claim in (statement, quantity):
        client.post(reverse("claims:claim-event", args=[claim.pk]), {"event": event.pk})
    assert Claim.objects.filter(event=event).count() == 2

    # 7. A link between the two articles' claims with a hostile rationale, and a suggested one.
    response = client.post(
        reverse("claims:link-create", args=[quantity.pk]),
        {"other": statement.pk, "relation": "contradicts", "rationale": payload("WHY")[:300]},
    )
    assert response.status_code == 302
    assert ClaimLink.objects.filter(rationale__startswith="WHY").exists()
    extracted = Claim.objects.filter(article=imported, origin="extracted", kind="quantity").first()
    assert extracted is not None, "the extractor found no quantity in the imported page"
    suggested = ClaimLink.objects.create(
        claim_a=extracted, claim_b=quantity, relation="corroborates", rationale=payload("SUGGEST")[:300]
    )

    # 8. Fact-check verdicts with a hostile note and a hostile source address on both claims.
    for claim in (statement, quantity):
        claim.refresh_from_db()
        response = client.post(
            reverse("claims:claim-verdict", args=[claim.pk]),
            {
                "verdict": "misleading",
                "note": payload("VNOTE"),
                "sources": 'https://x.example/"><script>alert(1)</script>',
                "version": claim.version,
            },
        )
        assert response.status_code == 302
    assert Claim.objects.filter(verdict="misleading").count() == 2
    return {
        "batch": batch,
        "imported": imported,
        "stored": stored,
        "outlet": outlet,
        "annotation": annotation,
        "statement": statement,
        "quantity": quantity,
        "extracted": extracted,
        "event": event,
        "suggested": suggested,
    }


def test_the_scanner_finds_what_a_browser_would_run():
    """The checker is not blind: each kind of injection is reported, escaped text is not."""
    bad = [
        "<p>x<script>alert(1)</script></p>",
        '<p title=""><img src=x onerror=alert(1)>"></p>',
        "<textarea></textarea><svg onload=alert(1)></textarea>",
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>',
        '<iframe src="https://evil.example/"></iframe>',
    ]
    for html in bad:
        assert scan(html).problems, html
    good = '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script type="application/ld+json">{"a": "\\u003C/script\\u003E"}</script>'
    scanned = scan(good)
    assert not scanned.problems and scanned.json_blocks == [{"a": "</script>"}]


def test_article_pages_escape_titles_bodies_outlets_and_highlights(client, hostile):
    imported, stored = hostile["imported"], hostile["stored"]
    html = client.get(reverse("sources:article-list")).content.decode()
    assert_clean(html, shows=["TITLE<script>", "TITLE2<script>", "Evil " + SHORT], where="article list")

    response = client.get(reverse("sources:article-detail", args=[imported.pk]))
    html = response.content.decode()
    assert_clean(
        html,
        shows=[
            'BODYA<script>alert("BODYA")</script>',
            "NOTE<script>",
            "<b>bold</b>",
            SHORT,
            "SPEAKER<script>",
        ],
        where="imported article reader",
    )
    # The highlights are spans cut at claim and annotation offsets, some inside the payload's tags:
    # the reader's text is still exactly the stored body, and the annotation's piece is marked.
    body = lxml.html.fromstring(html).get_element_by_id("article-body")
    assert body.text_content() == imported.body
    marked = [el for el in body.iter("mark") if "k-annotation" in el.get("class", "")]
    assert "".join(el.text_content() for el in marked).startswith('ipt>alert("BODYA")')
    assert all(
        set(el.attrib) <= {"class", "data-o", "data-claims", "data-notes"} for el in body.iterdescendants()
    )

    html = client.get(reverse("sources:article-detail", args=[stored.pk])).content.decode()
    assert_clean(html, shows=["BYLINE<script>", "BODYC<script>"], where="stored article reader")


def test_claim_pages_and_the_claimreview_json_ld(client, hostile):
    statement, quantity = hostile["statement"], hostile["quantity"]
    html = client.get(reverse("claims:claim-list")).content.decode()
    assert_clean(html, shows=["EVENT<script>", "Evil " + SHORT], where="claim list")

    for claim in (statement, quantity, hostile["extracted"]):
        html = client.get(reverse("claims:claim-detail", args=[claim.pk])).content.decode()
        scanned = assert_clean(html, shows=[claim.quote[:40]], where=f"claim {claim.pk}")
        claim.refresh_from_db()
        if claim.verdict:
            # The JSON-LD block parsed as JSON (nothing broke out of it) and carries the text unchanged.
            (review,) = (b for b in scanned.json_blocks if b.get("@type") == "ClaimReview")
            assert review["claimReviewed"] == claim.quote
            assert review["itemReviewed"]["appearance"]["headline"] == claim.article.title
            assert review["itemReviewed"]["appearance"]["publisher"]["name"] == claim.article.outlet.name
    assert "</script>" in statement.quote  # the JSON-LD case above really held a closing tag
    assert statement.speaker.name.startswith("SPEAKER<script>")

    html = client.get(reverse("claims:claim-detail", args=[statement.pk])).content.decode()
    assert_clean(
        html,
        shows=["SPEAKER<script>", "ROLE<script>", "WHY<script>", "EVENT<script>", "VNOTE<script>"],
        where="statement",
    )
    html = client.get(reverse("claims:claim-detail", args=[quantity.pk])).content.decode()
    assert_clean(html, shows=["UNIT<script>", "COUNTED<script>", SHORT + "UC"], where="quantity claim")
    html = client.get(reverse("claims:claim-edit", args=[quantity.pk])).content.decode()
    assert_clean(html, where="claim edit form")
    assert form_values(html, "claim-edit")["counted"] == quantity.counted

    response = client.get(reverse("claims:claim-claimreview", args=[statement.pk]))
    assert response["Content-Type"].startswith("application/ld+json")
    assert json.loads(response.content)["claimReviewed"] == statement.quote


def test_event_outlet_and_actor_pages(client, hostile):
    event, outlet = hostile["event"], hostile["outlet"]
    html = client.get(reverse("claims:event-list")).content.decode()
    assert_clean(html, shows=["EVENT<script>"], where="event list")
    html = client.get(reverse("claims:event-detail", args=[event.pk])).content.decode()
    assert_clean(
        html,
        shows=["EVENT<script>", "PLACE<script>", "SUMMARY<script>", "OUTLET<script>"],
        where="event page",
    )
    html = client.get(reverse("sources:outlet-list")).content.decode()
    assert_clean(html, shows=["OUTLET<script>", "Evil " + SHORT], where="outlet list")
    for o in (outlet, hostile["imported"].outlet):
        html = client.get(reverse("sources:outlet-detail", args=[o.pk])).content.decode()
        assert_clean(html, shows=[o.name[:30]], where=f"outlet {o.pk}")
    speaker = hostile["statement"].speaker
    html = client.get(reverse("claims:actor-list")).content.decode()
    assert_clean(html, shows=["SPEAKER<script>"], where="actor list")
    html = client.get(reverse("claims:actor-detail", args=[speaker.pk])).content.decode()
    assert_clean(html, shows=["SPEAKER<script>"], where="actor page")


def test_review_queues_and_import_pages(client, hostile):
    html = client.get(reverse("claims:review")).content.decode()
    assert_clean(html, shows=['BODYA<script>alert("BODYA")'], where="review queue")
    html = client.get(reverse("claims:review-links")).content.decode()
    assert_clean(html, shows=["SUGGEST<script>"], where="link queue")
    batch = hostile["batch"]
    html = client.get(reverse("imports:new")).content.decode()
    assert_clean(html, shows=[SHORT + ".html"], where="import page")
    html = client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert_clean(html, shows=[SHORT + ".html", "<script>alert(9)</script>"], where="import job page")
    response = client.get(reverse("imports:status", args=[batch.pk]))
    assert response["Content-Type"] == "application/json"
    response = client.get(reverse("imports:errors", args=[batch.pk]))
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]


def test_reflected_query_parameters_are_escaped(client, hostile):
    """Search boxes, filters and `next` put the query string back into the page: escaped."""
    evil = payload("QUERY")
    for name, params in [
        ("claims:claim-list", {"q": evil, "speaker_name": evil, "unit_class": SHORT, "sort": evil}),
        ("claims:actor-list", {"q": evil}),
        ("claims:review", {"kind": evil, "outlet": evil, "order": evil}),
        ("claims:review-links", {"page": evil}),
        ("sources:article-list", {"page": evil}),
        ("login", {"next": evil}),
        ("claims:claim-check", {"claim": evil, "outlet": evil}),
    ]:
        response = client.get(reverse(name), params)
        assert response.status_code == 200, name
        assert_clean(response.content.decode(), where=f"{name}?{params}")
    # The claim check runs the sentence against the stored (hostile) articles and shows it back.
    sentence = "About 120 workers unloaded two cargo ships at the port on Saturday " + SHORT
    html = client.get(reverse("claims:claim-check"), {"claim": sentence}).content.decode()
    assert_clean(html, shows=[sentence], where="claim check")
    html = client.get(reverse("claims:claim-edit", args=[hostile["quantity"].pk]), {"next": evil}).content
    assert_clean(html.decode(), where="claim edit ?next")
    assert form_values(html.decode(), "claim-edit")["next"] == evil  # kept as a value, never as markup


def test_api_and_exports_are_data_not_pages(client, hostile):
    """JSON and CSV answers carry the text raw, but never as HTML a browser would render."""
    for name in ("api:claim-list", "api:article-list", "api:event-list", "api:link-list"):
        response = client.get(reverse(name))
        assert response.status_code == 200 and response["Content-Type"] == "application/json", name
        assert response["X-Content-Type-Options"] == "nosniff"
    data = client.get(reverse("api:claim-detail", args=[hostile["statement"].pk])).json()
    assert data["quote"] == hostile["statement"].quote
    for name in ("claims:claim-export-csv", "claims:claim-export-json", "claims:link-export-json"):
        response = client.get(reverse(name))
        assert not response["Content-Type"].startswith("text/html"), name
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"UNIT<script>" in b"".join(response.streaming_content) or "link" in name


def test_admin_change_lists_and_forms(client, hostile, superuser):
    """Every registered model's change list (also searched for a payload) and change form, as a superuser."""
    client.force_login(superuser)
    models_shown = {Article: "TITLE", Outlet: "OUTLET", Claim: "BODYA", Event: "EVENT", Actor: "SPEAKER"}
    models_shown |= {Annotation: 'ipt>alert("BODYA")', Tag: SHORT, ClaimLink: "WHY"}
    seen = set()
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        response = client.get(changelist)
        assert response.status_code == 200, changelist
        html = response.content.decode()
        marker = models_shown.get(model)
        assert_clean(html, shows=[marker] if marker else [], where=changelist)
        if model_admin.search_fields:
            response = client.get(changelist, {"q": payload("SEARCH")})
            assert_clean(response.content.decode(), where=f"{changelist}?q=")
        for obj in model._default_manager.all()[:3]:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            html = client.get(change).content.decode()
            assert_clean(html, where=change)
            history = reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk])
            assert_clean(client.get(history).content.decode(), where=history)
        seen.add(model)
    assert set(models_shown) <= seen


def test_javascript_urls_are_not_links_anywhere(client, hostile):
    """An article URL that is not http(s) (the services accept any string) is shown as no link."""
    article = hostile["stored"]
    assert article.url.startswith("javascript:")
    html = client.get(reverse("sources:article-detail", args=[article.pk])).content.decode()
    doc = lxml.html.fromstring(html)
    hrefs = [a.get("href", "") for a in doc.iter("a")]
    assert not [h for h in hrefs if not re.match(r"^(/|#|\?|https?://)", h)], hrefs
    assert article.url in doc.text_content()  # shown as text, for the record
    # an http(s) URL still is a link
    ok = article_store(body="Another text.", url="https://example.org/a?b=1&c=2", title="ok").article
    doc = lxml.html.fromstring(client.get(reverse("sources:article-detail", args=[ok.pk])).content)
    assert "https://example.org/a?b=1&c=2" in [a.get("href") for a in doc.iter("a")]


def test_edit_conflict_pages_escape_both_sides(client, hostile):
    """A stale edit answers 409 with the editor's input beside the stored values: both escaped."""
    claim, annotation = hostile["quantity"], hostile["annotation"]
    edit_url = reverse("claims:claim-edit", args=[claim.pk])
    stale = form_values(client.get(edit_url).content.decode(), "claim-edit")
    fresh = {**stale, "counted": payload("STORED")[:300]}
    assert client.post(edit_url, fresh).status_code == 302
    response = client.post(edit_url, {**stale, "counted": payload("THEIRS")[:300]})
    assert response.status_code == 409
    assert_clean(
        response.content.decode(), shows=["STORED<script>", "THEIRS<script>"], where="claim conflict"
    )

    edit_url = reverse("claims:annotation-edit", args=[annotation.pk])
    html = client.get(edit_url).content.decode()
    assert_clean(html, shows=["NOTE<script>"], where="annotation edit")
    stale = form_values(html, "annotation-edit")
    assert client.post(edit_url, {**stale, "note": payload("NOTE2")}).status_code == 302
    response = client.post(edit_url, {**stale, "note": payload("NOTE3")})
    assert response.status_code == 409
    assert_clean(
        response.content.decode(), shows=["NOTE2<script>", "NOTE3<script>"], where="annotation conflict"
    )
