"""Statements an editor reads as wrong, ruled out on sentences we wrote: quote edges and continuations,
questions, roles, speakers lost by the parse or hidden behind a description, polarity, rejected charges."""

import pytest

from claims.extraction.cleaning import prepare
from claims.extraction.statements import find_statements
from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_quote_mark_glued_to_the_sentence_before_still_opens_a_quote(statements):
    """ "...the port was open.“We will ..." (no space, as scrapers leave it) is a quotation, not narration."""
    claims = statements(
        "Anna Berg said the port was open.\u201cWe will keep the ferry running all winter,\u201d she said."
        "\u201cThe boats are ready for the storms.\u201d"
    )
    claim = _by_text(claims, "ferry running")
    assert claim.direct and claim.speaker == "Anna Berg"
    assert claim.text.startswith("We will keep") and "port was open" not in claim.text
    assert "boats are ready" in claim.text  # the continuation after "she said." is hers too
    # A straight mark glued after a question closes it: the answer that follows is not the question.
    claims = statements('The host asked Berg, "Is the ferry safe?"Her reply: "We tested every boat twice."')
    assert not any("reply" in c.text for c in claims)


def test_a_continuation_after_narration_keeps_the_narration_out(statements):
    """A quote that goes on after the reporter's own words is a second statement of the same speaker; the
    narration between the two is in neither span."""
    claims = statements(
        'Anna Berg said: "The ferry will run all winter." Then, turning to the boats: '
        '"We have every boat we need for the storms."'
    )
    first, second = _by_text(claims, "ferry will run"), _by_text(claims, "every boat")
    assert "turning" not in first.text and "turning" not in second.text
    assert first.speaker == second.speaker == "Anna Berg" and second.direct


def test_a_question_is_stored_as_a_question_and_one_put_to_a_speaker_is_not_theirs(statements):
    """ "She asked whether ..." is the asker's question (polarity "question"), never an assertion; "When
    asked whether ..., Hale said" puts the question to Hale and only his answer is his."""
    claims = statements("Mayor Dora Kell asked whether the ferry would run in January.")
    assert [(c.speaker, c.polarity) for c in claims] == [("Dora Kell", "question")]
    claims = statements(
        'When asked whether the ferry was safe, Tom Hale said, "We tested every boat twice this year."'
    )
    assert [(c.text, c.speaker, c.polarity) for c in claims] == [
        ("We tested every boat twice this year.", "Tom Hale", "asserted")
    ]


def test_mr_and_ms_are_no_role_and_a_title_is_found_under_another_word(statements):
    """ "Mr. Hale" has no role "Mr."; "Rep. Tom Hale" is "the three-term congressman" later on."""
    claims = statements(
        "Rep. Tom Hale (D-Ore.) resigned on Friday. Mr. Hale said the port budget was balanced.\n\n"
        '"I had no idea how to run an office," the three-term congressman said in December.'
    )
    assert _by_text(claims, "budget").role != "Mr."
    assert _by_text(claims, "no idea").speaker == "Tom Hale"


def test_whom_a_spokeswoman_speaks_for_is_not_her_role_key(statements):
    """ "a spokeswoman for Speaker Paula Ryde": "the speaker" later is Ryde, not the spokeswoman."""
    claims = statements(
        "Ann Stone, a spokeswoman for Speaker Paula Ryde, said the vote would be held. "
        "The speaker expects the members to follow through."
    )
    assert _by_text(claims, "vote would").speaker == "Ann Stone"
    assert _by_text(claims, "follow through").speaker == "Paula Ryde"


def test_a_speaker_the_parse_loses_behind_a_relative_clause(statements):
    """ "Governor Ann Lee, who is insistent she is not a candidate, said ...": the governor speaks, not
    "she" of the clause (whoever spoke last); nor is "Hale, who ..., said" left without a speaker."""
    claims = statements(
        "Tom Hale said he would run for mayor.\n\n"
        "But speaking on the radio, Governor Ann Lee, who is insistent she personally is not a candidate "
        "for mayor in 2026, said she wasn't sure her friend Hale would be either."
    )
    assert _by_text(claims, "wasn't sure").speaker == "Ann Lee"
    claims = statements(
        "Asked in the interview how serious his bid is, Hale, who would have to sell his ferry company "
        'to run the city, said, "I always take things seriously, but never like this."'
    )
    assert _by_text(claims, "seriously").speaker == "Hale"


