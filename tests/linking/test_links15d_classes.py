"""Two speakers on one topic are not one fact (links15d), on sentences written for these tests.

Read on stories nobody tuned for, the largest class of wrong statement links was two different people's
reported remarks on the story's topic "corroborating" each other: a mayor announcing a plan and a
councillor saying what should happen once it runs share the plan's words, not a fact. Two named people
(both of the speaker kind "person") corroborate only when they say it alike as wholes; a body and a
person, an unnamed official and a person, or speakers whose kind is not known are checked on their words
as before.
"""

from __future__ import annotations

from claims.extraction.types import StatementClaim
from claims.linking.links import suggest_links
from tests.linking.linkable import linkable

PLAN = (
    "a temporary plan that will reopen the ferry terminal for two weeks so that the county can pay the dock crews "
    "their back wages"
)
VIEW = "the county council should debate the harbour budget only after the ferry terminal reopens and the dock crews return"


def said(cid, article, text, speaker=None, kind=None, *, role=None):
    claim = StatementClaim(0, len(text), text, speaker, role=role, speaker_kind=kind)
    return linkable(cid, article, claim, f"{text}, {speaker or 'an official'} said.")


def relations(links):
    return {frozenset((s.a_id, s.b_id)): s.relation for s in links}


def test_two_people_on_one_topic_are_two_remarks():
    links = suggest_links(
        [
            said("plan", "A", PLAN, "Ilse Marrow", "person"),
            said("view", "B", VIEW, "Tomas Wendt", "person"),
        ]
    )
    assert frozenset(("plan", "view")) not in relations(links)


def test_the_same_words_from_a_person_and_a_body_still_corroborate():
    """The rule reads the speakers' kinds: the same pair from a person and a body (or with kinds not
    known, as on gold input) is checked on its words, and these share enough of them."""
    for kind_b in ("organisation", None):
        links = suggest_links(
            [
                said("plan", "A", PLAN, "Ilse Marrow", "person"),
                said("view", "B", VIEW, "Harbour Board", kind_b),
            ]
        )
        assert relations(links).get(frozenset(("plan", "view"))) == "corroborates", kind_b


def test_an_unnamed_official_and_a_person_still_corroborate():
    links = suggest_links(
        [
            said("plan", "A", PLAN, "Ilse Marrow", "person"),
            said("view", "B", VIEW, None, None, role="a port official"),
        ]
    )
    assert relations(links).get(frozenset(("plan", "view"))) == "corroborates"


def test_two_people_saying_one_fact_alike_still_corroborate():
    one = "the ferry terminal will reopen for two weeks while talks on the harbour fees continue"
    two = "the ferry terminal would reopen for two weeks while the talks on harbour fees went on"
    links = suggest_links(
        [
            said("one", "A", one, "Ilse Marrow", "person"),
            said("two", "B", two, "Tomas Wendt", "person"),
        ]
    )
    assert relations(links).get(frozenset(("one", "two"))) == "corroborates"


def test_one_person_quoted_twice_is_untouched():
    links = suggest_links(
        [
            said("plan", "A", PLAN, "Ilse Marrow", "person"),
            said("view", "B", VIEW, "Ilse Marrow", "person"),
        ]
    )
    assert relations(links).get(frozenset(("plan", "view"))) == "corroborates"


def _story(extra):
    """A story whose remarks all speak of the emergency declaration (its topic), and `extra`."""
    others = [
        said(
            "o1",
            "C",
            "the emergency declaration would face a challenge in court within days",
            "Ada Brill",
            "person",
        ),
        said(
            "o2",
            "C",
            "an emergency declaration over the floods was an abuse of power",
            "Karl Oster",
            "person",
        ),
        said(
            "o3",
            "D",
            "the governor had no need for an emergency declaration to fund the barriers",
            "Ivo Ryland",
        ),
        said("o4", "D", "the emergency declaration bypasses the Assembly on the flood budget", "Mara Quint"),
        said("o5", "E", "lawmakers would vote to end the emergency declaration next month", "Oda Fenn"),
    ]
    return others + extra


def test_the_president_and_his_administration_saying_only_the_story_s_words_are_two_remarks():
    """'President Varga is declaring an emergency over the floods' and 'the emergency declaration lets the
    president move 40 million from road projects to flood barriers, administration officials said':
    one government, two remarks; the story's words (emergency, declaration, floods) are all they share."""
    declared = said(
        "declared",
        "A",
        "she is declaring an emergency over the floods",
        "Ilse Varga",
        "person",
        role="President",
    )
    explained = said(
        "explained",
        "B",
        "the emergency declaration over the floods lets the president move 40 million from road projects",
        None,
        role="administration officials",
    )
    without = relations(suggest_links([declared, explained]))  # no story: the pair is one speaker's
    assert without.get(frozenset(("declared", "explained"))) == "corroborates"
    within = relations(suggest_links(_story([declared, explained])))
    assert frozenset(("declared", "explained")) not in within


def test_the_president_and_his_administration_on_one_remark_still_corroborate():
    veto = said(
        "veto",
        "A",
        "the toll bill would leave the port vulnerable to costly lawsuits in foreign courts",
        "Ilse Varga",
        "person",
        role="President",
    )
    officials = said(
        "officials",
        "B",
        "the toll bill would put the port at legal risk from lawsuits in foreign courts",
        None,
        role="administration officials",
    )
    got = relations(suggest_links(_story([veto, officials])))
    assert got.get(frozenset(("veto", "officials"))) == "corroborates"
