"""The per-article extraction budget (finding 4 of the security probe, its extraction part): a text too
long is never parsed, an article giving too many claims has none stored; the reason is on the article,
its page and its import job."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Claim
from sources.models import Article, ImportBatch

from .conftest import body, csv_bytes

pytestmark = pytest.mark.django_db


def crowded(n: int) -> str:
    """A text of our own with n counted things, one per sentence."""
    return "PORTVILLE - " + " ".join(
        f"Pier {i} held {100 + i} containers on Saturday, the harbour authority said." for i in range(n)
    )


def rows() -> list[dict[str, object]]:
    return [
        {"url": "https://harbour-times.example/short", "title": "Short", "body": body(1)},
        {"url": "https://harbour-times.example/long", "title": "Long", "body": crowded(60)},
    ]


def run_import(tmp_path) -> ImportBatch:
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(rows()))
    call_command("import_articles", str(path), stdout=io.StringIO())
    return ImportBatch.objects.get()


def test_a_text_over_the_budget_is_not_parsed(tmp_path, settings, monkeypatch, client, editor):
    """EXTRACT_MAX_CHARS lowered below the long article: it is never handed to the extractor, it is
    marked failed with the limit named, the job says so, and the article page shows it."""
    settings.EXTRACT_MAX_CHARS = 2_000
    import claims.services.extraction

    parsed: list[str] = []
    real = claims.services.extraction.extract_many
    monkeypatch.setattr(
        claims.services.extraction,
        "extract_many",
        lambda items, **kw: parsed.extend(i["text"][:20] for i in items) or real(items, **kw),
    )
    batch = run_import(tmp_path)
    long, short = Article.objects.get(title="Long"), Article.objects.get(title="Short")
    assert all(not text.startswith("PORTVILLE - Pier") for text in parsed)
    assert long.extraction_status == "failed" and "EXTRACT_MAX_CHARS" in long.extraction_error
    assert f"{len(long.body):,} characters" in long.extraction_error
    assert not Claim.objects.filter(article=long).exists()
    assert short.extraction_status == "done" and Claim.objects.filter(article=short).exists()
    assert (batch.status, batch.extract_failed) == ("done", 1)
    assert "1 article(s) stored but not extracted" in batch.message and "EXTRACT_MAX_CHARS" in batch.message
    client.force_login(editor)
    page = client.get(reverse("sources:article-detail", args=[long.pk])).content.decode()
    assert "Claims were not extracted from this article" in page and "EXTRACT_MAX_CHARS" in page


def test_an_article_with_too_many_claims_has_none_stored(tmp_path, settings):
    """EXTRACT_MAX_CLAIMS lowered below what the crowded article gives: none of its claims is stored."""
    settings.EXTRACT_MAX_CLAIMS = 20
    batch = run_import(tmp_path)
    long = Article.objects.get(title="Long")
    assert long.extraction_status == "failed" and "EXTRACT_MAX_CLAIMS" in long.extraction_error
    assert not Claim.objects.filter(article=long).exists()
    assert Article.objects.get(title="Short").extraction_status == "done"
    assert "EXTRACT_MAX_CLAIMS" in batch.message


def test_the_admin_preview_does_not_parse_a_text_over_the_budget(admin_client, settings, monkeypatch):
    """The admin's dry run extracts a few rows inside the request: not one over the budget."""
    settings.EXTRACT_MAX_CHARS = 2_000
    calls = []
    monkeypatch.setattr("claims.extraction.extract", lambda text, **kw: calls.append(text) or None)
    handle = io.BytesIO(csv_bytes([{"title": "Long", "body": crowded(60)}]))
    handle.name = "a.csv"
    response = admin_client.post(
        reverse("admin:sources_article_import"), {"format": "0", "import_file": handle, "resource": "0"}
    )
    assert calls == []
    assert "EXTRACT_MAX_CHARS" in response.content.decode()
