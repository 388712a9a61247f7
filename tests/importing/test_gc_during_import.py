"""Full garbage collections are deferred while an import job reads and writes (each walked everything
the process holds, for objects the job never made), and the usual thresholds come back after."""

from __future__ import annotations

import gc

import pytest

from sources.importing import service
from sources.importing.service import import_job_create, import_job_run

from .conftest import article_rows, csv_bytes


@pytest.fixture
def usual_threshold():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*saved)


@pytest.mark.django_db
def test_a_job_runs_without_full_collections_and_restores_the_thresholds(
    tmp_path, usual_threshold, monkeypatch
):
    """While the chunks are stored the oldest generation's threshold is out of reach, the youngest's
    raised to YOUNG_THRESHOLD (the middle one keeps its own); once the job is done the thresholds are
    the usual ones again."""
    seen: list[tuple[int, int, int]] = []
    real = service.import_chunk

    def recording(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "import_chunk", recording)
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes(article_rows(3)))
    batch = import_job_run(batch_id=import_job_create(paths=[path], extract=False, batch_size=2).pk)
    assert (batch.status, batch.rows_created) == ("done", 3)
    young = service.YOUNG_THRESHOLD
    assert young > 700 and len(seen) == 2 and all(t[:2] == (young, 10) and t[2] >= 2**30 for t in seen)
    assert gc.get_threshold() == usual_threshold


def test_overlapping_jobs_restore_the_thresholds_once_the_last_one_ends(usual_threshold):
    """Two jobs in threads of one process: the second one in must not take the first one's raised
    threshold for the usual one, nor the first one out put it back while the second still runs."""
    first, second = service._full_collections_deferred(), service._full_collections_deferred()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[2] >= 2**30  # the second job still runs
    assert gc.get_threshold()[0] == service.YOUNG_THRESHOLD
    second.__exit__(None, None, None)
    assert gc.get_threshold() == usual_threshold


def test_a_failing_job_restores_the_thresholds_too(usual_threshold):
    with pytest.raises(RuntimeError), service._full_collections_deferred():
        raise RuntimeError("the job stopped")
    assert gc.get_threshold() == usual_threshold


def test_a_collector_switched_off_stays_off_during_a_job():
    """gc.set_threshold(0) turns collection off: a job must not turn it on for its own time."""
    saved = gc.get_threshold()
    gc.set_threshold(0, 10, 10)
    try:
        with service._full_collections_deferred():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold() == (0, 10, 10)
    finally:
        gc.set_threshold(*saved)
