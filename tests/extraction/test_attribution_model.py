"""The trained attribution-cue model and the confidence calibration, as shipped (JSON, no pickle)."""

import json

import pytest

from claims.extraction.document import ArticleDoc
from claims.extraction.statements import attribution_model, calibration, find_statements
from claims.extraction.types import StatementClaim
from devtools.training.calibration import fit


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str) -> list[StatementClaim]:
        return find_statements(ArticleDoc(text=text, analysis=text, offsets=None, doc=nlp(text)))

    return run


def test_the_shipped_model_is_a_small_json_table_that_names_nobody():
    """The weights load with json, stay under 0.6 MB and hold no proper name from the training texts."""
    raw = attribution_model.MODEL_PATH.read_text()
    assert len(raw) < 600_000
    table = json.loads(raw)
    assert 0 < table["threshold"] < 1 and table["training"]["examples"] > 10_000
    assert not any(name in key for key in table["weights"] for name in ("=clinton", "=obama", "=kaine"))
    assert not any(key.split("=", 1)[-1][:1].isupper() for key in table["weights"] if "lemma" in key)


def test_the_model_reads_the_parse_not_only_the_word(nlp):
    """The same verb is a cue when a person voices a stance and not when it narrates an act."""
    blasted = nlp("Senator Ana Ruiz blasted the plan as a giveaway to the harbour owners.")
    bought = nlp("The company bought two new cranes in March.")
    p_blast = attribution_model.attribution_probability(blasted[3])
    p_bought = attribution_model.attribution_probability(bought[2])
    assert p_blast >= attribution_model.threshold() > p_bought


def test_model_cues_become_statements_and_acts_do_not(extract):
    """A non-core cue the model accepts is a statement with its source; a plain act is none."""
    claims = extract("Senator Ana Ruiz blasted the plan as a giveaway to the harbour owners.")
    assert [c.speaker for c in claims] == ["Ana Ruiz"]
    assert extract("The company bought two new cranes in March.") == []
    # A verb training never saw as a cue needs the parse to look far more like one.
    assert extract("Workers repaired the old cranes in the harbour last week.") == []


def test_confidence_is_calibrated_per_group(extract):
    """Confidence is the lower of the dev set's share right for the group and the read's for its read group: a
    named quoted speaker ranks above an unnamed one."""
    named = extract('"The harbour will reopen in June," Jon Berg said.')[0]
    unnamed = extract('"The harbour will reopen in June," an official said.')[0]
    data = json.loads(calibration.TABLE_PATH.read_text())
    table, read = data["groups"], data["read"]["groups"]
    assert named.confidence == min(table["0.9|direct|named|core"], read["direct|named|core|quote"])
    assert unnamed.confidence == min(table["0.9|direct|unnamed|core"], read["direct|unnamed|core|quote"])
    assert unnamed.confidence < named.confidence


def test_a_quote_hung_on_a_verb_that_is_not_speech_is_not_confident(extract):
    """A quoted phrase whose cue is a verb of wanting or acting is far less often right than "said"."""
    wanted = extract('Mayor Lena Ostrova wanted to speak "directly to the dock workers"')
    said = extract('"We will speak directly to the dock workers," Mayor Lena Ostrova said.')
    assert [c.cue.text for c in wanted] == ["wanted"] and [c.cue.text for c in said] == ["said"]
    assert wanted[0].confidence < 0.5 < said[0].confidence
    seek = extract(
        'The council will seek "to show the ferry company that there are consequences to its delays."'
    )
    assert all(c.confidence < 0.5 for c in seek)


def test_cue_class_reads_the_forms_of_core_reporting_verbs(extract):
    """ "has long argued", "is telling", "stressed", "told" are core cues; "favors", "wanted" are not."""
    core = {
        "Ana Ruiz has long argued that the harbour is too small.": "core",
        "Ana Ruiz is telling reporters that the harbour is too small.": "core",
        "Ana Ruiz stressed that the harbour is too small.": "core",
        "Ana Ruiz told reporters that the harbour is too small.": "core",
        'Ana Ruiz favors a "bigger harbour."': "other",
    }
    for text, cls in core.items():
        claims = extract(text)
        assert [calibration.cue_class(c) for c in claims] == [cls], text


def test_a_small_weak_group_does_not_borrow_a_strong_band(extract):
    """Three lucky unnamed quotes in a band of named speakers stay below 0.9: a small group is shrunk
    towards the lower of its band's share and its kind's share over all bands, and the table keeps a
    lower bound of the share, not the share itself."""
    rows = [("0.8|direct|unnamed|core", True)] * 3
    rows += [("0.8|reported|named|core", True)] * 95 + [("0.8|reported|named|core", False)] * 5
    rows += [("0.9|direct|unnamed|core", True)] * 50 + [("0.9|direct|unnamed|core", False)] * 50
    table = fit(rows)
    assert table["0.8|direct|unnamed|core"] < 0.9
    assert table["0.9|direct|unnamed|core"] < 0.5  # half right over a hundred: a little below half
    # 95 right of 100 is stored two standard errors below its share: under 0.9, well over the weak groups
    assert 0.85 < table["0.8|reported|named|core"] < 0.9


def test_the_statement_model_ships_in_the_same_table_and_names_nobody():
    """The second stage is in the JSON table too, trained on thousands of candidates, with no name in it."""
    stage = json.loads(attribution_model.MODEL_PATH.read_text())["statement"]
    assert 0 < stage["threshold"] < 1 and stage["training"]["examples"] > 5_000
    assert 0 < stage["candidate_known"] <= attribution_model.threshold()
    worded = ("cue=", "cue_path=", "subject=noun:", "v:lemma", "v:dobj", "v:ccomp", "v:xcomp")
    words = [
        part.split(":")[-1]
        for key in stage["weights"]
        if key.startswith(worded)
        for part in key.split("=", 1)[1].split("|")
    ]
    assert len(words) > 100 and not any(w[:1].isupper() for w in words)
    assert not any(name in key for key in stage["weights"] for name in ("clinton", "obama", "trump"))


def test_a_noun_cue_with_its_holder_is_a_statement(extract):
    """ "Ruiz's criticism of the deal": the possessor is the source, and the words are what is criticised
    with the noun that criticises it (a bare "the harbour deal" says nothing: `stance._noun_cue_kind`)."""
    claims = extract("Senator Ana Ruiz's sharp criticism of the harbour deal dominated the council meeting.")
    assert [(c.speaker, c.cue.text, c.text, c.polarity) for c in claims] == [
        ("Ana Ruiz", "criticism", "criticism of the harbour deal", "position")
    ]


def test_a_noun_of_intention_is_not_a_statement(extract):
    """ "Ruiz's plan to rebuild the pier" says what she means to do, not anything she said."""
    assert extract("Senator Ana Ruiz's plan to rebuild the old pier won the council's approval.") == []
    assert extract("Senator Ana Ruiz's bid for a second term ended in March.") == []
