"""One import budget for every format and every way in (finding 3 of the security probe): hostile files
built here, refused with a clear message and nothing stored; a job's working files deleted when it ends."""

from __future__ import annotations

import io
import json
import random
import string
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from sources.models import Article, ImportBatch

from .conftest import article_rows, body, csv_bytes

pytestmark = pytest.mark.django_db
MIB = 1024 * 1024
CSV_FORMAT, JSON_FORMAT, XLSX_FORMAT = "0", "1", "2"  # CheckedImportMixin.formats


def upload(name: str, data: bytes) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def noise(n: int, seed: int = 0) -> str:
    """n characters of words that do not compress much (so only the per-article budget can stop them)."""
    rng = random.Random(seed)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(n // 5 + 1)]
    return " ".join(words)[:n]


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    """A workbook with the rows; a cell longer than openpyxl writes (it cuts at 32,767 characters) is
    put into the sheet's XML afterwards, as a hand-made hostile file would have it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    long: dict[str, str] = {}
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, str) and len(cell) > 30_000:
                long[f"LONGCELL{len(long)}X"] = cell
                cell = f"LONGCELL{len(long) - 1}X"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            for marker, text in long.items():
                data = data.replace(marker.encode(), text.encode())
            target.writestr(info.filename, data)
    return result.getvalue()


def job_files(media, batch: ImportBatch) -> set[str]:
    folder = media / "imports" / str(batch.pk)
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def test_zip_of_many_one_mib_members_is_refused_by_its_overall_ratio(admin_client, media):
    """The probe's bomb: members of exactly 1 MiB each (the per-member check looked only above 1 MiB).
    The archive as a whole unpacks 1000:1; refused, nothing stored, the upload deleted."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(30):
            archive.writestr(f"page{n:03d}.txt", b"a" * MIB)
    assert len(buffer.getvalue()) < 100_000
    response = admin_client.post(reverse("imports:new"), {"files": [upload("pages.zip", buffer.getvalue())]})
    batch = ImportBatch.objects.get(source="upload")
    assert response.status_code == 302
    assert batch.status == ImportBatch.Status.FAILED
    assert "100:1" in batch.message and "IMPORT_ZIP_MAX_RATIO" in batch.message
    assert Article.objects.count() == 0
    assert job_files(media, batch) <= {"errors.csv"}  # no upload, no records file left behind
    page = admin_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert "IMPORT_ZIP_MAX_RATIO" in page


def test_xlsx_with_a_huge_cell_is_refused_as_an_archive(admin_client, media, tmp_path):
    """An .xlsx is a zip: one cell of 4 MiB of one letter unpacks far over the ratio; refused by the
    upload page, the command and the admin import alike, before openpyxl reads the cell."""
    data = xlsx_bytes([["title", "body"], ["Big", "a" * (4 * MIB)]])
    assert len(data) < 200_000
    admin_client.post(reverse("imports:new"), {"files": [upload("big.xlsx", data)]})
    batch = ImportBatch.objects.get(source="upload")
    assert batch.status == ImportBatch.Status.FAILED and "IMPORT_ZIP_MAX_RATIO" in batch.message
    path = tmp_path / "big.xlsx"
    path.write_bytes(data)
    with pytest.raises(CommandError, match="IMPORT_ZIP_MAX_RATIO"):
        call_command("import_articles", str(path), "--no-extract", stdout=io.StringIO())
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": XLSX_FORMAT, "import_file": upload("big.xlsx", data), "resource": "0"},
    )
    page = response.content.decode()
    assert "The file cannot be imported" in page and "IMPORT_ZIP_MAX_RATIO" in page
    assert "Confirm import" not in page
    assert Article.objects.count() == 0


def test_xlsx_cell_over_the_article_budget_is_a_row_error(admin_client, settings):
    """A cell that compresses like real text but is longer than one article may be: the row is refused
    with the limit named; the valid row beside it is stored only with 'skip invalid rows'."""
    settings.IMPORT_MAX_DOCUMENT_BYTES = 50_000
    data = xlsx_bytes([["title", "body"], ["Long", noise(120_000)], ["Short", body(1)]])
    admin_client.post(reverse("imports:new"), {"files": [upload("long.xlsx", data)]})
    batch = ImportBatch.objects.get(source="upload")
    assert batch.status == ImportBatch.Status.FAILED and Article.objects.count() == 0
    assert "over the limit of 50,000 for one article" in batch.errors[0]["message"]
    assert batch.errors[0]["row"] == 2
    admin_client.post(reverse("imports:new"), {"files": [upload("long.xlsx", data)], "skip_invalid": "on"})
    assert list(Article.objects.values_list("title", flat=True)) == ["Short"]


