"""Boilerplate removal: which parts of an article's text are reporting, and which are not.

Donation appeals, disclaimers, copyright lines, share prompts and "related articles" lists must
never yield events. Rather than cutting them out (which would shift every character offset),
this module marks the ranges of the original text that are kept, so evidence offsets found in
kept text still index `Article.text`. The patterns live in `data/boilerplate.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from frontwatch.errors import ConfigError
from frontwatch.model import Article

# A range list that keeps nothing: `Article.kept == []` means "all of the text", so an
# article that is all boilerplate gets one empty range instead.
NOTHING_KEPT: list[tuple[int, int]] = [(0, 0)]

# An archive photo's caption ("FILE - Security forces gather outside a care home after it
# was attacked ..."): an earlier scene the story only recalls, neither its places nor its days.
ARCHIVE_CAPTION = re.compile(r"\s*(?:FILE|FILE PHOTO)\s*(?:[-–—:]|\(|$)")


def in_caption(text: str, start: int) -> bool:
    """Whether text[start] lies on an archive photo's caption line."""
    return ARCHIVE_CAPTION.match(text, text.rfind("\n", 0, start) + 1) is not None


_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
_PROSE_WORDS = 12  # a paragraph this long is reporting, not a field or a heading
_LIST_BULLET = re.compile(r"^\s*(?:[-*•·>»]|\d+[.)])\s")


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    name: str
    regex: re.Pattern[str]
    max_words: int | None = None
    starts_list: bool = False
    # counts only after the article's reporting has begun (a paragraph of prose before it):
    # a wiki story's closing "Sources", not a catalogue page's "Sources" field at its head
    after_prose: bool = False

    def matches(self, paragraph: str) -> bool:
        """Whether the pattern occurs in the paragraph (its words counted only on a hit, and
        only when the pattern has a limit)."""
        if self.regex.search(paragraph) is None:
            return False
        return self.max_words is None or word_count(paragraph) <= self.max_words


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    patterns: tuple[BoilerplatePattern, ...]
    list_item_max_words: int = 20


def load_rules(path: str | Path | None = None) -> BoilerplateRules:
    """Read boilerplate patterns from a YAML file (the packaged one by default)."""
    if path is None:
        text = resources.files("frontwatch.data").joinpath("boilerplate.yaml").read_text("utf-8")
        where = "frontwatch/data/boilerplate.yaml"
    else:
        text = Path(path).read_text("utf-8")
        where = str(path)
    try:
        data = yaml.safe_load(text) or {}
        patterns = tuple(
            BoilerplatePattern(
                name=str(entry["name"]),
                regex=re.compile(entry["pattern"], re.IGNORECASE),
                max_words=entry.get("max_words"),
                starts_list=bool(entry.get("starts_list", False)),
                after_prose=bool(entry.get("after_prose", False)),
            )
            for entry in data.get("patterns", [])
        )
    except (yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise ConfigError(f"{where}: bad boilerplate pattern file: {exc}") from exc
    return BoilerplateRules(patterns, int(data.get("list_item_max_words", 20)))


@lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    return load_rules()


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-blank lines of `text`, without surrounding whitespace."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.span()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return spans


def boilerplate_paragraphs(
    text: str, rules: BoilerplateRules | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, pattern name) of each paragraph of `text` that is boilerplate."""
    rules = rules or default_rules()
    found: list[tuple[int, int, str]] = []
    in_list = False
    prose = False
    for start, end in paragraphs(text):
        para = text[start:end]
        # Words are counted only for the rare paragraph a limited pattern hits.
        hit = next((p for p in rules.patterns
                    if (prose or not p.after_prose) and p.matches(para)), None)
        if hit is not None:
            found.append((start, end, hit.name))
            # A heading such as "Related articles" announces a list of headlines that read
            # like reporting; they go with it until ordinary prose resumes.
            in_list = hit.starts_list or (in_list and hit.name == "bare link")
            continue
        if in_list and (word_count(para) <= rules.list_item_max_words
                        or _LIST_BULLET.match(para)):
            found.append((start, end, "related articles"))
            continue
        in_list = False
        # (prose: a paragraph of sentences, not a long title)
        prose = prose or (word_count(para) >= _PROSE_WORDS
                          and para.rstrip().endswith((".", "!", "?", '"', "”")))
    return found


def boilerplate_ranges(text: str, rules: BoilerplateRules | None = None) -> list[tuple[int, int]]:
    """Character ranges of `text` that are boilerplate, one per paragraph, in order."""
    return [(start, end) for start, end, _ in boilerplate_paragraphs(text, rules)]


def kept_ranges(text: str, rules: BoilerplateRules | None = None) -> list[tuple[int, int]]:
    """Character ranges of `text` to analyse: consecutive reporting paragraphs merged.

    Never empty: an article that is all boilerplate gives `NOTHING_KEPT`.
    """
    dropped = {(s, e) for s, e in boilerplate_ranges(text, rules)}
    kept: list[tuple[int, int]] = []
    previous_dropped = True
    for span in paragraphs(text):
        if span in dropped:
            previous_dropped = True
            continue
        if kept and not previous_dropped:
            kept[-1] = (kept[-1][0], span[1])
        else:
            kept.append(span)
        previous_dropped = False
    return kept or list(NOTHING_KEPT)


def kept_text(article: Article) -> str:
    """The reporting part of an article, paragraphs joined by newlines (for display only)."""
    if not article.kept:
        return article.text
    return "\n".join(article.text[s:e] for s, e in article.kept if e > s)


def mark_boilerplate(article: Article, rules: BoilerplateRules | None = None) -> Article:
    """Set `article.kept` to the ranges of its text that hold reporting; returns the article."""
    article.kept = kept_ranges(article.text, rules)
    return article
