"""The pipeline: one call gives validated, ordered claims from every extractor, none from furniture."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import EXTRACTOR_VERSION, extract, extract_many, pipeline
from devtools.benchmarks.extraction import measure
from tests.extraction_support import claim_spans, messages_logged

ARTICLE = (
    "Storm hits coast\n\n"
    "- Advertisement -\n\n"
    "The storm reached the coast on Saturday, officials said.\u00a0It had formed in December.\n\n"
    "Image caption: Waves broke over the wall on Sunday\n"
)


def test_extract_returns_sorted_valid_claims_with_the_version():
    """Claims come back in text order, quote the stored text exactly, and carry the extractor version."""
    with messages_logged(logger="claims.extraction.pipeline") as errors:
        result = extract(ARTICLE, published=dt.date(2019, 3, 25))
    assert errors == []
    assert result.extractor_version == EXTRACTOR_VERSION
    starts = [c.start for c in result.claims]
    assert starts == sorted(starts)
    for claim in result.claims:
        assert 0.0 <= claim.confidence <= 1.0
        for span in claim_spans(claim):
            assert ARTICLE[span.start : span.end] == span.text
    dates = {c.expression.text: c.value for c in result.claims if c.kind == "date"}
    assert dates == {"on Saturday": "2019-03-23", "in December": "2018-12"}


def test_nothing_is_extracted_from_furniture():
    """The caption's 'on Sunday' is furniture: recorded as such, no claim made from it."""
    result = extract(ARTICLE, published="2019-03-25")
    caption = next(f for f in result.furniture if f.text.startswith("Image caption"))
    assert all(not (caption.start <= c.start < caption.end) for c in result.claims)
    assert "- Advertisement -" in [f.text for f in result.furniture]


def test_extract_many_matches_extract():
    """Batched extraction gives the same claims as one article at a time."""
    items = [{"text": ARTICLE, "published": "2019-03-25"}, "The treaty was signed in 1996."]
    batch = extract_many(items)
    single = [extract(ARTICLE, published="2019-03-25"), extract("The treaty was signed in 1996.")]
    assert [[(c.kind, c.start, c.end) for c in e.claims] for e in batch] == [
        [(c.kind, c.start, c.end) for c in e.claims] for e in single
    ]
    assert batch[1].claims[-1].value == "1996"


def test_seed_gold_dates_are_found_with_the_right_value(seeds):
    """At least 95% of the seed gold date claims are overlapped by a date claim with the gold value
    (only month, or month and day, compared where the gold says the article states no year)."""
    gold, texts = seeds
    keys = sorted(texts)
    articles = gold["articles"]
    results = dict(
        zip(
            keys,
            extract_many([{"text": texts[k], "published": articles[k].get("published")} for k in keys]),
            strict=True,
        )
    )
    wanted = [c for c in gold["claims"] if c["kind"] == "date"]
    right = 0
    for g in wanted:
        compare = {"month": slice(5, 7), "month-day": slice(5, 10)}.get(g.get("compare"), slice(None))
        right += any(
            c.kind == "date"
            and c.start < g["end"]
            and g["start"] < c.end
            and len(c.value) >= len(g["value"])
            and c.value[compare] == g["value"][compare]
            for c in results[g["article"]].claims
        )
    assert wanted and right / len(wanted) >= 0.95


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(
                ["\u00a0", "\u200b", "\u00ad", "\u201c", "\u2019", "\n", " ", "in", "Venezuelain "]
            ),
            st.sampled_from(
                ["on Monday", " 24 June", " 2019", " ago", "Read more:", "- Advertisement -", "12.03.2020"]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_extract_never_crashes_and_spans_quote_the_text(text):
    """Any text, odd unicode and the empty string included, gives claims whose spans quote it exactly,
    and no extractor fails on it (the pipeline logs a failing extractor as an error)."""
    with messages_logged(logger="claims.extraction.pipeline") as errors:
        result = extract(text)
    assert errors == []
    for claim in result.claims:
        for span in claim_spans(claim):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
    for span in result.furniture:
        assert text[span.start : span.end] == span.text


def test_a_failing_extractor_is_logged_and_the_others_still_run(monkeypatch):
    """One broken finder costs its own claims only; the failure is logged as an error."""

    def broken(adoc):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "find_quantities", broken)
    with messages_logged(logger="claims.extraction.pipeline") as errors:
        result = extract("The treaty was signed in 1996.")
    assert [c.value for c in result.claims if c.kind == "date"] == ["1996"]
    assert errors and "broken failed" in errors[0]


def test_measure_reports_both_rates_on_the_same_words():
    """The benchmark times spaCy and the extraction on the same texts and reports their ratio."""
    report = measure(["The treaty was signed in 1996.", "Troops landed on Saturday."], repeats=1)
    assert report["words"] == 10
    assert report["spacy"]["words_per_second"] > 0 and report["extraction"]["words_per_second"] > 0
    assert report["ratio"] == pytest.approx(
        report["extraction"]["words_per_second"] / report["spacy"]["words_per_second"], rel=0.01
    )


def test_measure_reports_cpu_time_beside_the_wall_clock():
    """The benchmark's JSON carries CPU seconds (process and thread) and a CPU ratio beside the wall ratio."""
    report = measure(["The treaty was signed in 1996.", "Troops landed on Saturday."], repeats=1)
    for part in ("spacy", "extraction"):
        rate = report[part]
        assert rate["cpu_seconds"] > 0 and rate["thread_cpu_seconds"] > 0
        # the seconds are rounded to the millisecond, the rate is not
        seconds = rate["cpu_seconds"]
        assert (
            report["words"] / (seconds + 0.0006)
            <= rate["cpu_words_per_second"]
            <= report["words"] / (seconds - 0.0006)
        )
    assert report["cpu_ratio"] == pytest.approx(
        report["extraction"]["cpu_words_per_second"] / report["spacy"]["cpu_words_per_second"], rel=0.01
    )
    assert "blas_threads" in report


def test_a_long_headline_at_the_top_is_not_extracted():
    """A headline of any length above the first paragraph gives no claim; the paragraph below still does."""
    from claims.extraction import extract

    headline = (
        "Harbour authority says two cargo ships carrying grain will dock in Portville before the storm "
        "reaches the northern coast"
    )
    text = f"{headline}\n\nPORTVILLE - Two cargo ships are due in Portville on Thursday, the harbour authority said.\n"
    claims = extract(text, published="2025-03-17").claims
    assert claims and all(c.start > len(headline) for c in claims)
