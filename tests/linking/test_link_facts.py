"""Links state one fact: figures compared with the figure they bound or sit beside, claims rebuilt from
the database (no number span) compared as the extractor's, sentences a scraper glued kept apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim
from claims.linking.context import sentence_around
from claims.linking.links import suggest_links
from claims.linking.links.features import negated_terms
from claims.linking.types import LinkableClaim
from tests.linking.linkable import linkable


def stored_figure(
    cid, article, sentence, written, value, unit="dollar", direction="=", start_in=0, event="e1"
):
    """A figure as the app rebuilds it from a stored claim: its own words, no number span."""
    at = sentence.index(written)
    claim = QuantityClaim(
        start_in + at, start_in + at + len(written), written, value, value, unit, unit, direction=direction
    )
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, sentence, event_id=event, sentence_start=start_in
    )


def said(cid, article, speaker, content, polarity="asserted", event="e1"):
    sentence = f"{speaker} said {content}."
    claim = StatementClaim(0, len(content), content, speaker, polarity=polarity)
    return LinkableClaim(cid, article, f"outlet-{article}", claim, sentence, event_id=event)


def relations(suggestions):
    return {(s.pair, s.relation) for s in suggestions}


def test_a_bound_corroborates_a_figure_near_it_not_one_four_times_larger():
    """'more than $60,000' repaid is about the $60,000 repaid, not the $250,000 misused."""
    bound = stored_figure(
        "a",
        "A",
        "He repaid his campaign more than $60,000 of the misused funds.",
        "$60,000",
        6e4,
        direction=">",
    )
    near = stored_figure("b", "B", "He repaid about $60,000 of the misused campaign funds.", "$60,000", 6e4)
    far = stored_figure(
        "c", "C", "He misused $250,000 of campaign funds, prosecutors said.", "$250,000", 2.5e5
    )
    got = relations(suggest_links([bound, near, far]))
    assert (frozenset({"a", "b"}), "corroborates") in got
    assert (frozenset({"a", "c"}), "corroborates") not in got
    [line] = [s.rationale for s in suggest_links([bound, near]) if s.pair == {"a", "b"}]
    assert "more than $60,000" in line and "e+" not in line and "inf" not in line


def test_a_sentence_listing_two_sums_is_compared_through_the_matching_one():
    """'$3.6 billion from harbour projects, along with another $2.5 billion': the other outlet's $3.6
    billion corroborates the first sum and does not contradict the second."""
    listing = (
        "The order lets the council use $3.6 billion from harbour projects, along with another $2.5 billion."
    )
    a = stored_figure("a36", "A", listing, "$3.6 billion", 3.6e9)
    a25 = stored_figure("a25", "A", listing, "$2.5 billion", 2.5e9)
    b = stored_figure(
        "b",
        "B",
        "The order lets the council divert $3.6 billion from harbour projects.",
        "$3.6 billion",
        3.6e9,
    )
    got = relations(suggest_links([a, a25, b]))
    assert (frozenset({"a36", "b"}), "corroborates") in got
    assert not any(pair == {"a25", "b"} for pair, _ in got)


def test_two_precise_figures_for_one_sum_contradict_when_rebuilt_from_the_database():
    """$3.5 billion and $3.6 billion from the harbour construction budget: a conflict, with both figures
    shown as written even though the stored claims keep no number span."""
    a = stored_figure(
        "a",
        "A",
        "The council would unlock $3.5 billion from the harbour construction budget.",
        "$3.5 billion",
        3.5e9,
    )
    b = stored_figure(
        "b",
        "B",
        "The order diverts $3.6 billion from the harbour construction budget.",
        "$3.6 billion",
        3.6e9,
    )
    [s] = suggest_links([a, b])
    assert s.relation == "contradicts"
    assert s.rationale.startswith("outlet-A: $3.5 billion vs outlet-B: $3.6 billion")
    rounded = stored_figure(
        "r",
        "C",
        "The council would unlock $3.5 billion from the harbour construction budget.",
        "$3.5 billion",
        3.5e9,
    )
    precise = stored_figure(
        "p",
        "D",
        "The order diverts $3.48 billion from the harbour construction budget.",
        "$3.48 billion",
        3.48e9,
    )
    [s] = suggest_links([rounded, precise])
    assert s.relation == "corroborates" and s.rationale.startswith("$3.48 billion rounds to $3.5 billion")


def test_n_others_rebuilt_from_the_database_agrees_with_n_plus_one_in_all():
    """'killed three others' (the gunman's victim plus three) is four in all, also without a number span."""
    a = LinkableClaim(
        "a",
        "A",
        "outlet-A",
        QuantityClaim(23, 35, "three others", 3, 3, "person", "person"),
        "The driver hit a guard and three others at the Dunmore gate.",
        event_id="e1",
        sentence_start=0,
    )
    b = stored_figure(
        "b", "B", "Four people were hit at the Dunmore gate by the driver.", "Four people", 4, unit="person"
    )
    got = relations(suggest_links([a, b]))
    assert (frozenset({"a", "b"}), "contradicts") not in got


def test_sentences_glued_by_a_scraper_are_two_sentences():
    """'...the wall.Mr. Trump will...' and 'was 97-1.Senate leaders': the figure's sentence ends at the
    lost space; abbreviations ('Mrs.Clinton', 'U.S.Senate') do not end one."""
    text = "The final tally was 97-1.Senate leaders said the wall.Mr. Trump will sign. Mrs.Clinton saw the U.S.Senate vote."
    start = text.index("97-1")
    offset, sentence = sentence_around(text, start, start + 4)
    assert (offset, sentence) == (0, "The final tally was 97-1.")
    start = text.index("Senate leaders")
    assert sentence_around(text, start, start + 6)[1] == "Senate leaders said the wall."
    start = text.index("Mrs.")
    assert sentence_around(text, start, start + 4)[1] == "Mrs.Clinton saw the U.S.Senate vote."


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
        published=dt.date(2026, 3, 13),
    )


