"""The speaker's own words of a quote run that its attribution interrupts.

'"I may do it," he said, before adding, "If the crews agree."' and '"We are ready," Hale said. "The crews
know it."' are one statement: PolNeAR and the article page read the run as one attribution, so its span
covers both fragments. The words between ("he said, before adding,") are the writer's, though, and an
editor, a link or the stance model reading the claim must not take them for the speaker's: the stored
words are the quoted fragments joined with " ... ".
"""

from __future__ import annotations

from spacy.tokens import Doc

from .quotes import is_quote_mark, title_cased
from .reported import trimmed

JOINER = " ... "


def _runs(inside: list[bool], start: int, end: int) -> list[tuple[int, int]]:
    """Maximal token ranges in [start, end) that lie inside quotation marks."""
    runs: list[tuple[int, int]] = []
    i = start
    while i < end:
        if not inside[i]:
            i += 1
            continue
        j = i
        while j < end and inside[j]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _worded(doc: Doc, start: int, end: int) -> bool:
    return any(t.is_alpha or t.like_num for t in doc[start:end])


TITLE_MAX_WORDS = 6  # "Fox and Friends", "State of the Union", "Meet the Press"


def _named_in_narration(doc: Doc, start: int, end: int) -> bool:
    """True for a quoted title the writer's words run into ('said on Fox News's "Fox and Friends."'):
    a few title-cased words whose opening mark follows a word, not a stop, comma or line break."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words or len(words) > TITLE_MAX_WORDS or not title_cased(words):
        return False
    i = start - 1
    while i >= 0 and (doc[i].is_space or is_quote_mark(doc[i])):
        i -= 1
    if i >= 1 and doc[i].text in ("'", "\u2019") and doc[i - 1].is_alpha and doc[i].whitespace_ != "":
        return True  # 'on Fox News\' "On the Record."': a possessive's apostrophe ends a word
    return i >= 0 and not doc[i].is_punct and not doc[i].is_space


def interrupted_fragments(
    doc: Doc, inside: list[bool], start: int, end: int, cue_i: int
) -> list[list[tuple[int, int]]] | None:
    """The quoted fragments of the run [start, end) when its own attribution (the cue `cue_i`, outside
    quotation marks) stands between two of them: one list of token ranges per part the writer's words
    separate (fragments with only marks or a paragraph break between them form one part). None when the
    cue lies outside the run or is not flanked by quoted words, as for a reported clause
    ('Hale said the plan, which he called "a disaster", would fail'), whose words are all the speaker's."""
    if not (start <= cue_i < end) or inside[cue_i]:
        return None
    runs = [trimmed(doc, a, b) for a, b in _runs(inside, start, end)]
    runs = [r for r in runs if r[0] < r[1] and _worded(doc, *r)]
    runs = runs[:1] + [r for r in runs[1:] if not _named_in_narration(doc, *r)]
    if not any(b <= cue_i for _, b in runs) or not any(a > cue_i for a, _ in runs):
        return None
    parts: list[list[tuple[int, int]]] = [[runs[0]]]
    for run in runs[1:]:
        gap = (parts[-1][-1][1], run[0])
        if _worded(doc, *gap):
            parts.append([run])
        else:
            parts[-1].append(run)
    return parts if len(parts) > 1 else None


