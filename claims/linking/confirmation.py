"""Count independent confirmations in a group of corroborating claims.

Outlets that only repeat one upstream source (all citing Sputnik, or all "according to Javier Mayorca")
confirm it once. A claim's origin is whom it cites (a quantity's `source`, a statement's `attribution`
or, failing that, its speaker); with no one cited, the outlet itself is the origin. An origin that is
itself an outlet of the group is followed to whom that outlet cites, so "A cites B, B cites C" is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.extraction.types import QuantityClaim, StatementClaim

from .links.text import fold
from .types import ClaimId, Confirmation, LinkableClaim

_CUE = re.compile(
    r"^\s*(?:according\s+to|as\s+reported\s+by|reported\s+by|citing|cited\s+by|via|per|says?|said|told)\s+",
    re.I,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def upstream(item: LinkableClaim) -> str | None:
    """Whom the claim cites, as written ("Javier Mayorca", "Sputnik"), or None when no one is named."""
    claim = item.claim
    if isinstance(claim, QuantityClaim):
        cited = claim.source
    elif isinstance(claim, StatementClaim):
        cited = claim.attribution or claim.speaker
    else:
        cited = None
    if not cited:
        return None
    cited = _ARTICLE.sub("", _CUE.sub("", cited)).strip(" ,.;:")
    return cited or None


def independent_confirmations(claims: Iterable[LinkableClaim]) -> Confirmation:
    """The number of independent origins behind the claims, the citation chain and the claims per origin."""
    items = list(claims)
    known = {_key(_outlet(i)): _outlet(i) for i in items}
    # a short form of a name cited elsewhere in full ("Mayorca", "Javier Mayorca") is the same source
    for name in sorted({_key(c) for c in map(upstream, items) if c}, key=len, reverse=True):
        if _match(name, known) == name:
            known.setdefault(name, "")
    cites: dict[str, str] = {}  # outlet key -> key of whom it cites (first claim that names someone)
    chain: list[tuple[str, str]] = []
    for item in items:
        cited = upstream(item)
        if cited is None:
            continue
        pair = (_outlet(item), cited)
        if pair not in chain:
            chain.append(pair)
        if _key(cited) != _key(_outlet(item)):
            cites.setdefault(_key(_outlet(item)), _match(_key(cited), known))

    def origin(item: LinkableClaim) -> str:
        cited = upstream(item)
        key = _match(_key(cited), known) if cited else _key(_outlet(item))
        seen = set()
        while key in cites and key not in seen:  # an outlet of the group that cites someone further up
            seen.add(key)
            key = cites[key]
        return key

    groups: dict[str, list[ClaimId]] = {}
    names: dict[str, str] = {}
    for item in items:
        key = origin(item)
        groups.setdefault(key, []).append(item.id)
        cited = upstream(item)
        names.setdefault(key, known.get(key) or cited or _outlet(item))
    return Confirmation(
        count=len(groups), chain=chain, groups=list(groups.values()), origins=[names[k] for k in groups]
    )


def _outlet(item: LinkableClaim) -> str:
    return item.outlet or f"article {item.article_id}"


def _key(name: str) -> str:
    return " ".join(fold(name).lower().replace("'s", "").split())


def _match(key: str, known: dict[str, str]) -> str:
    """The known outlet or source `key` names ("sputnik" for "sputnik news"; "javier mayorca" for
    "mayorca"), else `key` itself."""
    for other in known:
        if other == key:
            return other
    for other in known:
        if other and (
            re.search(rf"\b{re.escape(other)}\b", key) or re.search(rf"\b{re.escape(key)}\b", other)
        ):
            return other
    return key
