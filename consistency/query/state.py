"""The hybrid retriever's state kept in the store, so a cold query loads it instead of rebuilding it.

``search.npz`` beside ``claims.faiss`` holds the BM25 postings, the claim texts, titles, dates and
vectors, and the title vectors. Ingest brings it level with the claims; a query finding it behind
adds only the claims it lacks (or rebuilds it when claims were removed) and, when the store is
writable, saves the result for the next process.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

from ..store.database import Store
from .hybrid import ArrayIndex, HybridRetriever

logger = logging.getLogger(__name__)

STATE_NAME = "search.npz"


def _fields(rows: list[tuple[int, str, str, str]]) -> tuple[list[int], list[str], list[dict]]:
    ids = [r[0] for r in rows]
    return ids, [r[1] for r in rows], [{"title": r[2], "date": r[3][:10]} for r in rows]


def load_state(path: Path) -> dict[str, np.ndarray] | None:
    """The saved arrays, or None when there are none or they cannot be read."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {k: npz[k] for k in npz.files}
    except (OSError, ValueError, KeyError) as exc:
        logger.warning("%s: unreadable search state (%s); rebuilding it", path, exc)
        return None


def save_state(path: Path, retriever: HybridRetriever) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        np.savez(fh, **retriever.state())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def retriever_for(store: Store, embedder, *, save: bool | None = None,
                  in_memory: bool = False) -> tuple[HybridRetriever, bool]:
    """A retriever over exactly the stored claims, searching the store's index (with ``in_memory``,
    the state's own vectors, without loading FAISS); True when state changed.

    Saved state is reused when its claims are a prefix of the stored ones (the usual case after
    an ingest appends); the rest are added. ``save`` defaults to: when something changed and the
    store is writable.
    """
    path = store.path / STATE_NAME
    stored = store.claim_rowid_list()
    state = load_state(path)
    retriever = None
    index = ArrayIndex(embedder.dim) if in_memory else None
    if state is not None:
        held = state["row_ids"]
        if len(held) <= len(stored) and np.array_equal(stored[:len(held)], held):
            retriever = HybridRetriever.from_state(state, embedder, index=index if index is not None else store.index)
        else:
            logger.info("search state does not match the stored claims; rebuilding it")
    changed = False
    if retriever is None:
        retriever = HybridRetriever(embedder, index=index if index is not None else store.index)
        missing = stored
    else:
        missing = stored[len(retriever):]
    if len(missing):
        ids, texts, fields = _fields(store.retrieval_rows(missing.tolist()))
        retriever.add(ids, texts, vectors=store.claim_vectors(ids), fields=fields)
        changed = True
        logger.info("search state: %d claims added", len(ids))
    if save is None:
        save = changed and os.access(store.path, os.W_OK)
    if save:
        try:
            save_state(path, retriever)
        except OSError as exc:  # a read-only copy of a store still answers queries
            logger.warning("%s: cannot save the search state (%s)", path, exc)
    return retriever, changed
