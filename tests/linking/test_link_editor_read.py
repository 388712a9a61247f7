"""Link classes found by reading the demo's suggestions as an editor: a denial of troops aboard against a
count of soldiers on board, a condition read as a denial, close percentages of different things, statements
whose counts conflict, a denial of speculation about what its speaker says himself, and rationales that
name an unnamed speaker's role. Sentences written for these tests."""

from __future__ import annotations

from claims.extraction.types import QuantityClaim, StatementClaim
from claims.linking.links import suggest_links
from claims.linking.links.features import negated_terms
from tests.linking.linkable import linkable


def statement(cid, article, sentence, content, speaker=None, polarity="asserted", role=None, direct=False):
    """A statement whose content is part of `sentence`, as the app stores it."""
    at = sentence.index(content)
    claim = StatementClaim(
        at, at + len(content), content, speaker, role=role, polarity=polarity, direct=direct
    )
    return linkable(cid, article, claim, sentence)


def figure(cid, article, sentence, written, value, unit, approximate=False):
    """A count or measure as the app rebuilds it from a stored claim: its own words, no number span."""
    at = sentence.index(written)
    claim = QuantityClaim(at, at + len(written), written, value, value, unit, unit, approximate=approximate)
    return linkable(cid, article, claim, sentence)


def relations(suggestions):
    return {(s.pair, s.relation) for s in suggestions}


def agreeing_model(pairs):
    return ["agree"] * len(pairs)


DENIAL = "The interior ministry denied that any troops were on board the ferries, which berthed in Pellan on 3 May."
COUNT = (
    "About 60 soldiers were aboard the two ferries that berthed in Pellan on Sunday, a harbour pilot said."
)


def troops_pair():
    denial = statement(
        "deny",
        "A",
        DENIAL,
        "that any troops were on board the ferries, which berthed in Pellan on 3 May",
        speaker="Interior Ministry",
        polarity="denied",
    )
    count = statement(
        "count",
        "B",
        COUNT,
        "About 60 soldiers were aboard the two ferries that berthed in Pellan on Sunday",
        role="harbour pilot",
    )
    return denial, count


def test_a_denial_of_troops_on_board_contradicts_soldiers_aboard():
    """'Troops' and 'soldiers', 'on board' and 'aboard' name one thing: the denial that any troops were on
    board contradicts the count of soldiers aboard, and the rationale says who denies and who says."""
    denial, count = troops_pair()
    [link] = suggest_links([denial, count])
    assert link.relation == "contradicts"
    assert link.rationale.startswith("Interior Ministry (outlet-A) denies")
    assert "harbour pilot (outlet-B) says" in link.rationale and "a conflict" in link.rationale


def test_the_stance_models_agree_does_not_drop_a_whole_denial_alike_as_a_whole():
    """The stance model reads the shared words of a denial and what it denies as agreement; a statement
    denied as a whole, alike as a whole with the other, stays a conflict (less sure)."""
    denial, count = troops_pair()
    [alone] = suggest_links([denial, count])
    [link] = suggest_links([denial, count], stance_many=agreeing_model)
    assert link.relation == "contradicts" and link.confidence < alone.confidence + 0.1


def test_a_condition_after_until_is_not_denied():
    """'will not go back to work until the overtime ban is lifted' says the stoppage goes on until it is:
    it denies the going back, not the lifting, and does not contradict 'the stoppage would continue until
    the company lifted the overtime ban'."""
    content = "the drivers would not go back to work until the overtime ban was lifted"
    sentence = f"The union leader said {content}."
    assert negated_terms(content, sentence) == {"work"}
    union = statement("u", "A", sentence, content, speaker="Mara Lind", polarity="denied")
    other = statement(
        "o",
        "B",
        "The union said the stoppage would continue until the bus company lifted the overtime ban on drivers.",
        "the stoppage would continue until the bus company lifted the overtime ban on drivers",
        speaker="Drivers' Union",
    )
    assert (frozenset({"u", "o"}), "contradicts") not in relations(suggest_links([union, other]))


SPENDING = (
    "The council approved a budget on Monday that raises its spending on parks, roads and libraries by 4.2%."
)
RATES = "Homeowners will pay about 3 per cent more in water rates after the council approved the budget."


