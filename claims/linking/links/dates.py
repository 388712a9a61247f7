"""Date rules: dates of the same happening at compatible precision corroborate; within one event,
dates of the same happening that cannot be the same day contradict."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from claims.extraction.types import DateClaim
from newstext.months import MONTH_NAMES

from ..types import Relation
from .blocking import KeyWeights, candidate_pairs
from .features import (
    DENIAL_CUES,
    ClaimFeatures,
    Key,
    date_interval,
    dated_clause,
    one_day,
    scoped_negations,
    value_interval,
)
from .quantities import PEOPLE_NOUNS
from .text import fold, names, overlap, source_name, stem, terms

Scored = tuple[int, int, Relation, float, str]

MIN_AGREE = 0.3  # weighted overlap of what the two dates date ("Guaido declared himself interim president")
ONE_WORD_SIM = 0.4  # the most a match on one shared word counts towards a date link's confidence
MIN_AGREE_YEAR = 0.6  # a year dates many happenings of a story: "a 2014 ban" / "sued in 2014" need more
MIN_CONFLICT = 0.5
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_CALENDAR = frozenset(terms(" ".join(MONTH_NAMES) + " ago"))
NEAR_DAYS = 45  # a conflict is only about the event itself: dates this close to its articles (or "since")
# "18 years ago", "three decades earlier": a date counted back from the article's own date
_COUNTED_BACK = re.compile(r"\b(?:years?|decades?|centur(?:y|ies))\s+(?:ago|earlier|before)\b", re.I)
_PRECISION = {"year": 0, "month": 1, "day": 2}
MIN_OWN_SHARE = 1 / 3  # of the shorter clause's words: "a bilateral agreement inked" / "the agreement signed"


def date_links(feats: Sequence[ClaimFeatures]) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for date claims that date the same happening."""
    weights = KeyWeights(_keys(f) for f in feats)
    pairs = candidate_pairs(feats, lambda f: _keys(f), min_shared=2)
    # one day of one event, however each outlet writes it ("Thursday", "Feb. 14"): candidates too
    pairs |= candidate_pairs(feats, _day_key, max_posting=200, per_claim=60)
    pairs |= candidate_pairs(feats, _period_key, max_posting=200, per_claim=20)
    # one week counted from two articles' days ("said last week" / "last week dismissed")
    pairs |= candidate_pairs(feats, _week_key, max_posting=200, per_claim=20)
    # one actor's days in one event ("the House voted Wednesday" / "followed by the House on Thursday")
    pairs |= candidate_pairs(feats, _actor_key, max_posting=200, per_claim=20)
    # one remark quoted in both sentences ("'We have learned ...,' he said to the group in March 2008" /
    # "At that March 2 event ... he says, 'We have learned ...'"): the date of its occasion
    pairs |= candidate_pairs(feats, _quoted, max_posting=200, per_claim=20, min_shared=3)
    # a telling of a deed done ("said in 2017 that he repaid") and a date of that deed ("repaid ... this year")
    pairs |= _told_pairs(feats)
    context = KeyWeights(_context(f) for f in feats)
    spoken = {n for n, f in enumerate(feats) if quoted_deixis(f)}
    denied: dict[int, bool] = {}
    out: list[Scored] = []
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        ca, cb = a.item.claim, b.item.claim
        assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
        for n in (i, j):
            if n not in denied:
                denied[n] = _denied(feats[n])
        if denied[i] != denied[j] and not (_since(a) and _since(b)) and not one_named_day(a, b):
            # (a day naming a noun with "the" presupposes it: "no new details about the Jan. 8 collision")
            continue  # "No ship ran aground on Sunday" dates no grounding: the statements hold the conflict
        sim = weights.overlap(_keys(a), _keys(b))
        if (i in spoken) != (j in spoken) and sim < SAME_REMARK_SIM:
            continue  # one remark quoted twice (the same words) still gives its word for one day
        agree = _compatible(a, b)
        if agree is None or (agree and not period_fits(ca, cb)):
            continue
        if not agree and (told := _told_before_done(a, b)):
            out.append((i, j, "contradicts", TOLD_BEFORE_DONE_CONFIDENCE, _line(a, b, told)))
            continue
        if agree and other_meetings(a, b):
            continue  # one person's two meetings of one day ("met with Reyes" / "also met with Brack")
        if agree:
            period = _same_period(a, b)
            quote = _same_quote(a, b)
            if (
                (
                    (
                        sim >= (MIN_AGREE_YEAR if "year" in (ca.precision, cb.precision) else MIN_AGREE)
                        and _more_than_names(a, b)
                    )
                    or period
                    or quote
                )
                and not _other_actors(a, b)
                and _one_story(a, b)
                and not _unnamed_and_named_tellers(a, b)
                and _issue_paper_named(a, b)
                and _issue_paper_named(b, a)
            ):
                # one shared word ("passed on Thursday night" / "Congress passed ... Thursday") covers a
                # short clause whole but says less than several: such a match is shown as less sure
                sure = sim if len(_keys(a) & _keys(b)) > 1 else min(sim, ONE_WORD_SIM)
                conf = min(0.95, 0.45 + 0.5 * sure)
                if ca.precision != cb.precision or (ca.value != cb.value and (midnight(a) or midnight(b))):
                    # a day inside a month or a year the other gives is compatible, not one day told twice:
                    # the coarser date fits every happening of its month ("signed last week" / "took a stand
                    # on Monday"), so the pair is never sure; nor is a midnight and the day after it
                    conf = min(conf, COARSER_CONFIDENCE)
                if _telling_and_deed(a, b):
                    if not _meet(_clause_actors(a), _clause_actors(b)):
                        continue  # "Ty Cobb told Fox News on Monday" / "Trump Jr. confirmed Monday"
                    if undergone(a) or undergone(b):
                        continue  # "Hale was arrested Thursday" / "Hale on Thursday said": his telling
                    conf = min(conf, TELLING_AND_DEED_CONFIDENCE)
                lead = "both"
                if (
                    ca.precision == cb.precision == "day"
                    and ca.value != cb.value
                    and (midnight(a) or midnight(b))
                ):
                    lead = "midnight, the turn of the day"
                if period and conf < PERIOD_CONFIDENCE:
                    conf, lead = PERIOD_CONFIDENCE, f"the same period, {period[0]} to {period[1]}"
                elif quote and conf < QUOTE_CONFIDENCE:
                    conf, lead = QUOTE_CONFIDENCE, "the occasion of one quoted remark"
                out.append((i, j, "corroborates", round(conf, 3), _line(a, b, lead)))
            elif one_persons_year(a, b) and not _unnamed_and_named_tellers(a, b):
                out.append(
                    (i, j, "corroborates", DESCRIBED_YEAR_CONFIDENCE, _line(a, b, "one person's year"))
                )
            elif (noun := one_named_day(a, b)) and not _unnamed_and_named_tellers(a, b):
                out.append((i, j, "corroborates", NAMED_DAY_CONFIDENCE, _line(a, b, f"one day's {noun}")))
            elif (
                _same_day_happening(a, b)
                and not _unnamed_and_named_tellers(a, b)
                and (ctx := context.overlap(_context(a), _context(b))) >= MIN_DAY_CONTEXT
            ):
                conf = min(0.8, 0.5 + 0.4 * ctx)
                out.append((i, j, "corroborates", round(conf, 3), _line(a, b, "same day, same happening")))
            elif (
                _one_week_telling(a, b)
                and not _unnamed_and_named_tellers(a, b)
                and (ctx := context.overlap(_context(a), _context(b))) >= MIN_DAY_CONTEXT
            ):
                conf = min(COARSER_CONFIDENCE, 0.5 + 0.4 * ctx)
                out.append((i, j, "corroborates", round(conf, 3), _line(a, b, "one telling, the same week")))
        elif (
            sim >= (MIN_CONFLICT_ONE_ACTOR if _one_day_each_one_actor(a, b) else MIN_CONFLICT)
            # a quoted "this afternoon" counts from when the speaker spoke, which the article does not
            # give (a statement of Sunday quoted on Monday): it may agree with a day, never dispute one
            and i not in spoken
            and j not in spoken
            and a.item.event_id is not None
            and a.item.event_id == b.item.event_id
            and ((_near(a) and _near(b) and _one_happening(a, b)) or (_since(a) and _since(b)))
        ):
            conf = min(0.85, 0.3 + 0.5 * sim)
            out.append((i, j, "contradicts", round(conf, 3), _line(a, b, "different dates")))
    return out


