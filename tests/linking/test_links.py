"""Link rules on small hand-written claims, and the seeds corpus end to end."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from claims.evaluation.components import evaluate_links
from claims.extraction.types import DateClaim, QuantityClaim, Span, StatementClaim
from claims.linking.links import suggest_links
from claims.linking.types import ExistingLink, LinkableClaim
from tests.shared import missing_shared

SHARED = Path(os.environ.get("SHARED_DIR", Path(__file__).resolve().parents[2].parent / "shared"))


def qty(cid, article, sentence, low, high=None, unit="soldier", event="e1", approximate=False, **kw):
    claim = QuantityClaim(
        0,
        len(sentence),
        sentence,
        low,
        low if high is None else high,
        unit,
        unit,
        approximate=approximate,
        **kw,
    )
    return LinkableClaim(cid, article, f"outlet-{article}", claim, sentence, event_id=event, sentence_start=0)


def date(cid, article, sentence, value, event="e1"):
    precision = {4: "year", 7: "month"}.get(len(value), "day")
    claim = DateClaim(0, len(sentence), sentence, value, precision)
    return LinkableClaim(cid, article, f"outlet-{article}", claim, sentence, event_id=event, sentence_start=0)


def said(cid, article, speaker, content, sentence=None, polarity="asserted", event="e1"):
    sentence = sentence or f"{speaker} said {content}."
    claim = StatementClaim(0, len(content), content, speaker, polarity=polarity)
    return LinkableClaim(cid, article, f"outlet-{article}", claim, sentence, event_id=event)


def relations(suggestions):
    return {(s.pair, s.relation) for s in suggestions}


def test_same_count_in_the_same_event_corroborates_with_a_checkable_rationale():
    """2 aircraft landing in Kestrel reported by two outlets corroborate; the rationale names the count."""
    a = qty("a", "A", "Two air force planes landed at Kestrel airport on Saturday.", 2, unit="aircraft")
    b = qty(
        "b", "B", "Officials confirmed the arrival of two air force planes at Kestrel.", 2, unit="aircraft"
    )
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates" and s.pair == {"a", "b"}
    assert "both: 2 aircraft" in s.rationale and 0 < s.confidence <= 1


def test_count_inside_a_vague_range_corroborates():
    """'100 soldiers' is within 'dozens of troops' (24-199): a corroboration, not a conflict."""
    a = qty("a", "A", "The planes carried 100 soldiers to Kestrel airport.", 100)
    b = qty(
        "b", "B", "Two planes carrying dozens of troops landed at Kestrel airport.", 24, 199, approximate=True
    )
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates"
    assert "100 soldiers within" in s.rationale and "24-199" in s.rationale


def test_disjoint_counts_with_the_same_wording_contradict():
    """Police say 40 protesters were arrested in Dunmore, organisers say 400: a contradiction."""
    a = qty("a", "A", "Police arrested 40 protesters in Dunmore square on Friday.", 40, unit="protester")
    b = qty(
        "b",
        "B",
        "Organisers said police arrested 400 protesters in Dunmore square on Friday.",
        400,
        unit="protester",
    )
    [s] = suggest_links([a, b])
    assert (
        s.relation == "contradicts" and "outlet-A: 40 protesters vs outlet-B: 400 protesters" in s.rationale
    )


def test_equal_counts_in_different_events_are_not_linked():
    """Two planes in March and two planes in June are different arrivals: no link either way."""
    a = qty("a", "A", "Two air force planes landed at Kestrel airport.", 2, unit="aircraft", event="march")
    b = qty("b", "B", "Two air force planes landed at Kestrel airport.", 2, unit="aircraft", event="june")
    c = qty("c", "C", "One air force plane landed at Kestrel airport.", 1, unit="aircraft", event="june")
    got = suggest_links([a, b, c])
    assert all("a" not in s.pair for s in got)
    assert {s.pair for s in got} == {frozenset({"b", "c"})}  # June's 2 vs 1 is a real conflict


def test_claims_of_one_article_are_never_linked():
    """Two counts in the same article are not a cross-source link."""
    a = qty("a", "A", "Two air force planes landed at Kestrel airport.", 2, unit="aircraft")
    b = qty("b", "A", "Two air force planes landed at Kestrel airport, officials said.", 2, unit="aircraft")
    assert suggest_links([a, b]) == []


def test_dates_of_one_happening_corroborate_at_compatible_precision():
    """'January 23' and 'in January' for Pell's self-proclamation as interim leader agree."""
    a = date(
        "a",
        "A",
        "the crisis deepened on January 23 when Marta Pell proclaimed herself interim leader",
        "2019-01-23",
        event="x",
    )
    b = date(
        "b", "B", "in January Marta Pell declared herself interim leader of the council", "2019-01", event="y"
    )
    a.published = b.published = __import__("datetime").date(2019, 2, 1)
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates" and "2019-01-23 / 2019-01" in s.rationale


