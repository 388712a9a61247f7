"""Statement rules: one statement reported by two outlets corroborates; an assertion and its denial
contradict. An optional stance function (agree/disagree/discuss/unrelated) refines the verdict."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from ..types import Relation, StanceFn, StanceManyFn
from .blocking import KeyWeights, candidate_pairs, semantic_pairs, semantic_similarity
from .features import ClaimFeatures
from .lift import AgreeLift
from .text import fold, generation, names, one_name, source_name, stem, terms

Scored = tuple[int, int, Relation, float, str]

# Light verbs lend their clause its grammar, not its topic: "carry out maintenance" and "carrying
# technicians" share no fact, and "provide assistance" is about assistance.
_LIGHT = frozenset(
    stem(w)
    for w in """carry carried carrying carries provide provided providing provides take took taken taking
    takes give gave given giving gives get got gets getting go went gone going goes come came coming comes
    put puts putting set sets setting keep kept keeps keeping hold held holds holding seem seemed seems
    become became becomes becoming""".split()  # noqa: SIM905
)

SAME_SPEAKER_MIN = 0.25  # content similarity enough when the same person or body is reported
SAME_SPEAKER_SHARED = 2  # words one speaker's two remarks must share: one is a topic ("wall"), not a remark
OTHER_SPEAKER_MIN = 0.25  # different or unnamed speakers: as similar ...
OTHER_SPEAKER_SHARED = 3  # ... and at least this many shared words
MIN_WORDS = 3  # "the Rose Garden" is a fragment, not a statement to check against another
FAR_APART_MIN = 0.5  # reports published over a month apart must say nearly the same thing
FAR_APART_DAYS = 30
SHORT_SHARE = 0.8  # a short content inside a long one weighs a little less than a full match
MIN_COSINE = 0.15  # however much of a short content a long one holds, the two must be this alike as wholes
MIN_CONFLICT_COSINE = 0.2  # a conflict needs closer wording than an agreement
SURE_COSINE = 0.5  # statements less alike as wholes stay below UNSURE_CONFIDENCE (the review queue's
UNSURE_CONFIDENCE = 0.74  # "sure" band starts at 0.75: right at least 9 times in 10 on the dev sets)
# weaker statement pairs share a topic, not a fact: not worth an editor's look (without the stance model,
# whose "agree" adds STANCE_BONUS, the wording alone must reach MIN_CONFIDENCE - STANCE_BONUS)
MIN_CONFIDENCE = 0.5
STANCE_BONUS = 0.1  # the stance model agreeing with the wording raises the confidence this much
# "reveals why the troops arrived", "asked whether ...": an embedded question states nothing to check
_QUESTION = re.compile(r"^\W*(?:why|how|whether)\b", re.I)
STANCE_BATCH = 4096  # (claim, sentence) pairs per stance call: one call, bounded memory


def statement_links(
    feats: Sequence[ClaimFeatures],
    stance: StanceFn | None = None,
    *,
    stance_many: StanceManyFn | None = None,
    focus: set[int] | None = None,
    agree_lifts: AgreeLift | None = None,
) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for statements that repeat or deny each other.

    The stance model, when given, is asked once for all kept pairs (`stance_many`, or `stance` pair by
    pair when only that is given), not once per pair: one batch is many times cheaper. With
    `agree_lifts` (`lift.agree_lift`), its "agree" raises only the pairs that test passes.
    """
    _kin_apart(feats)
    keys = [_keys(f) for f in feats]
    weights = KeyWeights(keys)
    cast = _cast(feats)
    topic = _topic(feats, keys)
    own = _asserted(feats)
    # a speaker's statements further apart than FAR_APART_DAYS meet only through shared words
    pairs = candidate_pairs(
        feats,
        _block_keys,
        min_shared=2,
        local=lambda k: isinstance(k, tuple) and k[0] == "s",
        window_days=FAR_APART_DAYS,
    )
    pairs |= semantic_pairs(feats, rows=focus)  # paraphrases close in meaning (sentence vectors)
    if focus is not None:  # only pairs with a claim in focus (indices) are scored
        pairs = {(i, j) for i, j in pairs if i in focus or j in focus}
    kept: list[tuple[int, int, Relation, float, bool]] = []
    same: set[int] = set()  # kept pairs that give one remark in the same words
    runs: set[int] = set()  # kept pairs that quote one speaker's same words inside other framing
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        unsaid = asks(a) or asks(b)
        if unsaid and not _one_refusal(a, b):
            continue
        if same_words(a, b):  # one remark reported twice: it corroborates, whoever the text names
            kept.append((i, j, "corroborates", SAME_WORDS_CONFIDENCE, bool(a.speaker & b.speaker)))
            same.add(len(kept) - 1)
            continue
        run = _quoted_run(a, b)
        if run is not None and not _run_of_names(run, a, b, cast):
            # one speaker's words quoted in both, each outlet framing them its way
            kept.append((i, j, "corroborates", SAME_RUN_CONFIDENCE, True))
            runs.add(len(kept) - 1)
            continue
        ka, kb = keys[i], keys[j]
        if min(len(ka), len(kb)) < MIN_WORDS and not _short_told_again(a, b, ka, kb):
            continue
        cos = weights.cosine(ka, kb)
        same_speaker = bool(a.speaker & b.speaker) or _one_group(a, b)
        if not same_speaker and _president_and_administration(a, b):
            # the president and his unnamed administration are one speaker, for one remark: two that
            # share only the story's own words are two remarks of one government
            story = topic.get(a.item.event_id, frozenset()) | topic.get(b.item.event_id, frozenset())
            if len((ka & kb) - story) < SAME_SPEAKER_SHARED:
                continue
            same_speaker = True
        if _two_stories(a, b) and not (same_speaker and cos >= SURE_COSINE):
            continue  # statements of two stories (dated articles in two events) are one remark or nothing
        meaning = _meaning(a, b, cos >= MIN_COSINE and (same_speaker or len(ka & kb) >= OTHER_SPEAKER_SHARED))
        if cos < MIN_COSINE and not meaning:
            continue
        # or a discounted share of the shorter content when a short one ("claims about a boost in
        # Russia's presence") lies inside a long one
        sim = max(cos, SHORT_SHARE * weights.overlap(ka, kb), meaning)
        if _two_remarks(a, b, same_speaker, cos, voiced=_speaks_for(a, b), cast=cast):
            continue
        if _far_apart(a, b) and sim < FAR_APART_MIN:
            continue
        if same_speaker and (sim < SAME_SPEAKER_MIN or (len(ka & kb) < SAME_SPEAKER_SHARED and not meaning)):
            continue
        if same_speaker and cos < SURE_COSINE and not meaning and _only_names(a, b, ka & kb):
            continue  # one speaker's two remarks about the same people or places (`_only_names`)
        if not same_speaker and (
            sim < OTHER_SPEAKER_MIN
            or (len(ka & kb) < OTHER_SPEAKER_SHARED and not meaning)
            or (not meaning and not _beyond_cast(a, b, ka & kb, cos, cast))
        ):
            continue
        shared = ka & kb
        # two statements negating one shared word deny the same thing wherever each puts its subject ("the
        # guild has not changed its stance on the levy" / "the stance on the levy had not changed"): the
        # share of shared words in each negation's scope (`_denies`) differs with the word order alone
        conflict = _denies(a, shared) != _denies(b, shared) and not a.negated & b.negated & shared
        relation: Relation = "contradicts" if conflict else "corroborates"
        if relation == "corroborates" and not same_speaker and _doubted(a) != _doubted(b):
            # "expressed disbelief that the board would invite him" does not say it invited him (one
            # speaker's doubt and criticism of the invitation are one stance)
            continue
        if relation == "corroborates" and not same_speaker and cos < SURE_COSINE and _two_people(a, b):
            continue  # two people's own remarks on the story's topic, not one fact told twice (`_two_people`)
        if unsaid and relation == "contradicts":
            continue  # one refusal reported twice agrees with itself, and with nothing else
        if relation == "contradicts" and (
            cos < MIN_CONFLICT_COSINE
            or not _may_conflict(a, b, same_speaker, cos)
            or not _denied_fact(a if _denies(a, shared) else b, shared, own, cast)
        ):
            continue
        conf = min(0.9, 0.3 + 0.6 * sim + (0.1 if same_speaker else 0.0))
        kept.append((i, j, relation, conf, same_speaker))
    # two named people's same words corroborate each other, but are not one remark to chain others by
    chained = {n for n in same if not _two_named(feats[kept[n][0]], feats[kept[n][1]])}
    _chain_remarks(feats, kept, chained | runs)
    upgraded = {
        n
        for n, (i, j, relation, _, _) in enumerate(kept)
        if n not in same and n not in runs and relation == "corroborates" and _one_remark(feats[i], feats[j])
    }
    for n in upgraded:  # two outlets' framings of one remark a third outlet gives in the same words
        i, j, relation, _, same_speaker = kept[n]
        kept[n] = (i, j, relation, SAME_RUN_CONFIDENCE, same_speaker)
    runs |= upgraded
    if stance_many is None and stance is not None:
        stance_many = _one_by_one(stance)
    verdicts = _stances(stance_many, feats, kept) if stance_many is not None else None
    if verdicts is not None and agree_lifts is not None:
        verdicts = _unlifted(verdicts, feats, kept, agree_lifts)
    out: list[Scored] = []
    for n, (i, j, relation, conf, same_speaker) in enumerate(kept):
        a, b = feats[i], feats[j]
        if n in same:  # the same words are one remark, whatever the model reads in them
            if verdicts is not None and verdicts[n] == "disagree":
                conf *= 0.8
            out.append((i, j, relation, conf, _line(a, b, relation, same_speaker, same=True)))
            continue
        if n in runs:  # as sure as the same words, but each outlet's own framing is shown
            if verdicts is not None and verdicts[n] == "disagree":
                conf *= 0.8
            out.append((i, j, relation, conf, _line(a, b, relation, same_speaker)))
            continue
        if verdicts is not None:
            verdict = verdicts[n]
            if verdict == "unrelated":
                continue
            if verdict in ("agree", "disagree"):
                judged: Relation = "corroborates" if verdict == "agree" else "contradicts"
                if relation == "contradicts" and judged == "corroborates":
                    # a denial never corroborates what it denies: the two disagree on the verdict, and
                    # the pair is dropped, unless two speakers say it, one side denies its whole
                    # statement and the two are alike as wholes ("the ministry denied that any troops
                    # were on board the ships" / "about 100 soldiers were aboard the ships, an official
                    # said"): the model reads the shared words as agreement. One speaker's two
                    # reports are more often one remark, which the model reads rightly.
                    # So is a denial whose negation covers all the two share but their names ("Halloway
                    # was not the harbour's chief engineer but a surveyor" / "Halloway had served as chief
                    # engineer of the harbour"): a conflict over one fact about one person or thing.
                    if same_speaker or not (
                        (_whole_denial(a, b) and weights.cosine(keys[i], keys[j]) >= SURE_COSINE)
                        or _denies_all_but_names(a, b)
                    ):
                        continue
                    # kept as the wording's conflict, less sure; but the model reads the claim's text
                    # alone, and a denial told by the words around it ("denied that any troops were on
                    # board") is not in that text, nor does it weigh a negation of just the shared
                    # predicate ("was not the harbour's chief engineer"): its "agree" then says nothing
                    # against the conflict
                    judged = relation
                    if not (_denied_outside(a if a.denied else b) or _denies_all_but_names(a, b)):
                        conf *= 0.8
                elif judged == relation:
                    conf = min(0.95, conf + STANCE_BONUS)
                else:
                    conf *= 0.8
                # The model's "disagree" is right about one time in four or five on unseen stories: it
                # turns an agreement into a conflict only when a negation in the wording touches what
                # both say.
                if (
                    judged == "contradicts"
                    and relation == "corroborates"
                    and (
                        not _one_side_negates(a, b)
                        or not _may_conflict(a, b, same_speaker, weights.cosine(keys[i], keys[j]))
                    )
                ):
                    judged = relation
                relation = judged
                if relation == "contradicts" and weights.cosine(_keys(a), _keys(b)) < MIN_CONFLICT_COSINE:
                    continue  # the model's conflict, like the wording's, needs close wording
                if relation == "contradicts" and (asks(a) or asks(b)):
                    continue  # a refusal or a question contradicts nothing
        if weights.cosine(keys[i], keys[j]) < SURE_COSINE:  # a short statement inside a long one: never sure
            conf = min(conf, UNSURE_CONFIDENCE)
        if conf < MIN_CONFIDENCE - (STANCE_BONUS if verdicts is None else 0.0):
            continue  # a few shared words on one topic, which the stance model (when asked) did not back
        out.append((i, j, relation, round(conf, 3), _line(a, b, relation, same_speaker)))
    out.extend(report_denials(feats, focus, {frozenset((i, j)) for i, j, *_ in out}))
    return out


