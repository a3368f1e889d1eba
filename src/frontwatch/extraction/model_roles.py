"""Who acts and who is acted upon, where the learned coder's role head is surer than the
parse: the rules find the actors the catalogue knows in a sentence and guess their roles from
the dependency tree (roles.assign_roles); the role head, trained on annotated sentences of
many wars and outlets, marks the words that play actor1 and actor2. Its reading reorders the
rules' candidates; it never adds a name the catalogue did not find, so normalisation stays
the catalogue's."""

from __future__ import annotations

from spacy.tokens import Doc

from frontwatch.actors.catalog import ActorMatch
from frontwatch.extraction.coder import RoleReading
from frontwatch.extraction.roles import Roles, describes_a_civilian
from frontwatch.model import PlaceMention


def _same(a: ActorMatch | None, b: ActorMatch | None) -> bool:
    return a is not None and b is not None and a.entry.name == b.entry.name


def _pick(scored: list[tuple[ActorMatch, float, float]], side: int, at: float,
          other: ActorMatch | None = None) -> ActorMatch | None:
    """The candidate the head marks most surely for one side (1 or 2), above `at` and above
    its score for the other side."""
    best = None
    for a, s1, s2 in scored:
        mine, theirs = (s1, s2) if side == 1 else (s2, s1)
        if mine >= at and mine > theirs and not _same(a, other) and (
                best is None or mine > best[1]):
            best = (a, mine)
    return best[0] if best else None


def role_candidates(actors: list[ActorMatch], claim_span: tuple[int, int] | None,
                    doc: Doc | None = None) -> list[ActorMatch]:
    """The sentence's actors but those inside the attribution ("Amaq said": a source) and,
    given the parse, those that only describe a civilian ("the wife of a police officer")."""
    out = [a for a in actors if not claim_span
           or not (claim_span[0] <= a.start and a.end <= claim_span[1])]
    if doc is not None:
        out = [a for a in out if not describes_a_civilian(doc[a.start : a.end].root)]
    return out


def apply_role_reading(roles: Roles, actors: list[ActorMatch], reading: RoleReading | None,
                       at: float) -> Roles:
    """The rules' roles with actor1 and actor2 taken from the role head where it marks one
    of the sentence's catalogue actors at probability `at` or more; the rest stays."""
    if reading is None or not actors or at > 1.0:
        return roles
    scored = []
    for a in actors:
        s1 = reading.score("actor1", a.start_char, a.end_char)
        s2 = reading.score("actor2", a.start_char, a.end_char)
        if s1 is not None and s2 is not None:
            scored.append((a, s1, s2))
    m1 = _pick(scored, 1, at)
    m2 = _pick(scored, 2, at, other=m1)
    if m1 is None and m2 is None:
        return roles
    r1, r2 = roles.actor1, roles.actor2
    # Where the head places only one side, the rules' pair fills the other, swapped when the
    # head put the rules' actor1 on the receiving end.
    a1 = m1 or next((r for r in (r1, r2) if r is not None and not _same(r, m2)), None)
    a2 = m2 or next((r for r in (r2, r1) if r is not None and not _same(r, a1)), None)
    out = Roles(actor1=a1, actor2=a2)
    taken = [x for x in (a1, a2) if x is not None]
    for r, side in ((r1, out.assoc1), (r2, out.assoc2)):
        if r is not None and not any(_same(r, t) for t in taken):
            side.append(r)  # displaced by the head: still a party, on the side it was read
    out.assoc1.extend(a for a in roles.assoc1 if not any(_same(a, t) for t in taken))
    out.assoc2.extend(a for a in roles.assoc2 if not any(_same(a, t) for t in taken))
    return out


def places_read_as_act(places: list[PlaceMention], reading: RoleReading | None, offset: int,
                       at: float) -> list[PlaceMention]:
    """Of several places a sentence names, those the role head marks as where the act
    happened (probability `at` or more; a place past the pieces read is kept); never none:
    when the head marks none of them, the rules' places stay."""
    if reading is None or at <= 0.0:
        return places
    kept = []
    for pl in places:
        score = reading.score("place", pl.start - offset, pl.end - offset)
        if score is None or score >= at:
            kept.append(pl)
    return kept or places
