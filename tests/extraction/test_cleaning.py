"""Cleaning: the analysis text is plain, furniture is blanked, and every offset maps back exactly."""

from __future__ import annotations

from claims.extraction.cleaning import clean, furniture_spans, glued_splits, prepare


def test_no_break_spaces_and_curly_quotes_are_made_plain_without_moving_offsets(nlp):
    """Odd spaces and curly quotes change one-for-one, so the offsets map stays the identity."""
    text = "She said \u201cwe\u2019re ready\u201d\u00a0today."
    analysis, offsets, _ = clean(text)
    assert analysis == 'She said "we\'re ready" today.'
    assert offsets is None


def test_advertisement_newsletter_and_read_more_lines_are_furniture():
    """Common page furniture lines are recorded as spans of the stored text."""
    text = (
        "The minister resigned on Friday.\n\n- Advertisement -\n\nRead more: Why the minister quit\n\n"
        "Officials said the vote would go ahead.\n\nSubscribe to our newsletter\n"
    )
    spans = [s.text for s in furniture_spans(text)]
    assert spans == ["- Advertisement -", "Read more: Why the minister quit", "Subscribe to our newsletter"]
    for span in furniture_spans(text):
        assert text[span.start : span.end] == span.text


def test_body_lines_that_start_like_furniture_are_kept():
    """A paragraph that merely begins with "Related" or "Share" is article text, not furniture."""
    text = "Related to this, the court said the shares fell.\n\nShare prices fell by 3% on Monday.\n"
    assert furniture_spans(text) == []


def test_captions_marked_by_a_credit_and_lists_of_headlines_are_furniture():
    """A line ending with a photo credit, and a run of title-case lines, are blanked."""
    text = (
        "Troops arrived in the capital on Monday.\n\n"
        "A soldier stands guard at the airport (Photo by Reuters)\n\n"
        "Minister Resigns After Budget Row\nPrices Rise Again In Capital City\nStorm Hits Northern Coast\n"
    )
    spans = [s.text for s in furniture_spans(text)]
    assert spans[0] == "A soldier stands guard at the airport (Photo by Reuters)"
    assert spans[1].startswith("Minister Resigns") and spans[1].endswith("Northern Coast")


def test_furniture_is_blanked_in_the_analysis_text_but_keeps_its_length():
    """The parser never sees furniture, yet text after it keeps its offset."""
    text = "Listen Live\nThe ship sank.\n"
    analysis, offsets, furniture = clean(text)
    assert "Listen" not in analysis
    assert analysis.index("The ship") == text.index("The ship")
    assert offsets is None and furniture[0].text == "Listen Live"


def test_a_word_glued_to_a_function_word_is_split_and_maps_back():
    """'Belgiumin' becomes 'Belgium in' when the article uses 'Belgium' on its own."""
    text = "Belgium sent aid. The team flew to Belgiumin March."
    adoc = prepare(text)
    assert "Belgium in March" in adoc.analysis
    start = adoc.analysis.index("in March")
    span = adoc.original(start, start + len("in March"))
    assert span.text == "in March" and text[span.start : span.end] == "in March"
    whole = adoc.original(0, len(adoc.analysis))
    assert whole.text == text


def test_real_words_are_never_split():
    """Words ending in a function word ('within', 'Boston', 'passersby', dropped-g 'turnin') stay whole."""
    text = "Boston police began within hours; passersby saw talks begin, turnin up. Britain and Austin agree."
    assert glued_splits(text) == []


def test_invisible_characters_are_dropped_and_offsets_still_map():
    """Zero-width and soft-hyphen characters vanish from the analysis; spans still quote the stored text."""
    text = "The gov\u00adernment said\u200b on Monday it would act."
    adoc = prepare(text)
    assert "government said on Monday" in adoc.analysis
    start = adoc.analysis.index("government")
    span = adoc.original(start, start + len("government said"))
    assert span.text == "gov\u00adernment said"
    assert len(adoc.doc.text) == len(adoc.analysis)


def test_a_digit_line_with_a_long_run_of_spaces_is_not_a_regex_trap():
    """Found by hypothesis: the page-timestamp rule backtracked exponentially on "1.1" + spaces + "!"."""
    from newstext.furniture import furniture_spans

    text = "Two ships docked.\n1.1" + " " * 60 + "!\nThe port said."
    assert furniture_spans(text) == []


def test_sentences_a_scraper_glued_at_the_full_stop_are_split_and_map_back():
    """'the levy.Members got', '41-3.Councillor', '$2.5 billion.Councillors': a space belongs after the
    stop; decimals, initials, abbreviations in capitals and web addresses stay as written."""
    text = (
        "It takes a majority of the board to pass a levy.Members got well above that level.The final tally "
        "was 41-3.Councillor Ilse Varga voted against $2.5 billion.Councillors then left for kestrel.com and "
        "the U.S.Navy pier at 3.5 knots."
    )
    adoc = prepare(text)
    for joined in ("levy. Members", "level. The", "41-3. Councillor", "billion. Councillors"):
        assert joined in adoc.analysis
    for kept in ("$2.5 billion", "kestrel.com", "U.S.Navy", "3.5 knots"):
        assert kept in adoc.analysis
    start = adoc.analysis.index("The final tally")
    span = adoc.original(start, start + len("The final tally"))
    assert text[span.start : span.end] == "The final tally"
    assert adoc.original(0, len(adoc.analysis)).text == text


