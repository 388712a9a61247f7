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


def _bounds(span):
    return span.start, span.end


def test_the_sentence_hooks_give_the_sentences_spacy_gives():
    """Every token's and every span's sentence, read through the hooks of a parsed Doc, is the Span spaCy's
    own walk over the sentence starts gives (several paragraphs, a line break, a one-word sentence)."""
    from spacy.tokens import Span

    from claims.extraction.doccache import fast_sentences
    from claims.extraction.nlp import parse_many

    text = TEXT + "\n\nWhy? The pier closed in May.\nAsked again, Ruiz said nothing more.  Fine."
    plain = get_nlp()(text)
    hooked = next(parse_many([text]))
    assert "sent" in hooked.user_token_hooks and "sent" in hooked.user_span_hooks
    assert "sent" not in plain.user_token_hooks
    assert len(list(plain.sents)) >= 5
    for tok in plain:
        assert _bounds(hooked[tok.i].sent) == _bounds(tok.sent)
    n = len(plain)
    for start in range(0, n, 3):
        for end in (start, start + 1, min(n, start + 7), n):
            expected = Span(plain, start, end).sent
            assert _bounds(Span(hooked, start, end).sent) == _bounds(expected), (start, end)
    assert _bounds(Span(hooked, n, n).sent) == _bounds(Span(plain, n, n).sent)  # empty, at the end
    empty = fast_sentences(get_nlp()(""))
    assert "sent" not in empty.user_token_hooks  # nothing to read: spaCy's own behaviour stays


def test_the_sentence_bounds_follow_the_sentence_starts():
    """The bounds read at once over the Doc's sentence starts are those of a walk from each token: back to the
    last start at or before it (else the first token), on to the first start after it (else the Doc's end),
    for starts laid out at random, a first token that is not marked a start, and a one-token Doc."""
    import random

    from spacy.tokens import Doc

    from claims.extraction.doccache import _sentence_bounds

    rng = random.Random(16)
    vocab = get_nlp().vocab
    for n in (1, 2, 3, 8, 40):
        for _ in range(30):
            flags = [rng.choice([True, False, None]) for _ in range(n)]
            doc = Doc(vocab, words=["w"] * n, sent_starts=flags)
            marks = doc.to_array("SENT_START").tolist()
            firsts = [max([j for j in range(i + 1) if marks[j] == 1], default=0) for i in range(n)]
            ends = [min([j for j in range(i + 1, n) if marks[j] == 1], default=n) for i in range(n)]
            assert _sentence_bounds(doc) == (firsts, ends), marks


def test_token_texts_are_the_tokens_texts():
    from claims.extraction.doccache import token_texts

    doc = get_nlp()(TEXT + "\n\n(An aside, in brackets.)")
    assert token_texts(doc) is token_texts(doc)
    assert token_texts(doc) == [t.text for t in doc]


def test_remembered_mention_ranges_and_roles_are_the_ones_read_afresh():
    """The source's mention range and an entity's role, read once per token or entity, are what the
    uncached readings give, asked twice."""
    from claims.extraction.statements.resolve import _mention_range, mention_range
    from claims.extraction.statements.speakers import _role_of, role_of

    doc = get_nlp()(TEXT + " Harbour Watch, a group in Dover that opposed the pier, said it would sue.")
    for tok in doc:
        assert mention_range(tok) == _mention_range(tok) == mention_range(tok)
    assert doc.ents
    roles = [role_of(e) for e in doc.ents]
    assert roles == [_role_of(e) for e in doc.ents] == [role_of(e) for e in doc.ents]
    assert any(roles)


def _reporter_participle_end_before(clause, start, end):
    """The reading before the single pass (every verb's remaining words scanned again), to compare with."""
    from claims.extraction.statements.edges import set_off_participle

    doc = clause.doc
    for verb in doc[start:end]:
        closes = not any(not (t.is_punct or t.is_space) for t in doc[verb.right_edge.i + 1 : end])
        hung = verb.head.i == clause.i and not any(c.dep_ == "mark" for c in verb.children)
        if not (hung or closes):
            continue
        mark = set_off_participle(verb, clause)
        if mark is not None and (hung or mark > start):
            end = min(end, mark)
    return end


def test_the_participle_end_read_in_one_pass_is_the_one_read_before():
    from claims.extraction.statements.edges import reporter_participle_end

    texts = [
        "The ferry will stop running in May, the council said, citing the cost of fuel.",
        "Ruiz said the pier was unsafe, adding that repairs would take a year, and left.",
        "Hale told reporters the vote was fair - noting that 40 members took part - before he left.",
    ]
    checked = 0
    for text in texts:
        doc = get_nlp()(text)
        for clause in (t for t in doc if t.pos_ in ("VERB", "AUX")):
            for start in range(len(doc)):
                for end in range(start, len(doc) + 1):
                    got = reporter_participle_end(clause, start, end)
                    assert got == _reporter_participle_end_before(clause, start, end), (
                        text,
                        clause,
                        start,
                        end,
                    )
                    checked += got != end
    assert checked  # some participle did cut the words


def test_docs_are_parsed_in_batches_of_a_character_budget_in_order(monkeypatch):
    """`parse_many` hands spaCy runs of texts of at most BATCH_CHARS characters together (a longer text
    alone), so the parse's arrays stay small; the Docs come back in the texts' order, the same as one
    batch gives."""
    from claims.extraction import nlp as nlp_module

    texts = [
        "Mira Okafor said the ferry would run twice a day.",
        "The board counted 41 votes.",
        "Tomas Lind, the harbour master, said nothing.",
        "",
    ]
    whole = [_bounds(s) for t in texts for s in get_nlp()(t).sents]
    seen = []
    pipe = nlp_module.get_nlp().pipe

    def counted(batch, **kwargs):
        seen.append(list(batch))
        return pipe(seen[-1], **kwargs)

    monkeypatch.setattr(nlp_module.get_nlp(), "pipe", counted)
    monkeypatch.setattr(nlp_module, "BATCH_CHARS", 60)
    docs = list(nlp_module.parse_many(texts))
    assert [d.text for d in docs] == texts
    assert [_bounds(s) for d in docs for s in d.sents] == whole
    assert seen == [texts[:1], texts[1:2], texts[2:]]
