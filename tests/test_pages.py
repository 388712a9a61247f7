"""The browsing pages answer and show what is stored."""

import pytest
from django.urls import reverse

from claims.models import Claim

pytestmark = pytest.mark.django_db


def test_article_list_and_reader_show_the_article(client, reader, article):
    client.force_login(reader)
    response = client.get(reverse("sources:article-list"))
    assert response.status_code == 200
    assert "Two ships dock in Portville" in response.text
    response = client.get(reverse("sources:article-detail", args=[article.pk]))
    assert response.status_code == 200
    assert "Harbour Times" in response.text and "leave on 2 April" in response.text


def test_reader_highlights_claims_by_kind(client, reader, article):
    client.force_login(reader)
    start = article.body.index("Two cargo ships")
    Claim.objects.create(
        article=article,
        kind="quantity",
        start=start,
        end=start + 15,
        quote="Two cargo ships",
        quantity_low=2,
        quantity_high=2,
        extractor_version="t",
    )
    response = client.get(reverse("sources:article-detail", args=[article.pk]))
    assert '<mark class="k-quantity "' in response.text and ">Two cargo ships</mark>" in response.text


def test_claim_pages(client, reader, article):
    client.force_login(reader)
    claim = Claim.objects.create(
        article=article,
        kind="date",
        start=0,
        end=9,
        quote=article.body[:9],
        date_value="2025-03-15",
        date_precision="day",
        extractor_version="t",
    )
    assert client.get(reverse("claims:claim-list")).status_code == 200
    response = client.get(reverse("claims:claim-detail", args=[claim.pk]))
    assert response.status_code == 200 and "15 March 2025" in response.text


def test_article_text_is_escaped(client, reader, outlet):
    client.force_login(reader)
    """Stored text is shown as text, never as markup."""
    from sources.services import article_store

    article = article_store(
        body="<script>alert(1)</script> two ships", outlet=outlet, title="<b>t</b>"
    ).article
    response = client.get(reverse("sources:article-detail", args=[article.pk]))
    assert "<script>alert(1)</script>" not in response.text and "&lt;script&gt;" in response.text
    assert "<b>t</b>" not in response.text
