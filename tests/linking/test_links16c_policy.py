"""The suggestion policy of links16c, on sentences written for these tests: one named speaker's remark that
gives a count, told by two outlets, is linked as a remark as well as through the count (an editor checks
who said it, not only the figure); statements of no named speaker that only repeat a linked count stay
count links (`test_link_quality`), and statements whose counts conflict still do not corroborate."""

from __future__ import annotations

from claims.extraction.types import QuantityClaim, StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable


def statement(cid, article, sentence, content, speaker, direct=False):
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, direct=direct)
    return linkable(cid, article, claim, sentence)


def figure(cid, article, sentence, written, value, unit, approximate=False):
    at = sentence.index(written)
    claim = QuantityClaim(at, at + len(written), written, value, value, unit, unit, approximate=approximate)
    return linkable(cid, article, claim, sentence)


def relations(suggestions):
    return {(s.pair, s.relation) for s in suggestions}


VOTES_A = '"Marta Venn is probably the only candidate who can win 40 votes on the council," Councillor Ivo Brandt said.'
VOTES_B = (
    "Councillor Ivo Brandt predicted that Marta Venn could win 40 votes on the council for the harbour post."
)


def test_one_remark_giving_a_count_is_linked_as_a_remark_and_as_a_count():
    """Brandt's forecast of 40 council votes, quoted by one outlet and told by another: the count links
    the two figures, and the remark links the two statements (who predicted it is what an editor reads)."""
    said_a = statement(
        "sa",
        "A",
        VOTES_A,
        "Marta Venn is probably the only candidate who can win 40 votes on the council",
        "Ivo Brandt",
        direct=True,
    )
    said_b = statement(
        "sb",
        "B",
        VOTES_B,
        "that Marta Venn could win 40 votes on the council for the harbour post",
        "Ivo Brandt",
    )
    votes_a = figure("qa", "A", VOTES_A, "40 votes", 40, "vote")
    votes_b = figure("qb", "B", VOTES_B, "40 votes", 40, "vote")
    assert (frozenset({"sa", "sb"}), "corroborates") in relations(suggest_links([said_a, said_b]))
    got = relations(suggest_links([said_a, said_b, votes_a, votes_b]))
    assert (frozenset({"qa", "qb"}), "corroborates") in got
    assert (frozenset({"sa", "sb"}), "corroborates") in got


CARGO_A = "Harbour master Ola Dren said the barges carried 9 tonnes of grain and seed for the farms of Olm."
CARGO_B = "Harbour master Ola Dren said the barges are carrying about 30 tonnes of grain and seed for the farms of Olm."


def test_statements_whose_counts_conflict_still_do_not_corroborate():
    """One speaker's two tonnages for one cargo: the counts conflict, so the statements carrying them are
    not shown as agreeing, however many words they share."""
    said_a = statement(
        "sa", "A", CARGO_A, "the barges carried 9 tonnes of grain and seed for the farms of Olm", "Ola Dren"
    )
    said_b = statement(
        "sb",
        "B",
        CARGO_B,
        "the barges are carrying about 30 tonnes of grain and seed for the farms of Olm",
        "Ola Dren",
    )
    tonnes_a = figure("qa", "A", CARGO_A, "9 tonnes", 9, "tonne")
    tonnes_b = figure("qb", "B", CARGO_B, "30 tonnes", 30, "tonne", approximate=True)
    got = relations(suggest_links([said_a, said_b, tonnes_a, tonnes_b]))
    assert (frozenset({"qa", "qb"}), "contradicts") in got
    assert (frozenset({"sa", "sb"}), "corroborates") not in got
