"""Direct quotations as statements: the quote, its reporting cue before or after, and continuations.

A quote is a statement when a reporting verb governs it or stands next to it ("...," she said;
"..." said Maduro; He said: "..."), or when it is a whole sentence (a continuation of the last
speaker). A short quoted phrase inside a sentence with no cue is a scare quote, not a statement.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from .acts import PERCEIVING_VERBS, is_act
from .cues import (
    ASKING_WORDS,
    WANTING_VERBS,
    WISH_VERBS,
    cue_probability,
    frame_of,
    is_hypothetical,
    is_intention,
    is_legal_charge,
    is_naming,
    is_speech_verb,
    lemma_probability,
    put_to_someone,
    verb_forms,
)
from .quotes import TITLING_WORDS, WORK_NOUNS, Quote, title_cased
from .reported import Found, subject_of, trimmed
from .speakers import GOVERNMENT_WORDS, OUTLET_WORDS

SCARE_MAX_WORDS = 3  # quoted phrases this short need a cue that governs them
AFTER_WINDOW = 8  # tokens after the closing mark where "she said" may stand
TAG_WORDS = 7  # tokens of a party tag in brackets after a name ("(D-Md.)", "(R-S.C.)")
BEFORE_WINDOW = 25
STOPS = frozenset({".", "!", "?", ";", "(", ")", "[", "]"})
DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})


# Verbs that, with "back", answer somebody ('Hale shot back, "..."', "fired back").
RETORT_VERBS = word_set("shoot fire hit snap")


def _is_cue_word(tok: Token) -> bool:
    # Next to a quotation the parse often leaves the verb without the quote as its clause, so the
    # lemma's overall rate counts as well as the frame's (both from the learned lexicon).
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if _retort(tok):
        return True
    return is_speech_verb(tok) or lemma_probability(tok) >= 0.25 or cue_probability(tok, frame_of(tok)) >= 0.3


def _retort(tok: Token) -> bool:
    """True for a verb that answers somebody with "back" ('After the governor criticized her, Ruiz shot back,
    "..."', "fired back")."""
    return tok.lemma_.lower() in RETORT_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children
    )


# Forms of reporting verbs the tagger may read as nouns right after a quote ('"...," Hale says of the fares',
# '"...," the two write.').
NOUN_TAGGED_CUES = frozenset({"says", "said", "writes", "write", "wrote", "adds", "added", "tells", "told"})
_SUBJECT_PHRASE = frozenset({"DET", "NUM", "PROPN", "NOUN", "ADJ", "PRON"})


def _noun_tagged_cue(doc: Doc, close: int, after: list[Token]) -> Token | None:
    """A reporting verb the tagger read as a noun after a quote that closes on a comma ('"It's fine," Hale says
    of the fares.'): a form of "say", "write", "add" or "tell" after a short noun phrase that follows the closing
    mark, itself followed by the sentence's end or a preposition; None otherwise."""
    if close < 1 or doc[close - 1].text not in (",", "?", "!"):
        return None
    for tok in after:
        if tok.lower_ in NOUN_TAGGED_CUES and tok.pos_ in ("NOUN", "PROPN"):
            phrase = doc[close + 1 : tok.i]
            if not 1 <= len(phrase) <= 4 or any(t.pos_ not in _SUBJECT_PHRASE for t in phrase):
                return None
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.text in (".", ",", "!", "?") or nxt.pos_ == "ADP" or nxt.is_space:
                return tok
            return None
    return None


def _governs(verb: Token, quote: Quote) -> bool:
    """True when the quote hangs from `verb` in the parse (directly or through its own root)."""
    doc = verb.doc
    for tok in doc[quote.start : quote.end]:
        if tok.head.i == verb.i:
            return True
        if verb.i in {a.i for a in tok.ancestors} and not (quote.start <= tok.head.i < quote.end):
            # Before the verb, not through a phrase that only places the words ('On NBC's "Today" show,
            # Trump told ...').
            if quote.end > verb.i:
                return True
            path = [tok]
            while path[-1].head.i != verb.i:
                path.append(path[-1].head)
            return not any(t.dep_ in ("pobj", "poss", "nmod", "npadvmod") for t in path)
    return False


