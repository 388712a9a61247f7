"""Quantity extraction: numbers in digits and words, vague amounts, comparisons, units and their classes,
the counted thing, evidence spans, and the numbers that are not quantities (names, times, dates, years)."""

from __future__ import annotations

import pytest

from claims.extraction.document import ArticleDoc
from claims.extraction.quantities import find_quantities
from claims.extraction.types import QuantityClaim


@pytest.fixture(scope="module")
def quantities(nlp):
    """find_quantities on a short text whose analysis is the text itself."""

    def run(text: str) -> list[QuantityClaim]:
        return find_quantities(ArticleDoc(text=text, analysis=text, offsets=None, doc=nlp(text)))

    return run


def one(claims: list[QuantityClaim], number: str) -> QuantityClaim:
    """The claim whose number words are `number` (fails when there is not exactly one)."""
    hits = [c for c in claims if c.number is not None and c.number.text == number]
    assert len(hits) == 1, [(c.number.text if c.number else None, c.low) for c in claims]
    return hits[0]


def numbers(claims: list[QuantityClaim]) -> list[str]:
    return [c.number.text for c in claims if c.number is not None]


# --- numbers in digits and words -------------------------------------------------------------------


def test_word_numbers_and_digits(quantities):
    """Number words, separators and scale words are read as values."""
    claims = quantities(
        "Officials counted two planes, 1,200 soldiers, 2.5 million people, twenty-five tanks "
        "and four hundred thousand voters."
    )
    assert one(claims, "two").low == 2
    assert one(claims, "1,200").low == 1200
    assert one(claims, "2.5 million").low == 2_500_000
    assert one(claims, "twenty-five").low == 25
    assert one(claims, "four hundred thousand").low == 400_000


def test_a_dozen_and_fractions(quantities):
    """ "a dozen" is 12, "a third" and "two-thirds" are shares, "one in ten" a ratio."""
    claims = quantities(
        "A dozen eggs broke. A third of voters and two-thirds of members agreed; one in ten people left."
    )
    assert one(claims, "A dozen").low == 12
    assert one(claims, "A third").low == pytest.approx(1 / 3)
    assert one(claims, "two-thirds").low == pytest.approx(2 / 3)
    assert one(claims, "one in ten").low == pytest.approx(0.1)


def test_scales_written_in_other_ways(quantities):
    """ "half a million", "1.5m residents" (a million, not metres), "Rs 500 crore", "$5-6 billion"."""
    claims = quantities(
        "Half a million people and 1.5m residents moved; the 10m wall cost Rs 500 crore, "
        "the dam $5-6 billion."
    )
    assert one(claims, "Half a million").low == 500_000
    assert (one(claims, "1.5m").low, one(claims, "1.5m").unit_class) == (1_500_000, "resident")
    assert (one(claims, "10m").low, one(claims, "10m").unit_class) == (10, "metre")
    assert (one(claims, "Rs 500 crore").low, one(claims, "Rs 500 crore").unit_class) == (5e9, "indian rupee")
    dam = one(claims, "$5-6 billion")
    assert (dam.low, dam.high) == (5e9, 6e9)


def test_ages(quantities):
    """ "a 43-year-old man", "Mr. Grimm, 44," and "at age 16" are ages."""
    claims = quantities("A 43-year-old man and Mr. Grimm, 44, met a girl who left school at age 16.")
    assert {c.number.text: c.unit_class for c in claims} == {
        "43-year-old": "year of age",
        "44": "year of age",
        "16": "year of age",
    }


def test_vague_amounts_are_ranges(quantities):
    """ "dozens" is [24, 199], "hundreds" [200, 999], "tens of thousands" [10 000, 100 000], approximate."""
    claims = quantities("Dozens of troops, hundreds of protesters and tens of thousands of students marched.")
    dozens = one(claims, "Dozens")
    assert (dozens.low, dozens.high, dozens.approximate) == (24, 199, True)
    assert (one(claims, "hundreds").low, one(claims, "hundreds").high) == (200, 999)
    tens = one(claims, "tens of thousands")
    assert (tens.low, tens.high) == (10_000, 100_000)


