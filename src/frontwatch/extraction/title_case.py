"""A title-cased headline back into sentence case, for reading only.

"Al-Shabaab Militants Seize Town Of Mahas In Central Somalia": in a headline every word is
capitalised, so the place finder reads "Town Of Mahas" and "Nairobi Over Tax Bill" as names
and the parser tags verbs as proper nouns. The words that are written in lower case inside
sentences of the project's own text (data/common_words.txt, built by tools/common_words.py)
get their lower-case initial back; names, acronyms and the line's first word keep theirs.
Only the initial letter changes, so every offset into the text stays valid.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’][a-z]+)?(?![\w-])")
_ALPHA_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Short words a title capitalises or not, by house style: they say nothing either way.
_SHORT = 4
_MAX_WORDS = 25


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    text = resources.files("frontwatch.data").joinpath("common_words.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def is_title_cased(line: str) -> bool:
    """A headline's length, its longer words after the first capitalised but at most one,
    and at least two of them common words (a list of names is not a title; a sentence
    crowded with names still has its verbs and nouns in lower case)."""
    words = [m.group(0) for m in _ALPHA_WORD.finditer(line)][1:]
    longer = [w for w in words if len(w) >= _SHORT]
    if len(longer) < 3 or len(words) > _MAX_WORDS:
        return False
    capitalised = [w for w in longer if w[0].isupper()]
    if len(longer) - len(capitalised) > 1:
        return False
    common = common_words()
    return sum(w.lower() in common for w in capitalised if not w.isupper()) >= 2


def sentence_cased(text: str) -> str:
    """`text` with its first line, when title-cased, in sentence case (same length, same
    offsets). Only the first: that is where a headline stands, while a title-cased line inside
    a text is a section heading, which readers of a document's make-up look for as written."""
    lead = re.match(r"\s*", text).end()
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    line = text[lead:end]
    if not is_title_cased(line):
        return text
    common = common_words()
    first = _ALPHA_WORD.search(line)
    chars = list(line)
    for m in _WORD.finditer(line):
        word = m.group(0)
        if first is not None and m.start() == first.start():
            continue
        if word.lower() in common:
            chars[m.start()] = word[0].lower()
    return text[:lead] + "".join(chars) + text[end:]
