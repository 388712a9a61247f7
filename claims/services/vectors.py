"""Writes for sentence vectors: each statement claim is encoded once (claims.linking.encoder) and its
vector stored in ClaimVector; later linking runs read it back instead of running the model again."""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import NamedTuple

import numpy as np
from django.conf import settings
from django.db import transaction

from claims.linking import encoder
from claims.models import Claim, ClaimVector

log = logging.getLogger(__name__)
CHUNK = 5000  # claim ids per query (SQLite allows 32,766 parameters)


class StatementText(NamedTuple):
    """What `claims_vectors` reads of a claim, for a caller holding plain columns: a Claim built only to
    be read cost more CPU (its fifty fields and init signals) than reading its row."""

    pk: int
    kind: str
    said: str  # Claim.said: the words when set, else the quote


def encoder_enabled() -> bool:
    """True when settings.SENTENCE_ENCODER is on and the model packages are installed."""
    return settings.SENTENCE_ENCODER and encoder.available()


def claims_vectors(
    *, claims: Sequence[Claim | StatementText], encode: Collection[int] | None = None
) -> dict[int, np.ndarray]:
    """Claim id -> sentence vector of each statement among `claims`: read where stored for the claim's
    current text, else (for the claims whose ids are in `encode`, default all) encoded now and stored in
    one short transaction. Empty when the encoder is off or not installed (the linker then works on
    words alone)."""
    if not encoder_enabled():
        return {}
    statements = [c for c in claims if c.kind == Claim.Kind.STATEMENT]
    ids = [c.pk for c in statements]
    stored: dict[int, bytes | memoryview] = {}
    for start in range(0, len(ids), CHUNK):
        rows = ClaimVector.objects.filter(claim_id__in=ids[start : start + CHUNK])
        stored.update(rows.values_list("claim_id", "data"))
    out: dict[int, np.ndarray] = {}
    todo: list[Claim | StatementText] = []
    by_text: dict[str, np.ndarray] = {}  # the vector of each text read or encoded here
    for claim in statements:
        vector = encoder.unpack(claim.said, stored.get(claim.pk))
        if vector is None:
            if encode is None or claim.pk in encode:
                todo.append(claim)  # never encoded, or its text was edited since
        else:
            out[claim.pk] = vector
            by_text.setdefault(claim.said, vector)
    if not todo:
        return out
    # each text is encoded once: one remark several outlets quote word for word, or a claim with the text
    # of another claim whose vector is stored, takes that vector (a text's, whatever batch made it, up to
    # rounding)
    texts = list(dict.fromkeys(c.said for c in todo if c.said not in by_text))
    if texts:
        try:
            vectors = encoder.encode(texts)  # outside the transaction: the slow part
        except encoder.EncoderUnavailable as e:
            log.warning("linking without sentence vectors: %s", e)
            return {}
        by_text.update(zip(texts, vectors, strict=True))
    found = np.stack([by_text[c.said] for c in todo])
    out.update((c.pk, v) for c, v in zip(todo, found, strict=True))
    _store(todo, found)
    return out


@transaction.atomic
def _store(claims: Sequence[Claim | StatementText], vectors: np.ndarray) -> None:
    # claims deleted while the model ran have no row to point to
    alive: set[int] = set()
    for start in range(0, len(claims), CHUNK):
        chunk = [c.pk for c in claims[start : start + CHUNK]]
        alive.update(Claim.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    ClaimVector.objects.bulk_create(
        [
            ClaimVector(claim_id=c.pk, data=encoder.pack(c.said, v))
            for c, v in zip(claims, vectors, strict=True)
            if c.pk in alive
        ],
        update_conflicts=True,
        unique_fields=["claim"],
        update_fields=["data"],
        batch_size=1000,
    )
