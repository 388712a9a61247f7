"""Annotations and claims made from a selection in the article reader, and re-anchoring on a new version."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Annotation, Claim
from claims.services.editing import annotations_reanchor
from sources.services import article_store

pytestmark = pytest.mark.django_db

# A no-break space inside "12 March", curly quotes around the statement, an emoji (astral character) first.
TRICKY_BODY = (
    "\U0001f6a2 Port news. On 12\u00a0March the mayor said \u201cthe port stays open\u201d to reporters."
)


@pytest.fixture
def tricky_article(outlet):
    return article_store(body=TRICKY_BODY, outlet=outlet, title="Port stays open").article


def selection(body: str, text: str) -> dict:
    """What the reader's script posts for a selection of `text`: code-point offsets, quote and context."""
    start = body.index(text)
    end = start + len(text)
    return {
        "start": start,
        "end": end,
        "quote": text,
        "prefix": body[max(0, start - 32) : start],
        "suffix": body[end : end + 32],
    }


def test_annotation_is_saved_with_code_point_offsets_despite_nbsp_and_curly_quotes(
    editor_client, tricky_article
):
    """The browser's copy may turn U+00A0 into a space and curly quotes into straight ones; the
    server accepts that, stores the body's exact text, and the offsets are Python code points."""
    wanted = "12\u00a0March the mayor said \u201cthe port stays open\u201d"
    data = selection(TRICKY_BODY, wanted)
    data["quote"] = '12 March the mayor said "the port stays open"'
    data.update(note="Check with the harbour office", tags="port, check ,port")
    response = editor_client.post(
        reverse("claims:annotation-create", args=[tricky_article.pk]), data, follow=True
    )
    assert response.status_code == 200
    annotation = Annotation.objects.get()
    assert annotation.start == TRICKY_BODY.index("12") == 16  # the emoji counts as one character
    assert annotation.quote == wanted == TRICKY_BODY[annotation.start : annotation.end]
    assert annotation.note == "Check with the harbour office"
    assert sorted(annotation.tags.values_list("name", flat=True)) == ["check", "port"]
    assert annotation.created_by.username == "erin"
    assert "Annotation saved" in response.text
    assert f'data-notes="{annotation.pk}"' in response.text  # highlighted in the reader


def test_mismatched_selection_is_refused_with_a_clear_message(editor_client, tricky_article):
    """Offsets that do not quote the stored body are refused and nothing is stored."""
    data = selection(TRICKY_BODY, "the mayor said")
    data["start"] += 1
    data["end"] += 1
    response = editor_client.post(
        reverse("claims:annotation-create", args=[tricky_article.pk]), data, follow=True
    )
    assert Annotation.objects.count() == 0
    assert "does not match the article" in response.text


def test_mismatch_is_refused_as_json_for_the_script(editor_client, tricky_article):
    """The script gets a 400 with the message when the quote is not the body's text."""
    data = selection(TRICKY_BODY, "the mayor said") | {"quote": "the major said"}
    response = editor_client.post(
        reverse("claims:annotation-create", args=[tricky_article.pk]), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400 and "does not match" in response.json()["error"]
    assert Annotation.objects.count() == 0


def test_wrong_context_is_refused(editor_client, tricky_article):
    """A right quote at the right place but with another prefix (a changed text) is refused."""
    data = selection(TRICKY_BODY, "the mayor said") | {"prefix": "In Paris "}
    editor_client.post(reverse("claims:annotation-create", args=[tricky_article.pk]), data)
    assert Annotation.objects.count() == 0


def test_claim_from_selection_creates_an_accepted_editor_claim(editor_client, editor, tricky_article):
    """A new date claim from a selection: editor origin, accepted and reviewed by its author."""
    data = selection(TRICKY_BODY, " 12\u00a0March ") | {
        "kind": "date",
        "date_value": "2025-03-12",
        "date_precision": "day",
    }
    response = editor_client.post(reverse("claims:claim-from-selection", args=[tricky_article.pk]), data)
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.kind, claim.quote, claim.origin) == (
        "date",
        "12\u00a0March",
        "editor",
    )  # outer spaces trimmed
    assert claim.start == TRICKY_BODY.index("12")
    assert claim.date_value == dt.date(2025, 3, 12)
    assert claim.review_status == "accepted" and claim.reviewed_by == editor and claim.created_by == editor


def test_statement_from_selection_finds_or_creates_the_speaker(editor_client, tricky_article):
    """A statement claim names its speaker; the actor is created once and reused."""
    data = selection(TRICKY_BODY, "the port stays open") | {
        "kind": "statement",
        "speaker_name": "Ana Ruiz",
        "speaker_role": "mayor",
        "direct": "on",
    }
    editor_client.post(reverse("claims:claim-from-selection", args=[tricky_article.pk]), data)
    claim = Claim.objects.get()
    assert claim.speaker.name == "Ana Ruiz" and claim.direct and claim.speaker_role == "mayor"


def test_quantity_claim_needs_a_value(editor_client, tricky_article):
    """The form refuses a quantity claim without a number and says why."""
    data = selection(TRICKY_BODY, "Port news") | {"kind": "quantity"}
    response = editor_client.post(
        reverse("claims:claim-from-selection", args=[tricky_article.pk]), data, follow=True
    )
    assert Claim.objects.count() == 0 and "needs a value" in response.text


def test_annotations_reanchor_exact_fuzzy_and_orphaned(editor, outlet):
    """Storing a new version moves each note to its quote (exact, else fuzzy) or leaves it behind, orphaned."""
    url = "https://harbour-times.example/port"
    old = article_store(
        body="Ships wait. The council voted 7 to 2 for the plan. Fog closed the port on Monday.",
        outlet=outlet,
        url=url,
    ).article
    notes = {}
    for text in ("voted 7 to 2", "Fog closed the port", "Ships wait"):
        start = old.body.index(text)
        notes[text] = Annotation.objects.create(
            article=old,
            start=start,
            end=start + len(text),
            quote=text,
            prefix=old.body[max(0, start - 20) : start],
            suffix=old.body[start + len(text) : start + len(text) + 20],
            created_by=editor,
        )
    new = article_store(
        body="Update: the council voted 7 to 2 for the plan. Thick fog closeed the port on Monday.",
        outlet=outlet,
        url=url,
    ).article
    # article_store re-anchored them; a second pass finds nothing left to move
    result = annotations_reanchor(old=old, new=new)
    assert (result.exact, result.fuzzy, result.orphaned) == (0, 0, 0)
    exact = Annotation.objects.get(pk=notes["voted 7 to 2"].pk)
    assert exact.article == new and new.body[exact.start : exact.end] == "voted 7 to 2"
    fuzzy = Annotation.objects.get(pk=notes["Fog closed the port"].pk)
    assert fuzzy.article == new and "closeed the port" in fuzzy.quote
    orphan = Annotation.objects.get(pk=notes["Ships wait"].pk)
    assert orphan.article == old and orphan.orphaned


def test_browser_crlf_line_breaks_in_the_quote_are_accepted(editor_client, outlet):
    """Browsers submit form values with CRLF line breaks; a selection across paragraphs still matches."""
    body = "First paragraph ends here.\n\nSecond paragraph starts here."
    article = article_store(body=body, outlet=outlet, title="Two paragraphs").article
    data = selection(body, "here.\n\nSecond")
    data = {
        key: value.replace("\n", "\r\n") if isinstance(value, str) else value for key, value in data.items()
    }
    editor_client.post(reverse("claims:annotation-create", args=[article.pk]), data)
    assert Annotation.objects.get().quote == "here.\n\nSecond"
