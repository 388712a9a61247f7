"""Who said it and where a statement starts, on sentences we wrote: parentheses of attribution, headlines
in title case, relative asides, relative pronouns shared by conjoined verbs, and sources the parse loses
across a paragraph break or behind a closing quote mark."""

import pytest
from spacy.tokens import Doc

from claims.extraction.statements import relative_pronoun, subject_in_paragraph
from claims.extraction.statements.quotes import paragraph_ids
from claims.extraction.statements.reported import adjacent_subject, hearsay_at
from claims.extraction.types import StatementClaim


def _one(claims: list[StatementClaim], fragment: str) -> StatementClaim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in claims]
    return hits[0]


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A Doc with the parse given (the tagger's own parse of such text varies with the model)."""
    pos = {"NNP": "PROPN", "NN": "NOUN", "VBZ": "VERB", "VBG": "VERB", "VBD": "VERB", "DT": "DET"}
    spaces = [
        not w.isspace() and not (i + 1 < len(words) and words[i + 1].isspace()) for i, w in enumerate(words)
    ]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[pos.get(t, "PUNCT" if not t[0].isalpha() else "X") for t in tags],
    )


def test_a_bare_attribution_inside_a_sentence_keeps_the_clause_before_it(statements):
    """ "To see the harbour, Judge Morrow said, one should take the ferry": the opening clause is part of
    what was said (the parse hangs it on "said"), so the sentence is the judge's statement; a cue with its
    own object keeps the opening clause out ("Sounding tired, Ms. Ortiz explained her failure ...")."""
    claim = _one(statements("To see the old harbour, Judge Morrow said, one should take the ferry."), "ferry")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Judge Morrow"
    assert claim.text.startswith("To see the old harbour")
    claims = statements("If the plan fails, Ms. Ortiz argues, there are other ways to pay for the bridge.")
    assert _one(claims, "other ways").text.startswith("If the plan fails")
    claims = statements(
        "Sounding tired and angry, Ms. Ortiz explained her failure to fund the bridge during her first term."
    )
    assert not any("Sounding" in c.text for c in claims)


@pytest.mark.parametrize(
    "headline, said, source",
    [
        (
            "Mayor Hid Harbour Debts From Council, Former Treasurer Says.",
            "Mayor Hid Harbour Debts",
            "Treasurer",
        ),
        ("Ferry Plan Unclear On Who Pays, Experts Say.", "Ferry Plan Unclear", "Experts"),
    ],
)
def test_a_title_case_headline_ending_in_says_is_the_sources_statement(statements, headline, said, source):
    """ "What was said, Source Says." in the first line is a statement of the source, though title case
    defeats the parser; a headline with a clause before "says" is no such thing."""
    claim = _one(statements(f"{headline}\n\nThe harbour fund lost money for years.\n"), said)
    assert claim.speaker_mention is not None and source in claim.speaker_mention.text
    assert claim.cue is not None and claim.cue.text.lower().startswith("say")
    claims = statements("Harbour Fund Lost Money, And Nobody Says.\n\nThe fund lost money for years.\n")
    assert not any("Harbour Fund" in c.text for c in claims)


def test_a_sources_aside_in_a_relative_clause_is_kept_inside_anothers_words(statements):
    """ "Ms. Berg said the wages, which the auditors said were illegal, were cut": the auditors' aside is
    their statement though it stands inside Ms. Berg's; a pronoun's aside ("which she said") is hers again
    and stays in her words only."""
    claims = statements(
        "Ms. Berg said the wages, which the auditors said were illegal, were cut again in May."
    )
    aside = [c for c in claims if c.text == "were illegal"]
    assert len(aside) == 1, [c.text for c in claims]
    assert aside[0].speaker_mention is not None and aside[0].speaker_mention.text == "the auditors"
    outer = [c for c in claims if c.text.startswith("the wages")]
    assert len(outer) == 1 and outer[0].speaker_mention is not None
    assert outer[0].speaker_mention.text == "Ms. Berg"
    claims = statements("Ms. Berg said the wages, which she said were illegal, were cut again in May.")
    assert len(claims) == 1 and claims[0].text.startswith("the wages")


