"""The words filter (`q`, the dashboard's search box) as a full-text index query: every word
must start a word of the notes, place names, actors or sources, in any case. The actor filter
narrows with the same index before checking the actor columns.

Each server's own tokenizer reads both the stored text and the user's words (SQLite's FTS5
`unicode61`, PostgreSQL's parser on text whose ASCII punctuation became spaces), so a word
is cut the same way on both sides; the user's text only ever travels as a bound parameter,
quoted into a phrase, so no input can be read as search syntax (`OR`, `NEAR(`, `*`, quotes).
"""

from __future__ import annotations

from typing import Any

from frontwatch.store.backends import POSTGRES, Backend
from frontwatch.store.schema import PG_SEARCH_DOCUMENT


def search_words(text: str) -> list[str]:
    """The user's words that can match anything: a word made of punctuation alone ("-",
    '"', "*") has nothing to look for and is left out rather than matching nothing."""
    # NUL cannot travel to PostgreSQL in text; it separates words like a space.
    return [w for w in text.replace("\x00", " ").split() if any(ch.isalnum() for ch in w)]


def fts5_query(words: list[str]) -> str:
    """An FTS5 query requiring every word, each as a quoted phrase whose last token is a
    prefix: `al-Bab Raqq` -> `"al-Bab"* "Raqq"*` (FTS5 reads `al-Bab` as the phrase "al bab")."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


# One word as a PostgreSQL tsquery: the parser cuts it into a phrase (`al <-> bab`) and the
# last lexeme becomes a prefix. A word the parser finds nothing in gives NULL, which matches
# nothing, as FTS5 does with an empty phrase.
_PG_WORD = ("to_tsquery('simple'::regconfig, nullif(phraseto_tsquery('simple'::regconfig,"
            " regexp_replace(?, '[[:punct:]]', ' ', 'g'))::text, '') || ':*')")


def text_clause(text: str, db: Backend | None = None) -> tuple[str, list[Any]] | None:
    """The WHERE clause (over `events`) selecting events that hold every word, or None when
    no word is left to look for."""
    words = search_words(text)
    if not words:
        return None
    return _match(words, True, db)


def phrases_clause(phrases: list[str], db: Backend | None = None
                   ) -> tuple[str, list[Any]] | None:
    """Events holding any of these phrases, each from a word's start, anywhere in the searched
    text; None when one of them has nothing to look for (it could not narrow anything)."""
    phrases = [" ".join(p.replace("\x00", " ").split()) for p in phrases]
    if not phrases or not all(any(ch.isalnum() for ch in p) for p in phrases):
        return None
    return _match(phrases, False, db)


def _match(phrases: list[str], every: bool, db: Backend | None) -> tuple[str, list[Any]]:
    """Events holding every phrase (or any, `every` False), from the full-text index."""
    if db is not None and db.dialect is POSTGRES:
        # Written as the index's own expression, so the GIN index answers it.
        query = (" && " if every else " || ").join(_PG_WORD for _ in phrases)
        return f"{PG_SEARCH_DOCUMENT} @@ ({query})", phrases
    query = (" " if every else " OR ").join(fts5_query([p]) for p in phrases)
    return "rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", [query]
