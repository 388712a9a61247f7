"""`manage.py loadtest`: gunicorn on PostgreSQL, locust users against it, figures per endpoint group.

Steps: a separate `<name>_load` database beside the configured one (populated with benchmarks.populate,
reused with --keepdb), reader and editor accounts, collectstatic, gunicorn on 127.0.0.1 with production
settings (DEBUG off, a generated SECRET_KEY), locust headless for a bounded time, then the server's access
log is read for status codes (the server's word on 5xx, not only the client's) and locust's JSON stats for
latencies.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, connection

LOCAL_HOSTS = ("127.0.0.1", "localhost")
CLAIMS_PER_ARTICLE = 7  # claims the synthetic generator plants in each article
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
ACCESS_FORMAT = '%(s)s %(m)s "%(U)s"'
SIGNIN_TIMEOUT = 300  # s: the longest the sign-in phase may take before measuring starts anyway
SERVER_APPLICATION_NAME = "tracker-loadtest"
EARLY_SECONDS = 10  # the first seconds of the measured phase, when every user starts at once


class LoadTestError(Exception):
    """The load test cannot run as asked (the message says why)."""


@dataclass
class Options:
    host: str = "127.0.0.1"
    users: int = 50
    spawn_rate: float = 10
    run_time: str = "60s"
    # Users run this long after all have signed in before the measured phase: let go from the sign-in
    # barrier at once, they all ask for their first pages in the same instant (see the locustfile).
    warmup: str = "15s"
    workers: int = 4
    threads: int = 1
    claims: int = 150_000
    keepdb: bool = False
    database: str = "load"  # the copy's suffix: "bench" reuses the page benchmark's 1M-claim database
    editor_share: float = 0.3
    wait: str = "0.5,2"
    out: str = ""


def check_host(host: str) -> str:
    """`host` when it is this machine's loopback name; the load test never sends traffic anywhere else."""
    if host not in LOCAL_HOSTS:
        raise LoadTestError(f"refusing to load-test {host!r}: only {' or '.join(LOCAL_HOSTS)} are allowed")
    return host


def check_database() -> None:
    """The configured database must be PostgreSQL on this machine."""
    if connection.vendor != "postgresql":
        raise LoadTestError(
            f"the load test needs PostgreSQL (the configured database is {connection.vendor}). "
            "Several gunicorn workers writing one SQLite file take turns on its lock, so the figures "
            "would measure the lock, not the app. Set DATABASE_URL=postgres://user@127.0.0.1:5432/name."
        )
    db_host = connection.settings_dict.get("HOST") or "localhost"
    if db_host not in (*LOCAL_HOSTS, "::1") and not db_host.startswith("/"):
        raise LoadTestError(f"refusing to create a load database on {db_host!r}: use a local PostgreSQL")


