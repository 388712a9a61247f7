"""Reporting cues: which words introduce what somebody said, and which of them deny.

Two sources: a hand-written core of English reporting verbs (always cues when they govern a clause)
and a learned table (cue_lexicon.json, see train_cues.py) giving, per lemma and frame, how often
annotators of news attribution marked the word as a cue. The frame matters: "call" governing a
clause or an infinitive ("called for X to resign") reports speech far more often than "call" alone.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from spacy.tokens import Token

from ..actors import word_set
from ..doccache import token_table

# Verbs whose complement clause is reported speech in news English.
SPEECH_VERBS = word_set(
    """
    say tell add state announce confirm deny refute reject dismiss claim insist warn explain note report
    write argue assert declare stress emphasize emphasise acknowledge admit suggest tweet post respond
    reply answer recall predict promise pledge vow maintain contend allege indicate reveal disclose
    remark comment observe mention point testify concede complain exclaim ask urge caution estimate
    reiterate affirm agree underline underscore highlight accuse charge blame criticize criticise
    condemn describe dispute rebut counter
    """
)
# Cues that by themselves say the content is not so.
DENIAL_VERBS = word_set("deny refute reject dismiss dispute rebut disavow contradict")
# Verbs of intention, attempt or plain action that take an infinitive ("plans to close the bridge"):
# they report what somebody means to do, not anything said, so they are never cues in that frame.
INTENTION_VERBS = word_set(
    """
    plan want decide try seek intend aim attempt prepare choose begin start continue need fail hope
    manage struggle hesitate rush move push work fight vote help like love prefer enjoy look scramble strive
    """
)
# Verbs of an official act, a transaction or a visit, done to a thing or a person ("signed a bill",
# "introduced a measure", "voted against the budget", "endorsed Hale for governor", "appointed two women"):
# what somebody did, which a reader can check as an event, not words anybody said. Outside a clause frame
# ("signed a pledge that ..." still has no clause of its own) they are never cues.
DEED_VERBS = word_set(
    """
    sign cosign countersign introduce sponsor cosponsor co-sponsor vote veto enact approve adopt ratify
    pass file endorse appoint nominate hire fire fund donate spend buy sell build plant visit attend host
    circulate drop withdraw side scuttle
    """
)
# Verbs that put a thing out ("tweeted a photo", "posted screenshots of the messages", "issued a statement
# condemning the strike", "released a video"): with a post, a document or a picture as their object they report
# the publishing, an act; what the thing says is the participle's ("condemning ..."), a cue of its own.
PUBLISHING_VERBS = word_set("post tweet retweet share publish release issue circulate upload")
PUBLISHED_NOUNS = word_set(
    """
    statement post tweet message video photo photos picture pictures image images screenshot screenshots
    letter memo document documents link article ad advertisement report footage clip recording
    """
)
# Where a declaration is itself the act ("declared a national emergency", "declared bankruptcy"): a plain
# object and no predicate ("declared the vote rigged", "declared himself the winner" stay speech).
DECLARING_VERBS = word_set("declare")
# Records and pictures, which show or suggest but say nothing ("emails suggest", "records show", "the indictment
# detailed", "signs urging Hale to resign"): no person or body speaks through them in the sentence, so what they
# show is evidence the writer reports, not a statement (a poll's, a study's or a report's findings stay: somebody
# made them and stands behind them).
RECORD_NOUNS = word_set(
    """
    email emails record records document documents data evidence file files receipt receipts log logs text texts
    footage photo photos video videos picture pictures image images indictment transcript transcripts
    """
)
SIGN_NOUNS = word_set("sign signs banner banners placard placards poster posters")
EVIDENCE_VERBS = word_set("show suggest indicate reveal document detail demonstrate prove confirm find point")
# Verbs of pursuit or effort, done to a thing ("people seeking asylum", "fought the toll", "helped the
# campaign", "began the hearing"): as with their infinitives (INTENTION_VERBS), a deed, not words.
PURSUIT_VERBS = word_set("seek try attempt fight work manage struggle help start begin launch pursue")
LEGAL_CHARGE_VERBS = word_set("charge indict")
# Instruments that an authority issues ("issued her ban via executive order", "issued two permits"): a deed;
# "issued a statement", "issued a warning that ..." stay speech.
ISSUED_NOUNS = word_set(
    "ban order permit pardon subpoena license licence waiver sanction sanctions fine warrant visa"
)
# What a picture shows is nobody's words: "shared a photo", "released a video of the pier".
PICTURE_NOUNS = word_set(
    "footage video clip recording audio tape film image images photo photos picture pictures"
)
# Verbs that only hedge the infinitive they govern ("seemed to ease", "appears to confirm"): the writer's
# impression of an event, said by nobody.
SEEMING_VERBS = word_set("seem appear tend happen prove")
# Words that name an utterance without giving it ("made the comments", "posted it", "repeated the
# remarks"): as the object of a cue they point at words given elsewhere, not at anything said here.
UTTERANCE_NOUNS = word_set(
    """
    comment remark statement word thing quote post tweet message interview speech address
    """
)
# Prepositions that give what an utterance was about ("comments about the strike", "remarks on trade").
TOPIC_PREPS = frozenset({"about", "on", "of", "over", "regarding", "concerning", "against", "that"})
# "declined to comment", "refused to say": a refusal to speak when the infinitive is itself speech.
REFUSAL_VERBS = word_set("decline refuse")
# Verbs that put a question: what they govern is not asserted by anybody.
QUESTION_VERBS = word_set("ask wonder inquire enquire query")
# Verbs that ask somebody else to act ("urged the board to deny", "called for the council to renounce"):
# the infinitive they govern is what the asker wants said or done, not anything its doer said.
REQUEST_VERBS = word_set(
    """
    ask call urge demand press push pressure tell order want need encourage invite force compel
    challenge persuade convince beg implore instruct expect require lobby petition appeal dare
    """
)

# Verbs under which speech is only wished for, expected or allowed ("I hope voters say ...", "expects the
# moderator to call him out", "rules that let companies tell ..."): nobody has said it.
HOPING_VERBS = word_set("hope wish imagine suppose expect allow let permit enable dream pray")
# ... and verbs of liking or meaning to, whose own infinitive is not said yet ("likes to argue cases", "plans
# to announce", "wants to tell voters"); only their own: a parse may hang "going on to say" on a "want"
# in the words said.
WISH_VERBS = word_set("like love prefer want plan intend")
# Participles that hedge what their subject will do ("is expected to sign", "is widely believed to be"):
# the writer's or unnamed people's speculation about the subject, never the subject's words.
SPECULATION_VERBS = word_set("expect believe think rumor rumour suppose presume project forecast tip")
# Verbs and nouns of belief, wish or stance ("believes that ...", "wants them extended", "oppose any form of
# legal status", "Hale's view that ..."): PolNeAR annotates them as attributions and an editor may keep them,
# but as what somebody holds, not what they said; stored with polarity "position".
POSITION_WORDS = word_set(
    """
    believe think feel fear hope worry suspect assume doubt know understand want wish support oppose favor
    favour prefer expect consider reckon belief view opinion opposition
    """
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_UP_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acl"})

LEXICON_PATH = Path(__file__).with_name("cue_lexicon.json")
CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def frame_of(tok: Token) -> str:
    """The frame a cue word appears in: "clause", "inf", "obj", "prep" or "none" (read once per token:
    every test of a candidate cue asks for it)."""
    frames = token_table(tok.doc, "frames")
    frame = frames.get(tok.i)
    if frame is None:
        frame = frames[tok.i] = _frame_of(tok)
    return frame


def _frame_of(tok: Token) -> str:
    deps = {c.dep_ for c in tok.children}
    if (
        deps & CLAUSE_DEPS
        or tok.dep_ == "parataxis"
        or unmarked_clause(tok) is not None
        or clause_made_head(tok) is not None
    ):
        return "clause"
    if "xcomp" in deps:
        return "inf"
    if "dobj" in deps:
        return "obj"
    if "prep" in deps:
        return "prep"
    return "none"


@functools.cache
def _lexicon() -> dict[str, dict[str, list[int]]]:
    try:
        return json.loads(LEXICON_PATH.read_text())
    except FileNotFoundError:  # a checkout without the learned table still finds the core verbs
        return {}


def cue_probability(tok: Token, frame: str | None = None) -> float:
    """P(annotators mark `tok` as a reporting cue | its lemma and frame), smoothed; 0 when unseen."""
    frame = frame or frame_of(tok)
    entry = _lexicon().get(f"{tok.lemma_.lower()}/{tok.pos_}")
    if not entry:
        return 0.0
    cued, seen = entry.get(frame, (0, 0))
    all_cued = sum(v[0] for v in entry.values())
    all_seen = sum(v[1] for v in entry.values())
    # Back off to the lemma's overall rate, itself shrunk for rare lemmas, so that a word seen twice
    # or a frame seen once does not decide alone.
    prior = all_cued / (all_seen + 3)
    return (cued + 3 * prior) / (seen + 3)


def known_lemma(tok: Token) -> bool:
    """True when the learned lexicon has counts for this word (seen as a cue at least three times)."""
    return f"{tok.lemma_.lower()}/{tok.pos_}" in _lexicon()


# Core reporting verbs that take a clause of what was said ("said he would", "told reporters she had").
CLAUSE_SPEECH_VERBS = word_set(
    """
    say tell add state announce confirm claim insist warn explain note report write argue assert declare stress
    emphasize emphasise acknowledge admit suggest tweet reply recall predict maintain contend allege indicate
    reveal disclose remark observe testify concede complain reiterate affirm
    """
)
# Words that open an adverbial clause of time, cause or condition ("said as he left", "said when asked"; as a
# preposition, "after the meeting", they only place the words).
_CLAUSE_OPENERS = frozenset(
    {"when", "as", "while", "where", "if", "because", "before", "after", "since", "until", "once", "though"}
)


def unmarked_clause(verb: Token) -> Token | None:
    """The verb of the clause a reporting verb reports when the parse hung it on the verb as an adverbial clause
    with no word opening it, past a phrase of time or place ("Hale said after the meeting he would not sign",
    "said before the vote the council had ignored them"): it has a subject of its own, nothing opens it ("as he
    left", "when asked") and no comma stands between the cue and it. None for anything else."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in CLAUSE_SPEECH_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i or clause.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i]
        if not subjects or subjects[0].tag_ in ("WDT", "WP", "WRB"):
            continue
        start = subjects[0].left_edge.i
        if start <= verb.i:
            continue
        between = verb.doc[verb.i + 1 : start]
        opened = any(c.dep_ == "mark" for c in clause.children) or any(
            t.dep_ in ("mark", "advmod") and t.lower_ in _CLAUSE_OPENERS for t in between
        )
        if opened or any(t.is_punct or t.is_space for t in between):
            continue
        return clause
    return None


