"""Pair features for the stance model: how much of the claim the article covers, and how it talks.

Relatedness comes from TF-IDF cosines (whole body, lead, best sentences), idf-weighted word, bigram
and number overlap. Agree / disagree / discuss comes from cue words (refuting, negating, hedging,
affirming, reporting) in the claim, the body, its lead and the sentences closest to the claim, and
from negations near the words the claim and the body share. A last block reads only the sentences
closest to the claim (their cue words, negated shared words, polarity against the claim's, antonym
clashes), where a debunking article's refutation sits. Per-article work is cached, so scoring many
claims against the same body is cheap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import scipy.sparse as sp

from claims.linking.stance import text as tx
from claims.linking.stance.tfidf import TfidfIndex

GROUPS = tuple(tx.CUE_GROUPS)
LEAD_SENTENCES = 3
TOP_SENTENCES = 3
NEAR = 4  # tokens either side of a negation or refuting word that count as "near"
FOCUS_TOPS = (1, 3, 5)  # the k most claim-like sentences whose cue words count on their own
FOCUS_GROUPS = ("refute", "negation", "hedge")
RELEVANT_SIM = 0.15  # a sentence at least this similar to the claim is about it
_NUM_RE = re.compile(r"\d+(?:[.,]\d+)?")
# Optional blocks of columns after the base ones; a model names those it was trained with (vocab.json).
#   "against": the closest sentences turning against the claim's own words (doubt, contrast, negation
#              the claim lacks, other figures);
#   "encoder": sentence-encoder cosines of the claim and the body's sentences closest to it, and the cue
#              words of the sentence the encoder finds closest (needs an `encode` function);
#   "claim_doubt": the claim's own doubting words ("hoax", "staged", "denied") against the body's: a
#              headline calling a story a hoax disagrees with an article telling it straight, and the
#              reverse.
#   "transfer": what the sentences carrying the claim do with its words (hedge, attribute, affirm or
#              assert them plainly; negate them right before), how much of it the best two carry, and
#              the claim's names and figures found or given other figures for the same noun in the body.
EXTRA_BLOCKS = ("against", "encoder", "claim_doubt", "transfer")
ENCODED_TOP = 5  # the body sentences encoded per pair: the TF-IDF closest to the claim ...
ENCODED_LEAD = 1  # ... and the first ones (each body sentence is encoded at most once per builder)
Encode = Callable[[Sequence[str]], np.ndarray]  # texts -> unit-length rows (claims.linking.encoder.encode)
# Words that call a story untrue or doubtful, read by the "claim_doubt" block in the claim and the body.
DOUBTING = frozenset(tx.REFUTE) | tx.DOUBT | frozenset(p[0] for p in tx.DEBUNK if len(p) == 1)
COVERING = 0.3  # a sentence holding this share of the claim's words covers it ("claim_doubt" block)
# Doubting words that also name a kind of thing when they stand before a noun ("bogus lawsuits", "false
# records", "fake diplomats"): there they describe something inside the claim, and doubt the story only
# when the next word is the story itself or its medium ("fake photo", "false report").
ATTRIBUTIVE = DOUBTING & frozenset(
    tx._stems(
        tx._words(
            "fake fraud hoax false bogus fabricated myth satirical spoof doctored photoshopped misleading "
            "incorrect baseless unfounded disputed scam wrong untrue doubtful questionable dubious "
            "unsubstantiated unproven exaggerated overblown inaccurate erroneous mistaken fictional "
            "invented purported supposed viral gullible skeptical sceptical"
        )
    )
)
STORY_NOUNS = frozenset(
    tx._stems(
        tx._words(
            "news story stories report reports claim claims rumour rumor rumours rumors photo photos picture "
            "pictures image images video videos footage tweet tweets post posts account accounts headline "
            "headlines article articles quote quotes website site letter document documents"
        )
    )
)
# Quote marks that open or close a quotation (not an apostrophe inside a word: "Putin's").
_QUOTE_RE = re.compile(r"(?<![^\W_])['\u2018\u2019\"\u201c\u201d]|['\u2018\u2019\"\u201c\u201d](?![^\W_])")


@dataclass
class Side:
    """What one text (a claim or an article body) contributes, computed once."""

    toks: list[str]
    content: set[str]
    bigrams: set[tuple[str, str]]
    numbers: set[str]
    cols: np.ndarray  # TF-IDF columns of the l2-normalised vector (sorted)...
    weights: np.ndarray  # ... and their weights
    cue_words: np.ndarray  # count per cue word
    groups: np.ndarray  # count per cue group
    question: bool
    vector: np.ndarray | None = field(default=None, kw_only=True)  # the encoder's vector, once asked for


@dataclass
class Body(Side):
    """An article body: a :class:`Side` plus its sentences and lead."""

    lead_content: set[str]
    lead_weights: np.ndarray  # lead TF-IDF over ``cols`` (the body's own columns)
    lead_groups: np.ndarray
    sent_vecs: sp.csr_matrix  # sentence TF-IDF rows over ``cols``
    sent_groups: np.ndarray  # sentences x groups
    sent_len: np.ndarray
    sent_content: list[set[str]]
    sent_toks: list[list[str]]
    near_neg: set[str]  # content words within NEAR tokens of a negation
    near_refute: set[str]
    words: frozenset[str] = frozenset()  # every token, once (antonym checks read it per pair)
    sent_bigrams: list[set[tuple[str, str]]] | None = None
    sent_numbers: list[set[str]] | None = None
    sent_debunk: np.ndarray | None = None  # debunking phrases per sentence
    sents: list[str] | None = None  # the sentences' text (what the encoder reads)
    sent_doubt: np.ndarray | None = None  # doubting / contrasting words per sentence (tx.DOUBT, CONTRAST)
    sent_contrast: np.ndarray | None = None
    encoded: dict[int, np.ndarray] | None = None  # sentence index -> encoder vector, filled on demand
    sent_doubting: np.ndarray | None = None  # distinct DOUBTING words per sentence
    figures: dict[str, set[str]] | None = None  # :func:`figures` of the body, made on first use
    all_numbers: frozenset[str] | None = None  # every figure of the body, without separators


def _cue_counts(toks: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    words = np.zeros(len(tx.CUE_WORDS))
    groups = np.zeros(len(GROUPS))
    for t in toks:
        i = tx.CUE_INDEX.get(t)
        if i is None:
            continue
        words[i] += 1
        for g, name in enumerate(GROUPS):
            if t in tx.CUE_GROUPS[name]:
                groups[g] += 1
    return words, groups


def _bigrams(content: list[str]) -> set[tuple[str, str]]:
    return set(pairwise(content))


def _near(toks: list[str], cues: frozenset[str]) -> set[str]:
    out: set[str] = set()
    for i, t in enumerate(toks):
        if t in cues:
            out.update(toks[max(0, i - NEAR) : i + NEAR + 1])
    return out - tx.STOP_STEMS


def make_side(text: str, index: TfidfIndex, vec: sp.csr_matrix | None = None) -> Side:
    """Return the cached-analysis record of a claim sentence (``vec``: its TF-IDF row, if known)."""
    toks = tx.tokens(text)
    cont = tx.content(toks)
    words, groups = _cue_counts(toks)
    if vec is None:
        vec = index.transform([cont])
    return Side(
        toks,
        set(cont),
        _bigrams(cont),
        set(_NUM_RE.findall(text)),
        vec.indices.copy(),
        vec.data.copy(),
        words,
        groups,
        "?" in text,
    )


BodyText = tuple[list[str], list[list[str]], list[list[str]]]  # sentences, their tokens, content words


def split_body(text: str) -> BodyText:
    """Return the sentences of an article body, the tokens of each and the content words of each."""
    sents = tx.sentences(text) or [text]
    sent_toks = [tx.tokens(s) for s in sents]
    return sents, sent_toks, [tx.content(t) for t in sent_toks]


def body_docs(parsed: BodyText) -> list[list[str]]:
    """Return the token lists a body's TF-IDF rows are made of: the whole body, its lead, each sentence."""
    sent_cont = parsed[2]
    cont = [t for sc in sent_cont for t in sc]
    lead_cont = [t for sc in sent_cont[:LEAD_SENTENCES] for t in sc]
    return [cont, lead_cont, *sent_cont]


