"""The actor catalogue beyond Syria: the main belligerents of the world's other wars by their
ACLED names, and the acronyms they share with other bodies held to the countries of their war
(`acronym_countries` in data/actors.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.actors.catalog import ActorCatalog, defined_acronyms, out_of_scope
from frontwatch.errors import ConfigError
from frontwatch.extraction.countries import countries_in
from frontwatch.pipeline import make_article


def _named(catalog: ActorCatalog, nlp, text: str, article: str | None = None) -> list[str]:
    """The canonical names a sentence's actors take in an article (the sentence alone when
    none is given), with the aliases held to other countries' stories set aside."""
    countries = set(countries_in(article or text))
    found = [m for m in catalog.find(nlp(text)) if not out_of_scope(m, countries)]
    # a generic actor without a state's adjective keeps its template: its country is the
    # event's, which a lone sentence does not settle
    return [m.entry.name if m.entry.generic and m.adjective_country is None
            else catalog.canonical_name(m.entry, m.adjective_country) for m in found]


def _actors(extractor, text: str) -> set[str]:
    events = extractor.process(make_article(text, published="2024-03-05")).events
    return {name for e in events for name in (e.actor1, e.actor2) if name}


# -- new entries, by their own names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSPDF soldiers clashed with SPLA-IO fighters near Nasir in Upper Nile state.",
         ["Military Forces of South Sudan (2011-)",
          "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)"]),
        ("The National Salvation Front ambushed a convoy in Central Equatoria.",
         ["NAS: National Salvation Front"]),
        ("The White Army mobilised thousands of Nuer youths around Ulang.",
         ["White Army"]),
        ("The Tatmadaw bombed a monastery held by the Kachin Independence Army.",
         ["Military Forces of Myanmar (2021-)", "KIA: Kachin Independence Army"]),
        ("The Arakan Army overran a junta outpost in Rakhine State.",
         ["AA: Arakan Army"]),
        ("The TNLA and the MNDAA seized Lashio's northern command.",
         ["TNLA: Ta'ang National Liberation Army",
          "MNDAA: Myanmar National Democratic Alliance Army"]),
        ("Local PDFs and the Karen National Liberation Army attacked a base in Kayin State.",
         ["PDF: People's Defense Force", "KNLA: Karen National Liberation Army"]),
        ("Fano fighters briefly held Lalibela before the ENDF pushed them out of Amhara.",
         ["Fano Militia", "Military Forces of Ethiopia (2018-)"]),
        ("The Oromo Liberation Army blocked the road west of Addis Ababa.",
         ["OLA: Oromo Liberation Army"]),
        ("FARDC troops backed by Wazalendo fighters retook the hill from the FDLR in North Kivu.",
         ["Military Forces of the Democratic Republic of Congo (2019-)", "Wazalendo",
          "FDLR: Democratic Forces for the Liberation of Rwanda"]),
        ("CODECO militiamen raided a displacement site in Djugu, Ituri.",
         ["CODECO: Cooperative for the Development of Congo"]),
        ("MONUSCO peacekeepers evacuated the wounded from Bunia.",
         ["MONUSCO: United Nations Organization Stabilization Mission in the Democratic "
          "Republic of Congo (2010-)"]),
        ("ATMIS troops handed the base over to the Somali army.",
         ["ATMIS: African Union Transition Mission in Somalia (2022-2024)",
          "Military Forces of Somalia"]),
        ("Islamic State Sahel Province attacked Africa Corps troops near Menaka.",
         ["Islamic State Sahel Province", "Military Forces of Russia (2000-) Africa Corps"]),
        ("Gunmen of the Eastern Security Network burned a police post in Imo State, Nigeria.",
         ["Unidentified Armed Group ({country})", "ESN: Eastern Security Network",
          "Police Forces of {country}"]),
        ("ELN guerrillas and FARC dissidents fought for control of Catatumbo in Colombia.",
         ["ELN: National Liberation Army", "FARC-EP Dissidents"]),
        ("The Clan del Golfo ambushed the Colombian army in Antioquia.",
         ["AGC: Gaitanist Self-Defense Forces of Colombia", "Military Forces of Colombia (2022-)"]),
        ("Viv Ansanm gangs led by the G9 attacked a police station in Port-au-Prince, Haiti.",
         ["Viv Ansanm", "G9 Family and Allies", "Police Forces of {country}"]),
        ("400 Mawozo kidnapped 17 missionaries east of Port-au-Prince.",
         ["400 Mawozo"]),
        ("The CJNG clashed with the Sinaloa Cartel in Michoacan.",
         ["CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel"]),
        ("STC forces took over the presidential palace in Aden, Yemen.",
         ["STC: Southern Transitional Council"]),
        ("Palestinian Islamic Jihad fired rockets from Gaza.",
         ["PIJ: Palestinian Islamic Jihad"]),
        ("The Pakistani Taliban and the Balochistan Liberation Army attacked troops in Quetta.",
         ["TTP: Tehreek-i-Taliban Pakistan", "BLA: Balochistan Liberation Army",
          "Military Forces of {country}"]),
        ("Maoists killed two CRPF jawans in Sukma, Chhattisgarh, India.",
         ["CPI (Maoist): Communist Party of India (Maoist)", "Police Forces of India (2014-)"]),
        ("NPA rebels ambushed Philippine soldiers in Samar, the Philippines.",
         ["NPA: New People's Army", "Military Forces of the Philippines (2022-)"]),
        ("Abu Sayyaf and BIFF militants surrendered in Mindanao.",
         ["Abu Sayyaf Group", "BIFF: Bangsamoro Islamic Freedom Fighters"]),
        ("BRN insurgents bombed a Thai army patrol in Narathiwat.",
         ["BRN: Barisan Revolusi Nasional", "Military Forces of Thailand (2023-)"]),
        ("ZSU units and the Azov Brigade held the line near Pokrovsk, Ukraine.",
         ["Military Forces of Ukraine (2019-)", "Military Forces of Ukraine (2019-) Azov Brigade"]),
        ("Kadyrovtsy shelled positions of the Territorial Defence in Kursk region, Ukraine.",
         ["Military Forces of Russia (2000-) Akhmat Special Forces",
          "Military Forces of Ukraine (2019-) Territorial Defense Forces"]),
    ],
)
def test_new_entries_by_their_names(catalog, nlp, text, expected):
    assert _named(catalog, nlp, text) == expected


