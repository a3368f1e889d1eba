"""Event triggers: the cheap sentence filter and the precise, parse-aware trigger finder.

The filter is one regular expression over raw text (no tokens), so every sentence of every
article pays almost nothing; only sentences it passes go through the parser and NER.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.lexicon import Lexicon
from frontwatch.nlp import doc_text

OBJECT_ONLY_KINDS = {"ied", "suicide", "grenade", "chemical", "shelling"}
FINDING_VERBS = {"find", "discover", "dismantle", "defuse", "seize", "confiscate", "clear",
                 "remove", "uncover", "recover", "destroy", "target", "strike", "hit"}
VEHICLE_NOUNS = {"vehicle", "vehicles", "car", "cars", "truck", "trucks", "bus", "buses",
                 "convoy", "convoys", "patrol", "patrols", "tank", "humvee", "minibus",
                 "motorcycle", "van", "pickup", "jeep", "boat", "train", "tractor"}
SUPPORT_WORDS = {"backed", "supported", "support", "cover", "aided", "assisted", "helped",
                 "backing", "supporting"}
STRATEGIC = {"looting", "arrests", "disrupted", "hq", "transfer", "agreement", "change", "other"}
WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
# Words that ask for an air context before "strike"/"bombing" mean an air strike.
WEAK_AIR = {"strike", "strikes", "struck", "bombed", "bombing", "bombings"}
AIR_CONTEXT = re.compile(
    r"\b(warplanes?|aircraft|air ?force|helicopters?|drones?|coalition|aerial|sorties?|"
    r"bombers?|UAVs?|air ?strikes?|air raids?|fighter jets?|warplanes?|aerospace|jets?|"
    r"F-1[4568]s?|Su-\d\ds?|MiG-\d\ds?|Sukhois?|Mirages?|Tornados?|Rafales?|B-52s?|A-10s?|"
    r"Apaches?|Tucanos?|Bayraktars?|"
    # the aircraft strike reports name ("Typhoons destroyed", "a Reaper struck"), and the air
    # forces by their initials
    r"Typhoons?|Eurofighters?|Reapers?|Predators?|MQ-\d+[A-Z]?s?|F-35s?|F-15Es?|F/A-18s?|"
    r"AC-130s?|Harriers?|Gripens?|Mi-\d+s?|Ka-\d+s?|Tu-\d+[A-Z]?\d*s?|Shaheds?|Hellfires?|"
    r"RAF|USAF)\b",
    re.IGNORECASE,
)
# "The liberation of X was completed", "the full liberation of X", "congratulated the troops on
# the liberation of X": a capture told as a noun, which alone may be a goal ("battles for the
# liberation of X", "the liberation of X will continue").
LIBERATION_DONE = re.compile(r"\b(?:complet(?:e|ed|es|ing|ion)|full|fully|total|totally|"
                             r"congratulat\w*|finished|accomplished)\b", re.IGNORECASE)
# Legal proceedings name crimes, not incidents: "charged with assault"
LEGAL = re.compile(r"\b(?:(?:charged|accused|convicted|indicted|suspected)\s+(?:\w+\s+){0,2}"
                   r"(?:with|of|for|on)|guilty of|sentenced for|trial (?:for|over))"
                   r"\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
PROTEST_CUES = re.compile(r"\b(against|demand\w*|protest\w*|chant\w*|slogans?|banners?|"
                          r"placards?|sit-in|rall\w+|opposition|government|regime|dispers\w+|"
                          r"tear gas|police|security forces|strike|calling for|called for|"
                          r"demonstrators|peaceful(?:ly)?|embassy|consulate|crowds?|residents|"
                          r"students|hundreds|thousands|dozens|streets?|square|marched|gathered|"
                          r"accusing|"
                          # an embassy's alert: where people march now ("Demonstrations are
                          # currently underway along the road to the airport")
                          r"under\s?way|ongoing|taking\s+place|took\s+place|roads?|roadblocks?|"
                          r"blocking|avenue|boulevard|downtown|city\s+cent(?:er|re)|"
                          r"parliament|palace|ministry)\b", re.IGNORECASE)
IRREALIS_HEADS = {
    "plan", "threaten", "vow", "intend", "prepare", "aim", "want", "seek", "deny", "reject",
    "refute", "expect", "hope", "fear", "warn", "call", "urge", "demand", "consider", "propose",
    "pledge", "promise", "able", "ready", "likely", "could", "would", "will", "may", "might",
    "should", "must", "need", "refuse", "avoid", "prevent", "fail",
}
MODAL_AUX = {"will", "would", "could", "may", "might", "shall", "should", "'ll", "must", "can"}
CONDITIONAL_MARKS = {"if", "unless", "once", "until", "whether"}
# People a bulletin says it "destroyed": fighters only (see _destroys_fighters).
FIGHTER_NOUNS = {"servicemen", "soldiers", "troops", "personnel", "mercenaries", "militants",
                 "terrorists", "fighters", "insurgents", "gunmen", "nationalists", "instructors",
                 "militiamen", "combatants", "jihadists", "rebels", "bandits"}
# Words after "were hit" that make it a wounding, not a toll.
HURT_AFTER_HIT = {"wounded", "injured", "hurt", "evacuated", "hospital", "hospitalised",
                  "hospitalized", "treatment", "treated", "by"}
# The people a "loss of" may count ("the army deplores the loss of 6 soldiers").
LOST_PEOPLE = FIGHTER_NOUNS | {"people", "civilians", "men", "members", "officers", "policemen",
                               "guards", "workers", "comrades", "lives", "volunteers", "VDP"}
# Verbs that open trigger phrases of a statement ("announces the liberation of", "declares full
# control of"): said in the present, they still tell a done act.
ANNOUNCING = {"announce", "declare"}
# Words after which an infinitive may tell a past act's result (see _past_result).
RESULT_GOVERNORS = {"possible", "enable", "allow"}
# Verbs by which a speaker says an act did not happen ("dismissed the claim that ...").
DENY_LEMMAS = ("deny", "refute", "reject", "dismiss")
# (their forms, for parsers without a lemmatizer, whose fallback reads "dismissed" as "dismis")
DENY_FORMS = {f"{stem}{end}" for stem in ("den", "refut", "reject", "dismiss")
              for end in ("y", "ies", "ied", "ying", "e", "es", "ed", "ing", "", "s")}


def _denies(tok: Token) -> bool:
    return lemma_of(tok) in DENY_LEMMAS or tok.lower_ in DENY_FORMS
# A cause stated beside a negated verb is still a fact: "has not liberated the town because of
# attacks by ISIS".
FACTUAL_PREPS = {"because", "despite", "amid", "after", "following", "due", "during"}
# "condemns the attack", "reports the shelling": the event is presupposed, whatever the tense.
FACTUAL_EMBEDDERS = {"condemn", "denounce", "deplore", "mourn", "report", "confirm", "claim",
                     "investigate", "blame", "accuse", "decry", "say", "welcome", "regret",
                     "note", "acknowledge"}
# Habitual or general statements ("US forces spearhead offensives") are not events.
PRESENT_SIMPLE = {"VBZ", "VBP"}


@dataclass(slots=True)
class Trigger:
    kind: str
    start: int  # token index
    end: int
    text: str
    is_verb: bool
    supporting: bool = False  # "troops backed by coalition airstrikes": help, not the event
    subordinate: bool = False  # "a cell responsible for a bombing that killed three": background


_PAST_IRREGULAR = {"took", "retook", "overtook", "overran", "fought", "struck", "shot", "blew",
                   "threw", "withdrew", "broke", "won", "slew", "stole", "fled", "held", "led",
                   "drove", "began", "lost", "rose", "seized", "found", "hit"}


def _past_form(tok: Token) -> bool:
    """A verb the tagger read as present though its form is past ("the SNA retook" tagged
    VBP after a bracket)."""
    word = tok.lower_
    return word in _PAST_IRREGULAR or (word.endswith("ed") and not word.endswith("eed")
                                       and len(word) > 4)


def _destroys_fighters(verb: Token) -> bool:
    """Whether "destroyed" is said of fighters: a military bulletin's word for killing them
    ("destroyed up to 60 mercenaries", "workshops were destroyed, along with 60 instructors",
    "90 servicemen and two tanks were destroyed"), not of buildings or vehicles alone."""
    for tok in verb.doc:
        if tok.lower_ not in FIGHTER_NOUNS or tok.i == verb.i:
            continue
        if any(a.i == verb.i for a in tok.ancestors):
            return True
    return False


# Who strikes a place or people on the ground, not from the air ("the attackers struck the
# village of Kolnyang", "gunmen struck a market")
_ASSAILANTS = {"attackers", "assailants", "gunmen", "militants", "fighters", "insurgents",
               "raiders", "bandits", "jihadists", "rebels", "youths", "militiamen", "terrorists",
               "extremists", "assailant", "gunman", "attacker"}


def _assailants_struck(verb: Token) -> bool:
    # "the attackers came from X and struck the village": a conjoined verb's subject is its
    # head's
    subject_of = verb.head if verb.dep_ == "conj" else verb
    return any(c.dep_ == "nsubj" and c.lower_ in _ASSAILANTS for c in subject_of.children) \
        and any(c.dep_ in ("dobj", "obj") for c in verb.children)


def hit_as_toll(verb: Token) -> bool:
    """"were hit" as a bulletin's toll: no agent ("were hit by shrapnel" tells how people were
    wounded) and no wounding or evacuation told after it ("were hit and evacuated")."""
    if any(c.dep_ == "agent" or c.lower_ == "by" for c in verb.children):
        return False
    return not any(t.lower_ in HURT_AFTER_HIT for t in verb.doc[verb.i + 1:])


def _fighters_hit(verb: Token) -> bool:
    """"Up to 40 servicemen of a battalion were hit": a bulletin's count of the enemy it
    struck, told of fighters with a number (see hit_as_toll)."""
    if not hit_as_toll(verb):
        return False
    for subj in (c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")):
        if subj.lower_ in FIGHTER_NOUNS and any(
                c.like_num or c.tag_ == "CD" for c in subj.subtree):
            return True
    return False


def _past_result(tok: Token) -> bool:
    """An infinitive told as what a past act achieved: "the riposte made it possible to
    neutralise 180 terrorists", "the strike enabled the unit to destroy ..." (not "will make it
    possible to", a plan)."""
    if lemma_of(tok.head) not in RESULT_GOVERNORS:
        return False
    gov = tok.head if tok.head.tag_.startswith("VB") else tok.head.head
    return gov.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in MODAL_AUX for c in gov.children)