def test_told_someone_that_starts_after_whom_it_was_told(statements):
    """'On the "Morning" show, Tom Hale told Ann Lee that ...': the content is the clause, and the show's
    title in quotes is no quotation."""
    claims = statements('On the "Morning" show, Tom Hale told Ann Lee that the port would reopen in May.')
    assert [c.text for c in claims] == ["that the port would reopen in May"]
    assert claims[0].speaker == "Tom Hale" and not claims[0].direct


def test_the_company_is_the_company_the_article_named(statements):
    """ "In a statement, the company said" after "Harbour Freight Ltd. ..." is Harbour Freight's; a
    description that names a place the body's name lacks is not that body."""
    claims = statements(
        "Harbour Freight Ltd. will build a depot at the port. "
        "In a statement, the company said the depot would employ 40 people."
    )
    claim = _by_text(claims, "40 people")
    assert claim.speaker == "Harbour Freight Ltd." and claim.speaker_kind == "organisation"
    claims = statements(
        "Harbour Freight Ltd. will build a depot at the port. The Oslo company said the depot was too small."
    )
    assert _by_text(claims, "too small").speaker != "Harbour Freight Ltd."


def test_not_saying_something_is_withholding_it(statements):
    """'"I am not saying he was right," Lund said': Lund withholds the claim (refused), denies nothing."""
    claims = statements('"I am not saying he was right," Peter Lund said.')
    assert [(c.speaker, c.polarity) for c in claims] == [("Peter Lund", "refused")]
    claims = statements('"The bridge was not safe," Peter Lund said.')
    assert [c.polarity for c in claims] == ["asserted"]


def test_a_charge_someone_rejected_is_their_denial(statements):
    """ "..., a charge Tom Hale rejected": Hale denies the clause before it, and "charge" is no role;
    "an accusation that the board denies" leaves the critics' words and stands as the board's denial."""
    claims = statements("The mayor misused council funds last year, a charge Tom Hale rejected on Friday.")
    claim = _by_text(claims, "misused")
    assert (claim.speaker, claim.polarity, claim.role) == ("Tom Hale", "denied", None)
    assert claim.speaker_mention.text == "Tom Hale"
    claims = statements("Critics say the port lost money, an accusation that the harbour board denies.")
    assert sorted((c.text, c.role, c.polarity) for c in claims) == [
        ("the port lost money", "Critics", "asserted"),
        ("the port lost money", "harbour board", "denied"),
    ]


def test_find_statements_reads_the_prepared_article():
    """find_statements works on what prepare() gives the pipeline (the split quote marks mapped back)."""
    adoc = prepare("She left.\u201cWe will keep the ferry running all winter,\u201d Anna Berg said.")
    (claim,) = find_statements(adoc)
    assert claim.text == "We will keep the ferry running all winter" and claim.speaker == "Anna Berg"


def test_a_title_with_an_of_phrase_before_a_name_is_that_person_s_role(statements):
    """ "Secretary of the Interior Sarah Cole said" is Zinn, titled; "the spokesman of President Ivan Petrov
    said" stays the spokesman's (unnamed), never the president's."""
    (claim,) = statements("Secretary of the Interior Sarah Cole said the park would reopen.")
    assert (claim.speaker, claim.role) == ("Sarah Cole", "Secretary of the Interior")
    (claim,) = statements("The spokesman of President Ivan Petrov said the talks had failed.")
    assert claim.speaker is None


def test_a_quoted_name_outside_what_was_said_stays_out_of_the_span(statements):
    """'a group -- labeled "hardliners" by the press -- have demanded ...' and '"...," he told "Morning
    Report."': the quoted name is no part of the statement, nor is the narration up to it."""
    claims = statements(
        'A part of the council -- labeled "hardliners" by the local press -- have demanded a new vote.'
    )
    assert all("hardliners" not in c.text for c in claims)
    claims = statements('"I hope the ferry keeps running," Tom Hale told "Morning Report."')
    assert [c.text for c in claims] == ["I hope the ferry keeps running"]


