"""Polarity on real coverage: which pairs of one story's claims a scorer would flag as asserted vs denied.

Every pair of claims from two outlets of one story whose vectors are at least ``min_cosine`` alike
is scored; a scorer flags the pairs at or above its threshold, each claim in at most one flag (its
surest), so a run of near-copies does not count many times. The flags are shaped as the product's
are (type, articles, evidence texts), for ``bench.realcoverage.score``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from consistency.records import Claim


@dataclass(frozen=True, slots=True)
class Ev:
    """An evidence text of one article (what the scoring reads of a flag)."""

    article_id: str
    text: str


@dataclass(frozen=True, slots=True)
class PairFlag:
    """A polarity flag on one pair of claims, shaped as the scoring expects."""

    id: str
    type: str
    articles: tuple[str, ...]
    evidence: tuple[Ev, ...]
    score: float


@dataclass(frozen=True, slots=True)
class StoryPairs:
    """The cross-outlet pairs of one story worth scoring, with both sides' vectors."""

    a: list[Claim]
    b: list[Claim]
    u: np.ndarray
    v: np.ndarray
    cosine: np.ndarray


def story_pairs(claims: Sequence[Claim], vectors: np.ndarray, min_cosine: float) -> StoryPairs:
    """Pairs of claims of one story from different outlets whose vectors are at least ``min_cosine`` alike."""
    sims = vectors @ vectors.T
    ii, jj = np.nonzero(np.triu(sims >= min_cosine, k=1))
    keep = [(i, j) for i, j in zip(ii.tolist(), jj.tolist()) if claims[i].outlet != claims[j].outlet]
    ia = np.array([i for i, _ in keep], dtype=int)
    ib = np.array([j for _, j in keep], dtype=int)
    return StoryPairs([claims[i] for i in ia], [claims[j] for j in ib], vectors[ia], vectors[ib],
                      sims[ia, ib] if len(keep) else np.zeros(0))


def restrict(pairs: StoryPairs, keep: Sequence[bool]) -> StoryPairs:
    """The pairs where ``keep`` is true, in their order."""
    idx = np.array([k for k, on in enumerate(keep) if on], dtype=int)
    return StoryPairs([pairs.a[k] for k in idx], [pairs.b[k] for k in idx], pairs.u[idx], pairs.v[idx],
                      pairs.cosine[idx])


def flags_at(pairs: StoryPairs, scores: np.ndarray, threshold: float) -> list[PairFlag]:
    """The pairs scored at or above ``threshold``, surest first, each claim in one flag at most."""
    used: set[str] = set()
    out = []
    for k in np.argsort(-scores, kind="stable"):
        if scores[k] < threshold:
            break
        a, b = pairs.a[k], pairs.b[k]
        if a.id in used or b.id in used:
            continue
        used.update((a.id, b.id))
        out.append(PairFlag(f"{a.id}|{b.id}", "polarity", (a.article_id, b.article_id),
                            (Ev(a.article_id, a.text), Ev(b.article_id, b.text)), float(scores[k])))
    return out


def rule_scores(pairs: StoryPairs) -> np.ndarray:
    """1 where the shipped rule (the same words, opposite negation) flags the pair, else 0."""
    from consistency.compare.polarity import compare_polarity

    out = np.zeros(len(pairs.a))
    for k, (a, b) in enumerate(zip(pairs.a, pairs.b)):
        first, second = (a, b) if (a.published, a.id) <= (b.published, b.id) else (b, a)
        out[k] = float(compare_polarity(first, second, float(pairs.cosine[k]), None) is not None)
    return out


def stance_scores(pairs: StoryPairs) -> np.ndarray:
    """The shipped stance model's 'against' probability, the larger of the two reading orders."""
    from consistency.compare.stance import LABELS, load_stance_model

    if not pairs.a:
        return np.zeros(0)
    model = load_stance_model()
    col = LABELS.index("against")
    ta, tb = [c.text for c in pairs.a], [c.text for c in pairs.b]
    # Each text is read against the others given for the same claim, so the pairs go in one at a time.
    p1 = np.array([model.predict_proba([x], [y])[0, col] for x, y in zip(ta, tb)])
    p2 = np.array([model.predict_proba([y], [x])[0, col] for x, y in zip(ta, tb)])
    return np.maximum(p1, p2)


MODEL: dict[str, object] = {}  # the contradiction scorer in use: set by the caller from its --model


def nli_scores(pairs: StoryPairs) -> np.ndarray:
    """The contradiction scorer's probability on the claims' stored content vectors."""
    if not pairs.a:
        return np.zeros(0)
    return MODEL["nli"].proba(pairs.u, pairs.v, [c.content for c in pairs.a],
                                            [c.content for c in pairs.b])


