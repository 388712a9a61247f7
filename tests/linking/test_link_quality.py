"""Fewer, better link suggestions: repeated mentions, restated statements, embedded questions, dates an
article counts back, and statements that only repeat a linked count. Hand-written claims throughout."""

from __future__ import annotations

from claims.extraction.statements import drop_restated
from claims.extraction.types import DateClaim, QuantityClaim, Span, StatementClaim
from claims.linking.links import suggest_links
from claims.linking.types import LinkableClaim


def qty(cid, article, sentence, low, unit="aircraft", counted=None, start=0, event="e1"):
    claim = QuantityClaim(start, start + len(sentence), sentence, low, low, unit, "aircraft", counted=counted)
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, sentence, event_id=event, sentence_start=start
    )


def date(cid, article, text, value, expression, start=0, sentence=None):
    precision = {4: "year", 7: "month"}.get(len(value), "day")
    at = text.index(expression)
    claim = DateClaim(
        start,
        start + len(text),
        text,
        value,
        precision,
        Span(start + at, start + at + len(expression), expression),
    )
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, sentence or text, event_id="e1", sentence_start=start
    )


def said(cid, article, speaker, content, sentence=None, start=0):
    sentence = sentence or f"{speaker or 'An official'} said {content}."
    claim = StatementClaim(start, start + len(content), content, speaker)
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, sentence, event_id="e1", sentence_start=start
    )


def pairs(suggestions):
    return {s.pair for s in suggestions}


# --- extraction: one statement picked up twice is kept once -------------------------------------------


def statement(start, end, speaker):
    text = "x" * (end - start)
    return StatementClaim(start, end, text, speaker)


def test_a_span_inside_a_longer_span_of_the_same_speaker_is_dropped():
    """'Brill said the county would not tolerate what she called "reckless spending"': the quoted phrase
    inside Brill's own statement is the same statement, found twice."""
    outer, inner = statement(100, 220, "Ada Brill"), statement(160, 221, "Ada Brill")
    assert drop_restated([inner, outer]) == [outer]


def test_nested_statements_of_other_or_unnamed_sources_stay():
    """'The Ledger reported that Brill said ...' nests two sources; an unnamed source may be anyone."""
    ledger, brill = statement(0, 200, "The Ledger"), statement(40, 200, "Ada Brill")
    assert drop_restated([brill, ledger]) == [ledger, brill]
    named, unnamed = statement(0, 200, "Ada Brill"), statement(40, 200, None)
    assert drop_restated([named, unnamed]) == [named, unnamed]
    apart = [statement(0, 100, "Ada Brill"), statement(60, 180, "Ada Brill")]  # overlap, not restated
    assert drop_restated(apart) == apart


# --- statements: an embedded question states nothing to check -----------------------------------------


def test_an_embedded_question_is_not_linked():
    """'explains why Dresnian engineers arrived in Kallia' asks; it does not say they arrived for X."""
    question = said(
        "q",
        "A",
        None,
        "why Dresnian engineers arrived in Kallia last week",
        sentence="Minister explains why Dresnian engineers arrived in Kallia last week.",
    )
    answer = said("a", "B", "Ivo Ryland", "Dresnian engineers arrived in Kallia last week to repair the dam")
    assert suggest_links([question, answer]) == []
    question.claim.text = "that Dresnian engineers arrived in Kallia last week"
    assert pairs(suggest_links([question, answer])) == {frozenset({"q", "a"})}


def test_a_conflict_needs_closer_wording_than_an_agreement():
    """A long account that shares three words with a short denial is not enough to call a conflict,
    though the same overlap with a short assertion still makes an agreement worth checking."""
    long_account = (
        "Dresnia keeps engineers, pilots, medics and instructors at the Kestrel base, where cargo flights "
        "bring spare parts and fuel every month, while the troop rotation follows "
        "a presence agreement signed after the floods that wrecked dams, bridges, ports and railways"
    )
    account = said("o", "B", "Ivo Ryland", long_account)
    denial = said("d", "A", "Ivo Ryland", "Dresnia does not plan a bigger troop presence in Kallia")
    assertion = said("s", "A", "Ivo Ryland", "Dresnia plans a bigger troop presence in Kallia")
    assert suggest_links([denial, account]) == []
    [s] = suggest_links([assertion, account])
    assert s.relation == "corroborates"


# --- counts: an article's repeats of one count are linked once, through the firmest mention -------------


def test_repeated_mentions_of_one_count_get_one_link_between_the_firmest_mentions():
    """Outlet A says 'two planes' three times (once hedged, once vague); outlet B twice. One link, between
    A's most specific unhedged mention and B's unhedged one."""
    a_lead = qty(
        "a1", "A", "Two planes reportedly carrying troops have landed at Kestrel.", 2, counted="planes"
    )
    a_body = qty(
        "a2",
        "A",
        "Two planes loaded with troops and equipment landed at Kestrel at the weekend.",
        2,
        counted="planes",
        start=100,
    )
    a_fact = qty(
        "a3",
        "A",
        "Two Dresnian air force planes landed at Kestrel airport, flight tracking showed.",
        2,
        counted="Dresnian air force planes",
        start=200,
    )
    b_rumour = qty(
        "b1",
        "B",
        "Unverified reports said two Dresnian air force planes carrying troops landed at Kestrel.",
        2,
        counted="Dresnian air force planes",
    )
    b_fact = qty(
        "b2",
        "B",
        "The governor confirmed the arrival of two Dresnian planes at Kestrel.",
        2,
        counted="Dresnian planes",
        start=100,
    )
    got = suggest_links([a_lead, a_body, a_fact, b_rumour, b_fact])
    assert pairs(got) == {frozenset({"a3", "b2"})}
    assert "both: 2 aircraft" in got[0].rationale


