"""HTML articles: the main text through trafilatura (navigation, scripts, comments, asides and
related-links lists dropped), with title, date, URL and site name from the page's metadata."""

from __future__ import annotations

import datetime as dt
import logging

from frontwatch.errors import InputError
from frontwatch.ingest.decoding import check_bytes, decode
from frontwatch.ingest.text import article_from_text
from frontwatch.model import Article

# trafilatura logs every page it finds too short at WARNING; our own error line says it once.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _date_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_from_html(
    html: str,
    path: str,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    line: int | None = None,
) -> Article:
    """One article from an HTML page; the arguments, when given, win over the page's metadata."""
    import trafilatura  # slow to import; plain-text and JSONL runs never need it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        # Only dates the page states: not guesses from the text or today's date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML", line)
    return article_from_text(
        text,
        path,
        published=published or _date_of(doc.date),
        outlet=outlet or doc.sitename or doc.hostname,
        url=url or doc.url,
        title=title or doc.title,
    )


def read_html(
    data: bytes,
    path: str,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """One article from the bytes of an HTML file; raises InputError."""
    check_bytes(data, path)
    html = decode(data, path, html=True)
    return article_from_html(html, path, published=published, outlet=outlet, url=url)
