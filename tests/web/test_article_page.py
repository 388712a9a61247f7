"""The article page's compiled reads (claims.selectors.article_page) give what its querysets gave, and
its markup written in Python (claims.views.article_sections) is what the former template loops made,
byte for byte, for hostile and awkward data: markup and quotes in every text, a long quote with a
combining accent past the cut, tags, an orphaned note, a claim of each kind and review status, a
speaker and a mention, a correction note in the text, overlapping spans."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import selectors
from claims.models import Actor, Annotation, Event, Tag
from claims.selectors import article_page
from claims.views import article_sections
from sources import selectors as source_selectors
from sources.models import Article, Outlet
from sources.services import article_store
from tests.web.conftest import quote_claim

pytestmark = pytest.mark.django_db

HOSTILE = "<b>&\"'</b>"
LONG_QUOTE = "Cafe\u0301 " * 20  # a combining accent in every word: past 80 characters, cut by Truncator

BODY = (
    f"PORTVILLE - Some 40 ships {HOSTILE} were held on 3 May, the harbour office said. "
    f"Ada Quill said the crews were safe. A spokesman denied the closure. {LONG_QUOTE}. "
    "Correction: an earlier version misnamed the port. On Friday the port reopened."
)

# The loops of templates/sources/article_detail.html before they moved to Python, by section.
BEFORE = {
    "body": """{% for seg in segments %}{% if seg.kinds %}<mark class="{% for k in seg.kinds %}k-{{ k }} {% endfor %}" data-o="{{ seg.start }}"{% if seg.claim_ids %} data-claims="{{ seg.claim_ids|join:' ' }}"{% endif %}{% if seg.annotation_ids %} data-notes="{{ seg.annotation_ids|join:' ' }}"{% endif %}>{{ seg.text }}</mark>{% else %}<span data-o="{{ seg.start }}">{{ seg.text }}</span>{% endif %}{% endfor %}""",
    "claims": """{% for claim in claims %}
    <li class="{% if claim.review_status == 'rejected' %}rejected{% endif %}" data-claim="{{ claim.pk }}"><span class="kind k-{{ claim.kind }}">{{ claim.get_kind_display }}</span> <a href="{% url 'claims:claim-detail' claim.pk %}">{% include "claims/value.html" %}</a> <span class="status s-{{ claim.review_status }}">{{ claim.get_review_status_display }}</span></li>
  {% empty %}<li class="muted">No claims found in this article.</li>
  {% endfor %}""",
    "annotations": """{% for a in annotations %}
    <li id="n{{ a.pk }}"{% if a.orphaned %} class="orphaned"{% endif %}><q>{{ a.quote|truncatechars:80 }}</q> {{ a.note }}{% for t in a.tags.all %} <span class="tag">{{ t.name }}</span>{% endfor %}{% if a.claim %} · <a href="{% url 'claims:claim-detail' a.claim_id %}">claim {{ a.claim_id }}</a>{% endif %}<div class="muted small">{{ a.created_by }}, {{ a.created_at|date:"j M Y H:i" }}{% if a.orphaned %} · orphaned{% endif %}{% if can_edit %} · <a href="{% url 'claims:annotation-edit' a.pk %}">edit</a>{% endif %}</div></li>
  {% empty %}<li class="muted">No annotations yet.</li>
  {% endfor %}""",
    "options": """{% for claim in claims %}<option value="{{ claim.pk }}">{{ claim.pk }}: {{ claim.quote|truncatechars:50 }}</option>{% endfor %}""",
}


def rendered_before(name: str, **context) -> str:
    return Template(BEFORE[name]).render(Context(context))


@pytest.fixture
def hostile_article(editor) -> Article:
    """An article with a hostile outlet, title and texts, a claim of each kind and status, annotations
    with tags (one about a claim, one orphaned, one overlapping a claim), a correction note and an
    event, stored as the second version of its URL."""
    outlet = Outlet.objects.create(name=f"Post {HOSTILE}", domain="hostile.example")
    url = "https://hostile.example/ports"
    old = article_store(body="An earlier text about the port.", outlet=outlet, url=url, title="old").article
    Annotation.objects.create(
        article=old, start=3, end=10, quote="earlier", note=f"old {HOSTILE}", orphaned=True, created_by=editor
    )
    article = article_store(
        body=BODY, outlet=outlet, url=url, title=f"Ports {HOSTILE}", published_on=dt.date(2025, 5, 4)
    ).article
    assert article.version == 2
    start = BODY.index("Correction:")
    Article.objects.filter(pk=article.pk).update(
        notes=[{"start": start, "end": start + 48, "kind": "correction"}]
    )
    speaker = Actor.objects.create(name=f"Ada {HOSTILE} Quill", kind="person")
    ships = quote_claim(
        article, f"Some 40 ships {HOSTILE}", quantity_low=40, quantity_high=40, unit_class="ships"
    )
    quote_claim(article, "3 May", kind="date", review_status="rejected")
    quote_claim(
        article, "Ada Quill said the crews were safe", kind="statement", speaker=speaker, direct=False
    )
    quote_claim(
        article,
        "A spokesman denied the closure",
        kind="statement",
        speaker_mention=f"a spokesman {HOSTILE}",
        polarity="denied",
        review_status="accepted",
    )
    quote_claim(article, "On Friday", kind="date", date_value=None, date_precision="weekday", date_weekday=4)
    quote_claim(article, LONG_QUOTE.strip(), kind="statement", speaker_mention="x")
    author = get_user_model().objects.create_user(f"ed{HOSTILE}", password="x")
    first = Annotation.objects.create(
        article=article,
        claim=ships,
        start=ships.start + 5,
        end=ships.end + 10,
        quote=BODY[ships.start + 5 : ships.end + 10],
        note=f"note {HOSTILE}",
        created_by=author,
    )
    tags = [Tag.objects.create(name=name) for name in (f"z {HOSTILE}", "alpha", "m")]
    first.tags.add(tags[0], tags[1])
    long_start = BODY.index(LONG_QUOTE.strip())
    Annotation.objects.create(
        article=article,
        start=long_start,
        end=long_start + len(LONG_QUOTE.strip()),
        quote=LONG_QUOTE.strip(),
        note="",
        created_by=editor,
    ).tags.add(tags[2])
    Annotation.objects.create(
        article=article, start=0, end=9, quote="PORTVILLE", note="lost", orphaned=True, created_by=editor
    )
    Event.objects.create(title=f"Port {HOSTILE} closure", date=dt.date(2025, 5, 3)).articles.add(article)
    Event.objects.create(title="Undated").articles.add(article)
    return Article.objects.get(pk=article.pk)


def test_the_article_read_is_select_related_outlet(hostile_article):
    """Every field of the article (not its raw page) and of its outlet, also with no outlet; None for
    an unknown id or one past the id column's range."""
    bare = article_store(body="No outlet here: 2 ships docked.", title="").article
    for pk in (hostile_article.pk, bare.pk):
        expected = Article.objects.select_related("outlet").defer("original").get(pk=pk)
        got = article_page.article_for_page(pk)
        assert got is not None
        with CaptureQueriesContext(connection) as queries:
            for field in Article._meta.concrete_fields:
                if field.attname not in expected.get_deferred_fields():
                    assert getattr(got, field.attname) == getattr(expected, field.attname), field.name
            if expected.outlet is None:
                assert got.outlet is None
            else:
                for field in Outlet._meta.concrete_fields:
                    assert getattr(got.outlet, field.attname) == getattr(expected.outlet, field.attname)
        assert not queries.captured_queries
    assert article_page.article_for_page(10**12) is None and article_page.article_for_page(2**70) is None


