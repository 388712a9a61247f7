"""What the browser tests look at on any page: screenshots (saved to test-artifacts/screenshots/, to be
looked at) and whatever is wider than the screen or than its own box."""

from __future__ import annotations

from pathlib import Path

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Elements wider than the viewport, and tables wider than their scroll box, as "tag.class: right > limit".
# Cells that clip their own text (overflow hidden, as the claims list's one-line rows do) show nothing past
# their box, so what is inside them does not count.
OVERFLOW = """() => {
    const out = [], limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > window.innerWidth)
        out.push(`page: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    const clipped = (el) => { for (let p = el.parentElement; p; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
    for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width && box.right > limit + 1 && !clipped(el))
            out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(box.right)} > ${limit}`);
    }
    for (const box of document.querySelectorAll('.table-scroll')) {
        if (box.scrollWidth > box.clientWidth + 1) out.push(`table wider than its box: ${box.scrollWidth} > ${box.clientWidth}`);
    }
    return out.slice(0, 10);
}"""


def shot(page, name: str, *, selector: str | None = None) -> Path:
    """Save a full-page screenshot (or of the first element matching `selector`) as `name`.png; its path."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if selector:
        page.locator(selector).first.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
    return path


def overflow(page) -> list[str]:
    """What sticks out past the right edge of the screen on the page as it is now (empty when nothing)."""
    return page.evaluate(OVERFLOW)
