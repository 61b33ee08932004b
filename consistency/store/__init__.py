"""The embedded store: SQLite for articles, claims, vectors and flags, and the FAISS index beside it."""

from .database import Store

__all__ = ["Store"]
