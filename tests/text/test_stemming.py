"""Word forms meet on one stem, in every package that compares words."""

from __future__ import annotations

import sys
import threading

from claims.linking.links.text import terms
from newstext import stemming


def test_inflections_of_a_word_share_its_stem():
    """Plurals, tenses and -ies/-ied forms meet, which the hand-written suffix rules missed for "deny"."""
    for forms in (
        ("increase", "increased", "increasing", "increases"),
        ("deny", "denies", "denied"),
        ("study", "studies", "studied"),
        ("vote", "voted", "votes", "voting"),
    ):
        assert len({stemming.stem(w) for w in forms}) == 1, forms


def test_different_words_keep_different_stems():
    assert stemming.stem("police") != stemming.stem("policy")
    assert stemming.stem("general") != stemming.stem("generous")


def test_case_and_a_possessive_do_not_change_the_stem():
    assert stemming.stem("Minister's") == stemming.stem("minister") == stemming.stem("Minister\u2019s")


def test_two_reports_of_one_rise_share_their_terms():
    """A claim that prices "increased" and one that they are "increasing" share content terms."""
    a = set(terms("Fuel prices increased sharply in Varnel"))
    b = set(terms("fuel prices are increasing sharply across Varnel"))
    assert {"fuel", "price", "increas", "sharpli", "varnel"} <= a & b


def test_threads_stemming_at_once_get_the_same_stems():
    """The stemmer object is shared: words stemmed from many threads at once come out as stemmed alone."""
    roots = ("account", "report", "deliver", "harbour", "ferry", "nation", "organis", "general")
    suffixes = ("", "s", "ed", "ing", "ings", "ment", "ers", "ness", "ational", "izations")
    words = [f"{p}{r}{s}" for p in ("", "re", "un", "over") for r in roots for s in suffixes]
    stemming.stem.cache_clear()
    expected = {w: stemming.stem(w) for w in words}
    got: dict[str, str] = {}
    errors: list[BaseException] = []

    def run(chunk: list[str]) -> None:
        try:
            for w in chunk:
                got[w] = stemming.stem(w)
        except Exception as exc:  # reported below
            errors.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for _ in range(5):
            stemming.stem.cache_clear()
            threads = [threading.Thread(target=run, args=(words[i::4],)) for i in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == [] and got == expected
