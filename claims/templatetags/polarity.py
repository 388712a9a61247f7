"""What a statement's speaker did with the words, in the same words on every page.

A statement is asserted, denied, refused (declined, or has not said), asked or a stance (a belief, wish or
reaction the source holds: "believes that", "wants", "condemned the quotas"); see claims.models.Claim.Polarity. Lists write a mark after the speaker or the
quote (`polarity_mark`: " (denies)"); pages that list statements write a badge after the quote
(`polarity_badge`: ``<span class="badge">denies</span>``); an asserted statement has neither. Markup
written in Python (claims/views/claim_rows.py, *_sections.py, queue_items.py) calls the functions,
templates the filters: ``{% load polarity %}{{ claim.polarity|polarity_badge }}``. The claim page names
the polarity in full, by the model's label ("a stance (a belief, wish or reaction)").
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The short words for each polarity but "asserted" (the stored values of claims.models.Claim.Polarity;
# this module imports no model, so the pages that write markup in Python load nothing more for it).
POLARITY_WORDS: dict[str, str] = {
    "denied": "denies",
    "refused": "does not say",
    "question": "asks",
    "position": "stance",
}
MARKS: dict[str, str] = {polarity: f" ({word})" for polarity, word in POLARITY_WORDS.items()}
BADGES: dict[str, str] = {
    polarity: f' <span class="badge polarity">{word}</span>' for polarity, word in POLARITY_WORDS.items()
}


def polarity_word(polarity: str) -> str:
    """The short word for what the speaker did ("denies", "does not say", "asks", "stance");
    "" for an asserted statement (or any value that is no polarity)."""
    return POLARITY_WORDS.get(polarity, "")


def polarity_mark_text(polarity: str) -> str:
    """The mark lists write after a statement's speaker or quote: " (denies)", " (asks)", ...; else ""."""
    return MARKS.get(polarity, "")


def polarity_badge_html(polarity: str) -> str:
    """The badge pages write after a statement's quote, with its leading space: ' <span class="badge
    polarity">denies</span>'; "" for an asserted statement. Markup of fixed words only (safe)."""
    return BADGES.get(polarity, "")


@register.filter
def polarity_mark(polarity: str) -> str:
    """Template filter over polarity_mark_text (text: the template escapes it, and it needs none)."""
    return polarity_mark_text(polarity)


@register.filter
def polarity_badge(polarity: str) -> SafeString:
    """Template filter over polarity_badge_html."""
    return mark_safe(polarity_badge_html(polarity))  # fixed markup, no stored text in it
