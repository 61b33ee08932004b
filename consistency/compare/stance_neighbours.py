"""A vote of the nearest training pairs, read in embedding space, for the stance model's average.

Each pair is the direction from the claim's embedding to the text's (the text's vector minus the
claim's, unit length): what the text adds to or takes from its claim, whatever the claim is about.
A new pair takes the labels of the training pairs whose directions are closest. The hand-written
features read cue words; the direction also carries wording no lexicon lists.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..embed import Embedder
from ..scores import cosines


def pair_directions(claims: Sequence[str], texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Unit vectors from each claim's embedding to its text's (zero where the two are the same)."""
    distinct = list(dict.fromkeys(claims))  # one claim is usually given once per text: embed it once
    at = {c: i for i, c in enumerate(distinct)}
    u = np.asarray(embedder.embed(distinct), dtype=np.float64)[[at[c] for c in claims]]
    v = np.asarray(embedder.embed(list(texts)), dtype=np.float64)
    d = v - u
    norms = np.linalg.norm(d, axis=1, keepdims=True)
    return d / np.where(norms > 0, norms, 1.0)


@dataclass(frozen=True)
class NeighbourVote:
    """The label shares among the ``k`` training pairs nearest to each pair, one added to each label."""

    vectors: np.ndarray  # (n, dim) unit directions of the training pairs, float16
    labels: np.ndarray  # (n,) label index of each training pair
    k: int
    weight: float  # its share in the model's average
    embedder: str  # the name of the embedder the directions were read with

    @classmethod
    def fit(cls, directions: np.ndarray, labels: np.ndarray, k: int, weight: float, embedder: str) -> "NeighbourVote":
        """The vote over the given training directions and label indexes."""
        return cls(np.asarray(directions, dtype=np.float16), np.asarray(labels, dtype=np.int64), k, weight, embedder)

    def proba(self, directions: np.ndarray, n_labels: int) -> np.ndarray:
        """Smoothed label shares of shape (len(directions), n_labels)."""
        if not len(directions):
            return np.zeros((0, n_labels))
        k = min(self.k, len(self.labels))
        sims = cosines(directions, self.vectors)  # settled: the k nearest do not follow the thread split
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        counts = np.eye(n_labels)[self.labels][top].sum(axis=1)
        return (counts + 1.0) / (k + n_labels)

    def to_dict(self) -> dict:
        return {
            "k": self.k, "weight": self.weight, "embedder": self.embedder,
            "shape": list(self.vectors.shape), "labels": self.labels.tolist(),
            # float16 bytes: the directions hold their neighbours at half precision and take a quarter of the text
            "vectors": base64.b64encode(np.ascontiguousarray(self.vectors, dtype="<f2").tobytes()).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "NeighbourVote":
        vectors = np.frombuffer(base64.b64decode(d["vectors"]), dtype="<f2").reshape(d["shape"])
        return cls(vectors.astype(np.float16), np.asarray(d["labels"], dtype=np.int64), int(d["k"]),
                   float(d["weight"]), str(d["embedder"]))
