"""Territory events from the database, with their evidence, for the control timeline."""

from __future__ import annotations

from typing import Any

from frontwatch.control import ControlPeriod, control_at
from frontwatch.merge import TERRITORY_SUB_EVENTS
from frontwatch.store.backends import Backend


def territory_rows(db: Backend, until: str, country: str | None = None) -> list[dict[str, Any]]:
    subs = sorted(TERRITORY_SUB_EVENTS)
    marks = ", ".join("?" for _ in subs)
    sql = f"SELECT * FROM events WHERE sub_event_type IN ({marks}) AND event_date <= ?"
    params: list[Any] = [*subs, until]
    if country:
        sql += " AND lower(country) = ?"
        params.append(country.lower())
    rows = db.query(sql + " ORDER BY event_date, event_id_cnty", params)
    for r in rows:
        texts = db.query(
            "SELECT c.outlet, c.claimant, e.text FROM claims c JOIN evidence e"
            " ON e.claim_id = c.claim_id WHERE c.event_id = ? ORDER BY c.claim_seq, e.n",
            (r["event_id_cnty"],),
        )
        r["evidence"] = [
            f"{t['claimant'] or t['outlet'] or 'report'}: {t['text']}" for t in texts
        ] or [f"{r['source']}: {r['notes']}".strip(": ")]
    return rows


def control_on(db: Backend, date: str, country: str | None = None) -> list[ControlPeriod]:
    return control_at(territory_rows(db, date, country), date)
