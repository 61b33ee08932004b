"""What comparing one aligned pair found, kept so that a later check of its story reads it back.

A night compares the stories its articles joined as a whole, but most of a large story's
pairs are between claims compared on earlier nights. A pair's outcome (its findings and
whether it respells a name) depends on its two claims, its score and the package's code:
a new score replaces the pair's row and its outcome with it, and an outcome written by
other code is not read (each carries the digest of the code that wrote it). The claims a
finding names are the ones read tonight, so a story that merged since is named as it is now.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..records import Claim
from . import compare_pair
from .finding import Finding
from .names import doer_observations, name_observations


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """Every typed difference of an aligned pair, and whether the pair respells a name."""

    findings: tuple[Finding, ...] = ()
    named: bool = False


def pair_outcome(a: Claim, b: Claim, score: float, resolver) -> PairOutcome:
    """Compare two aligned claims (claims of one article are not compared)."""
    if a.article_id == b.article_id:
        return PairOutcome()
    found = tuple(compare_pair(a, b, score, resolver))
    aligned = [(a, b, score)]
    return PairOutcome(found, any(True for _ in name_observations(aligned)) or
                       any(True for _ in doer_observations(aligned)))


# What comparing a pair reads: the comparators, the slots extraction wrote and their helpers,
# the word lists and the models. A change anywhere else (the report, the store) keeps outcomes.
_COMPARING = ("compare", "extract", "models", "records.py", "lexicon.py")
# Models read only by queries and reviews: refitting the question ranker must not make a night
# compare every old pair again.
_NOT_COMPARING = frozenset({"question_ranker.json", "reranker.json", "schemaorg_terms.json"})


def digested_files() -> list[Path]:
    """The package files whose contents make up :func:`code_digest`, in a fixed order."""
    package = Path(__file__).resolve().parent.parent
    return [path for path in sorted(p for part in _COMPARING for p in [package / part, *(package / part).rglob("*")])
            if path.is_file() and path.suffix in (".py", ".json", ".npz") and "__pycache__" not in path.parts
            and path.name not in _NOT_COMPARING]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code and models comparing reads: outcomes kept by other code are compared again."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for path in digested_files():
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def encode_outcome(outcome: PairOutcome, a: Claim, b: Claim) -> str | None:
    """The outcome of the pair (``a``, ``b``) as stored text; None when a finding names other claims
    than the pair's own (it could not be read back from the pair)."""
    rows = []
    for f in outcome.findings:
        if f.also or not ((f.a is a and f.b is b) or (f.a is b and f.b is a)):
            return None
        rows.append([str(f.type), int(f.a is b), f.value_a, f.value_b, list(f.span_a), list(f.span_b), f.confidence])
    return json.dumps({"code": code_digest(), "named": outcome.named, "findings": rows}, separators=(",", ":"))


def decode_outcome(text: str, a: Claim, b: Claim) -> PairOutcome | None:
    """The stored outcome of the pair (``a``, ``b``), or None when other code wrote it."""
    d = json.loads(text)
    if d.get("code") != code_digest():
        return None
    found = tuple(Finding(kind, *((b, a) if swapped else (a, b)), value_a, value_b, tuple(span_a), tuple(span_b),
                          confidence)
                  for kind, swapped, value_a, value_b, span_a, span_b, confidence in d["findings"])
    return PairOutcome(found, bool(d["named"]))


@dataclass
class PairMemo:
    """Outcomes of pairs compared before (``known``: (a, b) row ids -> stored text), and those
    compared now (``fresh``), to be stored with the check's flags."""

    known: dict[tuple[int, int], str] = field(default_factory=dict)
    fresh: dict[tuple[int, int], str] = field(default_factory=dict)

    def outcome(self, ra: int, rb: int, a: Claim, b: Claim, score: float, resolver) -> PairOutcome:
        """The pair's outcome, read back when known, compared (and kept) otherwise."""
        text = self.known.get((ra, rb))
        if text is not None:
            found = decode_outcome(text, a, b)
            if found is not None:
                return found
        found = pair_outcome(a, b, score, resolver)
        encoded = encode_outcome(found, a, b)
        if encoded is not None:
            self.fresh[(ra, rb)] = encoded
        return found
