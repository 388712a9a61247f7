"""What is told in the shape of a statement but is nobody's remark (issue 14's strict read, branch stmt16a), on
sentences we wrote.

- "has said little about the timetable", "said nothing about it": the writer's account of what was not said; the
  words "little about the timetable" are nobody's remark. "said nothing unusual happened" is one, and stays.
- A cue that only describes a noun in a relative clause ("the benefits it promises older islanders").
"""

from __future__ import annotations

LEAD = "The ferry company cut its winter timetable on Monday.\n\n"


def _words(claims) -> list[str]:
    return [c.text for c in claims]


def test_said_little_about_is_no_remark(statements):
    text = LEAD + (
        "While the regional government has said little about the new timetable, two former mayors have a "
        "message for the company."
    )
    assert not any("little about" in w for w in _words(statements(text)))


def test_said_nothing_about_is_no_remark(statements):
    text = LEAD + "The harbour master said nothing about the cuts when he spoke to reporters on Tuesday."
    assert not any("nothing about" in w for w in _words(statements(text)))


def test_said_nothing_happened_is_a_remark(statements):
    text = LEAD + "The harbour master said nothing unusual happened on the crossing that night."
    claims = statements(text)
    assert any("nothing unusual happened" in w for w in _words(claims)), _words(claims)


def test_a_plain_report_beside_it_stays(statements):
    text = LEAD + "Tom Hale, the company's chairman, said that the cuts had gone too far."
    claims = [c for c in statements(text) if "gone too far" in c.text]
    assert len(claims) == 1 and claims[0].speaker == "Tom Hale"


def test_what_a_relative_clause_says_a_thing_is_is_no_remark(statements):
    text = LEAD + (
        "The cuts could give new arguments to critics who have tried to chip away at the benefits it promises "
        "older islanders."
    )
    assert not any("promises older islanders" in w for w in _words(statements(text)))


def test_a_relative_clause_that_reports_words_stays(statements):
    text = LEAD + "The cuts were a boost for harbour reformers who say the subsidy is too generous."
    assert any("the subsidy is too generous" in w for w in _words(statements(text)))


def test_a_source_described_by_a_relative_clause_still_speaks(statements):
    text = LEAD + "The council, which rejected the plan last month, said the company had misled the island."
    assert any("had misled the island" in w for w in _words(statements(text)))


def test_a_clause_of_time_on_a_noun_still_reports(statements):
    text = LEAD + (
        "The council used the same script in the 2019 election, when Mayor Tom Hale effectively painted his rival "
        "as an out-of-touch owner who had inherited the ferry line."
    )
    claims = [c for c in statements(text) if "painted his rival" in c.text or "out-of-touch owner" in c.text]
    assert claims and claims[0].speaker == "Tom Hale", [(c.speaker, c.text) for c in statements(text)]
