"""The extraction vocabularies (triggers, claimants, materiel), loaded from data files.

The files live in `frontwatch/data/`; a user can point `FRONTWATCH_DATA_DIR` at a folder holding
edited copies of any of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from frontwatch.errors import ConfigError


def read_data_file(name: str) -> dict[str, Any]:
    override = os.environ.get("FRONTWATCH_DATA_DIR")
    if override and (Path(override) / name).is_file():
        path = Path(override) / name
        where, text = str(path), path.read_text("utf-8")
    else:
        where = name
        text = resources.files("frontwatch.data").joinpath(name).read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping at the top level")
    return data


@dataclass(slots=True)
class ClaimantEntry:
    name: str
    kind: str
    affiliation: str | None
    aliases: list[str]
    # The one country whose body this is (SANA: Syria): its generic aliases ("state media",
    # "civil defence") name it only in a story about that country
    country: str | None = None


@dataclass(slots=True)
class Lexicon:
    trigger_kinds: dict[str, list[str]]
    priority: list[str]
    modifier_blockers: dict[str, set[str]]
    claimants: list[ClaimantEntry]
    speech_verbs: set[str]
    hedge_words: list[str]
    materiel: dict[str, list[str]]
    materiel_ignore: list[str]
    fates: dict[str, list[str]]
    fate_of_word: dict[str, str] = field(default_factory=dict)

    def claimant_entry(self, name: str | None) -> ClaimantEntry | None:
        return next((c for c in self.claimants if c.name == name), None) if name else None

    def claimant_for(self, actor_name: str) -> str:
        """The claimant name of a party to the fighting ("SDF" for "SDF: Syrian Democratic
        Forces"), so one side's statements carry one name whichever way it was found."""
        for c in self.claimants:
            if c.affiliation == actor_name and c.kind in ("armed group", "government",
                                                          "military"):
                return c.name
        return actor_name

    @classmethod
    def load(cls) -> Lexicon:
        trig = read_data_file("triggers.yaml")
        clm = read_data_file("claimants.yaml")
        mat = read_data_file("materiel.yaml")
        try:
            lex = cls(
                trigger_kinds={k: [str(p) for p in v] for k, v in trig["kinds"].items()},
                priority=[str(k) for k in trig["priority"]],
                modifier_blockers={
                    k: {str(w) for w in v} for k, v in trig.get("modifier_blockers", {}).items()
                },
                claimants=[
                    ClaimantEntry(
                        name=str(c["name"]),
                        kind=str(c["kind"]),
                        affiliation=c.get("affiliation"),
                        aliases=[str(a) for a in c["aliases"]],
                        country=c.get("country"),
                    )
                    for c in clm["claimants"]
                ],
                speech_verbs={str(v) for v in clm["speech_verbs"]},
                hedge_words=[str(h) for h in clm["hedge_words"]],
                materiel={k: [str(p) for p in v] for k, v in mat["categories"].items()},
                materiel_ignore=[str(p) for p in mat.get("ignore", [])],
                fates={k: [str(p) for p in v] for k, v in mat["fates"].items()},
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"extraction data files: missing or malformed entry {exc}") from exc
        unknown = set(lex.trigger_kinds) - set(lex.priority)
        if unknown:
            raise ConfigError(f"triggers.yaml: kinds missing from priority: {sorted(unknown)}")
        lex.fate_of_word = {w: fate for fate, words in lex.fates.items() for w in words}
        return lex
