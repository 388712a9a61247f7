"""The per-process actor index stays right when several workers store actors at once."""

from __future__ import annotations

import pytest

from claims.models import Actor
from claims.services import ActorResolver

pytestmark = pytest.mark.django_db


def test_an_actor_committed_late_with_a_lower_key_is_still_found(article):
    """Worker B takes key 5 for "Teodor Vance" but commits after this process has read worker A's key 9.
    A misspelling of his name must still resolve to him instead of creating a second Teodor Vance."""
    Actor.objects.create(pk=9, name="Mira Holt", kind=Actor.Kind.PERSON)
    ActorResolver()  # this process reads the actors committed so far: key 9 and nothing below it
    Actor.objects.create(pk=5, name="Teodor Vance", kind=Actor.Kind.PERSON)  # B's late commit

    found = ActorResolver().actor_for(name="Teodor Vanse", kind="person", role=None, article=article)

    assert found.pk == 5
    assert Actor.objects.filter(name__startswith="Teodor").count() == 1


def test_a_late_alias_is_read_too(article):
    """A spelling another worker recorded late (an alias below a key already read) is used as well."""
    vance = Actor.objects.create(pk=3, name="Teodor Vance", kind=Actor.Kind.PERSON)
    holt = Actor.objects.create(pk=4, name="Mira Holt", kind=Actor.Kind.PERSON)
    holt.aliases.create(pk=8, name="M. Holt")
    ActorResolver()
    vance.aliases.create(pk=6, name="Todor Wanz")

    found = ActorResolver().actor_for(name="Todor Wanz", kind="person", role=None, article=article)

    assert found.pk == 3
    assert Actor.objects.count() == 2