_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _in_another_clause(verb: Token, quote: Quote) -> bool:
    """True when `quote`, after `verb`, hangs on it only through a clause joined to it with a subject of its own:
    '"Are you cold?" she said, but Tom was asleep, and as the captain went on about "how the tides turn," ...': the
    later quote is in the captain's clause (narration here), not what "she said" (which was the quote before the
    cue). A clause of that kind whose verb is itself a cue ('..., and Hale added, "..."') is found nearer first; one
    whose subject is a pronoun may be the source going on, and keeps the cue."""
    doc = verb.doc
    if verb.i > quote.open_i:
        return False
    for tok in doc[quote.start : quote.end]:
        if quote.start <= tok.head.i < quote.end or tok.head.i == tok.i:
            continue
        step = tok.head
        while step.i != verb.i and step.head.i != step.i:
            if (
                step.dep_ == "conj"
                and step.pos_ in ("VERB", "AUX")
                # a pronoun may be the source going on ('Hale said ... that the pier was unsafe, and he had seen
                # the report that "..."'): only a named or described other party takes the quote away
                and any(c.dep_ in _OWN_SUBJECTS and c.pos_ != "PRON" for c in step.children)
            ):
                return True
            step = step.head
        return False
    return False


def _cue_for(doc: Doc, quote: Quote, inside: list[bool], paras: list[int]) -> Token | None:
    """The reporting verb that introduces `quote`, or None."""
    close = quote.close_i if quote.close_i is not None else quote.end - 1
    para_open, para_close = paras[quote.open_i], paras[close]
    after: list[Token] = []
    # A quote closed by a full stop ended its sentence: what follows ('"... tired." He added that ...')
    # is a new sentence of narration with its own cue, not this quote's.
    ended = quote.close_i is not None and close > quote.open_i + 1 and doc[close - 1].text == "."
    skip_to, reach = -1, close + 1 + AFTER_WINDOW
    for tok in doc[close + 1 : min(len(doc), reach + TAG_WORDS)] if not ended else ():
        if tok.i < skip_to or (tok.is_space and "\n" not in tok.text):
            continue
        if tok.text == "(" and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN":
            shut = next((t.i for t in doc[tok.i : tok.i + TAG_WORDS] if t.text == ")"), None)
            if shut is not None:  # 'Rep. Tom Hale (D-Md.) said': a party tag after a name is no aside
                skip_to, reach = shut + 1, reach + shut + 1 - tok.i
                continue
        if tok.i >= reach:
            break
        if paras[tok.i] != para_close or tok.is_space or inside[tok.i] or tok.text in STOPS:
            break  # an aside in brackets ("(The union later withdrew it.)") is the writer's, not a cue
        after.append(tok)
    before: list[Token] = []
    for tok in reversed(doc[max(0, quote.open_i - BEFORE_WINDOW) : quote.open_i]):
        if tok.is_space and "\n" not in tok.text:
            continue
        if paras[tok.i] != para_open or tok.is_space or inside[tok.i] or tok.text in STOPS:
            break
        before.append(tok)
    if before and before[0].text in (":", ","):
        retort = next((t for t in before[1:4] if _retort(t)), None)
        if retort is not None:
            return retort  # 'After the governor criticized her, Ruiz shot back, "...": the reply, not the criticism
    for tok in after + before:
        if _is_cue_word(tok) and _governs(tok, quote) and not _in_another_clause(tok, quote):
            nearer = [t for t in before if t.i > tok.i and t.tag_ == "VBG" and is_speech_verb(t)]
            if tok.i < quote.open_i and nearer and _introduces(nearer[0], quote):
                # '"...," Hale said, adding later, "...": the parse hangs the second quote on "said"; the
                # participle right before it is its own cue
                return nearer[0]
            if tok.i < quote.open_i and not is_speech_verb(tok):
                # 'The ad shows Ruiz saying during the debate, "..."': the parse hangs the quote on "shows";
                # the reporting verb between them introduces it.
                nearer = [t for t in before if t.i > tok.i and is_speech_verb(t)]
                if nearer:
                    return nearer[0]
            return tok
    if not before:
        # 'He wrote:' closing the previous paragraph introduces a quote that opens this one.
        i = quote.open_i - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i >= 0 and doc[i].text == ":" and not inside[i]:
            colon = doc[i]
            verbs = [t for t in colon.sent if t.i < colon.i and _is_cue_word(t) and not inside[t.i]]
            return verbs[-1] if verbs else colon
        bare = _bare_attribution_before(doc, quote, inside, paras)
        if bare is not None:
            return bare
    # The parse may split "..., he said." off: a cue right after the mark still belongs to the quote.
    for tok in after:
        if _is_cue_word(tok):
            return tok
    mistagged = _noun_tagged_cue(doc, close, after)
    if mistagged is not None:
        return mistagged
    if before and before[0].text in (":", ","):
        for tok in before[1:]:
            if _is_cue_word(tok):
                return tok
    if len(before) > 1 and before[0].text == ":" and _names_words(before[1]):
        return before[
            0
        ]  # 'Hale is rolling out a new message: "..."': the colon, said by the sentence's subject
    return None if ended else _cue_past_subject(doc, close, inside, paras)