def test_ranges(quantities):
    """ "15 to 22 miles", "between 5% and 6%" and "three or four years" each give one range claim."""
    claims = quantities("He drove 15 to 22 miles. Prices rose between 5% and 6% over three or four years.")
    miles = one(claims, "15 to 22")
    assert (miles.low, miles.high, miles.unit_class) == (15, 22, "mile")
    pct = one(claims, "5% and 6%")
    assert (pct.low, pct.high, pct.unit_class) == (5, 6, "percentage")
    years = one(claims, "three or four")
    assert (years.low, years.high, years.unit_class) == (3, 4, "year")


def test_change_then_level_is_not_a_range(quantities):
    """ "rose 3.2% to $145.30" states a change and a new level, two claims, not one range."""
    claims = quantities("Shares rose 3.2% to $145.30 while the index gained 150 to 1,200.")
    assert [(c.low, c.high) for c in claims] == [(3.2, 3.2), (145.3, 145.3), (150, 150), (1200, 1200)]


# --- comparisons -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "direction", "approximate"),
    [
        ("The firm cut more than 40 jobs.", "40", ">", False),
        ("The firm cut less than 40 jobs.", "40", "<", False),
        ("The firm cut about 40 jobs.", "40", "~", True),
        ("The firm cut nearly 40 jobs.", "40", "~", True),
        ("The firm cut almost 40 jobs.", "40", "~", True),
        ("The firm will cut up to 40 jobs.", "40", "<", False),
        ("The firm cut 40 jobs.", "40", "=", False),
        # a floor demanded and a ceiling: "anything less than" / "no more than" turn the comparison
        ("The union refused to accept anything less than 40 jobs.", "40", ">", False),
        ("The union would take nothing less than 40 jobs.", "40", ">", False),
        ("The firm will cut no more than 40 jobs.", "40", "<", False),
    ],
)
def test_direction(quantities, text, number, direction, approximate):
    """The comparison before a number sets direction and, for "about"-words, approximate."""
    claim = one(quantities(text), number)
    assert (claim.direction, claim.approximate) == (direction, approximate)


# --- units, classes and the counted thing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "unit_class"),
    [
        ("Two planes landed.", "Two", "aircraft"),
        ("Three jets landed.", "Three", "aircraft"),
        ("Four aircraft landed.", "Four", "aircraft"),
        ("The army sent 300 troops.", "300", "soldier"),
        ("The army sent 300 soldiers.", "300", "soldier"),
        ("They carried 35 tonnes of material.", "35", "tonne"),
        ("They carried 35 tons of material.", "35", "tonne"),
        ("It costs $6 each.", "$6", "dollar"),
        ("It costs 6 dollars each.", "6", "dollar"),
        ("It costs €10 each.", "€10", "euro"),
        ("Turnout rose 35 percent.", "35", "percentage"),
        ("Turnout rose 35%.", "35%", "percentage"),
        ("Turnout rose 35 per cent.", "35", "percentage"),
        ("The road is 12 km long.", "12", "kilometre"),
        ("The road is 12 miles long.", "12", "mile"),
        ("He ran for 40 yards.", "40", "yard"),
        ("The engine makes 275 pound-feet of torque.", "275", "pound-foot"),
        ("Russia sent two Tu-160 strategic bombers.", "two", "bomber"),
        ("You have one solution for everything.", "one", "solution"),
        ("Three voters complained.", "Three", "voter"),
        ("The 37m (121ft)-long skeleton was rebuilt.", "121ft)-long", "foot"),
    ],
)
def test_unit_classes(quantities, text, number, unit_class):
    """Units and counted nouns are normalised to a singular, lower-case class."""
    assert one(quantities(text), number).unit_class == unit_class


def test_money_scales_and_rates(quantities):
    """Currency prefixes with scales and rates: "$2.5 billion", "US $58.24 per barrel", "$3500 a month"."""
    claims = quantities(
        "The deal is worth $2.5 billion, oil sold at US $58.24 per barrel and rent is $3500 a month."
    )
    assert one(claims, "$2.5 billion").low == 2.5e9
    barrel = one(claims, "US $58.24")
    assert (barrel.low, barrel.unit_class) == (58.24, "dollar per barrel")
    assert one(claims, "$3500").unit_class == "dollar per month"


