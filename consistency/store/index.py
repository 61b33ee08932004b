"""The FAISS vector index over claim embeddings, keyed by the claims' integer row ids.

Exact inner-product search (Flat) while the index is small; past ``flat_limit`` vectors the
index turns itself into an inverted-file index (IVF, nlist about 4*sqrt(n)), which keeps
single-query latency in milliseconds at a million vectors. Ids never change across the switch.
"""

from __future__ import annotations

import logging
import math
import os
from contextlib import contextmanager
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

FLAT_LIMIT = 200_000
COMPRESS_LIMIT = 2_000_000  # past this many vectors a store compresses its index (see compressed.py)


def vectors_file(index_path: Path) -> Path:
    """Where a compressed index keeps the float16 vectors it re-ranks with."""
    return Path(str(index_path) + ".f16")


@contextmanager
def _threads_for(nq: int):
    """Search a handful of queries on one thread: OpenMP start-up costs more than it saves."""
    import faiss

    if nq >= 16:
        yield
        return
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def ivf_params(n: int) -> tuple[int, int]:
    """(nlist, starting nprobe) for ``n`` vectors: about 4*sqrt(n) lists, probing 1 in 32 at first."""
    nlist = max(16, int(4 * math.sqrt(max(n, 1))))
    return nlist, max(8, min(nlist, nlist // 32))


class VectorIndex:
    """Inner-product search over L2-normalised vectors, with stable int64 ids."""

    def __init__(self, dim: int, index=None, *, flat_limit: int = FLAT_LIMIT) -> None:
        import faiss

        self.dim = dim
        self.flat_limit = flat_limit
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    @property
    def type_name(self) -> str:
        """"flat" or "ivf": the structure that currently answers searches."""
        import faiss

        return "ivf" if isinstance(faiss.downcast_index(self.index.index), faiss.IndexIVF) else "flat"

    def add(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        """Add vectors under the given ids (ids already present must not be added again)."""
        if len(ids) == 0:
            return
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        ids = np.asarray(ids, dtype=np.int64)
        if self.type_name == "flat" and len(self) + len(ids) > self.flat_limit:
            old_ids, old_vecs = self._flat_contents()
            self._to_ivf(np.concatenate([old_ids, ids]), np.vstack([old_vecs, vecs]))
            return
        self.index.add_with_ids(vecs, ids)

    def _flat_contents(self) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        inner = faiss.downcast_index(self.index.index)
        vecs = faiss.vector_to_array(inner.codes).view(np.float32).reshape(-1, self.dim)
        return self.ids(), vecs

    def _to_ivf(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        import faiss

        nlist, nprobe = ivf_params(len(vecs))
        nlist = min(nlist, max(1, len(vecs) // 39))
        quantizer = faiss.IndexFlatIP(self.dim)
        inner = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = vecs if len(vecs) <= 40 * nlist else vecs[rng.choice(len(vecs), 40 * nlist, replace=False)]
        inner.cp.niter = 10  # coarse centroids need not converge; recall is restored by tuning nprobe
        inner.train(sample)
        index = faiss.IndexIDMap2(inner)
        index.add_with_ids(vecs, ids)
        inner.nprobe = self._tune_nprobe(inner, vecs, start=max(1, min(nlist, nprobe)))
        self.index = index
        self._quantizer = quantizer  # the IVF index does not own it
        logger.info("switched to an IVF index: %d vectors, nlist %d, nprobe %d", len(vecs), nlist, inner.nprobe)

    @staticmethod
    def _tune_nprobe(inner, vecs: np.ndarray, start: int, target: float = 0.95) -> int:
        """The smallest nprobe (doubling from ``start``) whose recall@10 on sample queries meets ``target``."""
        rng = np.random.default_rng(1)
        picks = rng.choice(len(vecs), min(200, len(vecs)), replace=False)
        queries = vecs[picks] + 0.05 * rng.normal(size=(len(picks), vecs.shape[1])).astype(np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        k = min(10, len(vecs))
        exact = np.argpartition(-(queries @ vecs.T), k - 1, axis=1)[:, :k]
        nprobe = start
        while True:
            inner.nprobe = nprobe
            _, found = inner.search(queries, k)
            recall = np.mean([len(set(f) & set(e)) / k for f, e in zip(found, exact)])
            if recall >= target or nprobe >= inner.nlist:
                logger.info("IVF nprobe %d gives recall@10 %.3f on sample queries", nprobe, recall)
                return nprobe
            nprobe = min(inner.nlist, nprobe * 2)

    def search(self, vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query row; missing neighbours have id -1."""
        if len(self) == 0:
            n = len(vecs)
            return np.zeros((n, 1), np.float32), -np.ones((n, 1), np.int64)
        k = max(1, min(k, len(self)))
        with _threads_for(len(vecs)):
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
        try:
            faiss.write_index(self.index, str(tmp))
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except (RuntimeError, OSError) as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise
            from ..errors import StoreError

            raise StoreError(f"{path}: cannot write the index (the disk is full or failing); free disk space and "
                             "rerun: the database is intact and the index is rebuilt from it") from exc

    @classmethod
    def load(cls, path: Path, dim: int) -> "VectorIndex":
        """Read an index file, or start an empty one when there is none."""
        import faiss

        from .compressed import CompressedIndex, is_compressed

        path = Path(path)
        if not path.exists():
            return cls(dim)
        index = faiss.read_index(str(path))
        if is_compressed(index):
            return CompressedIndex(index, vectors_file(path))  # type: ignore[return-value]
        return cls(index.d, index)
