"""How likely one statement contradicts another, read from their sentence vectors: an experiment.

A logistic regression over the pair's MiniLM vectors (u, v, |u - v|, u * v) and a few words-level
features (negations on one side only, shared words, cosine), trained on public natural-language
inference pairs by ``scripts/train_contradiction.py``. The vectors are the ones the store already
holds, so scoring a pair costs one dot product. Weights are written as JSON: no pickle, no network.
It stays out of the package: on real coverage it does not pay (bench/NOTES.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from consistency.compare.polarity import words_spelled_out
from consistency.errors import ModelError

_NEGATIONS = frozenset("not no never none nobody nothing neither nor without".split())
WORD_FEATURES = ("negation_one_side", "negation_difference", "shared_words", "cosine")


def word_features(x: str, y: str, cosine: float) -> list[float]:
    """Negation on one side only, how many negations more one side has, the share of words both say, the cosine."""
    wx, wy = words_spelled_out(x), words_spelled_out(y)
    nx, ny = sum(w in _NEGATIONS for w in wx), sum(w in _NEGATIONS for w in wy)
    sx, sy = set(wx) - _NEGATIONS, set(wy) - _NEGATIONS
    shared = len(sx & sy) / max(1, min(len(sx), len(sy)))
    return [float((nx > 0) != (ny > 0)), float(abs(nx - ny)), shared, cosine]


def pair_matrix(u: np.ndarray, v: np.ndarray, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
    """The feature rows of pairs: both vectors (order-free), their distance and product, and the word features."""
    u, v = np.asarray(u, dtype=np.float32), np.asarray(v, dtype=np.float32)
    cos = (u * v).sum(axis=1)
    words = np.array([word_features(a, b, float(c)) for a, b, c in zip(texts_a, texts_b, cos)], dtype=np.float32)
    return np.hstack([u + v, np.abs(u - v), u * v, words.reshape(len(u), len(WORD_FEATURES))])


@dataclass(frozen=True)
class ContradictionModel:
    """A trained contradiction scorer: P(contradiction) for a pair of statements."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def proba(self, u: np.ndarray, v: np.ndarray, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """P(contradiction) of each pair, given both sides' vectors and texts."""
        if len(u) == 0:
            return np.zeros(0)
        x = (pair_matrix(u, v, texts_a, texts_b) - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))

    def save(self, path: str | Path) -> None:
        """Write the model as JSON."""
        payload = {"features": list(WORD_FEATURES), "dim": (len(self.coef) - len(WORD_FEATURES)) // 3,
                   "mean": np.round(self.mean, 6).tolist(), "scale": np.round(self.scale, 6).tolist(),
                   "coef": np.round(self.coef, 6).tolist(), "intercept": float(self.intercept)}
        Path(path).write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "ContradictionModel":
        """Read a model written by ``save``."""
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        if payload.get("features") != list(WORD_FEATURES):
            raise ModelError(f"{path}: model features do not match this code; retrain it with "
                             "scripts/train_contradiction.py")
        return cls(mean=np.asarray(payload["mean"], dtype=np.float32), scale=np.asarray(payload["scale"], dtype=np.float32),
                   coef=np.asarray(payload["coef"], dtype=np.float32), intercept=float(payload["intercept"]))


def train_contradiction(u: np.ndarray, v: np.ndarray, texts_a: Sequence[str], texts_b: Sequence[str],
                        labels: Sequence[bool], c: float = 1.0) -> ContradictionModel:
    """Fit the scorer on labelled pairs (True: the second contradicts the first)."""
    from sklearn.linear_model import LogisticRegression

    x = pair_matrix(u, v, texts_a, texts_b)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit((x - mean) / scale, np.asarray(labels, dtype=bool))
    return ContradictionModel(mean=mean, scale=scale, coef=clf.coef_[0].astype(np.float32),
                              intercept=float(clf.intercept_[0]))
