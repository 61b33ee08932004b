"""Role conflicts: one person given two offices that cannot both be true ("Sen." in one outlet,
"Rep." in another), read from the titles extraction kept beside each person's name."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ..lexicon import TITLE_HEDGES
from ..records import Claim, Entity, Flag
from .base import Finding, make_flag

# Offices one person cannot hold at once; each maps the words that name it to one key.
_SEATS = {
    "senator": "senator", "sen": "senator",
    "representative": "representative", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "congressmember": "representative",
    "governor": "governor", "gov": "governor",
    "mayor": "mayor",
}
# A title placed in time, hoped for, or borrowed from someone else is no conflict with a present one.
_HEDGED = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(TITLE_HEDGES)) + r")\b", re.I)
CONFIDENCE = 0.75


def seat(role: str) -> str | None:
    """The elected office a title gives its holder, when it names exactly one and says nothing else of time."""
    if _HEDGED.search(role):
        return None
    seats = {_SEATS[w] for w in re.findall(r"[\w-]+", role.casefold()) if w in _SEATS}
    return seats.pop() if len(seats) == 1 else None


def _titled(claims: Iterable[Claim]):
    """(story, person) -> [(claim, entity, seat)] for every titled mention of a person."""
    out: dict[tuple[str, str], list[tuple[Claim, Entity, str]]] = defaultdict(list)
    for c in claims:
        for e in c.entities:
            if e.label != "PERSON" or not e.role or len(e.text.split()) < 2:
                continue  # a bare surname may be another person of the same name
            office = seat(e.role)
            if office is not None:
                out[(c.story_id or "", e.canonical)].append((c, e, office))
    return out


def role_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per person and pair of outlets that give them different elected offices."""
    flags = []
    for mentions in _titled(claims).values():
        by_outlet: dict[str, dict[str, list[tuple[Claim, Entity]]]] = defaultdict(lambda: defaultdict(list))
        for c, e, office in mentions:
            by_outlet[c.outlet][office].append((c, e))
        outlets = sorted(by_outlet)
        for i, oa in enumerate(outlets):
            for ob in outlets[i + 1:]:
                xa, xb = by_outlet[oa], by_outlet[ob]
                if len(xa) != 1 or len(xb) != 1 or set(xa) == set(xb):
                    continue  # an outlet that gives two offices, or agrees, is no clear conflict
                (sa, ma), = xa.items()
                (sb, mb) = next(iter(xb.items()))
                ca, ea = min(ma, key=lambda m: (m[0].published, m[0].start))
                cb, eb = min(mb, key=lambda m: (m[0].published, m[0].start))
                if (cb.published, cb.id) < (ca.published, ca.id):
                    ca, ea, cb, eb = cb, eb, ca, ea
                finding = Finding("role", ca, cb, f"{ea.role} {ea.text}", f"{eb.role} {eb.text}",
                                  (ea.start, ea.end), (eb.start, eb.end), confidence=CONFIDENCE)
                flags.append(make_flag(finding))
    return flags


def same_office(x: str | None, y: str | None) -> bool:
    """Two titles of one office: the same elected seat ("Rep." / "Representative"), or a shared word."""
    if not x or not y:
        return False
    sx, sy = seat(x), seat(y)
    if sx or sy:
        return sx == sy
    return bool({w.strip(".,") for w in x.casefold().split()} & {w.strip(".,") for w in y.casefold().split()})
