"""The load test's pieces, without load: the locustfile loads, its page readers understand the real pages
(sign-in form, lists, review forms, submitted as a load user would), and the runner stays on this machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from devtools.benchmarks.load import runner
from devtools.benchmarks.load.pages import (
    CLAIM_REVIEW_ACTION,
    LINK_REVIEW_ACTION,
    is_login_page,
    parse,
    search_words,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(db):
    """A few dozen synthetic articles with their claims, events, speakers and suggested links."""
    from devtools.benchmarks.populate import populate

    return populate(30, seed=7)


def signed_in(user, password: str) -> Client:
    """A CSRF-checking client signed in through the sign-in form, the way the load users do it."""
    client = Client(enforce_csrf_checks=True)
    html = client.get("/accounts/login/").content.decode()
    form = parse(html, "/accounts/login/").login_form()
    assert form is not None and form.csrf_token
    response = client.post(form.action, dict(form.fields, username=user.username, password=password))
    assert response.status_code == 302 and "/accounts/login/" not in response["Location"]
    return client


def page_of(client: Client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    return parse(response.content.decode(), path)


def test_locustfile_loads_and_lists_its_users():
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(runner.LOCUSTFILE), "--list"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert {"Reader", "Editor"} <= set(result.stdout.split())


def test_wrong_password_is_not_taken_for_a_sign_in(reader):
    client = Client(enforce_csrf_checks=True)
    form = parse(client.get("/accounts/login/").content.decode(), "/accounts/login/").login_form()
    response = client.post(form.action, dict(form.fields, username=reader.username, password="wrong"))
    assert response.status_code == 200
    assert is_login_page(parse(response.content.decode()))


def test_a_signed_in_page_is_not_taken_for_the_sign_in_page(reader):
    client = signed_in(reader, "pw-rory-123")
    assert not is_login_page(page_of(client, "/"))
    client.post("/accounts/logout/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    response = client.get("/", follow=True)
    assert is_login_page(parse(response.content.decode()))


def test_reader_pages_give_the_ids_and_words_a_load_user_follows(corpus, reader):
    from claims.models import Claim, Event
    from sources.models import Article, Outlet

    client = signed_in(reader, "pw-rory-123")

    articles = page_of(client, "/")
    assert articles.ids("article")
    assert set(articles.ids("article")) <= set(Article.objects.values_list("pk", flat=True))

    article = Article.objects.get(pk=articles.ids("article")[0])
    article_page = page_of(client, f"/articles/{article.pk}/")
    assert set(article.claims.values_list("pk", flat=True)) <= set(article_page.ids("claim"))

    claims = page_of(client, "/claims/")
    shown = claims.ids("claim")
    assert shown and set(shown) <= set(Claim.objects.values_list("pk", flat=True))
    assert set(claims.select_options("outlet")) == {
        str(pk) for pk in Outlet.objects.values_list("pk", flat=True)
    }
    assert claims.has_next_page() == (Claim.objects.count() > len(shown))

    events = page_of(client, "/claims/events/")
    assert set(events.ids("event")) <= set(Event.objects.values_list("pk", flat=True))
    assert events.ids("event")

    # Words from the quotes on the list find claims when searched for, as the load users search.
    words = search_words(claims.link_texts("claim"))
    assert words
    found = [page_of(client, f"/claims/?q={word}").ids("claim") for word in words[:15]]
    assert any(found)


def test_editor_submits_review_forms_found_on_the_queue_pages(corpus, editor):
    from claims.models import Claim, ClaimLink

    client = signed_in(editor, "pw-erin-123")

    queue = page_of(client, "/claims/review/")
    forms = queue.forms_to(CLAIM_REVIEW_ACTION)
    decisions = {form.fields.get("decision") for _, form in forms}
    assert decisions == {"accept", "reject"}
    pk, form = next((pk, f) for pk, f in forms if f.fields["decision"] == "reject")
    assert form.csrf_token
    response = client.post(form.action, form.fields)
    assert response.status_code == 302
    assert Claim.objects.get(pk=pk).review_status == Claim.ReviewStatus.REJECTED

    links = page_of(client, "/claims/review/links/")
    link_forms = links.forms_to(LINK_REVIEW_ACTION)
    assert link_forms
    pk, form = next((pk, f) for pk, f in link_forms if f.fields["decision"] == "confirm")
    response = client.post(form.action, form.fields)
    assert response.status_code == 302
    assert ClaimLink.objects.get(pk=pk).status == ClaimLink.Status.CONFIRMED


@pytest.mark.parametrize("host", ["example.com", "0.0.0.0", "10.0.0.5", "127.0.0.1.example.com"])
def test_loadtest_refuses_a_host_that_is_not_this_machine(host):
    with pytest.raises(CommandError, match="refusing to load-test"):
        call_command("loadtest", "--host", host)


@pytest.mark.django_db
def test_loadtest_says_it_needs_postgresql_on_sqlite():
    if connection.vendor == "postgresql":
        pytest.skip("the configured database is PostgreSQL")
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("loadtest", "--run-time", "5s")


@pytest.mark.parametrize(("text", "expected"), [("60s", 60), ("5m", 300), ("90", 90)])
def test_run_time_in_seconds(text, expected):
    assert runner.seconds(text) == expected


@pytest.mark.parametrize("text", ["0s", "soon", "1.5m", ""])
def test_run_time_refuses_what_it_cannot_read(text):
    with pytest.raises(runner.LoadTestError):
        runner.seconds(text)


def test_a_warm_up_may_be_none_but_a_run_time_may_not():
    assert runner.seconds("0s", zero=True) == 0 and runner.seconds("15s", zero=True) == 15
    with pytest.raises(runner.LoadTestError):
        runner.seconds("-5s", zero=True)


def timing_row(t, name, client, app=None, cpu=None, db=None, queries=None, size=1000):
    return [t, name, client, size, app, cpu, db, queries]


def test_timings_split_the_app_from_the_queue_and_leave_the_warm_up_out(tmp_path):
    """The measured figures count only rows after the warm-up; the burst after the sign-in barrier is
    reported apart, over every row since the users were let go."""
    rows = [timing_row(1.0, "browse: claims list", 1500, app=40, cpu=20, db=5, queries=4, size=40_000)] * 30
    rows += [timing_row(20.0, "browse: claims list", 120, app=30, cpu=18, db=4, queries=4, size=40_000)] * 20
    rows += [timing_row(25.0, "browse: claim page", 80, app=20, cpu=10, db=3, queries=6, size=3_000)] * 20
    rows += [timing_row(30.0, "review: accept/reject claim", 60)]  # no Server-Timing header
    (tmp_path / "timings.json").write_text(json.dumps(rows))

    timings = runner.read_timings(tmp_path, warmup_s=15)

    listing = timings["endpoints"]["browse: claims list"]
    assert listing["requests"] == 20 and listing["p95_ms"] == 120 and listing["app_p95_ms"] == 30
    assert (listing["app_cpu_ms"], listing["db_ms"], listing["queries"], listing["bytes"]) == (
        18,
        4,
        4,
        40_000,
    )
    assert listing["outside_app_p50_ms"] == 90
    assert timings["endpoints"]["review: accept/reject claim"]["app_p95_ms"] is None
    assert timings["overall"]["requests"] == 41
    burst = timings["after_release"]["endpoints"]["browse: claims list"]
    assert burst == {"early_requests": 30, "early_p95_ms": 1500, "later_requests": 20, "later_p95_ms": 120}
    assert runner.format_timings(timings)[-1].startswith(
        "after the sign-in barrier (warm-up included): first 10 s 30"
    )


def test_no_timings_without_their_file(tmp_path):
    assert runner.read_timings(tmp_path) is None


def test_phase_figures_are_read_only_when_the_phase_made_requests(tmp_path):
    entry = {
        "response_times": {"100": 3, "900": 1},
        "num_requests": 4,
        "num_failures": 0,
        "max_response_time": 900,
    }
    (tmp_path / "warmup.json").write_text(json.dumps({"seconds": 15, "users": 20, "entries": [entry]}))
    (tmp_path / "signin.json").write_text(json.dumps({"seconds": 0, "users": 20, "entries": []}))
    warmup = runner.read_phase(tmp_path / "warmup.json")
    assert (warmup["seconds"], warmup["users"], warmup["requests"], warmup["p50_ms"], warmup["p99_ms"]) == (
        15,
        20,
        4,
        100,
        900,
    )
    assert runner.read_phase(tmp_path / "signin.json") is None
    assert runner.read_phase(tmp_path / "missing.json") is None


def test_process_cpu_reads_this_process_and_nothing_for_a_missing_one():
    if not Path("/proc/self/stat").exists():
        pytest.skip("no /proc here")
    sum(i * i for i in range(2_000_000))  # some CPU of our own
    assert runner.process_cpu(os.getpid()) > 0
    assert runner.process_cpu(2**22 + 12345) is None


@pytest.mark.parametrize("base", ["/", "/claims/", "/claims/?page=2", "/claims/events/12/"])
@pytest.mark.parametrize(
    "href",
    [
        "/claims/1/",
        "/claims/?kind=date&page=2#rows",
        "/x?",
        "/x?#top",
        "/?",
        "//elsewhere.example/x",
        "/a/../b",
        "/a/./b",
        "?page=2",
        "#top",
        "",
        "http://127.0.0.1/claims/3/",
        "relative/4/",
        "/x\\y",
        " /x",
        "/x#a?b",
    ],
)
def test_links_resolve_as_urljoin_resolves_them(base, href):
    """The shortcut for root-relative links gives what the full URL join gives, for every kind of href."""
    from urllib.parse import urljoin

    from devtools.benchmarks.load.pages import _local, _resolve

    assert _resolve(base, href) == _local(urljoin(base, href))


def test_link_labels_lose_markup_entities_and_extra_space():
    page = parse(
        '<a href="/claims/1/">  <b>120</b>\n soldiers &amp; <em>tanks</em> </a><a href="/claims/2/">plain</a>'
    )
    assert page.links == [("/claims/1/", "120 soldiers & tanks"), ("/claims/2/", "plain")]
