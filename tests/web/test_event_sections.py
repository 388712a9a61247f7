"""The event page's rows written in Python (claims.views.event_sections) are the markup its template
loops made, byte for byte: same links, same escaping, same truncation, for hostile and awkward data
(markup and quotes in every text, long quotes, no outlet, no date, statements without a speaker)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.template import Context, Template

from claims.models import Actor, Event
from claims.selectors.event_table import event_comparison
from claims.views import event_sections
from sources.models import Article, Outlet
from tests.event_world import build_event_world

pytestmark = pytest.mark.django_db

LOAD = "{% load chart_numbers claim_values dates page_urls polarity %}"

# The loops of templates/claims/event_detail.html before its rows moved to Python, by section.
BEFORE = {
    "agreed": """{% for fact in comparison.agreed %}
  <div class="agreed{% if fact.disputed %} disputed{% endif %}">
    <p class="agreed-value"><span class="kind k-{{ fact.claims.0.kind }}">{{ fact.label }}</span> {% with claim=fact.claims.0 %}{% if claim.kind == "statement" %}{{ claim.speaker.name|default:claim.speaker_mention|default:"Unnamed speaker" }}: “{{ claim.quote|truncatechars:160 }}”{{ claim.polarity|polarity_badge }}{% elif claim.kind == "date" %}{{ claim|claim_date }}{% else %}{% claim_value claim %}{% endif %}{% endwith %}{% if fact.disputed %} <a class="badge disputed" href="#conflicts">disputed by another outlet</a>{% endif %}</p>
    <p class="small muted">Reported by {{ fact.outlets|join:", " }} ({{ fact.claims|length }} claims: {% for claim in fact.claims %}<a href="{{ claim.pk|page_url:"claims:claim-detail" }}">{{ claim.article.outlet.name|default:"unknown outlet" }}</a>{% if not forloop.last %}, {% endif %}{% endfor %})</p>
  </div>
{% empty %}<p class="muted">No fact is yet corroborated by two outlets.</p>
{% endfor %}""",
    "speakers": """{% for group in comparison.speakers %}
  <h3 class="speaker">{% if group.actor_id %}<a href="{{ group.actor_id|page_url:"claims:actor-detail" }}">{{ group.speaker }}</a>{% else %}{{ group.speaker }}{% endif %} <span class="muted small">{{ group.claims|length }} statement{{ group.claims|length|pluralize }}</span></h3>
  <ul class="statements">{% for claim in group.claims %}
    <li><a href="{{ claim.pk|page_url:"claims:claim-detail" }}">“{{ claim.quote|truncatechars:200 }}”</a>{{ claim.polarity|polarity_badge }} <span class="muted small">{{ claim.article.outlet.name|default:"unknown outlet" }} · {{ claim.article.published_on|precise_date:claim.article.published_precision }}</span></li>
  {% endfor %}</ul>
{% empty %}<p class="muted">No statements.</p>
{% endfor %}""",
    "figure_rows": """{% for row in comparison.rows %}
    <tr><th scope="row">{% if row.outlet_id %}<a href="{{ row.outlet_id|page_url:"sources:outlet-detail" }}">{{ row.outlet }}</a>{% else %}{{ row.outlet }}{% endif %}</th>
    {% for column, cell in row.labelled_cells %}<td data-label="{{ column.label|capfirst }}">{% for v in cell %}<div class="cell-value{% if v.contradicted %} contradicted{% endif %}"><a href="{{ v.claim.pk|page_url:"claims:claim-detail" }}" title="{{ v.claim.quote }}">{% if v.claim.kind == "date" %}{{ v.claim|claim_date }}{% else %}{% claim_value v.claim %}{% endif %}</a>{% if v.corroborated %} <span class="mark-ok" title="Corroborated">✓<span class="visually-hidden"> corroborated</span></span>{% endif %}{% if v.contradicted %} <span class="mark-bad" title="Contradicted">✗<span class="visually-hidden"> contradicted</span></span>{% endif %}{% if v.confirmations %} <span class="conf" title="Independent confirmations">{{ v.confirmations }}</span>{% endif %}</div>{% empty %}<span class="muted" aria-label="none">—</span>{% endfor %}</td>{% endfor %}
    </tr>
  {% endfor %}""",
    "timeline": """{% for entry in comparison.timeline %}
  <li><time datetime="{% if entry.precision == 'year' %}{{ entry.date|date:'Y' }}{% elif entry.precision == 'month' %}{{ entry.date|date:'Y-m' }}{% else %}{{ entry.date|date:'Y-m-d' }}{% endif %}">{{ entry.date|precise_date:entry.precision }}</time>
    {% if entry.claim %}<span class="kind k-date">date</span> {{ entry.outlet }}: <a href="{{ entry.claim.pk|page_url:"claims:claim-detail" }}">“{{ entry.claim.quote|truncatechars:100 }}”</a>
    {% else %}{{ entry.outlet }} published <a href="{{ entry.article_id|page_url:"sources:article-detail" }}">{{ entry.title|default:"(untitled)"|truncatechars:80 }}</a>{% endif %}</li>
{% empty %}<li class="muted">No dated entries.</li>
{% endfor %}""",
    "undated": """{% for entry in comparison.undated %}
  <li>{% if entry.claim %}<span class="kind k-date">date</span> {{ entry.outlet }}: <a href="{{ entry.claim.pk|page_url:"claims:claim-detail" }}">“{{ entry.claim.quote|truncatechars:100 }}”</a> <span class="muted small">{{ entry.claim|claim_date }}</span>{% else %}{{ entry.outlet }} published <a href="{{ entry.article_id|page_url:"sources:article-detail" }}">{{ entry.title|default:"(untitled)"|truncatechars:80 }}</a> <span class="muted small">date not known</span>{% endif %}</li>
{% endfor %}""",
    "chart": """{% with chart=comparison.chart %}{% if chart %}
