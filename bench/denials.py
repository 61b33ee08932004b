"""Denials lined up by what they deny, not by sentence likeness: an experiment on real coverage.

A sentence of one outlet that negates something (its negation scope: the content words after
"not", "never", ...) is set against every asserting sentence of another outlet of the same story
that says the scope's words; the pair is scored by the share of the scope's weight (words rare in
the story weigh more) that the asserting sentence carries. An outlet that itself also asserts
what it negates elsewhere, or another outlet that also negates it, reports both sides rather than
disagreeing, and such pairs can be left out (``one_sided``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from consistency.compare.base import STOP
from consistency.compare.polarity import _CONTRACTIONS, _NEUTRAL, _stem
from consistency.lexicon import DENIALS, NEGATIONS
from consistency.records import Claim

_WORD = re.compile(r"[a-z0-9]+")
SCOPE = 6  # content words after a negation that it may bear on
MIN_SHARED = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    """A negating sentence, an asserting sentence of another outlet, and how much of the denial it says."""

    negating: Claim
    asserting: Claim
    shared: frozenset[str]
    weight: float


def _words(text: str) -> list[str]:
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    return _WORD.findall(text.casefold())


def stems(text: str) -> frozenset[str]:
    """The content words of a text, stemmed."""
    return frozenset(_stem(w) for w in _words(text) if len(w) > 2 and w not in NEGATIONS and w not in DENIALS
                     and w not in _NEUTRAL and w not in STOP)


def negations(text: str) -> int:
    return sum(1 for w in _words(text) if w in NEGATIONS)


def scope(text: str) -> frozenset[str]:
    """The content words each negation of the text is followed by (the first ``SCOPE``)."""
    words = _words(text)
    out: set[str] = set()
    for i, w in enumerate(words):
        if w in NEGATIONS:
            after = [x for x in words[i + 1:] if x not in _NEUTRAL and x not in NEGATIONS and x not in STOP]
            out.update(_stem(x) for x in after[:SCOPE] if len(x) > 2)
    return frozenset(out)


def candidates(claims: Iterable[Claim], *, one_sided: bool = True) -> list[Candidate]:
    """Every denial candidate of every story, best first."""
    stories: dict[str | None, list[Claim]] = defaultdict(list)
    for c in claims:
        stories[c.story_id].append(c)
    out: list[Candidate] = []
    for story in stories.values():
        words = {c.id: stems(c.text) for c in story}
        marks = {c.id: negations(c.text) for c in story}
        scopes = {c.id: scope(c.text) for c in story if marks[c.id] % 2}
        df = Counter(w for ws in words.values() for w in ws)
        idf = {w: math.log((len(story) + 1) / (n + 1)) for w, n in df.items()}
        by_outlet: dict[str, list[Claim]] = defaultdict(list)
        for c in story:
            by_outlet[c.outlet].append(c)
        for x in story:
            sx = scopes.get(x.id)
            if not sx:
                continue
            total = sum(idf.get(w, 0.0) for w in sx) or 1e-9
            for y in story:
                if y.outlet == x.outlet or marks[y.id]:
                    continue
                shared = sx & words[y.id]
                if len(shared) < MIN_SHARED:
                    continue
                if one_sided and (any(o.id != x.id and not marks[o.id] and shared <= words[o.id]
                                      for o in by_outlet[x.outlet]) or
                                  any(shared <= scopes.get(o.id, frozenset()) for o in by_outlet[y.outlet])):
                    continue
                out.append(Candidate(x, y, shared, sum(idf.get(w, 0.0) for w in shared) / total))
    return sorted(out, key=lambda c: (-c.weight, c.negating.id, c.asserting.id))
