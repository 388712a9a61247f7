"""A search made only of words PostgreSQL's word index leaves out ("the", "between") is an empty query
there, which found nothing on the claims list, the article list and the claim picker. Such a search is
a substring match, and the page says so; on SQLite every search is one already."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse

from tests.web.conftest import quote_claim
from tracker import search

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def two_articles(outlet):
    """Two articles with a claim each: one says "between", the other does not."""
    from sources.services import article_store

    fares = article_store(
        body="Ferry fares rose between 5% and 6% in the spring, the operator said.",
        outlet=outlet,
        url="https://harbour-times.example/fares",
        title="Fares rise",
        published_on=dt.date(2025, 3, 17),
        published_precision="day",
    ).article
    storm = article_store(
        body="A storm closed 3 ports on Monday, officials said.",
        outlet=outlet,
        url="https://harbour-times.example/storm",
        title="Storm closes ports",
        published_on=dt.date(2025, 3, 18),
        published_precision="day",
    ).article
    between = quote_claim(fares, "between 5% and 6%", unit_class="percent")
    ports = quote_claim(storm, "3 ports", unit_class="ports")
    return {"between": between, "ports": ports, "fares": fares, "storm": storm}


def listed(response) -> set[int]:
    return {claim.pk for claim in response.context["claims"]}


def test_which_searches_the_word_index_keeps():
    """Stop words and punctuation alone leave PostgreSQL's query empty; any other word keeps it."""
    assert search.indexable("ships") and search.indexable("the ships") and search.indexable("-ships")
    assert search.indexable("the") is not ON_POSTGRESQL
    assert search.indexable('"between"  of') is not ON_POSTGRESQL
    assert search.plain_words(' "between"   them ') == "between them"


def test_the_claims_list_finds_stop_words_as_typed_and_says_so(reader_client, two_articles):
    page = reader_client.get(reverse("claims:claim-list"), {"q": "between"})
    assert page.status_code == 200
    assert listed(page) == {two_articles["between"].pk}
    assert ("too common for the word index" in page.text) is ON_POSTGRESQL
    # a word the index keeps is searched there, with no note
    page = reader_client.get(reverse("claims:claim-list"), {"q": "ports"})
    assert listed(page) == {two_articles["ports"].pk} and "too common" not in page.text


def test_the_claim_picker_finds_stop_words(editor_client, two_articles):
    found = editor_client.get(
        reverse("claims:pick"), {"what": "claim", "for": two_articles["ports"].pk, "q": "between"}
    ).json()["results"]
    assert [row["value"] for row in found] == [two_articles["between"].pk]


def test_the_article_list_finds_stop_words_and_says_so(reader_client, two_articles):
    page = reader_client.get(reverse("sources:article-list"), {"q": "between"})
    assert [a.pk for a in page.context["articles"]] == [two_articles["fares"].pk]
    assert ("too common for the word index" in page.text) is ON_POSTGRESQL
    page = reader_client.get(reverse("sources:article-list"), {"q": "the"})
    assert {a.pk for a in page.context["articles"]} == {two_articles["fares"].pk}  # "the spring"
