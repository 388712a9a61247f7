"""Who said it and where the words end, on sentences we wrote (issue 14, branch stmt9b): a described subject
of a relative clause is the name it describes, a document is whoever issued it, "the official" after an
unnamed official is that unnamed official, and a clause keeps the subject the parse hung on its cue."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str]]:
    return [(c.speaker, c.speaker_mention.text if c.speaker_mention else None, c.text) for c in claims]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Harbour Watch, a small conservation group in Dover that has long argued that the pier is unsafe, "
            "said on Monday that the port would lose money.",
            "the pier is unsafe",
            "Harbour Watch",
        ),
        (
            "Ana Ruiz, a former mayor of Dover and teacher who has argued that the pier is unsafe, spoke at the "
            "meeting.",
            "the pier is unsafe",
            "Ana Ruiz",
        ),
    ],
)
def test_a_described_subject_of_a_relative_clause_is_the_name_it_describes(statements, text, words, speaker):
    """ "Harbour Watch, a group that has argued ...": the relative clause's subject is the description, which
    stands for the name it is in apposition to; the source is that name, never an unnamed "group that"."""
    claims = statements(text)
    claim = one_with_text(claims, words)
    assert claim.speaker == speaker, _said([claim])
    for other in claims:  # no source's mention holds what the clause says
        assert other.speaker_mention is None or words not in other.speaker_mention.text, _said(claims)


def test_who_hung_on_a_place_is_the_person_before_it(statements):
    """ "Tom Hale, a candidate in Maryland's 3rd District, who said ...": the parse hangs "who" on the
    district, but a district says nothing; the speaker is Hale, whose mention stops before the clause, and
    what he said keeps the subject the parse hung on "said" ("voters ... were angry", not "were angry")."""
    text = (
        '"The port will lose money," said Tom Hale, a Republican candidate in Maryland\'s 3rd District, who '
        "said voters at a meeting were angry about the pier."
    )
    claims = statements(text)
    quote = one_with_text(claims, "The port will lose money")
    assert quote.speaker == "Tom Hale"
    assert quote.speaker_mention is not None and "voters" not in quote.speaker_mention.text
    reported = one_with_text(claims, "angry about the pier")
    assert reported.speaker == "Tom Hale"
    assert reported.text.startswith("voters at a meeting"), _said([reported])
    # whom something was told is no subject of what was said
    (told,) = statements("Mayor Ana Ruiz told Tom Hale that she would resign.")
    assert told.text == "that she would resign"


LETTER = (
    "Mayor Ana Ruiz said on Monday that the port would reopen in May.\n\n"
    "On Tuesday, the owners of nine harbour shops sent a letter to Ruiz asking her to delay the vote.\n\n"
    '"We are deeply worried about the pier," the letter said.'
)


def test_the_letter_is_whoever_sent_it_not_whoever_spoke_last(statements):
    """ "the letter said" after "the owners ... sent a letter to Ruiz": the letter is the owners' (an unnamed
    source with their role), not the mayor's, who spoke last and to whom it was sent."""
    claim = one_with_text(statements(LETTER), "deeply worried")
    assert claim.speaker is None and claim.role is not None and "owners" in claim.role, _said([claim])


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Harbour Gazette first reported on Monday that the pier was unsafe.\n\n"
            "According to the report, engineers found cracks in the pier in 2019.",
            "engineers found cracks",
            "Harbour Gazette",
        ),
        (
            "Tom Hale said in a statement that he would vote against the plan.\n\n"
            "Mayor Ana Ruiz said the vote would be held in May.\n\n"
            "The statement also said the city had no plan for the pier.",
            "no plan for the pier",
            "Tom Hale",
        ),
        ("Taylor's letter said the pier would close in June.", "pier would close", "Taylor"),
        (
            "A Harbour Gazette report said the pier would close in June.",
            "pier would close",
            "Harbour Gazette",
        ),
    ],
)
def test_a_document_is_its_issuers(statements, text, words, speaker):
    """A report, statement or letter says what its issuer says: the outlet that "first reported" it, who "said
    in a statement" (not the mayor who spoke since), the possessor ("Taylor's letter") or the name written
    before it ("a Harbour Gazette report")."""
    claim = one_with_text(statements(text), words)
    assert claim.speaker == speaker, _said([claim])


