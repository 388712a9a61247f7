"""The navigation marks the section of the page shown (aria-current="page"), and only that one."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


def current_links(html: str) -> list[str]:
    """The texts of the navigation's links marked current."""
    nav = html.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', nav)


@pytest.mark.parametrize(
    ("page", "section"),
    [
        ("claim-list", "Claims"),
        ("claim-detail", "Claims"),
        ("event-detail", "Events"),
        ("review-links", "Review"),
        ("article-detail", "Articles"),
        ("outlet-detail", "Outlets"),
        ("claim-check", "Check a claim"),
    ],
)
def test_the_current_section_is_marked(editor_client, make_world, page, section):
    world = make_world(1)
    claim = world["claims"][0][0]
    urls = {
        "claim-list": reverse("claims:claim-list"),
        "claim-detail": reverse("claims:claim-detail", args=[claim.pk]),
        "event-detail": reverse("claims:event-detail", args=[world["event"].pk]),
        "review-links": reverse("claims:review-links"),
        "article-detail": reverse("sources:article-detail", args=[claim.article_id]),
        "outlet-detail": reverse("sources:outlet-detail", args=[claim.article.outlet_id]),
        "claim-check": reverse("claims:claim-check"),
    }
    assert current_links(editor_client.get(urls[page]).content.decode()) == [section]


def test_the_refusal_page_marks_no_section(reader_client, db):
    """A reader refused the review queue (403) is not told they are in the Review section."""
    response = reader_client.get(reverse("claims:review"))
    assert response.status_code == 403
    assert current_links(response.content.decode()) == []