def test_counted_thing_and_unit_as_written(quantities):
    """`counted` is the noun phrase as written; `unit` keeps the written unit for measures."""
    claims = quantities("Russia already sent two Tu-160 strategic bombers and 35 tonnes of material.")
    bombers = one(claims, "two")
    assert bombers.counted == "Tu-160 strategic bombers"
    tonnes = one(claims, "35")
    assert tonnes.unit.startswith("tonnes") and tonnes.counted == "material"


def test_one_as_count_and_as_pronoun(quantities):
    """ "one of the students" counts one student; "one of them" and "each one" are pronouns."""
    claims = quantities("She met one of the students. One of them left, and each one they lose hurts.")
    assert numbers(claims) == ["one"]
    assert claims[0].unit_class == "student"


def test_half_as_a_share(quantities):
    """ "half the condos", "half of the voters" are a share of 0.5; "the first half of the year" and
    "the second half" are periods, "half a million" a number."""
    claims = quantities(
        "Half the condos have sold and half of the voters stayed home. In the first half of the year and "
        "in the second half, half a million people came."
    )
    assert [(c.number.text, c.low) for c in claims] == [
        ("Half", 0.5),
        ("half", 0.5),
        ("half a million", 500_000),
    ]
    # a share of a counted whole: its class "share", the whole in its unit (as NewsQuant writes "% condos")
    assert [(c.unit_class, c.unit) for c in claims[:2]] == [("share", "% condos"), ("share", "% voters")]


def test_a_number_hyphened_to_a_noun_counts_it(quantities):
    """ "the 48-page indictment", "a six-cylinder engine", "a 12-storey tower": counts written as modifiers;
    "one-way", "20-odd", "5G" and "3D" are not."""
    claims = quantities(
        "The 48-page indictment named a six-cylinder engine and a 12-storey tower. "
        "A one-way ticket, a 5G phone and a 3D film cost 20-odd dollars."
    )
    assert [(c.text, c.low, c.unit_class) for c in claims] == [
        ("48-page", 48, "page"),
        ("six-cylinder", 6, "cylinder"),
        ("12-storey", 12, "storey"),
    ]


def test_numbers_left_hanging_on_a_hyphen(quantities):
    """ "four-, five- and six-cylinder engines", "2- or 3-bedroom flats": each number counts the noun the
    last one is hyphened to; "a two- to three-day wait" is a duration describing a noun, so none are."""
    claims = quantities(
        "It offers four-, five- and six-cylinder engines and 2- or 3-bedroom flats after a two- to three-day wait."
    )
    assert [(c.number.text, c.low, c.unit_class) for c in claims] == [
        ("four-", 4, "cylinder"),
        ("five-", 5, "cylinder"),
        ("six-cylinder", 6, "cylinder"),
        ("2-", 2, "bedroom"),
        ("3-bedroom", 3, "bedroom"),
    ]


def test_sub_before_a_number_is_an_upper_bound(quantities):
    """ "the sub-500 sq m office market": under 500 square metres."""
    claim = one(quantities("Demand grew in the sub-500 sq m office market."), "sub-500")
    assert (claim.low, claim.unit_class, claim.direction) == (500, "square metre", "<")


def test_index_level_takes_the_points_of_its_change(quantities):
    """A market index level written bare takes "points" from its change, before or after it, however far
    apart their sizes; a bare figure far from any amount keeps no unit."""
    claims = quantities("The Harbour 100 index lost 162.31 points, or 2.14%, to fall to 7,425.81.")
    assert one(claims, "7,425.81").unit_class == "point"
    claims = quantities("Portville Exchange (16369.03 up 58.06 points). Sales reached 4,000 after 3 tonnes.")
    assert one(claims, "16369.03").unit_class == "point"
    assert one(claims, "4,000").unit_class is None


@pytest.mark.parametrize(
    "text",
    ["He will be 35 by the end of the year.", "She turned 40 on Monday.", "Varga, who is 62, retired."],
)
def test_a_number_said_of_a_person_is_an_age(quantities, text):
    """ "he will be 35", "she turned 40", "who is 62": a whole number a person is or turns is an age."""
    claims = quantities(text)
    assert [c.unit_class for c in claims] == ["year of age"]


