"""The job's stages after writing: extraction progress, the linking hook, claims named in a silent edit."""

from __future__ import annotations

import pytest

from sources.importing.service import import_job_create, import_job_run
from sources.models import Article, SilentEdit

from .conftest import article_rows, body, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_extraction(monkeypatch):
    """articles_extract_pending replaced by one that marks articles done (and fails 'Ship 1 docks')."""
    seen: list[int] = []

    def extract_pending(*, article_ids=None):
        counts = {"articles": 0, "failed": 0, "claims": 0}
        for article in Article.objects.filter(pk__in=article_ids):
            seen.append(article.pk)
            failed = article.title == "Ship 1 docks"
            article.extraction_status = "failed" if failed else "done"
            article.save(update_fields=["extraction_status"])
            counts["failed" if failed else "articles"] += 1
        return counts

    monkeypatch.setattr("claims.services.extraction.articles_extract_pending", extract_pending)
    return seen


def test_extraction_runs_after_import_with_progress(tmp_path, fake_extraction, monkeypatch):
    """With extract on, every new article goes through extraction once; counts and stage are recorded."""
    monkeypatch.setattr(
        "claims.services.linking.articles_link", lambda *, article_ids, progress=None: {"articles": 0}
    )
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(12)))
    batch = import_job_create(paths=[path], extract=True)
    batch = import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.stage) == ("done", "finished")
    assert (batch.extract_total, batch.extract_done, batch.extract_failed) == (12, 11, 1)
    assert sorted(fake_extraction) == sorted(Article.objects.values_list("pk", flat=True))


def test_linking_runs_on_the_job_articles(tmp_path, fake_extraction, monkeypatch):
    """After extraction the job calls claims linking with its articles and records what it did."""
    calls = []

    def link(*, article_ids, progress=None):
        calls.append(article_ids)
        return {"articles": 2, "events": 1, "links": 3}

    monkeypatch.setattr("claims.services.linking.articles_link", link)
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(2)))
    batch = import_job_run(batch_id=import_job_create(paths=[path], extract=True).pk)
    assert sorted(calls[0]) == sorted(Article.objects.values_list("pk", flat=True))
    assert batch.link_status == "placed 2 articles in 1 events; suggested 3 links"


def test_silent_edit_names_the_old_claim_on_the_changed_number(tmp_path):
    """The previous version's quantity claim over the changed number is listed in the silent edit."""
    from claims.models import Claim

    rows = article_rows(1)
    first = tmp_path / "v1.csv"
    first.write_bytes(csv_bytes(rows))
    import_job_run(batch_id=import_job_create(paths=[first], extract=False).pk)
    v1 = Article.objects.get()
    start = v1.body.index("About 120 workers")
    quote = "About 120 workers"
    claim = Claim.objects.create(
        article=v1,
        kind="quantity",
        start=start,
        end=start + len(quote),
        quote=quote,
        quantity_low=120,
        quantity_high=120,
        unit="workers",
        extractor_version="t",
    )
    other = v1.body.index("Ship number 0")
    Claim.objects.create(
        article=v1,
        kind="quantity",
        start=other,
        end=other + 13,
        quote="Ship number 0",
        quantity_low=0,
        quantity_high=0,
        extractor_version="t",
    )
    second = tmp_path / "v2.csv"
    second.write_bytes(csv_bytes([{**rows[0], "body": body(0, workers=90)}]))
    import_job_run(batch_id=import_job_create(paths=[second], extract=False).pk)
    edit = SilentEdit.objects.get()
    assert edit.previous == v1
    assert [change["previous_claims"] for change in edit.changes] == [[claim.pk]]
