"""The writer's gloss closing reported words ("said the plan came from Hale, who has denied it", "said he
met Ana Ruiz, a former aide to the mayor"): a relative clause or an apposition set off by a comma on the
last name or noun of the words tells the reader who or what that is. It is the writer's aside, not what
the source said, so the words end before its comma."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from .cues import DENIAL_VERBS, is_speech_verb, is_wish
from .reported import QUOTE_CLOSERS

_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Verbs inside a relative clause that show the source still speaking ("the wall, which he estimates would
# cost $8 billion"), besides the reporting verbs.
_OPINION_VERBS = frozenset({"estimate", "believe", "think", "consider", "call", "describe", "argue", "claim"})
_INDEFINITE = frozenset({"a", "an", "some", "any", "another"})


def _source_speaks(verb: Token) -> bool:
    """True for a verb of saying or opinion with a subject of its own ("which she said were", "which,
    Hale said, is"): someone's words again, not the writer's description; "who has denied it" speaks of
    the noun, and "which the council denied" is a denial of the council's own, no part of these words."""
    if not (is_speech_verb(verb) or verb.lemma_.lower() in _OPINION_VERBS):
        return False
    if verb.lemma_.lower() in DENIAL_VERBS:
        return False  # "the accusations, which Hale has denied": another's denial, the writer's aside
    return any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_WORDS for c in verb.children)


def _present(verb: Token) -> bool:
    """True for a clause in the present ("which Democrats view as costly", "who has denied it"): the
    writer describing the noun as things stand, where a past one ("who then sent it") tells what happened."""
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def _indefinite(noun: Token) -> bool:
    """True for a noun the words bring in as new ("a hacker or a prankster, who then sent it"): a past
    clause on it goes on with what the source said."""
    heads = [noun, *(noun.head for _ in [0] if noun.dep_ == "conj")]
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for h in heads for c in h.children)


def _opens_relative(doc: Doc, left: int) -> bool:
    """True when a relative word opens the clause at `left`, alone ("which Democrats view as costly") or after
    its preposition ("with which the mayor disagrees", "of whom the council knew nothing")."""
    if doc[left].lower_ in _RELATIVE_WORDS:
        return True
    return doc[left].pos_ == "ADP" and left + 1 < len(doc) and doc[left + 1].lower_ in ("which", "whom")


def _gloss_start(tok: Token) -> int | None:
    """Index of the comma opening the gloss `tok` heads (a relative clause's verb or an apposition's
    noun), None when `tok` heads no gloss of the writer's kind."""
    doc = tok.doc
    left = tok.left_edge.i
    if left < 1 or doc[left - 1].text != ",":
        return None
    noun = tok.head
    if noun.pos_ not in _NOUNS or noun.i >= left - 1:
        return None
    if tok.dep_ == "relcl":
        if not _opens_relative(doc, left) or (_indefinite(noun) and not _present(tok)):
            return None
        if any(c.dep_ in ("relcl", "acl") and c.i < tok.i for c in noun.children):
            return None  # "people who think ..., who live ...": the second clause goes on with the first
        if any(_source_speaks(t) for t in tok.subtree):
            return None  # "statistics, which he said were more reliable": the source's own words again
        return left - 1
    if tok.dep_ == "appos" and tok.pos_ in _NOUNS:
        # an apposition that describes a name ("Hale, a former aide"), not one a name describes
        # with its determiner ("Assange, the site's founder"): a bare noun may be what the words make of
        # the name ("appoint Julian Assange, ambassador to the United States")
        introduced = any(c.dep_ in ("det", "poss") and c.i == left for c in tok.children)
        if any(t.dep_ == "conj" and t.head.i == tok.i for t in tok.subtree):
            return (
                None  # "accused Hale, the leader, and two senators of ...": the parse ran the apposition on
            )
        return left - 1 if noun.pos_ == "PROPN" and tok.ent_type_ == "" and introduced else None
    return None