def test_different_days_conflict_only_for_one_happening():
    """The Calvarra Assembly voting Wednesday (one outlet) and the Assembly to follow on Thursday (the other):
    one vote, two days, a conflict. The mayor vetoing the bill last week and the Assembly voting Wednesday to
    override that veto are two happenings, however many words they share."""
    voted = day(
        "a",
        "A",
        "The Calvarra Assembly voted on Wednesday to override the harbour bill veto.",
        "The Calvarra Assembly voted on Wednesday to override the harbour bill veto",
        "2026-03-11",
        "voted",
    )
    follows = day(
        "b",
        "B",
        "An override of the harbour bill veto starts in the Senate, followed by the Calvarra Assembly on Thursday.",
        "followed by the Calvarra Assembly on Thursday",
        "2026-03-12",
        "followed",
    )
    vetoed = day(
        "c",
        "C",
        "Mayor Ilse Varga vetoed the harbour bill last week, and the Calvarra Assembly will vote to override the veto.",
        "Mayor Ilse Varga vetoed the harbour bill last week",
        "2026-03-05",
        "vetoed",
    )
    got = relations(suggest_links([voted, follows, vetoed]))
    assert (frozenset({"a", "b"}), "contradicts") in got
    assert not any(pair & {"c"} and rel == "contradicts" for pair, rel in got)


def test_not_knowing_denies_no_fact():
    """'had not known about the harbour messages' does not deny that the messages were sent."""
    knew = said(
        "a", "A", "Ilse Varga", "that she had not known about the harbour contract messages sent to Dunmore"
    )
    sent = said(
        "b", "B", "the port authority", "that the harbour contract messages were sent to Dunmore in March"
    )
    assert not negated_terms(knew.claim.text, knew.sentence)
    assert (frozenset({"a", "b"}), "contradicts") not in relations(suggest_links([knew, sent]))
    denial = said("c", "C", "Ilse Varga", "that no harbour contract messages were sent to Dunmore")
    assert negated_terms(denial.claim.text, denial.sentence)


def test_two_denials_of_one_thing_agree_whatever_the_stance_model_says():
    """'None of the money will come from hurricane relief' and 'decided not to tap hurricane relief money':
    both deny it; a model reading "disagree" does not make them a conflict."""
    a = said(
        "a", "A", "Mick Varga", "None of the money will come from the hurricane relief fund for Calvarra"
    )
    b = said(
        "b", "B", "Ilse Varga", "she decided not to tap the hurricane relief money of Calvarra for the wall"
    )
    got = suggest_links([a, b], stance=lambda claim, text: "disagree")
    assert all(s.relation != "contradicts" for s in got)


def year(cid, article, sentence, clause, value):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "year")
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 3, 13))


