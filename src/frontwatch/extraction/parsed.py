"""A sentence as the extractor reads it: its parse and what the rules and the coder
found in it, shared by the stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from frontwatch.actors.catalog import ActorMatch
from frontwatch.extraction.attribution import Attribution
from frontwatch.extraction.coder import Coding
from frontwatch.extraction.figures import Figures
from frontwatch.extraction.sentences import Sentence
from frontwatch.extraction.triggers import Trigger


@dataclass(slots=True)
class ParsedSentence:
    sentence: Sentence
    doc: Doc
    actors: list[ActorMatch]
    attribution: Attribution
    figures: Figures
    triggers: list[Trigger] = field(default_factory=list)
    country: str | None = None  # the country the sentence names most
    countries: frozenset[str] = frozenset()  # every country it names
    coding: Coding | None = None  # the learned coder's reading, with the model engine
