"""Classes of link misses and spurious links (issue 15, links6): titles that end no sentence, datelines
and adjectives that name no actor, a telling that is not the deed, one remark chained across three
outlets, the president and his unnamed administration, the mention of a repeated count that is the point
of its sentence, a bare figure counting what its clause names, boundless amounts, and two speakers who
share only the story's names. Hand-written text throughout (a made-up port town)."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim
from claims.linking.context import sentence_around
from claims.linking.links import suggest_links
from claims.linking.types import LinkableClaim
from tests.linking.linkable import linkable

PUBLISHED = dt.date(2026, 3, 13)


def relations(suggestions):
    return {(s.pair, s.relation) for s in suggestions}


def day(cid, article, sentence, clause, value, dated, event="e1"):
    """A day-precision date whose clause is part of `sentence`, with the verb it dates."""
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "day", dated=dated)
    return LinkableClaim(
        cid,
        article,
        f"outlet-{article}",
        claim,
        sentence,
        event_id=event,
        sentence_start=0,
        published=PUBLISHED,
    )


def figure(cid, article, sentence, written, low, high=None, unit="dollar", approximate=False, start_in=0):
    """A figure as the app rebuilds it from a stored claim (its words, no number span); unit None: bare."""
    at = sentence.index(written)
    claim = QuantityClaim(
        start_in + at,
        start_in + at + len(written),
        written,
        low,
        low if high is None else high,
        unit,
        unit,
        approximate=approximate,
        direction="~" if approximate else "=",
    )
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, sentence, event_id="e1", sentence_start=start_in
    )


def statement(cid, article, sentence, content, speaker=None, role=None, direct=False):
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, role=role, direct=direct)
    return linkable(cid, article, claim, sentence, published=PUBLISHED)


# --- sentences ------------------------------------------------------------------------------------------


def test_a_title_or_an_initial_ends_no_sentence():
    """'two days after the report, Mrs. Varga wrote' is one sentence: the name after the title belongs to it
    (a cut there left the date without its teller and the figure without what it counts)."""
    text = (
        "Late Wednesday, two days after the Gazette first reported it, Mrs. Varga wrote to the council. Next."
    )
    start, sentence = sentence_around(text, 0, 10)
    assert start == 0 and sentence.endswith("wrote to the council.")
    text = "The harbour master, J. Brill, closed the quay. The ferry left."
    assert sentence_around(text, 0, 5)[1] == "The harbour master, J. Brill, closed the quay."
    text = "It was the harbour of Mr.\nNew line here."  # a line break still ends it
    assert sentence_around(text, 0, 5)[1] == "It was the harbour of Mr."


# --- dates ----------------------------------------------------------------------------------------------


def test_a_dateline_and_an_adjective_name_no_actor_of_the_clause():
    """'MARROWICK — Mayor Varga on Friday closed the harbour to Calvarrian trawlers' and 'Varga announced late
    Friday that she had closed the harbour': one actor, one day, one happening told two ways."""
    closed = day(
        "a",
        "A",
        "MARROWICK \u2014 Mayor Varga on Friday closed the harbour to Calvarrian trawlers, pending a review.",
        "MARROWICK \u2014 Mayor Varga on Friday closed the harbour to Calvarrian trawlers",
        "2026-03-13",
        "closed",
    )
    announced = day(
        "b",
        "B",
        "In the face of anger on the quays, Varga announced late Friday that she had closed the harbour to trawlers.",
        "In the face of anger on the quays, Varga announced late Friday",
        "2026-03-13",
        "announced",
    )
    assert (frozenset({"a", "b"}), "corroborates") in relations(suggest_links([closed, announced]))


def test_the_deeds_own_match_confirms_its_day_before_a_telling():
    """Outlet A dates the Assembly's vote ('moments before Wednesday's vote'); outlet B has 'Brill said
    Wednesday' and 'the Assembly voted Wednesday'. B confirms A's day once: through the vote, not the
    saying. A telling of someone else than the deed's actors does not confirm the deed's day at all."""
    vote = day(
        "a",
        "A",
        "Senator Ada Brill, speaking in the Assembly moments before Wednesday's vote there, defended the toll.",
        "Senator Ada Brill, speaking in the Assembly moments before Wednesday's vote there",
        "2026-03-11",
        "vote",
    )
    saying = day(
        "b1",
        "B",
        "\u201cThe toll is fair to every fisherman,\u201d Brill said Wednesday.",
        "Brill said Wednesday",
        "2026-03-11",
        "said",
    )
    voted = day(
        "b2",
        "B",
        "In a blow to Mayor Varga, the Assembly voted Wednesday to keep the harbour toll.",
        "the Assembly voted Wednesday to keep the harbour toll",
        "2026-03-11",
        "voted",
    )
    got = [s for s in suggest_links([vote, saying, voted]) if "a" in s.pair]
    assert [s.pair for s in got] == [frozenset({"a", "b2"})]
    told = day(
        "c",
        "C",
        "The mayor's lawyer, Tomas Reed, told the Gazette on Wednesday that he knew nothing of it.",
        "Tomas Reed, told the Gazette on Wednesday",
        "2026-03-11",
        "told",
    )
    assert not suggest_links([vote, told])