<h3>{{ chart.title|capfirst }} by outlet</h3>
<figure class="chart" tabindex="0">
<svg viewBox="0 0 {{ chart.width }} {{ chart.height|add:20 }}" width="100%" role="img" aria-label="{{ chart.title }} reported by each outlet, low to high">
  {% for x, label in chart.ticks %}<line x1="{{ x|one_decimal }}" x2="{{ x|one_decimal }}" y1="4" y2="{{ chart.height }}" class="grid"/><text x="{{ x|one_decimal }}" y="{{ chart.height|add:14 }}" class="tick">{{ label }}</text>{% endfor %}
  {% for bar in chart.bars %}
  <text x="{{ chart.label_x }}" y="{{ bar.y|add:14 }}" class="label">{{ bar.label }}</text>
  <rect x="{{ bar.x|one_decimal }}" y="{{ bar.y|add:3 }}" width="{{ bar.width|one_decimal }}" height="16" rx="2" class="bar{% if bar.contradicted %} contradicted{% endif %}"/>
  <text x="{{ bar.end|one_decimal }}" dx="6" y="{{ bar.y|add:15 }}" class="value">{{ bar.value }}</text>
  {% endfor %}
</svg>
<figcaption class="muted small">{% for bar in chart.bars %}{% if forloop.first %}Figures: {% endif %}{{ bar.label }} {{ bar.value }}{% if not forloop.last %}; {% else %}. {% endif %}{% endfor %}Each bar runs from the lowest to the highest figure the outlet gave; red bars are contradicted.</figcaption>
</figure>
{% endif %}{% endwith %}""",
    "articles": """{% for article in articles %}<li><a href="{{ article.pk|page_url:"sources:article-detail" }}">{{ article.title|default:"(untitled)" }}</a> <span class="muted small">{{ article.outlet.name|default:"unknown outlet" }} · {{ article.published_on|precise_date:article.published_precision }}</span></li>{% empty %}<li class="muted">No articles.</li>{% endfor %}""",
}

# The conflicts loop, whose forms carry the page's CSRF field and path (written by the event_conflicts tag).
CONFLICTS_BEFORE = """{% for conflict in comparison.conflicts %}{% with link=conflict.link %}
  <article class="conflict" id="link-{{ link.pk }}" aria-label="Conflict {{ forloop.counter }}">
    <div class="sides">
    {% for claim, context in conflict.sides %}
      <div class="side">
        <p class="side-head"><strong>{% if claim.article.outlet %}{{ claim.article.outlet.name }}{% else %}Unknown outlet{% endif %}</strong> · {{ claim.article.published_on|precise_date:claim.article.published_precision }}</p>
        <blockquote class="evidence">{% if context %}{{ context.before }}<mark class="k-{{ claim.kind }}">{{ context.span }}</mark>{{ context.after }}{% else %}<mark class="k-{{ claim.kind }}">{{ claim.quote|truncatechars:240 }}</mark>{% endif %}</blockquote>
        <p class="small muted"><span class="kind k-{{ claim.kind }}">{{ claim.get_kind_display }}</span> {% if claim.kind == "date" %}{{ claim|claim_date }}{% else %}{% claim_value claim %}{% endif %} · <a href="{{ claim.pk|page_url:"claims:claim-detail" }}">claim</a> · <a href="{{ claim.article_id|page_url:"sources:article-detail" }}#c{{ claim.pk }}">{{ claim.article.title|default:"(untitled)"|truncatechars:60 }}</a></p>
      </div>
    {% endfor %}
    </div>
    <p class="rationale"><span class="muted">Why they conflict:</span> {{ link.rationale|default:"(no rationale given)" }}{% if link.confidence is not None %} <span class="muted small">· confidence {{ link.confidence|floatformat:2 }}</span>{% endif %}</p>
    <div class="decide">
      <span class="status status-{{ link.status }}">{{ link.get_status_display }}</span>
      {% if can_review %}
      <form method="post" action="{{ link.pk|page_url:"claims:link-review" }}" class="inline">{% csrf_token %}
        <input type="hidden" name="version" value="{{ link.version }}"><input type="hidden" name="next" value="{{ request.get_full_path }}#conflicts">
        <button type="submit" name="decision" value="confirm"{% if link.status == "confirmed" %} disabled{% endif %}>Confirm conflict</button>
        <button type="submit" name="decision" value="reject" class="danger">Reject</button>
      </form>
      {% endif %}
    </div>
  </article>
{% endwith %}{% empty %}<p class="muted">No conflicting claims among this event's outlets.</p>
{% endfor %}
"""

HOSTILE = "<b>&\"'</b>"


def rendered_before(name: str, comparison, articles) -> str:
    template = Template(LOAD + BEFORE[name])
    return template.render(Context({"comparison": comparison, "articles": articles}))


def hostile_event() -> Event:
    """The event world with markup in outlet, actor, speaker, title and quote texts, a long quote with
    a combining accent past the cut, an article without outlet and one without title, a denied
    statement, dates at year and day-without-year precision."""
    world = build_event_world()
    event = world["event"]
    for outlet in Outlet.objects.all():
        outlet.name = f"{outlet.name} {HOSTILE}"
        outlet.save()
    Actor.objects.update(name=f"Ada {HOSTILE} Quill")
    articles = list(event.articles.order_by("id"))
    Article.objects.filter(pk=articles[0].pk).update(title=f"Flood {HOSTILE} " + "long title " * 12)
    Article.objects.filter(pk=articles[1].pk).update(title="")
    Article.objects.filter(pk=articles[3].pk).update(outlet=None)
    return event


@pytest.mark.parametrize("hostile", [False, True])
def test_each_section_is_the_templates_markup(hostile):
    """Agreed facts, speakers, the figures table's rows, the timeline (dated and not), the articles."""
    event = hostile_event() if hostile else build_event_world()["event"]
    comparison = event_comparison(event)
    if hostile:  # texts the span constraint keeps out of the database, changed on the loaded claims
        polarities = itertools.cycle(["denied", "refused", "question", "position", "asserted"])
        for claim in (value.claim for value in comparison.values.values()):
            if claim.kind == "statement":
                claim.quote = "cafe\u0301 " * 30 + HOSTILE + " more words " * 20
                claim.polarity = next(polarities)
                claim.speaker_mention = f"Tom {HOSTILE}"
            elif claim.kind == "date":
                claim.quote = f"Friday {HOSTILE}"
                if claim.date_precision == "day":
                    claim.date_value, claim.date_precision = dt.date(2016, 1, 1), "year"
                else:
                    claim.date_precision, claim.date_month, claim.date_day = "day-no-year", 1, 23
            else:
                claim.quote, claim.unit_class = f"{claim.quote} {HOSTILE}", f"homes {HOSTILE}"
    articles = list(event.articles.select_related("outlet").order_by("published_on", "id"))
    assert comparison.agreed and comparison.speakers and comparison.rows and comparison.undated
    assert comparison.chart and comparison.conflicts
    written = event_sections.sections_html(comparison, articles)
    for name in BEFORE:
        assert written[name] == rendered_before(name, comparison, articles), name
    if hostile:
        page = "".join(written.values())
        assert HOSTILE not in page and "&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;" in page


