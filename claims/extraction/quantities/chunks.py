"""Whitespace chunks of a parsed document and the number expressions read from them.

A chunk is a run of tokens with no whitespace between them ("PS2.7m" is the tokens "PS2.7" and "m"), so
glued currencies, scales and unit suffixes are read the same way however spaCy split them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc

from .numbers import TENS_OF, Atom, read_chunk, read_word

_QUOTES = ('"', "\u201d", "'", "\u2019")
_LEAD = re.compile(r"^[(\[{\"“\u2018«,;]+")
_TRAIL = re.compile(r"(?:[)\]}”\u2019»,;!?\"=]+|[.:](?=[)\]}”\u2019»,;!?\"=]*$))+$")


@dataclass(slots=True)
class Chunk:
    tok_start: int  # first token
    tok_end: int  # one past the last token
    start: int  # analysis offset of the stripped text
    end: int
    text: str
    lead: bool  # punctuation was stripped before the text ("(", quote)
    trail: bool  # punctuation was stripped after it ("," ")" ".")
    quote_after: bool = False  # what was stripped after it is one quotation mark ('$5.6"')


# Which of the first 0x3001 code points are white space (as `str.isspace`, `str.split` and the regex `\s` read
# it); none above U+3000 (the ideographic space) is.
_SPACE = np.array([chr(c).isspace() for c in range(0x3001)])


def _word_starts(text: str) -> list[int]:
    """Where each white-space-separated word of `text` starts (the words of `text.split()`), found over an array
    of the text's code points instead of a match object per word."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    word = ~(_SPACE[np.minimum(codes, 0x3000)] & (codes <= 0x3000))
    return np.flatnonzero(word & ~np.concatenate(([False], word[:-1]))).tolist()


def make_chunks(doc: Doc, text: str | None = None) -> list[Chunk]:
    """The document's whitespace chunks with outer punctuation stripped, in order (`text` is doc.text when
    the caller already has it: Doc.text joins every token on each access)."""
    if text is None:
        text = doc.text
    raws = text.split()
    if not raws:
        return []
    begins = _word_starts(text)
    ends = [start + len(raw) for start, raw in zip(begins, raws, strict=True)]
    starts = doc.to_array(IDX).astype(np.int64)
    first = np.maximum(np.searchsorted(starts, begins, side="right") - 1, 0).tolist()
    last = np.searchsorted(starts, ends, side="left").tolist()
    out: list[Chunk] = []
    for raw, start, end, t0, t1 in zip(raws, begins, ends, first, last, strict=True):
        if raw[0].isalnum() and raw[-1].isalnum():  # most words need no stripping
            out.append(Chunk(t0, t1, start, end, raw, False, False, False))
            continue
        lm = _LEAD.match(raw)
        a = lm.end() if lm else 0
        tm = _TRAIL.search(raw, a)
        b = tm.start() if tm else len(raw)
        out.append(Chunk(t0, t1, start + a, start + b, raw[a:b], a > 0, b < len(raw), raw[b:] in _QUOTES))
    return out


@dataclass(slots=True)
class Expr:
    """A number expression: one or more chunks read as one value or range."""

    c0: int  # first chunk
    c1: int  # one past the last chunk
    low: float
    high: float
    digits: bool
    currency: str | None = None
    rest: str = ""  # glued suffix after the number ("GB", "%", "-year-old")
    vague: bool = False
    article: bool = False  # began with "a"/"an" ("a dozen", "a million")
    word_one: bool = False  # the bare word "one"
    first_tok: int = 0  # first token (filled by read_unit)
    fraction: bool = False  # a share ("1/2", "two-thirds")
    reversed_pair: bool = False  # "96-3": a glued pair whose second number is smaller (a tally)


def _compose(values: list[Atom]) -> float:
    """The value of a run of number atoms ("two hundred fifty thousand", "4 hundred million")."""
    total, cur = 0.0, 0.0
    for at in values:
        if at.kind == "scale":
            if at.value == 100.0:
                cur = (cur or 1.0) * 100.0 + at.plus
            else:
                total += (cur or 1.0) * at.value
                cur = 0.0
        else:
            cur += at.value
    return total + cur


def _adjacent(chunks: list[Chunk], k: int) -> bool:
    """True when chunk k follows chunk k-1 after one space with no punctuation between."""
    return (
        k < len(chunks)
        and chunks[k].start - chunks[k - 1].end <= 1
        and not chunks[k - 1].trail
        and not chunks[k].lead
    )


