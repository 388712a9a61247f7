"""What the evaluation hands to the app's import: the files a user would drop in, and one CSV.

Articles without inline text (the seeds) are imported as the files beside gold.json, with no metadata
at all. Articles with inline text become rows of one CSV with the columns a user would have: url,
title, outlet, published (each only where gold gives it, else empty) and body. Nothing else of the
gold reaches the import.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .gold import Corpus, GoldArticle

CSV_COLUMNS = ("url", "title", "outlet", "published", "body")


def csv_row(article: GoldArticle) -> dict[str, str]:
    """The CSV row for one gold article with inline text."""
    return {
        "url": article.url or "",
        "title": article.title or "",
        "outlet": article.outlet or "",
        "published": article.published or "",
        "body": article.text,
    }


# what a user drops in as one page; any other name is copied as "<name>.txt" (a scraped text page)
PAGE_SUFFIXES = (".txt", ".html", ".htm")


def write_import_inputs(corpus: Corpus, folder: Path) -> list[Path]:
    """The paths to import for `corpus`: its article files, then a CSV written in `folder` (if any rows).

    A file whose name the import would not read as one page (no suffix, or ".json") is copied into
    `folder` as "<name>.txt", its bytes unchanged.
    """
    paths = []
    for article in corpus.articles.values():
        if article.inline or article.file is None:
            continue
        if article.file.suffix.lower() in PAGE_SUFFIXES:
            paths.append(article.file)
        else:
            (folder / "pages").mkdir(exist_ok=True)
            copy = folder / "pages" / f"{article.file.name}.txt"
            copy.write_bytes(article.file.read_bytes())
            paths.append(copy)
    rows = [csv_row(article) for article in corpus.articles.values() if article.inline]
    if rows:
        target = Path(folder) / "articles.csv"
        with open(target, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        paths.append(target)
    return paths
