"""What is stored as a statement is something somebody said, on sentences we wrote (issue 14, branch stmt11a):
putting out a post, a picture or a document, declaring an emergency, siding with somebody, and what records,
emails or signs show are no statements; a statement somebody puts out speaks for them."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import none_with_text, one_with_text, said


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Tom Hale tweeted a photo of himself at the harbour on Monday.",
        "Ana Ruiz posted several screenshots of the messages on Monday.",
        "Governor Tom Hale declared a state of emergency on the coast on Friday.",
        "The dock workers union has sided with the ferry operators in the dispute.",
        "Tom Hale quickly scuttled his plans for a second term.",
    ],
)
def test_an_act_is_no_statement(statements, text):
    """ "tweeted a photo", "posted screenshots", "declared a state of emergency", "sided with", "scuttled his
    plans": what somebody did, which a reader checks as an event; no words of theirs are stored."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz posted a late-night tweet attacking the port board.",
        "The harbour commissioner issued a statement on Sunday condemning the strike.",
    ],
)
def test_putting_out_a_post_is_not_what_it_says(statements, text):
    """ "posted a tweet attacking ...", "issued a statement condemning ...": the tweet or the statement is not
    what was said; at most the participle after it carries words."""
    found = statements(text)
    assert not [c for c in found if c.text.startswith(("a late-night tweet", "a statement"))], _said(found)


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "Tom Hale released a statement saying that the pier is unsafe.",
            "Tom Hale",
            "that the pier is unsafe",
        ),
        ("Ana Ruiz signed a letter saying that the pier is unsafe.", "Ana Ruiz", "that the pier is unsafe"),
        (
            "Mayor Ana Ruiz issued a statement that said the talks would continue.",
            "Ana Ruiz",
            "the talks would continue",
        ),
        (
            "Mayor Ana Ruiz issued a statement calling the vote a clear violation of the charter.",
            "Ana Ruiz",
            # the words start at the cue verb, as for any cue whose words would be a bare noun phrase
            "calling the vote a clear violation of the charter",
        ),
    ],
)
def test_a_statement_put_out_speaks_for_whoever_put_it_out(statements, text, speaker, said):
    """ "Hale released a statement saying ...": Hale says it, not "a statement"; and "calling the vote a
    violation" says what the vote is, words even on a verb that is no core reporting verb."""
    found = statements(text)
    assert [(c.speaker and c.speaker.split()[-1], c.text) for c in found] == [(speaker.split()[-1], said)]


@pytest.mark.parametrize(
    "text",
    [
        "Hale declared the vote rigged.",
        "Hale tweeted that the pier is unsafe.",
    ],
)
def test_declaring_or_tweeting_something_of_a_thing_is_speech(statements, text):
    """A declaration that says what something is, or a tweet that gives a clause, stays a statement."""
    assert len(statements(text)) == 1, _said(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "The records show that the port lost money in each of the last five years.",
        "Emails released on Monday suggest that the mayor knew about the leak.",
        "The indictment detailed dozens of payments to the harbour board.",
        "Emails turned over to the council suggest that the mayor's aides knew about the missing funds.",
        "Protesters outside the town hall held signs urging Mayor Ruiz to resign.",
    ],
)
def test_what_records_or_signs_show_is_no_statement(statements, text):
    """Records, emails, an indictment or a sign show or carry something, but nobody the sentence names says
    it: evidence the writer reports, never a statement with the record as its source, nor what it holds
    ("the aides knew about the funds")."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "Data from the harbour authority show that ferry traffic fell by a third.",
        "A survey by the ferry union found that most riders want a night service.",
    ],
)
def test_findings_somebody_stands_behind_stay(statements, text):
    """Data from a named maker, or a survey's findings: somebody made them and stands behind them."""
    assert len(statements(text)) == 1, _said(statements(text))


def test_the_way_somebody_talks_is_narration(statements):
    """ "the way Hale talks about the harbour" describes his manner; it reports nothing he said."""
    found = statements("The way Tom Hale talks about the harbour has confused voters.")
    assert not [c for c in found if c.text == "the harbour"], _said(found)


