"""Who did what to whom: the roles (actor1, actor2, associated actors) of the actors a
sentence names around one trigger, read from the parse."""

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from frontwatch.actors.catalog import ActorMatch
from frontwatch.extraction.attribution import Attribution
from frontwatch.extraction.background import DENIAL, SPEAKING_VERBS, phrase_range
from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.places import (
    FEATURE_NOUNS,
    is_country,
)
from frontwatch.extraction.triggers import Trigger
from frontwatch.model import PlaceMention
from frontwatch.nlp import doc_lowers, doc_text

# Materiel whose seizure, with no fight told, disrupts its use (ACLED's "Disrupted weapons use").
SEIZED_WEAPONS = {"weapons", "ammunition depot", "rocket launcher", "artillery", "VBIED", "drone"}

PATIENT_SUBJECT_TRIGGERS = {"died", "die", "dies", "dead", "deaths", "death", "casualties"}
PATIENT_SUBJECT_VERBS = {"suffer", "sustain", "lose", "incur", "face", "endure", "die"}


BLAME_VERBS = {"blame", "accuse", "hold", "charge"}




_FLIGHT_VERBS = {"retreat", "flee", "withdraw", "escape", "pull", "fall", "head", "redeploy",
                 "relocate", "evacuate", "move", "push", "drive", "chase", "displace", "arrive",
                 "return"}


_LAUNCH_VERBS = {"fire", "launch", "shell", "lob"}
# "the wounded were taken to hospital in Kharkiv": where the victims were treated, often a
# city far from the strike, is not where it happened.
_CARE_VERBS = {"take", "rush", "transfer", "bring", "carry", "airlift", "transport", "admit",
               "evacuate", "send", "move"}
_CARE_PLACES = {"hospital", "hospitals", "clinic", "clinics", "medical"}
_MOVE_PREPOSITIONS = {"from", "towards", "toward", "to", "into", "in", "at"}


_STAY_VERBS = {"host", "shelter", "receive", "accommodate", "house"}


def _where_displaced_stay(prep) -> bool:
    verb = prep.head
    for _ in range(3):
        if verb.tag_.startswith(("VB", "MD")) or verb.head is verb:
            break
        verb = verb.head
    if lemma_of(verb) in _STAY_VERBS:
        return True
    if lemma_of(verb) != "displace":
        return False
    before = {t.lower_ for t in verb.doc[max(0, verb.i - 3) : verb.i]}
    return bool(before & {"remain", "remains", "remained", "still"})