def prepare_database(
    n_claims: int, *, keepdb: bool, log: Callable[[str], None], suffix: str = "load"
) -> dict:
    """Switch to the `<name>_<suffix>` database and fill it up to about `n_claims` claims."""
    from claims.models import Claim, ClaimLink
    from devtools.benchmarks.parts import use_benchmark_database
    from devtools.benchmarks.populate import populate
    from sources.models import Article

    use_benchmark_database(keepdb=keepdb, suffix=suffix)
    have = Claim.objects.count()
    if have < n_claims * 0.95:
        started = time.perf_counter()
        populate(
            max(1, (n_claims - have) // CLAIMS_PER_ARTICLE),
            seed=2026 + have,
            progress=lambda done: log(f"  {done} articles inserted ({time.perf_counter() - started:.0f} s)"),
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "database": connection.settings_dict["NAME"],
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "links": ClaimLink.objects.count(),
    }


def create_accounts(count: int, password: str) -> dict[str, str]:
    """`count` readers and `count` editors (load-reader-001 ...), all with `password`; returns the prefixes."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    prefixes = {"reader": "load-reader-", "editor": "load-editor-"}
    hashed = make_password(password)  # hashed once: a hundred PBKDF2 runs would take most of a minute
    for role, prefix in prefixes.items():
        names = [f"{prefix}{n:03d}" for n in range(1, count + 1)]
        existing = set(user_model.objects.filter(username__in=names).values_list("username", flat=True))
        user_model.objects.bulk_create([user_model(username=n) for n in names if n not in existing])
        users = user_model.objects.filter(username__in=names)
        users.update(password=hashed, is_active=True)
        Group.objects.get(name=role).user_set.add(*users)
    return prefixes


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def database_url(name: str) -> str:
    """The configured DATABASE_URL with the database name replaced by `name`."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def server_environment(db_name: str, host: str) -> dict[str, str]:
    """Production settings for the server: DEBUG off, a fresh SECRET_KEY, only the local host allowed."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(db_name),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=host,
        SECURE_SSL_REDIRECT="0",  # no TLS proxy in front of this local server
        LOG_LEVEL="ERROR",  # tracebacks of server errors, not a warning per 404/409
        PYTHONUNBUFFERED="1",
        REQUEST_TIMING="1",  # a Server-Timing header on each response: the app's time, apart from queueing
        PGAPPNAME=SERVER_APPLICATION_NAME,  # libpq names the workers' connections: their backends' CPU is read
    )
    return env


@contextlib.contextmanager
def gunicorn(env: dict[str, str], host: str, opts: Options, out: Path) -> Iterator[tuple[str, int]]:
    """Run gunicorn on a free port of `host` while the block runs; yields its base URL and pid."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    port = free_port(host)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "tracker.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(opts.workers),
        "--access-logfile",
        str(out / "access.log"),
        "--access-logformat",
        ACCESS_FORMAT,
        "--error-logfile",
        "-",
        "--timeout",
        "60",
    ]
    if opts.threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(opts.threads)]
    with open(out / "server.log", "wb") as server_log:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=server_log, stderr=subprocess.STDOUT
        )
        try:
            base = f"http://{host}:{port}"
            wait_ready(process, f"{base}/accounts/login/", out / "server.log")
            yield base, process.pid
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(CPU time, time spent waiting for a CPU) so far of process `pid` and its live children, in seconds.

    Read from Linux's /proc (stat, schedstat); zeros elsewhere. The wait tells a slow app from a
    machine too busy to run it.
    """
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    cpu = wait = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            proc_pid, parent = int(stat.parent.name), int(fields[1])
            if pid not in (proc_pid, parent):
                continue
            cpu += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            wait += int((stat.parent / "schedstat").read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue
    return cpu, wait


class BackendCpu:
    """CPU time of the PostgreSQL backends serving the load test's server (connections named
    SERVER_APPLICATION_NAME), from /proc, sampled as the test runs: a connection the server closes and
    opens again (CONN_MAX_AGE) is a new backend, counted from its start; what a closed one did after its
    last sample is lost (a second at most). Zero where /proc or pg_stat_activity cannot be read."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.counting = False

    def sample(self) -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s AND application_name = %s",
                    [self.database, SERVER_APPLICATION_NAME],
                )
                pids = [row[0] for row in cursor.fetchall()]
        except DatabaseError:  # a figure, not the test: never fail the run over it
            return
        for pid in pids:
            used = process_cpu(pid)
            if used is None:
                continue
            if pid not in self.first:
                self.first[pid] = used if not self.counting else 0.0
            self.last[pid] = used

    def start(self) -> None:
        """Count from now: backends already open count from their present CPU time."""
        self.first.clear()
        self.last.clear()
        self.sample()
        self.counting = True

    def seconds(self) -> float:
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) so far of process `pid`, None when it cannot be read."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    except (OSError, IndexError, ValueError):
        return None


