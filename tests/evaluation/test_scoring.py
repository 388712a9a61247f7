"""The evaluation package defines our scores: each rule of the corpus README is checked on tiny corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.evaluation import (
    load_corpus,
    rules,
    score_claims,
    score_events,
    score_import,
    score_links,
    score_stance,
)
from claims.evaluation.__main__ import main
from claims.evaluation.rules import normalise_name, normalise_unit
from claims.evaluation.stored import StoredClaim
from claims.extraction.types import (
    DateClaim,
    QuantityClaim,
    Span,
    StatementClaim,
)

TEXT = "Two planes landed on Saturday. They carried 100 soldiers, an official said."


def write_corpus(folder: Path, claims: list[dict], **extra) -> Path:
    """A one-article corpus (key "a", text TEXT) with `claims` and any other top-level gold fields."""
    folder.mkdir(parents=True, exist_ok=True)
    gold = {"format": 1, "corpus": "tiny", "articles": {"a": {"text": TEXT, "published": "2019-03-25"}}}
    gold.update(claims=claims, **extra)
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def gold_claim(cid: str, kind: str, evidence: str | None, **fields) -> dict:
    """A gold claim on TEXT, located by its evidence (no offsets when evidence is None)."""
    entry = {"id": cid, "article": "a", "kind": kind, **fields}
    if evidence is not None:
        start = TEXT.index(evidence)
        entry.update(evidence=evidence, start=start, end=start + len(evidence))
    return entry


def quantity(
    words: str, low: float, high: float | None = None, *, unit=None, unit_class=None
) -> QuantityClaim:
    start = TEXT.index(words)
    high = low if high is None else high
    return QuantityClaim(start, start + len(words), words, low, high, unit, unit_class)


def date(words: str, value: str) -> DateClaim:
    start = TEXT.index(words)
    return DateClaim(start, start + len(words), words, value, "day")


def statement(words: str, speaker: str | None, mention: str | None = None, direct=False) -> StatementClaim:
    start = TEXT.index(words)
    span = None if mention is None else Span(TEXT.index(mention), TEXT.index(mention) + len(mention), mention)
    return StatementClaim(start, start + len(words), words, speaker, span, direct=direct)


def scores(tmp_path: Path, claims: list[dict], extracted: list, **extra) -> dict:
    return score_claims(load_corpus(write_corpus(tmp_path, claims, **extra)), {"a": extracted})


def test_load_corpus_reads_inline_and_file_texts_with_metadata(tmp_path):
    """Texts come inline or from the file named by the key, with \\r kept so offsets stay valid."""
    (tmp_path / "b.txt").write_bytes(b"Line one.\r\nLine two.")
    gold = {
        "format": 1,
        "corpus": "mix",
        "exhaustive": ["date"],
        "articles": {
            "a": {
                "text": TEXT,
                "title": "T",
                "outlet": "O",
                "published": "2019-03-25",
                "url": "u",
                "note": "n",
            },
            "b.txt": {"title": None, "dateline": "CARACAS"},
        },
        "claims": [{"id": "x", "article": "b.txt", "kind": "date", "value": "2019", "start": 11, "end": 20}],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles["b.txt"].text == "Line one.\r\nLine two."
    assert corpus.articles["b.txt"].extra == {"dateline": "CARACAS"}
    a = corpus.articles["a"]
    assert (a.title, a.outlet, a.published, a.url, a.note) == ("T", "O", "2019-03-25", "u", "n")
    assert corpus.exhaustive == ("date",) and corpus.claims[0].start == 11


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such folder"),
        ("", "missing gold.json"),
        ("{not json", "not valid JSON"),
        ('{"format": 2}', "format"),
    ],
)
def test_bad_corpus_paths_raise_clear_errors(tmp_path, content, problem):
    """A missing folder, missing gold.json, bad JSON or unknown format is a ValueError naming the path."""
    folder = tmp_path / "corpus"
    if content is not None:
        folder.mkdir()
        if content:
            (folder / "gold.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem) as error:
        load_corpus(folder)
    assert str(folder) in str(error.value)


def test_claim_on_unknown_article_is_rejected(tmp_path):
    """A claim naming an article the corpus lacks is reported, not silently dropped."""
    bad = [{"id": "q", "article": "zzz", "kind": "quantity", "value": 1}]
    with pytest.raises(ValueError, match="unknown article 'zzz'"):
        load_corpus(write_corpus(tmp_path, bad))


def test_found_needs_span_overlap_and_right_needs_value(tmp_path):
    """Only a claim overlapping the gold evidence finds it; a wrong number is found but not right."""
    gold = [gold_claim("s", "quantity", "carried 100 soldiers", value=100, unit="soldier")]
    elsewhere = scores(tmp_path, gold, [quantity("Two planes", 100)])["claims"]["quantity"]
    assert elsewhere["gold_found"] == 0
    wrong = scores(tmp_path, gold, [quantity("100 soldiers", 10)])["claims"]["quantity"]
    assert (wrong["gold_found"], wrong["right"]) == (1, 0)
    right = scores(tmp_path, gold, [quantity("100 soldiers", 100)])["claims"]["quantity"]
    assert (right["recall_found"], right["recall_right"]) == (1.0, 1.0)


def test_ranges_match_when_they_overlap(tmp_path):
    """'Dozens' as [24, 199] is right for 100; an extracted range must overlap the gold number."""
    gold = [gold_claim("s", "quantity", "100 soldiers", value=[24, 199], unit="soldier")]
    assert scores(tmp_path, gold, [quantity("100 soldiers", 100)])["claims"]["quantity"]["right"] == 1
    gold = [gold_claim("s", "quantity", "100 soldiers", value=100, unit="soldier")]
    assert scores(tmp_path, gold, [quantity("100 soldiers", 90, 110)])["claims"]["quantity"]["right"] == 1
    assert scores(tmp_path, gold, [quantity("100 soldiers", 101, 110)])["claims"]["quantity"]["right"] == 0


def test_units_compare_singular_lower_case_to_unit_or_class(tmp_path):
    """The unit matches the extracted unit or its class after lower-casing and singularising."""
    assert normalise_unit("Pound-Feet") == "pound-foot"
    assert normalise_unit("miles per hour") == "mile per hour"
    assert [normalise_unit(u) for u in ("tonnes", "percentages", "inches", "casualties", "celsius")] == [
        "tonne", "percentage", "inch", "casualty", "celsius"
    ]  # fmt: skip
    gold = [gold_claim("p", "quantity", "Two planes", value=2, unit="aircraft")]
    by_class = scores(tmp_path, gold, [quantity("Two planes", 2, unit="planes", unit_class="aircraft")])
    assert by_class["claims"]["quantity"]["right_unit"] == 1
    other = scores(tmp_path, gold, [quantity("Two planes", 2, unit="planes", unit_class="vehicle")])
    assert (other["claims"]["quantity"]["right"], other["claims"]["quantity"]["right_unit"]) == (1, 0)
    unitless = [gold_claim("p", "quantity", "Two planes", value=2, unit=None)]
    assert scores(tmp_path, unitless, [quantity("Two planes", 2)])["claims"]["quantity"]["right_unit"] == 1
    with_unit = quantity("Two planes", 2, unit="planes", unit_class="aircraft")
    assert scores(tmp_path, unitless, [with_unit])["claims"]["quantity"]["right_unit"] == 0


@pytest.mark.parametrize(
    ("gold_value", "compare", "extracted", "right"),
    [
        ("2019-03", None, "2019-03-23", True),  # finer than the gold is fine
        ("2019-03-23", None, "2019-03", False),  # coarser is not
        ("2019-03-23", None, "2019-03-24", False),
        ("2019", None, "2019-11-02", True),
        ("2019-06-26", "month-day", "2019-06-26", True),
        (
            "2019-06-26",
            "month-day",
            "2020-06-26",
            False,
        ),  # a definite other year is wrong (README, stricter rule)
        ("2019-06-26", "month-day", "2019-06-25", False),
        ("2019-01", "month", "2019-01-30", True),
        ("2019-01", "month", "2018-01-30", False),
        ("2019-01", "month", "2019", False),
    ],
)
def test_date_precision_and_compare(tmp_path, gold_value, compare, extracted, right):
    """Dates agree at the gold's precision, or only on month (and day) when the gold says "compare";
    a stored year (these claims assert one) other than gold's is wrong either way."""
    gold = [gold_claim("d", "date", "landed on Saturday", value=gold_value, compare=compare)]
    result = scores(tmp_path, gold, [date("on Saturday", extracted)])["claims"]["date"]
    assert result["right"] == int(right)


