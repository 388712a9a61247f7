"""What is stored as a statement is one an editor can trust, on sentences we wrote: a quote hung on a verb
of no speech inside another source's words is not a second statement, and a name the tagger reads as a
verb is still the source."""

import pytest

from claims.extraction.types import StatementClaim


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Mayor Hale said a majority of voters have come to believe "that the tax is fair and we keep it."',
            "Hale",
        ),
        ('Ms. Ortiz said the governor favors a "strongman approach" to the strike.', "Ortiz"),
        ('The council said the families want "justice for the harbour workers," and nothing less.', None),
    ],
)
def test_a_quote_on_a_verb_of_no_speech_inside_another_statement_is_not_its_own(statements, text, speaker):
    """ "Hale said voters have come to believe "..."": the quoted words are Hale's statement about the voters,
    stored once under Hale; "believe", "favors", "want" say nothing the voters, the governor or the families
    told anyone, so no second statement is credited to them."""
    claims = statements(text)
    assert len(claims) == 1, [(c.text, c.speaker, c.cue and c.cue.text) for c in claims]
    assert claims[0].speaker == speaker
    assert claims[0].cue is not None and claims[0].cue.text == "said"


def test_a_quote_on_a_verb_of_speech_inside_another_statement_stays(statements):
    """The rule above leaves speech relayed inside a statement alone: 'Hale said Ortiz told him "we are done"'
    keeps Ortiz's quoted words as her statement."""
    claims = statements('Mayor Hale said Ms. Ortiz told him "we are done with the harbour board."')
    quoted = [c for c in claims if c.direct]
    assert [c.speaker for c in quoted] == ["Ortiz"], [(c.text, c.speaker) for c in claims]


def test_a_name_read_as_a_verb_before_a_time_phrase_is_the_source(statements):
    """ "Trump this week also said ...": the tagger reads "Trump" as the verb "trump" with "this week" hanging
    on it; the name is the source, and the time phrase is no part of its mention."""
    text = (
        "Mr. Hale is running for the Senate against Donald Trump. "
        "Trump this week also said he would consider naming Ruth Diaz to the court."
    )
    (claim,) = [c for c in statements(text) if "Diaz" in c.text]
    assert claim.speaker == "Donald Trump"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Trump"


def test_a_title_written_as_initials_is_its_holder(statements):
    """ "The A.G. said" after "Attorney General Tom Hale" is Hale; with no attorney general named before, it is
    an unnamed source with that role, never a body called "A.G."."""
    claims = statements(
        "Attorney General Tom Hale defended the ruling on Monday. "
        "The A.G. said he had misspoken at a 2008 event in Norfolk."
    )
    claim = _one(claims, "misspoken")
    assert claim.speaker == "Tom Hale"
    (claim,) = statements("The A.G. said he had misspoken at a 2008 event in Norfolk.")
    assert claim.speaker is None and claim.role == "attorney general"


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_quoted_name_given_inside_another_statement_stays_its_namers(statements):
    """To call something "a vanity project" is to say it is one: inside another source's words ("The towns
    said they will sue over what Governor Ortiz called "a vanity project"") the governor keeps her words."""
    claims = statements(
        'The two towns said they will sue over what Governor Ana Ortiz called "a vanity project."'
    )
    quoted = [c for c in claims if c.direct]
    assert [c.speaker for c in quoted] == ["Ana Ortiz"], [(c.text, c.speaker) for c in claims]


class _EveryGroup(dict):
    """A calibration table that puts every group at one share."""

    def __init__(self, share: float):
        super().__init__()
        self.share = share

    def __contains__(self, group: object) -> bool:
        return True

    def __getitem__(self, group: str) -> float:
        return self.share


def test_a_reported_statement_in_a_group_mostly_wrong_on_the_dev_set_is_not_stored(statements, monkeypatch):
    """With the calibration table in use, a reported statement whose group is right about one time in three or
    less (its stored lower bound under STORE_FLOOR) is left out; a quote is kept (its words are on the page),
    and while a table is being fitted nothing is left out."""
    from claims.extraction.statements import calibration

    reported = "Jon Berg said the harbour will reopen in June."
    quoted = '"The harbour will reopen in June," Jon Berg said.'
    monkeypatch.setattr(calibration, "_table", lambda: _EveryGroup(calibration.STORE_FLOOR - 0.01))
    assert statements(reported) == []
    assert [c.direct for c in statements(quoted)] == [True]
    monkeypatch.setattr(calibration, "_table", lambda: _EveryGroup(calibration.STORE_FLOOR))
    assert len(statements(reported)) == 1
    monkeypatch.setattr(calibration, "_table", lambda: None)
    assert len(statements(reported)) == 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The ad uses footage of Ana Ruiz asking, "Why is the harbour still closed?"', "Ana Ruiz"),
        ('The spot ends with footage of Tom Hale saying, "That makes me smart."', "Tom Hale"),
        ('A new video shows Mayor Tom Hale telling workers, "The harbour will stay closed."', "Tom Hale"),
    ],
)
def test_whom_a_recording_shows_speaking_is_the_speaker(statements, text, speaker):
    """ "The ad uses footage of Ana Ruiz asking, "..."": the parse hangs "asking" on "uses", so the ad looked
    like the speaker; the words are Ruiz's, the one the footage is of or the video shows."""
    (quote,) = [c for c in statements(text) if c.direct]
    assert quote.speaker == speaker


def test_a_quote_a_report_only_carries_stays_its_speakers(statements):
    """ "According to aides" around a quote ('"We have already lost," lamented Senator Tom Hale, according to
    people familiar with the remarks') relays Hale's words: the rule on quotes inside another source's words
    leaves a quote alone when every outer cue only reports or relays."""
    claims = statements(
        '"We have already lost," lamented Senator Tom Hale, Republican of Georgia, '
        "according to people familiar with the remarks."
    )
    quoted = [c for c in claims if c.direct]
    assert [c.speaker for c in quoted] == ["Tom Hale"], [(c.text, c.speaker) for c in claims]
