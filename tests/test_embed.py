"""Embedders: the hashing fake and the reuse of vectors already computed by the encoder."""

from __future__ import annotations

import numpy as np
import pytest

slow = pytest.mark.slow


def test_embed_hashing_is_normalised_and_deterministic():
    from consistency.embed import get_embedder

    e = get_embedder("hashing")
    a = e.embed(["the talks failed", "the talks failed", ""])
    assert a.shape == (3, 384) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a[:2], axis=1), 1.0)
    assert np.array_equal(a[0], a[1]) and not a[2].any()


def test_embed_remember_keeps_only_the_newest(monkeypatch):
    from consistency import embed

    monkeypatch.setattr(embed, "_SEEN", type(embed._SEEN)())
    monkeypatch.setattr(embed, "MAX_SEEN", 2)
    for k in range(3):
        embed.remember((k,), np.full(3, k, dtype=np.float32))
    assert list(embed._SEEN) == [(1,), (2,)]
    embed.remember((1,), np.zeros(3, dtype=np.float32))
    assert list(embed._SEEN) == [(2,), (1,)]


@slow
def test_embed_reuses_sentences_the_tagger_encoded(monkeypatch):
    from consistency.embed import get_embedder
    from consistency.extract.attribution_context import context_states
    from consistency.nlp import load_nlp

    e = get_embedder("minilm")
    texts = ["The talks failed after two days.", "Prices will fall next year, the bank said."]
    fresh = e.embed(texts)
    context_states(load_nlp()(" ".join(texts)))

    def no_encoding(*args, **kwargs):
        raise AssertionError("the encoder ran again")

    monkeypatch.setattr(e.model, "encode", no_encoding)
    reused = e.embed(texts)
    assert np.allclose(reused, fresh, atol=1e-5)
    with pytest.raises(AssertionError):
        e.embed(["A sentence nobody encoded yet."])
