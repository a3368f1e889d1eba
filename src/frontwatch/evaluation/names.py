"""Lenient name comparison for scoring: actors by alias key, claimants and places by spelling.

The extractor writes ACLED-style canonical names ("Military Forces of Syria (2000-)"), a gold
coder may write the same; either may write "Syrian army". The scorer must not punish spelling,
only a wrong party. Aliases live in `data/eval_actor_aliases.yaml`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from anyascii import anyascii
from rapidfuzz import fuzz

from frontwatch.geo.names import loose_key

FUZZY_THRESHOLD = 85
ALIASES_FILE = Path(__file__).resolve().parents[1] / "data" / "eval_actor_aliases.yaml"


def normalise(name: str) -> str:
    """ASCII, lower case, punctuation to spaces, a leading 'the' dropped."""
    text = anyascii(name or "").lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9'*:() -]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _bare(name: str) -> str:
    """Normalised and stripped of punctuation entirely, for fuzzy comparison."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", normalise(name))).strip()


@cache
def _alias_table() -> tuple[dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    """(exact name -> key, [(prefix, key)], [(infix, key)]) from the YAML file."""
    data = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    infixes: list[tuple[str, str]] = []
    for key, names in data.items():
        for raw in names:
            name = normalise(raw)
            if name.startswith("*") and name.endswith("*"):
                infixes.append((name.strip("*"), key))
            elif name.endswith("*"):
                prefixes.append((name.rstrip("*"), key))
            else:
                exact[name] = key
    # Longest prefix first, so the more specific one wins.
    prefixes.sort(key=lambda p: -len(p[0]))
    return exact, prefixes, infixes


def actor_key(name: str) -> str | None:
    """The alias key of an actor name, or None when the table does not know it."""
    norm = normalise(name)
    if not norm:
        return None
    exact, prefixes, infixes = _alias_table()
    if norm in exact:
        return exact[norm]
    # Infixes first: they name the specific party inside a longer name ("ISIS-linked news
    # agency Amaq", "Military Forces of Iraq (2014-) ... Peshmerga").
    for infix, key in infixes:
        if infix in norm:
            return key
    for prefix, key in prefixes:
        if norm.startswith(prefix):
            return key
    return None


def same_actor(a: str, b: str) -> bool:
    """True when both name the same party (both empty counts as the same: 'no actor2')."""
    if not (a or "").strip() and not (b or "").strip():
        return True
    if not (a or "").strip() or not (b or "").strip():
        return False
    ka, kb = actor_key(a), actor_key(b)
    if ka is not None and kb is not None:
        return ka == kb
    return fuzz.token_set_ratio(_bare(a), _bare(b)) >= FUZZY_THRESHOLD


def same_claimant(a: str, b: str) -> bool:
    """Claimants ('the US military', 'Amaq news agency') compared like actors."""
    return same_actor(a, b)


def claimants_agree(gold: list[str], pred: list[str]) -> bool:
    """Each gold claimant is found among the predicted ones, and each predicted among the gold."""
    gold = [g for g in gold if g]
    pred = [p for p in pred if p]
    return all(any(same_claimant(g, p) for p in pred) for g in gold) and all(
        any(same_claimant(p, g) for g in gold) for p in pred
    )


# Words that say what kind of place a name is: coders and gazetteers add or drop them at will
# ("Shan State" / "Shan", "Marawi City" / "Marawi", "Palma District of Cabo Delgado Province").
_PLACE_KIND = re.compile(
    r"\b(state|province|region|district|governorate|city|town|village|county|oblast|raion|"
    r"township|municipality|prefecture|department|division|commune|wilaya|muhafazah|"
    r"sub ?district|camp)\b"
)


def place_key(name: str) -> str:
    """A place name without articles, prefixes, kind words and spacing: 'Al-Qadir' and
    'al Qadir' agree, and so do 'Shan State' and 'Shan'. 'X of Y' is X's name."""
    halves = re.split(r"\bof\b", _bare(name), maxsplit=1)
    parts = [_PLACE_KIND.sub(" ", part).strip() for part in halves]
    # "Palma District of Cabo Delgado" is Palma; "City of London" is London
    text = next((part for part in parts if part), "")
    text = re.sub(r"\b(al|el|ad|ar|as|ash|at|az|an|tal|tel)\b ?", "", text)
    return text.replace(" ", "")


# Letters a transliteration skeleton must keep to tell places apart ("Raqqa" is r*k*).
_SKELETON_LETTERS = 4


def _skeleton(name: str) -> str:
    """The gazetteer's transliteration skeleton ('Dayr Az Zawr' and 'Deir ez Zor' are both
    d*r z*r), or "" when it keeps too few letters to mean one place."""
    key = loose_key(name)
    return key if sum(ch.isalpha() for ch in key) >= _SKELETON_LETTERS else ""


def same_place_name(a: str, b: str) -> bool:
    ka, kb = place_key(a), place_key(b)
    if not ka or not kb:
        return False
    if ka == kb or fuzz.ratio(ka, kb) >= FUZZY_THRESHOLD:
        return True
    # one place in two transliterations, as the gazetteer reads them
    sa = _skeleton(a)
    return bool(sa) and sa == _skeleton(b)
