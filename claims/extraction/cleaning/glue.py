"""Words a scraper glued together ("Venezuelain December"): where a space belongs."""

from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.pipeline import Lemmatizer

from newstext.glue import glued_quotes, glued_stops

from ..nlp import get_nlp

_WORD = re.compile(r"\b[A-Za-z][a-z]{4,}\b")
_CAMEL = re.compile(r"\b([a-z]{2,5})([A-Z][a-z]{2,})\b")
# Short function words that scrapers glue to the word before ("Venezuelain December").
_GLUE_TAILS = ("in", "on", "at", "of", "to", "for", "the", "and", "by", "from", "with", "as", "is", "was")


@functools.cache
def _known_words() -> frozenset[str]:
    """Lower-case English words the shared pipeline's lemmatizer tables know, plus spaCy's stop words."""
    words: set[str] = set(STOP_WORDS)
    try:
        lemmatizer = get_nlp().get_pipe("lemmatizer")
        if not isinstance(lemmatizer, Lemmatizer):  # get_pipe is typed as any component
            raise ValueError("the lemmatizer component is not spaCy's Lemmatizer")
        lookups = lemmatizer.lookups
        for pos_words in lookups.get_table("lemma_index").values():
            words.update(pos_words)
        for exceptions in lookups.get_table("lemma_exc").values():
            words.update(exceptions)
    except (KeyError, ValueError):  # a pipeline without lookup tables: fall back to stop words only
        pass
    return frozenset(w for w in words if w.isalpha())


_INFLECTIONS = (
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
)


def _is_known(word: str) -> bool:
    known = _known_words()
    w = word.lower()
    if w in known:
        return True
    for suffix, repl in _INFLECTIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and w[: len(w) - len(suffix)] + repl in known:
            return True
    return False


def is_known_word(word: str) -> bool:
    """True when the lexicon knows `word` or a regular inflection of it ("larger", "realest" -> "real")."""
    return _is_known(word)


def glued_splits(text: str) -> list[int]:
    """Offsets in `text` where a space belongs inside a glued token ("Venezuelain" -> "Venezuela in").

    Conservative: the token must be unknown to the lexicon, the tail a short function word, and the
    head a known word or (for names) a word the article itself uses on its own.
    """
    words = Counter(m.group() for m in _WORD.finditer(text))
    splits: list[int] = []
    for token, count in words.items():
        if not token.endswith(_GLUE_TAILS) or _is_known(token):
            continue
        for tail in _GLUE_TAILS:
            head = token[: -len(tail)]
            if not token.endswith(tail) or len(head) < 4:
                continue
            if head[0].islower() and (tail == "by" or (tail == "in" and _is_known(head + "ing"))):
                continue  # "passersby", and dropped g's ("turnin up") are words, not glue
            standalone = words.get(head, 0) > count or (head[0].isupper() and re.search(rf"\b{head}\b", text))
            if (head[0].islower() and _is_known(head)) or (head[0].isupper() and standalone):
                splits.extend(m.start() + len(head) for m in re.finditer(rf"\b{token}\b", text))
                break
    for m in _CAMEL.finditer(text):
        if m.group(1) in STOP_WORDS and _is_known(m.group(2)):
            splits.append(m.start(2))
    return sorted(set(splits))


def quote_glue_splits(text: str) -> list[int]:
    """Offsets in `text` where a space belongs around a glued quotation mark: before an opening mark
    ('Tower. "I want'), after a closing one ('this?" His'). Which side the mark is on: `newstext.glue`."""
    return [i if opens else i + 1 for i, opens in glued_quotes(text)]


def sentence_glue_splits(text: str) -> list[int]:
    """Offsets in `text` where a space belongs after a sentence's end glued to the next sentence ('the
    levy.Members got', 'in 2006.He won', 'the wall.Of that', 'the 1970s.There', 'according to CNN.He';
    the rule, shared with the sentence splitter: `newstext.glue`)."""
    return glued_stops(text)
