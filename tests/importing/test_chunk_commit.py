"""PostgreSQL: a chunk's transaction commits without waiting for its WAL to reach the disk
(synchronous_commit off, for that transaction only), and the job's own status is committed the
ordinary way, which flushes the chunks' WAL before the job says it is done. Skipped on SQLite."""

from __future__ import annotations

import pytest
from django.db import connection

from sources.importing import service
from sources.importing.service import import_job_create, import_job_run

from .conftest import article_rows, csv_bytes

pytestmark = [
    pytest.mark.django_db(transaction=True),  # each chunk its own transaction, as in a job
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="a PostgreSQL setting"),
]


def setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def test_chunks_commit_without_waiting_and_nothing_else_does(tmp_path):
    """Five rows in chunks of two: each chunk is stored with synchronous_commit off, the job's status
    updates around them and the session after the job keep the server's setting."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(5)))
    server = setting()
    assert server != "off"
    seen: dict[str, list[str]] = {"chunks": [], "status": []}
    real_store, real_stop = service.store_chunk, service.stop

    def store(records, **kwargs):
        seen["chunks"].append(setting())
        return real_store(records, **kwargs)

    def stop(*args, **kwargs):
        seen["status"].append(setting())
        return real_stop(*args, **kwargs)

    batch = import_job_create(paths=[path], extract=False, batch_size=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(service, "store_chunk", store)
        patch.setattr(service, "stop", stop)
        batch = import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.rows_created) == ("done", 5)
    assert seen == {"chunks": ["off", "off", "off"], "status": [server]}
    assert setting() == server


@pytest.mark.django_db
def test_a_chunk_inside_a_callers_transaction_leaves_its_setting_alone(tmp_path):
    """Inside a transaction of the caller's (a test, a command wrapping the job), the chunk's setting would
    last until that transaction ends: it is not changed there."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(3)))
    server = setting()
    batch = import_job_run(batch_id=import_job_create(paths=[path], extract=False, batch_size=2).pk)
    assert batch.rows_created == 3
    assert setting() == server