def _others_view(tok: Token) -> bool:
    """True for a relative clause with a subject of its own that tells how somebody else stands to the noun
    ("cuts in spending, with which the mayor disagrees", "a toll, which Democrats view as costly"): the
    writer's, even after words that are only a noun phrase."""
    if tok.dep_ != "relcl":
        return False
    first = tok.doc[tok.left_edge.i]
    if first.pos_ == "ADP":
        if first.head.i != tok.i:
            return False
    elif first.dep_ in ("nsubj", "nsubjpass"):
        return False  # "the toll, which the council approved in May, was unfair": the parse lost the clause
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_WORDS and c.i > tok.left_edge.i
        for c in tok.children
    )


def _last_word(doc: Doc, start: int, end: int) -> int:
    """Index of the last token of [start, end) that is neither punctuation nor space (`start` at the least)."""
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return last


def without_writers_gloss(doc: Doc, start: int, end: int, quoted: list[bool]) -> int:
    """The end of the reported words [start, end) before a gloss of the writer's that closes them; `end`
    when none does, when the gloss is inside a quotation (`quoted` marks the tokens inside quote marks),
    or when cutting would leave fewer than four words."""
    last = _last_word(doc, start, end)
    for tok in doc[start:end]:
        if tok.dep_ not in ("relcl", "appos") or tok.right_edge.i != last:
            continue
        comma = _gloss_start(tok)
        others = _others_view(tok)
        if comma is None or comma - start < (2 if others else 4) or any(quoted[i] for i in range(comma, end)):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[start:comma]) and not others:
            continue  # the words are a noun phrase: the gloss may be all they say of it
        return comma
    return end


def _words_in(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha)


def _bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the punctuation and spaces at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def writers_aside(doc: Doc, start: int, end: int, quoted: list[bool]) -> list[list[tuple[int, int]]] | None:
    """The reported words [start, end) in two parts around a gloss of the writer's set off by commas on the
    subject of the reported clause ("said that the plan, which cuts taxes for the rich, would pass", "said Ana
    Ruiz, the presumptive nominee, had lost support"): a present relative clause or an apposition that tells the
    reader what the subject is, not what the source said of it. None when no such gloss stands inside the
    words, when it is quoted, when the source speaks in it, or when either part is under two words. The span
    keeps the whole clause (it is one stretch of the article); `Claim.words` holds the two parts."""
    for tok in doc[start:end]:
        if tok.dep_ not in ("relcl", "appos"):
            continue
        comma = _gloss_start(tok)
        close = tok.right_edge.i + 1
        if comma is None or comma <= start or close >= end - 1 or doc[close].text != ",":
            continue  # a gloss closing the words is cut by `without_writers_gloss`
        noun = tok.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or not close < noun.head.i < end:
            continue  # only the subject of a clause whose verb follows the aside
        if tok.dep_ == "relcl" and not _present(tok):
            continue  # "the hacker, who then sent it, was ...": a past clause may go on with what was said
        if any(quoted[i] for i in range(comma, close + 1)):
            continue
        before, after = _bounds(doc, start, comma), _bounds(doc, close + 1, end)
        if _words_in(doc, *before) < 2 or _words_in(doc, *after) < 2:
            continue
        return [[before], [after]]
    return None


# Conjunctions that open a clause of the writer's beside the reported one ("..., while House Democrats plan
# to block it", "..., as the county faces a gap") when its tense is not the reported clause's.
_ASIDE_MARKS = frozenset({"while", "as", "whereas"})


