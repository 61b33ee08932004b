"""Admissions against denials: one outlet reports that a named party admitted something, another
that the same party did not do or say it.

Sentence alignment never sets these side by side ("Okafor has admitted meeting the contractor" /
"Okafor said he had not actually met the contractor"): the two are worded apart and share little
beyond the names. What lines them up is the party and what the admission is about: two names both
sentences give, a negation whose clause has one of them (or a pronoun) as its subject, and a word
the negation bears on that the admission also bears on.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..lexicon import DENIAL_LEMMAS, DENIALS, NEGATIONS, NOT_REALLY, TITLES
from ..records import Claim
from .base import STOP, Finding
from .names import NAME_LABELS
from .polarity import _NEUTRAL, _stem, words_spelled_out

ADMISSIONS = frozenset("admit admits admitted admitting acknowledge acknowledges acknowledged acknowledging "
                       "concede concedes conceded conceding confess confesses confessed confessing".split())
_AUXILIARIES = frozenset("do does did is are was were be been has have had will would shall should can could "
                         "may might must".split())
_PRONOUNS = frozenset("he she they it we i".split())
# Negations that open their own clause ("..., nor did she"): the word before them is no subject of theirs.
_CLAUSE_OPENING = frozenset({"nor", "neither"})
_SCOPE = 8  # content words after an admission or a negation that it may bear on
MIN_NAMES = 2  # names both sentences give: the party and what the admission is about


def _name_words(c: Claim) -> frozenset[str]:
    """The words of the people, bodies and places a claim names, titles left out."""
    return frozenset(w for e in c.entities if e.label in NAME_LABELS for w in words_spelled_out(e.text)
                     if len(w) > 2 and w not in TITLES)


def _scope(words: list[str], at: Iterable[int]) -> frozenset[str]:
    """The content words (stemmed) each marked word is followed by, the first few."""
    out: set[str] = set()
    for i in at:
        after = [w for w in words[i + 1:] if len(w) > 2 and w not in _NEUTRAL and w not in STOP
                 and w not in NEGATIONS and w not in DENIALS]
        out.update(_stem(w) for w in after[:_SCOPE])
    return frozenset(out)


def _admits(words: list[str]) -> list[int]:
    """Where an unnegated sentence says something was admitted; none if it negates or denies anything."""
    if any(w in NEGATIONS or w in DENIALS for w in words):
        return []
    return [i for i, w in enumerate(words) if w in ADMISSIONS]


def _negations_of(words: list[str], subjects: frozenset[str]) -> list[int]:
    """Negations and denials whose clause has one of the subjects (or a pronoun) right before them.

    "not only" negates nothing, and a negated denial ("did not dispute that") leaves the claim standing."""
    out = []
    for i, w in enumerate(words):
        if w in _CLAUSE_OPENING or not (w in NEGATIONS or w in DENIALS):
            continue
        if words[i + 1:i + 2] and words[i + 1] in NOT_REALLY:
            continue
        if any(x in DENIALS or x in DENIAL_LEMMAS for x in words[i + 1:i + 4]):
            continue
        j = i
        while j > 0 and words[j - 1] in _AUXILIARIES:
            j -= 1
        if j > 0 and (words[j - 1] in subjects or words[j - 1] in _PRONOUNS):
            out.append(i)
    return out


def _pair(admitting: Claim, other: Claim) -> int:
    """How many names the two claims share when ``other`` negates what ``admitting`` admits; 0 if it does not."""
    shared = _name_words(admitting) & _name_words(other)
    if len(shared) < MIN_NAMES:
        return 0
    words = words_spelled_out(other.text)
    negated = _scope(words, _negations_of(words, shared))
    admitted_words = words_spelled_out(admitting.text)
    admitted = _scope(admitted_words, _admits(admitted_words))
    return len(shared) if negated & admitted else 0


def admission_findings(claims: Iterable[Claim]) -> list[Finding]:
    """A claim that a party admitted something, against another outlet's claim of the same story in
    which that party (or a pronoun) did not do or say it; one finding per negating claim, the one
    sharing most names."""
    stories: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.story_id:
            stories[c.story_id].append(c)
    found = []
    for story in stories.values():
        admitting = [c for c in story if _admits(words_spelled_out(c.text))]
        for x in story:
            pairs = sorted(((_pair(y, x), y) for y in admitting if y.outlet != x.outlet),
                           key=lambda p: (-p[0], p[1].article_id, p[1].start))
            if pairs and pairs[0][0]:
                y = pairs[0][1]
                found.append(Finding("polarity", y, x, "asserted", "negated", (y.start, y.end), (x.start, x.end),
                                     confidence=0.6))
    return found
