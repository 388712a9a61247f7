"""Branch stmt13e: wishes and intentions are no statements, vows keep their verb, a negated acknowledgment or report
is stored refused, and the writer's aside on the subject of reported words is left out of `words`; on sentences we
wrote."""

from claims.extraction.statements.cues import only_meant
from claims.extraction.statements.direct import wished_quote
from claims.extraction.statements.quotes import find_quotes, paragraph_ids
from tests.extraction_support import none_with_text as _none
from tests.extraction_support import one_with_text as _one

# --- wishes and intentions


def test_a_want_or_a_hope_is_no_statement(statements):
    _none(statements("The fishermen want a short-term bill for the harbour authority."), "bill")
    text = "Democrats want the tolls extended for all but the wealthy, while Republicans want them extended for everybody."
    _none(statements(text), "extended")
    _none(
        statements("Advocates are hoping for a plan that would give the fishermen a chance to stay."), "plan"
    )
    _none(statements("Ana Ruiz hopes to reopen the ferry line by May."), "ferry")
    _none(statements("The ferry workers wish the port would stay open all winter."), "port")


def test_what_somebody_set_out_to_say_is_no_statement(statements):
    _none(statements("About a hundred families gathered to express support for the ferry crews."), "support")
    _none(
        statements("A reporter who tried to question him about the ferry contract was pushed aside."),
        "contract",
    )
    _none(statements("Some councillors have been scrambling to try to block the toll."), "toll")
    _none(statements("The new bylaw aims to answer rising complaints about the tolls."), "complaints")


def test_an_attempt_that_gives_its_clause_is_no_mere_intention(nlp):
    doc = nlp("Tom Hale tried to explain that the ferry would keep running.")
    assert not only_meant(next(t for t in doc if t.lower_ == "explain"))
    doc = nlp("Tom Hale tried to question the harbour master about the contract.")
    assert only_meant(next(t for t in doc if t.lower_ == "question"))
    doc = nlp("The crews continued to criticize the new toll.")
    assert not only_meant(next(t for t in doc if t.lower_ == "criticize"))


def test_a_hope_that_clause_is_still_a_position(statements):
    claim = _one(statements("Ana Ruiz hopes that the ferry line will reopen by May."), "ferry")
    assert claim.polarity == "position"


def test_a_quote_inside_a_want_keeps_the_verb(statements):
    text = 'Tom Hale wanted to restore "a fighting spirit, a fighting mentality" to the harbour police.'
    claim = _one(statements(text), "fighting")
    assert claim.text.startswith("wanted to restore") and "harbour police" in claim.text
    assert claim.polarity == "position" and claim.speaker == "Tom Hale"


def test_a_vow_is_said_and_keeps_its_verb(statements):
    claim = _one(statements("Tom Hale vowed to close the old pier by June."), "pier")
    assert claim.text == "vowed to close the old pier by June" and claim.polarity == "asserted"
    claim = _one(statements("Ana Ruiz promised to cut the ferry fares."), "fares")
    assert claim.text == "promised to cut the ferry fares"
    claim = _one(statements("The harbour master pledged to repair the breakwater."), "breakwater")
    assert claim.text.startswith("pledged to repair")


# --- negated acknowledgments and reports


def test_a_negation_shared_through_or_is_a_refusal(statements):
    claim = _one(statements("Tom Hale did not apologize or acknowledge that the toll had doubled."), "toll")
    assert claim.polarity == "refused"
    claim = _one(statements("Tom Hale did not apologize but acknowledged that the toll had doubled."), "toll")
    assert claim.polarity == "asserted"


def test_a_subject_that_names_nobody_asserts_nothing(statements):
    claim = _one(statements("Neither Tom Hale nor Ana Ruiz has acknowledged that the toll doubled."), "toll")
    assert claim.polarity == "refused"
    claim = _one(statements("Nobody at the council has said that the toll would rise."), "toll")
    assert claim.polarity == "refused"
    claim = _one(statements("No official has confirmed that the pier will close in May."), "pier")
    assert claim.polarity == "refused"


def test_speech_held_back_is_a_refusal(statements):
    claim = _one(statements("Tom Hale stopped short of saying that the toll would rise."), "toll")
    assert claim.polarity == "refused"
    claim = _one(statements("Ana Ruiz refrained from saying that the pier was unsafe."), "pier")
    assert claim.polarity == "refused"