# --- statements -----------------------------------------------------------------------------------------

QUOTE = (
    "We have rebuilt the harbour walls since the days of the great storm and we owe the fishermen our thanks"
)


def test_one_remark_chained_through_a_third_outlet_is_one_remark_for_its_two_framings():
    """B gives Varga's remark in her words; A (a video described, no speaker parsed) and C (the words cut by
    a 'she told the crowd') each give it in the same words as B. A and C are one remark too: sure, and not
    kept apart."""
    a = statement(
        "a",
        "A",
        f"At that March 2 rally, which is on video, Varga, thanking the crews, clearly says, \u201c{QUOTE}.\u201d",
        f"At that March 2 rally, which is on video, Varga, thanking the crews, clearly says, \u201c{QUOTE}",
        direct=True,
    )
    b = statement("b", "B", f"\u201c{QUOTE},\u201d Varga said.", QUOTE, speaker="Ilse Varga", direct=True)
    c_text = (
        "\u201cWe have rebuilt the harbour walls since the days of the great storm,\u201d Ms. Varga told the "
        "crowd in Marrowick in March 2024. \u201cAnd we owe the fishermen our thanks.\u201d"
    )
    c = statement("c", "C", c_text, c_text[1:-1], speaker="Ilse Varga", direct=True)
    got = {s.pair: s for s in suggest_links([a, b, c])}
    assert frozenset({"a", "b"}) in got and frozenset({"b", "c"}) in got
    ac = got[frozenset({"a", "c"})]
    assert ac.relation == "corroborates" and ac.confidence >= 0.75


def test_the_president_and_his_unnamed_administration_are_one_speaker():
    """'President Varga vetoed the toll bill, telling the Assembly it would leave the port open to costly
    lawsuits in foreign courts' and 'Administration officials warn that it would put the port at legal risk
    from lawsuits in foreign courts': one speaker, written as a person and as the government."""
    veto = statement(
        "a",
        "A",
        "Varga vetoed the toll bill, telling the Assembly the bill would leave the port vulnerable to costly "
        "lawsuits in foreign courts.",
        "the bill would leave the port vulnerable to costly lawsuits in foreign courts",
        speaker="Ilse Varga",
        role="President",
    )
    officials = statement(
        "b",
        "B",
        "Administration officials warn that it would put the port at legal risk from lawsuits in foreign "
        "courts and hefty bills.",
        "that it would put the port at legal risk from lawsuits in foreign courts and hefty bills",
        role="Administration officials",
    )
    [link] = suggest_links([veto, officials])
    assert link.relation == "corroborates"
    assert "Ilse Varga (outlet-A) and administration officials (outlet-B), one speaker" in link.rationale
    other = statement(
        "c",
        "C",
        "Assembly officials warn that it would put the port at legal risk from lawsuits in foreign courts.",
        "that it would put the port at legal risk from lawsuits in foreign courts",
        role="Assembly officials",
    )
    [link] = suggest_links([veto, other])
    assert "one speaker" not in link.rationale  # other officials are not the president's own


