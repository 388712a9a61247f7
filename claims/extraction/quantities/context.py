"""What surrounds a number: whether it is a quantity at all (not a date, clock time, year, name or code),
the comparison before it, the clause that states it and who it is attributed to."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newstext import months as _months

from .chunks import Chunk, Expr

MONTHS = frozenset(_months.MONTHS)  # lower-case month names and abbreviations
CLOCK_WORDS = {
    "a.m",
    "p.m",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "gmt",
    "bst",
    "utc",
    "cet",
    "est",
    "edt",
    "pst",
    "pdt",
    "et",
    "o'clock",
}
# Nouns that a following number names rather than counts ("category 4", "No. 10", "page 5").
ID_NOUNS = {
    "no",
    "no.",
    "number",
    "nos",
    "category",
    "cat",
    "level",
    "page",
    "pages",
    "room",
    "chapter",
    "section",
    "row",
    "game",
    "round",
    "phase",
    "stage",
    "grade",
    "gate",
    "terminal",
    "flight",
    "route",
    "highway",
    "episode",
    "volume",
    "vol",
    "article",
    "act",
    "clause",
    "paragraph",
    "platform",
    "seat",
    "channel",
    "version",
    "model",
    "type",
    "class",
    "division",
    "district",
    "ward",
    "item",
    "figure",
    "fig",
    "table",
    "step",
    "zone",
    "pier",
    "lane",
    "track",
    "exit",
    "apartment",
    "suite",
    "unit",
    "block",
    "lot",
    "bus",
    "line",
    "squad",
    "rule",
    "resolution",
    "bill",
    "amendment",
    "index",
    "covid",
    "covid-",
    "tier",
    "week",
    "day",
    "session",
    "series",
    "mark",
    "mk",
    "s&p",
    "ftse",
    "dax",
    "stoxx",
    "nasdaq",
    "nikkei",
    "cac",
    "top",
}
TWO_WORD = {
    "more than": ">",
    "greater than": ">",
    "higher than": ">",
    "larger than": ">",
    "bigger than": ">",
    "in excess": ">",
    "upwards of": ">",
    "at least": ">",
    "less than": "<",
    "just over": ">",
    "well over": ">",
    "fewer than": "<",
    "lower than": "<",
    "smaller than": "<",
    "no more": "<",
    "at most": "<",
    "up to": "<",
    "just under": "<",
    "well under": "<",
    "close to": "~",
    "an estimated": "~",
    "as many": "=",
    "as much": "<",
    "as few": "=",
    "as little": "<",
    "or so": "~",
    "short of": "<",
}
ONE_WORD = {
    "over": ">",
    "above": ">",
    "exceeding": ">",
    "beyond": ">",
    "under": "<",
    "below": "<",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "approx": "~",
    "approx.": "~",
    "roughly": "~",
    "nearly": "~",
    "almost": "~",
    "some": "~",
    "estimated": "~",
    "circa": "~",
    "ca.": "~",
    "~": "~",
    "≈": "~",
    "sub": "<",
    "max": "<",
    "maximum": "<",
    "minimum": ">",
    "min": ">",
    "upward": ">",
    "+": ">",
}


def is_date_part(chunks: list[Chunk], c0: int, c1: int, ex: Expr) -> bool:
    """True when the number is the day or year beside a month name ("24 June", "January 23, 2019")."""
    day = ex.digits and ex.low == ex.high and ex.low == int(ex.low) and 1 <= ex.low <= 31 and not ex.rest
    year = ex.digits and ex.low == int(ex.low) and 1000 <= ex.low <= 2100 and not ex.rest
    if not (day or year):
        return False
    for k in (c0 - 1, c0 - 2, c1, c1 + 1):
        if not 0 <= k < len(chunks):
            continue
        written = chunks[k].text
        if k == c0 - 1:
            written = re.split(r"[-\u2013\u2014/]", written)[-1]  # "March 31-April 4", "post-Sept. 11"
        w = written.lower().rstrip(".")
        if w not in MONTHS or (w == "may" and written[:1] != "M"):
            continue
        if k == c0 - 1 or (k == c1 and day):
            return True
        if k == c0 - 2 and read_is_number(chunks[c0 - 1].text) and year:
            return True  # "June 24, 2019"
        if k == c1 + 1 and day and chunks[c1].text.lower() == "of":
            return True  # "the 24th of June" (ordinals are dropped earlier; "24 of June")
    return False


def read_is_number(text: str) -> bool:
    """True for a plain day number or year chunk ("23", "2019")."""
    return text.rstrip(",").isdigit()


# Nouns a year names the race of: "the 2016 candidates", "2020 hopefuls", "the 2018 midterms".
_RACE_NOUNS = frozenset(
    (
        *(
            "candidate",
            "hopeful",
            "contender",
            "race",
            "election",
            "campaign",
            "midterm",
            "primary",
            "ticket",
        ),
        *("democrat", "democrats", "republican", "republicans", "dems", "gop"),
    )
)


def is_year(doc: Doc, chunks: list[Chunk], ex: Expr, has_unit: bool) -> bool:
    """True for a year ("in 2019", "the 2020 model") or a decade ("the 1990s")."""
    if not ex.digits or ex.currency or ex.low != ex.high or ex.low != int(ex.low):
        return False
    text = chunks[ex.c0].text
    if ex.rest in ("s", "'s") and ex.low % 10 == 0:
        return True
    if not (1500 <= ex.low <= 2100 and len(text) == 4 and text.isdigit()):
        return False
    if has_unit:
        # "the 2020 elections": the tagger still reads a year where the noun is an event; "2020
        # Democrats", "2016 hopefuls": a party or a field of candidates is named by its election's year
        nxt = chunks[ex.c0].tok_end
        prev = chunks[ex.c0 - 1].text.lower() if ex.c0 > 0 else ""
        if (
            nxt < len(doc)
            and doc[nxt].lemma_.lower() in _RACE_NOUNS
            and not (prev in ONE_WORD or prev == "than")
        ):
            return True
        return doc[chunks[ex.c0].tok_start].ent_type_ == "DATE" and not ex.currency
    prev = chunks[ex.c0 - 1].text.lower() if ex.c0 > 0 else ""
    # "about 1000", "more than 2000": a comparison makes it an amount
    return not (prev in ONE_WORD or prev == "than")


def is_clock(chunks: list[Chunk], ex: Expr) -> bool:
    """True for clock times ("11 a.m.", "5am", "10.45pm")."""
    if ex.rest.lower().rstrip(".") in CLOCK_WORDS:
        return True
    return ex.c1 < len(chunks) and chunks[ex.c1].text.lower() in CLOCK_WORDS and ex.rest == ""


def is_identifier(
    doc: Doc, chunks: list[Chunk], ex: Expr, measured: bool, plural: bool, proper: bool
) -> bool:
    """True for a number that names rather than counts: "Boeing 737", "Section 427", "COVID -19", "Game 7",
    "49 Zorro Ranch Road"."""
    if proper and not measured:
        return True  # a number before a singular proper name is part of the name or an address
    first = doc[chunks[ex.c0].tok_start]
    if (
        not ex.digits
        and first.text[:1].isupper()
        and not first.is_sent_start
        and first.i > 0
        and not doc[first.i - 1].is_punct
        and doc[first.i - 1].text[:1].isupper()
    ):
        return True  # "Final Four", "Ground Zero", "Formula One": a capitalised number word inside a name
    if ex.c0 == 0 or ex.currency:
        return False
    prev = chunks[ex.c0 - 1]
    pw = prev.text.lower()
    if pw in ("no", "nos") and prev.trail and doc[prev.tok_end - 1].text == "." and not measured:
        return True  # "the No. 3 position"
    if _INITIALISM.fullmatch(prev.text + ("." if prev.trail else "")) and not (measured or plural):
        return True  # "H.R. 1", "S. 2155": a bill's name
    if prev.trail or chunks[ex.c0].lead:
        return False
    ptok = doc[prev.tok_end - 1]
    if pw in MONTHS or ptok.like_num:
        return False
    named = ptok.pos_ == "PROPN" or pw in ID_NOUNS
    if named and (ex.rest == "s" or (chunks[ex.c0].text[0] in "-\u2013" and not measured)):
        return True  # "Model 3s", "COVID -19"
    if measured:
        return False
    if (
        ptok.pos_ == "PROPN"
        and ptok.text[:1].isupper()
        and ex.digits
        and ptok.ent_type_ not in ("DATE", "NORP")
    ):
        return True  # "iPhone 11 Pro cameras", "S&P 500 companies": a digit right after a name belongs to it
    if plural:
        return False
    if pw in ID_NOUNS:
        return True
    # "Stoxx 50", "iPhone 11 Pro", "Rossiya 24 TV", "COVID -19": a name followed by its number
    return ptok.pos_ in ("PROPN", "NOUN") and ptok.ent_type_ not in ("DATE", "NORP") and ex.digits


# Capital letters each followed by a full stop, two or more: "H.R.", "S.J.", "U.S." (bill and code names).
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")

_TURNED = frozenset(("anything", "nothing", "no", "not"))  # "nothing less than 40" is at least 40


# Verbs that take "over" as their own particle or preposition: "presided over two briefings", "handed over
# 3,000 emails" count the briefings and the emails, not more than them ("spent over $1 million" is more).
_OVER_OF_THE_VERB = frozenset(
    (
        "preside",
        "hand",
        "turn",
        "take",
        "fight",
        "argue",
        "clash",
        "squabble",
        "quarrel",
        "wrangle",
        "feud",
        "battle",
        "watch",
        "look",
        "pore",
        "fret",
        "agonize",
        "mull",
        "ponder",
        "tower",
        "rule",
        "reign",
        "triumph",
        "prevail",
        "win",
        "sign",
        "split",
        "divide",
        "hold",
        "carry",
        "pass",
        "stumble",
        "trip",
    )
)


def comparison_before(doc: Doc, first_tok: int, sent_start: int) -> tuple[str, int]:
    """The comparison written just before the number (">", "<", "~" or "=") and how many words it takes
    ("more than" 2, "nearly" 1, none 0), so the quantity's span can show it."""
    words = [doc[k].lower_ for k in range(max(sent_start, first_tok - 2), first_tok)]
    if len(words) == 2:
        d = TWO_WORD.get(" ".join(words))
        if d:
            before = doc[first_tok - 3].lower_ if first_tok - 3 >= sent_start else ""
            if before in _TURNED and words[1] == "than" and d in "<>":
                # "refused to accept anything less than $5.7 billion", "no more than 40": a floor is a
                # demand of at least the figure, "no more than" a ceiling
                return (">" if d == "<" else "<"), 3
            return d, (0 if d == "=" else 2)
        if words[1] in ("than", "of") and words[0] in ("more", "less", "fewer", "over", "excess"):
            return (">" if words[0] in ("more", "over", "excess") else "<"), 2
    if words:
        d = ONE_WORD.get(words[-1])
        if d:
            if words[-1] == "some" and first_tok < len(doc) and not doc[first_tok].like_num:
                return "=", 0
            verb = doc[first_tok - 2] if first_tok - 2 >= sent_start else None
            if words[-1] == "over" and verb is not None and verb.lemma_.lower() in _OVER_OF_THE_VERB:
                return "=", 0
            return d, 1
    return "=", 0


