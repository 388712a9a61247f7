"""Attributed statements: direct quotes and reported speech, with the speaker resolved in the article.

`find_statements(adoc)` reads the parsed analysis text once (quotes, then reporting cues over the
dependency parse), joins a quote's continuation to it, resolves each source through the article's
own named actors and maps every span back to the stored text.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from ..doccache import token_texts
from ..document import ArticleDoc
from ..types import Span, StatementClaim
from . import attribution_model
from .asides import with_asides
from .calibration import calibrated, carried, worth_storing
from .conjoined import split_conjoined
from .cues import frame_of, is_denial, is_question, is_speech_verb, predicated, put_to_someone
from .direct import SCARE_MAX_WORDS, find_direct
from .documents import maker_of, unmade_finding, unsourced_record
from .edges import (
    after_dateline,
    contrasted_source,
    quoted_title_object,
    with_contrasted_half,
    without_dangling,
)
from .fragments import (
    JOINER,
    TITLE_MAX_WORDS,
    interrupted_clause,
    interrupted_fragments,
    joined,
    quote_before_its_attribution,
    without_trailing_title,
)
from .gloss import (
    without_writers_clause,
    without_writers_gloss,
    without_writers_occasion,
    without_writers_summary,
    writers_aside,
)
from .inverted import with_inverted
from .naming import NAMING_VERBS, called_what, names_in_quotes
from .no_comment import with_unanswered
from .not_remarks import described_by_relative, event_as_source, scant_speech
from .polarity import asks, held_negated, negated_deed, polarity_of
from .quotes import QUOTE_MARKS, find_quotes, paragraph_ids, title_cased
from .rejected import find_rejected, is_rejected_claim
from .reported import PERSONAL_PRONOUNS, SUBJECT_DEPS, Found, find_reported, source_after_quote_cue, trimmed
from .resolve import claim_holder, corrected_subject, mention_range, resolve_subject
from .sourceless import has_source
from .speakers import ArticleActors, Speaker
from .stance import AGENT_KINDS, NOT_STORED, STANCE_CAP, agent_words, commits, noun_phrase_kind
from .timed_cues import timed_noun_duplicate
from .trailing_source import without_trailing_source
from .transcript import find_turns, is_role_label

__all__ = ["find_statements"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _merge(doc: Doc, direct: list[Found], reported: list[Found]) -> list[Found]:
    """One statement per cue (a quote and the clause holding it are the same statement), in order."""
    by_cue: dict[int, Found] = {}
    merged_cues: set[int] = set()
    uncued: list[Found] = []
    for item in reported + direct:
        if item.cue_i < 0:
            uncued.append(item)
            continue
        have = by_cue.get(item.cue_i)
        if have is None:
            by_cue[item.cue_i] = item
            continue
        if not _overlap(have.content, item.content) and (_scare(doc, have) or _scare(doc, item)):
            # A quoted name or phrase outside the cue's content ('labeled "birthers" ... have demanded',
            # 'he told "Today"') is no part of what was said: the words between stay out of the span.
            if _scare(doc, have):
                by_cue[item.cue_i] = item
            continue
        if (
            have.direct
            and item.direct
            and have.content[1] <= item.cue_i < item.content[0]
            and _run_into(doc, item.cue_i, item.content[0])
        ):
            # '"...," Hale said, in an attack on "the new majority."': the quoted fragment is held by the
            # writer's phrase after the attribution, no continuation of the quote before it
            continue
        if have.direct != item.direct:
            quote, clause = (have, item) if have.direct else (item, have)
            held = clause.subject if clause.subject is not None else quote.subject
            if (
                clause.content[0] <= clause.cue_i < clause.content[1]
                or (held is not None and clause.content[0] <= held.i < clause.content[1])
                or _object_before_colon(doc, clause, quote)
            ):
                # 'At the event, Hale, speaking for the workers, says, "We have learned ..."': the clause
                # read around the cue holds the attribution itself; what was said is the quote. So when the
                # clause holds the source ('Sen. Hale, noting the size of the fleet, said, "..."').
                by_cue[item.cue_i] = quote
                if quote.subject is None and clause.subject is not None:
                    # 'Hale was "warned ...", according to the minutes': the source the clause found
                    quote.subject, quote.passive = clause.subject, clause.passive
                    quote.attribution = quote.attribution or clause.attribution
                continue
        if have.denial != item.denial and not _overlap(have.content, item.content):
            # 'X denied any talks had taken place: "I was there for a meeting."': what is denied and
            # the quote the denier gives instead are two statements, and the quote is asserted.
            uncued.append(item)
            continue
        merged_cues.add(item.cue_i)
        if have.subject is None and item.subject is not None and item.direct:
            # '"...," the 43-year-old said': the clause read no subject; the quote's pass found its source
            have.subject, have.passive = item.subject, item.passive
        have.direct = have.direct or item.direct
        have.content = (min(have.content[0], item.content[0]), max(have.content[1], item.content[1]))
    # A quoted name or phrase that no clause of its cue holds ('calling immigrants "criminals" and ...')
    # says nothing on its own.
    cued = [f for f in by_cue.values() if f.cue_i in merged_cues or not _scare(doc, f, alone=True)]
    # A quote whose cue the quote pass did not reach ('"...," Ana Ruiz, a lawyer for the company, said')
    # is the clause's statement that the reported pass found with its cue: one statement, quoted, so a
    # quote paragraph after it continues its speaker.
    kept_uncued = []
    for item in uncued:
        same = (
            next((f for f in cued if not f.direct and f.content == item.content), None)
            if item.direct and item.cue_i < 0
            else None
        )
        if same is None and item.direct and item.cue_i < 0:
            # The clause pass read the attribution's verb but took the wrong words for it: the quote's last
            # sentence alone ('"... border. There is no emergency," Ana Ruiz, who has sued the port, said'), or
            # the quote with the source glued on ('"...," Sen. Tom Hale of Maine, who ..., told reporters').
            same = next((f for f in cued if _attributed_after(doc, item, f)), None)
            if same is not None:
                same.content = item.content
        if same is None:
            kept_uncued.append(item)
        else:
            same.direct = True
    items = sorted([*cued, *kept_uncued], key=lambda f: f.content[0])
    merged: list[Found] = []
    for item in items:
        prev = merged[-1] if merged else None
        owner = (
            _quote_of_attribution(doc, merged[-2], prev)
            if item.cue_i < 0 and prev is not None and not prev.direct and len(merged) >= 2
            else None
        )
        if (
            owner is not None
            and _adjacent(doc, owner, item)
            and _only_attribution_between(doc, owner, item.content[0])
            and not is_question(doc[owner.cue_i])
        ):
            # '"...," Obama continued, calling out the speaker. "..."': the attribution runs on with a
            # clause the reported pass read as a statement, and the quote after it continues the quote
            # before, as after any attribution (the clause is an aside between the two: drop_embedded)
            owner.content = (owner.content[0], max(owner.content[1], item.content[1]))
            continue
        if item.cue_i < 0 and prev is not None and _quote_after_report(doc, prev, item):
            # 'Hale said the pier was unsafe.\n\n"We have asked the council twice to close it."': a quote with no
            # attribution of its own right after a named source's reported words goes on in that source's voice
            _in_voice_of(item, prev)
        if item.cue_i < 0 and prev is not None and prev.direct and _adjacent(doc, prev, item):
            # A quote with no cue right after a quoted statement continues it ('"...," he said. "..."').
            if _only_attribution_between(doc, prev, item.content[0]):
                prev.content = (prev.content[0], max(prev.content[1], item.content[1]))
                continue
            # Narration stands between them ("His response:", a sentence about something else): the
            # continuation is a statement of its own, so the reporter's words stay out of both spans.
            # A question's answer is not the asker's.
            if prev.cue_i >= 0 and not is_question(doc[prev.cue_i]):
                _in_voice_of(item, prev)
        merged.append(item)
    return merged


def _in_voice_of(item: Found, source: Found) -> None:
    """`item` (a quote with no cue of its own) goes on in `source`'s voice: its cue, speaker and confidence."""
    item.cue, item.cue_i, item.subject, item.passive = (
        source.cue,
        source.cue_i,
        source.subject,
        source.passive,
    )
    item.confidence = source.confidence


