"""Links to a row's page, built by string formatting instead of `{% url %}`.

`{% load page_urls %}{{ claim.pk|page_url:"claims:claim-detail" }}` gives what
`{% url 'claims:claim-detail' claim.pk %}` gives. The event page links 50-120 rows, and each `{% url %}`
resolves the pattern again (2-3 ms a page); here the pattern is reversed once per name, script
prefix and URL configuration, and each link is the id put between its two halves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()

_SENTINEL = 2147483647  # an id no page links to, cut out of the reversed address


@lru_cache(maxsize=64)
def _halves(name: str, script_prefix: str, urlconf: str | None) -> tuple[str, str]:
    address = reverse(name, args=[_SENTINEL], urlconf=urlconf)
    head, _, tail = address.partition(str(_SENTINEL))
    return head, tail


def page_url_maker(name: str) -> Callable[[int], str]:
    """A function giving the address of the page `name` for an id, as page_url_text does; the script
    prefix and URL configuration are read once (a page of rows makes many links)."""
    head, tail = _halves(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return lambda pk: f"{head}{int(pk)}{tail}"


def page_url_text(pk: int | str, name: str) -> str:
    """The address of the page `name` (a URL name taking one id) for the row `pk`, as reverse() gives it."""
    head, tail = _halves(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return f"{head}{int(pk)}{tail}"


@register.filter
def page_url(pk: int | str, name: str) -> str:
    """Template filter over page_url_text."""
    return page_url_text(pk, name)


@lru_cache(maxsize=128)
def _address(name: str, script_prefix: str, urlconf: str | None) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def fixed_url(name: str) -> str:
    """`{% fixed_url "claims:claim-list" %}`: what `{% url "claims:claim-list" %}` gives for a URL name
    without arguments, reversed once per name, script prefix and URL configuration (every page's menu
    links a dozen of them; each `{% url %}` resolved its pattern again). Escaped as `{% url %}` is."""
    return _address(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
