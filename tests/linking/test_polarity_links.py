"""What a statement's polarity does to its links: two people's same words are two speakers, not one
remark; a denial of a negation says what the negation denied; asking or declining to say asserts
nothing; a held belief is not the remark its words repeat. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

SAIL = "the night ferry to Osk will sail from the north quay on Friday evening"
NOT_SAIL = "the night ferry to Osk will not sail from the north quay on Friday evening"


def statement(cid, article, sentence, content, speaker, polarity="asserted"):
    """A statement whose content is part of `sentence`, as the app stores it."""
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, polarity=polarity)
    return linkable(cid, article, claim, sentence)


def said(cid, article, speaker, content=SAIL, polarity="asserted", verb="said"):
    return statement(cid, article, f"{speaker} {verb} {content}.", content, speaker, polarity)


def test_two_speakers_same_words_name_both_speakers():
    """Two people in the same words: each named with their outlet, not one person's remark."""
    [link] = suggest_links([said("a", "A", "Lena Brask"), said("b", "B", "Piet Vahl")])
    assert link.relation == "corroborates"
    assert link.rationale.startswith("Lena Brask (outlet-A) and Piet Vahl (outlet-B), in the same words")


def test_one_speakers_same_words_stay_one_remark():
    """One person in two outlets in the same words is still written as one remark."""
    [link] = suggest_links([said("a", "A", "Lena Brask"), said("b", "B", "Lena Brask")])
    assert link.rationale.startswith("Lena Brask, in outlet-A and outlet-B, in the same words")


def test_three_speakers_same_words_are_three_speakers_two_by_two():
    """Brask, Vahl and Orm in the same words: each pair names its two speakers."""
    claims = [said("a", "A", "Lena Brask"), said("b", "B", "Piet Vahl"), said("c", "C", "Tova Orm")]
    links = suggest_links(claims)
    assert {link.pair for link in links} == {
        frozenset(("a", "b")),
        frozenset(("b", "c")),
        frozenset(("a", "c")),
    }
    for link in links:
        assert re.match(
            r"\w+ \w+ \(outlet-[AB]\) and \w+ \w+ \(outlet-[BC]\), in the same words", link.rationale
        )


@pytest.mark.parametrize("verb", ["denied that", "rejected claims that"])
def test_a_denial_of_a_negation_contradicts_the_negation(verb):
    """ "Vahl denied that the ferry will not sail" says it will sail: a conflict with "will not sail",
    never a corroboration."""
    [link] = suggest_links(
        [said("a", "A", "Lena Brask", NOT_SAIL), said("b", "B", "Piet Vahl", NOT_SAIL, "denied", verb)]
    )
    assert link.relation == "contradicts"
    assert "Piet Vahl (outlet-B) denies" in link.rationale


def test_a_denial_of_a_negation_corroborates_the_assertion():
    """ "Vahl denied that the ferry will not sail" and "Brask said it will sail" say the same."""
    [link] = suggest_links(
        [said("a", "A", "Lena Brask", SAIL), said("b", "B", "Piet Vahl", NOT_SAIL, "denied", "denied that")]
    )
    assert link.relation == "corroborates"


def test_a_denial_still_contradicts_what_it_denies():
    """ "Vahl denied that the ferry will sail" against "Brask said it will sail": a conflict."""
    [link] = suggest_links(
        [said("a", "A", "Lena Brask", SAIL), said("b", "B", "Piet Vahl", SAIL, "denied", "denied that")]
    )
    assert link.relation == "contradicts"


def test_a_negation_the_extractor_marked_denied_is_not_turned():
    """ "Vahl said the ferry will not sail", marked denied by its own "not", agrees with Brask's "will not
    sail": only a denial verb turns a negation around."""
    [link] = suggest_links(
        [said("a", "A", "Lena Brask", NOT_SAIL), said("b", "B", "Piet Vahl", NOT_SAIL, "denied")]
    )
    assert link.relation == "corroborates"


@pytest.mark.parametrize(
    ("polarity", "verb"), [("question", "asked whether"), ("refused", "declined to say whether")]
)
@pytest.mark.parametrize("other", [SAIL, NOT_SAIL])
@pytest.mark.parametrize("speaker", ["Lena Brask", "Piet Vahl"])
def test_a_question_or_a_refusal_links_to_nothing(polarity, verb, other, speaker):
    """Asking, or declining to say, whether the ferry will sail neither confirms nor denies it, even in
    the same words and from the same speaker."""
    claims = [said("a", "A", "Lena Brask", other), said("b", "B", speaker, SAIL, polarity, verb)]
    assert suggest_links(claims) == []


@pytest.mark.parametrize("speaker", ["Lena Brask", "Piet Vahl"])
def test_a_held_belief_is_not_the_remark_its_words_repeat(speaker):
    """ "Brask believes the ferry will sail" and "Brask said the ferry will sail": linked as what she
    holds and what is said, not as one remark in the same words."""
    claims = [said("a", "A", "Lena Brask"), said("b", "B", speaker, SAIL, "position", "believes")]
    [link] = suggest_links(claims)
    assert link.relation == "corroborates"
    assert "in the same words" not in link.rationale
    assert f"{speaker} (outlet-B) holds \u201cthe night ferry" in link.rationale
    assert "Lena Brask (outlet-A) says" in link.rationale


def quoted(cid, article, content, polarity):
    sentence = f"\u201c{content},\u201d Lena Brask said."
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, "Lena Brask", direct=True, polarity=polarity)
    return linkable(cid, article, claim, sentence)


def test_one_speakers_quoted_run_links_whatever_the_quote_roots_polarity():
    """The extractor reads a quote's polarity at its root: a quote cut to its negated half is "denied",
    the whole one "asserted"; the run of words both give is still one remark of hers."""
    whole = "We could rebuild the pier over two summers, we did not need to hurry, but we would rather finish the new pier before the harbour fair in May"
    half = "We did not need to hurry, but we would rather finish the new pier before the harbour fair in May"
    [link] = suggest_links([quoted("a", "A", whole, "asserted"), quoted("b", "B", half, "denied")])
    assert link.relation == "corroborates"
    assert link.confidence >= 0.9, "as sure as one remark"
    assert link.rationale.startswith("Lena Brask, in outlet-A and outlet-B")


def test_words_that_carry_their_negation_contradict_the_assertion_whatever_the_mark():
    """ "Vahl said the ferry will not sail", stored asserted (its own words carry the negation), still
    conflicts with "Brask said it will sail": the linker reads the negation in the words."""
    [link] = suggest_links([said("a", "A", "Lena Brask", SAIL), said("b", "B", "Piet Vahl", NOT_SAIL)])
    assert link.relation == "contradicts"
    assert "Piet Vahl (outlet-B) says" in link.rationale


CONFIRM = "he could not confirm whether the night ferry to Osk had sailed from the north quay"


def test_one_refusal_reported_twice_corroborates_itself():
    """ "Vahl said he could not confirm whether ..." in two outlets: one refusal, which corroborates
    itself, though it corroborates or contradicts nothing said."""
    claims = [
        said("a", "A", "Piet Vahl", CONFIRM, "refused"),
        said("b", "B", "Piet Vahl", CONFIRM.replace("he could not", "he couldn't"), "refused"),
    ]
    [link] = suggest_links(claims)
    assert link.relation == "corroborates"
    other = said("c", "C", "Lena Brask", CONFIRM, "refused")  # another person's refusal is hers alone
    assert all("c" not in link.pair for link in suggest_links([*claims, other]))
