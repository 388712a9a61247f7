"""A deterministic synthetic news corpus for benchmarks: many outlets, events reported by several of
them with agreeing and conflicting numbers, dates and quotes, and the page furniture scrapes carry.

Every sentence template is our own. Each article comes with the claims planted in it (kind, span,
value), so a benchmark can fill the database with claims without running the extractor, and the
extractor can be checked against what was planted.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypedDict

SYLLABLES = [
    "mar",
    "ro",
    "wick",
    "tal",
    "ven",
    "dor",
    "bel",
    "kas",
    "tir",
    "lun",
    "sor",
    "ka",
    "del",
    "mon",
    "ver",
    "ash",
    "gal",
    "rin",
    "tho",
    "brel",
    "cal",
    "dun",
    "fen",
    "hol",
    "quin",
    "sel",
    "vor",
    "zen",
]
FIRST_NAMES = [
    "Ana",
    "Ines",
    "Marta",
    "Elena",
    "Dana",
    "Lena",
    "Sofia",
    "Petra",
    "Ivo",
    "Marek",
    "Tomas",
    "Jonas",
    "Pavel",
    "Oskar",
    "Rui",
    "Aurelio",
    "Emil",
    "Viktor",
    "Nadia",
    "Clara",
    "Hugo",
    "Leon",
]
ROLES = [
    ("spokeswoman for the harbour authority", "she"),
    ("spokesman for the defence ministry", "he"),
    ("the interior minister", "he"),
    ("the regional governor", "she"),
    ("a union leader", "he"),
    ("an opposition lawmaker", "she"),
    ("the mayor", "he"),
    ("the coast guard commander", "she"),
]
VEHICLES = [
    ("ships", "ship"),
    ("planes", "aircraft"),
    ("trucks", "truck"),
    ("helicopters", "helicopter"),
    ("buses", "bus"),
    ("boats", "boat"),
]
PEOPLE = [
    ("soldiers", "soldier"),
    ("workers", "worker"),
    ("residents", "resident"),
    ("engineers", "engineer"),
    ("passengers", "passenger"),
    ("volunteers", "volunteer"),
]
VERBS = {
    "ship": "docked",
    "aircraft": "landed",
    "truck": "arrived",
    "helicopter": "landed",
    "bus": "arrived",
    "boat": "arrived",
}
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLET_KINDS = ["public_broadcaster", "state_affiliated", "agency", "independent", "commercial", "regional"]
OUTLET_NOUNS = [
    "Courier",
    "Herald",
    "Gazette",
    "Wire",
    "Times",
    "Post",
    "Radio",
    "Ledger",
    "Tribune",
    "Observer",
]
FURNITURE = [
    "- Advertisement -",
    "Subscribe to our newsletter",
    "Listen Live",
    "Share this article",
    "Related:\nPort strike enters second week\nMinister visits flooded towns",
]
QUOTES = [
    "We are doing routine work and nothing more",
    "The visit was agreed months ago and everyone was informed",
    "There is no reason for alarm in {place}",
    "We will not accept any threat to our people",
    "This is a matter for the ministry, not for the port",
    "Our teams worked through the night to keep everyone safe",
]
BACKGROUND = [
    "Residents gathered along the waterfront to watch as the convoy came in.",
    "The visit comes at a time of rising tension between the two governments.",
    "Local businesses said they had not been told in advance and asked for more information.",
    "Opposition politicians called for a debate in parliament before the end of the session.",
    "Analysts said the move was meant to send a signal to neighbouring countries.",
    "The port remained open to commercial traffic throughout the day.",
    "Security around the harbour was tightened and several roads were closed.",
    "Officials declined to say how long the crews would stay or where they would be housed.",
]
DENIALS = [
    "denied that any soldiers were on board",
    "rejected claims that the visit was secret",
    "denied that the cargo included weapons",
]


@dataclass(frozen=True, slots=True)
class PlantedClaim:
    kind: str  # "quantity", "date", "statement"
    start: int
    end: int
    value: object  # number, (low, high), ISO date string, or speaker name
    unit: str | None = None


@dataclass(slots=True)
class SyntheticArticle:
    outlet: str
    url: str
    title: str
    byline: str
    published: dt.date
    body: str
    claims: list[PlantedClaim] = field(default_factory=list)
    event: int = 0


@dataclass(frozen=True, slots=True)
class SyntheticOutlet:
    name: str
    domain: str
    country: str
    kind: str


class _Event(TypedDict):
    """One happening that several synthetic articles report."""

    id: int
    place: str
    day: dt.date
    vehicles: str
    v_class: str
    v_count: int
    people: str
    p_class: str
    p_count: int
    tonnes: int
    speaker: str
    role: str
    pronoun: str
    quote: str
    denier: str
    denial: str
    source: str


class _Body:
    """Builds an article body sentence by sentence, keeping the offsets of planted claims."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.claims: list[PlantedClaim] = []

    def add(self, text: str, claims: Sequence[tuple[str, str, object, str | None]] = ()) -> None:
        """Append `text`; each claim names a substring of it (first occurrence) with its kind and value."""
        for kind, evidence, value, unit in claims:
            at = text.index(evidence)
            self.claims.append(
                PlantedClaim(kind, self.length + at, self.length + at + len(evidence), value, unit)
            )
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self) -> None:
        self.add("\n\n")

    def text(self) -> str:
        return "".join(self.parts).strip("\n")


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_outlets(count: int, seed: int = 7) -> list[SyntheticOutlet]:
    """`count` distinct fictional outlets."""
    rng = random.Random(seed)
    outlets: list[SyntheticOutlet] = []
    seen: set[str] = set()
    while len(outlets) < count:
        name = f"{_name(rng)} {rng.choice(OUTLET_NOUNS)}"
        if name in seen:
            continue
        seen.add(name)
        domain = name.lower().replace(" ", "-") + ".example"
        outlets.append(
            SyntheticOutlet(name, domain, _name(rng, 3), OUTLET_KINDS[len(outlets) % len(OUTLET_KINDS)])
        )
    return outlets


