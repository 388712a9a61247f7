"""The admin import keeps its uploads under MEDIA_ROOT and cleans them up (finding 5 of the probe)."""

from __future__ import annotations

import io
import os
import tempfile
import time

import pytest
from django.urls import reverse

from sources.models import Article

from .conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db
CSV_FORMAT = "0"


def upload(name: str, data: bytes) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def previews(media) -> list[str]:
    folder = media / "imports" / "admin-previews"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def tmp_files() -> set[str]:
    return set(os.listdir(tempfile.gettempdir()))


def left_in_tmp(before: set[str], marker: bytes) -> list[str]:
    """Files that appeared in the system temp folder since `before` holding `marker` (other programs
    write there too: only ours count)."""
    found = []
    for name in tmp_files() - before:
        path = os.path.join(tempfile.gettempdir(), name)
        try:
            if os.path.isfile(path):
                with open(path, "rb") as handle:
                    if marker in handle.read(1_000_000):
                        found.append(name)
        except OSError:
            continue
    return found


def preview(client, data: bytes):
    return client.post(
        reverse("admin:sources_article_import"),
        {"format": CSV_FORMAT, "import_file": upload("a.csv", data), "resource": "0"},
    )


def test_preview_is_kept_under_media_root_and_removed_on_confirm(admin_client, media):
    before = tmp_files()
    response = preview(admin_client, csv_bytes(article_rows(2)))
    assert "confirm_form" in response.context
    [name] = previews(media)
    assert response.context["confirm_form"].initial["import_file_name"] == name
    assert left_in_tmp(before, b"harbour-times.example/1") == []
    admin_client.post(
        reverse("admin:sources_article_process_import"), response.context["confirm_form"].initial
    )
    assert Article.objects.count() == 2
    assert previews(media) == []


def test_refused_preview_leaves_no_file(admin_client, media):
    """Rows with errors, and a file that cannot be read at all: no confirm button, no file kept."""
    before = tmp_files()
    rows = article_rows(2, start=770001)
    rows[1]["published"] = "the day after"
    response = preview(admin_client, csv_bytes(rows))
    assert "unparseable date" in response.content.decode() and "confirm_form" not in response.context
    response = preview(admin_client, "body\nA caf\u00e9 770003\n".encode() + "B caf\u00e9\n".encode("cp1252"))
    assert "The file cannot be imported" in response.content.decode()
    assert previews(media) == []
    assert left_in_tmp(before, b"77000") == []


def test_unconfirmed_previews_are_swept(admin_client, media, settings):
    """A preview never confirmed is deleted once it is older than IMPORT_PREVIEW_MAX_AGE."""
    settings.IMPORT_PREVIEW_MAX_AGE = 60
    preview(admin_client, csv_bytes(article_rows(2)))
    [old] = previews(media)
    past = time.time() - 120
    os.utime(media / "imports" / "admin-previews" / old, (past, past))
    preview(admin_client, csv_bytes(article_rows(2, start=5)))
    assert old not in previews(media) and len(previews(media)) == 1


def test_a_forged_file_name_is_refused_and_touches_nothing(admin_client, media):
    """The confirm form's file name comes back from the browser: a name that is not a preview's is
    refused (it could read, import and delete any file the storage reaches)."""
    secret = media / "imports" / "7" / "errors.csv"
    secret.parent.mkdir(parents=True)
    secret.write_text("file,row,field,message\n")
    response = preview(admin_client, csv_bytes(article_rows(1)))
    data = {**response.context["confirm_form"].initial, "import_file_name": "../7/errors.csv"}
    response = admin_client.post(reverse("admin:sources_article_process_import"), data)
    assert response.status_code == 400
    assert secret.exists() and Article.objects.count() == 0
