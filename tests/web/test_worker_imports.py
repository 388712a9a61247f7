"""A web worker loads neither the extractor's spaCy nor the linker's scikit-learn, scipy or lightgbm:
no page but the admin's extraction preview and the claim check's stance model uses them, and they
cost each worker ~130 MB and seconds of CPU at start. A Celery worker still loads them before its
first task."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
HEAVY = ("spacy", "thinc", "sklearn", "scipy", "lightgbm")
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "tracker.settings",
    "DEBUG": "0",
    "SECRET_KEY": "x" * 60 + "-not-a-real-secret-but-long-and-random-enough-1234567890",
    "ALLOWED_HOSTS": "tracker.example",
    "DATABASE_URL": "postgres://tracker:pw@db.example:5433/tracker",  # never connected to
}


def run_python(code: str, **env: str) -> dict:
    """`code`'s last printed line, read as JSON, run in a fresh interpreter with production settings."""
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=REPO,
        env={**base, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


SERVE = (
    f"HEAVY = {HEAVY!r}"
    + """
import json, sys
import tracker.wsgi
from django.urls import get_resolver

def views(resolver):
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from views(pattern)
        else:
            yield pattern.callback  # imports the view's module

loaded = len(list(views(get_resolver())))
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
import claims.extraction, claims.linking.stance
lazy = [claims.extraction.extract.__module__, claims.linking.stance.StanceModel.__module__]
print(json.dumps({"views": loaded, "heavy": heavy, "lazy": lazy}))
"""
)


def test_the_web_application_with_every_view_loads_no_nlp_or_model_library():
    """The WSGI application and every view of the URL conf load none of them; the extractor and the
    stance model are still there for the code that asks (imported on first use)."""
    found = run_python(SERVE)
    assert found["views"] > 40
    assert found["heavy"] == []
    assert found["lazy"] == ["claims.extraction.pipeline", "claims.linking.stance.model"]


WORKER = """
import json, sys
from tracker.celery import app
before = "claims.services.linking" in sys.modules
app.WorkController(pool_cls="solo", concurrency=1, hostname="probe@test")
print(json.dumps({"before": before, "after": sorted(
    m for m in ("claims.services.import_followup", "claims.services.linking", "spacy")
    if m in sys.modules
)}))
"""


def test_a_celery_worker_loads_the_services_before_its_first_task():
    """A worker (its pool not started here) has the follow-up and linking services loaded once it is
    set up, so its first task times the work, not the imports."""
    found = run_python(WORKER, CELERY_BROKER_URL="memory://", DEBUG="1")
    assert found == {
        "before": False,
        "after": ["claims.services.import_followup", "claims.services.linking", "spacy"],
    }