def wait_ready(process: subprocess.Popen, url: str, log: Path, timeout: float = 300) -> None:
    """Wait until `url` answers 200; fail with the server's log when it exits or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LoadTestError(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise LoadTestError(f"gunicorn did not answer {url} within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def seconds(run_time: str, *, zero: bool = False) -> int:
    """Seconds in a run time such as "60s", "5m" or "90" (0 only when `zero` allows it)."""
    text = run_time.strip().lower()
    scale = {"s": 1, "m": 60, "h": 3600}.get(text[-1:])
    number = text[:-1] if scale else text
    if not number.isdigit() or (int(number) == 0 and not zero):
        raise LoadTestError(f"run time {run_time!r}: give whole seconds or minutes, e.g. 60s or 5m")
    return int(number) * (scale or 1)


def run_locust(
    base: str,
    opts: Options,
    password: str,
    prefixes: dict[str, str],
    out: Path,
    on_measuring: Callable[[], None] | None = None,
    every_second: Callable[[], None] | None = None,
) -> int:
    """Locust headless against `base`: the sign-in phase, the warm-up, then the measured run time; stats
    land in `out`.

    Locust's own --run-time is only a backstop (sign-in phase limit + warm-up + run time + a margin); the
    locustfile stops the test when the measured phase has lasted its time. `on_measuring` is called
    when the measured phase begins (the warm-up figures appear), `every_second` about once a second.
    Returns locust's exit code.
    """
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(settings.BASE_DIR), env.get("PYTHONPATH")])),
        LOADTEST_PASSWORD=password,
        LOADTEST_READER_PREFIX=prefixes["reader"],
        LOADTEST_EDITOR_PREFIX=prefixes["editor"],
        LOADTEST_ACCOUNTS=str(opts.users),
        LOADTEST_EDITOR_SHARE=str(opts.editor_share),
        LOADTEST_WAIT=opts.wait,
        LOADTEST_USERS=str(opts.users),
        LOADTEST_MEASURE_SECONDS=str(seconds(opts.run_time)),
        LOADTEST_SIGNIN_FILE=str(out / "signin.json"),
        LOADTEST_SIGNIN_TIMEOUT=str(SIGNIN_TIMEOUT),
        LOADTEST_TIMINGS_FILE=str(out / "timings.json"),
        LOADTEST_WARMUP_SECONDS=str(seconds(opts.warmup, zero=True)),
        LOADTEST_WARMUP_FILE=str(out / "warmup.json"),
    )
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        base,
        "--users",
        str(opts.users),
        "--spawn-rate",
        str(opts.spawn_rate),
        "--run-time",
        f"{seconds(opts.run_time) + seconds(opts.warmup, zero=True) + SIGNIN_TIMEOUT + 60}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(out / "locust"),
        "--json-file",
        str(out / "locust"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    with open(out / "locust.log", "wb") as locust_log:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=locust_log, stderr=subprocess.STDOUT
        )
        measuring_file = out / "warmup.json"  # written when the measured phase begins
        next_second = time.monotonic()
        while process.poll() is None:
            if on_measuring and measuring_file.exists():
                on_measuring()
                on_measuring = None
            if every_second and time.monotonic() >= next_second:
                every_second()
                next_second = time.monotonic() + 1
            time.sleep(0.2)
        return process.returncode


def percentile(times: Counter, pct: float) -> int:
    """The response time (ms) that `pct` of the requests in the histogram `times` finished within."""
    total = sum(times.values())
    seen = 0
    for ms in sorted(times):
        seen += times[ms]
        if seen >= total * pct:
            return ms
    return 0


def summarise(entries: list[dict], duration: float) -> dict:
    """Requests, requests/s, failures and p50/p95/p99 of locust stats `entries` taken together."""
    times: Counter = Counter()
    for entry in entries:
        times.update({int(float(ms)): n for ms, n in entry["response_times"].items()})
    requests = sum(e["num_requests"] for e in entries)
    return {
        "requests": requests,
        "requests_per_s": round(requests / duration, 1) if duration else 0.0,
        "failures": sum(e["num_failures"] for e in entries),
        "p50_ms": percentile(times, 0.50),
        "p95_ms": percentile(times, 0.95),
        "p99_ms": percentile(times, 0.99),
        "max_ms": round(max((e["max_response_time"] for e in entries), default=0)),
    }


def read_phase(path: Path) -> dict | None:
    """The figures of a phase before the measured one (sign-in, warm-up) that the locustfile wrote."""
    phase = json.loads(path.read_text()) if path.exists() else None
    if not phase or not phase["entries"]:
        return None
    return {
        "seconds": phase["seconds"],
        "users": phase["users"],
        **summarise(phase["entries"], phase["seconds"]),
    }


def read_results(out: Path) -> dict:
    """Latency and throughput per endpoint, per group ("browse", "search", ...) and overall."""
    stats_file = out / "locust.json"
    if not stats_file.exists():
        log = (out / "locust.log").read_text() if (out / "locust.log").exists() else ""
        raise LoadTestError(f"locust wrote no statistics:\n{log[-3000:]}")
    entries = json.loads(stats_file.read_text())
    if not entries:
        raise LoadTestError("locust made no requests")
    started = min(e["start_time"] for e in entries)
    ended = max(e["last_request_timestamp"] or started for e in entries)
    duration = max(ended - started, 1e-9)
    groups: dict[str, list[dict]] = {}
    for entry in entries:
        groups.setdefault(entry["name"].split(":", 1)[0], []).append(entry)
    return {
        "duration_s": round(duration, 1),
        "signin": read_phase(out / "signin.json"),
        "warmup": read_phase(out / "warmup.json"),
        "overall": summarise(entries, duration),
        "groups": {name: summarise(members, duration) for name, members in sorted(groups.items())},
        "endpoints": {
            f"{e['method']} {e['name']}": summarise([e], duration)
            for e in sorted(entries, key=lambda e: e["name"])
        },
        "failures": read_failures(out / "locust_failures.csv"),
    }


def mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def read_timings(out: Path, warmup_s: float = 0) -> dict | None:
    """Where each endpoint's time went, from the per-request rows the locustfile wrote (timings.json).

    Per endpoint, over the measured phase (rows from `warmup_s` on): the client's p50/p95, the server's
    own (`app`, inside Django: session, sign-in, view, template) p50/p95, its mean CPU and database ms
    and queries, the mean response size, and what is left of the client's time (`outside_app`:
    gunicorn's queue, the sockets, the client's own event loop) at p50/p95. `after_release`, over every
    row since the users were let go from sign-in: the client's p95 and request count in the first
    EARLY_SECONDS, when every user starts at once, and after them. None when the file is missing.
    """
    path = out / "timings.json"
    if not path.exists():
        return None
    rows = json.loads(path.read_text())
    measured = [r for r in rows if r[0] >= warmup_s]

    def figures(rows: list[list]) -> dict:
        client = Counter(int(r[2]) for r in rows)
        app = [r[4] for r in rows if r[4] is not None]
        outside = [r[2] - r[4] for r in rows if r[4] is not None]
        return {
            "requests": len(rows),
            "p50_ms": percentile(client, 0.5),
            "p95_ms": percentile(client, 0.95),
            "app_p50_ms": percentile(Counter(int(a) for a in app), 0.5) if app else None,
            "app_p95_ms": percentile(Counter(int(a) for a in app), 0.95) if app else None,
            "app_cpu_ms": mean([r[5] for r in rows if r[5] is not None]),
            "db_ms": mean([r[6] for r in rows if r[6] is not None]),
            "queries": mean([r[7] for r in rows if r[7] is not None]),
            "bytes": round(sum(r[3] for r in rows) / len(rows)) if rows else 0,
            "outside_app_p50_ms": percentile(Counter(int(o) for o in outside), 0.5) if outside else None,
            "outside_app_p95_ms": percentile(Counter(int(o) for o in outside), 0.95) if outside else None,
        }

    def release(rows: list[list]) -> dict:
        early = [r for r in rows if r[0] < EARLY_SECONDS]
        later = [r for r in rows if r[0] >= EARLY_SECONDS]
        return {
            "early_requests": len(early),
            "early_p95_ms": percentile(Counter(int(r[2]) for r in early), 0.95),
            "later_requests": len(later),
            "later_p95_ms": percentile(Counter(int(r[2]) for r in later), 0.95),
        }

    def by_name(rows: list[list]) -> dict[str, list[list]]:
        groups: dict[str, list[list]] = {}
        for row in rows:
            groups.setdefault(row[1], []).append(row)
        return dict(sorted(groups.items()))

    return {
        "overall": figures(measured),
        "endpoints": {name: figures(members) for name, members in by_name(measured).items()},
        "after_release": {
            "overall": release(rows),
            "endpoints": {name: release(members) for name, members in by_name(rows).items()},
        },
    }


def read_failures(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, newline="") as handle:
        return [
            {
                "request": f"{row['Method']} {row['Name']}",
                "error": row["Error"],
                "count": int(row["Occurrences"]),
            }
            for row in csv.DictReader(handle)
        ]


def read_server_log(out: Path) -> dict:
    """Status codes from gunicorn's access log, and the tracebacks and worker timeouts from its output."""
    statuses: Counter = Counter()
    errors: list[str] = []
    access = out / "access.log"
    for line in access.read_text().splitlines() if access.exists() else []:
        status, _, _rest = line.partition(" ")
        if status.isdigit():
            statuses[status] += 1
            if status.startswith("5") and len(errors) < 20:
                errors.append(line)
    server_log = (out / "server.log").read_text(errors="replace")
    return {
        "status_counts": dict(sorted(statuses.items())),
        "server_errors_5xx": sum(n for s, n in statuses.items() if s.startswith("5")),
        "conflicts_409": statuses.get("409", 0),
        "worker_timeouts": server_log.count("WORKER TIMEOUT"),
        "tracebacks": server_log.count("Traceback (most recent call last)"),
        "first_5xx": errors,
    }


