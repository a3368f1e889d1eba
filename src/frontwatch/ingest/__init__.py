"""Readers: plain text, HTML, JSON lines, directories and stdin to `Article` records.

`read_paths` is the front door. Bad input does not stop a run: it comes out of the same
iterator as an `InputError` value, in input order, so callers report it and go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from frontwatch.errors import InputError
from frontwatch.ingest.html import read_html
from frontwatch.ingest.jsonl import read_jsonl
from frontwatch.ingest.paths import HTML, JSONL, STDIN, open_sources, read_limited
from frontwatch.ingest.text import read_text
from frontwatch.model import Article

__all__ = ["read_paths", "InputError", "STDIN"]

DEFAULT_MAX_BYTES = 20_000_000


def read_paths(
    paths: list[str],
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursively) and `-` (stdin), in the order given.

    `published`, `outlet` and `url`, when given, override what the input itself says.
    """
    for source in open_sources(paths, max_bytes):
        if isinstance(source, InputError):
            yield source
            continue
        try:
            if source.format == JSONL:
                yield from read_jsonl(
                    source.stream, source.name, published, outlet, url, max_bytes=max_bytes
                )
                continue
            data = read_limited(source.stream, source.name, max_bytes)
            reader = read_html if source.format == HTML else read_text
            yield reader(data, source.name, published=published, outlet=outlet, url=url)
        except InputError as err:
            yield err
        except OSError as exc:
            yield InputError(source.name, exc.strerror or str(exc))
        finally:
            if source.name != "<stdin>":
                source.stream.close()
