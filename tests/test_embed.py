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


@pytest.mark.slow
def test_embed_torch_minilm_gives_the_sentence_transformers_vectors_without_importing_it():
    import subprocess
    import sys

    texts = ["The talks failed after two days.", "", "Negotiations in Talvi collapsed. " * 80, "Cats sleep a lot."]
    # a fresh process: whether it imported transformers is only telling there
    code = ("import json, sys; from consistency.embed.minilm import TorchMiniLM; "
            f"v = TorchMiniLM(batch_size=2).embed({texts!r}); "
            "print(json.dumps({'transformers': 'transformers' in sys.modules, 'v': v.tolist()}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import json

    from consistency.embed import get_embedder

    got = json.loads(out.strip().splitlines()[-1])
    assert not got["transformers"]
    want = get_embedder("minilm").embed(texts)
    np.testing.assert_allclose(np.array(got["v"], np.float32), want, atol=1e-5)