def test_a_number_said_of_a_thing_is_no_age(quantities):
    claims = quantities("The rate is 58 and the team is 12.")
    assert [c.unit_class for c in claims] == [None, None]


def test_elliptical_unit(quantities):
    """A bare number takes the unit of a similar amount just before it in the sentence."""
    claims = quantities("The highest forecast is 84.75 cents, while the lowest is 74.07.")
    assert one(claims, "74.07").unit_class == "cent"


# --- evidence, source and spans ---------------------------------------------------------------------


def test_evidence_is_the_quantity_itself(quantities):
    """The evidence is the number with its unit and what it counts, never the whole clause: two
    quantities of one sentence get two different spans."""
    text = "The planes carried 100 soldiers, the chief of staff and 35 tonnes of material, officials said."
    claims = quantities(text)
    soldiers, tonnes = one(claims, "100"), one(claims, "35")
    assert soldiers.text == "100 soldiers"
    assert one(quantities("Rates rose to 5%, officials said."), "5%").text == "5%"
    assert tonnes.text == "35 tonnes of material"
    assert text[tonnes.start : tonnes.end] == tonnes.text
    cold = one(quantities("It is about minus 387 Fahrenheit ,minus 233 Celsius there."), "minus 233")
    assert cold.text == "minus 233 Celsius"
    claim = one(quantities("Two Russian air force planes landed at Caracas airport on Saturday."), "Two")
    assert claim.text == "Two Russian air force planes"
    assert claim.unit_class == "aircraft"


def test_source_from_according_to(quantities):
    """ "according to X" names the source of every quantity in the sentence."""
    claims = quantities("The planes carried 100 soldiers, according to local journalist Javier Mayorca.")
    assert one(claims, "100").source == "Javier Mayorca"


def test_spans_point_into_the_stored_text(nlp):
    """With an analysis text that differs from the stored one, spans are mapped back to the stored text."""
    stored = "Officials said\u00a0\u00a0two planes landed."
    analysis = "Officials said two planes landed."
    offsets = [*range(14), 15, *range(16, len(stored))]
    assert len(offsets) == len(analysis)
    claims = find_quantities(ArticleDoc(text=stored, analysis=analysis, offsets=offsets, doc=nlp(analysis)))
    claim = one(claims, "two")
    assert stored[claim.number.start : claim.number.end] == "two"
    assert stored[claim.start : claim.end] == claim.text


# --- not quantities ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "An Ilyushin IL-62 passenger jet and an Antonov AN-124 cargo plane flew from Moscow.",
        "The F-16 and the Boeing 737 were parked there.",
        "The page was updated at 07:45 GMT and again at 11 a.m.",
        "Watch video 26:06",
        "It was a 19th-century practice, the 10th such case.",
        "The treaty was signed in 2019 and renewed in the 1990s.",
        "The plane left on 24 June and came back on January 23.",
        "Call 555-123-4567 for details.",
        "He spoke to Rossiya 24 TV about the iPhone 11 Pro.",
        "The teams tied 2-2 on aggregate.",
        "One of them left, and each one they lose hurts.",
    ],
)
def test_traps_are_not_quantities(quantities, text):
    """Model names, clock times, video lengths, ordinals, years, dates, phone numbers, channel names,
    scores and the pronoun "one" give no quantity claims."""
    assert numbers(quantities(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Three months ago the rebels held exercises; talks ended two days later.",
        "In the past two years the firm grew, and over the next five months it will not.",
        "He was given a 9 year sentence after a 3-day trial and a five-year inquiry.",
        "The two countries signed a deal, and these two men witnessed it.",
        "Residents should call 911 or dial 999; the 112 number works across Europe.",
        "Not one soldier was hurt, and not a plane was lost.",
        "A third ship is due, and she won a fifth term.",
    ],
)
def test_reported_forms_that_are_not_amounts(quantities, text):
    """A time reference or a duration describing a noun, a number to call, a pair named before, a negated
    "one" and an ordinal after "a" are numbers in form only: no quantity claim."""
    assert numbers(quantities(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the port would reopen one way or the other, and one way or another it did.",
        "At one point the crowd fell silent; on one occasion a guard shouted.",
        "He held a flag in one hand and a phone in the other.",
        "One day, the council says, the old quay will be rebuilt.",
        "Goods moved from one town to another along the river.",
    ],
)
def test_one_in_set_phrases_is_no_count(quantities, text):
    """ "one way or the other", "at one point", "on one occasion", "in one hand ... in the other", "One
    day, ..." say how or when, not how many: no quantity claim."""
    assert numbers(quantities(text)) == []