def quote_before_its_attribution(
    doc: Doc, inside: list[bool], start: int, end: int, cue_i: int
) -> list[list[tuple[int, int]]] | None:
    """The quoted words of a span that runs on past its quote into the attribution after it ('"Our worries
    are wages and ferries," Mr. Kell said', cut there because a second quote after ", adding, ..." is a
    statement of its own): one part, the quote alone, so the writer's "Mr. Kell said" is not stored or shown
    as the speaker's. None when the span does not open on the quote, when quoted words follow the cue
    (`interrupted_fragments`), or when the words after the quote are more than a short attribution (a
    clause with a verb of its own, "Hale said he did not recall it", is reported words, not a frame)."""
    if not (start <= cue_i < end) or inside[cue_i]:
        return None
    runs = [trimmed(doc, a, b) for a, b in _runs(inside, start, end)]
    runs = [r for r in runs if r[0] < r[1] and _worded(doc, *r)]
    runs = runs[:1] + [r for r in runs[1:] if not _named_in_narration(doc, *r)]
    before = [r for r in runs if r[1] <= cue_i]
    if not before or any(a > cue_i for a, _ in runs) or _worded(doc, start, before[0][0]):
        return None
    tail = [t for t in doc[before[-1][1] : end] if not (t.is_punct or t.is_space or inside[t.i])]
    if len(tail) > ASIDE_MAX_TOKENS or any(t.pos_ in ("VERB", "AUX") and t.i != cue_i for t in tail):
        return None
    part = [before[0]]
    for run in before[1:]:
        if _worded(doc, part[-1][1], run[0]):
            return None  # narration between two quotes before the cue: not one quote
        part.append(run)
    return [part]


def without_trailing_title(doc: Doc, inside: list[bool], start: int, end: int, cue_i: int) -> int:
    """`end`, or the end of the last quoted words before the cue when all that is quoted after the cue is a
    title the attribution runs into ('"...," Hale said on Harbour News' "Morning Tide."'): the span is the
    speaker's quote, and the show's name after it is no part of it."""
    if not (start <= cue_i < end) or inside[cue_i]:
        return end
    runs = [trimmed(doc, a, b) for a, b in _runs(inside, start, end)]
    runs = [r for r in runs if r[0] < r[1] and _worded(doc, *r)]
    before = [r for r in runs if r[1] <= cue_i]
    after = [r for r in runs if r[0] > cue_i]
    if not before or not after or not all(_named_in_narration(doc, *r) for r in after):
        return end
    return before[-1][1]


def joined(parts: list[list[str]]) -> str:
    """The parts' words as one text: the fragments of a part joined by a space, the parts by " ... "."""
    return JOINER.join(" ".join(" ".join(t.split()) for t in part) for part in parts)


ASIDE_MAX_TOKENS = 12  # "even officials there admit", "Tom Hale, the harbour commissioner, said on Monday"


def interrupted_clause(
    doc: Doc, start: int, end: int, cue_i: int, subject_i: int | None
) -> list[list[tuple[int, int]]] | None:
    """The two parts of a reported clause [start, end) that its attribution interrupts between commas
    ("The proposals, even officials there admit, are not a cure-all"): the words before the aside and
    the words after it. None when the cue lies outside the clause or no short aside set off by commas
    holds it."""
    if not (start <= cue_i < end):
        return None
    first = min(cue_i, subject_i) if subject_i is not None and start <= subject_i < end else cue_i
    left = next((j for j in range(first - 1, start - 1, -1) if doc[j].text == ","), None)
    # the aside ends after the source it names, with whatever stands in apposition to it (", according to
    # Ana Ruiz, the council treasurer, will rise")
    last = cue_i
    if subject_i is not None and cue_i < subject_i < end:
        apposed = [c.right_edge.i for c in doc[subject_i].children if c.dep_ == "appos" and c.i > subject_i]
        last = max(cue_i, subject_i, *(i for i in apposed if i < end - 1))
    right = next((j for j in range(last + 1, end) if doc[j].text == ","), None)
    if left is None or right is None or right - left > ASIDE_MAX_TOKENS:
        return None
    if any(t.is_sent_start or "\n" in t.text for t in doc[left + 1 : right]):
        return None
    before, after = trimmed(doc, start, left), trimmed(doc, right + 1, end)
    if _word_count(doc, *before) < 2 or _word_count(doc, *after) < 2:
        return None
    return [[before], [after]]


def _word_count(doc: Doc, start: int, end: int) -> int:
    """Words in tokens [start, end), an abbreviation with its stop ("Mr.", "Gen.") counted as one."""
    return sum(t.is_alpha or (t.text.endswith(".") and t.text[:-1].isalpha()) for t in doc[start:end])