def test_the_same_count_dated_to_another_time_is_another_fact():
    """'two bombers in December' in the article is not a repeat of 'two planes on Saturday'."""
    march = qty(
        "a1", "A", "Two Dresnian planes landed at Kestrel airport on Saturday.", 2, counted="Dresnian planes"
    )
    december = qty(
        "a2",
        "A",
        "Dresnia already sent two strategic bombers to Kestrel airport in December.",
        2,
        counted="Dresnian strategic bombers",
        start=100,
    )
    sb = "The governor confirmed two Dresnian planes landed at Kestrel airport on Saturday."
    other = qty("b1", "B", sb, 2)
    dates = [
        date(
            "d1",
            "A",
            "Two Dresnian planes landed at Kestrel airport on Saturday.",
            "2019-03-23",
            "on Saturday",
        ),
        date(
            "d2",
            "A",
            "Dresnia already sent two strategic bombers to Kestrel airport in December.",
            "2018-12",
            "in December",
            start=100,
        ),
    ]
    dates.append(date("d3", "B", sb, "2019-03-23", "on Saturday"))
    got = {p for p in pairs(suggest_links([march, december, other, *dates])) if "b1" in p}
    assert got == {frozenset({"a1", "b1"})}


def test_a_statement_that_only_reports_a_linked_count_is_not_linked_again():
    """Once 'two planes landed' is linked as a count, the same sentences are not linked as statements."""
    sa = "Officials said two Dresnian air force planes landed at Kestrel airport on Saturday."
    sb = "Flight trackers said two Dresnian air force planes landed at Kestrel airport on Saturday."
    counts = [qty("qa", "A", sa, 2, counted="Dresnian air force planes"), qty("qb", "B", sb, 2)]
    statements = [
        said(
            "sa",
            "A",
            None,
            "two Dresnian air force planes landed at Kestrel airport on Saturday",
            sentence=sa,
        ),
        said(
            "sb",
            "B",
            None,
            "two Dresnian air force planes landed at Kestrel airport on Saturday",
            sentence=sb,
        ),
    ]
    assert pairs(suggest_links(statements)) == {frozenset({"sa", "sb"})}
    assert pairs(suggest_links([*counts, *statements])) == {frozenset({"qa", "qb"})}


# --- dates: an article's own "N years ago" against the year it writes out ------------------------------


def test_a_date_counted_back_corroborates_the_written_year_in_the_same_article():
    """'a treaty inked 20 years ago' and 'the treaty Dresnia and Kallia signed in May 1999', one article:
    the article's own arithmetic agrees, one suggestion, with the finer written date."""
    ago = date("ago", "A", "a bilateral treaty inked 20 years ago", "1999", "20 years ago", start=300)
    month = date(
        "may", "A", "the defence treaty that Dresnia and Kallia signed in May 1999", "1999-05", "in May 1999"
    )
    year = date(
        "year",
        "A",
        "a treaty of cooperation signed by the two countries in 1999",
        "1999",
        "in 1999",
        start=100,
    )
    got = suggest_links([ago, month, year])
    assert pairs(got) == {frozenset({"ago", "may"})}
    assert got[0].relation == "corroborates" and "same article" in got[0].rationale


def test_no_same_article_link_without_the_same_happening_or_year():
    """'elected 20 years ago' does not corroborate 'the treaty signed in 1999'; nor '21 years ago'."""
    elected = date("e", "A", "the mayor was elected 20 years ago", "1999", "20 years ago", start=300)
    treaty = date("t", "A", "the treaty that Dresnia and Kallia signed in 1999", "1999", "in 1999")
    assert suggest_links([elected, treaty]) == []
    ago = date("ago", "A", "a treaty inked 21 years ago", "1998", "21 years ago", start=300)
    assert suggest_links([ago, treaty]) == []
    plain = date("p", "A", "the treaty was signed in March", "1999-03", "in March", start=300)
    assert suggest_links([plain, treaty]) == []  # two written dates in one article: not linked


def test_statements_dated_to_different_times_are_not_linked():
    """'reports said on 24 June a Dresnian plane landed at Kestrel' and 'officials said Dresnian planes
    landed at Kestrel on Saturday' (in March) tell of two landings, however alike the words."""
    sa = "Reports said on 24 June that Dresnian air force planes had landed at Kestrel airport."
    sb = "Officials said Dresnian air force planes landed at Kestrel airport on Saturday."
    a = said("a", "A", None, "Dresnian air force planes had landed at Kestrel airport", sentence=sa)
    b = said("b", "B", None, "Dresnian air force planes landed at Kestrel airport on Saturday", sentence=sb)
    assert pairs(suggest_links([a, b])) == {frozenset({"a", "b"})}
    june = date("ja", "A", sa, "2019-06-24", "on 24 June")
    march = date("mb", "B", sb, "2019-03-23", "on Saturday")
    assert frozenset({"a", "b"}) not in pairs(suggest_links([a, b, june, march]))