def make_body(
    text: str, index: TfidfIndex, parsed: BodyText | None = None, vecs: sp.csr_matrix | None = None
) -> Body:
    """Return the cached-analysis record of an article body (sentences, lead, cue counts).

    ``parsed`` (:func:`split_body`) and ``vecs`` (the rows of :func:`body_docs`) when already known.
    """
    sents, sent_toks, sent_cont = parsed or split_body(text)
    toks = [t for st in sent_toks for t in st]
    cont = [t for sc in sent_cont for t in sc]
    lead_toks = [t for st in sent_toks[:LEAD_SENTENCES] for t in st]
    lead_cont = [t for sc in sent_cont[:LEAD_SENTENCES] for t in sc]
    words, groups = _cue_counts(toks)
    sent_groups = np.array([_cue_counts(st)[1] for st in sent_toks]).reshape(len(sents), len(GROUPS))
    neg = tx.CUE_GROUPS["negation"]
    # Re-index the body's vectors onto the columns it uses, so products with a claim stay small.
    if vecs is None:
        vecs = index.transform([cont, lead_cont, *sent_cont])
    cols = np.unique(vecs.indices)
    local = sp.csr_matrix(
        (vecs.data, np.searchsorted(cols, vecs.indices), vecs.indptr), shape=(vecs.shape[0], len(cols))
    )
    dense = local[:2].toarray()
    return Body(
        toks=toks,
        content=set(cont),
        bigrams=_bigrams(cont),
        numbers=set(_NUM_RE.findall(text)),
        cols=cols,
        weights=dense[0],
        cue_words=words,
        groups=groups,
        question="?" in text,
        lead_content=set(lead_cont),
        lead_weights=dense[1],
        lead_groups=_cue_counts(lead_toks)[1],
        sent_vecs=sp.csr_matrix(local[2:]),
        sent_groups=sent_groups,
        sent_len=np.array([max(1, len(st)) for st in sent_toks], dtype=float),
        sent_content=[set(sc) for sc in sent_cont],
        sent_toks=sent_toks,
        near_neg=_near(toks, neg),
        near_refute=_near(toks, tx.CUE_GROUPS["refute"]),
        words=frozenset(toks),
        sent_bigrams=[_bigrams(sc) for sc in sent_cont],
        sent_numbers=[set(_NUM_RE.findall(x)) for x in sents],
        sent_debunk=np.array([_debunk(st) for st in sent_toks], dtype=float),
        sents=sents,
        sent_doubt=np.array([sum(t in tx.DOUBT for t in st) for st in sent_toks], dtype=float),
        sent_contrast=np.array([sum(t in tx.CONTRAST for t in st) for st in sent_toks], dtype=float),
        encoded={},
        sent_doubting=np.array([len(sc & DOUBTING) for sc in map(set, sent_cont)], dtype=float),
    )