# A week counted from the article's day: "last week" in two articles of one week is one week
_WEEK = re.compile(r"^\W*(?:(?P<last>last|past)|(?:earlier\s+)?this)\s+week\W*$", re.I)
# Verbs of saying that take the remark's subject or target as object: "dismissed the critique",
# "reiterated his stance", "defended the plan": one person's telling, told by another outlet as "said"
_SPEAKING = frozenset(
    stem(w).rstrip("e")  # as _verb gives them
    for w in """dismissed reiterated defended claimed argued insisted repeated stressed rejected criticized
    criticised acknowledged conceded warned vowed pledged promised urged explained denied responded replied
    suggested""".split()  # noqa: SIM905
)


def _saying(f: ClaimFeatures) -> bool:
    """True when the date dates a telling under any verb of saying ("said", "dismissed the critique",
    "reiterated", "laid out his belief")."""
    what = _what(f)
    if what in _TELLING or what in _SPEAKING:
        return True
    dated = f.date.dated or ""
    return dated.lower() in _LAY and bool(re.search(rf"\b{re.escape(dated)}\s+out\b", f.item.claim.text))


_LAY = frozenset("lay lays laid laying".split())  # noqa: SIM905 ("laid out his plan": a telling)


def _week(f: ClaimFeatures) -> tuple[int, int] | None:
    """The (ISO year, week) a date written "last week" or "this week" names, from its article's day; None
    for other dates or an article of no known day."""
    written = f.date.expression.text if f.date.expression else ""
    m = _WEEK.match(written)
    published = f.item.published
    if m is None or published is None:
        return None
    day = published - dt.timedelta(days=7) if m["last"] else published
    year, week, _ = day.isocalendar()
    return year, week


def _one_week_telling(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both dates name one week counted from their articles' days ("last week" in two articles
    of one week) and date a telling of one speaker, under any verb of saying: "Reyes, the council's
    chairman, said last week the figures were wrong" / "Last week, Reyes dismissed the auditors' report"
    (one telling). Another speaker's telling of that week, or a deed ("sent a letter last week"), is
    another happening."""
    if a.item.event_id is None or a.item.event_id != b.item.event_id:
        return False
    wa, wb = _week(a), _week(b)
    if wa is None or wa != wb:
        return False
    if not (_saying(a) and _saying(b)):
        return False
    return _one_sayer(a, b) and not _other_actors(a, b)


def _sayer(f: ClaimFeatures) -> set[tuple[str, ...]]:
    """The names of who speaks in a dated telling: those of the claim's text before its verb but for names
    after a preposition ("On Monday, in anticipation of Mayor Ortiz's vote, Ms. Hartley laid out" ->
    Hartley; "Hartley, a Liberal and chairman of the Finance Committee, said" -> Hartley), else its
    clause's."""
    dated = f.date.dated or ""
    text = f.item.claim.text
    at = re.search(rf"\b{re.escape(dated)}\b", text) if dated else None
    if at is None:
        return _clause_actors(f)
    # names after a preposition are where or whose, not who speaks: "on the Senate floor", "chairman of
    # the Finance Committee", "Senator Hale of Carlow", "in anticipation of Mr. Ortiz's announcement"
    before = _OF_A_NAME.sub(" ", _DATELINE.sub("", text[: at.start()]))
    return _actors(before) or _clause_actors(f)


_OF_A_NAME = re.compile(
    r"\b(?:on|in|at|of|from|for|to|with|by|about|before|after)\s+(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s*)+"
)