def test_claims_notes_events_and_versions_are_the_querysets_rows(hostile_article):
    """The same claims (order, columns the page shows, speakers), annotations (author, tags in name
    order, claim), events and versions as the former querysets, without a query once read."""
    article = hostile_article
    orm_claims = list(article.claims.select_related("speaker").order_by("start", "id"))
    claims = article_page.article_claims(article)
    assert [c.pk for c in claims] == [c.pk for c in orm_claims] and len(claims) == 6
    with CaptureQueriesContext(connection) as queries:
        for got, want in zip(claims, orm_claims, strict=True):
            for name in article_page.CLAIM_FIELDS:
                assert getattr(got, name) == getattr(want, name), name
            assert (got.speaker.name if got.speaker else None) == (
                want.speaker.name if want.speaker else None
            )
            assert got.date_shown == want.date_shown
    assert not queries.captured_queries
    orm_notes = list(selectors.article_annotations(article))
    notes = article_page.article_notes(article)
    assert [
        (n.pk, n.start, n.end, n.quote, n.note, n.claim_id, n.orphaned, n.created_by, n.created_at, n.tags)
        for n in notes
    ] == [
        (
            a.pk,
            a.start,
            a.end,
            a.quote,
            a.note,
            a.claim_id,
            a.orphaned,
            str(a.created_by),
            a.created_at,
            tuple(t.name for t in a.tags.all()),
        )
        for a in orm_notes
    ]
    assert {n.note: n.tags for n in notes}[f"note {HOSTILE}"] == ("alpha", f"z {HOSTILE}")
    assert article_page.article_events(article) == [(e.pk, e.title) for e in article.events.all()[:20]]
    assert [(v.pk, v.version, v.created_at) for v in article_page.article_versions(article)] == [
        (v.pk, v.version, v.created_at) for v in source_selectors.article_versions(article)
    ]
    bare = article_store(body="No address: 3 ships.", title="t").article
    assert [v.pk for v in article_page.article_versions(bare)] == [bare.pk]


