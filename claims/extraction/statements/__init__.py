"""Attributed statements. (Being written; the pipeline already calls it.)"""

from ..document import ArticleDoc
from ..types import StatementClaim


def find_statements(adoc: ArticleDoc) -> list[StatementClaim]:
    """Statement claims in the article, in document order."""
    return []
