"""Articles and outlets: the database itself refuses inconsistent rows."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from sources.models import Article, Outlet, content_hash

pytestmark = pytest.mark.django_db


def make_article(**overrides) -> Article:
    fields = {"body": "Some text.", "published_precision": "unknown"}
    fields.update(overrides)
    return Article.objects.create(**fields)


def test_content_hash_is_computed_on_save():
    """The duplicate key follows the body, whoever saves the article."""
    article = make_article(body="Hello world.")
    assert article.content_hash == content_hash("Hello world.") != content_hash("Hello world!")


def test_publication_precision_must_match_the_date():
    """A day or month precision needs a date, and 'unknown' must not carry one."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(published_precision="day", published_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(published_precision="unknown", published_on=dt.date(2025, 1, 1))
    assert make_article(published_precision="month", published_on=dt.date(2025, 1, 1)).pk


def test_empty_body_is_refused():
    with pytest.raises(IntegrityError):
        make_article(body="")


def test_only_one_current_version_per_url():
    """Two current articles cannot share a URL; an old version can."""
    url = "https://example.org/a"
    make_article(url=url, is_current=False, version=1)
    make_article(url=url, version=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url=url, version=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url=url, version=2, is_current=False)


def test_articles_without_url_do_not_collide():
    make_article(url="")
    assert make_article(url="").pk


def test_outlet_domain_unique_when_given():
    Outlet.objects.create(name="A", domain="a.example")
    Outlet.objects.create(name="B", domain="")
    Outlet.objects.create(name="C", domain="")
    with pytest.raises(IntegrityError):
        Outlet.objects.create(name="D", domain="a.example")
