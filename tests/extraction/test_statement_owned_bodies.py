"""A body named after its owner, on sentences we wrote (issue 14, branch campaign13): "Hale's campaign", "his
campaign", "Gov. Ana Ruiz's administration" speak as the "Hale campaign" or "Ruiz administration" (as "Obama
administration"), an office, team or staff as "Hale's legal team"; a later "the campaign" is that body when it
is the only campaign the article named. A campaign of another owner, or one whose owner is unknown, leaves
"the campaign" unnamed with its role. An occasion ("who in an Oct. 12 interview with Dover Radio claimed")
the parse made a second subject of the verb is never the speaker. "The group" is
the body the article introduced as an organization ("Lakeside Anglers League, a sport-fishing organization,")."""

import pytest

from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], words: str) -> StatementClaim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.text[:40]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Sen. Tom Hale is running for a second term.\n\n"
            "Hale's campaign disputed a report that the work would be done by June.",
            "Hale campaign",
            "campaign",
        ),
        (
            "Tom Hale toured Dover on Monday.\n\nHis campaign said that the work would be done by June.",
            "Hale campaign",
            "campaign",
        ),
        (
            "Tom Hale was charged in March.\n\nHale's legal team said the work would be done by June.",
            "Hale's legal team",
            "legal team",
        ),
        (
            "Gov. Ana Ruiz's administration said the work would be done by June.",
            "Ruiz administration",
            "administration",
        ),
    ],
)
def test_a_body_is_named_after_its_owner(statements, text, speaker, role):
    claim = _by_text(statements(text), "the work would be done")
    assert (claim.speaker, claim.role) == (speaker, role)


def test_the_campaign_is_the_only_campaign_named(statements):
    text = (
        "Tom Hale announced his bid in May.\n\nHale's campaign said he planned an event in Dover on Friday.\n\n"
        "Voters waited in the rain.\n\nThe campaign said that the work would be done by June."
    )
    claim = _by_text(statements(text), "the work would be done")
    assert (claim.speaker, claim.role) == ("Hale campaign", "campaign")


@pytest.mark.parametrize(
    "intro",
    [
        # another owner's campaign named before: either of them
        "Tom Hale toured Dover. The Lund campaign bought ads.\n\nHale's campaign said he led.",
        # a campaign of nobody the article names
        "Voters met in Dover.\n\nA campaign for a new park said it led.",
    ],
)
def test_the_campaign_stays_unnamed_when_two_or_none_fit(statements, intro):
    text = f"{intro}\n\nThe campaign said that the work would be done by June."
    claim = _by_text(statements(text), "the work would be done")
    assert claim.speaker is None
    assert claim.role == "campaign"


@pytest.mark.parametrize("occasion", ["an Oct. 12, 2015, interview", "a March 4 statement"])
def test_an_occasion_is_never_the_speaker_beside_a_subject(statements, occasion):
    # "who in an ... interview with X claimed": the parse may make the interview a second subject of the verb
    text = (
        "The council did not respond to a request for comment.\n\n"
        f"Vice President Tom Hale, who in {occasion} with Dover Radio claimed the council had not been in "
        "touch with the builders, said in a statement late Friday that he had not known about the letters."
    )
    claim = _by_text(statements(text), "not been in touch")
    assert (claim.speaker, claim.role) == ("Tom Hale", "Vice President")


def test_the_group_is_the_body_introduced_as_an_organization(statements):
    text = (
        "The ban on imported trout had been lifted in March.\n\n"
        "Lakeside Anglers League, a sport-fishing organization that sued the state in 2019, praised the "
        "decision on Tuesday.\n\nA day after the ruling, the Lakeside Anglers League sent out a call to its "
        "members, urging them to write to the governor.\n\n"
        "\u201cThe news from the river could not have been better for anglers,\u201d the group wrote."
    )
    claim = _by_text(statements(text), "could not have been better")
    assert (claim.speaker, claim.role) == ("Lakeside Anglers League", "group")
