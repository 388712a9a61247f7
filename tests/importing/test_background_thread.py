"""Without a broker, background work runs on a thread of the web process after the request's transaction
commits: an upload returns at once, the import goes on behind it (issue 18, finding 4). SQLite waits
for a lock instead of failing, and reads go on during a write (WAL)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.urls import reverse

from sources.models import Article, ImportBatch
from tracker.tasks import wait_for_background

from .conftest import article_rows, csv_bytes

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_upload_returns_before_the_import_is_done(admin_client, settings, monkeypatch):
    """The job is still pending when the upload's redirect comes back; the background thread then runs it."""
    from sources.importing import service

    settings.TASKS_SYNCHRONOUS = False  # the real embedded default: a background thread
    gate, ran_on = threading.Event(), []
    real_run = service.import_job_run

    def held_run(**kwargs):
        ran_on.append(threading.current_thread())
        assert gate.wait(30), "the test never let the import go on"
        return real_run(**kwargs)

    monkeypatch.setattr(service, "import_job_run", held_run)
    data = io.BytesIO(csv_bytes(article_rows(4)))
    data.name = "ships.csv"
    response = admin_client.post(reverse("imports:new"), {"files": [data], "outlet": "Harbour Times"})
    batch = ImportBatch.objects.get(source="upload")
    assert response.status_code == 302 and response["Location"] == reverse("imports:detail", args=[batch.pk])
    # The request is over while the work has not been done.
    assert (batch.status, Article.objects.count()) == ("pending", 0)
    page = admin_client.get(reverse("imports:detail", args=[batch.pk]))
    assert page.status_code == 200  # the site answers while the job waits
    gate.set()
    assert wait_for_background(60)
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 4), batch.message
    assert Article.objects.filter(import_batch=batch).count() == 4
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert ran_on[0].name.startswith("tracker-task")


SQLITE_PRAGMAS = """
import os, django
os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute('PRAGMA journal_mode')
    print(cursor.fetchone()[0])
    cursor.execute('PRAGMA busy_timeout')
    print(cursor.fetchone()[0])
"""


def test_embedded_sqlite_uses_wal_and_waits_for_locks(tmp_path):
    """The embedded database: WAL (readers go on during a write) and a busy timeout of 20 s (a sign-in
    during a background write waits instead of failing with "database is locked")."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_BUSY_TIMEOUT"}}
    env.update(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'embedded.sqlite3'}")
    out = subprocess.run(
        [sys.executable, "-c", SQLITE_PRAGMAS], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["wal", "20000"]


SQLITE_WAIT = """
import os, threading, time, django
os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'
django.setup()
from django.core.management import call_command
from django.db import connection, transaction
call_command('migrate', verbosity=0)
from django.contrib.auth.models import User
held = threading.Event()
def long_write():
    with transaction.atomic():
        User.objects.create(username='writer')
        held.set()
        time.sleep(2)  # a write transaction that holds the lock for 2 s
    connection.close()
thread = threading.Thread(target=long_write)
thread.start()
held.wait()
print(User.objects.count())  # WAL: a read during the write does not wait
started = time.monotonic()
User.objects.create(username='signin')  # waits for the lock instead of "database is locked"
print(round(time.monotonic() - started))
thread.join()
print(User.objects.count())
"""


@pytest.mark.slow
def test_embedded_sqlite_write_waits_for_a_running_write(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_BUSY_TIMEOUT"}}
    env.update(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'embedded.sqlite3'}")
    out = subprocess.run(
        [sys.executable, "-c", SQLITE_WAIT], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    read, waited, total = out.stdout.split()
    assert read == "0" and int(waited) >= 1 and total == "2"


@pytest.mark.django_db(transaction=True)
def test_parsing_and_linking_hold_no_write_transaction(tmp_path, monkeypatch):
    """An import's spaCy parse, its grouping in events and its linker (the stance model) run outside any
    transaction; only their results are written in short ones. Before, both ran inside a write transaction, which on SQLite
    held the database lock for as long as they took (every sign-in failed with "database is locked")."""
    from django.db import connection

    import claims.services.extraction as claim_services
    import claims.services.linking as linking_service
    from sources.importing.service import import_job_create, import_job_run

    seen = {"parse": [], "link": []}
    real_parse, real_link = claim_services.extract_many, linking_service.suggest_links

    def parse(*args, **kwargs):
        seen["parse"].append(connection.in_atomic_block)
        return real_parse(*args, **kwargs)

    def link(*args, **kwargs):
        seen["link"].append(connection.in_atomic_block)
        return real_link(*args, **kwargs)

    class Grouping(linking_service.EventIndex):
        def events(self, *args, **kwargs):
            seen["group"].append(connection.in_atomic_block)
            return super().events(*args, **kwargs)

    seen["group"] = []
    monkeypatch.setattr(claim_services, "extract_many", parse)
    monkeypatch.setattr(linking_service, "suggest_links", link)
    monkeypatch.setattr(linking_service, "EventIndex", Grouping)
    rows = article_rows(3)
    for row in rows:
        row["body"] += ' "We will finish by Monday," said harbour master Ana Ruiz.'
    path = tmp_path / "ships.csv"
    path.write_bytes(csv_bytes(rows))
    batch = import_job_run(batch_id=import_job_create(paths=[path], extract=True).pk)
    assert (batch.status, batch.extract_done) == ("done", 3), batch.message
    assert seen["parse"] and seen["link"] and seen["group"], seen
    assert not any(seen["parse"]) and not any(seen["link"]), seen
    # The grouping is worked out with reads only, on SQLite and PostgreSQL; under the placement lock it is
    # worked out again only when another worker placed one of the articles it read meanwhile (see
    # tests/claims/test_linking_service.py), so two workers still never open two events for one story.
    assert not any(seen["group"]), seen
