"""Background tasks for claims. Each takes plain keyword arguments and is safe to run twice."""

from __future__ import annotations


def article_link_task(*, article_id: int) -> dict[str, int]:
    """Place the article in an event and suggest links for its claims again (after an editor corrected
    its publication date, its dates say something new); links already decided are kept."""
    from .linking_service import articles_link

    return articles_link(article_ids=[article_id])
