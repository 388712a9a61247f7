"""Dates never invented: with nothing to anchor an article in time, a relative date keeps what the
text says and stores the year (or the week) as not known; the day the extraction runs is never used."""

from __future__ import annotations

import datetime as dt
import re

from claims.extraction import extract
from newstext.publication import publication_and_reference

UNDATED = (
    "Harbour strike ends after two weeks\n\n"
    "Dock workers in Portville returned to work on Saturday, the union said.\n\n"
    "The strike began in January, when the port cut overtime pay. A few days ago the mayor met both sides,"
    " and the port signed a new agreement on 23 January, officials said.\n\n"
    "The union first organised the docks in 1996.\n"
)


def _dates(text: str, **kwargs) -> dict[str, object]:
    return {c.expression.text: c for c in extract(text, **kwargs).claims if c.kind == "date"}


def test_an_undated_article_keeps_only_what_its_dates_say(nlp):
    dates = _dates(UNDATED)
    assert (dates["on Saturday"].precision, dates["on Saturday"].weekday) == ("weekday", 5)
    assert (dates["in January"].precision, dates["in January"].value) == ("month-no-year", "XXXX-01")
    assert (dates["on 23 January"].precision, dates["on 23 January"].value) == ("day-no-year", "XXXX-01-23")
    assert dates["A few days ago"].precision == "relative"
    assert (dates["in 1996"].value, dates["in 1996"].precision) == ("1996", "year")  # written: kept
    today = str(dt.date.today().year)
    for claim in dates.values():  # no year but the one the text writes; no interval made up
        assert not re.search(r"\d{4}", claim.value) or claim.value == "1996"
        assert today not in claim.value
        if claim.value.startswith("X"):
            assert claim.earliest is None and claim.latest is None


def test_the_same_article_with_a_publication_date_is_resolved(nlp):
    dates = _dates(UNDATED, published="2022-01-31")  # a Monday
    assert dates["on Saturday"].value == "2022-01-29"
    assert dates["in January"].value == "2022-01"
    assert dates["on 23 January"].value == "2022-01-23"


def test_a_scheduled_weekday_resolves_forward(nlp):
    """'will speak on Monday' in an article of Wednesday is the coming Monday, not the one just past."""
    text = "The minister will speak on Monday about the port, her office said on Tuesday.\n"
    dates = _dates(text, published="2022-02-02")  # a Wednesday
    assert dates["on Monday"].value == "2022-02-07"
    assert dates["on Tuesday"].value == "2022-02-01"


def test_no_reference_date_without_an_anchor():
    """No date in the text and none given: no publication date, and no reference date at all."""
    publication, reference = publication_and_reference("Talks resumed on Monday.")
    assert (publication.value, publication.source) == (None, "none")
    assert reference.date is None and reference.basis == "none"


def test_a_contradicted_page_stamp_gives_no_year(nlp):
    """A page stamp later than the flight the article announces is not the publication date, and its
    year is not lent to the article's dates."""
    text = (
        "09:10 GMT 11 October 2023\n\nThe ferry will leave Portville on 14 July, the operator said on 12 July."
        " Repairs began in May.\n"
    )
    extraction = extract(text)
    assert extraction.publication.value is None
    assert extraction.publication.conflicts == [(dt.date(2023, 10, 11), "header")]
    dates = {c.expression.text: c for c in extraction.claims if c.kind == "date"}
    assert dates["on 14 July"].value == "XXXX-07-14" and dates["on 12 July"].value == "XXXX-07-12"
    assert dates["in May"].value == "XXXX-05"


def test_header_candidates_from_the_import_are_weighed_with_a_caption(nlp):
    """Two title-bar dates the import took off the body: the one before the photo's day is ruled out."""
    text = (
        "A crane unloads containers at Portville on May 8 (REUTERS)\n\n"
        "Two cargo ships docked at Portville on Saturday, the port said.\n"
    )
    candidates = [("2021-05-02", "header"), ("2021-05-10", "header")]
    extraction = extract(text, candidates=candidates)
    assert (extraction.publication.value, extraction.publication.source) == (dt.date(2021, 5, 10), "header")
    assert extraction.publication.conflicts == [(dt.date(2021, 5, 2), "header")]
    dates = {c.expression.text: c.value for c in extraction.claims if c.kind == "date"}
    assert dates["on Saturday"] == "2021-05-08"
