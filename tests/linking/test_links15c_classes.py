"""Links an editor has to undo, found reading stored links of stories nobody tuned for (links15c), on
sentences written for these tests:

- statements of two stories (dated articles the event index put in two events, weeks or years apart)
  share the topic's words, not a fact: only one remark links them;
- one speaker's two quotes that share only a title ("the harbour master of the Port of Elmsby") are two
  remarks, not one quoted run;
- a day counted from the moment of speaking inside a quote ("This afternoon, ...") may agree with a
  day, never dispute one: the article does not say when the quote was spoken.
"""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim, Span, StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

EARLY = dt.date(2026, 3, 3)
LATE = dt.date(2026, 3, 31)

PAST = "past harbour commissioners often used private email accounts for official business"
ASKED = "to sit for an interview about her use of a private email account for official business"


def said(cid, article, text, speaker=None, *, event="e1", published=EARLY, direct=False, sentence=None):
    claim = StatementClaim(0, len(text), text, speaker, direct=direct)
    return linkable(
        cid, article, claim, sentence or f"{text}, the report said.", event_id=event, published=published
    )


def pairs(links):
    return {frozenset((s.a_id, s.b_id)): s for s in links}


def test_statements_of_two_dated_stories_share_a_topic_not_a_fact():
    """A report's line on past commissioners in the first week and the committee's request four weeks
    later: linked while one event holds both, not once they are two stories."""
    one = [said("past", "A", PAST), said("asked", "B", ASKED, "Ida Brandt", published=EARLY)]
    assert frozenset(("past", "asked")) in pairs(suggest_links(one))  # the rule below is what drops it
    two = [said("past", "A", PAST), said("asked", "B", ASKED, "Ida Brandt", event="e2", published=LATE)]
    assert suggest_links(two) == []


def test_one_remark_in_the_same_words_still_links_two_stories():
    remark = "the dredging of the outer channel will not start before the autumn storms are over"
    links = suggest_links(
        [
            said("first", "A", remark, "Ida Brandt"),
            said("later", "B", remark, "Ida Brandt", event="e2", published=LATE),
        ]
    )
    assert [s.relation for s in links] == ["corroborates"]


def test_undated_articles_in_two_events_are_not_two_stories():
    """Events of undated articles rest on words alone: their statements link as in one event."""
    links = suggest_links(
        [
            said("past", "A", PAST, published=None),
            said("asked", "B", ASKED, "Ida Brandt", event="e2", published=None),
        ]
    )
    assert frozenset(("past", "asked")) in pairs(links)


TITLE = "Harbour Master Lena Voss"


def quote(cid, article, text, at=0):
    claim = StatementClaim(at, at + len(text), text, "Lena Voss", direct=True)
    return linkable(cid, article, claim, f"\u201c{text},\u201d {TITLE} of the Port of Elmsby said.")


def cast():
    """Other statements of the story that name the harbour master and the port (the story's cast)."""
    return [
        said(f"cast{n}", f"X{n}", text, sentence=f"{text}, {TITLE} of the Port of Elmsby said.")
        for n, text in enumerate(
            (
                "the gates of the fish market will open again on Monday morning",
                "two trawlers were held at the quay after their papers were found wanting",
                "the new berth for ferries will cost the town less than its council feared",
            )
        )
    ]


MISTRUST = (
    "I understand that anger. I am the harbour master of the Port of Elmsby, but I am also a fisherman's son"
)
BOY = "The boy who was turned away at the gate is now the harbour master of the Port of Elmsby. This town can change"


def test_two_quotes_sharing_only_a_title_are_two_remarks():
    links = pairs(suggest_links([quote("mistrust", "A", MISTRUST), quote("boy", "B", BOY), *cast()]))
    assert frozenset(("mistrust", "boy")) not in links


def test_one_quoted_run_beyond_the_title_is_still_one_remark():
    """The same remark cut differently by another outlet shares words beyond the title: one remark."""
    cut = "I am the harbour master of the Port of Elmsby, but I am also a fisherman's son"
    links = pairs(suggest_links([quote("mistrust", "A", MISTRUST), quote("cut", "C", cut), *cast()]))
    assert links[frozenset(("mistrust", "cut"))].relation == "corroborates"


