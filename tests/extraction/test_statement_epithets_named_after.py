"""An epithet for somebody the article names only right after (issue 14, branch stmt14f), on sentences we wrote:
news often opens with "the Senate's top Democrat said ..." and names the person in the next paragraph
("Senator Ana Ruiz of Ohio, the Senate majority leader and a Democrat, said"). The epithet is that person when the
article gives them every attribute it names and makes them a subject in the rest of the paragraph or the next;
nobody when two fit, when the person named next was given none of it, or when they only come later."""

import pytest

from claims.extraction.types import StatementClaim
from tests.extraction.test_statement_epithet_speakers import _by_text

_LEDE = (
    "DOVER — Lawmakers clashed over the harbor toll on Monday as {epithet} said the toll should be dropped."
)


def _article(epithet: str, *paragraphs: str) -> str:
    return "\n\n".join([_LEDE.format(epithet=epithet), *paragraphs])


def _toll(claims: list[StatementClaim]) -> StatementClaim:
    return _by_text(claims, "toll should be dropped")


@pytest.mark.parametrize(
    ("epithet", "next_paragraph", "speaker"),
    [
        # a chamber and a party in the epithet, an office of that chamber and the party given next
        (
            "the Senate's top Democrat",
            "Senator Ana Ruiz of Ohio, the Senate majority leader and a Democrat, said through a spokesman that "
            "the toll hurt commuters.",
            "Ana Ruiz",
        ),
        # a state and a party, from the tag after the name
        (
            "the Vermont Republican",
            "Sen. Walter Penn (R-Vt.) told reporters that drivers had paid enough.",
            "Walter Penn",
        ),
        # an age
        (
            "the 43-year-old",
            "Marta Quill, 43, a member of the harbor board, said the fee was never meant to last.",
            "Marta Quill",
        ),
    ],
)
def test_an_epithet_is_the_person_named_right_after_with_its_attributes(
    statements, epithet, next_paragraph, speaker
):
    assert _toll(statements(_article(epithet, next_paragraph))).speaker == speaker


@pytest.mark.parametrize(
    ("epithet", "paragraphs"),
    [
        # the person named next was given neither the party nor the chamber
        ("the Senate's top Democrat", ["Ana Ruiz, a harbor pilot, said the toll hurt commuters."]),
        # another party
        ("the Vermont Republican", ["Sen. Walter Penn (D-Vt.) told reporters that drivers had paid enough."]),
        # two who fit named next
        (
            "the Vermont Republican",
            [
                "Sen. Walter Penn (R-Vt.) and Sen. Ruth Acker (R-Vt.) told reporters that drivers had paid "
                "enough."
            ],
        ),
        # named only paragraphs later, after somebody else has spoken
        (
            "the Vermont Republican",
            [
                "Mayor Tom Hale said the city needs the money.",
                "The council meets again next week.",
                "Sen. Walter Penn (R-Vt.) told reporters that drivers had paid enough.",
            ],
        ),
    ],
)
def test_an_epithet_named_after_by_nobody_who_fits_stays_unnamed(statements, epithet, paragraphs):
    claim = _toll(statements(_article(epithet, *paragraphs)))
    assert claim.speaker is None
    assert claim.role


def test_an_epithet_after_somebody_spoke_is_not_the_person_named_next(statements):
    # "also said" continues the senator just quoted; the Democrat named next is another one
    text = (
        'Then there was Sen. Tom Hale\'s response. "The toll is a tax on commuters," he said.\n\n'
        "The Democratic senator also said the toll should be dropped.\n\n"
        "Fellow Democratic Sen. Ana Ruiz of Ohio called the plan a first step."
    )
    assert _toll(statements(text)).speaker != "Ana Ruiz"
