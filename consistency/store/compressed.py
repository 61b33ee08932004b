"""A compressed claim index for tens of millions of claims: IVF-PQ codes, re-ranked exactly.

Each claim costs 48 bytes of product-quantised code (and its 8-byte id) in memory instead of
4 x 384 bytes of float vector. The codes find ``rerank`` times more candidates than asked for;
those are re-scored against the claims' vectors, kept in float16 in a file beside the index
and read row by row, so only the rows a query needs are ever read. The coarse quantiser is
trained on a sample, vectors are added in shards, and a reader maps the index file from disk.
"""

from __future__ import annotations

import logging
import math
import os
from pathlib import Path

import numpy as np

from .index import FLAT_LIMIT

logger = logging.getLogger(__name__)

PQ_BYTES = 48  # sub-quantisers of 8 dimensions each for 384-dimensional vectors
RERANK = 50  # candidates per wanted neighbour: near-copies of one claim differ by less than the code error
TRAIN_PER_LIST = 39  # faiss wants at least this many training points per inverted list


def nlist_for(n_expected: int, n_train: int) -> int:
    """Inverted lists for ``n_expected`` vectors trained on ``n_train``: about 4*sqrt(n), a power
    of two, and never more than the sample can train."""
    want = 4 * math.sqrt(max(n_expected, 1))
    cap = max(16, n_train // TRAIN_PER_LIST)
    return 2 ** int(math.log2(max(16, min(want, cap))))


class CompressedIndex:
    """IVF-PQ search over L2-normalised vectors with exact float16 re-ranking from disk."""

    type_name = "ivfpq"
    flat_limit = FLAT_LIMIT  # a store that rebuilds its index from scratch starts from a flat one again

    def __init__(self, index, vectors_path: Path, *, rerank: int = RERANK) -> None:
        self.index = index
        self.dim = int(index.d)
        self.vectors_path = Path(vectors_path)
        self.rerank = rerank
        self._fd: int | None = None

    @classmethod
    def train(cls, sample: np.ndarray, n_expected: int, vectors_path: Path, *, pq_bytes: int = PQ_BYTES
              ) -> "CompressedIndex":
        """An empty index whose coarse lists and codebooks are learnt from ``sample``."""
        import faiss

        sample = np.ascontiguousarray(sample, dtype=np.float32)
        dim = sample.shape[1]
        nlist = nlist_for(n_expected, len(sample))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFPQ(quantizer, dim, nlist, pq_bytes, 8, faiss.METRIC_INNER_PRODUCT)
        index.cp.niter = 10  # coarse centroids need not converge; nprobe restores recall
        index.train(sample)
        index.own_fields = True
        quantizer.this.disown()
        index.nprobe = max(1, nlist // 64)
        Path(vectors_path).unlink(missing_ok=True)
        logger.info("trained an IVF-PQ index: %d lists, %d-byte codes, on %d vectors", nlist, pq_bytes, len(sample))
        return cls(index, vectors_path)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    @property
    def nprobe(self) -> int:
        return int(self.index.nprobe)

    @nprobe.setter
    def nprobe(self, value: int) -> None:
        self.index.nprobe = int(max(1, min(value, self.index.nlist)))

    def add(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        """Add one shard: the codes to the index, the float16 vectors to the file at their ids' rows."""
        ids = np.asarray(ids, dtype=np.int64)
        if len(ids) == 0:
            return
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        self._write_vectors(ids, vecs.astype(np.float16))
        self.index.add_with_ids(vecs, ids)

    def _write_vectors(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        row = self.dim * 2
        self.vectors_path.touch()
        with open(self.vectors_path, "r+b") as fh:  # not append mode: rows are written at their ids' offsets
            order = np.argsort(ids, kind="stable")
            ids, vecs = ids[order], vecs[order]
            breaks = np.flatnonzero(np.diff(ids) != 1) + 1
            for run_ids, run_vecs in zip(np.split(ids, breaks), np.split(vecs, breaks)):
                fh.seek(int(run_ids[0]) * row)
                fh.write(run_vecs.tobytes())
            fh.flush()
            os.fsync(fh.fileno())  # vectors are on disk before any index file names their ids

    def _read_rows(self, ids: np.ndarray) -> np.ndarray:
        """The stored float16 vectors of these ids, read row by row: a memory map would count
        every page read ahead around a row as this process's memory."""
        if self._fd is None:
            self._fd = os.open(self.vectors_path, os.O_RDONLY)
        row = self.dim * 2
        buf = b"".join(os.pread(self._fd, row, int(i) * row) for i in ids)
        return np.frombuffer(buf, dtype=np.float16).reshape(len(ids), self.dim)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def search(self, vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query: codes pick candidates, stored vectors order them."""
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        n = len(vecs)
        if len(self) == 0:
            return np.zeros((n, 1), np.float32), -np.ones((n, 1), np.int64)
        k = max(1, min(k, len(self)))
        _, cand = self.index.search(vecs, k * self.rerank)
        scores = np.full((n, k), -np.inf, dtype=np.float32)
        ids = -np.ones((n, k), dtype=np.int64)
        for q in range(n):
            found = np.unique(cand[q][cand[q] >= 0])
            exact = self._read_rows(found).astype(np.float32) @ vecs[q]
            top = np.argsort(-exact, kind="stable")[:k]
            scores[q, :len(top)], ids[q, :len(top)] = exact[top], found[top]
        return scores, ids

    def tune(self, queries: np.ndarray, exact_ids: np.ndarray, target: float = 0.95) -> float:
        """Set the smallest nprobe (doubling), then re-ranking depth, whose recall@k against
        ``exact_ids`` meets ``target``; returns the recall reached."""
        k = exact_ids.shape[1]
        while True:
            _, found = self.search(queries, k)
            recall = float(np.mean([len(set(f) & set(e)) / k for f, e in zip(found, exact_ids)]))
            if recall >= target or (self.nprobe >= self.index.nlist and self.rerank >= 1000):
                logger.info("IVF-PQ nprobe %d, re-ranking %d per hit: recall@%d %.3f on %d tuning queries",
                            self.nprobe, self.rerank, k, recall, len(queries))
                return recall
            if self.nprobe < min(self.index.nlist, 256):
                self.nprobe = self.nprobe * 2
            else:
                self.rerank *= 2

    def ids(self) -> np.ndarray:
        """All ids held by the index, ascending."""
        import faiss

        inv = self.index.invlists
        parts = [faiss.rev_swig_ptr(inv.get_ids(i), inv.list_size(i)).copy()
                 for i in range(self.index.nlist) if inv.list_size(i)]
        return np.sort(np.concatenate(parts).astype(np.int64)) if parts else np.zeros(0, np.int64)

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
    def load(cls, path: Path, vectors_path: Path, *, mmap: bool = True) -> "CompressedIndex":
        """Read an index file, its inverted lists mapped from disk rather than read into memory."""
        import faiss

        index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP if mmap else 0)
        return cls(index, vectors_path)


def build(shards, sample: np.ndarray, n_expected: int, vectors_path: Path, *, target: float = 0.95,
          seed: int = 0) -> CompressedIndex:
    """Train on ``sample``, add the ``(ids, vectors)`` shards, and tune nprobe and re-ranking depth
    so that recall@10 on queries near sampled vectors meets ``target`` against exact search
    (kept shard by shard as the vectors stream past)."""
    rng = np.random.default_rng(seed)
    picks = sample[rng.choice(len(sample), min(200, len(sample)), replace=False)]
    queries = picks + 0.05 * rng.standard_normal(picks.shape).astype(np.float32)
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    index = CompressedIndex.train(sample, n_expected, vectors_path)
    k = 10
    best_s = np.full((len(queries), k), -np.inf, np.float32)
    best_i = -np.ones((len(queries), k), np.int64)
    for ids, vecs in shards:
        ids = np.asarray(ids, dtype=np.int64)
        index.add(ids, vecs)
        scores = queries @ np.asarray(vecs, dtype=np.float32).T
        s = np.concatenate([best_s, scores], axis=1)
        i = np.concatenate([best_i, np.broadcast_to(ids, scores.shape)], axis=1)
        keep = np.argsort(-s, axis=1, kind="stable")[:, :k]
        best_s, best_i = np.take_along_axis(s, keep, 1), np.take_along_axis(i, keep, 1)
    index.tune(queries, best_i, target)
    return index


def is_compressed(index) -> bool:
    """Whether a faiss index read from disk is this module's IVF-PQ index."""
    import faiss

    return isinstance(index, faiss.IndexIVFPQ)
