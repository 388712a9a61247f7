"""A person's name that closes a long description is the speaker, not part of the role (issue 14's strict read,
branch stmt16a: "the speaker's name left only in the role field while speaker is empty"), on sentences we wrote.

- After where the described person works, which the parse hangs the name on ("A former harbour official, now a
  maritime lawyer with Dane & Holt, Peter Vosk, said"): a person's name is never in apposition to a firm.
- After a bare title whose "for"/"of" phrase ends in a place's or body's name ("former U.S. attorney for the
  Northern District Joseph Marlowe blasted ..."), which the parse may read as one phrase with the name its object.
- Not when the name is whom the title serves ("Spokesman for Tom Hale blasted ...", "A spokesman for the mayor"),
  nor for several people ("Lawyers with Dane & Holt, ...").
"""

from __future__ import annotations

import pytest

LEAD = "The ferry company cut its winter timetable on Monday.\n\n"


def _one(claims, words):
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [(c.speaker, c.role, c.text[:40]) for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "words", "speaker", "role"),
    [
        (
            "A former harbour official, now a maritime lawyer with Dane & Holt, Peter Vosk, told the Gazette "
            "that the cuts could leave the island without a doctor.",
            "without a doctor",
            "Peter Vosk",
            "former harbour official now a maritime lawyer with Dane & Holt",
        ),
        (
            "A former county prosecutor, now a defence attorney with Marlow Keane, Tomas Ferreira, said that the "
            "company could face a lawsuit.",
            "face a lawsuit",
            "Tomas Ferreira",
            "former county prosecutor now a defence attorney with Marlow Keane",
        ),
        (
            "An analyst at Kestrel Partners, Jonas Albrecht, said the cuts would save the company little.",
            "save the company little",
            "Jonas Albrecht",
            "analyst at Kestrel Partners",
        ),
    ],
)
def test_a_name_after_the_firm_is_the_described_person(statements, sentence, words, speaker, role):
    claim = _one(statements(LEAD + sentence), words)
    assert (claim.speaker, claim.role) == (speaker, role)


def test_a_name_after_a_bare_titles_place_is_the_title_holder(statements):
    text = (
        LEAD
        + "But former U.S. attorney for the Northern District Joseph Marlowe blasted the plan as “outrageous.”"
    )
    claim = _one(statements(text), "outrageous")
    assert claim.speaker == "Joseph Marlowe"
    assert claim.role is not None and claim.role.startswith("former U.S")


def test_a_name_after_a_place_with_an_of_phrase_is_the_title_holder(statements):
    text = (
        LEAD
        + "But former U.S. attorney for the District of Avalon Joseph Marlowe blasted the plan as “outrageous.”"
    )
    claim = _one(statements(text), "outrageous")
    assert claim.speaker == "Joseph Marlowe"


@pytest.mark.parametrize("source", ["Spokesman for Tom Hale", "Lawyer for Mr. Tom Hale"])
def test_whom_a_bare_title_serves_is_not_the_speaker(statements, source):
    text = LEAD + f"{source} blasted the plan as “outrageous.”"
    claim = _one(statements(text), "outrageous")
    assert claim.speaker is None


def test_several_people_with_a_firm_are_no_one_of_them(statements):
    text = LEAD + "Lawyers with Dane & Holt, the firm that represents the company, said the cuts were legal."
    claim = _one(statements(text), "the cuts were legal")
    assert claim.speaker is None
