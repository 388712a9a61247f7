"""Attribution asides opened by "as": "As Tom Hale noted, the ferry has lost money", "The harbour, as the
mayor's advisers pointed out, rarely floods", "..., as a Homeland Security memo put it."

The aside names who holds the words of the clause around it, and says nothing of its own: its verb takes no
clause or object (only "put it", "pointed out", "told reporters"), so the parse, which reads "as" as a
preposition or the verb as the sentence's root, hangs the wrong content on it or none. Read from the words:
"as", a source, a reporting verb, at most a place or time phrase, and a comma or the sentence's end.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from ..doccache import verbs
from .reported import Found, clause_end, clause_start, trimmed

# Verbs that, in "as X <verb>, ...", say that X said the clause: asserting verbs only (an aside of a
# promise or a warning, "as he warned, the pier fell", tells the outcome, not what was said).
ASIDE_VERBS = word_set(
    """
    say put note point observe write explain state report suggest argue remark acknowledge tell announce
    confirm claim insist maintain contend assert emphasize emphasise stress recall testify concede tweet
    """
)
# Words that may stand between a sentence's start or a comma and "as" ("But as Hale noted", "just as").
_LEADS = frozenset({"and", "but", "yet", "or", "so", "just", "much", "exactly"})
# "as" in these phrases is no aside ("as if", "as well as", "as long as", "as expected", "as part of").
_NOT_AFTER_AS = frozenset({"if", "though", "well", "soon", "long", "far", "of", "to", "for", "part", "usual"})
_BOUNDARY = frozenset({",", ".", "!", "?", ")", "--", "\u2014", "\u2013"})
_STOPS = frozenset({";", ":", '"', "''", "``", "\u201c", "\u201d", "that", "whether", "if", "because"})
# The writer and the reader are no source ("as I have suggested", "as we noted", "as you know"), nor a thing.
_NOT_SOURCES = frozenset({"i", "we", "me", "us", "you", "it", "this", "that"})
# Tokens from "as" to the verb (a source with an apposition: "Jane Doe, a tax lawyer, ...") and from the verb
# to the aside's end ("put it in a statement to a colleague in July").
_REACH_BEFORE = 30
_REACH_AFTER = 14
_QUOTES = frozenset({'"', "''", "``", "\u201c", "\u2018", "'"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def aside_at(tok: Token) -> Found | None:
    """The statement whose source an "as" aside with cue `tok` names, or None when `tok` is no such cue."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in ASIDE_VERBS or tok.tag_ == "VBG":
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None  # "..., as Hale told Congress on Oct. 28, that the FBI had ...": a clause of its own
    sent = tok.sent
    passive = _passive_source(tok)
    if passive is not None:
        as_i, subject = passive  # "As reported by the Gazette, ...", "as stated in the board's letter, ..."
    else:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return None  # "as was noted", "as reported earlier": no source of its own here
        found_as = _as_before(tok)
        if found_as is None:
            return None
        as_i = found_as
        source = _source(tok, as_i)
        if source is None:
            return None
        subject = source
    end = _aside_end(tok)
    if end is None:
        return None
    doc = tok.doc
    opener = as_i
    while opener > sent.start and (doc[opener - 1].lower_ in _LEADS or doc[opener - 1].text == ","):
        opener -= 1  # "But as Hale noted", "Yet, as Hale noted"
    before = as_i - 1
    while before >= sent.start and doc[before].is_space:
        before -= 1
    para_end = (
        next((t.i for t in doc[end : sent.end] if "\n" in t.text or "\n" in t.whitespace_), sent.end - 1) + 1
    )
    if opener == sent.start or all(t.is_space for t in doc[sent.start : opener]):
        if doc[end].text != ",":  # "As Tom Hale noted, the ferry ...": the clause after the aside
            return None
        content = trimmed(doc, end + 1, para_end)
    elif doc[before].text in (",", "(", "--", "\u2014", "\u2013"):
        rest = trimmed(doc, end + 1, para_end)
        if doc[end].text == "," and rest[0] < rest[1] and _quoted(doc, rest[0] - 1):
            content = rest  # '..., as The Gazette put it, "the port's lifeline."': the quote
        elif doc[end].text == "," and any(t.text in _QUOTES for t in doc[rest[0] : rest[1]]):
            return None  # 'judges do not, as Hale once said, only call "balls and strikes"': his words are the quote
        elif doc[end].text == "," and any(t.lower_ in ("and", "but", "yet", "or") for t in doc[opener:as_i]):
            content = rest  # "..., and, as TPM notes, his district is 35 percent Latino": the conjunct after
        elif doc[end].text == ",":
            # "The harbour, as the advisers pointed out, rarely floods": the clause around the aside
            content = trimmed(doc, clause_start(doc, sent.start, before), clause_end(doc, end + 1, para_end))
        else:  # "..., as a Homeland Security memo put it.": the clause before
            content = trimmed(doc, clause_start(doc, sent.start, before), before)
    else:
        return None
    # '..., as Hale put it, "Who will pay?"': the quote after the aside is the source's own words
    quoted = content[0] > end and _quoted(doc, content[0] - 1) and _whole_quote(doc, content)
    if (
        not quoted
        and content[1] > content[0]
        and "?" in (doc[content[1] - 1].text, doc[min(content[1], len(doc) - 1)].text)
    ):
        return None  # a clause the writer asks with the source's help ("as Hale noted, who will pay?") asserts nothing
    if content[1] - content[0] > 1 and doc[content[1] - 1].text == ".":
        content = (content[0], content[1] - 1)
    if not _says_something(doc, content, (as_i, end), mid=doc[end].text == "," and content[0] < as_i):
        return None
    cue_end = tok.i + 2 if tok.lemma_.lower() in ("put", "point") else tok.i + 1  # "put it", "pointed out"
    return Found(content, (tok.i, cue_end), tok.i, subject, direct=quoted, confidence=0.8)


