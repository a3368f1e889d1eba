"""JSON lines: one article per line, `{"id", "text" | "html", "url", "title", "published",
"outlet"}`. A bad line is reported on its own; the lines after it are still read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from frontwatch.errors import InputError
from frontwatch.ingest.decoding import check_bytes, decode, megabytes
from frontwatch.ingest.html import article_from_html
from frontwatch.ingest.text import article_from_text
from frontwatch.model import Article


def parse_published(value: object, path: str, line: int) -> dt.date | None:
    """An ISO date or date-time ("2017-08-14", "2017-08-14T09:30:00Z"); empty means unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(path, f"'published' is not a YYYY-MM-DD date: {value!r}", line)


def _optional_str(record: dict, key: str, path: str, line: int) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if key == "id" and isinstance(value, int):
        return str(value)
    raise InputError(path, f"'{key}' must be a string, not {type(value).__name__}", line)


def article_from_record(
    record: object,
    path: str,
    line: int,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """One article from a decoded JSON line; the arguments (command-line flags) win."""
    if not isinstance(record, dict):
        raise InputError(path, f"expected a JSON object, got {type(record).__name__}", line)
    text = _optional_str(record, "text", path, line)
    html = _optional_str(record, "html", path, line)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(path, "no 'text' or 'html' field with content", line)
    where = f"{path}:{line}"
    kwargs = {
        "published": published or parse_published(record.get("published"), path, line),
        "outlet": outlet or _optional_str(record, "outlet", path, line),
        "url": url or _optional_str(record, "url", path, line),
        "title": _optional_str(record, "title", path, line),
    }
    if text and text.strip():
        article = article_from_text(text, where, **kwargs)
    else:
        article = article_from_html(html or "", where, line=line, **kwargs)
    article.source_id = _optional_str(record, "id", path, line)
    return article


def read_jsonl(
    lines: Iterable[bytes],
    path: str,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[Article | InputError]:
    """Articles from the lines of a JSONL stream, with an InputError in place of each bad line."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        try:
            if len(raw) > max_bytes:
                raise InputError(path, f"line larger than {megabytes(max_bytes)}", number)
            check_bytes(raw, path, number)
            # Without its line break, so an error at the end of the line is placed there,
            # not at "column 1" of a line that does not exist.
            text = decode(raw, path, line=number).rstrip("\r\n")
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                where = "the end of the line" if exc.pos >= len(text) else f"column {exc.colno}"
                reason = f"malformed JSON: {exc.msg} at {where}"
                raise InputError(path, reason, number) from None
            yield article_from_record(record, path, number, published, outlet, url)
        except InputError as err:
            yield err
    if not seen_any:
        yield InputError(path, "empty file")
