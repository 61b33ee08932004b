"""What says two rows of a story's fact table are one fact: the features a fitted scorer weighs.

Each feature reads the slots extraction produced (what a figure counts, the happening a date
attaches to and that happening's subject and object, hedges, granularity) or the two claims as a
whole (meaning vectors, shared wording, shared named entities, publication times). The weights
live in ``consistency/models/fact_scorer.json``, fitted by ``scripts/fit_fact_scorer.py``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .base import content_words, has_update_cue

if TYPE_CHECKING:
    from .facts.pairing import Candidate

MODEL = "fact_scorer.json"
FEATURES = ("date", "same_counted", "specific", "same_event", "shared", "rare", "different_actors", "near",
            "gap", "similarity", "overlap", "hedged", "granularity_gap", "same_person", "money",
            "days_apart", "shared_entities", "update_cue", "slots_related", "anchored", "same_holder",
            "holder_unknown")


def features(c: Candidate) -> list[float]:
    """The feature vector of a candidate pair of rows, in the order of ``FEATURES``."""
    from .facts.holders import different_actors, holder, same_person
    from .facts.sameness import holder_unknown, related
    from .facts.values import GRANULARITY, near_dates, near_figures

    x, y = c.a, c.b
    date = x.kind == "date"
    shared = x.about & y.about
    chain = ""
    if not date and x.slot.about and x.slot.kind == "count":
        chain = x.slot.about[0]
    same_event = x.event is not None and x.event == y.event
    if date:
        gx, gy = GRANULARITY.get(x.slot.granularity, 0), GRANULARITY.get(y.slot.granularity, 0)
        near = near_dates(x, y)
        gap = min(3.0, math.log1p(abs((x.interval[0] - y.interval[0]).days)) / 2)
        hedged = bool(x.slot.mod or y.slot.mod)
        same_counted = x.slot.granularity == y.slot.granularity
    else:
        gx = gy = 0
        near = near_figures(x.slot, y.slot)
        lo, hi = sorted((abs(x.slot.value), abs(y.slot.value)))
        gap = min(3.0, math.log10(hi / lo)) if lo > 0 else 3.0
        hedged = bool(x.slot.hedge or y.slot.hedge)
        same_counted = x.counts is not None and x.counts == y.counts
    a, b = x.claim, y.claim  # earlier first
    wa, wb = content_words(a.content), content_words(b.content)
    ea = {e.canonical for e in a.entities}
    eb = {e.canonical for e in b.entities}
    return [
        float(date),
        float(same_counted),
        float(len(chain.split()) >= 2 and chain in y.slot.about),
        float(same_event),
        float(min(3, len(shared - {chain, *chain.split()}))),
        c.rarity,
        float(different_actors(x, y)),
        float(near),
        gap,
        c.similarity,
        2 * len(wa & wb) / max(1, len(wa) + len(wb)),
        float(hedged),
        float(abs(gx - gy)),
        float(same_person(x.claim, y.claim)),
        float(not date and x.slot.kind == "money"),
        min(7.0, abs((a.published - b.published).total_seconds()) / 86400),
        float(min(3, len(ea & eb))),
        float(has_update_cue(b) and not has_update_cue(a)),
        float(related(x, y)),
        float(c.anchored),
        float(bool(holder(x) & holder(y))),
        float(not date and holder_unknown(x, y)),
    ]


@dataclass(frozen=True, slots=True)
class FactScorer:
    """A logistic model over some of ``FEATURES``: standardised inputs, weights, bias, and the cut it flags at."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def score(self, vector: Sequence[float]) -> float:
        """The probability that the two rows state one fact differently, from the full feature vector."""
        z = self.bias
        for name, w, m, s in zip(self.features, self.weights, self.mean, self.scale, strict=True):
            z += w * (vector[FEATURES.index(name)] - m) / s
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        """The JSON form shipped under ``consistency/models``."""
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights), "bias": self.bias, "threshold": self.threshold}

    @classmethod
    def from_dict(cls, d: dict) -> FactScorer:
        """A scorer from its JSON form; its features must be ones this code computes."""
        unknown = [f for f in d["features"] if f not in FEATURES]
        if unknown:
            raise ValueError(f"{MODEL}: features {unknown} are not computed here ({list(FEATURES)}); refit it "
                             "with scripts/fit_fact_scorer.py")
        if not len(d["features"]) == len(d["mean"]) == len(d["scale"]) == len(d["weights"]):
            raise ValueError(f"{MODEL}: 'features', 'mean', 'scale' and 'weights' differ in length; refit it "
                             "with scripts/fit_fact_scorer.py")
        return cls(tuple(d["features"]), tuple(d["mean"]), tuple(d["scale"]), tuple(d["weights"]),
                   float(d["bias"]), float(d["threshold"]))


@lru_cache(maxsize=1)
def load_scorer() -> FactScorer | None:
    """The shipped scorer, or None when the package carries none."""
    try:
        raw = resources.files("consistency.models").joinpath(MODEL).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return FactScorer.from_dict(json.loads(raw))
