"""The seed files dropped into the import as a user would (no metadata): publication dates and event
dates as stored, read against gold.json with the strict rule (a stored year other than gold's is wrong,
also where gold compares only month and day)."""

from __future__ import annotations

import json
import re

import pytest

from claims.models import Claim
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article
from tests.shared import missing_shared, shared_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path, settings):
    folder = shared_dir() / "corpus" / "seeds"
    if not (folder / "gold.json").exists():
        missing_shared(f"seed corpus not found under {folder} (set SHARED_DIR)")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    batch = import_job_create(paths=[folder / key for key in gold["articles"]], extract=True)
    assert import_job_run(batch_id=batch.pk).status == "done"
    articles = {}
    for key in gold["articles"]:
        first = next(c for c in gold["claims"] if c["article"] == key)
        articles[key] = next(a for a in Article.objects.all() if _find(a.body, first["evidence"]) >= 0)
    return gold, articles


def _find(body: str, evidence: str) -> int:
    return body.replace("\u00a0", " ").find(evidence.replace("\u00a0", " "))


def _right(gold: dict, claim: Claim) -> bool:
    value, compare = gold["value"], gold.get("compare")
    if claim.date_value is None:  # only what the text says: right where gold compares no year
        month = int(value[5:7]) if len(value) >= 7 else None
        day = int(value[8:10]) if len(value) >= 10 else None
        if compare == "month":
            return claim.date_month == month
        return compare == "month-day" and (claim.date_month, claim.date_day) == (month, day)
    stored = claim.date_shown
    if stored[:4] != value[:4]:
        return False  # a definite year other than gold's
    if compare == "month":
        return stored[5:7] == value[5:7]
    if compare == "month-day":
        return stored[5:10] == value[5:10]
    return stored == value


def test_seed_publication_dates_through_the_import(imported):
    gold, articles = imported
    for key, meta in gold["articles"].items():
        stored = articles[key].published_on
        if meta.get("published"):
            assert str(stored) == meta["published"], key
        elif stored is not None:
            first, last = meta["published_range"]
            assert first <= str(stored) <= last, key
    dw = articles[next(k for k, m in gold["articles"].items() if m.get("published"))]
    assert dw.published_conflicts  # the title bar's other date stays visible


def test_seed_dates_through_the_import_invent_no_year(imported):
    gold, articles = imported
    golds = [c for c in gold["claims"] if c["kind"] == "date"]
    right = 0
    for g in golds:
        article = articles[g["article"]]
        start = _find(article.body, g["evidence"])
        end = start + len(g["evidence"])
        found = Claim.objects.filter(article=article, kind="date", start__lt=end, end__gt=start).order_by(
            "start"
        )
        right += any(_right(g, c) for c in found)
    assert right / len(golds) >= 0.95
    for claim in Claim.objects.filter(kind="date", date_value__year__gte=2020):
        # a year of 2020 or later only where the text writes it ("elections scheduled for 2020")
        assert re.search(str(claim.date_value.year), claim.date_expression), claim.date_expression
