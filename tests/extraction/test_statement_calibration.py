"""A statement's confidence holds on other news, not only on the corpus the table was fitted on: it is the lower of
PolNeAR's share for its group and the share an editor's strict read of other news found right for statements of
its kind (quoted or not, named or not, cue class, and whether a reported statement's verb takes a clause: "said
that ..." against "rejected the plan"). What is stored does not depend on the read. Sentences written for the
tests."""

from __future__ import annotations

import pytest

from claims.extraction.statements import calibration
from claims.extraction.types import StatementClaim
from devtools.training.calibration import fit_read, levels


class _EveryGroup(dict):
    """A dev table that puts every group at one share."""

    def __init__(self, share: float) -> None:
        super().__init__()
        self.share = share

    def __contains__(self, group: object) -> bool:
        return True

    def __getitem__(self, group: str) -> float:
        return self.share


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("Mayor Ana Ruiz said that the harbour will reopen in June.", "clause"),
        ("Mayor Ana Ruiz said the harbour will reopen in June.", "clause"),
        ("According to Mayor Ana Ruiz, the harbour will reopen in June.", "clause"),
        ('"The harbour will reopen in June," Mayor Ana Ruiz said.', "quote"),
        ("Mayor Ana Ruiz rejected the plan for the harbour on Monday.", "phrase"),
        ("Mayor Ana Ruiz urged the council to reopen the harbour.", "phrase"),
    ],
)
def test_a_reported_statement_on_a_verb_taking_no_clause_is_read_as_a_phrase(statements, text, shape):
    """The read group tells a clause said ("said that ...", "according to") from what a verb takes as its object
    ("rejected the plan", "urged ... to"), which an editor far more often finds is an act, not a statement."""
    found = statements(text)
    assert found, text
    assert calibration.shape(found[0]) == shape


def test_the_confidence_shown_is_held_to_the_read_and_storing_is_not(statements, monkeypatch):
    """With the dev table at 0.95 everywhere, a reported act ("rejected the plan") is shown at its read group's
    share, a clause said at the lower of the two, and neither is dropped for a low read share."""
    monkeypatch.setattr(calibration, "_table", lambda: _EveryGroup(0.95))
    read = {"reported|named|core|phrase": 0.2, "reported|named|core|clause": 0.9, "reported|*|*|*": 0.5}
    monkeypatch.setattr(calibration, "_read_table", lambda: read)
    (act,) = statements("Mayor Ana Ruiz rejected the plan for the harbour on Monday.")
    (said,) = statements("Mayor Ana Ruiz said that the harbour will reopen in June.")
    assert (act.confidence, said.confidence) == (0.2, 0.9)
    monkeypatch.setattr(calibration, "_read_table", dict)
    (said,) = statements("Mayor Ana Ruiz said that the harbour will reopen in June.")
    assert said.confidence == 0.95


def test_a_read_group_the_read_lacks_takes_its_coarser_groups_share():
    """A group the read never saw is held to the share of its quoted kind and shape, else of its quoted kind."""
    read = {"reported|*|*|phrase": 0.3, "reported|*|*|*": 0.6, "direct|named|core|quote": 0.85}
    assert calibration.read_share(read, "reported|unnamed|other|phrase") == 0.3
    assert calibration.read_share(read, "reported|unnamed|other|clause") == 0.6
    assert calibration.read_share(read, "direct|named|core|quote") == 0.85
    assert calibration.read_share(read, "direct|unnamed|other|quote") is None


def test_the_read_table_is_a_lower_bound_shrunk_towards_its_kind():
    """Three right of three is not put at 1: shrunk towards its kind's share and held below by the bound; a large
    group mostly right stays below its share; a weight counts a statement as the many it stands for."""
    rows = [("reported|named|core|clause", True, 1.0)] * 3 + [("reported|named|core|phrase", False, 1.0)] * 7
    rows += [("direct|named|core|quote", True, 1.0)] * 95 + [("direct|named|core|quote", False, 1.0)] * 5
    table = fit_read(rows)
    assert table["reported|named|core|clause"] < 0.6 < 1.0
    assert table["reported|named|core|phrase"] < table["reported|named|core|clause"]
    assert 0.85 < table["direct|named|core|quote"] < 0.95
    heavy = fit_read(
        [("reported|named|core|clause", True, 1.0), ("reported|named|core|clause", False, 9.0)] * 5
    )
    light = fit_read(
        [("reported|named|core|clause", True, 9.0), ("reported|named|core|clause", False, 1.0)] * 5
    )
    assert heavy["reported|named|core|clause"] < light["reported|named|core|clause"]


def test_the_share_right_by_confidence_counts_from_each_level():
    """The report's line: at each level, the statements at or above it and the weighted share right."""
    counts = levels([(0.95, True, 1.0), (0.92, False, 1.0), (0.6, True, 2.0)])
    assert counts[">=0.9"] == "1/2 (0.500)"
    assert counts[">=0.6"] == "2/3 (0.750)"


def test_a_statement_without_a_table_keeps_its_raw_confidence(monkeypatch):
    """While a table is being fitted the raw confidence stands, read or not."""
    monkeypatch.setattr(calibration, "_table", lambda: None)
    claim = StatementClaim(start=0, end=4, text="Wind", speaker="Ana Ruiz", confidence=0.77)
    assert calibration.carried(claim) == 0.77