def _debunk(toks: Sequence[str]) -> int:
    """Return how many debunking phrases (``tx.DEBUNK``) occur in ``toks``."""
    n = 0
    for phrase in tx.DEBUNK:
        k = len(phrase)
        n += sum(1 for i in range(len(toks) - k + 1) if tuple(toks[i : i + k]) == phrase)
    return n


def feature_names(extras: Sequence[str] = ()) -> list[str]:
    """Return the names of the feature columns, in order: the base ones, then each block of ``extras``
    (:data:`EXTRA_BLOCKS`) asked for."""
    unknown = set(extras) - set(EXTRA_BLOCKS)
    if unknown:
        raise ValueError(f"unknown feature blocks {sorted(unknown)}")
    names = [
        "cos_body",
        "cos_lead",
        "sent_max",
        "sent_top_mean",
        "sent_best_pos",
        "sent_frac_hit",
        "ov_frac",
        "ov_idf",
        "jaccard",
        "lead_ov_frac",
        "lead_ov_idf",
        "bigram_ov",
        "num_ov",
        "num_miss",
        "best_sent_ov",
        "best_sent_ov_idf",
        "ov_count",
        "log_claim_len",
        "log_body_len",
        "log_sentences",
        "claim_question",
        "body_question",
        "near_neg_frac",
        "near_refute_frac",
        "near_neg_idf",
        "claim_neg_parity",
        "best_neg_parity",
        "parity_match",
    ]
    for where in ("claim", "body", "lead", "top", "best", "simw"):
        names += [f"{where}_{g}" for g in GROUPS]
    names += [f"claim_w_{w}" for w in tx.CUE_WORDS]
    names += [f"body_w_{w}" for w in tx.CUE_WORDS]
    names += [f"top{k}_any_{g}" for k in FOCUS_TOPS for g in FOCUS_GROUPS]
    names += [
        "relevant_refute_frac",
        "relevant_negation_frac",
        "top3_shared_near_neg",
        "top3_shared_near_refute",
        "claim_neg_vs_top1_shared_neg",
        "claim_refute_vs_top3_refute",
        "claim_neg_vs_best_neg",
        "antonyms_top3",
        "antonyms_body",
    ]
    names += [
        "stated_share",
        "stated_bigrams",
        "stated_numbers",
        "stated_pos",
        "stated_sentences",
        *(f"stated_{g}" for g in GROUPS),
        "debunk_body",
        "debunk_top3",
        "debunk_stated",
    ]
    if "against" in extras:
        names += AGAINST_NAMES
    if "encoder" in extras:
        names += ENCODER_NAMES
    if "claim_doubt" in extras:
        names += CLAIM_DOUBT_NAMES
    if "transfer" in extras:
        names += TRANSFER_NAMES
    return names


AGAINST_NAMES = [
    "top3_shared_near_doubt",
    "top3_shared_near_contrast",
    "top3_neg_misaligned",
    "stated_neg_misaligned",
    "stated_number_clash",
    "relevant_doubt_frac",
    "body_doubt",
    "stated_doubt",
    "stated_contrast",
]
ENCODER_NAMES = [
    "enc_max",
    "enc_top3_mean",
    "enc_lead",
    "enc_mean",
    "enc_gap",
    "enc_best_pos",
    "enc_best_is_tfidf_best",
    "enc_best_share",
    *(f"enc_best_{g}" for g in GROUPS),
    "enc_best_shared_near_neg",
    "enc_best_shared_near_refute",
    "enc_best_neg_misaligned",
    "enc_best_debunk",
    "enc_best_doubt",
    "enc_best_contrast",
]

CLAIM_DOUBT_NAMES = [
    "claim_doubting",
    "claim_doubting_in_body",
    "claim_doubting_in_top3",
    "body_doubting",
    "top3_doubting",
    "claim_doubting_top3_not",
    "top3_doubting_claim_not",
    "claim_doubting_body_not",
    "claim_hedged",
    "claim_quoted",
    "lead_shared_near_doubting",
    "doubting_share_max",
    "covering_doubting_frac",
    "covering_negation_frac",
    "covering_sentences",
    "covering_best_share",
]


TRANSFER_NAMES = [
    "carrying_hedge_near",
    "carrying_report_near",
    "carrying_affirm_near",
    "carrying_hedged_frac",
    "carrying_reported_frac",
    "carrying_plain_frac",
    "carrying_question_frac",
    "best_tight_neg",
    "best_two_gain",
    "claim_names_in_body",
    "claim_names_in_best",
    "claim_figures_found",
    "claim_figures_contradicted",
    "claim_reported",
]
CARRYING = 0.4  # a sentence holding this idf-weighted share of the claim's words carries it ("transfer")
CARRYING_TOP = 5  # ... of which the most carrying ones are read
TIGHT = 2  # a negation this many tokens before a claim word negates it ("transfer")
# The words that plainly asserting a claim leaves out: hedges, attribution, negation, doubt, contrast.
_NOT_PLAIN = (
    tx.CUE_GROUPS["hedge"]
    | tx.CUE_GROUPS["report"]
    | tx.CUE_GROUPS["negation"]
    | tx.CUE_GROUPS["refute"]
    | tx.DOUBT
    | tx.CONTRAST
)
# A figure and the word after it ("40 passengers", "3,000 homes"); the figure without its separators.
_FIGURE_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s+([A-Za-z]{3,})")
_ALL_NUMBERS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_NAME_RE = re.compile(r"(?<=[\w,;:'\"\u2019\u201d)] )[A-Z][a-z]+(?:[A-Z][a-z]+)*")


