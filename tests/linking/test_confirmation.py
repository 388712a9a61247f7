"""Independent confirmation: outlets repeating one upstream source count once."""

from __future__ import annotations

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim
from claims.linking.confirmation import independent_confirmations, upstream
from claims.linking.types import LinkableClaim


def qty(cid, outlet, source=None):
    claim = QuantityClaim(0, 10, "100 soldiers", 100, 100, "soldiers", "soldier", source=source)
    return LinkableClaim(cid, f"art-{cid}", outlet, claim, "The planes carried 100 soldiers.")


def stmt(cid, outlet, speaker=None, attribution=None):
    claim = StatementClaim(0, 10, "the planes brought equipment", speaker, attribution=attribution)
    return LinkableClaim(cid, f"art-{cid}", outlet, claim, "The planes brought equipment.")


def test_outlets_all_citing_one_agency_are_one_confirmation():
    """Three outlets citing Sputnik, plus Sputnik's own report, are one confirmation with a chain."""
    result = independent_confirmations(
        [
            stmt("1", "DW", speaker="Sputnik"),
            stmt("2", "Press TV", attribution="according to Sputnik"),
            stmt("3", "Al Mundo", attribution="Sputnik News"),
            stmt("4", "Sputnik"),
        ]
    )
    assert result.count == 1
    assert ("DW", "Sputnik") in result.chain and ("Press TV", "according to Sputnik") not in result.chain
    assert ("Press TV", "Sputnik") in result.chain
    assert result.origins == ["Sputnik"]


def test_named_source_in_short_and_full_form_is_one_origin():
    """'according to Javier Mayorca' and 'Mayorca' are the same journalist; an unsourced outlet is another."""
    result = independent_confirmations(
        [qty("1", "DW", "according to Javier Mayorca"), qty("2", "El Diario", "Mayorca"), qty("3", "RT")]
    )
    assert result.count == 2
    assert sorted(map(sorted, result.groups)) == [["1", "2"], ["3"]]
    assert "Javier Mayorca" in result.origins


def test_independent_outlets_each_count():
    """Three outlets with no upstream source are three confirmations (dates carry no source)."""
    dates = [
        LinkableClaim(i, f"art-{i}", o, DateClaim(0, 5, "on Saturday", "2019-03-23", "day"), "x")
        for i, o in (("1", "A"), ("2", "B"), ("3", "C"))
    ]
    assert independent_confirmations(dates).count == 3


def test_citation_chain_through_an_outlet_of_the_group_collapses():
    """A cites B and B cites C: A, B and C's reports are all C's word."""
    result = independent_confirmations(
        [qty("1", "Outlet A", "Outlet B"), qty("2", "Outlet B", "Outlet C"), qty("3", "Outlet C")]
    )
    assert result.count == 1 and result.chain == [("Outlet A", "Outlet B"), ("Outlet B", "Outlet C")]


def test_upstream_strips_the_reporting_cue():
    """upstream() gives the name without 'according to'."""
    assert upstream(qty("1", "DW", "according to independent journalist Javier Mayorca")) == (
        "independent journalist Javier Mayorca"
    )
    assert upstream(qty("2", "DW")) is None
