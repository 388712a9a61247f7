"""Where a statement's words end, and what they assert: small checks over the parse that keep the
reporter's words out of a span and a directive or a question out of the speaker's assertions.

Each function reads one token (or one quote) and returns plain values; the callers in `reported`,
`direct` and the package's `_polarity` decide what to do with them.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..actors import word_set
from ..doccache import column
from .cues import frame_of, is_speech_verb, predicated

# Verbs whose object is whom the words were told to ("told the students he ...", "assured voters the
# port ..."), never what was said.
TELLING_VERBS = word_set("tell assure inform remind warn promise notify convince persuade advise caution")
_CLAUSE_ARGS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"})
_PERSONAL = frozenset({"i", "you", "he", "she", "it", "we", "they"})


def told_clause(verb: Token, obj: Token) -> tuple[int, int] | None:
    """Token range of the clause told to `obj` when the parse hung it on the addressee as a relative clause
    ("told the students he understands their anger": no relative word and no gap, the clause has its own
    subject and object); None for a true relative clause ("told the students he taught") or another verb."""
    if verb.lemma_.lower() not in TELLING_VERBS:
        return None
    for clause in obj.children:
        if clause.dep_ != "relcl" or clause.i <= obj.i or clause.left_edge.i != _words_end(obj, clause):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].lower_ not in _PERSONAL or subjects[0].i != clause.left_edge.i:
            continue  # "the students who ...", "the students whom the mayor taught"
        if any(c.dep_ in _CLAUSE_ARGS for c in clause.children):
            return clause.left_edge.i, clause.right_edge.i + 1
    return None


def _words_end(obj: Token, clause: Token) -> int:
    """One past the last of `obj`'s own words (determiner, modifiers) before `clause`."""
    return max(t.i for t in obj.subtree if t.i < clause.left_edge.i) + 1


def quoted_title_object(doc: Doc, start: int, end: int, inside: list[bool], max_words: int) -> bool:
    """True for content that is only a short quoted name in title case, the object of a preposition
    ('appeared on MSNBC's "Morning Joe."', 'spoke on "Fox and Friends"'): a show's or a work's name,
    nobody's words."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    quoted = [t for t in words if inside[t.i]]
    if not quoted or len(quoted) > max_words:
        return False
    heads = [t for t in quoted if not (t.head.i != t.i and t.head in quoted)]
    if not all(t.dep_ == "pobj" for t in heads):
        return False
    alpha = [t for t in quoted if t.is_alpha]
    return (
        bool(alpha)
        and all(t.text[0].isupper() for t in alpha)
        and all(inside[t.i] or t.dep_ in ("poss", "case") or t.head in quoted for t in words)
    )


def first_time_clause(verb: Token) -> tuple[int, int] | None:
    """Token range of the clause after "for the first time" ("conceded for the first time that the port
    lost money", which the parse hangs on "time" as a relative clause): what was said, without the phrase
    that only places the saying; None when the verb has no such phrase."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "at") or prep.i < verb.i:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in ("time", "moment")):
            for clause in obj.children:
                if clause.dep_ in ("relcl", "acl") and clause.left_edge.lower_ == "that":
                    return clause.left_edge.i + 1, clause.right_edge.i + 1
    return None


# tokens from "according" back to the closing quote mark ('," Hale told reporters, according'), not counting
# a short quoted name on the way ('," said Hale on NBC's "Today" show, according')
_RELAY_REACH = 12
_TITLE_REACH = 6  # words of a quoted name skipped on the way back


def trailing_attribution(clause: Token) -> bool:
    """True when `clause`, a clause the parse hangs after a cue, is another source's attribution that ends
    the sentence ('"We will see," Hale said as he left, the Gazette's reporter tweeted'): a reporting verb
    with a subject of its own, set off by a comma, and nothing after it. It relays the sentence; it is no
    part of what was said."""
    if clause.pos_ not in ("VERB", "AUX") or not is_speech_verb(clause):
        return False
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    if not subjects or subjects[0].lower_ in ("it", "this", "that", "which", "who"):
        return False
    first = subjects[0].left_edge.i
    doc = clause.doc
    if first == 0 or doc[first - 1].text != ",":
        return False
    own = [c for c in clause.children if c.i > clause.i and not (c.is_punct or c.is_space)]
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in own):
        return False  # ', Ruiz wrote that ...': a clause of its own
    rest = doc[clause.i + 1 : clause.sent.end]
    return all(t.is_punct or t.is_space or t.i <= clause.right_edge.i for t in rest)