def figures(text: str) -> dict[str, set[str]]:
    """Return the figures of ``text`` by the (stemmed) word after each: {"passeng": {"40"}}."""
    out: dict[str, set[str]] = {}
    for number, word in _FIGURE_RE.findall(text):
        noun = tx.stem(word.lower())
        if noun in tx.STOP_STEMS:
            continue
        out.setdefault(noun, set()).add(number.replace(",", ""))
    return out


def names(text: str) -> set[str]:
    """Return the stemmed capitalised words of ``text`` that do not open a sentence and are not stop
    words: the names a claim mentions ("Gareth", "Lisbon"). A headline in title case gives every word,
    the body's words then decide how many are found."""
    return {s for w in _NAME_RE.findall(text) if (s := tx.stem(w.lower())) not in tx.STOP_STEMS}


def _tight_neg(toks: Sequence[str], words: set[str]) -> bool:
    """Return whether a negation stands at most TIGHT tokens before one of ``words`` in ``toks``."""
    neg = tx.CUE_GROUPS["negation"]
    return any(t in words and any(u in neg for u in toks[max(0, i - TIGHT) : i]) for i, t in enumerate(toks))


def _transfer(claim: Side, body: Body, claim_text: str, index: TfidfIndex) -> list[float]:
    """Return what the sentences carrying the claim do with it, and its names and figures in the body.

    Over the CARRYING_TOP sentences carrying most of the claim's (idf-weighted) words, those carrying at
    least CARRYING of it: the most claim words next to a hedge, a reporting verb or an affirming word, and
    the share of those sentences that hedge or attribute the claim's words, assert them plainly (none of
    hedge, attribution, negation, refutation, doubt or contrast), or ask. Whether the best sentence puts a
    negation right before a claim word the claim does not negate; what the second-best sentence adds to
    the best one's share; the claim's names found in the body and in the best sentence; the claim's
    figures ("40 passengers") found with their noun, and given another figure for that noun with the
    claim's figure nowhere in the body; whether the claim itself reports or hedges ("says", "reportedly").
    Each reads only the claim's own words and closed word lists, so none is tied to a story's topic.
    """
    assert body.sents is not None
    words = claim.content
    n_words = max(1, len(words))
    shares = _claim_shares(claim, body, index)
    order = np.argsort(-shares, kind="stable")
    top = [int(i) for i in order[:CARRYING_TOP]]
    carrying = [i for i in top if shares[i] >= CARRYING] or top[:1]
    hedge, report, affirm = (tx.CUE_GROUPS[g] for g in ("hedge", "report", "affirm"))
    near = {
        g: [_near_shared(body.sent_toks[i], words, cues) for i in carrying]
        for g, cues in (("hedge", hedge), ("report", report), ("affirm", affirm))
    }
    plain = [not (set(body.sent_toks[i]) & _NOT_PLAIN) for i in carrying]
    asks = [body.sents[i].rstrip().endswith("?") for i in carrying]
    best = top[0]
    union = words & (body.sent_content[best] | (body.sent_content[top[1]] if len(top) > 1 else set()))
    total = math.fsum(index.weight(t) for t in words) or 1.0
    union_share = math.fsum(index.weight(t) for t in union) / total
    claim_names = names(claim_text)
    best_words = set(body.sent_toks[best])
    claim_figures = figures(claim_text)
    if body.figures is None or body.all_numbers is None:
        text = " ".join(body.sents)
        body.figures = figures(text)
        body.all_numbers = frozenset(n.replace(",", "") for n in _ALL_NUMBERS_RE.findall(text))
    body_figures, all_numbers = body.figures, body.all_numbers
    pairs = [(noun, n) for noun, ns in claim_figures.items() for n in ns]
    found = sum(n in body_figures.get(noun, ()) for noun, n in pairs)
    contradicted = sum(
        bool(body_figures.get(noun)) and n not in body_figures[noun] and n not in all_numbers
        for noun, n in pairs
    )
    claim_neg = _tight_neg(claim.toks, words)
    return [
        max(near["hedge"]) / n_words,
        max(near["report"]) / n_words,
        max(near["affirm"]) / n_words,
        float(np.mean([v > 0 for v in near["hedge"]])),
        float(np.mean([v > 0 for v in near["report"]])),
        float(np.mean(plain)),
        float(np.mean(asks)),
        float(_tight_neg(body.sent_toks[best], words) != claim_neg),
        union_share - float(shares[best]),
        _ratio(len(claim_names & body.words), len(claim_names)) if claim_names else math.nan,
        _ratio(len(claim_names & best_words), len(claim_names)) if claim_names else math.nan,
        _ratio(found, len(pairs)) if pairs else math.nan,
        _ratio(contradicted, len(pairs)) if pairs else math.nan,
        float(bool(claim.groups[GROUPS.index("report")] or claim.groups[GROUPS.index("hedge")])),
    ]


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _on_body(claim: Side, body: Body) -> np.ndarray:
    """Return the claim's TF-IDF vector restricted to the body's columns (dense)."""
    out = np.zeros(len(body.cols))
    pos = np.searchsorted(body.cols, claim.cols)
    ok = pos < len(body.cols)
    ok[ok] = body.cols[pos[ok]] == claim.cols[ok]
    out[pos[ok]] = claim.weights[ok]
    return out