def _quote_after_report(doc: Doc, report: Found, quote: Found) -> bool:
    """True when `quote`, a whole sentence in quotation marks with no cue, follows the end of `report`'s sentence
    with nothing but marks and one sentence or paragraph break between, where `report` is a named person's
    reported speech ("Ruiz said ...", "according to Tom Hale, ..."): the quote is that person going
    on in their own words. Not after a question, a denial, a body's or a group's words ("Critics say ..."),
    nor after narration that follows the report in its sentence."""
    if report.direct or report.cue_i < 0 or report.subject is None or report.passive or not quote.direct:
        return False
    if quote.content[0] <= report.content[1] or not _adjacent(doc, report, quote):
        return False
    cue, subject = doc[report.cue_i], report.subject
    if not (is_speech_verb(cue) or cue.lower_ == "according") or is_question(cue) or is_denial(cue):
        return False
    # a pronoun's person is resolved later and may be another's named in the same sentence ("In response to
    # Hale's charge that ..., she said ..."): the quote would carry that error, so only a name is followed
    if subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON":
        return False
    letters = [t.text for t in doc[quote.content[0] : quote.content[1]] if t.is_alpha]
    if len(letters) > 1 and all(w.isupper() for w in letters):
        return False  # '“VOTERS MAKE GOOD DECISIONS”': a heading in capitals between sections, not the words going on
    gap = doc[max(report.content[1], report.cue_i + 1) : quote.content[0]]
    if any(not (t.is_punct or t.is_space) for t in gap):
        return False
    return any(t.text in (".", "!", "?") or "\n" in t.text for t in gap)


def _attributed_after(doc: Doc, quote: Found, clause: Found) -> bool:
    """True when `clause` is a reported statement whose cue follows `quote` in the quote's own sentence and
    whose words start inside the quote and end before the cue: the cue is the quote's attribution, which the
    quote pass did not reach (a long description of the source, a parse that hangs the name on the quote)."""
    if clause.direct or clause.cue_i < quote.content[1] or clause.content[1] > clause.cue_i:
        return False
    if not quote.content[0] <= clause.content[0] < quote.content[1]:
        return False
    close = quote.content[1]
    while close < clause.cue_i and (doc[close].is_punct or doc[close].is_space):
        close += 1  # the quote's own stop and closing mark
    if clause.content[1] > close and not (
        clause.subject is not None and close <= clause.subject.i < clause.content[1]
    ):
        # '"You squeezed them" to drive up the price, she said': the writer's words go on past the quote
        return False
    between = doc[close : clause.cue_i]
    return bool(between) and not any(
        t.text in STOP_MARKS or t.text in QUOTE_MARKS or "\n" in t.text for t in between
    )


STOP_MARKS = frozenset({".", "!", "?", ";", ":"})


def _quote_of_attribution(doc: Doc, quote: Found, clause: Found) -> Found | None:
    """`quote` when `clause` is a reported statement inside the sentence of that quote's own attribution,
    after its cue ('"...," Obama continued, calling out Speaker Boehner.'): the attribution runs on
    with a clause of its own, and the quote that follows continues `quote`, not the clause."""
    if not quote.direct or quote.cue_i < 0 or clause.cue_i <= quote.cue_i:
        return None
    if doc[clause.cue_i].lemma_.lower() == "refer":
        return None  # '"...," she said -- referring to the vote -- "...": the writer's gloss ends the quote
    sent = doc[quote.cue_i].sent
    if not (
        sent.start <= clause.cue_i and clause.content[1] <= sent.end and quote.content[1] <= clause.cue_i
    ):
        return None
    return quote


def _aside_of_run(doc: Doc, quote: Found, item: Found) -> bool:
    """True when `item` is a clause of the quote's own attribution sentence, after its cue, that the quote
    run goes on past ('"...," Tusk said, summing up the talks. "..."'): not inside the quote's words."""
    if (
        not quote.direct
        or not 0 <= quote.content[0] < quote.cue_i < item.cue_i < item.content[1] < quote.content[1]
    ):
        return False  # the quote opens before its cue ('"...," Tusk said'), the clause comes after it
    if doc[item.cue_i].lemma_.lower() == "refer":
        return False  # '"...," she said -- referring to the vote -- "...": the writer's gloss ends the quote
    return doc[quote.cue_i].sent.start == doc[item.cue_i].sent.start


def _put_to(doc: Doc, item: Found) -> bool:
    """True for a question put to the sentence's subject ("When asked how genuine his bid is, Trump said";
    "Trump, asked whether ..."): the asking verb is passive in sense, so what is asked is not the words
    of anyone the sentence names as speaking."""
    if item.cue_i >= 0 and is_question(doc[item.cue_i]) and _asked_after_inverted_source(doc[item.cue_i]):
        return True
    if item.cue_i >= 0 and not item.direct and put_to_someone(doc[item.cue_i]):
        # "HuffPost asked Hale how the talks were going": neither the asker's statement nor Hale's; dropped after
        # drop_embedded, so the cues inside the question ("the mayor's embrace of ...") go with it
        return True
    if not asks(doc, item):
        return False
    verb = doc[item.cue_i]
    if _asks_own_quote(item, verb):
        return False
    if item.passive or (verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)):
        return True
    if verb.dep_ == "acl" and verb.head.i < verb.i:  # "Mr. O'Rourke, asked if he supported it, said"
        return True
    if verb.i > 0 and doc[verb.i - 1].text == ",":  # the same, parsed with "asked" as the main verb
        later = doc[verb.i + 1 : verb.sent.end]
        if any(t.text == "," and t.i + 1 < len(doc) and is_speech_verb(doc[t.i + 1]) for t in later):
            return True
        if _answered_after(verb):  # "Weeks ago, asked if it was true, Hale denied it"
            return True
    # "When asked how ..., Trump said": a subjectless clause opened by "when" is put to the subject.
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return not own_subject and any(c.lower_ in PUT_TO_OPENERS and c.i < verb.i for c in verb.children)


