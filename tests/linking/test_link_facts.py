"""Links state one fact: figures compared with the figure they bound or sit beside, claims rebuilt from
the database (no number span) compared as the extractor's, sentences a scraper glued kept apart."""

from __future__ import annotations

from claims.extraction.types import QuantityClaim
from claims.linking.context import sentence_around
from claims.linking.links import suggest_links
from claims.linking.types import LinkableClaim


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