def test_speaker_normalisation_mention_overlap_and_unnamed(tmp_path):
    """Speakers compare without accents, case or punctuation; a speaker_mention overlap also counts;
    a gold without speaker or mention wants an extracted statement without speaker."""
    assert normalise_name("Nicolás  Maduro") == normalise_name("nicolas maduro")
    assert normalise_name("the U.S. State Department") == normalise_name("US State-Department")
    named = [gold_claim("s", "statement", "They carried 100 soldiers", speaker="Nicolás Maduro")]
    assert scores(tmp_path, named, [statement("They carried", "NICOLAS MADURO")])["claims"]["statement"][
        "right"
    ]
    assert not scores(tmp_path, named, [statement("They carried", "Maduro")])["claims"]["statement"]["right"]
    mention = {
        "text": "an official",
        "start": TEXT.index("an official"),
        "end": TEXT.index("an official") + 11,
    }
    polnear = [
        gold_claim("s", "statement", "They carried 100 soldiers", speaker=None, speaker_mention=mention)
    ]
    hit = statement("They carried", "Somebody", mention="official")
    assert scores(tmp_path, polnear, [hit])["claims"]["statement"]["right"] == 1
    assert scores(tmp_path, polnear, [statement("They carried", None)])["claims"]["statement"]["right"] == 0
    unnamed = [gold_claim("s", "statement", "They carried 100 soldiers", speaker=None)]
    assert scores(tmp_path, unnamed, [statement("They carried", None)])["claims"]["statement"]["right"] == 1
    assert (
        scores(tmp_path, unnamed, [statement("They carried", "Putin")])["claims"]["statement"]["right"] == 0
    )


