"""The per-Doc views the extractors read instead of asking spaCy again (claims.extraction.doccache), and the
memos built on them: each must give exactly what spaCy or the uncached reading gives; on sentences we wrote."""

from claims.extraction.doccache import column, entities, person_entities, token_table, verbs
from claims.extraction.nlp import get_nlp
from claims.extraction.statements.attribution_model import (
    _cue_probability,
    _features,
    attribution_probability,
    features,
)
from claims.extraction.statements.cues import _frame_of, frame_of, verb_forms

TEXT = (
    "Mayor Ana Ruiz of Harbour City said on Monday that the ferry would run again. "
    "Tom Hale, who leads the Harbour Council, told reporters he planned to vote against it, "
    "and the Ferry Workers Union warned of a strike."
)


def _spans(spans):
    return [(e.start, e.end, e.label_) for e in spans]


def test_the_entities_read_once_are_the_docs_entities():
    doc = get_nlp()(TEXT)
    assert entities(doc) is entities(doc)  # read once, kept with the Doc
    assert _spans(entities(doc)) == _spans(doc.ents)
    assert _spans(person_entities(doc)) == _spans(e for e in doc.ents if e.label_ == "PERSON")
    assert {e.label_ for e in person_entities(doc)} == {"PERSON"}


def test_each_doc_keeps_its_own_views():
    one, other = get_nlp()(TEXT), get_nlp()("Nobody is named in this sentence about the weather.")
    token_table(one, "memo")[0] = "kept"
    assert _spans(entities(other)) == _spans(other.ents)
    assert token_table(other, "memo") == {}
    assert token_table(one, "memo") == {0: "kept"}


def test_a_remembered_frame_is_the_frame_read_afresh():
    doc = get_nlp()(TEXT)
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX")]
    assert verbs
    for tok in verbs:
        assert frame_of(tok) == _frame_of(tok) == frame_of(tok)
    assert {frame_of(t) for t in verbs} >= {"clause"}  # "said that ..." at least


def test_verb_forms_read_the_spelling_as_before():
    doc = get_nlp()("She was hoping the council agreed.")
    hoping = next(t for t in doc if t.lower_ == "hoping")
    assert {"hoping", "hope", "hop"} <= verb_forms(hoping)


def test_the_statement_models_cue_probability_is_the_cue_models():
    doc = get_nlp()(TEXT)
    for tok in (t for t in doc if t.pos_ == "VERB"):
        assert _cue_probability(features(tok)) == attribution_probability(tok)


def test_the_columns_are_what_each_token_reads():
    doc = get_nlp()(TEXT)
    assert column(doc, "POS") == [t.pos for t in doc]
    assert column(doc, "DEP") == [t.dep for t in doc]
    assert column(doc, "LOWER") == [doc.vocab.strings[t.lower_] for t in doc]
    assert column(doc, "POS") is column(doc, "POS")  # read once, kept with the Doc
    assert column(get_nlp()(""), "POS") == []


def test_the_verbs_read_once_are_the_verb_and_aux_tokens():
    doc = get_nlp()(TEXT + " It has been a long week.")
    assert [t.i for t in verbs(doc)] == [t.i for t in doc if t.pos_ in ("VERB", "AUX")]
    assert {t.pos_ for t in verbs(doc)} == {"VERB", "AUX"}  # "has", "been": auxiliaries too
    assert verbs(doc) is verbs(doc)


def test_remembered_cue_features_are_the_features_read_afresh_and_a_new_list_each_time():
    doc = get_nlp()(TEXT)
    for tok in (t for t in doc if t.pos_ in ("VERB", "AUX")):
        first = features(tok)
        assert first == _features(tok) == features(tok)
        first.append("changed by a caller")
        assert "changed by a caller" not in features(tok)
