"""Actor kinds after an import: outlets are never stored as persons, nor a titled person as a body."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from claims.models import Actor

pytestmark = pytest.mark.django_db

STORY = (
    "Portville bridge to reopen\n\n"
    "Meridian Wire reported that the bridge would reopen on Monday. "
    "Gazette said the repairs had cost less than planned.\n\n"
    "Spokesperson Lena Varga said that the port would stay open. "
    "Tobias Marren, the vice president of the Harbour Party, said that the vote was fair.\n"
)


def test_imported_sources_get_their_kind(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    call_command("import_articles", str(path), "--outlet", "Harbour Times")
    kinds = dict(Actor.objects.values_list("name", "kind"))
    assert kinds["Meridian Wire"] == Actor.Kind.OUTLET
    assert kinds["Gazette"] == Actor.Kind.OUTLET
    assert kinds["Lena Varga"] == Actor.Kind.PERSON
    assert kinds["Tobias Marren"] == Actor.Kind.PERSON
    assert not any(
        kind == Actor.Kind.PERSON for name, kind in kinds.items() if name.endswith(("Wire", "Gazette"))
    )


def test_an_outlet_is_not_filed_under_a_person_of_the_same_surname(tmp_path):
    """A person known only as "Wire" does not take the outlet Meridian Wire's statements, nor the reverse."""
    from claims.services.extraction import ActorResolver
    from sources.services import article_store, outlet_get_or_create

    earlier = article_store(
        body="Wire said the vote was fair.",
        outlet=outlet_get_or_create(name="Harbour Times"),
        url="https://a.example/1",
    ).article
    ActorResolver().actor_for(name="Wire", kind="person", role=None, article=earlier)
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    call_command("import_articles", str(path), "--outlet", "Harbour Times")
    kinds = dict(Actor.objects.values_list("name", "kind"))
    assert kinds["Wire"] == Actor.Kind.PERSON
    assert kinds["Meridian Wire"] == Actor.Kind.OUTLET


def test_a_known_outlet_that_speaks_is_an_outlet(tmp_path):
    """An outlet already stored ("Portville Courant"), named as a source in another outlet's article, is
    stored as an outlet whatever the entity tagger calls it."""
    from sources.services import outlet_get_or_create

    outlet_get_or_create(name="Portville Courant")
    path = tmp_path / "courant.txt"
    path.write_text(
        "Ferry service resumes\n\nPortville Courant reported that the ferry would sail again on Monday.\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(path), "--outlet", "Harbour Times")
    assert dict(Actor.objects.values_list("name", "kind"))["Portville Courant"] == Actor.Kind.OUTLET
