"""Check a claim against the corpus: candidate articles from the database's search, then the stance model.

Candidates are the current articles whose own text (title and body) uses the claim's words, whether
or not any claim was extracted from them: PostgreSQL's full-text search on the article's stored,
GIN-indexed search vector (migration sources/0004), or a substring match on SQLite. At most
`CANDIDATES` articles, best first, are read in one query and classified in one stance batch by
claims.linking.check (pure Python).

The articles' stored claims are not consulted: a claim's quote is a span of its article's body, so
any article its claims would find is found by the article's own vector already.
"""

from __future__ import annotations

import datetime as dt
from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from claims.linking.check import Candidate, CheckResult, check_claim, search_terms
from sources.models import Article, Outlet

CANDIDATES = 200  # articles classified per check
SHORTLIST = 1000  # PostgreSQL: articles ranked by ts_rank_cd, out of all those matching
SQLITE_TERMS = 6  # substring search: the longest words only
# ts_rank_cd normalisation: 1 divides by 1 + log(length), so a long article does not win on size alone.
RANK_NORMALIZATION = 1


def candidate_articles(
    claim: str,
    *,
    outlet: Outlet | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    limit: int = CANDIDATES,
) -> list[Article]:
    """Current articles whose title or body uses the words of `claim`, best match first (one query).

    PostgreSQL: articles whose vector matches any of the words, ordered by how many distinct words
    they use, then by ts_rank_cd (cover density: the words close together, in the title weigh more).
    SQLite: articles whose title or body contains one of the longest words, ordered by how many of
    them they contain.
    """
    terms = search_terms(claim)
    if not terms:
        return []
    articles = Article.objects.filter(is_current=True)
    if outlet is not None:
        articles = articles.filter(outlet=outlet)
    if published_from is not None:
        articles = articles.filter(published_on__gte=published_from)
    if published_to is not None:
        articles = articles.filter(published_on__lte=published_to)
    if connection.vendor == "postgresql":
        articles = _ranked_postgresql(articles, terms)
    else:
        articles = _ranked_sqlite(articles, terms[:SQLITE_TERMS])
    return list(articles.select_related("outlet").defer("original")[:limit])


def _ranked_postgresql(articles: QuerySet, terms: list[str]) -> QuerySet:
    """Articles matching any term, most distinct terms first, then by ts_rank_cd.

    ts_rank_cd (cover density) is the costly part with an OR query over whole articles, so it runs on
    a shortlist only: the `SHORTLIST` best by distinct terms and the cheaper ts_rank, picked in a
    subquery of the same statement.
    """
    queries = [SearchQuery(t, config="english", search_type="plain") for t in terms]
    query = reduce(or_, queries)

    def found():
        return reduce(
            add,
            (
                Case(When(search_vector=q, then=Value(1)), default=Value(0), output_field=IntegerField())
                for q in queries
            ),
        )

    shortlist = (
        articles.filter(search_vector=query)
        .annotate(
            words_found=found(), quick=SearchRank(F("search_vector"), query, normalization=RANK_NORMALIZATION)
        )
        .order_by("-words_found", "-quick", "-id")
        .values("pk")[:SHORTLIST]
    )
    rank = SearchRank(F("search_vector"), query, cover_density=True, normalization=RANK_NORMALIZATION)
    return (
        Article.objects.filter(pk__in=shortlist)
        .annotate(words_found=found(), rank=rank)
        .order_by("-words_found", "-rank", "-id")
    )


def _ranked_sqlite(articles: QuerySet, words: list[str]) -> QuerySet:
    found = reduce(
        add,
        (
            Case(
                When(Q(title__icontains=w) | Q(body__icontains=w), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for w in words
        ),
    )
    match = reduce(or_, (Q(title__icontains=w) | Q(body__icontains=w) for w in words))
    return articles.filter(match).annotate(words_found=found).order_by("-words_found", "-id")


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
        Candidate(a.pk, a.body, a.title, a.outlet.name if a.outlet else None, a.published_on)
        for a in articles
    ]
    return check_claim(_model(), claim, candidates)


def _model():
    """The shipped stance model with a feature cache of its own for this check.

    The shared model caches the analysis of every text it sees; whole articles would pile up in a
    long-running web process, so each check starts with an empty cache (the arrays are shared).
    """
    from claims.linking.stance import StanceModel

    return StanceModel.load().fresh()
