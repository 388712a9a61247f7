"""Statement spans and sources on sentences we wrote (branch stmt11e): a span never ends inside a word the
tokenizer split at its hyphen; an object standing for words given elsewhere ("said just that") leaves the
cue with no words here, so a clause before it is not taken for them; whom something was told ("noted to a
reporter that ...") is no part of the words; and where posts were put ("his posts on his account") is not
what they said."""

import pytest

from claims.extraction.types import StatementClaim


def _texts(claims: list[StatementClaim]) -> list[str]:
    return [c.text for c in claims]


@pytest.mark.parametrize(
    "sentence, words",
    [
        (
            "Mayor Tom Hale sent a letter to the council calling on its members to re-open the library.",
            "to re-open the library",
        ),
        (
            "Governor Ana Ruiz urged lawmakers to re-examine the ferry budget before the vote.",
            "to re-examine the ferry budget before the vote",
        ),
    ],
)
def test_words_never_end_inside_a_hyphenated_word(statements, sentence, words):
    """ "to re" of "to re-open the library" is no statement: the words run on to the end of the word and
    of what it governs."""
    claims = statements("The council met on Monday.\n\n" + sentence)
    assert claims and all(not c.text.endswith((" re", "-")) for c in claims), _texts(claims)
    assert any(c.text == words for c in claims), _texts(claims)


@pytest.mark.parametrize("ending", ["said just that", "said as much", "said so", "said this"])
def test_an_object_standing_for_words_given_elsewhere_takes_no_clause_before_it(statements, ending):
    """ "In a reply shortly after ..., Mary Ruiz said just that.": the clause before the cue is the
    writer's; the words that were said are not in the sentence, so it gives no statement."""
    claims = statements(
        "The council released the files on Monday.\n\n"
        f"In a reply shortly after the files were released on Monday, Mary Ruiz, a spokeswoman for the mayor, "
        f"{ending}.\n\n"
        '"The report is wrong," she said.'
    )
    assert not any("In a reply" in c.text or "files were released" in c.text for c in claims), _texts(claims)
    quote = [c for c in claims if c.text == "The report is wrong"]
    assert quote and quote[0].speaker == "Mary Ruiz"


def test_said_that_with_a_clause_keeps_its_words(statements):
    """ "said that the bridge would close" still gives its clause: only a pronoun that ends the clause
    stands for words given elsewhere."""
    claims = statements("Mary Ruiz said that the bridge would close in May.")
    assert _texts(claims) == ["that the bridge would close in May"]


def test_a_pronoun_placed_in_a_medium_still_stands_for_words_elsewhere(statements):
    """ "said so on Twitter": the words are elsewhere; the clause before is the writer's."""
    claims = statements(
        "In a reply shortly after the files were released on Monday, Mary Ruiz said so on Twitter."
    )
    assert not any("files were released" in c.text for c in claims), _texts(claims)


def test_much_about_a_topic_is_no_pronoun_for_words_elsewhere(statements):
    """ "haven't said much about how he is preparing": "much" governs its topic, so it is not a pronoun
    standing for words given elsewhere, and the cue keeps what it governs."""
    claims = statements(
        "The port director and his aides haven't said much about how he is preparing for the vote."
    )
    assert any("how he is preparing" in c.text for c in claims), _texts(claims)


@pytest.mark.parametrize(
    "cue, addressee",
    [("noted to", "another reporter"), ("explained to", "the students")],
)
def test_whom_the_words_were_told_is_no_part_of_them(statements, cue, addressee):
    """ "noted to another reporter that her brother had died ...": the reporter is whom it was told."""
    claims = statements(
        "The visit ended late.\n\n"
        f"A second visitor, Karen Miller, {cue} {addressee} that her brother had died after a crash with a "
        "county truck in 2014."
    )
    said = [c for c in claims if "brother" in c.text]
    assert said, _texts(claims)
    assert said[0].text.startswith("that her brother") and addressee not in said[0].text
    assert said[0].speaker == "Karen Miller"


def test_a_to_phrase_that_is_no_person_keeps_its_clause(statements):
    """ "pointed to the fact that ...": the fact is no addressee, so its phrase stays what was pointed to."""
    claims = statements("Mary Ruiz pointed to the fact that the ferry had been late twice in May.")
    said = [c for c in claims if "ferry" in c.text]
    assert said and all("the fact that" in c.text for c in said), _texts(claims)


@pytest.mark.parametrize("channel", ["his personal account", "his page", "the company's website"])
def test_where_posts_were_put_is_not_what_they_said(statements, channel):
    """ "had his posts and videos on his personal account ... removed": the account is where the posts
    went, not their content, so no statement of Reed's says "his personal account"."""
    claims = statements(
        "Several platforms acted on Monday.\n\n"
        f"Mr. Reed has had his posts and videos on {channel} and on Harbour Radio severely restricted or "
        "removed by Apple, Facebook and Google."
    )
    assert not any(channel in c.text for c in claims), _texts(claims)


@pytest.mark.parametrize("connective", ["Plus", "Meanwhile", "Still"])
def test_a_connective_glued_to_a_name_is_no_given_name(connective):
    """ "took other steps.Plus Hale is nominating ...": a scraper glued the sentences and the NER took
    "Plus Hale" for a person; the connective that opens the sentence is no part of the name, whatever
    the tagger calls it (a proper noun here), so no "Plus Hale" stands beside "Tom Hale"."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claims.extraction.statements.speakers import clean_name

    words = ["took", "other", "steps", ".", connective, "Hale", "is", "nominating", "Ruiz"]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, True, False, False, True, True, True, True, False],
        tags=["VBD", "JJ", "NNS", ".", "NNP", "NNP", "VBZ", "VBG", "NNP"],
        ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON"],
    )
    assert clean_name(doc.ents[0]) == "Hale"
