"""Where the numbers changed between two versions of an article's text (a "silent edit").

Pure text comparison: paragraphs and then sentences of the old and new text are aligned with
difflib, and a changed, removed or added passage is reported when the numbers written in it differ.
Offsets refer to each version's stored body, so the old version's claims over a changed passage
can be found and flagged.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from newstext.sentences import sentence_spans

_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|double|triple)\b",
    re.IGNORECASE,
)


def numbers_in(text: str) -> list[str]:
    """The numbers written in `text` (digits and English number words), lower-case, in order."""
    return [m.group().lower() for m in _NUMBER.finditer(text)]


def number_changes(old: str, new: str) -> list[dict[str, object]]:
    """Passages whose numbers differ in `old` and `new`: old_/new_ start, end, text, numbers."""
    old_spans, new_spans = sentence_spans(old), sentence_spans(new)
    old_keys = [old[a:b] for a, b in old_spans]
    new_keys = [new[a:b] for a, b in new_spans]
    changes = []
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        oa, ob = (old_spans[i1][0], old_spans[i2 - 1][1]) if i2 > i1 else (0, 0)
        na, nb = (new_spans[j1][0], new_spans[j2 - 1][1]) if j2 > j1 else (0, 0)
        before, after = numbers_in(old[oa:ob]) if i2 > i1 else [], numbers_in(new[na:nb]) if j2 > j1 else []
        if Counter(before) == Counter(after):
            continue
        changes.append(
            {
                "old_start": oa,
                "old_end": ob,
                "old_text": old[oa:ob][:500],
                "old_numbers": before,
                "new_start": na,
                "new_end": nb,
                "new_text": new[na:nb][:500],
                "new_numbers": after,
            }
        )
    return changes
