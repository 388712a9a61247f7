"""Faults during an import: a worker that dies, a second runner, a database connection that is lost.

The lost-connection tests need PostgreSQL (they end the import's own server process from a second
connection with pg_terminate_backend); they are skipped on SQLite. PostgreSQL itself is never restarted
here: `manage.py fault_drill --restart-postgres` does that.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection
from django.db.models import Count
from django.urls import reverse

from sources.importing import service
from sources.importing.service import import_job_create, import_job_resume, import_job_run
from sources.models import Article, ImportBatch

from .conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db(transaction=True)


class WorkerKilled(BaseException):
    """Stands for kill -9: nothing in the job's code gets to run after it (no except Exception)."""


def csv_job(tmp_path, n: int, *, batch_size: int = 10) -> ImportBatch:
    path = tmp_path / "articles.csv"
    path.write_bytes(csv_bytes(article_rows(n)))
    return import_job_create(paths=[path], extract=False, batch_size=batch_size)


def assert_stored_once(batch: ImportBatch, n: int) -> None:
    """Exactly n articles, none twice (by URL or by text), all counted as created by this job."""
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows, batch.rows_created, batch.rows_skipped) == ("done", n, n, 0)
    assert Article.objects.count() == n
    assert not Article.objects.values("content_hash").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert not Article.objects.values("url").annotate(n=Count("pk")).filter(n__gt=1).exists()


def die_after_chunks(monkeypatch, chunks: int) -> None:
    """The runner 'dies' right after committing `chunks` chunks (as a killed worker would)."""
    real = service.import_chunk
    calls = {"n": 0}

    def dying(records, *, batch):
        counts = real(records, batch=batch)
        calls["n"] += 1
        if calls["n"] == chunks:
            raise WorkerKilled
        return counts

    monkeypatch.setattr(service, "import_chunk", dying)


def age(batch: ImportBatch, seconds: float) -> None:
    """Make the job's last sign of life `seconds` old."""
    ImportBatch.objects.filter(pk=batch.pk).update(
        updated_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds)
    )


def test_job_whose_worker_died_is_offered_for_resume_and_finishes(
    tmp_path, monkeypatch, admin_client, settings
):
    """A dead worker leaves the job RUNNING; once its lease runs out the page says so and resume finishes it."""
    batch = csv_job(tmp_path, 35)
    die_after_chunks(monkeypatch, 2)
    with pytest.raises(WorkerKilled):
        import_job_run(batch_id=batch.pk)
    monkeypatch.undo()
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows) == ("running", 20)

    # Still within the lease: the job may be alive, so no resume button and a resume does nothing.
    status = admin_client.get(reverse("imports:status", args=[batch.pk])).json()
    assert (status["stale"], status["resumable"]) == (False, False)
    admin_client.post(reverse("imports:resume", args=[batch.pk]))
    assert Article.objects.count() == 20

    age(batch, settings.IMPORT_JOB_LEASE + 5)
    status = admin_client.get(reverse("imports:status", args=[batch.pk])).json()
    assert (status["stale"], status["resumable"]) == (True, True)
    assert "Resume goes on from row 21" in status["message"]
    page = admin_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert "may have stopped" in page and 'data-action="resume" >' in page  # shown, not hidden

    admin_client.post(reverse("imports:resume", args=[batch.pk]))
    assert_stored_once(batch, 35)


def test_redelivered_task_leaves_a_live_job_alone_and_takes_over_a_dead_one(tmp_path, monkeypatch, settings):
    """The task delivered again (acks_late) while the first worker still runs does nothing; after the
    lease it goes on from the cursor instead of starting again."""
    batch = csv_job(tmp_path, 30)
    die_after_chunks(monkeypatch, 1)
    with pytest.raises(WorkerKilled):
        import_job_run(batch_id=batch.pk)
    monkeypatch.undo()
    again = import_job_run(batch_id=batch.pk)  # fresh lease: another worker may be on it
    assert (again.status, again.committed_rows, Article.objects.count()) == ("running", 10, 10)
    age(batch, settings.IMPORT_JOB_LEASE + 5)
    import_job_run(batch_id=batch.pk)
    assert_stored_once(batch, 30)


def test_a_runner_that_wakes_up_after_a_takeover_writes_nothing(tmp_path, monkeypatch, settings):
    """Runner A stalls after chunk one; B takes the job over and finishes it; A's next chunk is refused
    (the cursor moved) instead of being stored or counted a second time."""
    batch = csv_job(tmp_path, 30)
    real = service.import_chunk
    state = {"a_chunks": 0, "in_b": False}

    def stalling(records, *, batch):
        counts = real(records, batch=batch)
        if not state["in_b"]:
            state["a_chunks"] += 1
            if state["a_chunks"] == 1:  # A stalls here past its lease; B takes over and finishes
                age(batch, settings.IMPORT_JOB_LEASE + 5)
                state["in_b"] = True
                import_job_run(batch_id=batch.pk)
                state["in_b"] = False
        return counts

    monkeypatch.setattr(service, "import_chunk", stalling)
    import_job_run(batch_id=batch.pk)
    assert state["a_chunks"] == 1  # A never stored a second chunk
    assert_stored_once(batch, 30)


