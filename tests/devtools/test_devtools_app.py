"""The development tools live in their own app, installed only when asked for, and slow the import
down by patching it from outside (the production code and settings carry no hook for them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.hooks import slow_import_chunks
from sources.importing import service
from sources.models import Article
from tests.importing.conftest import article_rows, csv_bytes

REPO = Path(__file__).resolve().parents[2]
TOOLS = {"bench", "bench_import", "fault_drill", "loadtest"}


def commands(**env: str) -> set[str]:
    """The names `manage.py help --commands` lists under the production settings and `env`."""
    base = {k: v for k, v in os.environ.items() if k not in {"DEVTOOLS", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=REPO,
        env={**base, "DJANGO_SETTINGS_MODULE": "tracker.settings", "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(result.stdout.split())


def test_production_settings_have_no_tooling_commands_unless_asked_for():
    """Without DEVTOOLS the benchmark, load test and fault drill commands do not exist; with it they do."""
    assert not TOOLS & commands()
    assert commands(DEVTOOLS="1") >= TOOLS


def test_no_production_module_imports_the_tools():
    """Nothing in the apps or the project package imports devtools (the arrows point into it only)."""
    offenders = [
        str(path.relative_to(REPO))
        for folder in ("claims", "sources", "tracker")
        for path in (REPO / folder).rglob("*.py")
        if re.search(r"^\s*(from|import) devtools\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert offenders == []


@pytest.mark.django_db
def test_slowed_chunks_sleep_once_per_committed_chunk(tmp_path, settings, monkeypatch):
    """The drill's pause: a 25-row import in chunks of 10 sleeps three times and stores every row."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(service, "import_chunk", service.import_chunk)  # undone after the test
    naps: list[float] = []
    monkeypatch.setattr("devtools.hooks.time.sleep", naps.append)
    slow_import_chunks(0.25)
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(25)))
    batch = service.import_job_create(paths=[path], extract=False, batch_size=10)
    batch = service.import_job_run(batch_id=batch.pk)
    assert (batch.status, batch.rows_created) == ("done", 25)
    assert Article.objects.count() == 25
    assert naps == [0.25, 0.25, 0.25]
