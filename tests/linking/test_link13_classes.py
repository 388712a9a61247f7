"""Link classes found on BASIL-like stories nobody tuned for (link13), each on sentences written for these
tests: a speaker's phrase quoted by one outlet from a longer quote of theirs that is negated at its root
("We cannot afford to hand the county to a commissioner whose record was careless at best and reckless at
worst") is the same remark, and that negation does not reach into the relative clause (so an outlet giving
the record in its own words does not contradict it); a day written as a possessive ("In Tuesday's hearing") names no actor; a
happening dated as a noun in one outlet ("Tuesday's hearing") and through its verb or noun in the other's
clause ("who spoke at the hearing ... on Tuesday") is one happening, and two happenings of that day are
not."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim
from claims.linking.links import suggest_links
from claims.linking.links.dates import _clause_actors
from claims.linking.links.features import features
from tests.linking.editor_stories import Report, claims_at, import_reports, links_between
from tests.linking.linkable import linkable

LONG = (
    "We cannot afford to hand the county and its harbour budget to one of the old board's loyal "
    "deputies, a commissioner whose record on the coastal roads was careless at best and reckless at worst"
)


def quote(cid, article, text, *, polarity="asserted", direct=True, sentence=None):
    claim = StatementClaim(0, len(text), text, "Ada Pell", direct=direct, polarity=polarity)
    return linkable(cid, article, claim, sentence or f"\u201c{text},\u201d Ada Pell said.")


def test_a_phrase_of_a_quote_negated_at_its_root_is_the_same_remark():
    """The long quote is denied as a whole ("cannot afford ..."), the other outlet gives only its phrase on
    the commissioner's record: the phrase carries no negation of its own, so it is one remark, sure."""
    long_ = quote("long", "A", LONG)
    phrase = quote(
        "phrase",
        "B",
        'his record on the coastal roads "careless at best and reckless at worst."',
        sentence='Pell attacked the commissioner, calling his record on the coastal roads "careless at best '
        'and reckless at worst."',
    )
    assert features(long_).denied and not features(phrase).denied
    [link] = suggest_links([long_, phrase])
    assert link.relation == "corroborates" and link.confidence >= 0.75


def test_a_quote_denied_from_outside_is_not_the_phrase_it_denies():
    """ "Pell denied that she had called the record 'careless at best and reckless at worst'": the denial is
    told outside her words, so her words asserted elsewhere are not the same remark."""
    denied = quote(
        "denied",
        "A",
        "the record on the coastal roads careless at best and reckless at worst",
        polarity="denied",
        sentence="Pell denied that she had called the record on the coastal roads careless at best and "
        "reckless at worst.",
    )
    said = quote("said", "B", "His record on the coastal roads was careless at best and reckless at worst")
    assert all(link.relation != "corroborates" for link in suggest_links([denied, said]))


def test_a_negation_does_not_reach_into_a_relative_clause():
    """ "cannot afford to hand the county to a commissioner whose record was reckless" denies handing him the
    county, not his record: the record words are not negated, and the outlet that gives the record as
    reckless does not contradict the quote."""
    text = "Voters cannot afford to hand the county to a commissioner whose record on the coastal roads was reckless"
    negated = features(quote("q", "A", text)).negated
    assert "afford" in negated and not {"record", "coastal", "reckless"} & negated
    other = linkable(
        "r",
        "B",
        StatementClaim(
            0, 55, "the commissioner's record on the coastal roads was reckless", None, direct=False
        ),
        "The commissioner's record on the coastal roads was reckless, a county report said.",
    )
    assert all(link.relation != "contradicts" for link in suggest_links([quote("q", "A", text), other]))


def day(cid, article, sentence, clause, dated, value="2026-05-12"):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "day", dated=dated)
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 5, 12))


HEARING = "In Tuesday's hearing the councillor questioned the harbour commissioner about the coastal roads"


def hearing():
    return day("a", "A", HEARING + ".", HEARING, "hearing")


def test_a_possessive_weekday_names_no_actor():
    assert all("tuesd" not in name for name in _clause_actors(features(hearing())))


def test_a_happening_dated_as_a_noun_and_through_its_clause_is_one_day():
    """ "Tuesday's hearing" and "who spoke at the hearing ... on Tuesday": the hearing, dated twice."""
    spoke = day(
        "b",
        "B",
        "Councillor Ada Pell, who spoke at the hearing on the coastal roads in Marrowick on Tuesday, said the "
        "commissioner had failed the county.",
        "who spoke at the hearing on the coastal roads in Marrowick on Tuesday",
        "spoke",
    )
    got = {(s.pair, s.relation) for s in suggest_links([hearing(), spoke])}
    assert (frozenset({"a", "b"}), "corroborates") in got


