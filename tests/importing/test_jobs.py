"""Import jobs in the database: idempotency, versions, silent edits, all-or-nothing, resume, cancel."""

from __future__ import annotations

import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sources.importing import service
from sources.importing.service import errors_csv, import_job_create, import_job_resume, import_job_run
from sources.models import Article, ImportBatch, Outlet, SilentEdit

from .conftest import article_rows, body, csv_bytes

pytestmark = pytest.mark.django_db


def run(paths, **options) -> ImportBatch:
    batch = import_job_create(paths=paths, extract=False, **options)
    return import_job_run(batch_id=batch.pk)


def test_import_twice_changes_nothing(tmp_path):
    """The same file twice: the second job creates nothing and skips every row as a duplicate."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(7)))
    first = run([path])
    assert (first.status, first.rows_created, first.rows_skipped) == ("done", 7, 0)
    second = run([path])
    assert (second.status, second.rows_created, second.rows_skipped, second.rows_versioned) == (
        "done",
        0,
        7,
        0,
    )
    assert Article.objects.count() == 7
    assert Outlet.objects.filter(name="Harbour Times").count() == 1
    assert set(Article.objects.values_list("import_batch", flat=True)) == {first.pk}


def test_rows_without_url_are_matched_by_text(tmp_path):
    """Rows with no URL are duplicates when their text is already stored, also within one file."""
    path = tmp_path / "nourl.csv"
    path.write_bytes(csv_bytes([{"title": "A", "body": body(1)}, {"title": "A again", "body": body(1)}]))
    batch = run([path])
    assert (batch.rows_created, batch.rows_skipped) == (1, 1)
    assert run([path]).rows_skipped == 2


def test_changed_text_becomes_a_version_and_number_change_a_silent_edit(tmp_path):
    """A changed text at a known URL becomes version 2; its changed number is recorded as a silent edit."""
    first, second = tmp_path / "v1.csv", tmp_path / "v2.csv"
    rows = article_rows(3)
    first.write_bytes(csv_bytes(rows))
    run([first])
    rows[1] = {**rows[1], "body": body(1, workers=150)}
    rows[2] = {**rows[2], "body": body(2) + "\n\nThe port was busy."}
    second.write_bytes(csv_bytes(rows))
    batch = run([second])
    assert (batch.rows_created, batch.rows_versioned, batch.rows_skipped) == (0, 2, 1)
    v2 = Article.objects.get(url=rows[1]["url"], is_current=True)
    assert v2.version == 2 and not v2.previous_version.is_current
    edit = SilentEdit.objects.get(article=v2)
    assert edit.changes[0]["old_numbers"] == ["120"] and edit.changes[0]["new_numbers"] == ["150"]
    assert not SilentEdit.objects.filter(
        article__url=rows[2]["url"]
    ).exists()  # text changed, numbers did not


def test_a_bad_row_stops_the_whole_import(tmp_path):
    """One unparseable date: nothing is stored, and the error report names the row and field."""
    rows = article_rows(4)
    rows[2]["published"] = "sometime in spring"
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows))
    batch = run([path])
    assert batch.status == "failed" and "nothing was imported" in batch.message
    assert Article.objects.count() == 0
    assert batch.errors == [
        {"row": 4, "field": "published_on", "message": batch.errors[0]["message"], "file": "bad.csv"}
    ]
    report = errors_csv(batch).splitlines()
    assert report[0] == "file,row,field,message" and report[1].startswith(
        "bad.csv,4,published_on,unparseable date"
    )


def test_skip_invalid_imports_the_good_rows(tmp_path):
    """With skip_invalid the valid rows go in and the bad one is counted as failed."""
    rows = article_rows(4)
    rows[0]["body"] = "   "
    path = tmp_path / "some-bad.csv"
    path.write_bytes(csv_bytes(rows))
    batch = run([path], skip_invalid=True)
    assert (batch.status, batch.rows_created, batch.rows_failed) == ("done", 3, 1)


def test_refused_archive_stores_nothing(tmp_path):
    """A zip with a traversal member fails the job with a clear message and stores nothing."""
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "ok.txt", "Ships dock\n\nTwo cargo ships docked at Portville on Saturday, officials said."
        )
        archive.writestr("../evil.txt", "x")
    batch = run([path])
    assert batch.status == "failed" and "outside the archive" in batch.message
    assert Article.objects.count() == 0


def test_resume_after_failure_in_batch_two(tmp_path, monkeypatch):
    """A crash in chunk two keeps chunk one whole; resuming stores the rest with no duplicates."""
    path = tmp_path / "many.csv"
    path.write_bytes(csv_bytes(article_rows(25)))
    calls = {"n": 0}
    real = service.store_chunk

    def failing(records, *, batch, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            Article.objects.create(body="half-written row of the failing chunk")
            raise RuntimeError("disk full")
        return real(records, batch=batch, **kwargs)

    monkeypatch.setattr(service, "store_chunk", failing)
    batch = import_job_create(paths=[path], extract=False, batch_size=10)
    with pytest.raises(RuntimeError):
        import_job_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows, batch.rows_created) == ("failed", 10, 10)
    assert Article.objects.count() == 10  # the half-written chunk was rolled back
    monkeypatch.setattr(service, "store_chunk", real)
    import_job_resume(batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows, batch.rows_created) == ("done", 25, 25)
    assert Article.objects.count() == 25
    assert Article.objects.values("url").distinct().count() == 25


def test_cancel_stops_after_the_current_chunk_and_resume_goes_on(tmp_path, monkeypatch):
    """A cancel request takes effect between chunks; a resumed job finishes without duplicates."""
    path = tmp_path / "many.csv"
    path.write_bytes(csv_bytes(article_rows(30)))
    real = service.import_chunk

    def cancelling(records, *, batch, **kwargs):
        counts = real(records, batch=batch, **kwargs)
        ImportBatch.objects.filter(pk=batch.pk).update(cancel_requested=True)
        return counts

    monkeypatch.setattr(service, "import_chunk", cancelling)
    batch = import_job_create(paths=[path], extract=False, batch_size=10)
    batch = import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.committed_rows) == ("cancelled", 10)
    monkeypatch.setattr(service, "import_chunk", real)
    import_job_resume(batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 30)
    assert Article.objects.count() == 30


def test_finished_job_run_again_does_nothing(tmp_path):
    """Running a finished job's task again (a redelivered Celery task) leaves everything as it is."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(3)))
    batch = run([path])
    again = import_job_run(batch_id=batch.pk)
    assert (again.status, again.rows_created, again.rows_skipped) == ("done", 3, 0)
    assert Article.objects.count() == 3


