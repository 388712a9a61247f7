"""Scoring the tracker against a gold corpus (pure Python, no Django). See the corpus README."""

from .claims import ClaimMatch, match_claims, score_claims
from .events import score_events
from .gold import Corpus, GoldArticle, GoldClaim, load_corpus
from .links import score_links
from .report import evaluate_corpus, format_table
from .stance import score_stance

__all__ = [
    "ClaimMatch",
    "Corpus",
    "GoldArticle",
    "GoldClaim",
    "evaluate_corpus",
    "format_table",
    "load_corpus",
    "match_claims",
    "score_claims",
    "score_events",
    "score_links",
    "score_stance",
]
