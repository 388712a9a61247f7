"""Fixtures for the export and API tests: signed-in clients and a factory for claims on an article."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """A cheap password hasher: these tests sign users in (basic auth too), they do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reader_client(client, reader):
    """A test client signed in as a reader."""
    client.force_login(reader)
    return client


@pytest.fixture
def make_claim():
    """A factory: `make_claim(article, text, kind, **fields)` stores a claim on `text`'s first occurrence."""

    def build(article, text: str, kind: str = "quantity", **fields):
        from claims.models import Claim

        start = article.body.index(text)
        values = {"extractor_version": "test", "confidence": 0.5}
        if kind == "quantity":
            values.update(quantity_low=2, quantity_high=2, unit_class="ships")
        if kind == "date":
            values.update(date_value=dt.date(2025, 4, 2), date_precision="day")
        values.update(fields)
        return Claim.objects.create(
            article=article, kind=kind, start=start, end=start + len(text), quote=text, **values
        )

    return build


@pytest.fixture
def store_article(outlet):
    """A factory: `store_article(body, slug)` stores an article of the test outlet with that body."""

    def build(body: str, slug: str = "story"):
        from sources.services import article_store

        return article_store(
            body=body,
            outlet=outlet,
            url=f"https://harbour-times.example/{slug}",
            title=f"Story {slug}",
            published_on=dt.date(2025, 3, 18),
            published_precision="day",
        ).article

    return build