def _near_shared(toks: Sequence[str], claim_words: set[str], cues: frozenset[str]) -> int:
    """Return how many of ``claim_words`` are within NEAR tokens of a cue word in ``toks``."""
    hit: set[str] = set()
    for i, t in enumerate(toks):
        if t in cues:
            hit.update(toks[max(0, i - NEAR) : i + NEAR + 1])
    return len(hit & claim_words)


def _antonyms(claim_words: set[str], other: AbstractSet[str]) -> int:
    """Return how many antonym pairs have one side in the claim only and the other in ``other``."""
    n = 0
    for a, b in tx.ANTONYMS:
        if (claim_words & a and other & b and not claim_words & b) or (
            claim_words & b and other & a and not claim_words & a
        ):
            n += 1
    return n


def _focus(claim: Side, body: Body, sims: np.ndarray, order: np.ndarray) -> list[float]:
    """Return cue features of the sentences closest to the claim, rather than the whole body.

    Whether the top 1 / 3 / 5 sentences refute, negate or hedge; the share of the sentences about the
    claim that refute or negate; how many claim words sit next to a negation or refuting word in the
    top three; whether the claim's negation or refutation differs from its best sentences'; and
    antonym clashes (claim says "alive", the article "dead") in the top three and the whole body.
    """
    refute, negation = GROUPS.index("refute"), GROUPS.index("negation")
    present = body.sent_groups > 0
    row = [float(present[order[:k], GROUPS.index(g)].any()) for k in FOCUS_TOPS for g in FOCUS_GROUPS]
    relevant = sims > RELEVANT_SIM
    row += [
        float(present[relevant, refute].mean()) if relevant.any() else 0.0,
        float(present[relevant, negation].mean()) if relevant.any() else 0.0,
    ]
    top3 = order[:3]
    n_claim = max(1, len(claim.content))
    neg, ref = tx.CUE_GROUPS["negation"], tx.CUE_GROUPS["refute"]
    row += [
        max(_near_shared(body.sent_toks[i], claim.content, neg) for i in top3) / n_claim,
        max(_near_shared(body.sent_toks[i], claim.content, ref) for i in top3) / n_claim,
    ]
    top1_neg = _near_shared(body.sent_toks[order[0]], claim.content, neg) > 0
    claim_neg, claim_ref = bool(claim.groups[negation] > 0), bool(claim.groups[refute] > 0)
    row += [
        float(claim_neg != top1_neg),
        float(claim_ref != bool(present[top3, refute].any())),
        float(claim_neg != bool(present[order[0], negation])),
    ]
    claim_words = set(claim.toks)
    top_words = {t for i in top3 for t in body.sent_toks[i]}
    row += [float(_antonyms(claim_words, top_words)), float(_antonyms(claim_words, body.words))]
    return row


def _stated(claim: Side, body: Body, index: TfidfIndex, order: np.ndarray) -> list[float]:
    """Return features of the sentence carrying most of the claim (its words weighted by idf).

    Whether one sentence restates the claim (its share of the claim's words and word pairs, the claim's
    numbers in it), where it sits, how many sentences carry half of the claim, and what that sentence
    does with it (refutes, negates, hedges, affirms, reports); debunking phrases ("turned out", "no
    evidence") in the body, the closest sentences and the stating sentence.
    """
    weights = {t: index.weight(t) for t in claim.content}
    total = math.fsum(weights.values()) or 1.0
    shares = np.array([math.fsum(weights[t] for t in claim.content & sc) / total for sc in body.sent_content])
    at = int(np.argmax(shares))
    assert body.sent_bigrams is not None and body.sent_numbers is not None and body.sent_debunk is not None
    n_sent = len(shares)
    row = [
        float(shares[at]),
        _ratio(len(claim.bigrams & body.sent_bigrams[at]), len(claim.bigrams)),
        _ratio(len(claim.numbers & body.sent_numbers[at]), len(claim.numbers)) if claim.numbers else math.nan,
        at / max(1, n_sent - 1),
        float((shares >= 0.5).sum()),
        *(float(v > 0) for v in body.sent_groups[at]),
        float(body.sent_debunk.sum()) / max(1, len(body.toks)) * 100,
        float(body.sent_debunk[order[:3]].sum()),
        float(body.sent_debunk[at]),
    ]
    return row