def _backshifted(verb: Token) -> bool:
    """True for a clause in the reported past or a modal ("would raise", "had failed", "was"): the tense a
    past reporting verb gives the words it reports."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "MD") for c in verb.children
    )


def _content_clause(noun: Token) -> bool:
    """True when `noun` holds a "that" clause of content ("claims that ...", "fears that ..."), not a
    relative clause ("anger that lasted")."""
    return any(
        c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in noun.children
    )


def _writers_clause(tok: Token, cue: Token) -> bool:
    """True for an adverbial clause the writer adds after the reported clause `tok.head`: a bare participle
    ("..., sparking anger", "..., tapping into worries") that tells what the news did or how it came about,
    or a "while"/"as" clause with a subject of its own in the present while the words were reported in
    the past ("said the toll would rise, while House Democrats plan to block it"): its tense is the
    writer's, not the speaker's."""
    if is_speech_verb(tok) or tok.lemma_.lower() in _OPINION_VERBS:
        return False  # "..., adding that ...": the speaker goes on
    children = list(tok.children)
    marks = [c for c in children if c.dep_ == "mark"]
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.tag_ == "VBG" and not marks and not subjects and not any(c.dep_ == "aux" for c in children):
        # "such as the economy, failing schools and poverty", "paying fines, learning English and paying
        # taxes": after a noun, a participle phrase closed by "and"/"or" is the rest of a list
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children):
            return (
                False  # "would end the fees, beginning in March": what follows the forecast is forecast too
            )
        if any(_content_clause(c) for c in children if c.dep_ == "dobj"):
            # "..., sparking claims that the port would double its fleet": the participle reports what was
            # said in turn, and cutting it would drop that content with the writer's words
            return False
        before = tok.doc[tok.left_edge.i - 2] if tok.left_edge.i >= 2 else None
        listed = any(t.dep_ == "cc" for t in tok.subtree)
        return not (listed and before is not None and before.pos_ in ("NOUN", "PROPN"))
    if len(marks) == 1 and marks[0].lower_ in _ASIDE_MARKS and subjects and marks[0].i == tok.left_edge.i:
        if subjects[0].lower_ in _RELATIVE_WORDS:
            return False
        if marks[0].lower_ != "as" and is_wish(tok) and subjects[0].pos_ != "PRON":
            # "..., while Democrats want a short-term bill": another party's wish set against the words, which
            # is no statement of its own (`cues.is_wish`) and no part of this one
            return True
        return cue.tag_ == "VBD" and _present(tok) and _backshifted(tok.head)
    return False


def without_writers_clause(doc: Doc, start: int, end: int, quoted: list[bool], cue_i: int) -> int:
    """The end of the reported words [start, end) before an adverbial clause of the writer's that closes
    them (see `_writers_clause`), set off by a comma and hung on the reported clause; `end` when none
    does, when it is inside a quotation, or when cutting would leave fewer than four words."""
    if cue_i < 0:
        return end
    last = _last_word(doc, start, end)
    for tok in doc[start:end]:
        if tok.dep_ != "advcl" or tok.right_edge.i != last:
            continue
        comma = tok.left_edge.i - 1
        if comma - start < 4 or doc[comma].text != "," or not start <= tok.head.i < comma:
            continue
        if tok.head.pos_ not in ("VERB", "AUX") or any(quoted[i] for i in range(start, end)):
            continue
        if _writers_clause(tok, doc[cue_i]):
            return comma
    return end


# Nouns by which the writer sums up what the source did or said ("..., a move that angered fishermen", "..., his
# newest bid to calm the fishermen", "-- a sharp reversal from last year"): the writer's reading of the act.
SUMMARY_NOUNS = word_set(
    """
    move step decision reversal effort attempt bid sign signal indication reference nod jab swipe dig rebuke
    shift turnaround departure acknowledgment acknowledgement admission concession echo allusion escalation
    retreat setback blow gambit gesture twist overture u-turn about-face break response reaction retort
    statistic figure
    """
)
_SUMMARY_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "another", "what"})
_SET_OFF = frozenset({",", "--", "\u2014", "\u2015", "\u2013"})


def _summary_start(tok: Token, start: int) -> int | None:
    """Index of the comma or dash opening a summary of the writer's that `tok` heads ("..., a move that ...",
    "..., his newest bid to ..."), None when `tok` heads no such phrase."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SUMMARY_NOUNS or tok.dep_ in ("pobj", "conj", "nsubj"):
        return None
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and doc[left].is_punct:
        left += 1  # the parse may hang the comma or closing mark of a quote before it on the phrase
    if doc[left].lower_ not in _SUMMARY_DETERMINERS or tok.head.i >= left or left - 2 <= start:
        return None
    if _own_object(tok, left):
        return None  # "has paused -- for a week -- her order to ...": what the verb acts on
    if doc[left - 1].text in _SET_OFF:
        if doc[left - 1].text != "," and any(t.text == doc[left - 1].text for t in doc[start : left - 1]):
            return None  # the second of a pair of dashes closes an aside; the words go on after it
        return left - 1
    if doc[left - 1].text in QUOTE_CLOSERS and doc[left - 2].text == ",":
        return left  # 'calling it "unfair," his newest bid to ...': the quote keeps its comma
    return None


