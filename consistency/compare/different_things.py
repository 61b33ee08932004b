"""Findings whose two figures are of two different things, whichever comparison paired them: ages of two
unnamed people of one generic description in a story of several such people, and a route's length set
against a distance between two places."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..records import Claim, Quantity
from .ages import crowded_descriptions, generic_person
from .base import Finding
from .numbers import distance_away, figures


def figure_in(c: Claim, span: tuple[int, int]) -> Quantity | None:
    """The figure of ``c`` that a finding's span covers (a fact row's span may be wider or narrower)."""
    found = [q for q in figures(c) if q.start < span[1] and span[0] < q.end]
    return found[0] if len(found) == 1 else None


def of_different_things(f: Finding, crowded: set[tuple[str, str]]) -> bool:
    """A number or update finding that sets two figures of different things against each other: two ages
    that describe unnamed people by one generic noun ("a 31-year-old man", "a 25-year-old man") where one
    report of the story gives several people that description, or a distance away ("20 miles away")
    against a length that is not one ("a 25-mile chase")."""
    if f.type not in ("number", "update"):
        return False
    x, y = figure_in(f.a, f.span_a), figure_in(f.b, f.span_b)
    if x is None or y is None:
        return False
    if distance_away(f.a, x) != distance_away(f.b, y):
        return True
    nouns = {generic_person(f.a, x), generic_person(f.b, y)}
    return len(nouns) == 1 and None not in nouns and (f.a.story_id or "", nouns.pop()) in crowded


def drop_different_things(findings: Sequence[tuple[Finding, float]], story: Iterable[Claim]
                          ) -> list[tuple[Finding, float]]:
    """The findings less those of different things; ``story`` is every claim of the stories compared."""
    crowded = crowded_descriptions(story)
    return [(f, s) for f, s in findings if not of_different_things(f, crowded)]
