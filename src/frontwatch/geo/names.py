"""Place-name keys that survive transliteration: one village spelt three ways gets one key.

Two keys per name. `name_key` is the light one (ASCII, lower case, no punctuation, Arabic
articles dropped, descriptor words such as Khirbet/Tal/Deir spelt one way). `loose_key` is a
consonant skeleton on top of it (every run of vowels becomes one mark, kh/q/k and doubled
letters merge), so "Deir ez-Zor", "Dayr az Zawr" and "Deir Ezzor" meet, as do "Ma'adan",
"Maadan" and "Ma`dan". A loose match is weaker evidence than a name match; the resolver
scores it lower.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Arabic definite articles as they appear in English transliteration ("al-", "as-", "ez-").
# Dropped only when the name has another word, so "As" alone is left alone.
ARTICLES = frozenset({
    "al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad", "ed", "adh", "ath",
    "an", "en", "at", "et", "az", "ez", "ech",
})

# The kind words a listed place may carry ("in the Arghandab district, Charkhab and ...",
# "Charkhab and Shekh Qalandar areas"): singular, as one regex group.
LIST_KIND = (r"(?:village|town|city|area|district|locality|camp|neighbou?rhood|municipality|"
             r"commune|community|settlement|hamlet)")
# People named as foreigners by their nationality ("three Afghan nationals in Quetta", "12
# Ethiopian migrants in Nairobi", "five Chinese engineers in Besham") say where they come
# from, not where the event is: a demonym followed by this casts no vote for its country.
# (Not "workers" or "teachers": a country's own are named so at home.)
NATIONALS_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:nationals?|citizens?|expatriates?|migrants?|refugees?|"
    r"tourists?|pilgrims?|asylum|engineers?|contractors?|hostages?)\b")
# After a state's adjective or name ("Russian artillery", "the Russian Defence Ministry",
# "Israel's army"): whose forces or officials act or speak, not where. In a war between states
# the attacker's adjective is not the country of the place it hits, so it casts no vote.
ACTOR_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,3}?(?:armed\s+forces|forces|troops|soldiers?|servicemen|"
    r"army|military|artillery|aviation|air\s*force|aircraft|warplanes?|jets|drones?|missiles?|"
    r"rockets?|navy|naval|units?|defen[cs]e|ministry|MoD|general\s+staff|officials?|"
    r"government|authorities|shelling|strikes?|air\s*strikes?|attacks?|assault|offensive|"
    r"police|border\s+guards?|marines|paratroopers|brigades?|battalions?|regiments?|"
    r"commanders?|spokes(?:man|woman|person)|media|president|leadership|command|"
    r"occupiers|invaders|positions|tanks?|gunners|operators|sabotage)\b", re.IGNORECASE)
# "during the Tigray War", "the Syrian civil war": a war's name, not where its acts were
WAR_NAME_AFTER = re.compile(r"\s+(?:[Cc]ivil\s+)?[Ww]ar\b")
# Descriptor words spelt many ways; mapped to one spelling so "Khirbat X" meets "Khirbet X".
DESCRIPTORS = {
    "khirbet": "khirbet", "khirbat": "khirbet", "kherbet": "khirbet", "khirbit": "khirbet",
    "khirba": "khirbet", "khirbeh": "khirbet", "kherbeh": "khirbet", "khurbat": "khirbet",
    "tal": "tal", "tall": "tal", "tel": "tal", "tell": "tal", "til": "tal",
    "deir": "deir", "dayr": "deir", "dair": "deir", "der": "deir", "dier": "deir",
    "jabal": "jabal", "jebel": "jabal", "jabel": "jabal", "jibal": "jabal", "jbel": "jabal",
    "kafr": "kafr", "kfar": "kafr", "kafar": "kafr", "kfr": "kafr", "kefr": "kafr",
    "ain": "ain", "ein": "ain", "ayn": "ain", "aïn": "ain", "en": "ain",
    "umm": "umm", "um": "umm", "om": "umm", "oum": "umm",
    "abu": "abu", "abou": "abu", "abo": "abu",
    "bir": "bir", "beer": "bir", "bi'r": "bir", "bier": "bir",
    "qasr": "qasr", "kasr": "qasr", "qusayr": "qusayr",
    "wadi": "wadi", "wady": "wadi", "ouadi": "wadi",
    "mazraat": "mazraa", "mazraa": "mazraa", "mazraet": "mazraa",
    "tallat": "tal", "tulul": "tal",
    "saint": "st", "st": "st", "ste": "st", "sainte": "st",
    "mount": "mt", "mt": "mt",
    "fort": "ft", "ft": "ft",
}

# Sun-letter assimilation written into one word: "Ezzor" is "ez-Zor", "Assukhnah" "as-Sukhnah".
_FUSED_ARTICLE = re.compile(r"^[ae]([tdrzsn])\1(?=[a-z]{2})")
_APOSTROPHES = re.compile(r"['`ʿʾʼʻ‘’´]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
# Generic words that trail a place name in text but are no part of it in a gazetteer.
TRAILING_WORDS = frozenset({
    "village", "town", "city", "hamlet", "area", "suburb", "district", "neighbourhood",
    "neighborhood", "camp", "farm", "farms", "countryside", "outskirts", "governorate",
    "province", "region", "county", "parish", "township", "borough", "station", "refugee",
    "refugees", "displacement", "idp", "displaced",
    # "Abha International Airport": the city it serves places it
    "airport", "international", "airfield",
})


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Light key: ASCII lower case, no punctuation, Arabic articles dropped, descriptors unified.

    Applied until it no longer changes, so a key is its own key ("ar the 0" loses "ar", and
    then "the", in two steps)."""
    key = _name_key_once(name)
    for _ in range(4):
        again = _name_key_once(key)
        if again == key:
            break
        key = again
    return key


