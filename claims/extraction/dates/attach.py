"""Where a date expression belongs in the parse: the verb it dates, that verb's tense, and its clause."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

_VERBS = ("VERB", "AUX")
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
# "is due to", "are set to", "is scheduled to", "plans to", "is going to" point to the future.
_FUTURE_LEMMAS = {"due", "set", "schedule", "plan", "expect", "go", "intend", "prepare", "poise"}
# Conditionals: ahead of the writing, unless perfect ("would have been").
_OPEN_MODALS = {"would", "could", "might", "should"}
# Children of the dated verb that start another clause: the evidence stops where they begin.
_CUT = {"ccomp", "advcl", "conj", "parataxis", "dep"}
_MAX_TOKENS = 60
# "will become law after voting on Wednesday": a clause under a word of sequence is ordered against the
# verb it hangs on, not against the day of writing, so it does not take that verb's tense.
_SEQUENCE = {"after", "before", "following", "until", "till"}


_TELLING = {
    "say", "tell", "announce", "warn", "write", "add", "claim", "insist", "argue", "report", "vow",
    "promise", "declare", "state", "note", "explain", "acknowledge", "admit", "suggest", "signal",
}  # fmt: skip


_OPENS_QUOTE = {
    ":",
    '"',
    "\u201c",
    "'",
    "\u2018",
}  # "reports: \"The first time ... in June\"" is the quote's date


def clause_head(span: SpacySpan) -> Token:
    """The verb a date expression attaches to (the expression's own root when there is none)."""
    token = span.root
    for _ in range(8):
        if token.pos_ in _VERBS or token.head is token:
            break
        token = token.head
    # "told them this weekend he would consider it": a date before the subject of a reported clause
    # dates the telling, wherever the parser hung it.
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    marks = [c for c in token.children if c.dep_ == "mark" and c.i < span.start]  # "said that on May 2 ..."
    if (
        token.dep_ == "ccomp"
        and token.head.lemma_ in _TELLING
        and token.head.i < span.start  # the telling comes first, not a quote before "he said"
        and not any(t.text in _OPENS_QUOTE or "\n" in t.text for t in span.doc[token.head.i : span.start])
        and not marks
        and subjects
        and span.end <= subjects[0].left_edge.i
    ):
        return token.head
    return token


def direction(verb: Token, nominal: bool = False) -> int:
    """-1 when the clause reports the past, +1 when it looks ahead, 0 when its tense does not say.

    A conditional looks ahead ("could take place on Tuesday", "would keep it open until Feb. 15"); the
    future seen from the past ("was preparing to vote", "asked them to return on Friday") and a past
    conditional ("would have been") say neither: the day may lie on either side of the writing. Nor
    does a conditional say when a `nominal` date's noun happened ("Monday's debate might not move
    mountains").
    """
    token = verb
    infinitive = False  # under a verb it hangs on as "to ...": that verb's past does not date it
    if not nominal and _sets_out_to(verb):
        return 1  # "candidates running to face him in November": what they set out to do lies ahead
    for _ in range(4):
        aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in aux}
        if words & _FUTURE_AUX or token.lower_ in _FUTURE_AUX:
            return 1
        if words & _OPEN_MODALS or token.lower_ in _OPEN_MODALS:
            # "could take place on Tuesday" looks ahead; "would have been" may lie either side
            return 0 if nominal or "have" in words or token.lemma_ == "have" else 1
        if token.lemma_ in _FUTURE_LEMMAS and any(c.dep_ == "xcomp" for c in token.children):
            if any(a.tag_ == "VBD" for a in aux):
                return 0  # "was expected to", "was preparing to"
            if token.tag_ in ("VBZ", "VBP", "VBG", "JJ") or (
                token.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in aux)  # "is scheduled to"
            ):
                return 1
            if token.tag_ == "VBN" and not aux and token.dep_ in ("advcl", "acl", "amod"):
                return 1  # "Democrats — poised to assume control on Thursday —", "the bill, expected to pass"
        if infinitive and token.tag_ == "VBD":
            return 0
        if infinitive and not nominal and _looks_ahead_from_now(token, aux):
            return 1  # "is trying to pass it by Friday", "candidates running to face him in November"
        if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) or any(a.lemma_ == "have" for a in aux):
            return -1
        if token.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in token.children):
            return -1  # "The congressman over the weekend joked ...": a past tense the tagger read as VBN
        if token.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
            return 0
        if token.head is token:
            break
        if token.dep_ == "pcomp" and token.head.lower_ in _SEQUENCE:
            return 0
        to_infinitive = token.tag_ == "VB" and any(a.tag_ == "TO" for a in aux) and not _perfect(token)
        # "appeared likely to leave Friday": the adjective passes the infinitive on to the verb it hangs on
        infinitive = (token.dep_ in ("xcomp", "advcl") and to_infinitive) or (
            infinitive and token.pos_ == "ADJ"
        )
        token = token.head  # participles and infinitives take the tense of the verb they hang on
    return 0