@pytest.mark.parametrize("can_edit", [False, True])
def test_the_sections_are_the_former_template_loops(hostile_article, can_edit):
    """Text pieces, claim index, annotation list and the claim menu: byte for byte the former loops'
    markup, rendered from the ORM's rows, for an editor and a reader; and for an empty article."""
    article = Article.objects.select_related("outlet").defer("original").get(pk=hostile_article.pk)
    orm_claims = list(article.claims.select_related("speaker").defer("search_vector").order_by("start", "id"))
    orm_notes = list(selectors.article_annotations(article))
    claims = article_page.article_claims(article)
    notes = article_page.article_notes(article)
    segments = source_selectors.article_segments(article, claims=orm_claims, annotations=orm_notes)
    assert any(seg.annotation_ids and seg.claim_ids for seg in segments)  # overlapping spans
    assert any("note" in seg.kinds for seg in segments)
    assert article_sections.body_html(
        source_selectors.article_segments(article, claims=claims, annotations=notes)
    ) == rendered_before("body", segments=segments)
    assert article_sections.claim_index_html(claims) == rendered_before("claims", claims=orm_claims)
    assert article_sections.notes_html(notes, can_edit=can_edit) == rendered_before(
        "annotations", annotations=orm_notes, can_edit=can_edit
    )
    assert article_sections.claim_options_html(claims) == rendered_before("options", claims=orm_claims)
    assert article_sections.claim_index_html([]) == rendered_before("claims", claims=[])
    assert article_sections.notes_html([], can_edit=can_edit) == rendered_before(
        "annotations", annotations=[], can_edit=can_edit
    )


def test_the_page_shows_every_section_escaped_and_edits_only_to_editors(
    client, editor, reader, hostile_article
):
    """The page itself: each section with its hostile text escaped; the edit links, the selection
    panel and the details form for an editor only; 404 for an unknown article."""
    url = reverse("sources:article-detail", args=[hostile_article.pk])
    escaped = "&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;"
    client.force_login(editor)
    page = client.get(url).text
    assert HOSTILE not in page  # no text unescaped
    for shown in (
        f"Post {escaped}",
        f"Ports {escaped}",
        f"Port {escaped} closure",
        f"note {escaped}",
        f'<span class="tag">z {escaped}</span>',
        f"ed{escaped}",
        f"a spokesman {escaped} (denies)",
        "<h2>Versions</h2>",
        f'Notes lost from earlier versions</h2><ul class="notes"><li class="orphaned"><q>earlier</q> old {escaped}',
        'id="selection-panel"',
        ">edit</a>",
        'name="details-title"',
        'id="id_quantity_low"',
    ):
        assert shown in page, shown
    client.force_login(reader)
    page = client.get(url).text
    assert f"note {escaped}" in page and f"Port {escaped} closure" in page
    for hidden in ('id="selection-panel"', ">edit</a>", 'name="details-title"'):
        assert hidden not in page, hidden
    assert client.get(reverse("sources:article-detail", args=[10**12])).status_code == 404


def test_the_selection_forms_widgets_are_kept_only_without_initial_values():
    """widgets_html keeps an unbound form's widget once per form class and field, but renders a field
    with an initial value every time (the details form shows each article's own title)."""
    from claims.forms import ArticleDetailsForm, ClaimFromSelectionForm
    from tracker.form_renderer import widgets_html

    form = ClaimFromSelectionForm()
    assert widgets_html(form) == {name: str(form[name]) for name in form.fields}
    assert widgets_html(ClaimFromSelectionForm()) == widgets_html(form)
    a = Article(title="First title", edit_version=1)
    b = Article(title=f"Second {HOSTILE}", edit_version=4)
    shown_a = widgets_html(ArticleDetailsForm.for_article(a))
    shown_b = widgets_html(ArticleDetailsForm.for_article(b))
    assert 'value="First title"' in shown_a["title"] and "Second &lt;b&gt;" in shown_b["title"]
    assert 'value="4"' in shown_b["edit_version"]
