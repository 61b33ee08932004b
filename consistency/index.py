"""The FAISS vector index over claim embeddings, keyed by the claims' integer row ids."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)


class VectorIndex:
    """Inner-product search over L2-normalised vectors, with stable int64 ids."""

    def __init__(self, dim: int, index=None) -> None:
        import faiss

        self.dim = dim
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        """Add vectors under the given ids (ids already present must not be added again)."""
        if len(ids) == 0:
            return
        self.index.add_with_ids(
            np.ascontiguousarray(vecs, dtype=np.float32), np.asarray(ids, dtype=np.int64)
        )

    def remove(self, ids: np.ndarray) -> None:
        """Drop the vectors held under these ids."""
        if len(ids):
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query row; missing neighbours have id -1."""
        k = max(1, min(k, len(self))) if len(self) else 1
        if len(self) == 0:
            n = len(vecs)
            return np.zeros((n, 1), np.float32), -np.ones((n, 1), np.int64)
        return self.index.search(np.ascontiguousarray(vecs, dtype=np.float32), k)

    def ids(self) -> np.ndarray:
        """All ids held by the index."""
        import faiss

        return faiss.vector_to_array(self.index.id_map).astype(np.int64)

    def save(self, path: Path) -> None:
        """Write atomically: a crash leaves either the old file or the new one."""
        import faiss

        path = Path(path)
        tmp = path.with_suffix(path.suffix + ".tmp")
        faiss.write_index(self.index, str(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, dim: int) -> "VectorIndex":
        """Read an index file, or start an empty one when there is none."""
        import faiss

        path = Path(path)
        if not path.exists():
            return cls(dim)
        index = faiss.read_index(str(path))
        return cls(index.d, index)