def test_close_percentages_of_different_things_do_not_conflict():
    """A story's rates are all small and close: the budget's 4.2% rise in spending does not contradict
    homeowners paying about 3 per cent more in water rates, whatever words the two sentences share."""
    spending = figure("spend", "A", SPENDING, "4.2%", 4.2, "percentage")
    rates = figure("rates", "B", RATES, "3 per cent", 3, "percentage", approximate=True)
    assert relations(suggest_links([spending, rates])) == set()
    same = figure("same", "C", "Water rates for homes rise 2.9% under the budget.", "2.9%", 2.9, "percentage")
    assert relations(suggest_links([same, rates])) == {(frozenset({"same", "rates"}), "corroborates")}


def test_close_counts_of_one_thing_still_conflict():
    """The rule is for rates: 48 and 47 inspectors in close sentences remain one count told two ways."""
    a = figure(
        "a", "A", "The agency sent 48 inspectors to the dam on Monday.", "48 inspectors", 48, "inspector"
    )
    b = figure("b", "B", "The agency said 47 inspectors went to the dam.", "47 inspectors", 47, "inspector")
    assert relations(suggest_links([a, b])) == {(frozenset({"a", "b"}), "contradicts")}


CARGO_A = "A ministry statement said the barges carried 9 tonnes of grain and seed for the farms of Olm."
CARGO_B = "The barges are carrying about 30 tonnes of grain and seed for the farms of Olm, she said."


def test_statements_whose_counts_conflict_do_not_corroborate():
    """Two sentences that give different tonnages for one cargo share most of their words; their counts
    conflict, so the statements carrying them are not shown as agreeing."""
    a = statement("sa", "A", CARGO_A, CARGO_A[CARGO_A.index("the barges") : -1])
    b = statement(
        "sb", "B", CARGO_B, "The barges are carrying about 30 tonnes of grain and seed for the farms of Olm"
    )
    qa = figure("qa", "A", CARGO_A, "9 tonnes", 9, "tonne")
    qb = figure("qb", "B", CARGO_B, "30 tonnes", 30, "tonne", approximate=True)
    got = relations(suggest_links([a, b, qa, qb]))
    assert (frozenset({"qa", "qb"}), "contradicts") in got
    assert (frozenset({"sa", "sb"}), "corroborates") not in got
    assert (frozenset({"sa", "sb"}), "corroborates") in relations(suggest_links([a, b]))


REJECTS = "Minister Ilka Soren rejected what she called reckless speculation about two cargo planes landing at Fennick."
SAYS = "Soren said the cargo planes landed at Fennick for a scheduled delivery of medicine."
LANDED = "Two cargo planes landed at Fennick airfield on Friday, the airport said."


def test_a_denial_of_speculation_does_not_deny_what_its_speaker_says_himself():
    """'rejected speculation about two cargo planes landing at Fennick' denies the speculation, not the
    landing, when the same minister says in the same article that the planes landed: it does not
    contradict the airport's report of the landing. A denial of something she does not assert does."""
    rejects = statement(
        "rej",
        "A",
        REJECTS,
        "what she called reckless speculation about two cargo planes landing at Fennick",
        speaker="Ilka Soren",
        polarity="denied",
    )
    says = statement(
        "says",
        "A",
        SAYS,
        "the cargo planes landed at Fennick for a scheduled delivery of medicine",
        speaker="Ilka Soren",
    )
    landed = statement(
        "landed", "B", LANDED, "Two cargo planes landed at Fennick airfield on Friday", role="airport"
    )
    assert (frozenset({"rej", "landed"}), "contradicts") not in relations(
        suggest_links([rejects, says, landed])
    )
    # without her own words on the landing, her denial reaches it
    assert (frozenset({"rej", "landed"}), "contradicts") in relations(suggest_links([rejects, landed]))


