"""Findings whose two figures are of two different things, whichever comparison paired them: ages of two
unnamed people of one generic description in a story of several such people, a route's length set
against a distance between two places, a death toll that counts the killer against one that does not, and a
figure a round-up gives of another shooting than the story's."""

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


# A killer who died by his own hand: one report counts him among the dead ("six are dead after a murder-suicide",
# "seven killed, including the gunman"), another counts only those he killed ("killed five, then himself").
_KILLER_AMONG_DEAD = re.compile(
    r"\b(?:killed|killing|shot|shooting|turned\s+the\s+gun\s+on|took)\s+(?:\w+\s+){0,2}?(?:himself|herself|his\s+own\s+life|"
    r"her\s+own\s+life)\b|\bmurder[\s-]+suicide\b|\b(?:including|counting)\s+the\s+(?:gunman|shooter|killer|attacker|"
    r"suspect|assailant)\b|\bthen\s+(?:himself|herself)\b", re.IGNORECASE)


def counts_the_killer(f: Finding, x: Quantity, y: Quantity) -> bool:
    """Two counts one apart where a report tells that the killer also died: the one is the killer, counted in
    one toll and not in the other."""
    return (x.kind == y.kind == "count" and abs(x.value - y.value) == 1
            and bool(_KILLER_AMONG_DEAD.search(f.a.text) or _KILLER_AMONG_DEAD.search(f.b.text)))


def of_different_things(f: Finding, crowded: set[tuple[str, str]]) -> bool:
    """A number or update finding that sets two figures of different things against each other: two ages
    that describe unnamed people by one generic noun ("a 31-year-old man", "a 25-year-old man") where one
    report of the story gives several people that description, or a distance away ("20 miles away")
    against a length that is not one ("a 25-mile chase"), or two tolls one apart where a report tells that the
    killer died too (``counts_the_killer``)."""
    if f.type not in ("number", "update"):
        return False
    x, y = figure_in(f.a, f.span_a), figure_in(f.b, f.span_b)
    if x is None or y is None:
        return False
    if distance_away(f.a, x) != distance_away(f.b, y) or counts_the_killer(f, x, y):
        return True
    nouns = {generic_person(f.a, x), generic_person(f.b, y)}
    return len(nouns) == 1 and None not in nouns and (f.a.story_id or "", nouns.pop()) in crowded


def drop_different_things(findings: Sequence[tuple[Finding, float]], story: Iterable[Claim]
                          ) -> list[tuple[Finding, float]]:
    """The findings less those of different things, and less the figures a round-up gives of another shooting
    than the story's (``roundups``); ``story`` is every claim of the stories compared."""
    story = list(story)
    crowded, strays = crowded_descriptions(story), roundup_strays(story)
    return [(f, s) for f, s in findings if not of_different_things(f, crowded) and not of_another_shooting(f, strays)]


def of_another_shooting(f: Finding, strays: frozenset[str]) -> bool:
    """A number or update finding one of whose sentences tells of another shooting of a round-up."""
    return f.type in ("number", "update") and bool({f.a.id, f.b.id} & strays)
