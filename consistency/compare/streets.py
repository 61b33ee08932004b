"""The street of the scene misnamed by one outlet of a story: "outside a house on Alder Street" / "in a home on
Alden Street"; "off Birch Pond Drive" / "off Birchley Drive".

Extraction keeps no slot for the scene, so each sentence is read for the streets it
names ("Elm Street", "the 400 block of Elm St."). A street is known by its name and kind, as in addresses. A
street told as someone's home ("Jon Doe, 30, of Elm Street"), or named by a sentence that only tells of someone
found, caught or living there, is not the scene's.

Each report's scene streets are gathered; a report that names more than two is telling of a route or a
neighbourhood and is read for none of them. Two reports of two outlets that put the scene on streets a reader takes
for one misnamed ("Birch Pond Drive" / "Birchley Drive", "Birch Road" / "Birch Drive"), neither naming the other's
street, are flagged ``name_variant``: one scene, its street named two ways.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..extract.entities import edit_distance
from ..records import Claim, Flag
from .addresses import BLOCK, DIRECTION, HAPPENED, STREET_KIND, STREET_KINDS, STREET_WORD, elsewhere
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_street

CONFIDENCE = 0.55
MAX_STREETS = 2  # a corner: "at Elm Street and Oak Avenue"

# A street's kind is written with a capital ("Elm Street"); "the road" or "either way" is no street.
SCENE_STREET = re.compile(rf"\b(?:(?:{DIRECTION})\s+)?(?P<name>{STREET_WORD}(?:\s+{STREET_WORD}){{0,2}}?)\s+"
                          rf"(?P<kind>(?=[A-Z])(?i:{STREET_KIND}))\b\.?")
# Names that are not of streets: "The Orchards Way", "Kelby Superior Court", "a 17-year-old Tobin Lane".
_NOT_STREET = re.compile(r"^(?:the|a|an)\b|\b(?:county|circuit|superior|district|municipal|supreme|federal|"
                         r"juvenile|magistrate)\b|year-old", re.I)
# A court of law is no street of the kind "Court": "Kelby Crown Court", "the Marden Magistrates' Court".
_OF_LAW = re.compile(r"\b(?:crown|magistrates?|probate|family|appeals?|justice)\b", re.I)
# "Jon Doe of Elm Street" is a home; "the 400 block of Elm Street" and "the corner of Elm Street" are places.
_HOME_OF = re.compile(r"(?<!block)(?<!corner)(?<!intersection)(?<!area)(?<!end)(?<!side)(?<!part)(?<!stretch)"
                      r"\s+of\s+(?:the\s+)?$", re.I)
# A street that names a building, stop or bridge ("the Alder Street station") is not where the incident was.
_PART_OF_NAME = re.compile(r"\s+(?:[A-Z]\b|(?i:patrol|station|stop|bridge|exit|ramp|church|school|park|market|mall|"
                           r"garage|plaza|center|centre|tunnel|overpass|line))")


@dataclass(frozen=True, eq=False)
class Street:
    """A street one sentence names as where the incident was."""

    claim: Claim
    name: str  # lower case ("alder")
    kind: str | None  # None when a block's street is named without one
    span: tuple[int, int]
    text: str


_ORDINALS = {w: f"{i}{'st' if i == 1 else 'nd' if i == 2 else 'rd' if i == 3 else 'th'}" for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
_LEADING = re.compile(rf"^(?:\d+\s+|{DIRECTION}\s+)+")


def _key_of(name: str) -> str:
    """A street's name as streets are compared: no house number or compass word, ordinals as figures, and a
    town's possessive read as the town ("Kelby's High Street" is Kelby High Street)."""
    words = re.findall(r"\w+", re.sub(r"['\u2019]s\b", "", _LEADING.sub("", name)).casefold())
    return " ".join(_ORDINALS.get(w, w) for w in words)


def named_streets(c: Claim) -> list[Street]:
    """Every street the sentence names, with or without a kind ("the 400 block of Elm")."""
    out = []
    for m in SCENE_STREET.finditer(c.text):
        kind = STREET_KINDS[m.group("kind").casefold()]
        if _NOT_STREET.search(m.group("name")) or kind == "highway" or kind == "court" and _OF_LAW.search(m.group()):
            continue
        out.append(Street(c, _key_of(m.group("name")), kind,
                          (c.start + m.start(), c.start + m.end()), m.group().rstrip(".")))
    for m in BLOCK.finditer(c.text):
        if not m.group("kind") and not _NOT_STREET.search(m.group("name")):
            out.append(Street(c, _key_of(m.group("name")), None, (c.start + m.start("name"), c.start + m.end()),
                              m.group("name")))
    return out


