"""One stored article for reading: its text, the outlets that ran it, and every sentence a
claim cites in it (character offsets into the text), so a reader can see each in place."""

from __future__ import annotations

from typing import Any

from frontwatch.store.backends import Backend

_COLUMNS = ("article_id", "url", "outlet", "title", "published", "source_path", "n_chars",
            "duplicate_of", "n_mentions", "n_events", "ingested_at", "text")


def article_detail(db: Backend, article_id: str) -> dict[str, Any] | None:
    rows = db.query(f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE article_id = ?",
                    (article_id.strip(),))
    if not rows:
        return None
    article = rows[0]
    article["outlets"] = db.query(
        "SELECT outlet, url, published, copy_id FROM article_outlets WHERE article_id = ?"
        " ORDER BY seq", (article["article_id"],))
    article["evidence"] = db.query(
        'SELECT e.claim_id, c.event_id, e.n, e.start, e."end", e.text, c.claimant, c.denies,'
        " c.hedged FROM evidence e JOIN claims c ON c.claim_id = e.claim_id"
        ' WHERE e.article_id = ? ORDER BY e.start, e."end", e.claim_id',
        (article["article_id"],))
    for ev in article["evidence"]:
        ev["denies"] = bool(ev["denies"])
        ev["hedged"] = bool(ev["hedged"])
    return article