def test_empty_sections_say_so():
    """An event with no claims and no articles: each section's "none" text, as the template gave it."""
    event = Event.objects.create(title="Quiet day")
    comparison = event_comparison(event)
    written = event_sections.sections_html(comparison, [])
    for name in BEFORE:
        assert written[name] == rendered_before(name, comparison, []), name
    assert "No statements." in written["speakers"] and "No articles." in written["articles"]


def test_truncation_is_truncatechars():
    """Texts cut as truncatechars cuts them: at the length, ellipsis included, combining marks not
    counted, normalised to NFC; texts that fit unchanged."""
    from django.template.defaultfilters import truncatechars

    for text in ("short", "x" * 80, "x" * 81, "e\u0301" * 90, "a  b " * 40, "\u00e9" * 100, ""):
        for length in (1, 80, 100):
            assert event_sections.truncated(text, length) == truncatechars(text, length)


@pytest.mark.parametrize("can_review", [False, True])
@pytest.mark.parametrize("hostile", [False, True])
def test_conflicts_are_the_templates_markup(rf, hostile, can_review):
    """Each conflict's sides (with and without their sentence), rationale, confidence, status and, for a
    reviewer, the form with the page's CSRF field and path: as the template's loop wrote them."""
    from claims.models import ClaimLink

    event = hostile_event() if hostile else build_event_world()["event"]
    if hostile:
        conflict = ClaimLink.objects.get(relation="contradicts")
        ClaimLink.objects.filter(pk=conflict.pk).update(
            rationale=f"40 {HOSTILE} 75", confidence=None, status="confirmed"
        )
    comparison = event_comparison(event)
    assert comparison.conflicts
    if hostile:  # a side without its sentence shows its (cut) quote instead
        first = comparison.conflicts[0]
        first.contexts = {first.second.pk: first.contexts[first.second.pk]}
        first.first.quote = f"{HOSTILE} " + "forty homes " * 30
    request = rf.get(f"/claims/events/{event.pk}/", {"q": HOSTILE})
    context = {"comparison": comparison, "can_review": can_review, "request": request, "csrf_token": "t0k3n"}
    before = Template(LOAD + CONFLICTS_BEFORE).render(Context(context))
    now = Template("{% load event_sections %}{% event_conflicts comparison can_review %}\n").render(
        Context(context)
    )
    assert now == before
    assert ('name="csrfmiddlewaretoken" value="t0k3n"' in now) == can_review
    if hostile:
        assert HOSTILE not in now and "Unknown outlet" not in now and "forty homes" in now
    empty = {**context, "comparison": event_comparison(Event.objects.create(title="Calm"))}
    assert Template(LOAD + CONFLICTS_BEFORE).render(Context(empty)) == Template(
        "{% load event_sections %}{% event_conflicts comparison can_review %}\n"
    ).render(Context(empty))
