"""Editors set or correct an article's title, outlet and publication date in the reader: the claims are
re-resolved at once, what editors did is kept, a stale form is refused, readers cannot write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from claims.models import Claim, ClaimLink
from claims.services.editing import claim_review
from claims.services.extraction import article_extract_claims
from sources.models import Article
from sources.services import article_store, outlet_get_or_create
from tests.accounts import role

pytestmark = pytest.mark.django_db

TEXT = (
    "Dock workers in Portville returned to work on Saturday, the union said.\n\n"
    "The strike began in January, when the port cut overtime pay. The mayor will meet both sides on Monday.\n"
)


def _client(name: str, group: str) -> tuple[Client, object]:
    user = get_user_model().objects.create_user(name, password=f"pw-{name}-1")
    user.groups.add(role(group))
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client, user


def _post(client: Client, article: Article, **values) -> object:
    page = client.get(f"/articles/{article.pk}/")
    token = (
        page.cookies["csrftoken"].value if "csrftoken" in page.cookies else client.cookies["csrftoken"].value
    )
    data = {"csrfmiddlewaretoken": token}
    data.update({f"details-{k}": v for k, v in values.items()})
    return client.post(f"/claims/articles/{article.pk}/details/", data)


@pytest.fixture
def article():
    stored = article_store(body=TEXT, outlet=None, url="https://example.org/strike", title="").article
    article_extract_claims(article=stored)
    return Article.objects.get(pk=stored.pk)


def _dates(article: Article) -> dict[str, Claim]:
    return {c.date_expression: c for c in Claim.objects.filter(article=article, kind="date")}


def test_an_editor_sets_the_date_and_the_dates_are_resolved(article):
    before = _dates(article)
    assert before["on Saturday"].date_precision == "weekday" and before["on Saturday"].date_value is None
    saturday = before["on Saturday"]
    client, user = _client("ed1", "editor")
    claim_review(claim=before["in January"], user=user, decision="accept")  # an editor's decision
    response = _post(
        client,
        article,
        title="Dock strike ends",
        outlet="Harbour Times",
        published_on="2022-02-02",
        edit_version=1,
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.outlet.name) == ("Dock strike ends", "Harbour Times")
    assert (article.published_on, article.published_source, article.edit_version) == (
        dt.date(2022, 2, 2),
        "editor",
        2,
    )
    after = _dates(article)
    assert after["on Saturday"].pk == saturday.pk  # updated in place: links and notes stay with it
    assert after["on Saturday"].date_value == dt.date(2022, 1, 29)
    assert after["on Monday"].date_value == dt.date(2022, 2, 7)  # scheduled: forward
    accepted = after["in January"]  # reviewed by an editor: kept as it was
    assert accepted.review_status == "accepted" and accepted.date_value is None
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert "29 January 2022" in page and "Saturday, date not known" not in page


def test_a_stale_form_is_refused_and_nothing_is_written(article):
    client, _ = _client("ed2", "editor")
    assert (
        _post(
            client, article, title="First", outlet="", published_on="2022-02-02", edit_version=1
        ).status_code
        == 302
    )
    response = _post(client, article, title="Second", outlet="", published_on="2021-01-01", edit_version=1)
    assert response.status_code == 302  # back to the reader with the message
    article.refresh_from_db()
    assert (article.title, article.published_on, article.edit_version) == ("First", dt.date(2022, 2, 2), 2)
    assert "changed by ed2 while you were editing" in client.get(f"/articles/{article.pk}/").content.decode()


def test_readers_and_forged_posts_cannot_write(article):
    reader, _ = _client("rd1", "reader")
    assert (
        _post(reader, article, title="X", outlet="", published_on="2022-02-02", edit_version=1).status_code
        == 403
    )
    editor, _ = _client("ed3", "editor")
    forged = editor.post(
        f"/claims/articles/{article.pk}/details/", {"details-title": "X", "details-edit_version": 1}
    )
    assert forged.status_code == 403  # no CSRF token
    article.refresh_from_db()
    assert article.title == "" and article.published_on is None and article.edit_version == 1


def test_outlet_is_kept_when_only_the_date_changes(article):
    article.outlet = outlet_get_or_create(name="Harbour Times")
    article.save()
    client, _ = _client("ed4", "editor")
    _post(client, article, title="", outlet="Harbour Times", published_on="2022-02-02", edit_version=1)
    article.refresh_from_db()
    assert article.outlet.name == "Harbour Times"


def test_an_editor_gives_a_date_whose_year_was_not_known(article):
    """The claim edit form turns 'Saturday, date not known' into a calendar date; the unknown-year
    precisions are not offered (a date with precision 'weekday' would contradict itself)."""
    saturday = _dates(article)["on Saturday"]
    client, _ = _client("ed5", "editor")
    form = client.get(f"/claims/{saturday.pk}/edit/").content.decode()
    assert 'value="day"' in form and 'value="weekday"' not in form
    token = client.cookies["csrftoken"].value
    response = client.post(
        f"/claims/{saturday.pk}/edit/",
        {
            "csrfmiddlewaretoken": token,
            "kind": "date",
            "date_value": "2022-01-29",
            "date_precision": "day",
            "version": saturday.version,
        },
    )
    assert response.status_code == 302
    saturday.refresh_from_db()
    assert (saturday.date_value, saturday.date_precision, saturday.date_weekday) == (
        dt.date(2022, 1, 29),
        "day",
        None,
    )
    assert saturday.date_shown == "2022-01-29" and saturday.review_status == "edited"


def test_dates_resolved_by_the_editor_are_linked_with_other_outlets(
    article, django_capture_on_commit_callbacks
):
    """Another outlet dated the return to work; once the editor dates this article, its 'on Saturday'
    is that day and the two are suggested as corroborating."""
    other = article_store(
        body="Dock workers in Portville returned to work on Saturday after the strike, the union said.\n",
        outlet=outlet_get_or_create(name="Port Gazette"),
        url="https://example.org/gazette-strike",
        title="Portville dock workers return",
        published_on=dt.date(2022, 1, 31),
        published_precision="day",
    ).article
    article_extract_claims(article=other)
    from claims.services.linking import articles_link

    articles_link(article_ids=[article.pk, other.pk])
    theirs = _dates(other)["on Saturday"]
    ours = _dates(article)["on Saturday"]
    assert not ClaimLink.objects.filter(claim_a__in=[ours, theirs], claim_b__in=[ours, theirs]).exists()
    client, _ = _client("ed6", "editor")
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, article, title="", outlet="", published_on="2022-02-02", edit_version=1)
    link = ClaimLink.objects.get(claim_a__in=[ours, theirs], claim_b__in=[ours, theirs])
    assert link.relation == "corroborates"
