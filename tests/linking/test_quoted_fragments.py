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