def _scale_after_quote(chunks: list[Chunk], k: int) -> bool:
    """True when a quotation mark stands between an amount and its scale word ('asking for $5.6" billion'):
    a transcription slip, since no quote ends on a bare figure and goes on with "billion"."""
    if k >= len(chunks) or not chunks[k - 1].quote_after or chunks[k].lead:
        return False
    scale = read_word(chunks[k].text.lower())
    return (
        scale is not None
        and scale.kind == "scale"
        and scale.value >= 1e6
        and chunks[k].start - chunks[k - 1].end == 2
    )


# "half the condos", "half of voters": a share; "the first half of the year", "second half": a period.
_SHARE_AFTER_HALF = {"the", "of", "their", "its", "his", "her", "our", "those", "these", "all"}
_HALF_OF_TIME = {"first", "second", "the", "a", "an", "other", "latter", "back", "top", "bottom", "one"}


def read_expr(chunks: list[Chunk], ci: int) -> Expr | None:
    """The number expression starting at chunk `ci`, or None."""
    ch = chunks[ci]
    low_text = ch.text.lower()
    if low_text == "half" and ci + 2 < len(chunks) and chunks[ci + 1].text.lower() == "a":
        scale = read_word(chunks[ci + 2].text.lower())
        if scale is not None and scale.kind == "scale" and not scale.rest:
            # "half a million", "half a dozen"
            return Expr(ci, ci + 3, scale.value / 2, scale.value / 2, False)
    if low_text == "half" and ci + 1 < len(chunks) and _adjacent(chunks, ci + 1):
        before = chunks[ci - 1].text.lower() if ci > 0 else ""
        if chunks[ci + 1].text.lower() in _SHARE_AFTER_HALF and before not in _HALF_OF_TIME:
            return Expr(ci, ci + 1, 0.5, 0.5, False, fraction=True)  # "half the condos", "half of the voters"
    article = low_text in ("a", "an")
    if article:
        nxt = read_word(chunks[ci + 1].text.lower()) if _adjacent(chunks, ci + 1) else None
        if nxt is None or nxt.kind not in ("scale", "denominator") or nxt.rest:
            return None
        if nxt.kind == "denominator":  # "a third", "a quarter"
            return Expr(ci, ci + 2, nxt.value, nxt.value, False, article=True, fraction=True)
        atoms = [Atom(1.0, False)]
    else:
        first = read_chunk(ch.text)
        if first is not None and low_text == "hundred" and _of_a_plural_scale(chunks, ci):
            first = read_chunk("hundreds")  # "hundred of thousands of jobs": "hundreds" with its s dropped
        if first is None or first.kind in ("scale", "denominator"):
            return None  # a bare "hundred", "dozen" or "third" counts nothing by itself
        if first.kind == "vague":
            return _vague_of(chunks, ci, first)
        if first.kind == "tens":
            return _tens_of(chunks, ci)
        atoms = [first]
        if first.digits and (first.rest or first.kind == "fraction"):
            ex = Expr(
                ci,
                ci + 1,
                first.value * first.scale,
                (first.high or first.value) * first.scale,
                True,
                first.currency,
                first.rest,
                fraction=first.kind == "fraction",
            )
            if first.high is not None and first.high < first.value:
                ex.low, ex.high, ex.reversed_pair = min(ex.low, ex.high), max(ex.low, ex.high), True
            return ex
        if not first.rest and first.kind == "number" and (not first.digits or first.value < 100):
            frac = _fraction_after(chunks, ci, first.value)
            if frac is not None:
                return frac
    k = ci + 1
    rest = atoms[0].rest
    # extend with scale words ("2.5 million", "four hundred thousand", "two hundred and fifty")
    while (
        _adjacent(chunks, k) or (k == ci + 1 and atoms[0].digits and _scale_after_quote(chunks, k))
    ) and not rest:
        w = chunks[k].text
        at = read_word(w.lower())
        if at is None and atoms[-1].digits and w in ("bn", "mn", "mln", "B", "M", "K", "tn", "trn"):
            at = Atom(
                1e9 if w in ("bn", "B") else 1e12 if w in ("tn", "trn") else 1e3 if w == "K" else 1e6,
                False,
                kind="scale",
            )
        if at is None and w.lower() == "and" and atoms[-1].kind == "scale" and _adjacent(chunks, k + 1):
            nxt = read_word(chunks[k + 1].text.lower())
            if nxt is not None and nxt.kind == "number" and not nxt.rest:
                k += 1
                continue
        if at is None or at.kind not in ("scale", "number"):
            break
        last = atoms[-1]
        if at.kind == "number" and (last.kind != "scale" or atoms[0].digits or at.value >= last.value):
            break
        atoms.append(at)
        rest = at.rest
        k += 1
    value = _compose(atoms) * atoms[0].scale
    if (
        not rest
        and k + 2 < len(chunks)
        and _adjacent(chunks, k)
        and " ".join(c.text.lower() for c in chunks[k : k + 3]) == "and a half"
    ):
        value, k = value + 0.5, k + 3  # "seven and a half years"
    ex = Expr(
        ci,
        k,
        value,
        value,
        atoms[0].digits,
        atoms[0].currency,
        rest,
        article=article,
        word_one=(len(atoms) == 1 and low_text == "one"),
        fraction=len(atoms) == 1 and atoms[0].kind == "fraction",  # "two-thirds"
    )
    if atoms[0].high is not None:
        # "$5-6 billion": the scale words apply to both ends
        ex.high = _compose([Atom(atoms[0].high, True), *atoms[1:]]) * atoms[0].scale
        if ex.high < ex.low:
            ex.low, ex.high, ex.reversed_pair = ex.high, ex.low, True
    return ex


