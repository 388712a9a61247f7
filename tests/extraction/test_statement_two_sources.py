"""Two sources in one sentence: whose words are whose, on sentences we wrote (branch stmt11b).

A contrasting source's own attribution inside another's words (", though an official said ..."), a second
source relaying the sentence at its end (", the Gazette's reporter tweeted"; ", according to the Gazette"
after a quote's own attribution that names a show), and a pronoun whose own clause names the person it
cannot be ("he told Mr. Hale")."""

from spacy.tokens import Doc

from claims.extraction.nlp import get_nlp
from claims.extraction.statements.reported import subject_of
from claims.extraction.types import StatementClaim


def _only(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def test_a_contrasting_source_ends_the_first_statement_and_keeps_its_own(statements):
    """ "X said ..., while Y said ...": each source holds only its own words."""
    claims = statements(
        "Tom Hale has said that the pier tax is not up for debate, while the dock workers have said "
        "they will accept a smaller levy."
    )
    first = _only(claims, "pier tax")
    assert first.speaker == "Tom Hale" and first.text == "that the pier tax is not up for debate"
    second = _only(claims, "smaller levy")
    assert second.speaker is None and second.role == "dock workers"
    assert second.text == "they will accept a smaller levy"


def test_a_contrast_opened_by_though_names_an_official_of_the_same_body(statements):
    claims = statements(
        "The harbour board says that it has not changed its view on the toll, though a senior official "
        "with the board said it is open to talks about a lower rate."
    )
    assert _only(claims, "changed its view").text.endswith("its view on the toll")
    official = _only(claims, "open to talks")
    assert official.role == "senior official" and official.text.startswith("it is open")


def test_a_contrast_without_a_comma_or_a_source_stays_one_statement(statements):
    """ "while the pier was shut" is no attribution; nothing is split off."""
    claim = _only(statements("Hale said the ferry ran late, while the pier was shut for repairs."), "ferry")
    assert claim.text.endswith("shut for repairs") and claim.speaker == "Hale"


def test_a_source_relaying_the_sentence_at_its_end_is_no_part_of_the_quote(statements):
    """'"...," Hale said as he left, Ruiz tweeted': the reporter relays Hale's words; they are his alone."""
    claims = statements(
        "“We will see,” Hale said as he left the room, the Harbour Gazette reporter Ana Ruiz tweeted."
    )
    claim = _only(claims, "We will see")
    assert claim.speaker == "Hale" and claim.text == "We will see"
    claims = statements("“We will see,” Hale said, Ana Ruiz wrote in her column.")
    assert _only(claims, "We will see").text == "We will see"


def test_a_relay_after_an_attribution_that_names_a_show_is_not_a_statement(statements):
    """'..., said Hale on the "Morning Tide" show, according to the Gazette': the Gazette only relays."""
    text = '"I want to see the ledger," said Hale in an interview on the "Morning Tide" show, according to the Gazette.'
    claims = statements(text)
    assert [c.speaker for c in claims] == ["Hale"], [(c.speaker, c.text) for c in claims]
    assert claims[0].text == "I want to see the ledger"


def test_a_pronoun_is_nobody_its_own_clause_names_after_it(statements):
    """ "he told Mr. Hale": he is not Hale, though Hale spoke last; the one named before is."""
    claims = statements(
        "Mr. Hale said the port would close. After the posts from Mr. Grant and his group were deleted, "
        "he told Mr. Hale that the ban was unfair."
    )
    assert _only(claims, "ban was unfair").speaker == "Grant"
    claims = statements("Tom Hale met Paul Grant on Friday. He said Grant had lied about the fees.")
    assert _only(claims, "had lied").speaker == "Tom Hale"


def test_a_second_source_taking_its_turn_after_and_holds_its_own_words(statements):
    """ "X said ... and Y added that ...": Y's words are no part of X's."""
    claims = statements("Tom Hale said the pier was safe and Ana Ruiz added that the ferry would run.")
    assert _only(claims, "pier was safe").text == "the pier was safe"
    ruiz = _only(claims, "ferry would run")
    assert ruiz.speaker == "Ana Ruiz" and ruiz.text == "that the ferry would run"
    # no reporting verb after "and": one statement, as before
    claim = _only(statements("Tom Hale said the pier was safe and the workers agreed to the plan."), "pier")
    assert claim.text.endswith("agreed to the plan")


def test_according_to_inside_the_words_leaves_out_the_source_and_its_title(statements):
    """ "The toll, according to Ana Ruiz, the council treasurer, will rise": her title is no part of what
    she said."""
    claim = _only(
        statements("The toll, according to Ana Ruiz, the council treasurer, will rise in May."), "toll"
    )
    assert claim.speaker == "Ana Ruiz" and claim.words == "The toll ... will rise in May."


def test_an_aside_attribution_after_a_titled_name_keeps_the_words_either_side(statements):
    """ "Mr. Grant, officials said, deleted ...": "Mr. Grant" is two words, so the aside is cut from the words."""
    claim = _only(
        statements("Mr. Grant, administration officials said, deleted a reference to the warnings."), "Grant"
    )
    assert claim.role == "administration officials"
    assert claim.words == "Mr. Grant ... deleted a reference to the warnings."


def test_a_show_opening_the_sentence_is_not_who_speaks(statements):
    """ "On this week's episode of the podcast, candidate Ana Ruiz, a teacher, said ...": Ruiz, not the episode."""
    text = (
        "On this week\u2019s episode of the Harbour Gazette\u2019s “Tide Talk” podcast, 2020 council candidate Ana Ruiz, "
        "a retired teacher at Dover Harbour School, said the mayors took the wrong path by cutting the ferry budget."
    )
    claim = _only(statements(text), "wrong path")
    assert claim.speaker == "Ana Ruiz"
    assert claim.speaker_mention is not None and claim.speaker_mention.text.startswith(
        "council candidate Ana Ruiz"
    )


def _parsed(rows: str, people: tuple[int, int]) -> Doc:
    """A Doc with the parse given as "word POS TAG dep head" rows (the parse the small model gives some
    sentences, which it does not give ours)."""
    parts = [row.split() for row in rows.strip().splitlines()]
    words = [p[0] for p in parts]
    ents = [
        "B-PERSON" if i == people[0] else "I-PERSON" if people[0] < i < people[1] else "O"
        for i in range(len(words))
    ]
    return Doc(
        get_nlp().vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))],
        pos=[p[1] for p in parts],
        tags=[p[2] for p in parts],
        deps=[p[3] for p in parts],
        heads=[int(p[4]) for p in parts],
        ents=ents,
    )


