"""An article's own words are searchable: PostgreSQL keeps a stored vector of title + body by trigger
(migration sources/0004); SQLite, without one, is searched by substring (claims.selectors.claim_check)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored vector exists on PostgreSQL only"
)


def matching(word: str) -> set[int]:
    """Ids of the articles whose stored vector has `word`."""
    from django.contrib.postgres.search import SearchQuery

    from sources.models import Article

    return set(
        Article.objects.filter(search_vector=SearchQuery(word, config="english")).values_list("pk", flat=True)
    )


def vector(pk: int) -> str:
    from sources.models import Article

    return Article.objects.values_list("search_vector", flat=True).get(pk=pk)


@postgresql_only
def test_vector_follows_insert_and_title_or_body_changes(article):
    """Stored on insert, recomputed when the title or body changes, kept when other columns change."""
    from sources.models import Article

    assert article.pk in matching("cargo") and article.pk in matching("ships")
    Article.objects.filter(pk=article.pk).update(title="Lighthouse keeper retires")
    assert article.pk in matching("lighthouse") and article.pk in matching("cargo")
    assert "'lighthous':1A" in vector(article.pk)  # title words weigh A, body words B
    assert "'cargo':" in vector(article.pk) and "A" not in vector(article.pk).split("'cargo':")[1].split()[0]
    Article.objects.filter(pk=article.pk).update(body="Ferries were cancelled because of fog.")
    assert article.pk in matching("ferries") and article.pk not in matching("cargo")
    before = vector(article.pk)
    Article.objects.filter(pk=article.pk).update(is_current=False, extraction_status="done")
    assert vector(article.pk) == before


@postgresql_only
def test_full_saves_keep_the_vector(outlet):
    """A save of an instance made in Python (whose vector attribute is empty) or of a loaded one (whose
    vector is deferred) never leaves the stored vector empty."""
    from sources.models import Article

    made = Article(body="Snow closed the mountain pass for three days.", title="Pass closed", outlet=outlet)
    made.save()
    made.extraction_status = "done"
    made.save()  # writes NULL into the column: the trigger computes it again
    assert made.pk in matching("mountain")
    loaded = Article.objects.get(pk=made.pk)
    assert "search_vector" in loaded.get_deferred_fields()
    loaded.extraction_error = "none"
    loaded.save()
    assert made.pk in matching("mountain") and made.pk in matching("pass")


@postgresql_only
def test_bulk_import_stores_the_vector(db):
    """Articles written by the bulk import path (bulk_create) get their vector from the trigger."""
    from django.db import transaction

    from sources.importing.records import ArticleRecord
    from sources.importing.store import store_chunk
    from sources.models import Article

    records = [
        ArticleRecord(row=i, body=f"Harbour crane number {i} was repaired by welders.", title=f"Crane {i}")
        for i in range(1, 4)
    ] + [
        ArticleRecord(row=9, body="Orchard growers expect a record apple harvest.", url="https://x.example/a")
    ]
    with transaction.atomic():
        counts = store_chunk(records, batch=None)
    assert counts.created == 4
    cranes = set(Article.objects.filter(title__startswith="Crane").values_list("pk", flat=True))
    assert len(cranes) == 3 and matching("welders") == cranes
    assert matching("harvest") == set(
        Article.objects.filter(url="https://x.example/a").values_list("pk", flat=True)
    )
    assert Article.objects.filter(search_vector__isnull=True).count() == 0


def test_claim_check_candidates_use_the_article_text(outlet):
    """On either database: only current articles whose title or body uses the claim's words are
    candidates, the one using most of them first, and the outlet filter applies."""
    from claims.selectors.claim_check import candidate_articles
    from sources.models import Outlet
    from sources.services import article_store

    other = Outlet.objects.create(name="Valley Post")
    most = article_store(
        body="The river flooded the old mill and the bakery next to it on Monday.",
        title="River floods mill",
        outlet=outlet,
    ).article
    some = article_store(
        body="A new bakery opened near the station.", title="Bakery opens", outlet=other
    ).article
    article_store(body="Tourists visited the castle on Sunday.", title="Castle visits", outlet=outlet)
    claim = "The river flooded the mill and the bakery"
    assert [a.pk for a in candidate_articles(claim)] == [most.pk, some.pk]
    assert [a.pk for a in candidate_articles(claim, outlet=other)] == [some.pk]
    # a newer text at the same URL replaces the old one as a candidate
    first = article_store(
        body="Fishing boats stayed in port.", title="Boats", url="https://x.example/b"
    ).article
    newer = article_store(
        body="Fishing boats stayed in port as the river flooded.", title="Boats", url="https://x.example/b"
    ).article
    assert newer.pk != first.pk
    found = [a.pk for a in candidate_articles(claim)]
    assert newer.pk in found and first.pk not in found


def test_article_list_search_box(client, reader, outlet):
    """A reader types words in the article list's search box and sees only the articles using all of
    them (title or text); words nobody uses give an empty list that says so."""
    from django.urls import reverse

    from sources.services import article_store

    client.force_login(reader)
    flood = article_store(
        body="The river flooded the old mill and the bakery next to it.", title="Mill flooded", outlet=outlet
    ).article
    bakery = article_store(
        body="A new bakery opened near the station.", title="Bakery opens", outlet=outlet
    ).article
    url = reverse("sources:article-list")
    page = client.get(url).content.decode()
    assert "Mill flooded" in page and "Bakery opens" in page
    response = client.get(url, {"q": "bakery river"})
    assert [a.pk for a in response.context["articles"]] == [flood.pk]
    assert 'value="bakery river"' in response.content.decode()
    response = client.get(url, {"q": "bakery"})
    assert {a.pk for a in response.context["articles"]} == {flood.pk, bakery.pk}
    response = client.get(url, {"q": "volcano"})
    assert response.context["articles"] == [] and "No article uses these words" in response.content.decode()
