"""Ownership, decided (finding 7 of the security probe): the desk is shared. Any editor may change or
delete any annotation and any importer may cancel or resume any job, and the pages say who did what."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Annotation
from tests.accounts import role
from tests.importing.conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(django_user_model):
    user = django_user_model.objects.create_user(username="sam", password="pw-sam-123")
    user.groups.add(role("editor"))
    return user


@pytest.fixture
def note(article, editor):
    from claims.services.editing import annotation_create

    start = article.body.index("About 120 workers")
    return annotation_create(
        article=article,
        user=editor,
        start=start,
        end=start + len("About 120 workers"),
        quote="About 120 workers",
        note="check the figure",
        tags="",
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_another_editors_changes_to_an_annotation_are_shown_with_their_name(note, sam, editor):
    """Sam edits and then deletes Erin's annotation (allowed: a shared desk); the edit page's history
    names each of them, and the article's annotation history lists the deleted note with who deleted it."""
    client = signed_in(sam)
    edit = reverse("claims:annotation-edit", args=[note.pk])
    response = client.post(
        edit, {"version": note.version, "note": "figure confirmed by the port", "tags": ""}
    )
    assert response.status_code == 302
    page = signed_in(editor).get(edit).content.decode()
    assert "Created by erin" in page and "Changed by sam" in page and "figure confirmed by the port" in page
    note.refresh_from_db()
    client.post(reverse("claims:annotation-delete", args=[note.pk]), {"version": note.version})
    assert not Annotation.objects.filter(pk=note.pk).exists()
    article_page = signed_in(editor).get(reverse("sources:article-detail", args=[note.article_id]))
    history_url = reverse("sources:article-annotation-history", args=[note.article_id])
    assert history_url in article_page.content.decode()
    history = signed_in(editor).get(history_url).content.decode()
    rows = [r for r in history.split("<tr>") if "figure confirmed by the port" in r]
    assert any("sam" in r and "deleted" in r and "(erin's)" in r for r in rows), rows
    assert any("sam" in r and "changed" in r for r in rows)


def test_the_job_page_names_who_started_cancelled_and_resumed(
    admin_user, django_user_model, tmp_path, settings
):
    """Two staff importers: Ada starts a job, Bo cancels it, Ada resumes it; the job page names them,
    and the recent jobs list says who started each."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    bo = django_user_model.objects.create_superuser(username="bo", password="pw-bo-123456")
    ada = signed_in(admin_user)
    from sources.importing.service import import_job_create

    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(3)))
    batch = import_job_create(paths=[path], extract=False, user=admin_user, source="upload")
    signed_in(bo).post(reverse("imports:cancel", args=[batch.pk]))
    ada.post(reverse("imports:resume", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 3)
    page = ada.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert f"Started by {admin_user.username}" in page
    assert "cancelled by bo" in page and f"resumed by {admin_user.username}" in page
    listing = ada.get(reverse("imports:new")).content.decode()
    assert f"<td>{admin_user.username}</td>" in listing
