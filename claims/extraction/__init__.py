"""Pure-Python claim extraction: article text in, claims with exact spans out (no Django here)."""

from .pipeline import EXTRACTOR_VERSION, extract, extract_many

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many"]