def test_one_still_counts_outside_set_phrases(quantities):
    """A count of one is kept where no set phrase reads it: "in one day", "one plane"."""
    claims = quantities("In one day the port lost one plane and 500 containers.")
    assert numbers(claims) == ["one", "one", "500"]


def test_two_years_joined_are_a_period_not_an_amount(quantities):
    """ "from 1965 to 1970", "between 2009 and 2016" are periods (the dates read them), not the amounts
    1,965-1,970; two such numbers that count something stay a range."""
    claims = quantities(
        "He obtained five deferments from 1965 to 1970 and served between 2009 and 2016. "
        "Between 1500 and 2000 soldiers crossed the river."
    )
    assert numbers(claims) == ["five", "1500 and 2000"]
    soldiers = one(claims, "1500 and 2000")
    assert (soldiers.low, soldiers.high, soldiers.unit_class) == (1500, 2000, "soldier")


def test_a_vague_amount_of_a_scale_multiplies_it(quantities):
    """ "hundreds of billions of dollars" is one amount, 200-999 billion dollars, not "hundreds" of a unit
    "billion" beside "billions of dollars"; "hundreds of thousands of people" 200,000-999,000 people."""
    claims = quantities(
        "The kingdom could sell hundreds of billions of dollars in assets, and hundreds of thousands of "
        "people marched."
    )
    dollars = one(claims, "hundreds of billions")
    assert (dollars.low, dollars.high, dollars.unit_class, dollars.approximate) == (
        2e11,
        9.99e11,
        "dollar",
        True,
    )
    people = one(claims, "hundreds of thousands")
    assert (people.low, people.high, people.unit_class) == (2e5, 9.99e5, "people")
    assert len(claims) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers worked near ground zero while the inspectors zero in on the cause.",
        "The poll was taken during a March 31-April 4 survey; the post-Sept. 11 law followed.",
        "The House passed H.R. 1 on Friday.",
        "Not a one of the councillors objected.",
        "Both 2020 Democrats and 2016 hopefuls spoke before the 2018 midterms.",
    ],
)
def test_numbers_in_names_and_dates_are_no_counts(quantities, text):
    """ "ground zero", the verb "zero in", a day glued to its month after a hyphen ("31-April 4", "post-Sept.
    11"), a bill's number after its initials, "not a one", a year naming a race's field: no quantity."""
    assert numbers(quantities(text)) == []


def test_zero_paid_is_an_amount(quantities):
    """A bare "zero" that is paid or reached is an amount, unlike "ground zero" and "zero in on"."""
    assert numbers(quantities("The loophole let him pay zero in federal taxes.")) == ["zero"]


def test_counts_written_with_hyphens(quantities):
    """ "two-dozen actions" is 24, "one hundred-eighteen visits" 118; the counted noun of a hyphened
    compound is its last word ("nine Indiana-based companies", "millions of ex-felons")."""
    claims = quantities(
        "He signed nearly two-dozen executive actions after one hundred-eighteen visits. The heads of nine "
        "Indiana-based companies wrote in support of millions of ex-felons."
    )
    assert one(claims, "two-dozen").low == 24
    assert one(claims, "one hundred-eighteen").low == 118
    assert one(claims, "nine").unit_class == "company"
    assert one(claims, "millions").unit_class == "felon"
    assert "ex-felon" in one(claims, "millions").unit