def test_a_year_alone_needs_the_same_happening_in_nearly_the_same_words():
    """'overriding a 2014 ban imposed by the Calvarra council' and 'a club that sued the Calvarra council in
    2014' share a year and a name, not a happening; 'obtained five deferments from 1965' twice is one."""
    ban = year(
        "a",
        "A",
        "The order reverses a 2014 ban imposed by the Calvarra council on ivory imports.",
        "a 2014 ban imposed by the Calvarra council on ivory imports",
        "2014",
    )
    suit = year(
        "b",
        "B",
        "A hunting club that sued the Calvarra council in 2014 welcomed the order.",
        "A hunting club that sued the Calvarra council in 2014",
        "2014",
    )
    assert not suggest_links([ban, suit])
    first = year(
        "c",
        "C",
        "He obtained five military deferments from 1965 to 1970.",
        "obtained five military deferments from 1965",
        "1965",
    )
    second = year(
        "d",
        "D",
        "He obtained five military deferments from 1965 to 1970 and served at home.",
        "obtained five military deferments from 1965",
        "1965",
    )
    assert relations(suggest_links([first, second])) == {(frozenset({"c", "d"}), "corroborates")}


def test_one_day_is_confirmed_by_an_article_once():
    """An article that dates the harbour vote to Thursday in its lead and again in its body confirms the other
    outlet's date once, through its closer wording."""
    a = day(
        "a",
        "A",
        "The Calvarra Assembly passed the harbour bill on Thursday.",
        "passed the harbour bill on Thursday",
        "2026-03-12",
        "passed",
    )
    lead = day(
        "b1",
        "B",
        "The harbour bill passed the Calvarra Assembly on Thursday evening.",
        "passed the Calvarra Assembly on Thursday evening",
        "2026-03-12",
        "passed",
    )
    body = day(
        "b2",
        "B",
        "After weeks of talks the Calvarra Assembly passed the harbour bill on Thursday.",
        "the Calvarra Assembly passed the harbour bill on Thursday",
        "2026-03-12",
        "passed",
    )
    body.sentence_start = 500  # the body, far below the lead
    body.claim = DateClaim(
        500 + body.claim.start, 500 + body.claim.end, body.claim.text, "2026-03-12", "day", dated="passed"
    )
    got = [s for s in suggest_links([a, lead, body]) if "a" in s.pair]
    assert len(got) == 1 and got[0].relation == "corroborates"


def test_one_shared_word_is_a_topic_not_the_same_remark_of_one_speaker():
    """Ilse Varga on Marrowick's tolls and on Marrowick's ferries share only the town: two remarks."""
    claims = [
        said("a", "A", "Ilse Varga", "the Marrowick tolls will rise sharply"),
        said("b", "B", "Ilse Varga", "the Marrowick ferries stay cheap"),
        said("c", "C", "Tom Bryn", "the ferries and the tolls stay cheap and will not rise sharply"),
        said("d", "D", "Tom Bryn", "pensioners stay at home"),
    ]
    assert not any(s.pair == {"a", "b"} for s in suggest_links(claims))


def test_the_same_span_of_years_in_other_words_is_one_period():
    """'her tenure, which lasted from 2009 to 2013' and 'She served in that post from 2009 to 2013' give one
    period; 'from 2009 to 2011' is another."""
    tenure = year(
        "a",
        "A",
        "Her tenure as top diplomat lasted from 2009 to 2013.",
        "top diplomat lasted from 2009",
        "2009",
    )
    served = year(
        "b", "B", "She served in that post from 2009 to 2013.", "She served in that post from 2009", "2009"
    )
    other = year(
        "c",
        "C",
        "The harbour board met yearly from 2009 to 2011.",
        "The harbour board met yearly from 2009",
        "2009",
    )
    got = suggest_links([tenure, served, other])
    assert relations(got) == {(frozenset({"a", "b"}), "corroborates")}
    assert got[0].rationale.startswith("the same period, 2009 to 2013")


def test_one_speaker_telling_on_two_days_is_no_conflict():
    """Ilse Varga asked on Tuesday and Ilse Varga telling reporters on Monday: two tellings."""
    asked = day(
        "a",
        "A",
        "Ilse Varga was asked on Tuesday about the harbour emails.",
        "Ilse Varga was asked on Tuesday about the harbour emails",
        "2026-03-10",
        "asked",
    )
    told = day(
        "b",
        "B",
        "Ilse Varga told reporters on Monday about the harbour emails.",
        "Ilse Varga told reporters on Monday about the harbour emails",
        "2026-03-09",
        "told",
    )
    assert (frozenset({"a", "b"}), "contradicts") not in relations(suggest_links([asked, told]))


