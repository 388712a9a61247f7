"""The linker's stop words are scikit-learn's, written out so that web pages need not import it."""

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from claims.linking.links import text
from claims.linking.links.stop_words import ENGLISH_STOP_WORDS


def test_the_written_out_stop_words_are_the_installed_libraries():
    """The copy is the installed scikit-learn's list, word for word: an upgrade that changes the list
    fails here rather than changing the linker's terms unseen."""
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS


def test_the_linker_drops_them_from_a_claims_terms():
    """The linker's terms leave out the library's stop words ("whereupon", "hereafter" are in no news
    stop list of ours) and the news words, and keep the words that say what happened."""
    assert text.terms("Whereupon the ministry said hereafter 40 ferries would stop sailing") == [
        "ministr",
        "ferri",
        "stop",
        "sail",
    ]
