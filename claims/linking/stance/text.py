"""Tokenising, light stemming, sentence splitting and the stance cue lexicons.

Everything here is plain English/news usage: words that reporters use to refute, deny, hedge or
attribute a claim. Nothing is taken from a particular corpus.
"""

from __future__ import annotations

import re

from newstext import stemming
from newstext.sentences import sentences as sentences  # the stance features' splitter

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_NOT_RE = re.compile("n['\u2019]t\\b")


def _words(text: str) -> list[str]:
    """Return the whitespace-separated words of a lexicon string."""
    return text.split()


STOPWORDS = frozenset(
    _words(
        """a about above after again against all am an and any are as at be because been before being
    below between both but by can did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i in into is it its itself just me more
    most my myself of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with you your
    yours yourself yourselves s t also would could may might said says one two new just like get got
    us"""
    )
)

# Words that reverse or reject the headline's statement.
REFUTE_WORDS = _words(
    "fake fraud hoax false deny denies denied denial debunk debunked prank retract retracted untrue "
    "bogus fabricated myth satire satirical spoof doctored photoshopped misleading incorrect baseless "
    "unfounded refute refuted dismiss dismissed reject rejected contradict disputed lie lies lied scam "
    "nonsense rumour rumor wrong"
)
# Negation words; "n't" is rewritten to "not" before tokenising.
NEGATION_WORDS = _words("not no never none nobody nothing neither nor without cannot")
# Words that mark an unverified or second-hand claim.
HEDGE_WORDS = _words(
    "may might could reportedly allegedly alleged claim claims claimed apparently possibly purportedly "
    "suggest suggests speculate speculation appear appears seem seems unconfirmed unverified unclear "
    "uncertain if whether believe believed likely rumoured rumored report reports reported according "
    "sources source supposedly question"
)
# Words that mark an affirmed, official or verified statement.
AFFIRM_WORDS = _words(
    "confirm confirmed confirms official officially announce announced announces verified proof "
    "evidence revealed reveals true indeed statement spokesman spokeswoman spokesperson actually "
    "admitted admits"
)
# Reporting verbs: the body attributes rather than asserts.
REPORT_WORDS = _words("said says told tweeted wrote stated according posted added explained")


# The shipped model's vocabulary holds crude stems: it moves to `stemming.stem` when it is retrained.
stem = stemming.crude_stem


def tokens(text: str) -> list[str]:
    """Return the lower-case stemmed word tokens of ``text`` ("don't" gives "do", "not")."""
    low = _NOT_RE.sub(" not", text.lower())
    return [stem(t) for t in _TOKEN_RE.findall(low)]


def content(toks: list[str]) -> list[str]:
    """Return the tokens that are not stop words (stop words are compared unstemmed and stemmed)."""
    return [t for t in toks if t not in STOP_STEMS]


def _stems(words: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for w in words:
        seen.setdefault(stem(w), None)
    return tuple(seen)


STOP_STEMS = frozenset(STOPWORDS | {stem(w) for w in STOPWORDS})
REFUTE = _stems(REFUTE_WORDS)
NEGATION = _stems(NEGATION_WORDS)
HEDGE = _stems(HEDGE_WORDS)
AFFIRM = _stems(AFFIRM_WORDS)
REPORT = _stems(REPORT_WORDS)
# Every cue word once, in a fixed order: the per-word feature columns.
CUE_WORDS: tuple[str, ...] = tuple(dict.fromkeys(REFUTE + NEGATION + HEDGE + AFFIRM + REPORT))
CUE_INDEX = {w: i for i, w in enumerate(CUE_WORDS)}
CUE_GROUPS: dict[str, frozenset[str]] = {
    "refute": frozenset(REFUTE),
    "negation": frozenset(NEGATION),
    "hedge": frozenset(HEDGE),
    "affirm": frozenset(AFFIRM),
    "report": frozenset(REPORT),
}
# Opposites a debunking article uses against a headline's word ("alive" / "dead", "real" / "fake").
ANTONYM_WORDS = (
    ("alive living survived survive survives survivor", "dead died dies killed death"),
    ("true real genuine authentic", "false fake hoax untrue bogus fabricated"),
    ("confirm confirms confirmed", "deny denies denied"),
    ("win wins won", "lose loses lost"),
    ("found", "missing"),
    ("arrested arrest", "released freed"),
    ("guilty", "innocent"),
    ("accept accepted approve approved", "reject rejected refused refuse"),
)
# Phrases a debunking article uses, as token sequences ("it turned out", "there is no evidence").
DEBUNK_PHRASES = (
    "not true",
    "no evidence",
    "turned out",
    "in fact",
    "not real",
    "never happened",
    "fake news",
    "april fool",
    "made up",
    "no truth",
    "no proof",
    "not the case",
    "is false",
    "was false",
    "not actually",
    "no sign",
    "no record",
    "no such",
    "nothing to do with",
    "parody",
)
DEBUNK: tuple[tuple[str, ...], ...] = tuple(tuple(stem(w) for w in _words(p)) for p in DEBUNK_PHRASES)
# Two lexicons read only by the optional "against" feature block (features.EXTRA_BLOCKS), outside
# CUE_GROUPS so the columns of a model trained without that block stay as they were.
# Words that cast doubt on a story without flatly denying it: a debunking article's vocabulary.
DOUBT_WORDS = _words(
    "doubt doubts doubtful skeptical sceptical skeptic questionable dubious unsubstantiated unproven "
    "exaggerated overblown inaccurate erroneous erroneously mistaken mistakenly misreported "
    "misinformation fiction fictional invented fabrication hoaxer purported supposed "
    "viral gullible"
)
# Words that turn a sentence against what came before it ("but", "however").
CONTRAST_WORDS = _words("but however although though yet instead despite whereas contrary nevertheless")
DOUBT = frozenset(_stems(DOUBT_WORDS))
CONTRAST = frozenset(_stems(CONTRAST_WORDS))
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(_stems(_words(a))), frozenset(_stems(_words(b)))) for a, b in ANTONYM_WORDS
)
