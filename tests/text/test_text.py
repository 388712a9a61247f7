"""The shared text package: month names, sentences, the page header, outlets and corrections.

Every text here is our own fiction. The package is pure Python: no Django, no spaCy.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from newstext.header import headline_span, read_header
from newstext.months import month_number
from newstext.notes import find_notes
from newstext.outlets import KnownOutlet, domain_of, outlet_for_domain, outlet_in_bar, outlet_in_furniture
from newstext.sentences import sentence_spans, sentences

LONG_HEADLINE = (
    "Harbour authority says two cargo ships carrying 300 tonnes of grain will dock in Portville "
    "before the storm reaches the northern coast on Friday"
)


def test_package_is_pure_python():
    """Importing every module of the text package loads neither Django nor spaCy."""
    code = (
        "import sys, newstext.dates, newstext.furniture, newstext.header, newstext.months, newstext.notes,"
        " newstext.outlets, newstext.sentences, newstext.chars, newstext.date_mentions,"
        " newstext.date_resolve, newstext.publication, sources.importing.rawtext\n"
        "assert not any(m == 'django' or m.startswith(('django.', 'spacy')) for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith(('django', 'spacy')))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_month_names_and_abbreviations():
    assert [month_number(w) for w in ("March", "mar.", "Sept", "sep", "DECEMBER", "Mayday")] == [
        3,
        3,
        9,
        9,
        12,
        None,
    ]


def test_sentences_keep_offsets_and_split_before_capitals():
    text = 'The mayor said "yes." Then 3 ships left.\nIt was 3.5 metres deep, e.g. a lot… Next day.'
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == sentences(text)
    assert sentences(text) == [
        'The mayor said "yes."',
        "Then 3 ships left.",
        "It was 3.5 metres deep, e.g. a lot…",
        "Next day.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two days after the vote, Mrs. Hale wrote to the board. It did not answer.",
            ["Two days after the vote, Mrs. Hale wrote to the board.", "It did not answer."],
        ),
        (
            "Gov. Ames met Sen. Ortiz, Rep. Lund and Dr. Wray. Lt. Gen. Pike and Sgt. Moss stayed at St. Agnes.",
            [
                "Gov. Ames met Sen. Ortiz, Rep. Lund and Dr. Wray.",
                "Lt. Gen. Pike and Sgt. Moss stayed at St. Agnes.",
            ],
        ),
        (
            "The letter was signed by Peter J. Moss. Nobody replied.",
            ["The letter was signed by Peter J. Moss.", "Nobody replied."],
        ),
        (
            "The No. 2 official left on Jan. 5 and the ferry ran again. In Jan. Nobody sailed.",
            ["The No. 2 official left on Jan. 5 and the ferry ran again.", "In Jan.", "Nobody sailed."],
        ),
        ("The dean was Mr.\nHale came later.", ["The dean was Mr.", "Hale came later."]),
    ],
)
def test_a_title_or_an_initial_ends_no_sentence(text, expected):
    """The full stop of a title or an initial belongs to the name after it; a month or "No." before a
    figure ends no sentence either, but before a capital word it may, and a line break always does."""
    assert sentences(text) == expected
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The board praised the efforts.On Thursday it voted to close the pier.Of that, $3 million was spent.",
            [
                "The board praised the efforts.",
                "On Thursday it voted to close the pier.",
                "Of that, $3 million was spent.",
            ],
        ),
        (
            "Rents were lowest in the 1980s.There were 40 empty flats.It went to Ana [Roe].But FBI agents came.",
            [
                "Rents were lowest in the 1980s.",
                "There were 40 empty flats.",
                "It went to Ana [Roe].",
                "But FBI agents came.",
            ],
        ),
        (
            'The ferry crew said "we saw nothing like this."Mr. Doe said he left the case.McNally and Pe\u00f1a stayed.',
            [
                'The ferry crew said "we saw nothing like this."',
                "Mr. Doe said he left the case.",
                "McNally and Pe\u00f1a stayed.",
            ],
        ),
        (
            '\u201cThe pier is safe," Ms. Roe said in a statement."We checked it." Then she left.',
            ['\u201cThe pier is safe," Ms. Roe said in a statement.', '"We checked it."', "Then she left."],
        ),
        (
            'Gov.Ames met Mrs.Hale at kestrel.com, the U.S.Navy pier, at 3.5 knots and said "open,"We will" then.',
            [
                'Gov.Ames met Mrs.Hale at kestrel.com, the U.S.Navy pier, at 3.5 knots and said "open,"We will" then.'
            ],
        ),
    ],
)
def test_sentences_a_scraper_glued_are_two_and_keep_their_offsets(text, expected):
    """A sentence end glued to the next sentence (a word, a figure, a decade or a bracket, then . ! ?, then
    a capitalised word, an acronym or a quotation mark) is a boundary; the text is not changed, so the
    offsets are the stored text's. Titles ('Gov.Ames', 'Mrs.Hale'), initials ('U.S.Navy'), web addresses,
    decimals and a quotation mark after a comma are no sentence end."""
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_a_headline_is_a_headline_however_long():
    """A 25-word headline above the first paragraph is the title, not the body's first paragraph."""
    text = (
        f"{LONG_HEADLINE}\n\nPORTVILLE - Two cargo ships are due on Thursday, the harbour authority said.\n"
    )
    header = read_header(text)
    assert header.title is not None and header.title.text == LONG_HEADLINE
    assert text[header.end :].startswith("PORTVILLE - Two cargo ships")
    assert headline_span(text) == header.title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Portville / News / Harbour\n\nShips dock in Portville\n\nTwo ships docked on Monday, the port said.",
            "Ships dock in Portville",
        ),
        (
            "Will the storm close the port of Portville?\n\nForecasters expect the storm to reach the coast on Friday.",
            "Will the storm close the port of Portville?",
        ),
        (
            "07:45 GMT 04 May 2021\nLatin America\n\nTwo ships docked at Portville on Monday, officials said.",
            None,
        ),
        ("By Ann Lee\n\nTwo ships docked at Portville on Monday, officials said.", None),
    ],
)
def test_header_lines_that_are_not_headlines(text, title):
    """Breadcrumbs, timestamps, section labels and bylines are never the title; a question headline is."""
    found = read_header(text).title
    assert (found.text if found else None) == title


