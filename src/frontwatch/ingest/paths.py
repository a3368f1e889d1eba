"""From command-line paths to (name, format, bytes) sources: directory walking, stdin and
format sniffing."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from frontwatch.errors import InputError
from frontwatch.ingest.decoding import looks_binary, megabytes

STDIN = "-"
TEXT, HTML, JSONL = "text", "html", "jsonl"

# Files a directory walk picks up; a file named on the command line is read whatever its name.
EXTENSIONS = {
    ".txt": TEXT,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
}
_HTML_DOCUMENT = (b"<!doctype html", b"<html")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")


@dataclass(slots=True)
class Source:
    """One input: a file or stdin, its format, and an open binary stream (closed by the caller)."""

    name: str
    format: str
    stream: BinaryIO


def sniff_format(head: bytes, name: str = "") -> str:
    """The format of an input, from its extension, else from its first bytes.

    A page saved as `.txt` that opens with `<!DOCTYPE html` or `<html` is still read as HTML.
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_DOCUMENT):
        return HTML
    by_ext = EXTENSIONS.get(Path(name).suffix.lower())
    if by_ext:
        return by_ext
    if start.startswith(_HTML_STARTS):
        return HTML
    if start.startswith(b"{"):
        return JSONL
    return TEXT


def walk(path: Path) -> Iterator[Path]:
    """Article files under a directory, recursively, in a stable (sorted) order; hidden skipped."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                yield Path(root) / name


def _open(path: Path, max_bytes: int, fmt_hint: str | None = None) -> Source:
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the reader that consumes it
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    head = stream.peek(512)[:512] if hasattr(stream, "peek") else b""
    if looks_binary(head):
        stream.close()
        raise InputError(name, "binary file, not text")
    fmt = fmt_hint or sniff_format(head, name)
    # JSONL files may be whole corpora: their limit applies to each line instead.
    if fmt != JSONL and os.fstat(stream.fileno()).st_size > max_bytes:
        stream.close()
        raise InputError(name, f"larger than {megabytes(max_bytes)}")
    return Source(name, fmt, stream)


def count_articles(paths: list[str]) -> int | None:
    """How many articles the inputs hold, for a progress bar's total: one a file, one a
    non-empty line of a JSON-lines file; None when a stream (stdin) makes it unknowable."""
    total = 0
    for raw in paths:
        if raw == STDIN:
            return None
        path = Path(raw)
        files = list(walk(path)) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with open(file, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def open_sources(paths: list[str], max_bytes: int) -> Iterator[Source | InputError]:
    """Each input path as a Source (directories expanded), or an InputError saying why not."""
    for raw in paths:
        if raw == STDIN:
            stream = sys.stdin.buffer
            if not hasattr(stream, "peek"):  # a BytesIO in tests, say: buffer it to look ahead
                stream = io.BufferedReader(stream)  # type: ignore[arg-type]
            yield Source("<stdin>", sniff_format(stream.peek(512)[:512]), stream)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in walk(path):
                found = True
                try:
                    yield _open(file, max_bytes)
                except InputError as err:
                    yield err
            if not found:
                yield InputError(raw, "no .txt, .html or .jsonl files in this directory")
            continue
        if not path.exists():
            yield InputError(raw, "no such file or directory")
            continue
        try:
            yield _open(path, max_bytes)
        except InputError as err:
            yield err


def read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """All of a stream, refusing more than `max_bytes` (stdin has no size to check up front)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"larger than {megabytes(max_bytes)}")
    return data