def test_different_days_for_one_landing_contradict_only_inside_one_event():
    """Saturday vs Sunday for the same landing conflicts in one event, and is silent across events."""
    a = date("a", "A", "the cargo plane landed at Kestrel airport on Saturday", "2019-03-23")
    b = date("b", "B", "the cargo plane landed at Kestrel airport on Sunday", "2019-03-24")
    [s] = suggest_links([a, b])
    assert s.relation == "contradicts"
    b.event_id = "other"
    assert suggest_links([a, b]) == []


def test_the_same_statement_from_two_outlets_corroborates():
    """Two outlets quoting Ryland's denial of more troops corroborate each other."""
    a = said(
        "a",
        "A",
        "Ivo Ryland",
        "Dresnia does not intend to increase its troop presence in Kallia",
        polarity="denied",
    )
    b = said(
        "b",
        "B",
        "Ivo Ryland",
        "Ryland refuted claims of a larger Dresnian troop presence in Kallia",
        sentence="Ivo Ryland refuted claims of a larger Dresnian troop presence in Kallia.",
    )
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates" and "Ivo Ryland" in s.rationale


def test_an_assertion_and_its_denial_contradict():
    """'planned to increase its military presence' vs 'does not intend to increase its presence'. The
    rationale quotes the negation, so it says Ryland says it ("denies" before "does not intend" would read
    as the opposite); a denial verb outside the quote ("denied that ...") is shown as "denies"."""
    a = said(
        "a",
        "A",
        None,
        "Dresnia planned to increase its military presence in Kallia",
        sentence="Media reports said Dresnia planned to increase its military presence in Kallia.",
    )
    b = said("b", "B", "Ivo Ryland", "Dresnia does not intend to increase its military presence in Kallia")
    [s] = suggest_links([a, b])
    assert s.relation == "contradicts"
    assert (
        "Ivo Ryland (outlet-B) says \u201cDresnia does not intend" in s.rationale
        and "denies" not in s.rationale
    )
    c = said(
        "c",
        "C",
        "Ivo Ryland",
        "Dresnia planned to increase its military presence in Kallia",
        sentence="Ivo Ryland denied that Dresnia planned to increase its military presence in Kallia.",
        polarity="denied",
    )
    [s] = suggest_links([a, c])
    assert s.relation == "contradicts" and "Ivo Ryland (outlet-C) denies" in s.rationale


def test_not_a_but_b_is_not_read_as_a_denial():
    """'not even a presence, but only maintenance contracts' asserts the contracts."""
    a = said(
        "a", "A", "Ivo Ryland", "this is not a presence but only work under existing maintenance contracts"
    )
    b = said("b", "B", "Ivo Ryland", "the crews do work under existing maintenance contracts")
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates"


def test_stance_function_decides_statement_relations():
    """'disagree' turns a pair into a contradiction when a negation touches what both say; 'unrelated'
    drops the pair."""
    a = said(
        "a",
        "A",
        "Ivo Ryland",
        "the crews work under maintenance contracts and will not expand the Kallia base",
    )
    b = said(
        "b", "B", "Ivo Ryland", "the crews work under maintenance contracts and will expand the Kallia base"
    )
    [s] = suggest_links([a, b], stance=lambda claim, text: "disagree")
    assert s.relation == "contradicts"
    assert suggest_links([a, b], stance=lambda claim, text: "unrelated") == []


def test_the_stance_model_alone_does_not_make_a_conflict():
    """Two wordings of one statement with no negation stay an agreement (less confident) when the model
    says 'disagree': its disagreements are mostly wrong on unseen stories."""
    a = said("a", "A", "Ivo Ryland", "the crews do work under existing maintenance contracts in Kallia")
    b = said("b", "B", "Ivo Ryland", "the crews work under existing maintenance contracts in Kallia")
    [plain] = suggest_links([a, b])
    [s] = suggest_links([a, b], stance=lambda claim, text: "disagree")
    assert s.relation == "corroborates" and s.confidence < plain.confidence


def test_a_shared_light_verb_is_not_a_shared_fact():
    """'carry out maintenance' and 'carrying technicians' share the verb, not what was said."""
    a = said("a", "A", "Ivo Ryland", "Dresnian crews came to carry out maintenance of older radars")
    b = said("b", "B", "Mara Tesk", "a plane carrying Dresnian crews took off for Tarvos on Friday")
    assert suggest_links([a, b]) == []
    c = said("c", "C", "Olek Varn", "Dresnian crews arrived for maintenance of older radars")
    assert {s.pair for s in suggest_links([a, b, c])} == {frozenset({"a", "c"})}


