"""Who states a fact (the claimant) and whether the text hedges it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from frontwatch.extraction.lexicon import ClaimantEntry, Lexicon
from frontwatch.nlp import doc_lowers, doc_text, phrase_spans

# "the statement" refers back to whoever released the last statement.
ANAPHORIC_SOURCES = re.compile(
    r"\b[Aa]ccording to (?:the|this|that|its|their|a) (?:released |same |latest |new |official )?"
    r"(?:statement|report|claim|announcement|communique|communiqué|video|post|source|sources|"
    r"ministry|agency|monitor|group|official|officials)\b"
    # "according to the Ministry of Health", "a statement by the Red Crescent": named there
    r"(?!\s+(?:of|by|from|for)\b)",
)
SPEAKING = {"documented", "recorded", "said", "says",
            "told", "reported", "claimed", "announced", "stated", "confirmed",
            "added", "reports", "claims", "alleged", "blamed", "accused", "blames", "accuses",
            "denied", "denies", "insisted", "rejected", "put", "puts", "gave", "estimated",
            "counted", "say", "report", "claim", "confirm", "state", "announce", "wrote",
            "acknowledged"}
SOURCE_HEADS = {
    "officials": "officials", "official": "officials", "spokesman": "officials",
    "spokesperson": "officials", "spokeswoman": "officials", "commander": "officials",
    "commanders": "officials", "sources": "local sources", "source": "local sources",
    "activists": "activists", "activist": "activists", "residents": "witnesses",
    "resident": "witnesses", "witnesses": "witnesses", "witness": "witnesses",
    "medics": "medical", "doctors": "medical", "doctor": "medical", "rescuers": "humanitarian",
    "paramedics": "medical", "monitor": "monitor", "group": "other", "council": "officials",
    "governor": "officials", "mayor": "officials", "minister": "government",
    "ministry": "government", "agency": "media", "media": "media", "television": "media",
    "officer": "officials", "officers": "officials", "policeman": "officials",
    "spokesmen": "officials", "representative": "officials", "analyst": "other",
    "commission": "officials", "committee": "officials", "parliament": "government",
    "lawmaker": "officials", "lawmakers": "officials", "watchdog": "monitor",
    "office": "officials", "tv": "media", "radio": "media", "outlet": "media",
    "statement": "officials",
    "center": "officials", "centre": "officials", "bureau": "officials",
    "directorate": "officials", "channel": "media", "station": "media", "newspaper": "media",
    "website": "media", "elders": "witnesses", "leaders": "officials", "authorities": "officials",
    # "Media outlets reported two deaths", "Human rights organizations reported 11 killed"
    "outlets": "media", "journalist": "media", "journalists": "media",
    "organizations": "monitor", "organisations": "monitor", "organization": "monitor",
    "organisation": "monitor", "groups": "monitor", "ngos": "monitor",
    "military": "military", "government": "government", "prosecutors": "officials",
    "prosecutor": "officials", "party": "other", "family": "witnesses", "church": "other",
    "bishop": "other", "leader": "officials", "guard": "officials",
    # "The district commissioner said", "hospital staff said", "a relative said", "a
    # maritime security firm told", "the ambulance service said", "Fano representatives said"
    "commissioner": "officials", "administrator": "officials", "administration": "officials",
    "staff": "medical", "relative": "witnesses", "relatives": "witnesses",
    "firm": "other", "company": "other", "service": "officials",
    "representatives": "officials", "head": "officials", "chief": "officials",
    "survivors": "witnesses", "survivor": "witnesses", "villagers": "witnesses",
}
# Wikipedia's note marks glued to a word: "office.[12]", "killed[3]"
CITATION_MARK = re.compile(r"\[\d*\]?|\[(?:citation needed|note \d+)\]?", re.IGNORECASE)
# "The same organization reported that ...": the source named before
SAME_SOURCE = re.compile(r"\b(?:the|this) same (?:organi[sz]ation|group|source|monitor|"
                         r"outlet|official|journalist|agency)\b", re.IGNORECASE)
# Verbs that report what a named body said (not "accused", "denied": their subject is a party)
REPORTING = {"said", "says", "say", "told", "reported", "reports", "report", "stated",
             "announced", "confirmed", "added", "wrote", "acknowledged"}
# Titles before a person's name that make the person an official source.
TITLES = {"gov", "governor", "mayor", "minister", "spokesman", "spokeswoman", "spokesperson",
          "gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "brig",
          "brigadier", "commander", "chief", "president", "premier", "sheikh", "police",
          "prosecutor", "deputy", "secretary", "ambassador", "envoy", "official",
          "commissioner", "administrator", "head"}
# Military ranks: a service named before one is part of a person's title ("Army Col.").
RANKS = {"col", "colonel", "gen", "general", "lt", "lieutenant", "maj", "major", "brig",
         "brigadier", "capt", "captain", "adm", "admiral", "rear", "vice", "sgt", "sergeant",
         "cmdr", "cpl", "corporal", "pvt", "private", "spc", "ens", "ensign"}
# "the statement said": the source is whoever issued the statement, named before.
ANAPHORIC_HEADS = {"statement", "report", "communique", "communiqué", "announcement", "video"}
ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
# "State news agency SANA, citing a military source, said": the source the agency cites breaks
# the parse between the agency and its verb
CITING_AFTER = re.compile(r"\s*,\s*(?:citing|quoting)\b[^,.;]{1,80},\s*(?:said|says|reported|"
                          r"reports|added|stated|announced)\b", re.IGNORECASE)
# The kind of a speaker known so far only by one capitalised word ("Warren said").
SURNAME = "surname"


@dataclass(slots=True)
class Attribution:
    claimant: str | None
    kind: str | None
    affiliation: str | None
    hedged: bool
    token_span: tuple[int, int] | None = None
    anaphoric: bool = False


def _is_case_sensitive(alias: str) -> bool:
    return any(len(tok) >= 2 and tok.replace(".", "").isupper() for tok in alias.split())


class ClaimantFinder:
    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        self.lexicon = lexicon
        self.entries: list[ClaimantEntry] = lexicon.claimants
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for i, entry in enumerate(self.entries):
            lower = [a for a in entry.aliases if not _is_case_sensitive(a)]
            exact = [a for a in entry.aliases if _is_case_sensitive(a)]
            if lower:
                self._lower.add(f"C{i}", [nlp.make_doc(a) for a in lower])
            if exact:
                self._exact.add(f"C{i}", [nlp.make_doc(a) for a in exact])
        hedges = sorted(lexicon.hedge_words, key=len, reverse=True)
        self.hedge = re.compile(
            r"\b(?:" + "|".join(re.escape(h) for h in hedges) + r")\b", re.IGNORECASE
        )

    def find(self, doc: Doc) -> Attribution:
        hedged = bool(self.hedge.search(doc_text(doc)))
        best: tuple[int, ClaimantEntry, tuple[int, int]] | None = None
        for span in phrase_spans(doc, self._exact, self._lower):
            entry = self.entries[int(span.label_[1:])]
            score = self._claim_role(doc, span.start, span.end)
            if score and (best is None or score > best[0]):
                best = (score, entry, (span.start, span.end))
        if best is not None and best[1].kind == "local sources" and any(
                c.dep_ in ("amod", "compound", "nmod") and not best[2][0] <= c.i < best[2][1]
                for c in doc[best[2][1] - 1].children):
            # "Medical sources said", "a security source said": sources of a kind, kept as
            # written (`_generic_speaker`), not the unnamed "sources"
            best = None
        person = self._titled_person(doc)
        if best is not None and person is not None and (
                best[0] < 3 and not person[1][0] <= best[2][0] < person[1][1]
                or person[1][0] <= best[2][0] and best[2][1] < person[1][1]
                and doc[best[2][1]].lower_.rstrip(".") in RANKS):
            # "Army Col. Steve Warren told Pentagon reporters": the person speaks, not the
            # army of their rank nor the Pentagon they spoke to ("SDF spokesman Mustafa Bali"
            # speaks for the SDF)
            return Attribution(person[0], "officials", None, hedged, token_span=person[1])
        if best is not None:
            _, entry, tokens = best
            return Attribution(
                claimant=entry.name,
                kind=entry.kind,
                affiliation=entry.affiliation,
                hedged=hedged or entry.kind == "armed group",
                token_span=tokens,
            )
        if ANAPHORIC_SOURCES.search(doc_text(doc)) or SAME_SOURCE.search(doc_text(doc)):
            return Attribution(None, None, None, hedged, anaphoric=True)
        if re.search(r"\b(?:the|this|its|their) (?:statement|report|communiqu[eé]|announcement)"
                     r" (?:said|says|added|claimed|stated)\b", doc_text(doc), re.IGNORECASE):
            return Attribution(None, None, None, hedged, anaphoric=True)
        generic = self._generic_speaker(doc)
        if generic is not None:
            name, kind, tokens = generic
            return Attribution(name, kind, None, hedged, token_span=tokens)
        m = ACCORDING_TO.search(doc_text(doc))
        if m:
            # An unknown source: keep it as written, up to the next punctuation.
            rest = doc.char_span(m.end(), len(doc_text(doc)), alignment_mode="expand")
            if rest is not None:
                words = []
                for tok in rest:
                    if tok.is_punct and tok.text not in ("-", "'", "’"):
                        break
                    words.append(tok)
                if words and len(words) <= 8:
                    name = doc[words[0].i : words[-1].i + 1].text
                    name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.IGNORECASE)
                    # "according to a statement by the Darfur Bar Association": its author
                    name = re.sub(r"^(?:joint\s+)?(?:statement|report|communiqu[eé])\s+"
                                  r"(?:by|from|of)\s+(?:the\s+)?", "", name,
                                  flags=re.IGNORECASE)
                    # "the Nigerian president's office.[12]": an encyclopedia's note mark
                    name = CITATION_MARK.sub("", name).rstrip(".,;: ")
                    return Attribution(
                        name, "other", None, hedged, token_span=(words[0].i, words[-1].i + 1)
                    )
        return Attribution(None, None, None, hedged)

    def _generic_speaker(self, doc: Doc) -> tuple[str, str, tuple[int, int]] | None:
        """"Rebel health officials said ...": a speaker the catalogue does not know, kept as
        written when the phrase is headed by a word that names a source."""
        lowers = doc_lowers(doc)
        for tok in [doc[i] for i, w in enumerate(lowers) if w in SPEAKING]:
            for child in tok.children:
                if child.dep_ == "nsubj" and child.lower_ in ANAPHORIC_HEADS and any(
                    c.lower_ in ("the", "this", "its", "their") for c in child.children
                ):
                    return None
                if child.dep_ == "nsubj" and any(c.lower_ == "same" for c in child.children):
                    return None  # "The same organization reported": named before
                person = _titled(child)
                if person is not None:
                    # "regional Gov. Oleksandr Prokudin said": a titled person speaks
                    return person[0], "officials", person[1]
                if child.dep_ == "nsubj" and child.tag_ == "NNP" and not list(child.children):
                    # "Warren said": perhaps a person named by surname, once named in full
                    # before; the extractor keeps it only when the article has that name
                    return child.text, SURNAME, (child.i, child.i + 1)
                named = child.dep_ == "nsubj" and (
                    child.tag_ in ("NNP", "NNPS") or child.text.isupper() and len(child) >= 2
                ) and tok.lower_ in REPORTING and child.ent_type_ != "GPE"
                if child.dep_ != "nsubj" or (child.lower_ not in SOURCE_HEADS and not named):
                    continue
                if any(t.lower_ in ("no", "none") for t in child.children):
                    continue  # "no group claimed responsibility"
                words = [t for t in child.subtree if not t.is_punct]
                if not words or len(words) > 8:
                    continue
                start, end = words[0].i, words[-1].i + 1
                name = doc[start:end].text
                name = re.sub(r"^(the|a|an|some|two|three|several)\s+", "", name,
                              flags=re.IGNORECASE)
                # "Human Rights Watch said", "the ICRC said": a body by its name, as written
                # (a party to the fighting is resolved to its actor by the extractor)
                return name, SOURCE_HEADS.get(child.lower_, "other"), (start, end)
        return None

    @staticmethod
    def _titled_person(doc: Doc) -> tuple[str, tuple[int, int]] | None:
        """A titled person who is the subject of a verb of speaking, and the tokens naming
        them."""
        lowers = doc_lowers(doc)
        for tok in [doc[i] for i, w in enumerate(lowers) if w in SPEAKING]:
            for child in tok.children:
                person = _titled(child)
                if person is not None:
                    return person
        return None

    def _claim_role(self, doc: Doc, start: int, end: int) -> int:
        """How surely the span is the source of the sentence's statement (0: it is not)."""
        before = doc[max(0, start - 7) : start].text.lower()
        if "according to" in before and not any(
                t.text in (",", ";", ".") for t in doc[max(0, start - 7) : start]):
            return 3  # "according to the Britain-based Observatory"
        span = doc[start:end]
        if span[-1].lower_ in self.lexicon.speech_verbs:
            return 3  # the alias itself ends in the verb: "police said"
        if CITING_AFTER.match(doc_text(doc), span.end_char):
            return 3  # "SANA, citing a military source, said": the agency reports

        root = span.root
        while root.dep_ in ("compound", "amod", "nmod") and root.head is not root:
            root = root.head  # "The White Helmets civil defence group put the toll at 14"
        speech = self.lexicon.speech_verbs
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in speech:
            return 3
        if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lower_ in speech:
            return 2
        after = [t.lower_ for t in doc[end : min(len(doc), end + 3)]]
        if after and after[0] in speech:
            return 2
        if len(after) > 1 and after[0] in ("has", "have", "had") and after[1] in speech:
            return 2
        prev = [t.lower_ for t in doc[max(0, start - 3) : start]]
        if prev and prev[-1] in ("said", "reported", "claimed", "told", "says", "added"):
            return 2
        if len(prev) > 1 and prev[-2] in ("said", "reported", "claimed") and prev[-1] == "the":
            return 2
        if root.dep_ == "poss" and root.head.lower_ in ("statement", "report", "claim", "tally"):
            return 1
        return 0


