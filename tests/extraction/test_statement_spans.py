"""Statement spans that hold exactly the speaker's words, and polarity that says what the speaker asserts,
on sentences we wrote (branch stmt10a): an "according to" phrase is never inside its own words nor a second
source for a quote that already names its speaker; whom the words were told to, and "for the first time",
are no part of them; a question about what somebody knew or meant is nobody's statement; a show's name is
nobody's words; "warned ... not to" is a demand, not a denial."""

from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_an_according_to_phrase_that_closes_its_paragraph_is_outside_the_words(statements):
    """The parse may run a sentence into the next paragraph; the phrase still closes the words before it."""
    claims = statements(
        "Mayor Dora Kell, determined to keep the harbour open, used a meeting of the council before the vote "
        "to urge its members not to criticize the ferry plan, according to one councillor who spoke on the "
        "condition of anonymity.\n\nThe vote is set for May."
    )
    claim = _one(claims, "ferry plan")
    assert claim.cue is not None and claim.cue.text == "according to"
    assert claim.text.endswith("criticize the ferry plan") and "according" not in claim.text
    assert "councillor" in (claim.speaker_mention.text if claim.speaker_mention else "")


def test_according_to_after_a_quotes_attribution_only_relays_the_speaker(statements):
    """'"...," the mayor said, according to excerpts': the excerpts relay the mayor; no second statement
    whose span holds "the mayor said", and the quote keeps going as the mayor's."""
    claims = statements(
        '"We need a new ferry for the island," Mayor Dora Kell said, according to excerpts released by the '
        'council. "The old boats are failing."'
    )
    assert [c.cue.text for c in claims if c.cue] == ["said"]
    assert claims[0].speaker == "Dora Kell" and "old boats" in claims[0].text


def test_according_to_a_rule_or_measure_is_no_attribution(statements):
    """ "calculated according to the distance" names a manner, not a source."""
    claims = statements("Ferry fares are calculated according to the distance travelled by each passenger.")
    assert not [c for c in claims if c.cue and c.cue.text.lower() == "according to"]


def test_whom_the_words_were_told_to_is_no_part_of_them(statements):
    """ "told the students he understands ..." (the parse hangs the clause on "students" as a relative
    clause): the words start at "he"; a true relative clause ("the students he taught about ...") stays whole."""
    text = "Mayor Tom Hale told the students he understands the anger between residents and the council."
    claim = _one(statements(text), "understands")
    assert claim.text.startswith("he understands") and claim.speaker == "Tom Hale"
    claims = statements("Mayor Tom Hale told the students he taught about the ferry.")
    assert not [c for c in claims if c.text.startswith("he taught")]


def test_a_question_about_what_somebody_knew_is_nobodys_statement(statements):
    """ "queries about whether Hale knew that ..." asks; Hale said nothing."""
    claims = statements(
        "The council did not answer queries about whether Mayor Tom Hale knew that the ferry was unsafe."
    )
    assert not [c for c in claims if c.speaker == "Tom Hale"]


def test_for_the_first_time_is_not_what_was_conceded(statements):
    """ "conceded for the first time that ...": the words are the clause, without the phrase of time."""
    claims = statements(
        "Mayor Tom Hale conceded for the first time that the ferry had been unsafe for years."
    )
    claim = _one(claims, "unsafe")
    assert claim.text == "the ferry had been unsafe for years" and claim.speaker == "Tom Hale"


def test_a_shows_name_in_quotes_is_nobodys_words(statements):
    """'appeared on WXYZ's "Morning Harbour."' names a programme; a short quote that is said stays."""
    assert statements('The morning after the vote, the mayor appeared on WXYZ\'s "Morning Harbour."') == []
    claims = statements('Mayor Tom Hale said, "We Are Done."')
    assert [(c.text, c.speaker) for c in claims] == [("We Are Done.", "Tom Hale")]


