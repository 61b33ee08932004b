"""Deciding scores do not depend on how BLAS splits a product: the same vectors give the same
scores, ties and neighbours with one thread or several, alone or in a batch."""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_limits

from consistency.align import top_k
from consistency.scores import DECIMALS, cosine, cosines, settled


def _unit(rng: np.random.Generator, n: int, dim: int = 384) -> np.ndarray:
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_scores_settled_noisy_copies_meet_a_bar_alike():
    # one cosine as two float32 sums could give it: a few ulps apart, on both sides of a bar
    bar = 0.84
    low, high = np.nextafter(np.float32(bar), np.float32(0)), np.nextafter(np.float32(bar), np.float32(1))
    assert low < bar <= high
    assert settled(low) == settled(high) == round(bar, DECIMALS)
    assert (settled(low) >= bar) == (settled(high) >= bar)


def test_scores_cosines_same_with_one_thread_and_default():
    vecs = _unit(np.random.default_rng(3), 1500)
    queries = vecs[:200]
    default = cosines(queries, vecs)
    with threadpool_limits(limits=1):
        one = cosines(queries, vecs)
    np.testing.assert_array_equal(default, one)


def test_scores_cosines_same_alone_and_in_a_batch():
    # float32 matrix-vector and matrix-matrix kernels sum in different orders
    vecs = _unit(np.random.default_rng(4), 800)
    batch = cosines(vecs[:50], vecs)
    alone = np.stack([cosines(q, vecs) for q in vecs[:50]])
    np.testing.assert_array_equal(batch, alone)
    assert cosine(vecs[7], vecs[9]) == batch[7, 9]


def test_scores_top_k_copies_tie_to_the_earlier_id():
    rng = np.random.default_rng(5)
    vecs = _unit(rng, 40)
    # a copy of row 3 whose float32 vector differs in its last bits, as a re-embedded copy may
    copy = vecs[3].copy()
    copy[0] = np.nextafter(copy[0], np.float32(2))
    vecs[20] = copy
    ids = np.arange(100, 140, dtype=np.int64)
    queries = vecs[[3, 20]]
    scores, found = top_k(ids, vecs, queries, 3)
    assert found[0, 0] == found[1, 0] == 103  # its own row and the copy score alike: the earlier id leads
    assert found[0, 1] == found[1, 1] == 120
    assert scores[0, 0] == scores[0, 1]


def test_scores_top_k_same_with_one_thread_and_default():
    rng = np.random.default_rng(6)
    vecs = _unit(rng, 1200)
    vecs[600:640] = vecs[:40]  # exact copies make ties that float noise would otherwise order
    ids = np.arange(len(vecs), dtype=np.int64)
    queries = vecs[::7]
    scores, found = top_k(ids, vecs, queries, 11)
    with threadpool_limits(limits=1):
        scores1, found1 = top_k(ids, vecs, queries, 11)
    np.testing.assert_array_equal(found, found1)
    np.testing.assert_array_equal(scores, scores1)


class _Vectors:
    """A store that only gives vectors by row id."""

    def __init__(self, vecs: dict[int, np.ndarray]) -> None:
        self.vecs = vecs

    def claim_vectors(self, rows):
        return np.stack([self.vecs[r] for r in rows])


def test_scores_index_neighbours_settled_and_ties_to_the_earlier_id():
    from consistency.align import Neighbours

    rng = np.random.default_rng(7)
    vecs = _unit(rng, 4)
    vecs[2] = vecs[1]  # rows 11 and 12 are copies: the index ranked the later one first by its noise
    store = _Vectors({10 + i: v for i, v in enumerate(vecs)})
    neighbours = Neighbours.__new__(Neighbours)
    neighbours.store = store
    queries = vecs[[0]]
    noisy = np.array([[1.0000001, 0.3, 0.2999999, -1.0]], np.float32)
    scores, ids = neighbours._settle(queries, noisy, np.array([[10, 12, 11, -1]], np.int64))
    assert ids[0, :3].tolist() == sorted([10, 11, 12], key=lambda r: (-cosine(vecs[0], vecs[r - 10]), r))
    assert scores[0, 1] == scores[0, 2] and ids[0, 1] == 11
    assert ids[0, 3] == -1 and scores[0, 3] == -np.inf