def test_rejected_pairs_never_come_back_and_editor_links_are_kept():
    """A rejected pair is not suggested again; a pair an editor linked is neither duplicated nor flipped."""
    a = qty("a", "A", "Two air force planes landed at Kestrel airport.", 2, unit="aircraft")
    b = qty("b", "B", "Two air force planes landed at Kestrel airport, officials said.", 2, unit="aircraft")
    c = qty("c", "C", "Three air force planes landed at Kestrel airport, officials said.", 3, unit="aircraft")
    assert frozenset({"a", "b"}) in {s.pair for s in suggest_links([a, b, c])}
    again = suggest_links([a, b, c], rejected={frozenset({"a", "b"})})
    assert frozenset({"a", "b"}) not in {s.pair for s in again}
    kept = suggest_links([a, b, c], existing=[ExistingLink("a", "c", "corroborates")])
    assert frozenset({"a", "c"}) not in {s.pair for s in kept}
    assert (frozenset({"b", "c"}), "contradicts") in relations(kept)


def test_each_claim_gets_at_most_per_claim_suggestions():
    """Ten outlets with the same count do not spray 45 links: each claim keeps its strongest few, and
    one more only into an outlet it has no link to."""
    claims = [
        qty(f"c{i}", f"A{i}", "Two air force planes landed at Kestrel airport.", 2, unit="aircraft")
        for i in range(10)
    ]
    got = suggest_links(claims, per_claim=2)
    counts: dict = {}
    for s in got:
        for cid in s.pair:
            counts[cid] = counts.get(cid, 0) + 1
    assert got and max(counts.values()) <= 3 and len(got) < 15


def test_past_its_quota_a_claim_still_reaches_another_outlet():
    """Three close restatements in one article fill a claim's quota; a fourth outlet saying the same in
    other words is still suggested, but a fourth match in the article already shown is not."""
    main = said(
        "m", "M", "Ivo Ryland", "Dresnian crews came to Kallia for maintenance of older radar equipment"
    )
    near = []
    for k, w in enumerate(("today", "again", "once more", "this week")):
        content = f"Dresnian crews came to Kallia for maintenance of older radar equipment {w}"
        n = said(f"n{k}", "N", "Ivo Ryland", content)
        # four sentences of one article: spans one after another
        claim = dataclasses.replace(n.claim, start=100 * k, end=100 * k + len(content))
        near.append(dataclasses.replace(n, claim=claim, sentence_start=100 * k))
    other = said(
        "o", "O", None, "officials said Dresnian crews were visiting Kallia to discuss radar maintenance"
    )
    got = suggest_links([main, *near, other])
    partners = {cid for s in got if "m" in s.pair for cid in s.pair} - {"m"}
    assert "o" in partners
    assert len(partners & {"n0", "n1", "n2", "n3"}) == 3


def test_seeds_links_recall_and_no_violations():
    """Seeds gold: link recall >= 0.8, no not_link violated, at most 3 suggestions per gold link."""
    folder = SHARED / "corpus" / "seeds"
    if not (folder / "gold.json").exists():
        missing_shared(f"shared corpus {folder} is absent (set SHARED_DIR)")
    scores = evaluate_links(folder)
    assert scores["recall"] >= 0.8, scores
    assert scores["violations"] == 0, scores
    assert scores["suggested"] <= 3 * scores["links"], scores


def test_a_negation_in_one_conjunct_does_not_deny_the_whole_statement():
    """'... to perform maintenance and not to boost its presence' still asserts the maintenance."""
    a = said(
        "a",
        "A",
        "Ivo Ryland",
        "the crews came to Kallia to perform scheduled equipment maintenance and not to boost their presence",
    )
    b = said("b", "B", "Ivo Ryland", "the crews came to Kallia to carry out scheduled equipment maintenance")
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates"


def test_undated_articles_compare_dates_without_the_guessed_year():
    """With no publication date, 'on January 23' resolved to a guessed year still matches 'in January'
    of a dated article, on month and day alone."""
    a = date(
        "a",
        "A",
        "the crisis deepened on January 23 when Marta Pell proclaimed herself interim leader",
        "2026-01-23",
        event="x",
    )
    b = date(
        "b", "B", "in January Marta Pell declared herself interim leader of the council", "2019-01", event="y"
    )
    b.published = __import__("datetime").date(2019, 3, 25)
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates"
    assert "23 January, year not given / 2019-01" in s.rationale  # never the guessed 2026
    a.published = __import__("datetime").date(2026, 2, 1)  # now both years are trusted, and they differ
    assert suggest_links([a, b]) == []


def test_a_count_dated_months_before_the_event_is_not_linked_to_it():
    """'two bombers in December' in a March event's article is not the event's 'two planes on Saturday'."""
    a = qty("a", "A", "Two Russian planes landed at Kestrel airport on Saturday.", 2, unit="aircraft")
    b = qty("b", "B", "Dresnia already sent two planes to Kestrel airport in December.", 2, unit="aircraft")
    da = date("da", "A", "Two Russian planes landed at Kestrel airport on Saturday.", "2019-03-23")
    db = date("db", "B", "Dresnia already sent two planes to Kestrel airport in December.", "2018-12")
    got = suggest_links([a, b, da, db])
    assert frozenset({"a", "b"}) not in {s.pair for s in got}
    assert frozenset({"a", "b"}) in {s.pair for s in suggest_links([a, b])}


