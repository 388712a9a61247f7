"""What claims does when sources announces a write (sources.signals): the arrows stay one way, sources
never imports claims. Each receiver runs inside the sender's transaction."""

from __future__ import annotations

from typing import Any

from claims.models import Claim
from claims.services.editing import annotations_reanchor
from sources.models import Article, SilentEdit


def on_article_versions_stored(*, articles: list[Article], **_: Any) -> None:
    """Re-anchor the editors' annotations of each previous version onto its new version's text."""
    for article in articles:
        if article.previous_version is not None:
            annotations_reanchor(old=article.previous_version, new=article)


def on_silent_edits_recorded(*, articles: list[Article], **_: Any) -> None:
    """Name, in each changed passage of the new versions' silent edits, the previous version's quantity
    and date claims that lie there ("previous_claims")."""
    edits = list(SilentEdit.objects.filter(article__in=[a.pk for a in articles]))
    claims: dict[int, list[tuple[int, int, int]]] = {}
    for pk, article_id, start, end in Claim.objects.filter(
        article_id__in=[edit.previous_id for edit in edits], kind__in=["quantity", "date"]
    ).values_list("pk", "article_id", "start", "end"):
        claims.setdefault(article_id, []).append((start, end, pk))
    for edit in edits:
        for change in edit.changes:
            old_start, old_end = int(change["old_start"]), int(change["old_end"])
            change["previous_claims"] = [
                pk
                for start, end, pk in claims.get(edit.previous_id, [])
                if start < old_end and end > old_start
            ]
        SilentEdit.objects.filter(pk=edit.pk).update(changes=edit.changes)