def test_where_words_were_said_is_not_who_said_them(statements):
    """ "In a video announcing his resignation, Tom Hale ...": the video is Hale's, and the announcement too."""
    claims = statements(
        "In a video in May announcing his resignation, Tom Hale continued to deny the charges."
    )
    assert {c.speaker for c in claims} == {"Tom Hale"}


def test_a_party_s_members_are_people_and_many_reports_no_one_speaker(statements):
    """ "Fellow Republicans suggested ..." are unnamed people with that role, no government; "the reports"
    are not whoever spoke last, as "the statement" may be."""
    (claim,) = statements("Fellow Republicans suggested that the mayor had not paid the fine.")
    assert (claim.speaker, claim.speaker_kind, claim.role) == (None, "unnamed", "Fellow Republicans")
    claims = statements("Tom Hale said the ferry was late. The reports said the ferry had sunk.")
    assert _by_text(claims, "sunk").speaker is None


def test_a_show_title_in_quotes_opening_a_sentence_is_no_quotation(statements):
    """'"Morning Report" show host Ann Lee asked ...': the title is not a statement of anyone's."""
    claims = statements('"Morning Report" show host Ann Lee asked Tom Hale, "Is the ferry safe?"')
    assert [(c.text, c.speaker, c.role, c.polarity) for c in claims] == [
        ("Is the ferry safe?", "Ann Lee", "Morning Report show host", "question")
    ]


def test_he_is_not_the_woman_who_spoke_last(statements):
    """A pronoun goes to the last speaker of its gender, known from the first name when the article never
    says: after Meredith Vale's question, "He said" is Tom Hale's answer, not hers."""
    claims = statements(
        'Host Meredith Vale asked Tom Hale, "Is the ferry safe?" He said the boats had been tested twice.'
    )
    assert _by_text(claims, "tested twice").speaker == "Tom Hale"


def test_an_interrupted_quote_keeps_its_short_opening(statements):
    """'"My hope," he said, "is that the ferry runs."': the two words before the cue are part of the quote."""
    claims = statements('Tom Hale spoke on Monday. "My hope," he said, "is that the ferry runs all winter."')
    assert [c.text for c in claims if c.direct] == ['My hope," he said, "is that the ferry runs all winter.']


def test_he_is_the_man_made_subject_since_the_last_speaker(statements):
    """ "Tom Hale said ... Mayor Peter Lund also called for a vote. In an interview, he said ...": "he" is
    Lund, the subject named since Hale spoke, not Hale."""
    claims = statements(
        "Tom Hale said the ferry would run all winter.\n\n"
        "Mayor Peter Lund also called for a vote on the budget. In an interview, he said the vote "
        "should be held in May."
    )
    assert _by_text(claims, "held in May").speaker == "Peter Lund"


def test_a_continued_quote_is_read_as_a_whole(statements):
    """'"I won't say who paid," she said.' withholds; with a continuation ('... she said. "It is useless."')
    the quote says more than it withholds and is asserted, as is one whose words carry a negation."""
    (claim,) = statements('"I won\'t say who paid for the wall," Ann Lee said.')
    assert claim.polarity == "refused"
    (claim,) = statements('"I won\'t say who paid for the wall," Ann Lee said. "It would be useless."')
    assert claim.polarity == "asserted"
    (claim,) = statements(
        '"We will not pay for the new wall," Ann Lee said. "It would be completely useless."'
    )
    assert claim.polarity == "asserted"


def test_a_man_named_inside_what_was_said_does_not_take_the_next_he(statements):
    """ "Tom Hale, asked about it, said that Peter Lund sought to delay the vote. '...,' he said.": "he"
    is still Hale; Lund is only the subject of what Hale said."""
    claims = statements(
        "Tom Hale said on Monday that Peter Lund sought to delay the vote on the budget.\n\n"
        '"I think that is reason enough to hold the vote now," he said.'
    )
    assert _by_text(claims, "reason enough").speaker == "Tom Hale"


