"""Finding an annotated quote again in a new version of the text (pure functions, no database)."""

from claims.selectors import span_context
from claims.services.editing import loose
from newstext.reanchor import locate


def test_context_picks_the_right_one_of_repeated_quotes():
    """When the quote occurs twice, the occurrence whose prefix and suffix agree wins."""
    text = "Police said 3 died. Later, officials said 3 died in the second blast."
    start, end, exact = locate("said 3 died", "officials ", " in the", text)
    assert exact and text[start:end] == "said 3 died" and start == text.index("officials") + len("officials ")


def test_quote_alone_is_found_nearest_its_old_place_when_context_changed():
    """With the context rewritten on both sides, the quote alone is used, nearest the hint."""
    text = "AAAA the vote passed. BBBB the vote passed. CCCC"
    start, _, exact = locate("the vote passed", "zz ", " yy", text, hint=30)
    assert exact and start == text.index("the vote passed", 10)


def test_short_quotes_are_not_matched_fuzzily():
    """A two-letter quote that is gone is not 'found' somewhere else by fuzzy matching."""
    assert locate("7%", "", "", "no numbers here at all") is None


def test_loose_comparison_covers_nbsp_and_curly_quotes_only():
    """Browser copies differ from the stored text by no-break spaces and quote marks, nothing else."""
    assert loose("12\u00a0March \u201cyes\u201d it\u2019s") == '12 March "yes" it\'s'
    assert loose("12 March") != loose("12 Marc")


def test_span_context_takes_the_sentence_and_its_neighbours():
    """The claim page shows the claim's sentence with one sentence either side."""
    text = "One. Two has the claim here. Three. Four."
    start = text.index("claim")
    context = span_context(text, start, start + 5)
    assert (
        context.before == "One. Two has the " and context.span == "claim" and context.after == " here. Three."
    )