def destinations(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of where someone went after the act ("retreat towards X", "fled to X",
    "pushed them back to X", the wounded "taken to hospital in X") and of where fire came
    from ("shells fired from X hit Y")."""
    out = []
    lowers = doc_lowers(doc)
    for i in [n for n, w in enumerate(lowers) if w in _MOVE_PREPOSITIONS]:
        tok = doc[i]
        if tok.dep_ != "prep":
            continue
        verb = tok.head
        stay = False
        if tok.lower_ == "from":
            away = lemma_of(verb) in _LAUNCH_VERBS
        elif tok.lower_ in ("in", "at"):
            # "800 displaced people arrived in Zaranj": where they fled to; "18,100 persons
            # remain internally displaced in over 100 sites in Chin State and in neighboring
            # Magway and Sagaing regions", "IDPs ... to receive assistance in X": where the
            # displaced are now, not where the fighting was
            stay = _where_displaced_stay(tok)
            away = lemma_of(verb) == "arrive" or stay
        else:
            away = lemma_of(verb) in _FLIGHT_VERBS or (
                verb.lower_ in ("back", "away") and lemma_of(verb.head) in _FLIGHT_VERBS)
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        if not away and tok.lower_ in ("to", "into") and objects \
                and objects[0].lower_ in _CARE_PLACES and lemma_of(verb) in _CARE_VERBS:
            start, end = phrase_range(objects[0])
            # "taken to hospital in Kharkiv": the parser hangs the town on the verb
            after = objects[0].right_edge.i + 1
            for c in verb.children:
                if c.i == after and c.dep_ == "prep" and c.lower_ in ("in", "at"):
                    end = phrase_range(c)[1]
            out.append((start, end))
            continue
        if stay:
            # the whole phrase: "in over 100 sites in Chin State and in neighboring Magway"
            out.append((tok.idx, tok.right_edge.idx + len(tok.right_edge)))
        elif away and objects:
            out.append(phrase_range(objects[0]))
    return out


BELIEVED_STATE = re.compile(r"\b(?:believed|thought|suspected|understood|presumed)\s+to\s+"
                            r"(?:be|have\s+been)\s+(\w+)", re.IGNORECASE)
NO_CASUALTIES = re.compile(
    r"\b(?:killed|injured|wounded|hurt|harmed)\s+no\s*one\b|\bno\s+(?:one|casualties|deaths|"
    r"fatalities)\s+(?:was|were|had been)\s+(?:killed|hurt|caused|reported)\b|"
    r"\bcaus(?:ed|ing)\s+no\s+(?:casualties|deaths|fatalities)\b|\bwithout\s+(?:causing\s+)?"
    r"(?:any\s+)?casualties\b", re.IGNORECASE)
METALANGUAGE = re.compile(r"\b(?:the|a) (?:word|term|expression|phrase)\b|\bto (?:imply|mean|refer"
                          r" to|describe)\b|\brefers? to\b", re.IGNORECASE)
ALSO_KILLED = re.compile(r"\b(?:were|was|have been|had been)\s+also\s+(?:killed|wounded|injured)\b|"
                         r"\balso\s+(?:died|killed|lost)\b", re.IGNORECASE)
OTHER_DEAD = "(others)"
RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)\s+(?:responsibility\s+for\s+)?(?:the|this|that|"
                            r"an?|\w+'s|\w+’s)\s+(?:\w+\s+){0,2}(?:attacks?|bombings?|ambush|"
                            r"assault|blast|explosion|raid|killings?|strike|shelling|"
                            r"operation|abduction|kidnapping)\b", re.IGNORECASE)
# Words a state's forces use of the enemies they killed
ENEMY_NOUNS = {"terrorists", "terrorist", "militants", "militant", "insurgents", "insurgent",
               "jihadists", "extremists", "rebels", "gunmen", "bandits"}
# Verbs of reacting to an act: their subject did not do it
REACTION_VERBS = {"condemn", "denounce", "deplore", "decry", "welcome", "mourn", "investigate",
                  "criticise", "criticize", "protest", "regret", "lament", "document", "record",
                  "confirm", "report", "monitor", "verify", "witness", "survive", "escape"}
# Verbs whose subject carries out the act their object names ("Russia launched drones")
LAUNCHING = {"launch", "carry", "conduct", "fire", "stage", "mount", "send", "unleash", "use",
             "deploy", "lob", "drop"}
# Trigger words that name an arm or its weapons, not an act: "artillery of the Tsentr group of
# forces struck ...", "drones of the brigade hit ...": the force after "of" owns them and acts
# (after an act's noun, "the shelling of the town", it is what was hit).
ARM_NOUNS = {"artillery", "aviation", "aircraft", "warplanes", "warplane", "jets", "drones",
             "drone", "helicopters", "gunners", "mortars", "rockets", "missiles", "tanks"}
# Nouns of acting whose "of" names who acts: "as a result of offensive actions of the Wagner
# detachments", "operations of the 3rd brigade" (a bulletin's idiom; not "the shelling of X").
AGENT_OF_NOUNS = {"actions", "action", "operations", "efforts"}
SUFFERED_NOUNS = {"death", "deaths", "killing", "killings", "life", "lives", "execution",
                  "executions", "abduction", "abductions", "kidnapping", "kidnappings", "wounding",
                  "injury", "injuries", "arrest", "arrests", "detention", "murder", "murders",
                  "massacre", "assassination", "beheading"}
_RIVAL_VERBS = {"said", "says", "reported", "reports", "put", "puts", "claimed", "claims",
                "denied", "denies", "told", "gave", "counted", "documented", "insisted",
                "rejected", "dismissed", "stated", "announced"}


def _fights(tok) -> bool:
    """A word of fighting that takes its other side with "with" ("clashes with", "fought
    with", "battle with")."""
    return tok.lower_ in ("clash", "clashes", "clashed", "clashing", "fighting", "fought",
                          "battle", "battles", "battled", "battling", "firefight", "gunfight",
                          "skirmish", "skirmishes", "confrontation", "confrontations",
                          "engagement", "engagements", "exchange", "fight", "fights")


def source_denies(doc: Doc, attribution: Attribution, actors: list[ActorMatch]) -> bool:
    """Whether the sentence's source (a claimant, or an actor speaking for itself) is the
    subject of a denial ("X denied the claim", "the Malian army denied the accusation")."""
    if not DENIAL.search(doc_text(doc)):
        return False
    spans = [attribution.token_span] if attribution.token_span else []
    spans += [(a.start, a.end) for a in actors if is_speaker(doc[a.start : a.end].root)]
    lowers = doc_lowers(doc)
    for n, w in enumerate(lowers):
        if w not in ("denied", "denies", "rejected", "dismissed", "refuted"):
            continue
        for c in doc[n].children:
            if c.dep_ == "nsubj" and any(s <= t.i < e for t in c.subtree for s, e in spans):
                return True
    return False


def rival_clause(doc: Doc) -> int | None:
    """Where a clause with its own source begins: ", while X reported ...", ", whereas X
    said ...", ", but X denied ..."."""
    lowers = doc_lowers(doc)
    for n in [n for n, w in enumerate(lowers) if w in ("while", "whereas", "but") and n >= 3]:
        tok = doc[n]
        if tok.lower_ != "but" and doc[tok.i - 1].text not in (",", ";"):
            continue
        if any(w in _RIVAL_VERBS for w in lowers[n + 1 : n + 14]):
            return n
    # "..., a claim the US Central Command denied": the rival is the denier
    for n in [n for n, w in enumerate(lowers) if w == "claim" and n >= 4]:
        if lowers[n - 1] in ("a", "the") and doc[n - 2].text == "," and any(
                w in ("denied", "rejected", "disputed", "dismissed")
                for w in lowers[n + 1 : n + 10]):
            return n - 1
    return None


def seizes_weapons(doc: Doc, trigger: Trigger, materiel: list) -> bool:
    """Whether the trigger verb's object is seized weapons ("seized a cache of grenades")."""
    verb = doc[trigger.start]
    for item in materiel:
        if item.fate != "captured" or item.category not in SEIZED_WEAPONS:
            continue
        cur = doc[item.start]
        for _ in range(4):
            if cur.head is cur or cur.dep_ == "conj" and cur.head.i < item.start:
                break  # "the village of X and large amounts of weapons": ground was taken too
            cur = cur.head
            if cur.i == verb.i:
                return True
            if cur.tag_.startswith("VB"):
                break
    return False


def is_speaker(tok) -> bool:
    cur = tok
    # "the rebels' al-Masirah TV said": the owner of a speaker speaks too ("poss")
    while cur.dep_ in ("conj", "compound", "amod", "appos", "nmod", "cc", "poss") and \
            cur.head is not cur:
        cur = cur.head
    return cur.dep_ == "nsubj" and cur.head.lower_ in SPEAKING_VERBS


def act_verb(doc: Doc, trigger: Trigger) -> Token:
    """The verb that tells the act: the trigger's own, or the one its noun hangs from."""
    root = doc[trigger.start : trigger.end].root
    return root if root.tag_.startswith("VB") else root.head


def pronoun_subject(doc: Doc, trigger: Trigger) -> bool:
    head = act_verb(doc, trigger)
    if any(c.dep_ == "nsubj" and any(p.lower_ in ("our", "its") and p.dep_ == "poss"
                                     for p in c.children) for c in head.children):
        return True  # "Our forces have liberated Hajin," the SDF spokesman said
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we")
               for c in head.children)


def _collapse_members(doc: Doc, cands: list[ActorMatch]) -> list[ActorMatch]:
    """"Fighters of the X Brigade", "militants, members of X": one actor, named by the more
    specific phrase, standing where the generic word stands in the sentence."""
    roots = {_root(doc, a).i: a for a in cands}
    drop: set[int] = set()
    replace_at: dict[int, ActorMatch] = {}
    starts = {a.start: a for a in cands}
    first_name: dict[int, ActorMatch] = {}
    for a in cands:
        nxt = starts.get(a.end + 1)
        if nxt is not None and a.end < len(doc) and doc[a.end].text == "/":
            # "YPG/PKK terrorists": one actor named two ways; the first name stands
            drop.add(id(nxt))
            first_name[id(nxt)] = first_name.get(id(a), a)
    ends = {a.end for a in cands}
    for a in cands:
        lead = doc[max(0, a.start - 2) : a.start].text.lower()
        if (lead == "such as" and a.start - 2 in ends) or (
                a.start >= 1 and doc[a.start - 1].lower_ == "including" and a.start - 1 in ends):
            # "Amhara militias such as Fano": an example of the force just named, not a party
            # of its own
            drop.add(id(a))
    for a in cands:
        named = first_name.get(id(a), a)
        r = _root(doc, a)
        holder = None
        if r.dep_ == "pobj" and r.head.lower_ in ("of", "from"):
            # ("Gunmen from the Kraze Baryè gang", "gunmen of Los Ardillos")
            holder = roots.get(r.head.head.i)
        elif r.dep_ == "pobj" and r.head.lower_ == "to" and r.head.head.lower_ == "loyal":
            holder = roots.get(r.head.head.head.i)  # "gunmen loyal to Barbecue"
        elif r.dep_ in ("appos", "compound", "amod", "nmod"):
            holder = roots.get(r.head.i)  # "... Peshmerga fighters": the fighters are Peshmerga
        if holder is not None and holder is not a and (
            holder.entry.generic or holder.entry.name.startswith("@")
        ):
            drop.add(id(a))
            drop.add(id(named))
            replace_at[id(holder)] = named
    out = []
    for a in cands:
        if id(a) in drop:
            continue
        specific = replace_at.get(id(a))
        if specific is not None:
            out.append(ActorMatch(entry=specific.entry, raw=specific.raw, start=a.start,
                                  end=a.end, start_char=specific.start_char,
                                  end_char=specific.end_char))
        else:
            out.append(a)
    return out


def _blamed_party(doc: Doc, trig_tok, cands: list[ActorMatch]) -> ActorMatch | None:
    cur = trig_tok
    for _ in range(5):
        if cur.head is cur:
            return None
        cur = cur.head
        if lemma_of(cur) in BLAME_VERBS:
            for a in cands:
                r = _root(doc, a)
                # "blamed the coalition for", "Turkey is being accused by Kurdish forces of"
                if r.head.i == cur.i and r.dep_ in ("dobj", "nsubjpass"):
                    return a
            return None
    return None


@dataclass(slots=True)
class Roles:
    actor1: ActorMatch | None = None
    actor2: ActorMatch | None = None
    assoc1: list[ActorMatch] = field(default_factory=list)
    assoc2: list[ActorMatch] = field(default_factory=list)


RECIPROCAL_VERBS = {"clash", "fight", "battle", "skirmish"}
SUPPORT_VERBS = {"backed", "supported", "aided", "assisted", "helped", "accompanied"}
TARGET_PREPOSITIONS = {"on", "against", "at", "toward", "towards", "targeting", "near", "in",
                       "into", "upon"}


# Participles that say what befell the people they follow ("officers wounded in a blast").
_BEFALLEN = {"killed", "wounded", "injured", "hurt", "abducted", "kidnapped", "dead",
             "missing", "detained", "arrested", "displaced", "executed", "slain"}


def _befallen(tok: Token) -> bool:
    return any(c.dep_ in ("acl", "amod") and c.lower_ in _BEFALLEN for c in tok.children)


def headline_passive(verb: Token) -> bool:
    """A participle with a subject and no auxiliary: headlinese drops "were" ("Two soldiers
    killed as IED hits convoy"), so the subject underwent the act."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and not any(
        c.dep_ == "dobj" for c in verb.children)


def is_helper(tok) -> bool:
    """"backed by Hezbollah fighters": a side's helper, not the enemy the story is about."""
    # (a capitalised "Support" is part of a name: "the Group to Support Islam and Muslims")
    return any((t.lower_ in SUPPORT_VERBS or t.lower_ in ("support", "backing"))
               and not t.text[:1].isupper() for t in list(tok.ancestors)[:3])


# "rejected the claim by the Kiev regime that ...", "denied reports from Hamas that ...": who
# accuses is a source of the story the denial answers, not a party to the act.
ACCUSER = re.compile(
    r"\b(?:claims?|reports?|accusations?|allegations?|statements?|assertions?)\s+(?:made\s+)?"
    r"(?:by|from|of)\s+(?P<who>[^,;.\"“”]{2,60}?)\s+(?:that|about)\b",
    re.IGNORECASE,
)


def accusers(text: str) -> list[tuple[int, int]]:
    """Character ranges of those whose claim a denial rejects, in a sentence that denies."""
    if not DENIAL.search(text):
        return []
    return [m.span("who") for m in ACCUSER.finditer(text)]


# "at 4:30 a.m. (Sanaa time)", "23:00 Moscow time": a clock's city, not the event's place.
TIME_ZONE = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s+time\b)")


