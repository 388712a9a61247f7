"""Where the tests find the shared corpora, and what a missing one means: a skip with a message on a
developer's machine, a failure under CI (CI=true), where a corpus test that skips would pass unseen."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared material folder: $SHARED_DIR, else ../shared beside the repository."""
    return Path(os.environ.get("SHARED_DIR") or REPO.parent / "shared")


def in_ci() -> bool:
    """True when running under CI (CI=true, as GitHub Actions, GitLab and `.ci/run` set it)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def missing_shared(reason: str) -> NoReturn:
    """Skip the test for a missing shared corpus, saying so; under CI fail it instead."""
    if in_ci():
        pytest.fail(f"{reason}: CI=true needs the shared corpora", pytrace=False)
    pytest.skip(reason)
