"""Casualty figures and materiel in one parsed sentence: who was killed or injured, how many,
and what equipment was destroyed, damaged or captured."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.lexicon import Lexicon
from frontwatch.extraction.numbers import find_counts
from frontwatch.extraction.triggers import FIGHTER_NOUNS, VEHICLE_NOUNS, hit_as_toll
from frontwatch.model import Count
from frontwatch.nlp import doc_text

QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
ASIDES = {"including", "among", "most", "many", "mostly", "some", "all", "both", "mainly"}
KILL_WORDS = {
    "killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "death", "deaths",
    "lives", "fatalities", "bodies", "slain", "executed", "martyred", "massacred", "beheaded",
    "perished", "toll", "drowned", "eliminated", "neutralized", "neutralised", "liquidated",
    "decapitated", "beheading", "decapitating", "lynched", "lynching", "assassinated",
    "assassinating", "assassination",
}
# plural nouns a count may measure that are never people
NOT_PEOPLE = {"days", "weeks", "months", "years", "hours", "minutes", "times", "percent",
              "kilometres", "kilometers", "km", "miles", "metres", "meters", "tonnes", "tons",
              "dollars", "rounds", "shells", "rockets", "missiles", "drones", "vehicles",
              "tanks", "houses", "homes", "buildings", "cattle", "goats", "sheep", "cows",
              "camels", "animals", "heads", "attacks", "incidents", "strikes", "villages"}
INJURY_WORDS = {
    "injured", "injuring", "injures", "injure", "injuries", "wounded", "wounding", "wounds",
    "hurt", "injury",
}
OTHER_FATE_WORDS = {
    "abducted", "kidnapped", "arrested", "detained", "captured", "taken", "missing", "displaced",
    "rescued", "freed", "released", "evacuated", "surrendered", "defected",
}
PERSON_NOUNS = {
    "people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops",
    "fighters", "fighter", "militants", "militant", "members", "member", "personnel", "men",
    "women", "children", "child", "others", "terrorists", "terrorist", "jihadists", "rebels",
    "officers", "officer", "policemen", "guards", "servicemen", "service", "residents",
    "villagers", "gunmen", "insurgents", "recruits", "commanders", "commander", "pilots",
    "crew", "protesters", "demonstrators", "workers", "students", "journalists", "doctors",
    "individuals", "bodies", "combatants", "operatives", "elements", "mercenaries", "family",
    "militiamen", "marines", "contractors", "conscripts", "worshippers", "passengers",
    "occupiers", "invaders", "instructors", "specialists", "paratroopers", "gunners",
    "infants", "boys", "girls", "teenagers", "farmers", "shepherds", "staff", "guardsmen",
    "assailants", "attackers", "raiders", "bandits", "kidnappers", "extremists", "suspects",
    "hostages", "captives", "detainees", "prisoners", "inmates", "migrants", "refugees",
    # one of them: "killing one man", "one protester"
    "man", "woman", "boy", "girl", "protester", "demonstrator", "resident", "villager",
    "worker", "student", "journalist", "doctor", "farmer", "shepherd", "policeman", "guard",
    "pilot", "teacher", "nurse", "baby", "infant", "driver", "passenger", "trader",
    "fisherman", "peacekeeper", "peacekeepers", "drivers", "traders",
    "corpses",
    # Arab and Sahel media count their dead as citizens ("nine citizens were martyred")
    "citizens", "citizen", "herders", "herdsmen", "fishermen", "martyrs",
    # "killed nine Afghan forces", "two police were wounded": counted as people
    "forces", "police", "troopers", "sailors", "airmen", "servicemembers",
    "agents", "volunteers",
    # a command's strike report names whom it killed by rank or trade ("killed one senior
    # al-Shabaab leader", "two explosives experts")
    "leader", "leaders", "expert", "experts", "chief", "chiefs", "operative", "facilitator",
    "facilitators", "financier", "financiers", "bombmaker", "bombmakers", "lieutenant",
    "lieutenants", "deputy", "teachers", "nurses", "elders", "engineers", "medics", "medic",
    # Pakistan's army's word for the TTP's fighters ("seven khwarij were killed")
    "khwarij", "khawarij", "kharijis",
    # the unarmed by what they were doing ("21 foreigners visiting the museum were killed")
    "foreigners", "tourists", "visitors", "guests", "shoppers", "pilgrims", "patients",
    "diners", "customers", "spectators", "mourners", "pupils", "schoolchildren", "miners",
}
CIVILIAN_NOUNS = {
    "civilians", "civilian", "people", "women", "children", "child", "residents", "villagers",
    "workers", "students", "journalists", "doctors", "worshippers", "passengers", "infants",
    "boys", "girls", "teenagers", "farmers", "shepherds", "family", "families", "protesters",
    "demonstrators", "dignitaries", "elders", "notables", "teachers", "fishermen", "traders",
    "merchants", "pilgrims", "motorists", "nurses", "citizens", "citizen", "herders",
    "foreigners", "tourists", "visitors", "guests", "shoppers", "patients", "diners",
    "customers", "spectators", "mourners", "pupils", "schoolchildren", "miners", "migrants",
    "refugees",
}


@dataclass(slots=True)
class CasualtyFigure:
    kind: str  # killed | injured
    count: Count
    start: int  # char offsets in the sentence
    end: int
    victim_tokens: tuple[int, int] | None = None  # token span of the victims' phrase
    civilians: bool = False
    update: bool = False  # a tally that grew ("the toll rose to nine"): it supersedes earlier


@dataclass(slots=True)
class MaterielItem:
    category: str
    count: int | None
    fate: str
    start: int  # token indices
    end: int
    text: str
    owner_tokens: tuple[int, int] | None = None


@dataclass(slots=True)
class Figures:
    casualties: list[CasualtyFigure] = field(default_factory=list)
    materiel: list[MaterielItem] = field(default_factory=list)
    materiel_tokens: set[int] = field(default_factory=set)


class FigureFinder:
    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        self.lexicon = lexicon
        self.materiel = PhraseMatcher(nlp.vocab, attr="LOWER")
        for category, words in lexicon.materiel.items():
            self.materiel.add(category, [nlp.make_doc(w) for w in words])
        self.materiel.add("IGNORE", [nlp.make_doc(w) for w in lexicon.materiel_ignore])
        self.fates = PhraseMatcher(nlp.vocab, attr="LOWER")
        for fate, words in lexicon.fates.items():
            self.fates.add(fate, [nlp.make_doc(w) for w in words])

    def materiel_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.materiel(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        return filter_spans(spans)

    def find(self, doc: Doc, counts: list[tuple[int, int, Count]] | None = None) -> Figures:
        figures = Figures()
        if counts is None:
            counts = find_counts(doc_text(doc))
        count_spans: list[tuple[Span, Count]] = []
        for start, end, count in counts:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                count_spans.append((span, count))
        fates = sorted(
            ((s, e, doc.vocab.strings[m]) for m, s, e in self.fates(doc)), key=lambda x: x[0]
        )
        for span in self.materiel_spans(doc):
            if span.label_ == "IGNORE":
                figures.materiel_tokens.update(range(span.start, span.end))
                continue
            item = self._materiel_item(doc, span, count_spans, fates)
            figures.materiel_tokens.update(range(span.start, span.end))
            if item is not None:
                figures.materiel.append(item)
        previous: tuple[CasualtyFigure, int] | None = None  # and the token its noun ends at
        for span, count in count_spans:
            if self._next_is_materiel(doc, span, figures):
                continue
            if _in_earlier_incident(span):
                continue
            hint = None
            if previous is not None and all(
                t.lower_ in ("and", ",", "as", "well") for t in doc[previous[1] : span.start]
            ) and span.start > previous[1]:
                hint = previous[0].kind  # "killed 22 rebels and nine loyalist fighters"
            fig = self._casualty(doc, span, count, hint)
            if fig is not None:
                figures.casualties.append(fig)
                end = fig.victim_tokens[1] if fig.victim_tokens else span.end
                previous = (fig, end)
                one = self._and_one_more(doc, end, fig)
                if one is not None:
                    figures.casualties.append(one)  # "two security guards and a civilian"
        return figures

    @staticmethod
    def _and_one_more(doc: Doc, end: int, fig: CasualtyFigure) -> CasualtyFigure | None:
        if end + 2 < len(doc) and doc[end].lower_ == "and" and \
                doc[end + 1].lower_ in ("a", "an") and doc[end + 2].lower_ in PERSON_NOUNS \
                and doc[end + 2].tag_ in ("NN", "JJ"):
            last = doc[end + 2]
            if end + 3 < len(doc) and doc[end + 3].tag_.startswith("NN"):
                if doc[end + 3].lower_ not in PERSON_NOUNS:
                    return None  # "a civilian car"
                last = doc[end + 3]  # "12 guests and a police officer"
            first = doc[end + 1]
            return CasualtyFigure(kind=fig.kind, count=Count(value=1), start=first.idx,
                                  end=last.idx + len(last.text),
                                  victim_tokens=(end + 2, last.i + 1),
                                  civilians=last.lower_ in CIVILIAN_NOUNS)
        return None

    @staticmethod
    def _next_is_materiel(doc: Doc, span: Span, figures: Figures) -> bool:
        # "3 battle tanks": the count belongs to the materiel that follows within a few tokens,
        # or that it counts however long the words between ("two Houthi anti-ship cruise
        # missiles", whose hyphen would end the look-ahead).
        if span.root.dep_ == "nummod" and span.root.head.i in figures.materiel_tokens:
            return True
        for i in range(span.end, min(span.end + 4, len(doc))):
            if i in figures.materiel_tokens:
                return True
            if doc[i].is_punct or doc[i].lower_ in ("and", "or") or \
                    doc[i].lower_ in PERSON_NOUNS or doc[i].tag_.startswith("VB") or \
                    _ends_phrase(doc[i]):
                # "Two soldiers killed as IED hits": people counted, not the IED; "kills 5 at
                # checkpoint": the preposition ends what the count counts
                return False
        return False

    def _materiel_item(
        self,
        doc: Doc,
        span: Span,
        count_spans: list[tuple[Span, Count]],
        fates: list[tuple[int, int, str]],
    ) -> MaterielItem | None:
        root = span.root
        if (root.dep_ == "pobj" and root.head.lower_ in ("by", "with")) or root.dep_ == "nsubj":
            return None  # "hit by a roadside bomb", "a car bomb killed": the weapon acts
        if root.dep_ == "dobj" and lemma_of(root.head) in ("strike", "hit", "run") and any(
                c.dep_ == "nsubj" and c.lower_ in VEHICLE_NOUNS for c in root.head.children):
            return None  # "their vehicle struck a roadside bomb": the bomb went off
        count: int | None = None
        owner: tuple[int, int] | None = None
        for c_span, c in count_spans:
            if 0 <= span.start - c_span.end <= 3:
                gap = doc[c_span.end : span.start]
                if not any(t.is_punct or t.lower_ in ("and", "or") or _ends_phrase(t)
                           for t in gap):
                    count = c.value if c.value is not None else c.low
                    if len(gap):
                        owner = (gap.start, gap.end)
                    break
        if count is None and span.start > 0:
            prev = doc[span.start - 1]
            article_before = span.start > 1 and doc[span.start - 2].lower_ in ("a", "an")
            if prev.lower_ in ("a", "an", "one") or (
                article_before and prev.tag_[:2] in ("JJ", "NN")
            ):
                count = 1
        fate = self._fate_for(doc, span, fates)
        if fate is None:
            return None
        text = doc[span.start : span.end].text
        return MaterielItem(
            category=span.label_,
            count=count,
            fate=fate,
            start=span.start,
            end=span.end,
            text=text,
            owner_tokens=owner,
        )

    @staticmethod
    def _fate_for(doc: Doc, span: Span, fates: list[tuple[int, int, str]]) -> str | None:
        after = [f for f in fates if f[0] >= span.end]
        before = [f for f in fates if f[1] <= span.start]
        if after:
            s, _, fate = after[0]
            # Passive list: "3 tanks, a BMP and 5 vehicles were destroyed".
            if s > 0 and doc[s - 1].lower_ in ("were", "was", "been", "being", "be") and not any(
                f[1] <= s and f[0] >= span.end for f in fates[:-1] if f is not after[0]
            ):
                between = doc[span.end : s]
                if not any(t.tag_.startswith("VB") and t.dep_ == "ROOT" for t in between):
                    return fate
        if before:
            s, e, fate = before[-1]
            # a list after its verb can be long; a semicolon starts another clause
            if not any(t.text in (";", ".") for t in doc[e : span.start]):
                return fate
        return None

    def _casualty(self, doc: Doc, span: Span, count: Count, kind_hint: str | None = None
                  ) -> CasualtyFigure | None:
        # quotation marks say nothing of the figure: killed "several dozen terrorists"
        before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]
                  if t.lower_ not in QUOTES][-3:]
        if before and before[-1] in ("including", "among", "includes", "include"):
            return None  # "5 civilians, including two children": a part of the total
        if len(before) >= 3 and before[-2:] == ["of", "the"] and (
                doc[span.start - 3].like_num or doc[span.start - 3].tag_ == "CD"):
            return None  # "Six of the seven kidnappers were killed": the seven are the whole
        if before and before[-1] == "," and span.end + 1 < len(doc) \
                and doc[span.end].lower_ == "of" and doc[span.end + 1].lower_ in ("them", "whom"):
            return None  # "four soldiers, two of them officers, were killed": a part too
        kind: str | None = None
        if before:
            last = before[-1]
            if last in ("killed", "killing", "kill", "kills", "executed", "executing", "left",
                        "claimed", "massacred", "eliminated", "eliminating", "neutralized",
                        "neutralised", "neutralizing", "neutralising", "liquidating",
                        # "made it possible to neutralise more than 180 terrorists"
                        "neutralise", "neutralize", "eliminate", "liquidate",
                        "beheading", "beheaded", "decapitating", "decapitated",
                        "lynched", "lynching", "assassinated", "assassinating"):
                if not (len(before) >= 3 and before[-2] == "and" and before[-3] in INJURY_WORDS):
                    kind = "killed"
                if last in ("left", "claimed") and not self._followed_by(doc, span, KILL_WORDS):
                    kind = None
            elif last in ("injured", "injuring", "wounded", "wounding", "injure", "wound"):
                if len(before) >= 3 and before[-2] == "and" and before[-3] in KILL_WORDS:
                    return None  # "killed and injured dozens": no split between the two
                kind = "injured"
            elif last in ("to", "of", "at") and any(w in ("toll", "death", "deaths", "killing",
                                                          "lives", "losses", "loss")
                                                    for w in before):
                # "the death toll rose to 14", "the death of over 30 members", "losses
                # amounted to 55 servicemen", "the army deplores the loss of 6 soldiers"
                kind = "killed"
            elif last == "with" and len(before) >= 2 and before[-2] == "along":
                # "storage sites were destroyed, along with up to 60 mercenaries": the people
                # share the clause's verb ("destroyed" said of people means killed)
                kind_hint = kind_hint or self._verb_before(doc, span.start - 2)
            elif last in ("to", "at") and (tally := _tally_kind(doc[span.start - 1])):
                kind = tally  # "the death toll from Monday's bombing has risen to nine"
            elif last in ("losing", "lost"):
                kind = "killed"  # "losing four of their own"
            elif last in ("dead", "down") and len(before) >= 2 and before[-2] in (
                "shot", "gunned", "stabbed", "beaten", "beat", "shoot", "shoots", "gun", "guns",
                "shooting", "gunning", "stabbing", "beating"
            ):
                kind = "killed"  # "shot dead two farmers"
        update = bool(before) and before[-1] == "to" and lemma_of(
            doc[span.start - 1].head) in _RISING
        hinted = kind is None and kind_hint is not None
        if hinted:
            kind = kind_hint
        # Look after the number: "7 soldiers were killed", "Two US soldiers died".
        victim: tuple[int, int] | None = None
        civilians = False
        j = span.end
        limit = min(len(doc), span.end + 9)
        person_seen = False
        head = doc[span.end - 1].head
        if kind is not None and not hinted and doc[span.end - 1].dep_ == "nummod" and \
                head.tag_ in ("NNS", "NNPS") and span.end < head.i <= span.end + 3 and \
                head.lower_ not in NOT_PEOPLE and all(
                    t.tag_ in ("JJ", "NN", "NNP", "VBN", "HYPH") for t in doc[span.end:head.i]):
            # "killed 11 gold miners", "five Chinese engineers", "four armed robbers": after a
            # verb of killing, the plural noun the number counts is people, whatever its
            # modifiers
            person_seen = True
            victim = (span.end, head.i + 1)
            j = head.i + 1
        while j < limit:
            tok = doc[j]
            low = tok.lower_
            if low in ("bodies", "corpses") and kind is None and j == span.end:
                # "rescuers recovered five bodies": the dead, counted
                kind, victim = "killed", (span.end, j + 1)
                break
            if low in PERSON_NOUNS or (
                    # "decapitating 11 miners", "killed five shepherds": after a verb of
                    # killing, the plural noun counted is people, whatever their trade
                    kind is not None and not hinted and j == span.end and tok.tag_ == "NNS"
                    and low not in NOT_PEOPLE) or (
                    # "killed 12 Peshmerga", "five Houthis died": a force's members by name
                    tok.tag_ in ("NNP", "NNPS") and not person_seen and j == span.end
                    and (j + 1 >= len(doc) or doc[j + 1].tag_ not in ("NNP", "NNPS", "NN"))):
                person_seen = True
                civilians = civilians or low in CIVILIAN_NOUNS
                victim = (span.end, j + 1)
                j += 1
                continue
            if low == "of" and not person_seen and j == span.end and j + 1 < len(doc) \
                    and doc[j + 1].lower_ in ("them", "us", "whom"):
                # "ambushed a convoy of militiamen, killing 27 of them": the people named
                # before are the victims
                person_seen = True
                victim = (span.end, j + 2)
                j += 2
                continue
            if kind is None and person_seen and tok.tag_ == "CD":
                # "tens of thousands of protesters with media outlets reporting two deaths":
                # the fate that follows is another number's
                break
            if low in KILL_WORDS and j + 2 < len(doc) and doc[j + 1].lower_ in ("and", "or") \
                    and doc[j + 2].lower_ in INJURY_WORDS and (person_seen or kind is None):
                # "lost up to 40 personnel killed and wounded": dead and hurt not told apart
                # give no toll (docs/coding.md)
                return None
            if kind is None and low in KILL_WORDS:
                if victim is not None and _killers(doc[victim[1] - 1], tok):
                    return None  # "Two gunmen on a motorcycle shot dead a volunteer"
                kind = "killed"
                break
            if kind is None and low in INJURY_WORDS:
                kind = "injured"
                break
            if kind is None and low == "hit" and victim is not None \
                    and doc[victim[1] - 1].lower_ in FIGHTER_NOUNS \
                    and doc[j - 1].lower_ in ("were", "was") and hit_as_toll(tok):
                # "up to 40 servicemen were hit" (fighters, no "by"): a bulletin's toll of the
                # enemy, where "three civilians were hit" or "hit by shrapnel" is no death
                kind = "killed"
                break
            if low in OTHER_FATE_WORDS:
                if hinted:
                    # "killed five Palestinians and over 500 people were displaced": the
                    # figure's own verb tells another fate than the one it was lent
                    return None
                break
            if low == "," and j + 1 < len(doc) and doc[j + 1].lower_ in ASIDES:
                # skip ", including two children," and look on for the verb
                k = j + 1
                while k < len(doc) and doc[k].text not in (",", ";", "."):
                    k += 1
                if k < len(doc) and doc[k].text == ",":
                    j = k + 1
                    limit = min(len(doc), j + 6)
                    continue
                if kind is None:
                    # an aside left open ("five civilians, including three children were
                    # killed"): its finite verb is the figure's ("1,207 casualties, including
                    # 406 killed" counts the aside's own dead)
                    fate = next((t.lower_ for t in doc[j + 1 : k]
                                 if (t.lower_ in KILL_WORDS or t.lower_ in INJURY_WORDS)
                                 and doc[t.i - 1].lower_ in ("were", "was", "been")), None)
                    if fate is not None:
                        kind = "killed" if fate in KILL_WORDS else "injured"
                break
            if low == "," and person_seen and kind is None:
                # "Up to 90 servicemen, two tanks and six armoured vehicles were destroyed":
                # the people head a list whose verb comes after the materiel
                kind = self._shared_verb(doc, j + 1, people=True)
                break
            if tok.is_punct and low not in ("-", "'s"):
                break
            if kind is not None and j == span.end and tok.tag_ == "IN" and low != "of":
                break  # headlinese: "Gunmen kill 12 in raid on village", "kills 9 at mosque"
            if low in ("and", "or") and person_seen:
                if kind is None and j + 1 < len(doc) and (doc[j + 1].tag_ in (
                        "CD", "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP$")
                        # "Two soldiers and at least five insurgents were killed"
                        or doc[j + 1].lower_ in _COUNT_LEADS):
                    # "16 militants and nine SDF fighters were killed": the verb comes later
                    # (not "abducted three shepherds and later killed one of them"); with
                    # people heading the list, "40 servicemen and three vehicles were
                    # destroyed" too
                    kind = self._shared_verb(doc, j + 1, people=True)
                break
            # "3 days", "250 percent", "40 km": not people; "19 government soldiers" are
            if tok.tag_ in ("NN", "NNS") and low not in PERSON_NOUNS and not person_seen \
                    and tok.ent_type_ not in ("NORP", "ORG") and not any(
                        t.lower_ in PERSON_NOUNS for t in doc[j + 1 : min(len(doc), j + 3)]):
                return None
            j += 1
        if kind is None or (hinted and victim is None):
            return None
        if victim is not None and not hinted and _by_whom(doc[victim[1] - 1]):
            # "was attacked by three terrorists, in which 21 foreigners were killed": the
            # attackers the act names are not the dead told after them
            return None
        # "killed 7" without a noun is still a figure (victim None): kept.
        return CasualtyFigure(
            kind=kind,
            count=count,
            start=span.start_char,
            end=span.end_char,
            victim_tokens=victim,
            civilians=civilians,
            update=update and kind in ("killed", "injured"),
        )

    @staticmethod
    def _shared_verb(doc: Doc, start: int, people: bool = False) -> str | None:
        """The verb a list shares ("16 militants and nine SDF fighters were killed"); with
        `people` heading it, "destroyed" too, which said of people means killed."""
        for tok in doc[start : min(len(doc), start + 12)]:
            low = tok.lower_
            if fate := _fate_word(low, people):
                return fate
            if low in (".", ";") or (tok.tag_.startswith("VB") and low not in (
                "were", "was", "been", "be", "have", "has", "had", "reportedly", "being"
            ) and tok.dep_ not in ("amod", "compound", "nmod", "npadvmod")):
                return None
        return None

    @staticmethod
    def _verb_before(doc: Doc, end: int) -> str | None:
        """The fate the clause before token `end` tells ("... were destroyed, along with"):
        killed for a verb of killing or "destroyed", injured for one of wounding."""
        for tok in reversed(doc[max(0, end - 8) : end]):
            low = tok.lower_
            if low in (".", ";"):
                return None
            if fate := _fate_word(low, people=True):
                return fate
        return None

    @staticmethod
    def _followed_by(doc: Doc, span: Span, words: set[str]) -> bool:
        return any(t.lower_ in words for t in doc[span.end : min(len(doc), span.end + 4)])


def _killers(noun: Token, verb: Token) -> bool:
    """Whether the people counted are the subject of an active verb of killing that has its
    own object: they killed ("Two gunmen shot dead a volunteer"), they were not killed."""
    # (the tag, not `pos_`: the attribute ruler that fills `pos_` is off for candidate parses)
    head = verb if verb.tag_.startswith("VB") else verb.head
    return noun.dep_ == "nsubj" and noun.head == head and any(
        c.dep_ in ("dobj", "obj") for c in head.children) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in head.children)


def _by_whom(noun: Token) -> bool:
    """Whether the people counted are the agent of a passive act ("attacked by three
    terrorists")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ == "agent"


# Words a hedged count opens with ("at least five", "up to 40", "more than 20")
_COUNT_LEADS = frozenset({"at", "up", "more", "over", "nearly", "about", "around", "some",
                          "almost", "roughly", "approximately", "fewer", "less"})


def _ends_phrase(tok: Token) -> bool:
    """A preposition other than "of" between a count and a noun: the count is not the noun's
    ("kills 5 at checkpoint"; but "3 of the tanks")."""
    return tok.tag_ == "IN" and tok.lower_ != "of"


def _in_earlier_incident(span: Span) -> bool:
    """"killed ..., a day after a gun battle in which five were killed", "days after an
    attack that killed 12": a toll told inside the phrase dating the act by an earlier
    incident is that incident's, not the act's."""
    for tok in span.root.ancestors:
        if tok.lower_ in ("after", "following", "since") and tok.dep_ == "prep" and any(
                c.dep_ == "pobj" and any(g.dep_ == "relcl" for g in c.children)
                for c in tok.children):
            return True
    return False


def _fate_word(low: str, people: bool) -> str | None:
    """"killed" or "injured" for a word that tells that fate; "destroyed" said of people
    (`people`) means killed."""
    if low in KILL_WORDS or people and low == "destroyed":
        return "killed"
    if low in INJURY_WORDS:
        return "injured"
    return None


# Verbs of a tally that grew: its new figure replaces the earlier ones (ACLED updates an
# event's fatalities as the toll mounts); "put the toll at" and "stands at" only state one.
_RISING = {"rise", "climb", "increase", "reach", "jump", "grow", "mount", "soar", "raise",
           "bring", "hit"}
_TALLY_VERBS = _RISING | {"stand", "put"}


def _tally_kind(prep: Token) -> str | None:
    """"killed" or "injured" when `prep` ("to", "at") ends a tally's change: "the death toll
    from Monday's bombing has risen to nine", "the number of wounded climbed to 30"."""
    verb = prep.head
    if verb is prep or lemma_of(verb) not in _TALLY_VERBS:
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        words = {t.lower_ for t in child.subtree}
        if "toll" in words or words & {"dead", "deaths", "killed", "fatalities"}:
            return "injured" if words & {"injured", "wounded", "injuries"} and not \
                words & {"death", "dead", "deaths", "killed"} else "killed"
        if words & {"injured", "wounded", "injuries"}:
            return "injured"
    return None