def test_a_source_the_parse_hangs_on_its_own_description_is_still_the_source():
    """ "Rep. Tom Hale, one of the members to vote against it, said the town faces problems", parsed with
    Hale as the subject of "vote": the source is Hale, never "the town", the subject of what was said."""
    doc = _parsed(
        """
        Rep. PROPN NNP compound 2
        Tom PROPN NNP compound 2
        Hale PROPN NNP nsubj 9
        , PUNCT , punct 2
        one NUM CD appos 2
        of ADP IN prep 4
        the DET DT det 7
        members NOUN NNS pobj 5
        to PART TO aux 9
        vote VERB VB advcl 13
        against ADP IN prep 9
        it PRON PRP pobj 10
        , PUNCT , punct 13
        said VERB VBD ROOT 13
        the DET DT det 15
        town NOUN NN nsubj 16
        faces VERB VBZ ccomp 13
        problems NOUN NNS dobj 16
        . PUNCT . punct 13
        """,
        people=(1, 3),
    )
    assert doc[2].text == "Hale" and doc[13].text == "said"
    assert subject_of(doc[13]) == (doc[2], False)


def test_excerpts_or_a_transcript_of_a_speech_are_the_speakers_words(statements):
    """ "according to excerpts from his speech", "a transcript of his remarks": his words, not a document's."""
    text = (
        "Senator Tom Hale will speak in Dover on Tuesday. The Hale plan, according to excerpts from his speech "
        "provided by his campaign, has three main parts: ferries, roads and docks."
    )
    assert _only(statements(text), "three main parts").speaker == "Tom Hale"
    text = "Mayor Tom Hale spoke to the council on Monday. The port will close in May, according to a transcript of his remarks."
    assert _only(statements(text), "port will close").speaker == "Tom Hale"
    # a transcript of a hearing names nobody's words
    text = "Mayor Tom Hale spoke on Monday. The port will close in May, according to a transcript of the hearing."
    assert _only(statements(text), "port will close").speaker is None


