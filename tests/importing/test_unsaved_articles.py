"""store.unsaved_articles builds a chunk's Article objects from one blank article's defaults instead of
calling the constructor for each row: every field must come out as the constructor makes it, each row's
lists its own, and anything listening to Article's init signals must still see every article built."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import signals
from django.test.utils import CaptureQueriesContext

from sources.importing.records import ArticleRecord
from sources.importing.store import _article, unsaved_articles
from sources.models import Article, ImportBatch, content_hash


def records() -> list[ArticleRecord]:
    """Two records, one dated with a conflict noted, one undated with a correction note."""
    return [
        ArticleRecord(
            row=1,
            body="The ferry carried 40 passengers across the bay on Monday, the harbour office said.",
            title="Ferry crosses the bay",
            url="https://example.org/ferry",
            byline="A. Writer",
            published_on="2021-04-05",
            published_precision="day",
            published_source="metadata",
            published_conflicts=[{"value": "2021-04-06", "source": "dateline"}],
            language="en",
            original="<p>page</p>",
        ),
        ArticleRecord(
            row=2,
            body="Twelve lorries waited at the border.\n\nCorrection: an earlier version said ten lorries.",
            title="Lorries at the border",
            language="",
        ),
    ]


def values(article: Article) -> dict[str, object]:
    return {field.attname: getattr(article, field.attname) for field in Article._meta.concrete_fields}


@pytest.mark.django_db
@pytest.mark.parametrize("with_batch", [True, False])
def test_built_articles_are_those_the_constructor_builds(with_batch):
    """Field by field (types included), unsaved, with the job cached as the constructor caches it; each
    row's notes and date conflicts are its own lists."""
    batch = ImportBatch.objects.create(name="job") if with_batch else None
    given = records()
    digests = [content_hash(r.body) for r in given]
    built = unsaved_articles(given, digests, batch)
    expected = [_article(r, d, batch) for r, d in zip(given, digests, strict=True)]
    for article, reference in zip(built, expected, strict=True):
        assert values(article) == values(reference)
        assert [type(v) for v in values(article).values()] == [type(v) for v in values(reference).values()]
        assert article._state.adding and article._state.db is None and article.pk is None
        assert article.is_current and article.version == 1 and article.search_vector is None
    assert built[0].published_on == dt.date(2021, 4, 5) and built[1].language == "en"
    assert built[1].notes and built[1].notes is not built[0].notes
    assert built[0].published_conflicts is not built[1].published_conflicts
    if batch is not None:
        with CaptureQueriesContext(connection) as queries:
            assert built[0].import_batch is batch
        assert not queries.captured_queries


@pytest.mark.django_db
def test_init_signal_listeners_see_every_article():
    """A post_init receiver on Article is called for each article built, as with the constructor."""
    seen: list[str] = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance.title)

    signals.post_init.connect(receiver, sender=Article)
    try:
        given = records()
        built = unsaved_articles(given, [content_hash(r.body) for r in given], None)
    finally:
        signals.post_init.disconnect(receiver, sender=Article)
    assert seen == [a.title for a in built] == ["Ferry crosses the bay", "Lorries at the border"]
