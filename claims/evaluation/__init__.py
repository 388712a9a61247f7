"""Scoring the tracker against a gold corpus (pure Python, no Django). See the corpus README."""

from .claims import ClaimMatch, match_claims, score_claims
from .events import score_events
from .gold import Corpus, GoldArticle, GoldClaim, load_corpus
from .links import score_links
from .report import format_table, score_import
from .stance import score_stance
from .stored import StoredClaim, load_stored

__all__ = [
    "ClaimMatch",
    "Corpus",
    "GoldArticle",
    "GoldClaim",
    "StoredClaim",
    "format_table",
    "load_corpus",
    "load_stored",
    "match_claims",
    "score_claims",
    "score_events",
    "score_import",
    "score_links",
    "score_stance",
]
