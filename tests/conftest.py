"""Fixtures shared by the whole suite: users in each role, an outlet and an article, the shared corpus."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from tests.accounts import role
from tests.shared import missing_shared, shared_dir

REPO = Path(__file__).resolve().parent.parent

# Hypothesis: HYPOTHESIS_PROFILE=ci prints a reproduction blob with each failure (a CI clone keeps no
# example database); property tests set their own example counts (tests/fuzz: scale with FUZZ_SCALE).
hypothesis_settings.register_profile("ci", print_blob=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus folder; tests that need it skip, with a message, when it is absent (fail under CI)."""
    path = shared_dir() / "corpus"
    if not path.is_dir():
        missing_shared(f"shared corpus not found at {path} (set SHARED_DIR)")
    return path


@pytest.fixture
def editor(django_user_model):

    user = django_user_model.objects.create_user(username="erin", password="pw-erin-123")
    user.groups.add(role("editor"))
    return user


@pytest.fixture
def reader(django_user_model):

    user = django_user_model.objects.create_user(username="rory", password="pw-rory-123")
    user.groups.add(role("reader"))
    return user


@pytest.fixture
def outlet(db):
    from sources.models import Outlet

    return Outlet.objects.create(name="Harbour Times", domain="harbour-times.example", kind="independent")


ARTICLE_BODY = (
    "PORTVILLE - Two cargo ships docked at Portville on Saturday, the harbour authority said.\n\n"
    "\u201cWe expect them to leave on 2 April,\u201d said spokeswoman Ana Ruiz. About 120 workers unloaded them."
)


@pytest.fixture
def article(outlet):
    from sources.services import article_store

    return article_store(
        body=ARTICLE_BODY,
        outlet=outlet,
        url="https://harbour-times.example/ships",
        title="Two ships dock in Portville",
        published_on=dt.date(2025, 3, 17),
        published_precision="day",
    ).article


@pytest.fixture(autouse=True)
def fresh_actor_index():
    """The per-process actor index must not carry actors from one test's database into the next."""
    from claims.services.extraction import ActorResolver

    ActorResolver.forget()
    yield
    ActorResolver.forget()