def relays_quote_before(according: Token) -> bool:
    """True when "according to X" follows a quote's own attribution ('"We lost," Hale said, according to
    aides'): X only relays the words of the speaker the quote already names, so the phrase is no
    statement of its own and its words are no part of the quote."""
    doc = according.doc
    j = according.i
    for _ in range(_RELAY_REACH):
        j -= 1
        if j < 0:
            return False
        tok = doc[j]
        if tok.text in ('"', "''", "\u201d") and j + 1 < according.i:
            title = _quoted_name_start(doc, j)
            if title is not None:  # 'said Hale on the "Morning Tide" show, according to': a show's name
                j = title
                continue
        if tok.text in ('"', "''", "\u201d") or tok.is_space or tok.text in (".", "!", "?", ";"):
            return False
        if tok.pos_ in ("VERB", "AUX") and is_speech_verb(tok) and j + 1 < according.i:
            before = doc[max(0, j - 6) : j]
            return any(t.text in ('"', "''", "\u201d") for t in before)
    return False


CONTRAST_WORDS = frozenset({"while", "though", "although", "whereas", "but"})
# Reporting verbs that, after "and", give a second source its turn ("... and Ruiz added that ...").
TURN_VERBS = word_set("say add tell note reply respond counter retort insist argue")


def contrasted_source(doc: Doc, cue_i: int, subject: Token | None) -> int | None:
    """The comma or semicolon that sets off a contrasting source's own attribution inside another's words
    ("Hale says the toll stays, though a board official said it could fall", "..., while the workers have
    said they ..."): the first statement ends there and the second is its source's own; None when the
    cue's subject does not open such a clause right after the conjunction."""
    if subject is None or subject.i >= cue_i or subject.lower_ in ("it", "this", "that", "which", "who"):
        return None
    first = subject.left_edge.i
    if first >= 1 and doc[first - 1].lower_ == "and" and subject.pos_ != "PRON":
        # "Hale said the pier was safe and Ana Ruiz added that ...": a second source takes its turn (a
        # pronoun's "and he added" is the same source going on, `conjoined`'s); any reporting verb with a clause
        # gives the turn too ("..., and people close to him have predicted that ..."), not "and the workers agreed
        # to the plan"
        if doc[cue_i].lemma_.lower() in TURN_VERBS or (
            is_speech_verb(doc[cue_i]) and frame_of(doc[cue_i]) == "clause"
        ):
            return first - 2 if first >= 2 and doc[first - 2].text == "," else first - 1
        return None
    if first < 2 or doc[first - 1].lower_ not in CONTRAST_WORDS or doc[first - 2].text not in (",", ";"):
        return None
    if any(t.is_punct or t.is_space for t in doc[first:cue_i]) and cue_i - first > 8:
        return None
    return first - 2


def _quoted_name_start(doc: Doc, close: int) -> int | None:
    """The opening mark of a short quoted name in title case that the mark at `close` closes ('on the "Morning
    Tide" show'), a word before it, not a comma; None when `close` ends a quote of somebody's words."""
    for k in range(close - 1, max(-1, close - 1 - _TITLE_REACH), -1):
        tok = doc[k]
        if tok.text in ('"', "``", "\u201c"):
            words = [t for t in doc[k + 1 : close] if not t.is_punct]
            before = doc[k - 1] if k > 0 else None
            named = bool(words) and all(t.text[:1].isupper() or not t.is_alpha for t in words)
            return k if named and before is not None and before.is_alpha else None
        if tok.is_space or tok.text in (".", "!", "?", ";", ",", ":", "''", "\u201d"):
            return None
    return None


# "WASHINGTON — ", "HARTFORD, Conn. -- ": a place in capitals (and its state) and a dash opening a line.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\- ]{2,}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?\s*(?:\u2014|\u2013|--|-)\s+"
)

_DATELINE_TOKENS = 24  # a dateline is a few words: "HARTFORD, Conn. --"


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """`start`, or the first token after a dateline that opens the line the words start on ("WASHINGTON —
    Donald Trump Jr. had ...": the place the story was filed from is the reporter's, not the source's)."""
    if start > 0 and not doc[start - 1].text_with_ws.endswith("\n"):
        return (
            start  # the words do not open a line (`doc.text` is rebuilt on each access: never read it here)
        )
    head = "".join(t.text_with_ws for t in doc[start : min(end, start + _DATELINE_TOKENS)])
    m = _DATELINE.match(head)
    if m is None:
        return start
    dateline_end = doc[start].idx + m.end()
    for tok in doc[start:end]:
        if tok.idx >= dateline_end:
            return tok.i
    return start