def pair_features(claim: Side, body: Body, index: TfidfIndex) -> np.ndarray:
    """Return the feature row of one (claim, body) pair."""
    vec = _on_body(claim, body)
    sims = body.sent_vecs @ vec
    h = claim.content
    hw = math.fsum(index.weight(t) for t in h)
    ov = h & body.content
    lead_ov = h & body.lead_content
    order = np.argsort(-sims, kind="stable")
    best = int(order[0])
    top = order[:TOP_SENTENCES]
    near_neg = ov & body.near_neg
    claim_neg = claim.groups[GROUPS.index("negation")]
    best_neg = body.sent_groups[best, GROUPS.index("negation")]
    n_body = max(1, len(body.toks))
    top_groups = body.sent_groups[top].sum(axis=0) / body.sent_len[top].sum()
    row = [
        float(body.weights @ vec),
        float(body.lead_weights @ vec),
        float(sims[best]),
        float(sims[top].mean()),
        best / max(1, len(sims) - 1),
        float((sims > 0.1).mean()),
        _ratio(len(ov), len(h)),
        _ratio(math.fsum(index.weight(t) for t in ov), hw),
        _ratio(len(ov), len(h | body.content)),
        _ratio(len(lead_ov), len(h)),
        _ratio(math.fsum(index.weight(t) for t in lead_ov), hw),
        _ratio(len(claim.bigrams & body.bigrams), len(claim.bigrams)),
        _ratio(len(claim.numbers & body.numbers), len(claim.numbers)) if claim.numbers else math.nan,
        float(len(claim.numbers - body.numbers)),
        _ratio(len(h & body.sent_content[best]), len(h)),
        _ratio(math.fsum(index.weight(t) for t in h & body.sent_content[best]), hw),
        float(len(ov)),
        math.log1p(len(claim.toks)),
        math.log1p(len(body.toks)),
        math.log1p(len(sims)),
        float(claim.question),
        float(body.question),
        _ratio(len(near_neg), len(ov)),
        _ratio(len(ov & body.near_refute), len(ov)),
        _ratio(math.fsum(index.weight(t) for t in near_neg), hw),
        claim_neg % 2,
        best_neg % 2,
        float(claim_neg % 2 == best_neg % 2),
    ]
    parts = [
        np.array(row),
        claim.groups,
        body.groups / n_body * 100,
        body.lead_groups / max(1.0, body.sent_len[:LEAD_SENTENCES].sum()) * 100,
        top_groups * 100,
        body.sent_groups[best] / body.sent_len[best] * 100,
        (sims @ body.sent_groups) / max(1e-9, float(sims @ body.sent_len)) * 100,
        np.minimum(claim.cue_words, 1),
        body.cue_words / n_body * 100,
        np.array(_focus(claim, body, sims, order)),
        np.array(_stated(claim, body, index, order)),
    ]
    return np.concatenate(parts)


def closest(claim: Side, body: Body) -> tuple[np.ndarray, np.ndarray]:
    """Return the TF-IDF cosine of the claim with each body sentence, and the sentences closest first."""
    sims = body.sent_vecs @ _on_body(claim, body)
    return sims, np.argsort(-sims, kind="stable")


def _claim_shares(claim: Side, body: Body, index: TfidfIndex) -> np.ndarray:
    """Return the idf-weighted share of the claim's words each body sentence carries."""
    weights = {t: index.weight(t) for t in claim.content}
    total = math.fsum(weights.values()) or 1.0
    return np.array([math.fsum(weights[t] for t in claim.content & sc) / total for sc in body.sent_content])


def _claim_negated(claim: Side) -> bool:
    return _near_shared(claim.toks, claim.content, tx.CUE_GROUPS["negation"]) > 0


def _against(claim: Side, body: Body, index: TfidfIndex, sims: np.ndarray, order: np.ndarray) -> list[float]:
    """Return features of the closest sentences turning against the claim's own words.

    Claim words next to a doubting or contrasting word ("exaggerated", "but") in the top three sentences;
    how many of the top three (and the stating sentence) negate the claim's words where the claim does
    not, or the reverse; whether the stating sentence gives other numbers than the claim; the share of
    the sentences about the claim that cast doubt; doubting words in the body and the stating sentence.
    """
    assert body.sent_numbers is not None and body.sent_doubt is not None and body.sent_contrast is not None
    n_claim = max(1, len(claim.content))
    top3 = order[:3]
    neg = tx.CUE_GROUPS["negation"]
    claim_neg = _claim_negated(claim)
    at = int(np.argmax(_claim_shares(claim, body, index)))
    stated_numbers = body.sent_numbers[at]
    clash = bool(claim.numbers) and bool(stated_numbers) and not claim.numbers & stated_numbers
    relevant = sims > RELEVANT_SIM
    doubting = body.sent_doubt > 0
    return [
        max(_near_shared(body.sent_toks[i], claim.content, tx.DOUBT) for i in top3) / n_claim,
        max(_near_shared(body.sent_toks[i], claim.content, tx.CONTRAST) for i in top3) / n_claim,
        float(sum((_near_shared(body.sent_toks[i], claim.content, neg) > 0) != claim_neg for i in top3)),
        float((_near_shared(body.sent_toks[at], claim.content, neg) > 0) != claim_neg),
        float(clash),
        float(doubting[relevant].mean()) if relevant.any() else 0.0,
        float(body.sent_doubt.sum()) / max(1, len(body.toks)) * 100,
        float(body.sent_doubt[at] > 0),
        float(body.sent_contrast[at] > 0),
    ]


def doubting_words(toks: list[str]) -> set[str]:
    """Return the doubting words of a claim's tokens that doubt the story rather than name a thing in it.

    An ATTRIBUTIVE word right before a content word that is not a STORY_NOUNS word ("bogus lawsuits")
    describes that thing and is left out; before the story's own noun ("fake photo"), before a stop word
    or at the end ("... is a hoax", "hoax or real") it counts, as verbs ("denied") always do.
    """
    out = set()
    for i, t in enumerate(toks):
        if t not in DOUBTING:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            t in ATTRIBUTIVE
            and nxt is not None
            and nxt not in tx.STOP_STEMS
            and nxt not in STORY_NOUNS
            and nxt not in DOUBTING
            and nxt.isalpha()
        ):
            continue
        out.add(t)
    return out


