"""Quoted passages: pairing of quotation marks over sentences and paragraphs.

Handles straight and curly double quotes and the doubled apostrophe some outlets use (''like this'').
A paragraph that ends inside an open quote continues into the next paragraph when that one opens with
a quotation mark (the news convention for a quote running over several paragraphs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors import word_set
from ..doccache import column, token_texts

OPENERS = frozenset({"\u201c", "``", "\u201e", "\u00ab"})
CLOSERS = frozenset({"\u201d", "''", "\u00bb"})
AMBIGUOUS = frozenset({'"'})
QUOTE_MARKS = OPENERS | CLOSERS | AMBIGUOUS
# Participles that give a work its title ('a spot titled "Arrogant"').
TITLING_WORDS = frozenset({"titled", "entitled", "subtitled", "headlined", "captioned", "named"})
# Works whose title follows them ('In his 2002 book, "Make the Port Pay," Hale ...', 'the film "13th"').
WORK_NOUNS = word_set(
    """
    book books film films movie movies documentary ad ads advertisement commercial spot video song album
    show series program programme play novel memoir essay column op-ed article paper study poem episode
    podcast slogan manifesto platform bill act
    """
)

_SMALL_WORDS = word_set("a an the of to in on and for with at by or from as is")


def title_cased(tokens: Iterable[Token]) -> bool:
    """True when every word of `tokens` but the small ones ("of", "the") starts with a capital, as a title
    does ("Make Your Kid a Millionaire"), and at least one does."""
    words = [t.text for t in tokens if t.is_alpha]
    big = [w for w in words if w.lower() not in _SMALL_WORDS or w is words[0]]
    return bool(big) and all(w[0].isupper() for w in big)


@dataclass(slots=True)
class Quote:
    open_i: int  # token index of the opening mark
    close_i: int | None  # token index of the closing mark (None when the paragraph ran out)
    start: int  # first content token
    end: int  # one past the last content token

    def words(self, doc: Doc) -> int:
        """Number of word tokens inside the quote."""
        return sum(1 for t in doc[self.start : self.end] if not (t.is_punct or t.is_space))


def is_quote_mark(tok: Token) -> bool:
    """True for a double quotation mark token in any of its spellings."""
    return tok.text in QUOTE_MARKS


def _direction(doc: Doc, tok: Token) -> str:
    """ "open" or "close" for a mark, guessing straight quotes from the spaces around them."""
    if tok.text in OPENERS:
        return "open"
    if tok.text in CLOSERS:
        # spaCy may tokenise a straight opener as '' too; a following word with no space means open.
        if (
            tok.text == "''"
            and not tok.whitespace_
            and tok.i + 1 < len(doc)
            and (tok.i == 0 or doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space)
            and doc[tok.i + 1].is_alpha
        ):
            return "open"
        return "close"
    before_space = tok.i == 0 or bool(doc[tok.i - 1].whitespace_) or doc[tok.i - 1].is_space
    after_space = bool(tok.whitespace_) or tok.i + 1 >= len(doc) or doc[tok.i + 1].is_space
    if before_space and not after_space:
        return "open"
    if after_space and not before_space:
        return "close"
    return "toggle"


def paragraph_ids(doc: Doc) -> list[int]:
    """Paragraph number of every token (paragraphs are separated by line breaks)."""
    # (read from the Doc's columns, no Token built; a token's trailing white space is one space at most, so
    # a line break is always a space token of its own)
    ids, para = [], 0
    for space, text in zip(column(doc, "IS_SPACE"), token_texts(doc), strict=True):
        if space and "\n" in text:
            para += 1
        ids.append(para)
    return ids


# Words of a quotation nested in another with the same marks ('"... what he calls "hell" ..."').
NESTED_WORDS = 6


def _nested_close(doc: Doc, opener: Token, paras: list[int]) -> int | None:
    """Token index of the mark closing a short quotation that opens at `opener` inside an open quotation
    with the same marks ('"I'd rather live in what he calls "hell" than ..."'; curly marks are straight in
    the analysis text, so the spaces around them tell), when another closing mark follows it in the
    paragraph before any opening one; None otherwise."""
    if _direction(doc, opener) != "open":
        return None
    marks = [
        t
        for t in doc[opener.i + 1 : min(len(doc), opener.i + 400)]
        if paras[t.i] == paras[opener.i] and is_quote_mark(t)
    ]
    if len(marks) < 2 or _direction(doc, marks[0]) != "close":
        return None
    words = sum(1 for t in doc[opener.i + 1 : marks[0].i] if not (t.is_punct or t.is_space))
    if not 0 < words <= NESTED_WORDS or _direction(doc, marks[1]) == "open":
        return None
    return marks[0].i


def find_quotes(doc: Doc, paras: list[int]) -> list[Quote]:
    """Quoted passages of `doc` in order, multi-paragraph quotes joined into one; a short quotation nested in
    an open one with the same marks is part of it."""
    quotes: list[Quote] = []
    open_i: int | None = None
    last_word: int | None = None  # last content token of the open quote
    skip_to = -1  # the closing mark of a nested quotation
    # (the columns are read for every token; a Token is built only for a quotation mark)
    spaces, texts = column(doc, "IS_SPACE"), token_texts(doc)
    for i in range(len(doc)):
        if spaces[i]:
            continue
        if i <= skip_to:
            last_word = i
            continue
        if (
            open_i is not None
            and paras[i] != paras[open_i]
            and last_word is not None
            and paras[i] != paras[last_word]
        ):
            # A new paragraph while a quote is open: it continues only if this paragraph opens with a mark.
            if texts[i] in QUOTE_MARKS and _direction(doc, doc[i]) != "close":
                last_word = i
                continue
            quotes.append(Quote(open_i, None, open_i + 1, last_word + 1))
            open_i = None
        if texts[i] not in QUOTE_MARKS:
            if open_i is not None:
                last_word = i
            continue
        tok = doc[i]
        direction = _direction(doc, tok)
        if open_i is None and direction != "close":
            open_i, last_word = tok.i, tok.i
        elif open_i is not None and direction != "open":
            if tok.i > open_i + 1:
                quotes.append(Quote(open_i, tok.i, open_i + 1, tok.i))
            open_i = None
        elif open_i is not None and (nested := _nested_close(doc, tok, paras)) is not None:
            skip_to, last_word = nested, tok.i  # '"... what he calls "hell" than ..."': one quotation
        elif open_i is not None:  # a second opener: the first one was never closed
            if last_word is not None and last_word > open_i:
                quotes.append(Quote(open_i, None, open_i + 1, last_word + 1))
            open_i, last_word = tok.i, tok.i
    if open_i is not None and last_word is not None and last_word > open_i:
        quotes.append(Quote(open_i, None, open_i + 1, last_word + 1))
    return quotes