def _bare_attribution_before(doc: Doc, quote: Quote, inside: list[bool], paras: list[int]) -> Token | None:
    """The reporting verb of a sentence that only says who spoke, right before a quote that opens the next
    sentence of its paragraph ('Ana Ruiz, the party's spokeswoman, said in a statement. "There are no ballots
    to recount."'; 'Tom Hale agreed. "..."'): a core reporting verb with a subject and no words of its own
    (no clause, object or infinitive), no quotation in that sentence; None otherwise."""
    i = quote.open_i - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i < 1 or doc[i].text != "." or paras[i] != paras[quote.open_i]:
        return None
    sent = doc[i - 1].sent
    root = sent.root
    if any(inside[t.i] for t in sent) or root.pos_ != "VERB" or not is_speech_verb(root):
        return None
    j = sent.start - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    if j >= 0 and (inside[j] or doc[j].text in ('"', "''", "\u201d")):
        return (
            None  # '"Stop lying!" Hale wrote. "..."': the attribution of the quote before; this one goes on
        )
    if frame_of(root) not in ("none", "prep") or any(c.dep_ == "neg" for c in root.children):
        return None
    if not any(c.dep_ == "nsubj" for c in root.children) or root.lemma_.lower() in ("ask", "answer", "deny"):
        return None
    return root


# Nouns for words somebody gives, which a colon then quotes ('a new campaign message: "It's about me."', 'I had
# to change my answer: "..."').
UTTERANCE_NOUNS = word_set(
    """
    message answer reply response retort warning advice verdict plea explanation promise pledge vow
    """
)