@pytest.mark.parametrize(
    "headline",
    [
        "Storm warning: three ports close along the northern coast as the river keeps rising overnight",
        "\u201cWe will not leave,\u201d says Portville mayor as floods reach the old town",
        "PORTVILLE FLOODS: THOUSANDS STRANDED",
        "Will the storm close the port of Portville for the rest of the season?",
        "Port of Portville closes on May 3, 2024 after the worst storm in decades",
        "Mayor: \u201cThe quay will reopen when the water goes down\u201d",
    ],
)
def test_every_headline_shape_is_found_by_the_import(headline):
    """Headlines of our own in the shapes news pages use, above a section label, byline and date, are titles."""
    from sources.importing.rawtext import parse_text

    page = (
        f"World\n\n{headline}\n\nBy Ann Lee\nPublished: 4 May 2024\n\n"
        "PORTVILLE - Three ports closed on Friday as the river rose, the harbour authority said.\n\n"
        "About 2,000 people left the old town, officials said.\n"
    )
    values = parse_text(page)
    assert values["title"] == headline
    assert values["byline"] == "Ann Lee"
    assert values["body"].startswith("PORTVILLE - Three ports closed")


@pytest.mark.parametrize(
    ("bar", "outlet"),
    [
        ("Portville Courier | 5 March 2019", "Portville Courier"),
        ("05.03.2019 | Portville Courier", "Portville Courier"),
        ("Portville Courier | Updated: Tue 5 March 2019 10:32 GMT", "Portville Courier"),
    ],
)
def test_a_name_and_a_date_on_one_bar_give_the_outlet_not_the_title(bar, outlet):
    """ "Outlet | 5 March 2019" above the headline is a title bar: its name is the outlet, its date the
    page's, and the headline below it the title."""
    from sources.importing.rawtext import parse_text

    page = (
        f"{bar}\nShips dock in Portville after the storm\n\n"
        "Two ships docked at Portville on Monday, the harbour authority said.\n"
    )
    values = parse_text(page)
    assert (values["outlet"], values["title"]) == (outlet, "Ships dock in Portville after the storm")
    assert str(values["published_on"]) == "2019-03-05"


