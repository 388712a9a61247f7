"""What a load-test user reads from the tracker's HTML: links to follow, forms to submit, words to search.

Standard library only (no locust, no Django), so the tests can run these helpers on pages rendered by
the test client and the locustfile can run them on pages served by gunicorn.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

# The objects a reader can open, by the path of their page (see sources/urls.py and claims/urls.py).
OBJECT_PATHS: dict[str, re.Pattern[str]] = {
    "article": re.compile(r"^/articles/(\d+)/$"),
    "outlet": re.compile(r"^/outlets/(\d+)/$"),
    "claim": re.compile(r"^/claims/(\d+)/$"),
    "event": re.compile(r"^/claims/events/(\d+)/$"),
    "actor": re.compile(r"^/claims/actors/(\d+)/$"),
}
CLAIM_REVIEW_ACTION = re.compile(r"^/claims/(\d+)/review/$")
LINK_REVIEW_ACTION = re.compile(r"^/claims/links/(\d+)/review/$")
WORD = re.compile(r"[A-Za-z][a-z]{4,}")


@dataclass
class Form:
    """One <form>: where it goes, how, and the values a browser would send without the user typing."""

    action: str
    method: str
    attrs: dict[str, str]
    fields: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)  # select name -> option values

    @property
    def csrf_token(self) -> str:
        return self.fields.get("csrfmiddlewaretoken", "")


@dataclass
class Page:
    links: list[tuple[str, str]] = field(default_factory=list)  # (path?query, link text)
    forms: list[Form] = field(default_factory=list)

    def ids(self, kind: str) -> list[int]:
        """The ids of the `kind` objects ("article", "claim", ...) this page links to, in page order, once each."""
        pattern = OBJECT_PATHS[kind]
        seen: dict[int, None] = {}
        for href, _ in self.links:
            match = pattern.match(urlsplit(href).path)
            if match:
                seen.setdefault(int(match.group(1)), None)
        return list(seen)

    def link_texts(self, kind: str) -> list[str]:
        """The texts of the links to `kind` objects (claim quotes, article titles)."""
        pattern = OBJECT_PATHS[kind]
        return [text for href, text in self.links if pattern.match(urlsplit(href).path) and text]

    def has_next_page(self) -> bool:
        return any("page=" in href and text.startswith("Next") for href, text in self.links)

    def forms_to(self, pattern: re.Pattern[str]) -> list[tuple[int, Form]]:
        """(object id, form) for the POST forms whose action matches `pattern` (e.g. CLAIM_REVIEW_ACTION)."""
        found = []
        for form in self.forms:
            match = pattern.match(urlsplit(form.action).path)
            if match and form.method == "post":
                found.append((int(match.group(1)), form))
        return found

    def login_form(self) -> Form | None:
        """The sign-in form: the POST form with a password field."""
        return next((f for f in self.forms if f.method == "post" and "password" in f.fields), None)

    def select_options(self, name: str) -> list[str]:
        """The non-empty option values of the <select name=...> fields called `name` on the page."""
        values: list[str] = []
        for form in self.forms:
            values.extend(v for v in form.options.get(name, []) if v)
        return values


TAG = re.compile(r"<(a|form|/form|input|select|/select|option|textarea)\b([^>]*)>", re.I)
ATTR = re.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
LINK_END = re.compile(r"</a\s*>", re.I)
MARKUP = re.compile(r"<[^>]*>")


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): _unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in ATTR.finditer(text)
    }


def _label(inner: str) -> str:
    """The text of a link's inner HTML, whitespace collapsed."""
    if "<" in inner:
        inner = MARKUP.sub("", inner)
    return " ".join(_unescape(inner).split())


def _local(url: str) -> str:
    """The path and query of `url` (the load test only follows links within the site)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _resolve(base: str, href: str) -> str:
    """`_local(urljoin(base, href))`: the path and query `href` leads to from the page at `base`.

    Most links on our pages are root-relative paths ("/claims/12/"), which resolve to themselves less
    their fragment; urljoin took half of the client's time reading a page, so it is kept for the rest.
    """
    if href.startswith("/") and not href.startswith("//") and "/." not in href and "\\" not in href:
        local = href.partition("#")[0]
        return local[:-1] if local.endswith("?") else local
    return _local(urljoin(base, href))


def parse(text: str, url: str = "/") -> Page:
    """The links and forms of the HTML `text`, served at `url` (relative links are resolved against it).

    A scan of the tags with regular expressions rather than a full HTML parser: the load client reads
    every page it gets, on the same cores as the server, so reading must cost far less than serving.
    """
    page = Page()
    form: Form | None = None
    select: str | None = None
    for match in TAG.finditer(text):
        tag, a = match.group(1).lower(), _attrs(match.group(2))
        if tag == "a" and a.get("href"):
            end = LINK_END.search(text, match.end())
            inner = text[match.end() : end.start()] if end else ""
            page.links.append((_resolve(url, a["href"]), _label(inner)))
        elif tag == "form":
            action = urljoin(url, a.get("action") or url)
            form = Form(action=_local(action), method=(a.get("method") or "get").lower(), attrs=a)
            page.forms.append(form)
        elif tag == "/form":
            form = select = None
        elif form is None:
            continue
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in {"checkbox", "radio"} and "checked" not in a:
                continue
            if kind not in {"submit", "button", "file", "image", "reset"}:
                form.fields[a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            select = a["name"]
            form.fields.setdefault(select, "")
            form.options.setdefault(select, [])
        elif tag == "/select":
            select = None
        elif tag == "option" and select:
            form.options[select].append(a.get("value", ""))
            if "selected" in a:
                form.fields[select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            form.fields[a["name"]] = ""
    return page


def search_words(texts: list[str]) -> list[str]:
    """Lower-case words of five letters or more from link texts (claim quotes): things people search for."""
    return sorted({w.lower() for text in texts for w in WORD.findall(text)})


def is_login_page(page: Page) -> bool:
    """True when `page` asks the visitor to sign in (what a page answers after a lost session)."""
    return page.login_form() is not None and not any(
        urlsplit(f.action).path.endswith("/logout/") for f in page.forms
    )


SERVER_TIMING_METRIC = re.compile(r"\s*([\w-]+)\s*(.*)")
SERVER_TIMING_PARAM = re.compile(r';\s*(dur|desc)\s*=\s*(?:"([^"]*)"|([^;,\s]*))')


def server_timing(header: str) -> dict[str, float]:
    """Milliseconds by metric name from a `Server-Timing` header (`app;dur=12.3, db;dur=2;desc="4"`); a
    metric whose `desc` is a number also gives it as "queries" (what tracker's RequestTimingMiddleware
    sends for "db"). Metrics without a readable duration are left out; an empty header gives {}."""
    found: dict[str, float] = {}
    for part in header.split(","):
        match = SERVER_TIMING_METRIC.match(part)
        if not match or not match.group(1):
            continue
        params = {
            m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in SERVER_TIMING_PARAM.finditer(match.group(2))
        }
        try:
            found[match.group(1)] = float(params["dur"])
        except (KeyError, ValueError):
            continue
        if params.get("desc", "").isdigit():
            found["queries"] = float(params["desc"])
    return found
