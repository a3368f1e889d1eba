"""Paragraphs and sentences with character offsets into the article text.

A rule splitter is enough for wire copy and costs nothing next to the parser; it keeps offsets
exact so every piece of evidence indexes the article as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end in a period without ending a sentence.
_ABBREVIATIONS = {
    "u.s", "u.n", "u.k", "gen", "lt", "col", "maj", "capt", "sgt", "dr", "mr", "mrs", "ms",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "gov", "sen", "rep", "brig", "adm", "cmdr", "cpl", "pvt", "vs", "etc", "approx",
    "km", "e.g", "i.e", "a.m", "p.m", "inc", "corp", "co", "ltd", "mt", "ft", "jr", "sr",
}

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Text scraped without a space after a full stop ("...pro-government sources.Al-Shula was"):
# a word of two or more lower-case letters, the stop, then a capitalised word. Upper-case
# before the stop ("U.S.Army") and lower-case after it (a domain name) are no boundary.
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:--|[-•*–—]\s))|\n")


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
        for m in list(_PARAGRAPH.finditer(text, r_start, r_end)) + [None]:
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
                        out.append(Sentence(s, e, text[s:e], paragraph, len(out)))
                paragraph += 1
            pos = m.end() if m else r_end
    if paragraph > 1:
        for sent in out:
            sent.headline = _looks_like_title(sent)
    return out


def _looks_like_title(sent: Sentence) -> bool:
    """A title, or a clause of a title of two stories ("...; Turkish strikes hit ...")."""
    text = sent.text.rstrip()
    return sent.paragraph == 0 and sent.index <= 3 and len(text) < 160 and \
        not text.endswith((".", "”", '"'))