def test_two_speakers_must_share_more_than_the_story_names():
    """'Tomas Reed said Ilse Varga Jr. received a message from Harbourleaks' and 'Ilse Varga Jr. confirmed
    the Harbourleaks messages' share only who the story is about (and 'message'): two facts. Two speakers
    who share what is said ('the toll ... ferry crews ... twice a year'), or a list of names the story
    does not keep repeating (the towns backing Varga Jr.), still corroborate."""
    received = statement(
        "a",
        "A",
        "Tomas Reed said that Ilse Varga Jr. received a message from Harbourleaks in September.",
        "that Ilse Varga Jr. received a message from Harbourleaks in September",
        speaker="Tomas Reed",
    )
    confirmed = statement(
        "b",
        "B",
        "A spokesman said that Ilse Varga Jr. later confirmed the Harbourleaks messages.",
        "that Ilse Varga Jr. later confirmed the Harbourleaks messages",
    )
    story = [  # the story's other statements: Varga Jr. and Harbourleaks are its cast
        statement(
            f"s{n}",
            f"S{n}",
            f"An aide said Ilse Varga Jr. and Harbourleaks {what}.",
            f"Ilse Varga Jr. and Harbourleaks {what}",
        )
        for n, what in enumerate(["had never met", "spoke of the ferry tolls", "traded notes on the quays"])
    ]
    assert not [s for s in suggest_links([received, confirmed, *story]) if s.pair == {"a", "b"}]
    named_list = statement(
        "e",
        "E",
        "Tomas Reed said Dunmore, Kestrel, Ostvik and Lanner back Ilse Varga Jr. in the harbour row.",
        "Dunmore, Kestrel, Ostvik and Lanner back Ilse Varga Jr. in the harbour row",
        speaker="Tomas Reed",
    )
    same_list = statement(
        "f",
        "F",
        "A spokesman said Dunmore, Kestrel, Ostvik and Lanner among others voiced their backing for Varga Jr.",
        "Dunmore, Kestrel, Ostvik and Lanner among others voiced their backing for Varga Jr.",
    )
    got = relations(suggest_links([named_list, same_list, *story]))
    assert (frozenset({"e", "f"}), "corroborates") in got  # rarer names are what it says
    toll = statement(
        "c",
        "C",
        "Tomas Reed said that the harbour toll charged ferry crews twice a year would be doubled.",
        "that the harbour toll charged ferry crews twice a year would be doubled",
        speaker="Tomas Reed",
    )
    doubled = statement(
        "d",
        "D",
        "A spokesman said that the toll the harbour charges ferry crews twice a year will double.",
        "that the toll the harbour charges ferry crews twice a year will double",
    )
    assert (frozenset({"c", "d"}), "corroborates") in relations(suggest_links([toll, doubled]))


# --- quantities -----------------------------------------------------------------------------------------


def test_a_repeated_count_is_linked_through_the_mention_that_is_the_point_of_its_sentence():
    """Outlet B writes $2.375 billion twice: inside a sum ('Combined with $2.375 billion for the quays, the
    port would have about $9 billion in all') and alone ('Instead, it provided $2.375 billion for the new
    quays'). A's rounded '$2.4 billion' is linked once, through the sentence about that sum."""
    a = figure("a", "A", "The budget includes just $2.4 billion for the new quays.", "$2.4 billion", 2.4e9)
    summed = "Combined with $2.375 billion for the new quays, the port would have about $9 billion in all."
    in_sum = figure("b1", "B", summed, "$2.375 billion", 2.375e9)
    total = figure("b2", "B", summed, "$9 billion", 9e9, approximate=True)
    alone_text = "Instead, it provided $2.375 billion for the new quays."
    alone = figure("b3", "B", alone_text, "$2.375 billion", 2.375e9, start_in=400)
    got = [s for s in suggest_links([a, in_sum, total, alone]) if "a" in s.pair]
    assert [(s.pair, s.relation) for s in got] == [(frozenset({"a", "b3"}), "corroborates")]
    assert got[0].rationale.startswith("$2.375 billion rounds to $2.4 billion")


def test_a_bare_figure_counts_what_its_clause_names_before_it():
    """'harbour apprehensions have fallen, to 450,000 last year' counts arrests when the event counts
    arrests: against 'roughly 620,000 arrests' (both against the same 1.8 million of 2001) a conflict. 'the
    documents were leaked among the thousands handed over' counts documents."""
    arrests = figure(
        "a",
        "A",
        "There were roughly 620,000 arrests at the harbour last year, about a third of the 1.8 million arrests "
        "in 2001.",
        "620,000 arrests",
        6.2e5,
        unit="arrest",
        approximate=True,
    )
    bare = figure(
        "b",
        "B",
        "The mayor calls it a crisis even though harbour apprehensions have fallen, to 450,000 in the last "
        "fiscal year from a peak of 1.8 million in 2001.",
        "450,000",
        4.5e5,
        unit=None,
    )
    [link] = suggest_links([arrests, bare])
    assert link.relation == "contradicts" and "450,000" in link.rationale
    documents = figure(
        "c",
        "C",
        "We have handed over thousands of documents to the harbour inquiry, her lawyer said.",
        "thousands of documents",
        2000,
        9999,
        unit="document",
        approximate=True,
    )
    thousands = figure(
        "d",
        "D",
        "Her lawyer said the documents were leaked from among the thousands handed over to the inquiry.",
        "thousands",
        2000,
        9999,
        unit=None,
        approximate=True,
    )
    assert (frozenset({"c", "d"}), "corroborates") in relations(suggest_links([documents, thousands]))
    alone = figure(
        "e", "E", "Some 450,000 were counted in the last fiscal year.", "450,000", 4.5e5, unit=None
    )
    assert not suggest_links([arrests, alone])  # no counted word before it: nothing to compare