def direction_before(doc: Doc, first_tok: int, sent_start: int) -> str:
    """The comparison written just before the number: ">", "<", "~" or "="."""
    return comparison_before(doc, first_tok, sent_start)[0]


def direction_after(doc: Doc, last_tok: int) -> str | None:
    """A comparison written after the amount ("40 or more", "100 or so", "50-plus")."""
    nxt = " ".join(t.lower_ for t in doc[last_tok : last_tok + 2])
    if nxt in ("or more", "or above", "or over", "and over", "and up"):
        return ">"
    if nxt in ("or less", "or fewer", "or under", "and under", "or below"):
        return "<"
    if nxt in ("or so",):
        return "~"
    return None


_LEADING_PUNCT = {",", ";", ":", ".", "!", "?", ")", "]", '"', "'", "\u201c", "\u201d", "\u2018", "\u2019"}


_KEPT_AT_END = {"%", "\u2030", "\u2032", "\u2033", "\u00b0"}


def own_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character offsets (analysis) of the quantity's own words, tokens first..last: the number with its
    currency, unit and the thing it counts ("35 tonnes of material"), never the rest of the clause, so two
    quantities of one sentence ("100 soldiers ... and 35 tonnes") never share a span."""
    while last > first and (
        doc[last].is_space or (doc[last].is_punct and doc[last].text not in _KEPT_AT_END)
    ):
        last -= 1  # "5%": the percent sign is the unit
    while first < last and (doc[first].text in _LEADING_PUNCT or _unclosed_bracket(doc, first, last)):
        first += 1  # ",minus 233 Celsius": the comma glued to the chunk is not the quantity's
    if last + 1 < len(doc) and _unclosed_quote(doc, first, last, doc[last + 1].text):
        last += 1  # 'at least 30 "harbour emergencies"': the quote closes on the words it opened on
    return doc[first].idx, doc[last].idx + len(doc[last])


def _unclosed_bracket(doc: Doc, first: int, last: int) -> bool:
    """True when token `first` opens a bracket that does not close inside the span ("Ruiz (17 percent)":
    the span is "17 percent", not "(17 percent"); one closed inside a glued token ("(121ft)-long") stays."""
    closing = {"(": ")", "[": "]"}.get(doc[first].text)
    return closing is not None and not any(closing in t.text for t in doc[first + 1 : last + 1])


def _unclosed_quote(doc: Doc, first: int, last: int, nxt: str) -> bool:
    """True when the span opens a quotation that the next token `nxt` closes."""
    words = [t.text for t in doc[first : last + 1]]
    if nxt == '"':
        return words.count('"') % 2 == 1
    return nxt == "\u201d" and words.count("\u201c") > words.count("\u201d")


def source_in(sent: Span) -> Span | None:
    """The tokens naming whom the sentence is attributed to with "according to", or None."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if not objs:
                return None
            obj = objs[0]
            if obj.pos_ == "PROPN":
                k = obj.i
                while k > obj.left_edge.i and t.doc[k - 1].pos_ == "PROPN":
                    k -= 1
                return t.doc[k : obj.i + 1]
            a = obj.left_edge.i
            while a < obj.i and t.doc[a].pos_ in ("DET", "PRON"):
                a += 1
            return t.doc[a : obj.right_edge.i + 1]
    return None


