"""Server time and SQL query counts of the main pages, measured in-process with Django's test client."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.signals import request_started
from django.db import connection, reset_queries
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from claims.models import Claim, Event
from sources.models import Article, Outlet
from tracker.paging import encode_cursor


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
    outlet_ids = list(Outlet.objects.order_by("pk").values_list("pk", flat=True)[:50])
    dated = Article.objects.filter(published_on__isnull=False).order_by("published_on")
    first_day = dated.values_list("published_on", flat=True).first()
    urls: dict[str, list[str]] = {
        "claims_list": [list_url] * samples,
        "claims_list_filtered": [f"{list_url}?kind=quantity&review_status=pending&unit_class=ship"] * samples,
        "claims_list_outlet": [f"{list_url}?outlet={pk}" for pk in rng.choices(outlet_ids or [0], k=samples)],
        "claims_list_corroborated": [f"{list_url}?has_corroboration=true"] * samples,
        "claims_list_speaker_name": [
            f"{list_url}?speaker_name={name}"
            for name in rng.choices(["Viktor", "Mara", "Ana", "Jon"], k=samples)
        ],
        "claims_list_search": [
            f"{list_url}?q={w}" for w in rng.choices(["ships", "minister", "harbour", "soldiers"], k=samples)
        ],
        # old numbered links (served by offset up to page 40), then keyset pages at any depth
        "claims_list_page_2_to_20": [f"{list_url}?page={rng.randint(2, 20)}" for _ in range(samples)],
        "claims_list_page_40": [f"{list_url}?page=40"] * samples,
        "claims_list_deep_page": [
            f"{list_url}?page={1 + depth // 50}&after={encode_cursor([pk])}"
            for depth, pk in _deep_positions(rng, samples)
        ],
    }
    last_page = _last_page_of_a_filter(list_url)
    if last_page:
        urls["claims_list_filter_last_page"] = [last_page] * samples
    if first_day:
        urls["claims_list_published_range"] = [
            f"{list_url}?published_after={first_day + dt.timedelta(days=d)}"
            f"&published_before={first_day + dt.timedelta(days=d + 30)}"
            for d in (rng.randint(0, 300) for _ in range(samples))
        ]
    urls.update(
        {
            "claim_page": [reverse("claims:claim-detail", args=[pk]) for pk in claims],
            "article_page": [reverse("sources:article-detail", args=[pk]) for pk in articles],
        }
    )
    with contextlib.suppress(NoReverseMatch):
        urls["event_page"] = [reverse("claims:event-detail", args=[pk]) for pk in events]
    return urls


def _deep_positions(rng: random.Random, samples: int) -> list[tuple[int, int]]:
    """(depth, id of the claim just before it) in the newest-first list, from the first rows to the last."""
    last = Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    depths = [rng.randint(0, max(0, last - 1)) for _ in range(samples)]
    return [(depth, last - depth) for depth in depths]


def _last_page_of_a_filter(list_url: str, size: int = 10_000, per_page: int = 50) -> str:
    """The URL of the last page (reached by "Next" links) of the unit-class filter nearest `size` claims."""
    counts = (
        Claim.objects.exclude(unit_class="")
        .order_by()
        .values_list("unit_class")
        .annotate(n=Count("id"))
        .values_list("unit_class", "n")
    )
    best = min(counts, key=lambda row: abs(row[1] - size), default=None)
    if best is None or best[1] <= per_page:
        return ""
    unit, n = best
    start = (n - 1) // per_page * per_page  # rows before the last page
    ids = Claim.objects.filter(unit_class=unit).order_by("-id").values_list("id", flat=True)
    before_last = ids[start - 1 : start][0]
    return f"{list_url}?unit_class={unit}&page={start // per_page + 1}&after={encode_cursor([before_last])}"


def bare_list_query(samples: int = 40) -> dict[str, float]:
    """The anchor: the newest 51 claim rows by primary key, in SQL alone (no ORM, no template)."""
    table = Claim._meta.db_table
    times = []
    with connection.cursor() as cursor:
        for _ in range(samples + 1):
            started = time.perf_counter()
            cursor.execute(f"SELECT * FROM {table} ORDER BY id DESC LIMIT 51")
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    times = times[1:]
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(_percentile(times, 0.95), 2),
        "queries": 1,
    }


@contextlib.contextmanager
def _queries_kept():
    """Query logs kept across requests: with DEBUG on, each request empties them as it starts, which
    left CaptureQueriesContext counting nothing."""
    request_started.disconnect(reset_queries)
    try:
        yield
    finally:
        request_started.connect(reset_queries)


def bench_user(role: str):
    """The signed-in account of the page benchmark: a superuser, or a reader or editor (whose pages
    check their group's permissions, as the load test's users' do)."""
    from django.contrib.auth.models import Group

    users = get_user_model().objects
    if role == "superuser":
        return users.get_or_create(username="bench", defaults={"is_superuser": True, "is_staff": True})[0]
    user, _ = users.get_or_create(username=f"bench-{role}")
    user.groups.add(Group.objects.get(name=role))
    return user


def measure_pages(
    *, samples: int = 40, seed: int = 1, http: bool = False, role: str = "superuser"
) -> dict[str, dict]:
    """p50 / p95 server milliseconds, the median CPU milliseconds of this process per request and the
    largest SQL query count for each page, named under
    `pages`, with the bare list query as their anchor; with `http`, the same pages once more through
    gunicorn over HTTP, under `pages_http` (as the superuser). `role`: who is signed in in-process."""
    rng = random.Random(seed)
    client = Client()
    client.force_login(bench_user(role))
    results = {"bare_list_query": bare_list_query(samples)}
    urls = _page_urls(rng, samples)
    for name, page_urls in urls.items():
        if not page_urls:
            continue
        client.get(page_urls[0])  # warm caches and connections
        queries = 0
        for url in page_urls[:5]:  # counted apart: capturing queries slows them down
            with _queries_kept(), CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            queries = max(queries, len(captured.captured_queries))
        times, cpu = [], []
        for url in page_urls:
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        results[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            # this process's CPU per request (Python: middleware, view, template; not the database's):
            # what a loaded machine moves least
            "cpu_ms": round(statistics.median(cpu), 2),
            "queries": queries,
        }
    report: dict[str, dict] = {"pages": results}
    if http:
        from .pages_http import measure_pages_http

        report["pages_http"] = measure_pages_http(urls)
    return report