def test_focus_scores_only_pairs_with_a_new_claim():
    """Linking a new article against older ones asks the stance model only about pairs with its claims."""
    content = "the crews do work under existing maintenance contracts in Kallia"
    items = [said(k, k, "Ivo Ryland", content, sentence=f"{k}: Ivo Ryland said {content}.") for k in "abc"]
    asked: list = []

    def many(pairs):
        asked.extend(pairs)
        return ["agree"] * len(pairs)

    got = suggest_links(items, stance_many=many, focus={"c"})
    assert {s.pair for s in got} == {frozenset("ac"), frozenset("bc")}
    assert len(asked) == 4  # two pairs, both directions, each with c's sentence once
    assert all(any(t.startswith("c:") for _, t in asked[n : n + 2]) for n in (0, 2))
    assert {s.pair for s in suggest_links(items, stance_many=many)} == {
        frozenset(p) for p in ("ab", "ac", "bc")
    }


def figure(cid, article, sentence, written, value, unit="dollar", approximate=False, event="e1"):
    """A single figure as the extractor gives it: the number span as written in the sentence."""
    at = sentence.index(written)
    claim = QuantityClaim(
        0,
        len(sentence),
        sentence,
        value,
        value,
        unit,
        unit,
        number=Span(at, at + len(written), written),
        approximate=approximate,
        direction="~" if approximate else "=",
    )
    return LinkableClaim(cid, article, f"outlet-{article}", claim, sentence, event_id=event, sentence_start=0)


def sea_wall_figures() -> tuple[LinkableClaim, LinkableClaim]:
    """One sum in two outlets: rounded in one ($1.4 billion), precise in the other ($1.375 billion)."""
    return (
        figure(
            "a",
            "A",
            "The harbour bill includes just $1.4 billion for the Marrowick sea wall.",
            "$1.4 billion",
            1.4e9,
        ),
        figure(
            "b",
            "B",
            "The harbour bill grants $1.375 billion for the Marrowick sea wall.",
            "$1.375 billion",
            1.375e9,
        ),
    )


def test_a_rounded_figure_corroborates_the_precise_one():
    """'$1.4 billion' is '$1.375 billion' rounded: the same money, not a conflict."""
    [s] = suggest_links(list(sea_wall_figures()))
    assert s.relation == "corroborates"


def test_two_precise_different_figures_for_one_thing_contradict():
    """'$3.5 billion' and 'about $3.6 billion' from one budget are both written to the hundred million:
    a conflict, although 'about' would stretch 3.6 to cover 3.5; so are 55,000 and 50,000 pages."""
    a = figure(
        "a",
        "A",
        "The order unlocks $3.5 billion from the Calvarra harbour construction budget.",
        "$3.5 billion",
        3.5e9,
    )
    b = figure(
        "b",
        "B",
        "The order lets the council use about $3.6 billion from Calvarra harbour construction projects.",
        "$3.6 billion",
        3.6e9,
        approximate=True,
    )
    c = figure(
        "c", "C", "The archive received 55,000 pages of the mayor's letters.", "55,000", 55000, unit="page"
    )
    d = figure(
        "d", "D", "Boxes held 50,000 pages of the mayor's printed letters.", "50,000", 50000, unit="page"
    )
    got = relations(suggest_links([a, b, c, d]))
    assert (frozenset({"a", "b"}), "contradicts") in got
    assert (frozenset({"c", "d"}), "contradicts") in got
    assert not any(r == "corroborates" for _, r in got)


def test_n_others_and_n_plus_one_in_all_are_one_count():
    """'killed the driver and three others' and 'four people died in all': not a contradiction."""
    a = figure(
        "a",
        "A",
        "The storm in Dunmore killed a ferry driver and three others on Friday.",
        "three",
        3,
        unit="person",
    )
    b = figure(
        "b",
        "B",
        "Four people were killed in all by the storm in Dunmore on Friday.",
        "Four",
        4,
        unit="person",
    )
    [s] = suggest_links([a, b])
    assert s.relation == "corroborates"


def test_figures_far_apart_in_one_event_are_not_a_conflict_without_the_same_sentence():
    """'$8 billion in all for barriers' and '$3.6 billion from the harbour budget' are different sums."""
    a = figure(
        "a",
        "A",
        "Officials would have about $8 billion in all for walls, fences and sea barriers.",
        "$8 billion",
        8e9,
        approximate=True,
    )
    b = figure(
        "b",
        "B",
        "The Calvarra order lets officials divert $3.6 billion from harbour projects to the sea barriers.",
        "$3.6 billion",
        3.6e9,
    )
    assert not any(s.relation == "contradicts" for s in suggest_links([a, b]))


def quoted(cid, article, speaker, content, sentence, outlet):
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, direct=True)
    return LinkableClaim(cid, article, outlet, claim, sentence, event_id="e1", sentence_start=0)