def clause_made_head(verb: Token) -> Token | None:
    """The verb of the clause a reporting verb reports when the parse turned them round, making the cue an adverbial
    clause of what it reports ("While he acknowledged funding was a major reason, Ham also noted ...": "was"
    heads "acknowledged"): the head's subject starts right after the cue, which has a subject and no clause or
    object of its own. None for anything else."""
    if (
        verb.pos_ not in ("VERB", "AUX")
        or verb.lemma_.lower() not in CLAUSE_SPEECH_VERBS
        or verb.dep_ != "advcl"
    ):
        return None
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.i <= verb.i:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") for c in verb.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
    if subject is None or subject.left_edge.i != verb.i + 1 or subject.pos_ == "PRON":
        return None
    return head


def is_speech_verb(tok: Token) -> bool:
    """True for the core reporting verbs ("said", "denied", "told", "announced")."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def is_denial(tok: Token) -> bool:
    """True when the cue itself denies ("denied", "refuted", "rejected")."""
    return tok.lemma_.lower() in DENIAL_VERBS


def is_intention(tok: Token) -> bool:
    """True for a verb of intention, action or seeming governing an infinitive ("plans to", "decided
    to", "seemed to")."""
    return bool(verb_forms(tok) & (INTENTION_VERBS | SEEMING_VERBS)) and frame_of(tok) == "inf"


def is_seeming(tok: Token) -> bool:
    """True for a cue with no clause in the infinitive a verb of seeming hedges ("His refusal seemed to confirm
    the fears of the council"): the writer's reading of what somebody's deeds amount to, which nobody is reported
    to have said."""
    if tok.dep_ != "xcomp" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    # ("appeared to suggest that ..." reads words given, which PolNeAR and a reader keep)
    return frame_of(tok) != "clause" and bool(verb_forms(tok.head) & SEEMING_VERBS)


# Verbs of wanting ("want a bill that ...", "wanted them extended", "wishes the port would close"): what the
# source would like, not anything said; "hope" only outside a "that" clause ("hopes to reopen the line",
# "hoping for a plan"): PolNeAR marks "hopes that ..." as an attribution nearly always, and it stays a position.
WANTING_VERBS = word_set("want wish desire crave")


def is_wish(tok: Token) -> bool:
    """True for a cue that says what its source wants or hopes for ("Democrats want a short-term bill",
    "advocates are hoping for a plan", "his supporters want him to run"): a wish, which nobody is reported to
    have said (README, Known wrong: PolNeAR annotates wishes and plans; they are not stored). A promise, a vow
    or a pledge is said, and stays."""
    if tok.pos_ not in ("VERB", "AUX") or is_speech_verb(tok):
        return False
    forms = verb_forms(tok)
    return bool(forms & WANTING_VERBS) or ("hope" in forms and frame_of(tok) != "clause")


# Verbs of trying, meaning or getting ready to, and of gathering for a purpose, and adjectives of eagerness:
# the infinitive under them is only set out to be done ("tried to question him about the deal", "gathered to
# express support for the crews", "the bill aims to answer the complaints", "is eager to show support").
ATTEMPT_VERBS = word_set(
    "try attempt seek aim scramble struggle strive plan intend hope want wish need prepare gather rally assemble"
)
EAGER_WORDS = word_set("eager keen anxious determined")


def only_meant(tok: Token) -> bool:
    """True for a cue in the infinitive of an attempt, an intention or a gathering with no clause of its own
    ("tried to question him about the contract", "families gathered to express support"): what somebody set out
    to say or do, not a report of words given. "tried to assure them that ..." gives its clause, and stays."""
    if tok.dep_ not in ("xcomp", "advcl") or frame_of(tok) == "clause":
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if head.pos_ == "ADJ":
        return head.lower_ in EAGER_WORDS
    return (
        head.pos_ in ("VERB", "AUX") and bool(verb_forms(head) & ATTEMPT_VERBS) and not is_speech_verb(head)
    )


# Verbs that put a question or a doubt in words ("questioned whether", "doubts whether"): with "whether" they
# still say something (QUESTION_VERBS ask it).
DOUBTING_VERBS = word_set("question doubt challenge")


def deliberates(tok: Token) -> bool:
    """True for a verb that is no reporting verb governing a "whether" clause ("a grand jury began hearing
    evidence to determine whether Hale should be charged", "the board will weigh whether to close the pier"):
    what someone is to find out or decide, not anything said. Asking ("asked whether"), doubting and the core
    reporting verbs ("did not say whether", a refusal) keep their own rules."""
    if is_speech_verb(tok) or verb_forms(tok) & (QUESTION_VERBS | DOUBTING_VERBS):
        return False
    return any(
        c.dep_ == "ccomp" and tok.doc[c.left_edge.i].lower_ == "whether" and c.i > tok.i for c in tok.children
    )


def is_position(tok: Token) -> bool:
    """True for a cue of belief, wish or stance rather than speech ("believes", "wants", "opposes", "her view
    that"): what its source holds, which nothing says they said."""
    return bool(verb_forms(tok) & POSITION_WORDS) and not is_speech_verb(tok)


# Participles that give what they modify its name ("the bill, known as the Harbor Act").
NAMING_PARTICIPLES = frozenset({"known", "dubbed", "nicknamed"})
# The same only with the name as their one complement ('a cover story called "The Lord of the Pier"', 'a
# group labeled "pier moms"'): a parse that reads 'Third Way, a group ..., called the plan "a watershed"' or
# '..., called for a strike' as a reduced relative has an object or a preposition, and stays a statement.
NAME_ONLY_PARTICIPLES = frozenset({"called", "labeled", "labelled", "termed", "billed"})


def is_naming(tok: Token) -> bool:
    """True for a participle in a reduced relative clause that names the noun it hangs on, with no one
    doing the naming ('The bill, known as the Harbor Act', 'parents, known as "river moms,"'): a name,
    nobody's words. "dubbed 'the bridge builder' by critics" has a source, and stays a cue; one that
    governs both a thing and what it is called ("dubbed the plan 'a fraud'") is speech."""
    if tok.dep_ != "acl":
        return False
    deps = {c.dep_ for c in tok.children}
    if tok.lower_ in NAME_ONLY_PARTICIPLES:
        # the tagger may read it as a past tense ("a story called ..." as VBD); hung on the noun with the
        # name as its one complement, it is the participle all the same
        return (
            tok.tag_ in ("VBN", "VBD")
            and "oprd" in deps
            and not deps & {"dobj", "agent", "aux", "auxpass", "nsubj"}
        )
    if tok.tag_ != "VBN" or tok.lower_ not in NAMING_PARTICIPLES:
        return False
    if deps & {"agent", "aux", "auxpass"} or ("dobj" in deps and deps & {"oprd", "xcomp", "ccomp"}):
        return False
    return tok.lower_ != "known" or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)


