"""Whitespace chunks of a parsed document and the number expressions read from them.

A chunk is a run of tokens with no whitespace between them ("PS2.7m" is the tokens "PS2.7" and "m"), so
glued currencies, scales and unit suffixes are read the same way however spaCy split them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .numbers import TENS_OF, Atom, read_chunk, read_word

_LEAD = re.compile(r"^[(\[{\"“‘«]+")
_TRAIL = re.compile(r"(?:[)\]}”’»,;!?]+|[.:](?=[)\]}”’»,;!?]*$))+$")


@dataclass(slots=True)
class Chunk:
    tok_start: int  # first token
    tok_end: int  # one past the last token
    start: int  # analysis offset of the stripped text
    end: int
    text: str
    lead: bool  # punctuation was stripped before the text ("(", quote)
    trail: bool  # punctuation was stripped after it ("," ")" ".")


def make_chunks(doc: Doc) -> list[Chunk]:
    """The document's whitespace chunks with outer punctuation stripped, in order."""
    out: list[Chunk] = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n - 1 and not doc[j].whitespace_ and not doc[j + 1].is_space:
            j += 1
        if not doc[i].is_space:
            start = doc[i].idx
            raw = doc.text[start: doc[j].idx + len(doc[j])]
            lm = _LEAD.match(raw)
            a = lm.end() if lm else 0
            tm = _TRAIL.search(raw, a)
            b = tm.start() if tm else len(raw)
            out.append(Chunk(i, j + 1, start + a, start + b, raw[a:b], a > 0, b < len(raw)))
        i = j + 1
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


def _compose(values: list[Atom]) -> float:
    """The value of a run of number atoms ("two hundred fifty thousand", "4 hundred million")."""
    total, cur = 0.0, 0.0
    for at in values:
        if at.kind == "scale":
            if at.value == 100.0:
                cur = (cur or 1.0) * 100.0
            else:
                total += (cur or 1.0) * at.value
                cur = 0.0
        else:
            cur += at.value
    return total + cur


def read_expr(chunks: list[Chunk], ci: int) -> Expr | None:
    """The number expression starting at chunk `ci`, or None."""
    ch = chunks[ci]
    low_text = ch.text.lower()
    article = low_text in ("a", "an")
    if article:
        if ci + 1 >= len(chunks):
            return None
        nxt = read_word(chunks[ci + 1].text.lower())
        if nxt is None or nxt.kind not in ("scale",) and chunks[ci + 1].text.lower() != "dozen":
            return None
        atoms = [Atom(1.0, False)]
        k = ci + 1
    else:
        first = read_chunk(ch.text)
        if first is None:
            return None
        if first.kind == "vague":
            return Expr(ci, ci + 1, first.value, first.high or first.value, False, vague=True)
        if first.kind == "tens":
            return _tens_of(chunks, ci)
        if first.kind == "scale" and first.value == 100.0:
            return None  # a bare "hundred" without a count is a noun ("a hundred" is read above)
        atoms = [first]
        k = ci + 1
        if first.digits and (first.rest or first.kind == "fraction"):
            ex = Expr(ci, k, first.value * first.scale, (first.high or first.value) * first.scale, True,
                      first.currency, first.rest)
            if first.high is not None and first.high < first.value and first.scale == 1.0:
                ex.low, ex.high = ex.high, ex.low
            return ex
    # extend with scale words ("2.5 million", "four hundred thousand", "two hundred and fifty")
    while k < len(chunks) and chunks[k].start - chunks[k - 1].end <= 1 and not chunks[k - 1].trail:
        w = chunks[k].text
        at = read_word(w.lower())
        if at is None and atoms[-1].digits and w in ("bn", "mn", "mln", "B", "M", "K", "tn", "trn"):
            at = Atom(1e9 if w in ("bn", "B") else 1e12 if w in ("tn", "trn") else 1e3 if w == "K" else 1e6,
                      False, kind="scale")
        if at is None and w.lower() == "and" and atoms[-1].kind == "scale" and k + 1 < len(chunks):
            nxt = read_word(chunks[k + 1].text.lower())
            if nxt is not None and nxt.kind == "number" and not nxt.rest:
                k += 1
                continue
        if at is None or at.rest or at.kind not in ("scale", "number"):
            break
        if at.kind == "number" and (atoms[-1].kind != "scale" or atoms[-1].digits or at.value >= atoms[-1].value
                                    or not atoms[-1].digits and atoms[0].digits):
            break
        atoms.append(at)
        k += 1
    first = atoms[0]
    value = _compose(atoms) * first.scale
    if len(atoms) == 1 and first.rest == "" and first.kind == "scale":
        return None
    ex = Expr(ci, k, value, value, first.digits, first.currency, first.rest if len(atoms) == 1 else "",
              article=article, word_one=(len(atoms) == 1 and low_text == "one"))
    if first.high is not None and len(atoms) == 1:
        ex.high = first.high * first.scale
    return ex


def _tens_of(chunks: list[Chunk], ci: int) -> Expr | None:
    """'tens of thousands' as the range [10 000, 100 000]."""
    if ci + 2 < len(chunks) and chunks[ci + 1].text.lower() == "of":
        scale = TENS_OF.get(chunks[ci + 2].text.lower())
        if scale:
            return Expr(ci, ci + 3, 10 * scale, 100 * scale, False, vague=True)
    return None