# Words that make a length of time a point in time: "three months ago", "two days later", "in the past two
# years", "over the next five months". The time is a date reference, not an amount anyone reports.
TIME_WORDS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "yr",
    "hr",
    "min",
}
_TIME_AFTER = {"ago", "later", "earlier", "before", "after", "hence", "prior", "away"}
# Verbs that put a length of time into something ("put 40 hours into the project"): an amount, not a point.
_SPEND_INTO = {"put", "pour", "invest", "sink", "plough", "plow", "funnel"}
# What opens the reference a length of time is measured from ("24 hours from his deadline", "two weeks from
# the vote", "a month from Election Day"): a determiner, a possessive or a name, never a number.
_FROM_OPENERS = {"DET", "PRON", "PROPN"}
_TIME_BEFORE = {
    "past",
    "last",
    "next",
    "coming",
    "previous",
    "preceding",
    "following",
    "ensuing",
    "first",
    "final",
    "recent",
}
# What a number right after a phone verb, or right before a phone word, is: a number to call, not an amount.
_CALL_VERBS = {
    "call",
    "calls",
    "called",
    "calling",
    "dial",
    "dials",
    "dialled",
    "dialed",
    "dialling",
    "dialing",
}
_CALL_NOUNS = {
    "call",
    "number",
    "hotline",
    "helpline",
    "line",
    "operator",
    "dispatcher",
    "emergency",
    "caller",
}
# A determiner before "two" that refers back to a pair already named ("the two countries", "both").
_PAIR_DETERMINERS = {"the", "these", "those"}


