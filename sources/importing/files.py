"""From paths (files, folders, zip archives) to article rows, with the size and archive limits enforced.

`iter_rows(paths)` yields `(file, row, values)` for every article found, or a RowError; a file or
archive that is refused as a whole raises ImportRefused before any of its rows is handed out, so a
traversal member or a zip bomb stops the import with nothing stored.
"""

from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.conf import settings

from newstext.outlets import KnownOutlet

from .decoding import decode_bytes
from .errors import ImportRefused, RowError
from .rawtext import parse_html, parse_text
from .tabular import iter_csv, iter_json, iter_xlsx

TABULAR = (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".xlsx")
RAW = (".txt", ".html", ".htm")
SUPPORTED = (*TABULAR, *RAW, ".zip")
Row = tuple[str, int, dict[str, object]] | RowError
# Archives (and members) smaller than this unpack to too little to matter: their ratio is not checked.
RATIO_FLOOR = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """One budget for every format (CSV, JSON, XLSX, pages, zips; job uploads, the command, the admin):

    - `max_bytes`: one file as uploaded (IMPORT_MAX_BYTES);
    - `max_document_bytes`: one article's text, and the page it came from (IMPORT_MAX_DOCUMENT_BYTES);
    - `zip_max_total`: what the whole import unpacks to, plain files, zip members and the parts of an
      XLSX workbook together (IMPORT_ZIP_MAX_TOTAL_BYTES);
    - `zip_max_ratio`: the compression ratio of an archive (zip or XLSX) as a whole and of each of its
      members over RATIO_FLOOR bytes (IMPORT_ZIP_MAX_RATIO);
    - `zip_max_members`: members of one archive, zip or XLSX (IMPORT_ZIP_MAX_MEMBERS).
    """

    max_bytes: int
    max_document_bytes: int
    zip_max_total: int
    zip_max_ratio: int
    zip_max_members: int

    @classmethod
    def from_settings(cls) -> Limits:
        """The limits configured in settings (IMPORT_MAX_BYTES and friends), with safe defaults."""
        return cls(
            max_bytes=getattr(settings, "IMPORT_MAX_BYTES", 2 * 1024**3),
            max_document_bytes=getattr(settings, "IMPORT_MAX_DOCUMENT_BYTES", 20 * 1024**2),
            zip_max_total=getattr(settings, "IMPORT_ZIP_MAX_TOTAL_BYTES", 2 * 1024**3),
            zip_max_ratio=getattr(settings, "IMPORT_ZIP_MAX_RATIO", 100),
            zip_max_members=getattr(settings, "IMPORT_ZIP_MAX_MEMBERS", 20000),
        )


