"""Link classes found on BASIL-like stories nobody tuned for (links14), on sentences written for these
tests: a quote run of several sentences holds several remarks, and each may be given alone by another
outlet ("The pumps worked all night. Not one house on the quay was flooded. The sea wall held."): the
run keeps a quota of suggestions per remark (at most three remarks), so each outlet's separate quote
of each sentence is linked to it, not only the first three. Two tellings of one day, one by unnamed
people ("people with knowledge of the case said on Friday") and one by a teller named otherwise ("the
councillor's lawyer confirmed late Friday"), are two tellings."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim, StatementClaim
from claims.linking.links import _remarks, suggest_links
from claims.linking.links.features import features
from tests.linking.linkable import linkable

SENTENCES = (
    "The pumps in the harbour district worked through the whole night",
    "Not one house on the quay was flooded when the tide came in",
    "The sea wall held in the place where it broke last winter",
)


def quote(cid: str, article: str, text: str, at: int = 0):
    """A quote of Mayor Kell's at offset `at` of its article (quotes of one article must not overlap)."""
    claim = StatementClaim(at, at + len(text), text, "Dora Kell", direct=True)
    return linkable(cid, article, claim, f"\u201c{text},\u201d Mayor Dora Kell said.")


def test_each_sentence_of_a_quote_run_is_linked_to_each_outlet_giving_it_alone():
    run = quote("run", "A", ". ".join(SENTENCES) + ".")
    alone = [quote(f"{article}{n}", article, s, 100 * n) for article in "BC" for n, s in enumerate(SENTENCES)]
    links = suggest_links([run, *alone])
    linked = {s.b_id if s.a_id == "run" else s.a_id for s in links if "run" in (s.a_id, s.b_id)}
    assert linked == {f"{article}{n}" for article in "BC" for n in range(3)}
    assert all(s.relation == "corroborates" for s in links)


def test_a_claim_holds_one_remark_per_sentence_of_its_quote_at_most_three():
    """A name's abbreviation ends no sentence, a short exclamation is no remark, and a count or a
    one-sentence quote holds one remark: their quota is unchanged."""

    def remarks(text: str) -> int:
        return _remarks(features(quote("q", "A", text)))

    assert remarks(SENTENCES[0]) == 1
    assert remarks("Mr. Hale and Sen. Ortiz met the U.S. Attorney in the harbour office on Monday") == 1
    assert remarks(". ".join(SENTENCES[:2]) + ". Like a boy.") == 2
    assert remarks(". ".join(SENTENCES) + ".") == 3
    assert remarks(". ".join(SENTENCES * 2) + ".") == 3
    assert remarks("The pumps worked all night ... Not one house on the quay was flooded") == 2


def day(cid: str, article: str, sentence: str, clause: str, dated: str):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, "2026-05-15", "day", dated=dated)
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 5, 15))


LAWYER = "Councillor Tom Hale's lawyer confirmed late Friday that prosecutors will charge the councillor"
LEAK = (
    "Councillor Tom Hale was expected to be charged over the harbour contracts, people with knowledge of "
    "the case said on Friday"
)


def test_a_telling_by_unnamed_people_is_not_the_lawyers_telling_of_that_day():
    """Anonymous sources speaking and the councillor's lawyer confirming on the same Friday are two
    tellings, however many words the two sentences share."""
    lawyer = day(
        "lawyer", "A", LAWYER + ".", "Councillor Tom Hale's lawyer confirmed late Friday", "confirmed"
    )
    leak = day("leak", "B", LEAK + ".", "people with knowledge of the case said on Friday", "said")
    assert suggest_links([lawyer, leak]) == []


def test_two_tellings_by_the_same_teller_still_agree():
    """The lawyer's statement told by two outlets ("Hale's lawyer confirmed late Friday" / "Hale's lawyer
    said Friday") is one telling."""
    lawyer = day(
        "lawyer", "A", LAWYER + ".", "Councillor Tom Hale's lawyer confirmed late Friday", "confirmed"
    )
    said = "Councillor Tom Hale will be charged over the harbour contracts, Hale's lawyer said Friday"
    other = day("other", "B", said + ".", "Hale's lawyer said Friday", "said")
    [link] = suggest_links([lawyer, other])
    assert link.relation == "corroborates"