def test_what_somebody_called_a_thing_needs_a_cue_that_speaks(statements):
    """ "began his remarks as if he had won, saying ... what he called a deal": "called" in a relative clause
    gives no words of its own before it; the sentence is not stored as his words on the strength of it."""
    text = (
        "Mayor Ruiz began her remarks as if she had won, saying that she was proud to announce what she "
        "called a deal to reopen the pier."
    )
    found = statements(text)
    assert not [c for c in found if c.text.startswith("Mayor Ruiz began")], _said(found)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board's statement does not deny that the ferry lost money last year.",
        "The indictment does not mention whether Tom Hale knew about the payments.",
        "The report never says whether the mayor knew about the leak.",
        "The council's letter did not say that the pier would reopen in the spring.",
    ],
)
def test_what_a_document_leaves_out_is_no_statement(statements, text):
    """ "The statement does not deny that ...", "The indictment does not mention whether ...": the writer's
    reading of what a document leaves out. Nobody withheld any words, so there is no refusal to store, nor
    anything the document's maker said (branch stmt14a)."""
    assert statements(text) == [], _said(statements(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The harbour board did not say whether the ferry lost money.", None),
        ("Tom Hale did not deny that the ferry lost money.", "Tom Hale"),
        ("The ministry's statement said that the port would close on Friday.", None),
    ],
)
def test_a_body_or_a_person_not_saying_keeps_its_refusal(statements, text, speaker):
    """A body or a person who does not say something keeps the refusal ("did not say whether", "did not deny
    that"), and what a document does say stays a statement."""
    found = statements(text)
    assert len(found) == 1, _said(found)
    if speaker is not None:
        assert found[0].speaker == speaker
    expected = "asserted" if "said that" in text else "refused"
    assert found[0].polarity == expected, (found[0].polarity, _said(found))


def test_narration_run_into_a_later_verb_is_nobodys_statement(statements):
    """ "The port has been mired in a crisis since March when X proclaimed ...": the parse hangs the writer's
    sentence on the later verb as if it were reported; reported words before their cue are set off from it (", X
    said"), and words that run straight into the cue's subject are narration (stmt14d)."""
    claims = statements(
        "The harbour town has been stuck in a deep budget standoff since May when council-backed rival and chair "
        "of the Finance Committee Ana Ruiz declared herself acting mayor."
    )
    none_with_text(claims, "deep budget standoff")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Lisbon has been gripped by a long transit strike since June when union boss Tom Hale proclaimed "
            "himself head of the strike.",
            "head of the strike",
        ),
        (
            "The port has been mired in a serious labour crisis since March when union-backed dock leader and head of "
            "the Harbour Council Ana Ruiz proclaimed herself interim chair in a bid to oust incumbent chair, Tom Hale.",
            "interim chair",
        ),
    ],
)
def test_taking_an_office_is_an_act_however_parsed(statements, text, words):
    """ "proclaimed himself head of the strike", "proclaimed herself interim chair": taking an office, whether the
    parse makes the reflexive a subject, a dative or a compound (stmt14d; "declared himself the winner" is speech)."""
    none_with_text(statements(text), words)


def test_words_set_off_before_their_attribution_stay(statements):
    claims = statements("The talks would resume next week, the harbour board said on Monday.")
    assert one_with_text(claims, "talks would resume").speaker == "harbour board"
    claims = statements(
        "Incoming members vented new concerns about the strike.\u201cThis morning I asked that my pay be withheld "
        "until the strike is over,\u201d Representative-elect Ana Ruiz, Democrat of Maine, said."
    )
    assert one_with_text(claims, "my pay be withheld").speaker == "Ana Ruiz"


def test_a_term_quoted_in_a_deed_is_no_statement(statements):
    """'recognized Hale as the port's "acting commissioner."': the writer quotes a title inside an official act;
    nobody said the two words (stmt14d). 'recognized that "we made mistakes"' is speech and stays, and so does a
    finding ('found 40 percent "had never been signed"')."""
    claims = statements(
        "The council has fined the ferry operator and recognized harbour pilot Tom Hale as the port's "
        "\u201cacting commissioner.\u201d"
    )
    none_with_text(claims, "acting commissioner")
    claims = statements("Mayor Tom Hale recognized that \u201cwe made mistakes on the ferry contract.\u201d")
    assert one_with_text(claims, "made mistakes").speaker == "Tom Hale"
    claims = statements(
        "The auditors, who include the Harbour Trust, combed through the ledgers of the port and found an "
        "astonishing 40 percent ''had never been signed by a clerk.''"
    )
    one_with_text(claims, "never been signed")  # a finding, not a deed


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The union sent two messages. Tom Hale didn\u2019t respond to either message.",
            "either message",
        ),
        (
            "Ana Ruiz never replied to either letter.",
            "either letter",
        ),
        ("Ana Ruiz did not reply to the letters from the dock workers.", "letters from"),
    ],
)
def test_correspondence_left_unanswered_is_no_refusal(statements, text, words):
    """ "didn't respond to either message", "did not reply to the letters from ...": the story's letters left
    unanswered, a non-action; no source withheld words from the press (stmt14d)."""
    none_with_text(statements(text), words)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Tom Hale did not respond to messages seeking comment.",
        "Mayor Tom Hale did not respond to questions about whether he had repaid the money.",
    ],
)
def test_a_request_for_comment_left_unanswered_stays_refused(statements, text):
    claims = statements(text)
    assert [(c.speaker, c.polarity) for c in claims] == [("Tom Hale", "refused")], said(claims)
