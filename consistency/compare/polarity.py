"""Polarity conflicts: one outlet asserts what another negates or reports as denied."""

from __future__ import annotations

import re

from ..records import Claim
from .base import Finding, same_statement, same_subjects

NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|nobody|nothing|cannot)\b|n['\u2019]t\b", re.I)
DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)? (?:reports|claims|suggestions)|dismiss(?:es|ed)? (?:reports|claims)|"
                    r"untrue|false|refut(?:es|ed))\b", re.I)


def _negations(c: Claim) -> int:
    return len(NEGATION.findall(c.text)) + len(DENIAL.findall(c.text))


def _asserts(c: Claim) -> bool:
    return not c.negated and c.modality != "denied"


def compare_polarity(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement asserted in one claim and negated or denied in the other."""
    if _asserts(a) == _asserts(b) or not same_statement(a, b, score, min_score=0.8, min_overlap=0.6):
        return None
    if not same_subjects(a, b):
        return None
    # The same number of negations in both wordings is a paraphrase ("I don't feel we were"
    # vs "I feel we weren't"), whatever the parse attached them to.
    if _negations(a) % 2 == _negations(b) % 2:
        return None
    value_a = "asserted" if _asserts(a) else ("denied" if a.modality == "denied" else "negated")
    value_b = "asserted" if _asserts(b) else ("denied" if b.modality == "denied" else "negated")
    confidence = min(0.9, 0.55 + max(0.0, score - 0.8) * 3)
    return Finding("polarity", a, b, value_a, value_b, (a.start, a.end), (b.start, b.end),
                   confidence=confidence, what="whether it happened")
