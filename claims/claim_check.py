"""Check a claim against the corpus: candidate articles from the database's search, then the stance model.

Candidates are the current articles whose claims match the claim's words: PostgreSQL's full-text
search on the stored, GIN-indexed claim search vector (any of the words, ranked), or a substring
match on SQLite. At most `CANDIDATES` articles, best first, are classified in one stance batch by
claims.linking.check (pure Python).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from sources.models import Article, Outlet

from .linking.check import Candidate, CheckResult, check_claim, search_terms
from .models import Claim

CANDIDATES = 200  # articles classified per check
CLAIM_ROWS = 4000  # matching claims read to rank the articles (the best ranked first on PostgreSQL)
SQLITE_TERMS = 6  # substring search: the longest words only


def candidate_articles(
    claim: str,
    *,
    outlet: Outlet | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    limit: int = CANDIDATES,
) -> list[Article]:
    """Current articles whose claims match the words of `claim`, best match first (two queries).

    PostgreSQL: claims matching any of the words in the stored search vector, an article scoring the
    sum of its claims' ranks. SQLite: claims whose quote, speaker or attribution contains one of the
    longest words, an article scoring the number of distinct words found.
    """
    terms = search_terms(claim)
    if not terms:
        return []
    claims = Claim.objects.filter(article__is_current=True).exclude(review_status=Claim.ReviewStatus.REJECTED)
    if outlet is not None:
        claims = claims.filter(article__outlet=outlet)
    if published_from is not None:
        claims = claims.filter(article__published_on__gte=published_from)
    if published_to is not None:
        claims = claims.filter(article__published_on__lte=published_to)
    score: dict[int, float] = defaultdict(float)
    if connection.vendor == "postgresql":
        query = reduce(or_, (SearchQuery(t, config="english", search_type="plain") for t in terms))
        rows = (
            claims.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "id")
            .values_list("article_id", "rank")[:CLAIM_ROWS]
        )
        for article_id, rank in rows:
            score[article_id] += rank
    else:
        words = terms[:SQLITE_TERMS]
        match = reduce(
            or_,
            (
                Q(quote__icontains=w) | Q(speaker_mention__icontains=w) | Q(attribution__icontains=w)
                for w in words
            ),
        )
        found: dict[int, set[str]] = defaultdict(set)
        rows = claims.filter(match).order_by("-id")
        rows = rows.values_list("article_id", "quote", "speaker_mention", "attribution")[:CLAIM_ROWS]
        for article_id, *texts in rows:
            low = " ".join(texts).lower()
            found[article_id].update(w for w in words if w in low)
        score.update({a: float(len(ws)) for a, ws in found.items()})
    best = sorted(score, key=lambda a: (-score[a], -a))[:limit]
    articles = Article.objects.filter(pk__in=best).select_related("outlet").defer("original")
    order = {pk: i for i, pk in enumerate(best)}
    return sorted(articles, key=lambda a: order[a.pk])


def claim_check(
    claim: str,
    *,
    outlet: Outlet | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    limit: int = CANDIDATES,
) -> CheckResult:
    """The stance of the best-matching articles towards `claim`, grouped agree / disagree / discuss.

    Each match's candidate id is the Article's primary key.
    """
    articles = candidate_articles(
        claim, outlet=outlet, published_from=published_from, published_to=published_to, limit=limit
    )
    candidates = [
        Candidate(a.pk, a.body, a.title, a.outlet.name if a.outlet_id else None, a.published_on)
        for a in articles
    ]
    return check_claim(_model(), claim, candidates)


def _model():
    """The shipped stance model with a feature cache of its own for this check.

    The shared model caches the analysis of every text it sees; whole articles would pile up in a
    long-running web process, so each check starts with an empty cache (the arrays are shared).
    """
    from .linking.stance import StanceModel

    shared = StanceModel.load()
    return StanceModel(shared.index, shared.related, shared.stance)
