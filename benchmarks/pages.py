"""Server time and SQL query counts of the main pages, measured in-process with Django's test client."""

from __future__ import annotations

import contextlib
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from claims.models import Claim, Event
from sources.models import Article


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _page_urls(rng: random.Random, samples: int) -> dict[str, list[str]]:
    """For each page name, `samples` URLs over random objects (ids picked without scanning the tables)."""

    def random_ids(model, n):
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        ids = []
        for _ in range(n * 4):
            pk = (
                model.objects.filter(pk__gte=rng.randint(1, max(1, last)))
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            )
            if pk:
                ids.append(pk)
            if len(ids) == n:
                break
        return ids

    claims, articles, events = (
        random_ids(Claim, samples),
        random_ids(Article, samples),
        random_ids(Event, samples),
    )
    list_url = reverse("claims:claim-list")
    urls: dict[str, list[str]] = {
        "claims_list": [list_url] + [f"{list_url}?page={rng.randint(2, 20)}" for _ in range(samples - 1)],
        "claims_list_filtered": [f"{list_url}?kind=quantity&review_status=pending&unit_class=ship"] * samples,
        "claims_list_search": [
            f"{list_url}?q={w}" for w in rng.choices(["ships", "minister", "harbour", "soldiers"], k=samples)
        ],
        "claim_page": [reverse("claims:claim-detail", args=[pk]) for pk in claims],
        "article_page": [reverse("sources:article-detail", args=[pk]) for pk in articles],
    }
    with contextlib.suppress(NoReverseMatch):
        urls["event_page"] = [reverse("claims:event-detail", args=[pk]) for pk in events]
    return urls


def measure_pages(*, samples: int = 40, seed: int = 1) -> dict[str, dict[str, float]]:
    """p50 / p95 server milliseconds and the largest SQL query count for each page."""
    rng = random.Random(seed)
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    results = {}
    for name, urls in _page_urls(rng, samples).items():
        if not urls:
            continue
        client.get(urls[0])  # warm caches and connections
        queries = 0
        for url in urls[:5]:  # counted apart: capturing queries slows them down
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            queries = max(queries, len(captured.captured_queries))
        times = []
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "queries": queries,
        }
    return results