def is_time_reference(doc: Doc, chunks: list[Chunk], ex: Expr, t_end: int) -> bool:
    """True when a length of time is no quantity: it places something in time ("three months ago",
    "two days later", "in the past two years", "the next five months") or, written in the singular after
    a number, describes the noun that follows ("a 9 year sentence", "a 3-day trial", "a five-year plan")."""
    nxt = doc[t_end].lower_ if t_end < len(doc) else ""
    if nxt in _TIME_AFTER or doc[t_end : t_end + 2].text.lower() == "from now":
        return True
    first = chunks[ex.c0].tok_start
    if _measured_from_a_point(doc, first, t_end):
        return True
    if first > 0 and doc[first - 1].lower_ in _TIME_BEFORE:
        return True
    written = doc[t_end - 1].lower_.rsplit("-", 1)[-1]  # the unit word itself ("years", "3-day")
    singular = written in TIME_WORDS
    glued = "-" in chunks[ex.c1 - 1].text or (ex.c1 < len(chunks) and chunks[ex.c1].text.startswith("-"))
    if singular and (ex.low != 1 or glued) and t_end < len(doc):
        nxt_tok = doc[t_end]  # "a 3-day trial", "a five-year $700,000 award"
        return nxt_tok.pos_ in ("NOUN", "PROPN", "ADJ", "SYM") or nxt_tok.text in ("-", "$", "£", "€")
    return False