def test_billions_of_dollars_confirms_no_sum():
    """'billions of dollars that the Assembly set aside' holds every sum of the story: it confirms neither
    the $8 billion nor the $3 billion."""
    vague = figure(
        "a",
        "A",
        "The mayor wants to reach billions of dollars that the Assembly set aside for the harbour.",
        "billions of dollars",
        2e9,
        999e9,
        approximate=True,
    )
    eight = figure(
        "b", "B", "The mayor wants $8 billion the Assembly set aside for the harbour.", "$8 billion", 8e9
    )
    assert not suggest_links([vague, eight])
    dozens = figure(
        "c",
        "C",
        "Dozens of sailors reached the harbour.",
        "Dozens of sailors",
        24,
        199,
        "sailor",
        approximate=True,
    )
    hundred = figure("d", "D", "About 100 sailors reached the harbour.", "100 sailors", 100, unit="sailor")
    assert (frozenset({"c", "d"}), "corroborates") in relations(suggest_links([dozens, hundred]))


def test_one_actors_vote_told_with_two_adjacent_days_conflicts_weeks_apart_does_not():
    """In a story where the Assembly does much, 'The Assembly voted later on Wednesday to override the veto'
    and 'an override vote begins in the Senate, followed by the Assembly on Thursday' share little beyond
    the Assembly: one actor, one vote, two days a day apart, a conflict. The mayor reopening the harbour
    on 25 February and signing a toll bill that funds it until 13 March did two things."""
    filler = [
        day(f"f{n}", f"F{n}", text, text, value, verb)
        for n, (text, value, verb) in enumerate(
            [
                ("The Assembly met the harbour board on Monday", "2026-03-09", "met"),
                ("The Assembly adjourned on Tuesday", "2026-03-10", "adjourned"),
                ("The Assembly debated the ferry tolls on Friday", "2026-03-06", "debated"),
            ]
        )
    ]
    voted = day(
        "a",
        "A",
        "The Assembly voted later on Wednesday to override the veto, making the toll law.",
        "The Assembly voted later on Wednesday to override the veto",
        "2026-03-11",
        "voted",
    )
    follows = day(
        "b",
        "B",
        "An override vote is expected to begin in the Senate on Wednesday, followed by the Assembly on Thursday.",
        "followed by the Assembly on Thursday",
        "2026-03-12",
        "followed",
    )
    got = relations(suggest_links([voted, follows, *filler]))
    assert (frozenset({"a", "b"}), "contradicts") in got
    reopened = day(
        "c",
        "C",
        "Mayor Varga reopened the harbour for three weeks on Feb. 25.",
        "Mayor Varga reopened the harbour for three weeks on Feb. 25",
        "2026-02-25",
        "reopened",
    )
    funded = day(
        "d",
        "D",
        "Last month Mayor Varga signed a toll bill that funded the harbour until March 13.",
        "a toll bill that funded the harbour until March 13",
        "2026-03-13",
        "funded",
    )
    assert not [s for s in suggest_links([reopened, funded, *filler]) if s.relation == "contradicts"]


def test_the_noun_dispute_denies_nothing():
    """'the towns back Varga Jr. in the harbour dispute' asserts the backing; 'Reed disputed that the towns
    back Varga Jr.' denies it."""
    backing = statement(
        "a",
        "A",
        "Tomas Reed said Dunmore, Kestrel, Ostvik and Lanner back Ilse Varga Jr. in the harbour dispute.",
        "Dunmore, Kestrel, Ostvik and Lanner back Ilse Varga Jr. in the harbour dispute",
        speaker="Tomas Reed",
    )
    same = statement(
        "b",
        "B",
        "A spokesman said Dunmore, Kestrel, Ostvik and Lanner among others voiced their backing for Varga Jr.",
        "Dunmore, Kestrel, Ostvik and Lanner among others voiced their backing for Varga Jr.",
    )
    assert relations(suggest_links([backing, same])) == {(frozenset({"a", "b"}), "corroborates")}
    denied = statement(
        "c",
        "C",
        "Ada Brill disputed that Dunmore, Kestrel, Ostvik and Lanner back Ilse Varga Jr. in the harbour row.",
        "that Dunmore, Kestrel, Ostvik and Lanner back Ilse Varga Jr. in the harbour row",
        speaker="Ada Brill",
    )
    assert (frozenset({"a", "c"}), "contradicts") in relations(suggest_links([backing, denied]))