def run(opts: Options, log: Callable[[str], None]) -> dict:
    """The whole load test; returns the report (see the module docstring)."""
    host = check_host(opts.host)
    seconds(opts.run_time)
    seconds(opts.warmup, zero=True)
    check_database()
    out = Path(opts.out) if opts.out else Path(tempfile.mkdtemp(prefix="loadtest-"))
    out.mkdir(parents=True, exist_ok=True)
    log(f"load database (populating up to {opts.claims} claims) ...")
    data = prepare_database(opts.claims, keepdb=opts.keepdb, log=log, suffix=opts.database)
    password = secrets.token_urlsafe(16)
    prefixes = create_accounts(opts.users, password)
    log(f"gunicorn ({opts.workers} workers) on {host}, {data['claims']} claims ...")
    env = server_environment(data["database"], host)
    with gunicorn(env, host, opts, out) as (base, pid):
        log(f"locust: {opts.users} users, spawn rate {opts.spawn_rate}/s, {opts.run_time} against {base} ...")
        cpu = {"start": cpu_seconds(pid)}
        backends = BackendCpu(data["database"])
        before = resource.getrusage(resource.RUSAGE_CHILDREN)

        def measured_phase_begins() -> None:
            cpu.update(measuring=cpu_seconds(pid))
            backends.start()

        locust_exit = run_locust(
            base,
            opts,
            password,
            prefixes,
            out,
            on_measuring=measured_phase_begins,
            every_second=backends.sample,
        )
        backends.sample()
        cpu["end"] = cpu_seconds(pid)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        client_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    results = read_results(out)
    measuring = cpu.get("measuring", cpu["start"])
    server_cpu, signin_cpu = cpu["end"][0] - measuring[0], measuring[0] - cpu["start"][0]
    server_wait = cpu["end"][1] - measuring[1]
    requests = results["overall"]["requests"]
    report = {
        **data,
        "users": opts.users,
        "editor_share": opts.editor_share,
        "wait_s": opts.wait,
        "workers": opts.workers,
        "threads": opts.threads,
        "run_time": opts.run_time,
        "warmup": opts.warmup,
        "cpus": os.cpu_count(),
        "locust_exit_code": locust_exit,
        "load_average_1m": round(os.getloadavg()[0], 1),
        "gunicorn_signin_cpu_s": round(signin_cpu, 1),
        "gunicorn_cpu_s": round(server_cpu, 1),
        "gunicorn_waiting_for_cpu_s": round(server_wait, 1),
        "gunicorn_cpu_ms_per_request": round(1000 * server_cpu / requests, 1) if requests else None,
        "locust_cpu_s": round(client_cpu, 1),
        "postgres_cpu_s": round(backends.seconds(), 1),
        "postgres_cpu_ms_per_request": round(1000 * backends.seconds() / requests, 1) if requests else None,
        **results,
        "timings": read_timings(out, seconds(opts.warmup, zero=True)),
        "server": read_server_log(out),
        "output_dir": str(out),
    }
    return report


