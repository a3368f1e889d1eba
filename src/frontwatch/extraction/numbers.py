"""Number phrases in war reporting ("at least 32", "two dozen", "10 to 15", "dozens") as `Count`s.

ACLED rule implemented by `count_to_fatalities` (ACLED Codebook, section "Reported
fatalities", https://acleddata.com/methodology/acled-codebook, read 2024/25 edition):

* "If the source material differs or a vague estimate is provided, the lowest number of
  reported fatalities is recorded." So a range gives its low end ("10 to 15" -> 10) and a
  bounded or hedged figure gives the figure reported ("at least 32" -> 32, "over 30" -> 30,
  "nearly 40" -> 40, "up to 15" -> 15): ACLED records the *reported* number, it does not
  add or subtract one ("over 30" is not coded 31).
* "If reports mention 'several,' 'many,' 'few,' or plural 'fatalities,' yet the exact number
  is unknown, either 3 or 10 is recorded ... depending on the scale and context of the
  attack." Without that context we read the word itself: small-scale words ("a few",
  "several", "some", "a number of", "a handful", "an unknown number") -> 3; large-scale words
  ("many", "numerous", "large numbers", "countless") -> 10. The caller can override with
  `large_scale=True/False` when it knows the scale (e.g. a market airstrike).
* "If a report mentions 'dozens,' this is recorded as 12 ... 'hundreds' ... 100." The ACLED
  fatality FAQ adds "10 for 'tens' ... and so on", which we extend as thousands -> 1000,
  tens of thousands -> 10000, hundreds of thousands -> 100000, and (our extension, same
  logic as dozens -> 12) scores -> 20. "Several hundred" / "a few dozen" multiply the
  small-scale figure: 3 x 100 = 300, 3 x 12 = 36.
* No number at all -> 0 (the codebook: no reference or unclear -> 0 reported fatalities).

How a phrase fills `Count`:

* exact "32", "twenty-one", "a dozen": value=32.
* hedged "about 50", "some 20", "30 or so": value=50, approximate=True.
* lower bound "at least 32", "over 30", "30+": value=32, low=32, approximate=True.
* upper bound "up to 15", "nearly 40", "as many as 15": value=15, high=15, approximate=True.
* range "10 to 15", "10-15", "between 10 and 15", "two or three": low=10, high=15.
* vague "dozens", "several": quantifier="dozens", low=<ACLED figure>, approximate=True, so
  `Count.conservative()` agrees with `count_to_fatalities` (low is ACLED's figure, not a
  mathematical lower bound: "dozens" means 24+ in English, ACLED codes 12).
"""

from __future__ import annotations

import re

from frontwatch.model import Count

# --- number words -----------------------------------------------------------------------

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_UNIT_RE = "|".join(_UNITS)
_SMALL_WORDS = "|".join([*_TEENS, *_TENS, *_UNITS])  # teens first: "seventeen" before "seven"
_WORD = rf"(?:{_SMALL_WORDS}|hundred|thousand|million|billion|dozen)"
# Separators allowed inside one number: "and"/comma only after a scale word ("one hundred and
# five", "one thousand, two hundred"), a hyphen or space only between a tens word and a unit
# ("twenty-one"), a space before a scale word ("two hundred"). Anything else ends the number,
# which keeps "between ten and fifteen" and "ten-fifteen" as two numbers.
_SEP = (
    r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)),?\s+(?:and\s+)?"
    rf"|(?<=ty)[\s-](?=(?:{_UNIT_RE})\b)"
    r"|\s+(?=(?:hundred|thousand|million|billion|dozen)\b)"
)
_WORD_NUM = (
    rf"(?:(?:an?|half\s+a)\s+(?=(?:hundred|thousand|million|dozen)\b))?"
    rf"\b{_WORD}\b(?:(?:{_SEP}){_WORD}\b)*"
)
_DIGIT_NUM = (
    r"(?<![\w.,/:])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s+(?:hundred|thousand|million|billion)\b)?"
)
_ATOM_RE = re.compile(rf"(?P<w>{_WORD_NUM})|(?P<d>{_DIGIT_NUM})", re.IGNORECASE)

# --- context that turns a number into something else -----------------------------------

MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# Spans blanked out before looking for counts: dates, times, model designations, units glued
# to digits, ordinals, decimals that are not "1.5 million".
_MASKS = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),
    re.compile(
        rf"\b{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
        r"(?:,?\s+\d{4})?(?!\d)"
    ),
    re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
        rf"{MONTH_WORD}(?:,?\s+\d{{4}})?"
    ),
    re.compile(rf"\b{MONTH_WORD}\s+\d{{4}}\b"),
    # two days of one month: "between 5 and 7 July", "on 5 and 6 May", "from July 5 to 7,"
    re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:and|to|&)\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"{MONTH_WORD}"
    ),
    re.compile(
        rf"\b{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:and|to|&)\s+\d{{1,2}}(?:st|nd|rd|th)?"
        r"(?=\s*(?:[,;.)]|$)|\s+(?:in|at|on|near|when|as|and|after|before|while)\b)"
    ),
    re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\.?)?", re.IGNORECASE),
    re.compile(r"\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])", re.IGNORECASE),
    re.compile(r"\b\d{3,4}\s*(?:GMT|UTC|hrs|hours|h\b|local\s+time)", re.IGNORECASE),
    re.compile(r"\b[A-Za-z]+-\d+[A-Za-z0-9]*(?:-\d+[A-Za-z0-9]*)*"),  # Mi-35, T-72B3, BM-21
    re.compile(r"\b\d+(?:\.\d+)?(?:-|\s)?mm\b", re.IGNORECASE),  # 122mm, 7.62 mm, 155-mm
    re.compile(r"(?<![\w.])\d+(?:\.\d+)?[A-Za-z]+\w*"),  # 21km, 3rd, 1990s, 5G
    re.compile(r"(?<![\w.])\d+\.\d+(?!\s+(?:million|thousand|billion|hundred)\b)"),  # 5.56
]
_DIGIT = re.compile(r"\d")
_UNIT_AFTER = re.compile(
    r"(?:\s+|-)(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|"
    r"decades?|centur(?:y|ies)|times|o'clock|a\.?m\.?|p\.?m\.?|GMT|UTC|percent|per\s+cent|pc|"
    r"kms?|kilomet(?:er|re)s?|miles?|m|met(?:er|re)s?|mm|cm|millimet(?:er|re)s?|ft|feet|yards?|"
    r"kg|kilos?|kilograms?|tons?|tonnes?|degrees|mph|kph|dollars|euros|pounds|rubles|roubles|"
    r"hryvnias?|shillings|naira|dinars|pounds|usd|eur|calibre|caliber|year-olds?|"
    r"years?\s+old|another|third|thirds|quarters?|half)\b"
    r"|\s*%",
    re.IGNORECASE,
)
# "T-72"-like glue after a number ("9-year-old", "122-mm", "twenty-first"), except "-odd",
# "-plus" and a word range ("ten-fifteen").
_HYPHEN_WORD_AFTER = re.compile(rf"-(?!(?:odd|plus|{_SMALL_WORDS})\b)[A-Za-z]", re.IGNORECASE)
_BEFORE_ID = re.compile(
    r"(?:\b(?:Route|Highway|Road|Resolution|Article|Brigade|Division|Battalion|Regiment|Corps|"
    r"Flight|No\.?|Number|Chapter|Section|Phase|Hill|Camp|Sector|Block|Building|Gate|Checkpoint|"
    r"Kilometre|Kilometer|Level|Unit|Squadron|Zone|District|Ward|Cell|Protocol|Act|Law|"
    r"Decree|Platform|Post|Height|aged|age|ages|no|Code|Channel|Station)|[$€£¥#])\s*$",
)
_CURRENCY_AFTER = re.compile(r"\s*(?:\$|€|£)")

# --- modifiers, ranges, vague quantifiers ----------------------------------------------

