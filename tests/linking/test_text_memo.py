"""The linker's text helpers remember what they read per text (the claims of one sentence, the steps of
one follow-up ask again): each caller still gets its own list, the same as a fresh reading."""

from claims.linking.links import text
from claims.linking.links.features import features
from claims.linking.links.statements import _plain, same_words

from .test_links import said


def test_names_are_read_once_per_text_and_each_caller_gets_its_own_list():
    sentence = "The Harbour Board told Mayor Ilse Varga that the Northern Pier stays shut."
    first = text.names(sentence)
    assert first == ["harbour board", "mayor ilse varga", "northern pier"]
    first.append("changed by the caller")
    hits = text._names.cache_info().hits
    again = text.names(sentence)
    assert again == ["harbour board", "mayor ilse varga", "northern pier"]
    assert text._names.cache_info().hits == hits + 1
    assert again is not first


def test_a_statements_plain_words_are_made_once_per_text():
    a = features(
        said("a", "A", "Ivo Ryland", "\u201cThe harbour will reopen for cargo ships next spring,\u201d")
    )
    b = features(said("b", "B", "Ivo Ryland", "the harbour will  reopen for cargo ships next spring"))
    assert _plain(a) == _plain(b) == "the harbour will reopen for cargo ships next spring"
    assert same_words(a, b)
