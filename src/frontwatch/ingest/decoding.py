"""Bytes to text: refuse binary, empty and oversized input; decode UTF-8, a declared charset,
or (with a warning naming the guess) the legacy encoding charset-normalizer finds likeliest."""

from __future__ import annotations

import codecs
import logging
import re

from frontwatch.errors import InputError

# Leading bytes of common binary formats a user might point frontwatch at by mistake.
_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ",
    b"\x7fELF",
    b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",  # old MS Office
    b"RIFF",
    b"OggS",
    b"ID3",
    b"PAR1",  # parquet
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Warnings ("warning: path: ...") reach the user as one stderr line each: the CLI's handler
# (frontwatch.cli) prints them as they are, and so does Python's last-resort handler when a
# library caller configures no logging.
_log = logging.getLogger("frontwatch.ingest")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def looks_binary(head: bytes) -> bool:
    """NUL bytes or a known file signature: not text (UTF-16 with a BOM is text)."""
    if head.startswith(_UTF16_BOMS):
        return False
    return head.startswith(_MAGIC) or b"\x00" in head


def check_bytes(data: bytes, path: str, line: int | None = None) -> None:
    """Raise InputError for input that cannot be an article: empty or binary."""
    if not data.strip():
        raise InputError(path, "empty line" if line is not None else "empty file", line)
    if looks_binary(data[:8192]):
        raise InputError(path, "binary data, not text" if line else "binary file, not text", line)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first few kilobytes, if any."""
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def decode(data: bytes, path: str, html: bool = False, line: int | None = None) -> str:
    """Text of `data`: UTF-8 (BOM tolerated), UTF-16 with BOM, or the charset HTML declares."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"bad UTF-16 at byte {exc.start}", line) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    charset = declared_charset(data) if html else None
    if charset is None:
        guessed = _guess(data)
        if guessed is None:
            raise InputError(
                path,
                f"not UTF-8 (bad byte at offset {utf8_error.start}) and no charset declared",
                line,
            )
        encoding, text = guessed
        where = f"{path}:{line}" if line is not None else path
        _log.warning("warning: %s: not UTF-8; read as %s (a guess)", where, encoding)
        return text
    try:
        return data.decode(charset)
    except LookupError:
        reason = f"not UTF-8 and unknown charset {charset!r} declared"
        raise InputError(path, reason, line) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not valid {charset} as declared (bad byte at offset {exc.start})", line
        ) from None


def _guess(data: bytes) -> tuple[str, str] | None:
    """The most likely legacy encoding of text that is not UTF-8 (archives are full of
    Windows-1252 and Latin-1), with the decoded text; None when nothing fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    try:
        if data.decode("cp1252") == text:
            # the same characters either way: name the encoding Western archives use
            return "windows-1252", text
    except UnicodeDecodeError:
        pass
    return best.encoding, text


def normalise_newlines(text: str) -> str:
    """One newline convention, so paragraph splitting and offsets agree across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
