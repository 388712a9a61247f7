"""`manage.py evaluate` runs the app's own pipeline on a corpus and prints the agreed JSON object."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run_evaluate(*args) -> dict:
    out = io.StringIO()
    call_command("evaluate", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_seeds_report_has_claims_and_links(corpus_dir):
    report = run_evaluate(str(corpus_dir / "seeds"))
    assert report["corpus"] == "seeds" and report["seconds"] >= 0
    assert set(report["claims"]) == {"quantity", "date", "statement", "statement_direct"}
    for kind in ("quantity", "date"):
        figures = report["claims"][kind]
        assert {"gold", "found", "right", "recall_found", "recall_right"} <= set(figures)
        assert figures["recall_right"] >= 0.95, (kind, figures)
    assert report["claims"]["statement"]["recall_right"] >= 0.9
    assert {"gold", "found", "recall", "not_link_violations", "suggested"} <= set(report["links"])
    assert report["links"]["not_link_violations"] == 0


def test_events_are_scored_where_the_corpus_has_them(corpus_dir):
    report = run_evaluate(str(corpus_dir / "basil-dev"), "--limit", "30")
    assert {"pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1"} <= set(report["events"])
    assert report["events"]["pairwise_f1"] >= 0.9


def test_a_folder_without_gold_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"gold\.json"):
        call_command("evaluate", str(tmp_path))
