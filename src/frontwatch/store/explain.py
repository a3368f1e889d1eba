"""One stored event for people: its columns, each claim beside its sentence, why it merged."""

from __future__ import annotations

from typing import Any

from frontwatch.control import ControlPeriod
from frontwatch.store.query import EventDetail
from frontwatch.store.rows import json_ready


def _figure(claim: dict[str, Any]) -> str:
    if claim["fatalities"] is None:
        return "-"
    if claim["fatalities_quantifier"] and claim["fatalities_value"] is None:
        return f"{claim['fatalities_quantifier']} (counted {claim['fatalities']})"
    if claim["fatalities_low"] is not None and claim["fatalities_high"] is not None:
        return f"{claim['fatalities_low']}-{claim['fatalities_high']}"
    prefix = "at least " if claim["fatalities_approximate"] else ""
    return f"{prefix}{claim['fatalities']}"


def event_json(detail: EventDetail) -> dict[str, Any]:
    out = json_ready(detail.event)
    out["claims"] = [
        {**json_ready(cv.claim), "evidence": cv.evidence, "article": cv.article,
         "outlets": cv.outlets}
        for cv in detail.claims
    ]
    out["mentions"] = [json_ready(m) for m in detail.mentions]
    out["changes"] = detail.changes
    return out


def print_event(detail: EventDetail, console: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    e = detail.event
    actors = " vs ".join(a for a in (e["actor1"], e["actor2"]) if a)
    place = ", ".join(dict.fromkeys(p for p in (e["location"], e["admin2"], e["admin1"],
                                                 e["country"]) if p))
    coords = (
        f" ({e['latitude']:.4f}, {e['longitude']:.4f}, precision {e['geo_precision']})"
        if e["latitude"] is not None else ""
    )
    console.print(f"[bold]{escape(e['event_id_cnty'])}[/bold]  {e['event_date']}"
                  f" (time precision {e['time_precision']})")
    console.print(f"{escape(e['event_type'])} / {escape(e['sub_event_type'])}")
    console.print(f"Actors: {escape(actors) or '-'}")
    console.print(f"Place: {escape(place) or '-'}{coords}")
    contested = "  [bold red]contested[/bold red]" if e["contested"] else ""
    high = e["fatalities_high"]
    spread = f" (claims up to {high})" if high is not None and high != e["fatalities"] else ""
    console.print(f"Fatalities: {e['fatalities']}{spread}{contested}")
    console.print(f"Sources: {escape(e['source'])}  ({e['n_articles']} articles,"
                  f" {e['n_claims']} claims)")

    table = Table(title="Claims", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Outlet / claimant")
    table.add_column("Fatalities", justify="right")
    table.add_column("Sentence")
    table.add_column("Why merged")
    for i, cv in enumerate(detail.claims, 1):
        c = cv.claim
        who = c["outlet"] or "?"
        if len(cv.outlets) > 1:
            others = ", ".join(o for o in cv.outlets if o != c["outlet"])
            who += f"\n[dim](also run by {others})[/dim]"
        if c["claimant"]:
            who += f"\nclaimant: {c['claimant']}" + (" (hedged)" if c["hedged"] else "")
        sentence = " … ".join(ev["text"] for ev in cv.evidence) or "-"
        table.add_row(
            str(i), escape(who), escape(_figure(c)), escape(sentence), escape(c["merge_reason"])
        )
    console.print(table)

    if detail.changes:
        changes = Table(title="History", show_lines=False)
        for col in ("#", "Article", "Change", "Reason"):
            changes.add_column(col)
        for ch in detail.changes:
            if ch["field"] in ("created", "claim"):
                what = f"{ch['field']}: {ch['new_value']}"
            else:
                what = f"{ch['field']}: {ch['old_value']} -> {ch['new_value']}"
            changes.add_row(str(ch["seq"]), ch["article_id"], escape(what), escape(ch["reason"]))
        console.print(changes)


def print_control(periods: list[ControlPeriod], date: str, console: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    if not periods:
        console.print(f"No territorial changes recorded on or before {date}.")
        return
    table = Table(title=f"Control on {date}", show_lines=True)
    for col in ("Place", "Controlled by", "Since", "Before", "Event", "Evidence"):
        table.add_column(col)
    for p in periods:
        place = ", ".join(x for x in (p.location, p.admin1, p.country) if x)
        table.add_row(
            escape(place),
            escape(p.controller) + (" [red](contested)[/red]" if p.contested else ""),
            p.since,
            escape(p.previous or "-"),
            p.event_id,
            escape("\n".join(p.evidence[:3])),
        )
    console.print(table)