def test_a_relative_pronoun_shared_by_conjoined_verbs_is_part_of_the_mention(nlp):
    """ "donors, who fund the party and see the program as ...": "see" has the pronoun of "fund" as its
    subject, so the source's words include "who" (the annotators mark the pronoun as the source)."""
    doc = nlp(
        "The plan comes from wealthy donors, who fund the party and see the program as an easy way out."
    )
    see = next(t for t in doc if t.text == "see")
    donors = next(t for t in doc if t.text == "donors")
    assert see.dep_ == "conj"  # the parse this rule reads
    rel = relative_pronoun(see, donors)
    assert rel is not None and rel.text == "who"
    other = next(t for t in doc if t.text == "plan")
    assert relative_pronoun(see, other) is None  # the clause must hang on the source
    doc = nlp("She spoke as someone who had to reject the harbour plan.")
    reject = next(t for t in doc if t.text == "reject")
    assert reject.dep_ == "xcomp"
    rel = relative_pronoun(reject, next(t for t in doc if t.text == "someone"))
    assert rel is not None and rel.text == "who"  # "who had to reject": the subject of "had" is reject's


def test_a_subject_run_across_a_paragraph_break_keeps_its_part_in_the_cues_paragraph(nlp):
    """A live blog's "The Latest ...:\\n\\n7 p.m.\\n\\nJane Ortiz is questioning ..." parsed with Jane Ortiz
    as an apposition of the headline's "Latest": the source is Ortiz, not the headline and not nobody."""
    words = ["The", "Latest", ":", "\n\n", "Jane", "Ortiz", "is", "questioning", "the", "count", "."]
    heads = [1, 7, 1, 2, 5, 1, 7, 7, 9, 7, 7]
    deps = ["det", "nsubj", "punct", "dep", "compound", "appos", "aux", "ROOT", "det", "dobj", "punct"]
    tags = ["DT", "NNP", ":", "_SP", "NNP", "NNP", "VBZ", "VBG", "DT", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    paras = paragraph_ids(doc)
    assert paras[1] != paras[7]
    found = subject_in_paragraph(doc[1], paras, paras[7])
    assert found is not None and found.text == "Ortiz"
    assert subject_in_paragraph(doc[0], paras, paras[7]) is None  # nothing of it in the cue's paragraph


def test_the_name_between_a_closing_quote_and_said_is_the_source_never_the_date(nlp):
    """'"...," Hale, a top official, said Thursday morning' parsed with Hale hanging on the quote: the
    source is Hale; "Thursday morning" after the cue is when, never who."""
    words = ["\u201c", "It", "is", "safe", ",", "\u201d", "Hale", ",", "a", "top", "official", ","]
    words += ["said", "Thursday", "morning", "."]
    heads = [2, 2, 12, 2, 2, 6, 3, 6, 10, 10, 6, 12, 12, 14, 12, 12]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "appos", "punct", "det", "amod", "appos"]
    deps += ["punct", "ROOT", "compound", "npadvmod", "punct"]
    tags = ["``", "PRP", "VBZ", "JJ", ",", "''", "NNP", ",", "DT", "JJ", "NN", ",", "VBD", "NNP", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    doc[13].ent_type_ = doc[14].ent_type_ = "DATE"
    found = adjacent_subject(doc[12])
    assert found is not None and found.text == "Hale"
    doc[6].tag_, doc[6].pos_ = "NN", "NOUN"  # no name after the quote: no source, and not the date either
    doc[6].ent_type_ = ""
    assert adjacent_subject(doc[12]) is None


TRANSCRIPT = """Mayor Jane Ortiz spoke to the harbour radio on Sunday. Partial transcript as follows:

"HOST: Let us start with the ferry. Will it run this winter?

"ORTIZ: The ferry will run all winter. We have every boat we need.

"HOST: And the bridge?

"ORTIZ: The bridge will open in May, as we promised.
"""


def test_each_transcript_turn_is_a_statement_of_the_speaker_its_label_names(statements):
    """ "ORTIZ: The ferry will run ..." is Ortiz's statement (resolved to the mayor named before), the
    label is the source's words and out of the content; "HOST:" is a part, not a person; a turn that
    asks is a question; no statement swallows the labels."""
    claims = statements(TRANSCRIPT)
    ferry = _one(claims, "ferry will run all winter")
    assert ferry.speaker == "Jane Ortiz" and ferry.speaker_mention is not None
    assert ferry.speaker_mention.text == "ORTIZ" and ferry.text.startswith("The ferry")
    assert "HOST" not in ferry.text and ferry.polarity == "asserted"
    bridge = _one(claims, "bridge will open")
    assert bridge.speaker == "Jane Ortiz" and bridge.polarity == "asserted"
    asked = _one(claims, "And the bridge?")
    assert asked.speaker is None and asked.role == "host" and asked.polarity == "question"
    assert not any(":" in c.text for c in claims)


def test_a_single_capitalised_kicker_is_no_transcript(statements):
    """One "UPDATE:" paragraph is the newsroom's kicker, not a speaker called Update."""
    claims = statements(
        "UPDATE: The ferry will run all winter, the mayor said.\n\nThe bridge opens in May.\n"
    )
    assert all(c.speaker_mention is None or c.speaker_mention.text != "UPDATE" for c in claims)
    claims = statements("WATCH: The ferry crosses the bay.\n\nREAD: The bridge opens in May.\n")
    assert not claims


def test_a_closing_quote_glued_to_the_dash_that_names_the_speaker_ends_the_quote(statements):
    """'"... money."― Tom Hale' (no space, as pages of reader comments leave it): each quote ends at its
    own closing mark and belongs to the name after its dash, not to the next line's."""
    claims = statements(
        "\u201cThe ferry is late every day.\u201d\u2015 Anna Berg\n"
        "\u201cThe bridge is a waste of money.\u201d\u2015 Tom Hale\n"
        "\u201cThe harbour is dirty.\u201d \u2015 Jane Ortiz\n"
    )
    assert [(c.text, c.speaker) for c in claims] == [
        ("The ferry is late every day.", "Anna Berg"),
        ("The bridge is a waste of money.", "Tom Hale"),
        ("The harbour is dirty.", "Jane Ortiz"),
    ]
    assert all(c.direct for c in claims)


def test_a_name_and_claims_parsed_as_one_noun_is_the_names_statement(nlp):
    """ "But Ortiz claims that she should be the exception" parsed as the noun "Ortiz claims" heading the
    sentence: Ortiz says it (a verb of a named source), not an unnamed source's claim."""
    words = ["But", "Ortiz", "claims", "that", "she", "should", "be", "the", "exception", "."]
    heads = [2, 2, 2, 6, 6, 6, 2, 8, 6, 2]
    deps = ["cc", "compound", "ROOT", "mark", "nsubj", "aux", "acl", "det", "attr", "punct"]
    tags = ["CC", "NNP", "NNS", "IN", "PRP", "MD", "VB", "DT", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    doc[2].pos_, doc[2].lemma_ = "NOUN", "claim"
    found = hearsay_at(doc[2])
    assert found is not None and found.subject is not None and found.subject.text == "Ortiz"
    assert doc[found.content[0] : found.content[1]].text == "that she should be the exception"
    doc[1].pos_, doc[1].tag_, doc[1].dep_ = "DET", "DT", "det"  # "The claims that ...": nobody named
    found = hearsay_at(doc[2])
    assert found is not None and found.subject is None


def test_the_subject_of_a_passive_cue_is_its_target_unless_it_was_quoted(statements):
    """ "Hale has been harshly criticized for his policies": the critics are unnamed and Hale is what they
    criticise, never the speaker; "Hale was quoted as saying ..." keeps Hale as the one who spoke."""
    claims = statements("Tom Hale has been harshly criticized for his harbour policies.")
    assert all(c.speaker is None for c in claims)  # (and with nobody named, nothing is stored: stance.py)
    claims = statements("Tom Hale was quoted as saying the ferry is safe.")
    assert _one(claims, "ferry is safe").speaker == "Tom Hale"


def test_lets_say_is_a_supposition_not_a_statement(statements):
    """ "Let's say you think a degree will cost $160,000": the writer's supposition, nobody's statement."""
    assert not statements("Let's say you think a degree will cost $160,000 in 18 years.")


def test_a_speakers_participle_after_a_comma_starts_a_second_statement(statements):
    """ "Hale said he did not believe it, arguing that ..." and "analysts said trade lifted the port,
    citing ...": the participle is the same source going on, so the first statement ends before it and
    what it governs is a second statement of that source, not part of the first."""
    claims = statements(
        "Sen. Tom Hale said he did not believe those attacks hurt the mayor in 2012, arguing that it was "
        "the split in the party that did the damage."
    )
    first, second = _one(claims, "did not believe"), _one(claims, "split in the party")
    assert "arguing" not in first.text and first.text.endswith("in 2012")
    assert first.speaker == second.speaker == "Tom Hale" and second.cue is not None
    claims = statements(
        "Harbour analysts said trade has lifted the port, citing the new ferry line to Dover."
    )
    cited = _one(claims, "ferry line")
    assert cited.speaker_mention is not None and cited.speaker_mention.text == "Harbour analysts"
    assert _one(claims, "lifted the port").text == "trade has lifted the port"
    # No speaker goes on where no one spoke: "the video shows ..., contradicting ..." stays one claim.
    claims = statements("The video shows that the driver had his hands up, contradicting the police account.")
    assert not any(c.cue is not None and c.cue.text == "contradicting" for c in claims)


def test_a_quote_after_its_attribution_is_what_was_said_and_an_apposed_name_says_it(statements):
    """'At that event, Hale, speaking for the workers, clearly says, "We have learned ..."': the quote is
    the statement, not the sentence with its attribution; "the mayor's lawyer, Alan Morrow, said, ..." is
    Morrow's even when the parse hangs the name on the phrase before it."""
    claims = statements(
        'At that event, Hale, speaking for the dock workers, clearly says, "We have learned something '
        'very important since the strike."'
    )
    assert [c.text for c in claims] == ["We have learned something very important since the strike."]
    claims = statements(
        "In a statement to the Gazette, the mayor\u2019s lawyer, Alan Morrow, said, \u201cWe have no "
        "concerns about these papers.\u201d"
    )
    assert [c.speaker for c in claims] == ["Alan Morrow"]


@pytest.mark.parametrize(
    "text",
    [
        "Transport minister Ola Brandt, according to the Harbour Gazette, said he had misspoken about the ferry.",
        "Ola Brandt said, according to the Harbour Gazette, that the ferry would stop in May.",
        "Ola Brandt told reporters, according to the Harbour Gazette, that the ferry would stop in May.",
    ],
)
def test_according_to_inside_a_speakers_clause_only_relays(statements, text):
    """ "according to X" inside a clause whose reporting verb has its own subject relays that subject's
    words: the subject is the speaker, the outlet is not, and the relaying phrase is no part of the content."""
    claims = statements(text)
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert claim.speaker == "Ola Brandt" and claim.attribution is None
    assert "Gazette" not in claim.text and "ferry" in claim.text


@pytest.mark.parametrize(
    "text",
    [
        "The ferry, according to the Harbour Gazette, will stop running in May.",
        "Ola Brandt told the council the ferry would stop in May, according to the Harbour Gazette.",
    ],
)
def test_according_to_beside_a_clause_that_reports_nothing_or_after_it_is_the_source(statements, text):
    """ "The ferry, according to the Gazette, will stop": no one else speaks, so the Gazette is the source;
    closing the sentence ("X told ..., according to the Gazette") it reports the whole sentence, as
    PolNeAR annotates it."""
    claims = statements(text)
    assert len(claims) == 1, [c.text for c in claims]
    assert claims[0].speaker == "Harbour Gazette"
    assert claims[0].attribution == "according to the Harbour Gazette"


@pytest.mark.parametrize(
    "text",
    [
        "Everything the mayor says is a lie unless proven otherwise.",
        "Whatever Hale says is news to the council.",
        "Nothing the minister said was new to the harbour board.",
    ],
)
def test_what_someone_says_as_a_subject_is_no_statement(statements, text):
    """ "Everything the mayor says is a lie": the sentence speaks about somebody's words and reports none,
    so no statement is stored (the parse hangs "is a lie" on "says" as a clause with no subject)."""
    assert statements(text) == []


def test_a_reported_clause_with_its_own_subject_is_still_a_statement(statements):
    """The rule above leaves "Hale says the plan is sound" alone: the clause has its own subject."""
    (claim,) = statements("Hale says the plan is sound.")
    assert claim.speaker == "Hale" and claim.text == "the plan is sound"