def test_the_same_quote_in_two_outlets_always_corroborates_and_reads_as_one_speaker():
    """One remark quoted by two outlets, one adding 'very', one naming no speaker, the sentences dating
    it differently: it corroborates, whatever the stance model says, and the rationale names the speaker
    once with both outlets, not a bag of shared words."""
    sa = 'At that 2 March rally in Marrowick, Ryland says, "We learned something very important on the ferries."'
    sb = '"We learned something important on the ferries," Ivo Ryland told the crowd in March.'
    a = quoted("a", "A", None, "We learned something very important on the ferries", sa, "Harbour Gazette")
    b = quoted("b", "B", "Ivo Ryland", "We learned something important on the ferries", sb, "Radio Calvarra")
    [s] = suggest_links([a, b], stance=lambda claim, text: "disagree")
    assert s.relation == "corroborates" and s.confidence >= 0.75
    assert s.rationale.startswith("Ivo Ryland, in Harbour Gazette and Radio Calvarra")
    assert "both say" not in s.rationale


def test_a_denial_never_corroborates_what_it_denies():
    """The stance model's 'agree' does not turn an assertion and its denial into a corroboration."""
    a = said(
        "a",
        "A",
        None,
        "about 100 Dresnian soldiers were aboard the planes that landed in Kallia",
        sentence="Reports said about 100 Dresnian soldiers were aboard the planes that landed in Kallia.",
    )
    b = said(
        "b",
        "B",
        "the Dresnian ministry",
        "any Dresnian soldiers were aboard the planes that landed in Kallia",
        sentence="The Dresnian ministry denied that any Dresnian soldiers were aboard the planes that landed in Kallia.",
    )
    got = suggest_links([a, b], stance=lambda claim, text: "agree")
    assert not any(s.relation == "corroborates" for s in got)


def test_near_identical_words_with_one_negation_more_are_not_the_same_remark():
    """'will not expand the Kallia base' is not the same remark as 'will expand the Kallia base'."""
    a = said(
        "a",
        "A",
        "Ivo Ryland",
        "the crews work under maintenance contracts and will not expand the Kallia base",
    )
    b = said(
        "b", "B", "Ivo Ryland", "the crews work under maintenance contracts and will expand the Kallia base"
    )
    [s] = suggest_links([a, b], stance=lambda claim, text: "disagree")
    assert s.relation == "contradicts" and "a conflict" in s.rationale


def day(cid, article, sentence, clause, value, dated, event="e1"):
    """A day-precision date whose clause is part of `sentence`, with the verb it dates."""
    at = sentence.index(clause)
    claim = DateClaim(at, at + len(clause), clause, value, "day", dated=dated)
    return LinkableClaim(
        cid,
        article,
        f"outlet-{article}",
        claim,
        sentence,
        event_id=event,
        sentence_start=0,
        published=dt.date(2026, 3, 13),
    )


def test_one_day_written_two_ways_for_one_happening_corroborates_and_other_happenings_that_day_do_not():
    """'passed both chambers on Thursday' and 'passed a harbour funding bill on 12 March' date one passage;
    the mayor's announcement that day, and the other chamber's vote that day, are other happenings."""
    sa = "The package, negotiated for weeks by a harbour committee, passed both chambers on Thursday."
    sb = "Calvarra councillors passed a harbour funding bill on 12 March, ending the dispute."
    sc = "Mayor Ilse Varga announced on Thursday that she would sign the harbour package."
    a = day("a", "A", sa, "passed both chambers on Thursday", "2026-03-12", "passed")
    b = day(
        "b", "B", sb, "Calvarra councillors passed a harbour funding bill on 12 March", "2026-03-12", "passed"
    )
    c = day("c", "C", sc, "Mayor Ilse Varga announced on Thursday", "2026-03-12", "announced")
    got = relations(suggest_links([a, b, c]))
    assert (frozenset({"a", "b"}), "corroborates") in got
    assert not any("c" in pair for pair, _ in got)
    sd = "The Calvarra Senate voted on Wednesday to override the mayor's veto of the harbour bill."
    se = "The Calvarra Assembly voted later on Wednesday to override the harbour veto."
    d = day("d", "D", sd, "The Calvarra Senate voted on Wednesday", "2026-03-11", "voted")
    e = day("e", "E", se, "The Calvarra Assembly voted later on Wednesday", "2026-03-11", "voted")
    assert suggest_links([d, e]) == []


def test_two_peoples_own_words_and_two_quotes_of_one_speaker_are_two_remarks():
    """Two councillors each calling the order 'a gross abuse of power' made two remarks, not one fact two
    outlets report; the mayor's Sunday post and Friday post on one ferry decision are two posts."""
    sa = '"This is a gross abuse of power that the harbour council cannot tolerate," Ada Brill said.'
    sb = 'Ivo Ryland called the harbour order "a gross abuse of power" by the council.'
    a = quoted(
        "a",
        "A",
        "Ada Brill",
        "This is a gross abuse of power that the harbour council cannot tolerate",
        sa,
        "A",
    )
    b = quoted("b", "B", "Ivo Ryland", "a gross abuse of power", sb, "B")
    b.claim.text = "the harbour order a gross abuse of power by the council"
    assert suggest_links([a, b]) == []
    sc = (
        'The mayor posted: "Ferry fare decision will be announced next week, after a hard look at the costs."'
    )
    sd = 'Mayor Ilse Varga wrote: "Put the ferry fare decision on hold until I have reviewed all the harbour costs."'
    c = quoted(
        "c",
        "C",
        "Ilse Varga",
        "Ferry fare decision will be announced next week, after a hard look at the costs",
        sc,
        "C",
    )
    d = quoted(
        "d",
        "D",
        "Ilse Varga",
        "Put the ferry fare decision on hold until I have reviewed all the harbour costs",
        sd,
        "D",
    )
    assert suggest_links([c, d]) == []