def test_matching_is_one_to_one_and_prefers_right_pairs(tmp_path):
    """Without evidence any quantity of the article is a candidate; each extracted claim serves one gold
    claim, and the matching gives it to the gold whose value it gets right."""
    gold = [
        gold_claim("five", "quantity", None, value=5, unit=None),
        gold_claim("hundred", "quantity", None, value=100, unit=None),
    ]
    result = scores(tmp_path, gold, [quantity("100", 100)], exhaustive=["quantity"])
    figures = result["claims"]["quantity"]
    assert (figures["gold_found"], figures["right"]) == (1, 1)
    assert result["matched"] == {("a", 0): "hundred"}


def test_precision_and_f1_arithmetic_for_exhaustive_kinds(tmp_path):
    """precision = right / extracted, recall = right / gold, F1 their harmonic mean; unit F1 apart."""
    gold = [
        gold_claim("p", "quantity", "Two planes", value=2, unit="plane"),
        gold_claim("s", "quantity", "100 soldiers", value=100, unit="soldier"),
        gold_claim("n", "quantity", None, value=7, unit=None),
    ]
    extracted = [
        quantity("Two planes", 2, unit="planes"),
        quantity("100 soldiers", 100, unit="troops"),
        quantity("Saturday", 3),
        quantity("official", 4),
    ]
    figures = scores(tmp_path, gold, extracted, exhaustive=["quantity"])["claims"]["quantity"]
    assert (figures["gold"], figures["found"], figures["right"], figures["right_unit"]) == (3, 4, 2, 1)
    assert figures["precision"] == 0.5 and figures["recall_right"] == round(2 / 3, 4)
    assert figures["f1"] == round(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), 4)
    assert figures["right_unit_f1"] == round(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3), 4)


def test_unmatched_per_article_and_statement_direct(tmp_path):
    """Non-exhaustive kinds report unmatched extracted claims per article; direct gold statements get
    their own recall against all extracted statements, without precision."""
    gold = [
        gold_claim("q", "statement", "Two planes landed", speaker=None, direct=True),
        gold_claim("r", "statement", "They carried", speaker=None),
    ]
    extracted = [statement("Two planes", None), statement("an official", None), date("Saturday", "2019")]
    result = scores(tmp_path, gold, extracted)
    assert result["unmatched_per_article"] == {"quantity": 0.0, "date": 1.0, "statement": 1.0}
    direct = result["claims"]["statement_direct"]
    assert (direct["gold"], direct["right"], direct["recall_right"]) == (1, 1, 1.0)
    assert "precision" not in direct and result["claims"]["statement"]["unmatched"] == 1


def stored(cid: int, kind: str, words: str) -> StoredClaim:
    start = TEXT.index(words)
    return StoredClaim(cid, "a", kind, start, start + len(words))


