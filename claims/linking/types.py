"""Plain data the linker takes and returns (no Django: the service layer converts to and from models)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

ClaimId = Hashable
Relation = Literal["corroborates", "contradicts"]
# stance(claim_text, other_text) -> "agree" | "disagree" | "discuss" | "unrelated"
StanceFn = Callable[[str, str], str]
# stance_many([(claim_text, other_text), ...]) -> one label per pair (one batch: much cheaper)
StanceManyFn = Callable[[Sequence[tuple[str, str]]], Sequence[str]]


@dataclass(slots=True)
class ArticleInfo:
    id: Hashable
    outlet: str | None
    published: dt.date | None
    title: str | None
    text: str
    entities: tuple[str, ...] = ()  # named entities when the caller has them; else found cheaply in the text
    places: tuple[str, ...] = ()  # place names (GPE/LOC) when the caller has them
    lead_chars: int = 1200  # how much of the text (after the title) describes the happening


@dataclass(slots=True)
class LinkableClaim:
    id: ClaimId
    article_id: Hashable
    outlet: str | None
    claim: QuantityClaim | DateClaim | StatementClaim
    sentence: str  # the sentence that carries the claim (context for "about the same thing")
    event_id: Hashable | None = None  # from EventIndex; None when the article is in no event yet
    sentence_start: int | None = None  # offset of the sentence in its article, to pair claims in one sentence
    published: dt.date | None = None  # of its article, to resolve relative dates and time windows
    # its article tells of a later round ("a new team came"): see context.later_round
    later_round: bool = False
    # the claim text's sentence vector (claims.linking.encoder: unit length, float32), None when not encoded
    vector: Any = None
    # its article's title: a rationale names the article by it when the outlet is not known
    title: str | None = None


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    a_id: ClaimId
    b_id: ClaimId
    relation: Relation
    confidence: float
    rationale: str  # one line an editor can check against both claims

    @property
    def pair(self) -> frozenset[ClaimId]:
        """The unordered pair of claim ids this suggestion relates."""
        return frozenset((self.a_id, self.b_id))


@dataclass(frozen=True, slots=True)
class ExistingLink:
    """A link an editor already made or confirmed; the linker never re-suggests or overrides it."""

    a_id: ClaimId
    b_id: ClaimId
    relation: Relation

    @property
    def pair(self) -> frozenset[ClaimId]:
        """The unordered pair of claim ids this link relates."""
        return frozenset((self.a_id, self.b_id))


@dataclass(slots=True)
class Confirmation:
    count: int  # independent confirmations: outlets repeating one upstream source count once
    chain: list[tuple[str, str]]  # (outlet, whom it cites) for every claim that names an upstream source
    groups: list[list[ClaimId]] = field(default_factory=list)  # claims per independent origin
    origins: list[str] = field(default_factory=list)  # the origin of each group (source or outlet)