def _names_words(noun: Token) -> bool:
    """True for a noun of somebody's words ("message", "answer") standing before a colon, owned by the
    sentence's subject: not a thing's ("the ad's message") nor the writer's ("the answer:", "my answer" in
    another's sentence)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in UTTERANCE_NOUNS:
        return False
    verb = noun.head
    while (
        verb.dep_ in ("prep", "pobj", "dobj", "conj")
        and verb.head.i != verb.i
        and verb.pos_ not in ("VERB", "AUX")
    ):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or noun.dep_ not in ("dobj", "pobj"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    return subjects[0].pos_ in ("PROPN", "PRON") or any(
        c.ent_type_ in ("PERSON", "ORG", "NORP") for c in subjects[0].subtree
    )


SUBJECT_REACH = 40  # tokens from a quote's closing mark to the cue after a long subject
NICKNAME_WORDS = 2  # a quoted nickname inside a name ('Ana "Annie" Ruiz')


def _cue_past_subject(doc: Doc, close: int, inside: list[bool], paras: list[int]) -> Token | None:
    """The cue after a quote whose source, named right after the closing mark, runs past the usual reach ('"...!"
    the mayor's sister, council member Ana "Annie" Ruiz (D-Harbour), told the crowd'): the first verb of the
    sentence after the mark, when it is a cue word whose subject stands between the mark and it and no clause
    of its own follows it; None otherwise."""
    para = paras[close]
    for tok in doc[close + 1 : min(len(doc), close + 1 + SUBJECT_REACH)]:
        if (
            paras[tok.i] != para
            or tok.text in (".", ";", ":", "!", "?")
            or (tok.is_sent_start and tok.i > close + 1)
        ):
            return None
        if inside[tok.i]:
            if not _nickname(doc, tok, inside):
                return None
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ in ("relcl", "acl", "amod") or (tok.tag_ in ("VBN", "VBG") and tok.dep_ != "ROOT"):
            continue  # "..., a lawyer who also represents the port, said": the description's own verb
        # the source opens right after the mark ('"...!" the mayor's sister, ... told'), not '"..." of it, X said'
        subjects = [
            c for c in tok.children if c.dep_ == "nsubj" and close < c.left_edge.i <= close + 2 < tok.i
        ]
        if (
            not _is_cue_word(tok)
            or not subjects
            or any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
        ):
            return None
        return tok
    return None


def _nickname(doc: Doc, tok: Token, inside: list[bool]) -> bool:
    """True for a word of a short quoted nickname between the parts of a name ('Ana "Annie" Ruiz')."""
    first = tok.i
    while first > 0 and inside[first - 1]:
        first -= 1
    last = tok.i
    while last + 1 < len(doc) and inside[last + 1]:
        last += 1
    if last - first + 1 > NICKNAME_WORDS or first < 2 or last + 2 >= len(doc):
        return False
    # capitalised words, as the tagger may take a surname after the quote for a noun ('Ana "Annie" Price')
    return doc[first - 2].text[:1].isupper() and doc[last + 2].text[:1].isupper()


def _age_between(doc: Doc, quote: Quote, cue: Token) -> Token | None:
    """The source of a quote named by age alone between the closing mark and the cue ('"...," the 43-year-old
    told reporters', which the parse reads as a modifier of "reporters" or of "said"): the "old" of "the
    43-year-old", None for anything else there."""
    close = quote.close_i if quote.close_i is not None else quote.end - 1
    words = [t.lower_ for t in doc[close + 1 : cue.i] if not t.is_space]
    if len(words) != 6 or words[0] not in ("the", "this") or words[2:] != ["-", "year", "-", "old"]:
        return None
    if not words[1].isdigit():
        return None
    return next(t for t in reversed(doc[close + 1 : cue.i]) if t.lower_ == "old")


def _introduces(verb: Token, quote: Quote) -> bool:
    """True when only adverbs and a comma or colon stand between `verb` and the quote's opening mark ("adding
    later, "...")."""
    between = verb.doc[verb.i + 1 : quote.open_i]
    return all(t.pos_ == "ADV" or t.text in (",", ":") or t.is_space for t in between)


def _names_a_thing(doc: Doc, quote: Quote) -> bool:
    """True when the quoted words modify a noun after them, as a show's or a book's title does."""
    outer = [t for t in doc[quote.start : quote.end] if not quote.start <= t.head.i < quote.end]
    return bool(outer) and all(
        t.dep_ in ("compound", "nmod", "amod", "poss")
        and t.head.i > t.i
        and (t.head.pos_ in ("NOUN", "PROPN") or t.head.dep_ == "compound")
        for t in outer
    )


def is_title(doc: Doc, quote: Quote, cue: Token | None) -> bool:
    """True for quoted words that are the title or name of something, not anyone's statement: after
    "titled", "entitled" or "named"; right after a work's noun ('the film "13th"', 'his 2002 book, "Make
    the Port Pay,"'); or the subject of the cue itself ('as "The Harbour Gazette" wrote, ...')."""
    before = [t for t in doc[max(0, quote.open_i - 3) : quote.open_i] if not t.is_space]
    if before and before[-1].lower_ in TITLING_WORDS:
        return True
    if before and before[-1].text == ",":
        before = before[:-1]
    if before and before[-1].lower_ in WORK_NOUNS and before[-1].pos_ == "NOUN":
        return title_cased(doc[quote.start : quote.end])  # 'In the ad, "We will fix it," Hale says' is said
    if cue is not None and is_naming(cue):
        return True  # 'parents, known as "river moms,"': the name a group goes by
    if cue is not None:
        heads = [t for t in doc[quote.start : quote.end] if not quote.start <= t.head.i < quote.end]
        if heads and all(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == cue.i for t in heads):
            return True
    return False


SIGN_OFF_WORDS = 6  # a sign-off line's name ("- Sen. Ana Ruiz.")


def _dash_source(doc: Doc, quote: Quote) -> tuple[Token, Token] | None:
    """(dash, name) for the '"..." ― Jane Doe' sign-off after a quotation, also on a line of its own right
    after the quotation's paragraph ('"..."\n\n- Jane Doe.', as fact-checks list what was said)."""
    if quote.close_i is None or quote.close_i + 2 >= len(doc):
        return None
    at = quote.close_i + 1
    if doc[at].is_space and doc[at].text.count("\n") <= 2 and at + 2 < len(doc):
        line_end = next((t.i for t in doc[at + 1 :] if t.is_space and "\n" in t.text), len(doc))
        line = [t for t in doc[at + 2 : line_end] if not (t.is_punct and t.text in (".", ","))]
        if not line or len(line) > SIGN_OFF_WORDS or any(t.pos_ != "PROPN" for t in line):
            return None  # "- Sanders exaggerates ...": the writer's narration, not a sign-off
        at += 1
    dash, name = doc[at], doc[at + 1]
    if dash.text not in DASHES or name.pos_ != "PROPN":
        return None
    while name.dep_ == "compound" and name.head.i > name.i and name.head.i - name.i <= 4:
        name = name.head
    return dash, name


COLON_SOURCE_WORDS = 5  # a name before a colon ("Jeffrey M. Jones:", "Sen. Ana Ruiz:")


def _colon_source(doc: Doc, quote: Quote, paras: list[int]) -> tuple[Token, Token, int] | None:
    """(colon, the name's head, where the name starts) for a quotation given after a person's name and a colon, where the name alone opens its
    paragraph or follows a dash ('Ana Ruiz: "..."', 'FARES UP - Tom Hale: "..."', as roundups and newsletters
    quote people); None when anything but the name stands before the colon ("The answer:", "Hale's reply:"; a
    cue there is the quote's own) or the words are no person's name."""
    i = quote.open_i - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i < 1 or doc[i].text != ":" or paras[i] != paras[quote.open_i]:
        return None
    colon = doc[i]
    name: list[Token] = []
    j = i - 1
    while j >= 0 and paras[j] == paras[i] and not doc[j].is_space and doc[j].text not in DASHES:
        name.insert(0, doc[j])
        j -= 1
    if (
        not name
        or len(name) > COLON_SOURCE_WORDS
        or not _person_name(doc, [t for t in name if t.text != "."])
    ):
        return None
    head = name[-1]
    while head.text == "." and head.i > name[0].i:
        head = doc[head.i - 1]
    return colon, head, name[0].i


# Head words of a body's or a poll's name, never a person's ("Harbour Authority", "Pew Research").
_BODY_NAME_WORDS = (
    OUTLET_WORDS
    | GOVERNMENT_WORDS
    | word_set(
        """
        authority board bureau commission committee service agency institute university college school
        union association party group campaign foundation center centre research poll survey company
        corporation bank fund court league alliance coalition club
        """
    )
)


def _person_name(doc: Doc, words: list[Token]) -> bool:
    """True when `words` read as a person's name: capitalised proper nouns no entity of another kind holds, no
    body's word among them, not a label in capitals ("UPDATE"), and a single word only a person's name or the
    surname of a person the article names ("Hale" after "Tom Hale")."""
    if not words or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in words):
        return False
    if any(t.ent_type_ not in ("PERSON", "") or t.lower_ in _BODY_NAME_WORDS for t in words):
        return False
    if all(t.is_upper for t in words) and not all(t.ent_type_ == "PERSON" for t in words):
        return False
    if len(words) > 1 or words[0].ent_type_ == "PERSON":
        return True
    return any(t.ent_type_ == "PERSON" and t.text == words[0].text and t.i != words[0].i for t in doc)