_LOWER = (
    "at least", "more than", "well over", "just over", "over", "upwards of", "in excess of",
    "no fewer than", "no less than", "not less than", "a minimum of", "above",
)  # fmt: skip
_UPPER = (
    "up to", "as many as", "fewer than", "less than", "just under", "under", "no more than",
    "at most", "a maximum of", "nearly", "almost", "close to", "just short of",
)  # fmt: skip
_APPROX = (
    "about", "around", "some", "approximately", "roughly", "an estimated", "estimated",
    "approx.", "circa", "more or less", "an approximate",
)  # fmt: skip
_MOD_KIND = {m: "lower" for m in _LOWER} | {m: "upper" for m in _UPPER}
_MOD_KIND |= {m: "approx" for m in _APPROX}
_MOD_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))("
    + "|".join(
        re.escape(m).replace(r"\ ", r"\s+") for m in sorted(_MOD_KIND, key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
_SUFFIX_AFTER = re.compile(r"(\s+or\s+more\b|\s+or\s+so\b|-odd\b|-plus\b|\+)", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+(?:to|or)\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"(?:^|(?<=\s))(between|from)\s+$", re.IGNORECASE)

# Quantifier -> (ACLED figure, canonical quantifier). Ordered longest-first in the regex.
_SMALL_VAGUE = 3
_LARGE_VAGUE = 10
_VAGUE: dict[str, int] = {
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "several hundred": 3 * 100,
    "several thousand": 3 * 1_000,
    "several dozen": 3 * 12,
    "a few hundred": 3 * 100,
    "a few thousand": 3 * 1_000,
    "a few dozen": 3 * 12,
    "thousands": 1_000,
    "hundreds": 100,
    "dozens": 12,
    "scores": 20,
    "tens": 10,
    "large numbers": _LARGE_VAGUE,
    "a large number": _LARGE_VAGUE,
    "a great many": _LARGE_VAGUE,
    "numerous": _LARGE_VAGUE,
    "countless": _LARGE_VAGUE,
    "many": _LARGE_VAGUE,
    "several": _SMALL_VAGUE,
    "a few": _SMALL_VAGUE,
    "a handful": _SMALL_VAGUE,
    "a number of": _SMALL_VAGUE,
    "an unknown number": _SMALL_VAGUE,
    "an unspecified number": _SMALL_VAGUE,
    "an undisclosed number": _SMALL_VAGUE,
    "an undetermined number": _SMALL_VAGUE,
    "an unconfirmed number": _SMALL_VAGUE,
    "some": _SMALL_VAGUE,
}
# Words whose 3-or-10 reading depends on the attack's scale (ACLED Codebook).
_SCALE_DEPENDENT = {q for q, v in _VAGUE.items() if v in (_SMALL_VAGUE, _LARGE_VAGUE)}
_TIME_NOUN = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|times?|"
    r"occasions?|kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|percent|per\s+cent|ways?|places?)"
)
_VAGUE_RE = re.compile(
    r"\b(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_VAGUE, key=len, reverse=True))
    + r")\b"
    + rf"(?!\s+(?:of\s+)?(?:the\s+)?(?:more\s+|other\s+|previous\s+|past\s+)?{_TIME_NOUN}\b)",
    re.IGNORECASE,
)
# "tens" and "scores" only as quantifiers: "tens of", "scores of" (not "football scores").
_NEEDS_OF = {"tens", "scores"}
# "Both operatives were eliminated": two, when a plural noun follows (not "on both sides"
# of a count, which the casualty reader turns down for want of people).
_BOTH_RE = re.compile(r"\b(?P<q>both)\s+(?=(?:of\s+)?(?:the\s+|them\b|these\s+|those\s+)?"
                      r"(?:[A-Za-z-]+s|[A-Za-z-]*men|people|children)\b)", re.IGNORECASE)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _words_value(text: str) -> tuple[int, int] | None:
    """Value of the longest valid number-word prefix of `text`, with its length in chars.

    A small strict state machine: "two hundred and five" -> 205, "one thousand, twelve" ->
    1012, "half a dozen" -> 6; "ten fifteen" stops after "ten".
    """
    toks = list(re.finditer(r"[a-z]+", text.lower()))
    total = 0
    group = 0
    last: str | None = None  # kind of the previous token
    max_scale = None
    best: tuple[int, int] | None = None
    i = 0
    while i < len(toks):
        w = toks[i].group()
        if w == "and":
            if last != "hundred" and last != "scale":
                break
            i += 1
            continue
        if w in ("a", "an"):
            if last is not None:
                break
            group, last = 1, "a"
            i += 1
            continue
        if w == "half":
            if last is not None or i + 2 >= len(toks) or toks[i + 1].group() != "a":
                break
            if toks[i + 2].group() != "dozen":
                break
            return 6, toks[i + 2].end()
        if w in _UNITS:
            if last in (None, "hundred", "scale"):
                group = (group if last == "hundred" else 0) + _UNITS[w]
            elif last == "tens":
                group += _UNITS[w]
            else:
                break
            last = "unit"
        elif w in _TEENS or w in _TENS:
            if last not in (None, "hundred", "scale"):
                break
            val = _TEENS.get(w) or _TENS[w]
            group = (group if last == "hundred" else 0) + val
            last = "teen" if w in _TEENS else "tens"
        elif w == "hundred":
            if last not in ("unit", "teen", "a") or group >= 100:
                break
            group *= 100
            last = "hundred"
        elif w in _SCALES:
            scale = _SCALES[w]
            if last not in ("unit", "teen", "tens", "hundred", "a") or group == 0:
                break
            if max_scale is not None and scale >= max_scale:
                break
            total += group * scale
            group, max_scale, last = 0, scale, "scale"
        elif w == "dozen":
            if last not in ("unit", "a") or total:
                break
            return group * 12, toks[i].end()
        else:
            break
        if last != "a":
            best = (total + group, toks[i].end())
        i += 1
    return best


def _digits_value(s: str) -> int | None:
    m = re.fullmatch(
        r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(hundred|thousand|million|billion))?",
        s.strip(),
        re.IGNORECASE,
    )
    if not m:
        return None
    num = float(m.group(1).replace(",", "") + (m.group(2) or ""))
    scale = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
    if m.group(3):
        num *= scale[m.group(3).lower()]
    elif m.group(2):
        return None  # "5.56": a calibre or a measurement, not a count
    return round(num)


class _Atom:
    __slots__ = ("start", "end", "value", "digits", "year", "run_end")

    def __init__(
        self, start: int, end: int, value: int, digits: bool, year: bool, run_end: int
    ) -> None:
        self.start, self.end, self.value, self.digits = start, end, value, digits
        self.year = year
        self.run_end = run_end  # end of the number-word run the regex saw (>= end)


def _mask(text: str) -> str:
    if _DIGIT.search(text) is None:
        return text  # every mask holds a digit: most sentences' numbers are words or none
    out = list(text)
    for rx in _MASKS:
        for m in rx.finditer(text):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def _atoms(text: str, masked: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _ATOM_RE.finditer(masked):
        s = m.start()
        year = False
        if m.group("w"):
            res = _words_value(m.group())
            if res is None:
                continue
            value, length = res
            e = s + length
        else:
            value = _digits_value(m.group())
            if value is None:
                continue
            e = m.end()
            raw = text[s:e]
            if re.fullmatch(r"0\d+", raw):  # "0400": a time
                continue
            # A year, unless a modifier says otherwise ("at least 2000"); kept for now so a
            # range with a non-year ("500 to 2000") survives, dropped in find_counts.
            year = bool(
                re.fullmatch(r"\d{4}", raw)
                and 1800 <= value <= 2100
                and not _MOD_BEFORE.search(text[max(0, s - 25) : s])
            )
        after = text[e : e + 30]
        if _UNIT_AFTER.match(after) or _HYPHEN_WORD_AFTER.match(after):
            continue
        before = text[max(0, s - 20) : s]
        if _BEFORE_ID.search(before):
            continue
        if re.search(r"\bno\s+$", before, re.IGNORECASE) and text[s:e].lower() == "one":
            continue  # "no one"
        atoms.append(
            _Atom(s, e, value, bool(m.group("d")), m.group("d") is not None and year, m.end())
        )
    return atoms


def _count_for(text: str, atoms: list[_Atom], i: int) -> tuple[int, int, Count, int]:
    """Build the count starting at atoms[i]; returns (start, end, count, atoms consumed)."""
    a = atoms[i]
    start, end = a.start, a.end
    # Range with the next atom: "10 to 15", "10-15", "two or three", "between 10 and 15".
    if i + 1 < len(atoms):
        b = atoms[i + 1]
        gap = text[a.end : b.start]
        between = _BETWEEN_BEFORE.search(text[max(0, a.start - 10) : a.start])
        is_range = bool(_RANGE_GAP.fullmatch(gap))
        if between and between.group(1).lower() == "between":
            is_range = bool(re.fullmatch(r"\s+and\s+", gap, re.IGNORECASE))
        if is_range and "-" in gap and not (a.digits and b.digits):
            is_range = bool(re.fullmatch(r"\s*[-–—]\s*", gap)) and a.digits == b.digits
        if is_range:
            if between:
                start = a.start - (len(text[max(0, a.start - 10) : a.start]) - between.start())
            low, high = sorted((a.value, b.value))
            return start, b.end, Count(low=low, high=high), 2
    # "between five hundred and one" reads as one number unless split at its last "and".
    between = _BETWEEN_BEFORE.search(text[max(0, a.start - 10) : a.start])
    if between and between.group(1).lower() == "between" and not a.digits:
        raw = text[a.start : a.run_end]
        cut = list(re.finditer(r"\s+and\s+", raw, re.IGNORECASE))
        if cut:
            left, right = raw[: cut[-1].start()], raw[cut[-1].end() :]
            lv, rv = _words_value(left), _words_value(right)
            if lv and rv and lv[1] == len(left) and rv[1] == len(right):
                s0 = a.start - (len(text[max(0, a.start - 10) : a.start]) - between.start())
                low, high = sorted((lv[0], rv[0]))
                return s0, a.run_end, Count(low=low, high=high), 1
    mod = _MOD_BEFORE.search(text[max(0, start - 25) : start])
    suf = _SUFFIX_AFTER.match(text[end : end + 12])
    kind = None
    if mod:
        kind = _MOD_KIND[_norm(mod.group(1))]
        start = start - (len(text[max(0, start - 25) : start]) - mod.start(1))
    if suf:
        s_norm = _norm(suf.group(1))
        kind = kind or ("approx" if s_norm in ("or so", "-odd") else "lower")
        end += suf.end()
    v = a.value
    if kind == "lower":
        c = Count(value=v, low=v, approximate=True)
    elif kind == "upper":
        c = Count(value=v, high=v, approximate=True)
    elif kind == "approx":
        c = Count(value=v, approximate=True)
    else:
        c = Count(value=v)
    return start, end, c, 1


def find_counts(text: str) -> list[tuple[int, int, Count]]:
    """Every number phrase in `text` as (start, end, Count), in order, non-overlapping.

    `text[start:end]` is the whole phrase, modifiers included ("at least 32"). Years, dates,
    times, distances and other measurements, durations, model designations ("T-72",
    "Mi-35"), calibres ("122mm", "5.56"), ordinals and identifiers ("Route 5") are skipped.
    """
    if not text:
        return []
    masked = _mask(text)
    atoms = _atoms(text, masked)
    found: list[tuple[int, int, Count]] = []
    i = 0
    while i < len(atoms):
        s, e, c, used = _count_for(text, atoms, i)
        if not all(a.year for a in atoms[i : i + used]):  # "in 2017", "from 2015 to 2017"
            found.append((s, e, c))
        i += used
    taken = [(s, e) for s, e, _ in found]
    for m in _VAGUE_RE.finditer(masked):
        q = _norm(m.group("q"))
        s, e = m.start(), m.end()
        if q in _NEEDS_OF and not re.match(r"\s+of\b", text[e:], re.IGNORECASE):
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        found.append((s, e, Count(low=_VAGUE[q], quantifier=q, approximate=True)))
    for m in _BOTH_RE.finditer(masked):
        s, e = m.start("q"), m.end("q")
        if not any(s < te and ts < e for ts, te, _ in found):
            found.append((s, e, Count(value=2)))
    found.sort(key=lambda t: t[0])
    return found


def parse_count(text: str) -> Count | None:
    """Parse one number phrase ("at least 32", "two dozen", "dozens", "10-15").

    The phrase may carry trailing words ("32 people"); a bare number that `find_counts`
    would take for a year ("2017") is still read as a number here, since the caller says
    it is a count. Returns None when no number phrase is found. Never raises.
    """
    if not isinstance(text, str):
        return None
    t = text.strip()
    if not t:
        return None
    # A lone number (no context to tell a year or a code apart): read it directly.
    lone = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)", t)
    if lone:
        return Count(value=int(lone.group(1).replace(",", "")))
    found = find_counts(t)
    if not found:
        return None
    return found[0][2]


def count_to_fatalities(c: Count | None, *, large_scale: bool | None = None) -> int:
    """ACLED's conservative fatality figure for a count (see the module docstring).

    `large_scale` overrides the word-based 3-or-10 choice for "several"/"many"/"a few"...
    when the caller knows the scale of the attack.
    """
    if c is None:
        return 0
    if c.quantifier is not None and c.value is None:
        q = c.quantifier
        if q in _SCALE_DEPENDENT and large_scale is not None:
            return _LARGE_VAGUE if large_scale else _SMALL_VAGUE
        if q in _VAGUE:
            return _VAGUE[q]
    if c.value is not None:
        return max(c.value, 0)
    if c.low is not None:
        return max(c.low, 0)
    if c.high is not None:
        return max(c.high, 0)
    return 0