# What a passive aside's "in" phrase may name as the source: a text ("as stated in the board's report").
_TEXT_NOUNS = word_set(
    "report reports statement letter memo column commentary editorial article op-ed filing complaint ruling study"
)


def _passive_source(tok: Token) -> tuple[int, Token] | None:
    """(index of "as", source) for a passive aside that names its source after the verb ("As reported by the
    Gazette, ...", "as first noted by Tom Hale, ...", "As stated in the board's report, ..."); None for any
    other verb, and for a passive that names none ("as reported earlier", "as was noted")."""
    if tok.tag_ != "VBN" or any(c.dep_ in ("nsubjpass", "nsubj") for c in tok.children):
        return None
    doc = tok.doc
    j = tok.i - 1
    while j > tok.sent.start and doc[j].tag_ == "RB" and doc[j].lower_ != "as":
        j -= 1  # "as first reported by", "as previously stated in"
    if doc[j].lower_ != "as":
        return None
    for prep in tok.children:
        if prep.i <= tok.i or prep.dep_ not in ("agent", "prep"):
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if not objs or objs[0].lower_ in _NOT_SOURCES or objs[0].ent_type_ in ("DATE", "TIME"):
            continue
        if prep.dep_ == "agent":
            return j, objs[0]
        if prep.lower_ == "in" and objs[0].lemma_.lower() in _TEXT_NOUNS:
            # "in Hale's commentary": the words are its writer's
            owner = next((c for c in objs[0].children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            return j, owner or objs[0]
    return None


def _whole_quote(doc: Doc, content: tuple[int, int]) -> bool:
    """True when the content is one quotation: it opens after a quotation mark and its only other mark is the
    one that closes it, at its end."""
    marks = [t.i for t in doc[content[0] : min(len(doc), content[1] + 1)] if t.text in _QUOTES]
    return len(marks) <= 1 and all(i >= content[1] - 1 for i in marks)


def _as_before(tok: Token) -> int | None:
    """Index of the "as" that opens the aside of `tok`, with only the source between them."""
    doc = tok.doc
    for j in range(tok.i - 1, max(tok.sent.start - 1, tok.i - _REACH_BEFORE), -1):
        word = doc[j]
        if word.lower_ == "as":
            after = doc[j + 1]
            return None if after.lower_ in _NOT_AFTER_AS or after.i == tok.i else j
        if word.text in _STOPS or (word.is_space and "\n" in word.text):
            return None
        if word.pos_ == "VERB" and word.tag_ in _FINITE:
            return None  # "as officials say the bridge is unsafe": a clause, not a source
    return None


def _source(tok: Token, as_i: int) -> Token | None:
    """The head of the source between "as" and the verb ("one of the mayor's advisers", "Tom Hale")."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and as_i < c.i < tok.i]
    if not subjects:
        inside = range(as_i + 1, tok.i)
        heads = [
            t
            for t in tok.doc[as_i + 1 : tok.i]
            if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        ]
        subjects = heads[:1]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in _NOT_SOURCES or subject.ent_type_ in ("DATE", "TIME"):
        return None
    return subject


def _aside_end(tok: Token) -> int | None:
    """Index of the comma or final mark that closes the aside after its verb; None when the verb governs
    anything but a place, a time, whom it was told or the "it" of "put it"."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    first = tok.i + 1
    if lemma == "put":
        if first >= len(doc) or doc[first].lower_ != "it":
            return None  # "as he put the plan": no aside
        first += 1
    if lemma == "point":
        if first >= len(doc) or doc[first].lower_ != "out":
            return None
        first += 1
    for k in range(first, min(len(doc), tok.sent.end, first + _REACH_AFTER)):
        word = doc[k]
        if word.text in _BOUNDARY:
            return k
        if word.pos_ in ("VERB", "AUX") or word.text in _STOPS:
            return None  # "as the mayor said it would be", "as Eric Garner said before he died"
        if word.dep_ == "dobj" and word.head.i == tok.i and lemma != "tell":
            return None  # "as she said goodbye", "as he explained the plan": the verb's own object
    return None


def _quoted(doc: Doc, i: int) -> bool:
    """True when token `i` or the one after it is an opening quotation mark."""
    return any(t.text in _QUOTES for t in doc[max(0, i) : i + 2])


def _says_something(doc: Doc, content: tuple[int, int], aside: tuple[int, int], mid: bool) -> bool:
    """True when the content holds at least three words outside the aside and a finite verb; an aside set
    in a clause between commas ("The harbour, as ..., rarely floods") needs only two words after it (the
    parse often reads such a clause's verb as a noun)."""
    words = [t for t in doc[content[0] : content[1]] if not (aside[0] <= t.i <= aside[1])]
    if sum(1 for t in words if t.is_alpha) < 3:
        return False
    if mid:
        return sum(1 for t in words if t.is_alpha and t.i > aside[1]) >= 2
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE for t in words)


def with_asides(doc: Doc, inside_quote: list[bool], reported: list[Found]) -> list[Found]:
    """`reported` with the statements of "as" asides outside quotations, each in place of what the parse hung
    on the same verb (a wrong object, "as the advisers pointed out, rarely floods")."""
    # aside_at passes only a verb
    asides = [a for tok in verbs(doc) if not inside_quote[tok.i] and (a := aside_at(tok)) is not None]
    if not asides:
        return reported
    cues = {a.cue_i for a in asides}
    return [r for r in reported if r.cue_i not in cues] + asides