def expand(paths: list[str | Path]) -> list[Path]:
    """The importable files under `paths` (folders searched recursively, hidden files left out), sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED
                and not any(x.startswith(".") for x in p.parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise ImportRefused("no such file or folder", file=str(path))
    return found


def total_bytes(paths: list[Path]) -> int:
    """The summed size of the files, for a progress bar."""
    return sum(p.stat().st_size for p in paths)


def iter_rows(
    paths: list[Path],
    *,
    limits: Limits | None = None,
    on_bytes: Callable[[int], None] | None = None,
    known_outlets: Sequence[KnownOutlet] = (),
) -> Iterator[Row]:
    """Every article row in the files, in order (see the module docstring). The whole import is checked
    against the budget (check_budget) before the first row is handed out."""
    limits = limits or Limits.from_settings()
    check_budget(paths, limits=limits)
    for path in paths:
        size = path.stat().st_size
        suffix = path.suffix.lower()
        with path.open("rb") as stream:
            if suffix == ".zip":
                yield from iter_zip(stream, name=path.name, limits=limits, known_outlets=known_outlets)
            else:
                yield from iter_stream(
                    stream, name=path.name, suffix=suffix, limits=limits, known_outlets=known_outlets
                )
        if on_bytes:
            on_bytes(size)


def check_budget(paths: list[Path], *, limits: Limits) -> int:
    """What the files unpack to, in bytes, after checking each against the budget (see Limits); raises
    ImportRefused naming the file and the limit for the first one over it. Reads archives' directories
    only (a zip's or XLSX's member sizes), never their contents."""
    total = 0
    for path in paths:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ImportRefused(
                f"{size:,} bytes is over the limit of {limits.max_bytes:,} (IMPORT_MAX_BYTES)", file=path.name
            )
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED:
            raise ImportRefused(
                f"unsupported file type '{suffix}'; use {', '.join(SUPPORTED)}", file=path.name
            )
        if suffix in (".zip", ".xlsx"):
            with path.open("rb") as stream:
                total += archive_size(stream, name=path.name, limits=limits, spent=total)
        else:
            total += size
        _check_total(total, limits, path.name)
    return total


def _check_total(total: int, limits: Limits, name: str) -> None:
    if total > limits.zip_max_total:
        raise ImportRefused(
            f"the import unpacks to over {limits.zip_max_total:,} bytes, the limit for one import "
            "(IMPORT_ZIP_MAX_TOTAL_BYTES); nothing was stored",
            file=name,
        )


def archive_size(stream: BinaryIO, *, name: str, limits: Limits, spent: int = 0) -> int:
    """The bytes a zip or XLSX archive unpacks to, after check_zip; ImportRefused when it is not a
    readable archive or is over the budget (with `spent` bytes of the import's total used already)."""
    try:
        archive = zipfile.ZipFile(stream)
    except _ZIP_ERRORS as error:
        kind = "zip archive" if name.lower().endswith(".zip") else "XLSX workbook"
        raise ImportRefused(f"not a readable {kind} ({type(error).__name__})", file=name) from None
    with archive:
        check_zip(archive, name=name, limits=limits, spent=spent)
        return sum(info.file_size for info in archive.infolist())


def iter_stream(
    stream: BinaryIO, *, name: str, suffix: str, limits: Limits, known_outlets: Sequence[KnownOutlet] = ()
) -> Iterator[Row]:
    """The rows of one non-archive file opened as a binary stream."""
    if suffix in (".csv", ".tsv"):
        items = iter_csv(stream, name=name)
    elif suffix in (".json", ".jsonl", ".ndjson"):
        items = iter_json(stream, name=name, max_bytes=limits.max_bytes)
    elif suffix == ".xlsx":
        archive_size(stream, name=name, limits=limits)  # a workbook is a zip: the same budget
        stream.seek(0)
        items = iter_xlsx(stream, name=name)
    else:
        yield raw_document(
            stream.read(limits.max_document_bytes + 1), name=name, limits=limits, known_outlets=known_outlets
        )
        return
    for item in items:
        yield item if isinstance(item, RowError) else (name, item[0], item[1])


def raw_document(data: bytes, *, name: str, limits: Limits, known_outlets: Sequence[KnownOutlet] = ()) -> Row:
    """One .txt or .html page as a row (row 1 of its file), or the error that keeps it out."""
    if len(data) > limits.max_document_bytes:
        return RowError(
            1,
            "",
            f"a single page over {limits.max_document_bytes:,} bytes, the limit for one article "
            "(IMPORT_MAX_DOCUMENT_BYTES)",
            name,
        )
    if problem := content_problem(name, data[: 64 * 1024]):
        return RowError(1, "", problem, name)
    try:
        if name.lower().endswith((".html", ".htm")):
            text, _ = decode_bytes(data, declared=_meta_charset(data))
            values = parse_html(text, name=name)
        else:
            text, _ = decode_bytes(data)
            values = parse_text(text, name=name, known_outlets=known_outlets)
    except ImportRefused as error:
        return RowError(1, "", error.message, name)
    return values if isinstance(values, RowError) else (name, 1, values)


_TAG = re.compile(rb"<\s*[A-Za-z!?/]")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def content_problem(name: str, head: bytes) -> str | None:
    """Why a file's first bytes do not match the type its name gives (a renamed file, or a name that
    once hid its real suffix behind a NUL), or None. Pages must hold markup, zips and workbooks be zips."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".html", ".htm") and head.strip() and not _TAG.search(head.replace(b"\x00", b"")):
        return "named as an HTML page but holds no HTML (a renamed file?); give it its real suffix"
    if suffix in (".zip", ".xlsx") and not head.startswith(_ZIP_MAGIC):
        kind = "XLSX workbook" if suffix == ".xlsx" else "zip archive"
        return f"named as a {kind} but is not one (a renamed file?)"
    return None


_JOINERS = "\u200c\u200d"  # zero-width (non-)joiners are part of how Persian, Hindi and others are written


def upload_name_problem(name: str) -> str | None:
    """Why an uploaded file's name is refused (empty, or holding control, format or unstorable
    characters such as NUL, which once hid a name's real suffix), or None."""
    if not name or not name.strip():
        return "the file has no name"
    if any(unicodedata.category(c).startswith("C") and c not in _JOINERS for c in name):
        return "the file name holds control or invisible characters (NUL and the like); rename the file"
    return None


def _meta_charset(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.I)
    return m.group(1).decode("ascii") if m else None


def check_zip(
    archive: zipfile.ZipFile, *, name: str, limits: Limits, spent: int = 0
) -> list[zipfile.ZipInfo]:
    """The archive's importable members after checking all of them; ImportRefused for traversal, links,
    too many members, too large a total (with `spent` bytes of the import used already) or too high a
    compression ratio, of any member over RATIO_FLOOR or of the archive as a whole (a zip bomb, also one
    made of many members each small enough to pass alone)."""
    members = archive.infolist()
    if len(members) > limits.zip_max_members:
        raise ImportRefused(
            f"{len(members):,} members, over the limit of {limits.zip_max_members:,} (IMPORT_ZIP_MAX_MEMBERS)",
            file=name,
        )
    total = spent
    packed = unpacked = 0
    chosen = []
    for info in members:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in info.filename:
            raise ImportRefused(
                f"member '{info.filename}' points outside the archive; refusing it", file=name
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ImportRefused(f"member '{info.filename}' is a symbolic link; refusing it", file=name)
        total += info.file_size
        if total > limits.zip_max_total:
            raise ImportRefused(
                f"unpacks to over {limits.zip_max_total:,} bytes, the limit for one import "
                "(IMPORT_ZIP_MAX_TOTAL_BYTES); refusing it",
                file=name,
            )
        packed += info.compress_size
        unpacked += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > limits.zip_max_ratio * max(
            info.compress_size, 1
        ):
            raise ImportRefused(
                f"member '{info.filename}' is compressed {info.file_size // max(info.compress_size, 1)}:1, "
                f"over the limit of {limits.zip_max_ratio}:1 (IMPORT_ZIP_MAX_RATIO; a zip bomb?); refusing it",
                file=name,
            )
        hidden = any(part.startswith((".", "__MACOSX")) for part in path.parts)
        if not info.is_dir() and not hidden:
            chosen.append(info)
    if unpacked > RATIO_FLOOR and unpacked > limits.zip_max_ratio * max(packed, 1):
        raise ImportRefused(
            f"{len(members):,} members unpack to {unpacked:,} bytes from {packed:,}, compressed "
            f"{unpacked // max(packed, 1)}:1 over all, over the limit of {limits.zip_max_ratio}:1 "
            "(IMPORT_ZIP_MAX_RATIO; a zip bomb?); refusing it",
            file=name,
        )
    return chosen


# What a damaged archive raises: bad offsets give ValueError ("negative seek value"), broken deflate data
# zlib.error, an encrypted member RuntimeError, an unknown compression method NotImplementedError.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    zlib.error,
)


def iter_zip(
    stream: BinaryIO, *, name: str, limits: Limits, known_outlets: Sequence[KnownOutlet] = ()
) -> Iterator[Row]:
    """The rows of every supported member of a zip archive, checked as a whole first (see check_zip)."""
    try:
        archive = zipfile.ZipFile(stream)
    except _ZIP_ERRORS:
        raise ImportRefused("not a readable zip archive", file=name) from None
    with archive:
        for info in check_zip(archive, name=name, limits=limits):
            member = f"{name}/{info.filename}"
            suffix = os.path.splitext(info.filename)[1].lower()
            if suffix not in (*TABULAR, *RAW):
                yield RowError(1, "", f"unsupported file type '{suffix}' in the archive", member)
                continue
            try:
                with archive.open(info) as handle:
                    if suffix in RAW:
                        yield raw_document(
                            handle.read(limits.max_document_bytes + 1),
                            name=member,
                            limits=limits,
                            known_outlets=known_outlets,
                        )
                    elif suffix == ".xlsx":
                        data = io.BytesIO(handle.read())  # at most its checked file_size
                        yield from iter_stream(data, name=member, suffix=suffix, limits=limits)
                    else:
                        yield from iter_stream(handle, name=member, suffix=suffix, limits=limits)  # type: ignore[arg-type]
            except _ZIP_ERRORS as error:
                raise ImportRefused(f"member '{info.filename}' cannot be read: {error}", file=name) from None
