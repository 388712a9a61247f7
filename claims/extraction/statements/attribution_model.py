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
from pathlib import Path

from spacy.tokens import Token

from .cues import frame_of

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
    """The one-hot feature names of verb `tok` (a candidate cue)."""
    lemma = (
        "<NAME>"
        if tok.ent_type_ or (tok.text[:1].isupper() and tok.i != tok.sent.start)
        else tok.lemma_.lower()
    )
    frame = frame_of(tok)
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    feats = [
        "bias",
        f"lemma={lemma}",
        f"lemma_frame={lemma}|{frame}",
        f"frame={frame}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"head_pos={tok.head.pos_ if tok.head.i != tok.i else 'ROOT'}",
        f"subject={_subject_kind(tok)}",
        f"lemma_subject={lemma}|{_subject_kind(tok).split(':')[0]}",
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
    sent = tok.sent
    share = (tok.i - sent.start) / max(1, len(sent))
    feats.append(f"position={min(3, int(share * 4))}")
    if any(t.text == ":" for t in tok.doc[tok.i + 1 : min(sent.end, tok.i + 3)]):
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
    loaded = _weights()
    if loaded is None:
        return 0.0
    weights, _ = loaded
    score = sum(weights.get(f, 0.0) for f in features(tok))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def threshold() -> float:
    """The probability above which the model's candidate is taken as a cue (tuned on polnear-dev)."""
    loaded = _weights()
    return loaded[1] if loaded else 1.0