def test_links_found_either_direction_and_not_link_violations(tmp_path):
    """A gold link is found by any stored claims overlapping its two ends; not_links count violations."""
    gold = [
        gold_claim("p", "quantity", "Two planes", value=2, unit=None),
        gold_claim("s", "quantity", "100 soldiers", value=100, unit=None),
        gold_claim("d", "date", "on Saturday", value="2019-03-23"),
    ]
    links = [
        {"a": "p", "b": "s", "relation": "corroborates"},
        {"a": "p", "b": "d", "relation": "contradicts"},
    ]
    not_links = [{"a": "s", "b": "d", "relation": "contradicts"}]
    corpus = load_corpus(write_corpus(tmp_path, gold, links=links, not_links=not_links))
    claims = [
        stored(1, "quantity", "100 soldiers"),
        stored(2, "quantity", "Two planes"),
        stored(3, "date", "on Saturday"),
    ]
    system = [(1, 2, "corroborates"), (2, 1, "corroborates"), (1, 3, "contradicts")]
    result = score_links(corpus, claims, system)
    assert (result["gold"], result["found"], result["recall"]) == (2, 1, 0.5)
    assert (result["not_link_violations"], result["suggested"]) == (1, 2)
    assert result["missed"] == [["p", "d", "contradicts"]]
    # both stored links join two gold claims; only the corroboration is a gold link
    assert (result["judged"], result["judged_right"], result["precision"]) == (2, 1, 0.5)
    assert result["suggested_on_gold_claims"] == 2  # the key's older name


def test_link_precision_counts_only_links_between_two_annotated_claims(tmp_path):
    """A link with an end no gold claim covers is not judged; a wrong relation between gold claims is."""
    gold = [
        gold_claim("p", "quantity", "Two planes", value=2),
        gold_claim("s", "quantity", "100 soldiers", value=100),
    ]
    corpus = load_corpus(
        write_corpus(tmp_path, gold, links=[{"a": "p", "b": "s", "relation": "corroborates"}])
    )
    claims = [
        stored(1, "quantity", "Two planes"),
        stored(2, "quantity", "100 soldiers"),
        stored(3, "statement", "an official said"),
    ]
    result = score_links(corpus, claims, [(1, 3, "corroborates"), (1, 2, "contradicts")])
    assert (result["judged"], result["judged_right"], result["precision"]) == (1, 0, 0.0)
    assert (result["found"], result["suggested"]) == (0, 2)


def test_link_figures_by_confidence_band(tmp_path):
    """With the stored confidences, each band counts its suggestions, the judged ones and the right ones:
    a sure wrong link shows in the top band, a link with an unannotated end only among the suggested."""
    gold = [
        gold_claim("p", "quantity", "Two planes", value=2),
        gold_claim("s", "quantity", "100 soldiers", value=100),
        gold_claim("d", "date", "on Saturday", value="2019-03-23"),
    ]
    corpus = load_corpus(
        write_corpus(tmp_path, gold, links=[{"a": "p", "b": "s", "relation": "corroborates"}])
    )
    claims = [
        stored(1, "quantity", "Two planes"),
        stored(2, "quantity", "100 soldiers"),
        stored(3, "date", "on Saturday"),
        stored(4, "statement", "an official said"),
    ]
    system = [(1, 2, "corroborates"), (1, 3, "contradicts"), (2, 4, "corroborates")]
    confidence = {
        (frozenset((1, 2)), "corroborates"): 0.9,
        (frozenset((1, 3)), "contradicts"): 0.8,
        (frozenset((2, 4)), "corroborates"): 0.3,
    }
    bands = score_links(corpus, claims, system, confidence)["by_confidence"]
    assert bands[">= 0.75"] == {"suggested": 2, "judged": 2, "right": 1}
    assert bands["0.5-0.75"] == {"suggested": 0, "judged": 0, "right": 0}
    assert bands["< 0.5"] == {"suggested": 1, "judged": 0, "right": 0}
    assert "by_confidence" not in score_links(corpus, claims, system)