def _asks_own_quote(item: Found, verb: Token) -> bool:
    """True for a quoted question its asker is named after ('"...?" Tom Hale, R-Ore., asked on Tuesday'), which
    the tagger may read as a bare participle ("asked", VBN): the source asks it, nobody put it to them."""
    subject = item.subject
    if not item.direct or item.passive or subject is None:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # '"...?" Hale was asked': put to him
    return item.content[0] < subject.i < verb.i and subject.head.i == verb.i


def _asked_after_inverted_source(verb: Token) -> bool:
    """True for '"...," said Tom Hale, asked about the toll': the parse reads "asked" as a verb with the source
    named after the quote's cue as its subject; the question was put to him."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects or doc[verb.i - 1].text != "," or subjects[0].left_edge.i < 1:
        return False
    said = doc[subjects[0].left_edge.i - 1]
    source = source_after_quote_cue(said) if said.pos_ == "VERB" and is_speech_verb(said) else None
    return source is not None and source.i == subjects[0].i


PUT_TO_OPENERS = frozenset({"when", "after", "once", "if", "as", "while", "before"})


def _answered_after(verb: Token) -> bool:
    """True when a subjectless "asked" is followed, past a comma, by a clause whose named subject speaks
    ("Weeks ago, asked if the port was for sale, Hale denied it", with "asked" read as a main verb): the
    question was put to that subject, who answers it."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    doc = verb.doc
    commas = [t.i for t in doc[verb.i + 1 : verb.sent.end] if t.text == ","]
    if not commas:
        return False
    for tok in doc[commas[0] + 1 : verb.sent.end]:
        if tok.pos_ in ("VERB", "AUX") and is_speech_verb(tok):
            subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i > commas[0]]
            if subjects and subjects[0].i < tok.i:
                return True
    return False


def _scare(doc: Doc, item: Found, alone: bool = False) -> bool:
    """True for a quoted phrase too short to be a statement on its own (a name, a scare quote); not for the
    opening of an interrupted quote, which ends in its own comma or stop ('"My hope," he said, "is ...').
    """
    words = [t for t in doc[item.content[0] : item.content[1]] if not (t.is_punct or t.is_space)]
    after = doc[item.content[1]].text if item.content[1] < len(doc) else ""
    ended = after in (",", ".", "!", "?", ";", ":")
    if alone:  # on its own, a short quote that ends a sentence is said ('"Mexico!" the crowd replied')
        ended = ended or doc[item.content[1] - 1].text in (".", "!", "?")
    if not alone and item.direct and len(words) <= SCARE_MAX_WORDS and _inside_a_phrase(doc, item.content[0]):
        # 'what his aides call the "Hale Plan," the mayor said ...': a name in the writer's phrase, not the words
        # of the clause its cue governs (on its own, such a quote is left to the rules for quotes: PolNeAR
        # marks 'to fear a "Harbour Pact."' as what the source fears)
        return True
    return item.direct and len(words) <= SCARE_MAX_WORDS and not ended


def _inside_a_phrase(doc: Doc, start: int) -> bool:
    """True when the quote opening at token `start` follows a determiner or a possessive of the writer's own
    noun phrase ('the "Hale Plan,"', 'his "red line,"'): a name or a phrase, never the opening of a quoted
    statement, which starts a sentence, a paragraph or a clause after a comma or a colon."""
    i = start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in QUOTE_MARKS):
        i -= 1
    if i < 0 or i == start - 1 or doc[i].sent.start != doc[start].sent.start:
        return False  # no opening mark right before, or the quote opens its sentence
    return doc[i].pos_ == "DET" or doc[i].tag_ in ("PRP$", "POS")


def _only_attribution_between(doc: Doc, prev: Found, start: int) -> bool:
    """True when only the quote's own attribution ('," she said, clapping. "') or nothing but marks and
    line breaks lies between the quoted statement `prev` and a continuation starting at token `start`."""
    gap = [t for t in doc[prev.content[1] : start] if not (t.is_punct or t.is_space)]
    if not gap:
        return True
    if not prev.content[1] <= prev.cue_i < start:
        return False
    sent = doc[prev.cue_i].sent
    return all(sent.start <= t.i < sent.end for t in gap) and not _run_into(doc, prev.cue_i, start)


def _run_into(doc: Doc, cue_i: int, start: int) -> bool:
    """True when the writer's own words after the attribution run into the quote that opens at `start`
    ('"...," Hale said, in an attack on "the new majority."', '..., calling the plan "a giveaway."'): a
    quoted fragment the writer's phrase holds, not a continuation of the quote before. A continuation
    follows a stop, a comma, a colon or a dash, or the speech verb itself ('she said, adding "..."')."""
    i = start - 1
    while i > cue_i and (doc[i].is_space or doc[i].text in QUOTE_MARKS):
        i -= 1
    if i <= cue_i or not doc[i].is_alpha or doc[i].pos_ == "CCONJ":
        return False  # 'she said, and "nobody will revive it."' goes on
    if any("\n" in t.text for t in doc[i + 1 : start]):
        return False  # a quote that opens a paragraph is no phrase's object
    end = start
    while end < len(doc) and end - start <= TITLE_MAX_WORDS + 1 and not set(doc[end].text) & QUOTE_MARKS:
        end += 1
    if end - start <= TITLE_MAX_WORDS + 1 and title_cased(doc[start:end]):
        return False  # 'said on the program "Harbour Talk."': a show's name, which the title rules handle
    return not (doc[i].pos_ in ("VERB", "AUX") and is_speech_verb(doc[i]))


OPEN_BRACKETS = {"(": ")", "[": "]"}
# A bracketed note that opens with these words is the newsroom's, not a source's.
NOTE_WORDS = frozenset({"correction", "clarification", "update", "updated", "editor", "editors", "note"})
# A source that is the article itself ("an earlier version of this story said ...").
_SELF_WORDS = ("this story", "this article", "this report", "this post", "earlier version", "this page")


