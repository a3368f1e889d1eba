"""The per-article function: article -> mentions -> geocoded, reconciled events.

`Extractor` holds the loaded resources (spaCy pipeline, actor catalogue, gazetteer) so a worker
process loads them once; `extract` and `extract_many` are the library's front door.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from anyascii import anyascii
from rapidfuzz import fuzz

from frontwatch.geo.names import ACTOR_AFTER
from frontwatch.model import Article, Event, Mention, Place, PlaceMention

OF_A_COUNTRY = re.compile(r"\bthe\s+([A-Z][a-z]+)\s+(?:border\s+)?(?:town|city|village|region|"
                          r"province|district|port|capital)\s+of\b")
# "Security Alert – U.S. Embassy Niamey, Niger", "Location: Niamey, Niger": the city a
# mission's alert is about, named in its opening lines.
HOME_CITY = re.compile(
    r"\b(?:U\.S\.|US)\s+Embassy\s+(?:in\s+)?(?P<city>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+)?)"
    r"(?=\s*,\s*[A-Z])|^Location:[ \t]*(?P<place>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+)?)"
    r"(?=\s*,\s*[A-Z][\w ]+$)", re.MULTILINE)
HOME_HEAD = 600  # characters: the alert's title and header lines
QUARTER = re.compile(r"^(East|West|North|South|Eastern|Western|Northern|Southern|Old|Central|"
                     r"Greater)\s+(\S.*)$")
# A quarter named with its city: "Mogadishu's Hodan district", "the Gwange area of Maiduguri",
# "Hodan district, Mogadishu" (the city before the quarter, or after it)
_CITY_NAME = r"(?P<city>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2})"
CITY_BEFORE = re.compile(_CITY_NAME + r"['’]s\s+(?:(?:southern|northern|eastern|western|"
                         r"central)\s+)?$")
CITY_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|area|quarter|suburb|township|commune|"
                        r"sector)?\s*(?:of|,|in)\s+(?:the\s+)?(?:city\s+of\s+)?" + _CITY_NAME)


def _named_only_as(place: Place, country: str, hits: list[tuple[int, str]],
                   text: str) -> str | None:
    """The story's country when the text names `country` only by this place's own name and
    another country more often: then the place is a namesake abroad."""
    own = [o for o, c in hits if c == country]
    written = (place.written or place.name or "").strip()
    if not own or not written or not all(text.startswith(written, o) for o in own):
        return None
    others = Counter(c for _, c in hits if c != country).most_common(1)
    return others[0][0] if others and others[0][1] > len(own) else None


def _letters_of(m: Mention, resolved: str) -> tuple[str, str] | None:
    """The mention's main place as written and the name it resolved to, in lower-case
    letters only (accents, case and punctuation set aside); None when it names none."""
    main = next((p for p in m.places if p.role != "region"), None)
    if main is None:
        return None
    return (re.sub(r"[^a-z]", "", anyascii(main.lookup or main.text).lower()),
            re.sub(r"[^a-z]", "", anyascii(resolved).lower()))


def _spelt_alike(m: Mention, resolved: str) -> bool:
    """The place resolved is the name written, letter for letter but for accents, case and
    punctuation ("Tuapse"; not "Boni" read as Bonn)."""
    letters = _letters_of(m, resolved)
    return letters is not None and letters[0] == letters[1]


def _same_name(m: Mention, resolved: str) -> bool:
    letters = _letters_of(m, resolved)
    if letters is None:
        return True
    a, b = (re.sub(r"^(al|el|ar|as|ash|ad|az)", "", x) for x in letters)
    return bool(a and b) and (a in b or b in a or fuzz.ratio(a, b) >= 75)


def article_id_of(text: str) -> str:
    """Stable id: a hash of the whitespace- and case-normalised text."""
    norm = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class ArticleResult:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


ENGINES = ("model", "rules")
DEFAULT_ENGINE = "model"
ENGINE_ENV = "FRONTWATCH_ENGINE"


def default_engine() -> str:
    """The engine an Extractor uses when not told: $FRONTWATCH_ENGINE, else DEFAULT_ENGINE."""
    return os.environ.get(ENGINE_ENV) or DEFAULT_ENGINE


class Extractor:
    """Loads the pipeline once; `process(article)` runs every stage on one article.

    `engine="model"` lets the learned sentence coder decide which sentences tell events and
    their sub-types, the rules reading the arguments; `engine="rules"` is the rule grammar
    alone. Without a trained coder on disk the model engine raises CoderUnavailable.
    """

    def __init__(self, model: str | None = None, geocode: bool = True,
                 engine: str | None = None, coder_dir: str | None = None) -> None:
        from frontwatch.extraction.mentions import MentionExtractor

        engine = engine or default_engine()
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
        coder = gate = None
        if engine == "model":
            from frontwatch.extraction.coder import SentenceCoder
            from frontwatch.extraction.gate import GateUnavailable, SentenceGate

            coder = SentenceCoder(coder_dir)
            try:
                gate = SentenceGate(coder_dir)
            except GateUnavailable:
                gate = None  # a coder trained without its gate reads every sentence
        self.engine = engine
        self.mentions = MentionExtractor(model=model, coder=coder, gate=gate)
        self.geocoder = None
        if geocode:
            try:
                from frontwatch.geo import Geocoder

                self.geocoder = Geocoder.default()
            except ImportError:
                self.geocoder = None
        if self.geocoder is not None:
            self.mentions.place_finder = self.geocoder.find_toponyms

    def _geocode_quarters(self, article: Article, mentions: list[Mention],
                          toponyms: list[PlaceMention]) -> None:
        """"East Mosul", "Old Aleppo", "Mogadishu's Hodan district": a part of a city the
        gazetteer does not list is placed at the city, as near it (precision 2), keeping the
        name as written."""
        for m in mentions:
            if m.place is not None and m.place.latitude is not None:
                continue
            main = next((p for p in m.places if p.role != "region"), None)
            if main is None:
                continue
            hit = QUARTER.match(main.text)
            before = CITY_BEFORE.search(article.text, max(0, main.start - 40), main.start)
            after = CITY_AFTER.match(article.text, main.end)
            if hit is not None:
                name = hit.group(2)
                city = PlaceMention(text=name, start=main.end - len(name), end=main.end,
                                    role="near")
            elif before is not None or after is not None:
                # "Mogadishu's Hodan district": the city the quarter is in (a quarter the
                # gazetteer lists is placed already)
                found = before or after
                city = PlaceMention(text=found.group("city"), start=found.start("city"),
                                    end=found.end("city"), role="near")
            else:
                continue
            probe = replace(m, places=[city], place=None)
            self.geocoder.geocode_mentions(article, [probe], toponyms)
            if probe.place is not None and probe.place.latitude is not None:
                probe.place.written = main.text
                probe.place.geo_precision = max(2, probe.place.geo_precision)
                m.place = probe.place

    def _place_at_home(self, article: Article, mentions: list[Mention],
                       toponyms: list[PlaceMention]) -> None:
        """An embassy's alert about its city ("U.S. Embassy Port-au-Prince, Haiti") names
        streets, squares and quarters the gazetteer does not list ("Carrefour Pean",
        "Champ-de-Mars area"): they are placed at the city, as near it (precision 2), keeping
        the name as written (the codebook's "the town for a neighbourhood")."""
        head = HOME_CITY.search(article.text, 0, HOME_HEAD)
        if head is None or self.geocoder is None:
            return
        group = "city" if head.group("city") else "place"
        home = PlaceMention(text=head.group(group), start=head.start(group),
                            end=head.end(group), role="at")
        city: Place | None = None
        for m in mentions:
            if m.place is not None and m.place.latitude is not None:
                continue
            main = next((p for p in m.places if p.role != "region"), None)
            if main is None:
                continue
            if city is None:
                probe = replace(m, places=[home], place=None)
                self.geocoder.geocode_mentions(article, [probe], toponyms)
                if probe.place is None or probe.place.latitude is None:
                    return
                city = probe.place
            if m.country and city.country and m.country != city.country:
                continue
            here = replace(city, written=main.text, geo_precision=max(2, city.geo_precision))
            m.place = here

    def process(self, article: Article) -> ArticleResult:
        return self.process_batch([article])[0]

    def extract(
        self,
        text: str | Article,
        published: dt.date | str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> list[Event]:
        """Events of one article, given as text (with its metadata) or as an `Article`."""
        article = text if isinstance(text, Article) else make_article(
            text, published=published, outlet=outlet, url=url, title=title)
        return self.process(article).events

    def process_batch(self, articles: list[Article]) -> list[ArticleResult]:
        """Every stage on several articles; parsing them together is faster than one by one."""
        from frontwatch.clean import mark_boilerplate
        from frontwatch.extraction.title_case import sentence_cased
        from frontwatch.ingest.text import dateline_date

        for article in articles:
            if not article.kept:
                # Readers mark boilerplate; articles built in code get it marked here.
                mark_boilerplate(article)
            if article.published is None:
                # "BAGHDAD, June 28, 2019 (Levant Wire) -": the dateline dates the text, for
                # articles built in code as for the readers'
                article.published = dateline_date(article.text)
        # Title-cased headlines are read in sentence case ("Seize Town Of Mahas" names no
        # "Town Of Mahas"); only initials change, so every offset holds for the text as
        # written, which the articles get back with the sentences they quote.
        written = [a.text for a in articles]
        recased = [sentence_cased(t) for t in written]
        for article, text in zip(articles, recased, strict=True):
            article.text = text
        try:
            results = self._read(articles)
        finally:
            for article, text in zip(articles, written, strict=True):
                article.text = text
        for result, text in zip(results, written, strict=True):
            for m in result.mentions:
                # quoted as written: a recased headline's initials, the words blanked out of a
                # piece of a sentence telling two incidents (extraction.earlier_acts); a wrap
                # is read as a space, as the splitter reads it
                m.sentence.text = text[m.sentence.start : m.sentence.end].replace("\n", " ")
        return results

    def _read(self, articles: list[Article]) -> list[ArticleResult]:
        from frontwatch.reconcile import events_from_mentions

        results = []
        # The gazetteer's scan of each article serves both the extractor and the geocoder.
        toponyms = ([self.geocoder.find_toponyms(a.text) for a in articles]
                    if self.geocoder is not None else None)
        batch = self.mentions.extract_batch(articles, toponyms)
        for n, (article, mentions) in enumerate(zip(articles, batch, strict=True)):
            if self.geocoder is not None and toponyms is not None:
                self.geocoder.geocode_mentions(article, mentions, toponyms[n])
                self._geocode_quarters(article, mentions, toponyms[n])
                self._place_at_home(article, mentions, toponyms[n])
                from frontwatch.extraction.countries import country_hits

                hits = country_hits(article.text)
                named = {c for _, c in hits} | {m.country for m in mentions if m.country}
                # "Ukrainian drones struck Tuapse": whose drones, not where they struck; a
                # text naming no country but so cannot veto the gazetteer's Tuapse in Russia
                vouching = {c for offset, c in hits if not _names_an_actor(article.text, offset)}
                # "the Russian town of Shebekino": a country named by its adjective for a place
                adjectives = self.mentions.actors.adjectives
                named |= {adjectives[a.lower()] for a in OF_A_COUNTRY.findall(article.text)
                          if a.lower() in adjectives}
                # "Turkish drones", "the Russian town of": a country named by its people
                by_people = {adjectives[w.lower()] for w in re.findall(r"\b[A-Z][a-z]+\b",
                                                                      article.text)
                             if w.lower() in adjectives}
                for m in mentions:
                    instead = None if m.place is None or not m.place.country or \
                        m.place.country in by_people else \
                        _named_only_as(m.place, m.place.country, hits, article.text)
                    if instead is not None:
                        # "shelling in Salahuddin district" in a Libya report: the Iraqi
                        # province of that name is the only trace of Iraq in the text, so it
                        # cannot vouch for itself
                        m.place = None
                        if m.country not in (None, instead):
                            m.country = instead
                    elif m.place is not None and (m.country or named) and m.place.country and \
                            m.place.country not in named and (
                                vouching or not _spelt_alike(m, m.place.name)):
                        # A village the text puts in Syria is not a namesake in Russia, nor
                        # "Grad rockets" a Slovenian municipality: keep the name as written,
                        # without coordinates, rather than a far match.
                        m.place = None
                    elif m.place is not None and m.place.geo_precision == 1 and \
                            not _same_name(m, m.place.name):
                        # placed at another place of the sentence: near it, not at it
                        m.place.geo_precision = 2
            _taken_abroad(mentions)
            events = events_from_mentions(article, mentions)
            if self.geocoder is not None:
                for e in events:
                    if e.latitude is None and e.geo_precision is not None:
                        # Geocoded but no point found: the place's precision as written ("at")
                        # would claim more than the data holds.
                        e.geo_precision = 3
            results.append(ArticleResult(article=article, mentions=mentions, events=events))
        return results


def _names_an_actor(text: str, offset: int) -> bool:
    """Whether the country word at `offset` is a state's adjective before its forces or
    weapons ("Ukrainian drones", "Russian troops")."""
    word = re.match(r"[\w'’-]+", text[offset:])
    return word is not None and ACTOR_AFTER.match(text, offset + word.end()) is not None


def _taken_abroad(mentions: list[Mention]) -> None:
    """"Russian forces captured Avdiivka": a state's forces taking a place the gazetteer puts
    in another country overtake it (ACLED), as the classifier decides when the text names that
    country; only the place's country, known after geocoding, tells it when the text does not.
    ("Government forces", whose country was guessed from the text, take the place's later.)"""
    from frontwatch.extraction.countries import countries_in

    for m in mentions:
        a = m.actor1
        if m.sub_event_type == "Government regains territory" and a is not None \
                and a.inter in (1, 8) and a.country and a.template is None \
                and m.place is not None \
                and m.place.latitude is not None and m.place.country \
                and m.place.country != a.country and m.place.country not in countries_in(
                    m.sentence.text):
            # (where the sentence names the place's country the classifier has weighed it:
            # "Rwandan and Mozambican troops regained Mbau" is the government's)
            m.sub_event_type = "Non-state actor overtakes territory"


def rules_extractor() -> Extractor:
    """The rule grammar alone (`--engine rules`); importable by name for worker processes."""
    return Extractor(engine="rules")


def model_extractor() -> Extractor:
    """The learned coder with the rules reading arguments (`--engine model`)."""
    return Extractor(engine="model")


def extractor_spec(engine: str | None) -> str | None:
    """The `module:factory` name of an engine's extractor, for worker processes."""
    if engine is None:
        return None
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    return f"frontwatch.pipeline:{engine}_extractor"


def make_article(
    text: str,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source_path: str | None = None,
) -> Article:
    # Article reads a string date and hashes its own id (model.Article.__post_init__)
    return Article(
        text=text,
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        source_path=source_path,
    )


def extract(
    text: str,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    extractor: Extractor | None = None,
) -> list[Event]:
    """Events told by one article's text."""
    return (extractor or Extractor()).extract(
        text, published=published, outlet=outlet, url=url, title=title)


def extract_many(
    articles: Iterable[Article], extractor: Extractor | None = None
) -> list[ArticleResult]:
    """Run every stage on many articles in one process, keeping their order."""
    ex = extractor or Extractor()
    results: list[ArticleResult] = []
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= 32:
            results.extend(ex.process_batch(batch))
            batch = []
    if batch:
        results.extend(ex.process_batch(batch))
    return results
