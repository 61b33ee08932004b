"""Labelled flag scores for fitting the confidence table, and how well a table fits flags it never saw.

Two layouts give labelled flags: real coverage (``events.json`` beside ``gold.jsonl``, see
``bench/realcoverage.py``), where a flag is right when it matches a gold disagreement; and the
generated contradiction bench (``gold.jsonl`` lines with ``expect``, see ``bench/contrabench``),
where it is right when it matches an injected or planted case. Each labelled flag becomes a
``Point``: the group it is cross-validated by (an event, a story), its type, raw score and outcome.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from consistency.compare.calibration import calibrated, fit_table

from .contrabench.score import flag_outcomes
from .realcoverage import DISAGREEMENT, event_part, flag_type, matches


@dataclass(frozen=True, slots=True)
class Point:
    """One labelled flag: its source and group, type, raw score and whether it was right."""

    source: str
    group: str
    kind: str
    score: float
    right: int


def real_points(flags: Iterable[Any], gold: list[dict], article_event: dict[str, str], *, source: str,
                part: str = "tune") -> list[Point]:
    """Points for the flags of one part of real coverage, grouped by gold event.

    A flag is right when it matches a gold disagreement of its type (of any type for the types the
    gold has no label for: place, role)."""
    wanted = {e for e in set(article_event.values()) if part == "all" or event_part(e) == part}
    items = [g for g in gold if g["event"] in wanted and g["type"] in DISAGREEMENT]
    out = []
    for f in flags:
        events = [article_event[a] for a in f.articles if article_event.get(a) in wanted]
        if not events:
            continue
        kind = flag_type(f)
        right = any(matches(f, g, same_type=kind in DISAGREEMENT) for g in items)
        out.append(Point(source, events[0], kind, float(f.confidence), int(right)))
    return out


def generated_points(flags: Sequence[Any], gold: list[dict], texts: dict[str, str], *, source: str) -> list[Point]:
    """Points for the flags of a generated contradiction bench, grouped by story."""
    outcomes = flag_outcomes(flags, gold, texts)
    return [Point(source, str(f.story_id or f.articles[0]), flag_type(f), float(f.confidence), int(right))
            for f, right in zip(flags, outcomes)]


def by_kind(points: Iterable[Point]) -> dict[str, list[tuple[float, int]]]:
    """(score, right) per flag type, as ``fit_table`` takes them."""
    out: dict[str, list[tuple[float, int]]] = {}
    for p in points:
        out.setdefault(p.kind, []).append((p.score, p.right))
    return out


def fold_of(group: str, folds: int) -> int:
    """A fixed fold for a group, by hash, so folds never depend on order."""
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % folds


def fit_quality(pairs: Sequence[tuple[float, int]], bins: int = 10) -> dict[str, float | int | None]:
    """Brier score, log loss and expected calibration error of (confidence, right) pairs."""
    if not pairs:
        return {"flags": 0, "brier": None, "log_loss": None, "ece": None}
    brier = sum((c - r) ** 2 for c, r in pairs) / len(pairs)
    eps = 1e-3
    loss = -sum(r * math.log(max(eps, c)) + (1 - r) * math.log(max(eps, 1 - c)) for c, r in pairs) / len(pairs)
    buckets: dict[int, list[tuple[float, int]]] = {}
    for c, r in pairs:
        buckets.setdefault(min(bins - 1, int(c * bins)), []).append((c, r))
    ece = sum(abs(sum(c for c, _ in b) - sum(r for _, r in b)) for b in buckets.values()) / len(pairs)
    return {"flags": len(pairs), "brier": round(brier, 4), "log_loss": round(loss, 4), "ece": round(ece, 4)}


Fitter = Callable[[list[Point]], dict[str, list[tuple[float, float]]] | None]


def cross_validate(points: Sequence[Point], fitter: Fitter, folds: int = 5) -> list[tuple[Point, float]]:
    """Each point with the confidence a table fitted without its group's fold gives it (its raw score
    when ``fitter`` returns None)."""
    out = []
    for k in range(folds):
        train = [p for p in points if fold_of(p.group, folds) != k]
        held = [p for p in points if fold_of(p.group, folds) == k]
        table = fitter(train)
        out.extend((p, p.score if table is None else calibrated(p.kind, p.score, table)) for p in held)
    return out


def pooled_fitter(prior_weight: float, sources: Iterable[str] | None = None) -> Fitter:
    """Fit on the training points of the given sources (all when None)."""
    keep = None if sources is None else set(sources)
    return lambda train: fit_table(by_kind(p for p in train if keep is None or p.source in keep),
                                   prior_weight=prior_weight)


def _logit(p: float) -> float:
    p = min(1 - 1e-3, max(1e-3, p))
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def level_shift(pairs: Sequence[tuple[float, int]], spread: float = 2.0) -> float:
    """The shift on the log-odds scale that best fits (confidence, right) pairs, drawn towards no shift
    (a normal prior of standard deviation ``spread``): one number, so a handful of flags can set it."""
    shift = 0.0
    for _ in range(50):
        probs = [_sigmoid(_logit(c) + shift) for c, _ in pairs]
        grad = sum(p - r for p, (_, r) in zip(probs, pairs)) + shift / spread ** 2
        hess = sum(p * (1 - p) for p in probs) + 1 / spread ** 2
        step = grad / hess
        shift -= step
        if abs(step) < 1e-6:
            break
    return shift


def shifted(table: dict[str, list[tuple[float, float]]], shift: float) -> dict[str, list[tuple[float, float]]]:
    """The table with every precision moved by ``shift`` on the log-odds scale."""
    return {kind: [(s, round(_sigmoid(_logit(p) + shift), 4)) for s, p in steps] for kind, steps in table.items()}


def shape_and_level_fitter(prior_weight: float, shape: str, level: str) -> Fitter:
    """The table's shape (how precision rises with each type's score) fitted on the ``shape`` source's
    many flags, moved to the precision the ``level`` source's flags show by one log-odds shift."""
    def fit(train: list[Point]) -> dict[str, list[tuple[float, float]]]:
        table = fit_table(by_kind(p for p in train if p.source == shape), prior_weight=prior_weight)
        pairs = [(calibrated(p.kind, p.score, table), p.right) for p in train if p.source == level]
        return shifted(table, level_shift(pairs)) if pairs else table
    return fit


