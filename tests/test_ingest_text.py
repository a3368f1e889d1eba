"""Plain-text reader: decoding, bad input as InputError values, titles, datelines, flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest import read_paths
from frontwatch.ingest.text import dateline_date, read_text, title_of
from frontwatch.pipeline import article_id_of

FIXTURES = Path(__file__).parent / "fixtures"


def test_reads_a_text_file_with_title_dateline_and_kept_ranges() -> None:
    path = FIXTURES / "related_list_after_report.txt"
    [article] = list(read_paths([str(path)]))
    text = path.read_text("utf-8")
    assert article.text == text
    assert article.id == article_id_of(text)
    assert article.title == "Car bomb kills six in Azaz market"
    assert article.published == dt.date(2019, 3, 3)
    assert article.source_path == str(path)
    assert article.kept and all(0 <= s <= e <= len(text) for s, e in article.kept)


def test_flags_override_the_dateline() -> None:
    path = FIXTURES / "related_list_after_report.txt"
    [article] = list(
        read_paths([str(path)], published=dt.date(2020, 1, 1), outlet="Wire", url="https://x")
    )
    assert (article.published, article.outlet, article.url) == (
        dt.date(2020, 1, 1),
        "Wire",
        "https://x",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BAGHDAD, June 28, 2019 (Levant Wire) - A bomb", dt.date(2019, 6, 28)),
        ("Title\n\nSOUTHWEST ASIA, Feb. 17, 2017 — U.S. forces", dt.date(2017, 2, 17)),
        ("DEIR EZZOR, Syria, Sept. 3, 2017 - Clashes", dt.date(2017, 9, 3)),
        ("BEIRUT, March 4 (Reuters) - no year", None),
        ("Fighting went on until June 28, 2019 in the town.", None),
        ("BAGHDAD, Feb. 30, 2019 - impossible date", None),
    ],
)
def test_dateline_date(text: str, expected: dt.date | None) -> None:
    assert dateline_date(text) == expected


def test_title_only_when_the_first_line_stands_alone() -> None:
    assert title_of("Short headline\n\nBody text.") == "Short headline"
    assert title_of("A whole sentence that ends.\nMore text.") is None
    assert title_of("Only one line") is None


def test_crlf_is_normalised() -> None:
    article = read_text(b"Headline\r\n\r\nBody one.\r\nBody two.\r\n", "a.txt")
    assert "\r" not in article.text
    assert article.title == "Headline"


def test_utf8_bom_and_utf16_are_decoded() -> None:
    assert read_text("\ufeffAleppo report.".encode(), "a.txt").text == "Aleppo report."
    assert read_text("Idlib report.".encode("utf-16"), "b.txt").text == "Idlib report."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\xef\xbb\xbf \n", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file, not text"),
        (b"text\x00with NUL", "binary file, not text"),
    ],
)
def test_bad_text_raises_input_error_naming_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        read_text(data, "bad.txt")
    assert str(info.value) == f"bad.txt: {reason}"


def test_windows_1252_text_is_read_and_the_guess_named(caplog) -> None:
    data = "Le café de Homs a été touché par un obus, disent les témoins.".encode("cp1252")
    article = read_text(data, "old.txt")
    assert "café" in article.text and "témoins" in article.text
    assert "old.txt: not UTF-8; read as windows-1252 (a guess)" in caplog.text
