"""The article list, an outlet's page and an actor's page link their rows with `page_url` and write a
claim's value with `claim_value` directly: the markup is what the `{% url %}` and include loops made
(the loops as they were are kept here), for awkward rows (markup in names and titles, untitled and
undated articles, later versions, every date precision, no outlet)."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse

from claims.models import Actor, Claim
from sources.models import Article
from tests.web.test_review_queue_markup import awkward, section  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

ARTICLE_ROWS = Template(
    """{% for article in articles %}
    <tr>
      <td><a href="{% url 'sources:article-detail' article.pk %}">{{ article.title|default:"(untitled)" }}</a>{% if article.version > 1 %} <span class="badge">v{{ article.version }}</span>{% endif %}</td>
      <td>{% if article.outlet %}<a href="{% url 'sources:outlet-detail' article.outlet_id %}">{{ article.outlet.name }}</a>{% else %}—{% endif %}</td>
      <td>{% if article.published_on %}{% if article.published_precision == "month" %}{{ article.published_on|date:"F Y" }}{% elif article.published_precision == "year" %}{{ article.published_on|date:"Y" }}{% else %}{{ article.published_on|date:"j M Y" }}{% endif %}{% else %}unknown{% endif %}</td>
      <td>{{ article.get_extraction_status_display }}</td>
    </tr>
  {% empty %}{% endfor %}"""
)
OUTLET_ARTICLES = Template(
    """{% load dates %}{% for article in articles %}<li><a href="{% url 'sources:article-detail' article.pk %}">{{ article.title|default:"(untitled)" }}</a> <span class="muted small">{% if article.published_on %}{{ article.published_on|precise_date:article.published_precision }}{% else %}date unknown{% endif %}</span></li>
  {% empty %}{% endfor %}"""
)
OUTLET_CLAIMS = Template(
    """{% for claim in claims %}<li><span class="kind k-{{ claim.kind }}">{{ claim.get_kind_display }}</span> <a href="{% url 'claims:claim-detail' claim.pk %}">{{ claim.quote|truncatechars:110 }}</a> <span class="muted small">{% include "claims/value.html" %}</span></li>
  {% empty %}{% endfor %}"""
)
STATEMENT_ROWS = Template(
    """{% load dates polarity %}{% for claim in statements %}
    <tr><td><a href="{% url 'claims:claim-detail' claim.pk %}">“{{ claim.quote|truncatechars:160 }}”</a>{{ claim.polarity|polarity_badge }}</td>
      <td class="small">{{ claim.speaker_role|default:"—" }}{% if claim.direct %} · direct{% endif %}</td>
      <td class="small">{{ claim.article.outlet.name|default:"—" }} · <a href="{% url 'sources:article-detail' claim.article_id %}">{{ claim.article.title|default:"(untitled)"|truncatechars:40 }}</a>{% if claim.article.published_on %} · {{ claim.article.published_on|precise_date:claim.article.published_precision }}{% endif %}</td>
      <td><span class="status s-{{ claim.review_status }}">{{ claim.get_review_status_display }}</span></td></tr>
  {% empty %}{% endfor %}"""
)


def same_rows(written: str, before: str) -> bool:
    """True when the page's rows are the old loop's output, up to the blank space closing the loop."""
    return written.startswith(before) and not written[len(before) :].strip()


def old(template: Template, **context) -> str:
    return template.render(Context(context))


def test_the_article_list_rows_are_the_url_tag_loops(reader_client, awkward):  # noqa: F811
    Article.objects.filter(title="Cranes stop").update(version=2, published_precision="year")
    response = reader_client.get(reverse("sources:article-list"))
    rows = section(response.text, "<tbody>\n  ", "</tbody>")
    assert len(response.context["articles"]) == 3
    assert same_rows(rows, old(ARTICLE_ROWS, articles=response.context["articles"]))


def test_an_outlets_articles_and_claims_are_the_url_tag_loops(reader_client, awkward):  # noqa: F811
    odd = awkward["outlets"][0]
    response = reader_client.get(reverse("sources:outlet-detail", args=[odd.pk]))
    lists = [part.partition("</ul>")[0] for part in response.text.split('<ul class="plain">\n  ')]
    assert len(response.context["articles"]) == 1 and len(response.context["claims"]) == 3
    assert same_rows(lists[1], old(OUTLET_ARTICLES, articles=response.context["articles"]))
    assert same_rows(lists[2], old(OUTLET_CLAIMS, claims=response.context["claims"]))


def test_an_actors_statements_are_the_url_tag_loops(reader_client, awkward):  # noqa: F811
    actor = Actor.objects.create(name="Dock <Chief>", kind="person")
    Claim.objects.filter(kind="statement").update(speaker=actor)
    response = reader_client.get(reverse("claims:actor-detail", args=[actor.pk]))
    rows = section(response.text, "<tbody>\n  ", "</tbody>")
    assert len(response.context["statements"]) == 2
    assert same_rows(rows, old(STATEMENT_ROWS, statements=response.context["statements"]))