def scene_streets(c: Claim) -> list[Street]:
    """The streets a sentence puts the incident on: none when it tells of another incident or only of someone
    found, caught or living there, and never a home told as someone's ("of Elm Street") or a street that names a
    building or stop ("the Elm Street station")."""
    if tells_of_another_incident(c.text) or elsewhere(c.text) and not HAPPENED.search(c.text):
        return []
    out = []
    for s in named_streets(c):
        start, end = s.span[0] - c.start, s.span[1] - c.start
        if _HOME_OF.search(c.text[:start]) or _PART_OF_NAME.match(c.text[end:]):
            continue
        out.append(s)
    return out


def same_street(a: Street, b: Street) -> bool:
    """One name, and no two kinds ("Elm Street" and "Elm St." are one; "Elm Road" is another)."""
    return a.name == b.name and (a.kind is None or b.kind is None or a.kind == b.kind)


def street_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and two near-alike streets that reports of two outlets put the scene on, when neither
    report names the other's street; not one name of two kinds that a report of the story names both of."""
    flags = []
    for story in claims_by_story(claims):
        scene: dict[str, list[Street]] = defaultdict(list)
        named: dict[str, list[Street]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            scene[c.article_id] += scene_streets(c)
            named[c.article_id] += named_streets(c)
        told = {r: rows for r, rows in scene.items() if rows and _distinct(rows) <= MAX_STREETS}
        # one name a report gives two kinds ("Birch Place at Birch Court") is two streets of one development
        paired = {s.name for rows in named.values() for s in rows if any(t.name == s.name and not same_street(s, t)
                                                                          for t in rows)}
        pairs: dict[tuple[str, str], list[Street]] = {}
        for ra in told:
            for rb in told:
                if ra >= rb or told[ra][0].claim.outlet == told[rb][0].claim.outlet:
                    continue  # an outlet that tells its street two ways revises itself
                if any(same_street(a, b) for a in named[ra] for b in named[rb]):
                    continue
                for a, b in ((a, b) for a in told[ra] for b in told[rb]
                             if alike(a, b) and not (a.name == b.name and a.name in paired)):
                    key = tuple(sorted((_label(a), _label(b))))
                    shown = pairs.setdefault(key, [])
                    shown += [s for s in (a, b) if all(r.claim.article_id != s.claim.article_id for r in shown)]
        for key, shown in pairs.items():
            flags.append(readings_flag("name_variant", shown, CONFIDENCE,
                                       explain_street(" / ".join(key), [(s.claim, s.text) for s in shown])))
    return flags


MIN_LETTERS = 4
MAX_LETTERS_APART = 2


def alike(a: Street, b: Street) -> bool:
    """Two streets a reader takes for one misnamed: names that begin alike ("Birch Pond" / "Birchley") or are two
    letters apart ("Marla" / "Carla"), or one name of two kinds ("a home on Birch Road" / "Birch Drive"). Wholly
    other names are as often the two streets of a corner as a slip, and numbered streets a figure apart are streets
    of a grid. A street told as what the scene is off or near ("a hall off Birch Road") is told loosely, its kind
    too."""
    if any(ch.isdigit() for ch in a.name + b.name):
        return False
    if a.name == b.name:
        return not same_street(a, b) and not (_loose(a) or _loose(b))  # one name of two kinds
    x, y = a.name.replace(" ", ""), b.name.replace(" ", "")
    if min(len(x), len(y)) < MIN_LETTERS:
        return False
    return x[:MIN_LETTERS] == y[:MIN_LETTERS] or edit_distance(x, y, MAX_LETTERS_APART) <= MAX_LETTERS_APART


# "a hall off Birch Road", "near Alder Avenue and Birch Road": streets the scene lies by, told loosely.
_LOOSELY = re.compile(r"\b(?:off|near|nearby)\s+(?:of\s+)?(?:(?:[A-Z][\w'\u2019.-]*|and|&)\s+){0,5}$")


def _loose(s: Street) -> bool:
    """The street is told as what the scene lies off or near, not as where it is."""
    return bool(_LOOSELY.search(s.claim.text[:s.span[0] - s.claim.start]))


def _label(s: Street) -> str:
    return s.name.title() + (f" {s.kind.title()}" if s.kind else "")


def _distinct(rows: list[Street]) -> int:
    """How many streets the rows name, one street counted once however it is spelt out."""
    kept: list[Street] = []
    for s in rows:
        if not any(same_street(s, k) for k in kept):
            kept.append(s)
    return len(kept)
