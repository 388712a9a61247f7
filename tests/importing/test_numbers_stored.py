"""Numbers through the import: every claim the extractor finds in an imported file is stored, also where
two quantities (or two dates) sit in one sentence."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from claims.extraction import extract
from claims.models import Claim
from claims.services.extraction import _extraction_input
from sources.models import Article
from tests.shared import missing_shared, shared_dir

pytestmark = pytest.mark.django_db

# Our own story: two counts in one clause, a range of two dates, two counts inside a quote.
STORY = (
    "Freighters bring aid to Portville after the storm\n\n"
    "Two cargo ships docked in Portville on Saturday, the harbour authority said. The ships carried "
    "120 volunteers, the deputy mayor and 35 tonnes of flour, officials said.\n\n"
    "Relief flights ran from 2 March to 9 March 2025, and a third ship is due on 20 March.\n\n"
    '"We have 40 tents and 600 blankets," said Mara Ellison, who leads the relief committee.\n'
)


def stored(article: Article) -> list[tuple]:
    rows = Claim.objects.filter(article=article).order_by("start", "end", "kind", "id")
    out = []
    for c in rows:
        value = (c.quantity_low, c.quantity_high, c.unit_class) if c.kind == "quantity" else ()
        if c.kind == "date" and c.date_value is None:  # year not known: as the extractor writes it
            month = f"{c.date_month:02d}" if c.date_month else "XX"
            day = f"{c.date_day:02d}" if c.date_day else "XX"
            value = (f"XXXX-{month}" if c.date_precision == "month-no-year" else f"XXXX-{month}-{day}",)
        elif c.kind == "date":
            value = (c.date_value.isoformat()[: {"day": 10, "month": 7, "year": 4}[c.date_precision]],)
        out.append((c.kind, c.start, c.end, c.quote, *value))
    return sorted(out)


def extracted(article: Article) -> list[tuple]:
    out = []
    for c in extract(**_extraction_input(article)).claims:
        value = (c.low, c.high, c.unit_class or "") if c.kind == "quantity" else ()
        if c.kind == "date":
            value = (c.value,)
        out.append((c.kind, c.start, c.end, c.text, *value))
    return sorted(set(out))


def import_file(tmp_path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), "--outlet", "Harbour Times")
    return Article.objects.get(is_current=True)


def test_an_imported_file_stores_every_claim_the_extractor_finds(tmp_path):
    article = import_file(tmp_path, "portville.txt", STORY)
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert stored(article) == extracted(article)
    quantities = {q[3]: q[4] for q in stored(article) if q[0] == "quantity"}
    assert quantities == {
        "Two cargo ships": 2,
        "120 volunteers": 120,
        "35 tonnes of flour": 35,
        "40 tents": 40,
        "600 blankets": 600,
    }
    dates = [d for d in stored(article) if d[0] == "date" and "Relief flights" in d[3]]
    assert len(dates) == 2  # "from 2 March to 9 March 2025": one span, two dates, both stored


def test_the_dw_seed_keeps_its_35_tonnes(tmp_path):
    """The seed article with "100 soldiers, ... and 35 tonnes of material": both are stored."""
    path = shared_dir() / "corpus" / "seeds" / "004_69f066cf3edea8e3.txt"
    if not path.exists():
        missing_shared(f"seed corpus not found under {path.parent} (set SHARED_DIR)")
    article = import_file(tmp_path, path.name, path.read_text(encoding="utf-8"))
    assert stored(article) == extracted(article)
    units = {(q[4], q[6]) for q in stored(article) if q[0] == "quantity"}
    assert {(100, "soldier"), (35, "tonne")} <= units