def test_job_that_kills_its_worker_every_time_fails_after_a_few_takeovers(tmp_path, monkeypatch, settings):
    """A job whose worker dies at the same chunk each time (out of memory, say) is not retried for ever:
    after IMPORT_MAX_TAKEOVERS takeovers without progress it fails and says why; resume then finishes it."""
    settings.IMPORT_MAX_TAKEOVERS = 2
    batch = csv_job(tmp_path, 30)
    real = service.store_chunk

    def dies_on_chunk_two(records, *, batch):
        if records[0].row == 12:  # rows are numbered from 2 (the header is row 1)
            raise WorkerKilled
        return real(records, batch=batch)

    monkeypatch.setattr(service, "store_chunk", dies_on_chunk_two)
    for _ in range(3):  # the first run, then two takeovers, each dying at chunk two
        with pytest.raises(WorkerKilled):
            import_job_run(batch_id=batch.pk)
        age(batch, settings.IMPORT_JOB_LEASE + 5)
    gave_up = import_job_run(batch_id=batch.pk)
    assert gave_up.status == "failed" and gave_up.committed_rows == 10
    assert gave_up.message.startswith(
        "the worker running this job stopped 3 times in a row at the same place"
    )
    assert Article.objects.count() == 10

    monkeypatch.setattr(service, "store_chunk", real)
    import_job_resume(batch=batch)
    assert_stored_once(batch, 30)


def test_resume_of_a_running_job_never_starts_a_second_runner(tmp_path, monkeypatch):
    """Resume (service or command) of a job still running (fresh lease) is refused: two writers."""
    batch = csv_job(tmp_path, 20)
    die_after_chunks(monkeypatch, 1)
    with pytest.raises(WorkerKilled):
        import_job_run(batch_id=batch.pk)
    monkeypatch.undo()
    assert import_job_resume(batch=batch) is None
    with pytest.raises(CommandError, match="is running"):
        call_command("import_articles", "--resume", str(batch.pk), "--no-extract")
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows) == ("running", 10)
    assert Article.objects.count() == 10


# --- the database connection lost (PostgreSQL only) ------------------------------------------------


def postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")


def terminate_my_connection() -> None:
    """End this process's database session from a second connection, as a server restart would."""
    import psycopg2

    pid = connection.connection.get_backend_pid()
    params = connection.settings_dict
    other = psycopg2.connect(
        dbname=params["NAME"],
        user=params["USER"],
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            assert cursor.fetchone()[0] is True
    finally:
        other.close()


def test_connection_lost_between_chunks_is_retried_and_the_job_finishes(tmp_path, monkeypatch, settings):
    """The server drops the import's connection between chunks: the job reconnects and finishes by itself."""
    postgres_only()
    settings.IMPORT_DB_RETRY_DELAY = 0.05
    batch = csv_job(tmp_path, 50)
    real = service.import_chunk
    calls = {"n": 0}

    def dropping(records, *, batch):
        counts = real(records, batch=batch)
        calls["n"] += 1
        if calls["n"] in (2, 4):
            terminate_my_connection()
        return counts

    monkeypatch.setattr(service, "import_chunk", dropping)
    job = import_job_run(batch_id=batch.pk)
    assert job.message == ""
    assert_stored_once(batch, 50)


def test_connection_lost_inside_a_chunk_leaves_nothing_half_written(tmp_path, monkeypatch, settings):
    """The connection goes while chunk three is written but before its cursor moves: the chunk's rows are
    rolled back with it, and the retried chunk stores each article once."""
    postgres_only()
    settings.IMPORT_DB_RETRY_DELAY = 0.05
    batch = csv_job(tmp_path, 50)
    real = service.store_chunk
    calls = {"n": 0}

    def dropping(records, *, batch):
        counts = real(records, batch=batch)  # rows inserted, transaction still open
        calls["n"] += 1
        if calls["n"] == 3:
            terminate_my_connection()
        return counts

    monkeypatch.setattr(service, "store_chunk", dropping)
    import_job_run(batch_id=batch.pk)
    assert calls["n"] == 6  # five chunks, the third twice
    assert_stored_once(batch, 50)


def test_connection_that_stays_lost_fails_the_job_clearly_then_resume_finishes(
    tmp_path, monkeypatch, settings
):
    """When reconnecting does not help, the job fails saying where it stopped; the committed chunks stay,
    the broken one is gone, and resume stores the rest with nothing twice."""
    postgres_only()
    settings.IMPORT_DB_RETRIES = 2
    settings.IMPORT_DB_RETRY_DELAY = 0.05
    batch = csv_job(tmp_path, 50)
    real = service.store_chunk
    calls = {"n": 0}

    def always_dropping(records, *, batch):
        counts = real(records, batch=batch)
        calls["n"] += 1
        if calls["n"] >= 3:
            terminate_my_connection()
        return counts

    monkeypatch.setattr(service, "store_chunk", always_dropping)
    with pytest.raises(OperationalError):
        import_job_run(batch_id=batch.pk)
    assert calls["n"] == 5  # chunk three: the first try and two retries
    batch.refresh_from_db()
    assert batch.status == "failed" and batch.committed_rows == 20
    assert batch.message.startswith(
        "database connection lost at row 21 (20 rows stored, nothing half-written)"
    )
    assert "resume to continue" in batch.message
    assert Article.objects.count() == 20

    monkeypatch.setattr(service, "store_chunk", real)
    import_job_resume(batch=batch)
    assert_stored_once(batch, 50)