def _name_key_once(name: str) -> str:
    text = _APOSTROPHES.sub("", anyascii(name).lower())
    words = _SEPARATORS.sub(" ", text).split()
    if len(words) > 1:
        if words[0] == "the":  # "The Netherlands", "The Hague"
            words = words[1:]
        kept = [w for w in words if w not in ARTICLES]
        words = kept or words
        # "Deir Ezzor": an article fused to a later word by sun-letter assimilation.
        words = words[:1] + [_FUSED_ARTICLE.sub(r"\1", w) for w in words[1:]]
    return " ".join(DESCRIPTORS.get(w, w) for w in words)


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"),
             ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"))
_FUSED_ANY = re.compile(r"\b[ae]([tdrzsn])\1(?=[a-z]{2})")
# A word-final h after a vowel is a written ta marbuta: Hamah = Hama, Raqqah = Raqqa.
_FINAL_H = re.compile(r"(?<=[a-z]{2}[aeiouy])h\b")
_INNER_H = re.compile(r"(?<=[a-z])h")
# Vowel runs become '*', but a leading w/y stays a consonant (Wadi, Yarmouk).
_VOWELS = re.compile(r"(?<=[a-z*])[aeiouyw]+|\b[aeiou][aeiouyw]*")
_DOUBLE = re.compile(r"([a-z])\1+")


def loose_key(name: str) -> str:
    """Consonant skeleton of `name_key`: vowel runs become '*', digraphs and doubles merge."""
    return loose_of_key(name_key(name))


def loose_of_key(key: str) -> str:
    """`loose_key` from an already computed `name_key`."""
    w = _FUSED_ANY.sub(r"\1", key)
    for digraph, single in _DIGRAPHS:
        if digraph in w:
            w = w.replace(digraph, single)
    w = _INNER_H.sub("", _FINAL_H.sub("", w))
    return _DOUBLE.sub(r"\1", _VOWELS.sub("*", w))


def strip_trailing_words(name: str) -> str:
    """'Khirbet Makman village' -> 'Khirbet Makman'; 'Homs province' -> 'Homs'."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in TRAILING_WORDS:
        words.pop()
    return " ".join(words)


# Kind words GeoNames (and reverse_geocode) put into division names: "Abyan Governorate",
# "Ha'il Region", "Volgograd Oblast". Text often drops them ("in Abyan"), so a division is
# also indexed under its name without one.
DIVISION_WORDS = frozenset({
    "governorate", "province", "region", "oblast", "wilaya", "muhafazah",
})
_DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower", "middle", "capital", "national",
})

# Qualifiers that end Arabic village names: upper/lower, east/west..., big/small, new/old.
# "Al Baghuz Fawqani" is "Baghuz" in the press; the index keeps the base name as a weaker key.
QUALIFIERS = frozenset({
    "fawqani", "fouqani", "foqani", "fawqa", "tahtani", "tahta", "sharqi", "sharqiyah",
    "sharqiya", "gharbi", "gharbiyah", "gharbiya", "shamali", "shamaliyah", "janubi",
    "janubiyah", "kabir", "kebir", "kabirah", "kabira", "saghir", "sghir", "saghirah",
    "saghira", "sgher", "jadid", "jadidah", "jadida", "qadim", "qadimah", "qadima", "ulya",
    "sufla", "wusta",
})


def division_short_names(name: str) -> list[str]:
    """'Abyan Governorate' -> ['Abyan']; [] when no kind word ends it or only a direction
    would remain ('Eastern Province' stays whole)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower().strip(".,") not in DIVISION_WORDS:
        return []
    rest = words[:-1]
    if not rest or all(w.lower().strip("'’") in _DIRECTION_WORDS for w in rest):
        return []
    return [" ".join(rest)]


def base_key(key: str) -> str | None:
    """A name key without a trailing Arabic qualifier ('baghuz fawqani' -> 'baghuz'), or None."""
    words = key.split()
    if len(words) > 1 and words[-1] in QUALIFIERS:
        base = [w for w in words[:-1] if w not in ARTICLES]
        if base and len("".join(base)) >= 4:
            return " ".join(base)
    return None


_SHORT_FINAL_H = re.compile(r"(?<=[aeiou])h$")


def short_key(key: str) -> str:
    """A strict key for names of four letters or fewer: only spelling noise that cannot turn one
    village into another is levelled (doubled letters, a final ta marbuta h, q/k)."""
    w = key.replace(" ", "").replace("q", "k")
    return _DOUBLE.sub(r"\1", _SHORT_FINAL_H.sub("", w))


def descriptor_free_key(name: str) -> str | None:
    """The key without a leading descriptor ('khirbet makman' -> 'makman'), or None if none."""
    words = name_key(name).split()
    if len(words) > 1 and words[0] in DESCRIPTORS.values():
        return " ".join(words[1:])
    return None


_LATIN = re.compile("^[\x00-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018\u2019]*$")


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (the ones an English article can contain)."""
    return _LATIN.match(name) is not None
