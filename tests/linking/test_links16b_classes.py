"""One person named two ways by two outlets (links16b), on sentences written for these tests.

One outlet writes a person's formal name with a middle initial and a generational suffix ("Walter H.
Brask Jr."), another the name the person goes by ("Walter Brask"). The speaker keys took a name's last
word as its surname, so the suffix was the key: the two were two people (their one remark "two named
people each quoted"), and every junior shared the key "jr." with every other. The surname is now the
word before the suffix. A father and son of one name quoted in one article stay two people.
"""

from __future__ import annotations

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from claims.linking.links.text import generation, speaker_keys
from tests.linking.linkable import linkable


def quoted(cid, article, text, speaker):
    claim = StatementClaim(0, len(text), text, speaker, direct=True, speaker_kind="person")
    return linkable(cid, article, claim, f"\u201c{text},\u201d {speaker} said.")


def relations(links):
    return {frozenset((s.a_id, s.b_id)): s.relation for s in links}


# one remark, cut and run on differently by two outlets: a run of words in common, little else
VOW = "The harbour inquiry is a political vendetta, and I will never lie about the governor to save myself"
VOW_TOO = (
    "I will never lie about the governor to save myself, whatever the board's lawyers put to me next month"
)


def test_a_suffix_is_not_a_surname():
    assert "brask" in speaker_keys("Walter H. Brask Jr.") & speaker_keys("Walter Brask")
    assert "mueller" in speaker_keys("Robert S. Mueller III")
    assert not speaker_keys("Tomas Reed Jr.") & speaker_keys("Ivo Ryland Jr.")
    assert not speaker_keys("Tomas Reed, Jr.") & speaker_keys("Ivo Ryland Sr.")
    assert generation("Walter H. Brask Jr.") == ("walter brask", "jr")
    assert generation("Walter Brask") == ("walter brask", "")


def test_one_person_with_and_without_a_suffix_is_one_speaker():
    links = suggest_links(
        [quoted("a", "A", VOW, "Walter Brask"), quoted("b", "B", VOW_TOO, "Walter H. Brask Jr.")]
    )
    assert relations(links).get(frozenset(("a", "b"))) == "corroborates"


def test_two_juniors_are_two_people():
    links = suggest_links(
        [quoted("a", "A", VOW, "Tomas Reed Jr."), quoted("b", "B", VOW_TOO, "Ivo Ryland Jr.")]
    )
    assert frozenset(("a", "b")) not in relations(links)


SON = "The dock workers deserve a fair hearing before the harbour board votes on the new fees"


def father_and_son(son_in_b):
    """Article A quotes the father and the son; B quotes the son as `son_in_b`."""
    return [
        quoted("father", "A", VOW, "Walter Brask"),
        quoted("son", "A", SON, "Walter Brask Jr."),
        quoted("son-b", "B", VOW_TOO, son_in_b),
    ]


def test_a_father_and_son_quoted_in_one_article_are_two_people():
    """Article A quotes the father and the son: B's quote of the son is not the father's remark."""
    links = suggest_links(father_and_son("Walter Brask Jr."))
    assert frozenset(("father", "son-b")) not in relations(links)


def test_the_son_alone_is_still_one_speaker_across_outlets():
    links = suggest_links(
        [
            quoted("father", "A", VOW, "Walter Brask"),
            quoted("son", "A", SON, "Walter Brask Jr."),
            quoted("son-b", "B", SON.replace("deserve", "surely deserve"), "Walter H. Brask Jr."),
        ]
    )
    assert relations(links).get(frozenset(("son", "son-b"))) == "corroborates"


def told(cid, article, text, speaker):
    claim = StatementClaim(0, len(text), text, speaker, direct=False, speaker_kind="person")
    return linkable(cid, article, claim, f"{speaker} said {text}.")


LONG_PLEA = "she would plead not guilty to the fraud charges brought by the harbour prosecutors"


def test_a_short_report_told_whole_in_a_longer_one_corroborates():
    """ "she will plead not guilty" has two content words, too few for the word rules, but one speaker's
    longer report holding both is the same word."""
    links = suggest_links(
        [
            told("short", "A", "she will plead not guilty", "Ilse Marrow"),
            told("long", "B", LONG_PLEA, "Ilse Marrow"),
        ]
    )
    assert relations(links).get(frozenset(("short", "long"))) == "corroborates"


def test_a_short_report_of_another_speaker_or_a_short_quote_stays_apart():
    other = suggest_links(
        [
            told("short", "A", "he will plead not guilty", "Tomas Wendt"),
            told("long", "B", LONG_PLEA, "Ilse Marrow"),
        ]
    )
    assert frozenset(("short", "long")) not in relations(other)
    quote = suggest_links(
        [
            quoted("short", "A", "I will plead not guilty", "Ilse Marrow"),
            told("long", "B", LONG_PLEA, "Ilse Marrow"),
        ]
    )
    assert frozenset(("short", "long")) not in relations(quote)


def test_a_short_report_of_a_word_the_longer_lacks_stays_apart():
    links = suggest_links(
        [
            told("short", "A", "she will resign soon", "Ilse Marrow"),
            told("long", "B", LONG_PLEA, "Ilse Marrow"),
        ]
    )
    assert frozenset(("short", "long")) not in relations(links)


def test_a_short_report_whose_words_are_apart_in_the_longer_stays_apart():
    """ "she did not know who had sent it" and "she does not know the clerk the letter was sent to" share
    both content words, not the remark: the short one's words must stand in a row in the longer."""
    links = suggest_links(
        [
            told("short", "A", "she did not know who had sent it", "Ilse Marrow"),
            told("long", "B", "she does not know the harbour clerk the letter was sent to", "Ilse Marrow"),
        ]
    )
    assert frozenset(("short", "long")) not in relations(links)


def test_the_son_named_without_a_first_name_is_still_the_son():
    """Once an article quotes the father and the son, "Brask Jr." elsewhere is the son, not the father."""
    links = suggest_links(father_and_son("Brask Jr."))
    assert frozenset(("father", "son-b")) not in relations(links)


def test_a_short_report_with_the_opposite_word_does_not_corroborate():
    """ "she pleaded guilty" holds both content words of "she would plead not guilty ...", not the remark."""
    links = suggest_links(
        [told("short", "A", "she pleaded guilty", "Ilse Marrow"), told("long", "B", LONG_PLEA, "Ilse Marrow")]
    )
    assert relations(links).get(frozenset(("short", "long"))) != "corroborates"