def _measured_from_a_point(doc: Doc, first: int, t_end: int) -> bool:
    """True for a length of time counted into or from a point in time: "less than 48 hours into the new
    year", "two weeks into the strike", "24 hours from his deadline", "a month from Election Day". It says
    when, as "three months ago" does; "put 40 hours into the project" (a verb of spending before it) and
    "six years from 2005 to 2011" (a number after "from") stay amounts."""
    if t_end + 1 >= len(doc):
        return False
    nxt, opener = doc[t_end], doc[t_end + 1]
    if nxt.lower_ == "into":
        verbs = [t for t in doc[max(doc[first].sent.start, first - 4) : first] if t.pos_ == "VERB"]
        return not any(v.lemma_.lower() in _SPEND_INTO for v in verbs)
    return nxt.lower_ == "from" and opener.pos_ in _FROM_OPENERS and not opener.like_num


def is_phone_number(doc: Doc, chunks: list[Chunk], ex: Expr) -> bool:
    """True for a number to call ("call 911", "dial 999", "the 112 number"): digits right after a verb of
    calling, or right before a word of calling."""
    if not ex.digits or ex.currency or ex.rest or ex.low != ex.high or "," in chunks[ex.c0].text:
        return False
    first, last = chunks[ex.c0].tok_start, chunks[ex.c1 - 1].tok_end
    if first > 0 and doc[first - 1].lower_ in _CALL_VERBS:
        return True
    return last < len(doc) and doc[last].lower_ in _CALL_NOUNS and doc[last].tag_ != "NNS"


def is_pair_reference(doc: Doc, chunks: list[Chunk], ex: Expr) -> bool:
    """True for "the two countries", "these two men": a definite "two" refers back to a pair the article
    has named; it does not report a count."""
    if ex.digits or chunks[ex.c0].text.lower() != "two" or ex.c1 - ex.c0 != 1:
        return False
    first = chunks[ex.c0].tok_start
    return first > 0 and doc[first - 1].lower_ in _PAIR_DETERMINERS


def is_negated_one(doc: Doc, chunks: list[Chunk], ex: Expr) -> bool:
    """ "not one soldier", "not a plane": a negation, no count of one."""
    first = chunks[ex.c0].tok_start
    if first == 0 or ex.low != 1 or ex.high != 1:
        return False
    if doc[first - 1].lower_ == "a" and first > 1 and doc[first - 2].lower_ in ("not", "n't"):
        return True  # "Not a one defended him"
    return doc[first - 1].lower_ in ("not", "n't")


# "a third ship", "a fifth term": after "a", a fraction word not followed by "of" counts in order.
_ORDINAL_FRACTIONS = {"third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "twelfth"}


def is_ordinal_article(chunks: list[Chunk], ex: Expr) -> bool:
    """True for "a third ship" (the third in a row), unlike "a third of voters" (a share)."""
    if not ex.article or ex.c1 - ex.c0 != 2 or chunks[ex.c0 + 1].text.lower() not in _ORDINAL_FRACTIONS:
        return False
    return ex.c1 >= len(chunks) or chunks[ex.c1].text.lower() != "of"
