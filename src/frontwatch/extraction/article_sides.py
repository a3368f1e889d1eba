"""What a whole article says of its sides and campaigns.

Many sentences tell an act without its sides ("Positional engagements continued near
Kreminna", "heavy bombardment in Kharkiv"); the article as a whole often makes them plain: the
group it names most, the two parties it names most, the state it says wages a campaign, the
foreign air force or the one foreign state's forces it is about, the group that claimed
responsibility. `ArticleSides` reads these once per article, for the sentences to inherit.
"""

from __future__ import annotations

import re
from collections import Counter

from frontwatch.actors.catalog import (
    DOMINANT_GROUP,
    ActorCatalog,
    ActorEntry,
    ActorMatch,
    regional_coalition,
)
from frontwatch.extraction.acled_sides import insurgent_first
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.roles import is_helper
from frontwatch.model import ActorRef

# Institutions named as a state's forces: the source of a briefing, not a side in its war
INSTITUTION = re.compile(r"\b(?:Pentagon|Department|Ministry|Command|AFRICOM|CENTCOM|"
                         r"United States)\b", re.IGNORECASE)


class ArticleSides:
    """Reads an article's sides and campaigns from the actor catalogue."""

    def __init__(self, actors: ActorCatalog) -> None:
        self.actors = actors
        # the campaign pattern names every state: built once, on first use
        self._campaign_re: re.Pattern[str] | None = None

    def claimer(self, actors: list[ActorMatch], claim_start: int) -> ActorMatch | None:
        """The armed group named last before "claimed responsibility" ("The Houthis claimed
        responsibility"), which claims it."""
        return next((m for m in reversed(actors) if m.end_char <= claim_start
                     and self.actors.is_armed_group(m.entry)), None)

    def sole_foreign_force(self, named: list[list[ActorMatch]], country: str | None
                           ) -> ActorRef | None:
        """The forces of the one state an article names as fighting, when that state is not
        the article's own and no other state's forces (the host's included) are named."""
        if not country:
            return None
        states: Counter[str] = Counter()
        refs: dict[str, ActorRef] = {}
        for actors in named:
            for a in actors:
                e = a.entry
                if e.inter not in (1, 8) or e.parent or INSTITUTION.search(a.raw) or \
                        e.name.startswith("Police"):
                    continue
                where = a.adjective_country or e.country or (None if e.generic else "")
                if where is None:
                    where = country  # "government forces": the host's
                ref = self.actors.resolve(a, where)
                states[ref.name] += 1
                refs[ref.name] = ref
        if len(states) != 1:
            return None
        ((name, times),) = states.items()
        ref = refs[name]
        if times < 2 or not ref.country or ref.country == country or \
                name == self.actors.state_forces.get(country):
            return None
        return ActorRef(raw="", name=ref.name, inter=ref.inter, country=ref.country)

    def campaigns(self, text: str, country: str | None) -> list[tuple[str, bool]]:
        """The states an article says wage a campaign ("Turkey announced the start of military
        operations", "Russia's invasion", "Israel airstrikes intensified"), once per telling,
        each with whether it is one from the air or on the ground that brings the air force
        with it. An invasion of the article's country makes its state the other side."""
        out: list[tuple[str, bool]] = []
        for m in self.campaign_pattern().finditer(text):
            word = m.group("state") or m.group("by")
            state = word if word in self.actors.states else self.actors.adjectives.get(
                word.lower())
            if state is None:
                continue
            act = (m.group("act") or m.group("act2") or "").lower()
            out.append((state, True))
            if country and state != country and act in ("invasion", "incursion"):
                out.append((country, False))  # the invaded state's forces fight back
        return out

    def campaign_pattern(self) -> re.Pattern[str]:
        if self._campaign_re is None:
            names = sorted({*self.actors.states,
                            *(a for adjs in self.actors.states.values() for a in adjs)},
                           key=len, reverse=True)
            state = "(?P<state>" + "|".join(re.escape(n) for n in names) + ")"
            act = (r"(?P<act>military operations?|offensive|invasion|incursion|air campaign|"
                   r"air ?strikes|air raids|bombardment)")
            self._campaign_re = re.compile(
                rf"\b{state}(?:['’]s)?\s+(?:(?:announced|launched|began|started|pressed|"
                rf"continued|expanded)\s+(?:the\s+start\s+of\s+|its\s+|a\s+|an\s+)?)?"
                rf"(?:new\s+|military\s+|full-scale\s+|ground\s+)?{act}\b"
                rf"|\b{act.replace('?P<act>', '?P<act2>')}\s+by\s+"
                rf"{state.replace('?P<state>', '?P<by>')}\b")
        return self._campaign_re

    def dominant_group(self, parsed: list[ParsedSentence]) -> ActorEntry | None:
        tally: Counter[str] = Counter()
        entries: dict[str, ActorEntry] = {}
        for p in parsed:
            for a in p.actors:
                if a.entry.inter == 2 and a.entry.name != DOMINANT_GROUP and not is_helper(
                        p.doc[a.start : a.end].root):
                    tally[a.entry.name] += 1
                    entries[a.entry.name] = a.entry
        if not tally:
            return None
        return entries[tally.most_common(1)[0][0]]

    def dominant_by_country(self, parsed: list[ParsedSentence]) -> dict[str, ActorEntry]:
        """The dominant group of each country's sentences (a sentence naming none counts for its
        paragraph's country)."""
        by_paragraph: dict[int, Counter[str]] = {}
        for p in parsed:
            if p.country:
                by_paragraph.setdefault(p.sentence.paragraph, Counter())[p.country] += 1
        groups: dict[str, list[ParsedSentence]] = {}
        for p in parsed:
            here = by_paragraph.get(p.sentence.paragraph)
            country = p.country or (here.most_common(1)[0][0] if here else None)
            if country:
                groups.setdefault(country, []).append(p)
        if len(groups) < 2:
            return {}  # one country: the article's dominant group is its
        found = {c: e for c, ps in groups.items() if (e := self.dominant_group(ps)) is not None}
        return found if len(found) > 1 or len(found) < len(groups) else {}

    def belligerents(self, named: list[list[ActorMatch]], country: str | None = None,
                     dominant: ActorEntry | None = None,
                     campaigns: list[tuple[str, bool]] | None = None
                     ) -> list[ActorRef] | None:
        """The two armed parties an article names most, when no third rivals the second
        ("Russian forces" and "Ukrainian forces" in a front-line update), for fighting told
        without its sides ("Positional engagements continued near Kreminna"); a state said
        to wage a campaign counts as naming its forces."""
        # by the name each resolves to: "Russian forces" (an alias) and "Russian drones" (the
        # state's adjective) are one side
        tally: Counter[str] = Counter()
        sides: dict[str, ActorRef] = {}

        def count(e: ActorEntry, where: str | None) -> None:
            where = where or e.country
            name = self.actors.canonical_name(e, where)
            tally[name] += 1
            sides.setdefault(name, ActorRef(raw="", name=name, inter=e.inter, country=where))

        generic_army = self.actors.by_name["Military Forces of {country}"]
        for state, _ in campaigns or []:
            count(generic_army, state)
        for actors in named:
            for a in actors:
                if INSTITUTION.search(a.raw) or a.entry.name.startswith("Government of"):
                    # "the Pentagon" briefing on a war it does not fight; a state's
                    # authorities speak and administer, its forces fight
                    continue
                e = a.entry
                if e.name == DOMINANT_GROUP:
                    if dominant is None:
                        continue
                    e = dominant  # "the militants" of an article about one group
                # a party the report will not name ("a non-state armed group") is a side too,
                # and so are the unnamed state's forces ("government forces") of its country
                unnamed = e.generic and "{country}" in e.name and (
                    e.inter in (2, 3) or e.name.startswith("Military Forces")) and bool(country)
                if e.inter in (1, 2, 3, 8) and not e.parent and (
                        not e.generic or a.adjective_country or unnamed):
                    where = a.adjective_country if e.generic else None
                    count(e, where or (country if unnamed else None))
        ranked = tally.most_common(3)
        if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
            return None  # fewer than two sides, or no clear second one
        out = [sides[name] for name, _ in ranked[:2]]
        return list(insurgent_first(out[0], out[1], country,
                                    self.actors.state_forces.get(country or "")))

    def air_actor(self, parsed: list[ParsedSentence], country: str | None) -> ActorEntry | None:
        """The foreign air force an article is about (the coalition in a strike report)."""
        tally: Counter[str] = Counter()
        entries: dict[str, ActorEntry] = {}
        for p in parsed:
            for a in p.actors:
                e = a.entry
                regional = regional_coalition(a.raw, country) \
                    if e.name == "Operation Inherent Resolve" else None
                if regional is not None and regional[0] in self.actors.by_name:
                    e = self.actors.by_name[regional[0]]  # "coalition aircraft" over Yemen
                if e.inter == 8 or (e.inter == 1 and e.country and country and
                                    e.country != country and not e.parent):
                    tally[e.name] += 1
                    entries[e.name] = e
        if not tally:
            return None
        return entries[tally.most_common(1)[0][0]]
