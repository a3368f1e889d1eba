"""Build `corpus/real/` from what the collectors and coders wrote: check every article's licence
and text, turn each coder's file into the gold format with anchored evidence, measure the two
coders' agreement, take the adjudicated gold, assign splits and write `manifest.jsonl`.

    .venv/bin/python tools/build_corpus.py            # rebuild manifest and gold
    .venv/bin/python tools/build_corpus.py --stats    # also print the data card's tables

Run from the repository root. Inputs (all committed):
  corpus/real/meta/*.jsonl          one line per article from its collector (url, outlet, ...)
  corpus/real/texts/<id>.txt        the article as published (wikipedia/texts/ for Wikipedia)
  corpus/real/coding/{a,b}/<id>.json  the two blind codings
  corpus/real/adjudication/<id>.json  the adjudicator's events where the coders disagreed
Outputs: corpus/real/gold/<id>.json (wikipedia/gold/), corpus/real/manifest.jsonl.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from frontwatch.evaluation.corpus import LICENSES
from frontwatch.evaluation.gold import load_gold_file
from frontwatch.evaluation.scoring import scorable_from_gold, score_documents
from frontwatch.model import SUB_EVENT_TO_TYPE

ROOT = Path("corpus/real")

OUTLET_LICENSE: dict[str, str] = {
    "VOA": "public domain (US government work)",
    "DoD": "public domain (US government work)",
    "CENTCOM": "public domain (US government work)",
    "AFRICOM": "public domain (US government work)",
    "EUCOM": "public domain (US government work)",
    "INDOPACOM": "public domain (US government work)",
    "State Department": "public domain (US government work)",
    "US Embassy": "public domain (US government work)",
    "USAID": "public domain (US government work)",
    "Wikinews": "CC BY 2.5",
    "UK government": "OGL v3",
    "OCHA": "CC BY IGO 3.0",
    "Wikipedia": "CC BY-SA 4.0",
}
# Country spellings the collectors used, folded to one name per country.
COUNTRY_NAMES = {
    "Israel/Palestine": "Palestine",
    "Gaza": "Palestine",
    "West Bank": "Palestine",
    "Democratic Republic of the Congo": "DR Congo",
    "Democratic Republic of Congo": "DR Congo",
    "DRC": "DR Congo",
    "Congo (Kinshasa)": "DR Congo",
    "Burma": "Myanmar",
    "CAR": "Central African Republic",
    "USA": "United States",
    "US": "United States",
}
EVENT_KEYS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "location",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "fatalities",
    "contested",
    "claims",
    "evidence",
    "optional",
    "notes",
)


class Problems:
    """Every problem found, printed together at the end: one line each, naming the file."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str | Path, why: str) -> None:
        self.lines.append(f"{where}: {why}")


