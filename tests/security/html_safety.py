"""Parse a page as a browser would and list what stored text could have injected: script, handlers, URLs.

The scan uses the standard library's HTML tokenizer (script and style bodies are raw text, as in a
browser). A page is clean when every <script> is either our own static file or a JSON data block that
parses as JSON, no element carries an on* event-handler attribute, no URL attribute holds a script
scheme, and no script, image, frame or object element comes from another site.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcdoc",
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
EMBEDDING_TAGS = {"img", "iframe", "frame", "object", "embed", "base", "applet", "video", "audio"}
JSON_TYPES = {"application/json", "application/ld+json"}
# Browsers drop ASCII whitespace and control characters inside a URL scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20]+")


def local(url: str) -> bool:
    """True for a path on this site ("/static/...", "/admin/jsi18n/"), not "//host" nor "https://..."."""
    return url.startswith("/") and not url.startswith(("//", "/\\"))


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.json_blocks: list[dict | list] = []
        self.text: list[str] = []
        self._script: dict[str, str] | None = None
        self._script_body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in values.items())}>"
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name!r} in {where}")
            if name in URL_ATTRIBUTES and _URL_NOISE.sub("", value).lower().startswith(SCRIPT_SCHEMES):
                self.problems.append(f"script URL in {name!r} of {where}")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append(f"meta refresh {where}")
        if tag in EMBEDDING_TAGS and not local(values.get("src", "/static/")):
            self.problems.append(f"embedded element {where}")
        if tag == "script":
            src = values.get("src")
            if src is not None and not local(src):
                self.problems.append(f"script from elsewhere {where}")
            if src is None and values.get("type", "").lower() not in JSON_TYPES:
                self.problems.append(f"inline script {where}")
            self._script, self._script_body = values, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            body = "".join(self._script_body)
            if self._script.get("src") is None and self._script.get("type", "").lower() in JSON_TYPES:
                try:
                    self.json_blocks.append(json.loads(body))
                except ValueError:
                    self.problems.append(
                        f"a JSON script block that is not JSON (broken out of?): {body[:200]!r}"
                    )
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_body.append(data)
        else:
            self.text.append(data)

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"processing instruction {data!r}")


def scan(html: str) -> _Scanner:
    """The page tokenized: `.problems` (injections found), `.json_blocks`, `.text` (visible text pieces)."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner


def assert_clean(html: str, *, shows: list[str] = (), where: str = "") -> _Scanner:
    """Fail when the page has injected markup; also fail unless every string in `shows` is visible text.

    `shows` proves the stored payload was rendered at all (escaped, as text), so a clean scan is not
    just a page that left the data out.
    """
    scanner = scan(html)
    assert not scanner.problems, f"{where}: injected markup:\n" + "\n".join(scanner.problems)
    for raw in ("<script>alert", "<img src=x", "<svg onload", '<a href="javascript:'):
        assert raw not in html, f"{where}: raw payload {raw!r} in the page"
    text = "".join(scanner.text)
    for expected in shows:
        assert expected in text, f"{where}: {expected!r} is not shown as text"
    return scanner