def bracket_group(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token range (open, close + 1) of the innermost parentheses or brackets around token `i`."""
    texts = token_texts(doc)
    depth = 0
    for j in range(i - 1, max(-1, i - 200), -1):
        text = texts[j]
        if text in (")", "]"):
            depth += 1
        elif text in OPEN_BRACKETS:
            if depth == 0:
                close = OPEN_BRACKETS[text]
                for k in range(i, min(len(doc), i + 200)):
                    if texts[k] == close:
                        return j, k + 1
                return j, len(doc)
            depth -= 1
        elif "\n" in text:
            return None
    return None


def _editorial(doc: Doc, item: Found, paras: list[int]) -> bool:
    """True for a newsroom's own words: a correction note, a source that is the article itself, or a
    heading in the first person ("What we know so far")."""
    group = bracket_group(doc, item.cue_i)
    if group is not None:
        first = next((t for t in doc[group[0] + 1 : group[1]] if t.is_alpha), None)
        if first is not None and first.lower_ in NOTE_WORDS:
            return True
    if item.subject is not None:
        words = " ".join(t.lower_ for t in item.subject.subtree)
        if any(w in words for w in _SELF_WORDS):
            return True
        if item.subject.lower_ in ("we", "i", "us") and not item.direct:
            line = [t for t in doc if paras[t.i] == paras[item.cue_i] and not t.is_space]
            if line and line[-1].text not in (".", "!", "?", '"', "''") and len(line) <= 12:
                return True
    return False


def without_notes(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The content without a bracketed note at either end ("... until May (laughs)", "(...) and ..."); a
    bracketed word the sentence runs on from ("[Hale] was ...") is the editor's stand-in for the speaker's."""
    while end - start > 3 and doc[end - 1].text in (")", "]"):
        group = bracket_group(doc, end - 1)
        if group is None or group[0] <= start:
            break
        start, end = trimmed(doc, start, group[0])
    while end - start > 3 and doc[start].text in OPEN_BRACKETS:
        group = bracket_group(doc, start + 1)
        if group is None or group[1] >= end:
            break
        if doc[start].text == "[" and doc[group[1]].is_lower:
            # '"[Hale] was the worst mayor"': the editor's word for the speaker's own, which the sentence
            # goes on from; without it the words start mid-sentence and say nothing of whom
            break
        start, end = trimmed(doc, group[1], end)
    return start, end


RELAY_CUES = frozenset({"report", "according", "quote", "cite", "relay"})
THING_PRONOUNS = frozenset({"it", "this", "that", "which"})


# Adverbs with which the writer says a report got it wrong ("ABC News reported incorrectly that ...").
_DISOWNING = frozenset({"incorrectly", "falsely", "wrongly", "erroneously", "mistakenly", "inaccurately"})


def _disowned(cue: Token) -> bool:
    """True for a relaying cue the writer marks as wrong ("reported incorrectly that Hale had said ...", "falsely
    reported"): what it relays is the report's claim about that person, not their statement."""
    return any(c.dep_ == "advmod" and c.lower_ in _DISOWNING for c in cue.children)


def drop_embedded(doc: Doc, items: list[Found]) -> list[Found]:
    """`items` less the cues that stand inside what another source is reported to say.

    In "Trump said that Clinton once described the deal as the gold standard" or "Olsen said the owners
    believe the strike will fail", the inner verb is part of the outer speaker's claim about somebody
    else (narration, speculation or hearsay about them), not a statement that person made to anyone we
    can check: the words are stored once, under the outer speaker. Two exceptions: a quotation, which
    is the quoted person's own words, and speech relayed by a news report ("RT reported that Zakharova
    said ..."), where the outlet only carries what she said.
    """
    _end_before_trailing_attribution(doc, items)
    kept = []
    for item in items:
        outer = [o for o in items if o.content[0] <= item.cue_i < o.content[1] and o.cue_i != item.cue_i]
        contrast = contrasted_source(doc, item.cue_i, item.subject) if outer and not item.direct else None
        if contrast is not None:
            # "The board says the toll stays, though an official said it could fall": two sources, two
            # statements; the first ends before the second's attribution.
            for o in outer:
                if o.content[0] < contrast < item.cue_i and o.cue_i < contrast:
                    o.content = trimmed(doc, o.content[0], contrast)
            outer = [o for o in outer if o.content[0] <= item.cue_i < o.content[1]]
        if outer and is_rejected_claim(doc, item):
            # "Critics say the port lost money, an accusation the board denies": the aside is the
            # writer's, so it leaves the outer source's words and stands as the board's denial.
            noun = doc[item.cue_i].head
            for o in outer:
                if noun.dep_ in ("appos", "npadvmod") and o.content[0] < noun.left_edge.i:
                    o.content = trimmed(doc, o.content[0], noun.left_edge.i)
            outer = []
        # '"...," Tusk said, summing up the talks. "...": the quote run goes on past the clause
        # (`_quote_of_attribution`), an aside of its attribution and a statement of its own
        outer = [o for o in outer if not _aside_of_run(doc, o, item)]
        followed = [o for o in outer if follows_on(doc, o, item)]
        if followed:
            item.subject, item.passive = followed[0].subject, followed[0].passive
        for o in followed:
            # "Perdue said he did not believe it, arguing that ...": the speaker's second cue ends the
            # first statement, and what it governs is a statement of its own.
            o.content = trimmed(doc, o.content[0], item.cue[0])
        if followed and len(followed) == len(outer):
            outer = []
        if doc[item.cue_i].lemma_.lower() == "refer" and doc[item.cue_i].tag_ == "VBG":
            # '"...," he said, referring to the country's official name': the writer's gloss, which ends the
            # statement before it (above) and is none of its own
            continue
        if outer and item.subject is not None and item.subject.lower_ in THING_PRONOUNS:
            continue  # 'She says it underscores that he is "unfit"': a thing says nothing; the words are hers
        relayed = is_speech_verb(doc[item.cue_i]) and all(
            doc[o.cue_i].lemma_.lower() in RELAY_CUES and not _disowned(doc[o.cue_i]) for o in outer
        )
        if (
            outer
            and not item.direct
            and not relayed
            and not said_aside(doc, item)
            and not who_said(doc, item)
        ):
            continue
        relaying = all(
            doc[o.cue_i].lemma_.lower() in RELAY_CUES or doc[o.cue_i].lower_ in RELAY_CUES for o in outer
        )
        if outer and item.direct and not relaying and _inner_quote_of_another(doc, item):
            continue  # ('"We lost," lamented Hale, according to aides': a report only carries his words)
        kept.append(item)
    return kept


def _end_before_trailing_attribution(doc: Doc, items: list[Found]) -> None:
    """End the words of a cue inside a trailing "according to" clause before that phrase ("The board is
    weighing a toll, according to city officials": the parse runs "weighing"'s words on over the phrase that
    sources the whole clause, so each would hold the other and both would be dropped as embedded). Not when
    the words quote ('called the audit "a farce," according to two aides'): a quote is its speaker's own words,
    kept under its speaker as before, and storing the phrase's source too would show the words twice."""
    for source in items:
        if not source.attribution or source.cue[0] <= source.content[0]:
            continue
        for item in items:
            held = source.content[0] <= item.cue_i < source.content[1]
            if item is source or item.direct or not held:
                continue
            if item.content[0] < source.cue[0] < item.content[1]:
                item.content = trimmed(doc, item.content[0], source.cue[0])


def _inner_quote_of_another(doc: Doc, item: Found) -> bool:
    """True for a quote hung on a verb that is not one of speech inside what another source is reported
    to say ('Hale said a majority of voters have come to believe "that the tax is fair"', 'she said Ortiz
    favors a "strongman approach"'): the words are the outer source's, who holds them already; the
    verb only tells what the outer source says of somebody else."""
    cue = doc[item.cue_i]
    if cue.lemma_.lower() in CHARACTERISING_VERBS:
        return False  # 'what Governor Ortiz called "a vanity project"': to call it so is to say it
    return cue.pos_ in ("VERB", "AUX") and not is_speech_verb(cue) and not is_denial(cue)


# Verbs that say what something is by naming it: the quoted name is the subject's own words.
CHARACTERISING_VERBS = frozenset({"call", "describe", "label", "dub", "brand", "term", "characterize"})


def follows_on(doc: Doc, outer: Found, item: Found) -> bool:
    """True when `item` is the same source going on after its first statement (", arguing that ...",
    ", citing ...", "and warned against ..."): a reporting verb after a comma or "and", whose source is
    the outer statement's own, and whose content lies after the outer statement's start."""
    cue = doc[item.cue_i]
    if outer.subject is None:
        return False
    shared = item.subject is not None and item.subject.i == outer.subject.i
    # A participle the parse hung on the content's own verb ("said trade has lifted the port, citing
    # ..."): the one who cites is the one who said it.
    hung = cue.tag_ == "VBG" and cue.dep_ == "advcl" and outer.content[0] <= cue.head.i < item.cue[0]
    hung = hung and is_speech_verb(doc[outer.cue_i])  # "Video shows ..., contradicting ...": no speaker
    if not (shared or hung):
        return False
    if item.cue_i <= outer.cue_i or item.direct or item.content[0] <= item.cue_i:
        return False
    before = doc[item.cue[0] - 1] if item.cue[0] > 0 else None
    # ('dismissed the accusations -- saying the campaign chose not to ...': a dash sets the participle off too)
    if before is None or before.lower_ not in (",", "and", ";", "-", "--", "\u2013", "\u2014"):
        return False
    if cue.dep_ == "conj" and outer.content[0] <= cue.head.i < item.cue[0] and not is_speech_verb(cue):
        return False  # "accused Hale of mocking the crews and making jokes": the second charge is the words'
    return (is_speech_verb(cue) or cue.tag_ == "VBG") and item.cue[0] - outer.content[0] >= 3


ASIDE_WORDS = frozenset({"which", "what", "whom", "who"})


def said_aside(doc: Doc, item: Found) -> bool:
    """True for a source's own aside inside a relative clause ("the fees, which the auditors said were
    illegal"; "what the senators said was a land grab"; "a strike that executives said could cut earnings"): a
    reporting verb right after its subject, and the subject right after the relative word. It says whose
    words the clause holds, whoever's sentence holds it."""
    cue, subject = doc[item.cue_i], item.subject
    if subject is None or not is_speech_verb(cue) or item.passive or not 0 < cue.i - subject.i <= 3:
        return False
    if subject.pos_ == "PRON":
        return False  # "in which he said": mostly the outer speaker again, whose words already hold it
    first = subject.left_edge.i
    if first <= 0:
        return False
    before = doc[first - 1]
    # "that" opens a relative clause only when the parse hangs the cue on the noun before it ("said that
    # executives expect ..." is the outer source's words)
    return before.lower_ in ASIDE_WORDS or (
        before.lower_ == "that" and cue.dep_ == "relcl" and cue.head.i < before.i
    )


def who_said(doc: Doc, item: Found) -> bool:
    """True for a named person's own words in a relative clause set off by a comma ("made no mention of Tom
    Hale, who said he is leaving the race"; "..., who has repeatedly said it was a mistake"): the clause is
    the writer's aside about that person, whoever's sentence holds it, so the words are the person's."""
    cue, subject = doc[item.cue_i], item.subject
    if subject is None or item.passive or cue.dep_ != "relcl" or not is_speech_verb(cue):
        return False
    if subject.i != cue.head.i or subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON":
        return False
    who = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)
    return who is not None and who.i == subject.i + 2 and doc[subject.i + 1].text == ","


