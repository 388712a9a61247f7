"""The per-process actor index stays right when several workers store actors at once."""

from __future__ import annotations

import threading

import pytest

from claims.models import Actor
from claims.services.extraction import ActorResolver

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


@pytest.mark.django_db(transaction=True)
def test_an_actor_another_connection_commits_late_is_found(article):
    """The same race with two real connections (PostgreSQL): worker B inserts "Teodor Vance" first but
    commits only after this process has read worker A's later actor."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")
    inserted, commit = threading.Event(), threading.Event()
    late: list[int] = []

    def worker_b() -> None:
        try:
            with transaction.atomic():
                late.append(Actor.objects.create(name="Teodor Vance", kind=Actor.Kind.PERSON).pk)
                inserted.set()
                assert commit.wait(30)
        finally:
            connection.close()

    b = threading.Thread(target=worker_b)
    b.start()
    assert inserted.wait(30)
    Actor.objects.create(name="Mira Holt", kind=Actor.Kind.PERSON)  # worker A: a higher key, committed now
    ActorResolver()  # reads A's actor; B's is not visible yet
    commit.set()
    b.join(30)

    found = ActorResolver().actor_for(name="Teodor Vanse", kind="person", role=None, article=article)

    assert found.pk == late[0]
    assert Actor.objects.filter(name__startswith="Teodor").count() == 1


@pytest.mark.parametrize(
    ("first", "later", "canonical"),
    [
        ("Vance", "Teodor Vance", "Teodor Vance"),
        ("Teodor Vance", "Vance", "Teodor Vance"),
        ("Mira J. Holt", "Mira Holt", "Mira Holt"),
        ("Mira Holt", "Mira Jane Holt", "Mira Holt"),
    ],
)
def test_the_canonical_name_is_first_and_last_name(article, first, later, canonical):
    """A surname alone gives way to the full name, and a middle name or initial to the plain first and last
    name newsrooms use most, whichever article came first; the other spelling stays an alias."""
    resolver = ActorResolver()
    one = resolver.actor_for(name=first, kind="person", role=None, article=article)
    two = resolver.actor_for(name=later, kind="person", role=None, article=article)

    assert one.pk == two.pk
    one.refresh_from_db()
    assert one.name == canonical
    assert {a.name for a in one.aliases.all()} | {one.name} == {first, later}
