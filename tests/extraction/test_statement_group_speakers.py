"""Several named countries or bodies speaking together (issue 14, stmt12g), on sentences we wrote: the list is
the speaker ("France, Germany and Britain said ..."), not an unnamed source; people together, a choice
between names, or a description of where officials are from stay unnamed with the names as their role."""

import pytest

from claims.extraction.types import StatementClaim


def _said(claims: list[StatementClaim]) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(c.speaker, c.speaker_kind, c.role, c.text) for c in claims]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "Portugal, Chile and Canada said the fishing deal would hold.",
            "Portugal, Chile and Canada",
            "government",
        ),
        (
            "Norway and Denmark said in a joint statement that the quotas were unfair.",
            "Norway and Denmark",
            "government",
        ),
        (
            "The European Union and Japan said on Monday that the tariffs would fall.",
            "European Union and Japan",
            "organisation",
        ),
    ],
)
def test_a_list_of_named_countries_or_bodies_is_the_speaker(statements, text, speaker, kind):
    claims = statements(text)
    assert [(c.speaker, c.speaker_kind) for c in claims] == [(speaker, kind)], _said(claims)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Officials in Norway and Denmark said the quotas were unfair.", "Officials in Norway and Denmark"),
        (
            "Norway, Denmark and other states said the fishing deal would hold.",
            "Norway, Denmark and other states",
        ),
        (
            "Portugal, Chile, Peru and Canada, among others, said the fishing deal would hold.",
            "Portugal, Chile, Peru and Canada",
        ),
    ],
)
def test_officials_of_named_places_stay_unnamed(statements, text, role):
    """ "Officials in Norway and Denmark" are not the countries themselves, and "Portugal, Chile ..., among
    others" or "and other states" is more than the countries named."""
    claims = statements(text)
    assert [(c.speaker, c.role) for c in claims] == [(None, role)], _said(claims)