def test_command_imports_a_folder(tmp_path, capsys):
    """`manage.py import_articles FOLDER` imports every supported file in it and prints the counts."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_bytes(csv_bytes(article_rows(3)))
    (tmp_path / "in" / "b.json").write_text(
        '[{"url": "https://x.example/b", "body": "Three ships docked, officials said."}]'
    )
    (tmp_path / "in" / "c.txt").write_text(
        "Ships dock in Portville\n\nFour cargo ships docked at Portville on Monday, officials said."
    )
    call_command("import_articles", str(tmp_path / "in"), "--no-extract", "--outlet", "Desk")
    out = capsys.readouterr().out
    assert "done; read 5, created 5" in out
    assert Article.objects.get(title="Ships dock in Portville").outlet.name == "Desk"


def test_command_reports_failure(tmp_path):
    """A bad file makes the command fail with the reason."""
    path = tmp_path / "bad.json"
    path.write_text("[{")
    with pytest.raises(CommandError, match="malformed JSON"):
        call_command("import_articles", str(path), "--no-extract")


def test_seed_pages_import(corpus_dir):
    """The scraped seed pages import with titles, cleaned bodies and their originals kept."""
    seeds = sorted((corpus_dir / "seeds").glob("*.txt"))
    batch = run(seeds)
    assert (batch.status, batch.rows_created) == ("done", len(seeds))
    for article in Article.objects.all():
        assert article.body[:60] in article.original
        assert "Advertisement" not in article.body and "Listen Live" not in article.body
    assert Article.objects.exclude(title="").count() >= len(seeds) - 1
    assert run(seeds).rows_skipped == len(seeds)
