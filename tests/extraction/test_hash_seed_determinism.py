"""Extraction and linking give the same output whatever Python's string hash seed (PYTHONHASHSEED): no
set or dict order decides a speaker, a span, a confidence or a link. Two articles we wrote, run in two
fresh interpreters with different seeds; they name two people of one surname ("Brandt" alone, then
"Oliver Brandt", then "Tessa Brandt"), the case where a surname joined both and which name the speaker
got hung on the order of mentions, and repeat figures and remarks for the linker to pair."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = r"""
import dataclasses, json, sys
from claims.extraction import extract_many
from claims.extraction.actors import ActorIndex
from claims.linking.links import suggest_links
from claims.linking.types import LinkableClaim

ARTICLES = [
    ("a1", "Harbour Courant", (
        "Brandt said on Monday that the ferry would stop running in May.\n\n"
        "Oliver Brandt, the port director, said 240 workers would lose their jobs.\n\n"
        "Tessa Brandt, a councillor, said the closure was a mistake. \"We were never asked,\" she said.\n\n"
        "Brandt added that the board would meet again on Friday."
    )),
    ("a2", "Island Gazette", (
        "The port director, Oliver Brandt, said on Monday that about 240 workers would lose their jobs "
        "when the ferry stops in May.\n\n"
        "Councillor Tessa Brandt said the closure was a mistake, and Mayor Ana Ruiz said the ferry "
        "would keep running until June.\n\n"
        "\"We were never asked,\" Tessa Brandt said."
    )),
]
found = extract_many([{"text": t, "published": "2026-03-02", "outlet": o} for _, o, t in ARTICLES])
index = ActorIndex()
out, items = [], []
for (key, outlet, text), extraction in zip(ARTICLES, found):
    for n, claim in enumerate(extraction.claims):
        row = dataclasses.asdict(claim)
        if getattr(claim, "speaker", None):
            row["actor"] = index.actor(index.resolve_or_add(claim.speaker)).name
        out.append([key, repr(row)])
        items.append(LinkableClaim(f"{key}-{n}", key, outlet, claim, claim.text, event_id="e1", sentence_start=0))
out.extend([sorted(s.pair), s.relation, repr(s.confidence)] for s in suggest_links(items))
json.dump(out, sys.stdout)
"""


def _run(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_extraction_and_linking_do_not_hang_on_the_hash_seed():
    """The same claims, speakers (after cross-article resolution), confidences and link suggestions, to
    the last digit, under two hash seeds; and the two Brandts stay two people."""
    first, second = _run("1"), _run("2024")
    assert first == second
    actors = " ".join(row[1] for row in first if isinstance(row[1], str) and "'actor'" in row[1])
    assert "'actor': 'Tessa Brandt'" in actors and "'actor': 'Oliver Brandt'" in actors