def _sets_out_to(verb: Token) -> bool:
    """True for a verb set in the present that governs an infinitive of purpose ("is running to face him",
    "candidates running to face him"): the date of the running is that of what it aims at."""
    infinitives = [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp")
        and c.tag_ == "VB"
        and any(a.tag_ == "TO" for a in c.children if a.dep_ == "aux")
        and not _perfect(c)
    ]
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(infinitives) and verb.tag_ == "VBG" and _looks_ahead_from_now(verb, aux)


def _perfect(verb: Token) -> bool:
    """True for a perfect infinitive ("said to have met her on Tuesday"), which looks back."""
    return verb.lemma_ == "have" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _looks_ahead_from_now(token: Token, aux: list[Token]) -> bool:
    """True when the verb an infinitive hangs on is set in the present: a present tense ("is trying to",
    "wants to") or a participle that describes a noun ("candidates running to face him in November").
    What someone sets out to do from now lies ahead; a past verb ("tried to") says nothing."""
    if any(a.lemma_ == "have" or a.tag_ in ("VBD", "MD") for a in aux):
        return False
    if token.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return True
    return token.tag_ == "VBG" and not aux and token.dep_ in ("acl", "relcl")


# Happenings announced ahead of their date: a month or day that dates one in a clause whose tense does
# not say ("up for re-election in November", "by the February deadline") is the coming one.
_SCHEDULED = {
    "election", "re-election", "reelection", "primary", "midterm", "midterms", "runoff", "referendum",
    "ballot", "deadline", "inauguration",
}  # fmt: skip


def dates_scheduled(span: SpacySpan) -> bool:
    """True when the date names the day of a scheduled happening: one of its words just before it ("up
    for re-election in November") or right after it ("the November elections", "a May 1 deadline").
    Words, not the parse: the parser hangs "in November" on the verb as often as on the noun."""
    doc, sent = span.doc, span.sent
    near = [*doc[max(sent.start, span.start - 3) : span.start], *doc[span.end : min(sent.end, span.end + 2)]]
    return any(t.lower_ in _SCHEDULED and t.pos_ in ("NOUN", "PROPN") for t in near)


# What a day is set for when it is said in the present: "is due on Friday", "is scheduled for Thursday",
# "are set for Monday", "is expected on Friday".
_SCHEDULING = {"due", "schedule", "set", "slate", "expect", "plan", "timetable"}
# Present tellings look back ("the mayor says on Monday" tells of a saying done), as do verbs of knowing.
_REPORTING_PRESENT = _TELLING | {
    "confirm", "deny", "reveal", "insist", "accuse", "blame", "call", "know", "think", "believe", "show",
    "want", "need", "seem", "appear", "remain",
}  # fmt: skip


