"""A generic noun for a body ("the retail giant", "the firm", "the network") that the article gave no body's
name, on sentences we wrote (issue 14, branch stmt14f): the body of that kind that spoke just before, within a
few sentences, when no other body spoke or was named in between outside the quotes; else unnamed with the
description as role."""

import pytest

from tests.extraction.test_statement_epithet_speakers import _by_text

_QUOTE = '"We regret the closures and will help every worker find a new job,"'


@pytest.mark.parametrize("description", ["the retail giant", "the firm", "the company"])
def test_a_generic_noun_is_the_body_that_spoke_just_before(statements, description):
    text = (
        "Harbor Freight Ltd. said on Monday that it would close two stores in Dover.\n\n"
        f"{_QUOTE} {description} said in a statement."
    )
    assert _by_text(statements(text), "regret the closures").speaker == "Harbor Freight Ltd."


def test_another_body_named_since_leaves_it_unnamed(statements):
    text = (
        "Harbor Freight Ltd. said on Monday that it would close two stores in Dover. Its rival Coastal Tools "
        "plans to hire.\n\n"
        f"{_QUOTE} the retail giant said in a statement."
    )
    claim = _by_text(statements(text), "regret the closures")
    assert claim.speaker is None
    assert claim.role == "retail giant"


def test_a_body_that_spoke_paragraphs_back_is_not_the_description(statements):
    filler = "The mill on the river has stood empty since the flood, and the road beside it is closed. " * 4
    text = (
        "Harbor Freight Ltd. said on Monday that it would close two stores in Dover.\n\n"
        f"{filler}\n\n{filler}\n\n"
        f"{_QUOTE} the retail giant said in a statement."
    )
    assert _by_text(statements(text), "regret the closures").speaker is None
