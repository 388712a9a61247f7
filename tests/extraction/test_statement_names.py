"""A name is no statement (issue 14, branch read10): an independent read of basil-links-dev found 'The
bill, known as the Justice Against ... Act' and 'relatives, known as "angel moms,"' stored as statements.
A participle that names the noun it hangs on, with nobody doing the naming, reports nobody's words."""

import pytest

from claims.extraction.types import StatementClaim


def _texts(claims: list[StatementClaim]) -> list[str]:
    return [c.text for c in claims]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Some of the parents, known as \u201criver moms,\u201d stood up holding photographs.", "river moms"),
        (
            "Several of the fishermen, known as \u201cthe night crew,\u201d waited at the dock.",
            "the night crew",
        ),
        (
            "The volunteers, dubbed \u201cbridge keepers,\u201d repaint the railings each spring.",
            "bridge keepers",
        ),
        ("Her supporters, known as the Harbor Club, marched to city hall.", "the Harbor Club"),
    ],
)
def test_a_name_given_by_a_participle_is_no_statement(statements, text, name):
    assert not any(name in t for t in _texts(statements(text)))


def test_a_name_someone_gives_and_the_words_around_it_stay(statements):
    """With a source the naming is speech ("by critics"), and a statement beside a name is still one."""
    claims = statements(
        "The mayor, dubbed \u201cthe bridge builder\u201d by critics, said the plan would cost too much.\n\n"
        "The bill, known as the Harbor Relief Act, is unfair to fishermen, Senator Tom Hale said."
    )
    texts = _texts(claims)
    assert any("the plan would cost too much" in t for t in texts), texts
    assert any("is unfair to fishermen" in t for t in texts), texts


def test_a_group_that_called_something_a_name_still_speaks(statements):
    """'Harbor Watch, a group ..., called the plan "a disaster"' calls the plan something: its words, whichever
    way the parse hangs "called"."""
    claims = statements(
        "Harbor Watch, a local group in Dover that has opposed the pier for years, called the council\u2019s "
        "plan \u201ca disaster for the bay\u201d in a statement on Monday."
    )
    assert any("a disaster for the bay" in t for t in _texts(claims)), _texts(claims)
