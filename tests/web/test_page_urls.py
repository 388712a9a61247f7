"""The event page's links built by string formatting are the addresses `{% url %}` gives."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse, set_script_prefix

from claims.templatetags.page_urls import page_url_text

NAMES = ["claims:claim-detail", "claims:actor-detail", "sources:article-detail", "sources:outlet-detail"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("pk", [1, 7, 42, 123456789])
def test_page_url_is_what_reverse_gives(name, pk):
    assert page_url_text(pk, name) == reverse(name, args=[pk])


def test_page_url_follows_the_script_prefix():
    """Behind a path prefix (a proxy's SCRIPT_NAME) the links carry it, as {% url %} does."""
    try:
        set_script_prefix("/tracker/")
        assert page_url_text(5, "claims:claim-detail") == reverse("claims:claim-detail", args=[5])
        assert page_url_text(5, "claims:claim-detail").startswith("/tracker/")
    finally:
        set_script_prefix("/")
    assert not page_url_text(5, "claims:claim-detail").startswith("/tracker/")


def test_filter_markup_matches_the_url_tag():
    markup = Template(
        "{% load page_urls %}<a href=\"{{ pk|page_url:'claims:claim-detail' }}\">"
        "<a href=\"{% url 'claims:claim-detail' pk %}\">"
    ).render(Context({"pk": 31}))
    filtered, tagged = markup.split('"')[1], markup.split('"')[3]
    assert filtered == tagged == reverse("claims:claim-detail", args=[31])


FIXED = ["sources:article-list", "claims:claim-list", "claims:event-list", "claims:pick", "logout", "login"]


@pytest.mark.parametrize("prefix", ["/", "/tracker/"])
def test_fixed_url_is_the_url_tag(prefix):
    """`{% fixed_url name %}` (every page's menu) writes what `{% url name %}` writes, behind a path
    prefix too."""
    tagged = "".join(f"{{% url '{name}' %}}|" for name in FIXED)
    fixed = "".join(f"{{% fixed_url '{name}' %}}|" for name in FIXED)
    try:
        set_script_prefix(prefix)
        rendered = Template("{% load page_urls %}" + fixed + tagged).render(Context({}))
    finally:
        set_script_prefix("/")
    parts = rendered.split("|")[:-1]
    assert parts[: len(FIXED)] == parts[len(FIXED) :]
    assert all(part.startswith(prefix) for part in parts)
