"""Which side of a building a shooting happened on, told two ways: "opened fire inside a crowded nightclub" /
"a shooting outside a lounge"; "the argument began outside the hotel" / "the altercation began on the 10th
floor of the hotel".

Extraction keeps no slot for the scene, so each sentence is read for a moment of the happening placed inside or
outside a building: the shooting itself ("shooting", "gunfire", "opened fire") or the quarrel that led to it
("the fight began", "started with an argument"). Each moment is compared with the same moment only: a fight that
broke out inside a club and shots fired outside it are two moments, and both may be right.

A report that puts one moment on both sides, or a story that anywhere tells of shots "inside and outside", is
telling of a scene that spread, and is left out; so is a first account told as such ("initially thought it
happened inside"), and an outlet that gave both sides in two reports (it revised itself). Two outlets that put
one moment inside and outside buildings of one kind (a nightclub and a lounge, a hotel and a hotel) are flagged
``polarity``: one states what the other's account rules out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_scene_side

CONFIDENCE = 0.55

# Kinds of building, each a set of names one scene is called by in different reports.
_KINDS = {
    "bar": r"night\s?club|club|lounge|bar|tavern|pub|saloon|cantina",
    "hotel": r"hotel|motel|inn",
    "home": r"home|house|residence|apartment|duplex|townhouse|trailer",
    "store": r"store|market|shop|gas\s+station|supermarket|bodega|mart",
    "restaurant": r"restaurant|diner|cafe|eatery|grill",
    "school": r"school|campus",
    "church": r"church|mosque|synagogue|temple",
    "hall": r"theat(?:er|re)|mall|arena|stadium|hall|gym",
}
_VENUE = "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items())
# Up to four words between the article and the building: "a crowded central Toledo nightclub".
_BUILDING = rf"(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_VENUE})\b(?!['’]s\s+(?:parking|lot))"
_SIDE = (rf"(?P<side>inside|outside(?:\s+of)?|in\s+front\s+of|in\s+the\s+parking\s+lot\s+of|"
         rf"(?:on|between)\s+the\s+(?:[\w-]+\s+){{1,4}}?floors?\s+of)\s+{_BUILDING}")
# Between the moment and its place, no word that starts another clause ("gunfire erupted after an alarm went off
# inside the school").
_GAP = r"(?:(?!\b(?:after|before|when|while|where|who|which|that|then|until|because|as|and|but|not)\b)[^.;,:])"
_SHOOTING = re.compile(
    r"\b(?:shooting|gunfire|gunshots|shots?\s+(?:(?:were|was)\s+)?(?:fired|rang\s+out)|opened\s+fire|"
    rf"(?:began|started)\s+(?:firing|shooting))\b{_GAP}{{0,40}}?\b{_SIDE}", re.I)
_QUARREL = r"(?:argument|fight|altercation|dispute|confrontation|scuffle|brawl|quarrel|fracas)"
_BEGINNING = re.compile(
    rf"\b(?:{_QUARREL}s?\b{_GAP}{{0,30}}?\b(?:began|started|broke\s+out|erupted)|"
    rf"(?:began|started)\s+(?:with|as)\s+an?\s+(?:\w+\s+)?{_QUARREL})\b{_GAP}{{0,40}}?\b{_SIDE}", re.I)
# A first account told as such, a place the sentence doubts, or a scene on both sides.
_HEDGED = re.compile(r"\b(?:initially|originally|at\s+first|first\s+(?:thought|believed|reported)|unclear|"
                     r"not\s+(?:yet\s+)?(?:clear|known)|whether|possibly|may\s+have|might\s+have)\b", re.I)
_BOTH_SIDES = re.compile(r"\b(?:inside\s+and\s+outside|outside\s+and\s+inside|both\s+inside|both\s+outside)\b",
                         re.I)
_MOMENTS = (("shooting", _SHOOTING), ("beginning", _BEGINNING))


@dataclass(frozen=True, eq=False)
class Side:
    """One moment of the happening placed inside or outside a kind of building by one sentence."""

    claim: Claim
    moment: str
    inside: bool
    kind: str
    span: tuple[int, int]
    text: str


def sides(c: Claim) -> list[Side]:
    """The moments a sentence places inside or outside a building, unless it doubts the place."""
    if _HEDGED.search(c.text) or tells_of_another_incident(c.text):
        return []
    out = []
    for moment, rx in _MOMENTS:
        for m in rx.finditer(c.text):
            side = m.group("side").casefold()
            kind = next(k for k in _KINDS if m.group(k))
            inside = side == "inside" or side.endswith(" of") and "floor" in side
            out.append(Side(c, moment, inside, kind, (c.start + m.start(), c.start + m.end()), m.group()))
    return out


def scene_side_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story and moment that two outlets place inside and outside buildings of one kind."""
    flags = []
    for story in claims_by_story(claims):
        if any(_BOTH_SIDES.search(c.text) for c in story):
            continue
        by_moment: dict[str, dict[str, list[Side]]] = {}  # moment -> outlet -> what it told
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            for s in sides(c):
                by_moment.setdefault(s.moment, {}).setdefault(c.outlet, []).append(s)
        for by_outlet in by_moment.values():
            told = [ss for ss in by_outlet.values() if len({s.inside for s in ss}) == 1]
            pairs = [(x[0], y[0]) for x in told for y in told
                     if x[0].inside and not y[0].inside and x[0].kind == y[0].kind]
            if not pairs:
                continue
            shown = list(dict.fromkeys(s for pair in pairs for s in pair))
            explanation = explain_scene_side([(s.claim, s.text) for s in shown])
            flags.append(readings_flag("polarity", shown, CONFIDENCE, explanation))
    return flags