def test_nothing_denies_like_not():
    """'there is nothing additional occurring in terms of increasing its presence' denies the increase."""
    a = said(
        "a",
        "A",
        None,
        "Dresnia planned to increase its military presence in Kallia",
        sentence="Media reports said Dresnia planned to increase its military presence in Kallia.",
    )
    b = said(
        "b",
        "B",
        "Ivo Ryland",
        "there is nothing additional occurring in terms of increasing Dresnia's military presence in Kallia",
    )
    [s] = suggest_links([a, b])
    assert s.relation == "contradicts"


def test_duplicates_of_one_statement_are_linked_through_the_fullest():
    """The extractor may give one remark twice with overlapping spans (unnamed, and with its speaker): the
    link goes through the one that names the speaker."""
    sentence = (
        "Ivo Ryland said the harbour office asked former mayors last year for help keeping their letters."
    )
    content = "the harbour office asked former mayors last year for help keeping their letters"
    at = sentence.index(content)
    bare = StatementClaim(at, at + len(content), content, None)
    named = StatementClaim(at, at + len(content) + 1, content + ".", "Ivo Ryland")
    a1 = LinkableClaim("a-bare", "A", "A", bare, sentence, event_id="e1", sentence_start=0)
    a2 = LinkableClaim("a-named", "A", "A", named, sentence, event_id="e1", sentence_start=0)
    b = said("b", "B", "Ivo Ryland", content)
    [s] = suggest_links([a1, b, a2])
    assert s.pair == {"a-named", "b"}


def test_a_negation_of_one_shared_word_in_another_clause_is_not_a_conflict():
    """Ryland mocking 'the Kallian expectation that other countries have no presence in the northern sea
    even as Kallia is present in the south' does not deny that Dresnia plans a larger presence there,
    whatever the stance model says."""
    a = said(
        "a",
        "A",
        "Dresnia",
        "to increase its naval presence in the Kallian countries",
        sentence="Reports said Dresnia planned to increase its naval presence in the Kallian countries.",
    )
    b = said(
        "b",
        "B",
        "Ivo Ryland",
        "the Kallian expectation that other countries have no presence in the northern sea even as Kallia "
        "itself is present in the southern sea",
    )
    got = suggest_links([a, b], stance=lambda claim, text: "disagree")
    assert not any(s.relation == "contradicts" for s in got)


def test_a_count_is_timed_by_its_happening_not_by_the_day_someone_spoke_of_it():
    """'The archive said on Monday it had received 55,000 pages' and 'in December, 50,000 pages were
    delivered': Monday dates the saying, so the two counts still conflict."""
    sa = "The Marrowick archive said on Monday that it had received 55,000 pages of the mayor's letters."
    sb = "In December, boxes with 50,000 pages of the mayor's printed letters were delivered to the archive."
    a = figure("a", "A", sa, "55,000", 55000, unit="page")
    b = figure("b", "B", sb, "50,000", 50000, unit="page")
    monday = day("am", "A", sa, "The Marrowick archive said on Monday", "2026-03-02", "said")
    december = day("bd", "B", sb, "In December, boxes with 50,000 pages", "2025-12-01", "delivered")
    december.claim.value, december.claim.precision = "2025-12", "month"
    got = relations(suggest_links([a, b, monday, december]))
    assert (frozenset({"a", "b"}), "contradicts") in got


def test_since_one_year_and_since_the_next_for_one_state_contradict():
    """'has led the harbour board since 2009' against 'has led the harbour board since 2010': however long
    ago, one of the two outlets has the start wrong."""
    sa = "Ilse Varga has led the Marrowick harbour board since 2009, the council said."
    sb = "Ilse Varga, who has led the Marrowick harbour board since 2010, spoke first."
    a = LinkableClaim(
        "a",
        "A",
        "A",
        DateClaim(0, 55, sa[:55], "2009", "year", expression=Span(45, 55, "since 2009")),
        sa,
        event_id="e1",
        sentence_start=0,
        published=dt.date(2026, 3, 13),
    )
    at = sb.index("who has led")
    clause = "who has led the Marrowick harbour board since 2010"
    b = LinkableClaim(
        "b",
        "B",
        "B",
        DateClaim(
            at, at + len(clause), clause, "2010", "year", expression=Span(at + 40, at + 50, "since 2010")
        ),
        sb,
        event_id="e1",
        sentence_start=0,
        published=dt.date(2026, 3, 13),
    )
    [s] = suggest_links([a, b])
    assert s.relation == "contradicts"


