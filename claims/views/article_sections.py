"""The article page's repeated markup written in Python: the text cut into marked pieces, the claim
index, the annotation list and the annotation form's claim menu.

An article of 2,000 words with a dozen claims is cut into 30-60 pieces, and each claim and annotation
was a template loop's variables, filters, `{% url %}` and an include of `claims/value.html`: more CPU
than all the page's reads. The markup is the template's, byte for byte (tests/web/test_article_page.py
renders the former loops beside these, with hostile text in every field).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # in Django, not in django-stubs

from claims.models import Claim
from claims.selectors.article_page import ArticleNote
from claims.templatetags.page_urls import page_url_maker
from claims.views.claims import value_text
from claims.views.event_sections import truncated
from sources.selectors import Segment

KIND_LABELS = {value: str(label) for value, label in Claim.Kind.choices}
STATUS_LABELS = {value: str(label) for value, label in Claim.ReviewStatus.choices}


def escape(text: object) -> str:
    """`{{ text }}` under autoescape for text not marked safe (what django.utils.html.escape does)."""
    return html.escape(str(text))


def body_html(segments: Iterable[Segment]) -> SafeString:
    """The pieces of the text inside `<div class="body">`: a `<mark>` with its kinds, claim and
    annotation ids where something covers the piece, else a `<span>`; each with its offset."""
    parts = []
    for seg in segments:
        text = escape(seg.text)
        if not seg.kinds:
            parts.append(f'<span data-o="{seg.start}">{text}</span>')
            continue
        kinds = "".join(f"k-{escape(kind)} " for kind in seg.kinds)
        claims = f' data-claims="{" ".join(map(str, seg.claim_ids))}"' if seg.claim_ids else ""
        notes = f' data-notes="{" ".join(map(str, seg.annotation_ids))}"' if seg.annotation_ids else ""
        parts.append(f'<mark class="{kinds}" data-o="{seg.start}"{claims}{notes}>{text}</mark>')
    return mark_safe("".join(parts))


def claim_index_html(claims: list[Claim]) -> SafeString:
    """The items of the claim index (`<ol class="claim-index">`): kind, value linked to the claim's
    page, review status; or the line saying there are none."""
    if not claims:
        return mark_safe('<li class="muted">No claims found in this article.</li>\n  ')
    claim_url = page_url_maker("claims:claim-detail")
    parts = []
    for claim in claims:
        status = escape(claim.review_status)
        rejected = "rejected" if claim.review_status == "rejected" else ""
        kind = escape(claim.kind)
        parts.append(
            f'\n    <li class="{rejected}" data-claim="{claim.pk}">'
            f'<span class="kind k-{kind}">{escape(KIND_LABELS.get(claim.kind, claim.kind))}</span> '
            # value_text is escaped; the include of claims/value.html added its file's last newline
            f'<a href="{escape(claim_url(claim.pk))}">{value_text(claim)}\n</a> '
            f'<span class="status s-{status}">{escape(STATUS_LABELS.get(claim.review_status, claim.review_status))}</span></li>\n  '
        )
    return mark_safe("".join(parts))


def claim_options_html(claims: list[Claim]) -> SafeString:
    """The annotation form's "About claim" options after "none": each claim's id and quote's start."""
    return mark_safe(
        "".join(
            f'<option value="{claim.pk}">{claim.pk}: {escape(truncated(claim.quote, 50))}</option>'
            for claim in claims
        )
    )


def notes_html(notes: list[ArticleNote], *, can_edit: bool) -> SafeString:
    """The items of the annotation list: quote, note, tags, the claim it is about, author and date,
    and an edit link for editors; or the line saying there are none."""
    if not notes:
        return mark_safe('<li class="muted">No annotations yet.</li>\n  ')
    claim_url = page_url_maker("claims:claim-detail")
    edit_url = page_url_maker("claims:annotation-edit")
    parts = []
    for note in notes:
        orphaned = note.orphaned
        marked = ' class="orphaned"' if orphaned else ""
        tags = "".join(f' <span class="tag">{escape(name)}</span>' for name in note.tags)
        about = (
            f' · <a href="{escape(claim_url(note.claim_id))}">claim {note.claim_id}</a>'
            if note.claim_id is not None
            else ""
        )
        when = escape(date_filter(template_localtime(note.created_at), "j M Y H:i"))
        edit = f' · <a href="{escape(edit_url(note.pk))}">edit</a>' if can_edit else ""
        parts.append(
            f'\n    <li id="n{note.pk}"{marked}>'
            f"<q>{escape(truncated(note.quote, 80))}</q> {escape(note.note)}{tags}{about}"
            f'<div class="muted small">{escape(note.created_by)}, {when}'
            f"{' · orphaned' if orphaned else ''}{edit}</div></li>\n  "
        )
    return mark_safe("".join(parts))
