"""A noun cue in a time phrase of another source's verb ("saying after Hale's announcement that ...") is no
second statement of the verb's words, on sentences we wrote (branch stmt16d)."""

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.text) for c in claims]


def test_time_phrase_noun_does_not_take_the_verbs_words(statements):
    """ "saying on Monday after Hale's announcement that ...": the group said it; Hale's announcement only
    dates the words, so they are stored once, as the group's."""
    text = (
        "The Harbour Alliance, a fishermen's group, criticized Ruiz, saying on Monday after Hale's "
        'announcement that the senator made "false claims about the pier."'
    )
    found = [c for c in statements(text) if "false claims" in c.text]
    assert [c.speaker for c in found] == ["Harbour Alliance"], _said(statements(text))


def test_time_phrase_noun_with_words_of_its_own_stays(statements):
    """ "After the governor's announcement that the fee would rise, Ruiz said ...": no verb holds the
    announcement's clause, so it stays a statement beside Ruiz's."""
    text = "After the governor's announcement that the fee would rise, Ruiz said the pier would close."
    texts = [c.text for c in statements(text)]
    assert any("the fee would rise" in t for t in texts), texts
    assert any("the pier would close" in t for t in texts), texts


def test_verb_and_a_noun_phrase_of_time_keep_one_speaker(statements):
    """ "told reporters after Hale's speech that ...": the clause is Ruiz's, once."""
    text = "Ruiz told reporters after Hale's speech that the port was broke."
    assert _said(statements(text)) == [("Ruiz", "that the port was broke")]
