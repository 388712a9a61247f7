"""Who said it, on sentences we wrote (issue 14, branch stmt10b): a relative clause or a "who" finds the
person it belongs to, pronouns follow the people the last sentences name, a description never goes to a
person holding another office, names and roles are no fragments, and "according to" a measure is no source.
"""

import pytest

from claims.extraction.statements.speakers import descriptor_split, owned_person
from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str | None, str]]:
    return [
        (c.speaker, c.speaker_mention.text if c.speaker_mention else None, c.role, c.text[:40])
        for c in claims
    ]


def test_a_relative_clause_of_the_sentence_before_is_not_the_subject(statements):
    """A ", which ..." that ends the sentence before (which the parse may run into the next paragraph) is no
    relative clause on this cue's subject: the lawyer named in apposition said it, not "the minutes"."""
    text = (
        'Hale was "warned by port officials to delay the vote" by the council, according to the minutes, which '
        'refer to the council as "Group 4."\n\n'
        'Hale\'s lawyer, Maria Gonzalez, said in a statement that "there was no wrongdoing" and that the charges '
        'were "a clear attempt at silencing Tom."'
    )
    claim = one_with_text(statements(text), "there was no wrongdoing")
    assert claim.speaker == "Maria Gonzalez", _said([claim])
    assert claim.speaker_mention is not None and "Gonzalez" in claim.speaker_mention.text


def test_a_quote_keeps_the_source_its_according_to_phrase_names(statements):
    """'Hale was "...," according to Maria Gonzalez': the quote replaces the clause read around the cue, and
    keeps the source that clause found."""
    text = (
        'The mayor was "warned by port officials to delay the vote" last year, according to Maria Gonzalez.\n\n'
        "She said the vote was fair."
    )
    claim = one_with_text(statements(text), "warned by port officials")
    assert claim.speaker == "Maria Gonzalez", _said([claim])


@pytest.mark.parametrize("comma", ["", ","])
def test_who_after_a_name_is_that_person_not_the_noun_the_parse_hangs_it_on(statements, comma):
    """ "drew the anger of Mayor Joan Okafor who said": "who" is the mayor, never "the anger of ..."."""
    text = f"The plan also drew the anger of Mayor Joan Okafor{comma} who said the fees would drive fishermen away."
    claim = one_with_text(statements(text), "drive fishermen away")
    assert claim.speaker == "Joan Okafor", _said([claim])
    assert claim.role == "Mayor"


def test_a_sentence_opener_is_no_part_of_a_name(statements):
    """ "Following Gonzalez's news conference": the NER takes the participle into the name, which must not
    become a person of its own that later mentions of Gonzalez resolve to."""
    text = (
        "Rosa Gonzalez said on Monday that the fees were too high.\n\n"
        "Following Gonzalez's news conference, the union pounced on the board's plan.\n\n"
        "Gonzalez said the board should resign."
    )
    claim = one_with_text(statements(text), "the board should resign")
    assert claim.speaker == "Rosa Gonzalez", _said([claim])


def test_a_bodys_possessive_before_a_name_is_the_persons_employer(statements):
    """ "Twitter's Adam Sharp" (which the NER may take for one work or body) is Adam Sharp, of Twitter."""
    assert owned_person("Twitter's Adam Sharp") == ("Adam Sharp", "Twitter")
    assert owned_person("Trump's Border Wall") is None  # no given name: a thing
    assert owned_person("Harbour's Chief Officer") is None  # a title
    claim = one_with_text(
        statements('"The fees are fair," Harbourline\'s Peter Vance wrote.'), "fees are fair"
    )
    assert (claim.speaker, claim.role) == ("Peter Vance", "Harbourline"), _said([claim])


def test_a_bodys_name_is_no_title_and_name():
    """ "Republican National Committee" is a body, not a Republican called "National Committee"; "Spokesperson
    Marie Harf" stays a titled person."""
    assert descriptor_split("Republican National Committee") is None
    assert descriptor_split("Spokesperson Marie Harf") == ("Marie Harf", "Spokesperson")


