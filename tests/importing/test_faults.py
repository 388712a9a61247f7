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

    def dying(records, *, batch, **kwargs):
        counts = real(records, batch=batch, **kwargs)
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

    def stalling(records, *, batch, **kwargs):
        counts = real(records, batch=batch, **kwargs)
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

    def dies_on_chunk_two(records, *, batch, **kwargs):
        if records[0].row == 12:  # rows are numbered from 2 (the header is row 1)
            raise WorkerKilled
        return real(records, batch=batch, **kwargs)

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

    def dropping(records, *, batch, **kwargs):
        counts = real(records, batch=batch, **kwargs)
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

    def dropping(records, *, batch, **kwargs):
        counts = real(records, batch=batch, **kwargs)  # rows inserted, transaction still open
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

    def always_dropping(records, *, batch, **kwargs):
        counts = real(records, batch=batch, **kwargs)
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


# --- extraction and linking after the rows are stored -----------------------------------------------


def two_stories(tmp_path) -> ImportBatch:
    """Six reports from six outlets: three of a ship docking, three of a council vote weeks later (so the
    linker makes two events), with numbers that differ between outlets (so it suggests links)."""
    from .conftest import body

    council = (
        "RIVERTON - The city council approved the new library budget on Monday after a long debate.\n\n"
        "Councillors voted {votes} to 4 in favour, the mayor's office said. Report {n}."
    )
    rows = [
        {
            "url": f"https://outlet-{n}.example/ship",
            "title": "Cargo ship docks in Portville",
            "outlet": f"Outlet {n}",
            "published": "2025-03-17",
            "body": body(n, workers=120 if n % 2 else 90),
        }
        for n in range(3)
    ] + [
        {
            "url": f"https://outlet-{n}.example/council",
            "title": "Riverton council approves library budget",
            "outlet": f"Outlet {n}",
            "published": "2025-05-20",
            "body": council.format(votes=7 if n % 2 else 8, n=n),
        }
        for n in range(3, 6)
    ]
    path = tmp_path / "stories.csv"
    path.write_bytes(csv_bytes(rows))
    return import_job_create(paths=[path], extract=True, batch_size=2)


def linking_state() -> dict[str, object]:
    """What extraction and linking stored: claims (article, span, value), events per article, link pairs."""
    from claims.models import Claim, ClaimLink, Event

    return {
        "claims": sorted(
            Claim.objects.values_list("article_id", "kind", "start", "end", "quantity_low", "quantity_high"),
            key=str,
        ),
        "extracted_at": sorted(Article.objects.values_list("pk", "extracted_at")),
        "events": Event.objects.count(),
        "article_events": sorted(Article.objects.annotate(n=Count("events")).values_list("pk", "n")),
        "links": sorted(ClaimLink.objects.values_list("claim_a_id", "claim_b_id", "relation")),
    }


def assert_linked_once(state: dict[str, object]) -> None:
    """No claim twice, every article in exactly one event, and linking again adds nothing."""
    from claims.services.linking import articles_link

    assert len(set(state["claims"])) == len(state["claims"]) > 0
    assert {n for _, n in state["article_events"]} == {1} and state["events"] == 2
    assert len(state["links"]) > 0
    again = articles_link(article_ids=list(Article.objects.values_list("pk", flat=True)))
    assert again["links"] == 0 and linking_state() == state


def status_of(admin_client, batch: ImportBatch) -> dict[str, object]:
    return admin_client.get(reverse("imports:status", args=[batch.pk])).json()