def test_big_csv_field_is_refused_on_every_way_in(admin_client, settings, tmp_path):
    """A CSV field longer than the article budget: refused by the command, the upload page and the
    admin import; nothing stored."""
    settings.IMPORT_MAX_DOCUMENT_BYTES = 50_000
    rows = article_rows(2)
    rows[1]["body"] = noise(200_000)
    data = csv_bytes(rows)
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    out = io.StringIO()
    with pytest.raises(CommandError, match="row"):
        call_command("import_articles", str(path), "--no-extract", stdout=out)
    assert "200,000 characters, over the limit of 50,000 for one article" in out.getvalue()
    admin_client.post(reverse("imports:new"), {"files": [upload("big.csv", data)]})
    assert ImportBatch.objects.get(source="upload").status == ImportBatch.Status.FAILED
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": CSV_FORMAT, "import_file": upload("big.csv", data), "resource": "0"},
    )
    page = response.content.decode()
    assert "over the limit of 50,000 for one article" in page and "Confirm import" not in page
    assert Article.objects.count() == 0


def test_big_json_body_is_refused_on_every_way_in(admin_client, settings, tmp_path):
    """A JSON article whose body is over the article budget (the probe's was 200 MB)."""
    settings.IMPORT_MAX_DOCUMENT_BYTES = 50_000
    data = json.dumps([{"title": "Huge", "body": noise(150_000)}]).encode()
    path = tmp_path / "big.json"
    path.write_bytes(data)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), "--no-extract", stdout=out)
    assert "over the limit of 50,000 for one article" in out.getvalue()
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": JSON_FORMAT, "import_file": upload("big.json", data), "resource": "0"},
    )
    page = response.content.decode()
    assert "over the limit of 50,000 for one article" in page and "Confirm import" not in page
    assert Article.objects.count() == 0


def test_total_of_an_import_counts_every_file(settings, tmp_path):
    """The total budget is for the whole import: two CSVs each small enough alone are refused together
    (it counted only what zips unpack to)."""
    one = csv_bytes(article_rows(50))
    settings.IMPORT_ZIP_MAX_TOTAL_BYTES = len(one) + 1000
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_bytes(one)
    (tmp_path / "in" / "b.csv").write_bytes(csv_bytes(article_rows(50, start=50)))
    with pytest.raises(CommandError, match="the limit for one import"):
        call_command("import_articles", str(tmp_path / "in"), "--no-extract", stdout=io.StringIO())
    assert Article.objects.count() == 0


def test_admin_upload_over_the_file_limit_is_refused(admin_client, settings):
    """The admin import has the same file limit as the jobs (it had none)."""
    data = csv_bytes(article_rows(30))
    settings.IMPORT_MAX_BYTES = len(data) - 1
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": CSV_FORMAT, "import_file": upload("a.csv", data), "resource": "0"},
    )
    page = response.content.decode()
    assert "The file cannot be imported" in page and "IMPORT_MAX_BYTES" in page
    assert Article.objects.count() == 0


def test_working_files_are_deleted_when_the_rows_are_stored(admin_client, media):
    """A finished upload job keeps only its error report: no upload, no records file."""
    data = csv_bytes(article_rows(3))
    admin_client.post(reverse("imports:new"), {"files": [upload("a.csv", data)], "extract": ""})
    batch = ImportBatch.objects.get(source="upload")
    assert (batch.status, batch.rows_created) == ("done", 3)
    assert job_files(media, batch) == {"errors.csv"}
    assert admin_client.get(reverse("imports:errors", args=[batch.pk])).status_code == 200


def test_files_of_jobs_stopped_long_ago_are_deleted_and_resume_says_so(
    admin_client, media, settings, tmp_path
):
    """A cancelled job keeps its upload for Resume, but not for ever: once it has been stopped for over
    IMPORT_JOB_FILES_MAX_AGE the next job created deletes its files (never the folder of a job this
    database does not know); Resume then fails saying the files are gone, instead of a bare 'no such
    file'."""
    import datetime as dt

    from django.utils import timezone

    from sources.importing.service import import_job_create, job_dir

    settings.IMPORT_JOB_FILES_MAX_AGE = 3600
    old = import_job_create(paths=[], source="upload")
    upload_dir = job_dir(old) / "upload"
    upload_dir.mkdir()
    (upload_dir / "001_a.csv").write_bytes(csv_bytes(article_rows(2)))
    ImportBatch.objects.filter(pk=old.pk).update(files=[str(upload_dir / "001_a.csv")])
    admin_client.post(reverse("imports:cancel", args=[old.pk]))
    orphan = media / "imports" / "999999"
    orphan.mkdir()
    (orphan / "records.jsonl").write_text("{}\n")
    admin_client.post(
        reverse("imports:new"), {"files": [upload("b.csv", csv_bytes(article_rows(1, start=9)))]}
    )
    assert (upload_dir / "001_a.csv").exists()  # cancelled just now: kept for Resume
    ImportBatch.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(hours=2))
    admin_client.post(
        reverse("imports:new"), {"files": [upload("c.csv", csv_bytes(article_rows(1, start=19)))]}
    )
    assert not upload_dir.exists() and (orphan / "records.jsonl").exists()
    admin_client.post(reverse("imports:resume", args=[old.pk]))
    old.refresh_from_db()
    assert old.status == ImportBatch.Status.FAILED and "working files were deleted" in old.message
    assert not Article.objects.filter(url="https://harbour-times.example/0").exists()
