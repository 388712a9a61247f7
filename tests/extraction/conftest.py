"""Shared fixtures for the extraction tests: the spaCy pipeline (loaded once) and the seed corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claims.extraction import extract as extract_article
from claims.extraction.nlp import get_nlp
from claims.extraction.types import StatementClaim
from tests.shared import missing_shared

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def statements():
    """The statements the whole pipeline finds in a text (cleaning included), each span checked against
    the text."""

    def run(text: str) -> list[StatementClaim]:
        claims = [c for c in extract_article(text).claims if isinstance(c, StatementClaim)]
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
        return claims

    return run


@pytest.fixture(scope="module")
def nlp():
    """The shared spaCy pipeline, loaded once per test module."""
    return get_nlp()


def shared_dir() -> Path:
    """The shared corpus folder: $SHARED_DIR, else the `shared` folder beside the repository."""
    return Path(os.environ.get("SHARED_DIR") or REPO.parent / "shared")


@pytest.fixture(scope="module")
def seeds():
    """(gold, {article key: text}) of the seed corpus; skips when the shared folder is absent."""
    folder = shared_dir() / "corpus" / "seeds"
    if not (folder / "gold.json").exists():
        missing_shared(f"seed corpus not found under {folder} (set SHARED_DIR)")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = {key: (folder / key).read_text(encoding="utf-8") for key in gold["articles"]}
    return gold, texts