def format_report(report: dict) -> str:
    """The report as a few readable lines."""
    lines = [
        f"{report['users']} users ({report['editor_share']:.0%} editors), all signed in, for "
        f"{report['duration_s']} s "
        f"against gunicorn x{report['workers']} on {report['cpus']} CPUs; "
        f"{report['articles']} articles, {report['claims']} claims, {report['links']} links.",
        "",
        f"{'':44} {'requests':>8} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6} {'fail':>5}",
    ]

    def row(label: str, s: dict) -> str:
        return (
            f"{label:44.44} {s['requests']:8d} {s['requests_per_s']:7.1f} {s['p50_ms']:6d} "
            f"{s['p95_ms']:6d} {s['p99_ms']:6d} {s['max_ms']:6d} {s['failures']:5d}"
        )

    if report["signin"]:
        signin = report["signin"]
        lines.append(row(f"sign-in phase ({signin['users']} users, {signin['seconds']} s)", signin))
    if report["warmup"]:
        warmup = report["warmup"]
        lines.append(row(f"warm-up, not measured ({warmup['seconds']:.0f} s)", warmup))
    if report["signin"] or report["warmup"]:
        lines.append("")
    lines += [row(name, s) for name, s in report["endpoints"].items()]
    lines.append("")
    lines += [row(f"group {name}", s) for name, s in report["groups"].items()]
    lines.append(row("overall", report["overall"]))
    server = report["server"]
    lines += [
        "",
        "(times in ms)",
        f"gunicorn CPU: sign-in phase {report['gunicorn_signin_cpu_s']} s; measured phase "
        f"{report['gunicorn_cpu_s']} s = {report['gunicorn_cpu_ms_per_request']} ms per request, "
        f"and {report['gunicorn_waiting_for_cpu_s']} s waiting for a CPU. "
        f"PostgreSQL backends' CPU {report['postgres_cpu_s']} s = {report['postgres_cpu_ms_per_request']} ms "
        f"per request. Locust CPU {report['locust_cpu_s']} s. Load average at the end "
        f"{report['load_average_1m']} on {report['cpus']} CPUs.",
        f"server status codes: {server['status_counts']}; 5xx: {server['server_errors_5xx']}; "
        f"409 conflicts: {server['conflicts_409']}; worker timeouts: {server['worker_timeouts']}",
    ]
    if report["timings"]:
        lines += ["", *format_timings(report["timings"])]
    lines += [f"failure: {f['count']} x {f['request']}: {f['error']}" for f in report["failures"]]
    lines += [f"5xx: {line}" for line in server["first_5xx"]]
    lines.append(f"stats and server logs: {report['output_dir']}")
    return "\n".join(lines)


