"""Syndicated-copy detection: MinHash over word shingles, looked up with LSH (datasketch).

A repost with a new headline, a trimmed paragraph or the republisher's disclaimer shares most
of its 5-word shingles with the original; an independent report of the same incident shares
few. Only the reporting part of an article is shingled (`Article.kept`), so boilerplate that
every post of an outlet carries does not make two of its articles look alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from frontwatch.model import Article

NUM_PERM = 128
# Stored signatures are only comparable under the scheme (and seed) that made them; pinned so a
# datasketch upgrade that changes its default cannot silently break copy detection.
SCHEME = "affine32"
SHINGLE_WORDS = 5
# Estimated Jaccard over shingles above which an article is a copy of an earlier one. Lightly
# edited reposts measure 0.6-0.95; different reports of one incident stay under 0.2.
THRESHOLD = 0.5
# Texts shorter than this many shingles are too short to call copies of anything.
MIN_SHINGLES = 8

_WORD = re.compile(r"\w+", re.UNICODE)


def reporting_text(article: Article) -> str:
    if not article.kept:
        return article.text
    return "\n".join(article.text[s:e] for s, e in article.kept)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(article: Article, num_perm: int = NUM_PERM) -> MinHash | None:
    """The article's MinHash, or None when it is too short to compare."""
    grams = shingles(reporting_text(article))
    if len(grams) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    m.update_batch(list(grams))
    return m


def to_hex(m: MinHash) -> str:
    return np.asarray(m.hashvalues, dtype="<u4").tobytes().hex()


def from_hex(text: str, num_perm: int = NUM_PERM) -> MinHash:
    values = np.frombuffer(bytes.fromhex(text), dtype="<u4")
    return MinHash(num_perm=num_perm, hashvalues=values, scheme=SCHEME)


@dataclass(slots=True)
class CopyOf:
    article_id: str
    similarity: float


class CopyIndex:
    """First copies seen so far; `find` names the earliest one an article copies."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.num_perm = num_perm
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # A sortable key per first copy (the store's canonical order: publication date, id).
        self.order: dict[str, str] = {}
        self.signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self.order)

    def add(self, article_id: str, sig: MinHash, order: str) -> None:
        if article_id in self.order:
            return
        self.lsh.insert(article_id, sig)
        self.order[article_id] = order
        self.signatures[article_id] = sig

    def remove(self, article_id: str) -> None:
        """No longer a first copy (deleted, or filed under an earlier text)."""
        if article_id in self.order:
            self.lsh.remove(article_id)
            del self.order[article_id]
            del self.signatures[article_id]

    def find(self, sig: MinHash, accept: Callable[[str], bool] | None = None
             ) -> CopyOf | None:
        """The first copy (in order) `sig` repeats, among those `accept` lets through."""
        best: CopyOf | None = None
        for key in self.lsh.query(sig):
            if accept is not None and not accept(key):
                continue
            sim = float(sig.jaccard(self.signatures[key]))
            if sim < self.threshold:
                continue  # LSH candidates include some below the threshold
            # The first copy in canonical order wins, whatever order the texts arrived in.
            if best is None or self.order[key] < self.order[best.article_id]:
                best = CopyOf(key, round(sim, 4))
        return best
