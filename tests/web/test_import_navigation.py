"""Import is in the navigation for those who may import; the job page leads to what it made (articles,
claims, events, links), and an imported article leads back to its job."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claims.models import Claim
from sources.models import Article, ImportBatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def importer(editor):
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    return editor


def test_import_is_in_the_navigation_only_for_importers(client, editor, reader):
    nav = f'<a href="{reverse("imports:new")}">Import</a>'
    client.force_login(reader)
    assert nav not in client.get(reverse("claims:claim-list")).text
    client.force_login(editor)  # an editor who is not staff may not import
    assert nav not in client.get(reverse("claims:claim-list")).text
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    assert nav in client.get(reverse("claims:claim-list")).text


def test_the_job_page_links_to_what_it_made_and_back(client, importer, make_world):
    world = make_world(3)
    batch = ImportBatch.objects.create(name="ferries.csv", source="upload", status=ImportBatch.Status.DONE)
    mine = [world["claims"][i][0].article_id for i in (0, 1)]
    Article.objects.filter(pk__in=mine).update(import_batch=batch)
    client.force_login(importer)
    page = client.get(reverse("imports:detail", args=[batch.pk])).text
    results = page.split('id="job-results"', 1)[1].split("</section>", 1)[0]
    for pk in mine:
        assert reverse("sources:article-detail", args=[pk]) in results
    other = world["claims"][2][0].article_id
    assert reverse("sources:article-detail", args=[other]) not in results
    assert reverse("claims:event-detail", args=[world["event"].pk]) in results
    made = Claim.objects.filter(article_id__in=mine).count()
    assert f"{made} claims</a>" in results and "in 2 articles" in results
    listed = client.get(reverse("claims:claim-list"), {"import_batch": batch.pk}).context["claims"]
    assert {claim.article_id for claim in listed} == set(mine) and len(listed) == made
    back = client.get(reverse("sources:article-detail", args=[mine[0]])).text
    assert f'<a href="{reverse("imports:detail", args=[batch.pk])}">from import job {batch.pk}</a>' in back
