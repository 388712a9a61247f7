"""Quantities: numbers with what they count. (Being written; the pipeline already calls it.)"""

from ..document import ArticleDoc
from ..types import QuantityClaim


def find_quantities(adoc: ArticleDoc) -> list[QuantityClaim]:
    """Quantity claims in the article, in document order."""
    return []