def day(cid, article, sentence, clause, words, value, published):
    at = sentence.index(clause)
    expression = Span(sentence.index(words), sentence.index(words) + len(words), words)
    claim = DateClaim(at, at + len(clause), clause, value, "day", expression=expression, dated="met")
    return linkable(cid, article, claim, sentence, published=published)


STATEMENT = (
    "\u201cThis afternoon, the mayor and the harbour board met at the town hall to discuss the dredging of "
    "the outer channel,\u201d the two sides said in a joint statement."
)
NARRATIVE = (
    "The mayor and the harbour board met privately at the town hall on Sunday to discuss the dredging of "
    "the outer channel."
)


def told_on_sunday():
    """Article B's "met privately at the town hall on Sunday", in the writer's words."""
    return day(
        "told",
        "B",
        NARRATIVE,
        "The mayor and the harbour board met privately at the town hall on Sunday",
        "on Sunday",
        "2026-03-08",
        dt.date(2026, 3, 8),
    )


def test_a_quoted_this_afternoon_disputes_no_day():
    """A joint statement of Sunday quoted in Monday's paper: its "this afternoon" is not Monday."""
    quoted = day(
        "quoted",
        "A",
        STATEMENT,
        "This afternoon, the mayor and the harbour board met at the town hall",
        "This afternoon",
        "2026-03-09",
        dt.date(2026, 3, 9),
    )
    told = told_on_sunday()
    assert all(s.relation != "contradicts" for s in suggest_links([quoted, told]))


def test_two_days_of_one_meeting_in_the_writers_words_still_conflict():
    """The same two clauses without the quote marks: the writer's two days for one meeting conflict."""
    plain = STATEMENT.replace("\u201c", "").replace(",\u201d the two sides said in a joint statement", "")
    written = day(
        "written",
        "A",
        plain,
        "This afternoon, the mayor and the harbour board met at the town hall",
        "This afternoon",
        "2026-03-09",
        dt.date(2026, 3, 9),
    )
    told = told_on_sunday()
    assert [s.relation for s in suggest_links([written, told])] == ["contradicts"]


def reported(cid, article, text, speaker, sentence):
    claim = StatementClaim(sentence.index(text), sentence.index(text) + len(text), text, speaker)
    return linkable(cid, article, claim, sentence)


REPAY = "that he would repay within a year the 9,000 crowns of harbour money spent on the yacht of the board"
STAND = (
    "he would not stand again for the council after reports that he had spent harbour money on the yacht of "
    "the board and on a summer party for its members"
)


def test_one_speakers_two_remarks_one_negated_are_no_conflict():
    """A negation in one remark's words that runs over what the other says ("would not stand again after
    reports that he had spent harbour money on the yacht" / "promised that he would repay the harbour money he had
    spent on the yacht"): two remarks of one man, not the man contradicting himself."""
    a = reported("a", "A", REPAY, "Piet Moll", f"Piet Moll promised {REPAY}.")
    b = reported("b", "B", STAND, "Piet Moll", f"Piet Moll said in March {STAND}.")
    assert all(s.relation != "contradicts" for s in suggest_links([a, b]))


def test_two_speakers_worded_so_still_conflict():
    """The same two wordings by two people: the negation's conflict stands (control for the rule above)."""
    a = reported("a", "A", REPAY, "Piet Moll", f"Piet Moll promised {REPAY}.")
    b = reported("b", "B", STAND, "Ruth Dahl", f"Ruth Dahl said in March {STAND}.")
    assert [s.relation for s in suggest_links([a, b])] == ["contradicts"]


URGED = "not to close the north pier to fishing boats"
PLANS = "that the council will close the north pier to fishing boats in May"


