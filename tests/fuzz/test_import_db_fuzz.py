"""The import entry points that write: an import job and the admin import, on hostile files.

A job ends done or failed with a message, never with an exception; a failed job stores no article
(whatever chunk the bad row would have been in); the admin shows a plain-words error or a preview and
stores nothing before the confirm.
"""

from __future__ import annotations

import io
import json

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources.importing.service import import_job_create, import_job_run
from sources.models import Article, ImportBatch, Outlet

from .strategies import csv_files, examples, json_files, page_files, xlsx_files, zip_files

pytestmark = pytest.mark.django_db

# The fixtures (a media folder, the admin client) are the same for every example; each example runs
# in a transaction that is rolled back, so the database starts empty every time.
_DB_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def db_settings(n: int) -> settings:
    return settings(_DB_SETTINGS, max_examples=examples(n))


class _Rollback(Exception):
    pass


def rolled_back(fn) -> None:
    try:
        with transaction.atomic():
            fn()
            raise _Rollback
    except _Rollback:
        pass


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    return tmp_path


files = st.one_of(
    st.tuples(st.sampled_from(["a.csv", "a.tsv"]), csv_files()),
    st.tuples(st.sampled_from(["a.json", "a.jsonl"]), json_files()),
    st.tuples(st.just("a.xlsx"), xlsx_files()),
    st.tuples(st.sampled_from(["a.txt", "a.html"]), page_files()),
    st.tuples(st.just("a.zip"), zip_files()),
)


def run_job(path, *, batch_size: int = 500) -> ImportBatch:
    batch = import_job_create(paths=[path], extract=False, batch_size=batch_size)
    return import_job_run(batch_id=batch.pk, chain=False)


def check_job(batch: ImportBatch, articles_before: int) -> None:
    assert batch.status in (ImportBatch.Status.DONE, ImportBatch.Status.FAILED), batch.message
    if batch.status == ImportBatch.Status.FAILED:
        assert batch.message.strip()
        assert Article.objects.count() == articles_before
    else:
        assert Article.objects.count() == articles_before + batch.rows_created
        for article in Article.objects.all():
            assert article.body.strip() and "\x00" not in article.body


@db_settings(30)
@given(file=files)
def test_import_job_on_hostile_files(media, file):
    """Any file: the job ends done or failed with a message; failed stores nothing."""
    name, data = file
    path = media / name
    path.write_bytes(data)

    def run() -> None:
        before = Article.objects.count()
        check_job(run_job(path), before)

    rolled_back(run)


@db_settings(20)
@given(
    good=st.integers(min_value=1, max_value=4),
    bad=st.sampled_from(["nul\x00inside", "\x00", "a\udc80b", "\ud83d alone"]),
    bad_field=st.sampled_from(["body", "title", "url", "byline"]),
)
def test_a_bad_row_after_good_ones_stores_nothing(media, good, bad, bad_field):
    """Good rows, then one whose field cannot be stored (NUL, a lone surrogate from a JSON escape),
    one row per chunk: the job fails naming that row, and no article is stored."""
    objects = [
        {
            "url": f"https://harbour-times.example/{n}",
            "title": f"Ship {n}",
            "body": f"Ship {n} docked on Saturday.",
        }
        for n in range(good + 1)
    ]
    objects[-1][bad_field] = bad
    path = media / "a.json"
    path.write_text(json.dumps(objects), encoding="ascii")  # lone surrogates travel as \u escapes

    def run() -> None:
        batch = run_job(path, batch_size=1)
        assert batch.status == ImportBatch.Status.FAILED, (batch.status, batch.message)
        assert Article.objects.count() == 0
        assert {(e["row"], e["field"]) for e in batch.errors} == {(good + 1, bad_field)}

    rolled_back(run)


ADMIN_FORMATS = {"csv": "0", "json": "1", "xlsx": "2"}
admin_files = st.one_of(
    st.tuples(st.just("csv"), csv_files()),
    st.tuples(st.just("json"), json_files()),
    st.tuples(st.just("xlsx"), xlsx_files()),
)


@db_settings(25)
@given(file=admin_files, model=st.sampled_from(["article", "outlet"]))
def test_admin_import_on_hostile_files(admin_client, media, file, model):
    """The admin import shows a preview or a plain-words refusal (never a 500, never "cannot be read as
    the chosen format" with an exception name), and the preview stores nothing."""
    kind, data = file
    upload = io.BytesIO(data)
    upload.name = f"a.{kind}"

    def run() -> None:
        counts = (Article.objects.count(), Outlet.objects.count())
        response = admin_client.post(
            reverse(f"admin:sources_{model}_import"),
            {"format": ADMIN_FORMATS[kind], "import_file": upload, "resource": "0"},
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "cannot be read as the chosen format" not in page
        if model == "article":  # (an outlet file without a "name" column gets import-export's own report)
            assert "Traceback" not in page  # import-export's report of an exception inside the import
        assert (Article.objects.count(), Outlet.objects.count()) == counts

    rolled_back(run)