def format_timings(timings: dict) -> list[str]:
    """Where the time went, per endpoint: in the app (Server-Timing) and outside it; the start's burst."""
    lines = [
        "where the time went (ms; app = inside Django, outside = queue, sockets, client):",
        f"{'':44} {'app p50':>7} {'app p95':>7} {'cpu':>6} {'db':>6} {'queries':>7} {'KB':>5} "
        f"{'out p50':>7} {'out p95':>7}",
    ]

    def cell(value, width: int, digits: int = 0) -> str:
        return f"{value:{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

    for name, f in [*timings["endpoints"].items(), ("overall", timings["overall"])]:
        lines.append(
            f"{name:44.44} {cell(f['app_p50_ms'], 7)} {cell(f['app_p95_ms'], 7)} {cell(f['app_cpu_ms'], 6, 1)} "
            f"{cell(f['db_ms'], 6, 1)} {cell(f['queries'], 7, 1)} {f['bytes'] / 1000:5.0f} "
            f"{cell(f['outside_app_p50_ms'], 7)} {cell(f['outside_app_p95_ms'], 7)}"
        )
    burst = timings["after_release"]["overall"]
    lines.append(
        f"after the sign-in barrier (warm-up included): first {EARLY_SECONDS} s {burst['early_requests']} "
        f"requests, p95 {burst['early_p95_ms']} ms; after them {burst['later_requests']}, p95 "
        f"{burst['later_p95_ms']} ms"
    )
    return lines


def passed(report: dict) -> bool:
    """No server error: no 5xx in the access log, no worker timeout, no traceback."""
    server = report["server"]
    return not (server["server_errors_5xx"] or server["worker_timeouts"] or server["tracebacks"])
