"""Quote edges (branch stmt12d), on sentences we wrote: the words of a quote start where the speaker's
sentence starts, end at the speaker's closing mark, and never run into a show's title after the
attribution."""

from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_subject_before_an_interrupting_attribution_is_part_of_the_words(statements):
    claims = statements(
        'Tom Hale spoke at the pier on Friday. Ferry captains on the island route, Hale said, "have not '
        'had a raise in six years."'
    )
    claim = _one(claims, "raise in six years")
    assert claim.text.startswith("Ferry captains on the island route")
    assert claim.words == "Ferry captains on the island route ... have not had a raise in six years."
    assert claim.speaker == "Tom Hale" and claim.direct


def test_a_quote_that_is_the_verbs_object_takes_no_lead_in(statements):
    """No comma after the cue: nothing interrupts, so the writer's opening phrase is no subject of the quote."""
    claims = statements(
        'In fact, at the harbour debate on 1 March, Tom Hale clearly stated "raising the toll was a mistake for the port."'
    )
    quote = next(c for c in claims if c.direct)
    assert quote.text.startswith("raising the toll")
    assert "harbour debate" not in (quote.words or "")


def test_a_quote_that_opens_its_own_sentence_keeps_its_start(statements):
    # the quote has its own subject: nothing before the attribution is part of it
    claims = statements('On Monday, Ana Ruiz said, "the ferry will sail at noon and the pier stays open."')
    claim = _one(claims, "ferry will sail")
    assert claim.text.startswith("the ferry will sail") and not claim.words


def test_a_show_title_after_the_attribution_is_no_part_of_the_quote(statements):
    claims = statements(
        '"I need to know what the board did with the money and why," Tom Hale said on Harbour News\' '
        '"Morning With Ana Ruiz."'
    )
    claim = _one(claims, "board did with the money")
    assert "Morning With" not in claim.text and "Morning With" not in (claim.words or "")
    assert claim.text.endswith("and why")


def test_a_direct_quote_still_leaves_both_marks_out(statements):
    claims = statements('"The ferry will sail at noon," Ana Ruiz said.')
    assert _one(claims, "ferry will sail").text == "The ferry will sail at noon"


def test_a_name_given_by_a_participle_is_no_statement(statements):
    # "called" read as a past tense by the tagger, hung on the noun: a name, nobody's words
    claims = statements(
        'The Harbour Gazette ran a cover story on the mayor called "The Lord of the Pier," with a photo of '
        "her on the ferry."
    )
    assert claims == []
    claims = statements('A group of parents, labeled "pier moms" in the local press, met on Tuesday.')
    assert claims == []


def test_calling_something_a_name_with_a_speaker_stays_a_statement(statements):
    claims = statements('Ana Ruiz called the harbour budget "a fraud on the taxpayers" on Monday.')
    assert len(claims) == 1 and claims[0].speaker == "Ana Ruiz"
    assert "a fraud on the taxpayers" in claims[0].text


def test_an_editors_stand_in_that_opens_a_quote_is_part_of_the_words(statements):
    claims = statements('"[Hale] was the worst mayor this port has had," Ana Ruiz said on Monday.')
    assert _one(claims, "worst mayor").text == "[Hale] was the worst mayor this port has had"


def test_a_stage_note_that_opens_a_quote_stays_out(statements):
    claims = statements('"[Applause] We will rebuild the pier by June," Ana Ruiz said.')
    assert _one(claims, "rebuild the pier").text == "We will rebuild the pier by June"