# The sentence encoder's signal (claims.linking.encoder, vectors on LinkableClaim.vector), in this one
# place: two statements this close in meaning count as alike as their words would make them, however
# few rare words they share ("vetoed the bill, saying it would expose troops to lawsuits abroad" /
# "argued the measure would put Americans at legal risk overseas"). The word rules above and below
# still decide the relation (a denial, two remarks, far apart in time) and keep such pairs unsure. It
# only rescues pairs the words leave out: on one-topic news, topical neighbours reach 0.7, and lifting
# pairs the words already admit let them crowd annotated links out of each claim's quota (seeds).
MEANING_MIN = 0.8  # cosine of the vectors from which a pair is a paraphrase (one-topic news reaches 0.7)
MEANING_WEIGHT = 0.6  # ... and how much of that cosine counts as word similarity


def _meaning(a: ClaimFeatures, b: ClaimFeatures, words_suffice: bool) -> float:
    """The similarity the encoder lends a pair the words do not admit: MEANING_WEIGHT x cosine from
    MEANING_MIN, else 0."""
    if words_suffice:
        return 0.0
    cosine = semantic_similarity(a, b)
    return MEANING_WEIGHT * cosine if cosine is not None and cosine >= MEANING_MIN else 0.0


SAME_WORDS_CONFIDENCE = 0.95
SAME_RUN_CONFIDENCE = 0.9  # one speaker's run of words quoted in both (same_quoted_run)
SAME_WORDS_MIN_CHARS = 40  # about eight words: shorter phrases ("no one is above the law") recur apart
SAME_WORDS_MIN_RATIO = 90  # rapidfuzz partial ratio of the shorter text inside the longer one
SAME_WORDS_SUBSET_RATIO = 80  # ... or this much when every word of the shorter is in the longer
RUN_JOIN = " ... "  # how a statement's words join the passages of a quote run (StatementClaim.words)
_WORDS = re.compile(r"\w+")
_QUOTE_MARKS = re.compile("[\"'\u201c\u201d\u2018\u2019]")
_SPACE = re.compile(r"\s+")
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|cannot|without|nothing|nobody)\b|n't\b")