_ENDS = frozenset({".", "!", "?"})


def only_questions(doc: Doc, start: int, end: int) -> bool:
    """True when the words `doc[start:end]` are nothing but questions ('"Are you suggesting I am enjoying
    this?" Hale replied'): every sentence in them ends in a question mark, the last one too."""
    marks = [t.text for t in doc[start:end] if t.text in _ENDS or t.text == "?!"]
    after = doc[end].text if end < len(doc) else ""
    words = [t for t in doc[start:end] if not (t.is_space or t.is_quote)]
    if words and words[-1].text not in ("?", "?!") and after != "?":
        return False  # '"..., why won't you? I don't understand it," she said': the last sentence states
    if after in _ENDS and (not marks or marks[-1] != after):
        marks.append(after)  # the mark the trimmed span left outside
    return bool(marks) and all(m == "?" for m in marks)


# Verbs that say what their object is by naming it ("called it a common problem", "described the plan as a fraud").
NAMING_VERBS = frozenset({"call", "describe", "label", "dub", "brand", "term", "characterize"})


def speaks(tok: Token) -> bool:
    """True for a reporting verb, or a verb of naming that says what its object is ("called it a fraud")."""
    if is_speech_verb(tok):
        return True
    return (
        tok.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "dobj" for c in tok.children) and predicated(tok)
    )


# Words that may open a participle set off after the reported clause ("-- despite earlier saying ...", ", while
# insisting ...", ", after calling ..."), and what may stand between them and the participle ("a week earlier").
_PARTICIPLE_OPENERS = frozenset(
    {"despite", "after", "before", "while", "since", "when", "even", "though", "although"}
)
_OPENER_DEPS = frozenset({"prep", "mark", "npadvmod", "advmod", "det", "amod", "nummod", "pcomp", "quantmod"})
_OPENER_REACH = 5
_SETTING_OFF = frozenset({",", "--", "-", "\u2014", "\u2013"})


def _participle_opening(doc: Doc, verb: Token, start: int) -> int | None:
    """The comma or dash that sets off the participle `verb` and the words that open it (", saying", "--
    despite a week earlier saying"); None when something else stands before it."""
    j = verb.i - 1
    opened = True
    for _ in range(_OPENER_REACH + 1):
        if j < start:
            return None
        tok = doc[j]
        if tok.text in _SETTING_OFF:
            return j if opened else None
        if tok.pos_ in ("VERB", "AUX", "PUNCT") or tok.dep_ not in _OPENER_DEPS:
            return None
        opened = tok.lower_ in _PARTICIPLE_OPENERS or tok.dep_ not in ("prep", "mark")
        j -= 1
    return None


def set_off_participle(verb: Token, clause: Token) -> int | None:
    """The comma or dash that sets off `verb`, a subjectless reporting participle inside the reported clause
    `clause` ("said he would drop the suit if elected, saying ...", "said he would sign it -- despite a week
    earlier saying he never would"), wherever the parse hangs it in the clause: the participle is the
    writer's account of the source's other words, no part of the clause. None for any other verb, for a
    participle in a relative clause ("a builder who quit after saying ...") and for one that goes on a list
    of deeds ("by making false statements, denying ...")."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "pcomp") or not speaks(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    anc = verb.head
    while anc.i != clause.i:
        if anc.dep_ in ("relcl", "acl") or anc.head.i == anc.i:
            return None
        anc = anc.head
    mark = _participle_opening(verb.doc, verb, verb.sent.start)
    if mark is None or any(
        t.tag_ == "VBG" and t.dep_ in ("pcomp", "conj") for t in verb.doc[clause.i : mark]
    ):
        return None
    return mark


def reporter_participle_end(clause: Token, start: int, end: int) -> int:
    """`end`, or the comma or dash before a reporting participle set off in the reported clause
    (`set_off_participle`): one the parse hangs on the clause's verb, or one deeper that closes the words."""
    doc = clause.doc
    last = _last_word(doc, start, end)
    for i in range(start, min(end, len(doc))):
        verb = doc[i]
        # (nothing but marks after the verb's phrase: the last word before `end` is inside it)
        closes = last <= verb.right_edge.i
        # (one hung on the verb ends them wherever it stands, unless a "while" makes it a time of the clause's)
        hung = verb.head.i == clause.i and not any(c.dep_ == "mark" for c in verb.children)
        if not (hung or closes):
            continue
        mark = set_off_participle(verb, clause)
        if mark is not None and (hung or mark > start) and mark < end:
            end = mark
            last = _last_word(doc, start, end)
    return end


