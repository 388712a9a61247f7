"""Small stories of two or three outlets, imported as a user would (a CSV of url, title, outlet, published
and body through `import_articles`: reading, extraction, events, links), and the links stored between
the claims an editor points at. The stories are invented for these tests (a made-up harbour town)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db.models import Q

from claims.models import Claim, ClaimLink
from sources.models import Article


@dataclass(frozen=True)
class Report:
    outlet: str
    published: str  # YYYY-MM-DD
    title: str
    body: str


def import_reports(folder: Path, reports: list[Report]) -> dict[str, Article]:
    """Import `reports` as one CSV (the columns a user would have); returns the articles by outlet."""
    path = folder / "reports.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "title", "outlet", "published", "body"])
        for n, report in enumerate(reports):
            slug = report.outlet.lower().replace(" ", "-")
            writer.writerow(
                [f"https://{slug}.example/{n}", report.title, report.outlet, report.published, report.body]
            )
    with open(folder / "import.log", "w", encoding="utf-8") as log:
        call_command("import_articles", str(path), stdout=log)
    return {a.outlet.name: a for a in Article.objects.filter(is_current=True).select_related("outlet")}


def claims_at(article: Article, words: str, kind: str | None = None) -> list[Claim]:
    """The stored claims of `article` whose span overlaps the first occurrence of `words` in its body."""
    start = article.body.index(words)
    end = start + len(words)
    query = Claim.objects.filter(article=article, start__lt=end, end__gt=start)
    if kind:
        query = query.filter(kind=kind)
    return list(query)


def relations_between(first: list[Claim], second: list[Claim]) -> set[str]:
    """The relations of the links stored between any claim of `first` and any of `second`."""
    a = [c.pk for c in first]
    b = [c.pk for c in second]
    links = ClaimLink.objects.filter(Q(claim_a__in=a, claim_b__in=b) | Q(claim_a__in=b, claim_b__in=a))
    return set(links.values_list("relation", flat=True))


def links_between(first: list[Claim], second: list[Claim]) -> list[ClaimLink]:
    a = [c.pk for c in first]
    b = [c.pk for c in second]
    return list(ClaimLink.objects.filter(Q(claim_a__in=a, claim_b__in=b) | Q(claim_a__in=b, claim_b__in=a)))
