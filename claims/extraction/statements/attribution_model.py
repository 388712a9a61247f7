"""A trained decision: is this verb, outside quotations, the cue of an attribution?

The learned lexicon (cues.py) knows a word's rate per frame; the model also reads the parse around it
(who the subject is, passive or negated, what it governs, where it stands). It is a logistic regression
over one-hot features, trained on PolNeAR's training half by `train_attribution` and shipped as a JSON
table of weights (`attribution_model.json`, loaded with `json`, never pickle). Only verbs outside the
core reporting list are decided by it (see reported.py); the core verbs keep their rules.
"""

from __future__ import annotations

import functools
import json
import math
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..doccache import column, token_table, token_texts
from .cues import SPEECH_VERBS, frame_of

if TYPE_CHECKING:
    from .reported import Found

MODEL_PATH = Path(__file__).with_name("attribution_model.json")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _subject_kind(tok: Token) -> str:
    subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return "none" if tok.dep_ not in ("relcl", "acl") else "rel"
    subj = subjects[0]
    if subj.ent_type_:
        return f"ent:{subj.ent_type_}"
    if subj.pos_ == "PRON":
        return (
            f"pron:{subj.lower_}" if subj.lower_ in ("he", "she", "they", "it", "i", "we", "you") else "pron"
        )
    return f"{subj.dep_}:{subj.pos_}"


def _word(tok: Token) -> str:
    # Common words only: a name, a number or a pronoun is its class, so the table names nobody.
    if tok.pos_ in ("PROPN", "NUM", "PRON") or tok.ent_type_:
        return f"<{tok.pos_}>"
    return tok.lemma_.lower()


def features(tok: Token) -> list[str]:
    """The one-hot feature names of verb `tok` (a candidate cue), a new list each call. They are a function
    of the parse alone, read once per token: the cue model asks for them and the statement model again."""
    table = token_table(tok.doc, "cue_features")
    found: tuple[str, ...] | None = table.get(tok.i)
    if found is None:
        found = table[tok.i] = tuple(_features(tok))
    return list(found)


def _features(tok: Token) -> list[str]:
    sent = tok.sent  # spaCy builds the sentence anew on every access: read it once
    lemma = (
        "<NAME>" if tok.ent_type_ or (tok.text[:1].isupper() and tok.i != sent.start) else tok.lemma_.lower()
    )
    frame = frame_of(tok)
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    subject = _subject_kind(tok)
    feats = [
        "bias",
        f"lemma={lemma}",
        f"lemma_frame={lemma}|{frame}",
        f"frame={frame}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"head_pos={tok.head.pos_ if tok.head.i != tok.i else 'ROOT'}",
        f"subject={subject}",
        f"lemma_subject={lemma}|{subject.split(':')[0]}",
    ]
    if "neg" in deps:
        feats.append("negated")
    if "auxpass" in deps or "nsubjpass" in deps:
        feats.append("passive")
    if "agent" in deps:
        feats.append("agent")
    for c in kids:
        if c.dep_ in ("ccomp", "xcomp"):
            feats.append(f"{c.dep_}_lemma={_word(c)}")
            if any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in c.children):
                feats.append(f"mark={next(g.lower_ for g in c.children if g.dep_ == 'mark')}")
        elif c.dep_ == "dobj":
            feats.append(f"dobj_lemma={_word(c)}")
        elif c.dep_ == "prep":
            prep = c.lower_ if c.pos_ == "ADP" and c.is_alpha else "<other>"
            feats.append(f"prep={prep}")
            feats.append(f"lemma_prep={lemma}|{prep}")
    share = (tok.i - sent.start) / max(1, len(sent))
    feats.append(f"position={min(3, int(share * 4))}")
    texts = token_texts(tok.doc)
    if any(texts[i] == ":" for i in range(tok.i + 1, min(sent.end, tok.i + 3))):
        feats.append("colon_after")
    return feats


@functools.cache
def _weights() -> tuple[dict[str, float], float] | None:
    try:
        table = json.loads(MODEL_PATH.read_text())
    except FileNotFoundError:  # a checkout without the trained table falls back to the lexicon
        return None
    return table["weights"], float(table["threshold"])


def available() -> bool:
    """True when the trained table is shipped."""
    return _weights() is not None


def attribution_probability(tok: Token) -> float:
    """P(annotators mark verb `tok` as an attribution cue), from the trained weights; 0 without them."""
    return _cue_probability(features(tok)) if available() else 0.0


def _cue_probability(feats: list[str]) -> float:
    """The cue model's probability for a verb with features `feats`; 0 without the trained table."""
    loaded = _weights()
    if loaded is None:
        return 0.0
    weights, _ = loaded
    score = sum(map(weights.get, feats, repeat(0.0)))  # (in order: the same float as a loop)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def threshold() -> float:
    """The probability above which the model's candidate is taken as a cue (tuned on polnear-dev)."""
    loaded = _weights()
    return loaded[1] if loaded else 1.0


# ---- The second stage: is this candidate statement right? -------------------------------------------
# The cue model above says whether a word is a cue. Whether the statement built on it is right also
# depends on what the rules made of it: the source found (a name, a pronoun, nothing), the content's
# extent, the path that found it. The statement model reads those and says how likely the whole
# statement is right (cue, content and speaker as annotators marked them). It is trained on what the
# extractor itself produces over PolNeAR's training half, each candidate labelled by the evaluation's
# own matching (see train_attribution), so it learns where the rules go wrong as well as where the
# cue is weak. Statements below its threshold are not stored; the ones kept carry its probability as
# their raw confidence.

_FILTER = True  # off while the statement model is trained, which needs every candidate
_CANDIDATE_BARS: tuple[float, float] | None = None  # while training: (known, unseen) candidate bars
# While training: (features, cue token range, direct) of every candidate.
_RECORD: list[tuple[list[str], tuple[int, int], bool]] | None = None


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= e for e in edges)


