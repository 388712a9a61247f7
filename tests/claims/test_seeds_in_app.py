"""The seed corpus through the app: the five files imported as a user drops them in (no metadata), stored,
extracted and linked by the import, then the stored suggestions scored against the gold links
(`manage.py evaluate`, which imports into a throwaway database)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tests.shared import missing_shared, shared_dir


@pytest.fixture
def seeds():
    folder = shared_dir() / "corpus" / "seeds"
    if not (folder / "gold.json").exists():
        missing_shared(f"seed corpus not found under {folder} (set SHARED_DIR)")
    return folder


def test_the_app_suggests_the_gold_links_of_the_seeds(seeds):
    out = io.StringIO()
    call_command("evaluate", str(seeds), "--json", stdout=out)
    links = json.loads(out.getvalue())["links"]
    print(
        f"seeds in the app: {links['found']}/{links['gold']} gold links found, {links['suggested']} suggested"
    )
    assert links["recall"] >= 0.8, links["missed"]
    assert links["not_link_violations"] == 0, links["violated"]
    assert links["suggested"] <= 3 * links["gold"]