def test_slow_linking_keeps_the_job_alive_and_a_second_runner_out(
    tmp_path, monkeypatch, admin_client, settings
):
    """Linking that outlasts the lease renews it as it goes: the job never looks stopped, Resume is refused
    and a redelivered task leaves it alone; renewing costs one UPDATE per few seconds, not one per step."""
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    import claims.services.linking as linking_service

    real = linking_service.articles_link
    seen: dict[str, object] = {"calls": 0, "checks": 0}
    batch = two_stories(tmp_path)

    def slow_link(*, article_ids, progress=None):
        seen["calls"] += 1
        if seen["calls"] > 1:  # a second linking run beside this one: what must never happen
            return real(article_ids=article_ids, progress=progress)
        for step in range(3):
            age(batch, settings.IMPORT_JOB_LEASE + 5)  # a lease's worth of linking goes by...
            assert status_of(admin_client, batch)["stale"] is True  # ...which, unsignalled, looks dead
            progress("links", step, 3)
            status = status_of(admin_client, batch)
            assert (status["stage"], status["stale"], status["resumable"]) == ("linking", False, False)
            assert f"linking event {step + 1} of 3" == status["link_status"]
            response = admin_client.post(reverse("imports:resume", args=[batch.pk]), follow=True)
            assert "This job is running" in response.content.decode()
            assert import_job_resume(batch=batch) is None
            redelivered = import_followup(batch.pk)
            assert (redelivered.status, redelivered.stage) == ("running", "linking")
            seen["checks"] += 1
        with CaptureQueriesContext(db) as queries:
            for step in range(50):  # many quick steps: the lease is fresh, so none of them writes
                progress("links", step, 50)
        assert [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")] == []
        return real(article_ids=article_ids, progress=progress)

    monkeypatch.setattr(linking_service, "articles_link", slow_link)
    import_job_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.stage, seen["calls"], seen["checks"]) == ("done", "finished", 1, 3)
    assert batch.link_status.startswith("placed 6 articles in 2 events; suggested ")
    assert_linked_once(linking_state())


def import_followup(batch_id: int) -> ImportBatch:
    """The extraction task delivered (again), as Celery would after a worker was lost."""
    from claims.tasks import import_job_extract_task

    import_job_extract_task(batch_id=batch_id)
    return ImportBatch.objects.get(pk=batch_id)


def test_a_stalled_linking_runner_is_taken_over_and_writes_nothing_after(tmp_path, monkeypatch, settings):
    """Runner A stalls in linking past its lease; the redelivered task B takes the job over and links
    everything; A, waking up, is stopped at its next step instead of linking a second time."""
    import claims.services.linking as linking_service
    from sources.importing.service import JobTakenOver

    real = linking_service.articles_link
    runs: list[str] = []
    batch = two_stories(tmp_path)

    a_progress = []

    def stalling(*, article_ids, progress=None):
        if runs:  # B: A wakes up while B holds the job, and is refused; then B links for real
            runs.append("B")
            with pytest.raises(JobTakenOver):
                a_progress[0]("events", 0, len(article_ids))
            return real(article_ids=article_ids, progress=progress)
        runs.append("A")
        a_progress.append(progress)
        progress("events", 0, len(article_ids))
        assert import_followup(batch.pk).status == "running" and runs == ["A"]  # lease fresh: B waits
        age(batch, settings.IMPORT_JOB_LEASE + 5)  # A stalls...
        assert import_followup(batch.pk).status == "done"  # ...B takes over and finishes
        with pytest.raises(JobTakenOver):
            progress("links", 0, 2)  # A's next step is refused after B finished, too
        return real(article_ids=article_ids, progress=progress)  # and so is the linking it tries

    monkeypatch.setattr(linking_service, "articles_link", stalling)
    job = import_job_run(batch_id=batch.pk)
    assert runs == ["A", "B"]
    assert (job.status, job.stage) == ("done", "finished")
    assert job.link_status.startswith("placed 6 articles in 2 events")
    assert_linked_once(linking_state())