def test_a_short_statement_inside_a_long_one_is_never_a_sure_suggestion():
    """'put the ferry fare decision on hold' inside a long remark sharing only 'ferry fare decision': the
    review queue may show it, but below the sure band (0.75), where suggestions must be right 9 in 10."""
    a = said(
        "a",
        "A",
        "Ilse Varga",
        "the ferry fare decision will be announced next week but she will be very hard pressed to change "
        "her mind that the harbour costs are a horror show",
    )
    b = said("b", "B", "Ilse Varga", "she decided to put the ferry fare decision on hold")
    for s in suggest_links([a, b], stance=lambda claim, text: "agree"):
        assert s.confidence < 0.75


def test_rationales_show_both_outlets_and_both_values_as_written():
    """An editor checks a link at a glance: each outlet with its own words and figure, side by side."""
    [s] = suggest_links(list(sea_wall_figures()))
    assert s.rationale.startswith("$1.375 billion rounds to $1.4 billion: ")
    assert "outlet-A \u201cThe harbour bill includes just $1.4 billion for the" in s.rationale
    assert "outlet-B \u201cThe harbour bill grants $1.375 billion for the Marrowick" in s.rationale
    assert "shared" not in s.rationale
    sa = "The package, negotiated for weeks by a harbour committee, passed both chambers on Thursday."
    sb = "Calvarra councillors passed a harbour funding bill on 12 March, ending the dispute."
    da = day("da", "A", sa, "passed both chambers on Thursday", "2026-03-12", "passed")
    db = day(
        "db",
        "B",
        sb,
        "Calvarra councillors passed a harbour funding bill on 12 March",
        "2026-03-12",
        "passed",
    )
    [d] = suggest_links([da, db])
    assert (
        "2026-03-12" in d.rationale and "outlet-A \u201cpassed both chambers on Thursday\u201d" in d.rationale
    )
    assert "outlet-B \u201cCalvarra councillors passed" in d.rationale


def test_an_arrival_and_a_departure_never_corroborate():
    """Engineers arriving at Kestrel and engineers being sent back home from Kestrel are two happenings."""
    a = said("a", "A", None, "Kallian military engineers arrived at Kestrel airport to repair the dam")
    b = said(
        "b",
        "B",
        None,
        "Kallia is sending its military engineers at Kestrel airport back home after repairing the dam",
    )
    assert not any(s.relation == "corroborates" for s in suggest_links([a, b]))
    c = said("c", "C", None, "Kallian military engineers landed at Kestrel airport to repair the dam")
    assert [s.relation for s in suggest_links([a, c])] == ["corroborates"]


def test_being_somewhere_and_being_sent_back_home_never_corroborate():
    """Engineers who are at Kestrel and engineers being sent back home from Kestrel are two happenings
    (a presence and a departure), however many words the two sentences share."""
    a = said(
        "a", "A", None, "Two Kallian aircraft with military engineers are in Marrowick to repair the dam"
    )
    b = said(
        "b",
        "B",
        None,
        "Kallia is sending its military engineers in Marrowick back home after repairing the dam",
    )
    assert not any(s.relation == "corroborates" for s in suggest_links([a, b]))
    # two presences are one fact
    c = said("c", "C", None, "Kallian military engineers are already in Marrowick to repair the dam")
    assert [s.relation for s in suggest_links([a, c])] == ["corroborates"]


def test_challenging_someone_never_corroborates_backing_them():
    """Ryland challenging Mayor Corran's council and towns backing Corran are opposite sides, not one
    fact, however many words (the office, the name) they share."""
    a = said(
        "a",
        "A",
        None,
        "Ivo Ryland declared himself the harbour's interim mayor in May, openly challenging Mayor Dessa "
        "Corran's council",
    )
    b = said(
        "b",
        "B",
        None,
        "six harbour towns voiced their support for Mayor Dessa Corran as the harbour's only legitimate mayor",
    )
    assert not any(s.relation == "corroborates" for s in suggest_links([a, b]))
    c = said(
        "c",
        "C",
        None,
        "four harbour towns backed Mayor Dessa Corran as the harbour's only legitimate mayor",
    )
    assert [s.relation for s in suggest_links([b, c])] == ["corroborates"]


def test_a_later_rounds_arrival_never_corroborates_the_first_rounds():
    """An article telling that the engineers who came in spring left and a new team came reports another
    landing than an article on the spring landing, however alike the two sentences."""
    from claims.linking.context import later_round

    spring = "Two Kallian planes carrying military engineers landed in Marrowick at the weekend."
    autumn = (
        "Mayor Corran said two Kallian planes with military engineers have landed in Marrowick. "
        "Those who came in spring went home and a new team arrived, she said."
    )
    assert later_round(autumn) and not later_round(spring)
    a = said(
        "a", "A", None, "Two Kallian planes carrying military engineers landed in Marrowick at the weekend"
    )
    b = said("b", "B", "Dessa Corran", "two Kallian planes with military engineers have landed in Marrowick")
    assert [s.relation for s in suggest_links([a, b])] == ["corroborates"]
    b = dataclasses.replace(b, later_round=later_round(autumn))
    assert not any(s.relation == "corroborates" for s in suggest_links([a, b]))


