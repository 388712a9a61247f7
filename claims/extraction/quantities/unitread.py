"""Reading what a number counts or measures: a currency before it, a glued or following unit, a rate
("per barrel", "a month") or, for plain counts, the noun phrase the parse attaches it to."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .chunks import Chunk, Expr
from .units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    MEASURES,
    NATIONAL_CURRENCY,
    PER_WORDS,
    TIME_UNITS,
    count_class,
    measure_class,
    singular,
)

_AGE = {"year-old", "years-old", "year-olds", "-year-old", "yr-old"}
_SHAPE_SUFFIXES = ("-long", "-wide", "-high", "-tall", "-deep", "-thick", "-old")
_NOUNISH = {"NOUN", "PROPN"}


@dataclass(slots=True)
class UnitRead:
    unit: str | None = None  # as written
    unit_class: str | None = None
    counted: str | None = None
    c_end: int = 0  # one past the last chunk used
    t_end: int = 0  # one past the last token used (for the evidence)
    measure: bool = False  # a unit of measure or currency, not a counted noun
    plural: bool = False  # the counted noun is plural
    proper: bool = False  # the counted noun is a singular proper name ("49 Zorro Ranch Road")
    rate: str | None = None  # "per day" after a counted noun
    head: int | None = None  # token index of the counted noun
    unknown_glued: bool = False  # glued letters that are no unit ("5G", "3D"): a code, not an amount


def _lookup(chunks: list[Chunk], k: int) -> tuple[str | None, int]:
    """The measure class of the longest unit phrase starting at chunk k, and how many chunks it takes."""
    for size in (3, 2, 1):
        if k + size > len(chunks):
            continue
        if size > 1 and any(chunks[k + i].trail for i in range(size - 1)):
            continue
        written = " ".join(c.text for c in chunks[k : k + size])
        phrase = written.lower()
        if size == 1:
            cls = measure_class(written, glued=False)
            if phrase in ("pound", "pounds"):
                cls = "pound-mass"
        else:
            cls = MEASURES.get(phrase) or CURRENCY_WORDS.get(phrase)
            if cls is None and phrase in ("years old", "year old"):
                cls = "year of age"
        if cls:
            return cls, size
    return None, 0


def read_unit(doc: Doc, chunks: list[Chunk], ex: Expr, sent_end: int) -> UnitRead:
    """What the expression counts or measures (see the module docstring)."""
    k = ex.c1
    last_tok = chunks[ex.c1 - 1].tok_end
    ex.first_tok = chunks[ex.c0].tok_start
    r = UnitRead(c_end=k, t_end=last_tok)
    if ex.currency:
        r.unit, r.unit_class, r.measure = (
            ex.currency,
            CURRENCY_PREFIXES.get(ex.currency.rstrip("."), "dollar"),
            True,
        )
    rest = ex.rest.lstrip("~≈<")
    if rest:
        glued = rest.lstrip("-\u2013")
        for suf in _SHAPE_SUFFIXES:
            if glued.endswith(suf) and glued != "year-old":
                glued = glued[: -len(suf)].rstrip(")]")  # "(121ft)-long": the bracket closes before the shape
        cls: str | None
        if glued.lower() in _AGE or rest.lower() in _AGE:
            cls = "year of age"
        elif glued in CURRENCY_PREFIXES and not r.measure:
            cls = CURRENCY_PREFIXES[glued]  # "1,200€"
        else:
            cls = measure_class(glued, glued=True) or (
                ("-" in glued or None) and MEASURES.get(glued.lower().replace("-", " "))
            )
            if cls is None and glued.lower().endswith("s") and len(glued) > 2:
                cls = measure_class(glued[:-1], glued=True)
        if cls is None and not r.measure and _hyphen_count(doc, rest, glued, last_tok, sent_end):
            # "a 48-page indictment", "a six-cylinder engine": a count of pages, cylinders
            r.unit, r.unit_class, r.counted, r.t_end = glued, count_class(glued), glued, last_tok
            r.measure = True  # read like "a 6.1-inch screen"
            return r
        if cls is None:
            r.unknown_glued = glued.isalpha() or not r.measure
            return r
        if r.measure and cls in ("metre",):
            cls = r.unit_class  # "AUD1.5m" already read as a million
        elif glued in ("m", "b") and _plural_noun_follows(doc, chunks, ex, sent_end):
            # "1.5m barrels", "2m people": a glued m/b before a counted plural is a million/billion
            scale = 1e6 if glued == "m" else 1e9
            ex.low, ex.high = ex.low * scale, ex.high * scale
            ex.rest = ""
            _count_noun(doc, chunks, ex, r, sent_end)
            return r
        elif r.measure:
            pass  # "$5bn" or "1,200€" keeps the currency
        else:
            r.unit, r.unit_class, r.measure = glued, cls, True
        r.t_end = last_tok
    elif k < len(chunks) and k < len(chunks) and chunks[k].tok_start < sent_end and not chunks[k - 1].trail:
        _following_unit(chunks, k, r, ex)
    if r.measure:
        _refine(chunks, ex, r)
        _rate(chunks, r)
        _of_complement(doc, chunks, r, sent_end)
        return r
    _count_noun(doc, chunks, ex, r, sent_end)
    if r.counted is None and r.unit_class is None:
        last = chunks[ex.c1 - 1].tok_end - 1
        while last > chunks[ex.c1 - 1].tok_start and doc[last].is_punct:
            last -= 1  # "to 15,000.": the figure, not the full stop glued to it
        _number_of(doc, doc[last], r)
    return r


# Nouns that stand for a count of what their "of" names: "the number of X ... to 400,000".
_COUNT_NOUNS = {"number", "total", "count", "tally"}
# Verbs that move a count to a new figure, and nouns that name the figure a count stood at.
_CHANGE_VERBS = frozenset(
    ("fall", "rise", "drop", "climb", "grow", "shrink", "decline", "increase", "decrease")
)
_LEVEL_NOUNS = frozenset(("peak", "high", "low", "level", "record"))
# Plural subjects whose figure is a price or a rate, not a count of them ("shares fell to 14").
_PRICED = frozenset(("share", "stock", "price", "rate", "yield", "bond", "future", "cost", "sale", "earning"))


def _number_of(doc: Doc, num: Token, r: UnitRead) -> None:
    """A bare figure that a clause sets for "the number of X" counts X: "cap the number of minors at
    50,000", "limit the number of applications that could be granted to 15,000", "the number of elephants
    has shrunk from 5 million to about 400,000". Only a figure after "at", "to" or "from", and only the
    count noun its clause hangs on or names as subject or object."""
    if num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.lemma_.lower() in _LEVEL_NOUNS:
        num = num.head.head  # "from a peak of 1.6 million": the level's figure
    if num.dep_ != "pobj" or num.head.lower_ not in ("at", "to", "from"):
        return
    for t in list(num.ancestors)[:8]:
        nouns = [t] if t.pos_ == "NOUN" else []
        if t.pos_ in ("VERB", "AUX"):
            nouns = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        for noun in nouns:
            if (
                t.lemma_.lower() in _CHANGE_VERBS
                and noun.dep_ == "nsubj"
                and noun.tag_ == "NNS"
                and noun.lemma_.lower() not in _COUNT_NOUNS | _PRICED
            ):
                # "apprehensions have fallen to 400,000 from a peak of 1.6 million": the subject counted
                r.counted, r.unit, r.unit_class = noun.text, noun.lemma_, count_class(noun.lemma_)
                return
            if noun.lemma_.lower() not in _COUNT_NOUNS:
                continue
            of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
            objs = [c for c in of[0].children if c.dep_ == "pobj" and c.pos_ in _NOUNISH] if of else []
            if objs and objs[0].tag_ in ("NNS", "NNPS"):
                obj = objs[0]
                a = obj.left_edge.i
                while a < obj.i and doc[a].pos_ in ("DET", "PRON", "PART"):
                    a += 1
                r.counted = doc[a : obj.i + 1].text
                r.unit = _lemma_phrase(doc, a, obj.i)
                r.unit_class = count_class(obj.lemma_)
            return
        if t.dep_ in ("ROOT", "ccomp", "parataxis") or t.is_sent_start:
            return  # the clause ends here


# Words after "N-" that make no count: "one-way", "two-time", "20-odd", "30-something", "three-fold".
_NOT_COUNTED_AFTER_HYPHEN = {
    "way",
    "time",
    "times",
    "odd",
    "something",
    "fold",
    "off",
    "plus",
    "sided",
    "handed",
}


def _hyphen_count(doc: Doc, rest: str, glued: str, last_tok: int, sent_end: int) -> bool:
    """True for a number hyphenated to a lower-case noun that describes the next noun ("48-page
    indictment", "six-cylinder engines", "three-bedroom flat"): a count, the way English writes one as a
    modifier. Glued letters without a hyphen ("5G", "3D") stay codes."""
    if not rest.startswith(("-", "\u2013")) or not glued.isalpha() or not glued.islower() or len(glued) < 3:
        return False
    if glued in _NOT_COUNTED_AFTER_HYPHEN:
        return False
    return last_tok < sent_end and doc[last_tok].pos_ in ("NOUN", "PROPN", "ADJ")


def _refine(chunks: list[Chunk], ex: Expr, r: UnitRead) -> None:
    """ "1.19deg C" is Celsius; "the age of 5 years" and "aged 18" are ages."""
    k = r.c_end
    if r.unit_class == "degree" and k < len(chunks) and not chunks[k - 1].trail:
        scale = {
            "c": "celsius",
            "f": "fahrenheit",
            "celsius": "celsius",
            "fahrenheit": "fahrenheit",
            "centigrade": "celsius",
        }.get(chunks[k].text.lower())
        if scale:
            r.unit_class, r.unit, r.c_end = scale, f"{r.unit} {chunks[k].text}", k + 1
            r.t_end = chunks[k].tok_end
    if r.unit_class == "year" and ex.c0 >= 1:
        before = " ".join(c.text.lower() for c in chunks[max(0, ex.c0 - 2) : ex.c0])
        if before.endswith(("age of", "aged")):
            r.unit_class = "year of age"


def _plural_noun_follows(doc: Doc, chunks: list[Chunk], ex: Expr, sent_end: int) -> bool:
    k = chunks[ex.c1 - 1].tok_end
    if chunks[ex.c1 - 1].trail or k >= sent_end:
        return False
    h = noun_head(doc, k, sent_end)
    return h is not None and doc[h].tag_ in ("NNS", "NNPS")


def _following_unit(chunks: list[Chunk], k: int, r: UnitRead, ex: Expr) -> None:
    low = chunks[k].text.lower()
    nat = None
    if chunks[k].text[:1].isupper() and k + 1 < len(chunks) and not chunks[k].trail:
        nat = low
        cls_next, size_next = _lookup(chunks, k + 1)
        if cls_next and (nat, cls_next) in NATIONAL_CURRENCY:
            r.unit = " ".join(c.text for c in chunks[k : k + 1 + size_next])
            r.unit_class = NATIONAL_CURRENCY[(nat, cls_next)]
            r.measure, r.c_end = True, k + 1 + size_next
            r.t_end = chunks[r.c_end - 1].tok_end
            return
    cls, size = _lookup(chunks, k)
    if not cls:
        return
    if r.measure and cls != "pound sterling" and (cls == "count" or cls not in CURRENCY_WORDS.values()):
        return  # "$5 million in" ... the currency already is the unit
    sterling = k + 1 < len(chunks) and chunks[k + 1].text.lower() == "sterling"
    if cls == "pound-mass" and (ex.low >= 1e5 or sterling):
        cls = "pound sterling"
    r.unit = " ".join(c.text for c in chunks[k : k + size])
    r.unit_class, r.measure, r.c_end = cls, True, k + size
    r.t_end = chunks[r.c_end - 1].tok_end


def _rate(chunks: list[Chunk], r: UnitRead) -> None:
    """ "$3500 a month", "barrels per day", "cents per share": the class becomes "X per Y"."""
    k = r.c_end
    if k + 1 >= len(chunks) or chunks[k - 1].trail:
        return
    w = chunks[k].text.lower()
    if w not in PER_WORDS or " per " in (r.unit_class or ""):
        return
    nxt = chunks[k + 1].text
    cls, size = _lookup(chunks, k + 1)
    if cls is None:
        if w not in ("per", "/") or not nxt.isalpha():
            return
        cls, size = singular(nxt), 1
    r.unit_class = f"{r.unit_class} per {cls}"
    r.unit = f"{r.unit} {w} " + " ".join(c.text for c in chunks[k + 1 : k + 1 + size])
    r.c_end = k + 1 + size
    r.t_end = chunks[r.c_end - 1].tok_end


def _of_complement(doc: Doc, chunks: list[Chunk], r: UnitRead, sent_end: int) -> None:
    """ "35 tonnes of material": the thing measured."""
    k = r.c_end
    if k + 1 < len(chunks) and chunks[k].text.lower() == "of" and not chunks[k - 1].trail:
        of_tok = doc[chunks[k].tok_start]
        objs = [c for c in of_tok.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in _NOUNISH and objs[0].i < sent_end:
            obj = objs[0]
            a = min(obj.left_edge.i, obj.i)
            while a < obj.i and doc[a].pos_ in ("DET",):
                a += 1
            r.counted = doc[a : obj.i + 1].text
            r.t_end = obj.i + 1
            if (
                a == obj.i == of_tok.i + 1
                and obj.tag_ == "NN"
                and r.unit
                and r.unit_class is not None
                and not r.unit_class.startswith(("dollar", "percentage"))
                and " per " not in r.unit_class
            ):
                r.unit = f"{r.unit} of {obj.text}"  # "barrels of oil", "tonnes of material"


def noun_head(doc: Doc, k: int, sent_end: int) -> int | None:
    """Index of the head noun of the noun phrase starting at token k (skipping its modifiers), or None."""
    j = k
    glued = 0  # tokens of hyphened compounds passed, which count as one word with the next
    plural_before: int | None = None  # a plural noun the parse hung on a noun after it
    while j < sent_end and j - k - glued < 7:
        t = doc[j]
        if _glued_hyphen(doc, j, sent_end):
            j, glued = j + 2, glued + 2  # "Indiana-based companies", "ex-felons": the word after decides
            continue
        if t.is_quote and j + 1 < sent_end and not doc[j + 1].is_punct:
            j, glued = j + 1, glued + 1  # '60 "yea" votes', '30 "national emergencies"': marks, no words
            continue
        if t.pos_ in _NOUNISH:
            h = t.head
            if k < h.i <= k + 7 and h.i > j and h.pos_ in _NOUNISH and t.dep_ in ("compound", "nmod", "amod"):
                if t.tag_ == "NNS" and j + 1 < sent_end and doc[j + 1].pos_ == "CCONJ":
                    plural_before = j  # "ten militias and training camps": the parse joins the two
                j += 1
                continue
            return j
        if t.pos_ == "ADJ" and t.dep_ == "conj" and k <= t.head.i < j:
            j += 1
            continue  # the second of two joined adjectives
        between_adjs = j > k and j + 1 < sent_end and doc[j + 1].pos_ == "ADJ" and doc[j - 1].pos_ == "ADJ"
        if t.pos_ == "CCONJ" and between_adjs:
            j += 1
            continue  # "digital and physical sales"
        if t.text in ("-", "\u2013") or (
            t.pos_ in ("ADJ", "VERB", "ADV", "NUM")
            and t.head.i > j
            and t.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod", "nummod", "quantmod")
        ):
            if t.pos_ == "NUM" and not t.like_num:
                break
            j += 1
            continue
        break
    return plural_before


# Determiners between a share and its whole without "of" ("half the condos", "half their seats").
_SHARE_DETERMINERS = frozenset(("the", "their", "its", "his", "her", "our", "those", "these", "all"))


def _count_noun(doc: Doc, chunks: list[Chunk], ex: Expr, r: UnitRead, sent_end: int) -> None:
    k = chunks[ex.c1 - 1].tok_end
    if k >= sent_end or chunks[ex.c1 - 1].trail:
        return
    if doc[k].lower_ == "of" and k + 1 < sent_end:
        objs = [c for c in doc[k].children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in _NOUNISH and (objs[0].tag_ in ("NNS", "NNPS") or ex.low < 1):
            obj = objs[0]
            a = k + 1
            while (a < obj.i and doc[a].pos_ in ("DET", "PRON", "PART")) or doc[a].tag_ == "POS":
                a += 1
            _set_count(doc, r, a, obj.i, ex)
        return
    if ex.fraction and doc[k].pos_ in ("DET", "PRON") and doc[k].lower_ in _SHARE_DETERMINERS:
        k += 1  # "half the condos", "half their votes": the share's whole after its determiner
    h = noun_head(doc, k, sent_end)
    if h is None:
        return
    head = doc[h]
    if ex.low != 1 and head.tag_ in ("NN", "NNP") and h > k and doc[k].pos_ == "NOUN" and doc[k].tag_ == "NN":
        h = k  # "12 page document": the first noun is the unit
    cls = _lookup(chunks, ex.c1)[0] if h == k else None
    if cls:
        r.unit, r.unit_class, r.measure = doc[k].text, cls, True
        r.t_end = k + 1
        return
    if doc[k].is_quote and not any(t.is_quote for t in doc[k + 1 : h + 1]):
        k += 1  # '30 "national emergencies" in effect': the quoted words are the counted noun
    _set_count(doc, r, k, h, ex)


def _glued_hyphen(doc: Doc, j: int, sent_end: int) -> bool:
    """True when token j is joined by a hyphen, with no space either side, to a next word ("ex-felons")."""
    return (
        j + 2 < sent_end
        and doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        and not doc[j].whitespace_
        and doc[j + 1].text in ("-", "\u2013")
        and not doc[j + 1].whitespace_
        and doc[j + 2].is_alpha
        and doc[j + 2].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")  # not "barrel-a-day"
    )


def _set_count(doc: Doc, r: UnitRead, a: int, h: int, ex: Expr) -> None:
    while _glued_hyphen(doc, h, len(doc)) and doc[h + 2].pos_ in _NOUNISH:
        h += 2  # "millions of ex-felons": the counted noun is the compound's last word
    head = doc[h]
    r.head = h
    r.counted = doc[a : h + 1].text
    r.unit = _lemma_phrase(doc, a, h)
    first = ex.first_tok
    pre = [
        c
        for c in head.children
        if c.i < first and c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN")
    ]
    if pre and a > first:
        # "the previous two sessions", "a record 32 goals": modifiers written before the number
        r.unit = " ".join(_lemma_phrase(doc, c.left_edge.i, c.i) for c in pre) + " " + r.unit
    r.plural = head.tag_ in ("NNS", "NNPS")
    if (
        h + 2 < len(doc)
        and doc[h + 1].lower_ in ("per", "a", "an")
        and doc[h + 2].lemma_.lower() in TIME_UNITS
    ):
        r.rate = doc[h + 2].lemma_.lower()  # "3,000 tests per day"
        h += 2
    # an integer before a singular proper name is part of it ("787 Dreamliner", "49 Zorro Ranch Road")
    r.proper = head.tag_ == "NNP" and head.text[:1].isupper() and ex.low == int(ex.low) and ex.digits
    r.unit_class = count_class(head.lemma_ if r.plural else head.text)
    if r.rate:
        r.unit_class = f"{r.unit_class} per {r.rate}"
    r.t_end = h + 1


_DROP_POS = {"DET", "PRON", "CCONJ", "ADV", "PART", "PUNCT", "ADP", "NUM", "SYM"}


def _lemma_phrase(doc: Doc, a: int, h: int) -> str:
    """The counted noun phrase as lemmas without determiners, possessives or conjunctions, the way a count's
    unit is named ("Johnson's deputies" -> "Johnson deputy", "first-team players" -> "first-team player")."""
    parts: list[str] = []
    for t in doc[a : h + 1]:
        glued = t.i > a and not doc[t.i - 1].whitespace_
        if (t.pos_ in _DROP_POS and not (t.text == "-" and glued)) or t.tag_ == "POS":
            continue
        # lemmas undo plurals and degrees ("planes" -> "plane", "best" -> "good") but keep the written case
        word = t.lemma_ if t.pos_ in ("NOUN", "ADJ", "VERB") and t.lemma_.lower() != t.lower_ else t.text
        if parts and ((glued and parts[-1] != " ") or t.text == "-"):
            parts.append(word)
        else:
            if parts:
                parts.append(" ")
            parts.append(word)
    return "".join(parts).strip() or doc[h].lemma_
