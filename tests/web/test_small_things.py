"""Small workspace fixes: an honest 403 on the import pages, history in words, /articles/, the favicon,
and a 403 logged once."""

import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import REPO

pytestmark = pytest.mark.django_db


def test_import_403_says_what_an_editor_really_lacks(editor_client):
    """An editor (not staff) is not told to ask for the editor role they hold, but for what is missing."""
    response = editor_client.get(reverse("imports:new"))
    assert response.status_code == 403
    text = response.content.decode()
    assert "Staff status" in text and "Can add article" in text
    assert "need the editor role" not in text


def test_history_names_fields_and_values_in_words(editor_client, make_world):
    """Accepting shows 'Review status: Pending → Accepted' and the reviewer by name, not raw ids."""
    claim = make_world(2)["claims"][0][0]
    editor_client.post(reverse("claims:claim-review", args=[claim.pk]), {"decision": "accept", "version": 1})
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).content.decode()
    assert "<strong>Review status</strong>: Pending → Accepted" in page
    assert "<strong>Reviewed by</strong>: — → erin" in page
    assert "review_status" not in page and "reviewed_by_id" not in page
    assert "<strong>Reviewed at</strong>: — → " in page and "+00:00" not in page


def test_articles_path_leads_to_the_article_list(editor_client, make_world):
    make_world(2)
    response = editor_client.get("/articles/?q=ferry", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("sources:article-list") + "?q=ferry"
    assert "Ferry crash report 0" in response.content.decode()


def test_pages_name_a_favicon_and_favicon_ico_redirects_to_it(editor_client):
    page = editor_client.get(reverse("sources:article-list")).content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in page
    assert (REPO / "static" / "favicon.svg").read_text().startswith("<svg")
    response = editor_client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.svg"


def test_a_forbidden_request_is_logged_once():
    """With DEBUG on (make run), a 403's warning and traceback reach the console once, not twice."""
    script = (
        "import django, logging; django.setup()\n"
        "from django.core.exceptions import PermissionDenied\n"
        "try:\n    raise PermissionDenied('no')\n"
        "except PermissionDenied:\n"
        "    logging.getLogger('django.request').warning('Forbidden (Permission denied): /x/', exc_info=True)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={"DJANGO_SETTINGS_MODULE": "tracker.settings", "DEBUG": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr.count("Forbidden (Permission denied): /x/") == 1, result.stderr
    assert result.stderr.count("Traceback") == 1


def test_finished_job_is_listed_as_done_without_its_stale_stage(editor_client, editor):
    """A job imported without extraction ends Done with the stage it never left: the list says "Done"."""
    from django.contrib.auth.models import Permission

    from sources.models import ImportBatch

    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    ImportBatch.objects.create(name="done.csv", source="upload", status="done", stage="queued")
    ImportBatch.objects.create(name="busy.csv", source="upload", status="running", stage="extracting")
    page = editor_client.get(reverse("imports:new")).content.decode()
    assert "(queued)" not in page and "<td>Done</td>" in page
    assert "Running: extracting claims" in page


def test_a_claim_over_an_existing_one_is_saved_with_a_warning(editor_client, make_world):
    """Selecting text an existing claim covers and making a claim of it: saved, and the editor is told."""
    from claims.models import Claim

    existing = make_world(1)["claims"][0][0]  # "10 people were injured"
    article = existing.article
    text = "people were injured when two ferries"
    start = article.body.index(text)
    response = editor_client.post(
        reverse("claims:claim-from-selection", args=[article.pk]),
        {"start": start, "end": start + len(text), "quote": text, "kind": "statement"},
        follow=True,
    )
    new = Claim.objects.get(article=article, quote=text)
    page = response.content.decode()
    assert f"The new claim overlaps the claim “{existing.quote}”" in page
    assert f"claim {new.pk}" not in page and f"claim {existing.pk}" not in page  # no raw ids
    # The reader has the box its script fills when a selection lies under a highlight.
    assert 'id="sel-covered"' in page


def test_a_claim_on_free_text_has_no_overlap_warning(editor_client, make_world):
    from claims.models import Claim

    article = make_world(1)["claims"][0][0].article
    text = "Report 0"
    start = article.body.index(text)
    response = editor_client.post(
        reverse("claims:claim-from-selection", args=[article.pk]),
        {"start": start, "end": start + len(text), "quote": text, "kind": "statement"},
        follow=True,
    )
    assert Claim.objects.filter(article=article, quote=text).exists()
    assert "overlaps" not in response.content.decode()
