"""Admin import (django-import-export) with preview and confirm, and the staff import job pages."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import reverse

from sources.models import Article, ImportBatch, Outlet

from .conftest import article_rows, csv_bytes

pytestmark = pytest.mark.django_db

CSV_FORMAT = "0"  # CheckedCSV is the first format in the admin's list


def upload(name: str, data: bytes) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_preview_shows_row_numbered_errors_and_stores_nothing(admin_client):
    """A CSV with a bad date and an empty body: the preview names each row's error; nothing is stored."""
    rows = article_rows(3)
    rows[1]["published"] = "the day after"
    rows[2]["body"] = ""
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": CSV_FORMAT, "import_file": upload("a.csv", csv_bytes(rows)), "resource": "0"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "unparseable date" in page and "the article text is empty" in page
    assert re.search(r"<td>\s*2\s*</td>", page) and re.search(r"<td>\s*3\s*</td>", page)
    assert "Confirm import" not in page
    assert Article.objects.count() == 0


def test_preview_then_confirm_imports_and_reimport_skips(admin_client, monkeypatch):
    """Preview lists new rows and extracted claims; confirm stores them; the same file again is skipped."""
    import claims.selectors.extraction_preview as preview

    class FakeClaim:
        kind, text, value, precision = "date", "on Saturday", "2025-03-15", "day"

    class FakeExtraction:
        claims = [FakeClaim()]

    calls = []
    monkeypatch.setattr("claims.extraction.extract", lambda text, **kw: calls.append(kw) or FakeExtraction())
    data = csv_bytes(article_rows(4))
    url = reverse("admin:sources_article_import")
    response = admin_client.post(
        url, {"format": CSV_FORMAT, "import_file": upload("a.csv", data), "resource": "0"}
    )
    page = response.content.decode()
    assert "Confirm import" in page and page.count("New") >= 4
    assert "Claims extraction would find" in page and "2025-03-15 (day)" in page
    assert len(calls) == preview.PREVIEW_ROWS and calls[0]["title"] == "Ship 0 docks"
    assert Article.objects.count() == 0
    confirm = response.context["confirm_form"]
    response = admin_client.post(
        reverse("admin:sources_article_process_import"), confirm.initial, follow=True
    )
    assert response.status_code == 200
    assert Article.objects.count() == 4
    batch = ImportBatch.objects.get(source="admin")
    assert batch.rows_created == 4 and set(Article.objects.values_list("import_batch", flat=True)) == {
        batch.pk
    }
    again = admin_client.post(
        url, {"format": CSV_FORMAT, "import_file": upload("a.csv", data), "resource": "0"}
    )
    assert again.context["result"].totals["skip"] == 4


def test_preview_refuses_a_utf16_mixed_file_clearly(admin_client):
    """A file that mixes encodings gets a plain-words message in the form."""
    data = "body\nA caf\u00e9\n".encode() + "B caf\u00e9\n".encode("cp1252")
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": CSV_FORMAT, "import_file": upload("m.csv", data), "resource": "0"},
    )
    assert "The file cannot be imported" in response.content.decode() and "mixes" in response.content.decode()


def test_outlet_import(admin_client):
    """Outlets import by name; a bad kind is a row error."""
    data = (
        b"name,domain,country,kind\nPort Post,port-post.example,UK,regional\n"
        b"Bad Kind,bad.example,UK,tabloidish\n"
    )
    url = reverse("admin:sources_outlet_import")
    response = admin_client.post(
        url, {"format": CSV_FORMAT, "import_file": upload("o.csv", data), "resource": "0"}
    )
    assert "tabloidish" in response.content.decode()
    good = b"name,domain,country,kind\nPort Post,port-post.example,UK,regional\n"
    response = admin_client.post(
        url, {"format": CSV_FORMAT, "import_file": upload("o.csv", good), "resource": "0"}
    )
    admin_client.post(
        reverse("admin:sources_outlet_process_import"), response.context["confirm_form"].initial
    )
    assert Outlet.objects.get(name="Port Post").kind == "regional"


def test_job_page_upload_zip_progress_and_errors(admin_client):
    """Staff upload a zip of pages: the job runs, the status JSON counts them, the error CSV downloads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "a.txt",
            "Ships dock in Portville\n\nTwo cargo ships docked at Portville on Saturday, officials said.",
        )
        archive.writestr(
            "b.html",
            "<html><head><title>Port busy</title></head><body><article><p>Three cargo ships docked at "
            "Portville on Sunday, the harbour authority said in a statement.</p><script>alert('x')</script>"
            "</article></body></html>",
        )
        archive.writestr("c.doc", b"binary")
    response = admin_client.post(
        reverse("imports:new"),
        {"files": [upload("pages.zip", buffer.getvalue())], "outlet": "Port Post", "skip_invalid": "on"},
    )
    batch = ImportBatch.objects.get(source="upload")
    assert response.status_code == 302 and response["Location"] == reverse("imports:detail", args=[batch.pk])
    status = admin_client.get(reverse("imports:status", args=[batch.pk])).json()
    assert (status["status"], status["created"], status["failed"], status["finished"]) == ("done", 2, 1, True)
    page = admin_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert "js/import.js" in page and "<progress" in page and "unsupported file type" in page
    report = admin_client.get(reverse("imports:errors", args=[batch.pk]))
    assert report["Content-Type"].startswith("text/csv")
    assert "pages.zip/c.doc,1,,unsupported file type" in report.content.decode()
    html_article = Article.objects.get(title="Port busy")
    assert "alert" not in html_article.body and "<script>" in html_article.original
    change = admin_client.get(
        reverse("admin:sources_article_change", args=[html_article.pk])
    ).content.decode()
    assert "<script>alert" not in change  # the original is shown escaped, never as markup


def test_job_pages_are_for_staff_only(client, editor):
    """An editor who is not staff cannot start imports or see jobs."""
    client.force_login(editor)
    assert client.get(reverse("imports:new")).status_code == 403


def test_cancel_and_resume_buttons(admin_client, tmp_path):
    """Cancel on a queued job cancels it; resume runs it to the end."""
    from sources.importing.service import import_job_create

    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(3)))
    batch = import_job_create(paths=[path], extract=False)
    admin_client.post(reverse("imports:cancel", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "cancelled"
    admin_client.post(reverse("imports:resume", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 3)


def test_outlet_file_without_a_name_column_gets_a_plain_message(admin_client, tmp_path):
    """An outlet file whose columns lack `name`: the form says so in plain words (no traceback) and
    nothing is stored."""
    path = tmp_path / "outlets.csv"
    path.write_bytes(b"title,domain,country,kind\nPort Post,port-post.example,UK,regional\n")
    with path.open("rb") as handle:
        response = admin_client.post(
            reverse("admin:sources_outlet_import"),
            {"format": CSV_FORMAT, "import_file": handle, "resource": "0"},
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "The file cannot be imported: the file has no `name` column; expected columns: name, domain, "
        "country, kind" in page
    )
    assert "Traceback" not in page and "import_id_fields" not in page and "Confirm import" not in page
    assert not Outlet.objects.exists() and not ImportBatch.objects.exists()
