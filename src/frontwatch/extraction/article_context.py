"""What an article's sentences carry to the ones after them.

A sentence often leaves its date, place, source or sides to earlier ones ("the town", "the
statement", "the next day") or to the article as a whole (the two sides of a front-line
update, the air force a strike report is about); `ArticleContext` holds them while the
article's sentences are read in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from frontwatch.actors.catalog import ActorCatalog, ActorEntry, ActorMatch
from frontwatch.extraction.attribution import Attribution
from frontwatch.model import ActorRef, PlaceMention


@dataclass(slots=True)
class ArticleContext:
    """Context that crosses sentences: what earlier sentences named (a date, places, a
    source, actors) for later ones to inherit, and what the whole article says of its sides."""

    article_country: str | None
    # the day year-less dates are read against: the publication date, or the last day of the
    # year an annual report covers (`extraction.report_year`)
    published: dt.date | None
    dominant_group: ActorEntry | None
    # the group each country's sentences name most ("jihadists" in a Burkina paragraph are
    # JNIM even when Islamic State dominates the Syria paragraphs)
    dominant_by_country: dict[str, ActorEntry] = field(default_factory=dict)
    last_date: tuple[dt.date | None, int] | None = None
    last_date_paragraph: int = -1
    # the last read sentence's index and act date (an earlier incident's piece counts back
    # from its main clause's, the sentence before it: extraction.earlier_acts)
    told_date: tuple[int, tuple[dt.date | None, int]] | None = None
    # paragraphs that open a section ("COLOMBIA: CONFLICT & VIOLENCE"): a date told before
    # one is another section's
    sections: tuple[int, ...] = ()
    # the first day of what the article is about when that is not the last few months before
    # it appeared: an annual report's year, an encyclopedia article's subject
    news_from: dt.date | None = None
    # an encyclopedia article's subject, from its infobox: the days its lead summarises
    subject_days: tuple[dt.date, dt.date] | None = None
    encyclopedia: bool = False
    last_claim: Attribution | None = None
    claims_told: list[tuple[int, Attribution]] = field(default_factory=list)  # every source
    last_claim_sentence: int = -10
    last_claim_paragraph: int = -1
    last_places: list[PlaceMention] = field(default_factory=list)
    last_places_sentence: int = -10
    paragraph_country: dict[int, str] = field(default_factory=dict)
    # a regional bulletin's section ("MALI", then its paragraphs): the country of what follows
    section_country: str | None = None
    # (sentence, actor, the country that sentence names most) of the actors named lately
    recent_actors: list[tuple[int, ActorMatch, str | None]] = field(default_factory=list)
    # the gazetteer recogniser's places of the whole article (offsets into the article)
    toponyms: list[PlaceMention] | None = None
    # (sentence, actor, country of that sentence): who last struck from afar
    last_remote_actor: tuple[int, ActorRef, str | None, str] | None = None
    air_actor: ActorEntry | None = None
    # the two sides an article's fighting is between, when it names them often enough
    belligerents: list[ActorRef] | None = None
    air_countries: set[str] = field(default_factory=set)  # where the text names it
    # "Unidentified Communal Militia" in an article about intercommunal violence
    communal: str | None = None
    # the one foreign state whose forces an article names, and no other state's: who fires
    # the bombardment it tells without author ("heavy bombardment in Kharkiv")
    remote_actor: ActorRef | None = None
    # sentence -> the armed group it says claimed responsibility ("The Houthis claimed ...")
    claimed: dict[int, ActorRef] = field(default_factory=dict)
    # a text of one line and at most two sentences (a headline, a ticker, a brief, an
    # alert): it heads no section, and it is the news, not a title above it
    one_line: bool = False
    # a one-line text without a closing full stop: a headline, a ticker, a title alone
    titled: bool = False
    # the state whose forces' own outlet the article is ("Russian MoD bulletin", "IDF
    # statement"): its bulletins name their own aircraft without a flag
    voice: ActorRef | None = None

    @staticmethod
    def actor_ref(entry: ActorEntry, catalog: ActorCatalog, country: str | None) -> ActorRef:
        # a generic name made for the article's country is a guess: the event's place, once
        # geocoded, renames it (a multi-country bulletin's Mali section is not about Niger)
        return ActorRef(raw="", name=catalog.canonical_name(entry, entry.country or country),
                        inter=entry.inter, country=entry.country or country,
                        template=entry.guessed_template())

    def section_since_date(self, paragraph: int) -> bool:
        """A section heading stands between the last date told and this paragraph."""
        return any(self.last_date_paragraph < h <= paragraph for h in self.sections)

    def remember_date(self, date: dt.date, precision: int, paragraph: int = -1) -> None:
        """The date later sentences inherit; a vague aside ("twice this month") does not
        replace a known day."""
        if precision >= 3 and self.last_date is not None and self.last_date[1] < 3:
            return
        if self.published is not None and date > self.published:
            return  # a day to come ("possible on July 13") dates nothing told after it
        self.last_date = (date, precision)
        self.last_date_paragraph = paragraph
