"""Branch stmt13b: what is no statement (a perception, what a thing includes), the writer's frame inside the stored
words (a closing ", per X", the name after a closing "according to" description, a summary of the act set off by a
comma or a dash, a relative clause of another's view, a parenthesis glued after the stop, the frame of "made it
clear") and a naming verb kept with its quoted name; on sentences we wrote."""

from claims.extraction.cleaning.glue import sentence_glue_splits
from claims.extraction.nlp import get_nlp
from claims.extraction.statements.acts import is_act
from claims.extraction.statements.trailing_source import without_trailing_source
from tests.extraction_support import none_with_text as _none
from tests.extraction_support import one_with_text as _one

# --- the writer's frame inside the words


def test_a_closing_per_phrase_names_who_reported_the_words(statements):
    claim = _one(
        statements("The mayor said the pier would close in May, per a statement from his office."), "pier"
    )
    assert claim.text == "the pier would close in May"
    text = "Ana Ruiz, the harbour commissioner, welcomed the council's new ferry timetable, per the Gazette report."
    claim = _one(statements(text), "timetable")
    assert claim.text.endswith("new ferry timetable") and "Gazette" not in claim.text
    claim = _one(statements("Tom Hale said the fleet lost money in May, per Reuters."), "fleet")
    assert claim.text == "the fleet lost money in May"


def test_per_as_a_rate_is_no_source_phrase():
    doc = get_nlp()("The mayor said the toll would rise by two dollars, per car.")
    assert without_trailing_source(doc, 3, len(doc), [False] * len(doc)) == len(doc)
    doc = get_nlp()("Hale said the levy is ten dollars per ton.")
    assert without_trailing_source(doc, 2, len(doc), [False] * len(doc)) == len(doc)


def test_the_name_after_a_closing_according_to_description_is_the_source(statements):
    text = (
        "The ferry company will hand over its logs next week, according to the committee's senior member, "
        "Rep. Ana Ruiz of Maine."
    )
    claim = _one(statements(text), "logs")
    assert claim.text == "The ferry company will hand over its logs next week" and claim.speaker == "Ana Ruiz"
    text = "The ferry company will hand over its logs, according to the committee's senior member, Ana Ruiz."
    claim = _one(statements(text), "logs")
    assert claim.text == "The ferry company will hand over its logs" and claim.speaker == "Ana Ruiz"
    claim = _one(statements("The pier will close next week, according to the Gazette, Maine."), "pier")
    assert claim.speaker == "Gazette"


def test_a_summary_of_the_act_set_off_by_a_comma_or_a_dash_is_the_writers(statements):
    text = "Tom Hale said the pier would close in May, a move that angered the fishermen."
    assert _one(statements(text), "pier").text == "the pier would close in May"
    text = "Tom Hale said the pier would close in May -- a move that would strip funds from the fleet."
    assert _one(statements(text), "pier").text == "the pier would close in May"
    text = "The mayor said she would publish the ferry accounts, her first response to the audit."
    assert _one(statements(text), "accounts").text == "she would publish the ferry accounts"
    text = 'On Tuesday Tom Hale repeated his apology, calling the remark "very unfair," his newest bid to calm the fishermen.'
    claim = _one(statements(text), "unfair")
    assert "bid" not in claim.text and claim.text.endswith('"very unfair,"')


def test_a_summary_inside_the_quotation_or_on_its_own_noun_stays(statements):
    text = '"We will close the pier, a move that will anger the fishermen," Tom Hale said.'
    assert "a move that will anger" in _one(statements(text), "pier").text
    # the noun is the subject of the words, not a summary after them
    text = "Tom Hale said a move to close the pier would anger the fishermen."
    assert _one(statements(text), "pier").text.endswith("anger the fishermen")


def test_the_verbs_own_object_after_an_aside_is_no_summary(statements):
    text = "Tom Hale said he has paused -- for a week at most -- her order to close the pier to ferries."
    assert _one(statements(text), "paused").text.endswith("close the pier to ferries")