def _own_object(tok: Token, left: int) -> bool:
    """True when `tok` is the only object or complement of its verb ("paused -- for a week -- her order"):
    the verb's own argument, not a summary beside the words. 'calling it "unfair," his newest bid', where
    the verb has its object before, is a summary the parse hung on the verb."""
    if tok.dep_ not in ("dobj", "oprd", "attr"):
        return False
    verb = tok.head
    return not any(
        c.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp") and c.i < left and c.i != tok.i
        for c in verb.children
    )


# States and reasons a causal "as" gives ("as he wanted more time", "as she knew the port"), which may be the
# source's own reason: only an "as" clause on an event tells when the writer saw the source speak.
_STATE_VERBS = word_set(
    """
    be have know want need believe think feel fear hope wish expect like love hate see understand remain
    seem own lack deserve mean hold doubt worry consider
    """
)
_SAME_SOURCE = frozenset({"he", "she", "they"})


def without_writers_occasion(doc: Doc, start: int, end: int, quoted: list[bool], cue_i: int) -> int:
    """The end of the reported words [start, end) before an "as" clause in which the writer tells what the
    source was doing when they spoke ("Ana Ruiz said that the port needs a crane as she toured the harbour
    in Dover"): the clause closes the words, its subject is a pronoun for the source, its verb an event in the
    past tense of the cue, while the words are in the present a past cue would have shifted, so the tense is
    the writer's. `end` when there is none, inside a quotation, or when cutting would leave fewer than four
    words."""
    if cue_i < 0 or doc[cue_i].tag_ != "VBD" or any(quoted[i] for i in range(start, end)):
        return end
    source = next((c for c in doc[cue_i].children if c.dep_ == "nsubj"), None)
    if source is None or not (source.pos_ == "PROPN" or source.lower_ in _SAME_SOURCE):
        return end
    last = _last_word(doc, start, end)
    for tok in doc[start:end]:
        if tok.dep_ != "advcl" or tok.right_edge.i != last or tok.tag_ != "VBD":
            continue
        mark = doc[tok.left_edge.i]
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if mark.lower_ != "as" or mark.head.i != tok.i or len(subjects) != 1:
            continue
        if subjects[0].lower_ not in _SAME_SOURCE or (
            source.pos_ != "PROPN" and subjects[0].lower_ != source.lower_
        ):
            continue
        if tok.lemma_.lower() in _STATE_VERBS or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            continue
        cut = mark.i
        while cut > start and (doc[cut - 1].text == "," or doc[cut - 1].is_space):
            cut -= 1
        head = tok.head
        if (
            cut - start < 4
            or not start <= head.i < cut
            or head.pos_ not in ("VERB", "AUX")
            or not _present(head)
        ):
            continue
        return cut
    return end


def without_writers_summary(doc: Doc, start: int, end: int, quoted: list[bool]) -> int:
    """The end of the reported words [start, end) before a noun phrase of the writer's, set off by a comma or a
    dash, that sums up what the source did ("said the pier would close in May, a move that angered the
    fishermen"; see `SUMMARY_NOUNS`); `end` when none closes them, when it is inside a quotation, or when
    cutting would leave fewer than three words."""
    last = _last_word(doc, start, end)
    for tok in doc[start:end]:
        if tok.right_edge.i != last:
            continue
        comma = _summary_start(tok, start)
        if comma is None or comma - start < 3 or any(quoted[i] for i in range(comma, end)):
            continue
        return comma
    return end