def _two_tellers(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when each clause names its teller right before the telling verb (`_teller`, a name in it) and
    the two share no name: "A number of the Internet companies issued statements Thursday night" / "The
    Harbour Gazette reported Thursday that ..." are two tellings, whatever else the second sentence names.
    A teller described, not named ("the lawyer for the campaign said Thursday"), may be the other's."""
    ta, tb = _teller(a), _teller(b)
    if ta is None or tb is None:
        return False
    na, nb = _actors(ta), _actors(tb)
    return bool(na) and bool(nb) and not _meet(na, nb)


def _one_sayer(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when the two tellings name one speaker (`_sayer`): "Mayor Ortiz reiterated" is not "Ms.
    Hartley laid out", whoever else the second sentence names."""
    return _meet(_sayer(a), _sayer(b))


MIN_DAY_CONTEXT = 0.08  # share of the sentences' rare words two same-day dates of one event must have
# verbs that date a telling, not the happening told: one telling is dated by any of them
_TELLING = frozenset(
    stem(w).rstrip("e")  # as _verb gives them
    for w in """say said says told tell tells announce announced announces state stated tweet tweeted posted post
    write wrote written respond responded confirm confirmed issue issued add added note noted report reported
    reports""".split()  # noqa: SIM905
)


# a span of years written out: "from 2009 to 2013", "between 1965 and 1970"
_PERIOD = re.compile(
    r"\b(?:from|between)\s+(?:[A-Za-z]+\s+)?((?:1[89]|20)\d\d)\s+(?:to|until|through|till|and)\s+"
    r"(?:[A-Za-z]+\s+)?((?:1[89]|20)\d\d)\b"
)


COARSER_CONFIDENCE = 0.74  # a date against a coarser one: below the review queue's sure band (0.75)
PERIOD_CONFIDENCE = 0.7  # two ends written alike: likely one period, below the sure band without words


def _same_period(a: ClaimFeatures, b: ClaimFeatures) -> tuple[str, str] | None:
    """The (first, last) years both sentences of one event write out around the claimed year, else None
    ("her tenure, which lasted from 2009 to 2013" / "She served in that position from 2009 to 2013"): two
    ends given alike are one period, whatever words the sentences use for it."""
    if a.item.event_id is None or a.item.event_id != b.item.event_id:
        return None
    year = a.date.value[:4]
    # both groups of _PERIOD always match: (first, last) year
    spans_a: set[tuple[str, str]] = {
        (m[1], m[2]) for m in _PERIOD.finditer(a.item.sentence) if year in m.groups()
    }
    shared = spans_a & {(m[1], m[2]) for m in _PERIOD.finditer(b.item.sentence)}
    return min(shared) if shared else None


def _period_key(f: ClaimFeatures) -> list[Key]:
    if f.item.event_id is None:
        return []
    year = f.date.value[:4]
    return [
        ("period", f.item.event_id, *m.groups())
        for m in _PERIOD.finditer(f.item.sentence)
        if year in m.groups()
    ]


def _week_key(f: ClaimFeatures) -> list[Key]:
    week = _week(f) if f.item.event_id is not None else None
    return [("week", f.item.event_id, *week)] if week else []


def _actor_key(f: ClaimFeatures) -> list[Key]:
    if f.item.event_id is None or not one_day(f.date) or tells(f):
        return []
    actors = _clause_actors(f)
    return [("actor", f.item.event_id, *next(iter(actors)))] if len(actors) == 1 else []


def _day_key(f: ClaimFeatures) -> list[Key]:
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    if f.item.event_id is None or not one_day(claim) or not year_known(f):
        return []
    if midnight(f):  # the turn of the day: the day before or after as another outlet writes it
        first, last = _interval(f)
        return [("day", f.item.event_id, v) for v in (first, claim.value, last)]
    return [("day", f.item.event_id, claim.value)]


def _context(f: ClaimFeatures) -> frozenset[str]:
    """The words of the whole sentence and its names, less the date words."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    when = frozenset(terms(claim.expression.text)) if claim.expression else frozenset()
    return frozenset(
        _ONE_DEED.get(w, w) for w in (f.context | frozenset(terms(" ".join(f.names)))) - when - _CALENDAR
    )


def _same_day_happening(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two dates of one day in one event that date the same happening, told in different words: the dated
    verbs match ("passed" / "passed", "vote" / "voted"), or both date a telling ("said" / "announced"), or
    one's verb is in the other's sentence; and the clauses do not name different actors ("the Senate voted"
    / "the House voted")."""
    ca, cb = a.item.claim, b.item.claim
    assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
    if (
        a.item.event_id is None
        or a.item.event_id != b.item.event_id
        or not one_day(ca)
        or ca.value != cb.value
        or not (year_known(a) and year_known(b))
    ):
        return False
    va, vb = _what(a), _what(b)
    if (
        va != vb
        and _appearance(a)
        and _appearance(b)
        and _meet(_actors(a.item.sentence), _actors(b.item.sentence))
        and not _other_actors(a, b)
    ):
        # "a speech Thursday" / "in advance of his visit there on Thursday": one appearance of the person
        # both sentences name ("the governor's speech" / "the mayor's visit" are two, unless the rules
        # below find one happening: "delivered his speech" / "Wednesday's speech")
        return True
    if _saying(a) and _saying(b) and not (tells(a) and tells(b)):
        # one speaker's telling of the day under two verbs of saying ("reiterated that he opposes the levy"
        # / "laid out his belief that ..."): one telling when both clauses name that speaker
        return _one_sayer(a, b) and not _other_actors(a, b)
    if va and vb and (va == vb or (va in _TELLING and vb in _TELLING) or _names_the_other(a, b)):
        # a paper's report in its day's issue is told by that paper: another teller's telling of the day
        # ("the director said on the radio Monday") is another telling
        if va != vb and va in _TELLING and vb in _TELLING and _two_tellers(a, b):
            return False  # "the companies issued statements Thursday night" / "the Post reported Thursday"
        return not _other_actors(a, b) and _issue_paper_named(a, b) and _issue_paper_named(b, a)
    if _passive_telling_of(a, b) or _passive_telling_of(b, a):
        return not _other_actors(a, b)
    return _same_actor(a, b)


# "The subpoenas were disclosed Thursday": a telling whose teller the clause leaves out (a by-phrase or
# the sentence before names them). It is a telling of its subject, so it dates the same telling as
# another outlet's "the lawyer said Thursday" only when that sentence tells of the same thing ("issued
# subpoenas ..., the lawyer said Thursday"), never any telling of that day ("The governors' association
# announced on Thursday that he would travel").
_PASSIVE_TELLING = re.compile(
    r"\b([A-Za-z][\w'-]*)\s+(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:first\s+|also\s+|publicly\s+)?"
    r"(disclosed|revealed|unveiled|announced|reported|confirmed|made\s+public)\b",
    re.I,
)


def _passive_subject(f: ClaimFeatures) -> str | None:
    """The stemmed subject of the passive telling the date dates ("subpoena" of "The subpoenas were
    disclosed Thursday"), None when the date dates no such passive."""
    dated = _what(f)
    if not dated:
        return None
    for m in _PASSIVE_TELLING.finditer(f.item.sentence):
        subject = terms(m.group(1))
        if subject and _verb(m.group(2).split()[0]) == dated:
            return subject[0]
    return None


def _passive_telling_of(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when `a` dates a passive telling ("The subpoenas were disclosed Thursday") and `b` a telling
    whose sentence names what was told ("... issued grand jury subpoenas ..., the lawyer said Thursday")."""
    subject = _passive_subject(a)
    return subject is not None and tells(b) and subject in terms(b.item.sentence)


def _names_the_other(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when neither date dates a telling and what one dates is what the other's dated verb does:
    "In Tuesday's hearing the councillor ..." / "who spoke at the hearing ... on Tuesday" (the hearing,
    dated as a noun in one and as the object of the dated verb in the other). A word elsewhere in the
    clause is another happening: "after the board's meeting on Tuesday, she toured the docks" does not
    date a jury "due to meet Tuesday"."""
    if tells(a) or tells(b):
        return False  # "said Wednesday, before the vote" is not the vote
    return _does(a, _what(b)) or _does(b, _what(a))


def _does(f: ClaimFeatures, what: str) -> bool:
    """True when the first content word after the claim's dated verb is `what` ("delivered his speech")."""
    if not what or not f.date.dated:
        return False
    done, _ = _object_after(f.item.claim.text, f.date.dated)
    return done is not None and _verb(done) == what


MIN_CONFLICT_ONE_ACTOR = 0.3  # "The House voted later on Wednesday" / "followed by the House on Thursday"


def _one_story(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """False for two articles the events keep apart whose sentences share no name: "repairs to the
    promenade, damaged by storms last month" in a budget story and "the town, where Sunday's storm
    damaged 40 boats" in a storm story share a verb and a noun, not a happening. Within an event, or
    with a name both sentences give (a place, an actor), they may be one."""
    if a.item.event_id is None or b.item.event_id is None or a.item.event_id == b.item.event_id:
        return True
    shared = frozenset(terms(" ".join(a.names))) & frozenset(terms(" ".join(b.names)))
    return bool(shared - _CALENDAR - _WEEKDAYS)


SAME_REMARK_SIM = 0.8  # clauses this alike are one remark, wherever a sentence split left its quote mark
# Words that date by the moment they are said: in a quotation that is when the speaker spoke, which the
# article seldom gives ("help 'today, not next month'", "could end the strike 'tomorrow'").
_DEICTIC = re.compile(
    r"^\W*(?:(?:by|from|until|as\s+of)\s+)?(?:today|tonight|tomorrow|yesterday|now|right\s+now|"
    r"this\s+(?:morning|afternoon|evening|week|weekend|month|year)|next\s+(?:week|month|year)|"
    r"last\s+(?:night|week|month|year))\W*$",
    re.I,
)


def quoted_deixis(f: ClaimFeatures) -> bool:
    """True when the date is a word that counts from the moment of speaking ("today", "next month") and
    stands inside a quotation: the speaker's day, not one the article gives, so it is compared only with
    another quotation's or the same remark's ("she said the town needed help 'today, not next month'";
    two outlets quoting one remark may agree on it)."""
    claim = f.date
    written = claim.expression.text if claim.expression else ""
    if not written or not _DEICTIC.match(written):
        return False
    sentence = f.item.sentence
    at = sentence.find(written)
    if at < 0:
        return False
    before = sentence[:at]
    straight = before.count('"')
    return straight % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _one_day_each_one_actor(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both dates name a day, days apart (ADJACENT_DAYS at most), each clause names the same
    one actor, and neither dates a telling: the actor's words say what it did ("voted", "followed by"), so
    fewer shared words make one happening told with two days. Weeks apart, the same actor did two things
    ("reopened the government on Jan. 25" / "funded the government until Feb. 15")."""
    if not one_day(a.date) or not one_day(b.date) or tells(a) or tells(b):
        return False
    if _days_apart(a, b) > ADJACENT_DAYS or not _same_actor(a, b):
        return False
    # and what was done is named in both sentences ("override"): not "met" on Monday, "adjourned" Tuesday
    actor = {w for name in _clause_actors(a) | _clause_actors(b) for w in name}
    return bool((_context(a) & _context(b)) - actor - _WEEKDAYS)


ADJACENT_DAYS = 3  # one happening mis-dated by an outlet is off by a day or two


def _one_happening(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when two dates of one event can date one happening, so that different days conflict: the same
    dated verb ("voted" / "vote") or the same one actor ("the House voted" / "followed by the House"), and
    not different actors. "Obama vetoed the measure last week" and "the Senate voted Wednesday to override
    his veto" date two happenings, however many words they share."""
    va, vb = _what(a), _what(b)
    if va in _TELLING or vb in _TELLING:
        return False  # one person speaks on many days: "asked on Tuesday" and "told Fox on Monday" are two
    if bool(va) and va == vb:
        return not _other_actors(a, b)
    # one actor doing two things weeks apart ("reopened the harbour on Feb. 25" / "funded it until March
    # 13") is two happenings: told with two days, one happening is off by a day or two
    return _same_actor(a, b) and _days_apart(a, b) <= ADJACENT_DAYS and not _other_actors(a, b)


def _days_apart(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """Days between two day-precision dates; 0 when either is coarser (a month or a year is compared as
    it is), inf when a year is not known."""
    if not one_day(a.date) or not one_day(b.date):
        return 0
    try:
        return abs((dt.date.fromisoformat(a.date.value) - dt.date.fromisoformat(b.date.value)).days)
    except ValueError:  # "XXXX-03-12"
        return math.inf


def _same_actor(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when each clause names one actor (its sentence's, when the clause names none) and it is one
    name: "Tump announced late Friday" / "President Trump on Friday reversed"."""
    na, nb = _clause_actors(a), _clause_actors(b)
    return len(na) == 1 and len(nb) == 1 and _meet(na, nb)


def _clause_actors(f: ClaimFeatures, groups: bool = True) -> set[tuple[str, ...]]:
    """The actors the claim's own words name; else those of its clause in the sentence (the words from the
    last comma before it: "Marking a defeat for the White House, the House ensured ... after voting to
    override Wednesday afternoon" is the House's vote); else the sentence's."""
    return (
        _actors(_DATELINE.sub("", f.item.claim.text), groups)
        or _actors(_clause_subject(f), groups)
        or _actors(_DATELINE.sub("", f.item.sentence), groups)
    )


_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]")
# a name opening a clause, after "the": the clause's subject ("the House ensured ..."); a clause opening
# otherwise ("a trophy-hunting organization that sued the Obama administration") names no subject
_SUBJECT = re.compile(r"\s*(?:the\s+)?((?:[A-Z][\w'.-]*\s+)*[A-Z][\w'.-]*)(?=\s+[a-z])")


def _clause_subject(f: ClaimFeatures) -> str:
    """The name opening the claim's clause before its text (back from the claim to the last clause
    break), else ""."""
    sentence, text = f.item.sentence, f.item.claim.text
    at = sentence.find(text) if text else -1
    if at <= 0:
        return ""
    before = _DATELINE.sub("", sentence[:at])
    breaks = list(_CLAUSE_BREAK.finditer(before))
    m = _SUBJECT.match(before[breaks[-1].end() :] if breaks else before)
    return m[1] if m else ""


# "WASHINGTON — President Trump on Friday ...": where the story was filed is no actor of the clause
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3}\s*[\u2014\u2013\u2015-]+\s*")


TELLING_AND_DEED_CONFIDENCE = 0.5  # "Schumer said Wednesday" / "before Wednesday's vote": one day, two facts


def _telling_and_deed(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when one date dates a telling and the other a deed ("Schumer said Wednesday" / "Wednesday's
    vote"): the same day, shared names, but not one happening, so any match of the deed itself (the same
    dated verb) goes first for the one confirmation an article gives a date. A telling of someone else
    than the deed's actors is another fact ("Ty Cobb told Fox News Monday" / "Trump Jr. confirmed
    Monday"); the actor's own telling may be the deed ("Trump said in a tweet Friday" / "Trump on
    Friday reversed the decision")."""
    va, vb = _what(a), _what(b)
    return bool(va and vb) and (va in _TELLING) != (vb in _TELLING)


TOLD_BEFORE_DONE_CONFIDENCE = 0.55  # a deed dated after a telling that gives it as done: a conflict, unsure
# a verb after these is not yet done ("said that he would repay"): no bound on when it is done
_NOT_DONE = re.compile(r"\b(?:to|will|would|could|can|may|might|shall|should|must|plans?|planned)\s+$", re.I)


def _reported(f: ClaimFeatures) -> str:
    """The words a dated telling reports: its sentence after the claim's text ("The lawyers said in 2017"
    -> "that Hunter and his wife repaid the campaign about $60,000"), else ""."""
    if not tells(f):
        return ""
    sentence, text = f.item.sentence, f.item.claim.text
    at = sentence.find(text) if text else -1
    return sentence[at + len(text) :] if at >= 0 else ""


MAX_TOLD_PAIRS = (
    20  # deeds a dated telling is paired with, at most (blocking: the deed's verb in the telling)
)


def _told_pairs(feats: Sequence[ClaimFeatures]) -> set[tuple[int, int]]:
    """Index pairs of a dated telling and a dated deed of its event in another article whose verb is among
    the words the telling reports ("said in 2017 that he repaid ..." / "repaid ... earlier this year"):
    only such pairs, not two deeds of one verb, which other keys pair when their words say so."""
    deeds: dict[Key, list[int]] = {}
    for n, f in enumerate(feats):
        if f.item.event_id is not None and not tells(f) and (verb := _what(f)):
            deeds.setdefault((f.item.event_id, verb), []).append(n)
    out: set[tuple[int, int]] = set()
    for i, f in enumerate(feats):
        if f.item.event_id is None or not tells(f):
            continue
        found = [
            j
            for t in sorted(set(terms(_reported(f))))
            for j in deeds.get((f.item.event_id, t), ())
            if feats[j].item.article_id != f.item.article_id
        ]
        out.update((min(i, j), max(i, j)) for j in found[:MAX_TOLD_PAIRS])
    return out


def _told_before_done(a: ClaimFeatures, b: ClaimFeatures) -> str:
    """The rationale's lead when one date dates a telling that gives a deed as done ("lawyers said in 2017
    that he repaid the campaign") and the other dates that deed after it ("he repaid his campaign ...
    earlier this year", 2018), in one event: the deed cannot be done after it was told as done. The deed
    is the same verb, written alike (not "to re-open" for "open", "would repay" for "repaid"), on the same
    object (the next content word: "repaid the campaign" / "repaid his campaign", not "emails she sent" /
    "sent a request"), and done by its article's day (not a day to come, "a bill to open the government
    through Feb. 15"). Else ""."""
    for telling, deed in ((a, b), (b, a)):
        if not tells(telling) or tells(deed) or telling.item.event_id != deed.item.event_id:
            continue
        if telling.item.event_id is None or not (year_known(telling) and year_known(deed)):
            continue
        done = fold(deed.date.dated or "")
        published = deed.item.published
        first, _ = date_interval(deed.date)
        if len(done) <= 2 or published is None or first > published.isoformat():
            continue
        if first <= date_interval(telling.date)[1] or not _near(deed):
            continue  # the deed may have been done by the telling
        told_object, told_at = _object_after(_reported(telling), done)
        if told_object is None or _NOT_DONE.search(fold(_reported(telling))[:told_at]):
            continue  # the deed's own word, in the past as the deed gives it, and not "would repay"
        if told_object == _object_after(deed.item.claim.text, done)[0]:
            return f"\u201c{done}\u201d dated after a telling that gives it as done"
    return ""


def _object_after(text: str, word: str) -> tuple[str | None, int]:
    """The first content word after `word` in `text` (written alike, not inside "re-open") and where `word`
    starts; (None, -1) when `word` is not there."""
    folded = fold(text)
    m = re.search(rf"(?<![\w-]){re.escape(word)}\b", folded, re.I)
    if m is None:
        return None, -1
    after = terms(folded[m.end() :])
    return (after[0] if after else None), m.start()


# who tells without being named: "people with knowledge of the case", "sources close to the talks"
_UNNAMED_TELLER = re.compile(r"\b(?:people|persons?|sources?|someone)\b", re.I)


def _teller(f: ClaimFeatures) -> str | None:
    """The words of the clause before the dated telling verb in the claim's own text ("Grimm's lawyer" of
    "Grimm's lawyer said Friday"), None when the date dates no telling or its text names no teller."""
    if not tells(f) or not f.date.dated:
        return None
    text = f.item.claim.text
    at = re.search(rf"\b{re.escape(f.date.dated)}\b", text)
    if at is None:
        return None
    before = _CLAUSE_BREAK.split(text[: at.start()])[-1]
    return before if terms(before) else None


def _unnamed_and_named_tellers(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for two tellings of one day, one by unnamed people ("people with knowledge of the case said on
    Friday") and one by a teller the other does not name ("Grimm's lawyer said Friday"): a leak and an
    on-record statement, two tellings however much the two sentences share."""
    ta, tb = _teller(a), _teller(b)
    if ta is None or tb is None or bool(_UNNAMED_TELLER.search(ta)) == bool(_UNNAMED_TELLER.search(tb)):
        return False
    return not frozenset(terms(ta)) & frozenset(terms(tb))


def tells(f: ClaimFeatures) -> bool:
    """True when the date dates a telling ("said Monday", "announced on Friday", "first reported in the
    Gazette in Monday's editions")."""
    return _what(f) in _TELLING


def _what(f: ClaimFeatures) -> str:
    """What the date dates, as `_verb` gives it: its dated word; for an issue of a paper or a broadcast
    ("which was first reported in the Harbour Gazette in Monday's editions", "aired in Sunday's
    broadcast") the telling its clause dates through it, when the clause has one."""
    dated = f.date.dated or ""
    if dated.lower() in _ISSUE:
        for word in re.findall(r"[A-Za-z]+", dated_clause(f.date)):
            if _verb(word) in _TELLING:
                return _verb(word)
    return _verb(dated)


def _issue_paper_named(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """False when `a` dates a report in a paper's issue ("first reported in the Harbour Gazette in Monday's
    editions") and `b`'s clause names none of the names of `a`'s clause (the paper)."""
    if (a.date.dated or "").lower() not in _ISSUE or _what(a) not in _TELLING:
        return True
    return _meet(_actors(dated_clause(a.date)), _clause_actors(b))


# an issue of a paper or a programme: what a possessive day before it dates is the telling in it
_ISSUE = frozenset(
    "edition editions issue issues broadcast broadcasts newscast column columns episode".split()  # noqa: SIM905
)


def _verb(word: str | None) -> str:
    verb = stem(word or "").rstrip("e")  # "vote" / "voted"
    return _ONE_DEED.get(verb, verb)


def _appearance(f: ClaimFeatures) -> bool:
    """True when the date dates a public appearance under one of its words ("speech", "visit"), or a verb
    of giving one ("will deliver the Orchard Lecture on Thursday", "gave a speech Tuesday")."""
    dated = (f.date.dated or "").lower()
    if dated in _APPEARANCE:
        return True
    if dated not in _GIVE:
        return False
    m = re.search(rf"\b{re.escape(dated)}\b((?:\s+\S+){{1,6}})", f.item.claim.text, re.I)
    return m is not None and bool(_GIVEN.search(m[1]))


_GIVE = frozenset(
    "give gives gave given giving deliver delivers delivered delivering make makes made".split()  # noqa: SIM905
)
_GIVEN = re.compile(r"\b(?:speech|speeches|lecture|address|remarks)\b", re.I)


# Verbs of one deed of a body that decides by vote: "the House passed the resolution Tuesday", "the House
# voted 396-9 on Wednesday", "the board approved / adopted it": one happening under each outlet's verb.
_ONE_DEED = {
    form: "vote"
    for w in [
        "vote",
        "voted",
        "voting",
        "pass",
        "passed",
        "passing",
        "approve",
        "approved",
        "adopt",
        "adopted",
    ]
    for form in (stem(w), stem(w).rstrip("e"))
}
# Verbs of a start: "the programme was started in 2011", "a programme launched in 2011", "the programme began
# in 2011" date one start under each outlet's verb ("found" and "open" are left out: "police found", "an open
# letter").
_STARTS = {
    form: "start"
    for w in """start started starts starting begin began begun begins launch launched launches launching
    establish established create created inaugurate inaugurated initiate initiated""".split()  # noqa: SIM905
    for form in (stem(w), stem(w).rstrip("e"))
}
_ONE_DEED.update(_STARTS)
# Words of one public appearance of one person: "heading to the university for a speech Thursday", "in
# advance of his appearance on the campus on Thursday", "ahead of his visit there on Thursday", "spoke at
# the college Thursday": one happening under each outlet's word, as written (the verb "appeared", as in
# "appeared intent on", is no appearance), and only when both sentences name the person
# (`_same_day_happening`).
_APPEARANCE = frozenset(
    """speech speeches speak speaks speaking spoke lecture lectures lectured appearance appearances visit
    visits visited visiting remarks""".split()  # noqa: SIM905
)


def _other_actors(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when each clause names one actor and the other's sentence does not mention it ("the Senate
    voted" / "the House voted"); names are compared by their words, forgiving a misspelling ("Tump")."""
    # a noun of people opening a sentence ("Lawmakers approved ...") is no actor another name differs from
    na, nb = _clause_actors(a, groups=False), _clause_actors(b, groups=False)
    if len(na) != 1 or len(nb) != 1:
        return False  # none to compare, or several ("both the House and the Senate" may be "Congress")
    return not _meet(na, _actors(b.item.sentence)) and not _meet(nb, _actors(a.item.sentence))


def _actors(text: str, groups: bool = True) -> set[tuple[str, ...]]:
    """The capitalised names in `text` as their words, without calendar words, titles and initials; with
    `groups` False, also without a noun of people capitalised as a sentence's first word (`_GROUP_WORDS`)."""
    out = set()
    for name in names(_ADJECTIVE.sub(lambda m: m.group().lower(), text)):
        if not groups and name in _GROUP_WORDS:
            continue
        words = tuple(w for w in terms(name) if len(w) > 3 and w not in _CALENDAR and w not in _WEEKDAYS)
        if words:
            out.add(words)
    return out


# A noun of people opening a sentence is capitalised, not named: "Lawmakers approved the measure on March
# 3" names no actor that "the Carlow Assembly passed the bill on Tuesday" would differ from (the words as
# written: "Senators" is not "Senate"). Only `_other_actors` leaves them out: elsewhere "Protesters ...
# ahead of Ms. Marsh's visit" still names two actors, so it is not Ms. Marsh's one deed of the day.
_GROUP_WORDS = frozenset(
    [
        *PEOPLE_NOUNS,
        *(f"{w}s" for w in PEOPLE_NOUNS),
        *"""lawmakers legislators officials authorities police investigators prosecutors critics analysts
        protesters demonstrators residents voters workers troops soldiers senators members delegates
        councillors councilors regulators negotiators""".split(),  # noqa: SIM905
    ]
)


# "two African countries", "Republican senators", "a Catholic university", "Ryan, a Catholic and chairman
# of ...": a name-made adjective (or such a word for a believer) before a lower-case word names no actor
_ADJECTIVE = re.compile(
    r"\b(?:[A-Z][a-z]+(?:ian|ican|ean|ese|ish)|Catholic|Protestant|Jesuit|Evangelical|Orthodox|Muslim|Islamic"
    r"|Hispanic|Democratic)\b(?=\s+[a-z])"
)
# stems, not terms: the bare weekdays are stop words, so terms() would drop them and keep "Wednesday's"
# ("In Tuesday's hearing the councillor ...": a day, not an actor of the clause)
_WEEKDAYS = frozenset(
    stem(w)
    for w in "monday tuesday wednesday thursday friday saturday sunday late early".split()  # noqa: SIM905
)


def _meet(xs: set[tuple[str, ...]], ys: set[tuple[str, ...]]) -> bool:
    """True when a name of `xs` and one of `ys` are one name: every word of the shorter is in the longer
    ("Trump" / "President Trump"), forgiving a misspelling; "Calvarra Senate" is not "Calvarra Assembly"."""
    return any(_one_name(x, y) for x in xs for y in ys)


def _one_name(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return all(any(w == v or fuzz.ratio(w, v) >= NAME_SIMILARITY for v in long_) for w in short)


NAME_SIMILARITY = 85  # "tump" / "trump": one letter apart is one name


def counted_back_links(feats: Sequence[ClaimFeatures]) -> list[Scored]:
    """Corroborations inside one article: a date counted back in years ("a deal inked 18 years ago") that
    lands on the year the article also writes out for the same happening ("the deal signed in May 2001").

    Links are otherwise made across articles; this one checks the article's own arithmetic, so it is kept
    to one per counted-back date: its best match by shared words, then by the finest written date.
    """
    back = {n for n, f in enumerate(feats) if _counted_back(f)}
    if not back:
        return []
    articles = {feats[n].item.article_id for n in back}
    by_article: dict[object, list[int]] = {}
    for n, f in enumerate(feats):
        if f.item.article_id in articles:
            by_article.setdefault(f.item.article_id, []).append(n)
    out: list[Scored] = []
    for i in sorted(back):
        a = feats[i]
        members = by_article[a.item.article_id]
        best: tuple[float, int, int] | None = None
        for j in members:
            b = feats[j]
            if j in back or not _YEAR.search(_written(b)):
                continue
            (a0, a1), (b0, b1) = date_interval(a.date), date_interval(b.date)
            if not (a0 <= b1 and b0 <= a1):  # one anchor for both: the values compare as they are
                continue
            sim = overlap(_own_words(a), _own_words(b))
            if sim >= MIN_OWN_SHARE:
                rank = (sim, _PRECISION.get(b.date.precision, 0), -j)
                best = max(best, rank) if best else rank
        if best:
            sim, j = best[0], -best[2]
            conf = min(0.8, 0.4 + 0.3 * sim)
            out.append(
                (min(i, j), max(i, j), "corroborates", round(conf, 3), _line(a, feats[j], "same article"))
            )
    return out


def _own_words(f: ClaimFeatures) -> frozenset[str]:
    """What the date dates in its own clause ("bilateral agreement inked"), without the date words."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    when = frozenset(terms(claim.expression.text)) if claim.expression else frozenset()
    return f.content - when - _CALENDAR


def _written(f: ClaimFeatures) -> str:
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    return claim.expression.text if claim.expression else claim.text


def _counted_back(f: ClaimFeatures) -> bool:
    return bool(_COUNTED_BACK.search(_written(f)))


def year_known(f: ClaimFeatures) -> bool:
    """False when the year was guessed: no year written in the claim and no publication date to anchor
    "in January" or "on 26 June" (extractors then fall back on today's year)."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    if claim.value.startswith("X"):  # stored as not known ("XXXX-01-23")
        return False
    written = claim.expression.text if claim.expression else claim.text
    return f.item.published is not None or bool(_YEAR.search(written))


def _meets(x: tuple[str, str], y: tuple[str, str]) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def period_fits(ca: DateClaim, cb: DateClaim) -> bool:
    """Whether two overlapping dates, one or both a period ("between June 2011 and July 2012"), can say the
    same: two periods whose first ends meet and whose last ends meet (at the coarser precision of each);
    a period and a date that is one of its ends ("in 2009" / "from 2009 to 2013") or holds it whole ("in
    2016" / "June-July 2016"). A day inside a period ("reversed on Friday" / "killed between January 2016
    and December 2018") neither confirms the period nor disputes it. True when neither is a period."""
    if not ca.end_value and not cb.end_value:
        return True
    if ca.end_value and cb.end_value:
        return _meets(value_interval(ca.value), value_interval(cb.value)) and _meets(
            value_interval(ca.end_value), value_interval(cb.end_value)
        )
    period, single = (ca, cb) if ca.end_value else (cb, ca)
    assert period.end_value is not None
    whole, at = date_interval(period), value_interval(single.value)
    if at[0] <= whole[0] and whole[1] <= at[1]:
        return True
    return any(_meets(at, value_interval(end)) for end in (period.value, period.end_value))


# "at midnight Dec. 21", "Friday at midnight", "midnight on Friday": the turn of the day, which another
# outlet gives as the next day ("the shutdown began Dec. 22") as often as the day named
_MIDNIGHT_BEFORE = re.compile(r"\bmidnight\s+(?:on\s+|of\s+)?$", re.I)
_MIDNIGHT_AFTER = re.compile(r"^,?\s*(?:at\s+)?midnight\b", re.I)


def midnight(f: ClaimFeatures) -> bool:
    """True when the date is one day whose sentence puts "midnight" right before or after its words."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    written = claim.expression.text if claim.expression else ""
    if not written or not one_day(claim):
        return False
    sentence = f.item.sentence
    at = sentence.find(written)
    while at >= 0:
        if _MIDNIGHT_BEFORE.search(sentence[max(0, at - 20) : at]) or _MIDNIGHT_AFTER.match(
            sentence[at + len(written) : at + len(written) + 20]
        ):
            return True
        at = sentence.find(written, at + 1)
    return False


def _interval(f: ClaimFeatures) -> tuple[str, str]:
    """`date_interval` of the claim, a midnight's day widened by one day each way (the turn of the day
    written with the day before or the day after)."""
    first, last = date_interval(f.date)
    if not midnight(f):
        return first, last
    day = dt.date.fromisoformat(first)
    return (day - dt.timedelta(days=1)).isoformat(), (day + dt.timedelta(days=1)).isoformat()


def _compatible(a: ClaimFeatures, b: ClaimFeatures) -> bool | None:
    """Whether the two dates can be the same day (None: nothing to compare once unknown years go)."""
    ca, cb = a.item.claim, b.item.claim
    assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
    if year_known(a) and year_known(b):
        (a0, a1), (b0, b1) = _interval(a), _interval(b)
        return a0 <= b1 and b0 <= a1
    ma, mb = ca.value[5:], cb.value[5:]  # "MM-DD" or "MM"
    if not ma or not mb or ma.startswith("X") or mb.startswith("X"):  # a weekday or "a few days ago"
        return None
    return ma.startswith(mb) or mb.startswith(ma)


QUOTE_CONFIDENCE = 0.7  # one remark quoted around two dates: its occasion, whatever words date it
MIN_QUOTE_TERMS = 4  # a shorter quotation ("a power grab") is a phrase many repeat, not one remark
MIN_QUOTE_SHARE = 0.8  # of the shorter quotation's words the other must have
_QUOTATION = re.compile(r"[\"“”]([^\"“”]{20,})[\"“”]")


def _quoted(f: ClaimFeatures) -> frozenset[str]:
    """The words the claim's sentence quotes (between quote marks), less calendar words."""
    return frozenset(t for q in _QUOTATION.findall(f.item.sentence) for t in terms(q)) - _CALENDAR


def _same_quote(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both sentences quote one remark: the shorter quotation has MIN_QUOTE_TERMS words or more
    and the other quotes nearly all of them (MIN_QUOTE_SHARE)."""
    qa, qb = _quoted(a), _quoted(b)
    shorter = min(len(qa), len(qb))
    return shorter >= MIN_QUOTE_TERMS and len(qa & qb) >= MIN_QUOTE_SHARE * shorter


def _keys(f: ClaimFeatures) -> frozenset[str]:
    # what the date dates: the words of its clause, plus the multi-word names of the whole sentence,
    # but not the date words themselves ("in December" is what is compared, not evidence of a match)
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    when = frozenset(terms(claim.expression.text)) if claim.expression else frozenset()
    named = frozenset(terms(" ".join(n for n in f.names if " " in n)))
    return frozenset(_ONE_DEED.get(w, w) for w in (f.content | named | _antecedent(f)) - when - _CALENDAR)


# a clause opening with "one" that stands for the plural noun just before it: "in several interviews,
# including one last week on a Harbour radio show" dates one interview
_ONE_OF = re.compile(r"^\W*(?:including|among\s+them|notably|especially)?\s*one\b", re.I)
_PLURAL_BEFORE = re.compile(r"\b([A-Za-z]{3,}s)\W*(?:including|among\s+them|notably|especially)?\W*$", re.I)


def _antecedent(f: ClaimFeatures) -> frozenset[str]:
    """The noun a clause's opening "one" stands for ("interviews" of "has spoken in several interviews,
    including one last week"), as terms; empty when the clause does not open so."""
    text, sentence = f.item.claim.text, f.item.sentence
    if not _ONE_OF.match(text):
        return frozenset()
    at = sentence.find(text)
    m = _PLURAL_BEFORE.search(sentence[:at]) if at > 0 else None
    return frozenset(terms(m[1])) if m else frozenset()


def _more_than_names(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when the two dates are one day, or their clauses share a word that is not part of a name: a
    month or year shared with the story's cast ("Maduro", "Guaido", "Venezuela") is not the same
    happening ("Maduro took office on 10 January" / "a crisis since January"); "the Senate voted
    Wednesday" / "to begin in the Senate on Wednesday" name one day of one actor."""
    ca, cb = a.date, b.date
    if one_day(ca) and one_day(cb) and ca.value == cb.value:
        return True
    cast = frozenset(terms(" ".join(a.names))) | frozenset(terms(" ".join(b.names)))
    return bool((_keys(a) & _keys(b)) - cast)


_SINCE = re.compile(r"^\s*since\b", re.I)
_THAT = re.compile(r"\s*\bthat\b", re.I)  # a clause opening with "that"
_THAT_ENDS = re.compile(r"\bthat\s*$", re.I)  # ... or the words before it ending with it


def _denied(f: ClaimFeatures) -> bool:
    """True when the clause the date dates is denied ("No ship ran aground on Sunday", "denied that a
    tanker ran aground on Sunday"): it dates a happening its speaker says did not happen, so it neither
    confirms nor disputes the day of that happening as others tell it."""
    clause = dated_clause(f.date)
    words = frozenset(terms(clause))
    if not words:
        return False
    # a denying verb whose "that" clause holds the date ("denied that ...", "rejected reports that ..."),
    # not one the date dates ("Congress on Wednesday rejected the veto" tells of a rejection on Wednesday)
    # nor one of a noun the date dates ("rejected the veto of a bill letting families of Sept. 11 victims")
    sentence = fold(f.item.sentence)
    at = sentence.find(fold(clause)[:40])
    before = sentence[max(0, at - 60) : at] if at > 0 else ""
    cue = DENIAL_CUES.search(before)
    if cue and (_THAT_ENDS.search(before[cue.end() :]) or _THAT.match(clause)):
        return True
    return len(scoped_negations(clause) & words) * 2 >= len(words)


def _since(f: ClaimFeatures) -> bool:
    """True for the start of a state that still holds ("has led the board since 2009"): however long
    ago, two outlets giving it different years for one state conflict."""
    return bool(_SINCE.match(_written(f)))


def _near(f: ClaimFeatures) -> bool:
    """True when the date lies within NEAR_DAYS of its article's publication (or that is unknown)."""
    published = f.item.published
    if published is None:
        return True
    first, last = date_interval(f.date)
    lo = (published - dt.timedelta(days=NEAR_DAYS)).isoformat()
    hi = (published + dt.timedelta(days=NEAR_DAYS)).isoformat()
    return first <= hi and last >= lo


def _line(a: ClaimFeatures, b: ClaimFeatures, lead: str) -> str:
    """Both dates side by side, with each outlet's words for what they date."""
    va, vb = _shown(a), _shown(b)
    values = va if va == vb else f"{va} / {vb}"
    out_a, out_b = source_name(a.item, "one outlet"), source_name(b.item, "another outlet")
    if out_a == out_b:
        out_b = f"{out_b}, elsewhere"
    return f"{lead}: {values}: {out_a} \u201c{_excerpt(a)}\u201d / {out_b} \u201c{_excerpt(b)}\u201d"


EXCERPT_CHARS = 60


def _excerpt(f: ClaimFeatures) -> str:
    text = " ".join(fold(f.item.claim.text).split())
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text.rfind(" ", 0, EXCERPT_CHARS)
    return text[: cut if cut > EXCERPT_CHARS // 2 else EXCERPT_CHARS].rstrip(",;: ") + "\u2026"


def _shown(f: ClaimFeatures) -> str:
    """The date as an editor should read it: "2019-03-23", or "23 January, year not given" when the
    year was only guessed (an undated article's "on 23 January"); a period "2011-06 to 2012-07"."""
    value = f.date.value
    if f.date.end_value:
        return f"{value} to {f.date.end_value}"
    if year_known(f) or len(value) < 7 or value[5:7] == "XX":
        return value
    month = calendar.month_name[int(value[5:7])]
    day = f"{int(value[8:10])} " if len(value) >= 10 else ""
    return f"{day}{month}, year not given"


NAMED_DAY_CONFIDENCE = 0.8  # one calendar day naming one noun in both outlets: "the Sept. 11 attack"
# a day written with its month ("Sept. 11", "11 September"), not a weekday: "the Friday vote" may be either
# chamber's, "the March 3 vote" is one
_MONTH_DAY = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
)
_NAMED_DAY_BEFORE = re.compile(r"\b(?:the|that|this)\s+$", re.I)
# after the day (and its year, set off by commas: "the Jan. 8, 2026, collision"), the noun it names
_NAMED_DAY_AFTER = re.compile(r"^(?:,\s*(?:1[89]|20)\d\d)?,?\s+([a-z][a-z-]{2,})\b")
_NOT_A_NOUN = frozenset(
    """and or but nor the that which who whom whose when where while as than then to of in on at by for from
    with into onto after before until since during through about against between is was were are be been
    has had have will would could should may might can did does do""".split()  # noqa: SIM905
)


def _named_day(f: ClaimFeatures) -> str | None:
    """The noun a calendar day stands before, as an attribute ("the Sept. 11 attack", "the Jan. 8, 2026,
    collision at the pier"): what the day names, whatever verb the clause has ("The e-mails said little
    about the Jan. 8 collision"). None for a weekday, a coarser date or a day that names no noun ("on Jan.
    8 the ferry sank")."""
    if not one_day(f.date) or not year_known(f):
        return None
    written = f.date.expression.text if f.date.expression else ""
    if not written or not _MONTH_DAY.search(written):
        return None
    sentence = f.item.sentence
    for at in re.finditer(re.escape(written), sentence):
        if not _NAMED_DAY_BEFORE.search(sentence[: at.start()]):
            continue
        noun = _NAMED_DAY_AFTER.match(sentence[at.end() :])
        if noun and noun[1] not in _NOT_A_NOUN:
            return noun[1]
    return None


def one_named_day(a: ClaimFeatures, b: ClaimFeatures) -> str | None:
    """The noun two dates of one event both name with one calendar day ("the Sept. 11, 2012, attack" /
    "the Sept. 11 attack, which killed four"), else None: one day and one happening named alike, though
    the clauses around them tell different things (a review published, messages that say little)."""
    if a.item.event_id is None or a.item.event_id != b.item.event_id or a.date.value != b.date.value:
        return None
    na, nb = _named_day(a), _named_day(b)
    return na if na and nb and stem(na) == stem(nb) else None


# "was arrested early Friday", "were taken into custody": a deed done to the one the clause names
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:[a-z]+ly\s+)?$", re.I)


def undergone(f: ClaimFeatures) -> bool:
    """True when the date dates a passive deed with no agent named ("Hale was arrested early Thursday on
    charges ...", not "was signed by the governor"): the one the clause names underwent it, so their own
    telling that day ("Hale on Thursday said") is not the deed."""
    dated = f.date.dated or ""
    text = f.item.claim.text
    at = re.search(rf"\b{re.escape(dated)}\b", text) if dated else None
    if at is None or not _PASSIVE_BEFORE.search(text[: at.start()]):
        return False
    if _passive_subject(f) is not None:
        return False  # "The subpoenas were disclosed Thursday": a telling with its teller left out
    return not re.search(r"\bby\s+(?:the\s+)?[A-Z]", text[at.end() :])


# verbs of a meeting of people: who else was there tells which meeting it was
_MEETING = frozenset(_verb(w) for w in "meet met meets meeting talked talks spoke".split())  # noqa: SIM905
_WITH = re.compile(r"\bwith\b")


def _met_with(f: ClaimFeatures) -> set[tuple[str, ...]]:
    """The names the claim gives after "with" of a dated meeting ("Mayor Ortiz met on Wednesday with the
    harbour chief, Ana Reyes" -> Reyes), empty for other dates or a meeting with no one named."""
    dated, text = f.date.dated or "", f.item.claim.text
    if _verb(dated) not in _MEETING:
        return set()
    at = re.search(rf"\b{re.escape(dated)}\b", text)
    with_ = _WITH.search(text, at.end()) if at else None
    if with_ is None:
        return set()
    # the list may run on past the claim's words: "with Lindqvist and three other candidates" met more
    # people than it names, so it names no one the other met, not no one
    rest = f.item.sentence[f.item.sentence.find(text) + with_.start() :] if text in f.item.sentence else text
    if _OTHERS.search(rest.split(".")[0]):
        return set()
    return _actors(text[with_.start() :])  # "with" first: a name opening the text is skipped


_OTHERS = re.compile(r"\b(?:and|with|among)\s+(?:\w+\s+)?others?\b", re.I)


def other_meetings(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both dates date a meeting with people named and one clause names none of those the other
    met: "Ortiz met on Wednesday with Ana Lindqvist" / "Ortiz also met Wednesday with Tom Brack and Lena
    Voss" are two meetings of one day, and so are "Lindqvist met with Ortiz" / "Ortiz also met with Tom
    Brack"; "Lindqvist met with Ortiz at city hall on Wednesday" is the first."""
    wa, wb = _met_with(a), _met_with(b)
    if not wa or not wb:
        return False
    return not _meet(wa, _actors(b.item.claim.text)) or not _meet(wb, _actors(a.item.claim.text))


DESCRIBED_YEAR_CONFIDENCE = 0.6  # one person's role in one year, described in two outlets' "who" clauses
# "Lindqvist, 61, who was the 2004 Liberal nominee": a relative clause describing the name before it
_WHO_CLAUSE = re.compile(
    r"((?:[A-Z][\w'.\u2019-]*\s+)*[A-Z][\w'.\u2019-]*),\s+(?:\d+,\s+)?who\s+([^,;:()\u2014]+)"
)


def _described(f: ClaimFeatures) -> tuple[set[tuple[str, ...]], frozenset[str]] | None:
    """(the person, the clause's words) when the date is a year inside a relative clause describing a
    named person ("Lindqvist, who ran for mayor on the harbour party's 2004 ticket"), else None."""
    written = f.date.expression.text if f.date.expression else ""
    if f.date.precision != "year" or not written:
        return None
    for m in _WHO_CLAUSE.finditer(f.item.sentence):
        if written in m[2]:
            who = _actors(f"with {m[1]}")  # "with" first: a name opening the text is skipped
            words = frozenset(terms(m[2])) - frozenset(terms(written)) - {w for n in who for w in n}
            return (who, words) if who else None
    return None


def one_persons_year(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when two outlets of one event describe one person with the same year in a "who" clause and
    the clauses share a word other than the person's name: "Lindqvist, who ran for mayor on Ana Voss's
    2004 ticket" / "Lindqvist, who was Voss's running mate in the 2004 mayoral race" / "Lindqvist, who
    was the 2004 Liberal candidate for mayor": one role of one year. A year a story gives many happenings
    of is otherwise linked only with many shared words (`MIN_AGREE_YEAR`); "Lindqvist, who left the
    party in 2004" shares no word with the race and stays apart."""
    if a.item.event_id is None or a.item.event_id != b.item.event_id or a.date.value != b.date.value:
        return False
    da, db = _described(a), _described(b)
    return bool(da and db and _meet(da[0], db[0]) and da[1] & db[1])