def test_a_demand_or_promise_not_to_act_and_a_negated_claim_are_asserted(statements):
    """ "warned Hale not to sign", "vowed never to raise" demand or promise: the speaker asserts them. A
    negated clause ("the ferry would not run") is asserted too, in the words that carry its negation."""
    claims = statements("Harbour officials have warned Mayor Tom Hale not to sign the budget.")
    assert _one(claims, "sign the budget").polarity == "asserted"
    claims = statements("Mayor Dora Kell vowed never to raise the ferry fee again.")
    assert _one(claims, "ferry fee").polarity == "asserted"
    claims = statements("Mayor Dora Kell said the ferry would not run in January.")
    assert _one(claims, "ferry would not run").polarity == "asserted"


def test_a_dateline_opening_the_paragraph_is_no_part_of_the_words_or_the_source(statements):
    """ "PORTLAND — The ferry company held ..., according to ...": the place the story was filed from is the
    reporter's; it is neither in the words nor in the source's mention."""
    claims = statements(
        "Union and ferry company met all winter\n\nPORTLAND — The ferry company held several talks with the "
        "union during the winter, according to four port officials.\n\nThe talks failed."
    )
    claim = _one(claims, "several talks")
    assert claim.text.startswith("The ferry company") and claim.text.endswith("during the winter")
    claims = statements("Ferry to run all winter\n\nPORTLAND — Mayor Tom Hale said the ferry would run.")
    claim = _one(claims, "ferry would run")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Mayor Tom Hale"


def test_a_quote_that_only_asks_is_a_question_and_one_that_also_states_is_asserted(statements):
    """'"Are you suggesting I am enjoying this?" Hale replied' asks and asserts nothing; a quote with a
    statement before its question asserts the statement."""
    claims = statements('"Are you suggesting I am enjoying this?" Mayor Tom Hale replied.')
    assert _one(claims, "enjoying").polarity == "question"
    claims = statements('"We are asking the council to act. Why would it not do that?" Mayor Tom Hale said.')
    assert _one(claims, "council to act").polarity == "asserted"


def test_no_span_ends_in_a_conjunction_left_hanging(statements):
    """Where the words stop before the next clause ("... his poll numbers and in plain terms she urged ..."),
    the "and" that joins them to it is not theirs."""
    claims = statements(
        "Anna Berg suggested that Hale was only visiting as part of a \u201cdesperate\u201d strategy to lift his "
        "poll numbers and in plain terms she urged voters not to back him."
    )
    claim = _one(claims, "poll numbers")
    assert claim.text.endswith("his poll numbers")
    claims = statements(
        "Staffers accused Hale of routinely mocking the ferry crews and making jokes about being on "
        "\u201charbour patrol\u201d because he was bored."
    )
    assert not [c for c in claims if c.text.rstrip().endswith(" and")]


def test_a_second_charge_joined_by_and_stays_in_the_words(statements):
    """ "accused Hale of mocking the crews and making jokes ...": "making" is the second thing he is accused
    of, not a new cue that ends the words; ", delivering a message" after the words is still outside them."""
    claims = statements(
        "Staffers accused Hale of routinely mocking the ferry crews and making jokes about being on "
        "\u201charbour patrol\u201d because he was bored."
    )
    assert "making jokes" in _one(claims, "mocking").text
    claims = statements(
        "Mayor Tom Hale announced he is running for governor, delivering a message that he hopes will appeal to "
        "voters."
    )
    assert _one(claims, "running").text == "he is running for governor"


def test_a_quote_paragraph_after_a_quote_with_a_long_attribution_continues_its_speaker(statements):
    """'"...," Ana Ruiz, a lawyer for the company, said' is a quote (the quote pass does not reach a cue
    past the apposition; the clause pass does): one quoted statement, and the quote paragraph after it,
    with no attribution of its own, is hers too, not dropped."""
    claims = statements(
        "\u201cOver the last few months, we have worked with the inquiry and have handed over thousands of "
        "pages,\u201d Ana Ruiz, a lawyer for the company, said in a statement.\n\n"
        "\u201cPutting aside why such records, handed over in confidence, have been leaked, we can say that "
        "we have no worries about these records.\u201d\n\nThe inquiry opens in May."
    )
    claim = _one(claims, "no worries about these records")
    assert claim.speaker == "Ana Ruiz" and claim.direct
    assert _one(claims, "Over the last few months") is claim