def test_another_happening_of_that_day_is_not_the_hearing():
    """The council's vote on Tuesday is not the hearing that day: no word of one dates the other."""
    voted = day(
        "b",
        "B",
        "The Marrowick council voted on Tuesday to close two coastal roads to lorries.",
        "The Marrowick council voted on Tuesday",
        "voted",
    )
    assert not suggest_links([hearing(), voted])


POLL_A = Report(
    "Harbour Gazette",
    "2026-05-13",
    "Pell opens her county campaign in Marrowick",
    "Councillor Ada Pell opened her campaign for the county board at the Marrowick town hall on Tuesday. "
    '"Voters cannot afford to hand the county to a commissioner whose record on the coastal roads was '
    'careless at best and reckless at worst," Pell said. She promised to repair the roads within two years.',
)
POLL_B = Report(
    "Radio Calvarra",
    "2026-05-13",
    "Ada Pell launches bid for county board",
    "Ada Pell launched her bid for the county board on Tuesday in Marrowick. At her first rally the "
    'councillor turned on the harbour commissioner, calling his record on the coastal roads "careless '
    'at best and reckless at worst."',
)


@pytest.mark.django_db
def test_imported_phrase_of_a_root_negated_quote_corroborates(tmp_path):
    """Imported as a user would: the phrase one outlet quotes from the other's longer quote, negated at its
    root, is one remark of the councillor's, and the link is sure."""
    articles = import_reports(tmp_path, [POLL_A, POLL_B])
    a = claims_at(articles["Harbour Gazette"], "Voters cannot afford", "statement")
    b = claims_at(articles["Radio Calvarra"], "careless at best", "statement")
    assert a and b
    [link] = links_between(a, b)
    assert link.relation == "corroborates" and link.confidence >= 0.75


def count(cid, article, sentence, words, value, unit):
    at = sentence.index(words)
    claim = QuantityClaim(at, at + len(words), words, value, value, unit, unit, counted=unit)
    return linkable(cid, article, claim, sentence)


PROMISES = (
    "Pell said she would run on four promises: cheaper ferry fares, safer coastal roads, a new harbour "
    "school and an open county budget."
)
PLEDGES = (
    "Her campaign has four main pledges \u2014 cutting ferry fares; making the coastal roads safer; building a "
    "harbour school; and opening the county budget to voters."
)


def promises():
    return count("a", "A", PROMISES, "four promises", 4, "promise")


def test_one_count_of_the_same_listed_items_under_two_nouns_corroborates():
    """ "four promises: ..." and "four main pledges - ..." list the same four items: one count."""
    pledges = count("b", "B", PLEDGES, "four main pledges", 4, "main pledge")
    got = {(s.pair, s.relation) for s in suggest_links([promises(), pledges])}
    assert got == {(frozenset({"a", "b"}), "corroborates")}


def test_other_items_or_another_count_are_not_one_list():
    """Four pledges listing other things, or three of the same items, are not the four promises."""
    other = (
        "The council has four main pledges \u2014 a new sea wall; a bigger lifeboat station; more lorry parks; "
        "and longer library hours."
    )
    assert not suggest_links([promises(), count("b", "B", other, "four main pledges", 4, "main pledge")])
    three = PLEDGES.replace("four", "three")
    assert not suggest_links([promises(), count("c", "C", three, "three main pledges", 3, "main pledge")])


def test_the_statements_listing_the_items_are_still_linked():
    """The count link does not stand for the statements: they say what the items are."""
    said = StatementClaim(0, len(PROMISES), PROMISES, "Ada Pell", direct=False)
    told = StatementClaim(0, len(PLEDGES), PLEDGES, "Ada Pell", direct=False)
    pledges = count("b", "B", PLEDGES, "four main pledges", 4, "main pledge")
    items = [promises(), pledges, linkable("s", "A", said, PROMISES), linkable("t", "B", told, PLEDGES)]
    got = {(s.pair, s.relation) for s in suggest_links(items)}
    assert (frozenset({"a", "b"}), "corroborates") in got
    assert (frozenset({"s", "t"}), "corroborates") in got


def test_a_noun_elsewhere_in_the_clause_is_not_what_it_dates():
    """ "After the board's meeting on Tuesday, the councillor toured the docks" dates the tour: the board's
    meeting named in it is not the jury "due to meet on Tuesday"."""
    toured = day(
        "a",
        "A",
        "After the harbour board's meeting on Tuesday, the councillor toured the docks.",
        "After the harbour board's meeting on Tuesday, the councillor toured the docks",
        "toured",
    )
    jury = day(
        "b",
        "B",
        "The county jury was due to meet on Tuesday to hear the first witnesses, a clerk said.",
        "The county jury was due to meet on Tuesday",
        "meet",
    )
    assert not suggest_links([toured, jury])