def one_sided(pairs: StoryPairs) -> np.ndarray:
    """1 where exactly one side negates or denies (a negation word or a denial verb), else 0."""
    from consistency.compare.polarity import _polarity_words

    return np.array([float((_polarity_words(a.text)[0] > 0) != (_polarity_words(b.text)[0] > 0))
                     for a, b in zip(pairs.a, pairs.b)])


def nli_one_sided_scores(pairs: StoryPairs) -> np.ndarray:
    """The contradiction scorer's probability, kept only where one side alone negates or denies."""
    return nli_scores(pairs) * one_sided(pairs) if pairs.a else np.zeros(0)


def denial_candidates(claims: Sequence[Claim]) -> None:
    """Keep the one-sided denial candidates of these claims (``bench/denials.py``) for ``nli_denial_scores``."""
    from bench.denials import candidates

    MODEL["denials"] = {frozenset((c.negating.id, c.asserting.id)) for c in candidates(claims)}


def nli_denial_scores(pairs: StoryPairs) -> np.ndarray:
    """The contradiction scorer's probability, kept only on pairs lined up by what the denial denies
    (``denial_candidates`` must have been called with the claims)."""
    if not pairs.a:
        return np.zeros(0)
    keep = MODEL["denials"]
    on = np.array([float(frozenset((a.id, b.id)) in keep) for a, b in zip(pairs.a, pairs.b)])
    return nli_scores(pairs) * on


def both_orders(predict: Callable[[list[tuple[str, str]]], np.ndarray], first: Sequence[str],
                second: Sequence[str], keep: np.ndarray | None = None) -> np.ndarray:
    """The larger of ``predict``'s scores for (first, second) and (second, first), pair by pair; pairs
    where ``keep`` is 0 are not read and score 0. Each distinct ordered pair of texts is read once."""
    out = np.zeros(len(first))
    on = [k for k in range(len(first)) if keep is None or keep[k]]
    if not on:
        return out
    asked = sorted({p for k in on for p in ((first[k], second[k]), (second[k], first[k]))})
    got = dict(zip(asked, np.asarray(predict(asked), dtype=float)))
    for k in on:
        out[k] = max(got[(first[k], second[k])], got[(second[k], first[k])])
    return out


def load_cross(path: str) -> Callable[[list[tuple[str, str]]], np.ndarray]:
    """A contradiction probability reader of (first, second) text pairs from a cross-encoder folder
    (``scripts/train_cross_nli.py --out``), on one CPU thread, shortest pairs batched together."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from bench.nli import pair_probabilities

    torch.set_num_threads(1)
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path).eval()
    col = model.config.label2id["contradiction"]

    def predict(pairs: list[tuple[str, str]]) -> np.ndarray:
        order = sorted(range(len(pairs)), key=lambda k: len(pairs[k][0]) + len(pairs[k][1]))
        out = np.zeros(len(pairs))
        if order:
            out[order] = pair_probabilities(model, tok, [pairs[k] for k in order])[:, col]
        return out

    return predict


def cross_scores(pairs: StoryPairs, keep: np.ndarray | None = None) -> np.ndarray:
    """The cross-encoder's contradiction probability on the two claims' sentences read together,
    the larger of the two reading orders (``MODEL["cross"]`` set by the caller)."""
    if not pairs.a:
        return np.zeros(0)
    return both_orders(MODEL["cross"], [c.text for c in pairs.a], [c.text for c in pairs.b], keep)


def cross_one_sided_scores(pairs: StoryPairs) -> np.ndarray:
    """The cross-encoder's probability, read only where one side alone negates or denies."""
    return cross_scores(pairs, one_sided(pairs)) if pairs.a else np.zeros(0)


def cross_denial_scores(pairs: StoryPairs) -> np.ndarray:
    """The cross-encoder's probability, read only on the one-sided denial candidates (``denial_candidates``)."""
    if not pairs.a:
        return np.zeros(0)
    keep = MODEL["denials"]
    on = np.array([float(frozenset((a.id, b.id)) in keep) for a, b in zip(pairs.a, pairs.b)])
    return cross_scores(pairs, on)


SCORERS: dict[str, Callable[[StoryPairs], np.ndarray]] = {
    "rule": rule_scores, "stance": stance_scores, "nli": nli_scores, "nli-one-sided": nli_one_sided_scores,
    "nli-denial": nli_denial_scores, "cross": cross_scores, "cross-one-sided": cross_one_sided_scores,
    "cross-denial": cross_denial_scores}