def test_a_headline_beside_a_date_on_one_bar_is_no_outlet():
    """A long headline and a date on either side of one bar: the headline is no outlet's name."""
    from sources.importing.rawtext import parse_text

    page = (
        "Ships dock in Portville as the storm moves north | 5 March 2019\n\n"
        "Two ships docked at Portville on Monday, the harbour authority said.\n"
    )
    assert parse_text(page)["outlet"] == ""


def test_prose_without_a_header_has_no_headline():
    """A text that starts with its first paragraph, or one line with no full stop, has no headline."""
    assert (
        read_header("Two ships docked on Monday, officials said.\n\nMore came later, they said.").title
        is None
    )
    assert read_header("Two ships docked on Monday in Portville").title is None


def test_outlet_from_domain_and_known_outlets():
    known = [KnownOutlet("Harbour Times", "harbour-times.example"), KnownOutlet("Meridian Wire", "")]
    assert domain_of("https://www.harbour-times.example/news/1") == "harbour-times.example"
    assert domain_of("not a url") == ""
    assert outlet_for_domain("m.harbour-times.example", known) == "Harbour Times"
    assert outlet_for_domain("other.example", known) == ""


def test_outlet_from_furniture_that_names_it():
    """Furniture names the outlet; a source quoted in the prose does not."""
    lines = [
        "Meridian Wire reported that the port was closed, officials said.",
        "Harbour Times\u2019s website can also be accessed at the following alternate addresses:",
    ]
    assert outlet_in_furniture(lines) == "Harbour Times"
    assert outlet_in_furniture(["\u00a9 2021 Coastline Daily. All rights reserved."]) == "Coastline Daily"
    assert outlet_in_furniture(["Follow Coastline Daily on Twitter"]) == "Coastline Daily"
    assert outlet_in_furniture(["Follow us on Twitter", "Meridian Wire reported the closure."]) == ""
    known = [KnownOutlet("Meridian Wire")]
    assert (
        outlet_in_furniture(["Two ships docked, Meridian Wire said.", "Meridian Wire News App"], known)
        == "Meridian Wire"
    )
    assert outlet_in_furniture(["Meridian Wire said two ships docked on Monday in the port."], known) == ""
    assert (
        outlet_in_bar(["Ships dock in Portville", "News", "Coastline Daily", "04.05.2021"])
        == "Coastline Daily"
    )


def test_lines_that_name_the_outlet_are_furniture():
    """The outlet's own notices are page furniture, not article text."""
    from newstext.furniture import is_furniture_line

    assert is_furniture_line(
        "Coastline Daily\u2019s website can also be accessed at the following alternate addresses:"
    )
    assert is_furniture_line("Follow Coastline Daily on Twitter")
    assert not is_furniture_line(
        "The port authority\u2019s website can be slow, officials said, and many gave up."
    )


def test_corrections_and_editors_notes_are_found_with_their_spans():
    text = (
        "Two ships docked on Saturday, officials said.\n\n"
        "Correction: An earlier version of this article said 200 workers unloaded them. It was 120.\n\n"
        "CORRECTION (May 3) - The port has three cranes, not five.\n\n"
        "The mayor said [Editor's note: the figure was later revised to 40] that 50 people came.\n\n"
        "A correction officer said corrections are rare."
    )
    notes = find_notes(text)
    assert [(n.kind, n.span.text[:20]) for n in notes] == [
        ("correction", "Correction: An earli"),
        ("correction", "CORRECTION (May 3) -"),
        ("editor_note", "[Editor's note: the "),
    ]
    for note in notes:
        assert text[note.span.start : note.span.end] == note.span.text
    assert [[r.text for r in n.retracted] for n in notes] == [
        ["Correction:", "An earlier version of this article said 200 workers unloaded them."],
        ["CORRECTION (May 3) -", "not five."],
        [],  # an editor's note retracts nothing
    ]


