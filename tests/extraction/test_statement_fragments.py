"""A quote run that its own attribution interrupts, on sentences we wrote (branch stmt10e): the statement's
span stays the whole run (so the page highlights it and PolNeAR's one attribution still matches), but the
words stored as the speaker's are the quoted fragments only, joined with " ... ", never "he said, before
adding,"."""

from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_quote_continued_with_before_adding_keeps_the_narration_out_of_the_words(statements):
    claims = statements(
        '"I may sell the ferry company next spring," the harbour commissioner Tom Hale said on Monday, '
        'before adding, "If the island council agrees to the price."'
    )
    claim = _one(claims, "ferry company")
    # the second quote has its own cue ("adding"), so it is a statement of its own, as PolNeAR marks
    # '"...," X said, adding, "..."' (branch stmt12e); the narration is in neither's words
    assert "before adding" not in claim.text and "before adding" not in (claim.words or "")
    assert claim.speaker == "Tom Hale"
    second = _one(claims, "island council")
    assert second.text == "If the island council agrees to the price."
    assert second.cue is not None and second.cue.text == "adding" and second.speaker == "Tom Hale"


def test_a_quote_continued_in_the_next_sentence_keeps_the_attribution_out_of_the_words(statements):
    claims = statements(
        'The storm was the worst in a decade. "We are ready for the next one," Mayor Dora Kell said. '
        '"The crews know what to do and the pumps have been repaired."'
    )
    claim = _one(claims, "ready for the next")
    assert claim.text.startswith("We are ready") and "Kell said" in claim.text
    assert claim.words == (
        "We are ready for the next one ... The crews know what to do and the pumps have been repaired."
    )


def test_a_three_fragment_run_joins_each_fragment(statements):
    claims = statements(
        '"The bridge will open in June," said Ana Ruiz, the city engineer. "The steel has arrived." '
        '"The paint is the last job and it takes two weeks."'
    )
    claim = _one(claims, "bridge will open")
    assert claim.words is not None
    assert "Ruiz" not in claim.words and "engineer" not in claim.words
    assert claim.words.startswith("The bridge will open in June ... The steel has arrived.")
    assert claim.words.endswith("The paint is the last job and it takes two weeks.")
    assert claim.words.count(" ... ") == 1  # nothing but marks between the last two fragments


def test_a_run_across_paragraphs_keeps_the_attribution_out_of_the_words(statements):
    claims = statements(
        'Residents met at the town hall on Tuesday.\n\n"Nobody told us the school would close," said Maria '
        'Lopez, a parent of two.\n\n"We found out from a sign on the gate and the children were crying."'
    )
    claim = _one(claims, "Nobody told us")
    assert claim.speaker == "Maria Lopez"
    assert claim.words is not None and "parent of two" not in claim.words
    assert claim.words.endswith("the children were crying.")


def test_a_quote_with_no_attribution_inside_keeps_its_span_as_its_words(statements):
    claims = statements(
        'Mayor Dora Kell said: "The harbour will stay open all winter and the ferry will run."'
    )
    claim = _one(claims, "harbour will stay open")
    assert claim.words is None
    assert claim.text == "The harbour will stay open all winter and the ferry will run."


def test_a_reported_clause_with_a_quoted_phrase_is_all_the_speakers_words(statements):
    """'... said the plan, which he called "a disaster", would fail': no attribution between the quoted
    bits, and the words outside the marks are the speaker's too."""
    claims = statements(
        'Councillor Tom Hale said the ferry plan, which he called "a waste of money", would fail within a year.'
    )
    claim = _one(claims, "ferry plan")
    assert claim.words is None


def test_a_reported_clause_interrupted_by_its_attribution_keeps_the_aside_out_of_the_words(statements):
    claims = statements(
        "The new ferry timetable, Mayor Dora Kell said on Friday, will not end the delays on the island."
    )
    claim = _one(claims, "ferry timetable")
    assert "Kell said" in claim.text and claim.speaker == "Dora Kell"
    assert claim.words == "The new ferry timetable ... will not end the delays on the island."


def test_a_reported_clause_with_its_attribution_before_it_is_all_the_speakers_words(statements):
    claims = statements("Mayor Dora Kell said on Friday that the new timetable will not end the delays.")
    claim = _one(claims, "timetable")
    assert claim.words is None


def test_a_show_named_in_the_attribution_is_no_fragment_of_the_words(statements):
    claims = statements(
        '"The ferry plan is dead and the council knows it," Councillor Tom Hale said on Harbour Radio\'s '
        '"Morning Tide." "Nobody on the island wants to pay for it."'
    )
    claim = _one(claims, "ferry plan is dead")
    assert (
        claim.words
        == "The ferry plan is dead and the council knows it ... Nobody on the island wants to pay for it."
    )


def test_a_span_that_runs_on_into_its_attribution_stores_the_quote_alone_as_words(statements):
    # the second quote, after a writer's "-- referring to ...", is cut off; the span keeps "Ruiz told
    # Harbour News", but the words stored and shown as hers are the quote alone (branch quoteruns13)
    claims = statements(
        "Ana Ruiz sees a double standard. \u201cShe said the very same thing that the governor said last "
        "spring,\u201d Ruiz told Harbour News -- referring to the ferry vote \u2013 \u201cAnd she gets the "
        "blame, and he gets the praise.\u201d"
    )
    claim = _one(claims, "very same thing")
    assert claim.words == "She said the very same thing that the governor said last spring"


def test_a_reported_clause_after_a_quote_is_no_frame_to_cut(statements):
    # "Mr. Hale said he did not recall ..." holds a clause with its own verb: not a short attribution, so
    # nothing is taken for the quote alone
    claims = statements('"The pier was sound when we left," Mr. Hale said he did not recall the inspection.')
    for claim in claims:
        assert claim.words in (None, "") or "recall" in claim.words


def test_a_quoted_name_in_the_writers_phrase_is_no_quote_before_an_attribution(statements):
    """'what his aides call the "Hale Plan," the mayor said he ...' (branch stmt16d): the quote opens after
    "the", inside the writer's noun phrase, so it is a name and the mayor's words start at "he"; an
    interrupted quote that opens its sentence ('"My hope," Hale said, "is ...') stays one quote."""
    text = (
        'Outlining what his aides call the "Hale Plan," the mayor said he was guided by two ideas: '
        '"a safe harbour" and "fair fees."'
    )
    said = [c.text for c in statements(text)]
    assert not [w for w in said if w.startswith("Hale Plan")], said
    assert any(w.startswith("he was guided") for w in said), said
    text = '"My hope," Hale said, "is that the strike ends soon."'
    assert [c.text for c in statements(text)] == ['My hope," Hale said, "is that the strike ends soon.']