def test_two_sizes_of_one_named_document_contradict_in_other_words():
    """'the 48-page indictment' and 'the 47-page indictment' in one event measure one document: a
    conflict even when the sentences share nothing else; a '40-page report' against a '41-page
    indictment' measures two things and stays unlinked."""
    a = figure(
        "a",
        "A",
        "Among the charges named in the 48-page indictment were trips to Lisbon paid with donors' money.",
        "48",
        48,
        unit="page",
    )
    b = figure(
        "b",
        "B",
        "\u201cThe aim was to enrich the couple,\u201d the 47-page indictment says.",
        "47",
        47,
        unit="page",
    )
    # the story's other counts speak of the indictment too, so the word alone tells little
    others = [
        figure(f"o{n}", f"O{n}", f"The indictment lists {n}00 dollars spent on {word}.", f"{n}00", n * 100)
        for n, word in ((2, "tuition"), (3, "dental work"), (4, "flights"), (6, "a rabbit's airfare"))
    ]
    [s] = [x for x in suggest_links([a, b, *others]) if x.pair == frozenset(("a", "b"))]
    assert s.relation == "contradicts"
    assert "48" in s.rationale and "47" in s.rationale
    c = figure(
        "c",
        "C",
        "\u201cThe aim was to enrich the couple,\u201d the 47-page report says.",
        "47",
        47,
        unit="page",
    )
    assert not [x for x in suggest_links([a, c, *others]) if x.pair == frozenset(("a", "c"))]
    # as the app stores them: no number span, the claim's own span is the figure with its unit
    stored = [
        dataclasses.replace(
            x,
            claim=dataclasses.replace(
                x.claim, start=x.claim.number.start, end=x.claim.number.end, number=None
            ),
        )
        for x in (a, b)
    ]
    assert any(x.pair == frozenset(("a", "b")) for x in suggest_links([*stored, *others]))


def test_one_speakers_quoted_words_in_two_outlets_are_one_remark_however_each_frames_them():
    """Ryland quoted in the first person by one outlet and reported by another, both carrying his words
    'the harbour tolls and fares are a tax on every family' ('&' in one), and a short remark 'nobody is above the
    harbour law' in both, one outlet running it on from another with a negation: each pair corroborates;
    another speaker with the same short words is not linked to him."""
    sa = (
        'Ivo Ryland said: "The mayor and I have met, and we agree the harbour tolls and fares are a tax on every family, '
        'and the new ferry timetable will be published next week."'
    )
    sb = 'Ryland said that he and the mayor had met and agreed "the harbour tolls & fares are a tax on every family."'
    a = quoted(
        "a",
        "A",
        "Ivo Ryland",
        "The mayor and I have met, and we agree the harbour tolls and fares are a tax on every family, and the new "
        "ferry timetable will be published next week.",
        sa,
        "Harbour Gazette",
    )
    b = quoted(
        "b",
        "B",
        "Ivo Ryland",
        'that he and the mayor had met and agreed "the harbour tolls & fares are a tax on every family.',
        sb,
        "Radio Calvarra",
    )
    sc = "The ruling proves that \u201cnobody is above the harbour law.\u201d Ivo Ryland said on Tuesday."
    sd = (
        '"We will not let anyone abuse the ferry fund," Ryland added. "This ruling is a reminder that nobody '
        'is above the harbour law."'
    )
    c = quoted(
        "c",
        "C",
        "Ivo Ryland",
        "The ruling proves that \u201cnobody is above the harbour law.",
        sc,
        "Harbour Gazette",
    )
    d = quoted(
        "d",
        "D",
        "Ivo Ryland",
        'We will not let anyone abuse the ferry fund," Ryland added. "This ruling is a reminder that nobody '
        "is above the harbour law.",
        sd,
        "Radio Calvarra",
    )
    se = 'Tom Bryn said: "nobody is above the harbour law, and the tolls must fall."'
    e = quoted(
        "e", "E", "Tom Bryn", "nobody is above the harbour law, and the tolls must fall.", se, "Kestrel Post"
    )
    got = {(s.pair, s.relation) for s in suggest_links([a, b, c, d, e])}
    assert (frozenset("ab"), "corroborates") in got
    assert (frozenset("cd"), "corroborates") in got
    assert not any(pair & {"e"} and pair & {"c", "d"} for pair, _ in got)
    [ab] = [s for s in suggest_links([a, b]) if s.pair == frozenset("ab")]
    assert ab.rationale.startswith("Ivo Ryland, in Harbour Gazette and Radio Calvarra: ")
    assert "same words" not in ab.rationale