def test_plain_negated_cues_stay_refused(statements):
    for text in (
        "Tom Hale did not acknowledge that the toll had doubled.",
        "Ana Ruiz has never once said that the toll had doubled.",
        "Tom Hale didn't acknowledge the toll had doubled.",
    ):
        assert _one(statements(text), "toll").polarity == "refused"


# --- the writer's aside inside reported words


def test_a_present_relative_clause_on_the_subject_is_left_out_of_the_words(statements):
    claim = _one(
        statements("Tom Hale said that the plan, which cuts taxes for the rich, would pass easily."), "plan"
    )
    assert claim.words == "that the plan ... would pass easily"
    assert claim.text == "that the plan, which cuts taxes for the rich, would pass easily"


def test_a_described_name_as_subject_is_left_out_of_the_words(statements):
    text = "Tom Hale said that Ana Ruiz, the presumptive nominee, had lost the support of the fishermen."
    claim = _one(statements(text), "fishermen")
    assert claim.words == "that Ana Ruiz ... had lost the support of the fishermen"


def test_an_aside_that_may_be_the_speakers_stays_in_the_words(statements):
    # a past relative clause may go on with what was said; the source speaking inside it; a quoted aside
    claim = _one(
        statements("Tom Hale said that the plan, which was drafted in May, would pass easily."), "plan"
    )
    assert not claim.words
    claim = _one(
        statements("Tom Hale said the ferry company, which he says is broke, would move its offices."),
        "ferry",
    )
    assert not claim.words
    claim = _one(
        statements('Tom Hale said that his rival, who "cannot be trusted," would lose the vote.'), "rival"
    )
    assert not claim.words


def test_another_partys_wish_after_while_is_no_part_of_the_words(statements):
    text = (
        "The mayor is now insisting that the council approve $5 million for the pier, while the fishermen want a "
        "short-term repair of the old dock."
    )
    claim = _one(statements(text), "pier")
    assert claim.text == "that the council approve $5 million for the pier"
    _none(statements(text), "dock")


def test_a_want_told_of_somebody_in_a_story_is_not_their_position(statements):
    text = (
        "The harbour board pressed the ferry company to comment on a story about Ana Ruiz wanting to "
        '"just sink" the old ferry, the Gazette said.'
    )
    assert not [c for c in statements(text) if c.polarity == "position"]


def test_a_want_in_a_gerund_keeps_no_quote_as_its_phrase(nlp):
    doc = nlp('The group pushed a story about Ana Ruiz wanting to "just sink" the old ferry.')
    quote = find_quotes(doc, paragraph_ids(doc))[0]
    assert wished_quote(next(t for t in doc if t.lower_ == "wanting"), quote) is None
    doc = nlp('Tom Hale wanted to restore "a fighting spirit" to the harbour police.')
    quote = find_quotes(doc, paragraph_ids(doc))[0]
    assert wished_quote(next(t for t in doc if t.lower_ == "wanted"), quote) is not None


def test_another_sources_denial_in_a_relative_clause_is_the_writers_aside(statements):
    claims = statements(
        "Several colleagues urged him to resign over the accusations, which Tom Hale has repeatedly denied."
    )
    assert _one(claims, "resign").text == "to resign over the accusations"
    claim = _one(
        statements("Ana Ruiz said Tom Hale must answer the allegations, which he has denied."), "answer"
    )
    assert claim.text == "Tom Hale must answer the allegations"
    claim = _one(
        statements("Ana Ruiz said the fees, which the council denies charging, were illegal."), "fees"
    )
    assert claim.words == "the fees ... were illegal"


def test_a_gloss_after_a_stances_object_is_the_writers(statements):
    text = "The fishermen oppose the mayor's new harbour plan, which also includes a toll on every boat."
    claim = _one(statements(text), "plan")
    assert claim.text == "oppose the mayor's new harbour plan" and claim.polarity == "position"


def test_an_apposition_the_parse_runs_on_into_a_conjunct_is_not_cut(statements):
    text = (
        "Angry fishermen accused Senator Tom Hale of Maine, the harbour leader, and several councillors of "
        "selling out the ferry crews."
    )
    claim = _one(statements(text), "Hale")
    assert "selling out the ferry crews" in claim.text
