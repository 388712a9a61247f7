"""Background tasks for claims, each registered under a fixed name with its argument checked (a positive
article id). Each is safe to run twice."""

from __future__ import annotations

from tracker.tasks import positive_id, task


@task("claims.link_article", article_id=positive_id)
def article_link_task(*, article_id: int) -> dict[str, int]:
    """Place the article in an event and suggest links for its claims again (after an editor corrected
    its publication date, its dates say something new); links already decided are kept."""
    from .linking_service import articles_link

    return articles_link(article_ids=[article_id])
