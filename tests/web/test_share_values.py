"""A share of a counted whole ("about one-third of the 2.4 million stops") is stored as its fraction with
the class "share" and the unit "% WHOLE": the claims list and the claim page show it as a percentage of
the whole, never "0.33 stops"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sources.services import article_store
from tests.web.conftest import quote_claim

pytestmark = pytest.mark.django_db


def stored_share():
    article = article_store(
        body="Harbour police made about one-third of the 2.4 million stops last year, the report said.",
        url="https://harbour.example/stops",
        title="Harbour stops",
        published_on=dt.date(2025, 3, 1),
        published_precision="day",
    ).article
    return quote_claim(
        article,
        "about one-third of the 2.4 million stops",
        quantity_low=1 / 3,
        quantity_high=1 / 3,
        unit="% stops",
        unit_class="share",
        quantity_approximate=True,
        quantity_direction="~",
    )


def test_the_list_and_the_claim_page_show_a_share_as_a_percentage_of_its_whole(reader_client):
    claim = stored_share()
    for page in (
        reader_client.get(reverse("claims:claim-list")),
        reader_client.get(reverse("claims:claim-detail", args=[claim.pk])),
    ):
        assert page.status_code == 200
        assert "about 33.3% of stops" in page.text
        assert "0.33" not in page.text and "shares" not in page.text