def _count_words(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def _event_article(
    rng: random.Random,
    event: _Event,
    outlet: SyntheticOutlet,
    outlet_index: int,
    published: dt.date,
    serial: int,
) -> SyntheticArticle:
    body = _Body()
    place, vehicles, v_class, v_count, people, p_class, p_count, tonnes = (
        event["place"],
        event["vehicles"],
        event["v_class"],
        event["v_count"],
        event["people"],
        event["p_class"],
        event["p_count"],
        event["tonnes"],
    )
    day: dt.date = event["day"]
    if rng.random() < 0.15:  # a conflicting count
        v_count = max(1, v_count + rng.choice([-1, 1]))
    if rng.random() < 0.3:
        body.add(f"{place.upper()} - ")
    days_before = (published - day).days
    when = f"on {WEEKDAYS[day.weekday()]}" if 0 < days_before < 7 else f"on {day.day} {day:%B}"
    count_text = _count_words(v_count)
    sentence = f"{count_text.capitalize()} {vehicles} {VERBS[v_class]} in {place} {when}, officials said."
    body.add(
        sentence,
        [
            ("quantity", f"{count_text.capitalize()} {vehicles}", v_count, v_class),
            ("date", f"{VERBS[v_class]} in {place} {when}", day.isoformat(), None),
        ],
    )
    body.paragraph()
    if rng.random() < 0.3:
        body.add(rng.choice(FURNITURE))
        body.paragraph()
    vague = rng.random() < 0.25
    people_text = f"dozens of {people}" if vague else f"{p_count} {people}"
    source = event["source"]
    body.add(
        f"The convoy carried {people_text} and {tonnes} tonnes of equipment, according to {source}.",
        [
            ("quantity", people_text, (24, 199) if vague else p_count, p_class),
            ("quantity", f"{tonnes} tonnes", tonnes, "tonne"),
        ],
    )
    body.paragraph()
    speaker, role, pronoun = event["speaker"], event["role"], event["pronoun"]
    quote = event["quote"]
    if rng.random() < 0.5:
        body.add(f"\u201c{quote},\u201d said {speaker}, {role}.", [("statement", quote, speaker, None)])
    else:
        reported = quote[0].lower() + quote[1:]
        body.add(f"{speaker}, {role}, said that {reported}.", [("statement", reported, speaker, None)])
    body.paragraph()
    if rng.random() < 0.4:
        body.add(f"Later {pronoun} added that more details would follow.")
        body.paragraph()
    denier = event["denier"]
    if rng.random() < 0.5:
        body.add(f"The ministry {event['denial']}, {denier} told reporters.")
        body.paragraph()
    for line in rng.sample(BACKGROUND, k=rng.randint(2, 5)):
        body.add(line + " ")
    body.paragraph()
    years = rng.randint(3, 30)
    body.add(
        f"The two governments signed a cooperation agreement {years} years ago.",
        [("date", f"signed a cooperation agreement {years} years ago", str(published.year - years), None)],
    )
    body.paragraph()
    leave = day + dt.timedelta(days=rng.randint(5, 20))
    body.add(
        f"The {vehicles} will leave on {leave.day} {leave:%B}, the port said.",
        [("date", f"will leave on {leave.day} {leave:%B}", leave.isoformat(), None)],
    )
    if rng.random() < 0.2:
        body.paragraph()
        body.add("Subscribe\u00a0to our newsletter for daily updates.")
    slug = f"{place.lower()}-{vehicles}-{serial}"
    return SyntheticArticle(
        outlet=outlet.name,
        url=f"https://{outlet.domain}/news/{published:%Y/%m/%d}/{slug}",
        title=f"{count_text.capitalize()} {vehicles} {VERBS[v_class]} in {place}",
        byline=f"By {rng.choice(FIRST_NAMES)} {_name(rng)}",
        published=published,
        body=body.text(),
        claims=body.claims,
        event=event["id"],
    )


def generate(
    n_articles: int, *, seed: int = 2026, outlets: list[SyntheticOutlet] | None = None
) -> Iterator[SyntheticArticle]:
    """`n_articles` synthetic articles, deterministic for a seed; events have 2-6 reporting outlets."""
    rng = random.Random(seed)
    outlets = outlets or make_outlets(max(8, n_articles // 200), seed)
    made = 0
    event_id = 0
    start = dt.date(2020, 1, 1)
    while made < n_articles:
        event_id += 1
        vehicles, v_class = rng.choice(VEHICLES)
        people, p_class = rng.choice(PEOPLE)
        role, pronoun = rng.choice(ROLES)
        place = _name(rng, 3)
        day = start + dt.timedelta(days=rng.randint(0, 2000))
        event: _Event = {
            "id": event_id,
            "place": place,
            "day": day,
            "vehicles": vehicles,
            "v_class": v_class,
            "v_count": rng.randint(1, 12),
            "people": people,
            "p_class": p_class,
            "p_count": rng.choice([40, 60, 80, 100, 120, 150, 200]),
            "tonnes": rng.randint(5, 90),
            "speaker": f"{rng.choice(FIRST_NAMES)} {_name(rng)}",
            "role": role,
            "pronoun": pronoun,
            "quote": rng.choice(QUOTES).format(place=place),
            "denier": f"{rng.choice(FIRST_NAMES)} {_name(rng)}",
            "denial": rng.choice(DENIALS),
            "source": rng.choice(["local officials", "the port authority", f"the {_name(rng)} news agency"]),
        }
        for outlet_index in rng.sample(range(len(outlets)), k=min(len(outlets), rng.randint(2, 6))):
            if made >= n_articles:
                break
            published = day + dt.timedelta(days=rng.randint(1, 4))
            yield _event_article(rng, event, outlets[outlet_index], outlet_index, published, made)
            made += 1
