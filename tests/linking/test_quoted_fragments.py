"""A reported statement that quotes a phrase of the speaker's is bound to that remark: another quote of
the same speaker that does not hold the phrase is another remark, not a corroboration; the phrase found
in the other quote is the same remark. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

FRIDAY = (
    "Mayor Tomas Rell said on Friday that he would keep the \u201cferry fare rise on hold until the "
    "council has seen the harbour accounts.\u201d"
)
SUNDAY = (
    "\u201cThe ferry fare rise will be settled at the council meeting next month and I see no reason to "
    "drop the fare rise for the harbour,\u201d Rell told reporters on Sunday."
)
SAME = (
    "\u201cI will keep the ferry fare rise on hold until the council has seen the harbour accounts,\u201d "
    "Rell told reporters."
)


def statement(cid, article, sentence, content, *, direct):
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, "Tomas Rell", direct=direct)
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 6, 8))


def reported():
    """Friday's remark as one outlet reports it, quoting a phrase (the quote runs past the span)."""
    return statement(
        "friday",
        "A",
        FRIDAY,
        "he would keep the \u201cferry fare rise on hold until the council has seen the harbour accounts",
        direct=False,
    )


def test_a_quoted_phrase_missing_from_the_other_quote_makes_two_remarks():
    """The fare rise "on hold" (Friday) and the fare rise "settled next month" (Sunday): two remarks of one
    speaker on one topic; no link."""
    sunday = statement(
        "sunday",
        "B",
        SUNDAY,
        "The ferry fare rise will be settled at the council meeting next month and I see no reason to drop "
        "the fare rise for the harbour",
        direct=True,
    )
    assert suggest_links([reported(), sunday]) == []


def test_the_quoted_phrase_inside_the_other_quote_is_one_remark():
    """The same phrase quoted whole by the other outlet: one remark, linked."""
    same = statement(
        "same",
        "B",
        SAME,
        "I will keep the ferry fare rise on hold until the council has seen the harbour accounts",
        direct=True,
    )
    [link] = suggest_links([reported(), same])
    assert link.relation == "corroborates"


def test_a_phrase_with_a_masked_word_or_other_inflections_is_still_the_same_remark():
    """One outlet prints "that d---ed toll", another the word whole; "steward its quays" against
    "stewards of its quays"; and of two quoted phrases, the one the quote holds decides."""
    quote = statement(
        "quote",
        "B",
        "\u201cWe will never pay that damned toll, and the town stewards of its quays must say so,\u201d Rell said.",
        "We will never pay that damned toll, and the town stewards of its quays must say so",
        direct=True,
    )
    masked = statement(
        "masked",
        "A",
        "Rell said the town would \u201cnever pay that d---ed toll.\u201d",
        "the town would \u201cnever pay that d---ed toll.",
        direct=False,
    )
    inflected = statement(
        "inflected",
        "C",
        "Rell said the town must \u201csteward its quays\u201d and would \u201cnever pay\u201d what he called a \u201cpirate's toll on every boat\u201d.",
        "the town must \u201csteward its quays\u201d and would \u201cnever pay\u201d what he called a \u201cpirate's toll on every boat",
        direct=False,
    )
    got = suggest_links([quote, masked, inflected])
    pairs = {s.pair for s in got}
    assert frozenset({"quote", "masked"}) in pairs
    assert frozenset({"quote", "inflected"}) in pairs


def test_a_phrase_with_an_apostrophe_is_found_in_the_quote():
    """ "don't" in the phrase and in the quote are one word, whatever the quote marks around them."""
    quote = statement(
        "quote",
        "B",
        "\u201cThe harbour town won\u2019t pay a toll it doesn\u2019t owe to the port board,\u201d Rell said.",
        "The harbour town won\u2019t pay a toll it doesn\u2019t owe to the port board",
        direct=True,
    )
    told = statement(
        "told",
        "A",
        "Rell said the harbour town \u201cwon't pay a toll it doesn't owe\u201d and will take the board to court.",
        "the harbour town \u201cwon't pay a toll it doesn't owe\u201d and will take the board to court",
        direct=False,
    )
    assert {s.pair for s in suggest_links([quote, told])} == {frozenset({"quote", "told"})}
