"""A body the article introduced with a description long before ("Harbour Anglers League, a sport-fishing
group,") is "the group" that speaks many sentences later when the article named it again shortly before (issue
14, branch stmt14c); one never named again stays unnamed; "the project" is the project the article named as one
("the Lake Survey, a project financed by ...")."""

from tests.extraction_support import one_with_text

_FILLER = (
    "The county council met on Tuesday to discuss the budget for the coming year. Members argued about road "
    "repairs, the cost of the new library and the salaries of park staff. The meeting ran late into the evening, "
    "and several residents left before the final vote was taken. "
)


def _long_text(middle: str) -> str:
    return (
        "The river ban was lifted on Friday. The news came first from Harbour Anglers League, a sport-fishing "
        "group that sued to stop the ban in 2015.\n\n"
        + _FILLER * 6
        + middle
        + '"This is the best news for anglers in a decade," the group wrote.'
    )


def test_the_group_is_the_body_introduced_long_before_and_named_again(statements):
    text = _long_text("A day later, the Harbour Anglers sent a letter to their members.\n\n")
    claim = one_with_text(statements(text), "best news for anglers")
    assert (claim.speaker, claim.speaker_kind) == ("Harbour Anglers League", "organisation")


def test_the_group_is_nobody_named_when_the_body_was_not_named_again(statements):
    text = _long_text("A day later, fishermen sent letters to the council.\n\n")
    claim = one_with_text(statements(text), "best news for anglers")
    assert claim.speaker is None


def test_the_project_is_the_project_named_as_one(statements):
    text = (
        "Lake trout numbers are falling, according to the Lake Survey, a project financed by the Dover "
        "Foundation. The project also found that pike numbers rose by a third."
    )
    claim = one_with_text(statements(text), "pike numbers rose")
    assert claim.speaker == "Lake Survey"
