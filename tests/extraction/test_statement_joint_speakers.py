"""People who speak together, on sentences we wrote (issue 14, branch stmt14c): two or three people named as one
source ("Speaker Ana Ruiz and Senator Tom Hale said") are a joint speaker named for them all, each by the fullest
name the article gives, with their titles as the role; "they" and "the joint statement" after them are them;
anything but names, titles and what joins them ("people including ...", "or", a body) leaves no joint speaker."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction_support import one_with_text


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(c.speaker, c.speaker_kind, c.role, c.text[:40]) for c in claims]


def test_two_titled_people_speak_together_with_their_titles_as_role(statements):
    text = (
        "Harbour Speaker Ana Ruiz of Dover and Senator Tom Hale of Lyme, the minority leader, said in a joint "
        "statement that the ferry tax was illegal."
    )
    claim = one_with_text(statements(text), "ferry tax was illegal")
    assert (claim.speaker, claim.speaker_kind, claim.role) == (
        "Ana Ruiz and Tom Hale",
        "joint",
        "Harbour Speaker Ana Ruiz of Dover and Senator Tom Hale of Lyme",
    ), _said([claim])


def test_a_title_parsed_as_the_second_member_still_names_the_pair(statements):
    """ "House Speaker Ana Lopez and Senate Democratic Leader Tom Hale said": the parse joins "Leader" to the first
    name and hangs the second name beside it; the two people named are still who spoke, and "the joint statement"
    after them is theirs, with the party tags closed."""
    text = (
        '"The ferry levy breaks the harbour charter," House Speaker Ana Lopez and Senate Democratic Leader Tom Hale '
        "said in a statement."
    )
    claim = one_with_text(statements(text), "ferry levy breaks")
    assert (claim.speaker, claim.role) == (
        "Ana Lopez and Tom Hale",
        "House Speaker Ana Lopez and Senate Democratic Leader Tom Hale",
    ), _said([claim])
    text = (
        "Late Thursday, House Speaker Maria Lopez (D-Calif.) and Senate Minority Leader Tom Hale (D-N.Y.) released a "
        'joint statement. "The harbour board must publish the ledger in full," the joint statement said.'
    )
    claim = one_with_text(statements(text), "publish the ledger")
    assert (claim.speaker, claim.role) == (
        "Maria Lopez and Tom Hale",
        "House Speaker Maria Lopez (D-Calif.) and Senate Minority Leader Tom Hale (D-N.Y.)",
    ), _said([claim])


def test_three_people_are_named_together(statements):
    """Three people are all named, with commas; courtesy titles are no role, a shared title is."""
    claims = statements("Ms. Lopez, Mr. Okafor and Mr. Hale wrote in a letter that the vote had been rigged.")
    claim = one_with_text(claims, "vote had been rigged")
    assert (claim.speaker, claim.speaker_kind, claim.role) == ("Lopez, Okafor and Hale", "joint", None), (
        _said(claims)
    )
    claims = statements(
        "Senators Maria Lopez, Peter Okafor and Tom Hale said in a letter that the vote had been rigged."
    )
    claim = one_with_text(claims, "vote had been rigged")
    assert (claim.speaker, claim.role) == (
        "Maria Lopez, Peter Okafor and Tom Hale",
        "Senators Maria Lopez, Peter Okafor and Tom Hale",
    ), _said(claims)


def test_a_pair_named_in_full_before_is_named_in_full(statements):
    """ "Mr. Hale and Ms. Ruiz" after both were named in full: the full names, no courtesy title as role."""
    text = (
        "The port director, Tom Hale, met the mayor of Dover, Maria Lopez, on Monday. Mr. Hale and Ms. Lopez said "
        "afterwards that the pier would reopen in May."
    )
    claim = one_with_text(statements(text), "pier would reopen")
    assert (claim.speaker, claim.speaker_kind, claim.role) == ("Tom Hale and Maria Lopez", "joint", None), (
        _said([claim])
    )


def test_they_and_the_joint_statement_after_a_pair_are_the_pair(statements):
    text = (
        "Senator Tom Hale and Senator Ana Ruiz wrote to the port authority on Friday. The joint statement said "
        'the harbour fees were unlawful. "We expect an answer within a week," they said.'
    )
    claims = statements(text)
    for words in ("harbour fees were unlawful", "expect an answer"):
        claim = one_with_text(claims, words)
        assert (claim.speaker, claim.speaker_kind) == ("Tom Hale and Ana Ruiz", "joint"), _said(claims)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of people including Tom Hale and Ana Ruiz said the pier would reopen in May.",
        "Tom Hale or Ana Ruiz will say on Friday that the pier would reopen in May.",
        "Officials in Dover and Lyme said the pier would reopen in May.",
    ],
)
def test_more_than_names_and_titles_is_no_joint_speaker(statements, text):
    claims = statements(text)
    assert all(c.speaker_kind != "joint" for c in claims), _said(claims)


def test_it_after_a_pair_is_not_the_pair(statements):
    """ "it" never stands for two people: after "Hale and Ruiz said ...", "it said" is not theirs."""
    text = (
        "Tom Hale and Ana Ruiz said on Monday that the pier was unsafe. The Dover Port Authority disagreed. It "
        "said the pier was inspected in May."
    )
    claims = statements(text)
    claim = one_with_text(claims, "pier was inspected")
    assert claim.speaker_kind != "joint", _said(claims)
