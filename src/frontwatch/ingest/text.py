"""Plain-text articles: the whole file is the article; a short first line is its title."""

from __future__ import annotations

import datetime as dt
import re

from frontwatch.clean import mark_boilerplate
from frontwatch.errors import InputError
from frontwatch.ingest.decoding import check_bytes, decode, normalise_newlines
from frontwatch.model import Article
from frontwatch.pipeline import make_article

_TITLE_MAX_CHARS = 200

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
# A wire-copy dateline with a full date: "BAGHDAD, June 28, 2019 (Levant Wire) -",
# "SOUTHWEST ASIA, Feb. 17, 2017 -". Only full dates count: "BEIRUT, March 4 -" lacks a year.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Za-z .'\-]{2,30})?,\s+"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d\d)\b",
    re.MULTILINE,
)
_DATELINE_SEARCH_CHARS = 600


def title_of(text: str) -> str | None:
    """A first line followed by a blank line, short and without a closing full stop, is a title."""
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or len(first) > _TITLE_MAX_CHARS or first.endswith("."):
        return None
    return first or None


def dateline_date(text: str) -> dt.date | None:
    """The date of a wire-copy dateline near the top of the text, if it has a full one."""
    for m in _DATELINE.finditer(text[:_DATELINE_SEARCH_CHARS]):
        month = _MONTHS.get(m.group("month").lower())
        if month is None:
            continue
        try:
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            continue
    return None


def article_from_text(
    text: str,
    path: str,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    text = normalise_newlines(text)
    article = make_article(
        text,
        published=published or dateline_date(text),
        outlet=outlet,
        url=url,
        title=title or title_of(text),
        source_path=path,
    )
    return mark_boilerplate(article)


def read_text(
    data: bytes,
    path: str,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """One article from the bytes of a plain-text file; raises InputError."""
    check_bytes(data, path)
    text = decode(data, path)
    if not text.strip():  # only a BOM and spaces
        raise InputError(path, "empty file")
    return article_from_text(text, path, published=published, outlet=outlet, url=url)
