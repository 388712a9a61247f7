"""The arrows between the packages point one way (README, "Architecture"): read from every import
statement in the source, at module level or inside a function, so a late import cannot hide one."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PURE = ("newstext", "claims.extraction", "claims.linking", "claims.evaluation")


def imports_of(path: Path, package: str | None = None) -> set[str]:
    """Every module name `path` imports (relative imports resolved against its package)."""
    if package is None:
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if path.name != "__init__.py":
            package = package.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def is_within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def modules(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))]


def offending(paths: list[Path], refused) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        bad = sorted(name for name in imports_of(path) if refused(name))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


def test_sources_is_a_leaf_it_never_imports_claims():
    """sources imports nothing of claims: the pure text rules it shares with the extraction (cleaning,
    dates, outlets) live in the top-level package newstext; what claims adds after an import it learns
    of by signals and the named task "imports.extract"."""
    paths = modules("sources")
    assert len(paths) > 20
    found = offending(paths, lambda name: is_within(name, "claims"))
    assert found == {}


def test_the_pure_packages_never_import_django_or_the_apps():
    """Text, extraction, linking and evaluation take plain data and return plain data: no Django, no
    models, no app module (only each other)."""
    paths = modules(*(p.replace(".", "/") for p in PURE))
    assert len(paths) > 30

    def refused(name: str) -> bool:
        if is_within(name, "claims"):
            return not any(is_within(name, pure) for pure in PURE)
        return any(
            is_within(name, top) for top in ("django", "rest_framework", "sources", "tracker", "celery")
        )

    assert offending(paths, refused) == {}


def test_the_shared_text_package_imports_no_app_not_even_the_pure_claims_packages():
    """newstext is below both apps: sources and claims import it, it imports neither (nor tracker)."""
    paths = modules("newstext")
    assert len(paths) > 10
    found = offending(
        paths, lambda name: any(is_within(name, top) for top in ("claims", "sources", "tracker", "django"))
    )
    assert found == {}


def test_the_project_package_uses_neither_app_but_to_mount_their_urls():
    """tracker (settings, tasks, access, paging, celery) is below both apps; only its urls module,
    the composition root, names them."""
    paths = [p for p in modules("tracker") if p.name != "urls.py"]
    found = offending(paths, lambda name: is_within(name, "claims") or is_within(name, "sources"))
    assert found == {}


def test_a_late_or_relative_import_is_read_too(tmp_path):
    """The scan reads imports inside functions (how the old cycles hid) and resolves relative ones."""
    module = tmp_path / "probe.py"
    module.write_text("def f():\n    from claims.models import Claim\n    from ..tasks import run\n")
    assert {"claims.models", "claims.models.Claim", "sources.tasks.run"} <= imports_of(
        module, package="sources.importing"
    )