def clock_places(text: str) -> list[tuple[int, int]]:
    """Character ranges of places named only to tell the time zone."""
    return [(m.start(), m.end()) for m in TIME_ZONE.finditer(text)]


def source_places(doc: Doc, attribution: Attribution) -> list[tuple[int, int]]:
    """"according to medical sources in Aden": where the source sits is not the event's place."""
    if not attribution.token_span:
        return []
    s, e = attribution.token_span
    root = doc[s:e].root
    out = []
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "from", "based") and \
                child.i >= e - 1:
            out.append(phrase_range(child))
    return out


# Words of speaking whose places are where a source spoke: "told journalists in Abuja",
# "Speaking to reporters in Mogadishu", "said in a statement from Naypyitaw"
_SPEECH_HEADS = {"told", "said", "says", "speaking", "spoke", "statement", "briefing",
                 "conference", "announced", "added"}


def speech_places(doc: Doc, trigger_at: int) -> list[tuple[int, int]]:
    """Where the sentence's speakers spoke (not the act told at token `trigger_at`)."""
    out = []
    for tok in doc:
        if tok.lower_ not in _SPEECH_HEADS:
            continue
        holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        holders += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                    for g in c.children if g.dep_ == "pobj"]
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "from") and c.i > tok.i and \
                        not c.left_edge.i <= trigger_at <= c.right_edge.i:
                    out.append(phrase_range(c))
    return out


