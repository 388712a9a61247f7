"""newstext.nearduplicates.comparable: a text is compared by its shingles when it has MIN_WORDS words as
_WORD finds them (runs of word characters), however they are separated; one regular expression now,
which must answer as counting the words one by one did."""

from __future__ import annotations

import re

import pytest

from newstext.nearduplicates import MIN_WORDS, comparable


def counted(text: str) -> bool:
    """The word-by-word count comparable answered with before (the reference)."""
    return sum(1 for _ in zip(range(MIN_WORDS), re.finditer(r"\w+", text), strict=False)) >= MIN_WORDS


def words(n: int, sep: str = " ", word: str = "dock") -> str:
    return sep.join(f"{word}{i}" for i in range(n))


CASES = [
    "",
    "   ",
    "... -- !!",
    words(MIN_WORDS - 1),
    words(MIN_WORDS),
    words(MIN_WORDS + 1),
    words(MIN_WORDS - 1) + ".",
    words(MIN_WORDS) + ".",
    "  \n\t" + words(MIN_WORDS),
    "\u201c" + words(MIN_WORDS - 1, sep=", ") + "\u201d",
    words(MIN_WORDS, sep="\u2014"),  # em dashes, no spaces
    words(MIN_WORDS - 1, sep="-"),
    words(MIN_WORDS, sep="'"),  # apostrophes split words for \w+
    words(MIN_WORDS // 2, sep="_"),  # underscores join: one word
    words(MIN_WORDS, sep=" _ "),  # a lone underscore is a word of its own
    words(MIN_WORDS - 1, word="Kai\u0301"),  # a combining accent ends a run of \w
    words(MIN_WORDS, word="\u00e9t\u00e9"),
    words(MIN_WORDS - 1, word="\u0439\u043e\u0434") + " \u0668",  # Arabic-Indic digit: a word
    "The harbour reopened. " * 8,  # 24 words
    "The harbour reopened after 3 days, port officials said on Tuesday evening. " * 4,  # 48 words
    "12,000 tonnes; 3.5% up: " * 10,  # numbers split at commas and points: 40 words
    "x" * 10_000,
    (" " * 1_000 + "word") * (MIN_WORDS - 1),
]


@pytest.mark.parametrize("text", CASES)
def test_comparable_answers_as_counting_the_words_did(text: str):
    assert comparable(text) == counted(text)


def test_the_boundary_is_min_words():
    assert [comparable(words(n)) for n in (0, 1, MIN_WORDS - 1, MIN_WORDS, 5 * MIN_WORDS)] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_random_texts_around_the_boundary():
    """Texts drawn from word characters, separators and marks, with about MIN_WORDS words (fixed seed)."""
    import random

    draw = random.Random(1712)
    alphabet = [
        "a",
        "Z",
        "7",
        "_",
        "\u00e9",
        "\u0301",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "-",
        "'",
        "\u2014",
        "\u00a0",
    ]
    for _ in range(3000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(100, 260)))
        assert comparable(text) == counted(text), text