def test_an_indictment_speaks_for_whoever_brought_it(statements):
    """ "The indictment says ...": the grand jury or the department the article says brought it; a document
    on its own is nobody's voice."""
    text = (
        "Tom Hale, the harbour master, was indicted by a federal grand jury in Dover on Tuesday. "
        "The indictment says Hale took $50,000 from the ferry fund."
    )
    claim = _only(statements(text), "took $50,000")
    assert claim.speaker is None and claim.role == "federal grand jury in Dover"
    text = (
        "In a 30-page indictment released by the Justice Department, Tom Hale was charged with fraud. "
        "The indictment says Hale took $50,000 from the ferry fund."
    )
    assert _only(statements(text), "took $50,000").speaker == "Justice Department"
    # "charged with fraud" names nobody who brought the charges: the indictment stays unnamed
    text = "Tom Hale was charged with fraud on Tuesday. The indictment says Hale took $50,000 from the ferry fund."
    claim = _only(statements(text), "took $50,000")
    assert claim.speaker is None and claim.role == "indictment"


def test_a_title_named_before_finds_its_holder(statements):
    """ "Sheriff Tom Hale ... The sheriff called ...": Hale; "The governor, a Republican, said": the governor
    named before, whatever the article has not said of his party."""
    text = "Sheriff Tom Hale of Dover County endorsed the plan on Monday. The sheriff called the review an attempt to scare him."
    assert _only(statements(text), "attempt to scare").speaker == "Tom Hale"
    text = (
        "Gov. Tom Hale of Maryland signed the bill last week. "
        "The governor, a Republican, said Saturday that he was surprised by the anger."
    )
    assert _only(statements(text), "surprised").speaker == "Tom Hale"


def test_an_aside_between_dashes_does_not_open_the_words(statements):
    """ "suggested raising the toll -- currently 12 dollars -- would be on the table": what was suggested
    starts at "raising", not inside the aside."""
    text = (
        "Tom Hale suggested raising the toll for ferries -- currently, 12 dollars -- would be on the table "
        "even though doing so is a burden for families."
    )
    claim = _only(statements(text), "on the table")
    assert claim.text.startswith("raising the toll for ferries")


def test_a_name_inside_the_quote_a_pronoun_gives_does_not_rule_the_speaker_out(statements):
    """'He said that "nobody should doubt Tom Hale"': a name in the speaker's own words is no person the
    narration sets beside "he"."""
    text = 'Mayor Tom Hale spoke in Dover on Monday with Paul Grant. He said that "nobody should doubt Tom Hale on the ferry."'
    assert _only(statements(text), "nobody should doubt").speaker == "Tom Hale"


def test_an_aside_clause_between_dashes_is_not_what_was_suggested(statements):
    """The parse may read the aside between dashes as the clause: the words are the whole suggestion."""
    text = (
        "Tom Hale suggested raising the fee at which owners can dock their boats -- currently, 12 dollars -- "
        "would be on the table."
    )
    claim = _only(statements(text), "on the table")
    assert claim.text.startswith("raising the fee") and claim.text.endswith("would be on the table")


def test_a_poll_named_for_its_pollster_is_the_pollsters_finding(statements):
    """ "A Dover State University poll found ...": the university's finding; "A poll found" names nobody."""
    claim = _only(
        statements("A Dover State University poll found that most voters back the toll."), "most voters"
    )
    assert claim.speaker == "Dover State University"
    claim = _only(statements("A poll found that most voters back the toll."), "most voters")
    assert claim.speaker is None and claim.role == "poll"
    # a joint poll is no one body's: "ABC News/Washington Post" would swallow either outlet across articles
    claim = _only(
        statements("An ABC News/Washington Post poll found that most voters back the toll."), "most voters"
    )
    assert claim.speaker is None
