"""Locust users for `manage.py loadtest`: readers who browse and search, editors who also review.

Each simulated user signs in once through the real sign-in form (CSRF token from the page), with an
account of its own (`<prefix><n>`, n counting up per class), so sign-in throttling never sees one
account used fifty times. Ids, outlets and search words are taken from the pages the user has seen,
never hard-coded. Request names are "<group>: <page>"; the runner groups the figures by the prefix.

Signing in hashes a password (PBKDF2, over a second of CPU here), so fifty users signing in at once
keep a small server busy for most of a minute. With LOADTEST_MEASURE_SECONDS set, the sign-ins are a
phase of their own: users wait until all have signed in, the sign-in figures go to LOADTEST_SIGNIN_FILE,
the statistics restart, and the test stops LOADTEST_MEASURE_SECONDS later, so the browsing, searching and
reviewing figures are of all users signed in at once. Held at that barrier, every user sends its first
pages in the same instant, a queue no group of people makes: with LOADTEST_WARMUP_SECONDS the users run
that long first (doing what they always do), the warm-up's figures go to LOADTEST_WARMUP_FILE, and the
statistics restart again, so the measured phase is the steady state. The warm-up file is written when
the measured phase begins (empty of figures without a warm-up).

Environment (set by the runner; defaults fit a manual `locust -f` run):
  LOADTEST_PASSWORD          password of every load account
  LOADTEST_READER_PREFIX     reader usernames are this + 001, 002, ...   (default "load-reader-")
  LOADTEST_EDITOR_PREFIX     editor usernames                            (default "load-editor-")
  LOADTEST_ACCOUNTS          accounts of each role that exist            (default 50)
  LOADTEST_EDITOR_SHARE      fraction of users who are editors           (default 0.3)
  LOADTEST_WAIT              think time between actions, "min,max" s     (default "0.5,2")
  LOADTEST_SEARCH_TERMS      comma-separated extra search words          (optional)
  LOADTEST_USERS             users in the test (for the sign-in phase)
  LOADTEST_MEASURE_SECONDS   length of the measured phase after sign-in  (optional)
  LOADTEST_SIGNIN_FILE       where to write the sign-in phase's figures  (optional)
  LOADTEST_SIGNIN_TIMEOUT    longest sign-in phase, s                    (default 300)
  LOADTEST_WARMUP_SECONDS    how long users run before the measured phase (default 0)
  LOADTEST_WARMUP_FILE       where to write the warm-up's figures        (optional)
  LOADTEST_TIMINGS_FILE      where to write one row per request after sign-in (optional): seconds since
                             the users were let go, name, client ms, bytes, and the server's own app, CPU
                             and database ms and query count from its Server-Timing header (None without)
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlencode

import gevent
from gevent.event import Event
from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

from devtools.benchmarks.load.pages import (
    CLAIM_REVIEW_ACTION,
    LINK_REVIEW_ACTION,
    Page,
    is_login_page,
    parse,
    search_words,
    server_timing,
)

PASSWORD = os.environ.get("LOADTEST_PASSWORD", "")
ACCOUNTS = int(os.environ.get("LOADTEST_ACCOUNTS", "50"))
EDITOR_SHARE = float(os.environ.get("LOADTEST_EDITOR_SHARE", "0.3"))
WAIT_MIN, WAIT_MAX = (float(x) for x in os.environ.get("LOADTEST_WAIT", "0.5,2").split(","))
EXTRA_TERMS = [t.strip() for t in os.environ.get("LOADTEST_SEARCH_TERMS", "").split(",") if t.strip()]
USERS = int(os.environ.get("LOADTEST_USERS", "0"))
MEASURE_SECONDS = float(os.environ.get("LOADTEST_MEASURE_SECONDS", "0"))
SIGNIN_FILE = os.environ.get("LOADTEST_SIGNIN_FILE", "")
SIGNIN_TIMEOUT = float(os.environ.get("LOADTEST_SIGNIN_TIMEOUT", "300"))
TIMINGS_FILE = os.environ.get("LOADTEST_TIMINGS_FILE", "")
WARMUP_SECONDS = float(os.environ.get("LOADTEST_WARMUP_SECONDS", "0"))
WARMUP_FILE = os.environ.get("LOADTEST_WARMUP_FILE", "")
POOL = 200  # ids remembered per kind and user
CLAIM_FILTERS = [
    {"kind": "quantity"},
    {"kind": "date", "review_status": "pending"},
    {"kind": "statement", "sort": "confidence"},
    {"review_status": "accepted"},
    {"sort": "published"},
]
EXPECTED_REVIEW_STATUSES = {302, 303, 409}  # done (redirect back), or someone changed it first


class LocalSecureCookies(DefaultCookiePolicy):
    """Send the Secure session and CSRF cookies (DEBUG off) over the plain-HTTP 127.0.0.1 connection.

    Browsers treat localhost as a secure context; Python's cookie jar does not.
    """

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class SignInPhase:
    """All users sign in first; then the statistics restart, the warm-up runs, the statistics restart
    again and the measured phase runs for its time."""

    def __init__(self) -> None:
        self.done = 0
        self.started = time.time()
        self.all_in = Event()

    def signed_in(self, environment) -> None:
        """One more user is through sign-in (in or refused); the last one starts the measured phase."""
        self.done += 1
        if self.done == USERS:
            self.begin_measuring(environment)

    def begin_measuring(self, environment) -> None:
        if self.all_in.is_set():
            return
        if SIGNIN_FILE:
            entries = [
                e.serialize() for e in environment.stats.entries.values() if e.name.startswith("auth:")
            ]
            with open(SIGNIN_FILE, "w") as handle:
                json.dump(
                    {"seconds": round(time.time() - self.started, 1), "users": self.done, "entries": entries},
                    handle,
                )
        environment.stats.reset_all()
        TIMINGS.begin()
        self.all_in.set()
        if WARMUP_SECONDS > 0:
            gevent.spawn_later(WARMUP_SECONDS, self.measure, environment)
        else:
            self.measure(environment)

    def measure(self, environment) -> None:
        """The warm-up is over: its figures to WARMUP_FILE, the statistics restart, the clock starts."""
        if WARMUP_FILE:
            entries = (
                [e.serialize() for e in environment.stats.entries.values()] if WARMUP_SECONDS > 0 else []
            )
            with open(WARMUP_FILE, "w") as handle:
                json.dump({"seconds": WARMUP_SECONDS, "users": self.done, "entries": entries}, handle)
        environment.stats.reset_all()
        gevent.spawn_later(MEASURE_SECONDS, environment.runner.quit)

    def wait(self, environment) -> None:
        if not self.all_in.wait(timeout=SIGNIN_TIMEOUT):
            self.begin_measuring(environment)  # someone never got through: measure with those who did


PHASE = SignInPhase()


class Timings:
    """One row per request after sign-in: when, what, how long for the client and for the server."""

    def __init__(self) -> None:
        self.rows: list[list] = []
        self.started: float | None = None

    def begin(self) -> None:
        self.rows.clear()
        self.started = time.time()

    def add(self, name: str, start_time: float, response_time: float, length: int, response) -> None:
        if self.started is None:
            return
        headers = getattr(response, "headers", None) or {}
        server = server_timing(headers.get("Server-Timing", ""))
        self.rows.append(
            [
                round(start_time - self.started, 3),
                name,
                round(response_time, 1),
                length,
                server.get("app"),
                server.get("cpu"),
                server.get("db"),
                server.get("queries"),
            ]
        )

    def write(self, path: str) -> None:
        with open(path, "w") as handle:
            json.dump(self.rows, handle)


TIMINGS = Timings()


@events.request.add_listener
def _timed(request_type, name, response_time, response_length, response=None, start_time=None, **kwargs):
    if TIMINGS_FILE and start_time is not None:
        TIMINGS.add(name, start_time, response_time, response_length or 0, response)


@events.quitting.add_listener
def _write_timings(environment, **kwargs) -> None:
    if TIMINGS_FILE and TIMINGS.started is not None:
        TIMINGS.write(TIMINGS_FILE)


@events.test_start.add_listener
def _start(environment, **kwargs) -> None:
    PHASE.started = time.time()


class TrackerUser(FastHttpUser):
    abstract = True
    wait_time = between(WAIT_MIN, WAIT_MAX)
    # A slow answer is a figure, not an error: fifty simultaneous sign-ins queue for minutes on two cores.
    network_timeout = connection_timeout = 180.0
    prefix_env, prefix_default = "LOADTEST_READER_PREFIX", "load-reader-"
    numbers: itertools.count

    def on_start(self) -> None:
        self.client.cookiejar.set_policy(LocalSecureCookies())
        self.seen: dict[str, list[int]] = {k: [] for k in ("article", "claim", "event", "outlet", "actor")}
        self.words: list[str] = list(EXTRA_TERMS)
        number = (next(self.numbers) % ACCOUNTS) + 1
        self.username = f"{os.environ.get(self.prefix_env, self.prefix_default)}{number:03d}"
        self.signed_in = any(self.sign_in() for _ in range(3))  # a person tries again
        if MEASURE_SECONDS and USERS:
            PHASE.signed_in(self.environment)
            PHASE.wait(self.environment)
        self.visit("/", "browse: article list")

    # --- helpers -----------------------------------------------------------------------------------

    def sign_in(self) -> bool:
        """GET the sign-in page, POST its form with the CSRF token; True when the site lets us in."""
        with self.client.get("/accounts/login/", name="auth: sign-in page", catch_response=True) as r:
            form = parse(r.text or "", "/accounts/login/").login_form() if r.status_code == 200 else None
            if form is None:
                r.failure(f"no sign-in form (HTTP {r.status_code})")
                return False
        data = dict(form.fields, username=self.username, password=PASSWORD)
        with self.client.post(
            form.action,
            data=urlencode(data),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            name="auth: sign in",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code == 302 and "/accounts/login/" not in (r.headers or {}).get("Location", ""):
                return True
            r.failure(f"sign-in refused for {self.username} (HTTP {r.status_code})")
            return False

    def visit(self, path: str, name: str) -> Page | None:
        """GET `path` (reported as `name`), learn ids and words from it; None when it failed."""
        with self.client.get(path, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}")
                return None
            page = parse(r.text or "", path)
            if is_login_page(page):
                r.failure("sent to sign in (session lost)")
                return None
        for kind, known in self.seen.items():
            fresh = [i for i in page.ids(kind) if i not in known]
            known.extend(fresh)
            del known[:-POOL]
        if len(self.words) < POOL:
            self.words.extend(w for w in search_words(page.link_texts("claim"))[:20] if w not in self.words)
        return page

    def pick(self, kind: str, fallback: str, name: str) -> int | None:
        """A random known id of `kind`, visiting `fallback` first if none is known yet."""
        if not self.seen[kind]:
            self.visit(fallback, name)
        return random.choice(self.seen[kind]) if self.seen[kind] else None

    # --- browsing ----------------------------------------------------------------------------------

    @task(3)
    def article_list(self) -> None:
        page = random.choice([1, 1, 2, 3, 5])
        self.visit("/" if page == 1 else f"/?page={page}", "browse: article list")

    @task(4)
    def article_detail(self) -> None:
        pk = self.pick("article", "/", "browse: article list")
        if pk:
            self.visit(f"/articles/{pk}/", "browse: article page")

    @task(4)
    def claim_list(self) -> None:
        params: dict[str, str] = dict(random.choice(CLAIM_FILTERS)) if random.random() < 0.6 else {}
        if self.seen["outlet"] and random.random() < 0.3:
            params["outlet"] = str(random.choice(self.seen["outlet"]))
        if random.random() < 0.4:
            params["page"] = str(random.randint(2, 10))
        name = "browse: claims list" + (" (filtered)" if set(params) - {"page"} else "")
        self.visit("/claims/" + (f"?{urlencode(params)}" if params else ""), name)

    @task(5)
    def claim_detail(self) -> None:
        pk = self.pick("claim", "/claims/", "browse: claims list")
        if pk:
            self.visit(f"/claims/{pk}/", "browse: claim page")

    @task(2)
    def event_page(self) -> None:
        if not self.seen["event"] or random.random() < 0.2:
            self.visit("/claims/events/", "browse: event list")
        if self.seen["event"]:
            self.visit(f"/claims/events/{random.choice(self.seen['event'])}/", "browse: event page")

    @task(2)
    def outlet_page(self) -> None:
        pk = self.pick("outlet", "/outlets/", "browse: outlet list")
        if pk:
            self.visit(f"/outlets/{pk}/", "browse: outlet page")

    @task(1)
    def actor_page(self) -> None:
        pk = self.pick("actor", "/claims/actors/", "browse: actor list")
        if pk:
            self.visit(f"/claims/actors/{pk}/", "browse: actor page")

    # --- search ------------------------------------------------------------------------------------

    @task(4)
    def search(self) -> None:
        if not self.words:
            self.visit("/claims/", "browse: claims list")
        if not self.words:
            return
        terms = random.sample(self.words, k=min(len(self.words), random.choice([1, 1, 2])))
        params = {"q": " ".join(terms)}
        if random.random() < 0.3:
            params["kind"] = random.choice(["quantity", "date", "statement"])
        self.visit(f"/claims/?{urlencode(params)}", "search: claims ?q=")


class Reader(TrackerUser):
    """Signs in as a reader; browses and searches."""

    weight = round((1 - EDITOR_SHARE) * 100)
    numbers = itertools.count()


class Editor(TrackerUser):
    """Signs in as an editor; browses, searches and reviews claims and suggested links."""

    weight = round(EDITOR_SHARE * 100)
    numbers = itertools.count()
    prefix_env, prefix_default = "LOADTEST_EDITOR_PREFIX", "load-editor-"

    def review(self, page: Page | None, pattern, decisions: dict[str, float], name: str) -> None:
        """Submit one of the page's review forms (`pattern` actions) with a decision drawn from `decisions`."""
        if page is None:
            return
        by_decision: dict[str, list] = {}
        for _, form in page.forms_to(pattern):
            by_decision.setdefault(form.fields.get("decision", ""), []).append(form)
        choice = random.choices(list(decisions), weights=list(decisions.values()))[0]
        if not by_decision.get(choice):
            return
        form = random.choice(by_decision[choice])
        with self.client.post(
            form.action,
            data=urlencode(form.fields),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code in EXPECTED_REVIEW_STATUSES:
                r.success()
            else:
                r.failure(f"HTTP {r.status_code}")

    @task(6)
    def review_claims(self) -> None:
        params: dict[str, str] = {}
        if random.random() < 0.5:
            params["kind"] = random.choice(["quantity", "date", "statement"])
        if random.random() < 0.3:
            params["order"] = "low"
        if random.random() < 0.5:
            params["page"] = str(random.randint(2, 8))
        path = "/claims/review/" + (f"?{urlencode(params)}" if params else "")
        page = self.visit(path, "review: claim queue")
        self.review(page, CLAIM_REVIEW_ACTION, {"accept": 0.7, "reject": 0.3}, "review: accept/reject claim")

    @task(3)
    def review_links(self) -> None:
        page = random.choice([1, 1, 2, 3])
        path = "/claims/review/links/" + (f"?page={page}" if page > 1 else "")
        queue = self.visit(path, "review: link queue")
        self.review(queue, LINK_REVIEW_ACTION, {"confirm": 0.6, "reject": 0.4}, "review: confirm/reject link")
