"""Secrets come only from the environment: a production start without SECRET_KEY fails clearly,
and the settings module holds no key, password or credential literal."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETTINGS = REPO / "tracker" / "settings.py"
SECRET_NAME = re.compile(r"SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL", re.IGNORECASE)
CREDENTIAL_URL = re.compile(r"://[^/\s:@]+:[^/\s@]+@")


def run_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    code = (
        # what gunicorn and runserver do first: load the WSGI application
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'; import tracker.wsgi;"
        "from django.conf import settings; print(len(settings.SECRET_KEY))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_secret_key_stops_with_a_clear_error():
    for env in ({"DEBUG": "0"}, {"DEBUG": "0", "SECRET_KEY": ""}, {"DEBUG": "false", "SECRET_KEY": ""}):
        out = run_settings({**env, "ALLOWED_HOSTS": "tracker.example"})
        assert out.returncode != 0, env
        assert (
            "ImproperlyConfigured" in out.stderr and "SECRET_KEY must be set in the environment" in out.stderr
        )


def test_production_uses_the_key_from_the_environment():
    out = run_settings({"DEBUG": "0", "SECRET_KEY": "k" * 64, "ALLOWED_HOSTS": "tracker.example"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "64"


def literal_strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_settings_hold_no_secret_literals():
    tree = ast.parse(SETTINGS.read_text())
    problems = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            targets = [node.target.id]
        for name in targets:
            # a secret setting may read the environment (os.environ.get("SECRET_KEY", "")) but holds no literal
            if SECRET_NAME.search(name) and isinstance(node.value, ast.Constant) and node.value.value:
                problems.append(f"line {node.lineno}: {name} = {node.value.value!r}")
        if isinstance(node, ast.Dict):  # {"PASSWORD": "..."} in DATABASES, CACHES and the like
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and isinstance(key.value, str)
                    and SECRET_NAME.search(key.value)
                    and isinstance(value, ast.Constant)
                    and value.value
                ):
                    problems.append(f"line {node.lineno}: {key.value!r}: {value.value!r}")
    problems += [f"credentials in a URL: {s!r}" for s in literal_strings(tree) if CREDENTIAL_URL.search(s)]
    assert not problems, problems


def test_the_secret_check_finds_a_planted_literal():
    """The scan above is not blind: the same rules flag a key, a password and a URL with credentials."""
    planted = (
        'SECRET_KEY = "abc"\nDATABASES = {"default": {"PASSWORD": "hunter2"}}\nURL = "postgres://u:pw@db/x"\n'
    )
    tree = ast.parse(planted)
    assigned = [
        n for n in ast.walk(tree) if isinstance(n, ast.Assign) and SECRET_NAME.search(n.targets[0].id)
    ]
    assert assigned and isinstance(assigned[0].value, ast.Constant)
    keys = [
        k.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Dict)
        for k in n.keys
        if isinstance(k, ast.Constant)
    ]
    assert "PASSWORD" in keys
    assert any(CREDENTIAL_URL.search(s) for s in literal_strings(tree))