def read_meta(problems: Problems) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((ROOT / "meta").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.add(f"{path}:{n}", f"not JSON ({exc.msg})")
                continue
            row["_meta"] = f"{path}:{n}"
            rows.append(row)
    return rows


def check_article(row: dict[str, Any], problems: Problems) -> bool:
    where = row["_meta"]
    outlet, licence = row.get("outlet"), row.get("license")
    if outlet not in OUTLET_LICENSE:
        problems.add(where, f"outlet {outlet!r} is not a redistributable source")
        return False
    if licence not in LICENSES or licence != OUTLET_LICENSE[outlet]:
        problems.add(where, f"licence {licence!r} does not fit outlet {outlet!r}")
        return False
    text_path = ROOT / row.get("path", "")
    if not text_path.is_file():
        problems.add(where, f"text {text_path} missing")
        return False
    if (outlet == "Wikipedia") != row["path"].startswith("wikipedia/"):
        problems.add(where, "Wikipedia texts live in wikipedia/ and only they do")
        return False
    try:
        published = dt.date.fromisoformat(row.get("published", ""))
    except ValueError:
        problems.add(where, f"published {row.get('published')!r} is not YYYY-MM-DD")
        return False
    if not dt.date(2014, 1, 1) <= published <= dt.date(2025, 12, 31):
        problems.add(where, f"published {published} outside 2014-2025")
        return False
    if not text_path.read_text(encoding="utf-8").strip():
        problems.add(where, "empty text")
        return False
    return True


def _find(text: str, quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    # A coder who retyped a quote may have collapsed a line break or a double space.
    squeezed = " ".join(quote.split())
    flat = []
    index = []
    prev_space = False
    for i, ch in enumerate(text):
        space = ch.isspace()
        if space and prev_space:
            continue
        flat.append(" " if space else ch)
        index.append(i)
        prev_space = space
    start = "".join(flat).find(squeezed)
    if start < 0:
        return None
    return index[start], index[start + len(squeezed) - 1] + 1


def to_gold(
    raw: dict[str, Any], row: dict[str, Any], text: str, source_path: str, where: str,
    problems: Problems,
) -> dict[str, Any]:
    """A coder's or adjudicator's file as a gold document: known keys, event types derived from
    sub-types, evidence anchored to offsets."""
    events = []
    for i, ev in enumerate(raw.get("events", [])):
        sub = ev.get("sub_event_type", "")
        if sub not in SUB_EVENT_TO_TYPE:
            problems.add(where, f"events[{i}]: unknown sub_event_type {sub!r}; event dropped")
            continue
        out = {k: ev[k] for k in EVENT_KEYS if k in ev}
        out["event_type"] = SUB_EVENT_TO_TYPE[sub]
        out["actor1"] = ev.get("actor1") or f"Unidentified Armed Group ({row['country']})"
        if out.get("time_precision") not in (1, 2, 3):
            out["time_precision"] = 1
        if out.get("event_date"):
            try:
                dt.date.fromisoformat(str(out["event_date"]))
            except ValueError:
                problems.add(where, f"events[{i}]: bad date {out['event_date']!r}; set to null")
                out["event_date"] = None
        try:
            out["fatalities"] = int(ev.get("fatalities") or 0)
        except (TypeError, ValueError):
            out["fatalities"] = 0
        claims = []
        for c in ev.get("claims") or []:
            if isinstance(c, dict) and c.get("claimant"):
                claims.append({k: c.get(k) for k in ("claimant", "fatalities", "injuries")}
                              | ({"denies": True} if c.get("denies") else {}))
        out["claims"] = claims
        spans = []
        for item in ev.get("evidence") or []:
            quote = item.get("quote", "") if isinstance(item, dict) else str(item)
            found = _find(text, quote) if quote else None
            if found is None:
                problems.add(where, f"events[{i}]: quote not in text, dropped: {quote[:60]!r}")
                continue
            spans.append({"start": found[0], "end": found[1], "quote": text[found[0]:found[1]]})
        out["evidence"] = spans
        events.append(out)
    return {
        "id": row["id"],
        "source": {"path": source_path},
        "published": row["published"],
        "outlet": row["outlet"],
        "coder": raw.get("coder", ""),
        "notes": raw.get("notes", "") or "",
        "events": events,
    }


def agreement(a_path: Path, b_path: Path) -> tuple[float, dict[str, int]]:
    a, b = load_gold_file(a_path), load_gold_file(b_path)
    result = score_documents(
        [(a.id, [scorable_from_gold(a, e) for e in a.events],
          [scorable_from_gold(b, e) for e in b.events])],
        strict=True,
    ).docs[0]
    c = result.counts
    return round(c.f1, 4), {"tp": c.tp, "only_b": c.fp, "only_a": c.fn}


# Function words that mark a language well enough to tell the corpus's few non-English pages.
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "was", "were", "said", "on", "that", "by", "with"},
    "fr": {"le", "la", "les", "des", "et", "dans", "une", "est", "du", "par", "sur", "ont"},
    "es": {"el", "los", "las", "del", "y", "en", "una", "que", "por", "con", "para", "se"},
    "sw": {"na", "ya", "wa", "kwa", "katika", "za", "cha", "ni", "hiyo", "huo", "kuwa", "vya"},
}


def language_of(text: str) -> str:
    words = [w.strip(".,;:!?()\"'").lower() for w in text.split()]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    return max(scores, key=lambda lang: (scores[lang], lang == "en"))


