"""Paths: directories walked recursively in sorted order, formats sniffed, stdin, missing and
oversized files reported without stopping the run."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest import read_paths
from frontwatch.ingest.paths import HTML, JSONL, TEXT, sniff_format


def _describe(items: list) -> list[str]:
    return [str(i) if isinstance(i, InputError) else f"ok {i.source_path}" for i in items]


def test_directory_is_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Three."}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article file", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(read_paths([str(tmp_path)]))
    assert _describe(items) == [
        f"ok {tmp_path / 'a.txt'}",
        f"ok {tmp_path / 'c.jsonl'}:1",
        f"{tmp_path / 'empty.txt'}: empty file",
        f"ok {tmp_path / 'b' / 'two.txt'}",
    ]


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "void").mkdir()
    items = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "void")]))
    assert _describe(items) == [
        f"{tmp_path / 'nope.txt'}: no such file or directory",
        f"{tmp_path / 'void'}: no .txt, .html or .jsonl files in this directory",
    ]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    [error] = list(read_paths([str(big)], max_bytes=1000))
    assert str(error) == f"{big}: larger than 0.001 MB"


def test_binary_file_with_jsonl_name_is_one_error(tmp_path: Path) -> None:
    fake = tmp_path / "data.jsonl"
    fake.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
    assert _describe(list(read_paths([str(fake)]))) == [f"{fake}: binary file, not text"]


@pytest.mark.parametrize(
    ("head", "name", "fmt"),
    [
        (b"<!DOCTYPE html><html>", "", HTML),
        (b"\n  <html lang='en'>", "page", HTML),
        (b'{"id": 1, "text": "x"}', "", JSONL),
        (b"BAGHDAD - A bomb", "", TEXT),
        (b"<html>", "a.txt", HTML),  # a saved page, whatever its name
        (b"<p>A fragment</p>", "a.txt", TEXT),  # otherwise the extension wins
        (b"{}", "a.txt", TEXT),
    ],
)
def test_sniff_format(head: bytes, name: str, fmt: str) -> None:
    assert sniff_format(head, name) == fmt


def test_stdin_is_read_and_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "s1", "text": "From stdin."}\n{"id": "s2", "text": "Again."}\n'

    class FakeStdin:
        buffer = io.BufferedReader(io.BytesIO(data))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    items = list(read_paths(["-"]))
    assert [a.source_id for a in items] == ["s1", "s2"]
    assert items[0].source_path == "<stdin>:1"
