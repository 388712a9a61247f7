"""What a statement's source did with its words, read so that the page states it right.

A page writes the speaker, a mark for the polarity and the stored words ("Tom Hale (denies): ..."), so
the polarity says what the speaker did with exactly those words:

- "denied": the speaker rejects a proposition, and the words are that proposition: a denial cue ("denied
  that ...", "refuted claims that ...", "a charge Hale rejected"). Words that carry their own negation
  ("the ferry will not run", "I don't know her", "nothing unusual happened", "We did not need to, but we
  would rather ...", "we must not allow it") are what the speaker asserts: stored "denied" they would read
  as a double negative ("Hale (denies): I don't know her"), and a quote that mixes a negated clause with a
  positive one or an exhortation is no denial at all. The linker reads the negation in the words
  (claims.linking.links.features), not in this mark.
- "refused": the speaker withholds ("declined to say", "did not respond to requests for comment", and in
  the words: "I am not saying he was right", "he could not confirm whether ...", "we cannot comment").
- "question": the speaker asks; "position": what the source holds rather than says ("believes that").
- "asserted": everything else.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from ..doccache import column, token_texts
from .cues import frame_of, is_denial, is_position, is_question
from .edges import only_questions
from .reported import Found

QUESTION_OPENERS = frozenset({"if", "whether", "how", "why", "what", "when", "where", "who", "whom", "which"})


def asks(doc: Doc, item: Found) -> bool:
    """True for a question ("asked whether ...", 'asked, "Have you seen it?"'): the asker's words, which
    assert nothing (stored with polarity "question")."""
    if item.cue_i < 0:
        return False
    # the words without spaces and straight quote marks, read from the Doc's columns (no Token built per word)
    texts, spaces = token_texts(doc), column(doc, "IS_SPACE")
    words = [
        i
        for i in range(item.content[0], min(item.content[1], len(doc)))
        if not (spaces[i] or texts[i] in ('"', "''"))
    ]
    if not words:
        return False
    first = doc[words[0]]
    if doubts_aloud(doc[item.cue_i], first):
        return True
    if not is_question(doc[item.cue_i]):
        return False
    last = texts[item.content[1]] if item.content[1] < len(doc) else texts[words[-1]]
    return first.lower_ in QUESTION_OPENERS or "?" in (texts[words[-1]], last)


# What opens an open question after "questioned" ("questioned why the navy was told", "her questions about
# whether the toll was legal"); "what"/"who" open a thing as often ("questioned what he called a bargain").
DOUBTED_OPENERS = frozenset({"whether", "if", "why", "how"})


def doubts_aloud(cue: Token, first: Token) -> bool:
    """True for a question raised by "question", the verb or the noun, whose words are the open question
    itself ("Hale questioned why the navy was told", "his questions about whether the mayor may serve"): the
    source asks, asserting nothing of it; "questioned the figures" and "questioned that ..." are no question."""
    return cue.lemma_.lower() == "question" and first.lower_ in DOUBTED_OPENERS


def polarity_of(doc: Doc, item: Found) -> str:
    """ "question", "refused", "denied", "position" or "asserted" for the statement `item` (see the module
    docstring for what each means on the page)."""
    if asks(doc, item):
        return "question"
    if item.label is not None and doc[item.content[1] - 1].text == "?":
        return "question"  # a transcript turn that ends in a question ("HOST: And the bridge?")
    inside = item.content[0] <= item.cue_i < item.content[1]  # ('"...," and questioned "who ...?"': mixed)
    if item.direct and not inside and only_questions(doc, *item.content):
        return (
            "question"  # '"Are you suggesting I am enjoying this?" Hale replied': he asks, asserting nothing
        )
    if held_negated(doc, item) is not None:
        return "position"  # "do not expect back pay": a belief held, its "not" in the words
    if item.refused or negated_with(doc[item.cue_i]):
        return "refused"
    if item.denial:
        return "denied"
    root = content_root(doc, item)
    if root is not None and withholds(root) and _only_sentence(doc, item, root):
        return "refused"  # ('"I can't speculate," he said. "What the president wants is ...": asserted)
    # "Democrats believe that ...", "Republicans want them extended": held, not said
    return "position" if is_position(doc[item.cue_i]) else "asserted"


def held_negated(doc: Doc, item: Found) -> int | None:
    """Where the words of a belief, expectation or stance negated by its own "not" or "never" start: at the
    negation's auxiliary ("Many deckhands do not expect back pay", "the board did not consider him a serious
    option", "does not support the toll"). Nothing is withheld there: the source holds the opposite, and
    "(refused): back pay" would read as a refusal to speak, so the claim is the source's position with the
    negation in its words. None for any other statement (a verb of saying, a cue that is negated by a "nor" or
    a subject that names nobody, words before the cue)."""
    if item.cue_i < 0 or item.direct or item.attribution or not item.cue_i < item.content[0]:
        return None
    cue = doc[item.cue_i]
    if cue.pos_ not in ("VERB", "AUX") or not is_position(cue):
        return None
    negations = [c for c in cue.children if c.dep_ == "neg" and c.i < cue.i]
    if not negations:
        return None
    auxes = [c.i for c in cue.children if c.dep_ in ("aux", "neg") and c.i < cue.i]
    first = min(auxes)
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[first : cue.i]):
        return None  # "does he not believe": a question's order
    return first


# Verbs whose negation withholds words somebody asked for, which the outlet reports as such ("did not say
# how", "did not respond to requests", "has not mentioned the budget", "did not apologize for ...").
WITHHELD_SPEECH = word_set(
    """
    say tell comment confirm deny discuss disclose reveal specify elaborate explain detail answer respond reply
    return address mention identify name reference acknowledge apologize admit offer provide release give rule
    testify speculate indicate describe express share cite clarify verify announce state outline divulge
    """
)


def negated_deed(doc: Doc, item: Found) -> bool:
    """True for a reported statement whose cue is a deed the source did not do, told by the writer: the cue
    negated by its own "not"/"never" with no modal ("has never asked the county for the money", "the harbour
    police have not accused him of any theft", "did not read the old charter aloud"), with an object or an infinitive, not
    a clause, on a verb that withholds no words asked for (`WITHHELD_SPEECH`) and holds no belief
    (`held_negated`). Nothing was said, so nothing is stored: "(refused): asked the county for the money" reads as a
    refusal to speak. "Did not say how", "did not respond to requests for comment" stay refusals, and "can't
    promise it" (a modal) is left as it is."""
    if item.cue_i < 0 or item.direct or item.attribution or not item.cue_i < item.content[0]:
        return False
    cue = doc[item.cue_i]
    if cue.pos_ != "VERB" or cue.lemma_.lower() in WITHHELD_SPEECH or held_negated(doc, item) is not None:
        return False
    kids = list(cue.children)
    if not any(c.dep_ == "neg" and c.i < cue.i for c in kids) or any(c.tag_ == "MD" for c in kids):
        return False
    return frame_of(cue) in ("obj", "inf", "prep")


def negated_with(cue: Token) -> bool:
    """True for a cue conjoined to a negated verb ("would not confirm or deny that ...", "could neither
    confirm nor deny ..."): the negation is shared, and the source says neither."""
    if cue.dep_ != "conj" or not is_denial(cue) or cue.head.lemma_.lower() not in WITHHOLDING_VERBS:
        return False  # "did not show up, and the director said ...": the negation is another verb's
    return any(c.dep_ == "neg" or c.lower_ == "neither" for c in cue.head.children)


def _only_sentence(doc: Doc, item: Found, root: Token) -> bool:
    """True when the statement's words are all in the sentence of `root`: a quote that goes on past it
    says more than it withholds."""
    sent = root.sent
    return all(
        sent.start <= t.i < sent.end
        for t in doc[item.content[0] : item.content[1]]
        if not (t.is_punct or t.is_space)
    )


def content_root(doc: Doc, item: Found) -> Token | None:
    """The root of the statement's first clause: the first word of the content whose head lies outside
    it. A quote before its own attribution ('"...," he said. "..."') is read up to the cue."""
    start, end = item.content
    if start <= item.cue_i < end:
        cut = item.cue_i
        if item.subject is not None and start < item.subject.i < end:
            cut = min(cut, item.subject.left_edge.i)
        end = max(start + 1, cut)
    for tok in doc[start:end]:
        if not (start <= tok.head.i < end) or tok.head.i == tok.i:
            return tok
    return None


# Verbs whose negation by the speaker withholds what would follow ("we cannot confirm", "he would not
# comment on it", "I won't speculate"): the speaker does not say, and denies nothing.
WITHHOLDING_VERBS = word_set(
    "comment confirm discuss disclose speculate elaborate reveal specify detail verify"
)
# ... and verbs of saying, which withhold only as an unwillingness or a present hedge ("I won't say", "I
# am not saying he was right"); "I never said that" denies having said it, asserted in its own words.
SAYING_VERBS = word_set("say tell")
# The speaker themself, as the words or the reported clause name them ("he said he could not confirm").
SELF_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "it"})
NEGATIVE_WORDS = frozenset({"never", "neither", "nor"})
OWN_DETERMINERS = frozenset({"the", "our", "his", "her", "its", "their"})
# Bodies a speaker names as their own ("the organization could not confirm", "his office would not
# comment"); "the police" or "the ministry" may be anyone's.
OWN_BODIES = word_set("organization organisation group company firm office campaign team")


