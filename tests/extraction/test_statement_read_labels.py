"""The editor's read the confidence is held to stays a read of what is stored now: each label records a digest of
the form it judged, so a label whose statement the extractor now stores differently (span, speaker, quoted or
not, polarity, words) is reported for a new verdict, one no longer stored is dropped, and the weights follow
what is stored. Sentences written for the tests."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from claims.extraction.statements import calibration
from claims.extraction.types import StatementClaim
from devtools.training.read_labels import check, form, judged_claim, stamped

LABELS = Path(__file__).parents[2] / "devtools/training/data/basil-dev-read.jsonl"


def _claim(start: int = 0, end: int = 30, **fields: object) -> StatementClaim:
    base = StatementClaim(start=start, end=end, text="the harbour will reopen in June", speaker="Ana Ruiz")
    return dataclasses.replace(base, **fields)


def _label(article: str, claim: StatementClaim, **fields: object) -> dict[str, object]:
    label = {"article": article, "start": claim.start, "end": claim.end, "kind": "statement"}
    return label | {"verdict": "right", "confidence": 0.95, "form": form(claim)} | fields


def test_the_form_changes_with_what_an_editor_judged_and_only_with_that():
    """Polarity, speaker, quoting and span change the digest; the confidence does not."""
    claim = _claim()
    assert form(claim) == form(dataclasses.replace(claim, confidence=0.2))
    for change in ({"polarity": "denied"}, {"speaker": "Ilse Varga"}, {"direct": True}, {"start": 4}):
        assert form(dataclasses.replace(claim, **change)) != form(claim), change


def test_a_label_is_same_changed_or_gone():
    """A statement stored as judged keeps its verdict, one stored differently is reported changed (here its
    polarity), one no longer stored is gone; a span moved a little still finds its statement."""
    kept, turned, lost = _claim(0, 30), _claim(40, 80), _claim(100, 130)
    labels = [_label("a", kept), _label("a", turned), _label("a", lost)]
    labels.append({"article": "a", "start": 0, "end": 5, "kind": "date", "verdict": "right"})
    now = {"a": [kept, dataclasses.replace(turned, polarity="refused")]}
    assert [status for _, _, status in check(labels, now)] == ["same", "changed", "gone"]
    moved = dataclasses.replace(kept, start=2)
    assert judged_claim([moved], _label("a", kept)) is moved
    assert judged_claim([dataclasses.replace(kept, start=20)], _label("a", kept)) is None


def test_stamping_drops_what_is_gone_and_weighs_each_stratum_by_what_is_stored():
    """Weights are stored over judged per stratum of PolNeAR's share (< 0.7, 0.7-0.9, >= 0.9); spans and
    confidences are the current ones; labels of other kinds pass through."""
    high, low, lost = _claim(0, 30, confidence=0.95), _claim(40, 80, confidence=0.5), _claim(100, 130)
    stored = [high, low] + [_claim(200 + 40 * i, 230 + 40 * i, confidence=0.92) for i in range(5)]
    labels = [_label("a", high), _label("a", low, start=41), _label("a", lost)]
    labels.append({"article": "a", "start": 0, "end": 5, "kind": "date", "verdict": "right"})
    out = stamped(labels, {"a": stored})
    assert [(lb["kind"], lb["start"], lb.get("weight")) for lb in out] == [
        ("statement", 0, 6.0),
        ("statement", 40, 1.0),
        ("date", 0, None),
    ]
    assert out[1]["confidence"] == 0.5 and out[1]["form"] == form(low)


def test_without_the_read_the_confidence_is_polnears_share(statements, monkeypatch):
    """Stamping reads PolNeAR's share (what storing decides on), not the confidence held to the read."""
    monkeypatch.setattr(calibration, "_read_table", lambda: {"reported|*|*|*": 0.1, "direct|*|*|*": 0.1})
    text = "Mayor Ana Ruiz said that the harbour will reopen in June."
    (held,) = statements(text)
    monkeypatch.undo()
    monkeypatch.setattr(calibration, "_USE_READ", False)
    (share,) = statements(text)
    assert held.confidence == 0.1 < share.confidence


def test_the_shipped_read_is_stamped_and_large_enough():
    """At least 250 judged statements, each with its form, weight and a verdict, no span judged twice."""
    rows = [json.loads(line) for line in LABELS.read_text().splitlines()]
    judged = [row for row in rows if row["kind"] == "statement"]
    assert len(judged) >= 250
    assert all(row.get("form") and row["weight"] > 0 for row in judged)
    assert {row["verdict"] for row in judged} <= {"right", "wrong", "doubtful"}
    assert len({(row["article"], row["start"], row["end"]) for row in judged}) == len(judged)