def test_an_any_kind_not_link_holds_whatever_the_two_claims_kinds(tmp_path):
    """Two happenings: a stored link between any claims overlapping the two evidences violates it."""
    gold = [
        gold_claim("p", "quantity", "Two planes landed on Saturday", value=2),
        gold_claim("s", "quantity", "They carried 100 soldiers", value=100),
    ]
    not_links = [{"a": "p", "b": "s", "relation": "corroborates", "any_kind": True}]
    plain = [{"a": "p", "b": "s", "relation": "corroborates"}]
    claims = [stored(1, "date", "on Saturday"), stored(2, "statement", "They carried 100 soldiers")]
    for entries, violations in ((not_links, 1), (plain, 0)):
        corpus = load_corpus(write_corpus(tmp_path, gold, not_links=entries))
        result = score_links(corpus, claims, [(1, 2, "corroborates")])
        assert result["not_link_violations"] == violations, entries


def test_fnc_score_accuracy_and_macro_f1():
    """FNC-1: 0.25 for the related/unrelated split, 0.75 more for the exact related label."""
    gold = ["agree", "disagree", "unrelated", "discuss", "unrelated"]
    predicted = ["agree", "discuss", "unrelated", "unrelated", "agree"]
    # earned 1.0 + 0.25 + 0.25 + 0 + 0 = 1.5 of 1.0 + 1.0 + 0.25 + 1.0 + 0.25 = 3.5
    result = score_stance(gold, predicted)
    assert result["fnc_score_pct"] == round(100 * 1.5 / 3.5, 2)
    assert result["accuracy"] == 0.4
    # F1: agree 2*1/(1+2), disagree 0, discuss 0, unrelated 2*1/(2+2)
    assert result["macro_f1"] == round((2 / 3 + 0.5) / 4, 4)
    with pytest.raises(ValueError):
        score_stance(["agree"], ["maybe"])


def test_pairwise_and_bcubed_on_small_clusterings():
    """Pairwise and B-cubed on six articles; "f" is in no gold event so it is a gold singleton."""
    gold = [["a", "b", "c"], ["d", "e"]]
    predicted = [["a", "b"], ["c", "d", "e", "f"]]
    result = score_events(gold, predicted, articles=list("abcdef"))
    # gold pairs ab ac bc de; predicted pairs ab cd ce cf de df ef; true pairs ab de
    assert (result["pairwise_precision"], result["pairwise_recall"]) == (round(2 / 7, 4), 0.5)
    assert result["pairwise_f1"] == round(4 / 11, 4)
    precision, recall = 3.5 / 6, (2 / 3 + 2 / 3 + 1 / 3 + 3) / 6
    assert result["bcubed_f1"] == round(2 * precision * recall / (precision + recall), 4)
    perfect = score_events(gold, gold, articles=list("abcdef"))
    assert perfect["pairwise_f1"] == perfect["bcubed_f1"] == 1.0


def test_events_skip_articles_two_gold_events_name_and_reject_double_predictions():
    """An article in two gold events is ambiguous and left out; a system may not put one article twice."""
    result = score_events([["a", "b", "x"], ["c", "x"]], [["a", "b"], ["c"], ["x"]], articles=list("abcx"))
    assert result["articles"] == 3 and result["pairwise_f1"] == 1.0
    with pytest.raises(ValueError, match="two predicted clusters"):
        score_events([["a", "b"]], [["a"], ["a", "b"]])


def test_stance_reports_f1_per_label():
    result = score_stance(["agree", "unrelated", "discuss"], ["agree", "agree", "discuss"])
    assert result["f1_per_label"] == {
        "agree": round(2 / 3, 4),
        "disagree": None,
        "discuss": 1.0,
        "unrelated": 0.0,
    }


def stored_row(cid: int, article: int, kind: str, words: str, body: str = TEXT, **fields) -> dict:
    start = body.index(words)
    return {"id": cid, "article": article, "kind": kind, "start": start, "end": start + len(words), **fields}


