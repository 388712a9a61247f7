"""The review queues' items (claims, suggested links), written in Python: one string per item instead of 25 items of
template nodes (two forms, four links, a dozen escaped lookups and filters each), which cost more CPU
than the rest of the queue page. The markup is the one the template loop had;
tests/web/test_review_queue_markup.py keeps that loop and compares.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from claims.models import Claim, ClaimLink
from claims.selectors import Context
from claims.templatetags.dates import precise_date_text
from claims.templatetags.page_urls import page_url_maker
from claims.views.claim_rows import escape

KIND_LABELS = dict(Claim.Kind.choices)
EMPTY = '\n  <li class="empty">Nothing left to review here.</li>\n'


def cut(text: str, length: int) -> str:
    """`text` cut as the `truncatechars` filter cuts it."""
    return Truncator(text).chars(length)


def claim_items_html(
    claims: Iterable[Claim], *, sentences: dict[int, Context], here: str, csrf_token: str
) -> SafeString:
    """The queue's <li> items for `claims`, each with its sentence from `sentences` (its quote when it
    has none), with forms posting back to `here` (the page's path and query) and carrying
    `csrf_token`; escaped throughout."""
    from claims.views.claims import value_text  # the claims views import this module's neighbours

    article_url, review_url, edit_url, claim_url = (
        page_url_maker(name)
        for name in (
            "sources:article-detail",
            "claims:claim-review",
            "claims:claim-edit",
            "claims:claim-detail",
        )
    )
    token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
    next_field = f'<input type="hidden" name="next" value="{escape(here)}">'
    next_query = escape(quote(here, safe="/"))
    items = []
    for claim in claims:
        pk, kind, article = claim.pk, claim.kind, claim.article
        outlet = (article.outlet.name if article.outlet is not None else "") or "unknown outlet"
        sentence = sentences.get(pk)
        if sentence:
            quoted = (
                f"{escape(sentence.before)}<mark>{escape(cut(sentence.span, 300))}</mark>"
                f"{escape(sentence.after)}"
            )
        else:
            quoted = f"\u201c{escape(cut(claim.said, 300))}\u201d"
        role = f", {escape(claim.speaker_role)}" if kind == "statement" and claim.speaker_role else ""
        version = f'<input type="hidden" name="version" value="{claim.version}">'
        items.append(
            f'\n  <li class="queue-item" tabindex="-1" data-id="{pk}" id="q{pk}">\n'
            f'    <div class="q-head"><span class="kind k-{escape(kind)}">'
            f"{escape(KIND_LABELS.get(kind, kind))}</span>\n"
            f'      <span class="muted small">confidence {floatformat(claim.confidence, 2) or "\u2014"}'
            f" \u00b7 {escape(outlet)} \u00b7 "
            f'<a href="{article_url(claim.article_id)}#c{pk}">{escape(cut(article.title or "(untitled)", 60))}'
            "</a></span></div>\n"
            f'    <p class="q-quote">{quoted}</p>\n'
            f'    <p class="q-value">{value_text(claim)}\n{role}</p>\n'
            '    <div class="q-actions">\n'
            f'      <form method="post" action="{review_url(pk)}" class="inline" data-action="accept">'
            f'{token}{next_field}<input type="hidden" name="decision" value="accept">{version}'
            '<button type="submit">Accept <kbd>a</kbd></button></form>\n'
            f'      <a class="button" data-action="edit" href="{edit_url(pk)}?next={next_query}">'
            "Edit <kbd>e</kbd></a>\n"
            f'      <form method="post" action="{review_url(pk)}" class="inline" data-action="reject">'
            f'{token}{next_field}<input type="hidden" name="decision" value="reject">{version}'
            '<button type="submit" class="danger">Reject <kbd>r</kbd></button></form>\n'
            f'      <a class="small" href="{claim_url(pk)}">details</a>\n'
            '      <span class="q-done" aria-live="polite"></span>\n'
            "    </div>\n"
            "  </li>\n"
        )
    return mark_safe("".join(items) if items else EMPTY)  # every part escaped above


LINKS_EMPTY = '\n  <li class="empty">No suggested links waiting.</li>\n'
RELATION_HEADS = {"corroborates": "\u2713 Corroborates"}
RELATION_CHOICE = (
    '<label class="small">as <select name="relation" data-action="edit"><option value="">suggested</option>'
    '<option value="corroborates">corroborates</option><option value="contradicts">contradicts</option>'
    "</select></label>"
)


def link_items_html(links: Iterable[ClaimLink], *, here: str, csrf_token: str) -> SafeString:
    """The link queue's <li> items for `links` (both claims set, see selectors.with_link_sides), with
    forms posting back to `here` and carrying `csrf_token`; escaped throughout."""
    from claims.views.claims import value_text

    article_url, claim_url, review_url = (
        page_url_maker(name)
        for name in ("sources:article-detail", "claims:claim-detail", "claims:link-review")
    )
    token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
    next_field = f'<input type="hidden" name="next" value="{escape(here)}">'

    def side(claim: Claim) -> str:
        article = claim.article
        outlet = (article.outlet.name if article.outlet is not None else "") or "unknown outlet"
        published = (
            f" \u00b7 {escape(precise_date_text(article.published_on, article.published_precision))}"
            if article.published_on
            else ""
        )
        return (
            f'<div class="side"><span class="muted small">{escape(outlet)} \u00b7 '
            f'<a href="{article_url(claim.article_id)}#c{claim.pk}">{escape(cut(article.title or "(untitled)", 70))}'
            f"</a>{published}</span>"
            f'<p><a href="{claim_url(claim.pk)}">\u201c{escape(cut(claim.said, 220))}\u201d</a></p>'
            f'<p class="small">{value_text(claim)}\n</p></div>'
        )

    items = []
    for link in links:
        pk = link.pk
        head = RELATION_HEADS.get(link.relation, "\u2717 Contradicts")
        why = f'<p class="small">Why: {escape(link.rationale)}</p>' if link.rationale else ""
        version = f'<input type="hidden" name="version" value="{link.version}">'
        items.append(
            f'\n  <li class="queue-item" tabindex="-1" data-id="{pk}" id="l{pk}">\n'
            f'    <div class="q-head"><strong class="rel-{escape(link.relation)}">{head}</strong>\n'
            f'      <span class="muted small">confidence {floatformat(link.confidence, 2) or "\u2014"}'
            "</span></div>\n"
            f"    {why}\n"
            '    <div class="pair">\n'
            f"      {side(link.claim_a)}\n"
            f"      {side(link.claim_b)}\n"
            "    </div>\n"
            '    <div class="q-actions">\n'
            f'      <form method="post" action="{review_url(pk)}" class="inline" data-action="accept">'
            f'{token}{next_field}<input type="hidden" name="decision" value="confirm">{version}\n'
            f"        {RELATION_CHOICE}\n"
            '        <button type="submit">Confirm <kbd>a</kbd></button></form>\n'
            f'      <form method="post" action="{review_url(pk)}" class="inline" data-action="reject">'
            f'{token}{next_field}<input type="hidden" name="decision" value="reject">{version}'
            '<button type="submit" class="danger">Reject <kbd>r</kbd></button></form>\n'
            '      <span class="q-done" aria-live="polite"></span>\n'
            "    </div>\n"
            "  </li>\n"
        )
    return mark_safe("".join(items) if items else LINKS_EMPTY)  # every part escaped above