def test_every_kind_of_glued_sentence_end_gets_its_space():
    """Two-letter openers ('the wall.Of that', 'allowed.To'), a decade ('the 1980s.There'), a bracket
    ('Ana [Roe].But'), an acronym ('the hearing.FBI agents'), names ('case.McNally', 'well.Pe\u00f1a') and a
    straight mark closing a curly one ('\u201cIt is wrong," she said."We will'): a space belongs at each; a
    possessive after a stop ('Jr.\u2019s lawyer', 'the F.B.I.\u2019s agents') is no quotation mark."""
    text = (
        "The money went to the wall.Of that, half was spent.It was not allowed.To be fair, rents were lowest "
        "in the 1980s.There were 40 flats.It went to Ana [Roe].But after the hearing.FBI agents came to the "
        'case.McNally left as well.Pe\u00f1a stayed.\n\u201cIt is wrong," she said."We will appeal."'
    )
    adoc = prepare(text)
    for joined in (
        "wall. Of",
        "spent. It",
        "allowed. To",
        "1980s. There",
        "[Roe]. But",
        "hearing. FBI",
        "case. McNally",
        "well. Pe\u00f1a",
        'said. "We',
    ):
        assert joined in adoc.analysis, joined
    assert adoc.original(0, len(adoc.analysis)).text == text
    text = "Ana Roe Jr.\u2019s lawyer met the F.B.I.\u2019s agents and D.C.\u2019s bar.\u2018Fine,\u2019 he said."
    assert (
        prepare(text).analysis
        == "Ana Roe Jr.'s lawyer met the F.B.I.'s agents and D.C.'s bar. 'Fine,' he said."
    )


def test_an_amount_glued_after_a_full_stop_is_split_off(nlp):
    """'nearly $4.2 million.$4,187,310 to be exact': the second amount starts a sentence of its own, so the
    first keeps its scale word and the second is read whole; '$3.50' and 'e.g.$5' stay as written."""
    from claims.extraction.quantities import find_quantities

    text = "The bill came to nearly $4.2 million.$4,187,310, to be exact, the clerk said. Lunch cost $3.50 there."
    adoc = prepare(text)
    assert "million. $4,187,310" in adoc.analysis and "$3.50" in adoc.analysis
    values = sorted(q.low for q in find_quantities(adoc))
    assert values == [3.5, 4_187_310, 4_200_000]


def test_sentence_case_headlines_listed_under_a_related_heading_are_furniture():
    """Headlines in sentence case under "Related:" or "Read more" are a list of links, not article text:
    the list runs to the first line that reads as prose."""
    text = (
        "The library reopened on Thursday after a two-year refit.\n\n"
        "Related:\n"
        "Council to review parking charges from June\n"
        "Why the old bridge will close for a month?\n\n"
        "Read more\n\n"
        "School meals to cost more in 2027, says education board\n"
    )
    spans = [s.text for s in furniture_spans(text)]
    assert spans == [
        "Related:\nCouncil to review parking charges from June\nWhy the old bridge will close for a month?",
        "Read more\n\nSchool meals to cost more in 2027, says education board",
    ]


def test_prose_after_a_related_heading_is_kept():
    """The list stops at a line ending with a full stop, at a line longer than a headline, and after two
    blank lines; a paragraph that starts with "Related" is no heading."""
    text = (
        "Related:\n"
        "Bakers warn of higher bread prices\n"
        "The mayor said the market would reopen in May.\n\n"
        "See also:\n\n\n"
        "Parking charges to rise in June\n\n"
        "Related stories on the flood were published by three outlets on Monday, the editor said\n"
    )
    spans = [s.text for s in furniture_spans(text)]
    assert spans == ["Related:\nBakers warn of higher bread prices", "See also:"]


def test_no_claim_comes_from_a_headline_under_a_related_heading():
    """A dated headline in a related list ("... from April", "... until 2027") gives no date claim, and a
    headline's "says education board" no statement."""
    from claims.extraction import extract

    text = (
        "The city library reopened on Thursday after a two-year refit, the council said.\n\n"
        "Related:\n"
        "Ferry timetable changes from April\n"
        "Bus fares to stay frozen until 2027, says transport board\n"
    )
    found = extract(text, published="2025-03-14").claims
    assert found, "the article's own sentence still gives claims"
    listed = text.index("Related:")
    assert all(claim.start < listed for claim in found), [(c.kind, c.text) for c in found]