def is_imperative(tok: Token) -> bool:
    """True for a verb in the imperative ("Don't expect him to fade quietly", "Say what you will about the
    mayor", "..., but don't expect a deal"): the writer addressing the reader, which reports nobody's words."""
    if tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "conj"):
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids):
        return False
    if any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ == "to") for c in kids):
        return False
    lead = []
    j = tok.i - 1
    while j >= tok.sent.start and tok.doc[j].lower_ in _IMPERATIVE_LEAD:
        lead.append(tok.doc[j].lower_)
        j -= 1
    opens = j < tok.sent.start or tok.doc[j].is_punct
    if tok.dep_ == "ROOT":
        return opens or tok.doc[j].lower_ in _CLAUSE_JOINS
    # a conjoined verb is an imperative only when told not to ("..., but don't expect"): "will go and see" is not
    return (opens or tok.doc[j].lower_ in _CLAUSE_JOINS) and "do" in lead and bool({"n't", "not"} & set(lead))


_IMPERATIVE_LEAD = frozenset({"do", "n't", "not", "never", "just", "please"})
_CLAUSE_JOINS = frozenset({"but", "and", "so", "yet"})


def is_deed(tok: Token) -> bool:
    """True for a verb that reports a deed, not words: an official act, transaction or visit outside a
    clause frame ("signed a bill", "voted against the budget"), or any verb but a core reporting verb whose
    object is a picture ("shared a photo of the dock")."""
    if frame_of(tok) == "clause":
        return False
    if publishes(tok) or declares(tok):
        return True
    if is_speech_verb(tok):
        return False
    if verb_forms(tok) & DEED_VERBS:
        return True
    if not is_refusal(tok) and any(c.dep_ in ("prt", "prep") and c.lower_ == "through" for c in tok.children):
        return True  # "pushed through a law", "rammed the budget through" ("declined, through a spokesman," stays)
    if frame_of(tok) in ("obj", "prep") and verb_forms(tok) & PURSUIT_VERBS:
        return True  # "people seeking asylum", "fought the measure", "helped the campaign"
    objects = [c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"]
    if "issue" in verb_forms(tok) and any(o in ISSUED_NOUNS for o in objects):
        return True
    return any(o in PICTURE_NOUNS for o in objects)


_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "acomp"})


