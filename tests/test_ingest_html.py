"""HTML reader: main text only (no navigation, scripts, comments, related links, footer),
metadata for date, title, URL and outlet, declared charsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest import read_paths
from frontwatch.ingest.html import read_html

FIXTURES = Path(__file__).parent / "fixtures"


def test_main_text_without_page_furniture() -> None:
    [article] = list(read_paths([str(FIXTURES / "page_with_boilerplate.html")]))
    assert "Government shelling killed five civilians" in article.text
    assert "White Helmets" in article.text
    for furniture in (
        "Air strikes killed 40",  # script
        "Subscribe",  # navigation
        "Rebels shelled our neighbourhood",  # comments
        "Suicide bomber kills 12",  # related links
        "All rights reserved",  # footer
    ):
        assert furniture not in article.text
    kept = " ".join(article.text[s:e] for s, e in article.kept)
    assert "Share this article" not in kept  # left by trafilatura, dropped by clean


def test_metadata_gives_date_title_url_and_outlet() -> None:
    [article] = list(read_paths([str(FIXTURES / "page_with_boilerplate.html")]))
    assert article.published == dt.date(2019, 4, 7)
    assert article.title == "Shelling kills five in Jisr al-Shughur"
    assert article.url == "https://example.org/2019/04/07/jisr-shelling"
    assert article.outlet == "Example Wire"


def test_flags_override_metadata() -> None:
    [article] = list(
        read_paths(
            [str(FIXTURES / "page_with_boilerplate.html")],
            published=dt.date(2019, 4, 8),
            outlet="Other",
        )
    )
    assert (article.published, article.outlet) == (dt.date(2019, 4, 8), "Other")


def test_declared_charset_is_used_when_not_utf8() -> None:
    [article] = list(read_paths([str(FIXTURES / "declared_cp1252.html")]))
    assert "café owner" in article.text
    assert "\u2013" in article.text
    assert article.published == dt.date(2019, 2, 2)


def test_undeclared_non_utf8_html_is_read_with_a_named_guess(caplog) -> None:
    page = (b"<html><body><p>Le caf\xe9 du village a \xe9t\xe9 touch\xe9 par un obus."
            b"</p></body></html>")
    article = read_html(page, "x.html")
    assert "café" in article.text
    assert "x.html: not UTF-8; read as windows-1252 (a guess)" in caplog.text


def test_page_without_article_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no article text found in the HTML"):
        read_html(b"<html><head><title>t</title></head><body> </body></html>", "x")