# Where each outlet publishes itself; a copy found elsewhere (a mirror of a public-domain
# release, say) is flagged so a reader can weigh its provenance.
OFFICIAL_HOSTS = (
    "voanews.com", "voaafrica.com", "voacambodia.com", "voa.gov", "pangea-cms.com",
    "insidevoa.com", "voaswahili.com", "voaafrique.com", "ochaopt.org",
    "humanitarianresponse.info", "africom-web-app.azurewebsites.net", "defense.gov",
    "centcom.mil", "africom.mil", "eucom.mil", "army.mil", "af.mil", "navy.mil", "state.gov",
    "usembassy.gov", "usmission.gov", "usaid.gov", "wikinews.org", "wikipedia.org", "gov.uk",
    "unocha.org", "reliefweb.int", "eucom-web-app.azurewebsites.us",
)


def official_host(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="print the data card's tables")
    parser.add_argument("--splits", default="corpus/real/splits.json",
                        help="held-out countries and outlets (JSON)")
    args = parser.parse_args()
    problems = Problems()
    splits_cfg = json.loads(Path(args.splits).read_text(encoding="utf-8"))
    rows = [r for r in read_meta(problems) if check_article(r, problems)]
    seen_url: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    manifest = []
    for row in rows:
        row["country"] = COUNTRY_NAMES.get(row["country"], row["country"])
        text = (ROOT / row["path"]).read_text(encoding="utf-8")
        url = row["url"].split("://", 1)[-1].rstrip("/")
        digest = text_hash(text)
        if url in seen_url or digest in seen_text:
            problems.add(row["_meta"], f"duplicate of {seen_url.get(url) or seen_text[digest]}")
            continue
        seen_url[url], seen_text[digest] = row["id"], row["id"]
        folder = "wikipedia/" if row["path"].startswith("wikipedia/") else ""
        rel_text = "../../" + row["path"] if not folder else "../../" + row["path"][len(folder):]
        if folder:
            # Wikipedia's codings quote its text: they live beside it, under its licence.
            for sub in ("coding/a", "coding/b", "adjudication"):
                stray = ROOT / sub / f"{row['id']}.json"
                if stray.is_file():
                    (ROOT / folder / sub).mkdir(parents=True, exist_ok=True)
                    stray.rename(ROOT / folder / sub / stray.name)
        coding = []
        for coder in ("a", "b"):
            path = ROOT / folder / "coding" / coder / f"{row['id']}.json"
            if not path.is_file():
                continue
            raw = json.loads(path.read_text(encoding="utf-8"))
            if "source" not in raw:  # a coder's raw file: convert it in place
                raw = to_gold(raw, row, text, rel_text, str(path), problems)
                path.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", "utf-8")
            coding.append(path)
        if len(coding) < 2:
            problems.add(row["_meta"], f"{row['id']}: {len(coding)} of 2 codings; left out")
            continue
        score, counts = agreement(*coding)
        gold_path = ROOT / folder / "gold" / f"{row['id']}.json"
        adjudicated = ROOT / folder / "adjudication" / f"{row['id']}.json"
        if adjudicated.is_file():
            raw = json.loads(adjudicated.read_text(encoding="utf-8"))
            raw["coder"] = "adjudicated"
        elif score == 1.0:
            raw = json.loads(coding[0].read_text(encoding="utf-8"))
            raw["coder"] = "A, B agreed"
        else:
            problems.add(row["_meta"], f"{row['id']}: coders disagree, no adjudication")
            continue
        gold = to_gold(raw, row, text, rel_text.replace("../../", "../", 1), str(gold_path),
                       problems) if "source" not in raw else raw | {
            "source": {"path": rel_text.replace("../../", "../", 1)}}
        gold_path.parent.mkdir(parents=True, exist_ok=True)
        gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", "utf-8")
        load_gold_file(gold_path)  # fails loudly on anything malformed
        n_events = sum(not e.get("optional") for e in gold["events"])
        manifest.append({
            "id": row["id"],
            "path": row["path"],
            "gold": str(gold_path.relative_to(ROOT)),
            "coding": [str(p.relative_to(ROOT)) for p in coding],
            "url": row["url"],
            "outlet": row["outlet"],
            "license": row["license"],
            "license_verified": row.get("license_verified", ""),
            "official_host": official_host(row["url"]),
            "published": row["published"],
            "published_source": row.get("published_source", "page"),
            "country": row["country"],
            "conflict": row.get("conflict", ""),
            "split": assign_split(row, splits_cfg),
            "events": n_events,
            "agreement": score,
            "agreement_counts": counts,
            "negative": n_events == 0,
            "forms": row.get("forms", []),
            "language": language_of(text),
            "excerpt": bool(row.get("excerpt", True)),
            "retrieved": row.get("retrieved", ""),
            "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
        })
    manifest.sort(key=lambda m: m["id"])
    with (ROOT / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for m in manifest:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    for line in problems.lines:
        print(line, file=sys.stderr)
    print(f"{len(manifest)} articles in the manifest; {len(problems.lines)} problems")
    if args.stats:
        print_stats(manifest)
    return 0


def assign_split(row: dict[str, Any], cfg: dict[str, Any]) -> str:
    """Fresh: the batches collected after the split was last tuned on, whatever their country
    or outlet. Test: a held-out country told by a held-out outlet. Dev: the other articles
    train must not see (held-out countries or outlets) and the dev countries. Train: the rest."""
    country, outlet = row["country"], row["outlet"]
    if row["id"].split("-")[0] in cfg.get("fresh_batches", ()):
        return "fresh"
    if country in cfg["test_countries"] and outlet in cfg["test_outlets"]:
        return "test"
    if (country in cfg["test_countries"] or outlet in cfg["test_outlets"]
            or country in cfg["dev_countries"]):
        return "dev"
    return "train"


def print_stats(manifest: list[dict[str, Any]]) -> None:
    """The data card's tables, as Markdown."""
    golds = {m["id"]: json.loads((ROOT / m["gold"]).read_text(encoding="utf-8")) for m in manifest}

    def scored(m: dict[str, Any]) -> list[dict[str, Any]]:
        return [e for e in golds[m["id"]]["events"] if not e.get("optional")]

    def agreement(ms: list[dict[str, Any]]) -> str:
        tp = sum(m["agreement_counts"]["tp"] for m in ms)
        rest = sum(m["agreement_counts"]["only_a"] + m["agreement_counts"]["only_b"] for m in ms)
        return f"{2 * tp / (2 * tp + rest):.3f}" if tp + rest else "-"

    splits = ("train", "dev", "test", "fresh")
    print("\n| split | articles | negative | scored events | countries | outlets "
          "| coders' strict F1 |")
    print("|---|---|---|---|---|---|---|")
    for split in (*splits, "all"):
        ms = [m for m in manifest if split in ("all", m["split"])]
        print(f"| {split} | {len(ms)} | {sum(m['negative'] for m in ms)} | "
              f"{sum(len(scored(m)) for m in ms)} | {len({m['country'] for m in ms})} | "
              f"{', '.join(sorted({m['outlet'] for m in ms}))} | {agreement(ms)} |")

    def table(title: str, key: Any, rows: list[str] | None = None) -> None:
        counts: dict[str, Counter] = {}
        for m in manifest:
            for k in key(m):
                counts.setdefault(k, Counter())[m["split"]] += 1
        print(f"\n| {title} | train | dev | test | fresh | all |")
        print("|---|---|---|---|---|---|")
        for k in rows or sorted(counts, key=lambda k: (-sum(counts[k].values()), k)):
            c = counts.get(k, Counter())
            print(f"| {k} | {c['train']} | {c['dev']} | {c['test']} | {c['fresh']} "
                  f"| {sum(c.values())} |")

    table("country (articles)", lambda m: [m["country"]])
    table("outlet (articles)", lambda m: [m["outlet"]])
    table("language (articles)", lambda m: [m["language"]])
    table("form (articles)", lambda m: m["forms"])
    table("sub-event type (scored gold events)",
          lambda m: [e["sub_event_type"] for e in scored(m)])
    table("event type (scored gold events)", lambda m: [e["event_type"] for e in scored(m)])
    years = Counter(m["published"][:4] for m in manifest)
    print("\npublished by year:", ", ".join(f"{y}: {n}" for y, n in sorted(years.items())))
    print("published date inferred:", sum(m["published_source"] == "inferred" for m in manifest))
    print("copies found away from the outlet's own site:",
          sum(not m["official_host"] for m in manifest))
    perfect = sum(m["agreement"] == 1.0 for m in manifest)
    print(f"articles the coders coded identically (strict): {perfect} of {len(manifest)}")


if __name__ == "__main__":
    sys.exit(main())