def test_two_word_adjectives_name_their_own_state(catalog, nlp):
    # "Sudanese" alone would make South Sudan's army Sudan's
    assert _named(catalog, nlp, "South Sudanese troops shelled Nasir.") == [
        "Military Forces of South Sudan (2011-)"]
    assert _named(catalog, nlp, "Sudanese troops shelled El Fasher.") == [
        "Military Forces of Sudan (2019-)"]


def test_a_state_named_with_the_is_not_its_people(catalog, nlp):
    # "the Philippines" is the state; "the Ukrainians" are Ukraine's forces
    assert _named(catalog, nlp, "The Philippines said the talks had failed.") == []


# -- acronyms held to their war's countries ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Allied Democratic Forces in Congo and Uganda; the Australian Defence Force at home
        ("ADF rebels killed 12 villagers near Beni.",
         ["ADF: Allied Democratic Forces", "Civilians ({country})"]),
        ("The ADF attacked a farm outside Butembo in North Kivu.",
         ["ADF: Allied Democratic Forces"]),
        ("The ADF crossed from Congo into western Uganda.", ["ADF: Allied Democratic Forces"]),
        ("The ADF deployed two Chinook helicopters to flood-hit towns in Queensland.", []),
        # the Arakan Army in Myanmar, nothing anywhere else
        ("The AA captured the town of Paletwa in Chin State, Myanmar.", ["AA: Arakan Army"]),
        ("The AA said the meeting in Brisbane would go ahead.", []),
        # a Chief of Defence Forces is not the Chinland Defense Force
        ("Kenya's CDF toured Mandera.", []),
        ("The CDF overran a junta camp in Falam, Chin State.",
         ["CDF: Chinland Defense Force"]),
        # "the junta" is Myanmar's army only in Myanmar
        ("The junta expelled the French ambassador from Bamako.", []),
        # Sudan's army, not Singapore's
        ("The SAF shelled RSF positions in Omdurman.",
         ["Military Forces of Sudan (2019-)", "Rapid Support Forces"]),
        ("The SAF held a parade in Singapore.", []),
        # killed in action
        ("Two marines were listed as KIA after the firefight in Helmand.", []),
        ("The NPA said its clinics in Sydney were full.", []),
        ("G9 leaders met in Paris to discuss Ukraine.", []),
        # Fano is a town on Italy's Adriatic coast
        ("Police in Fano arrested two men.", ["Police Forces of {country}"]),
    ],
)
def test_acronyms_are_held_to_their_wars(catalog, nlp, text, expected):
    assert _named(catalog, nlp, text) == expected


def test_the_article_not_the_sentence_says_where_an_acronym_counts(catalog, nlp):
    # a sentence that names no country takes the article's
    article = ("Rebels attacked Oicha in North Kivu overnight. The ADF burned 30 houses, "
               "the army said.")
    assert _named(catalog, nlp, "The ADF burned 30 houses, the army said.", article) == [
        "ADF: Allied Democratic Forces", "Military Forces of {country}"]
    assert _named(catalog, nlp, "The ADF burned 30 houses, the army said.") == [
        "Military Forces of {country}"]


