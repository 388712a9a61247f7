"""The demo loader: creates the sample articles once, and a second run changes nothing."""

import pytest

from sources.models import Article, ImportBatch, Outlet
from sources.sample import SAMPLE_CORPUS, parse_published, sample_corpus_load

pytestmark = pytest.mark.django_db


def test_sample_corpus_loads_once():
    first = sample_corpus_load()
    articles, outlets = Article.objects.count(), Outlet.objects.count()
    assert first["created"] == articles >= 12 and outlets >= 4
    second = sample_corpus_load()
    assert second["created"] == 0 and second["duplicate"] == articles
    assert Article.objects.count() == articles and Outlet.objects.count() == outlets
    assert ImportBatch.objects.count() == 1


def test_sample_articles_keep_their_metadata():
    sample_corpus_load()
    month_only = Article.objects.filter(published_precision="month")
    assert month_only.exists(), "the sample has one article dated to the month only"
    assert not Article.objects.filter(outlet__isnull=True).exists()
    assert all(a.body.strip() and a.title for a in Article.objects.all())


def test_sample_file_is_the_projects_own():
    assert SAMPLE_CORPUS.is_file() and SAMPLE_CORPUS.parent.name == "sample_data"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-03-15", ("2025-03-15", "day")), ("2025-04", ("2025-04-01", "month")), (None, (None, "unknown"))],
)
def test_parse_published(value, expected):
    day, precision = parse_published(value)
    assert (day.isoformat() if day else None, precision) == expected