def test_a_noun_or_two_counts_the_noun(quantities):
    """ "another pick or two" is 1-2 picks, "a year or two" 1-2 years; "in the coming year or two" says
    when, not how long; "over the age of 21" is an age, not 21 of the players named before."""
    claims = quantities(
        "The club hopes to add another pick or two; the deal could take a year or two. Growth will slow "
        "in the coming year or two. The team had 17 players over the age of 21."
    )
    picks = one(claims, "another pick or two")
    assert (picks.low, picks.high, picks.unit_class, picks.approximate) == (1, 2, "pick", True)
    years = one(claims, "a year or two")
    assert (years.low, years.high, years.unit_class) == (1, 2, "year")
    assert one(claims, "21").unit_class == "year of age"
    assert numbers(claims) == ["another pick or two", "a year or two", "17", "21"]


def test_a_duration_describing_an_amount_is_not_one(quantities):
    """ "a five-year $700,000 award": the award is the amount, its five years describe it."""
    assert numbers(quantities("She won a five-year $700,000 award.")) == ["$700,000"]


def test_lengths_of_time_that_are_reported(quantities):
    """How long something lasted is a quantity ("served six years", "lasted three weeks"), and a count
    after "the" that is no back-reference to a pair stays one."""
    claims = quantities(
        "He served six years in the reserves; the strike lasted three weeks. The three men carried 40 rifles."
    )
    assert [(c.text, c.unit_class) for c in claims] == [
        ("six years", "year"),
        ("three weeks", "week"),
        ("three men", "man"),
        ("40 rifles", "rifle"),
    ]


def test_furniture_is_skipped(nlp):
    """Numbers inside page furniture spans are not claims."""
    from claims.extraction.types import Span

    text = "Top 10 stories\nTwo planes landed."
    furniture = [Span(0, 14, text[:14])]
    adoc = ArticleDoc(text=text, analysis=text, offsets=None, doc=nlp(text), furniture=furniture)
    assert numbers(find_quantities(adoc)) == ["Two"]


# --- the seed corpus --------------------------------------------------------------------------------


def test_seed_quantities(seeds):
    """Every seed quantity claim is found by the pipeline with its value and unit; no trap is extracted."""
    from claims.extraction.pipeline import extract

    gold, texts = seeds
    extracted = {}
    for key, meta in gold["articles"].items():
        result = extract(
            texts[key], published=meta.get("published"), title=meta.get("title"), outlet=meta.get("outlet")
        )
        extracted[key] = [c for c in result.claims if c.kind == "quantity"]
    for claim in (c for c in gold["claims"] if c["kind"] == "quantity"):
        value = claim["value"]
        low, high = (value[0], value[-1]) if isinstance(value, list) else (value, value)
        hits = [
            q
            for q in extracted[claim["article"]]
            if q.start < claim["end"]
            and claim["start"] < q.end
            and q.low <= high
            and low <= q.high
            and claim["unit"] in (q.unit_class, q.unit)
        ]
        assert hits, claim["id"]
    traps = (
        "IL-62",
        "AN-124",
        "Tu-160",
        "07:45",
        "26:06",
        "19th-century",
        "2019",
        "2020",
        "2001",
        "1996",
        "24 June",
        "26 June",
        "January 23",
        "January 10",
        "Rossiya 24",
    )
    for key, claims in extracted.items():
        text = texts[key]
        for trap in traps:
            start = text.find(trap)
            while start >= 0:
                end = start + len(trap)
                hits = [
                    q.number.text
                    for q in claims
                    if q.number and q.number.start < end and start < q.number.end
                ]
                assert not hits, (key, trap, hits)
                start = text.find(trap, end)


def test_a_vote_tally_is_the_count_of_votes_for(quantities):
    """'a 61-38 vote', 'the tally was 61-38', 'voting 212-190': the tally's first figure is the votes
    cast for; a score or a code in the same shape ('drew 2-2', 'route 96-3') is still no quantity."""
    claims = quantities("The measure passed after a 61-38 vote in the chamber on Tuesday.")
    tally = one(claims, "61-38")
    assert (tally.low, tally.high, tally.unit_class) == (61, 61, "vote")
    assert one(quantities("The final tally was 61-38."), "61-38").low == 61
    assert (
        one(
            quantities("The assembly ensured the law passes after voting 212-190 to adopt it."), "212-190"
        ).low
        == 212
    )
    assert numbers(quantities("The two sides drew 2-2 on Sunday and took route 96-3 home.")) == []


