"""Paragraphs and sentences with character offsets into the article text.

A rule splitter is enough for wire copy and costs nothing next to the parser; it keeps offsets
exact so every piece of evidence indexes the article as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontwatch.extraction.earlier_acts import Gap

# Abbreviations that end in a period without ending a sentence.
_ABBREVIATIONS = {
    "u.s", "u.n", "u.k", "gen", "lt", "col", "maj", "capt", "sgt", "dr", "mr", "mrs", "ms",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "gov", "sen", "rep", "brig", "adm", "cmdr", "cpl", "pvt", "vs", "etc", "approx",
    "km", "e.g", "i.e", "a.m", "p.m", "inc", "corp", "co", "ltd", "mt", "ft", "jr", "sr",
}

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Text scraped without a space after a full stop ("...pro-government sources.Al-Shula was"):
# a word of two or more lower-case letters (or an acronym of two to five capitals: "under
# IHL.During the overnight hours"), the stop, then a capitalised word. Initials before the stop
# ("U.S.Army") and lower-case after it (a domain name) are no boundary.
_GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=[^.A-Z][A-Z]{2})|(?<=[^.A-Z][A-Z]{3})|"
                    r"(?<=[^.A-Z][A-Z]{4})|(?<=[^.A-Z][A-Z]{5}))[.!?](?=[A-Z][a-z])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:--|[-•*–—]\s))|\n")
# Text hard-wrapped at a fixed width (PDF releases, e-mailed bulletins, some scrapes) breaks
# lines inside sentences: "conducted a strike on an Islamic State of Iraq\nand Syria-Khorasan
# tunnel complex". A single line break is a wrap, not a paragraph, when the line before ends
# without a stop and the next line goes on in lower case, or the line before ends on a comma
# or on a word that cannot end a sentence.
_WRAP_TAIL = re.compile(
    r"(?:,|\b(?:of|the|and|or|a|an|in|on|at|by|for|from|to|with|that|which|who|as|its|their"
    r"|his|her|into|near|between|against|after|before|during|including|were|was|had|has|have"
    r"|been|is|are))[ \t]*$",
    re.IGNORECASE,
)
_WRAP_HEAD = re.compile(r"[ \t]*[a-z]")
_NO_WRAP_TAIL = re.compile(r"[.!?:;\"”’)\]—–-][ \t]*$|^[ \t]*$")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int
    # The article's title line: no final stop, first paragraph, and a body follows. A text
    # that is one line only (a news snippet, a feed item) is its own body, not a headline.
    headline: bool = False
    # A piece of a sentence telling two incidents (`extraction.earlier_acts`): the article's
    # spans blanked out of `text`, and for the earlier incident how long before the other
    blanked: tuple[tuple[int, int], ...] = ()
    earlier: Gap | None = None
    # the second of two acts joined in one sentence, each with its own day ("X on Sunday, and
    # on Monday Y"): dated by its own words
    second: bool = False

    def shows(self, start: int, end: int) -> bool:
        """Whether the article's characters [start, end) are read in this sentence (inside it
        and not blanked out)."""
        return self.start <= start and end <= self.end and not any(
            s < end and start < e for s, e in self.blanked)


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    chunk = text[start:end]
    boundaries = sorted(
        [(m.start(), m.end()) for m in _BOUNDARY.finditer(chunk)]
        + [(m.start(), m.end()) for m in _GLUED.finditer(chunk)]
    )
    for m_start, m_end in boundaries:
        stop = start + m_start
        word = re.search(r"([A-Za-z.]+)$", text[cursor : stop + 1].rstrip(".!?\"”’')]"))
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        sent_end = start + m_end
        spans.append((cursor, sent_end))
        cursor = sent_end
    spans.append((cursor, end))
    return spans


_HEADLINE_JOIN = re.compile(r";\s+")


def _split_headline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for m in _HEADLINE_JOIN.finditer(text, start, end):
        spans.append((cursor, m.start() + 1))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


def split_sentences(
    text: str, kept: list[tuple[int, int]] | None = None
) -> list[Sentence]:
    """Sentences inside the kept ranges (all of `text` when `kept` is empty)."""
    ranges = kept or [(0, len(text))]
    out: list[Sentence] = []
    paragraph = 0
    for r_start, r_end in ranges:
        pos = r_start
        found = list(_PARAGRAPH.finditer(text, r_start, r_end))
        joins = [_line_join(text, m, r_start, r_end) for m in found]
        # Two lines going on in lower case mark a hard-wrapped text: there every line that
        # ends without a stop goes on, whatever case the next begins with ("the Afghan\n
        # Taliban."), except the title line.
        wrapped = joins.count("lower") >= 2
        breaks = [m for n, (m, join) in enumerate(zip(found, joins, strict=True))
                  if join is None or (join == "open" and not (wrapped and n > 0))]
        for m in breaks + [None]:
            p_end = m.start() if m else r_end
            if text[pos:p_end].strip():
                spans = _split_paragraph(text, pos, p_end)
                if paragraph == 0 and len(spans) == 1:
                    # A headline of two stories: "ISIS attack kills two Peshmerga; Turkish
                    # strikes hit Duhok villages" (each clause keeps its own figures).
                    spans = _split_headline(text, pos, p_end)
                for s, e in spans:
                    # Trim whitespace while keeping exact offsets.
                    while s < e and text[s].isspace():
                        s += 1
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if e > s:
                        # A wrap read as a space: same length, so offsets stay exact.
                        out.append(Sentence(s, e, text[s:e].replace("\n", " "), paragraph,
                                            len(out)))
                paragraph += 1
            pos = m.end() if m else r_end
    if paragraph > 1:
        repeated = _repeated_title(out)
        first = _title_paragraph(out)
        for sent in out:
            sent.headline = _looks_like_title(sent, first) or sent.index in repeated
    return out


# Lines a page or a wire puts above its title: "Updated 3 hours ago", "By Maria Lopez",
# "(Translated from El Nacional, Caracas)", "Reporting by ...; editing by ...", "WORLD |
# AFRICA", "Published 12 May 2024"
_FURNITURE = re.compile(
    r"\s*(?:(?:last\s+)?updated\b.{0,40}|published\b.{0,40}|"
    r"(?-i:By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:,\s+[A-Z].{0,40})?)|"
    r"\((?:translated|adapted)\s+from\b[^)]{0,80}\)|(?:reporting|writing|editing)\s+by\b.{0,120}|"
    r"(?-i:[A-Z &]{2,30}(?:\s*[|/>]\s*[A-Z &]{2,30})+))\s*",
    re.IGNORECASE,
)


def _title_paragraph(sentences: list[Sentence]) -> int:
    """The paragraph a title may be in: the first, or the first after the furniture above it
    (the furniture lines themselves are no title)."""
    for sent in sentences:
        if sent.paragraph >= _TOP:
            break
        if not _FURNITURE.fullmatch(sent.text):
            return sent.paragraph
    return 0


_TOP = 8  # paragraphs of page furniture and title a saved web page opens with


def _repeated_title(sentences: list[Sentence]) -> set[int]:
    """A saved page's title, after its furniture ("Accessibility links", "Breaking News"):
    a title-shaped line its first paragraphs give twice (the page's title and its heading,
    the second perhaps run into the next line: "... Opposition please wait")."""
    top = [s for s in sentences if s.paragraph < _TOP]
    titles = [s for s in top if _title_shaped(s.text) and len(s.text.split()) >= 3]
    out: set[int] = set()
    for t in titles:
        copies = [s.index for s in top if s.index != t.index and s.text.startswith(t.text)]
        if copies:
            out.update([t.index, *copies])
    return out


def _line_join(text: str, m: re.Match[str], start: int, end: int) -> str | None:
    """How a single line break may be a wrap: "lower" (the next line goes on in lower case),
    "word" (the line ends on a comma or a word that cannot end a sentence), "open" (it ends
    without a stop, a wrap only in a hard-wrapped text), None (a break)."""
    if m.group() != "\n":
        return None
    line_start = text.rfind("\n", start, m.start()) + 1
    before = text[max(line_start, start):m.start()]
    after_end = text.find("\n", m.end(), end)
    after = text[m.end():after_end if after_end != -1 else end]
    if _NO_WRAP_TAIL.search(before) or not after.strip():
        return None
    if _WRAP_HEAD.match(after):
        return "lower"
    return "word" if _WRAP_TAIL.search(before) else "open"


def _looks_like_title(sent: Sentence, first: int = 0) -> bool:
    """A title, or a clause of a title of two stories ("...; Turkish strikes hit ..."), in the
    paragraph `first` (the first after any furniture above the title)."""
    return sent.paragraph == first and sent.index <= 3 + first and _title_shaped(sent.text)


def _title_shaped(text: str) -> bool:
    """Short, and not ended as a sentence is."""
    text = text.rstrip()
    return len(text) < 160 and not text.endswith((".", "”", '"'))