def _opens_sentence(doc: Doc, quote: Quote, paras: list[int]) -> bool:
    i = quote.open_i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return (
        i < 0
        or paras[i] != paras[quote.open_i]
        or doc[i].text in (".", "!", "?", ":", '"', "''")
        or _ends_on_abbreviation(doc, i, quote)
    )


def _ends_on_abbreviation(doc: Doc, i: int, quote: Quote) -> bool:
    """True when token `i` is an abbreviation that keeps the sentence's full stop ('..., she said in Salem, Ore.',
    'said Rep. Tom Hale, D-N.Y.') and the quote after it opens a new sentence with a capital: the stop is the
    abbreviation's, so no "." token stands between the two sentences."""
    word = doc[i].text
    if len(word) < 3 or not word.endswith(".") or not word[0].isupper() or quote.start >= len(doc):
        return False
    first = doc[quote.start].text
    return first[:1].isupper() and (doc[quote.open_i].is_sent_start or not doc[i].whitespace_)


def _meant(cue: Token, quote: Quote) -> bool:
    """True for a quote inside what its cue says somebody sets out to do to a thing ('is still looking to repeal
    the "..." policy', 'decided to change the phrase "..."'); not after a verb of wanting ('wanted to restore
    "a warrior culture"' quotes the wanter, a statement the model judges), nor for one the parse hangs on such
    a verb from outside its phrase (a block quote after "reported that ... appears to be a first:")."""
    if not is_intention(cue) or verb_forms(cue) & WISH_VERBS:
        return False
    return cue.left_edge.i <= quote.start and quote.end <= cue.right_edge.i + 1


