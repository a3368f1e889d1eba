"""Place-name keys that survive transliteration: the same village spelt by three outlets gets one key.

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
ARTICLES = frozenset(
    "al el il ul ar er as es ash esh ad ed adh ath an en at et az ez ech".split()
)

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
TRAILING_WORDS = frozenset(
    "village town city hamlet area suburb district neighbourhood neighborhood camp farm farms "
    "countryside outskirts governorate province region".split()
)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Light key: ASCII lower case, no punctuation, Arabic articles dropped, descriptors unified."""
    text = _APOSTROPHES.sub("", anyascii(name).lower())
    words = _SEPARATORS.sub(" ", text).split()
    if len(words) > 1:
        kept = [w for w in words if w not in ARTICLES]
        words = kept or words
        # "Deir Ezzor": an article fused to a later word by sun-letter assimilation.
        words = words[:1] + [_FUSED_ARTICLE.sub(r"\1", w) for w in words[1:]]
    return " ".join(DESCRIPTORS.get(w, w) for w in words)


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"),
             ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("z", "z"))
_VOWEL_RUN = re.compile(r"[aeiouyw]+")
_DOUBLE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def loose_key(name: str) -> str:
    """Consonant skeleton of `name_key`: vowel runs become '*', digraphs and doubles merge."""
    words = []
    for word in name_key(name).split():
        if word in DESCRIPTORS.values():
            words.append(word)
            continue
        w = _FUSED_ARTICLE.sub(r"\1", word)
        for digraph, single in _DIGRAPHS:
            w = w.replace(digraph, single)
        # A word-final h after a vowel is a written ta marbuta: Hamah = Hama, Raqqah = Raqqa.
        if len(w) > 3 and w.endswith("h") and w[-2] in "aeiouy":
            w = w[:-1]
        first, rest = w[:1], w[1:]
        rest = rest.replace("h", "") if len(rest) > 2 else rest
        # Keep a leading w/y as a consonant (Wadi, Yarmouk); elsewhere they glide into vowels.
        w = first + _VOWEL_RUN.sub("*", rest) if first in "wy" else _VOWEL_RUN.sub("*", w)
        words.append(_DOUBLE.sub(r"\1", w))
    return " ".join(words)


def strip_trailing_words(name: str) -> str:
    """'Khirbet Makman village' -> 'Khirbet Makman'; 'Homs province' -> 'Homs'."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in TRAILING_WORDS:
        words.pop()
    return " ".join(words)


def descriptor_free_key(name: str) -> str | None:
    """The key without a leading descriptor ('khirbet makman' -> 'makman'), or None if none."""
    words = name_key(name).split()
    if len(words) > 1 and words[0] in DESCRIPTORS.values():
        return " ".join(words[1:])
    return None


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (the ones an English article can contain)."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or 0x2B0 <= ord(ch) <= 0x2FF
               or ch in "‘’" for ch in name)