def owner_word(doc: Doc, pl: PlaceMention) -> bool:
    """"Russia's warplanes": a state owning something is not where the event is."""
    span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
    # only a state: "Baghdad's Green Zone" is in Baghdad
    return span is not None and span.root.dep_ == "poss" and len(span) <= 3 and \
        span.end < len(doc) and doc[span.end].tag_ == "POS" and is_country(pl.text)


def _in_object(tok, trigger_tok, head) -> bool:
    """"struck a vehicle of the Iraqi army's 5th division": an owner inside the act's object
    suffers it."""
    cur = tok.head
    for _ in range(8):
        if cur.i in (trigger_tok.i, head.i) or cur.head is cur:
            return False
        if cur.dep_ in ("dobj", "nsubjpass"):
            return True
        cur = cur.head
    return False


def _via_target(tok, trigger_tok) -> bool:
    """"airstrikes on the militants' retreat routes": the owner of the target is reached
    through a preposition of place or target, so it does not own the act."""
    cur = tok
    for _ in range(12):
        if cur.i == trigger_tok.i or cur.head is cur:
            return False
        if cur.dep_ == "prep" and cur.lower_ in TARGET_PREPOSITIONS:
            return True
        cur = cur.head
    return False


def _owner_acts(tok) -> bool:
    """`tok` follows "of" after a noun of acting ("actions of X") or after an arm that acts or
    helps ("aviation of X" as the subject, or after "supported by"): X is on the acting side."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    owner = tok.head.head
    if owner.lower_ in AGENT_OF_NOUNS:
        return True
    while owner.dep_ == "conj" and owner.head is not owner:
        owner = owner.head  # "artillery and aviation of the Yug group"
    if owner.lower_ not in ARM_NOUNS:
        return False
    return owner.dep_ == "nsubj" or (owner.dep_ == "pobj" and owner.head.lower_ == "by"
                                     and owner.head.head.lower_ in SUPPORT_VERBS)


# "repelled a Boko Haram attack", "an attempt by IS fighters to attack the base was repulsed":
# the attack's author began the fight and is actor 1 (docs/coding.md: the initiator first);
# the side that held is the one attacked
REPEL_VERBS = {"repel", "repulse", "thwart", "foil", "defeat", "rebuff", "fend", "ward", "beat",
               "push", "counter"}
ASSAULT_NOUNS = {"attack", "attacks", "assault", "assaults", "offensive", "offensives", "raid",
                 "raids", "incursion", "incursions", "attempt", "attempts", "advance",
                 "advances", "infiltration", "onslaught", "push"}


# The attacks an author's name may qualify ("a JNIM ambush", "an al Shabaab mortar attack")
ATTACKS_BY_NAME = ASSAULT_NOUNS | {"ambush", "ambushes", "strike", "strikes", "airstrike",
                                   "airstrikes", "bombing", "bombings", "shelling"}


# People a force's name only describes: "the wife of a police officer", "a police informer"
_KIN = {"wife", "wives", "husband", "widow", "widows", "son", "sons", "daughter", "daughters",
        "mother", "father", "brother", "sister", "relative", "relatives", "family", "families",
        "child", "children", "parents", "informer", "informers", "informant", "informants"}


def describes_a_civilian(root: Token) -> bool:
    """Whether a force's name stands for no party: a kin or an informer of its men ("the wife
    of a police officer", "a police informer") or one who has left it ("a retired army
    general", "a former soldier")."""
    person = root.head if root.dep_ == "compound" else root
    if any(c.dep_ == "amod" and c.lower_ in ("retired", "former", "ex")
           for c in (*root.children, *person.children)):
        return True
    if root.dep_ == "compound" and root.head.lower_ in _KIN:
        return True
    tok = root
    while tok.dep_ in ("compound", "amod") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _KIN