@pytest.mark.parametrize(
    ("gold_value", "compare", "stored_value", "precision", "right"),
    [
        ("2019-06-26", "month-day", "2019-06-26", "day", True),
        ("2019-06-26", "month-day", "2026-06-26", "day", False),  # a definite year other than gold's
        ("2019-06-26", "month-day", "2026-06-26", "day-no-year", True),  # the year stored as not known
        ("2019-06", "month", "2020-06-01", "month", False),
        ("2019-06", "month", "2020-06-01", "month-no-year", True),
        (
            "2019-06-26",
            "month-day",
            "2000-06-26",
            "md",
            True,
        ),  # short precision names, as a 5-character field holds
        ("2019-06-26", "month-day", "2000-06-01", "m", False),  # the month alone is coarser than gold
        ("2019-06", "month", "2000-06-01", "m", True),
        ("2019-06-26", "month-day", "2000-06-26", "week", False),  # a weekday alone knows no month
        ("2019-06-26", "month-day", "XXXX-06-26", "day-no-year", True),  # the unknown year written as EDTF
        ("2019-06", "month", "XXXX-06", "month-no-year", True),
        ("2019-06-26", "month-day", "XXXX-XX-XX", "weekday", False),
        ("2019-06-26", "month-day", "XXXX-XX-XX", "relative", False),
        ("2019-06-26", None, "XXXX-06-26", "day-no-year", False),
        ("2019-06-26", "month-day", None, "day-no-year", False),  # nothing stored to compare
        (
            "2019-03-23",
            None,
            "2019-03-23",
            "day-no-year",
            False,
        ),  # gold knows the year: not knowing it is wrong
        ("2019-03", None, "2019-03-15", "day", True),
        ("2019-03-23", None, "2019-03-01", "month", False),
    ],
)
def test_a_stored_date_asserting_another_year_is_wrong_even_under_compare(
    tmp_path, gold_value, compare, stored_value, precision, right
):
    extra = {"compare": compare} if compare else {}
    gold = [gold_claim("d", "date", "on Saturday", value=gold_value, **extra)]
    corpus = load_corpus(write_corpus(tmp_path, gold))
    dump = {
        "articles": [{"id": 7, "body": TEXT}],
        "claims": [
            stored_row(1, 7, "date", "on Saturday", date_value=stored_value, date_precision=precision)
        ],
    }
    assert score_import(corpus, dump)["claims"]["date"]["right"] == int(right)