def _fraction_after(chunks: list[Chunk], ci: int, value: float) -> Expr | None:
    """ "two thirds", "one in three", "one out of ten": a share written in words."""
    if not _adjacent(chunks, ci + 1):
        return None
    w = chunks[ci + 1].text.lower()
    den = read_word(w)
    if den is not None and den.kind == "denominator":
        return Expr(ci, ci + 2, value * den.value, value * den.value, False, fraction=True)
    k = ci + 2 if w == "in" else ci + 3 if w == "out" and chunks[ci + 2].text.lower() == "of" else 0
    if k and _adjacent(chunks, k):
        whole = read_chunk(chunks[k].text)
        if whole is not None and whole.kind == "number" and not whole.rest and 1000 > whole.value > value > 0:
            return Expr(ci, k + 1, value / whole.value, value / whole.value, False, fraction=True)
    return None


def _of_a_plural_scale(chunks: list[Chunk], ci: int) -> bool:
    """True when "of" and a plural scale ("thousands", "millions") follow chunk `ci`."""
    return (
        ci + 2 < len(chunks)
        and chunks[ci + 1].text.lower() == "of"
        and _adjacent(chunks, ci + 1)
        and _adjacent(chunks, ci + 2)
        and chunks[ci + 2].text.lower() in TENS_OF
    )


def _vague_of(chunks: list[Chunk], ci: int, first: Atom) -> Expr:
    """ "hundreds", and "hundreds of thousands" (200,000-999,000), "dozens of millions": a vague amount of
    a plural scale multiplies it, as "tens of thousands" does. "thousands and thousands of emails" is one
    amount, read from its second word."""
    word = chunks[ci].text.lower()
    if (
        ci + 2 < len(chunks)
        and chunks[ci + 1].text.lower() == "and"
        and _adjacent(chunks, ci + 1)
        and _adjacent(chunks, ci + 2)
        and chunks[ci + 2].text.lower() == word
    ):
        again = _vague_of(chunks, ci + 2, first)
        again.c0 = ci
        return again
    low, high = first.value, first.high or first.value
    if ci + 2 < len(chunks) and chunks[ci + 1].text.lower() == "of" and _adjacent(chunks, ci + 1):
        scale = TENS_OF.get(chunks[ci + 2].text.lower()) if _adjacent(chunks, ci + 2) else None
        if scale and low < scale:  # not "thousands of thousands"
            return Expr(ci, ci + 3, low * scale, high * scale, False, vague=True)
    return Expr(ci, ci + 1, low, high, False, vague=True)


def _tens_of(chunks: list[Chunk], ci: int) -> Expr | None:
    """'tens of thousands' as the range [10 000, 100 000]."""
    if ci + 2 < len(chunks) and chunks[ci + 1].text.lower() == "of":
        scale = TENS_OF.get(chunks[ci + 2].text.lower())
        if scale:
            return Expr(ci, ci + 3, 10 * scale, 100 * scale, False, vague=True)
    return None
