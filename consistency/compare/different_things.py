"""Findings whose two figures are of two different things, whichever comparison paired them: ages of two
unnamed people of one generic description in a story of several such people, a route's length set
against a distance between two places, a death toll that counts the killer against one that does not, a count of
the hurt that takes in people hurt another way than by the gunfire against one that does not, and a figure a round-up
gives of another shooting than the story's."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..records import Claim, Quantity
from .ages import crowded_descriptions, generic_person
from .base import Finding
from .numbers import distance_away, figures
from .roundups import roundup_strays


def figure_in(c: Claim, span: tuple[int, int]) -> Quantity | None:
    """The figure of ``c`` that a finding's span covers (a fact row's span may be wider or narrower)."""
    found = [q for q in figures(c) if q.start < span[1] and span[0] < q.end]
    return found[0] if len(found) == 1 else None


# A killer who died by his own hand or by the police's: one report counts him among the dead ("six are dead after a
# murder-suicide", "seven killed, including the gunman"), another counts only those he killed ("killed five, then
# himself", "killed four, then was fatally shot by officers").
KILLER_AMONG_DEAD = re.compile(
    r"\b(?:killed|killing|shot|shooting|turned\s+the\s+gun\s+on|took)\s+(?:\w+\s+){0,2}?(?:himself|herself|his\s+own\s+life|"
    r"her\s+own\s+life)\b|\bmurder[\s-]+suicide\b|\b(?:including|counting)\s+the\s+(?:gunman|shooter|killer|attacker|"
    r"suspect|assailant)\b|\bthen\s+(?:himself|herself)\b|"
    r"\b(?:he|she|gunman|shooter|killer|attacker|assailant)\s+(?:was|had\s+been)\s+(?:later\s+)?(?:shot\s+and\s+killed|"
    r"killed|fatally\s+shot|shot\s+dead)\s+by\s+(?:police|officers|deputies|troopers|an?\s+(?:police\s+)?(?:officer|"
    r"deputy|trooper))\b", re.IGNORECASE)


def counts_the_killer(f: Finding, x: Quantity, y: Quantity) -> bool:
    """Two counts one apart where a report tells that the killer also died: the one is the killer, counted in
    one toll and not in the other."""
    return (x.kind == y.kind == "count" and abs(x.value - y.value) == 1
            and bool(KILLER_AMONG_DEAD.search(f.a.text) or KILLER_AMONG_DEAD.search(f.b.text)))


# A count of the hurt: one report counts only those shot ("five others were hurt"), another also those hurt some other
# way ("six others hurt", and "a seventh person was injured by broken glass" further down).
_HARM = re.compile(r"\b(?:hurt|injur\w*|wound\w*|shot|victims?)\b", re.IGNORECASE)
# "cut" as a wound, not "cut short" or "cut off"
_CUT = r"cuts?(?!\s+(?:short|off|down|back|ties|in|out))"
_HURT = re.compile(rf"\b(?:hurt|injur\w*|{_CUT}|bruis\w*|trampled|suffered)\b", re.IGNORECASE)
_ANOTHER_WAY = re.compile(
    rf"\b(?:(?:broken\s+)?glass|windows?|{_CUT}|fell|falls?|falling|trampl\w*|stampede|fle(?:e|eing|d)|running|"
    r"in\s+the\s+(?:rush|chaos|panic|scramble|stampede)|"
    r"(?:hit|struck)\s+by\s+(?:a|an)\s+(?:car|vehicle|truck)|not\s+(?:been\s+)?shot|"
    r"not\s+(?:from|by|related\s+to|caused\s+by)\s+(?:the\s+)?(?:gunfire|bullets?|shooting))\b", re.IGNORECASE)
# A sentence of the gunfire's own wounds ("was shot in the leg") unless it says the hurt were not shot.
_GUNFIRE = re.compile(r"\b(?:shot|gunshot|bullets?|gunfire)\b", re.IGNORECASE)
_NOT_GUNFIRE = re.compile(r"\bnot\s+(?:been\s+)?shot\b|\bnot\s+(?:from|by|related\s+to|caused\s+by)\s+(?:the\s+)?"
                          r"(?:gunfire|bullets?|shooting)\b", re.IGNORECASE)
# A toll of the dead tells of the gunfire's harm, whatever else it says ("killed two and hurt two after he fled").
_DEATHS = re.compile(r"\b(?:killed|killing|dead|died|fatal\w*)\b", re.IGNORECASE)
_HE_OR_SHE_HURT = re.compile(r"\b(?:he|she)\s+(?:was\s+)?(?:\w+\s+)?(?:hurt|injured|cut|suffered|fell|trampled)\b|"
                             r"\bwas\s+(?:\w+\s+)?(?:hurt|injured|cut|trampled)\b", re.IGNORECASE)
_ONE_PERSON = re.compile(
    r"\b(?:a|an|another|one)\s+(?:\w+\s+)?(?:person|man|woman|boy|girl|teen\w*|victim|individual|child|patron|guest|"
    r"officer|student|other|bystander)\b", re.IGNORECASE)


_AGE = re.compile(r"\byears?\b|-old\b|\bmonths?\b", re.IGNORECASE)


def hurt_another_way(c: Claim) -> frozenset[int]:
    """How many people ``c`` tells were hurt by something other than the gunfire (cut by glass, trampled, hurt
    fleeing or in a fight, "not shot"): the counts it gives, or one for "a seventh person" / "another man"."""
    if not (_HURT.search(c.text) and _ANOTHER_WAY.search(c.text)):
        return frozenset()
    if _DEATHS.search(c.text) or _GUNFIRE.search(c.text) and not _NOT_GUNFIRE.search(c.text):
        return frozenset()
    counts = {int(q.value) for q in figures(c)
              if q.kind == "count" and q.value == int(q.value) and q.value > 0 and not _AGE.search(f"{q.text} {q.unit or ''}")}
    if _ONE_PERSON.search(c.text) or _HE_OR_SHE_HURT.search(c.text):
        counts.add(1)
    return frozenset(counts)


def hurt_another_way_by_article(story: Iterable[Claim]) -> dict[str, frozenset[int]]:
    """For each article of ``story``, how many people its sentences tell were hurt other than by the gunfire."""
    out: dict[str, frozenset[int]] = {}
    for c in story:
        counts = hurt_another_way(c)
        if counts:
            out[c.article_id] = out.get(c.article_id, frozenset()) | counts
    return out


def counts_the_otherwise_hurt(f: Finding, x: Quantity, y: Quantity, otherwise: dict[str, frozenset[int]]) -> bool:
    """Two counts of the hurt that differ by N where either report (the sentence or its article) tells that N
    people were hurt another way than by the gunfire: one count takes them in, the other does not."""
    if x.kind != "count" or y.kind != "count" or x.value == y.value:
        return False
    if not (_HARM.search(f.a.text) and _HARM.search(f.b.text)):
        return False
    told = hurt_another_way(f.a) | hurt_another_way(f.b)
    told |= otherwise.get(f.a.article_id, frozenset()) | otherwise.get(f.b.article_id, frozenset())
    return abs(x.value - y.value) in told


def of_different_things(f: Finding, crowded: set[tuple[str, str]],
                        otherwise: dict[str, frozenset[int]] | None = None) -> bool:
    """A number or update finding that sets two figures of different things against each other: two ages
    that describe unnamed people by one generic noun ("a 31-year-old man", "a 25-year-old man") where one
    report of the story gives several people that description, or a distance away ("20 miles away")
    against a length that is not one ("a 25-mile chase"), or two tolls one apart where a report tells that the
    killer died too (``counts_the_killer``), or two counts of the hurt apart by as many as a report tells were
    hurt another way (``counts_the_otherwise_hurt``; ``otherwise`` from ``hurt_another_way_by_article``)."""
    if f.type not in ("number", "update"):
        return False
    x, y = figure_in(f.a, f.span_a), figure_in(f.b, f.span_b)
    if x is None or y is None:
        return False
    if distance_away(f.a, x) != distance_away(f.b, y) or counts_the_killer(f, x, y):
        return True
    if counts_the_otherwise_hurt(f, x, y, otherwise or {}):
        return True
    nouns = {generic_person(f.a, x), generic_person(f.b, y)}
    return len(nouns) == 1 and None not in nouns and (f.a.story_id or "", nouns.pop()) in crowded


def drop_different_things(findings: Sequence[tuple[Finding, float]], story: Iterable[Claim]
                          ) -> list[tuple[Finding, float]]:
    """The findings less those of different things, and less the figures a round-up gives of another shooting
    than the story's (``roundups``); ``story`` is every claim of the stories compared."""
    story = list(story)
    crowded, strays = crowded_descriptions(story), roundup_strays(story)
    otherwise = hurt_another_way_by_article(story)
    return [(f, s) for f, s in findings
            if not of_different_things(f, crowded, otherwise) and not of_another_shooting(f, strays)]


def of_another_shooting(f: Finding, strays: frozenset[str]) -> bool:
    """A number or update finding one of whose sentences tells of another shooting of a round-up."""
    return f.type in ("number", "update") and bool({f.a.id, f.b.id} & strays)
