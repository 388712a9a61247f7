"""The load test's pieces, without load: the locustfile loads, its page readers understand the real pages
(sign-in form, lists, review forms, submitted as a load user would), and the runner stays on this machine."""

from __future__ import annotations

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
