"""Where one sentence's act happened: the places it names, or the place told before.

`PlaceReader.found` collects the sentence's place names (the parse's and the gazetteer's)
and drops those that are not where the act was: who is told something, the outlet and the
dateline, a name inside a person's or a building's, a people's adjective, where the losers
fled to; a place the sources speak for stands when the act names none. `settled` keeps the
act's own places first and, when the sentence names none, takes those of the incident just
told ("the town", "in the fighting").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.attribution import Attribution
from frontwatch.extraction.background import (
    act_places_first,
    char_ranges,
    dateline_spans,
    is_headline,
    names_a_facility,
    own_clause_places,
    receivers,
)
from frontwatch.extraction.incidents import NEW_INCIDENT, merge_places
from frontwatch.extraction.model_roles import places_read_as_act
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.places import (
    FACILITY_NAME,
    INSTITUTION,
    NOT_PLACE_NAMES,
    adjective_name,
    find_places,
    is_demonym,
    mark_containers,
    names_people,
    origin_of_people,
    role_of,
)
from frontwatch.extraction.roles import (
    clock_places,
    destinations,
    owner_word,
    source_places,
    speech_places,
)
from frontwatch.extraction.title_case import common_words
from frontwatch.extraction.triggers import Trigger
from frontwatch.model import PlaceMention
from frontwatch.nlp import doc_text

THE_AREA = re.compile(r"\bin the (?:province|district|city|town|area|region|county|state)\b",
                      re.IGNORECASE)
PROVINCE_AFTER = re.compile(r"\s+(?:province|district|county|governorate|state)\b",
                            re.IGNORECASE)
ADMIN_AREA = re.compile(r"\b(?:County|District|Province|State|Governorate|Region|Oblast|"
                        r"Department|Prefecture|Municipality|Raion)\b")
# A part of a city: "al-Hamdaniya neighborhood" in "In Aleppo, ..." is in Aleppo
CITY_PART = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|district|streets?|square|suburbs?)\b",
                       re.IGNORECASE)
# "the town", "in the fighting": the place of the incident just told
PLACE_ANAPHORA = re.compile(
    r"\b(the (?:town|village|city|area|region|district|neighbo(?:u)?rhood|base|airport|field|"
    r"fields|operation|clashes|fighting|attack|attacks|battle|assault|raid|raids|offensive)|"
    r"during the|in the clashes|in the fighting|in the attack)\b",
    re.IGNORECASE,
)
# A sentence that opens on a place: "In Deir Ezzor, ...", "In the Idlib countryside, ..."
# ("Meanwhile in Katsina State, bandits killed 12 villagers in Faskari")
# (also a bulleted line, "- In Daraa countryside, ...", and "In the occupied West Bank, ...")
FRAMING = re.compile(r"\s*(?:[-–—•*]\s*)?(?:(?:Meanwhile|Elsewhere|Also|Separately),?\s*)?[Ii]n\s+"
                     r"(?:the\s+)?(?:(?:occupied|besieged|embattled|restive|neighbou?ring|"
                     r"northern|southern|eastern|western|central|north-?eastern|north-?western|"
                     r"south-?eastern|south-?western)\s+)?[A-Z][^,;]{1,40},")


# A report's bullet opening on its own day: "• On 14 June, ..."
NEW_DATED_ITEM = re.compile(r"\s*(?:[•▪●*]|[-–—]\s)\s*On\s+(?:\d{1,2}\s+[A-Z][a-z]+|"
                            r"[A-Z][a-z]+\s+\d{1,2})\b")


def _adjective_place(doc, pl: PlaceMention) -> bool:
    span = doc.char_span(pl.start, pl.end)
    return span is not None and adjective_name(span)


class PlaceReader:
    def __init__(self, town_of: Callable[[PlaceMention], PlaceMention | None]) -> None:
        # the town a building is named for, as the gazetteer's finder knows it
        self.town_of = town_of

    def found(self, article, p: ParsedSentence, ctx: ArticleContext, trigger: Trigger,
              attribution: Attribution) -> list[PlaceMention]:
        """The places the sentence names that may be where its act was, with the article's
        offsets."""
        doc, sent = p.doc, p.sentence
        offset = sent.start
        object_region = None
        if trigger.kind in ("territory", "transfer"):
            object_region = (trigger.end, len(doc))
        blocked = set()
        for a in p.actors:
            blocked.update(range(a.start, a.end))
        if attribution.token_span:
            blocked.update(range(*attribution.token_span))
        blocked.update(p.figures.materiel_tokens)
        for s, e in dateline_spans(doc_text(doc)):
            span = doc.char_span(s, e, alignment_mode="contract")
            if span is not None:
                blocked.update(range(span.start, span.end))
        places = [] if is_headline(sent) else find_places(doc, blocked, object_region)
        # Who is told something, the outlet's name and the dateline are never the event's place
        sources_at = source_places(doc, attribution) + speech_places(doc, trigger.start)
        not_here = receivers(doc) + dateline_spans(doc_text(doc)) \
            + sources_at + clock_places(doc_text(doc))
        if article.outlet:
            not_here += [(m.start(), m.end()) for m in re.finditer(
                re.escape(article.outlet), doc_text(doc))]
        # "officials in Herat confirmed a raid ... in the province": the province the
        # sources speak for is where it was, when the act names it only so
        speaking = char_ranges(doc, set(range(*attribution.token_span))) \
            if attribution.token_span else []
        # So is the province of "police officials in Jawzjan province say": officials of a
        # province speak of it (not so a ministry's capital)
        sources_place = [
            replace(f, start=f.start - sent.start, end=f.end - sent.start, role="region")
            for f in ctx.toponyms or [] if sent.shows(f.start, f.end)
            and any(s < f.end - sent.start and f.start - sent.start < e
                    for s, e in sources_at + speaking)
            and (THE_AREA.search(doc_text(doc)) or PROVINCE_AFTER.match(article.text, f.end))
        ]
        places = [pl for pl in places
                  if not any(s < pl.end and pl.start < e for s, e in not_here)]
        if ctx.toponyms is not None:
            found = [replace(f, start=f.start - sent.start, end=f.end - sent.start)
                     for f in ctx.toponyms if sent.shows(f.start, f.end)]
            # a name inside a person's ("Tahira Sabah Alimyar, a member of the council") is
            # part of the name, not Sabah
            people = [(ent.start_char, ent.end_char) for ent in doc.ents
                      if ent.label_ == "PERSON" and len(ent) > 1]
            taken = char_ranges(doc, blocked) + not_here
            found = [f for f in found if not any(s < f.end and f.start < e for s, e in taken)
                     and not any(s <= f.start and f.end <= e and (s, e) != (f.start, f.end)
                                 for s, e in people)]
            for f in found:
                span = doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is not None and f.role == "at":
                    f.role, f.offset_km, f.direction = role_of(doc, span.start, span.end)
            places = merge_places(places, found)
        places = [self.town_of(pl) if FACILITY_NAME.search(pl.text) else pl for pl in places]
        places = [pl for pl in places
                  if pl is not None and pl.text.lower().strip(" .") not in NOT_PLACE_NAMES
                  and len(pl.text) >= 3
                  and not INSTITUTION.match(pl.text)
                  # "ELEVEN KILLED IN ARMED RAID": a word of a heading in capitals
                  and not (pl.text.isupper() and pl.text.lower() in common_words())
                  and not is_demonym(pl.text) and not owner_word(doc, pl)
                  and not names_a_facility(doc, pl) and not _adjective_place(doc, pl)
                  and not names_people(doc_text(doc), pl) and not origin_of_people(doc, pl)]
        if not places and sources_place:
            places = sources_place
        away = destinations(doc)
        if away:
            # "forcing the militants to retreat towards Deir ez-Zor": where the losers went (or
            # where the fire came from) is not where it happened, unless no other place is named
            here = [pl for pl in places if not any(s < pl.end and pl.start < e for s, e in away)]
            if here:
                places = here
            elif ctx.last_places and sent.index - ctx.last_places_sentence <= 4:
                places = []  # the incident just told is where it happened: inherit it below
            else:
                for pl in places:
                    pl.role = "near" if pl.role == "at" else pl.role
        mark_containers(sent.text, places)
        frame = FRAMING.match(sent.text, max((e for _, e in dateline_spans(sent.text)), default=0))
        if frame is not None:
            # "In Deir Ezzor, army units foiled an attack near al-Mayadin": the opening place
            # frames the story; the act's own place, when the sentence names one, is where
            framed = [pl for pl in places if pl.start < frame.end()]
            # "In Manyabol and Likuangole towns, the hardest-hit locations in Pibor County,":
            # a wider area named after the opening places places them, it is not the act's
            own_places = [pl for pl in places if pl.start >= frame.end()
                          and pl.role in ("at", "near")
                          and not CITY_PART.match(sent.text, pl.end)
                          and not ADMIN_AREA.search(sent.text[pl.start : pl.end + 12])]
            if framed and own_places:
                for pl in framed:
                    pl.role = "region"
        for pl in places:
            pl.start += offset
            pl.end += offset
        return places

    def settled(self, p: ParsedSentence, ctx: ArticleContext, trigger: Trigger,
                places: list[PlaceMention], place_at: float) -> tuple[list[PlaceMention], bool]:
        """The act's places, its own first, or those of the incident just told; and whether
        they were inherited. Remembers the places in `ctx` for the sentences after."""
        doc, sent = p.doc, p.sentence
        offset = sent.start
        if p.coding is not None and len(places) > 1:
            places = places_read_as_act(places, p.coding.roles, offset, place_at)
        places = own_clause_places(doc, trigger, act_places_first(doc, trigger, places, offset),
                                   offset)
        inherited_place = False
        if NEW_INCIDENT.match(sent.text) or (
                NEW_DATED_ITEM.match(sent.text) and not PLACE_ANAPHORA.search(doc_text(doc))):
            # what follows is about this other incident ("In other violence in western
            # Afghanistan, ... escaped the region": not the region of the act told before;
            # nor is a report's next dated bullet, "• On 14 June, ... at the entrance of
            # Beita", at the place of the bullet before)
            ctx.last_places = []
        if not places and ctx.last_places and (sent.index - ctx.last_places_sentence) <= 4:
            places = [replace(pl) for pl in ctx.last_places]
            inherited_place = True
        elif places and not all(pl.role == "region" for pl in places):
            ctx.last_places = places
            ctx.last_places_sentence = sent.index
        elif PLACE_ANAPHORA.search(doc_text(doc)) and ctx.last_places and not any(
            pl.role != "region" for pl in places
        ):
            places = [replace(pl) for pl in ctx.last_places] + places
            inherited_place = True

        return places, inherited_place
