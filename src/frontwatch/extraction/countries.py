"""Which country a text is about: each country by its name, its people and its places,
so a sentence's actors and places are read in the war it tells of."""

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from frontwatch.geo.names import NATIONALS_AFTER
from frontwatch.geo.toponyms import given_names, in_release_dateline

COUNTRY_WORDS = {
    "Syria": r"Syria|Syrian|SANA|Damascus|Aleppo|Idlib|Raqqa|Raqqah|"
    # Deir ez-Zor, not Gaza's Deir al-Balah or Lebanon's Deir Mimas
    r"Deir[ -](?:ez|el|al|az|e)[- ]?Zou?r|Deir[ -]?Ezzor|Dayr[ -]?az[ -]Zawr|"
    r"Homs|Hama|Daraa|Latakia|"
    r"Azaz|Afrin|Manbij|Kobani|Qamishli|Hasakah|Hasaka|Tabqa|Palmyra|Tadmur|Douma|Ghouta|"
    r"Tartus|Mayadin|Abu Kamal|Albu Kamal|Bukamal|Jarablus|Al-Bab|Maarat|Khan Sheikhoun|Sukhna",
    "Iraq": r"Iraq|Iraqi|Baghdad|Mosul|Anbar|Nineveh|Ninawa|Kirkuk|Fallujah|Ramadi|Tal[- ]?Afar|"
    r"Erbil|Basra|Basrah|Najaf|Karbala|Samarra|Tikrit|Diyala|Baquba|Baqubah|Hawija|Qaim|"
    r"Haditha|Sinjar|Salahuddin|Salah al-Din|Sulaimaniyah|Tarmiyah|Rutba|Hit|Peshmerga|"
    r"Makhmour|Kurdistan Region|Duhok|Dohuk|Zakho|Khanaqin|Tuz Khurmatu|Qayyarah|Baiji",
    "Yemen": r"Yemen|Yemeni|Sanaa|Sana'a|Aden|Houthi|Houthis|Hodeidah|Taiz|Saada|Sa'dah|Marib|"
    r"Ma'rib|Hajjah|Amran|Dhamar|Ibb|Mukalla|Hadramout|Hadramawt|Shabwa|Abyan|Lahj|Zabid|"
    r"Sirwah|Mocha|Bayda|al-Bayda",
    "Afghanistan": r"Afghanistan|Afghan|Kabul|Taliban|Helmand|Kandahar",
    "Libya": r"Libya|Libyan|Tripoli|Benghazi|Misrata|Sirte",
    "Turkey": r"Turkey|Ankara|Istanbul|Akcakale|Akçakale|Ceylanpinar|Ceylanpınar|Nusaybin|"
    r"Kilis|Reyhanli|Reyhanlı|Sanliurfa|Şanlıurfa|Gaziantep|Hatay|Suruc|Suruç|Mardin|"
    r"Diyarbakir|Diyarbakır|Hakkari|Sirnak|Şırnak|Siirt|Tunceli|Izmir|Adana|Antalya",
    # Saudi Arabia and Russia by their places only: their adjectives and capitals mostly name
    # a party to a war elsewhere ("Saudi-led coalition", "Moscow said")
    "Saudi Arabia": r"Saudi Arabia|Jazan|Jizan|Najran|Abha|Khamis Mushait|Jeddah|Dhahran",
    "Russia": r"Belgorod|Kursk|Bryansk|Saratov|Voronezh|Rostov-on-Don|Krasnodar|Novorossiysk|"
    r"Shebekino|Engels",
    "Lebanon": r"Lebanon|Beirut",
    "Nigeria": r"Nigeria|Nigerian|Boko Haram|Borno|Maiduguri|Abuja|Biafra|Biafran|Anambra|"
    r"Enugu|Ebonyi|Imo State|Zamfara|Kaduna|Katsina",
    "Somalia": r"Somalia|Somali|Mogadishu|al-Shabaab|Al-Shabab|Jubaland|(?:Middle|Lower) Juba|"
    r"Kismayo|Kismaayo|Baidoa|Beledweyne|Jowhar|Afgooye|Afgoye|(?:Middle|Lower) Shabelle|"
    r"Hiraan|Galmudug|Puntland|Bosaso|Bossaso|Galkayo|Jilib",
    "Mali": r"\bMali\b|Malian|Bamako|Timbuktu",
    "Ukraine": r"Ukraine|Ukrainian|Kyiv|Kiev|Donetsk|Luhansk|Kharkiv",
    # The Sahel, the Horn, Central Africa and Asia's other wars. Keys are the gazetteer's
    # country names (places are checked against them). Adjectives of powers that fight abroad
    # (Russian, Turkish, Iranian, Israeli, American) are left out: "Russian warplanes struck
    # Saqba" is about Syria.
    "Burkina Faso": r"Burkina Faso|Burkina|Burkinabe|Burkinab[eè]|Ouagadougou|Djibo|Arbinda|"
    r"Aribinda|Dori|Fada N'Gourma|Ouahigouya|Kaya",
    "Niger": r"\bNiger\b(?!\s+(?:[Ss]tate|Delta|River))|Nigerien|Niamey|Tillab[eé]ri|Diffa|"
    r"Agadez",
    "Chad": r"\bChad\b|Chadian|N'Djamena|Ndjamena",
    "Cameroon": r"Cameroon|Cameroonian|Yaound[eé]|Yaounde|Bamenda|Ambazonia",
    "Mozambique": r"Mozambique|Mozambican|Cabo Delgado|Maputo|Palma|Mocimboa da Praia",
    "Democratic Republic of the Congo": r"Democratic Republic of (?:the )?Congo|DR Congo|DRC|"
    r"Congolese|Kinshasa|Goma|Ituri|North Kivu|South Kivu|Beni|Bunia|eastern Congo|Bukavu|"
    r"Uvira|Butembo|Rutshuru|Masisi|Djugu|FARDC",
    "Central African Republic": r"Central African Republic|Bangui",
    # not the "Sudan People's Liberation Army/Movement" (South Sudan's army and party)
    "Sudan": r"(?<!South )\bSudan\b(?! People)|(?<!South )Sudanese|Khartoum|Darfur|Omdurman|"
    r"El Fasher|Kordofan",
    # not Somalia's "Middle Juba" or "Juba River"
    "South Sudan": r"South Sudan|South Sudanese|(?<!Middle )(?<!Lower )Juba(?! [Rr]iver)|Jonglei|"
    r"Upper Nile|Malakal|Equatoria|"
    r"SSPDF",
    "Ethiopia": r"Ethiopia|Ethiopian|Addis Ababa|Tigray|Tigrayan|Amhara|Oromia|Oromo|Gondar|"
    r"Bahir Dar|Mekelle|ENDF",
    "Kenya": r"Kenya|Kenyan|Nairobi|Mandera|Garissa|Lamu",
    "Myanmar": r"Myanmar|Burma|Burmese|Rakhine|Yangon|Naypyidaw|Sagaing|Kachin|Shan State|"
    r"Chin State|Chinland|northern Shan|Karen State|Kayin|Kayah|Karenni|Mandalay|Magway|"
    r"Arakan|Tatmadaw|Lashio|Myawaddy",
    "Pakistan": r"Pakistan|Pakistani|Islamabad|Peshawar|Khyber|Balochistan|Waziristan|Quetta|"
    r"Bannu|Lakki Marwat|Dera Ismail Khan|Mir Ali|Turbat|Gwadar|Karachi|Kurram",
    # The Americas' and Asia's other wars, for the actors held to them ("AA", "NPA", "EMC")
    "Uganda": r"Uganda|Ugandan|Kampala|UPDF",
    "Colombia": r"Colombia|Colombian|Bogot[aá]|Cauca|Antioquia|Catatumbo|Arauca|Putumayo|"
    r"Nari[nñ]o|Choc[oó]",
    "Haiti": r"Haiti|Haitian|Port-au-Prince|Artibonite|Cit[eé] Soleil",
    # not "New Mexico"
    "Mexico": r"(?<!New )Mexico|Mexican|Sinaloa|Jalisco|Michoac[aá]n|Tamaulipas|Culiac[aá]n",
    "Philippines": r"Philippines|Philippine|Filipino|Mindanao|Manila|Sulu|Basilan|Marawi|"
    r"Maguindanao|Cotabato|Lanao",
    # not the "Indian Ocean"
    "India": r"India|Indian(?!\s+Ocean)|New Delhi|Chhattisgarh|Jharkhand|Manipur|Sukma|"
    r"Dantewada|Bijapur|Imphal|Jiribam|Churachandpur|Srinagar|Jammu|Kathua|Anantnag|"
    r"Kupwara|Baramulla|Gadchiroli",
    "Thailand": r"Thailand|Thai|Pattani|Narathiwat|Songkhla|Bangkok",
    "Rwanda": r"Rwanda|Rwandan|Kigali",
    "Venezuela": r"Venezuela|Venezuelan|Caracas",
    "Brazil": r"Brazil|Brazilian|Rio de Janeiro|S[aã]o Paulo|Bras[ií]lia|Bahia|Cear[aá]",
    "Ecuador": r"Ecuador|Ecuadorian|Ecuadorean|Guayaquil|Quito|Esmeraldas|Manab[ií]",
    "Bangladesh": r"Bangladesh|Bangladeshi|Dhaka|Chittagong|Cox's Bazar|Cox’s Bazar",
    "Sri Lanka": r"Sri Lanka|Sri Lankan|Colombo|Jaffna",
    "Indonesia": r"Indonesia|Indonesian|Jakarta|Papua(?!\s+New\s+Guinea)|Papuan|Nduga|"
    r"Intan Jaya|Yahukimo|Puncak",
    "Palestinian Territory": r"Palestine|Palestinian|Gaza|West Bank|Jenin|Nablus|Hebron|"
    r"Ramallah|Khan Younis",
}
# One pass over the text for all countries: a group per country (the names do not overlap).
_COUNTRY_GROUPS = tuple(COUNTRY_WORDS)
_COUNTRY_RE = re.compile(r"\b(?:" + "|".join(
    f"(?P<c{i}>{COUNTRY_WORDS[c]})" for i, c in enumerate(_COUNTRY_GROUPS)) + r")\b")