def _came_under(tok: Token) -> bool:
    """"came under fire", "came under attack": the verb, or the attack under which it came."""
    if tok.lower_ in ("fire", "attack", "attacks", "shelling", "bombardment") and \
            tok.head.lower_ == "under":
        tok = tok.head.head
    return lemma_of(tok) == "come" and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in tok.children)


def repelled_assault(trig_tok: Token) -> Token | None:
    """The assault a repelling verb took on (its object, or its subject when passive)."""
    if trig_tok.dep_ in ("acl", "relcl") and trig_tok.head.lower_ in ASSAULT_NOUNS:
        trig_tok = trig_tok.head  # "an attempt ... to attack the base"
    verb = trig_tok
    if trig_tok.lower_ in ASSAULT_NOUNS and trig_tok.dep_ in ("dobj", "nsubjpass"):
        verb = trig_tok.head  # the trigger is the assault itself
    if lemma_of(verb) not in REPEL_VERBS or not verb.tag_.startswith("VB"):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for c in verb.children:
        if c.lower_ in ASSAULT_NOUNS and (c.dep_ == "dobj" or passive and c.dep_ == "nsubjpass"):
            return c
    return None


def assault_author(r: Token, assault: Token) -> bool:
    """`r` names who made the assault: "a Boko Haram attack", "ISIL's attacks", "an attack
    by terrorists", "an attempt by 20 IS fighters to attack the base"."""
    if r.head.i == assault.i and r.dep_ in ("compound", "amod", "nmod", "poss"):
        return True
    return r.dep_ == "pobj" and r.head.lower_ == "by" and r.head.head.i == assault.i


