"""Migration 0010 recomputes version-1 signatures: after `migrate`, articles stored before signature
version 2 are compared with new imports again."""

import importlib

import numpy as np
import pytest
from django.apps import apps

from newstext.nearduplicates import SIGNATURE_VERSION, band_keys, signature, signature_from_bytes
from sources.models import Article, ArticleBand, ArticleFingerprint, Outlet

recompute = importlib.import_module("sources.migrations.0010_recompute_signatures").recompute

BODY = (
    "The harbour board met on Tuesday evening and voted to close the northern quay for repairs after "
    "divers found cracks in three of its oldest pillars, the chair said, adding that the ferry would "
    "move to the southern quay until the work is done in the spring."
)


@pytest.mark.django_db
def test_version_one_signatures_are_recomputed_with_their_band_keys():
    outlet = Outlet.objects.create(name="Harbour Gazette", domain="harbour.example")
    article = Article.objects.create(
        outlet=outlet, title="Quay closed", body=BODY, url="https://harbour.example/q"
    )
    ArticleBand.objects.filter(article=article).delete()
    ArticleFingerprint.objects.filter(article=article).delete()
    ArticleFingerprint.objects.create(article=article, signature=b"\0" * 512, version=1)

    recompute(apps, None)

    stored = ArticleFingerprint.objects.get(article=article)
    assert stored.version == SIGNATURE_VERSION
    assert np.array_equal(signature_from_bytes(bytes(stored.signature)), signature(BODY))
    keys = set(ArticleBand.objects.filter(article=article).values_list("key", flat=True))
    assert keys == set(band_keys(signature(BODY)))
