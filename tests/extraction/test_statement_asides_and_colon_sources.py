"""Quotes the extractor lost for the shape of their attribution (issue 14, branch stmt14e), on sentences we
wrote: a participle aside between the source and "said", which the parse takes for the cue's clause; and a
quotation given after a person's name and a colon, as roundups and newsletters quote people."""

import pytest

from tests.extraction_support import none_with_text as _none_with
from tests.extraction_support import one_with_text as _by_text
from tests.extraction_support import said as _said


@pytest.mark.parametrize(
    "source",
    [
        "But Sen. Tom Hale (D-Maine), noting the size of the union's membership,",
        "But Sen. Tom Hale, pointing to the size of the union's membership,",
        "Tom Hale, the union's treasurer, noting how many pilots had signed up,",
    ],
)
def test_a_participle_aside_before_said_leaves_the_quote_to_its_source(statements, source):
    """'Sen. Hale (D-Maine), noting the size of ..., said, "..."': the parse may make the aside the cue's clause
    (or the sentence's root) and leave "said" without a subject; the aside describes the speaker, so the quote
    is his, and neither the aside nor his name is part of his words."""
    text = (
        "The strike has lasted three weeks.\n\n"
        f'{source} said, "They have a big list, and if they use it well, the port will listen."'
    )
    claims = statements(text)
    claim = _by_text(claims, "the port will listen")
    assert claim.speaker == "Tom Hale" and claim.direct, _said(claims)
    assert "Hale" not in claim.text and "said" not in claim.text, _said(claims)


def test_a_clause_before_said_with_no_aside_is_not_given_a_speaker_from_elsewhere(statements):
    """Only an aside set off by commas right before the cue lends its subject: a narrated clause with a verb of its
    own before ", said" is not the speaker's description."""
    text = (
        "The strike has lasted three weeks.\n\n"
        '"The port will listen," said the union, which the pilots joined last spring.'
    )
    claims = statements(text)
    claim = _by_text(claims, "The port will listen")
    assert claim.speaker != "pilots", _said(claims)


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ('Ana Ruiz: "The board will meet the pilots on Friday, and we expect a deal by June."', "Ana Ruiz"),
        (
            'PILOTS DIG IN - Tom Hale: "We are not going back until the board talks to us about the fares."',
            "Tom Hale",
        ),
        (
            'Sen. Ana Ruiz: "Nobody wants a strike in the middle of the summer season, least of all the pilots."',
            "Ana Ruiz",
        ),
    ],
)
def test_a_name_and_a_colon_before_a_quote_give_its_source(statements, line, speaker):
    """'Ana Ruiz: "..."', 'PILOTS DIG IN - Tom Hale: "..."': a person's name alone before the colon (at the
    paragraph's start or after a dash) is who said the quote."""
    text = f"The harbour pilots walked out on Monday after talks with the port broke down.\n\n{line}"
    claims = statements(text)
    quoted = line.split('"')[1]
    claim = _by_text(claims, quoted[:25])
    assert claim.speaker == speaker and claim.direct, _said(claims)
    assert speaker not in claim.text, _said(claims)
    # the kicker before the dash is neither part of the name's mention nor a role
    assert claim.speaker_mention is not None and "DIG" not in claim.speaker_mention.text, (
        claim.speaker_mention
    )
    assert not claim.role or "DIG" not in claim.role, claim.role


@pytest.mark.parametrize(
    "line",
    [
        'The answer: "Nobody on the board has read the report about the fares."',
        'UPDATE: "Nobody on the board has read the report about the fares."',
        'Harbour Authority: "Nobody on the board has read the report about the fares."',
    ],
)
def test_no_person_before_the_colon_gives_no_colon_source(statements, line):
    """A label, a description or a body's name before the colon is not taken for a person who spoke: the quote
    gets no speaker from it."""
    text = f"The harbour pilots walked out on Monday after talks with the port broke down.\n\n{line}"
    claims = statements(text)
    found = [c for c in claims if "Nobody on the board" in c.text]
    assert all(c.speaker in (None, "") for c in found), _said(claims)


def test_a_colon_source_needs_the_name_alone(statements):
    """Words of the writer's before the name ("Here is Hale's answer:") are narration; the rule takes only a name
    that stands alone before the colon."""
    text = (
        "The harbour pilots walked out on Monday after talks with the port broke down.\n\n"
        'The pilots were angry at Tom Hale: "a board that never listens," one of them wrote on a sign.'
    )
    claims = statements(text)
    _none_with([c for c in claims if c.speaker == "Tom Hale"], "never listens")


def test_a_headline_name_on_a_topic_is_the_source_not_the_topic(statements):
    """'Hale on Ferry Strike: The Pilots Are "Right to Be Angry."': the headline convention "Speaker on Topic:
    what they said" names its speaker before "on"; the topic is not who spoke."""
    text = (
        "Hale on Ferry Strike: The Pilots Are 'Right to Be Angry.'\n\n"
        "The mayor spoke to reporters at the harbour on Friday afternoon, a week after the pilots walked out."
    )
    claims = statements(text)
    claim = _by_text(claims, "Right to Be Angry")
    assert claim.speaker == "Hale", _said(claims)
    assert "Ferry Strike" not in claim.text, _said(claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor made no mention of Tom Hale, who said he is leaving the race for the harbour board.",
        "Ana Ruiz praised the pilots but ignored Tom Hale, who said he is leaving the race for the harbour board.",
    ],
)
def test_a_named_persons_who_said_aside_is_their_statement(statements, sentence):
    """ "..., Tom Hale, who said he is leaving the race": a relative clause set off by a comma after a person's
    name is the writer's aside about him, so what it says he said is his statement, even inside a clause that
    tells of someone else (here an act of the mayor's that stores nothing, or another person's deeds)."""
    claims = statements(f"The harbour board election is in June.\n\n{sentence}")
    claim = _by_text(claims, "he is leaving the race")
    assert claim.speaker == "Tom Hale", _said(claims)


def test_a_who_clause_without_a_comma_is_not_taken_as_an_aside(statements):
    """A restrictive clause ("the pilot who said ...") picks out somebody; it is no aside on a named person, and
    the rule leaves what the sentence's own source says untouched."""
    text = (
        "The harbour board election is in June.\n\n"
        "Ana Ruiz said the pilots who said they would strike had been misled by the union."
    )
    claims = statements(text)
    claim = _by_text(claims, "had been misled")
    assert claim.speaker == "Ana Ruiz", _said(claims)