def test_an_australian_story_names_no_congolese_rebels(extractor):
    text = ("Two soldiers were killed when their vehicle was ambushed near Darwin, the ADF "
            "said on Tuesday. The ADF has opened an inquiry.")
    assert not any("Allied Democratic" in name for name in _actors(extractor, text))


def test_a_congolese_story_names_the_adf(extractor):
    text = ("ADF militants attacked the village of Mayikengo in Lubero territory, North Kivu, "
            "on Monday, killing 14 civilians, local officials said.")
    assert "ADF: Allied Democratic Forces" in _actors(extractor, text)


def test_aa_outside_myanmar_is_no_actor(extractor):
    text = ("Gunmen attacked a bus station in Kaduna, Nigeria, on Sunday, killing six people, "
            "the AA spokesman said.")
    assert not any("Arakan" in name for name in _actors(extractor, text))


def test_the_scope_of_an_entry(catalog):
    adf = catalog.by_name["ADF: Allied Democratic Forces"]
    assert set(adf.scope) == {"Democratic Republic of the Congo", "Uganda"}
    # the bare acronym is held to them, its longer aliases are not
    assert "adf" in adf.scoped and "adf rebels" not in adf.scoped
    fano = catalog.by_name["Fano Militia"]
    assert fano.scoped == {"fano"}  # listed in `scoped_aliases`; no acronym of its own
    # an entry without countries holds nothing back
    assert catalog.by_name["CJNG: Jalisco New Generation Cartel"].scoped == frozenset()


def test_scoped_aliases_need_countries(nlp, tmp_path: Path):
    path = tmp_path / "actors.yaml"
    path.write_text('actors:\n  - name: "X"\n    inter: 2\n    scoped_aliases: [X]\n'
                    "    aliases: [X]\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorCatalog.load(nlp, path)


def test_every_scope_country_can_be_named(catalog):
    """A scope country that no text could name would silence the acronym everywhere."""
    from frontwatch.extraction.countries import COUNTRY_WORDS

    scoped = {c for e in catalog.entries for c in e.scope}
    assert scoped <= set(COUNTRY_WORDS)


def test_no_acronym_names_two_actors(catalog):
    """A bare acronym shared by two entries would be one of them by chance (the matcher keeps
    one span): give it to one and the other its full names."""
    seen: dict[str, str] = {}
    for e in catalog.entries:
        for alias in e.aliases:
            if " " in alias or not alias.isupper():
                continue
            assert seen.setdefault(alias, e.name) == e.name, alias


def test_an_acronym_the_article_gives_a_known_army_is_that_army(catalog, nlp):
    # "Myanmar Armed Forces" reads as an unknown group's name as well; the catalogue's
    # reading (Myanmar's adjective and its forces) wins
    article = ("Clashes between the Myanmar Armed Forces (MAF) and local militias went on in "
               "Sagaing. The MAF shelled two villages near Kale.")
    doc = nlp("The MAF shelled two villages near Kale.")
    found = catalog.with_article_acronyms(doc, catalog.find(doc), defined_acronyms(article))
    assert [catalog.canonical_name(m.entry, m.adjective_country) for m in found] == [
        "Military Forces of Myanmar (2021-)"]


@pytest.mark.parametrize(
    "text",
    [
        "Polish Territorial Defence Forces joined the flood relief in Opole.",
        "SAF soldiers marched at the National Day Parade.",
        "AA troops shot down a drone over the harbour.",
        "The Kurdistan Democratic Party of Iran said its offices were raided.",
    ],
)
def test_longer_aliases_held_to_their_wars_too(catalog, nlp, text):
    assert not [m for m in _named(catalog, nlp, text) if "Military Forces of {" not in m]



@pytest.fixture(scope="module")
def geocoding_extractor():
    from frontwatch.pipeline import Extractor

    return Extractor()


@pytest.mark.parametrize("text, actor", [
    ("Kuki militants attacked a village near Jiribam on Monday, killing three people.",
     "Kuki Ethnic Militia (India)"),
    ("Jaish-e-Mohammed militants attacked an army post in Kathua on Monday.",
     "JeM: Jaish-e-Mohammed"),
    ("Los Choneros gunmen killed five people in Guayaquil on Monday.", "Los Choneros"),
    ("TPNPB fighters shot dead two construction workers in Yahukimo on Monday.",
     "TPNPB: West Papua National Liberation Army"),
])
def test_more_of_the_worlds_armed_groups(geocoding_extractor, text, actor):
    (e,) = geocoding_extractor.process(make_article(text, published="2024-06-15")).events
    assert e.actor1 == actor
