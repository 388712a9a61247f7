"""Extraction on arbitrary text: no extractor fails, every span quotes the text, every value is sane."""

from __future__ import annotations

import datetime as dt
import logging
import re

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import extract, extract_many
from claims.extraction.types import DateClaim
from tests.extraction_support import claim_spans, messages_logged

from .strategies import any_text, fuzz_settings, hostile_text, news_text, publication_dates

_VALUE_LENGTH = {"year": 4, "month": 7, "day": 10}


# A date whose year (or week) is not known: the value's shape, and nothing made up (no year, no interval).
_NOT_KNOWN = {
    "day-no-year": r"XXXX-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",
    "month-no-year": r"XXXX-(0[1-9]|1[0-2])",
    "weekday": r"XXXX-XX-XX",
    "relative": r"XXXX-XX-XX",
}


def _check_date(claim: DateClaim) -> None:
    if claim.precision in _NOT_KNOWN:
        assert re.fullmatch(_NOT_KNOWN[claim.precision], claim.value), claim
        assert claim.earliest is None and claim.latest is None, claim
        assert (claim.weekday is not None) == (claim.precision == "weekday"), claim
        return
    assert claim.precision in _VALUE_LENGTH, claim
    assert len(claim.value) == _VALUE_LENGTH[claim.precision], claim
    first = dt.date.fromisoformat(
        claim.value + {"year": "-01-01", "month": "-01", "day": ""}[claim.precision]
    )
    if claim.earliest is not None and claim.latest is not None:
        assert claim.earliest <= claim.latest, claim
    if claim.precision == "day" and not claim.approximate:
        assert claim.earliest == first == claim.latest, claim


def check_extraction(text: str, extraction) -> None:
    """The invariants every extraction keeps, whatever the text."""
    starts = [c.start for c in extraction.claims]
    assert starts == sorted(starts)
    for claim in extraction.claims:
        for span in claim_spans(claim):
            assert 0 <= span.start <= span.end <= len(text), (claim, span)
            assert text[span.start : span.end] == span.text, (claim, span)
        assert claim.start < claim.end, claim
        assert 0.0 <= claim.confidence <= 1.0, claim
        if claim.kind == "quantity":
            assert claim.low <= claim.high, claim
            assert claim.direction in ("=", ">", "<", "~"), claim
        elif claim.kind == "date":
            _check_date(claim)
        else:
            assert claim.polarity in ("asserted", "denied", "refused", "question", "position"), claim
    for span in extraction.furniture:
        assert text[span.start : span.end] == span.text
    publication = extraction.publication
    assert publication.precision in ("day", "month", "unknown")
    assert (publication.value is None) == (publication.precision == "unknown")


@fuzz_settings(150)
@given(hostile_text, publication_dates)
def test_extract_any_text_keeps_its_invariants(text, published):
    """Odd unicode, number soup, date soup, very long tokens: nothing raised or logged, spans exact."""
    with messages_logged(logging.WARNING) as problems:
        extraction = extract(text, published=published)
    assert problems == []
    check_extraction(text, extraction)
    if published is not None:
        assert extraction.publication.value == published


@fuzz_settings(40)
@given(st.lists(st.tuples(news_text, publication_dates), min_size=1, max_size=4))
def test_extract_many_agrees_with_extract(items):
    """A batch gives, for every text, the claims a single call gives."""
    with messages_logged(logging.WARNING) as problems:
        batch = extract_many([{"text": text, "published": published} for text, published in items])
    assert problems == []
    assert len(batch) == len(items)
    for (text, published), extraction in zip(items, batch, strict=True):
        check_extraction(text, extraction)
        single = extract(text, published=published)
        assert [(c.kind, c.start, c.end) for c in extraction.claims] == [
            (c.kind, c.start, c.end) for c in single.claims
        ]


@fuzz_settings(40)
@given(hostile_text, st.one_of(st.none(), news_text), publication_dates, st.one_of(st.none(), any_text))
def test_import_preview_of_any_row(body, title, published, outlet):
    """The import preview shows what extraction finds in any row, never an extractor failure."""
    from claims.selectors.extraction_preview import extraction_preview

    [preview] = extraction_preview([(2, body, title, published, outlet)])
    assert preview.error == ""
    assert preview.row == 2 and isinstance(preview.title, str)
    assert all(claim.kind in ("quantity", "date", "statement") and claim.detail for claim in preview.claims)
