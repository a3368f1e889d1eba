"""JSON lines reader: one article per line; each bad line is an error naming file and line,
and the lines after it are still read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest import read_paths
from frontwatch.ingest.jsonl import read_jsonl

FIXTURES = Path(__file__).parent / "fixtures"


def test_good_and_bad_lines_in_order() -> None:
    path = str(FIXTURES / "articles.jsonl")
    items = list(read_paths([path]))
    kinds = [
        item.source_id if not isinstance(item, InputError) else f"error:{item.line}"
        for item in items
    ]
    assert kinds == ["ok-1", "error:2", "ok-2", "error:5", "error:6", "error:7", "ok-3"]
    errors = {item.line: item.reason for item in items if isinstance(item, InputError)}
    assert errors[2].startswith("malformed JSON")
    assert errors[5] == "no 'text' or 'html' field with content"
    assert errors[6] == "expected a JSON object, got list"
    assert errors[7] == "'published' is not a YYYY-MM-DD date: 'last week'"
    assert str(items[1]).startswith(f"{path}:2: malformed JSON")


def test_fields_become_article_fields() -> None:
    path = str(FIXTURES / "articles.jsonl")
    ok1, ok2, ok3 = [i for i in read_paths([path]) if not isinstance(i, InputError)]
    assert ok1.outlet == "Example Wire" and ok1.url == "https://example.org/a/1"
    assert ok1.published == dt.date(2019, 1, 5)  # from the dateline: the line has none
    assert ok1.source_path == f"{path}:1"
    assert ok2.published == dt.date(2019, 1, 7) and ok2.title == "Ambush near Palmyra"
    assert "Turkish drone strikes killed two commanders" in ok3.text  # from the `html` field
    assert ok3.published == dt.date(2019, 1, 8)


def test_flag_overrides_the_published_field() -> None:
    path = str(FIXTURES / "articles.jsonl")
    articles = [
        i
        for i in read_paths([path], published=dt.date(2000, 1, 1))
        if not isinstance(i, InputError)
    ]
    assert {a.published for a in articles} == {dt.date(2000, 1, 1)}


def test_oversized_binary_and_undecodable_lines() -> None:
    lines = [
        b'{"id": "a", "text": "' + b"x" * 200 + b'"}\n',
        b'{"id": "b", "text": "caf\xe9"}\n',
        b'{"id": "c", "text": "nul \x00"}\n',
        b'{"id": "d", "text": "Fine."}\n',
    ]
    items = list(read_jsonl(lines, "f.jsonl", max_bytes=100))
    assert [str(i) if isinstance(i, InputError) else i.source_id for i in items] == [
        "f.jsonl:1: line larger than 0.0001 MB",
        "b",  # Latin-1: read with a warning naming the guess
        "f.jsonl:3: binary data, not text",
        "d",
    ]


def test_empty_jsonl_file_is_an_error() -> None:
    [error] = list(read_jsonl([b"\n", b"  \n"], "e.jsonl"))
    assert str(error) == "e.jsonl: empty file"


def test_a_line_cut_short_is_an_error_at_its_end_not_at_column_1() -> None:
    lines = [b'{"id": "x", "text": "Clashes near Raqqa."\n', b'{"id": "y", "text": oops}\r\n']
    first, second = list(read_jsonl(lines, "feed.jsonl"))
    assert isinstance(first, InputError) and isinstance(second, InputError)
    assert first.reason == "malformed JSON: Expecting ',' delimiter at the end of the line"
    assert second.reason == "malformed JSON: Expecting value at column 21"