def _claim_doubt(claim: Side, body: Body, claim_text: str) -> list[float]:
    """Return the claim's own doubting words against the body's (the "claim_doubt" block).

    A headline can carry the refutation itself ("... was staged", "... a hoax"): it then disagrees with
    an article telling the story straight, and an article debunking a story disagrees with a headline
    telling it straight. So: whether the claim doubts and whether the body, the three sentences sharing
    most of the claim's words, or the lead do, each without the other; how many of the claim's doubting
    words the body and those sentences repeat; whether the claim hedges, asks or quotes (scare quotes);
    and, over the sentences covering the claim (COVERING of its words), the share that doubt or negate.
    Words are counted unweighted: the block needs no vocabulary.
    """
    assert body.sent_doubting is not None
    words = claim.content
    n_words = max(1, len(words))
    share = np.array([len(words & sc) / n_words for sc in body.sent_content])
    order = np.argsort(-share, kind="stable")
    top3 = order[:3]
    claim_doubting = doubting_words(claim.toks)
    doubts = float(bool(claim_doubting))
    top3_words = set().union(*(body.sent_content[i] for i in top3))
    doubting = body.sent_doubting > 0
    top3_doubts = float(doubting[top3].any())
    body_doubting = float(body.sent_doubting.sum()) / max(1, len(body.toks)) * 100
    negates = body.sent_groups[:, GROUPS.index("negation")] > 0
    covering = share >= COVERING
    lead_near = max(
        _near_shared(body.sent_toks[i], words, DOUBTING | tx.CUE_GROUPS["negation"])
        for i in range(min(2, len(body.sent_toks)))
    )
    n_doubting = len(claim_doubting)
    return [
        doubts,
        _ratio(len(claim_doubting & body.content), n_doubting) if n_doubting else math.nan,
        _ratio(len(claim_doubting & top3_words), n_doubting) if n_doubting else math.nan,
        body_doubting,
        top3_doubts,
        float(doubts and not top3_doubts),
        float(top3_doubts and not doubts),
        float(doubts and body_doubting == 0),
        float(bool(claim.groups[GROUPS.index("hedge")]) or claim.question),
        float(len(_QUOTE_RE.findall(claim_text)) >= 2),
        lead_near / n_words,
        float((doubting * share).max()),
        float(doubting[covering].mean()) if covering.any() else math.nan,
        float(negates[covering].mean()) if covering.any() else math.nan,
        float(covering.sum()),
        float(share[order[0]]),
    ]


def encoded_sentences(order: np.ndarray) -> list[int]:
    """Return the body sentences the encoder reads for a pair: the ENCODED_TOP closest by TF-IDF
    (``order``, from :func:`closest`) and the first ENCODED_LEAD, in text order."""
    return sorted({*order[:ENCODED_TOP].tolist(), *range(min(ENCODED_LEAD, len(order)))})


def _encoded(claim: Side, body: Body, index: TfidfIndex, order: np.ndarray) -> list[float]:
    """Return the sentence encoder's view of the pair, over the sentences :func:`encoded_sentences` names.

    Cosines of the claim with its closest sentence, the mean of the closest three, the lead sentence and
    the mean of those sentences; the margin of the closest over the next; where that sentence sits,
    whether TF-IDF agrees on it and how much of the claim's words it carries; and what that sentence
    does with the claim (cue groups, the claim's words next to a negation or refuting word, a negation
    the claim lacks or the reverse, debunking phrases, doubting and contrasting words). A paraphrase
    sharing few words with the claim is found here where TF-IDF misses it.
    """
    assert claim.vector is not None and body.encoded is not None
    assert body.sent_debunk is not None and body.sent_doubt is not None and body.sent_contrast is not None
    at = encoded_sentences(order)
    vecs = np.array([body.encoded[i] for i in at], dtype=np.float64)
    cos = vecs @ claim.vector.astype(np.float64)
    rank = np.argsort(-cos, kind="stable")
    best = at[int(rank[0])]
    mean = vecs.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    n_claim = max(1, len(claim.content))
    near_neg = _near_shared(body.sent_toks[best], claim.content, tx.CUE_GROUPS["negation"])
    share = _claim_shares(claim, body, index)[best] if claim.content else 0.0
    return [
        float(cos[rank[0]]),
        float(cos[rank[:3]].mean()),
        float(cos[at.index(0)]) if 0 in at else math.nan,
        float(mean @ claim.vector) / norm if norm else 0.0,
        float(cos[rank[0]] - cos[rank[1]]) if len(at) > 1 else math.nan,
        best / max(1, len(order) - 1),
        float(best == int(order[0])),
        float(share),
        *(float(v > 0) for v in body.sent_groups[best]),
        near_neg / n_claim,
        _near_shared(body.sent_toks[best], claim.content, tx.CUE_GROUPS["refute"]) / n_claim,
        float((near_neg > 0) != _claim_negated(claim)),
        float(body.sent_debunk[best]),
        float(body.sent_doubt[best] > 0),
        float(body.sent_contrast[best] > 0),
    ]


