"""The role head's reading (which words act, which are acted upon) and how it reorders the
actors the rules found: hand-built readings, no model."""

from __future__ import annotations

import re

import numpy as np
import pytest

from frontwatch.extraction.coder import RoleReading
from frontwatch.extraction.model_roles import apply_role_reading, role_candidates
from frontwatch.extraction.roles import Roles

ROLES = ("actor1", "actor2", "place")


def reading(text: str, marks: dict[str, tuple[str, float]]) -> RoleReading:
    """One piece per word; each marked word carries its role at the given probability."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    probs = np.zeros((len(words), len(ROLES)), dtype=np.float32)
    for i, (_, _, w) in enumerate(words):
        if w in marks:
            role, p = marks[w]
            probs[i, ROLES.index(role)] = p
    return RoleReading(ROLES, tuple((a, b) for a, b, _ in words), probs)


def test_spans_join_the_pieces_of_one_name():
    r = reading("Syrian Democratic Forces shelled Raqqa .",
                {"Syrian": ("actor1", 0.9), "Democratic": ("actor1", 0.8),
                 "Forces": ("actor1", 0.7), "Raqqa": ("place", 0.95)})
    (a, b, p), = r.spans("actor1")
    assert (a, b) == (0, 24) and p == pytest.approx(0.8)
    assert [s[:2] for s in r.spans("place")] == [(33, 38)]
    assert r.spans("actor2") == []
    assert r.score("actor1", 0, 6) == pytest.approx(0.9)
    assert r.score("actor1", 100, 120) is None  # beyond the pieces read


@pytest.fixture(scope="module")
def find(extractor):
    nlp, actors = extractor.mentions.nlp, extractor.mentions.actors

    def run(text: str):
        doc = nlp(text)
        return {m.raw: m for m in actors.find(doc)}
    return run


def test_head_swaps_the_parse_when_sure(find):
    text = "Houthi fighters were attacked by Saudi-led coalition jets near Saada ."
    m = find(text)
    houthi, coalition = m["Houthi fighters"], next(v for k, v in m.items() if "coalition" in k)
    rules = Roles(actor1=houthi, actor2=coalition)  # a parse that missed the passive
    r = reading(text, {"Saudi-led": ("actor1", 0.9), "coalition": ("actor1", 0.9),
                       "Houthi": ("actor2", 0.8), "fighters": ("actor2", 0.8)})
    out = apply_role_reading(rules, [houthi, coalition], r, at=0.5)
    assert out.actor1 is coalition and out.actor2 is houthi
    # Below the threshold the parse stands.
    out = apply_role_reading(rules, [houthi, coalition], r, at=0.95)
    assert out.actor1 is houthi and out.actor2 is coalition


def test_head_placing_one_side_keeps_the_parse_for_the_other(find):
    text = "Houthi fighters were attacked by Saudi-led coalition jets near Saada ."
    m = find(text)
    houthi, coalition = m["Houthi fighters"], next(v for k, v in m.items() if "coalition" in k)
    # Only actor2 marked, on the rules' actor1: the two swap.
    r = reading(text, {"Houthi": ("actor2", 0.9), "fighters": ("actor2", 0.9)})
    out = apply_role_reading(Roles(actor1=houthi, actor2=coalition), [houthi, coalition], r,
                             at=0.5)
    assert out.actor1 is coalition and out.actor2 is houthi
    # Only actor1 marked, on the rules' own actor1: nothing moves.
    r = reading(text, {"Houthi": ("actor1", 0.9), "fighters": ("actor1", 0.9)})
    out = apply_role_reading(Roles(actor1=houthi, actor2=coalition), [houthi, coalition], r,
                             at=0.5)
    assert out.actor1 is houthi and out.actor2 is coalition


def test_no_reading_or_no_mark_changes_nothing(find):
    text = "Houthi fighters were attacked by Saudi-led coalition jets near Saada ."
    m = find(text)
    rules = Roles(actor1=m["Houthi fighters"])
    assert apply_role_reading(rules, list(m.values()), None, at=0.5) is rules
    assert apply_role_reading(rules, list(m.values()), reading(text, {}), at=0.5) is rules


def test_a_source_is_no_candidate(find):
    text = "The Syrian army said Islamic State fighters killed four soldiers ."
    everyone = list(find(text).values())
    source = everyone[0]  # "The Syrian army said"
    kept = role_candidates(everyone, (0, source.end + 1))
    assert source not in kept and len(kept) == len(everyone) - 1


def test_places_the_head_does_not_read_as_the_acts_go_but_never_all():
    from frontwatch.extraction.model_roles import places_read_as_act
    from frontwatch.model import PlaceMention

    text = "Shelling hit Ariha , and the wounded were taken to a hospital in Idlib ."
    r = reading(text, {"Ariha": ("place", 0.9), "Idlib": ("place", 0.05)})
    offset = 100  # the sentence's start in its article
    ariha = PlaceMention("Ariha", offset + 13, offset + 18)
    idlib = PlaceMention("Idlib", offset + 65, offset + 70)
    assert text[13:18] == "Ariha" and text[65:70] == "Idlib"
    assert places_read_as_act([ariha, idlib], r, offset, at=0.3) == [ariha]
    assert places_read_as_act([ariha, idlib], r, offset, at=0.0) == [ariha, idlib]  # off
    nothing = reading(text, {})
    assert places_read_as_act([ariha, idlib], nothing, offset, at=0.3) == [ariha, idlib]