def test_a_negative_a_statement_asserts_is_said_not_denied_and_plural_roles_agree():
    """'the visit had been arranged without informing parliament' asserts a negative: the rationale says
    the speaker says it (quoting the negation); witnesses named by their role 'say'."""
    informed = statement(
        "inf",
        "A",
        "The minister said the government had informed the parliamentary defence committee in February.",
        "the government had informed the parliamentary defence committee in February",
        speaker="Ilka Soren",
    )
    without = statement(
        "wo",
        "B",
        "Witnesses at the committee said the government had not informed the parliamentary defence committee.",
        "the government had not informed the parliamentary defence committee",
        role="Witnesses at the committee",
    )
    [link] = suggest_links([informed, without])
    assert link.relation == "contradicts"
    assert "witnesses at the committee (outlet-B) say \u201cthe government had not informed" in link.rationale
    arranged = statement(
        "arr",
        "C",
        "Dana Holm said the visit had been arranged without informing parliament, and called for a debate.",
        "the visit had been arranged without informing parliament, and called for a debate",
        speaker="Dana Holm",
    )
    visit = statement(
        "vis",
        "D",
        "Soren said the government had informed parliament of the visit in February.",
        "the government had informed parliament of the visit in February",
        speaker="Ilka Soren",
    )
    lines = [s.rationale for s in suggest_links([arranged, visit]) if s.relation == "contradicts"]
    assert all("Dana Holm (outlet-C) says" in line for line in lines)


def test_the_stance_models_agree_still_drops_one_speakers_two_reports():
    """Two reports of one speaker that the wording reads as a denial and an assertion, and the stance model
    as agreeing: more often one remark whose negations the wording misreads (a longer quote in one
    outlet), so no conflict is suggested; the override is for two speakers."""
    a = statement(
        "a",
        "A",
        "Mayor Tove Lind denied that the ferry would stop at Harl before the pier is repaired.",
        "that the ferry would stop at Harl before the pier is repaired",
        speaker="Tove Lind",
        polarity="denied",
    )
    b = statement(
        "b",
        "B",
        "Mayor Tove Lind said the ferry would stop at Harl before the pier is repaired.",
        "the ferry would stop at Harl before the pier is repaired",
        speaker="Tove Lind",
    )
    assert (frozenset({"a", "b"}), "contradicts") in relations(suggest_links([a, b]))
    assert (frozenset({"a", "b"}), "contradicts") not in relations(
        suggest_links([a, b], stance_many=agreeing_model)
    )


def test_the_stance_models_agree_does_not_weaken_a_denial_it_cannot_see():
    """The model reads the claim's text alone: 'that any troops were on board the ferries' carries no
    negation (the denial is the reporting verb outside it), so the model's "agree" leaves the wording's
    conflict as sure as without the model. A denial inside the text ('no troops were on board ...') is
    one the model sees: its "agree" still makes the conflict less sure."""
    denial, count = troops_pair()
    [alone] = suggest_links([denial, count])
    [link] = suggest_links([denial, count], stance_many=agreeing_model)
    assert link.relation == "contradicts" and link.confidence == alone.confidence

    sentence = (
        "The interior ministry said no troops were on board the ferries, which berthed in Pellan on 3 May."
    )
    inside = statement(
        "deny",
        "A",
        sentence,
        "no troops were on board the ferries, which berthed in Pellan on 3 May",
        speaker="Interior Ministry",
        polarity="denied",
    )
    [seen_alone] = suggest_links([inside, count])
    [seen] = suggest_links([inside, count], stance_many=agreeing_model)
    assert seen.relation == "contradicts" and seen.confidence < seen_alone.confidence


def test_counts_whose_sentences_name_the_ships_two_ways_are_about_one_thing():
    """'dozens of troops ... on the decks of the vessels' and 'about 60 soldiers were aboard the ships'
    count the same people: "vessels" and "ships" are one thing in the counts' sentences as in statements,
    so the vague count corroborates the figure."""
    seen = "Dozens of troops in uniform could be seen on the decks of the vessels as they left Pellan."
    told = "About 60 soldiers were aboard the ships, a pilot said."
    dozens = QuantityClaim(0, 16, "Dozens of troops", 24, 199, "troop", "soldier", approximate=True)
    sixty = QuantityClaim(6, 17, "60 soldiers", 60, 60, "soldier", "soldier", approximate=True)
    a = linkable("dozens", "A", dozens, seen)
    b = linkable("sixty", "B", sixty, told)
    assert [s.relation for s in suggest_links([a, b])] == ["corroborates"]