def _last_word(doc: Doc, start: int, end: int) -> int:
    """The index of the last token before `end`, from `start` on, that is neither punctuation nor space
    (`start` - 1 when there is none)."""
    for i in range(min(end, len(doc)) - 1, start - 1, -1):
        tok = doc[i]
        if not (tok.is_punct or tok.is_space):
            return i
    return start - 1


CONCESSIVE_MARKS = frozenset({"though", "although"})
_CONCESSIVE_IDS = frozenset(get_string_id(word) for word in CONCESSIVE_MARKS)
# Verbs by which a concession reports on the source's own telling ("..., though it did not name them", "...,
# although he has not described the mechanism"): the writer's note on what was said, not part of it.
TELLING_NOTE_VERBS = word_set("name mention specify identify describe explain elaborate detail disclose")
# Words by which the writer sets the record straight ("..., even though those laws are in fact state laws").


def _corrects(doc: Doc, start: int, end: int) -> bool:
    words = [t.lower_ for t in doc[start:end]]
    return "actually" in words or any(
        words[i] == "in" and words[i + 1] in ("fact", "reality") for i in range(len(words) - 1)
    )


def writer_concession_end(doc: Doc, start: int, end: int) -> int:
    """`end`, or the comma before a closing concession ("though", "although", "even though") that is the
    writer's note on the reported words rather than part of them: one whose verb tells of the source's telling
    ("..., though it did not name them") or that corrects the record ("..., even though those statutes are in
    fact state laws"). A concession of any other kind may be the source's own and stays."""
    lowers = column(doc, "LOWER")
    for i in range(start + 1, min(end, len(doc))):
        if lowers[i] not in _CONCESSIVE_IDS:  # (the column first: a Token only for "though", "although")
            continue
        mark = doc[i]
        if mark.dep_ != "mark":
            continue
        comma = mark.i - 2 if doc[mark.i - 1].lower_ == "even" else mark.i - 1
        if comma <= start or doc[comma].text != ",":
            continue
        clause = mark.head
        if not (mark.i < clause.i < end) or clause.right_edge.i + 1 < end - 1:
            continue  # the concession must close the words
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        telling = is_speech_verb(clause) or clause.lemma_.lower() in TELLING_NOTE_VERBS
        if telling or _corrects(doc, mark.i + 1, end):
            return comma
    return end


_NEGATIONS = frozenset({"not", "n't", "never"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_HALF_ENDS = frozenset({".", "!", "?", ";", ":", ",", "--", "\u2014", "\u2013", "\u2015"})


def with_contrasted_half(doc: Doc, start: int, end: int) -> int:
    """`end`, or the end of the "but ..." half that a "not" in the words calls for ("took aim not at the
    Senate, but at the House", "are not objecting to his visit, but rather to his remarks", "not only in the
    agency, but at the top"): cut before it, the words say the opposite of what was said. Only a phrase with no
    finite verb of its own, in the same sentence: "did not speak for all of them, but the board replied ..." is
    the writer's next clause."""
    if not any(t.lower_ in _NEGATIONS for t in doc[start:end]):
        return end
    j = end
    while j < len(doc) and doc[j].text in (",", '"', "\u201d", "''"):
        j += 1
    if j >= len(doc) - 1 or doc[j].lower_ != "but" or doc[j].sent.start != doc[end - 1].sent.start:
        return end
    k = j + 1
    while k < len(doc) and doc[k].text not in _HALF_ENDS and not doc[k].is_space and not doc[k].is_sent_start:
        if doc[k].tag_ in _FINITE_TAGS:
            return end
        k += 1
    if k - j < 3:
        return end  # "..., but not yet": no phrase that the "not" set against
    return k


_DANGLING = frozenset({"and", "or", "but", "nor", "&"})
_EDGE_MARKS = frozenset({",", ";", ":", "-", "--", "\u2014", "\u2013"})


def without_dangling(doc: Doc, start: int, end: int) -> int:
    """`end`, or the end before a conjunction left hanging at the words' end ("accused Hale of misleading
    voters and, later, ...", cut where the next verb starts): the conjunction joins the words to the
    reporter's next clause and is no part of them."""
    while end - start > 2 and (doc[end - 1].lower_ in _DANGLING or doc[end - 1].text in _EDGE_MARKS):
        end -= 1
    return end