def wished_quote(cue: Token, quote: Quote) -> tuple[int, int] | None:
    """The span from a verb of wanting to the end of its phrase when the quote is a piece of what it wants
    ('wanted to restore "a fighting spirit, a fighting mentality" to the crews'): the quoted words alone read as
    if the source had asserted them; the want is in the verb, which the words keep (a position). None for any
    other cue, or a quote outside the verb's phrase."""
    if (
        cue.pos_ not in ("VERB", "AUX")
        or not verb_forms(cue) & (WANTING_VERBS | {"hope"})
        or cue.i >= quote.open_i
    ):
        return None
    if cue.tag_ == "VBG" or not any(c.dep_ == "nsubj" for c in cue.children):
        return None  # 'a story about the senator wanting to "..."': the want is the story's, not a source's
    right = cue.right_edge.i + 1
    if not (cue.left_edge.i <= quote.start and quote.end <= right):
        return None
    doc = cue.doc
    end = max(right, quote.end)
    while end > quote.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # the sentence's stop is no part of the phrase
    return trimmed(doc, cue.i, end)


LEAD_MAX_TOKENS = 20  # "Republicans who back such changes", before ", he said, "


def lead_in(doc: Doc, quote: Quote, cue: Token, inside: list[bool]) -> int | None:
    """The first token of the speaker's own subject that the attribution interrupts before a quote
    ('Residents who oppose the toll, she said, "are asking the town to pay ..."'): the quote opens on a
    lower-case verb, so its subject is the narration-free phrase from the sentence's start to the comma
    before the source; None when the quote opens otherwise or no such phrase stands there. Without it the
    words start mid-sentence ("are asking ...") and say nothing of whom."""
    first = doc[quote.start]
    if not first.is_lower or first.pos_ not in ("VERB", "AUX") or cue.i >= quote.open_i:
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[cue.i + 1 : quote.open_i]):
        return None  # 'she said on Monday, "are ..."': more than the cue stands between
    if not any(t.text == "," for t in doc[cue.i + 1 : quote.open_i]):
        return None  # 'Hale clearly stated "raising ..."': the quote is the verb's object, nothing interrupts
    subject, _ = subject_of(cue)
    if subject is None or subject.i >= cue.i:
        return None
    left = subject.left_edge.i - 1
    if left < 1 or doc[left].text != ",":
        return None
    sent_start = cue.sent.start
    lead = doc[sent_start:left]
    if not 2 <= len(lead) <= LEAD_MAX_TOKENS:
        return None
    if any(inside[t.i] or t.is_space or t.text in STOPS or t.text in (":", '"', "''") for t in lead):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in lead) or any(is_speech_verb(t) for t in lead):
        return None
    return sent_start


TERM_MAX_WORDS = 6  # a term or a title quoted inside a deed ('recognized Ruiz as "acting commissioner."')


