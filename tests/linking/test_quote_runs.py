"""One sentence of a long quote run given alone by another outlet is the same remark, also when it carries a
negation the rest of the run does not; the negations of that sentence must still match. Sentences written
for these tests."""

from __future__ import annotations

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

RUN = (
    "Over the last few months, we have worked with the inquiry and have handed over thousands of pages of "
    "records about the pier ... Putting aside why such records have been leaked, we can say that we have no "
    "worries about these records and that any questions about them have been answered."
)


def quote(cid, article, text, polarity="asserted"):
    claim = StatementClaim(0, len(text), text, "Ana Ruiz", direct=True, polarity=polarity)
    return linkable(cid, article, claim, f"\u201c{text}\u201d Ana Ruiz said.")


def test_a_negated_sentence_of_a_long_quote_run_is_the_same_remark():
    """The run is asserted as a whole; its last sentence, given alone, is denied as a whole ("no worries"):
    the same words all the same, one remark, sure."""
    short = "We can say that we have no worries about these records and that any questions about them have been answered."
    [link] = suggest_links([quote("run", "A", RUN), quote("one", "B", short, "denied")])
    assert link.relation == "corroborates" and link.confidence >= 0.9
    assert "in the same words" in link.rationale and "no worries" in link.rationale


def test_the_sentence_without_its_negation_is_not_the_same_words():
    """ "We have worries about these records" is not the run's "we have no worries about these records"."""
    short = "We can say that we have worries about these records and that any questions about them have been answered."
    links = suggest_links([quote("run", "A", RUN), quote("one", "B", short)])
    assert all("in the same words" not in link.rationale for link in links)
