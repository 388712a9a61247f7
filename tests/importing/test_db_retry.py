"""A lost database connection during an import, on any database: the step is retried with waits that
double (tenacity), the broken connection closed before each try; when it stays lost the job fails
saying where it stopped. (tests/importing/test_faults.py ends real PostgreSQL connections.)"""

from __future__ import annotations

import pytest
from django.db import OperationalError

from sources.importing import service
from sources.models import Article, ImportBatch

from .conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def naps(monkeypatch) -> list[float]:
    """The waits between tries, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr("tenacity.nap.time.sleep", slept.append)
    return slept


@pytest.fixture
def closed(monkeypatch) -> list[bool]:
    """One entry per closing of the broken connection."""
    calls: list[bool] = []
    real = service.drop_connection

    def recording() -> None:
        calls.append(True)
        real()

    monkeypatch.setattr(service, "drop_connection", recording)
    return calls


def failing_store(monkeypatch, *, on_calls: set[int] | None = None, from_call: int | None = None) -> dict:
    """store_chunk raises a lost-connection error before writing on the given calls (counted from 1)."""
    real = service.store_chunk
    calls = {"n": 0}

    def store(records, *, batch, **kwargs):
        calls["n"] += 1
        if (on_calls and calls["n"] in on_calls) or (from_call and calls["n"] >= from_call):
            raise OperationalError("server closed the connection unexpectedly")
        return real(records, batch=batch, **kwargs)

    monkeypatch.setattr(service, "store_chunk", store)
    return calls


def job(tmp_path, n: int) -> ImportBatch:
    path = tmp_path / "articles.csv"
    path.write_bytes(csv_bytes(article_rows(n)))
    return service.import_job_create(paths=[path], extract=False, batch_size=10)


def test_lost_connection_is_retried_with_doubling_waits_and_the_job_finishes(
    tmp_path, monkeypatch, settings, naps, closed
):
    """Chunk two fails twice: it is tried a third time after waits of 0.5 and 1 s; every row stored once."""
    settings.IMPORT_DB_RETRY_DELAY = 0.5
    batch = job(tmp_path, 30)
    calls = failing_store(monkeypatch, on_calls={2, 3})
    done = service.import_job_run(batch_id=batch.pk)
    assert (done.status, done.committed_rows, done.rows_created, done.message) == ("done", 30, 30, "")
    assert Article.objects.count() == 30
    assert calls["n"] == 5  # three chunks, the second three times
    assert naps == [0.5, 1.0]
    assert len(closed) == 2


def test_connection_that_stays_lost_fails_the_job_after_the_retries(
    tmp_path, monkeypatch, settings, naps, closed
):
    """IMPORT_DB_RETRIES=3: chunk two is tried four times, the error is raised and the job fails saying
    where it stopped; the first chunk stays stored."""
    settings.IMPORT_DB_RETRIES = 3
    settings.IMPORT_DB_RETRY_DELAY = 0.25
    batch = job(tmp_path, 30)
    calls = failing_store(monkeypatch, from_call=2)
    with pytest.raises(OperationalError):
        service.import_job_run(batch_id=batch.pk)
    assert calls["n"] == 5
    assert naps == [0.25, 0.5, 1.0]
    assert len(closed) == 4
    batch.refresh_from_db()
    assert batch.status == "failed" and batch.committed_rows == 10
    assert batch.message.startswith(
        "database connection lost at row 11 (10 rows stored, nothing half-written)"
    )
    assert Article.objects.count() == 10