def _asks_before(doc: Doc, cue: Token, quote: Quote) -> bool:
    """True when "whether", "if" or a wh-word stands between the asking verb and the quote: the quote is inside
    the question put ('asked her if she could "comment ..."'), not the asker's own words ('asking her, "Where
    do we go from here?"')."""
    return any(t.lower_ in ASKING_WORDS for t in doc[cue.i + 1 : quote.open_i])


def find_direct(doc: Doc, quotes: list[Quote], inside: list[bool], paras: list[int]) -> list[Found]:
    """Direct statements from `quotes`; a quote with no cue of its own has cue (-1, -1) and cue_i -1."""
    found: list[Found] = []
    for quote in quotes:
        words = quote.words(doc)
        content = trimmed(doc, quote.start, quote.end)
        if words == 0 or content[1] <= content[0]:
            continue
        cue = _cue_for(doc, quote, inside, paras)
        if is_title(doc, quote, cue) or (
            cue is not None
            and ((is_hypothetical(cue) and not _retort(cue)) or is_legal_charge(cue) or _meant(cue, quote))
        ):
            # a title, words only hoped for ('I hope voters say, "Thank you"'), a legal charge, or what
            # somebody means to do ('is still looking to repeal "pay to park"')
            continue
        dash = _dash_source(doc, quote) if cue is None else None
        colon = _colon_source(doc, quote, paras) if cue is None and dash is None else None
        if colon is not None:
            # the name alone is the mention: a kicker before its dash is no part of it, nor a role
            found.append(
                Found(
                    content,
                    (colon[0].i, colon[0].i + 1),
                    colon[0].i,
                    colon[1],
                    direct=True,
                    confidence=0.7,
                    label=(colon[2], colon[0].i),
                )
            )
        elif dash is not None:
            found.append(
                Found(content, (dash[0].i, dash[0].i + 1), dash[0].i, dash[1], direct=True, confidence=0.7)
            )
        elif cue is not None:
            if words <= SCARE_MAX_WORDS and _names_a_thing(doc, quote):
                continue  # a title in quotes ('NBC's "Today" show', 'the "Fox and Friends" host')
            if (
                cue.pos_ == "VERB"
                and cue.i < quote.open_i
                and words <= TERM_MAX_WORDS
                and _governs(cue, quote)
                and not _opens_sentence(doc, quote, paras)
                and is_act(cue)
                and not verb_forms(cue) & PERCEIVING_VERBS
            ):
                # 'recognized Ruiz as the port's "acting commissioner."': a term the writer quotes in a deed ('found 40
                # percent "had never been signed"', a finding, stays)
                continue
            if cue.i < quote.open_i and put_to_someone(cue) and _asks_before(doc, cue, quote):
                continue  # 'asked her if she could "comment briefly on ..."': the question put to her, nobody's words
            scare = words <= SCARE_MAX_WORDS and not _governs(cue, quote)
            if scare and not _opens_sentence(doc, quote, paras):
                continue
            # A bare colon as cue ('Here is what the minister told us:') takes its sentence's subject.
            subject, passive = subject_of(cue if cue.pos_ != "PUNCT" else cue.sent.root)
            if cue.pos_ in (
                "NOUN",
                "PROPN",
            ):  # a cue read as a noun ('"...," the two write.'): the phrase before it
                subject, passive = doc[cue.i - 1], False
            aged = _age_between(doc, quote, cue)
            if aged is not None and (subject is None or not aged.i < subject.i < cue.i):
                subject, passive = aged, False  # '"...," the 43-year-old told reporters': the parse lost him
            lead = lead_in(doc, quote, cue, inside) if cue.pos_ != "PUNCT" else None
            if lead is not None:
                content = (lead, content[1])
            wished = wished_quote(cue, quote)
            if wished is not None:
                content = wished
            found.append(
                Found(
                    content, (cue.i, cue.i + 1), cue.i, subject, direct=True, passive=passive, confidence=0.9
                )
            )
        elif words > SCARE_MAX_WORDS and _opens_sentence(doc, quote, paras):
            found.append(Found(content, (-1, -1), -1, None, direct=True, confidence=0.5))
    return found
