"""Checking a claim against articles (pure logic), and the stance model asked once per batch by linking."""

from __future__ import annotations

import pytest

from claims.extraction.types import StatementClaim
from claims.linking.check import (
    Candidate,
    best_sentence,
    check_claim,
    claim_problem,
    page_label,
    search_terms,
)
from claims.linking.links import suggest_links
from claims.linking.stance import StanceModel
from claims.linking.types import LinkableClaim

CLAIM = "Carmaker Voltra is buying battery start-up Nexcell for $4 billion"
REPORT = (
    "Shares in Nexcell rose on Monday. Carmaker Voltra is buying the battery start-up Nexcell for $4 "
    "billion, both companies said in a joint statement. The deal is expected to close next year."
)
OTHER = "The club signed the striker on a four-year contract on Friday. He scored 19 goals last season."


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def test_claim_problem_explains_empty_and_short_claims():
    """Empty, stop-word-only and two-word claims are refused with a reason; a real claim is accepted."""
    assert "Type a claim" in claim_problem("  ")
    assert "too short" in claim_problem("It was the one")
    assert "too short" in claim_problem("Voltra Nexcell")
    assert "longer than a claim" in claim_problem("word " * 200)
    assert claim_problem(CLAIM) is None
    assert {"voltra", "nexcell", "battery", "carmaker"} <= set(search_terms(CLAIM))
    assert "is" not in search_terms(CLAIM) and "for" not in search_terms(CLAIM)


def test_best_sentence_is_the_one_restating_the_claim(model):
    """The second sentence repeats the claim; its offset points at it in the text."""
    start, sentence = best_sentence(model, CLAIM, REPORT)
    assert sentence.startswith("Carmaker Voltra is buying") and REPORT[start:].startswith(sentence)


def test_check_claim_groups_related_articles_and_counts_the_rest(model):
    """The report is grouped under its stance (the model's, or discuss where the model's agree is not
    sure enough for the page); the football article is only counted."""
    result = check_claim(model, CLAIM, [Candidate(1, REPORT, "Voltra buys Nexcell"), Candidate(2, OTHER)])
    assert result.checked == 2 and result.unrelated == 1
    expected = model.predict(CLAIM, REPORT)
    assert expected != "unrelated"
    [match] = [m for matches in result.groups.values() for m in matches]
    assert expected == "agree" and match.label in {"agree", "discuss"}
    assert match.candidate.id == 1 and 0.0 < match.probability <= 1.0
    assert check_claim(model, CLAIM, []).checked == 0


def test_page_holds_the_model_to_coverage_and_a_sure_agree():
    """An article using under half of the claim is unrelated whatever the model says; agree needs a
    sentence carrying the claim and a sure model (less sure when the article affirms, unhedged)."""
    labels = ("agree", "disagree", "discuss", "unrelated")
    sure, unsure = [0.85, 0.05, 0.1, 0.0], [0.65, 0.03, 0.32, 0.0]
    assert page_label("agree", sure, labels, cover=0.4, stated=0.4) == "unrelated"
    assert page_label("disagree", [0.1, 0.8, 0.1, 0.0], labels, cover=0.4, stated=0.4) == "unrelated"
    assert page_label("agree", sure, labels, cover=0.9, stated=0.9) == "agree"
    assert page_label("agree", sure, labels, cover=0.9, stated=0.2) == "discuss"
    assert page_label("agree", unsure, labels, cover=0.9, stated=0.9) == "discuss"
    assert page_label("agree", unsure, labels, cover=0.9, stated=0.9, affirmed=True) == "agree"
    assert page_label("unrelated", [0, 0, 0, 1.0], labels, cover=1.0, stated=1.0) == "unrelated"
    # a plain sentence stating the whole claim needs only a leaning model; part of it, or hedged, does not
    leaning = [0.55, 0.03, 0.42, 0.0]
    assert page_label("agree", leaning, labels, cover=1.0, stated=0.95, plain=True) == "agree"
    assert page_label("agree", leaning, labels, cover=1.0, stated=0.8, plain=True) == "discuss"
    assert page_label("agree", leaning, labels, cover=1.0, stated=0.95, plain=False) == "discuss"


BOATS = "Harbour officials in Marrowick counted 120 fishing boats stranded by the storm on Sunday"
BOATS_STATED = (
    "Harbour officials in Marrowick counted 120 fishing boats stranded by the storm on Sunday. The boats "
    "could not leave the port after high winds damaged the breakwater. Repairs are expected to take two "
    "weeks, the harbour master confirmed."
)
BOATS_DOUBTED = (
    "Reports that 120 fishing boats were stranded in Marrowick by the storm could not be confirmed. "
    "Harbour officials said they had not counted the boats and that the figure circulating online may be "
    "wrong."
)
BOATS_BUDGET = (
    "Marrowick's council approved its budget for the harbour on Sunday. The plan sets aside money for "
    "fishing festivals and a new storm drain, officials said."
)


def test_the_article_stating_the_claim_is_under_agree(model):
    """The report that states the claim in its own words is under Agree; the one doubting it and the
    council budget sharing the town's words are not, and the budget is under neither agree nor disagree."""
    candidates = [Candidate(1, BOATS_STATED), Candidate(2, BOATS_DOUBTED), Candidate(3, BOATS_BUDGET)]
    result = check_claim(model, BOATS, candidates)
    shown = {m.candidate.id: label for label, matches in result.groups.items() for m in matches}
    assert shown.get(1) == "agree"
    assert shown.get(2) != "agree"
    assert shown.get(3) not in {"agree", "disagree"}


def said(cid, article, speaker, content, verb="said"):
    claim = StatementClaim(0, len(content), content, speaker)
    return LinkableClaim(
        cid, article, f"outlet-{article}", claim, f"{speaker} {verb} {content}.", event_id="e"
    )


def test_linking_asks_the_stance_model_once_for_all_statement_pairs():
    """Three outlets repeating one statement: one stance batch with both directions of every pair, and
    the same links as asking pair by pair."""
    content = "the crews do work under existing maintenance contracts in Kallia"
    items = [said("a", "a", "Ivo Ryland", content, "told reporters")]
    items += [said(k, k, "Ivo Ryland", content) for k in ("b", "c")]
    batches: list[list[tuple[str, str]]] = []

    def many(pairs):
        batches.append(list(pairs))
        return ["disagree" if "told reporters" in text else "agree" for _, text in pairs]

    def one(claim, text):
        return many([(claim, text)])[0]

    batched = suggest_links(items, stance_many=many)
    assert len(batches) == 1 and len(batches[0]) == 6  # 3 pairs, both directions
    batches.clear()
    assert suggest_links(items, stance=one) == batched and len(batches) == 6
    relations = {s.pair: (s.relation, s.confidence) for s in batched}
    assert relations[frozenset({"b", "c"})][0] == "corroborates"
    # the model's "disagree" on a's sentence lowers confidence (it alone makes no conflict)
    assert relations[frozenset({"a", "b"})][0] == "corroborates"
    assert relations[frozenset({"a", "b"})][1] < relations[frozenset({"b", "c"})][1]