def test_the_president_is_not_the_vice_president(statements):
    """ "the president" is nobody whose title is "Vice President", and a name in apposition to a name is
    another person, not a role."""
    text = (
        "Vice President Peter Vance and the mayor's adviser, John Fisher, met the unions. The unions walked "
        "out. The president said he would not sign the bill."
    )
    claim = one_with_text(statements(text), "would not sign the bill")
    assert claim.speaker is None and claim.role == "president", _said([claim])
    text = "Vice President Peter Vance said the talks would resume. The vice president said he was hopeful."
    claim = one_with_text(statements(text), "he was hopeful")
    assert claim.speaker == "Peter Vance" and claim.role == "Vice President", _said([claim])


def test_a_former_official_is_not_whoever_spoke_last(statements):
    """ "The former official" after an unnamed investigator is an unnamed former official, not the named
    person who spoke before (who holds no former office)."""
    text = (
        "Karen Miller said the fees were legal.\n\n"
        "A former harbour police investigator said the fees were illegal. The former official said the board "
        "should have called the police."
    )
    claim = one_with_text(statements(text), "should have called the police")
    assert claim.speaker is None and claim.role == "former official", _said([claim])


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before(statements):
    """With nobody speaking before, "He" after "Paul Grant visited Tom Hale" is Grant, the subject."""
    claim = one_with_text(
        statements(
            "Paul Grant visited Tom Hale at the harbour on Friday. He said the vote would be delayed."
        ),
        "the vote would be delayed",
    )
    assert claim.speaker == "Paul Grant", _said([claim])


def test_a_pronoun_shifts_to_the_only_person_of_the_sentence_before_who_fits(statements):
    """ "Karen Miller met Peter Vance on Tuesday. He said": Miller cannot be "he", so Vance is, not the man
    who spoke two paragraphs before."""
    text = (
        "Senator Mark Lee said the port would reopen in May.\n\n"
        "Karen Miller met Peter Vance on Tuesday. He said the talks went well."
    )
    claim = one_with_text(statements(text), "the talks went well")
    assert claim.speaker == "Peter Vance", _said([claim])
    text = "Senator Mark Lee said the port would reopen in May.\n\nKaren Miller met Peter Vance. She said it went well."
    assert one_with_text(statements(text), "it went well").speaker == "Karen Miller"


def test_a_subject_of_a_clause_the_parse_joins_to_the_sentence_before_is_nearer(statements):
    """A person who opens a paragraph the parse joins to the quote before ('... law."\\n\\nDover Mayor Tom Hale,
    who ..., also called for ...') is who "he" is next, not the senator who spoke before."""
    text = (
        'Senator Mark Lee said on Sunday that the report should be public. "The mayor works for the people, and '
        'he is not above the law."\n\n'
        "Dover Mayor Tom Hale, who has seen his support grow in recent days, also called for the full report to "
        "be released. And in an interview on the radio, he pointed to the next election as the best way to oust "
        "the board."
    )
    claim = one_with_text(statements(text), "the next election")
    assert claim.speaker == "Tom Hale", _said([claim])


def test_they_is_the_group_the_sentence_before_names(statements):
    """ "House Democrats have argued ... They add": an unnamed source with the group's role; a count is no
    part of a role ("Several local fishermen" are local fishermen)."""
    text = (
        "Harbour Democrats have argued that the fees hurt fishermen. They add that the board ignored three "
        "letters."
    )
    claim = one_with_text(statements(text), "ignored three letters")
    assert claim.speaker is None and claim.role == "Harbour Democrats", _said([claim])
    text = "Several local fishermen have complained that the fees are too high. They say the board lied."
    claims = statements(text)
    assert one_with_text(claims, "too high").role == "local fishermen"
    assert one_with_text(claims, "the board lied").role == "local fishermen"
    text = "The fees have gone up twice this year. They say the board lied."
    assert one_with_text(statements(text), "the board lied").role is None  # fees are no group of people


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Rep. Mark Lee, R-Texas, said the bill was fair.", "Rep."),
        ("Rep. Joan Okafor (D-Md.) said the bill was fair.", "Rep."),
        ("Mark Lee, R-Texas, said the bill was fair.", "R-Texas"),
        ("A more cheerful Tom Hale said on Monday that the bill was fair.", None),
    ],
)
def test_a_party_tag_or_a_mood_is_no_better_role_than_the_title(statements, text, role):
    """The title before the name is the role, before a party tag after it; adjectives alone are none."""
    claim = one_with_text(statements(text), "the bill was fair")
    assert claim.role == role, _said([claim])