def test_counts_in_sentences_glued_at_the_full_stop_are_read_whole():
    """A scraper drops the space after a full stop: the tally, the share and the sum after or before
    the glue are still read ('41-3.Councillor', 'fire.Nine of the 12', '$2.5 billion.Councillors')."""
    text = (
        "It takes a majority of the board to pass a levy.The final tally was 41-3.Councillor Ilse Varga was "
        "the lone opposition. The inquiry asked what role the port played in the 2009 fire.Nine of the 12 "
        "ferry captains were Dresnian nationals. The board approved $2.5 billion.Councillors then left."
    )
    from claims.extraction.pipeline import extract

    got = {(q.low, q.unit_class) for q in extract(text).claims if q.kind == "quantity"}
    assert (41.0, "vote") in got
    assert (9.0, "captain") in got
    assert 2.5e9 in {low for low, _ in got}


def test_a_quotation_mark_inside_an_amount_keeps_its_scale(quantities):
    """'asking for $7.4" billion': a quote mark slipped between the figure and its scale word; the amount
    is still 7.4 billion dollars, not 7.4 dollars."""
    claims = quantities(
        'The mayor said: "No, we are asking for $7.4\u201d billion, not less," at the hearing.'
    )
    amount = one(claims, "$7.4\u201d billion")
    assert (amount.low, amount.unit_class) == (7.4e9, "dollar")


def test_quoted_words_after_a_number_are_what_it_counts(quantities):
    """'40 "aye" votes', 'at least 12 "urgent cases"': quotation marks around the counted words do not
    hide them."""
    claims = quantities(
        'The motion needs 40 "aye" votes, and the audit found at least 12 "urgent cases" in all.'
    )
    assert one(claims, "40").unit_class == "vote"
    assert one(claims, "12").unit_class == "case"
    assert one(claims, "12").counted == "urgent cases"


def test_a_plural_noun_joined_by_and_to_another_is_what_is_counted(quantities):
    """'five rebel militias and ISIS recruitment centers': the parse hangs "militias" on "centers", but
    the number counts the first noun."""
    claims = quantities('Officials counted "five rebel militias and ISIS recruitment centers" in the region.')
    assert one(claims, "five").unit_class == "militia"


def test_a_bare_number_after_a_named_surname_or_after_age_is_an_age(quantities):
    """'Lopez, 52, left' once the article has named Maria Lopez; 'His age, 81,'; 'the pension age to 70'.
    Counts listed after places ('Ohio, 12, and Utah, 9,') stay counts."""
    claims = quantities(
        "Maria Lopez spoke first at the hall. Later, Lopez, 52, left the hall. His age, 81, was raised. "
        "The plan lifts the pension age to 70. Ohio, 12, and Utah, 9, reported cases."
    )
    for number in ("52", "81", "70"):
        assert one(claims, number).unit_class == "year of age", number
    assert one(claims, "12").unit_class != "year of age"


def test_one_and_a_half_units(quantities):
    """'an hour and a half', 'a year and a half' are 1.5 of the unit; 'a half' is no claim of its own, and
    'a year and a half ago' says when, not how long."""
    claims = quantities(
        "The hearing lasted an hour and a half. The works took a year and a half. He moved there a year "
        "and a half ago. She spent the first hour and a half on the budget."
    )
    got = [(c.low, c.unit_class) for c in claims]
    assert got == [(1.5, "hour"), (1.5, "year"), (1.5, "hour")]


def test_a_figure_set_for_the_number_of_things_counts_them(quantities):
    """'cap the number of visas that are issued each year at 20,000', 'the number of wolves has fallen from
    900 to about 300': the bare figures count visas and wolves."""
    claims = quantities(
        "The rule would cap the number of visas that are issued each year at 20,000. The number of wolves "
        "in the park has fallen from 900 to about 300. He said the figure was 75."
    )
    assert one(claims, "20,000").unit_class == "visa"
    assert one(claims, "900").unit_class == "wolf"
    assert one(claims, "300").unit_class == "wolf"
    assert one(claims, "75").unit_class is None


# --- the comparison shown in the span ----------------------------------------------------------------