def scheduled_present(verb: Token) -> bool:
    """True when a weekday's clause tells, in the present, what is scheduled: "a dredger is due on
    Friday", "the vote is scheduled for Thursday", "talks resume Monday" (news write what is to come on
    a named day in the simple present; a present telling, "the mayor says on Monday", is not one)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux)
    if not present or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux):
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
    if verb.lemma_ in _SCHEDULING or any(
        c.lemma_ in _SCHEDULING or c.lower_ in _SCHEDULING for c in complements
    ):
        return True
    return (
        verb.tag_ in ("VBZ", "VBP")
        and not aux
        and verb.pos_ == "VERB"
        and verb.lemma_ not in _REPORTING_PRESENT
        and verb.dep_ in ("ROOT", "conj", "ccomp")
    )


def is_a_scheduled_day(span: SpacySpan) -> bool:
    """True when a day is said, in the present, to be that of a scheduled happening ("Tuesday is the
    deadline", "the deadline is Tuesday"): the coming one."""
    root = span.root
    verb = root.head
    if verb.lemma_ != "be" or root.dep_ not in ("nsubj", "attr"):
        return False
    other = [c for c in verb.children if c.dep_ in ("nsubj", "attr") and c.i != root.i]
    return any(c.lower_ in _SCHEDULED or c.lemma_ in _SCHEDULED for c in other)


# Words that put what follows them ahead of the telling: "ahead of Thursday's debate", "in advance of his
# appearance on Thursday", "in the run-up to Saturday's vote".
_AHEAD_OF = {("ahead", "of"), ("advance", "of"), ("run-up", "to"), ("preparation", "for")}


def ahead_of(span: SpacySpan) -> bool:
    """True when the date belongs to a happening that a clause is said to come ahead of ("campaigning
    ahead of Thursday's debate and Saturday's straw poll"): a coming one, whatever the clause's tense."""
    for token in [span.root, *list(span.root.ancestors)[:6]]:
        if token.dep_ == "pobj" and (token.head.head.lower_, token.head.lower_) in _AHEAD_OF:
            return True
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "acl":
            break  # another clause: what it comes ahead of is not this date's
    # the words, where the parse joins the second of two happenings elsewhere ("ahead of Thursday's
    # debate and Saturday's straw poll"): only noun phrases and "and" between
    doc, i = span.doc, span.start - 1
    while i > span.sent.start + 1 and doc[i].pos_ in _IN_NOUN_LIST:
        i -= 1
    if i - 1 < span.sent.start:  # the date opens its sentence (or follows its first word): nothing before
        return False
    return (doc[i - 1].lower_, doc[i].lower_) in _AHEAD_OF


_IN_NOUN_LIST = {"PROPN", "NOUN", "PART", "CCONJ", "DET", "ADJ", "NUM"}

# Nouns of what is arranged ahead: "plans for a protest at the harbour on Friday", "a proposal to vote on
# Tuesday". The clause that reports them may be past ("This prompted plans for ..."); the day planned is not.
_PLAN_NOUNS = {"plan", "plans", "schedule", "proposal", "invitation"}
_IN_NOUN_PHRASE = {"PROPN", "NOUN", "DET", "ADJ", "ADP", "NUM", "PART"}


def in_a_plan(span: SpacySpan) -> bool:
    """True when the date closes a noun phrase headed by a plan ("plans for a same-sex kiss-in at the
    restaurants on Friday"): words, not the parse, which often hangs the date on the clause's verb. Only
    nouns, adjectives, determiners and prepositions may stand between."""
    doc, sent = span.doc, span.sent
    for i in range(span.start - 1, max(sent.start, span.start - 12) - 1, -1):
        token = doc[i]
        if token.pos_ == "NOUN" and token.lower_ in _PLAN_NOUNS:
            return True
        if token.pos_ not in _IN_NOUN_PHRASE and token.text != "-":
            return False
    return False


def names_a_scheduled_noun(span: SpacySpan) -> bool:
    """True when the date is written as the name of a scheduled happening right after it ("by the
    February deadline", "the November election"): the one nearest the writing, whatever the tense."""
    doc = span.doc
    return span.end < span.sent.end and doc[span.end].lower_ in _SCHEDULED and doc[span.end].pos_ == "NOUN"


def evidence(verb: Token, span: SpacySpan, text: str) -> tuple[int, int]:
    """Character offsets of the clause that carries the date: the dated verb with its arguments.

    A relative clause or participle ("the agreement that they signed in May 2001", "an agreement
    inked 18 years ago") brings its noun along; clauses hanging off the verb that do not contain the
    date ("..., flight tracking showed") are left out. `text` is the doc's text (passed in because
    `Doc.text` is rebuilt on every access).
    """
    sent = span.sent
    if verb.pos_ not in _VERBS:
        left, right = sent.start, sent.end - 1
    else:
        left, right = verb.left_edge.i, verb.right_edge.i
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            left = min(left, verb.head.left_edge.i)
        for child in verb.children:
            if child.dep_ not in _CUT or child.left_edge.i <= span.start <= child.right_edge.i:
                continue
            if child.i > span.end - 1:
                right = min(right, child.left_edge.i - 1)
            elif child.i < span.start:
                left = max(left, child.right_edge.i + 1)
    left, right = max(left, sent.start), min(right, sent.end - 1)
    if right - left > _MAX_TOKENS:
        left, right = max(left, span.start - _MAX_TOKENS // 3), min(right, span.end + _MAX_TOKENS // 3)
    left, right = min(left, span.start), max(right, span.end - 1)
    doc = span.doc
    while left < span.start and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ == "cc"):
        left += 1
    while right > span.end - 1 and (doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "cc"):
        right -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    # The parser sometimes runs a headline into the first paragraph; evidence stays on the date's line.
    line_start = text.rfind("\n", start, span.start_char) + 1
    line_end = text.find("\n", span.end_char, end)
    start = max(start, line_start) if line_start else start
    end = line_end if line_end >= 0 else end
    while start < span.start_char and text[start].isspace():
        start += 1
    while end > span.end_char and text[end - 1] in " \t,;:-":
        end -= 1
    return start, end


def dates_a_verb(span: SpacySpan) -> bool:
    """True when the date is when a clause's action happened ("In October 2016, Mr. Stone exchanged
    emails", "He was hired on March 3, 2017"), not a name or a noun's date ("the attacks of Sept. 11,
    2001", "the Nov. 8, 2016, election")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        root = root.head  # "exchanged emails on Oct. 3, 2016": the preposition hangs on the verb
    return root.dep_ in ("prep", "npadvmod", "advmod") and root.head.pos_ in ("VERB", "AUX")


def modifies_noun(span: SpacySpan) -> bool:
    """True when the date is part of a noun phrase ("Monday's debate", "the Wednesday hearing")."""
    root = span.root
    return root.dep_ in ("poss", "compound") and root.head.pos_ in ("NOUN", "PROPN")


def counted_not_year(span: SpacySpan) -> bool:
    """True when a bare 'year' is really a count ("in 2000 homes"): a number modifying a plural noun, or
    the first of a range whose last one does ("rose from 1950 to 2000 feet")."""
    doc, end = span.doc, span.end
    for token in span:
        if token.like_num and token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS"):
            return True
        joined = token.like_num and token.dep_ == "conj" and token.head.like_num
        if joined and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "NNS":
            return True  # "between 1500 and 2000 soldiers": the parser joins the two numbers
    if end + 1 < len(doc) and doc[end].lower_ in ("to", "through", "-", "\u2013") and doc[end + 1].like_num:
        other = doc[end + 1]
        return other.dep_ in ("nummod", "quantmod") and other.head.tag_ in ("NNS", "NNPS")
    return False


_MODIFIER_DEPS = {"compound", "nummod", "amod", "poss", "nmod", "npadvmod"}


# Nouns of a happening a date may hang on through a preposition ("in advance of his appearance on
# Thursday", "ahead of the mayor's visit on Friday"): the noun is what the date dates, not the clause's
# verb ("sent a letter ... in advance of his appearance on Thursday" dates the appearance). Other nouns
# ("signed by 90 members on Thursday") leave the verb dated, however the parser hung the date. Only
# nouns of one person's or one body's public act: "meeting", "interview" or "hearing" name the
# occasion of many acts ("said in an interview on Wednesday" dates a telling; "a grand jury scheduled to
# meet" and "a larger meeting ... on Wednesday" are two gatherings).
_HAPPENING_NOUNS = frozenset(
    """appearance visit speech address lecture talk remarks testimony vote debate rally ceremony
    conference inauguration""".split()  # noqa: SIM905
)


def dated_word(span: SpacySpan, verb: Token) -> str | None:
    """What the date dates: the noun it modifies ("the 2001 deal", "Tuesday's caucus", "his visit on
    Thursday"), else the verb."""
    root = span.root
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and not span.start <= head.i < span.end:
        return head.text
    prep = root if root.dep_ == "prep" else head if root.dep_ == "pobj" and head.dep_ == "prep" else None
    if (
        prep is not None
        and prep.lower_ in ("on", "at")
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in _HAPPENING_NOUNS
        and not span.start <= prep.head.i < span.end
    ):
        return prep.head.text  # "in advance of his appearance on the campus on Thursday morning"
    return verb.text if verb.pos_ in _VERBS else None