def _adjacent(doc: Doc, prev: Found, item: Found) -> bool:
    """True when `item` starts at most one sentence and one paragraph break after `prev` ends."""
    last = max(prev.content[1], prev.cue[1]) - 1
    if last < 0 or item.content[0] <= last:
        return item.content[0] > prev.content[0]
    sent_ends = sum(1 for t in doc[last : item.content[0]] if t.is_sent_start and t.i > last)
    paras = sum(1 for t in doc[last : item.content[0]] if t.is_space and "\n" in t.text)
    return sent_ends <= 1 and paras <= 1


def _span(adoc: ArticleDoc, doc: Doc, start: int, end: int) -> Span:
    return adoc.original(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


_GLUED = "0123456789\"'`\u201c\u201d\u2018\u2019*\u2022"


def _bare_mention(adoc: ArticleDoc, doc: Doc, start: int, end: int) -> Span | None:
    """The source's words without a number or quote mark glued on ("2he" -> "he"); None when nothing is left."""
    span = _span(adoc, doc, start, end)
    lead = len(span.text) - len(span.text.lstrip(_GLUED + " "))
    tail = len(span.text) - len(span.text.rstrip(_GLUED + " "))
    text = span.text[lead : len(span.text) - tail]
    if not any(ch.isalpha() for ch in text):
        return None
    return Span(span.start + lead, span.end - tail, text)


def _mostly_quoted(doc: Doc, inside: list[bool], start: int, end: int) -> bool:
    # A clause that only borrows a quoted phrase ('declared himself "interim president"') is reported.
    words = [t.i for t in doc[start:end] if not (t.is_punct or t.is_space)]
    return bool(words) and sum(inside[i] for i in words) * 2 >= len(words)


def _object_before_colon(doc: Doc, clause: Found, quote: Found) -> bool:
    """True when the clause's words are only the cue's object before a colon that opens the quote ('Hale
    posted her own version in reply: "..."'): the object says what the quote is, the quote is what was
    said, and the two joined read the writer's "her own version in reply:" as the speaker's words."""
    start, end = clause.content
    if not (start < end <= quote.content[0]) or quote.content[0] - end > 6:
        return False
    between = [t.text for t in doc[end : quote.content[0]] if not (t.is_space or t.text in QUOTE_MARKS)]
    if between not in ([":"], [":", ","]):  # (a comma left where a handle opened the quote: '“, I invited')
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])