def predicated(tok: Token) -> bool:
    """True when the verb says something of its object ("declared the vote rigged", "posted it as proof")."""
    return any(
        c.dep_ in _PREDICATE_DEPS
        or (c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" for g in c.children))
        for c in tok.children
    )  # ("began his remarks as if he had won" says nothing of the remarks)


def publishes(tok: Token) -> bool:
    """True for a verb that puts out a post, a document or a picture ("tweeted a photo", "posted several
    screenshots", "issued a statement condemning ..."): the publishing is an act, and any words of the thing
    are its participle's."""
    if not verb_forms(tok) & PUBLISHING_VERBS or predicated(tok):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PUBLISHED_NOUNS | PICTURE_NOUNS for c in tok.children)


def declares(tok: Token) -> bool:
    """True for a declaration that is an act ("declared a national emergency", "declared bankruptcy"): a
    declaring verb with a plain noun object and nothing said of it."""
    if not verb_forms(tok) & DECLARING_VERBS or predicated(tok):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


_VERB_ENDINGS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", ""))


def verb_forms(tok: Token) -> frozenset[str]:
    """The lemma the tagger gives `tok` and the forms its own spelling may come from: the small model's
    lemmatizer errs on some verbs ("hoping" -> "hop"), which would let "was hoping to show" through as a cue."""
    return _verb_forms(tok.lemma_.lower(), tok.lower_)


