"""Turning uploaded bytes into text: BOMs, UTF-8, cp1252, and a clear refusal for mixed encodings.

A file is decoded as one encoding throughout. The encoding is chosen from a BOM (UTF-8, UTF-16,
UTF-32), else UTF-8 when the opening bytes are valid UTF-8, else cp1252 (the usual Windows export).
Lines are decoded one at a time so a 1 GB file streams; a line that does not fit the chosen encoding
(or, in a cp1252 file, a line that is really UTF-8) stops the import with its line number.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Buffer, Iterator
from typing import BinaryIO

from .errors import ImportRefused

SNIFF_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A multi-byte UTF-8 sequence: in a file otherwise decoded as cp1252 it means two encodings are mixed.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def sniff_encoding(head: bytes) -> str:
    """The encoding to read a file with, judged from its first bytes: a BOM's, else "utf-8" or "cp1252"."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head[:4096]:
        raise ImportRefused(
            "the file looks binary or is UTF-16/32 without a byte-order mark; save it as UTF-8"
        )
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A cut in the middle of a multi-byte character at the end of the sample is not an error.
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    if _UTF8_MULTIBYTE.search(head):
        raise ImportRefused("the file mixes UTF-8 with another encoding; save it again as UTF-8")
    try:
        head.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"the file is neither UTF-8 nor Windows-1252 (byte 0x{head[error.start]:02x}); save it as UTF-8"
        ) from None
    return "cp1252"


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """The text of a whole (small) file and the encoding used; `declared` (an HTML meta charset) is tried
    after a BOM and UTF-8."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as error:
                raise ImportRefused(f"not valid {name} at byte {error.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeError):  # "undefined" raises a bare UnicodeError
            pass
    name = sniff_encoding(data)
    try:
        return data.decode(name), name
    except UnicodeDecodeError as error:
        raise ImportRefused(f"not valid {name} at byte {error.start}; the file mixes encodings") from None


def iter_lines(stream: BinaryIO) -> Iterator[str]:
    """The decoded lines of a binary stream (line ends kept, for the csv module), read lazily.

    Raises ImportRefused naming the line when the bytes stop fitting the encoding chosen at the start.
    """
    head = stream.read(SNIFF_BYTES)
    encoding = sniff_encoding(head)
    rest = io.BufferedReader(_Prefixed(head, stream)) if head else stream
    if encoding in ("utf-16", "utf-32"):
        # Wide encodings cannot be split on b"\n": let the codec find the lines.
        text = io.TextIOWrapper(rest, encoding=encoding, errors="strict", newline="")
        try:
            yield from text
        except UnicodeDecodeError:
            raise ImportRefused(
                f"the file is not valid {encoding} throughout; save it again as UTF-8"
            ) from None
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    for number, raw in enumerate(rest, start=1):
        if number == 1 and encoding == "utf-8-sig":
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            line = raw.decode(codec)
        except UnicodeDecodeError:
            raise ImportRefused(
                f"line {number} is not valid {encoding}: the file mixes encodings; save it again as UTF-8"
            ) from None
        if codec == "cp1252" and _UTF8_MULTIBYTE.search(raw):
            raise ImportRefused(f"line {number} is UTF-8 in a Windows-1252 file: the file mixes encodings")
        yield line


class _Prefixed(io.RawIOBase):
    """A raw stream that gives back already-read bytes before the rest of the underlying stream."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Buffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)