def find_statements(adoc: ArticleDoc) -> list[StatementClaim]:
    """Statement claims in the article, in document order, each with its content span and source."""
    doc = adoc.doc
    paras = paragraph_ids(doc)
    quotes = find_quotes(doc, paras)
    inside = [False] * len(doc)
    for q in quotes:
        for i in range(q.start, q.end):
            inside[i] = True
    reported = with_unanswered(
        doc, inside, with_asides(doc, inside, with_inverted(doc, inside, find_reported(doc, inside, paras)))
    )
    reported += find_rejected(doc, inside, {r.cue_i for r in reported})
    items = split_conjoined(doc, _merge(doc, find_direct(doc, quotes, inside, paras), reported))
    turns = find_turns(doc, paras)
    if turns:  # a transcript's turns replace what the quote around them was taken for
        labels = {t.cue_i for t in turns}
        items = [i for i in items if not any(i.content[0] <= c < i.content[1] for c in labels)] + turns
        items.sort(key=lambda f: f.content[0])
    # A quote with no cue that does not continue a quoted statement has no reliable speaker: left out.
    items = [i for i in items if i.cue_i >= 0]
    items = [i for i in items if attribution_model.keep_statement(doc, i)]  # the trained statement model
    # a show's name as the object of "appeared on" is nobody's words
    items = [i for i in items if not quoted_title_object(doc, *i.content, inside, SCARE_MAX_WORDS)]
    items = [i for i in drop_embedded(doc, items) if not _editorial(doc, i, paras) and not _put_to(doc, i)]
    # what records or signs show is evidence, and the cues it held went with it in drop_embedded
    items = [i for i in items if not i.evidence]
    # "according to records", "An examination of his remarks shows": evidence or the writer's finding, no maker
    items = [i for i in items if not unsourced_record(i) and not unmade_finding(i, doc[i.cue_i])]
    # "has said little about": no remark
    items = [i for i in items if not scant_speech(doc, i)]
    # "funds for candidates who reject large donations", "the benefits it promises": a description, no remark
    items = [i for i in items if not described_by_relative(doc, i)]
    # "The press conference ... suggested the standoff could end": a happening is nobody's voice
    items = [i for i in items if not event_as_source(i)]
    # "saying after Hale's announcement that ...": the clause is the verb's; the noun only dates it
    items = [i for i in items if not timed_noun_duplicate(doc, i, items)]
    actors = ArticleActors.from_doc(doc, adoc.outlet, inside)
    claims: list[StatementClaim] = []
    acted: set[tuple[int, int]] = (
        set()
    )  # spans of statements on a verb that takes no clause ("planted trees")
    bare_spans: set[tuple[int, int]] = set()  # statements whose words are a verb and its noun-phrase object
    previous: Speaker | None = None
    for item in items:
        start, end = without_notes(doc, *item.content)
        start = after_dateline(doc, start, end)
        end = without_dangling(doc, start, end)
        if not item.direct:
            end = with_contrasted_half(doc, start, end)  # "took aim not at the Senate, but at the House"
        if item.direct:
            end = without_trailing_title(doc, inside, start, end, item.cue_i)  # ', Hale said on "Today."'
        end = without_trailing_source(doc, start, end, inside)  # "..., according to his campaign"
        # "..., a move that angered fishermen", 'calling it "unfair," his newest bid to ...' (never inside quotes)
        end = without_writers_summary(doc, start, end, inside)
        if not item.direct:
            end = without_writers_gloss(doc, start, end, inside)  # "..., who has denied it"
            end = without_writers_clause(doc, start, end, inside, item.cue_i)  # "..., sparking anger"
            end = without_writers_occasion(doc, start, end, inside, item.cue_i)  # "... as she toured it"
        if end <= start:
            continue
        bare = noun_phrase_kind(doc, item, start, end)
        turned: str | None = None  # a passive stance with its agent, in the agent's words
        if bare in AGENT_KINDS:
            turned = agent_words(doc, doc[item.cue_i], end)
            bare = AGENT_KINDS[bare] if turned else "unsourced"
        if bare is not None or commits(doc, item, start) or named_by_pronoun(doc, item, start):
            start = item.cue_i  # "condemned the new quotas": the words are the predicate with its verb
            if not item.direct:
                # "oppose the plan, which also cuts taxes": with its verb, the gloss is an aside
                end = without_writers_gloss(doc, start, end, inside)
        negated_belief = held_negated(doc, item)
        if negated_belief is not None and negated_belief < start:
            start = negated_belief  # "do not expect back pay": the words carry the negation
        mention: Span | None = None
        subject = claim_holder(item.subject) if item.subject is not None else None
        if subject is not None and item.cue_i >= 0 and paras[subject.i] != paras[item.cue_i]:
            subject = subject_in_paragraph(subject, paras, paras[item.cue_i]) or paragraph_opener(
                doc, paras, item.cue_i
            )
        if subject is not None and item.direct and quoted_subject(item, subject, inside):
            # "treating the remark as a joke -- "That makes me rich" -- and ... asserting, "...": the parse's
            # subject is a word of the quote; who speaks is the subject of the sentence's own clause
            subject = clause_subject_before(doc, item.cue_i, inside) or subject
        if subject is not None:
            subject = corrected_subject(subject, actors)  # a dateline or a date is nobody
        if item.label is not None and is_role_label(doc, *item.label):
            speaker = Speaker(None, "unnamed", doc[item.label[0] : item.label[1]].text.lower())
            mention = _span(adoc, doc, *item.label)
        elif subject is not None and not (item.passive and not speaks_in_passive(doc[item.cue_i], subject)):
            speaker = resolve_subject(subject, actors, previous)
            if (
                item.label is not None
                and speaker.role
                and doc[item.cue_i].text == ":"
                and item.label[0] > 0
                and doc[item.label[0] - 1].text in ("-", "--", "\u2013", "\u2014", "\u2015")
            ):
                # 'FARES UP - Tom Hale: "..."': a kicker the parse joins to the name before a colon is no role
                line = doc[item.label[0]].sent
                if speaker.role in doc[line.start : item.label[0]].text:
                    speaker = dataclasses.replace(speaker, role=None)
            if item.label is not None and item.attribution and speaker.name and not speaker.role:
                # "According to the city's attorney, William Becker, ...": the role the phrase gives
                given = doc[item.label[0] : item.label[1]].text.rsplit(",", 1)[0].split()
                given = given[1:] if given and given[0].lower() in ("a", "an", "the") else given
                speaker = dataclasses.replace(speaker, role=" ".join(given) or None)
            maker = maker_of(subject) if item.label is None else None
            if maker is not None and (speaker.name or speaker.role):
                subject = maker  # "the letter released by the faculty": the source's words are the faculty
            m_start, m_end = item.label or mention_range(subject)
            cut = min((i for i in (start, item.cue[0]) if m_start < i < m_end), default=None)
            if cut is not None:
                # a parse that hangs the words or the cue on the source's name ("According to Tom Hale, the
                # move reeks of fear", "reeks" read as a noun in apposition; "A majority of voters expect
                # ..."): the source's words end before them
                m_end = cut
                while m_end > m_start + 1 and (doc[m_end - 1].is_punct or doc[m_end - 1].is_space):
                    m_end -= 1
            rel = relative_pronoun(doc[item.cue_i], subject) if item.cue_i >= 0 else None
            if rel is not None and rel.i <= m_end + 1:
                # "an architect, who said": the relative pronoun is the source's words too (not when the
                # source is the name a described subject stands for: "Harbour Watch, a group that said")
                m_start, m_end = min(m_start, rel.i), max(m_end, rel.i + 1)
            mention = _bare_mention(adoc, doc, after_dateline(doc, m_start, m_end), m_end)
            if mention is None:
                speaker = Speaker(None, "unnamed")
        else:
            speaker = Speaker(None, "unnamed")
        indefinite = subject is not None and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in subject.children
        )
        actors.remember(item.cue_i if item.cue_i >= 0 else start, speaker, indefinite, (start, end))
        previous = speaker  # "the statement said" refers to the last source, named or not
        if bare in NOT_STORED or negated_deed(doc, item):
            continue  # "tweeted about the contrast": what was said is not given (but "she" may be the source)
        content = _span(adoc, doc, start, end)
        verb_cue = item.cue_i >= 0 and doc[item.cue_i].pos_ in ("VERB", "AUX")
        cue_frame = frame_of(doc[item.cue_i]) if verb_cue and not item.attribution else None
        if (
            verb_cue
            and not item.headline
            and frame_of(doc[item.cue_i]) != "clause"
            # "calling the test a violation" says what the test is: words ("what he called a deal" is not)
            and not (
                (predicated(doc[item.cue_i]) or called_what(doc[item.cue_i]) is not None)
                and item.content[0] > item.cue_i
            )
        ):
            acted.add((content.start, content.end))
        if bare is not None:
            bare_spans.add((content.start, content.end))
        cue = _span(adoc, doc, *item.cue) if item.cue_i >= 0 else None
        parts: list[list[tuple[int, int]]] | None = None  # a verb and its object: the span is the words
        if item.direct:
            parts = interrupted_fragments(
                doc, inside, start, end, item.cue_i
            ) or quote_before_its_attribution(doc, inside, start, end, item.cue_i)
        # two quoted passages or more around the attribution (one passage and the writer's words is no run)
        quoted_run = item.direct and parts is not None and inside[start] and sum(map(len, parts)) >= 2
        led = item.direct and parts is None and not inside[start]
        if led:
            # 'Residents who oppose the toll, she said, "are asking ..."': the subject, then the quote
            parts = interrupted_clause(doc, start, end, item.cue_i, item.subject.i if item.subject else None)
            led = parts is not None
        elif not item.direct and bare is None:
            subject_i = item.subject.i if item.subject is not None else None
            parts = interrupted_clause(doc, start, end, item.cue_i, subject_i)
            if parts is None:
                parts = writers_aside(doc, start, end, inside)  # "the plan, which cuts taxes, would pass"
        words = joined([[_span(adoc, doc, *f).text for f in part] for part in parts]) if parts else turned
        claims.append(
            StatementClaim(
                start=content.start,
                end=content.end,
                text=content.text,
                speaker=speaker.name,
                speaker_mention=mention,
                role=speaker.role,
                speaker_kind=speaker.kind,
                # a quote run past a long attribution ('"...," Tom Hale, a spokesman for ..., said in an
                # interview in Salem, Ore. "..."') is quoted words only, however long the attribution between
                direct=item.direct and (led or quoted_run or _mostly_quoted(doc, inside, start, end)),
                cue=cue,
                attribution=f"according to {mention.text}" if item.attribution and mention else None,
                polarity=_stance_polarity(polarity_of(doc, item), bare),
                confidence=item.confidence,
                words=words,
                cue_frame=cue_frame,
            )
        )
    claims = [c for c in claims if has_source(c)]  # no source words at all: narration or a missed source
    claims = [dataclasses.replace(c, confidence=_capped(c, bare_spans)) for c in drop_restated(claims)]
    # reported, right about one time in three, or a named source's doing ("planted mangroves"): not stored
    kept = [c for c in claims if worth_storing(c, (c.start, c.end) in acted)]
    # what is kept is decided on PolNeAR's share alone; the confidence shown is also held to the read of other news
    return [dataclasses.replace(c, confidence=carried(c)) for c in kept]