def _mention_kind(tok: Token | None) -> str:
    if tok is None:
        return "none"
    if tok.pos_ == "PRON":
        return f"pron:{tok.lower_}"
    if tok.ent_type_:
        return f"ent:{tok.ent_type_}"
    if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.i != tok.sent.start):
        return "propn"  # a name the tagger took for a common noun is still a name
    return f"noun:{_word(tok)}" if tok.pos_ == "NOUN" else f"pos:{tok.pos_}"


def path_of(doc: Doc, item: Found) -> str:
    """How a candidate was found: "according", "headline", "noun", "core" or "verb"."""
    tok = doc[item.cue_i]
    if item.attribution:
        return "according"
    if tok.text == ":":
        return "headline"
    if tok.pos_ not in ("VERB", "AUX"):
        return "noun"
    return "core" if tok.lemma_.lower() in SPEECH_VERBS else "verb"


# The straight quotation marks a sentence may hold, as token ORTH ids (a column of the Doc holds these).
_QUOTE_ORTHS = frozenset(get_string_id(mark) for mark in ('"', "``", "''"))


def statement_features(doc: Doc, item: Found) -> list[str]:
    """The one-hot feature names of a candidate statement `item` (a reported.Found) in `doc`."""
    tok = doc[item.cue_i]
    path = path_of(doc, item)
    lemma = _word(tok)
    subj = item.subject
    skind = _mention_kind(subj)
    start, end = item.content
    length = end - start
    feats = [
        "bias",
        f"path={path}",
        f"cue={lemma}",
        f"cue_path={lemma}|{path}",
        f"subject={skind}",
        f"subject_path={skind.split(':')[0]}|{path}",
        f"content_len={_bucket(length, (3, 6, 10, 16, 25, 40, 70))}",
        f"content_side={'after' if start > item.cue_i else ('before' if end <= item.cue_i else 'around')}",
        f"cue_dep={tok.dep_}",
        f"cue_tag={tok.tag_}",
    ]
    if path in ("verb", "core"):
        cue = features(tok)
        feats.extend(f"v:{f}" for f in cue)
        feats.append(f"cue_p={_bucket(_cue_probability(cue), (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9))}")
    if subj is not None:
        gap = subj.i - item.cue_i
        feats.append(f"subject_gap={'-' if gap < 0 else '+'}{_bucket(abs(gap), (2, 4, 8, 16))}")
        feats.append(f"subject_dep={subj.dep_}")
        if start <= subj.i < end:
            feats.append("subject_in_content")
    for flag in ("passive", "denial", "refused", "direct"):
        if getattr(item, flag):
            feats.append(flag)
    first = doc[start] if length > 0 else tok
    feats.append(
        f"content_first={first.lower_ if first.pos_ in ('SCONJ', 'PART', 'ADP', 'DET', 'PRON') else first.pos_}"
    )
    sents = {t.sent.start for t in (doc[start], doc[end - 1])} if length > 0 else set()
    if len(sents) > 1:
        feats.append("content_spans_sentences")
    sent = tok.sent
    if not _QUOTE_ORTHS.isdisjoint(column(doc, "ORTH")[sent.start : sent.end]):
        feats.append("sentence_has_quote")
    if sent.start == 0 or "\n" in doc[max(0, sent.start - 1)].text + doc[max(0, sent.start - 1)].whitespace_:
        feats.append("paragraph_start")
    return feats


@functools.cache
def _statement_table() -> dict[str, Any] | None:
    try:
        stage: dict[str, Any] | None = json.loads(MODEL_PATH.read_text()).get("statement")
        return stage
    except FileNotFoundError:
        return None


def _statement_weights() -> tuple[dict[str, float], float] | None:
    stage = _statement_table()
    return (stage["weights"], float(stage["threshold"])) if stage else None


# With the statement model behind it the cue model lets more candidates through: the statement model
# judges them with what the rules made of them (the bars it was trained with are in its table).
def candidate_bar(known: bool, unseen_bar: float) -> float:
    """The cue probability a non-core verb needs to become a candidate (`known`: seen as a cue in training)."""
    if _CANDIDATE_BARS is not None:
        return _CANDIDATE_BARS[0 if known else 1]
    stage = _statement_table()
    if stage is not None:
        return float(stage["candidate_known"] if known else stage["candidate_unseen"])
    return threshold() if known else unseen_bar


def statement_model_available() -> bool:
    """True when the shipped table holds the statement model."""
    return _statement_weights() is not None


def judged() -> bool:
    """True when candidates are judged by the statement model (shipped, or being trained), so that
    weaker candidates (noun cues) may be proposed."""
    return _CANDIDATE_BARS is not None or statement_model_available()


def statement_probability(doc: Doc, item: Found) -> float:
    """P(candidate `item` is a right statement), from the statement model; None-safe: 1.0 without it."""
    loaded = _statement_weights()
    if loaded is None:
        return 1.0
    weights, _ = loaded
    score = sum(map(weights.get, statement_features(doc, item), repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def keep_statement(doc: Doc, item: Found) -> bool:
    """True when candidate `item` is to be stored: a quote, "according to", a headline or hearsay ("claims
    that ...") always (their rules stand), a statement on a reporting verb or noun when the statement
    model puts it at or above its threshold (its probability becomes the raw confidence)."""
    loaded = _statement_weights()
    if _RECORD is not None and item.judged:
        _RECORD.append((statement_features(doc, item), item.cue, item.direct))
    if item.direct or not item.judged or loaded is None or not _FILTER:
        return True
    prob = statement_probability(doc, item)
    item.confidence = round(prob, 3)
    return prob >= loaded[1]