def test_stored_offsets_are_carried_to_the_gold_text_of_a_cleaned_body(tmp_path):
    """The import stores a body without the headline and furniture, lines joined: spans still match."""
    raw = "Planes land\n- Advertisement -\nTwo planes landed\non Saturday. They carried 100 soldiers, an official said.\n"
    body = "Two planes landed on Saturday. They carried 100 soldiers, an official said."
    (tmp_path / "one.txt").write_text(raw, encoding="utf-8", newline="")
    start = raw.index("100 soldiers")
    gold = {
        "format": 1,
        "articles": {"one.txt": {"title": "Planes land", "outlet": None, "published": None}},
        "claims": [
            {
                "id": "s",
                "article": "one.txt",
                "kind": "quantity",
                "value": 100,
                "unit": "soldier",
                "evidence": "100 soldiers",
                "start": start,
                "end": start + 12,
            },
            {
                "id": "d",
                "article": "one.txt",
                "kind": "date",
                "value": "2019-03-23",
                "compare": "month-day",
                "evidence": "on Saturday",
                "start": raw.index("on Saturday"),
                "end": raw.index("on Saturday") + 11,
            },
        ],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    dump = {
        "articles": [
            {
                "id": 3,
                "title": "Planes land",
                "outlet": "",
                "published_on": None,
                "body": body,
                "original": raw,
            }
        ],
        "claims": [
            stored_row(
                1, 3, "quantity", "100 soldiers", body, quantity_low=100, quantity_high=100, unit="soldiers"
            ),
            stored_row(
                2, 3, "date", "landed on Saturday", body, date_value="2019-03-23", date_precision="day"
            ),
        ],
    }
    report = score_import(corpus, dump)
    assert report["claims"]["quantity"]["right_unit"] == 1  # the span crosses no changed text
    assert report["claims"]["date"]["right"] == 1  # "landed\non Saturday" in the file, one line in the body
    assert report["imported"]["claims_unplaced"] == 0
    assert {k: v["right"] for k, v in report["metadata"].items()} == {"title": 1, "outlet": 1, "published": 1}


def test_metadata_rules_for_files(tmp_path):
    """Title after whitespace, outlet ignoring case or absent from the text, a date inside the range."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"text of {name}", encoding="utf-8")
    gold = {
        "format": 1,
        "articles": {
            "a.txt": {"title": "Planes  land", "outlet": "DW", "published": "2019-03-25"},
            "b.txt": {
                "title": None,
                "outlet": "Sputnik",
                "outlet_in_text": False,
                "published": None,
                "published_range": ["2019-06-24", "2019-06-26"],
            },
            "c.txt": {"title": "Other", "outlet": "Press TV", "published": None},
        },
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    dump = {
        "articles": [
            {
                "id": 1,
                "original": "text of a.txt",
                "body": "x",
                "title": "Planes land",
                "outlet": "dw",
                "published_on": "2019-03-25",
            },
            {
                "id": 2,
                "original": "text of b.txt",
                "body": "y",
                "title": "",
                "outlet": "",
                "published_on": "2019-06-25",
            },
            {
                "id": 3,
                "original": "text of c.txt",
                "body": "z",
                "title": "Other",
                "outlet": "Sputnik",
                "published_on": "2020-08-04",
            },
        ]
    }
    metadata = score_import(load_corpus(tmp_path), dump)["metadata"]
    assert {k: (v["right"], v["articles"]) for k, v in metadata.items()} == {
        "title": (3, 3),
        "outlet": (2, 3),
        "published": (2, 3),
    }
    assert metadata["outlet"]["wrong"] == ["c.txt"] and metadata["published"]["wrong"] == ["c.txt"]


def test_score_import_builds_the_report_from_stored_rows(tmp_path):
    """Rows matched by URL; confidence levels, events and stance land in a JSON-ready report."""
    gold = [gold_claim("p", "quantity", "Two planes", value=2, unit="aircraft")]
    stance_pairs = [{"claim": "Planes landed", "article": "a", "label": "agree"}]
    events = [{"id": "e", "title": "landing", "articles": ["a"]}]
    folder = write_corpus(tmp_path, gold, stance_pairs=stance_pairs, events=events)
    data = json.loads((folder / "gold.json").read_text())
    data["articles"]["a"]["url"] = "https://example.org/a"
    (folder / "gold.json").write_text(json.dumps(data))
    dump = {
        "articles": [{"id": 9, "url": "https://example.org/a", "body": TEXT}],
        "claims": [
            stored_row(
                1,
                9,
                "quantity",
                "Two planes",
                quantity_low=2,
                quantity_high=2,
                unit="planes",
                unit_class="aircraft",
                confidence=0.8,
            ),
            stored_row(2, 9, "quantity", "100 soldiers", quantity_low=100, quantity_high=100, confidence=0.4),
        ],
        "events": [{"id": 1, "articles": [9]}],
    }
    report = score_import(load_corpus(folder), dump, stance_many=lambda pairs: ["agree"] * len(pairs))
    assert report["claims"]["quantity"]["right_unit"] == 1 and "metadata" not in report
    levels = report["claims"]["quantity"]["right_above_confidence"]
    assert levels["0.0"] == {"claims": 2, "right": 1, "share": 0.5}
    assert levels["0.5"] == {"claims": 1, "right": 1, "share": 1.0}
    assert report["stance"]["fnc_score_pct"] == 100.0 and report["events"]["bcubed_f1"] == 1.0
    json.dumps(report)


def test_cli_scores_a_dump(tmp_path, capsys):
    """`python -m claims.evaluation CORPUS DUMP --json` scores stored rows without Django."""
    path = write_corpus(tmp_path / "c", [gold_claim("p", "quantity", "Two planes", value=2, unit=None)])
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps({"articles": [{"id": 1, "body": TEXT}], "claims": []}))
    assert main([str(path), str(dump), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"]["quantity"]["recall_found"] == 0.0
    assert main([str(tmp_path / "nowhere"), str(dump)]) == 1


def test_gold_scores_perfectly_against_itself_on_the_shared_corpora(corpus_dir):
    """Claims built from the gold itself score 1.0: the rules accept every gold annotation."""
    for name in ("seeds", "newsquant-dev"):
        corpus = load_corpus(corpus_dir / name)
        extracted: dict[str, list] = {key: [] for key in corpus.articles}
        for g in corpus.claims:
            start, end = (g.start, g.end) if g.start is not None else (0, 1)
            text = corpus.articles[g.article].text[start:end]
            if g.kind == "quantity":
                low, high = g.value if isinstance(g.value, list) else (g.value, g.value)
                claim = QuantityClaim(start, end, text, low, high, g.unit, None)
            elif g.kind == "date":
                claim = DateClaim(start, end, text, g.value, "day")
            else:
                claim = StatementClaim(start, end, text, g.speaker)
            extracted[g.article].append(claim)
        figures = score_claims(corpus, extracted)["claims"]
        assert all(f["recall_right"] == 1.0 for f in figures.values()), name


def test_the_scorer_imports_no_django():
    """The scorer stays pure Python: importing every module of claims.evaluation loads no Django."""
    import subprocess
    import sys

    code = (
        "import sys, pkgutil, importlib, claims.evaluation as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('claims.evaluation.' + m.name)\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_details_say_what_was_stored_for_each_wrong_claim(tmp_path):
    gold = [gold_claim("d", "date", "on Saturday", value="2019-03-23", compare="month-day")]
    dump = {
        "articles": [{"id": 7, "body": TEXT}],
        "claims": [stored_row(1, 7, "date", "on Saturday", date_value="2026-03-23", date_precision="day")],
    }
    missed = score_import(load_corpus(write_corpus(tmp_path, gold)), dump, details=True)["claims_missed"]
    assert missed == {"not_found": [], "wrong": ["d"], "stored_for_wrong": {"d": "2026-03-23 (day)"}}


def test_import_inputs_are_the_files_and_one_csv_of_the_user_columns(tmp_path):
    import csv

    from claims.evaluation.inputs import write_import_inputs

    corpus_dir = tmp_path / "c"
    corpus_dir.mkdir()
    (corpus_dir / "page.txt").write_text("Page one.", encoding="utf-8")
    (corpus_dir / "page-two").write_text("Page two.", encoding="utf-8")
    gold = {
        "format": 1,
        "articles": {
            "page.txt": {"title": "T", "outlet": "O", "published": "2019-01-01"},
            "page-two": {"title": None},
            "row": {"text": TEXT, "title": "Planes", "published": "2019-03-25", "note": "not a column"},
        },
    }
    (corpus_dir / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    paths = write_import_inputs(load_corpus(corpus_dir), out)
    assert [p.name for p in paths] == ["page.txt", "page-two.txt", "articles.csv"]
    assert paths[0] == corpus_dir / "page.txt" and paths[1].read_text() == "Page two."
    with open(paths[2], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [{"url": "", "title": "Planes", "outlet": "", "published": "2019-03-25", "body": TEXT}]


def test_normalise_name_drops_middle_initials_only():
    """One person written with and without a middle initial is one speaker; other names stay apart."""
    assert normalise_name("Rosa K. Vantongeren") == normalise_name("Rosa Vantongeren")
    assert normalise_name("Rosa K Vantongeren") == "rosa vantongeren"
    assert normalise_name("Rosa Vantongeren Jr.") != normalise_name("Rosa Vantongeren")
    assert normalise_name("K. Vantongeren") == "k vantongeren"  # a first initial is all we have
    assert normalise_name("Bea Kim Lund") != normalise_name("Bea Lund")


@pytest.mark.parametrize(
    ("gold_value", "stored", "end", "end_precision", "right"),
    [
        ("2019-03-20", "2019-03-20", "2019-03-23", "day", True),  # gold dates the period by its start
        ("2019-03-23", "2019-03-20", "2019-03-23", "day", True),  # ... or by the end the story goes on about
        ("2019-03", "2019-03-20", "2019-03-23", "day", True),  # an end at the gold's precision
        ("2019-03-21", "2019-03-20", "2019-03-23", "day", False),  # a day inside: the text does not say it
        ("2019", "2018-01-01", "2019-01-01", "year", True),
        ("2020", "2018-01-01", "2019-01-01", "year", False),
    ],
)
def test_a_stored_period_is_right_when_either_end_is(tmp_path, gold_value, stored, end, end_precision, right):
    """A stored period ("from March 20 to March 23") against gold's single value: right when its first or
    its last end is right by the single-date rules (README of the corpora: gold gives the event's date)."""
    gold = [gold_claim("d", "date", "on Saturday", value=gold_value)]
    corpus = load_corpus(write_corpus(tmp_path, gold))
    precision = "year" if len(gold_value) == 4 and end_precision == "year" else "day"
    row = stored_row(
        1,
        7,
        "date",
        "on Saturday",
        date_value=stored,
        date_precision=precision,
        date_end_value=end,
        date_end_precision=end_precision,
    )
    dump = {"articles": [{"id": 7, "body": TEXT}], "claims": [row]}
    assert score_import(corpus, dump)["claims"]["date"]["right"] == int(right)
    extracted = DateClaim(0, 5, "x", stored[: 4 if precision == "year" else 10], precision)
    extracted.end_value = end[: 4 if end_precision == "year" else 10]
    assert rules.date_right(load_corpus(tmp_path).claims[0], extracted) == right
