"""Embed: sentence vectors from the packaged all-MiniLM-L6-v2 model, or a hashing fake for tests."""

from .embedders import (
    Embedder,
    HashingEmbedder,
    MiniLMEmbedder,
    QuickMiniLM,
    get_embedder,
)

__all__ = ["Embedder", "HashingEmbedder", "MiniLMEmbedder", "QuickMiniLM", "get_embedder"]
