"""Accessibility checks for the browser tests: axe-core (the npm package in package.json, installed by
`make install` with `npm ci`) run inside the page. Any browser test can call
`assert_no_serious_axe_violations(page)` after a page has loaded.

The script is read from node_modules and evaluated through Playwright, never fetched from a CDN; the
page's Content-Security-Policy does not apply to code the test driver evaluates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared import in_ci

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def axe_violations(page, impacts: tuple[str, ...] = BLOCKING) -> list[dict]:
    """The axe-core violations on the page at the given impacts (rule id, help, impact, nodes)."""
    if not AXE.exists():
        message = f"axe-core not installed at {AXE} (run `make install`, which runs `npm ci`)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async () => await window.axe.run(document, {resultTypes: ['violations'],"
        " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [v for v in result["violations"] if v.get("impact") in impacts]


def assert_no_serious_axe_violations(page) -> None:
    """Fail with each serious or critical axe-core violation on the page and the elements it names."""
    violations = axe_violations(page)
    lines = [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + "; ".join(
            " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in v["nodes"][:5]
        )
        for v in violations
    ]
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(lines)
