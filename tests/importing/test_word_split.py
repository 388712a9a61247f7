"""newstext.nearduplicates cuts a text's words for its signature without a regular expression over the
whole text (a byte translation and a split): the words must be those `_WORD.findall(text.lower())`
finds, whatever the text holds, and comparable_signatures must answer as signatures() and comparable()."""

from __future__ import annotations

import random

import pytest

from newstext import nearduplicates
from newstext.nearduplicates import MIN_WORDS, comparable, comparable_signatures, signatures


def expected(text: str) -> list[bytes]:
    """The words as the expression finds them in the lower-cased text (the reference)."""
    return [word.encode("utf-8") for word in nearduplicates._WORD.findall(text.lower())]


def words(n: int, word: str = "pier", sep: str = " ") -> str:
    return sep.join(f"{word}{i}" for i in range(n))


CASES = [
    "",
    "  \n\t ",
    "The Harbour Board met on Tuesday; 12,000 tonnes (3.5%) were unloaded.",
    "snake_case and __dunder__ stay whole; a lone _ is a word",
    "\u201cWe will reopen,\u201d the mayor\u2019s office said \u2014 twice\u2026 \u2022 \u00a0done",
    "Caf\u00e9 owners in M\u00e1laga and \u0141\u00f3d\u017a",  # accented letters: word characters
    "\u0130stanbul ferries",  # a dotted capital I lowers to i and a combining dot (no word character)
    "\u212aelvin and \u017fong s",  # lower() turns these into ASCII letters
    "STRASSE stra\u00dfe \ufb01le",  # sharp s, a ligature
    "e\u0301te\u0301 and Kai\u0301",  # combining accents end a run of word characters
    "\u0439\u043e\u0434 \u0668\u0663 \u4e2d\u6587 \u0628\u064a\u062a",  # other scripts, other digits
    "a\ud800b lone surrogates \udfff",
    "tab\tand\x0bvertical\x0cfeed\x1cfile\x1fseparators",
    "\u2028line\u2029paragraph\x85next",
    "\u201c\u201d\u2019\u2018\u2014\u2013\u00a0\u2026\u2022",
    "x" * 5_000,
]


@pytest.mark.parametrize("text", CASES)
def test_words_are_cut_as_the_expression_cuts_them(text: str):
    assert nearduplicates._word_bytes(text)[0] == expected(text)


def test_random_texts_are_cut_as_the_expression_cuts_them():
    """Texts drawn from ASCII and other word characters, separators, marks and characters whose lower
    case differs (fixed seed)."""
    draw = random.Random(1715)
    alphabet = [
        *"aZ_9 .,'-\t\n",
        "\u2019",
        "\u201c",
        "\u00a0",
        "\u2014",
        "\u00e9",
        "\u0130",
        "\u212a",
        "\u00df",
        "\u0301",
        "\u01c5",
        "\ufb01",
        "\u0663",
        "\u2028",
        "\ud800",
        "\u4e2d",
    ]
    for _ in range(3_000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 60)))
        assert nearduplicates._word_bytes(text)[0] == expected(text), repr(text)


def test_the_marks_replaced_first_are_no_word_characters():
    for mark in nearduplicates._NON_WORD_MARKS:
        assert not nearduplicates._WORD.match(mark) and mark.lower() == mark


def test_comparable_signatures_answer_as_each_function():
    """Including a text whose lower case has one word more than the text itself: 38 words and a word
    with a dotted capital I make 39 (not comparable), 40 once lower-cased."""
    texts = [
        *CASES,
        words(MIN_WORDS - 1),
        words(MIN_WORDS),
        "\u201c" + words(MIN_WORDS, sep="\u2019") + "\u201d",
        words(MIN_WORDS - 2) + " \u0130x",
        words(MIN_WORDS - 1, word="Kai\u0301"),
    ]
    values, checkable = comparable_signatures(texts)
    assert (values == signatures(texts)).all()
    assert checkable == [comparable(text) for text in texts]
    assert checkable[-2] is False and len(expected(texts[-2])) == MIN_WORDS
