"""Reading what a number counts or measures: a currency before it, a glued or following unit, a rate
("per barrel", "a month") or, for plain counts, the noun phrase the parse attaches it to."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .chunks import Chunk, Expr
from .units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    MEASURES,
    NATIONAL_CURRENCY,
    PER_WORDS,
    count_class,
    measure_class,
    singular,
)

_AGE = {"year-old", "years-old", "year-olds", "-year-old", "yr-old"}
_SHAPE_SUFFIXES = ("-long", "-wide", "-high", "-tall", "-deep", "-thick", "-old")
_NOUNISH = {"NOUN", "PROPN"}


@dataclass(slots=True)
class UnitRead:
    unit: str | None = None  # as written
    unit_class: str | None = None
    counted: str | None = None
    c_end: int = 0  # one past the last chunk used
    t_end: int = 0  # one past the last token used (for the evidence)
    measure: bool = False  # a unit of measure or currency, not a counted noun
    unknown_glued: bool = False  # glued letters that are no unit ("5G", "3D"): a code, not an amount


def _lookup(chunks: list[Chunk], k: int) -> tuple[str | None, int]:
    """The measure class of the longest unit phrase starting at chunk k, and how many chunks it takes."""
    for size in (3, 2, 1):
        if k + size > len(chunks):
            continue
        if size > 1 and any(chunks[k + i].trail for i in range(size - 1)):
            continue
        phrase = " ".join(c.text for c in chunks[k: k + size]).lower()
        if size == 1:
            cls = measure_class(phrase, glued=False)
            if phrase in ("pound", "pounds"):
                cls = "pound-mass"
        else:
            cls = MEASURES.get(phrase) or CURRENCY_WORDS.get(phrase)
            if cls is None and phrase in ("years old", "year old"):
                cls = "year of age"
        if cls:
            return cls, size
    return None, 0


def read_unit(doc: Doc, chunks: list[Chunk], ex: Expr, sent_end: int) -> UnitRead:
    """What the expression counts or measures (see the module docstring)."""
    k = ex.c1
    last_tok = chunks[ex.c1 - 1].tok_end
    r = UnitRead(c_end=k, t_end=last_tok)
    if ex.currency:
        r.unit, r.unit_class, r.measure = ex.currency, CURRENCY_PREFIXES.get(ex.currency.rstrip("."), "dollar"), True
    rest = ex.rest.lstrip("~≈")
    if rest:
        glued = rest.lstrip("-–")
        for suf in _SHAPE_SUFFIXES:
            if glued.endswith(suf) and glued != "year-old":
                glued = glued[: -len(suf)]
        if glued.lower() in _AGE or rest.lower() in _AGE:
            cls = "year of age"
        else:
            cls = measure_class(glued, glued=True) or MEASURES.get(glued.lower().replace("-", " "))
            if cls is None and glued.lower().endswith("s") and len(glued) > 2:
                cls = measure_class(glued[:-1], glued=True)
        if cls is None:
            r.unknown_glued = glued.isalpha() or not r.measure
            return r
        if r.measure and cls in ("metre",):
            cls = r.unit_class  # "AUD1.5m" already read as a million
        elif r.measure:
            pass  # "$5bn" or "1,200€" keeps the currency
        else:
            r.unit, r.unit_class, r.measure = glued, cls, True
        r.t_end = last_tok
    elif k < len(chunks) and k < len(chunks) and chunks[k].tok_start < sent_end and not chunks[k - 1].trail:
        _following_unit(chunks, k, r, ex)
    if r.measure:
        _rate(chunks, r)
        _of_complement(doc, chunks, r, sent_end)
        return r
    _count_noun(doc, chunks, ex, r, sent_end)
    return r


def _following_unit(chunks: list[Chunk], k: int, r: UnitRead, ex: Expr) -> None:
    low = chunks[k].text.lower()
    nat = None
    if chunks[k].text[:1].isupper() and k + 1 < len(chunks) and not chunks[k].trail:
        nat = low
        cls_next, size_next = _lookup(chunks, k + 1)
        if cls_next and (nat, cls_next) in NATIONAL_CURRENCY:
            r.unit = " ".join(c.text for c in chunks[k: k + 1 + size_next])
            r.unit_class = NATIONAL_CURRENCY[(nat, cls_next)]
            r.measure, r.c_end = True, k + 1 + size_next
            r.t_end = chunks[r.c_end - 1].tok_end
            return
    cls, size = _lookup(chunks, k)
    if not cls:
        return
    if r.measure and cls not in ("pound sterling",):
        if cls in ("count",) or cls not in CURRENCY_WORDS.values():
            return  # "$5 million in" ... the currency already is the unit
    if cls == "pound-mass" and (ex.low >= 1e5 or k + 1 < len(chunks) and chunks[k + 1].text.lower() == "sterling"):
        cls = "pound sterling"
    r.unit = " ".join(c.text for c in chunks[k: k + size])
    r.unit_class, r.measure, r.c_end = cls, True, k + size
    r.t_end = chunks[r.c_end - 1].tok_end


def _rate(chunks: list[Chunk], r: UnitRead) -> None:
    """"$3500 a month", "barrels per day", "cents per share": the class becomes "X per Y"."""
    k = r.c_end
    if k + 1 >= len(chunks) or chunks[k - 1].trail:
        return
    w = chunks[k].text.lower()
    if w not in PER_WORDS or " per " in (r.unit_class or ""):
        return
    nxt = chunks[k + 1].text
    cls, size = _lookup(chunks, k + 1)
    if cls is None:
        if w not in ("per", "/") or not nxt.isalpha():
            return
        cls, size = singular(nxt), 1
    r.unit_class = f"{r.unit_class} per {cls}"
    r.unit = f"{r.unit} {w} " + " ".join(c.text for c in chunks[k + 1: k + 1 + size])
    r.c_end = k + 1 + size
    r.t_end = chunks[r.c_end - 1].tok_end


def _of_complement(doc: Doc, chunks: list[Chunk], r: UnitRead, sent_end: int) -> None:
    """"35 tonnes of material": the thing measured."""
    k = r.c_end
    if k + 1 < len(chunks) and chunks[k].text.lower() == "of" and not chunks[k - 1].trail:
        of_tok = doc[chunks[k].tok_start]
        objs = [c for c in of_tok.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in _NOUNISH and objs[0].i < sent_end:
            obj = objs[0]
            a = min(obj.left_edge.i, obj.i)
            while a < obj.i and doc[a].pos_ in ("DET",):
                a += 1
            r.counted = doc[a: obj.i + 1].text
            r.t_end = obj.i + 1


def noun_head(doc: Doc, k: int, sent_end: int) -> int | None:
    """Index of the head noun of the noun phrase starting at token k (skipping its modifiers), or None."""
    j = k
    while j < sent_end and j - k < 7:
        t = doc[j]
        if t.pos_ in _NOUNISH:
            h = t.head
            if k < h.i <= k + 7 and h.i > j and h.pos_ in _NOUNISH and t.dep_ in ("compound", "nmod", "amod"):
                j += 1
                continue
            return j
        if t.text in ("-", "–") or t.pos_ in ("ADJ", "VERB", "ADV", "NUM") and t.head.i > j and t.dep_ in (
                "amod", "compound", "nmod", "advmod", "npadvmod", "nummod", "quantmod"):
            if t.pos_ == "NUM" and not t.like_num:
                break
            j += 1
            continue
        break
    return None


def _count_noun(doc: Doc, chunks: list[Chunk], ex: Expr, r: UnitRead, sent_end: int) -> None:
    k = chunks[ex.c1 - 1].tok_end
    if k >= sent_end:
        return
    if doc[k].lower_ == "of" and k + 1 < sent_end:
        objs = [c for c in doc[k].children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in _NOUNISH and objs[0].tag_ in ("NNS", "NNPS"):
            obj = objs[0]
            a = k + 1
            while a < obj.i and doc[a].pos_ in ("DET", "PRON", "PART") or doc[a].tag_ == "POS":
                a += 1
            _set_count(doc, r, a, obj.i, ex)
        return
    h = noun_head(doc, k, sent_end)
    if h is None:
        return
    head = doc[h]
    if ex.low != 1 and head.tag_ in ("NN", "NNP") and h > k and doc[k].pos_ == "NOUN" and doc[k].tag_ == "NN":
        h = k  # "12 page document": the first noun is the unit
    cls, size = _lookup(chunks, ex.c1) if h == k else (None, 0)
    if cls:
        r.unit, r.unit_class, r.measure = doc[k].text, cls, True
        r.t_end = k + 1
        return
    _set_count(doc, r, k, h, ex)


def _set_count(doc: Doc, r: UnitRead, a: int, h: int, ex: Expr) -> None:
    head = doc[h]
    r.counted = doc[a: h + 1].text
    r.unit = r.counted
    r.unit_class = count_class(head.lemma_ if head.tag_ in ("NNS", "NNPS") else head.text)
    r.t_end = h + 1
