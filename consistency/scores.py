"""Similarity scores that decide something: taken in float64 and rounded to a fixed number of decimals.

A float32 matrix product's last bits depend on how BLAS splits it (one thread or several, a
matrix-matrix or a matrix-vector kernel): two copies of one sentence can score 1.0000001 and
1.0000002 against a third. Where a score meets a bar, is sorted, or picks the best of equals, that
noise would pick the flag: a night run with one BLAS thread (as a Ray worker runs) and one with
the default threads would disagree. Products of float32 numbers are exact in float64 and their
sums differ by about 1e-16 whatever the split, so rounding the float64 result to ``DECIMALS``
leaves one value for every split, and equal sentences tie exactly (the tie is then broken by a
stable key, not by the noise).
"""

from __future__ import annotations

import numpy as np

DECIMALS = 6  # far below any bar's resolution, far above float64's summing noise


def settled(scores: np.ndarray | float) -> np.ndarray:
    """``scores`` rounded to the decimals every decision reads, as float64."""
    return np.round(np.asarray(scores, dtype=np.float64), DECIMALS)


def cosines(queries: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Inner products of each query with each vector (rows of ``vectors``), settled: shape
    (len(queries), len(vectors)) for 2-D queries, (len(vectors),) for one query vector."""
    q = np.asarray(queries, dtype=np.float64)
    v = np.asarray(vectors, dtype=np.float64)
    return settled(q @ v.T)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """One settled inner product."""
    return float(settled(np.dot(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))))
