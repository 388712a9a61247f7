"""The stance model's "agree" raises a statement pair only when the two can tell of one happening: both
an arrival (or presence) or neither, told at times that can meet. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import DateClaim, Span, StatementClaim
from claims.linking.links import suggest_links
from claims.linking.links.features import features
from claims.linking.links.lift import agree_lift, arrives
from tests.linking.linkable import linkable


def statement(cid, article, sentence, content, speaker=None, role=None, published=None):
    """A statement whose content is part of `sentence` (the article's first), as the app stores it."""
    at = sentence.index(content)
    claim = StatementClaim(at, at + len(content), content, speaker, role=role)
    return linkable(cid, article, claim, sentence, published=published)


def date(cid, article, sentence, words, value, precision, published=None):
    """A date the extractor found in the same sentence, its clause the sentence's start up to `words`."""
    at = sentence.index(words)
    claim = DateClaim(
        0, at + len(words), sentence[: at + len(words)], value, precision, expression=Span(at, at, words)
    )
    return linkable(cid, article, claim, sentence, published=published)


def agreeing(pairs):
    return ["agree"] * len(pairs)


def discussing(pairs):
    return ["discuss"] * len(pairs)


def confidence(items, pair, stance_many):
    found = [s for s in suggest_links(items, stance_many=stance_many) if s.pair == frozenset(pair)]
    return found[0].confidence if found else None


ARRIVED = "Defence minister Ola Brask said the Norland engineers have arrived in Pellan to service the navy's ferries."
PROGRAMME = (
    "Governor Ida Lunde said work on the Norland ferry service programme for the navy in Pellan is being "
    "carried out on schedule."
)
VISITING = "A Pellan port official said Norland engineers were visiting to service the navy's ferries."


def arrival_and_programme():
    return (
        statement(
            "arr",
            "A",
            ARRIVED,
            "the Norland engineers have arrived in Pellan to service the navy's ferries",
            "Ola Brask",
        ),
        statement(
            "prog",
            "B",
            PROGRAMME,
            "work on the Norland ferry service programme for the navy in Pellan is being carried out on schedule",
            "Ida Lunde",
        ),
    )


def test_agree_does_not_raise_an_arrival_against_a_statement_of_no_arrival():
    """Engineers arriving to service ferries and a service programme on schedule share the topic's words,
    not a fact: the model's agree leaves the pair where the wording puts it."""
    items = arrival_and_programme()
    plain = confidence(items, {"arr", "prog"}, discussing)
    assert plain is not None  # the wording alone links them: only the lift is at stake
    assert confidence(items, {"arr", "prog"}, agreeing) == plain


def test_agree_raises_two_arrivals_a_visit_among_them():
    """An arrival and a visit tell of one presence: the model's agree raises the pair."""
    arrived = statement(
        "arr",
        "A",
        ARRIVED,
        "the Norland engineers have arrived in Pellan to service the navy's ferries",
        "Ola Brask",
    )
    visiting = statement(
        "vis",
        "C",
        VISITING,
        "Norland engineers were visiting to service the navy's ferries",
        role="port official",
    )
    plain = confidence([arrived, visiting], {"arr", "vis"}, discussing)
    lifted = confidence([arrived, visiting], {"arr", "vis"}, agreeing)
    assert plain is not None and lifted is not None and lifted > plain


EMBASSY = (
    "In May, the Norland embassy said that Norland engineers were in the country to service the navy's "
    "ferries and train crews."
)
OFFICIAL = "A Pellan port official said Norland engineers were visiting to service the navy's ferries and train crews."


def embassy_and_official(embassy_published=None, official_published=dt.date(2021, 3, 20)):
    embassy_said = statement(
        "emb",
        "A",
        EMBASSY,
        "Norland engineers were in the country to service the navy's ferries and train crews",
        "Norland Embassy",
        published=embassy_published,
    )
    in_may = date("may", "A", EMBASSY, "In May", "XXXX-05", "month-no-year", published=embassy_published)
    official = statement(
        "off",
        "B",
        OFFICIAL,
        "Norland engineers were visiting to service the navy's ferries and train crews",
        role="port official",
        published=official_published,
    )
    return [embassy_said, in_may, official]


def test_agree_does_not_raise_two_presences_told_in_different_months():
    """An embassy's May statement that engineers are in the country and an official's in an article of 20
    March tell of two moments (and may be two teams), however alike their words."""
    items = embassy_and_official()
    plain = confidence(items, {"emb", "off"}, discussing)
    assert plain is not None
    assert confidence(items, {"emb", "off"}, agreeing) == plain


def test_agree_raises_two_presences_told_in_the_same_days():
    """The same statements, the official's in an article of 2 June: the May telling and the official's can
    be one moment, so the model's agree raises the pair; so it does when the official's article has no
    date to compare."""
    for published in (dt.date(2021, 6, 2), None):
        items = embassy_and_official(official_published=published)
        plain = confidence(items, {"emb", "off"}, discussing)
        lifted = confidence(items, {"emb", "off"}, agreeing)
        assert plain is not None and lifted is not None and lifted > plain, published


def test_a_statement_dating_its_own_content_is_not_timed_by_its_telling():
    """ "The engineers arrived in Pellan on 3 March" tells of 3 March whenever it is told: a telling dated
    May does not keep it from an article of 20 March."""
    sentence = (
        "In May, the embassy said the Norland engineers arrived in Pellan on 3 March to service the ferries."
    )
    embassy_said = statement(
        "emb",
        "A",
        sentence,
        "the Norland engineers arrived in Pellan on 3 March to service the ferries",
        "Norland Embassy",
    )
    dates = [
        date("may", "A", sentence, "In May", "XXXX-05", "month-no-year"),
        date("mar", "A", sentence, "on 3 March", "XXXX-03-03", "day-no-year"),
    ]
    official = statement(
        "off",
        "B",
        "A port official said the Norland engineers arrived in Pellan to service the ferries.",
        "the Norland engineers arrived in Pellan to service the ferries",
        role="port official",
        published=dt.date(2021, 3, 20),
    )
    lift = agree_lift([features(d) for d in dates])
    assert lift(features(embassy_said), features(official))
    dated_telling_only = [dates[0]]
    assert not agree_lift([features(d) for d in dated_telling_only])(
        features(embassy_said), features(official)
    )


def test_times_without_a_year_are_compared_by_month_and_day_across_a_new_year():
    """A telling "in December" (no year) can be the days before an article of 2 January, not one of 20
    March; two tellings without a year compare month with month."""

    def told(cid, article, value, published=None):
        sentence = f"On that day, {cid} officials said the engineers were in Pellan to service the ferries."
        return statement(
            cid, article, sentence, "the engineers were in Pellan to service the ferries", published=published
        ), date(f"{cid}-d", article, sentence, "On that day", value, "month-no-year")

    december, december_date = told("dec", "A", "XXXX-12")
    january, _ = told("jan", "B", "XXXX-XX-XX")  # a weekday: no month, so the article's date times it
    undated_jan = statement(
        "jan2",
        "C",
        "Officials said the engineers were in Pellan to service the ferries.",
        "the engineers were in Pellan to service the ferries",
        published=dt.date(2022, 1, 2),
    )
    march = statement(
        "mar",
        "D",
        "Officials said the engineers were in Pellan to service the ferries.",
        "the engineers were in Pellan to service the ferries",
        published=dt.date(2022, 3, 20),
    )
    april, april_date = told("apr", "E", "XXXX-04")
    lift = agree_lift([features(december_date), features(april_date)])
    assert lift(features(december), features(undated_jan))
    assert not lift(features(december), features(march))
    assert not lift(features(december), features(april))
    assert lift(features(december), features(january))  # no time known for one side: nothing to compare


def test_arrivals_are_people_or_craft_coming_to_a_place():
    """Arrivals and presences are read in a statement's own words; mail sent to an account or a bill that
    would leave a port exposed is no movement."""
    sentence = "Officials said {}."
    said = [
        "the engineers have arrived in Pellan",
        "two ferries landed in Pellan",
        "a survey team was dispatched to Pellan",
        "the crews are already in Pellan",
        "inspectors were in the country for a week",
        "the envoy is visiting Pellan",
    ]
    not_said = [
        "emails were sent to and from a private account",
        "the bill would leave the port exposed",
        "the council is in talks with the navy",
        "the landing fees will rise",
    ]
    for content in said + not_said:
        item = statement("x", "A", sentence.format(content), content)
        assert arrives(features(item)) == (content in said), content