def test_a_question_put_in_an_aside_is_not_the_speaker_s(statements):
    """ "Mr. Tom Hale, asked if he supported the plan, said ...": only what Hale said is his."""
    claims = statements("Mr. Tom Hale, asked if he supported the plan, said he had doubts about it.")
    assert [(c.text, c.polarity) for c in claims] == [("he had doubts about it", "asserted")]
    claims = statements('"Congress did not ask for a summary," Ann Lee wrote.')
    assert [c.polarity for c in claims] == ["asserted"]  # only "I am not saying" withholds


def test_a_quoted_word_says_nothing_unless_a_clause_holds_it(statements):
    """'calling them "criminals" and "rapists," in speeches' stores no statement "criminals"; 'called the
    meeting "wonderful"' keeps the clause that holds the word, and the verb that makes it a name (stmt13b)."""
    claims = statements(
        'Tom Hale made comments about rivals, calling them "cowards" and "liars," at rallies.'
    )
    assert all(c.text not in ("cowards", "liars") for c in claims)
    claims = statements('Ann Lee called the meeting "wonderful" on Friday.')
    assert [c.text for c in claims] == ['called the meeting "wonderful" on Friday']


def test_a_short_quote_that_ends_its_sentence_is_a_statement(statements):
    """'The mayor called it "an intentional act."' and '"Mexico!" the crowd replied' are said, not names."""
    claims = statements('Mayor Ann Lee called the fire "an intentional act."')
    assert any("intentional act" in c.text for c in claims)
    claims = statements('"Mexico!" the crowd replied.')
    assert [c.text for c in claims] == ["Mexico!"]


@pytest.mark.parametrize(
    "text, asked",
    [
        ("The mayor urged the harbour board to deny the reports about the ferry.", "harbour board"),
        (
            "Last week the ministry's spokeswoman, Kari Dahl, called for Stockholm to renounce its plans"
            " to close the harbour.",
            "Stockholm",
        ),
        (
            "Earlier this month, the official spokeswoman of the Norwegian Foreign Ministry, Kari Dahl,"
            " called for Stockholm to renounce its plans to divide the Swedish navy.",
            "Stockholm",
        ),
    ],
)
def test_what_somebody_is_asked_to_say_is_not_their_statement(statements, text, asked):
    """ "urged X to deny", "called for X to renounce": X has said nothing; the asker may have."""
    assert not [c for c in statements(text) if c.speaker and asked in c.speaker]


def test_an_infinitive_of_speech_after_a_verb_of_sequence_is_still_said(statements):
    """ "went on to say" is said, unlike "was urged to say"."""
    claims = statements("Mayor Anna Berg went on to say that the ferry would run all winter.")
    assert _by_text(claims, "ferry would run").speaker == "Anna Berg"


@pytest.mark.parametrize(
    "text",
    [
        "Governor Alan Pryce made the comments during a visit to a school in Dayton on Monday afternoon.",
        "The senator repeated the remarks at a fundraiser in Austin on Tuesday night.",
        "The mayor tweeted it late on Sunday, hours before the vote on the new budget.",
        "The new tariffs seemed to ease pressure on the steel makers of the region last month.",
    ],
)
def test_words_given_elsewhere_and_a_mere_seeming_are_no_statement(statements, text):
    """ "made the comments", "tweeted it": the object points at words said elsewhere; "seemed to ease"
    is the writer's impression. None of them says anything here."""
    assert statements(text) == []


def test_an_utterance_with_its_topic_or_its_predicate_is_still_a_statement(statements):
    """What "points elsewhere" leaves alone: "described it as ...", "accused him of ...", a clause."""
    texts = (
        "Mayor Anna Berg described it as a disaster for the city's finances and its schools.",
        "Mayor Anna Berg accused him of hiding the cost of the new ferry from the council.",
        "Mayor Anna Berg said the ferry would run all winter.",
    )
    for text in texts:
        assert [c.speaker for c in statements(text)] == ["Anna Berg"], text
