"""One speaker's two remarks about the same people (links16d), on sentences written for these tests.

One speaker's statements linked when they shared two words and were a little alike (`SAME_SPEAKER_MIN`).
Where every word they share is a name in their sentences ("the Harbour Board of Elmsby", "Ivo Ryland"),
they are two remarks of that speaker about the same people, places or bodies, not one remark told twice:
what each says of the names is in the words they do not share. A pair alike as wholes (`SURE_COSINE`)
and a pair sharing a word beyond the names still link.
"""

from __future__ import annotations

import pytest

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable


def reported(cid, article, text, speaker, frame="said"):
    claim = StatementClaim(0, len(text), text, speaker, direct=False, speaker_kind="person")
    return linkable(cid, article, claim, f"{speaker} {frame} {text}.")


def relations(links):
    return {frozenset((s.a_id, s.b_id)): s.relation for s in links}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # the same body
            "the Harbour Board of Elmsby had wasted the ferry subsidy",
            "the Harbour Board of Elmsby should welcome the new cruise terminal",
        ),
        (  # the same person
            "Governor Ivo Ryland of Marlshire never answered her letters",
            "Governor Ivo Ryland of Marlshire will chair the budget committee",
        ),
    ],
)
def test_two_remarks_about_the_same_names_do_not_corroborate(first, second):
    links = suggest_links([reported("a", "A", first, "Ada Brill"), reported("b", "B", second, "Ada Brill")])
    assert frozenset(("a", "b")) not in relations(links)


def test_one_remark_sharing_a_word_beyond_the_names_still_corroborates():
    links = suggest_links(
        [
            reported("a", "A", "the Harbour Board of Elmsby had wasted the ferry subsidy", "Ada Brill"),
            reported("b", "B", "the Harbour Board of Elmsby wasted millions of the subsidy", "Ada Brill"),
        ]
    )
    assert relations(links).get(frozenset(("a", "b"))) == "corroborates"


def test_one_remark_alike_as_a_whole_still_corroborates():
    """All they share are names, but little else is said: one remark (contact with one person)."""
    links = suggest_links(
        [
            reported("a", "A", "being in contact with Ivo Ryland of Harbour Watch", "Ada Brill", "admitted"),
            reported(
                "b", "B", "that she had spoken to Harbour Watch founder Ivo Ryland", "Ada Brill", "said"
            ),
        ]
    )
    assert relations(links).get(frozenset(("a", "b"))) == "corroborates"