def countries_in(text: str) -> Counter[str]:
    """How often each country is named in `text`, by itself, its people or its places."""
    return Counter(country for _, country in country_hits(text))


def country_hits(text: str) -> list[tuple[int, str]]:
    """Where `text` names a country (offset, country), in order: read once per article and
    shared by its sentences and the later stages."""
    return list(_country_hits(text))


# "Abdifatah Aden Hassan": a name word after a given name is part of the person's name
_WORD_BEFORE = re.compile(r"([A-Z][a-z'’]+)\s+$")


def _in_a_name(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() in given_names()


# "the Niger Delta", "the Congo River", "the Lake Chad Basin": a region named after a country
# is no mention of that country; nor is Nigeria's "Niger State" (where "Shan State" and "Rakhine
# State" do name Myanmar).
_REGION_AFTER = re.compile(r"\s+(?:Delta|[Rr]iver|Basin|Valley)\b")
_NIGER_STATE = re.compile(r"Niger\s+[Ss]tate\b")
# "Rockets fired from Gaza hit Ashkelon": where fire came from is not where it fell; nor is
# where attackers came from ("Fighters coming from Burkina Faso attacked ... Boulkessi") or the
# country across a border ("near the border with Turkey in the town of Darbasiyah").
_FIRED_FROM = re.compile(
    r"\b(?:(?:fired|launched|came|coming|crossed|crossing|arrived|arriving|travell?ed|fled|"
    r"infiltrated|infiltrating|entered|entering)\s+(?:in\s+)?from\s+(?:neighbou?ring\s+)?"
    r"|border\s+with\s+(?:neighbou?ring\s+)?)(?:the\s+)?$", re.IGNORECASE)
# "near the Russian border", "the Turkish-Syrian border": the country across it
_BORDER_AFTER = re.compile(r"(?:-\w+)?\s+border\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _country_hits(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((m.start(), _COUNTRY_GROUPS[int(m.lastgroup[1:])])
                 for m in _COUNTRY_RE.finditer(text)
                 if not NATIONALS_AFTER.match(text, m.end())
                 and not _REGION_AFTER.match(text, m.end())
                 and not _NIGER_STATE.match(text, m.start())
                 and not _FIRED_FROM.search(text[max(0, m.start() - 40):m.start()])
                 and not _BORDER_AFTER.match(text, m.end())
                 and not in_release_dateline(text, m.start())
                 and not _in_a_name(text, m.start()))


def country_heading(text: str) -> str | None:
    """The country a heading line is nothing but the name (or demonym) of ("MALI",
    "Central African Republic:"), else None."""
    bare = text.strip().rstrip(":.")
    if not bare or len(bare) > 40 or len(bare.split()) > 6 or not (
            bare.isupper() or bare.istitle()):
        return None
    if bare.isupper():  # the country names are matched as written in running text
        bare = " ".join(w.lower() if w.lower() in ("of", "the", "and") else w.capitalize()
                        for w in bare.split())
    m = _COUNTRY_RE.fullmatch(bare)
    return _COUNTRY_GROUPS[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None


def most_named(hits: list[tuple[int, str]], ranges: list[tuple[int, int]]) -> str | None:
    """The country named most often inside `ranges` (the first named wins a tie)."""
    counts: Counter[str] = Counter()
    for start, end in ranges:
        lo = bisect_left(hits, (start, ""))
        for offset, country in hits[lo:]:
            if offset >= end:
                break
            counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None
