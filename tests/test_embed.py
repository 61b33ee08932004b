"""Embedders: the hashing fake and the packaged sentence encoder."""

from __future__ import annotations

import numpy as np
import pytest


def test_embed_hashing_is_normalised_and_deterministic():
    from consistency.embed import get_embedder

    e = get_embedder("hashing")
    a = e.embed(["the talks failed", "the talks failed", ""])
    assert a.shape == (3, 384) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a[:2], axis=1), 1.0)
    assert np.array_equal(a[0], a[1]) and not a[2].any()


@pytest.mark.slow
def test_embed_minilm_is_normalised_and_orders_by_meaning():
    from consistency.embed import get_embedder

    e = get_embedder("minilm")
    a = e.embed(["The talks failed after two days.", "Negotiations collapsed after two days.", "Cats sleep a lot."])
    assert a.shape == (3, 384) and a.dtype == np.float32 and a.flags["C_CONTIGUOUS"]
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert a[0] @ a[1] > a[0] @ a[2]
    assert e.embed([]).shape == (0, 384)