def test_linking_that_stops_is_offered_for_resume_and_finishes_without_duplicates(
    tmp_path, monkeypatch, admin_client, settings
):
    """The worker dies after the links with nearby articles and the first event's own links: within the
    lease the job counts as alive; after it the page offers Resume, which re-extracts nothing, places
    nothing twice, runs the remaining steps and stores no link twice."""
    import claims.services.linking as linking_service

    real = linking_service.articles_link
    batch = two_stories(tmp_path)

    def dies_after_one_event(*, article_ids, progress=None):
        def dying(stage, done, total):
            if stage == "links" and done == 1:
                raise WorkerKilled
            progress(stage, done, total)

        return real(article_ids=article_ids, progress=dying)

    monkeypatch.setattr(linking_service, "articles_link", dies_after_one_event)
    with pytest.raises(WorkerKilled):
        import_job_run(batch_id=batch.pk)
    monkeypatch.undo()
    before = linking_state()
    batch.refresh_from_db()
    assert (batch.status, batch.stage, batch.extract_done) == ("running", "linking", 6)
    assert before["events"] == 2 and before["links"]  # the links made before the stop were committed

    assert (status_of(admin_client, batch)["stale"], status_of(admin_client, batch)["resumable"]) == (
        False,
        False,
    )
    admin_client.post(reverse("imports:resume", args=[batch.pk]))
    assert linking_state() == before

    age(batch, settings.IMPORT_JOB_LEASE + 5)
    status = status_of(admin_client, batch)
    assert (status["stale"], status["resumable"]) == (True, True)
    assert "Resume goes on with claim extraction and linking where they stopped" in status["message"]
    page = admin_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert "may have stopped" in page and 'data-action="resume" >' in page

    admin_client.post(reverse("imports:resume", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.stage, batch.message) == ("done", "finished", "")
    after = linking_state()
    assert (after["claims"], after["extracted_at"], after["events"]) == (
        before["claims"],
        before["extracted_at"],
        before["events"],
    )
    assert set(before["links"]) <= set(after["links"])  # nothing committed is lost or changed
    assert_linked_once(after)


def test_extraction_that_stops_is_resumed_without_extracting_an_article_twice(
    tmp_path, monkeypatch, settings
):
    """The worker dies in the second extraction batch; the redelivered task waits out the lease, then
    takes over and extracts only the articles still pending."""
    from claims.services import extraction as claim_services

    real = claim_services.articles_extract_pending
    extracted: list[int] = []
    batch = two_stories(tmp_path)

    def dies_in_batch_two(*, article_ids=None):
        if len(extracted) >= 2:
            raise WorkerKilled
        extracted.extend(article_ids)
        return real(article_ids=article_ids)

    monkeypatch.setattr(claim_services, "articles_extract_pending", dies_in_batch_two)
    with pytest.raises(WorkerKilled):
        import_job_extract_in(batch, chunk=2)
    assert sorted(extracted) == sorted(
        Article.objects.filter(extraction_status="done").values_list("pk", flat=True)
    )
    assert import_followup(batch.pk).status == "running"  # lease fresh: left alone
    assert len(extracted) == 2

    monkeypatch.setattr(
        claim_services,
        "articles_extract_pending",
        lambda *, article_ids=None: extracted.extend(article_ids) or real(article_ids=article_ids),
    )
    age(batch, settings.IMPORT_JOB_LEASE + 5)
    job = import_followup(batch.pk)
    assert (job.status, job.extract_done, job.extract_failed) == ("done", 6, 0)
    assert sorted(extracted) == sorted(Article.objects.values_list("pk", flat=True))  # each once
    assert_linked_once(linking_state())


def import_job_extract_in(batch: ImportBatch, *, chunk: int) -> ImportBatch:
    """Store the job's rows, then run its follow-up here with extraction batches of `chunk` articles."""
    from claims.services.import_followup import import_job_extract

    import_job_run(batch_id=batch.pk, chain=False)
    return import_job_extract(batch_id=batch.pk, chunk=chunk)


def test_resume_command_finishes_a_job_that_stopped_in_linking(tmp_path, monkeypatch, settings):
    """`import_articles --resume` on a job whose worker died while linking goes on with the linking."""
    import claims.services.linking as linking_service

    real = linking_service.articles_link

    def dies_before_links(*, article_ids, progress=None):
        def dying(stage, done, total):
            if stage == "links":
                raise WorkerKilled
            progress(stage, done, total)

        return real(article_ids=article_ids, progress=dying)

    batch = two_stories(tmp_path)
    monkeypatch.setattr(linking_service, "articles_link", dies_before_links)
    with pytest.raises(WorkerKilled):
        import_job_run(batch_id=batch.pk)
    monkeypatch.undo()
    with pytest.raises(CommandError, match="is running"):
        call_command("import_articles", "--resume", str(batch.pk))
    age(batch, settings.IMPORT_JOB_LEASE + 5)
    call_command("import_articles", "--resume", str(batch.pk))
    batch.refresh_from_db()
    assert (batch.status, batch.stage) == ("done", "finished")
    assert_linked_once(linking_state())
