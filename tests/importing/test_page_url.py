"""An imported page's URL and outlet come from its canonical link, then og:url, never from <base href>
alone (finding 9 of the security probe)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from sources.importing.rawtext import parse_html
from sources.models import Article

BODY = (
    "<body><article><h1>Two ships dock</h1><p>PORTVILLE - Two cargo ships docked at Portville on "
    "Saturday, the harbour authority said on its website.</p><p>About 120 workers unloaded them over two "
    "days, officials said.</p></article></body></html>"
)


def page(head: str) -> str:
    return f"<html><head><title>Two ships dock</title>{head}</head>{BODY}"


BASE = '<base href="https://evil.example/2001/01/01/">'
CANONICAL = '<link rel="canonical" href="https://harbour-times.example/2025/ships">'
OG = '<meta property="og:url" content="https://www.harbour-post.example/ships-og">'


@pytest.mark.parametrize(
    ("head", "url", "domain"),
    [
        (BASE, "", ""),
        (BASE + OG, "https://www.harbour-post.example/ships-og", "harbour-post.example"),
        (BASE + OG + CANONICAL, "https://harbour-times.example/2025/ships", "harbour-times.example"),
        (CANONICAL + BASE, "https://harbour-times.example/2025/ships", "harbour-times.example"),
        (
            BASE + OG + '<link rel="canonical" href="/ships-rel">',
            "https://www.harbour-post.example/ships-rel",
            "harbour-post.example",
        ),
        (BASE + '<link rel="canonical" href="/ships-rel">', "", ""),
    ],
    ids=[
        "base-alone",
        "og-over-base",
        "canonical-first",
        "canonical-before-base",
        "relative-on-og",
        "relative-on-base",
    ],
)
def test_url_and_domain_never_come_from_base(head, url, domain):
    values = parse_html(page(head))
    assert values["url"] == url
    assert values["outlet_domain"] == domain
    assert "evil" not in str(values["outlet"])
    assert values["published_on"] != "2001-01-01"


@pytest.mark.django_db
def test_an_uploaded_page_with_only_a_base_names_no_outlet(admin_client, settings, tmp_path):
    """Through the upload page: a page whose only URL is a <base href> is stored without a URL and
    without the base's site as its outlet."""
    settings.MEDIA_ROOT = tmp_path / "media"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.html", page(BASE))
    handle = io.BytesIO(buffer.getvalue())
    handle.name = "pages.zip"
    admin_client.post(reverse("imports:new"), {"files": [handle], "extract": ""})
    article = Article.objects.get()
    assert article.url == ""
    assert article.outlet is None or "evil" not in (article.outlet.name + (article.outlet.domain or ""))