def test_two_people_joined_by_and_speak_together(statements):
    """ "Senate President Ana Ruiz and House Speaker Tom Hale, both Republicans, said": nobody alone but the two
    together, their titles as the role, and "both Republicans" is the pair's party, not Hale's role."""
    text = (
        "On Monday, Senate President Ana Ruiz and House Speaker Tom Hale, both Republicans, said the fees were "
        'fair. "We will not change them," Hale said.'
    )
    claims = statements(text)
    pair = one_with_text(claims, "the fees were fair")
    assert (pair.speaker, pair.speaker_kind, pair.role) == (
        "Ana Ruiz and Tom Hale",
        "joint",
        "Senate President Ana Ruiz and House Speaker Tom Hale",
    ), _said(claims)
    quote = one_with_text(claims, "We will not change them")
    assert (quote.speaker, quote.role) == ("Tom Hale", "House Speaker"), _said(claims)


def test_according_to_a_measure_is_no_source(statements):
    """ "calculated according to a boat's length" is how, not who says so; "according to a count by the
    Dover Gazette" is the Gazette's."""
    text = "The harbour fee caps repairs because they are calculated according to a boat's length."
    assert statements(text) == []
    text = "The fee rose sharply in May, according to a count by the Dover Gazette."
    claim = one_with_text(statements(text), "rose sharply")
    assert claim.speaker == "Dover Gazette", _said([claim])


@pytest.mark.parametrize(
    ("text", "words", "role"),
    [
        (
            "Tom Hale was expected to be charged on Monday, two of the people said.",
            "expected to be charged",
            "people",
        ),
        ("The mayor was furious, according to one of his aides.", "The mayor was furious", "aides"),
        ("The two have repeatedly said they would support the plan.", "support the plan", None),
    ],
)
def test_a_count_is_no_name(statements, text, words, role):
    """ "two of the people", "one of his aides", "the two": an unnamed source whose role is the group counted
    from, never a body called "two of the people"."""
    claim = one_with_text(statements(text), words)
    assert (claim.speaker, claim.speaker_kind, claim.role) == (None, "unnamed", role), _said([claim])


def test_an_age_is_whoever_the_article_was_quoting(statements):
    """ "the 43-year-old said" is the person just quoted, not a body or a role called "old"."""
    text = '"We will fight," said Senator Tom Hale. "We will win," the 43-year-old said.'
    claim = one_with_text(statements(text), "We will win")
    assert claim.speaker == "Tom Hale", _said([claim])


def test_a_date_or_a_dateline_is_not_the_source(statements):
    """The parse may make a dateline ("WASHINGTON \u2015") or a date ("Long on Monday", the surname read as an
    adverb) the subject: the source is the name after the dash, the person before the date."""
    text = (
        "WASHINGTON \u2015 President Tom Hale on Tuesday renewed his attack on the department, and said a top "
        "aide had lied."
    )
    claim = one_with_text(statements(text), "a top aide had lied")
    assert claim.speaker == "Tom Hale", _said([claim])
    text = (
        "DOVER, Del. \u2014 Delaware Attorney General Ana Ruiz is defending herself against a report that she "
        "misstated her record."
    )
    claim = one_with_text(statements(text), "misstated her record")
    assert claim.speaker == "Ana Ruiz", _said([claim])
    text = (
        "David Long said the law was fair.\n\n"
        "Long on Monday also denied that a clarification of the law would be needed."
    )
    claim = one_with_text(statements(text), "clarification of the law")
    assert claim.speaker == "David Long" and claim.speaker_mention is not None, _said([claim])
    assert claim.speaker_mention.text == "Long"


def test_a_hyphenated_name_and_a_glued_sentence(statements):
    """ "Mr. Campa-Najjar" is one name though the NER took half of it; "according to CNN.He called" (a
    sentence glued on by the scraper) is CNN."""
    claims = statements(
        '"It has gone too far," Mr. Campa-Najjar said in a statement. "It is corrupt," he added.'
    )
    assert {c.speaker for c in claims} == {"Campa-Najjar"}, _said(claims)
    text = 'The fees rose sharply in May, according to CNN.He called it "the easy route."'
    claim = one_with_text(statements(text), "rose sharply")
    assert claim.speaker == "CNN", _said([claim])


