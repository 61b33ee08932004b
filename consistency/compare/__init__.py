"""Compare aligned claims and type every difference as a flag.

Each comparator looks at one slot of two aligned claims (the same statement from two
outlets) and returns a ``Finding`` when they disagree; ``compare_pairs`` turns findings
into ``Flag`` records with evidence and a plain-language explanation.
"""

from __future__ import annotations

from typing import Sequence

from ..records import Claim, Flag
from .base import Finding, make_flag
from .names import name_variant_flags
from .numbers import compare_numbers
from .polarity import compare_polarity
from .speakers import compare_channel, compare_speakers
from .timeline import compare_timeline

COMPARATORS = (compare_timeline, compare_numbers, compare_speakers, compare_channel, compare_polarity)


def compare_pair(a: Claim, b: Claim, score: float, resolver) -> list[Finding]:
    """Every typed difference between two aligned claims (earlier claim first)."""
    if (b.published, b.id) < (a.published, a.id):
        a, b = b, a
    findings = []
    for comparator in COMPARATORS:
        finding = comparator(a, b, score, resolver)
        if finding is not None:
            findings.append(finding)
    return findings


def compare_pairs(pairs: Sequence[tuple[int, int, float]], claims: dict[int, Claim], resolver) -> list[Flag]:
    """Flags for all aligned pairs, plus spelling variants of one entity across outlets."""
    flags: list[Flag] = []
    aligned: list[tuple[Claim, Claim, float]] = []
    for ra, rb, score in pairs:
        a, b = claims.get(ra), claims.get(rb)
        if a is None or b is None or a.article_id == b.article_id:
            continue
        aligned.append((a, b, score))
        flags.extend(make_flag(f) for f in compare_pair(a, b, score, resolver))
    flags.extend(name_variant_flags(aligned, resolver))
    return flags


__all__ = ["compare_pair", "compare_pairs", "Finding"]
