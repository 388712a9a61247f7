"""The extraction benchmark times spaCy alone and the extraction each in a fresh process (issue 14's fair
measure) and keeps the in-process figures under their own names. No timing is asserted: only that each
part ran, in its own process, over the same words, and that the ratios are the rates' quotients."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devtools.benchmarks import extraction as bench

TEXTS = ["The council approved 12 new buses on Monday.", "Ana Pereira said the depot would open in May."]


def test_measure_fresh_times_each_part_in_its_own_processes(monkeypatch):
    """Each repeat runs one child per part, spaCy then extraction, over the same texts file; the best
    CPU time of each part counts and every run is kept."""
    calls = []
    cpu = {"spacy": iter([2.0, 1.5]), "extraction": iter([2.6, 2.9])}

    def fake_child(part, texts_file, python):
        calls.append((part, json.loads(texts_file.read_text(encoding="utf-8")), python))
        seconds = next(cpu[part])
        return {"seconds": seconds + 0.5, "cpu_seconds": seconds, "thread_cpu_seconds": seconds}

    monkeypatch.setattr(bench, "_child", fake_child)
    report = bench.measure_fresh(TEXTS, repeats=2)
    assert [part for part, _, _ in calls] == ["spacy", "extraction", "spacy", "extraction"]
    assert all(texts == TEXTS and python == sys.executable for _, texts, python in calls)
    assert report["words"] == sum(len(t.split()) for t in TEXTS) and report["texts"] == 2
    assert report["repeats"] == 2
    assert report["runs"] == {"spacy": [2.0, 1.5], "extraction": [2.6, 2.9]}
    assert report["spacy"]["cpu_seconds"] == 1.5 and report["extraction"]["cpu_seconds"] == 2.6
    assert report["spacy"]["seconds"] == 2.0 and report["extraction"]["seconds"] == 3.1
    assert report["cpu_ratio"] == pytest.approx(1.5 / 2.6, rel=0.01)  # of rates rounded to 0.1 word/s
    assert report["ratio"] == pytest.approx(2.0 / 3.1, rel=0.01)


def test_the_cli_leads_with_fresh_figures_and_keeps_the_in_process_ones(monkeypatch, capsys, tmp_path):
    """The JSON's `cpu_ratio` is the fresh-process one; the in-process figures stay under `in_process`
    and `in_process_cpu_ratio`, and the load average is reported."""
    fresh = {
        "spacy": {"cpu_seconds": 1.0},
        "extraction": {"cpu_seconds": 1.25},
        "ratio": 0.7,
        "cpu_ratio": 0.8,
    }
    old = {"spacy": {}, "extraction": {}, "ratio": 0.95, "cpu_ratio": 0.9, "blas_threads": 1}
    seen = {}

    def fake_fresh(texts, repeats):
        seen["fresh"] = (texts, repeats)
        return fresh

    monkeypatch.setattr(bench, "measure_fresh", fake_fresh)
    monkeypatch.setattr(bench, "measure", lambda texts, repeats: old)
    article = tmp_path / "a.txt"
    article.write_text(TEXTS[0], encoding="utf-8")
    bench.main(["--repeats", "2", str(article)])
    out = json.loads(capsys.readouterr().out)
    assert seen["fresh"] == ([TEXTS[0]], 2)
    assert out["cpu_ratio"] == 0.8 and out["ratio"] == 0.7
    assert out["in_process_cpu_ratio"] == 0.9 and out["in_process_ratio"] == 0.95
    assert out["in_process"]["cpu_ratio"] == 0.9
    assert len(out["load_average"]["before"]) == 3 and len(out["load_average"]["after"]) == 3

    bench.main(["--no-in-process", str(article)])
    out = json.loads(capsys.readouterr().out)
    assert "in_process" not in out and seen["fresh"] == ([TEXTS[0]], 3)


def test_a_child_times_one_part_in_a_real_fresh_process(tmp_path):
    """`--child` loads the model in a new interpreter and prints one pass's seconds; spaCy alone never
    imports the extraction's pipeline into the process it is timed in."""
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(TEXTS), encoding="utf-8")
    timed = bench._child("spacy", texts_file, sys.executable)
    assert {"seconds", "cpu_seconds", "thread_cpu_seconds", "system_seconds", "minor_faults"} <= set(timed)
    assert timed["cpu_seconds"] > 0 and "stages" not in timed
    assert len(timed["gc_seconds"]) == 3 and len(timed["gc_collections"]) == 3
    probe = (
        "import sys, json; from devtools.benchmarks import extraction as b; "
        "b.time_part('spacy', json.load(open(sys.argv[1]))); "
        "print('claims.extraction.pipeline' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(texts_file)], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_an_unknown_part_is_refused():
    with pytest.raises(ValueError):
        bench.time_part("parser", TEXTS)


def test_the_extraction_child_reports_its_stages(tmp_path):
    """The extraction's child times cleaning, the parse and each extractor inside its one pass; the stages
    and what is outside them add up to the pass's CPU seconds."""
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(TEXTS * 3), encoding="utf-8")
    timed = bench._child("extraction", texts_file, sys.executable)
    stages = timed["stages"]
    assert set(stages) == {"clean", "parse", "quantities", "dates", "statements", "checks", "other"}
    assert stages["parse"] > 0
    assert sum(stages.values()) == pytest.approx(timed["cpu_seconds"], abs=0.01)
