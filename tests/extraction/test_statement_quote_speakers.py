"""Who speaks a direct quote (issue 14, branch stmt12e), on sentences we wrote: a participle cue after a
relative or wh- clause is said by the sentence's own subject; a quoted sentence's subject never speaks it."""

import pytest

from tests.extraction_support import one_with_text as _by_text
from tests.extraction_support import said as _said


@pytest.mark.parametrize(
    ("text", "words", "speaker", "mention"),
    [
        (
            "Mayor Tom Hale was defensive when forced to defend not paying a builder who said he was stiffed after "
            'he built the pier, saying, "Maybe he did not do a good job, and I was not satisfied with his work."',
            "Maybe he did not do a good job",
            "Tom Hale",
            "Mayor Tom Hale",
        ),
        (
            "Dozens of ferry workers marched around the harbour - where the city's rowing club trained on Sunday - "
            'while chanting, "Open the pier now, open it now."',
            "Open the pier now",
            None,
            "Dozens of ferry workers",
        ),
    ],
)
def test_a_participle_after_a_relative_clause_is_said_by_the_sentence_subject(
    statements, text, words, speaker, mention
):
    """The parse hangs ", saying" or "while chanting" on the verb of the relative or wh- clause before it ("who
    said he was stiffed", "where the club trained"); the participle goes with the sentence's own clause, so
    the builder and the club are not who speaks."""
    claim = _by_text(statements(text), words)
    assert claim.direct
    assert claim.speaker == speaker, _said([claim])
    assert claim.speaker_mention is not None and claim.speaker_mention.text == mention


def test_a_participle_with_its_own_relative_subject_keeps_it(statements):
    """A relative clause whose own verb speaks keeps its speaker: the builder is who said he was stiffed."""
    text = "Mayor Tom Hale refused to pay a builder, Ana Ruiz, who said she was stiffed after she built the pier."
    claim = _by_text(statements(text), "stiffed")
    assert claim.speaker == "Ana Ruiz", _said([claim])


def test_a_quoted_sentence_subject_is_not_the_speaker(statements):
    """'treating the remark as a joke -- "That makes me rich" -- and ..., asserting, "..."': the parse takes
    "That", the subject inside the first quote, for the source of both; who speaks is the sentence's subject."""
    text = (
        "Mr. Lund hardly settled the matter, treating the mayor's remark first as a joke -- ''That makes me "
        "rich'' -- and, when questioned after the debate, asserting, ''Of course, I pay my harbour fees.''"
    )
    claims = statements(text)
    for words in ("That makes me rich", "I pay my harbour fees"):
        claim = _by_text(claims, words)
        assert claim.speaker == "Lund", _said([claim])
        assert claim.speaker_mention is not None and claim.speaker_mention.text == "Mr. Lund"


def test_a_quoted_name_as_the_cue_subject_stays_the_speaker(statements):
    """A name in quotation marks that is the cue's own subject ('"Harbour Watch" said') is who speaks."""
    text = 'The group "Harbour Watch" said on Monday that the pier would need new pilings before winter.'
    claim = _by_text(statements(text), "the pier would need new pilings")
    assert claim.speaker_mention is not None and "Harbour Watch" in claim.speaker_mention.text, _said([claim])


def test_a_courtesy_title_never_resolves_to_a_namesake_of_the_other_gender(statements):
    """ "Mr. Lund said ..." in an article that names only "his wife, Maria Lund" in full: the man is somebody
    the article names by surname only, never Maria Lund (her first name contradicts "Mr.")."""
    text = (
        '"Our harbour is on the ballot," Mr. Lund said on Saturday at the dinner.\n\n'
        "The campaign plans to send Mr. Lund and his wife, Maria Lund, to every pier town this fall."
    )
    claim = _by_text(statements(text), "Our harbour is on the ballot")
    assert claim.speaker != "Maria Lund", _said([claim])
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Mr. Lund"


def test_a_courtesy_title_that_fits_keeps_the_full_name(statements):
    """ "Ms. Lund said ..." after "Maria Lund" is Maria Lund."""
    text = (
        "Maria Lund, the harbour director, spoke first.\n\n"
        '"Our harbour is on the ballot," Ms. Lund said on Saturday at the dinner.'
    )
    claim = _by_text(statements(text), "Our harbour is on the ballot")
    assert claim.speaker == "Maria Lund", _said([claim])


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        (
            "Even before the mayor landed in Dover on Wednesday, she found herself in a war of words with the "
            'former governor Tom Hale \u2013 who went on a tear declaring the mayor "not welcome" in the town.',
            "the mayor",
            "Tom Hale",
        ),
        (
            "The letter quotes the harbour guild, which wrote several letters to the council saying "
            '"a fair budget cannot rely on cuts to the ferry."',
            "a fair budget cannot rely",
            "the harbour guild",
        ),
    ],
)
def test_a_participle_inside_the_relative_clause_is_the_relative_clause_source(
    statements, text, words, mention
):
    """A participle the relative clause itself runs on to, with no comma or dash before it ("who went on a
    tear declaring ...", "which wrote letters saying ..."), is said by the relative clause's source."""
    claims = statements(text)
    found = [c for c in claims if c.text.startswith(words)]
    assert len(found) == 1, _said(claims)
    assert found[0].speaker_mention is not None and mention in found[0].speaker_mention.text, _said(claims)