def month(cid, article, sentence, clause, value):
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "month" if len(value) == 7 else "day")
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 3, 13))


def test_a_month_shared_with_the_story_cast_only_is_not_one_happening():
    """'Mayor Ilse Varga of Calvarra, who took office on 10 January' and 'Calvarra has been in a harbour
    crisis since January, when Ilse Varga...' share only names; 'the harbour crisis deepened in January'
    shares the crisis."""
    office = month(
        "a",
        "A",
        "Mayor Ilse Varga of Calvarra, who took office on 10 January, called the strike illegal.",
        "Mayor Ilse Varga of Calvarra, who took office on 10 January",
        "2026-01-10",
    )
    crisis = month(
        "b",
        "B",
        "Calvarra has been in a harbour crisis since January, when Ilse Varga shut the docks.",
        "Calvarra has been in a harbour crisis since January",
        "2026-01",
    )
    deepened = month(
        "c",
        "C",
        "The harbour crisis in Calvarra deepened in January.",
        "The harbour crisis in Calvarra deepened in January",
        "2026-01",
    )
    got = relations(suggest_links([office, crisis, deepened]))
    assert (frozenset({"a", "b"}), "corroborates") not in got
    assert (frozenset({"b", "c"}), "corroborates") in got


def test_one_tally_written_two_ways_is_one_vote_whatever_the_sentences_say():
    """'a 41-3 vote hours earlier in the harbour board' and 'The final tally was 41-3' share no word but the
    tally: one vote, corroborated; a 41-7 tally elsewhere in the story is another vote, not linked."""
    vote = stored_figure(
        "a",
        "A",
        "This followed a 41-3 vote hours earlier in the harbour board.",
        "41-3 vote",
        41,
        unit="vote",
    )
    tally = stored_figure("b", "B", "The final tally was 41-3.", "tally was 41-3", 41, unit="vote")
    other = stored_figure(
        "c", "C", "Weeks later the ferry levy passed 41-7 in the council.", "passed 41-7", 41, unit="vote"
    )
    got = relations(suggest_links([vote, tally, other]))
    assert (frozenset("ab"), "corroborates") in got
    assert not any(pair & {"c"} and rel == "corroborates" for pair, rel in got)


def test_a_tally_spelt_with_to_is_the_same_vote_as_the_tally_with_a_dash():
    """'a 41-3 vote', 'passed 41 to 3' and 'by 41 votes to 3' are one tally however written: corroborated;
    'passed 41 to 7' is another vote, with the same votes for, not linked to them."""
    vote = stored_figure(
        "a", "A", "This followed a 41-3 vote in the harbour board.", "41-3 vote", 41, unit="vote"
    )
    spelt = stored_figure("b", "B", "The levy passed 41 to 3.", "passed 41 to 3", 41, unit="vote")
    counted = stored_figure(
        "c", "C", "It was carried by 41 votes to 3 on Monday.", "41 votes to 3", 41, unit="vote"
    )
    other = stored_figure(
        "d",
        "D",
        "Weeks later the ferry levy passed 41 to 7 in the council.",
        "passed 41 to 7",
        41,
        unit="vote",
    )
    got = relations(suggest_links([vote, spelt, counted, other]))
    for pair in ("ab", "ac", "bc"):
        assert (frozenset(pair), "corroborates") in got, pair
    assert not any(pair & {"d"} and rel == "corroborates" for pair, rel in got)


def test_shares_of_two_wholes_are_never_one_figure():
    """'a third of the harbour stops' and 'a third of the harbour voters' are shares of two things, however
    alike their sentences; a share that names no whole ('a two-thirds majority') may be any share."""
    stops = stored_figure(
        "a", "A", "Police made a third of the harbour stops at night.", "a third of the harbour stops", 1 / 3
    )
    voters = stored_figure(
        "b",
        "B",
        "Police made a third of the harbour voters wait at night.",
        "a third of the harbour voters",
        1 / 3,
    )
    again = stored_figure(
        "c", "C", "Police made a third of all harbour stops at night.", "a third of all harbour stops", 1 / 3
    )
    for f, whole in ((stops, "% stops"), (voters, "% voters"), (again, "% stops")):
        f.claim.unit, f.claim.unit_class = whole, "share"
    got = relations(suggest_links([stops, voters, again]))
    assert (frozenset("ac"), "corroborates") in got
    assert not any(pair & {"b"} for pair, _ in got)


