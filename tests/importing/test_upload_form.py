"""The /imports/ upload form refuses what it cannot import before any job exists (finding 6)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from sources.models import Article, ImportBatch

from .conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_a_post_without_files_creates_no_job(admin_client):
    """Only the CSRF token (and the checkboxes): the form says a file is needed; no job row."""
    response = admin_client.post(reverse("imports:new"), {"outlet": "", "extract": "on"})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert ImportBatch.objects.count() == 0


@pytest.mark.parametrize(
    "name",
    ["a" * 251 + ".csv", "\u00e9" * 200 + ".csv", "\u65b0\u805e" * 120 + ".csv"],
    ids=["255-ascii", "400-bytes-latin", "720-bytes-cjk"],
)
def test_a_long_file_name_is_stored_shortened_and_imported(admin_client, media, name):
    """A name of 255 characters (up to 720 bytes) was prefixed and failed to save (a 500, the job pending
    for ever); it is saved under a shortened name and imported."""
    response = admin_client.post(
        reverse("imports:new"), {"files": [upload(name, csv_bytes(article_rows(2)))], "extract": ""}
    )
    batch = ImportBatch.objects.get(source="upload")
    assert response.status_code == 302
    assert (batch.status, batch.rows_created) == ("done", 2)
    assert len(batch.name) <= 255


def test_a_name_hiding_its_real_type_is_refused(admin_client):
    """`evil.csv\\x00.html` reaches the view as `evil.csv.html` (Django drops the NUL): a CSV named as a
    page is refused by the form for holding no HTML, before any job exists."""
    response = admin_client.post(
        reverse("imports:new"), {"files": [upload("evil.csv\x00.html", csv_bytes(article_rows(2)))]}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "holds no HTML" in page
    assert ImportBatch.objects.count() == 0 and Article.objects.count() == 0


def test_a_name_with_control_characters_is_refused():
    """Names reaching the form another way (another upload handler, the admin) with NUL or invisible
    characters are refused by the same check."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sources.import_views import ImportForm

    for name in ("evil.csv\x00.html", "report\u202egpj.csv", "tab\there.csv"):
        form = ImportForm(data={}, files={"files": SimpleUploadedFile(name, b"body\nTwo ships docked.\n")})
        assert not form.is_valid()
        assert "control or invisible characters" in str(form.errors["files"])
    persian = ImportForm(
        data={},
        files={
            "files": SimpleUploadedFile(
                "\u06af\u0632\u0627\u0631\u0634\u200c\u0647\u0627.csv", b"body\nTwo ships docked.\n"
            )
        },
    )
    assert persian.is_valid(), persian.errors  # a zero-width non-joiner is part of the word


def test_renamed_files_are_refused_by_the_import_too(tmp_path):
    """The command path has the same content check: a CSV named .html is a row error, a text named .zip
    is refused."""
    from sources.importing.errors import ImportRefused, RowError
    from sources.importing.files import iter_rows

    page = tmp_path / "evil.html"
    page.write_bytes(csv_bytes(article_rows(1)))
    [item] = list(iter_rows([page]))
    assert isinstance(item, RowError) and "holds no HTML" in item.message
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"title,body\nA,B\n")
    with pytest.raises(ImportRefused, match="not a readable zip"):
        list(iter_rows([fake]))
