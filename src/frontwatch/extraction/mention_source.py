"""Who tells a sentence's event, read in its article.

The claimant the sentence names (`attribution`) is only where reading starts: a name may point
back ("the ministry said" after "the Turkish defence ministry said", "according to the same
source", "Warren said"), a party to the fighting may be the source ("according to the SDF"), a
generic body ("state media", "police") is the story's country's own only where the story is,
a party may speak for itself without a reporting verb the finder knows ("The Taliban said in a
statement"), and wire copy attributes a passage once, so the sentence after a sourced one is
the same account. `SourceReader.read` settles all of that and records the claim in the
article's context for the sentences after.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from frontwatch.actors.catalog import ActorCatalog, regional_coalition
from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.attribution import SURNAME, Attribution, full_name_before
from frontwatch.extraction.background import DENIAL, is_headline
from frontwatch.extraction.implicit_actors import ImplicitActors
from frontwatch.extraction.lexicon import Lexicon
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.model import ActorRef
from frontwatch.nlp import doc_text


def witnesses(doc: Doc, speaker: ActorRef) -> str | None:
    """The whole subject a civilian speaker is part of ("Health workers and community
    members"), as written, without its article."""
    # the speaker was resolved within the sentence: its offsets are the sentence's
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand") \
        if speaker.start is not None and speaker.end is not None else None
    if span is None:
        return None
    tok = span.root
    while tok.dep_ in ("conj", "compound", "amod") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "nsubj":
        return None
    words = [t for t in tok.subtree if not t.is_punct]
    if not words or len(words) > 8:
        return None
    text = doc[words[0].i : words[-1].i + 1].text
    return re.sub(r"^(?:the|a|an|some)\s+", "", text, flags=re.IGNORECASE)



class SourceReader:
    def __init__(self, actors: ActorCatalog, lexicon: Lexicon, implicit: ImplicitActors
                 ) -> None:
        self.actors = actors
        self.lexicon = lexicon
        self.implicit = implicit

    def read(self, article, p: ParsedSentence, ctx: ArticleContext
             ) -> tuple[Attribution, ActorRef | None]:
        """The sentence's source as the article makes it, and the party the sentence has
        speak (None in a headline); a named claim is remembered in `ctx` even when the
        sentence holds no event ("Amaq released a statement")."""
        doc, sent = p.doc, p.sentence
        attribution = p.attribution
        if attribution.anaphoric and ctx.last_claim is not None and (
            sent.index - ctx.last_claim_sentence <= 3
        ):
            attribution = Attribution(
                ctx.last_claim.claimant,
                ctx.last_claim.kind,
                ctx.last_claim.affiliation,
                attribution.hedged or ctx.last_claim.hedged,
            )
        if attribution.claimant and attribution.token_span and " " not in attribution.claimant:
            # "the ministry said" after "the Turkish defense ministry said": the same source
            head = attribution.claimant.lower()
            last = next((a for i, a in reversed(ctx.claims_told) if sent.index - i <= 4
                         and a.claimant and " " in a.claimant and head in a.claimant.lower()),
                        None)
            if last is not None:
                attribution = Attribution(last.claimant, last.kind, last.affiliation,
                                          attribution.hedged or last.hedged,
                                          token_span=attribution.token_span)
        if attribution.kind == SURNAME:
            # "Warren said" after "Army Col. Steve Warren told reporters": that person; a
            # word the article never gives a fuller name for is no known speaker
            full = full_name_before(article.text, sent.start, attribution.claimant or "")
            attribution = Attribution(full, "officials" if full else None, None,
                                      attribution.hedged,
                                      token_span=attribution.token_span if full else None)
        if attribution.kind == "other" and attribution.token_span is not None:
            # "according to the SDF": a party to the fighting is the source
            s, e = attribution.token_span
            # (not "according to a local journalist": a civilian witness is no party)
            party = next((a for a in p.actors if s <= a.start and a.end <= e
                          and a.entry.inter != 7), None)
            if party is not None:
                name = self.actors.resolve(party, ctx.article_country, ctx.dominant_group).name
                kind = "government" if party.entry.inter == 1 else "armed group"
                hedged = attribution.hedged or kind != "government"
                # "according to police" in a story whose country is not yet known: the
                # words as written, not "Police Forces of Unknown"
                said = attribution.claimant if "Unknown" in name else \
                    self.lexicon.claimant_for(name)
                attribution = Attribution(said, kind, name, hedged,
                                          token_span=attribution.token_span)
        where = p.country or ctx.article_country
        attribution = self.local_body(attribution, doc, where)
        if attribution.affiliation == "Operation Inherent Resolve" and attribution.token_span:
            s, e = attribution.token_span
            regional = regional_coalition(
                doc[s:e].text, p.country or ctx.article_country)
            if regional is not None:  # "the coalition said" in Yemen: the Saudi-led one
                attribution = Attribution(regional[1], attribution.kind, regional[0],
                                          attribution.hedged, token_span=attribution.token_span)
        speaker = None if is_headline(sent) else self.implicit.speaker(doc, p.actors, ctx)
        if attribution.claimant is None and speaker is None and ctx.last_claim is not None \
                and not DENIAL.search(doc_text(doc)) \
                and ctx.last_claim_sentence == sent.index - 1 \
                and ctx.last_claim_paragraph == sent.paragraph:
            # wire copy attributes a passage once: the next sentence is the same account
            attribution = Attribution(ctx.last_claim.claimant, ctx.last_claim.kind,
                                      ctx.last_claim.affiliation, ctx.last_claim.hedged)
        if attribution.claimant is None and speaker is not None and speaker.inter == 7:
            # "Health workers and community members confirmed": witnesses, as written (not
            # the civilians' actor name)
            attribution = Attribution(witnesses(doc, speaker) or speaker.raw or None, "other",
                                      None, attribution.hedged)
        elif attribution.claimant is None and speaker is not None:
            # "The Taliban said in a statement...": a party to the fighting speaks
            attribution = Attribution(self.lexicon.claimant_for(speaker.name),
                                      "government" if speaker.inter == 1 else "armed group",
                                      speaker.name, attribution.hedged or speaker.inter != 1)
        if attribution.claimant:
            ctx.last_claim = attribution
            ctx.claims_told.append((sent.index, attribution))
            ctx.last_claim_sentence = sent.index
            ctx.last_claim_paragraph = sent.paragraph
        return attribution, speaker

    def local_body(self, attribution: Attribution, doc: Doc, where: str | None
                    ) -> Attribution:
        """A country's own body named by a generic phrase ("state media", "civil defence",
        "police said") is that country's only in a story about it: SANA is not Somalia's
        state media, nor the White Helmets Gaza's civil defence. Elsewhere the police are the
        story's country's, and any other body is kept as the text names it."""
        entry = self.lexicon.claimant_entry(attribution.claimant)
        if entry is None or not entry.country or where == entry.country or \
                not attribution.token_span:
            return attribution
        written = doc[slice(*attribution.token_span)].text
        if not any(a.lower() == written.lower() and (a == a.lower() or written == written.lower())
                   for a in entry.aliases):
            return attribution  # "Syrian state media", "SANA": named, whatever the story
        before = doc[attribution.token_span[0] - 1] if attribution.token_span[0] > 0 else None
        if entry.name.endswith("police") and before is not None and \
                before.lower_ in self.actors.adjectives:
            said = f"{before.text} police"  # "Israeli police said" in a story about Gaza
        elif entry.name.endswith("police"):
            adjectives = self.actors.states.get(where) or [] if where else []
            said = f"{adjectives[0]} police" if adjectives else \
                f"police ({where})" if where else "police"
        else:
            said = re.sub(r"^(?:the|a|an)\s+", "", written, flags=re.IGNORECASE)
        return Attribution(said, attribution.kind, None, attribution.hedged,
                           token_span=attribution.token_span)
