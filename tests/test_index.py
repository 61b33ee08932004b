"""The vector index: exact search, stable ids, persistence, and approximate recall at scale."""

from __future__ import annotations

import numpy as np
import pytest

from consistency.store.index import VectorIndex, ivf_params


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def _clustered(n: int, dim: int, seed: int) -> np.ndarray:
    """Half uniform-random directions, half tight clusters, the way claim embeddings bunch up."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(200, dim))
    half = n // 2
    clustered = centres[rng.integers(0, 200, half)] + 0.35 * rng.normal(size=(half, dim))
    return _unit(np.vstack([rng.normal(size=(n - half, dim)), clustered]))


def _recall_at_10(approx_ids: np.ndarray, exact_ids: np.ndarray) -> float:
    hits = sum(len(set(a) & set(e)) for a, e in zip(approx_ids, exact_ids))
    return hits / exact_ids.size


def test_index_flat_search_is_exact_and_ids_stable(tmp_path):
    vecs = _clustered(500, 32, seed=1)
    ids = np.arange(1000, 1500, dtype=np.int64)
    index = VectorIndex(32)
    index.add(ids[:300], vecs[:300])
    index.add(ids[300:], vecs[300:])
    scores, found = index.search(vecs[:5], 3)
    assert index.type_name == "flat"
    assert list(found[:, 0]) == list(ids[:5])
    np.testing.assert_allclose(scores[:, 0], 1.0, atol=1e-5)
    index.save(tmp_path / "v.faiss")
    again = VectorIndex.load(tmp_path / "v.faiss", 32)
    assert len(again) == 500
    assert sorted(again.ids()) == list(ids)


def test_index_empty_search_returns_no_ids():
    scores, found = VectorIndex(8).search(np.ones((2, 8), np.float32), 5)
    assert found.shape == (2, 1) and (found == -1).all()


def test_index_ivf_params_grow_with_size():
    assert ivf_params(1_000_000)[0] == 4000
    assert ivf_params(10_000)[0] < ivf_params(1_000_000)[0]


def test_index_auto_switches_to_ivf_past_limit_and_keeps_ids():
    vecs = _clustered(3000, 32, seed=2)
    ids = np.arange(3000, dtype=np.int64) * 7
    index = VectorIndex(32, flat_limit=1000)
    index.add(ids[:800], vecs[:800])
    assert index.type_name == "flat"
    index.add(ids[800:], vecs[800:])
    assert index.type_name == "ivf"
    assert sorted(index.ids()) == sorted(ids)
    _, found = index.search(vecs[2500:2510], 1)
    assert list(found[:, 0]) == list(ids[2500:2510])


@pytest.mark.slow  # 20k vectors
def test_index_ivf_recall_at_10_against_brute_force():
    n, dim = 20_000, 64
    vecs = _clustered(n, dim, seed=3)
    queries = _unit(vecs[np.random.default_rng(4).choice(n, 200, replace=False)]
                    + 0.1 * np.random.default_rng(5).normal(size=(200, dim)))
    exact_ids = np.argsort(-(queries @ vecs.T), axis=1, kind="stable")[:, :10]
    approx = VectorIndex(dim, flat_limit=n // 4)
    approx.add(np.arange(n // 2), vecs[: n // 2])
    approx.add(np.arange(n // 2, n), vecs[n // 2:])
    assert approx.type_name == "ivf"
    _, approx_ids = approx.search(queries, 10)
    assert _recall_at_10(approx_ids, exact_ids) >= 0.9
