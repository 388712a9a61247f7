"""A missing shared corpus: a developer's run skips its tests with a message; a CI run (CI=true) fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_TEST = (
    "tests/evaluation/test_scoring.py::test_gold_scores_perfectly_against_itself_on_the_shared_corpora"
)


def run_corpus_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """One corpus test in a pytest of its own, with SHARED_DIR pointing at an empty folder."""
    base = {k: v for k, v in os.environ.items() if k not in {"CI", "SHARED_DIR"}}
    return subprocess.run(
        [sys.executable, "-m", "pytest", CORPUS_TEST, "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=REPO,
        env={**base, "SHARED_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_corpus_skips_with_a_message_locally(tmp_path):
    result = run_corpus_test(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout and f"shared corpus not found at {tmp_path}" in result.stdout


def test_missing_corpus_fails_the_run_under_ci(tmp_path):
    result = run_corpus_test(tmp_path, CI="true")
    assert result.returncode == 1, result.stdout
    # a fixture that fails makes an error, a test body a failure: either fails the run
    assert "1 error" in result.stdout or "1 failed" in result.stdout
    assert "CI=true needs the shared corpora" in result.stdout
