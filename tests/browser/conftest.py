"""Fixtures of the browser tests: one Chromium (Debian's, driven by Playwright) for the whole browser run, and a
signed-in page per role, each in a fresh browser context (its own cookies and storage).

`open_page(user, width=...)` opens a page as any user (None: signed out) at any width; `editor_page` and
`reader_page` are the usual two. Pages are signed in through Django's test client (`force_login`), so a
test's time goes to what it checks; tests/browser/test_editor_flow.py signs in through the form.

Playwright's sync API runs an event loop in this thread: DJANGO_ALLOW_ASYNC_UNSAFE lets the test's own
database calls run beside it. The browser is started after the test database exists (it depends on
django_db_setup: started before, it made the serialized rollback of transactional tests skip its restore)
and closed when the browser tests end (package scope), so no later test runs beside its event loop.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15000
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="package")
def chromium(django_db_setup) -> Iterator:
    """One headless Chromium for all the browser tests; skipped, saying why, without Playwright or Chromium."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium, live_server) -> Iterator[Callable]:
    """open_page(user=None, width=1280, height=900, mobile=False): a new page on the live server, signed in
    as `user`; its script errors collect in `page.script_errors`. Contexts close when the test ends."""
    from django.conf import settings
    from django.test import Client

    contexts = []

    def open_(user=None, *, width: int = 1280, height: int = 900, mobile: bool = False):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, is_mobile=mobile, base_url=live_server.url
        )
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
            )
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.script_errors = []
        page.on("pageerror", lambda error: page.script_errors.append(str(error)))
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def editor_page(open_page, editor):
    """A 1280 px page signed in as the editor erin."""
    return open_page(editor)


@pytest.fixture
def reader_page(open_page, reader):
    """A 1280 px page signed in as the reader rory."""
    return open_page(reader)


@pytest.fixture
def world(editor) -> dict:
    """The storm world of tests/browser/storm.py (three outlets' articles on one event, claims, links)."""
    from tests.browser.storm import build_storm_world

    return build_storm_world()