def test_one_party_member_described_is_no_government(statements):
    """ "the Senate's top Democrat" is one Democrat (unnamed here: the senator named before is of no party the
    article gives), never a government called "Democrat"."""
    text = (
        '"We will fight," said Senator Tom Hale. The bill passed, but the Senate\'s top Democrat said he '
        "objected to it."
    )
    claim = one_with_text(statements(text), "he objected to it")
    assert (claim.speaker, claim.speaker_kind, claim.role) == (None, "unnamed", "top Democrat"), _said(
        [claim]
    )


def test_the_woman_is_somebody_known_to_be_a_woman(statements):
    """ "The woman told ..." falls back only to a person the article shows is a woman, never to a name of no
    known gender (a given name of both, or a company the NER took for a person)."""
    text = (
        "Councillor Jordan Blake said the account was hacked. The photo was sent to a student in Dover. The woman "
        "told the Dover Gazette that she had never met Hale."
    )
    claim = one_with_text(statements(text), "never met Hale")
    assert claim.speaker is None, _said([claim])
    text = (
        "Karen Miller, a student in Dover, got the photo. The woman told the Dover Gazette that she had never met "
        "Hale."
    )
    assert one_with_text(statements(text), "never met Hale").speaker == "Karen Miller"


def test_the_administration_is_the_presidents(statements):
    """ "The administration has argued" in an article about President Hale is the Hale administration; with no
    sitting president named (a vice president, a former one) it stays an unnamed government."""
    text = (
        "President Tom Hale vetoed the harbour bill on Friday. The administration has argued that the bill would "
        "put workers at risk."
    )
    claim = one_with_text(statements(text), "put workers at risk")
    assert (claim.speaker, claim.speaker_kind) == ("Hale administration", "government"), _said([claim])
    text = (
        "Vice President Tom Hale and former President Ana Ruiz met on Friday. The administration has argued that "
        "the bill would put workers at risk."
    )
    assert one_with_text(statements(text), "put workers at risk").speaker is None


def test_whom_a_video_shows_speaking_somewhere_is_the_speaker(statements):
    """ "video of him at a 2008 event saying ...": the place the footage was taken is passed over, and the
    words are his, not the report's that includes the video."""
    text = (
        "Tom Hale is defending himself against a report that he misstated his record.\n\n"
        "Hale's campaign called a Dover Gazette report which includes video of him at a 2008 event saying he "
        'had served "in Vietnam" an "outrageous distortion" of his record.'
    )
    claim = one_with_text(statements(text), "he had served")
    assert claim.speaker == "Tom Hale" and claim.speaker_mention is not None, _said([claim])
    assert claim.speaker_mention.text == "him"


def test_a_dateline_before_a_long_title_is_not_the_source(statements):
    """ "DOVER, Del. — Delaware Attorney General and Senate candidate Ana Ruiz is defending herself": the
    person the title phrase after the dash ends in, however the parse joins the titles."""
    text = (
        "DOVER, Del. \u2014 Delaware Attorney General and U.S. Senate candidate Ana Ruiz is defending herself "
        "against a report that she misstated her record."
    )
    claim = one_with_text(statements(text), "misstated her record")
    assert claim.speaker == "Ana Ruiz", _said([claim])


def test_a_pronoun_prefers_a_person_known_to_fit(statements):
    """With nobody speaking before, "She" after "Jordan Blake met spokeswoman Karen Miller" is Miller, known to be a
    woman, before the subject whose given name is both a man's and a woman's."""
    text = "Jordan Blake met spokeswoman Karen Miller on Monday. She said the talks went well."
    assert one_with_text(statements(text), "the talks went well").speaker == "Karen Miller"


def test_a_former_office_elsewhere_does_not_hide_a_title(statements):
    """ "Rep. Tom Hale, a former FBI agent" is still "the congressman": the office markers of one role
    (former agent) are not those of another (Rep.)."""
    text = (
        "Rep. Tom Hale, a former FBI agent, was asked about the investigation. Then, the congressman, speaking "
        'in a whisper, said the reporter was "not man enough."'
    )
    assert one_with_text(statements(text), "not man enough").speaker == "Tom Hale"
