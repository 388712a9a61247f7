"""Branch stmt13b: what is no statement (a perception), the writer's frame inside the stored words (a closing
", per X", a summary of the act set off by a comma or a dash, a prepositional relative clause of another's
view, a parenthesis glued after the stop, the frame of "made it clear") and a naming verb kept with its quoted
name; on sentences we wrote."""

from claims.extraction.cleaning.glue import sentence_glue_splits
from claims.extraction.nlp import get_nlp
from claims.extraction.statements.acts import is_act
from claims.extraction.statements.trailing_source import without_trailing_source
from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def _none(claims: list[StatementClaim], fragment: str) -> None:
    assert not [c for c in claims if fragment in c.text], [c.text for c in claims]


# --- the writer's frame inside the words


def test_a_closing_per_phrase_names_who_reported_the_words(statements):
    claim = _one(
        statements("The mayor said the pier would close in May, per a statement from his office."), "pier"
    )
    assert claim.text == "the pier would close in May"
    claim = _one(
        statements(
            "Ana Ruiz, the harbour commissioner, hailed the council's sudden reversal, per the Gazette report."
        ),
        "reversal",
    )
    assert claim.text.endswith("sudden reversal") and "Gazette" not in claim.text
    claim = _one(statements("Tom Hale said the fleet lost money in May, per Reuters."), "fleet")
    assert claim.text == "the fleet lost money in May"


def test_per_as_a_rate_is_no_source_phrase():
    doc = get_nlp()("The mayor said the toll would rise by two dollars, per car.")
    assert without_trailing_source(doc, 3, len(doc), [False] * len(doc)) == len(doc)
    doc = get_nlp()("Hale said the levy is ten dollars per ton.")
    assert without_trailing_source(doc, 2, len(doc), [False] * len(doc)) == len(doc)


def test_a_summary_of_the_act_set_off_by_a_comma_or_a_dash_is_the_writers(statements):
    text = "Tom Hale said the pier would close in May, a move that angered the fishermen."
    assert _one(statements(text), "pier").text == "the pier would close in May"
    text = "Tom Hale said the pier would close in May -- a move that would strip funds from the fleet."
    assert _one(statements(text), "pier").text == "the pier would close in May"
    text = "The mayor announced that she had asked the council to release those records, her first response to the audit."
    assert _one(statements(text), "records").text.endswith("release those records")
    text = 'On Tuesday Tom Hale repeated his apology, calling the remark "very unfair," his latest attempt to win back fishermen.'
    claim = _one(statements(text), "unfair")
    assert "attempt" not in claim.text and claim.text.endswith('"very unfair,"')


def test_a_summary_inside_the_quotation_or_on_its_own_noun_stays(statements):
    text = '"We will close the pier, a move that will anger the fishermen," Tom Hale said.'
    assert "a move that will anger" in _one(statements(text), "pier").text
    # the noun is the subject of the words, not a summary after them
    text = "Tom Hale said a move to close the pier would anger the fishermen."
    assert _one(statements(text), "pier").text.endswith("anger the fishermen")


def test_the_verbs_own_object_after_an_aside_is_no_summary(statements):
    text = "Tom Hale said he has suspended -- at least for now -- his decision to close the pier to ferries."
    assert _one(statements(text), "suspended").text.endswith("close the pier to ferries")
    text = "Tom Hale said he has suspended, at least for now, his decision to close the pier."
    assert _one(statements(text), "suspended").text.endswith("close the pier")


def test_the_name_after_a_closing_according_to_description_is_the_source(statements):
    text = (
        "Tom Hale is expected to testify before the Harbour Committee, according to the panel's top Democrat, "
        "Sen. Ana Ruiz of Maine."
    )
    claim = _one(statements(text), "testify")
    assert claim.text == "Tom Hale is expected to testify before the Harbour Committee"
    assert claim.speaker == "Ana Ruiz"
    claim = _one(
        statements("Tom Hale is expected to testify, according to the panel's top Democrat, Ana Ruiz."),
        "testify",
    )
    assert claim.text == "Tom Hale is expected to testify" and claim.speaker == "Ana Ruiz"
    claim = _one(statements("The pier will close next week, according to the Gazette, Maine."), "pier")
    assert claim.speaker == "Gazette"


def test_a_relative_clause_after_its_preposition_of_anothers_view_is_cut(statements):
    text = "Some members of the council have called for cuts in harbour spending, with which the mayor disagrees."
    claim = _one(statements(text), "cuts")
    assert "disagrees" not in claim.text and claim.text.endswith("harbour spending")
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
    text = (
        "Other council officials made it clear that part of the mayor's plan was to split the opposition "
        "between the two groups."
    )
    assert _one(statements(text), "opposition").text.startswith("that part of the mayor's plan")


# --- a naming verb keeps its verb when the name is quoted


def test_a_quoted_name_keeps_the_verb_that_gives_it(statements):
    claim = _one(statements('Tom Hale called the ferry deal "a disgrace."'), "disgrace")
    assert claim.text.startswith("called the ferry deal")
    claim = _one(
        statements('He called it "the easy route" while insisting that he would rather wait.'), "route"
    )
    assert claim.text.startswith('called it "the easy route')
    claim = _one(statements('Tom Hale called the ferry deal "a disgrace" in a Gazette column.'), "disgrace")
    assert claim.text.startswith("called the ferry deal")


def test_call_for_and_a_name_given_by_a_participle_are_no_naming(statements):
    _none(statements('The ferry, called "the Swan," sailed at noon.'), "Swan")
    claim = _one(statements('Tom Hale called for "a fair deal" on the harbour.'), "fair deal")
    assert not claim.text.startswith("called")


# --- perceptions are no statements


def test_what_somebody_saw_or_noticed_is_no_statement(statements):
    _none(statements("Ana Ruiz noticed that the boats were leaving the harbour."), "boats")
    _none(statements("Tom Hale saw that voters were angry about the toll."), "voters")
    _none(
        statements("But the harbour office could not find any examples of the ferry sailing on a Sunday."),
        "ferry",
    )
    text = "But the harbour office could not find any examples of the charter actually being read aloud at a meeting."
    _none(statements(text), "charter")


def test_what_a_thing_includes_is_no_statement(statements):
    doc = get_nlp()(
        "Those actions include requiring harbour agencies to hand over their records; training the pilots; "
        "and many more."
    )
    assert is_act(next(t for t in doc if t.lemma_ == "include"))
    claim = _one(
        statements("The ferry bill contains a ban on night sailings, the mayor's office said."), "ban"
    )
    assert claim.role == "office" and claim.text == "The ferry bill contains a ban on night sailings"


def test_a_participle_on_what_a_thing_includes_is_the_things_words(statements):
    """ "The report includes details accusing X of ...": the report accuses, never "details"."""
    text = "The harbour report includes details accusing the Hales of hiding their personal expenses."
    claim = _one(statements(text), "accusing")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "The harbour report"


def test_a_finding_and_a_sighting_someone_reports_stay(statements):
    assert _one(statements("The auditors found that the port was losing money."), "port").text.startswith(
        "that"
    )
    claim = _one(statements("Tom Hale said he saw that voters were angry."), "voters")
    assert claim.speaker == "Tom Hale"
