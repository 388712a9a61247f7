"""Whom a subject pronoun ("he said", "she added") stands for, on sentences we wrote (issue 14, branch stmt13h):
the nearest person who fits and is the subject of a main clause since the last source spoke, whether the
tagger named that subject (a surname it left untagged, a name behind a title the entity leaves out) or the
article described them ("the former governor"); the last speaker only when no such subject came between,
and the last speaker too when they are that nearest subject."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.text[:40]) for c in claims]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            # the last speaker, made the subject again after another subject, is the nearest one
            "Gov. Peter Hale said the bridge would reopen in May. Mayor Tom Grant objected to the plan. "
            "Hale later left the meeting. He said the vote would be close.",
            "the vote would be close",
            "Peter Hale",
        ),
        (
            # an untagged surname of the other gender between changes nothing
            '"The bridge will reopen in May," Mayor Karen Ruiz said on Monday. Peter Hale toured the site with '
            "Tom Grant on Tuesday. Hale then met the builders. She said the work was slow.",
            "the work was slow",
            "Karen Ruiz",
        ),
        (
            # a description of a person named before, the subject of a main clause, is that person
            '"The bridge will reopen in May," Mayor Tom Grant said on Monday. The race also has a veteran, '
            "former Governor Peter Hale. The former governor is a keen sailor. He said the race would be close.",
            "the race would be close",
            "Peter Hale",
        ),
        (
            # a name behind a title the entity leaves out still opens its sentence
            "Sen. Al Franken said the judge had ruled for companies again and again. Sen. Mazie Hirono "
            "(D-Hawaii) blasted the ruling for creating a new doctrine out of whole cloth, "
            "\u201cSo much for judicial modesty,\u201d she said.",
            "So much for judicial modesty",
            "Mazie Hirono",
        ),
    ],
)
def test_a_pronoun_goes_to_the_nearest_subject_who_fits(statements, text, words, speaker):
    claim = one_with_text(statements(text), words)
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a subject of the other gender between: the last speaker goes on
        '"The bridge will reopen in May," Peter Hale said. Sen. Ana Ruiz asked whether the state would pay. '
        '"It is a waste," he added.',
        # a description in a subordinate clause is no subject a pronoun looks to
        '"The bridge will reopen in May," Peter Hale said. When the former mayor Tom Grant arrived, the '
        "crowd cheered. He said the work was slow.",
    ],
)
def test_the_last_speaker_goes_on_when_no_subject_who_fits_came_between(statements, text):
    claims = statements(text)
    assert claims and claims[-1].speaker == "Peter Hale", _said(claims)


def test_an_untagged_surname_subject_is_a_mention_of_the_named_person(nlp):
    """ "Hale later left": the small tagger misses a surname alone; as the subject of a main clause it is
    Peter Hale's mention, and a surname of nobody the article named is nobody's."""
    from claims.extraction.statements.speakers import ArticleActors

    doc = nlp("Gov. Peter Hale visited the port. Hale later left the meeting. Grant stayed.")
    actors = ArticleActors.from_doc(doc)
    assert [(doc[m.pos].text, m.actor, m.subject) for m in actors.mentions][-1] == (
        "Hale",
        "Peter Hale",
        True,
    )
    assert all(doc[m.pos].text != "Grant" for m in actors.mentions)