def test_a_threshold_is_a_bar_not_a_count_of_what_happened():
    """'30 votes needed to overcome the veto' and 'a simple majority of 21 votes' are bars the levy must
    clear: neither contradicts the 34 votes cast, nor each other; two outlets giving one bar agree."""
    needed = stored_figure(
        "a",
        "A",
        "The levy needed 30 votes to overcome the mayor's veto in the harbour board on Monday.",
        "30 votes",
        30,
        unit="vote",
    )
    cast = stored_figure(
        "b",
        "B",
        "The harbour board cast 34 votes for the levy over the mayor's veto on Monday.",
        "34 votes",
        34,
        unit="vote",
    )
    majority = stored_figure(
        "c",
        "C",
        "Without the mayor's veto, a simple majority of 21 votes in the harbour board passes the levy.",
        "21 votes",
        21,
        unit="vote",
    )
    same_bar = stored_figure(
        "d",
        "D",
        "The harbour board said on Monday that the 30 votes necessary to overcome the mayor's veto were "
        "there.",
        "30 votes",
        30,
        unit="vote",
    )
    required = stored_figure(
        "e",
        "E",
        "The harbour board's charter requires 30 votes to overcome a veto of the mayor's levy.",
        "30 votes",
        30,
        unit="vote",
    )
    got = relations(suggest_links([needed, cast, majority, same_bar, required]))
    assert not any(rel == "contradicts" for _, rel in got), got
    assert (frozenset("ae"), "corroborates") in got
    assert not any(pair & {"b"} for pair, _ in got)


def test_a_vague_amount_confirms_no_bound():
    """'tens of thousands of dollars' given to the harbour fund and 'more than $10,000' given to it overlap
    as intervals, but each is a guess at its own sum: agreeing tells nothing; a figure within the bound
    still corroborates it."""
    vague = stored_figure(
        "a",
        "A",
        "Donors gave tens of thousands of dollars to the harbour fund in March, the filing shows.",
        "tens of thousands of dollars",
        2e4,
    )
    vague = replace(vague, claim=replace(vague.claim, high=99999.0, approximate=True))
    bound = stored_figure(
        "b",
        "B",
        "Donors gave more than $10,000 to the harbour fund in March, the filing shows.",
        "$10,000",
        1e4,
        direction=">",
    )
    figure = stored_figure(
        "c", "C", "Donors gave $12,000 to the harbour fund in March, the filing shows.", "$12,000", 1.2e4
    )
    got = relations(suggest_links([vague, bound, figure]))
    assert not any(pair == frozenset("ab") for pair, _ in got), got
    assert (frozenset("bc"), "corroborates") in got


def test_passed_and_voted_date_one_vote_of_one_body():
    """'The Calvarra Assembly passed the harbour levy Tuesday' and 'On Wednesday, the Calvarra Assembly
    voted 41-3 on a measure for the piers': one vote under two verbs, two days, a conflict. The mayor
    signing the levy on Thursday is another happening."""
    passed = day(
        "a",
        "A",
        "The Calvarra Assembly resolution on the harbour levy passed Tuesday, sponsored by Rep. Ilse Varga.",
        "The Calvarra Assembly resolution on the harbour levy passed Tuesday",
        "2026-03-10",
        "passed",
    )
    voted = day(
        "b",
        "B",
        "On Wednesday, the Calvarra Assembly voted 41-3 on a measure that funds dredging and new piers.",
        "On Wednesday, the Calvarra Assembly voted 41-3 on a measure that funds dredging and new piers",
        "2026-03-11",
        "voted",
    )
    signed = day(
        "c",
        "C",
        "Mayor Tomas Reed signed the harbour levy on Thursday.",
        "Mayor Tomas Reed signed the harbour levy on Thursday",
        "2026-03-12",
        "signed",
    )
    got = relations(suggest_links([passed, voted, signed]))
    assert (frozenset("ab"), "contradicts") in got, got
    assert not any(pair & {"c"} and rel == "contradicts" for pair, rel in got)
