"""Statements with no source at all in the sentence: kept only for a passive reporting verb ("it was reported
that", "were told that") or a noun of saying ("There were claims that ...", "charges that ..."), which say that
somebody unnamed spoke.

A statement stored with no source words at all is, in other news, mostly the writer's own narration or a
source the parse missed: a scare quote ('a "Tent City"', 'promised "dirt"'), "after it was revealed that ...",
a quote whose speaker follows in a shape the pass did not read, "McConnell hasn't tipped his hand" (on a strict
read of basil-dev, none of 23 was right). An editor cannot check such a claim against anybody, and PolNeAR's
scoring cannot count one right either (a gold source needs a stored source span), so it is not stored.
"""

from __future__ import annotations

import re

from ..types import StatementClaim
from .speakers import CLAIM_NOUNS

PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
REPORTING_PARTICIPLES = frozenset(
    {"said", "reported", "told", "announced", "claimed", "alleged", "rumored", "rumoured", "quoted"}
)


def has_source(claim: StatementClaim) -> bool:
    """True when `claim` names its source in the text (a speaker span), or its cue is a passive reporting verb
    or a noun of saying that says somebody unnamed spoke ("it was reported that", "Some people were told
    that", "There were claims that")."""
    if claim.speaker_mention is not None or claim.speaker:
        return True
    if claim.direct or claim.cue is None:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", claim.cue.text)]
    if len(words) == 1 and (words[0] in CLAIM_NOUNS or words[0].removesuffix("s") in CLAIM_NOUNS):
        return True
    return bool(PASSIVE_AUX & set(words)) and bool(REPORTING_PARTICIPLES & set(words))