def _is_group(tok: Token) -> bool:
    """The acronym IS (Islamic State) parsed as the verb "is"."""
    return tok.text == "IS" and tok.tag_.startswith("VB")


def _root(doc: Doc, a: ActorMatch):
    return doc[a.start : a.end].root


# Words that hand an act to its author: "attributed to X", "operated by X", "carried out by X"
# (the participles as written: the lemmatizer is off when candidates are parsed)
_AUTHORING = {"attributed", "operated", "carried", "conducted", "launched", "claimed", "blamed",
              "flown", "piloted", "perpetrated", "committed"}


def _described_author(doc: Doc, a: ActorMatch) -> bool:
    root = _root(doc, a)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("by", "to") or prep.head is prep:
        return False
    verb = prep.head
    return verb.tag_ == "VBN" and verb.lower_ in _AUTHORING and (
        prep.lower_ == "by" or verb.lower_ in ("attributed", "blamed"))


def assign_roles(
    doc: Doc, trigger: Trigger, actors: list[ActorMatch], attribution: Attribution
) -> Roles:
    """Who acts (actor1) and who is acted upon (actor2), from the parse with a word-order
    fallback."""
    cands = []
    for a in actors:
        if attribution.token_span and a.start >= attribution.token_span[0] and \
                a.end <= attribution.token_span[1]:
            continue
        before = doc[max(0, a.start - 3) : a.start].text.lower()
        if "according to" in before:
            continue
        if is_speaker(doc[a.start : a.end].root):
            continue  # "police and hospital officials said": they report, they do not act
        span = attribution.token_span
        if span and any(c.dep_ == "conj" and span[0] <= c.i < span[1]
                        for c in doc[a.start : a.end].root.children):
            continue  # "..., police and medical sources said": a source, joined to one
        if describes_a_civilian(doc[a.start : a.end].root):
            continue  # "the wife of a police officer", "a retired army general": no party
        cands.append(a)
    if not cands:
        return Roles()
    cands = _collapse_members(doc, cands)
    trig_tok = doc[trigger.start : trigger.end].root
    head = trig_tok
    for _ in range(4):
        if head.tag_.startswith("VB") or head.tag_ == "MD" or head.head is head:
            break
        head = head.head
    agents, patients, unknown, opponents = [], [], [], []
    # "20 soldiers dead": the subject died; "gunmen shot dead a teacher": the subject killed
    shot_dead = doc[trigger.start].lower_ in ("shot", "gunned", "stabbed", "beaten")
    subject_is_patient = (trig_tok.lower_ in PATIENT_SUBJECT_TRIGGERS and not shot_dead) or \
        lemma_of(head) in PATIENT_SUBJECT_VERBS
    trigger_subtree = {t.i for t in trig_tok.subtree} if not trigger.is_verb else set()
    # (not "IS militants attacked": the group's name read as the auxiliary "is")
    passive_act = any(c.dep_ == "auxpass" and not _is_group(c) for c in head.children) and \
        not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                for c in head.children)
    own_agents = []
    assault = repelled_assault(trig_tok) if trigger.kind == "clash" else None
    for a in cands:
        r = _root(doc, a)
        role = None
        if _is_group(r) and r.i + 1 < len(doc) and doc[r.i + 1].tag_ in ("NNS", "NN", "NNPS"):
            # "IS militants attacked ...", "killed by IS militants": the parser read the
            # group's name as "is"; its noun ("militants") stands where the group does
            if r.dep_ == "pcomp" and r.head.lower_ == "by":
                role = "agent"
            elif r.dep_ in ("aux", "auxpass") and r.head.i == head.i:
                role = "agent" if trigger.is_verb else None
            r = doc[r.i + 1]
        if assault is not None and assault_author(r, assault):
            own_agents.append(a)
            agents.append(a)
            continue
        if r.dep_ == "pobj" and r.head.lower_ == "by" and \
                lemma_of(r.head.head) in BLAME_VERBS:
            continue  # "Turkey is being accused by Kurdish security forces of ...": the accuser
        if r.dep_ == "pobj" and r.head.lower_ == "by":
            # "a checkpoint run by HTS": the group owns the target, it is not the attacker
            chain = {trig_tok.i} | {t.i for t in trig_tok.ancestors}
            by_verb = r.head.head
            # "bomb attacks claimed by Da'esh": the noun the trigger word modifies counts too
            owner = trig_tok.head.i if trig_tok.dep_ in ("compound", "amod") else trig_tok.i
            # "the army, backed by Hezbollah fighters, liberated": a helper of the one acting
            role = "agent" if by_verb.i in chain or by_verb.head.i in (trig_tok.i, owner) or \
                by_verb.lower_ in SUPPORT_VERBS else "patient"
            if role == "patient" and by_verb.dep_ == "acl" and (
                    by_verb.head.tag_ in ("NNP", "NNPS")
                    or by_verb.head.lower_ in FEATURE_NOUNS | {"capital"}):
                continue  # "in Sanaa, controlled by the Huthis": who holds the place
        elif r.dep_ == "pobj" and r.head.lower_ in ("against", "on", "targeting", "at", "upon"):
            role = "patient"
        elif r.dep_ == "pobj" and r.head.lower_ == "of" and (
                r.head.head.i == trig_tok.i and trig_tok.lower_ in ARM_NOUNS
                and not trigger.is_verb or _owner_acts(r)):
            # "artillery of the Tsentr group of forces struck": whose guns; "supported by
            # aviation of the Yug group": whose aircraft helped; "actions of the brigade"
            role = "agent"
        elif r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lower_ in SUFFERED_NOUNS:
            role = "patient"  # "documented the death of two civilians in Russian airstrikes"
        elif r.dep_ == "pobj" and r.head.lower_ == "between":
            role = "agent"  # "clashes between government troops and Houthi fighters"
        elif r.dep_ == "pobj" and r.head.lower_ == "from" and _came_under(r.head.head):
            role = "agent"  # "soldiers came under fire from Islamic State militants"
        elif r.dep_ == "pobj" and r.head.lower_ == "with" and _fights(r.head.head):
            role = "opponent"  # "were killed in clashes with ISIS": the other side fought
        elif r.dep_ == "poss":
            # "ISIS's attack" acts; "strikes on the militants' routes" suffers
            role = "patient" if _via_target(r, trig_tok) or _in_object(r, trig_tok, head) \
                else "agent"
        elif r.dep_ == "nsubjpass" or r.dep_ == "nsubj" and headline_passive(r.head):
            role = "patient"
        elif r.dep_ in ("nsubj",):
            # the subject of another clause ("after government forces withdrew") is no party
            # to this act
            chain = {trig_tok.i, head.i} | {t.i for t in trig_tok.ancestors}
            role = "agent" if r.head.i in chain or r.head.dep_ == "conj" and \
                r.head.head.i in chain else "other"
            if role == "agent" and _came_under(r.head):
                role = "patient"  # "Nigerian soldiers came under attack from Boko Haram"
            if role == "agent" and r.head.i != trig_tok.i and lemma_of(r.head) in REACTION_VERBS:
                # "the United States condemns the attack": neither its author nor its
                # target, so not even the fallback for an act told without one
                role = "reactor"
        elif r.dep_ in ("dobj",):
            role = "patient"
        elif r.dep_ == "conj":
            # conjoined with an earlier actor: same role as it ("the SAA and tribal forces")
            first = r.head
            while first.dep_ == "conj" and first.head is not first:
                first = first.head
            if first.dep_ in ("nsubj", "poss") or (first.dep_ == "pobj" and
                                                     first.head.lower_ == "by"):
                role = "agent"
            elif first.dep_ in ("dobj", "nsubjpass") or (
                first.dep_ == "pobj" and first.head.lower_ == "between"  # "between A and B"
            ):
                role = "patient"
        elif r.dep_ == "compound" or r.dep_ == "amod" or r.dep_ == "nmod":
            # "ISIS positions", "SAA troops"
            h = r.head
            while h.dep_ in ("appos", "conj") and h.head is not h:
                # "Abu Jandal, an ISIL gang leader, was killed"; "government buildings,
                # civilian houses and shops were burnt": the role of the first conjunct
                h = h.head
            if h.dep_ in ("nsubj",) or (h.dep_ == "pobj" and h.head.lower_ == "by"):
                role = "agent"
            elif h.dep_ == "pobj" and h.head.lower_ in ("in", "during") and \
                    h.lower_ in ATTACKS_BY_NAME and h.head.head.i in (
                        {trig_tok.i, head.i} | {t.i for t in trig_tok.ancestors}):
                # "Two Malian soldiers were killed in a JNIM ambush": the ambush's author
                role = "agent"
            elif _owner_acts(h):
                role = "agent"  # "actions of the Wagner assault detachments"
            elif h.dep_ in ("dobj", "nsubjpass") or (
                h.dep_ == "pobj" and h.head.lower_ in ("against", "on", "at", "of")
            ):
                role = "patient"
        if role is None and (_befallen(r) or r.dep_ in ("compound", "amod", "nmod")
                             and _befallen(r.head)):
            role = "patient"  # "Five police officers wounded in Quetta blast"
        if role is None:
            # word order, unless the act is told in the passive with no "by": then whoever
            # the parse could not place underwent it ("..., civilian houses and shops were
            # burnt down")
            role = "agent" if a.start < trigger.start and not passive_act else "patient"
        if role == "other":
            unknown.append(a)
            continue
        if role == "reactor":
            continue
        if role == "opponent":
            opponents.append(a)
            continue
        if role == "agent" and subject_is_patient and r.dep_ in ("nsubj", "conj", "compound"):
            role = "patient"
        if role == "agent" and r.dep_ == "nsubj" and lemma_of(r.head) in PATIENT_SUBJECT_VERBS:
            role = "patient"
        if role == "agent" and not trigger.is_verb and (
            (r.head.i == trig_tok.i and r.dep_ in ("nsubj", "poss"))
            or (r.i in trigger_subtree and r.dep_ in ("poss", "pobj", "compound")
                and not _via_target(r, trig_tok))
        ):
            own_agents.append(a)
        (agents if role == "agent" else patients if role == "patient" else unknown).append(a)
    blamed = _blamed_party(doc, trig_tok, cands)
    if blamed is not None:
        # "Houthis blamed the coalition for the airstrike": the blamed one acts; the subject
        # only claims so.
        own_agents = [blamed]
        agents = [a for a in agents if a is not blamed]
        patients = [a for a in patients if a is not blamed]
        agents = [a for a in agents if _root(doc, a).dep_ != "nsubj"
                  or lemma_of(_root(doc, a).head) not in BLAME_VERBS]
    if own_agents:
        # "attacks by ISIS", "the group's shelling": the trigger names its own agent; the
        # clause's subject is then the one who suffered it.
        patients = [a for a in agents if a not in own_agents] + patients
        agents = own_agents
    # The side fought "with": the attacker when the sentence's subject suffered ("soldiers were
    # killed in clashes with ISIS"), else the one attacked ("the army clashed with ISIS").
    if opponents and not agents:
        agents, opponents = opponents[:1], opponents[1:]
    patients = opponents + patients
    # "In support of the Iraqi forces, coalition aircraft struck": the supported side is
    # associated with the act, the one acting is actor 1
    helped = [a for a in agents if any(t.lower_ in ("support", "backing", "behalf")
                                       or t.lower_ in SUPPORT_VERBS
                                       for t in list(_root(doc, a).ancestors)[:3])]
    if helped and len(helped) < len(agents):
        agents = [a for a in agents if a not in helped] + helped
    if not patients and lemma_of(trig_tok) in RECIPROCAL_VERBS and trigger.is_verb:
        # "Iraqi forces and Peshmerga fighters clashed": the two subjects fought each other
        other = next((a for a in agents[1:] if a.entry.name != agents[0].entry.name
                      and a not in helped), None)
        if other is not None:
            agents = [a for a in agents if a is not other]
            patients = [other]
    # "A drone attack attributed to the CJNG", "a drone operated by FARC dissidents": the act's
    # author named by a description of it, wherever the parse put the name
    described = [a for a in patients + unknown if _described_author(doc, a)]
    if described:
        agents = described[:1] + [a for a in agents if a is not described[0]]
        patients = [a for a in patients if a is not described[0]]
        unknown = [a for a in unknown if a is not described[0]]
    roles = Roles()
    if agents:
        roles.actor1 = agents[0]
        for a in agents[1:]:
            if a.entry.name != roles.actor1.entry.name:
                roles.assoc1.append(a)
    for a in patients + unknown:
        if roles.actor1 is not None and a.entry.name == roles.actor1.entry.name:
            continue
        if a in unknown and roles.actor2 is not None:
            continue
        if roles.actor2 is None:
            roles.actor2 = a
        elif a.entry.name != roles.actor2.entry.name:
            roles.assoc2.append(a)
    return roles