@functools.lru_cache(maxsize=65536)
def _verb_forms(lemma: str, word: str) -> frozenset[str]:
    forms = {lemma, word}
    for ending, added in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + added)
    return frozenset(forms)


def is_evidence(tok: Token, subject: Token) -> bool:
    """True when the source of the cue `tok` is a record or a picture that shows something ("The records show
    that ...", "Emails suggest ...") or a sign that carries words ("signs urging Hale to resign"): evidence,
    not anybody's statement."""
    noun = subject.lemma_.lower()
    if noun in SIGN_NOUNS or subject.lower_ in SIGN_NOUNS:
        return True
    if not (noun in RECORD_NOUNS or subject.lower_ in RECORD_NOUNS) or not verb_forms(tok) & EVIDENCE_VERBS:
        return False
    # "Data from the Census Bureau show ...", "the city's records show": a named maker stands behind them
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("from", "by")) or (c.dep_ == "poss" and c.pos_ == "PROPN")
        for c in subject.children
    )


# What a document is ("the statement", "the indictment", "a letter", "the ruling"), for what one does not say: "The
# statement does not deny that ...", "The indictment does not mention whether ..." is the writer's reading of what the
# document leaves out; nobody withheld any words there.
SILENT_DOCUMENT_NOUNS = (
    RECORD_NOUNS
    | PUBLISHED_NOUNS
    | word_set(
        """
        statement statements report reports release communique communiqué letter letters note notes memo memos
        filing filings complaint lawsuit suit ruling rulings order orders bill bills law laws draft drafts
        proposal plan petition poll survey study analysis audit review summary excerpt excerpts passage
        """
    )
)