def _supported(tok: Token) -> bool:
    """"troops backed by coalition airstrikes": one of the three words above is a word of help."""
    cur = tok
    for _ in range(3):
        if cur.head is cur:
            return False
        cur = cur.head
        if cur.lower_ in SUPPORT_WORDS:
            return True
    return False


def _in_after_clause(tok: Token) -> bool:
    """A protest in a clause of what came before ("arrested three journalists after they
    covered a protest") is background to the act."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "advcl" and cur is not tok and any(
                c.dep_ == "mark" and c.lower_ in ("after", "before", "since")
                for c in cur.children):
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def _in_relative_clause(tok: Token) -> bool:
    """A trigger in a clause that describes a noun ("the cell responsible for a bombing that
    killed three", "fighters who took part in the attack") tells background."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("relcl", "acl") or (cur.dep_ == "amod" and cur.lower_ == "responsible"):
            return True
        if cur.head is cur or cur.dep_ == "ROOT":
            return False
        cur = cur.head
    return False


# Nouns of a truce or its end: "the cessation of hostilities", "a halt to the fighting"
TRUCE_NOUNS = {"cessation", "end", "halt", "suspension", "pause", "resumption", "stop",
               "stoppage", "de-escalation", "freeze"}


def _truce_of(tok: Token) -> bool:
    """Fighting named as what a truce ends ("the cessation of hostilities", "an end to the
    fighting"), not as fighting that happened."""
    if tok.dep_ != "pobj":
        return False
    prep, noun = tok.head.lower_, tok.head.head.lower_
    return prep == "of" and noun in TRUCE_NOUNS or prep == "to" and noun in ("end", "halt", "stop")


class TriggerFinder:
    def __init__(self, lexicon: Lexicon, nlp: Language,
                 state_words: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        # the words that name a state's people or forces ("Israeli", "U.S."): the actor
        # catalogue's (ActorCatalog.states)
        self.state_words = state_words
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases: list[str] = []
        for kind, words in lexicon.trigger_kinds.items():
            self.matcher.add(kind, [nlp.make_doc(w) for w in words])
            phrases.extend(words)
        # The filter runs on every sentence: a set look-up for one-word triggers, and a
        # regular expression only for phrases, only when one of their first words occurs.
        lowered = {p.lower() for p in phrases}
        self.single_words = {p for p in lowered if WORD.fullmatch(p)}
        multi = sorted((p for p in lowered if p not in self.single_words), key=len, reverse=True)
        self.multi_first = {WORD.findall(p)[0] for p in multi if WORD.findall(p)}
        self.prefilter = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in multi) + r")\b", re.IGNORECASE
        )
        self.rank = {kind: i for i, kind in enumerate(lexicon.priority)}

    def may_hold_event(self, text: str) -> bool:
        words = set(WORD.findall(text.lower()))
        if words & self.single_words:
            return True
        return bool(words & self.multi_first) and self.prefilter.search(text) is not None

    def find(
        self, doc: Doc, blocked: set[int], title: bool = False, air_context: bool = False,
        denied: bool = False,
    ) -> list[Trigger]:
        """Triggers in `doc` that state a real, past event; `blocked` are token indices
        already taken by actors, materiel or claimants. With `denied`, instead the acts a
        speaker denies ("denied that its forces shelled the town"): a denial is a claim
        about that act, so the act must be read (type, place, day) to be contested."""
        found: dict[tuple[int, int], Trigger] = {}
        text = doc_text(doc)
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind not in ("protest", "riot") and any(i in blocked for i in range(start, end)):
                continue
            last = doc[end - 1]
            if end < len(doc):
                nxt = doc[end].lower_
                if nxt == "-" and end + 1 < len(doc):
                    nxt = doc[end + 1].lower_  # "bomb-making"
                if nxt in self.lexicon.modifier_blockers.get(last.lower_, ()):
                    continue
            span = doc[start:end]
            word = span.text.lower()
            if kind == "air" and word in ("struck", "bombed") and not \
                    AIR_CONTEXT.search(text):
                if word != "struck" or not _assailants_struck(span.root):
                    continue  # "she was struck from behind": no aircraft in sight
                kind = "clash"  # "the attackers struck the village of Kolnyang"
            if kind == "air" and word in WEAK_AIR and not (
                air_context or AIR_CONTEXT.search(text)
                # "U.S. strikes hit Al Qaim", "Israeli strikes on Rafah": a state's strikes
                or (word in ("strike", "strikes") and start > 0
                    and doc[start - 1].text in self.state_words)
            ):
                if word.startswith("bomb"):
                    kind = "ied"
                else:
                    continue
            if kind == "shelling" and word in ("pounded", "pounding", "pound",
                                                            "bombarded", "bombarding") \
                    and AIR_CONTEXT.search(text):
                kind = "air"  # "warplanes pounded the town"
            head = span.root
            if not title and head.tag_ in ("NNP", "NNPS") and head.i > 0 and \
                    doc[head.i - 1].text not in ("-", "—", "–", ":", '"', "“", "--"):
                continue  # "319th Airborne Field Artillery Regiment": part of a name (not the
                # first word after a dateline: "TRIPOLI (Libya Observer) - Clashes erupted")
            if LEGAL.search(text[: span.start_char]):
                continue
            if word == "loss of" and not (
                    any(t.like_num or t.tag_ == "CD" for t in doc[end:end + 3])
                    and any(t.lower_ in LOST_PEOPLE or t.text in LOST_PEOPLE
                            for t in doc[end:end + 6])):
                # "the loss of 6 soldiers" is a toll; "the loss of the town" or "of 2
                # helicopters" is not
                continue
            if word == "destroyed" and kind == "kill" and not _destroys_fighters(doc[start]):
                continue  # "destroyed two tanks": materiel, read by the figures, no killing
            if word == "were hit" and not _fighters_hit(doc[end - 1]):
                continue  # "houses were hit", "three men were hit by shrapnel": not a toll
            if word == "liberation" and not LIBERATION_DONE.search(text):
                continue  # "fighting for the liberation of the town": not taken yet
            if kind == "protest" and not PROTEST_CUES.search(text):
                continue  # "timed demonstrations" in a garden, "the march lasted 15 minutes"
            if kind == "grenade" and start > 0 and doc[start - 1].lower_ in ("propelled", "-"):
                continue  # rocket-propelled grenades are the weapons of a firefight
            if kind == "protest" and head.lower_.startswith("demonstrat") and any(
                c.dep_ == "dobj" for c in head.children
            ):
                continue  # "demonstrated solidarity": showed, not protested
            if kind in OBJECT_ONLY_KINDS and (
                head.dep_ in ("dobj", "conj", "appos")
                or head.dep_ == "pobj" and head.head.lower_ == "of"  # "dozens of mines"
            ) and self._under_fate_verb(head):
                continue  # "destroyed an IED", "seized a car bomb": the weapon is the object
            if word in WEAK_AIR and head.tag_ in ("VB", "VBP", "VBZ", "VBG"):
                continue  # "where to strike": an intention, not a strike
            if head.dep_ in ("amod", "acl") and head.tag_ == "VBN" and kind in ("territory",) \
                    and not (denied and any(c.dep_ == "nsubj" for c in head.children)):
                # (with its own subject, "claims that troops had captured X" is a clause)
                continue  # "equipment captured near Palmyra": an attribute, not a capture
            if kind == "clash" and _truce_of(head):
                continue  # "the cessation of hostilities", "an end to the fighting": a truce
            if kind == "kill" and head.lower_ in ("death", "deaths") and end < len(doc) and \
                    doc[end].lower_ == "of":
                continue  # "the death of Hussein": a noun phrase, often history
            if head.dep_ == "amod" and head.tag_ == "VBN" and kind != "kill":
                # "the recently liberated town": an attribute, not an event
                continue
            # "attack helicopters", "clash zone": the word names something else.
            if last.dep_ == "compound" and last.head.i >= end and kind not in (
                "kill", "air", "shelling", "ied", "suicide", "chemical"
            ):
                continue
            if denied:
                if self._is_factual(head, headline=title) or not self._denied(head):
                    continue
            elif not self._is_factual(head, headline=title):
                continue
            key = (start, end)
            trig = Trigger(
                kind=kind,
                start=start,
                end=end,
                text=span.text,
                is_verb=head.tag_.startswith("VB"),
                supporting=_supported(head),
                subordinate=_in_relative_clause(head) or (
                    kind == "protest" and _in_after_clause(head)),
            )
            if key not in found or self.rank[kind] < self.rank[found[key].kind]:
                found[key] = trig
        # Drop triggers nested in a longer trigger of the same sentence.
        triggers = sorted(found.values(), key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[Trigger] = []
        for t in triggers:
            if any(k.start <= t.start and t.end <= k.end and (k.end - k.start) > (t.end - t.start)
                   for k in kept):
                continue
            kept.append(t)
        return kept

    def _under_fate_verb(self, tok: Token) -> bool:
        cur = tok
        for _ in range(30):
            if cur.head is cur:
                return False
            climbing_list = cur.dep_ in ("conj", "appos")
            cur = cur.head
            if climbing_list:
                continue  # "destroyed A, B, ... and a vehicle bomb"
            if lemma_of(cur) in ("strike", "hit", "run") and any(
                    c.dep_ == "nsubj" and c.lower_ in VEHICLE_NOUNS for c in cur.children):
                return False  # "their vehicle struck a roadside bomb": the bomb went off
            if cur.lower_ in self.lexicon.fate_of_word or lemma_of(cur) in FINDING_VERBS:
                return True
            if cur.tag_.startswith("VB"):
                return False
        return False

    def best(self, triggers: list[Trigger], casualties: bool = False) -> Trigger | None:
        """The trigger that names the sentence's event; with people killed or wounded, fighting
        outranks a strategic development told in a side clause ("after the SDF detained")."""
        if not triggers:
            return None
        if casualties:
            violent = [t for t in triggers if t.kind not in STRATEGIC
                       and t.kind not in ("protest", "riot") and not t.subordinate]
            if violent:
                triggers = violent
            if any(t.kind in ("kill", "vac_kill") for t in triggers):
                # "killed seven people and abducted four women": the killing names the event
                triggers = [t for t in triggers if t.kind != "abduction"] or triggers
        return min(triggers,
                   key=lambda t: (t.supporting, t.subordinate, self.rank[t.kind], t.start))

    @staticmethod
    def clause_head(tok: Token) -> Token:
        """The verb that governs a trigger (itself when it is a verb)."""
        cur = tok
        for _ in range(6):
            if cur.tag_.startswith("VB") or cur.tag_ == "MD":
                return cur
            if cur.head is cur:
                return cur
            cur = cur.head
        return cur

    def _is_factual(self, tok: Token, headline: bool = False) -> bool:
        """False for negated, future, hypothetical or habitual statements."""
        path = [tok]
        cur = tok
        while cur.head is not cur and len(path) < 8:
            cur = cur.head
            path.append(cur)
        head = self.clause_head(tok)
        # A trigger reached through "because of", "despite"... is presupposed as fact.
        through_factual = False
        for t in path[1:]:
            if t.lower_ in FACTUAL_PREPS or (t.lower_ == "of" and t.i > 0
                                             and t.doc[t.i - 1].lower_ == "because"):
                through_factual = True
                break
            if t is head:
                break
        for t in (tok, head):
            for child in t.children:
                if child.dep_ == "neg" and not (through_factual and t is head):
                    return False
                if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_AUX \
                        and not through_factual:
                    return False
                if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                    return False
        if tok.lower_ in ("no", "not"):
            return False
        if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and lemma_of(tok.head) not in ("manage", "succeed", "continue", "begin", "start",
                                               "attempt", "try", "seek", "fail") \
                and not _past_result(tok):
            return False  # "an offensive to liberate Manbij": a purpose, not a result
        # "no one was killed", "no casualties"
        for child in tok.children:
            if child.lower_ in ("no", "neither", "nor") and child.dep_ in ("det", "neg", "nsubj"):
                return False
        for child in head.children:
            if child.dep_ == "nsubj" and any(c.lower_ == "no" for c in child.children) and \
                    tok is not head:
                return False  # "No group claimed either attack"
            if child.dep_ in ("nsubj", "nsubjpass") and (
                child.lower_ in ("none", "nobody", "noone")
                or any(t.lower_ == "no" for t in child.children)
            ):
                return False
        embedded_in_report = head.dep_ in ("dobj", "ccomp", "xcomp") and lemma_of(
            head.head) in FACTUAL_EMBEDDERS or (tok is not head and lemma_of(head) in
                                                FACTUAL_EMBEDDERS)
        # "The RSF announce the liberation of Wad Madani": a group's statement in the present
        # tense announces a done act (the trigger phrase begins with the announcing verb).
        announced = tok is head and lemma_of(head) in ANNOUNCING
        present_ok = headline or embedded_in_report or announced
        # "retook" mis-tagged VB is still a past form: its lemma differs from the word
        bare = head.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in head.children) \
            and lemma_of(head) == head.lower_
        if not present_ok and (head.tag_ in PRESENT_SIMPLE or bare) and \
                lemma_of(head) not in ("be", "have") and not _past_form(head):
            has_perfect = any(c.dep_ == "aux" and lemma_of(c) == "have" for c in head.children)
            if not has_perfect:
                return False
        # "ISIS is in a difficult situation despite counter-attacks"
        if not present_ok and lemma_of(head) == "be" and head.tag_ in PRESENT_SIMPLE \
                and tok is not head \
                and not any(c.dep_ in ("acomp", "attr") for c in head.children):
            return False
        if through_factual:
            return True
        # Embedding verbs: "plans to attack", "denied shelling", "threatened to storm".
        governor = head.head if head.dep_ in ("xcomp", "ccomp", "dobj", "advcl") else None
        if tok is not head and tok.dep_ in ("dobj", "pobj") and lemma_of(head) in IRREALIS_HEADS:
            return False
        if governor is not None and lemma_of(governor) in IRREALIS_HEADS and (
                head.dep_ == "xcomp" or head.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in head.children)):
            # "plans to attack", "expects the ELN to step up attacks"
            return False
        cur = head
        for _ in range(3):
            # "ISIS will likely attempt to increase attacks": the modal of a governing verb
            if cur.dep_ != "xcomp" or cur.head is cur:
                break
            cur = cur.head
            if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in cur.children):
                return False
        if _denies(head) and tok is not head:
            return False
        # "dismissed the claim that the group had shot down a drone": denied through the claim
        return not self._deny_governs(head)

    def denied_at(self, tok: Token) -> bool:
        """Whether the act a word tells ("shot down" of a drone) is one a speaker denies."""
        return not self._is_factual(tok) and self._denied(tok)

    def _denied(self, tok: Token) -> bool:
        """True when a denying verb governs the act ("denied that an attack had taken place",
        "rejected claims that Russian troops had captured the town") and nothing else makes
        it unreal: a denied plan ("denied plans to attack"), a future or a negated act is not
        an act someone claimed happened."""
        head = self.clause_head(tok)
        for t in (tok, head):
            for child in t.children:
                if child.dep_ == "neg" or (child.dep_ in ("aux", "auxpass")
                                           and child.lower_ in MODAL_AUX):
                    return False
        if head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                     for c in head.children):
            return False
        return self._deny_governs(head)

    @staticmethod
    def _deny_governs(head: Token) -> bool:
        """A denying verb above the act's verb, directly or through what it rejects ("rejected
        claims that its forces had captured ...")."""
        cur = head
        for _ in range(4):
            if cur.head is cur:
                return False
            cur = cur.head
            if _denies(cur):
                return True
            if lemma_of(cur) in IRREALIS_HEADS or cur.lower_ in ("said", "says", "saying"):
                return False  # "denied it planned to strike": a plan; "..., saying": its own
        return False