def test_an_urging_not_to_do_it_disputes_no_plan_to_do_it():
    a = reported("a", "A", URGED, None, f"For weeks, fishermen urged the council {URGED}.")
    b = reported("b", "B", PLANS, "Ruth Dahl", f"The mayor, Ruth Dahl, announced {PLANS}.")
    assert all(s.relation != "contradicts" for s in suggest_links([a, b]))


def test_a_denial_of_the_plan_still_disputes_it():
    """Control: "the council will not close the north pier" against the plan is a conflict."""
    denial = "that the council will not close the north pier to fishing boats in May"
    a = reported("a", "A", denial, None, f"A council spokesman said {denial}.")
    b = reported("b", "B", PLANS, "Ruth Dahl", f"The mayor, Ruth Dahl, announced {PLANS}.")
    assert [s.relation for s in suggest_links([a, b])] == ["contradicts"]


def dated(cid, article, sentence, words, value, precision):
    at = sentence.index(words)
    expression = Span(at, at + len(words), words)
    claim = DateClaim(0, len(sentence), sentence, value, precision, expression=expression, dated="approved")
    return linkable(cid, article, claim, sentence, published=dt.date(2026, 3, 12))


APPROVED = "The harbour board approved the plan to dredge the outer channel of Elmsby {}."


def test_a_day_against_its_month_is_never_sure():
    """ "approved ... on Tuesday" and "approved ... in March": compatible, but a month fits every approval
    of the month, so the link stays below the sure band (0.75) however alike the clauses."""
    day_ = dated("day", "A", APPROVED.format("on Tuesday"), "on Tuesday", "2026-03-10", "day")
    month = dated("month", "B", APPROVED.format("in March"), "in March", "2026-03", "month")
    [link] = suggest_links([day_, month])
    assert link.relation == "corroborates" and link.confidence < 0.75


def test_one_day_told_twice_is_still_sure():
    """Control: the same clauses with one day each ("on Tuesday" / "on 10 March") stay sure."""
    day_ = dated("day", "A", APPROVED.format("on Tuesday"), "on Tuesday", "2026-03-10", "day")
    other = dated("other", "B", APPROVED.format("on 10 March"), "on 10 March", "2026-03-10", "day")
    [link] = suggest_links([day_, other])
    assert link.relation == "corroborates" and link.confidence >= 0.75


DOUBT = "expressed disbelief that the harbour board would invite the minister for a private tour of the docks"
ACCEPTED = "that he had accepted an invitation from the harbour board for a private tour of the docks"


def test_a_doubt_confirms_nothing():
    """ "The former mayor expressed disbelief that the board would invite the minister ..." does not say
    the board invited him: it confirms no one who says he accepted the invitation."""
    doubt = reported("doubt", "A", DOUBT, "Ida Brandt", f"On Wednesday, Ida Brandt {DOUBT}.")
    accepted = reported("accepted", "B", ACCEPTED, "Tom Hale", f"The minister, Tom Hale, said {ACCEPTED}.")
    assert suggest_links([doubt, accepted]) == []


def test_no_doubt_is_an_assertion():
    """Control: "said there was no doubt that the board had invited the minister ..." still confirms it."""
    sure = "that the harbour board had invited the minister for a private tour of the docks"
    told = reported("told", "A", sure, "Ida Brandt", f"Ida Brandt said there was no doubt {sure}.")
    accepted = reported("accepted", "B", ACCEPTED, "Tom Hale", f"The minister, Tom Hale, said {ACCEPTED}.")
    assert [s.relation for s in suggest_links([told, accepted])] == ["corroborates"]


def test_one_speakers_doubt_and_criticism_are_one_stance():
    """The same person's disbelief that the board would invite the minister and her criticism of the
    board for inviting him: one stance, still linked."""
    doubt = reported("doubt", "A", DOUBT, "Ida Brandt", f"On Wednesday, Ida Brandt {DOUBT}.")
    blamed = "criticized the harbour board for inviting the minister for a private tour of the docks"
    criticism = reported("blamed", "B", blamed, "Ida Brandt", f"Ida Brandt {blamed}.")
    assert [s.relation for s in suggest_links([doubt, criticism])] == ["corroborates"]