def test_a_relative_clause_after_its_preposition_of_anothers_view_is_cut(statements):
    text = "Several pilots have asked for a cap on night sailings, with which the harbour master disagrees."
    claim = _one(statements(text), "night sailings")
    assert "disagrees" not in claim.text and claim.text.endswith("night sailings")
    claim = _one(statements("Ana Ruiz condemned the new toll, which the council approved in May."), "toll")
    assert claim.text == "condemned the new toll"


def test_a_relative_clause_the_parse_lost_or_the_speaker_speaks_in_stays(statements):
    claim = _one(statements("Tom Hale said the toll, which the council approved in May, was unfair."), "toll")
    assert claim.text.endswith("was unfair")
    text = "Ana Ruiz praised the new ferry, which she said was the fastest in the state."
    assert _one(statements(text), "ferry").text.endswith("fastest in the state")


def test_a_parenthesis_glued_after_the_stop_opens_the_writers_next_sentence(statements):
    text = (
        "Tom Hale said that he was leaving the race because he did not want to lose his seat.(Hale made "
        "headlines by claiming he was the frontrunner earlier in the year.)"
    )
    assert sentence_glue_splits(text) == [text.index("(Hale")]
    claim = _one(statements(text), "leaving the race")
    assert claim.text.endswith("lose his seat")
    assert sentence_glue_splits("Shares of Kestrel Inc.(NYSE: KST) fell.") == []


def test_the_frame_of_made_it_clear_stays_out_when_that_reads_as_a_determiner(statements):
    text = "Two harbour clerks made it clear that part of the new toll was meant to pay the pilots of the ferry line."
    assert _one(statements(text), "pilots").text.startswith("that part of the new toll")


# --- a naming verb keeps its verb when the name is quoted


def test_a_quoted_name_keeps_the_verb_that_gives_it(statements):
    claim = _one(statements('Tom Hale called the ferry deal "a disgrace."'), "disgrace")
    assert claim.text.startswith("called the ferry deal")
    claim = _one(
        statements('Ana Ruiz called it "a shortcut" while insisting that she would rather wait.'), "shortcut"
    )
    assert claim.text.startswith('called it "a shortcut')
    claim = _one(statements('Tom Hale called the ferry deal "a disgrace" in a Gazette column.'), "disgrace")
    assert claim.text.startswith("called the ferry deal")


def test_call_for_and_a_name_given_by_a_participle_are_no_naming(statements):
    _none(statements('The ferry, called "the Swan," sailed at noon.'), "Swan")
    claim = _one(statements('Tom Hale called for "a fair deal" on the harbour.'), "fair deal")
    assert not claim.text.startswith("called")


# --- perceptions and contents are no statements


def test_what_somebody_saw_or_noticed_is_no_statement(statements):
    _none(statements("Ana Ruiz noticed that the boats were leaving the harbour."), "boats")
    _none(statements("Tom Hale saw that voters were angry about the toll."), "voters")
    _none(statements("The clerks never found a copy of the charter being signed by the mayor."), "charter")


def test_what_a_thing_includes_is_no_statement(statements):
    doc = get_nlp()("The new rules include limiting night sailings; training the pilots; and more.")
    assert is_act(next(t for t in doc if t.lemma_ == "include"))
    claim = _one(
        statements("The ferry bill contains a ban on night sailings, the mayor's office said."), "ban"
    )
    assert claim.role == "office" and claim.text == "The ferry bill contains a ban on night sailings"


def test_a_participle_on_what_a_thing_contains_is_the_things_words(statements):
    """ "The audit contains a passage accusing X of ...": the audit accuses, never "passage"."""
    text = "The audit contains a passage accusing the pilots' union of hiding its travel costs."
    claim = _one(statements(text), "accusing")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "The audit"


def test_a_finding_and_a_sighting_someone_reports_stay(statements):
    claim = _one(statements("The auditors found that the port was losing money."), "port")
    assert claim.text.startswith("that")
    claim = _one(statements("Tom Hale said he saw that voters were angry."), "voters")
    assert claim.speaker == "Tom Hale"
