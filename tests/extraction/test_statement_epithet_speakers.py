"""A person named earlier and then called by an epithet, on sentences we wrote (issue 14, branch stmt13g): "the
43-year-old", "the Vermont Democrat", "the GOP front-runner", "the billionaire", "the committee chairman" stand
for the most recent person the article gave that age, party, state, trade or office ("Marta Quill, 43,",
"(D-Vt.)", "a billionaire", "who leads the committee"); a trade or office alone for the one person who has it.
When the article gave it to nobody, the person who spoke last stands for it, unless somebody else was made a
subject since or what the article said of them rules it out. Two who fit named together, or nobody who fits,
leave the source unnamed with the epithet as its role."""

import pytest

from claims.extraction.types import StatementClaim


def _by_text(claims: list[StatementClaim], words: str) -> StatementClaim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.text[:40]) for c in claims]
    return found[0]


def _quoted(intro: str, epithet: str) -> str:
    return f'{intro}\n\nThe crowd cheered.\n\n"We will fix the harbor road," {epithet} said.'


@pytest.mark.parametrize(
    ("intro", "epithet", "speaker"),
    [
        # an age the article gave beside the name, past somebody else who spoke since
        (
            "Marta Quill, 43, and Joan Pike, 61, met voters in Dover on Monday. Pike said the race was close.",
            "the 43-year-old",
            "Marta Quill",
        ),
        (
            "The 43-year-old Tobias Wren toured the mill on Monday. Ana Ruiz, the mill's owner, said it would stay open.",
            "the 43-year-old",
            "Tobias Wren",
        ),
        # party and state from the tag after a name; the other senator has neither
        (
            "Sen. Walter Penn (R-Fla.) and Sen. Ruth Acker (D-Vt.) spoke on the floor on Monday.",
            "the Vermont Democrat",
            "Ruth Acker",
        ),
        (
            "Sen. Walter Penn (R-Fla.) and Sen. Ruth Acker (D-Vt.) spoke on the floor on Monday.",
            "the Florida Republican",
            "Walter Penn",
        ),
        # a party the article gave by the title words before the name
        (
            "Former Mayor Luis Ortega criticized GOP hopeful Carl Brandt on Monday. Ortega said the plan was reckless.",
            "the GOP front-runner",
            "Carl Brandt",
        ),
        # a trade or standing the article gave in an apposition
        (
            "Hugo Marsh, a billionaire, bought the newspaper last year. Ana Ruiz, its editor, said little changed.",
            "the billionaire",
            "Hugo Marsh",
        ),
        # party and standing the article gave, before a president who shares only a word, and not the former
        # candidate named since
        (
            "Republican presidential candidate Ana Ruiz said on Monday that she opposes the toll. President Tom "
            "Hale backs it. Former GOP candidate Peter Vance praised her.",
            "the presumptive Republican presidential nominee",
            "Ana Ruiz",
        ),
        # "who leads the committee": the committee's chairman
        (
            "Rep. Jane Roe (R-Calif.), who leads the committee, opened the hearing.",
            "the committee chairman",
            "Jane Roe",
        ),
    ],
)
def test_an_epithet_is_the_person_the_article_gave_it(statements, intro, epithet, speaker):
    claim = _by_text(statements(_quoted(intro, epithet)), "fix the harbor road")
    assert claim.speaker == speaker


def test_an_epithet_no_one_was_given_is_whoever_spoke_last(statements):
    # nothing known of her rules out a party or a state: the senator speaking is the Ohio Republican
    text = _quoted('Sen. Dana Lyle said on Monday that "the port is a mess."', "the Ohio Republican")
    assert _by_text(statements(text), "fix the harbor road").speaker == "Dana Lyle"


@pytest.mark.parametrize(
    ("intro", "epithet"),
    [
        # the only senator has another party and state
        ("Sen. Walter Penn (R-Fla.) said the port was a mess.", "the Vermont Democrat"),
        # two people given that trade
        (
            "Hugo Marsh, a billionaire, bought the newspaper last year. Laura Stein, a billionaire, bought the team.",
            "the billionaire",
        ),
        # somebody else made the subject since the last speaker spoke
        (
            "Sen. Dana Lyle said the port was a mess. Tom Hale then toured the docks with reporters.",
            "the Ohio Republican",
        ),
        # a party for somebody the article gave no office in politics
        ("Interior Secretary Dana Lyle said the port was a mess.", "the Ohio Republican"),
        # a body's name after the epithet too: "the top Republican on the committee" named later
        ("Dana Lyle said the port was a mess.", "the top Republican on the Harbor Committee"),
        # an office the speaker cannot hold beside theirs
        ("Gov. Karen Holt said the plant would reopen.", "the senator"),
        # a body's name in the epithet needs somebody the article tied to it
        ("Ana Ruiz said the plant would reopen.", "the F.B.I. director"),
    ],
)
def test_an_epithet_that_fits_no_one_or_two_stays_unnamed(statements, intro, epithet):
    claim = _by_text(statements(_quoted(intro, epithet)), "fix the harbor road")
    assert claim.speaker is None
    assert claim.role


@pytest.mark.parametrize(
    ("age", "cue"),
    [("52", "said"), ("52", "told reporters"), ("61", "told reporters"), ("38", "added")],
)
def test_a_quote_whose_source_is_an_age_is_stored_with_its_speaker(statements, age, cue):
    # the parse reads "the 52-year-old" as a modifier of "said" or of "reporters": the quote kept its source
    text = (
        f"Tobias Wren, {age}, toured the mill on Monday. Ana Ruiz, the mill's owner, said it would stay open."
        f'\n\nThe crowd cheered.\n\n"We will fix the harbor road," the {age}-year-old {cue}.'
    )
    claim = _by_text(statements(text), "fix the harbor road")
    assert claim.speaker == "Tobias Wren"
    assert claim.direct