def _remember[T](cache: dict[str, T], new: dict[str, T], size: int) -> None:
    """Add ``new`` to ``cache``, emptying it first when it would grow past ``size`` entries."""
    if len(cache) + len(new) > size:
        cache.clear()
    cache.update(list(new.items())[:size])


class FeatureBuilder:
    """Computes feature matrices for (claim, body) pairs, caching each distinct text's analysis."""

    def __init__(
        self,
        index: TfidfIndex,
        cache_size: int = 5000,
        extras: Sequence[str] = (),
        encode: Encode | None = None,
    ) -> None:
        self.index = index
        self.cache_size = cache_size
        self.extras = tuple(extras)
        self.names = feature_names(self.extras)
        if "encoder" in self.extras and encode is None:
            raise ValueError("the encoder block needs an encode function (claims.linking.encoder.encode)")
        self.encode = encode
        self._claims: dict[str, Side] = {}
        self._bodies: dict[str, Body] = {}

    def claim(self, text: str) -> Side:
        """Return the (cached) analysis of a claim sentence."""
        side = self._claims.get(text)
        if side is None:
            if len(self._claims) >= self.cache_size:
                self._claims.clear()
            side = self._claims[text] = make_side(text, self.index)
        return side

    def body(self, text: str) -> Body:
        """Return the (cached) analysis of an article body."""
        body = self._bodies.get(text)
        if body is None:
            if len(self._bodies) >= self.cache_size:
                self._bodies.clear()
            body = self._bodies[text] = make_body(text, self.index)
        return body

    def analyse(self, pairs: Sequence[tuple[str, str]]) -> tuple[dict[str, Side], dict[str, Body]]:
        """Return the analysis of every claim and body in ``pairs``, from the cache or made here.

        The texts not yet analysed get their TF-IDF rows from one call of the vectorizers: called text
        by text, scikit-learn's checks would cost more than the rows themselves.
        """
        claims = {c: self._claims.get(c) for c, _ in pairs}
        bodies = {b: self._bodies.get(b) for _, b in pairs}
        new_claims = [c for c, side in claims.items() if side is None]
        parsed = {b: split_body(b) for b, body in bodies.items() if body is None}
        docs = [tx.content(tx.tokens(c)) for c in new_claims]
        spans = {}
        for b, p in parsed.items():
            rows = body_docs(p)
            spans[b] = (len(docs), len(docs) + len(rows))
            docs += rows
        vecs = self.index.transform(docs) if docs else None
        for i, c in enumerate(new_claims):
            claims[c] = make_side(c, self.index, vecs[i : i + 1] if vecs is not None else None)
        for b, (start, end) in spans.items():
            bodies[b] = make_body(b, self.index, parsed[b], vecs[start:end] if vecs is not None else None)
        done_claims = {c: side for c, side in claims.items() if side is not None}
        done_bodies = {b: body for b, body in bodies.items() if body is not None}
        _remember(self._claims, done_claims, self.cache_size)
        _remember(self._bodies, done_bodies, self.cache_size)
        return done_claims, done_bodies

    def matrix(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Return the float64 feature matrix, one row per (claim, article text) pair."""
        out = np.zeros((len(pairs), len(self.names)))
        claims, bodies = self.analyse(pairs)
        if not self.extras:
            for i, (claim, article) in enumerate(pairs):
                out[i] = pair_features(claims[claim], bodies[article], self.index)
            return out
        near = [closest(claims[c], bodies[a]) for c, a in pairs]
        if "encoder" in self.extras:
            self._encode(pairs, claims, bodies, [order for _, order in near])
        for i, ((claim, article), (sims, order)) in enumerate(zip(pairs, near, strict=True)):
            side, body = claims[claim], bodies[article]
            row = [pair_features(side, body, self.index)]
            if "against" in self.extras:
                row.append(np.array(_against(side, body, self.index, sims, order)))
            if "encoder" in self.extras:
                row.append(np.array(_encoded(side, body, self.index, order)))
            if "claim_doubt" in self.extras:
                row.append(np.array(_claim_doubt(side, body, claim)))
            if "transfer" in self.extras:
                row.append(np.array(_transfer(side, body, claim, self.index)))
            out[i] = np.concatenate(row)
        return out

    def _encode(
        self,
        pairs: Sequence[tuple[str, str]],
        claims: dict[str, Side],
        bodies: dict[str, Body],
        orders: Sequence[np.ndarray],
    ) -> None:
        """Give every claim and every body sentence the pairs read its encoder vector, in one batch."""
        texts: dict[str, None] = {c: None for c, side in claims.items() if side.vector is None}
        wanted: list[tuple[Body, int, str]] = []
        seen: set[tuple[int, int]] = set()
        for (_, article), order in zip(pairs, orders, strict=True):
            body = bodies[article]
            assert body.encoded is not None and body.sents is not None
            for i in encoded_sentences(order):
                if i not in body.encoded and (id(body), i) not in seen:
                    seen.add((id(body), i))
                    wanted.append((body, i, body.sents[i]))
                    texts.setdefault(body.sents[i], None)
        if not texts:
            return
        assert self.encode is not None
        order_of = {t: n for n, t in enumerate(texts)}
        vecs = np.asarray(self.encode(list(texts)), dtype=np.float32)
        for c, side in claims.items():
            if side.vector is None:
                side.vector = vecs[order_of[c]]
        for body, i, text in wanted:
            assert body.encoded is not None
            body.encoded[i] = vecs[order_of[text]]
