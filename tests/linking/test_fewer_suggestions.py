"""Fewer, better suggestions: a run after an earlier one keeps the one-link-per-fact rules, and a date
matched on one shared word is not shown as sure as one matched on several."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim
from claims.linking.links import suggest_links
from claims.linking.types import ExistingLink, LinkableClaim


def day(cid, article, sentence, clause, dated, value="2026-03-12", start=0):
    """A day-precision date whose clause is part of `sentence` (starting at `start` in its article)."""
    at = sentence.index(clause)
    claim = DateClaim(start + at, start + at + len(clause), clause, value, "day", dated=dated)
    return LinkableClaim(
        cid,
        article,
        f"outlet-{article}",
        claim,
        sentence,
        event_id="e1",
        sentence_start=start,
        published=dt.date(2026, 3, 13),
    )


def vote_in_a():
    return day(
        "a",
        "A",
        "The Calvarra Assembly passed the harbour bill on Thursday.",
        "The Calvarra Assembly passed the harbour bill on Thursday",
        "passed",
    )


def two_mentions_in_b():
    lead = day(
        "b1",
        "B",
        "The harbour bill passed the Calvarra Assembly on Thursday evening.",
        "The harbour bill passed the Calvarra Assembly on Thursday evening",
        "passed",
    )
    body = day(
        "b2",
        "B",
        "After weeks of talks the Calvarra Assembly passed the harbour bill on Thursday.",
        "the Calvarra Assembly passed the harbour bill on Thursday",
        "passed",
        start=500,
    )
    return lead, body


def other_days():
    """Other happenings of the week in other outlets: what makes a shared word common or rare."""
    told = [
        ("The ferry strike ended on Friday.", "ended", "2026-03-13"),
        ("Dock workers met the mayor on Tuesday.", "met", "2026-03-10"),
        ("The port reopened on Monday.", "reopened", "2026-03-09"),
    ]
    return [day(f"x{n}", f"X{n}", s, s.rstrip("."), verb, value) for n, (s, verb, value) in enumerate(told)]


def test_a_later_run_does_not_confirm_a_date_again_through_the_articles_other_mention():
    """Outlet B dates the harbour vote in its lead and again in its body. The first run links A's date to
    one of them; a run after it (a new article arrives, the event is linked again) must not add A to the
    other mention: the editor would see the same confirmation twice."""
    a = vote_in_a()
    lead, body = two_mentions_in_b()
    first = suggest_links([a, lead, body])
    (made,) = [s for s in first if "a" in s.pair]
    (other,) = [c for c in (lead, body) if c.id not in made.pair]
    # the other mention alone would be linked: the second run has something to leave out
    assert any(s.pair == {"a", other.id} for s in suggest_links([a, other]))
    again = suggest_links([a, lead, body], existing=[ExistingLink(made.a_id, made.b_id, made.relation)])
    assert not [s for s in again if "a" in s.pair]


def test_a_later_run_links_a_pair_of_facts_once_whatever_mention_it_goes_through():
    """The same rule for two overlapping spans of one date in B (an extractor gave it twice): once linked,
    the pair of facts is not suggested again through the other span."""
    a = vote_in_a()
    sentence = "The Calvarra Assembly passed the harbour bill on Thursday, ending the strike."
    whole = day("b1", "B", sentence, "The Calvarra Assembly passed the harbour bill on Thursday", "passed")
    part = day("b2", "B", sentence, "passed the harbour bill on Thursday", "passed")
    assert any(s.pair == {"a", "b2"} for s in suggest_links([a, part]))
    again = suggest_links([a, whole, part], existing=[ExistingLink("a", "b1", "corroborates")])
    assert not [s for s in again if "a" in s.pair]
    # a third outlet is a new confirmation, still suggested
    c = day(
        "c",
        "C",
        "Calvarra's Assembly passed the harbour bill on Thursday.",
        "passed the harbour bill",
        "passed",
    )
    assert any(
        s.pair == {"a", "c"}
        for s in suggest_links([a, whole, part, c], existing=[ExistingLink("a", "b1", "corroborates")])
    )


def test_a_date_matched_on_one_shared_word_is_less_sure_and_the_fuller_mention_confirms_it():
    """'passed on Thursday night' inside a sentence about sums shares only the verb with the vote in A:
    it covers its own short clause whole, but an editor should see it below a mention that names the bill
    and who passed it, and A's day is confirmed by B through the fuller one."""
    a = vote_in_a()
    short = day(
        "b1",
        "B",
        "The port has enough for dredging with the tolls of the package passed on Thursday.",
        "passed on Thursday",
        "passed",
    )
    full = day(
        "b2",
        "B",
        "The harbour bill passed by the Calvarra Assembly on Thursday left the ferries out.",
        "The harbour bill passed by the Calvarra Assembly on Thursday",
        "passed",
        start=400,
    )
    (weak,) = [s for s in suggest_links([a, short, *other_days()]) if s.pair == {"a", "b1"}]
    (strong,) = [s for s in suggest_links([a, full, *other_days()]) if s.pair == {"a", "b2"}]
    assert weak.relation == strong.relation == "corroborates"
    assert weak.confidence < strong.confidence
    both = [s for s in suggest_links([a, short, full, *other_days()]) if "a" in s.pair]
    assert [s.pair for s in both] == [frozenset({"a", "b2"})]


def test_one_remark_quoted_around_two_dates_dates_its_occasion():
    """Outlet A: "At that March 2 event ... Varga says, 'We have built more ferries since the days I ran
    the port'"; outlet B: "'We have built more ferries since the days I ran the port,' Ms. Varga told the
    crowd gathered in Kestrel in March 2024." The wording around the dates shares nothing, but one remark
    quoted in both is one occasion: the day and its month corroborate. A phrase of two or three words
    ("a power grab") is no remark of its own."""
    quote = "We have built more ferries since the days I ran the harbour authority"
    a_sentence = f'At that March 2 event, shown later on the town website, Varga clearly says, "{quote}."'
    b_sentence = f"\u201c{quote},\u201d Ms. Varga told the crowd gathered in Kestrel in March 2024."
    a = day(
        "a", "A", a_sentence, "At that March 2 event, shown later on the town website", "event", "2024-03-02"
    )
    b_claim = DateClaim(0, len(b_sentence), "in March 2024", "2024-03", "month", dated="gathered")
    b = LinkableClaim("b", "B", "outlet-B", b_claim, b_sentence, event_id="e1", sentence_start=0)
    (got,) = [s for s in suggest_links([a, b, *other_days()]) if s.pair == {"a", "b"}]
    assert got.relation == "corroborates" and "quoted remark" in got.rationale
    # another remark in B's sentence: nothing joins the two dates
    other = b_sentence.replace(quote, "The ferries will run all winter if the council pays")
    b2 = LinkableClaim("b", "B", "outlet-B", b_claim, other, event_id="e1", sentence_start=0)
    assert not [s for s in suggest_links([a, b2, *other_days()]) if s.pair == {"a", "b"}]
    # a short phrase both quote is not one remark
    short_a = a_sentence.replace(quote, "a power grab")
    short_b = b_sentence.replace(quote, "a power grab")
    a3 = day(
        "a", "A", short_a, "At that March 2 event, shown later on the town website", "event", "2024-03-02"
    )
    b3 = LinkableClaim("b", "B", "outlet-B", b_claim, short_b, event_id="e1", sentence_start=0)
    assert not [s for s in suggest_links([a3, b3, *other_days()]) if s.pair == {"a", "b"}]
