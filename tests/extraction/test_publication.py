"""Publication date: metadata first, else the header date the article's own events agree with."""

from __future__ import annotations

import datetime as dt

from claims.extraction.cleaning import prepare
from claims.extraction.dates import date_claims
from newstext.publication import find_publication_date, publication_and_reference


def test_metadata_wins_and_disagreeing_header_dates_are_conflicts():
    """A `published` argument is the answer; header dates that differ are listed as conflicts."""
    text = "Published 12.02.2021\n\nThe council met on Monday."
    pub = find_publication_date(text, published="2021-02-13")
    assert (pub.value, pub.source, pub.precision) == (dt.date(2021, 2, 13), "metadata", "day")
    assert pub.conflicts == [(dt.date(2021, 2, 12), "dateline")]


def test_a_dateline_gives_the_date_when_there_is_no_metadata():
    """'Published 12.02.2021' near the top is read as the publication date."""
    pub = find_publication_date("Published 12.02.2021\n\nThe council met on Monday.")
    assert (pub.value, pub.source) == (dt.date(2021, 2, 12), "dateline")


def test_long_form_header_dates_are_read():
    """'March 24, 2019' and '04 August 2020' in a header line are candidates."""
    assert find_publication_date("Flood warning issued\nMarch 24, 2019\n\nRivers rose.").value == dt.date(
        2019, 3, 24
    )
    pub = find_publication_date("07:45 GMT04 August 2020\n\nRivers rose again.")
    assert (pub.value, pub.source) == (dt.date(2020, 8, 4), "header")


def test_of_two_header_dates_the_one_the_events_allow_is_chosen():
    """A header date earlier than an event the article reports is rejected in favour of the other."""
    text = (
        "date 2019-03-18  Storm hits coast | News | 25.03.2019\n\n"
        "The storm reached the coast on March 22, 2019, officials said.\n"
    )
    pub = find_publication_date(text)
    assert pub.value == dt.date(2019, 3, 25)
    assert pub.conflicts == [(dt.date(2019, 3, 18), "header")]


def test_a_page_timestamp_after_an_announced_event_is_not_the_publication_date(nlp):
    """A header date after the day a flight 'will' leave is a later page stamp: no date is claimed."""
    text = "10:00 GMT 04 August 2020\n\nThe plane will fly out on 26 June, the embassy said on 24 June.\n"
    claims, pub = date_claims(prepare(text))
    assert pub.value is None and pub.source == "none"
    assert pub.conflicts == [(dt.date(2020, 8, 4), "header")]
    values = {c.expression.text: c.value for c in claims}
    # The reference moves between the events, so the scheduled flight stays after the statement.
    assert values["on 24 June"] < values["on 26 June"]


def test_without_any_date_nothing_is_resolved_against_today():
    """No date in the text: no publication date, and no reference date (never the day the extraction
    runs; issue 13: relative dates then keep what they say, with the year not known)."""
    pub, ref = publication_and_reference("Talks resumed on Monday.")
    assert (pub.value, pub.source, pub.precision) == (None, "none", "unknown")
    assert (ref.date, ref.basis) == (None, "none")


def test_a_photo_caption_date_is_only_a_lower_bound(nlp):
    """A dated caption precedes publication; past weekdays the article names are placed after it."""
    text = (
        "Crowds gather in the square, Paris, March 24, 2019. (Photo by Reuters)\n\n"
        "Police confirmed the arrests on Tuesday, the agency reported.\n"
    )
    claims, pub = date_claims(prepare(text))
    assert pub.value is None and pub.conflicts == [(dt.date(2019, 3, 24), "caption")]
    assert [c.value for c in claims] == ["2019-03-26"]


def test_seed_publication_dates(seeds):
    """DW's two header dates resolve to 25.03.2019; Sputnik's later page stamp is not taken as its date."""
    gold, texts = seeds
    dw = next(k for k, a in gold["articles"].items() if a.get("published"))
    assert find_publication_date(texts[dw]).value.isoformat() == gold["articles"][dw]["published"]
    sputnik = next(k for k, a in gold["articles"].items() if a.get("outlet") == "Sputnik")
    _, pub = date_claims(prepare(texts[sputnik]))
    assert pub.value is None and pub.conflicts


def test_an_updated_stamp_is_never_the_publication_date(nlp):
    """'Last updated' only bounds the date from above: no date is claimed from it, no year is lent."""
    text = "Last updated: 2023-10-11 09:10\n\nThe ferry left Portville on Tuesday, the operator said.\n"
    claims, pub = date_claims(prepare(text))
    assert pub.value is None and pub.conflicts == [(dt.date(2023, 10, 11), "updated")]
    assert [(c.value, c.precision) for c in claims] == [("XXXX-XX-XX", "weekday")]


def test_published_wins_over_updated_and_header_dates_are_not_events(nlp):
    text = (
        "Bridge reopens after repairs\nPublished 11 March 2021 | Updated 14 March 2021\n\n"
        "The bridge reopened on Friday, the city said.\n"
    )
    claims, pub = date_claims(prepare(text))
    assert (pub.value, pub.conflicts) == (dt.date(2021, 3, 11), [(dt.date(2021, 3, 14), "updated")])
    assert [(c.expression.text, c.value) for c in claims] == [("on Friday", "2021-03-05")]


def test_a_dateline_opening_the_first_paragraph_dates_the_article(nlp):
    """'PORTVILLE, Oct. 4, 2023 (Reuters) - ...' on the first line of prose is the dateline, not an event."""
    claims, pub = date_claims(
        prepare("PORTVILLE, Oct. 4, 2023 (Reuters) - The ferry will leave on Tuesday, its operator said.\n")
    )
    assert (pub.value, pub.source) == (dt.date(2023, 10, 4), "dateline")
    assert [(c.expression.text, c.value) for c in claims] == [("on Tuesday", "2023-10-10")]