def test_the_official_after_an_unnamed_official_is_unnamed(statements):
    """ "A spokesperson for Ruiz fired back ... The spokesperson also said": the description refers to the
    unnamed spokesperson introduced before, not to the named person who spoke last (Hale); after "Dmitry
    Peskov, a spokesman for the governor", "the spokesman" is Peskov."""
    text = (
        "Harbour Watch director Tom Hale said the plan would fail.\n\n"
        "A spokesperson for Mayor Ana Ruiz fired back on Tuesday. The spokesperson also said the port was "
        "safe.\n\n"
        "Dmitry Peskov, a spokesman for the governor, said the bridge was safe. The spokesman said the work "
        "would end soon."
    )
    claims = statements(text)
    unnamed = one_with_text(claims, "the port was safe")
    assert unnamed.speaker is None and unnamed.role == "spokesperson", _said([unnamed])
    assert one_with_text(claims, "the work would end soon").speaker == "Dmitry Peskov"


def test_reports_by_a_common_noun_have_no_issuer(statements):
    """ "Media reports said": a capitalised common noun (which the tagger may even call an organisation) before
    a document is no body that issued it; the source stays unnamed."""
    (claim,) = statements("Media reports said on Monday that a Russian aircraft had landed in Dover.")
    assert claim.speaker is None, _said([claim])


def test_a_report_is_never_the_last_person_who_spoke(statements):
    """ "According to the report" with no report mentioned before: an outlet's or an office's document, so
    an unnamed source, not the lawyer who spoke last (a statement, which people issue, still is theirs)."""
    text = (
        "Tom Hale, a lawyer for the port, said on Monday that the pier was safe.\n\n"
        "According to the report, engineers found cracks in the pier in 2019."
    )
    claim = one_with_text(statements(text), "engineers found cracks")
    assert claim.speaker is None, _said([claim])


def test_a_paragraph_the_parse_runs_into_the_last_keeps_its_own_speaker(statements):
    """The parse may run a paragraph into the one before and find its cue's subject there ("Hale" of the
    first paragraph for "complained"); the name that opens the cue's own paragraph, an aside before the cue,
    is the speaker ("Ms. Ruiz, reading the draft, complained, ..."), not nobody."""
    text = (
        'Maryland Gov. Tom Hale, in a written statement, said: "Bridges require money to stay up."\n\n'
        'Ms. Ruiz, reading the latest draft, complained in an e-mail, "These changes do not resolve my '
        'concerns."'
    )
    claim = one_with_text(statements(text), "do not resolve my concerns")
    assert claim.speaker == "Ruiz" and claim.speaker_mention is not None, _said([claim])
    assert claim.speaker_mention.text == "Ms. Ruiz"


def test_the_president_after_a_president_is_still_the_one_named(statements):
    """A title one person holds is no unnamed source because the article spoke of "a future president":
    "The president" stays the president it named."""
    text = (
        "President Ana Ruiz signed the port bill on Friday. Critics said a future president could use the "
        "law to close any harbour.\n\n"
        "The president said that the pier would reopen in May."
    )
    claim = one_with_text(statements(text), "pier would reopen")
    assert claim.speaker == "Ana Ruiz", _said([claim])


def test_a_statement_from_a_named_source_is_theirs_later_too(statements):
    """ "the statement from Hale's attorney, Ann Smith" names its issuer; "The statement said" after it, and
    again after that, is still Smith's, not nobody's."""
    text = (
        '"We are disappointed by the decision," said the statement from Hale\'s attorney, Ann Smith. "We will '
        'appeal."\n\n'
        'The statement said Hale "asserts his innocence" and "will be vindicated."\n\n'
        '"Until then, he will keep serving the people of Dover," the statement said.'
    )
    claims = statements(text)
    assert one_with_text(claims, "asserts his innocence").speaker == "Ann Smith", _said(claims)
    assert one_with_text(claims, "Until then").speaker == "Ann Smith", _said(claims)


def test_a_name_with_a_relative_clause_is_the_source_not_the_description_before_it(statements):
    """ "Another leading Democrat, Sen. Ana Ruiz of Maryland, who criticized ...": the relative clause hangs on
    the name, which is the source; the description before it names nobody. ("who announced her bid" is a deed
    since acts13, no statement.)"""
    text = "Another leading Democrat, Sen. Ana Ruiz of Maryland, who criticized the toll on Monday, spoke in Dover."
    claim = one_with_text(statements(text), "the toll")
    assert claim.speaker == "Ana Ruiz", _said([claim])