# What a naming verb's object may be when the quote right after it is the name ("called it", "called this").
_NAMED_PRONOUNS = frozenset({"it", "this", "that", "them", "him", "her", "these", "those", "both"})


def named_by_pronoun(doc: Doc, item: Found, start: int) -> bool:
    """True for a quote that is the name a naming verb gives a pronoun ('She called it "a quiet week"', 'called
    this "an unusual blockade"'): the quote alone ("a quiet week") does not say that it was a name
    given to anything, so the words start at the verb."""
    if not item.direct or item.cue_i < 0 or not item.cue_i < start:
        return False
    cue = doc[item.cue_i]
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in NAMING_VERBS:
        return False
    between = [t for t in doc[item.cue_i + 1 : start] if not (t.is_space or t.text in QUOTE_MARKS)]
    if len(between) != 1 or between[0].lower_ not in _NAMED_PRONOUNS:
        return False
    # the name may come out as the object or as a predicate ("this" its determiner): 'called this "a blockade"'
    return names_in_quotes(cue) or (
        _active_naming(cue) and any(c.dep_ == "oprd" and c.i >= start for c in cue.children)
    )


def _active_naming(cue: Token) -> bool:
    """True for a naming verb in the active, with no particle and no preposition right after it ("called for",
    "called on")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "prt") for c in cue.children):
        return False
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    return not (nxt is not None and nxt.dep_ == "prep" and nxt.head.i == cue.i)


def _stance_polarity(polarity: str, bare: str | None) -> str:
    """A stance verb's noun-phrase object is held, not said ("condemned the new quotas"); other polarities
    (a refusal, a negation) stand."""
    if bare == "rejection" and polarity in ("asserted", "denied"):
        return (
            "position"  # "rejected the council's plan": the verb is in the words, so it is not denied again
        )
    return "position" if bare == "stance" and polarity == "asserted" else polarity


def _capped(claim: StatementClaim, bare_spans: set[tuple[int, int]]) -> float:
    """The calibrated confidence, under the 0.9 level for a verb with a noun-phrase object (STANCE_CAP)."""
    confidence = calibrated(claim)
    return min(confidence, STANCE_CAP) if (claim.start, claim.end) in bare_spans else confidence


# Passive cues whose subject is still the one speaking ("Hale was quoted as saying", "was heard telling").
SPEAKING_PASSIVES = frozenset({"quote", "hear", "overhear", "record", "tape", "film", "cite"})


def speaks_in_passive(cue: Token, subject: Token) -> bool:
    """True when the subject of a passive cue with no "by" phrase is the speaker ("Hale was quoted as
    saying"); False when it is what was said or whom it was said of ("It was reported that ...", "He
    has been harshly criticized for ...": the critics are unnamed, and he is their target)."""
    if subject.head.i != cue.i:
        return subject.lower_ != "it"  # a subject shared with a passive verb before ("was quoted ... saying")
    return subject.lower_ != "it" and cue.lemma_.lower() in SPEAKING_PASSIVES


def relative_pronoun(cue: Token, subject: Token) -> Token | None:
    """The relative pronoun that names the source of `cue`: its own subject ("an architect, who said"), or
    that of the verb it is conjoined to or completes when that clause hangs on the source ("citizens, who
    make up most of the investors and see the program as ...", "someone who had to reject ..."); None
    otherwise."""
    own = [c for c in cue.children if c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT")]
    if own:
        return own[0]
    verb = cue
    for _ in range(3):
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.dep_ not in ("conj", "xcomp"):
            return None
        verb = verb.head
        rel = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT")]
        if rel and verb.dep_ == "relcl" and verb.head.i == subject.i:
            return rel[0]
    return None


def subject_in_paragraph(subject: Token, paras: list[int], para: int) -> Token | None:
    """The part of a subject the parse ran across a paragraph break that stands in the cue's own paragraph
    ("The Latest ... (all times EDT):\n\n7 p.m.\n\nJane Doe is questioning ...", parsed with Jane Doe as
    an apposition of the headline's "Latest"): the noun nearest the subject's head, None when the subject
    has no word in that paragraph (a headline's subject is nobody in the body)."""
    inside = [t for t in subject.subtree if paras[t.i] == para and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not inside:
        return None
    return min(inside, key=lambda t: (sum(1 for _ in t.ancestors), t.i))


def paragraph_opener(doc: Doc, paras: list[int], cue_i: int) -> Token | None:
    """The name or pronoun that opens the cue's paragraph and stands before the cue, no more than an aside
    away ("Ms. Ruiz, reading the draft, complained ...", "Gov. Tom Hale, in a statement, said:"), when the
    parse ran the paragraph into the one before and gave the cue a subject there: its last word (the name's
    head); None when the paragraph opens otherwise (a quote, a clause, a description)."""
    first = cue_i
    while first > 0 and paras[first - 1] == paras[cue_i] and not doc[first - 1].is_space:
        first -= 1
    end = first
    while end < cue_i and doc[end].pos_ == "PROPN" and end - first < 6:
        end += 1
    if end == first and doc[first].pos_ == "PRON" and doc[first].lower_ in PERSONAL_PRONOUNS:
        end = first + 1
    if end == first or end >= cue_i or doc[end].text not in (",", doc[cue_i].text):
        return None
    return doc[end - 1]


def quoted_subject(item: Found, subject: Token, inside: list[bool]) -> bool:
    """True when the source the parse found for a quote is the subject of a clause inside quotation marks
    ("That" of '"That makes me rich"'), its cue outside them: a quoted sentence's subject is what the words
    are about, never who speaks them (a quoted name standing as the cue's own subject, '"Team Hale" said',
    is not such a word)."""
    return item.cue_i >= 0 and inside[subject.i] and inside[subject.head.i] and not inside[item.cue_i]


def clause_subject_before(doc: Doc, cue_i: int, inside: list[bool]) -> Token | None:
    """The subject, outside quotation marks, of the nearest verb before the cue in its sentence that has one
    ("Mr. Hale hardly clarified the matter, treating ... -- "..." -- and, asserting, "...": Hale); None when
    there is none."""
    if cue_i < 0:
        return None
    sent = doc[cue_i].sent
    for tok in reversed(doc[sent.start : cue_i]):
        if inside[tok.i] or tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [
            c for c in tok.children if c.dep_ == "nsubj" and not inside[c.i] and c.tag_ not in ("WP", "WDT")
        ]
        if subjects:
            return subjects[0]
    return None


NESTED_SHARE = 0.9  # this much of the shorter span inside the longer one: the same words


def drop_restated(claims: list[StatementClaim]) -> list[StatementClaim]:
    """`claims` less those whose words another claim of the same named source already holds.

    Two cues can pick up one statement twice ("Bolton said that Washington would not tolerate what he
    called ..."): a span that lies (nearly) inside a longer span of the same speaker adds nothing and is
    dropped. A span inside another source's statement is a nested attribution ("RT reported that
    Zakharova said ...") and stays, as do unnamed sources, which may be different people.
    """
    kept: list[StatementClaim] = []
    # 'Hale is rolling out a new message: "..."': a reported span that runs through a colon into the same
    # source's quote is the act of giving it; the quote is the statement
    claims = [c for c in claims if not any(_introduces_quote(c, q) for q in claims)]
    for claim in sorted(claims, key=lambda c: (c.start - c.end, c.start)):  # longest first
        if not any(_restates(claim, other) for other in kept):
            kept.append(claim)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _introduces_quote(outer: StatementClaim, quote: StatementClaim) -> bool:
    """True when `outer`, a reported span, holds `quote`, a quote of the same named source right after a colon
    in it, and ends with it."""
    if outer.direct or not quote.direct or outer.speaker is None or outer.speaker != quote.speaker:
        return False
    if not (outer.start < quote.start and quote.end - 3 <= outer.end <= quote.end + 3):
        return False
    lead = outer.text[: quote.start - outer.start].rstrip(" \"'\u201c\u2018`")
    return lead.endswith(":")


def _between_passages(inner: StatementClaim, outer: StatementClaim) -> bool:
    """True when `inner`, a reported span, lies between the first and the last quoted passage of the quote
    run `outer` (its words, the passages joined by JOINER), in none of them."""
    if inner.direct or not outer.direct or outer.words is None or JOINER not in outer.words:
        return False
    passages = outer.words.split(JOINER)
    first, last = outer.text.find(passages[0]), outer.text.rfind(passages[-1])
    at = inner.start - outer.start
    return first >= 0 and first + len(passages[0]) <= at and at + len(inner.text) <= last


def _restates(inner: StatementClaim, outer: StatementClaim) -> bool:
    if inner.speaker is None or inner.speaker != outer.speaker:
        return False
    if _between_passages(inner, outer):
        # '"...," Tusk said, summing up the talks. "..."': the clause lies in the run's span but between
        # its quoted passages (its words): in the writer's attribution, which holds a statement of its own
        return False
    shared = min(inner.end, outer.end) - max(inner.start, outer.start)
    return shared >= NESTED_SHARE * (inner.end - inner.start)
