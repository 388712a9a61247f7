"""Words a scraper glued together ("Venezuelain December"): where a space belongs."""

from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.pipeline import Lemmatizer

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


# A quotation mark a scraper glued between a sentence's end and the next word ('Tower."I want',
# 'this?"His response') or the dash that names who said it ('money.”― Tom Hale'): the tokenizer
# keeps it inside one token, so the quote is never seen.
_GLUED_QUOTE = re.compile(r"(?<=[A-Za-z0-9)][.!?,])[\"\u201c\u201d](?=[A-Za-z\u2015\u2014\u2013])")


def quote_glue_splits(text: str) -> list[int]:
    """Offsets in `text` where a space belongs around a glued quotation mark: before an opening mark
    ('Tower. "I want'), after a closing one ('this?" His'). A curly mark says which it is; a straight
    one opens when the paragraph so far holds an even number of straight marks."""
    splits = []
    for m in _GLUED_QUOTE.finditer(text):
        mark = m.group()
        if mark == "\u201c":
            opens = True
        elif mark == "\u201d":
            opens = False
        else:
            para_start = text.rfind("\n", 0, m.start()) + 1
            opens = text.count('"', para_start, m.start()) % 2 == 0
        splits.append(m.start() if opens else m.end())
    return splits


# A full stop a scraper glued to the next sentence ('the levy.Members got', 'was 41-3.Councillor',
# '$5.7 billion.Congress'): a lower-case word or a figure ends, a capitalised word of at least two lower-case
# letters begins, or an amount with its currency sign ('nearly $1.1 million.$1,071,872 to be exact'). Capitals
# before the stop ('U.S.Navy'), decimals ('3.5') and lower-case web addresses ('kestrel.com') do not match.
# A parenthesis glued after the stop opens the writer's next sentence too ('his seat.(Hale made headlines').
# Two-letter words open sentences too ('in 2006.He won', 'on Dec. 22.It also'): the usual ones only, so
# an initial or a code after a stop does not match.
# The words "A" and "I" open sentences too ('restrictions.A few', 'this.I wish') when a space or an
# apostrophe follows. An acronym of two or more capitals that no full stop precedes ends a sentence as a
# lower-case word does ('according to CNN.He called', 'the FBI.The former'); initials ('U.S.Navy',
# 'D-N.Y.') keep a stop before their last capital and do not match.
_SHORT_OPENERS = r"(?:He|It|We|In|On|At|As|If|So|By|An|My|No|Mr|Ms|Dr|A(?= )|I(?=[ '\u2019]))\b"
_GLUED_STOP = re.compile(
    rf"(?<=[a-z]{{2}}[.!?])(?=[A-Z][a-z]{{2,}}|{_SHORT_OPENERS}|[$\u00a3\u20ac\u00a5][0-9]|\([A-Z][a-z])"
    rf"|(?<=[0-9][.!?])(?=[A-Z][a-z]{{2,}}|{_SHORT_OPENERS}|\([A-Z][a-z])"
)
_ACRONYM_STOP = re.compile(rf"(?<![A-Za-z.])[A-Z]{{2,}}[.!?](?=[A-Z][a-z]{{2,}}|{_SHORT_OPENERS})")


def sentence_glue_splits(text: str) -> list[int]:
    """Offsets in `text` where a space belongs after a sentence's end glued to the next sentence."""
    return sorted(
        [m.start() for m in _GLUED_STOP.finditer(text)] + [m.end() for m in _ACRONYM_STOP.finditer(text)]
    )