def fit_logistic(pairs: Sequence[tuple[float, int]], spread: float = 1.0) -> tuple[float, float]:
    """(a, b) of confidence = sigmoid(a + b * logit(score)) fitting (score, right) pairs, drawn towards
    the score itself (a = 0, b = 1) by normal priors of standard deviation ``spread``."""
    a, b = 0.0, 1.0
    xs = [_logit(s) for s, _ in pairs]
    for _ in range(100):
        ps = [_sigmoid(a + b * x) for x in xs]
        ga = sum(p - r for p, (_, r) in zip(ps, pairs)) + a / spread ** 2
        gb = sum((p - r) * x for p, x, (_, r) in zip(ps, xs, pairs)) + (b - 1) / spread ** 2
        w = [p * (1 - p) for p in ps]
        haa = sum(w) + 1 / spread ** 2
        hbb = sum(wi * x * x for wi, x in zip(w, xs)) + 1 / spread ** 2
        hab = sum(wi * x for wi, x in zip(w, xs))
        det = haa * hbb - hab * hab
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-8:
            break
    if b < 0:  # confidence must not fall as the score rises: the best flat map instead
        b, a = 0.0, _logit((sum(r for _, r in pairs) + 0.5) / (len(pairs) + 1))
    return a, b


STEPS = 100  # a logistic map written as a step table, one step per hundredth of score


def logistic_table(a: float, b: float) -> dict[str, list[tuple[float, float]]]:
    """The map sigmoid(a + b * logit(score)) as a pooled step table (the same for every type)."""
    from consistency.compare.calibration import POOLED

    steps = [(i / STEPS, round(_sigmoid(a + b * _logit((i + 0.5) / STEPS)), 4)) for i in range(STEPS)]
    return {POOLED: steps}


def logistic_fitter(sources: Iterable[str] | None = None, spread: float = 1.0) -> Fitter:
    """One map from raw score to precision for every type, fitted on the given sources' flags."""
    keep = None if sources is None else set(sources)
    return lambda train: logistic_table(*fit_logistic([(p.score, p.right) for p in train
                                                       if keep is None or p.source in keep], spread))


def typed_logistic_fitter(sources: Iterable[str] | None = None, spread: float = 1.0,
                          type_spread: float = 0.5) -> Fitter:
    """One map from raw score to precision for every type, then each type's precision moved by one
    log-odds shift fitted on its own flags and drawn towards none: types whose scores sit on another
    scale (a fact table's near-constant scorer beside a comparator's) read the same."""
    keep = None if sources is None else set(sources)

    def fit(train: list[Point]) -> dict[str, list[tuple[float, float]]]:
        mine = [p for p in train if keep is None or p.source in keep]
        from consistency.compare.calibration import POOLED

        table = logistic_table(*fit_logistic([(p.score, p.right) for p in mine], spread))
        for kind, pairs in by_kind(mine).items():
            moved = [(calibrated(kind, s, table), r) for s, r in pairs]
            table[kind] = shifted({kind: table[POOLED]}, level_shift(moved, type_spread))[kind]
        return table
    return fit


def reliability(pairs: Sequence[tuple[float, int]], bins: int = 5) -> list[dict[str, float | int]]:
    """Per band of confidence: how many flags, the confidence they were given on average, and the share right."""
    out = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        band = [(c, r) for c, r in pairs if lo <= c < hi or (k == bins - 1 and c == 1.0)]
        if band:
            out.append({"band": f"{lo:.1f}-{hi:.1f}", "flags": len(band),
                        "predicted": round(sum(c for c, _ in band) / len(band), 3),
                        "observed": round(sum(r for _, r in band) / len(band), 3)})
    return out
