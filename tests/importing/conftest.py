"""Fixtures for the import tests: a private media folder, and helpers that write small files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def media(tmp_path, settings) -> Path:
    """Job files go to a folder of the test's own; tasks run in-process."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    return settings.MEDIA_ROOT


def body(n: int, workers: int = 120) -> str:
    """A short article text of my own, different for each n."""
    return (
        f"PORTVILLE - Ship number {n} docked on Saturday, the harbour authority said.\n\n"
        f"About {workers} workers unloaded it, officials said."
    )


def csv_bytes(rows: list[dict[str, object]], *, encoding: str = "utf-8") -> bytes:
    """CSV text for the rows (header from the first row's keys) encoded as asked."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def article_rows(n: int, *, start: int = 0, outlet: str = "Harbour Times") -> list[dict[str, object]]:
    """n valid CSV rows with distinct URLs."""
    return [
        {
            "url": f"https://harbour-times.example/{i}",
            "title": f"Ship {i} docks",
            "outlet": outlet,
            "published": "2025-03-17",
            "body": body(i),
        }
        for i in range(start, start + n)
    ]