def _titled(subject: Token) -> tuple[str, tuple[int, int]] | None:
    """The subject's words, when it is a proper name with a title before it ("Army Col. Steve
    Warren", "regional Gov. Oleksandr Prokudin") and not too long to be one."""
    if subject.dep_ != "nsubj" or subject.tag_ != "NNP" or not any(
            t.lower_.rstrip(".") in TITLES for t in subject.subtree if t.i < subject.i):
        return None
    words = [t for t in subject.subtree if not t.is_punct or t.text == "."]
    if len(words) > 8:
        return None
    start, end = words[0].i, words[-1].i + 1
    return subject.doc[start:end].text, (start, end)


# A person's name in full: title words and capitalised names before the surname ("Army Col.
# Steve Warren", "Pentagon Press Secretary John F. Kirby", "Navy Rear Adm. John Kirby").
_NAME_WORD = r"(?:[A-Z][a-z]+\.?|[A-Z]\.)"


def full_name_before(text: str, end: int, surname: str) -> str | None:
    """The first fuller name ending in `surname` in text[:end], with at least a given name
    or a title before it; None when the article never names the person in full."""
    pattern = re.compile(rf"\b((?:{_NAME_WORD}[ \t]+){{1,6}}){re.escape(surname)}\b")
    for m in pattern.finditer(text, 0, end):
        words = m.group(1).split()
        while words and words[0] in ("The", "A", "An", "In", "On", "At", "But", "And"):
            words = words[1:]
        if words:
            return " ".join([*words, surname])
    return None