def test_the_span_shows_the_comparison(quantities):
    """ "nearly", "up to", "more than", "about" belong to the quantity: the quote an editor reads says
    them, so "nearly 50,000 followers" is never shown as a flat 50,000."""
    claims = quantities(
        "He has nearly 50,000 followers, gives up to $200 each, reached more than 5 percent and about 40 states."
    )
    assert [c.text for c in claims] == [
        "nearly 50,000 followers",
        "up to $200",
        "more than 5 percent",
        "about 40 states",
    ]
    assert [c.direction for c in claims] == ["~", "<", ">", "~"]


def test_over_of_a_verb_is_no_comparison(quantities):
    """ "presided over two briefings", "handed over 3,000 emails": the verb's own "over" counts the
    things; "spent over $1 million" is more than."""
    claims = quantities("He presided over two briefings, handed over 3,000 emails and spent over $1 million.")
    assert [(c.number.text, c.direction) for c in claims if c.number] == [
        ("two", "="),
        ("3,000", "="),
        ("$1 million", ">"),
    ]
    assert claims[2].text == "over $1 million"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor posted his first attack on the council less than 48 hours into the new year.",
        "Two weeks into the dock strike, the port was nearly empty.",
        "The governor, 24 hours from his own deadline for naming a judge, said he was close.",
        "The harbour vote is three weeks away, and the deadline falls ten days from the vote.",
    ],
)
def test_a_length_of_time_counted_into_or_from_a_point_says_when(quantities, text):
    """ "48 hours into the new year", "24 hours from his deadline", "three weeks away" place an event in
    time, as "three months ago" does: no quantity claim."""
    assert numbers(quantities(text)) == []


def test_time_put_into_work_or_counted_from_a_year_stays_an_amount(quantities):
    """A verb of spending before "into" ("put 40 hours into the project") and a year after "from" ("six
    years from 2005 to 2011") leave the length of time an amount."""
    claims = quantities("She put 40 hours into the harbour study and worked six years from 2005 to 2011.")
    assert [(c.text, c.unit_class) for c in claims] == [("40 hours", "hour"), ("six years", "year")]


def test_a_code_section_after_a_number_is_a_name(quantities):
    """ "501 c3 groups", "501 (c)(4) groups": a section of a tax code names a kind of body, no count of
    501; a lone letter ("a 10 x 12 room") or a times sign ("300 x3 cables") leaves the number a count."""
    assert numbers(quantities("The agency wrote to 501 c3,4 organizations and to 501 (c)(4) groups.")) == []
    claims = quantities("The firm sold 300 x3 cables for a 10 x 12 room.")
    assert one(claims, "300").unit_class == "cable"


@pytest.mark.parametrize(
    "text",
    [
        "While I 100 percent support more openness, the harbour rules stay.",
        "We 100% agree with the mayor on the ferry timetable.",
        "The dock union is the 800-pound gorilla in the port talks.",
        "You can count on two hands the councillors who read the report.",
        "She could count on the fingers of one hand the ferries that left on time.",
    ],
)
def test_a_degree_or_a_figure_of_speech_is_no_quantity(quantities, text):
    """ "I 100 percent support" says how firmly, "the 800-pound gorilla" who is strongest, "count on two
    hands" how few: nothing is measured or counted."""
    assert numbers(quantities(text)) == []


def test_shares_weights_and_hands_that_are_counted_stay(quantities):
    """ "100 percent of voters agree", "the crate weighed 800 pounds", "two hands of cards" are amounts."""
    claims = quantities(
        "About 100 percent of voters agree, the crate weighed 800 pounds, and she dealt two hands of cards."
    )
    assert numbers(claims) == ["100", "800", "two"]


def test_a_span_keeps_its_brackets_and_quotes_balanced(quantities):
    """A bracket opened before the number and closed after the unit stays out of the span ("Ruiz (17
    percent)"); a quote opened inside the span is closed in it ('30 "harbour emergencies"')."""
    text = 'Ruiz polled (17 percent) and there are at least 30 "harbour emergencies" in effect.'
    claims = quantities(text)
    assert [text[c.start : c.end] for c in claims] == ["17 percent", 'at least 30 "harbour emergencies"']
    text = "The crane lifted a 40m (131ft)-long hull."
    assert [text[c.start : c.end] for c in quantities(text)][-1] == "(131ft)-long"