def _self(subject: Token) -> bool:
    """True for a subject that stands for the speaker: a personal pronoun, or the speaker's own body ("the
    organization", "his office"); not a name ("Hale said Lund would not comment" is Hale's assertion)."""
    if subject.lower_ in SELF_SUBJECTS:
        return True
    return subject.lemma_.lower() in OWN_BODIES and any(
        c.dep_ in ("det", "poss") and c.lower_ in OWN_DETERMINERS for c in subject.children
    )


def withholds(root: Token) -> bool:
    """True when the content's root is the speaker's own negated verb of confirming or commenting, now or
    as an unwillingness ("I cannot confirm it", "he could not comment on the case", "we do not comment on
    ..."), or of saying as a refusal or a hedge ("I won't say", "I am not saying he was right"); False for
    what the speaker did or did not do ("she hadn't revealed it sooner", "I never said that")."""
    if is_denial(root) or not any(c.dep_ == "neg" or c.lower_ in NEGATIVE_WORDS for c in root.children):
        return False
    if not any(c.dep_ == "nsubj" and _self(c) for c in root.children):
        return False
    lemma = root.lemma_.lower()
    if lemma not in WITHHOLDING_VERBS | SAYING_VERBS:
        return False
    if root.tag_ == "VBG" or any(c.tag_ == "MD" for c in root.children):
        return True  # "I cannot confirm", "he would not say", "I am not saying"
    # "we do not comment on ...": a present refusal; "she hadn't revealed it sooner" tells what she did
    return lemma in WITHHOLDING_VERBS and any(
        c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in root.children
    )