def _plain(f: ClaimFeatures) -> str:
    return _plain_text(f.item.claim.text)


@lru_cache(maxsize=4096)  # asked for each candidate pair a statement is in, not once per statement
def _plain_text(text: str) -> str:
    """`text` lower-cased without quote marks, spaces made single, as `same_words` compares it."""
    return _SPACE.sub(" ", _QUOTE_MARKS.sub("", fold(text).lower())).strip(" .,;:")


def same_words(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when the two statements give the same remark in (nearly) the same words: the shorter one,
    at least SAME_WORDS_MIN_CHARS long, lies almost letter for letter inside the longer one ("something
    important" / "something very important", "&" / "and", a quote cut short). Such a pair is one remark
    reported twice: it never contradicts itself, and a denial and an assertion are not the same words."""
    pa, pb = _plain(a), _plain(b)
    short, long_ = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    if len(short) < SAME_WORDS_MIN_CHARS:
        return False
    if _held(a) != _held(b) or (a.turned is None) != (b.turned is None):
        return False  # a held belief and a remark, or "denied that it will not" and "it will not", are two
    # "will not expand the base" and "will expand the base" are near-identical too: the negations must be
    # the same, and a statement denied as a whole is no other's same words. A run of quoted passages
    # (joined by RUN_JOIN around the writer's attribution) is compared through the one passage the
    # shorter text lies in: one sentence of it given alone by another outlet may carry a
    # negation the rest of the run does not (a passage shorter than the shorter text is none: it would lie
    # inside that text whatever else the text says).
    in_run = False
    if RUN_JOIN in long_:
        fitting = [passage for passage in long_.split(RUN_JOIN) if len(passage) >= len(short)]
        if fitting:
            long_ = max(fitting, key=lambda passage: fuzz.partial_ratio(short, passage))
            in_run = True
    if _negations(short) != _negations(long_):
        return False
    if a.denied != b.denied and (not in_run or _denied_outside(a) or _denied_outside(b)):
        return False
    ratio = fuzz.partial_ratio(short, long_)
    # a word added ("something very important") costs a short quote more than a long one
    return ratio >= SAME_WORDS_MIN_RATIO or (
        ratio >= SAME_WORDS_SUBSET_RATIO and set(_WORDS.findall(short)) <= set(_WORDS.findall(long_))
    )


def same_remark(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """The same words quoted, or given by one named speaker: one remark, whenever each outlet reports it
    (near-identical reported facts may still tell of two happenings: "planes landed at Kestrel"); or two
    framings of one remark that a third outlet gives in the same words as each (`_chain_remarks`)."""
    quoted = a.statement.direct or b.statement.direct
    return (
        _one_remark(a, b)
        or ((quoted or bool(a.speaker & b.speaker)) and same_words(a, b))
        or same_quoted_run(a, b)
    )


def _one_remark(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return a.remark is not None and a.remark == b.remark


def _chain_remarks(
    feats: Sequence[ClaimFeatures],
    kept: Sequence[tuple[int, int, Relation, float, bool]],
    alike: set[int],
) -> None:
    """Mark the statements that one remark chains together: A and B in the same words, B and C in the
    same words, so A and C are one remark even where each outlet frames it differently ("At that event,
    Blumenthal clearly says, \u201cWe have learned something very important ...\u201d" / "\u201cWe have learned
    something important ...,\u201d Mr. Blumenthal said to the group"). Sets `remark` on members of chains
    of three or more; the pair of the two ends must still pass the word rules to be linked."""
    root: dict[int, int] = {}

    def find(x: int) -> int:
        while root.get(x, x) != x:
            x = root[x]
        return x

    nodes: set[int] = set()
    for n in alike:
        i, j = kept[n][0], kept[n][1]
        nodes.update((i, j))
        ri, rj = find(i), find(j)
        if ri != rj:
            root[ri] = rj
    members: dict[int, list[int]] = {}
    for x in sorted(nodes):
        members.setdefault(find(x), []).append(x)
    for group, xs in members.items():
        if len(xs) >= 3:
            for x in xs:
                feats[x].remark = group


QUOTED_RUN_WORDS = (
    6  # "no one is above the law": one speaker's words that long, in both quotes, are one remark
)
_AMPERSAND = re.compile(r"\s*&\s*")


def _word_list(f: ClaimFeatures) -> list[str]:
    return _WORDS.findall(_AMPERSAND.sub(" and ", _plain(f)))


def same_quoted_run(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when one named speaker is quoted in both and the two quotes share a run of at least
    QUOTED_RUN_WORDS words ("&" read as "and"): one remark, however each outlet frames or cuts it ("he and
    the president had spoken and both believe that ..." / "The president and I have talked, and both
    believe that ..."), or runs it on from another remark of theirs. A shorter phrase recurs in two
    remarks; another speaker's same words are theirs."""
    return _quoted_run(a, b) is not None


def _quoted_run(a: ClaimFeatures, b: ClaimFeatures) -> list[str] | None:
    """The words of the run `same_quoted_run` finds (the longest one the two quotes share), else None."""
    if not (a.statement.direct and b.statement.direct and a.speaker & b.speaker):
        return None
    # the extractor's "denied" reads the quote's root ("I could do the wall ... I didn't need to"; "We
    # cannot afford to hand the county to ... a commissioner whose record was careless at best"), not the
    # run the two share: the run's own negations decide (below), unless the denial is told outside the quote
    if _held(a) != _held(b) or (a.denied != b.denied and (_denied_outside(a) or _denied_outside(b))):
        return None
    wa, wb = _word_list(a), _word_list(b)
    if min(len(wa), len(wb)) < QUOTED_RUN_WORDS:
        return None
    match = SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb))
    if match.size < QUOTED_RUN_WORDS:
        return None
    # "did not say nobody is above the law": a negation just before the run changes the remark
    before_a = " ".join(wa[max(0, match.a - RUN_SCOPE_WORDS) : match.a])
    before_b = " ".join(wb[max(0, match.b - RUN_SCOPE_WORDS) : match.b])
    if _negations(before_a) != _negations(before_b):
        return None
    return wa[match.a : match.a + match.size]


def _run_of_names(
    run: list[str], a: ClaimFeatures, b: ClaimFeatures, casts: dict[object, frozenset[str]]
) -> bool:
    """True when a shared quoted run says nothing but the story's names and titles (`_cast`): "the harbour
    master of the Port of Elmsby" in "I am the harbour master of the Port of Elmsby, but I am also a
    fisherman's son" and in "the boy turned away at the gate is now the harbour master of the Port of
    Elmsby" is a title, which one speaker gives in two remarks, not one remark."""
    cast = casts.get(a.item.event_id, frozenset()) | casts.get(b.item.event_id, frozenset())
    return not (frozenset(terms(" ".join(run))) - cast - _LIGHT)


RUN_SCOPE_WORDS = 3  # words before a shared run a negation would reach


QUOTES_MIN_COSINE = 0.55  # two quotes, not in the same words, must share most of what they say


# who speaks for a president without being named: "the administration", "White House officials"
_ADMINISTRATION = re.compile(r"\b(?:administration|white house)\b", re.I)
_PRESIDENT = re.compile(r"^\s*(?:the\s+)?president\s*$", re.I)


CAST_FREE_COSINE = 0.28  # two words beyond the story's names suffice for statements this alike
CAST_MIN_STATEMENTS = 3  # a name in this many statements is one of the story's cast


def _cast(feats: Sequence[ClaimFeatures]) -> dict[object, frozenset[str]]:
    """Event id -> the words of the names that CAST_MIN_STATEMENTS or more of its statements' sentences
    mention (a story's cast is its own: "China" is cast in one story and news in another)."""
    counts: dict[object, Counter[str]] = {}
    for f in feats:
        if f.item.event_id is not None:
            counts.setdefault(f.item.event_id, Counter()).update(frozenset(terms(" ".join(f.names))))
    return {
        event: frozenset(w for w, n in c.items() if n >= CAST_MIN_STATEMENTS) for event, c in counts.items()
    }


TOPIC_SHARE = 0.15  # a word in this share of an event's statements (and 3 at least) is the story's topic


def _topic(feats: Sequence[ClaimFeatures], keys: Sequence[frozenset[str]]) -> dict[object, frozenset[str]]:
    """Event id -> the content words TOPIC_SHARE or more of its statements say ("emergency", "declaration"
    in a story about an emergency declaration): what every remark of the story shares, not a fact."""
    counts: dict[object, Counter[str]] = {}
    sizes: Counter[object] = Counter()
    for f, k in zip(feats, keys, strict=True):
        if f.item.event_id is not None:
            counts.setdefault(f.item.event_id, Counter()).update(k)
            sizes[f.item.event_id] += 1
    return {
        event: frozenset(w for w, n in c.items() if n >= max(CAST_MIN_STATEMENTS, TOPIC_SHARE * sizes[event]))
        for event, c in counts.items()
    }


SHORT_WORDS = 2  # a reported statement this short ("he will plead not guilty") is one speaker's plain word


def _short_told_again(a: ClaimFeatures, b: ClaimFeatures, ka: frozenset[str], kb: frozenset[str]) -> bool:
    """True when one speaker's short reported statement ("he will plead not guilty", SHORT_WORDS content
    words) is told whole in another outlet's longer report of theirs ("said he would plead not guilty to
    the charges brought by the prosecutors"): the same word, though too short for the word rules (MIN_WORDS),
    when its words from the first content word to the last stand in a row in the other ("plead not
    guilty"). Not for quotes, whose few words recur in a speaker's many remarks, nor for two speakers."""
    (short, f_short), (long_, f_long) = sorted(((ka, a), (kb, b)), key=lambda pair: len(pair[0]))
    if not (
        len(short) == SHORT_WORDS
        and short <= long_
        and bool(a.speaker & b.speaker)
        and not (a.statement.direct or b.statement.direct)
    ):
        return False
    # the short statement's words from its first content word to its last, in a row in the other ("plead
    # not guilty"): "he did not know who sent it" is not "he does not know the student it was sent to"
    words = [stem(w) for w in _word_list(f_short)]
    at = [n for n, w in enumerate(words) if w in short]
    phrase = " ".join(words[at[0] : at[-1] + 1]) if at else ""
    return bool(phrase) and f" {phrase} " in f" {' '.join(stem(w) for w in _word_list(f_long))} "


def _kin_apart(feats: Sequence[ClaimFeatures]) -> None:
    """Tell a father and son of one name apart where an article quotes both ("Donald Trump" and "Donald
    Trump Jr."): the son's surname key becomes his surname with its suffix ("trump jr"), in every article,
    also where he is named without a first name ("Trump Jr."). Elsewhere a suffix is one outlet's formal
    style ("Roger J. Stone Jr." / "Roger Stone"): one person, through the surname (`text.name_keys`)."""
    quoted: dict[object, set[tuple[str, str]]] = {}
    for f in feats:
        if f.statement.speaker:
            quoted.setdefault(f.item.article_id, set()).add(generation(f.statement.speaker))
    kin = {  # (first name or "", surname) of the sons
        _first_last(name)
        for names_ in quoted.values()
        for name, suffix in names_
        if suffix and any(not own and _one_name(other, name) for other, own in names_)
    }
    if not kin:
        return
    for f in feats:
        name, suffix = generation(f.statement.speaker or "")
        if suffix and any(_one_name(name, " ".join(filter(None, son))) for son in kin):
            surname = name.split()[-1]
            f.speaker = frozenset(k for k in f.speaker if k != surname) | {f"{surname} {suffix}"}


def _first_last(name: str) -> tuple[str, str]:
    words = name.split()
    return (words[0] if len(words) > 1 else "", words[-1] if words else "")


def _one_name(x: str, y: str) -> bool:
    """True for two first-and-last names (`text.generation`) of one surname whose first names agree or
    one of which has none ("trump" / "donald trump")."""
    (fx, sx), (fy, sy) = _first_last(x), _first_last(y)
    return bool(sx) and sx == sy and (fx == fy or not fx or not fy)


def _only_names(a: ClaimFeatures, b: ClaimFeatures, shared: frozenset[str]) -> bool:
    """True when every word two statements share is a word of a name in their sentences: one speaker's
    two remarks about the same people, places or bodies ("said the Harbour Board of Elmsby must resign" /
    "called the Harbour Board of Elmsby a model for the county"), not one remark told twice. Their words
    say what is said of the names; a pair alike as wholes (SURE_COSINE) is checked on its words alone."""
    named = frozenset(terms(" ".join(a.names | b.names)))
    return bool(shared) and shared <= named


def _beyond_cast(
    a: ClaimFeatures,
    b: ClaimFeatures,
    shared: frozenset[str],
    cos: float,
    casts: dict[object, frozenset[str]],
) -> bool:
    """True when two speakers' statements share what is said, not only who it is about: at least
    OTHER_SPEAKER_SHARED shared words that are not the story's cast (`_cast`: "Trump Jr.", "WikiLeaks"
    in the sentences of many statements), or two when the statements are alike as wholes
    (CAST_FREE_COSINE). "Trump Jr. received a message from WikiLeaks" and "Trump Jr. confirmed the
    messages" are two facts; "Russia, China, Cuba, Bolivia and Turkey support Maduro" names rarer names,
    which are what it says."""
    cast = casts.get(a.item.event_id, frozenset()) | casts.get(b.item.event_id, frozenset())
    left = len(shared - cast)
    return left >= OTHER_SPEAKER_SHARED or (left >= 2 and cos >= CAST_FREE_COSINE)


def _speaks_for(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when one speaker speaks for the other ("Ada Brill, president of Harbour Watch" / "Harbour Watch
    called the plan ..."; "a spokeswoman for Brill" or "Brill's office" / "Brill"), or an unnamed spokesman
    and a named head speak for one body ("a Guild spokeswoman" / "Guild chairman Ivo Ryland"): their
    quotes are not two people's own words (`_two_remarks`), though what each says must still be alike as
    for two speakers (a spokesman's remark is not his principal's). Two named members of one body ("Guild
    chairman Ivo Ryland" / "Guild treasurer Ada Brill") speak for themselves."""
    if a.voice & b.speaker or b.voice & a.speaker:
        return True
    return bool(a.voice & b.voice) and not (a.speaker and b.speaker)


def _president_and_administration(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when one statement is the president's and the other is given to his administration with no
    one named ("Obama ... telling lawmakers the bill would ..." / "The administration has argued that
    ..."): one speaker, written as a person in one outlet and as the government in another."""
    for x, y in ((a, b), (b, a)):
        president, body = x.statement, y.statement
        if (
            president.speaker
            and _PRESIDENT.match(president.role or "")
            and not (y.speaker and not _ADMINISTRATION.search(body.speaker or ""))
            and _ADMINISTRATION.search(" ".join(w for w in (body.speaker, body.role) if w))
        ):
            return True
    return False


GROUP_NAMES = 3  # names a speaker's role must list to be a group of its members ("Russia, China and Cuba")
GROUP_SHARE = 2 / 3  # of the shorter list's names, the other must list to be the same group


def _members(f: ClaimFeatures) -> frozenset[str]:
    """The names an unnamed speaker's role lists when it is a group of them ("Russia, China, Cuba,
    Bolivia and other countries"), else none."""
    claim = f.statement
    if claim.speaker or not claim.role:
        return frozenset()
    listed = frozenset(names(claim.role))
    return listed if len(listed) >= GROUP_NAMES else frozenset()


def _one_group(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both statements are given to a group named by its members and the two lists are mostly
    the same ("Russia, China, Cuba, Bolivia, Iran, Turkey and other countries" / "Russia, China, Cuba,
    Bolivia, Turkey among others"): one speaker, listed a little differently by each outlet."""
    ma, mb = _members(a), _members(b)
    if not ma or not mb:
        return False
    return len(ma & mb) >= GROUP_SHARE * min(len(ma), len(mb))


def _two_remarks(
    a: ClaimFeatures,
    b: ClaimFeatures,
    same_speaker: bool,
    cos: float,
    *,
    voiced: bool = False,
    cast: dict[object, frozenset[str]] | None = None,
) -> bool:
    """True when the pair is two remarks however many words they share: two named people each quoted
    (one in their own words) are two remarks ("a gross abuse of power", said by Nadler and by Pelosi),
    and two quotes of one speaker that are not in the same words must be alike as wholes (Sunday's tweet
    and Friday's tweet on one decision are two tweets). A reported statement quoting a phrase of the
    speaker's is quoting one remark: another quote of theirs that does not hold the phrase is another
    ("decided to put the 'decision on hold'" / "the decision will be announced next week"). One speaking
    for the other (`voiced`: a spokesman, an office, a body's head) is not two people's own words."""
    direct_a, direct_b = a.statement.direct, b.statement.direct
    if a.speaker and b.speaker and not (same_speaker or voiced) and (direct_a or direct_b):
        return True
    if same_speaker and direct_a != direct_b:
        quote, told = (a, b) if direct_a else (b, a)
        fragments = _quoted_fragments(told)
        if fragments and not any(_lies_in(words, quote) for words in fragments):
            return True  # "decided to put the 'decision on hold'" is not the tweet "decision ... next week"
    return (
        direct_a
        and direct_b
        and cos < QUOTES_MIN_COSINE
        and not (same_speaker and _shared_phrase(a, b, cast or {}))
    )


def _shared_phrase(a: ClaimFeatures, b: ClaimFeatures, cast: dict[object, frozenset[str]]) -> bool:
    """True when two quotes share a run of SHARED_PHRASE_WORDS words holding two content words or more
    ("towns are able to make decisions ..." / "... and towns are able to make a ruling on ..."):
    one speaker's, each outlet transcribed one remark its own way. A shorter run ("the ferry fare
    decision") recurs in one speaker's remarks on one subject, and unnamed speakers' boilerplate ("the
    channels of talks remain open") in statements on two meetings. A run of the story's names and titles
    alone ("the harbour master of the Port of Elmsby", `_run_of_names`) is no remark of its own."""
    wa, wb = _word_list(a), _word_list(b)
    match = SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb))
    if match.size < SHARED_PHRASE_WORDS:
        return False
    run = wa[match.a : match.a + match.size]
    return len(set(terms(" ".join(run)))) >= 2 and not _run_of_names(run, a, b, cast)


SHARED_PHRASE_WORDS = 5  # one speaker's two quotes sharing this many words in a row tell one remark


FRAGMENT_WORDS = 3  # a quoted phrase this long inside a reported statement is the speaker's own words
FRAGMENT_SHARE = 0.8  # of its words, in one run, another quote must hold to be the same remark
_FRAGMENT = re.compile('["\u201c]([^"\u201c\u201d]+)(?:["\u201d]|$)')
_MASKED = re.compile(r"\b\w+[-*]{2,}\w*")  # a word an outlet will not print whole ("f-----g")


def _quoted_fragments(f: ClaimFeatures) -> list[list[str]]:
    """The words of each quoted phrase (FRAGMENT_WORDS or more, masked words left out) inside a reported
    statement ('decided to put the "big game trophy decision on hold'; a quote may run past the span), as
    `_word_list` gives a quote's ("don't" as "dont")."""
    fragments = (
        _WORDS.findall(_AMPERSAND.sub(" and ", _QUOTE_MARKS.sub("", _MASKED.sub(" ", fold(m[1]).lower()))))
        for m in _FRAGMENT.finditer(f.item.claim.text)
    )
    return [words for words in fragments if len(words) >= FRAGMENT_WORDS]


def _lies_in(fragment: list[str], quote: ClaimFeatures) -> bool:
    """True when the phrase is in the quote: nearly all its words (FRAGMENT_SHARE) in one run, or every
    content word of it, however inflected ("steward its resources" / "stewards of its resources")."""
    words = _word_list(quote)
    match = SequenceMatcher(None, fragment, words, autojunk=False).find_longest_match(
        0, len(fragment), 0, len(words)
    )
    if match.size >= FRAGMENT_SHARE * len(fragment):
        return True
    content = frozenset(terms(" ".join(fragment)))
    return bool(content) and content <= frozenset(terms(" ".join(words)))


def _held(f: ClaimFeatures) -> bool:
    """True for a belief, wish or stance the speaker holds ("position"), not a remark."""
    return f.statement.polarity == "position"


def _two_named(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both statements name a speaker and the two are not one person."""
    return bool(a.speaker and b.speaker and not a.speaker & b.speaker)


def _two_people(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when each statement is a named person's (the speaker's kind, where known, is "person") and
    the two are different people, neither speaking for the other: what two people say on one story
    ("the mayor said the ferry should run all winter" / "the harbour master said winter service would
    depend on the ice") are two opinions on its topic, however many of its words they share, unless they
    say it alike as wholes (SURE_COSINE). A body and its spokesman, a report and the person it quotes, or
    an unnamed official and a minister stay checked on their words alone."""
    return (
        a.statement.speaker_kind == "person"
        and b.statement.speaker_kind == "person"
        and _two_named(a, b)
        and not _speaks_for(a, b)
    )


def _negations(text: str) -> int:
    return len(_NEGATION.findall(text))


def asks(f: ClaimFeatures) -> bool:
    """True when the statement says nothing to link: an embedded question ("explained why ...", "asked
    whether ..."), a question the extractor marked ("question": asking is no saying, either way) or a
    refusal ("refused": "declined to say whether the ferry sailed" says neither that it did nor not)."""
    return f.statement.polarity in UNSAID or bool(_QUESTION.match(f.item.claim.text))


UNSAID = frozenset({"question", "refused"})


def _one_refusal(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both statements are one speaker's question or refusal of the same kind ("said he could not
    confirm whether ..." in two outlets): the same unsaid remark reported twice, which may corroborate
    itself though it links to nothing said."""
    polarity = a.statement.polarity
    return polarity in UNSAID and polarity == b.statement.polarity and bool(a.speaker & b.speaker)


# "urged him not to declare an emergency", "asked her to sit for an interview": the statement's words are
# an infinitive, what someone wants done, which says nothing of whether it is or will be so
_WISH = re.compile(r"^\W*(?:not\s+)?to\s+[a-z]", re.I)


def _may_conflict(a: ClaimFeatures, b: ClaimFeatures, same_speaker: bool, cos: float) -> bool:
    """Whether the two statements can be a conflict at all. Not one speaker's two reports unless they are
    alike as wholes (SAME_SPEAKER_CONFLICT_COSINE: "will not expand the base" / "will expand the base";
    "denied that the ferry would stop at Harl" / "said the ferry would stop at Harl", the outlets
    disagreeing on what was said): a speaker's two reported remarks where one outlet's words carry a
    negation ("a phony theology, not a theology based on the Bible" / "what he called the phony theology";
    "pledged to repay the money" / "would not seek re-election") are one stance worded two ways, or two
    remarks, not a speaker contradicting himself. Not when either is a wish or a request told of someone
    (`_WISH`: "urged the mayor not to close the pier" / "the mayor plans to close the pier": both hold)."""
    if same_speaker and cos < SAME_SPEAKER_CONFLICT_COSINE:
        return False
    return not (_wish(a) or _wish(b))


SAME_SPEAKER_CONFLICT_COSINE = 0.6  # one speaker's two reports this alike differ by their negation alone


def _wish(f: ClaimFeatures) -> bool:
    """True for a reported infinitive ("urged him not to declare ..."); a quote opening "To be clear, ..."
    is a remark."""
    return not f.statement.direct and bool(_WISH.match(f.item.claim.text))


# a speaker doubting what follows: "expressed disbelief that", "doubted whether", "was sceptical that"
_DOUBTING = re.compile(
    # "no doubt that", "never doubted that" assert what follows
    r"\b(?:disbelief|(?<!\bno )(?<!\bnever )(?<!\blittle )(?<!\bwithout )doubt(?:s|ed|ing)?|"
    r"(?:was|were|is|are)\s+(?:skeptical|sceptical)|incredulity)\s+"
    r"(?:that|whether|if)\s*$",
    re.I,
)
_THAT_OPENS = re.compile(r"\b(?:that|whether|if)\b", re.I)
DOUBT_CUE_CHARS = 40  # how far into a statement's span a doubting cue and its "that" may run


def _doubted(f: ClaimFeatures) -> bool:
    """True when the words that introduce the statement doubt it ("the former mayor expressed disbelief
    that the harbour board would invite the minister"), in its sentence before the span or at the span's
    start: the speaker does not say it is so, so it confirms no one else who says it is ("the minister
    said he had accepted the board's invitation")."""
    item = f.item
    text = fold(item.claim.text)
    opening = _THAT_OPENS.search(text[:DOUBT_CUE_CHARS])
    before = ""
    if item.sentence_start is not None and 0 <= item.claim.start - item.sentence_start <= len(item.sentence):
        before = fold(item.sentence[: item.claim.start - item.sentence_start])
    return bool(_DOUBTING.search(before + " " + text[: opening.end()] if opening else before))


def _two_stories(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when the two statements' articles are dated and placed in two events: two stories, told weeks
    or years apart or about two happenings ("the committee asked her to sit for an interview" at the end
    of the month / "past ministers often used private accounts" in the first week). Their shared words
    are the topic the two stories share, not a fact; only one remark (the same words, one speaker's run,
    one speaker's words alike as wholes) links them. Undated articles are placed in events by words
    alone, which is no reason to keep their statements apart."""
    ea, eb = a.item.event_id, b.item.event_id
    return (
        ea is not None
        and eb is not None
        and ea != eb
        and a.item.published is not None
        and b.item.published is not None
    )


def _far_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both articles are dated and more than FAR_APART_DAYS apart."""
    pa, pb = a.item.published, b.item.published
    return pa is not None and pb is not None and abs((pa - pb).days) > FAR_APART_DAYS


def _denies(f: ClaimFeatures, shared: frozenset[str]) -> bool:
    """Whether `f` denies what the two statements share (most shared words inside a negation's scope)."""
    words = shared & f.content
    if not words:
        return f.denied
    if f.turned is not None:  # "denied that the line will not open" says it will open
        return len(words & f.turned) * 2 < len(words)
    return len(words & f.negated) * 2 >= len(words)


# A denial of a report and the report: "the guild's chief branded the story 'false'", "dismissing what
# she called inaccurate newspaper reports", "disputed a report in the Harbour Gazette" deny what an
# outlet reported ("The Harbour Gazette reported Friday that the guild had dropped its opposition").
# The two share no words: the denial names the report, not what it says.
_DISMISSING = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|refut\w*|disput\w*|reject\w*|dismiss\w*|call(?:ed|ing|s)?|describ\w*|"
    r"brand\w*|label\w*)\b(?:\W+[\w'\u2019-]+){0,6}?\W+(?:articles?|reports?|reporting|stor(?:y|ies))\b",
    re.I,
)
_REPORT_NOUN = re.compile(r"\b(?:article|report|stor(?:y|ies))", re.I)
_DENYING_VERB = re.compile(r"^(?:den|refut|disput|reject|dismiss)", re.I)
_UNTRUE = re.compile(
    r"\b(?:misleading|false|untrue|inaccurate|wrong|incorrect|fake|distort\w*|erroneous|baseless|unfounded|"
    r"nonsense|fabricat\w*|not true|smear|hoax)\b",
    re.I,
)
# the last word of a news outlet's name ("the Harbour Gazette", "Meridian Wire"), never of a person's
_OUTLET_WORDS = frozenset(
    """times post journal tribune herald gazette telegraph guardian reuters afp ap bbc cnn press register
    chronicle observer examiner inquirer courier sentinel dispatch monitor politico axios news newspaper
    magazine wire daily weekly""".split()  # noqa: SIM905
)
_INITIAL = re.compile(r"\b[A-Z]\.\s")
REPORT_DENIAL_CONFIDENCE = 0.55  # told in other words: never sure, worth an editor's look


def _outlet_report(f: ClaimFeatures, outlets: frozenset[str]) -> bool:
    """True when the statement is a news outlet's report ("The Harbour Gazette reported that ...")."""
    speaker = f.statement.speaker
    if not speaker or f.denied or asks(f) or _INITIAL.search(speaker + " "):
        return False
    words = fold(speaker).lower().strip(" .,'").split()
    return bool(words) and (words[-1] in _OUTLET_WORDS or " ".join(words) in outlets)


def _report_denied(f: ClaimFeatures) -> frozenset[str] | None:
    """When the statement (or its attribution before it) dismisses a report ("branded the story
    'false'", "disputed a report in the Harbour Gazette", "called a Harbour Gazette report false"),
    the words of the outlet it names (empty when it names none); else None."""
    item = f.item
    sentence = fold(item.sentence)
    if not _REPORT_NOUN.search(sentence):
        return None
    if item.sentence_start is not None:  # the sentence up to the statement's end: its frame and itself
        sentence = sentence[: max(0, item.claim.end - item.sentence_start)]
    for m in _DISMISSING.finditer(sentence):
        if _DENYING_VERB.match(m.group()) or _UNTRUE.search(sentence, m.start()):
            source = _REPORT_SOURCE.match(sentence, m.end())
            runs = _CAPITALISED.findall(m.group() + (source.group() if source else ""))
            return frozenset(terms(" ".join(n for n in runs if n.split()[-1].lower() in _OUTLET_WORDS)))
    return None


_CAPITALISED = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_REPORT_SOURCE = re.compile(r"\s+(?:in|by|from|of)\s+(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s*){1,5}")


def report_denials(
    feats: Sequence[ClaimFeatures], focus: set[int] | None, taken: set[frozenset[int]]
) -> list[Scored]:
    """(i, j, "contradicts", confidence, rationale) for a denial of a report and an outlet's report in
    another article of its event: the report names whom the denial speaks for (its speaker, the body its
    role names, or a name in its sentence), and a denial naming an outlet denies that outlet's report
    only. One link per article of the denial and report."""
    outlets = frozenset(fold(f.item.outlet).lower() for f in feats if f.item.outlet)
    reports: dict[object, list[int]] = {}  # event id -> its outlets' reports
    for n, f in enumerate(feats):
        if f.item.event_id is not None and _outlet_report(f, outlets):
            reports.setdefault(f.item.event_id, []).append(n)
    if not reports:
        return []
    out: list[Scored] = []
    seen: set[tuple[object, object]] = set()
    for i, d in enumerate(feats):
        if d.item.event_id not in reports:
            continue
        named = _report_denied(d)
        if named is None:
            continue
        own = frozenset(terms(" ".join((*d.names, *d.speaker, *d.voice))))
        for j in reports[d.item.event_id]:
            r = feats[j]
            if (
                r.item.article_id == d.item.article_id
                or (focus is not None and i not in focus and j not in focus)
                or frozenset((i, j)) in taken
                or (d.item.article_id, r.item.article_id) in seen
                or _far_apart(d, r)
            ):
                continue
            speaker = frozenset(terms(r.statement.speaker or ""))
            if named and not (named <= speaker or speaker <= named):
                continue  # "a report in the Gazette" is not the Herald's
            if not (frozenset(terms(" ".join(names(r.item.claim.text)))) - speaker) & own:
                continue  # the report is about someone else
            seen.add((d.item.article_id, r.item.article_id))
            why = (
                f"{_who(d)} ({source_name(d.item, 'one outlet')}) dismisses a report: \u201c{excerpt(d.item.claim.text)}"
                f"\u201d / {_who(r)} ({source_name(r.item, 'another outlet')}) reports \u201c"
                f"{excerpt(r.item.claim.text)}\u201d, a conflict"
            )
            out.append((i, j, "contradicts", REPORT_DENIAL_CONFIDENCE, why))
    return out


def _denied_outside(f: ClaimFeatures) -> bool:
    """True when the statement is denied by words outside its text ("denied that any troops were on
    board"): its own text has no negation, so the stance model, which reads the text alone, cannot see
    the denial."""
    return f.denied and not _negations(_plain(f))


def _denies_all_but_names(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when one statement's negation covers every word the two share but the names in their
    sentences, at least MIN_NEGATED_SHARED of them, and the other asserts them all: one says of the same
    person or thing what the other says is not so."""
    shared = _keys(a) & _keys(b)
    named = one_name(frozenset(terms(" ".join((*a.names, *b.names)))))
    said = shared - named
    if len(said) < MIN_NEGATED_SHARED:
        return False
    for denier, other in ((a, b), (b, a)):
        if said <= denier.negated and not said & other.negated:
            # a fact denied ("was not", "had never been"), not a wish ("urged him not to declare")
            return bool(_FACT_NEGATION.search(fold(denier.item.claim.text)))
    return False


_FACT_NEGATION = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|been)\s+(?:not|never)\b|\bnever\b|"
    r"\b(?:isn|aren|wasn|weren|hasn|haven|hadn|didn|doesn|don)['\u2019]?t\b",
    re.I,
)


def _whole_denial(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when one of the two statements is denied as a whole ("denied that any troops were on board")
    and the other is not."""
    return a.denied != b.denied


Speaker = tuple[object, frozenset[str]]  # (article id, speaker keys)


def _asserted(feats: Sequence[ClaimFeatures]) -> dict[Speaker, frozenset[str]]:
    """(article id, speaker keys) -> the words each named speaker asserts (outside any negation) in that
    article's statements."""
    out: dict[Speaker, set[str]] = {}
    for f in feats:
        if f.speaker and not f.denied:
            out.setdefault((f.item.article_id, f.speaker), set()).update(f.content - f.negated)
    return {k: frozenset(v) for k, v in out.items()}


def _denied_fact(
    f: ClaimFeatures,
    shared: frozenset[str],
    own: dict[Speaker, frozenset[str]],
    casts: dict[object, frozenset[str]],
) -> bool:
    """True when the denial `f` denies something the other statement says: a shared word in its negation's
    scope that its speaker does not assert himself in the same article, and that is not one of the
    story's cast (`_cast`). "Marsk rejected what he called 'irresponsible speculation' about three
    supply vessels visiting Marrowick" denies no visit when Marsk also says "these are unarmed supply
    vessels on a routine visit": it denies the speculation, not the vessels or the place."""
    denied = shared & f.negated if f.negated else shared
    mine = own.get((f.item.article_id, f.speaker), frozenset()) if f.speaker else frozenset()
    return bool(denied - mine - casts.get(f.item.event_id, frozenset()))


def _negates_shared(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when either statement negates at least MIN_NEGATED_SHARED words the two share ("will not
    expand the base" / "will expand the base"); one shared word under a negation ("other countries have
    no presence in the West" / "to increase its presence") is not yet a conflict."""
    shared = _keys(a) & _keys(b)
    return max(len(shared & a.negated), len(shared & b.negated)) >= MIN_NEGATED_SHARED


MIN_NEGATED_SHARED = 2


def _one_side_negates(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when a negation touches what both say (`_negates_shared`) on one side only: two statements
    that both deny it ("None of the money will come from hurricane relief" / "decided not to tap hurricane
    relief money") say the same."""
    shared = _keys(a) & _keys(b)
    return _negates_shared(a, b) and not (_denies(a, shared) and _denies(b, shared))


def _keys(f: ClaimFeatures) -> frozenset[str]:
    """What is said: the content words, less the speaker's own name when the span includes it."""
    claim = f.statement
    name = claim.speaker or ""
    if name and fold(name).lower() in fold(claim.text).lower():
        return f.content - frozenset(terms(name)) - _LIGHT
    return f.content - _LIGHT


def _block_keys(f: ClaimFeatures) -> list[tuple[str, str]]:
    # speaker keys are the full name and the last name, so the same speaker alone meets min_shared=2
    return [("w", k) for k in _keys(f)] + [("s", k) for k in f.speaker | f.voice]


def _one_by_one(stance: StanceFn) -> StanceManyFn:
    """A batch stance function that asks `stance` pair by pair."""
    return lambda pairs: [stance(claim, text) for claim, text in pairs]


def _stances(
    stance_many: StanceManyFn,
    feats: Sequence[ClaimFeatures],
    kept: Sequence[tuple[int, int, Relation, float, bool]],
) -> list[str]:
    """One verdict per kept pair, from one batch of both directions: each claim towards the other's
    sentence; a disagreement either way wins."""
    asked: list[tuple[str, str]] = []
    for i, j, *_ in kept:
        a, b = feats[i], feats[j]
        asked.append((a.item.claim.text, b.item.sentence))
        asked.append((b.item.claim.text, a.item.sentence))
    labels: list[str] = []
    for start in range(0, len(asked), STANCE_BATCH):
        labels.extend(stance_many(asked[start : start + STANCE_BATCH]))
    return [_verdict({labels[2 * n], labels[2 * n + 1]}) for n in range(len(kept))]


def _unlifted(
    verdicts: list[str],
    feats: Sequence[ClaimFeatures],
    kept: Sequence[tuple[int, int, Relation, float, bool]],
    agree_lifts: AgreeLift,
) -> list[str]:
    """The verdicts with "agree" read as "discuss" (related, no lift) for the agreements of wording that
    `agree_lifts` does not let the model raise; a conflict's "agree" is left to the rules above."""
    return [
        "discuss"
        if verdict == "agree" and relation == "corroborates" and not agree_lifts(feats[i], feats[j])
        else verdict
        for verdict, (i, j, relation, _, _) in zip(verdicts, kept, strict=True)
    ]


def _verdict(labels: set[str]) -> str:
    for label in ("disagree", "agree", "discuss"):
        if label in labels:
            return label
    return "unrelated"


def _line(a: ClaimFeatures, b: ClaimFeatures, relation: str, same_speaker: bool, same: bool = False) -> str:
    """Both outlets and speakers and what each reports, side by side: "Ryabkov, in DW and Sputnik: ..."
    for one speaker, "A (DW) says ... / B (Sputnik) denies ..." for two."""
    shared = _keys(a) & _keys(b)
    out_a, out_b = source_name(a.item, "one outlet"), source_name(b.item, "another outlet")
    outlets = f"{out_a} and {out_b}" if out_a != out_b else f"two {out_a} articles"
    who_a = a.statement.speaker
    who_b = b.statement.speaker
    # the words both give: the shorter text (one sentence of a long quote run lies inside the run)
    both = min(a.item.claim.text, b.item.claim.text, key=len)
    if same and who_a and who_b and _two_named(a, b):  # two people's same words: each named, with the outlet
        return f"{who_a} ({out_a}) and {who_b} ({out_b}), in the same words: \u201c{excerpt(both)}\u201d"
    if same:
        who = who_a or who_b or "An unnamed source"
        return f"{who}, in {outlets}, in the same words: \u201c{excerpt(both)}\u201d"
    if _held(a) != _held(b):  # "Brask holds ... / Brask says ...": not one remark
        same_speaker = False
    if same_speaker and relation == "corroborates" and who_a and who_b:
        return (
            f"{who_a}, in {outlets}: \u201c{excerpt(a.item.claim.text)}\u201d / "
            f"\u201c{excerpt(b.item.claim.text)}\u201d"
        )
    if same_speaker and relation == "corroborates" and _one_group(a, b):  # a group, listed by its members
        return (
            f"{a.statement.role} ({out_a}) and {b.statement.role} ({out_b}), one group: "
            f"\u201c{excerpt(a.item.claim.text)}\u201d / \u201c{excerpt(b.item.claim.text)}\u201d"
        )
    if same_speaker and relation == "corroborates":  # the president and "the administration"
        return (
            f"{_who(a)} ({out_a}) and {_who(b)} ({out_b}), one speaker: \u201c{excerpt(a.item.claim.text)}\u201d"
            f" / \u201c{excerpt(b.item.claim.text)}\u201d"
        )
    return (
        f"{_who(a)} ({out_a}) {_verb(a, shared, _person(a))} \u201c{excerpt(a.item.claim.text)}\u201d"
        f" / {_who(b)} ({out_b}) {_verb(b, shared, _person(b))} \u201c{excerpt(b.item.claim.text)}\u201d"
        + (", a conflict" if relation == "contradicts" else "")
    )


EXCERPT_CHARS = 70


def _who(f: ClaimFeatures) -> str:
    """The speaker as the outlet names it: a name, else the role it gives ("administration officials")."""
    claim = f.statement
    return claim.speaker or (claim.role or "an unnamed source").lower()


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a statement, cut at a word boundary, as an editor recognises it."""
    text = _SPACE.sub(" ", fold(text)).strip().strip('"\u201c\u201d')
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;: ") + "\u2026"


_PLURAL_HEAD = re.compile(r"(?:[^s]s|^police|^people|^staff)$", re.I)
_ROLE_TAIL = re.compile(r"\s(?:at|of|in|from|for|on|with|near|where|who)\s.*$", re.I)


def _person(f: ClaimFeatures) -> int:
    """3 for a speaker the rationale names by a plural role ("witnesses at the harbour", "opposition
    lawmakers"), else 1: the verb agrees with the role's head noun."""
    claim = f.statement
    if claim.speaker or not claim.role:
        return 1
    head = _ROLE_TAIL.sub("", claim.role.strip()).split()
    return 3 if head and _PLURAL_HEAD.search(head[-1]) else 1


# What the rationale says a speaker did with words that are not asserted (claims.models.Claim.Polarity),
# in the third person singular and plural: "the mayor asks", "witnesses ask". The pages' short words for
# the same (claims.templatetags.polarity) are "does not say", "asks", "stance".
POLARITY_VERBS: dict[str, tuple[str, str]] = {
    "refused": ("does not say", "do not say"),  # declined to comment, has not said how
    "question": ("asks", "ask"),  # asks, asserting nothing
    "position": ("holds", "hold"),  # a belief, wish or stance, not said
}


def _verb(f: ClaimFeatures, shared: frozenset[str], person: int) -> str:
    """ "does not say", "asks" or "holds" for a statement refused, asked or held (its polarity: nobody
    says what is asked or only held); "denies" for a statement denied as a whole by words outside it
    ("denied that any troops were on board"); else "says": a statement whose own words carry the
    negation ("the government had not informed parliament", "arranged without informing parliament")
    says it, as the quote shows."""
    if verbs := POLARITY_VERBS.get(f.statement.polarity):
        return verbs[0] if person == 1 else verbs[1]
    if f.turned is not None:  # "denies \u201cthe line will not open\u201d": the quote has the negation denied
        return "denies" if person == 1 else "deny"
    if _denies(f, shared) and f.denied and not _NEGATION.search(fold(f.item.claim.text).lower()):
        return "denies" if person == 1 else "deny"
    return "says" if person == 1 else "say"
