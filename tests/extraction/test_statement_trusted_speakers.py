"""Speakers an editor can trust (issue 14, branch stmt15a), on sentences we wrote.

- An outlet's name ending in a word outlets are called by that itself ends in "s" ("Times", "News") is an
  outlet: "the Times" after "The Dover Times" is that paper, never a bare "Times".
- A surname alone is the person the article named in full: a hyphenated one ("Ms. Lund-Okafor" after "Marta
  Lund-Okafor"), one the NER took for an event, and one named in full only where the NER tagged the surname
  alone ("Dario Kestenbaum, the mayor, said" then "Mr. Kestenbaum": Dario Kestenbaum, not "Kestenbaum").
- "They" is the group a clause it belongs to has as its subject ("House Republicans began repealing the law,
  which they have long said ..."), or, opening its sentence after connectives only ("But they", "In particular,
  they"), the group that was the subject of the sentence before, through a "they" opening that one too; sources
  joined ("State lawmakers and Gov. Ana Ruiz") stay together as the role.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from claims.extraction.actors import ActorIndex
from claims.extraction.statements.resolve import _looks_personal
from claims.extraction.statements.speakers import ArticleActors, _fuller_name, given_name_joined, names_outlet
from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], words: str) -> StatementClaim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.role, c.text[:40]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("The Dover Times", True),
        ("Times", True),
        ("Kestrel News", True),
        ("the Times's", True),
        ("Harbour Gazette", True),
        ("Tom Hale", False),
        ("Ana Times", True),  # a name ending in an outlet word is never taken for a person
        ("Dover Timeshare", False),
    ],
)
def test_an_outlet_word_keeps_its_final_s(name, outlet):
    assert names_outlet(name) is outlet


def test_the_times_is_the_paper_named_before(statements):
    text = (
        "The story was first reported by The Dover Times.\n\n"
        "The ferry ran late on Monday, and the Times reported that the captain had been warned twice."
    )
    claim = _by_text(statements(text), "the captain had been warned")
    assert claim.speaker == "Dover Times"


def test_a_hyphenated_surname_alone_is_the_person_named_in_full():
    index = ActorIndex(loose_surnames=True)
    index.add("Marta Lund-Okafor", "Marta Lund-Okafor")
    index.add("Tom Hale", "Tom Hale")
    assert index.resolve("Lund-Okafor") == "Marta Lund-Okafor"
    assert index.resolve("Ms. Lund-Okafor") == "Marta Lund-Okafor"
    assert index.resolve("Lund") is None  # half of the surname names nobody
    index.add("Peter Lund-Okafor", "Peter Lund-Okafor")
    assert index.resolve("Lund-Okafor") is None  # two people of that surname: no guess


def test_a_hyphenated_surname_speaks_as_the_person(statements):
    text = (
        "Marta Lund-Okafor is running for the harbour seat.\n\n"
        '"The division in Dover has gone too far," Ms. Lund-Okafor said in a statement.'
    )
    claim = _by_text(statements(text), "The division in Dover")
    assert claim.speaker == "Marta Lund-Okafor"


def test_a_surname_the_ner_took_for_an_event_is_the_person(nlp):
    doc = nlp("Mayor Ana Ruiz spoke first. Later Ruiz said the pier would close.")
    actors = ArticleActors.from_doc(doc)
    actors.person("Ana Ruiz")
    surname = next(t for t in doc if t.text == "Ruiz" and t.i > 5)
    as_event = Span(doc, surname.i, surname.i + 1, label="EVENT")
    assert _looks_personal(as_event, None, actors)
    strange = next(t for t in doc if t.text == "pier")
    assert not _looks_personal(Span(doc, strange.i, strange.i + 1, label="EVENT"), None, actors)


@pytest.mark.parametrize(
    ("name", "known", "fuller"),
    [
        ("Dario Kestenbaum", "Kestenbaum", True),
        ("Dario J. Kestenbaum", "Kestenbaum", True),
        ("Mayor Kestenbaum", "Kestenbaum", False),  # a title, no given name
        ("Captain Kestenbaum", "Kestenbaum", False),  # a rank
        ("Justice Kestenbaum", "Kestenbaum", False),
        ("Dario Kestenbaum Jr.", "Kestenbaum", False),  # a son is no fuller name of his father
        ("Dario Kestenbaum", "Ana Kestenbaum", False),  # two given names: two people
        ("Dario Lund", "Kestenbaum", False),
    ],
)
def test_a_fuller_name_of_a_surname(name, known, fuller):
    assert _fuller_name(name, known) is fuller


@pytest.mark.parametrize(("first", "joined"), [("Maria", "Maria Kestenbaum"), ("Captain", "Kestenbaum")])
def test_a_given_name_is_joined_to_a_lone_surname_but_no_rank(nlp, first, joined):
    # a parse given by hand: the first word a compound of the surname, untagged, the surname the entity
    words = [first, "Kestenbaum", "said", "the", "pier", "was", "closed", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * 6 + [False, False],
        pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
        heads=[1, 2, 2, 4, 6, 6, 2, 2],
    )
    assert given_name_joined(Span(doc, 1, 2, label="PERSON")).text == joined


def test_a_person_is_known_by_the_fullest_name_given():
    actors = ArticleActors()
    actors.index.add("Kestenbaum", "Kestenbaum")
    assert actors.person("Dario Kestenbaum").name == "Dario Kestenbaum"
    assert actors.person("Kestenbaum").name == "Dario Kestenbaum"


@pytest.mark.parametrize(
    ("text", "words", "role"),
    [
        (  # "they" in a clause under the group's own verb
            "House Republicans began the process of repealing the toll law, which they have long said lacks any "
            "legal basis.",
            "lacks any legal basis",
            "House Republicans",
        ),
        (  # after an opening adverbial
            "Republican lawmakers have argued that the port altered the report for political reasons.\n\n"
            "In particular, they pointed to the fact that two warnings were removed.",
            "two warnings were removed",
            "Republican lawmakers",
        ),
        (  # through a "they" that opens the sentence between
            "Even so, Democrats roundly criticized the harbor plan. They were particularly angry about the fees. "
            "And they said the deal was a nonstarter.",
            "the deal was a nonstarter",
            "Democrats",
        ),
        (  # groups of people
            "Progressive advocacy groups said the council will never take up the bill. They accused Mayor Tom "
            "Hale of caving to the builders.",
            "caving to the builders",
            "Progressive advocacy groups",
        ),
        (  # sources joined
            "State lawmakers and Gov. Ana Ruiz have been defending the ferry law since it was signed on Thursday."
            "\n\nThey note that a similar law was passed in Ohio in 1993.",
            "a similar law was passed",
            "State lawmakers and Gov. Ana Ruiz",
        ),
    ],
)
def test_they_is_the_group_named_before(statements, text, words, role):
    claim = _by_text(statements(text), words)
    assert (claim.speaker, claim.role) == (None, role)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the subject before is one person: the group "they" stands for is nowhere named
        (
            "Ana Ruiz met the dockworkers on Monday. They said the new contract was unfair.",
            "contract was unfair",
        ),
        # the nearest subject is no group of people: never reached past it
        (
            "The senators met on Monday. The meeting ended early. They said the contract was unfair.",
            "contract was unfair",
        ),
        # a subject opens the sentence before "they": not the sentence before's group
        (
            "Critics met on Monday. As the vote loomed, they said the contract was unfair.",
            "contract was unfair",
        ),
    ],
)
def test_they_stays_unnamed_without_a_group(statements, text, words):
    claim = _by_text(statements(text), words)
    assert (claim.speaker, claim.role) == (None, None)


def test_a_name_set_off_after_a_subject_is_whom_she_stands_for(statements):
    text = (
        "Speaker Ana Lopez said the toll plan was dead. Several Republicans have broken with the mayor. One of "
        "them, Senator Maria Vance of Dover, is among only a handful who have called for the pier to reopen.\n\n"
        "On Saturday, she praised the mayor, saying she hoped the offer would end the impasse."
    )
    claim = _by_text(statements(text), "the offer would end the impasse")
    assert claim.speaker == "Maria Vance"


def test_whom_a_causing_verb_moves_to_speak_is_the_speaker(statements):
    claim = _by_text(
        statements('All this has led the Dover columnist Ana Ruiz to fear a "harbour pact."'), "harbour pact"
    )
    assert claim.speaker == "Ana Ruiz"
    assert claim.speaker_mention is not None and "All this" not in claim.speaker_mention.text


def test_a_source_after_an_object_the_parse_took_for_a_subject(statements):
    text = (
        "Republicans said they are convinced the council mishandled the inquiry and Democrats accused the mayor "
        "of stoking the issue for political gain."
    )
    claim = _by_text(statements(text), "accused the mayor")
    assert (claim.speaker, claim.role) == (None, "Democrats")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Democrats"


def test_the_spokesperson_keeps_whom_they_speak_for(statements):
    text = (
        "Tom Hale, the harbour senator, criticised the plan on Monday.\n\n"
        "A spokesperson for Hale fired back Tuesday, telling the Dover Gazette that the mayor had ignored the "
        "fishermen.\n\nThe spokesperson also touted Hale's record on the harbour committee."
    )
    claims = statements(text)
    first = _by_text(claims, "the mayor had ignored the fishermen")
    later = _by_text(claims, "record on the harbour committee")
    assert (first.speaker, first.role) == (None, "spokesperson for Tom Hale")
    assert (later.speaker, later.role) == (None, "spokesperson for Tom Hale")


def test_the_spokesperson_of_a_body(statements):
    text = (
        "A spokesperson for Kestrel Bank said the company cares about the security of its customers.\n\n"
        '"We disclose data only when the law requires it," the spokesperson said.'
    )
    claim = _by_text(statements(text), "We disclose data")
    assert (claim.speaker, claim.role) == (None, "spokesperson for Kestrel Bank")


def test_he_after_an_unnamed_spokesman_is_that_spokesman(statements):
    text = (
        "Tom Hale toured the pier on Monday.\n\n"
        "A spokesman for Hale said the senator would vote against the toll. He added that the vote was close."
    )
    claim = _by_text(statements(text), "the vote was close")
    assert (claim.speaker, claim.role) == (None, "spokesman for Tom Hale")


def test_an_agent_for_someone_known_by_no_fuller_name_keeps_the_words(statements):
    claim = _by_text(
        statements("A lawyer for Mrs. Hale said there was no need to turn over the server."), "no need"
    )
    assert (claim.speaker, claim.role) == (None, "lawyer for Mrs Hale")


@pytest.mark.parametrize("cue", ["reported incorrectly", "falsely reported", "wrongly reported"])
def test_what_a_report_got_wrong_is_not_the_subjects_statement(statements, cue):
    claims = statements(
        f"The Dover Gazette {cue} that Ana Ruiz had emphasized the need to protect the port's interests."
    )
    assert [c.speaker for c in claims] == ["Dover Gazette"]


def test_what_a_report_relays_stays_the_subjects_statement(statements):
    claims = statements(
        "The Dover Gazette reported that Ana Ruiz had emphasized the need to protect the port."
    )
    assert sorted(c.speaker or "" for c in claims) == ["Ana Ruiz", "Dover Gazette"]
