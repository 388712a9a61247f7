"""`make demo`'s loader end to end: sample articles, claims, events, links and accounts, and a rerun adds nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from claims.models import Claim, ClaimLink, Event
from sources.models import Article

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Article.objects.count(),
        Claim.objects.count(),
        Event.objects.count(),
        ClaimLink.objects.count(),
        get_user_model().objects.count(),
    )


def test_setup_demo_fills_every_feature_and_is_idempotent(settings):
    settings.DEBUG = True  # as `make demo` runs it
    call_command("setup_demo")
    articles, claims, events, links, users = snapshot()
    assert articles >= 12 and users == 3
    assert not Article.objects.exclude(extraction_status="done").exists(), Article.objects.values_list(
        "extraction_error", flat=True
    ).first()
    kinds = set(Claim.objects.values_list("kind", flat=True))
    assert kinds == {"quantity", "date", "statement"}
    assert 3 <= events < articles, "several outlets report the same stories"
    assert ClaimLink.objects.filter(relation="corroborates").exists()
    assert ClaimLink.objects.filter(relation="contradicts").exists()
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password("tracker-editor") and editor.has_perm("claims.change_claim")
    assert not get_user_model().objects.get(username="reader").has_perm("claims.change_claim")

    call_command("setup_demo")
    assert snapshot() == (articles, claims, events, links, users)


def test_setup_demo_refuses_the_demo_accounts_without_debug(settings):
    """DEBUG off (production): no published-password superuser, nothing loaded, and a message saying why
    and how to ask for them anyway; --allow-demo-accounts does ask."""
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match=r"admin / tracker-admin.*DEBUG=1.*--allow-demo-accounts"):
        call_command("setup_demo")
    assert snapshot() == (0, 0, 0, 0, 0)

    call_command("setup_demo", "--allow-demo-accounts")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("tracker-admin")


def _said(link: ClaimLink) -> tuple[str, str]:
    return link.claim_a.quote, link.claim_b.quote


def test_the_demos_main_conflict_is_suggested_and_its_conflicts_are_real(settings):
    """The ships story's real conflict, the Ministry of Defence denying that any troops were on board
    against about 100 soldiers aboard, is a suggested 'contradicts' link once `make demo` has loaded the
    sample corpus; and no conflict is suggested between the budget's percentages of different things
    (4.5% more spending, 3.2% more property tax, about 3 per cent more property tax)."""
    settings.DEBUG = True
    call_command("setup_demo")
    conflicts = ClaimLink.objects.filter(relation="contradicts").select_related("claim_a", "claim_b")
    troops = [
        link
        for link in conflicts
        if any("troops were on board" in q for q in _said(link))
        and any("100 soldiers" in q for q in _said(link))
    ]
    assert troops, [_said(link) for link in conflicts]
    assert all("Ministry of Defence" in link.rationale and "denies" in link.rationale for link in troops)
    percentages = conflicts.filter(claim_a__kind="quantity", claim_a__unit_class="percentage")
    assert not percentages.exists(), [_said(link) for link in percentages]
    # the stance model cannot see a denial told outside the claim's words: it does not make it unsure
    assert max(link.confidence or 0 for link in troops) > 0.6, [link.confidence for link in troops]


def test_the_demos_related_headlines_give_no_claims(settings):
    """The sample pages' "Related:" lists of sentence-case headlines are furniture: none of their dated
    headlines ("... changes from April", "... until 2026, says ...") is stored as a claim."""
    settings.DEBUG = True
    call_command("setup_demo")
    listed = 0
    for article in Article.objects.filter(body__contains="Related:"):
        at = article.body.index("Related:")
        listed += 1
        stored = Claim.objects.filter(article=article, start__gte=at)
        assert not stored.exists(), list(stored.values_list("kind", "quote"))
    assert listed >= 2