def test_each_kind_of_note_passes_the_quick_check_for_note_words():
    """find_notes skips a text holding none of its labels' words without cutting it into paragraphs;
    every opening it knows still holds one of them, in any case (one note per text, so a note that only
    the quick check could miss would show here)."""
    from newstext.notes import _may_hold_a_note

    openings = [
        "CLARIFICATION: The ferry leaves from pier 4.",
        "Corrections appended - The ferry leaves from pier 4.",
        "EDITORS NOTE: The ferry leaves from pier 4.",
        "Note to readers: the ferry leaves from pier 4.",
        "An ORIGINAL version of this story gave the wrong pier.",
        "This report was AMENDED to give the right pier.",
        "This piece has been clarified to give the right pier.",
        "This post was updated to correct the pier.",
        "The ferry (Clarification: from pier 4) leaves at noon.",
        "CLARIF\u0130CAT\u0130ON: The ferry leaves from pier 4.",  # re's IGNORECASE matches \u0130 to i
    ]
    for opening in openings:
        text = f"Two ferries sailed on Sunday, the harbour office said.\n\n{opening}"
        assert _may_hold_a_note(text), opening
        assert len(find_notes(text)) == 1, opening
    plain = "Two ferries sailed on Sunday.\n\nAbout 300 people boarded them, the harbour office said."
    assert not _may_hold_a_note(plain) and find_notes(plain) == []


def test_written_dates_one_set_of_patterns():
    """Complete dates in any of the four page forms; days with or without a year for event grouping."""
    from newstext.dates import calendar_days, full_dates, has_full_date, without_full_dates

    line = "Portville Tide | 2023-10-04 | Updated 5.10.2023 | Oct. 6, 2023 | 7 October 2023 | 31.02.2023"
    assert [d.isoformat() for d in full_dates(line)] == [
        "2023-10-04",
        "2023-10-05",
        "2023-10-06",
        "2023-10-07",
    ]
    assert has_full_date("Posted 31.02.2023") and not has_full_date("Posted on Thursday")
    assert without_full_dates("Published 4 October 2023 Ferry sails").split() == [
        "Published",
        "Ferry",
        "sails",
    ]
    days = calendar_days("The ferry sails on October 4th; may 3 people board? The 5th of May, 2024 too.")
    assert [(d.month, d.day, d.year) for d in days] == [(10, 4, None), (5, 5, 2024)]
    from claims.linking.links.text import date_mentions

    assert date_mentions("Talks on 24.03.2019 and on March 24") == ["03-24", "03-24", "2019-03-24"]


def test_dateline_openings():
    """A line opening like a dateline dates the page; a sentence that names a date does not."""
    from newstext.header import opens_dateline

    for line in ("PORTVILLE, Oct. 4, 2023", "Published by the desk 4 October 2023", "04.10.2023 - Ships"):
        assert opens_dateline(line), line
    assert not opens_dateline("The ferry sailed on 4 October 2023")


def test_tenses_from_words_mark_only_a_will_clause_that_reaches_the_date():
    """Without a parse (the import), a date a "will" clause schedules looks ahead; a date after a clause
    break, or before the "will", does not."""
    from newstext.publication import tenses_from_words

    ahead = "The ferry will leave Portville for Northhaven on 14 July, the operator said."
    assert tenses_from_words(ahead) == {ahead.index("on 14 July"): 1}
    for text in (
        "The ferry, which will be repaired, left Portville on 14 July.",
        "The operator said on 14 July that the ferry will leave Portville.",
        "The ferry will be repaired. It left Portville on 14 July.",
    ):
        assert tenses_from_words(text) == {}, text