def is_silent_document(subject: Token, negated: bool) -> bool:
    """True for a negated cue whose source is a document ("The statement does not deny that ...", "The report
    never says whether ...", "the letter did not mention ..."): what the document leaves out is the writer's
    reading, no statement (nor refusal) of whoever wrote it. A body or a person who does not say something
    ("the ministry did not say whether ...") keeps its refusal."""
    if not negated:
        return False
    return subject.lemma_.lower() in SILENT_DOCUMENT_NOUNS or subject.lower_ in SILENT_DOCUMENT_NOUNS


def is_likely_deed(tok: Token) -> bool:
    """True for what somebody will, would or may do ("will negotiate a border plan", "may side with the
    plaintiffs", "would ban asylum"): a modal on a verb that is no core reporting verb and governs no clause
    foretells or supposes a deed, which nobody has said; a negated one ("would not offer details") is left
    to the refusals."""
    if is_speech_verb(tok) or frame_of(tok) == "clause":
        return False
    kids = list(tok.children)
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids) and not any(c.dep_ == "neg" for c in kids)


def is_legal_charge(tok: Token) -> bool:
    """True for a charge brought in law ("was charged with fraud", "were indicted on two counts"): a passive
    charge is a prosecutor's, and none of the charged person's words."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    return passive and tok.lemma_.lower() in LEGAL_CHARGE_VERBS


def is_requested(tok: Token) -> bool:
    """True for an infinitive another verb asks for ("urged the board to deny", "called for Oslo to
    condemn"): what somebody wants said or done, not a statement of the infinitive's doer."""
    return (
        tok.tag_ == "VB"
        and tok.dep_ in ("xcomp", "advcl", "ccomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and tok.head.lemma_.lower() in REQUEST_VERBS
    )


def is_refusal(tok: Token) -> bool:
    """True for "declined"/"refused" (their infinitive says whether a refusal to speak or to act)."""
    return tok.lemma_.lower() in REFUSAL_VERBS


def is_question(tok: Token) -> bool:
    """True for verbs that ask ("asked whether", "wondered if")."""
    return tok.lemma_.lower() in QUESTION_VERBS


# What a question put to somebody asks about: a clause opened by "whether"/"if" or a wh-word.
_ASKED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp"})
ASKING_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who", "whom", "which"})


# Verbs that put questions to the person who is their object ("pressed Hale on whether ...", "quizzed her about
# why ..."); with no question after them they press for an act ("pressed the board to release") or doubt a thing.
QUESTIONING_VERBS = QUESTION_VERBS | word_set("press quiz grill question interrogate query")


def put_to_someone(tok: Token) -> bool:
    """True for a question put to somebody named as its object ("The Gazette asked Hale how the talks were
    going", "the host asked her whether signing the law was a mistake"): an interviewer's question, which
    asserts nothing of the asker's and is no statement of the one asked (their answer is). A question
    nobody is named to receive ("Lawmakers asked whether the contract required a bid") is the asker's
    doubt raised in public and stays (stored as a question)."""
    if tok.lemma_.lower() not in QUESTIONING_VERBS:
        return False
    asked = [
        c
        for c in tok.children
        if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    if not asked or any(c.lemma_.lower() in ("question", "questions") for c in asked):
        return False  # "asked the question whether ...": the object is the question, not who was asked
    clauses = [c for c in tok.children if c.dep_ in _ASKED_CLAUSE_DEPS and c.i > asked[0].i]
    if not is_question(tok):
        clauses = []  # "pressed the board to release": a push to act; only "on whether ..." asks
    # "pressed Hale on whether ...", "asked her about why ...": the question behind a preposition
    clauses += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("on", "about", "over") and c.i > asked[0].i
        for g in c.children
        if g.dep_ in ("pcomp", "pobj")
    ]
    # behind a preposition "what"/"when" may open a free relative ("asked her followers on what became a day of
    # support"): only "whether", "if", "how" and "why" ask there
    return any(
        any(
            w.lower_ in (ASKING_WORDS if clause.dep_ not in ("pcomp", "pobj") else _PREP_ASKING)
            for w in clause.subtree
            if w.i <= clause.i
        )
        for clause in clauses
    )


_PREP_ASKING = frozenset({"whether", "if", "how", "why"})


def lemma_probability(tok: Token) -> float:
    """P(cue | lemma) over all frames, for words next to a quotation where the parse is unreliable."""
    entry = _lexicon().get(f"{tok.lemma_.lower()}/{tok.pos_}")
    if not entry:
        return 0.0
    cued = sum(v[0] for v in entry.values())
    seen = sum(v[1] for v in entry.values())
    return cued / (seen + 1)


def points_elsewhere(obj: Token) -> bool:
    """True for an object that names words without giving them: a pronoun ("posted it") or an utterance
    noun with nothing of what was said in it ("made the comments", "repeated his remarks"), as against
    "made the claim that ...", "comments about the strike"."""
    if obj.pos_ != "PRON" and obj.lemma_.lower() not in UTTERANCE_NOUNS:
        return False
    # "asked himself this: ...", "nothing that would raise his taxes": the words follow here.
    if obj.i + 1 < len(obj.doc) and obj.doc[obj.i + 1].text == ":":
        return False
    return not any(
        c.dep_ in ("acl", "relcl", "ccomp", "appos") or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS)
        for c in obj.children
    )


def is_hypothetical(tok: Token) -> bool:
    """True for a cue whose speech is only supposed: in a condition ("if the board denied it"), or governed
    by a verb of hoping, expecting or allowing ("I hope voters say ...", "expects Holt to insert himself
    by calling out Trump", "let editorials tell them how to vote"), up to the nearest reporting verb, or the
    infinitive of a verb of liking or meaning to ("plans to announce")."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and verb_forms(tok.head) & WISH_VERBS:
        return True  # "likes to argue cases", "plans to announce"
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head
        if (cur.dep_ not in _UP_DEPS and cur.dep_ != "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if verb_forms(cur) & HOPING_VERBS and cur.pos_ in ("VERB", "AUX"):
            return True
        if is_speech_verb(cur):
            return False
    return False


def is_speculation(tok: Token) -> bool:
    """True for "(is) expected to sign", "believed to be": a participle hedging its subject's doing, with no
    "by" phrase naming who expects it."""
    # "with both Hale and his wife expected to visit": the parse may tag the absolute participle VBD
    absolute = tok.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ == "with" for c in tok.children)
    return (
        tok.lemma_.lower() in SPECULATION_VERBS
        and (tok.tag_ == "VBN" or absolute)
        and any(c.dep_ == "xcomp" for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
    )
