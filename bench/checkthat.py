"""Readers for CheckThat! claim-retrieval files, and a disk cache of embeddings keyed by content hash."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

logger = logging.getLogger(__name__)
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True, slots=True)
class VerifiedClaim:
    """One fact-checked claim with its optional title, subtitle and date."""

    id: str
    text: str
    fields: dict = field(default_factory=dict)


def read_claims(path: Path) -> list[VerifiedClaim]:
    """Verified claims from a TSV (vclaim_id, vclaim, title) or a JSONL file."""
    path = Path(path)
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    if first.lstrip().startswith("{"):
        out = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    fields = {k: row.get(k) or "" for k in ("title", "subtitle", "date", "author")}
                    out.append(VerifiedClaim(str(row["vclaim_id"]), row.get("vclaim") or "", fields))
        return out
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader)
        cols = {name.strip(): i for i, name in enumerate(header)}
        i_id = cols.get("vclaim_id", 0)
        i_text = cols.get("vclaim", 1)
        i_title = cols.get("title", 2 if len(header) > 2 else None)
        for row in reader:
            if not row:
                continue
            title = row[i_title] if i_title is not None and i_title < len(row) else ""
            out.append(VerifiedClaim(row[i_id], row[i_text], {"title": title}))
    return out


def read_queries(path: Path, keep: set[str] | None = None) -> list[tuple[str, str]]:
    """(query id, text) pairs from a TSV with or without a header line."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t")):
            if len(row) < 2:
                continue
            if n == 0 and row[1].strip().lower() in ("tweet_content", "text", "query", "iclaim"):
                continue
            if keep is None or row[0] in keep:
                out.append((row[0], row[1]))
    return out


def read_qrels(path: Path) -> dict[str, set[str]]:
    """TREC qrels ``qid 0 docid rel`` as query id -> relevant doc ids."""
    out: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 4 and parts[3] != "0":
                out.setdefault(parts[0], set()).add(parts[2])
    return out


def default_cache_dir() -> Path:
    """Where benchmark embeddings are cached: $CONSISTENCY_CACHE or the user's cache folder."""
    base = os.environ.get("CONSISTENCY_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "consistency"
    )
    return Path(base) / "embeddings"


class CachedEmbedder:
    """Wrap an embedder so each distinct text is encoded once, ever, and kept on disk."""

    def __init__(self, embedder, cache_dir: Path | None = None) -> None:
        self.inner = embedder
        self.name = embedder.name
        self.dim = embedder.dim
        self.dir = Path(cache_dir or default_cache_dir())
        self.dir.mkdir(parents=True, exist_ok=True)
        self.path = self.dir / f"{self.name.replace('/', '_')}.npz"
        self.keys: dict[str, int] = {}
        self.vecs = np.zeros((0, self.dim), np.float32)
        if self.path.exists():
            data = np.load(self.path)
            self.vecs = data["vecs"]
            self.keys = {k: i for i, k in enumerate(data["keys"].tolist())}

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self.keys}.items())
        if missing:
            logger.info("encoding %d new texts", len(missing))
        for start in range(0, len(missing), 2000):
            chunk = missing[start : start + 2000]
            new = self.inner.embed([t for _, t in chunk])
            base = len(self.vecs)
            self.vecs = np.vstack([self.vecs, new]).astype(np.float32)
            for j, (k, _) in enumerate(chunk):
                self.keys[k] = base + j
            self._save()
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return self.vecs[[self.keys[k] for k in keys]]

    def _save(self) -> None:
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, vecs=self.vecs, keys=np.array(list(self.keys), dtype="U40"))
        os.replace(tmp, self.path)


def average_precision(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    """AP@k as trec_eval's map_cut (the CheckThat! scorer): hits' precision summed, over #relevant."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:k]):
        if doc in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / len(relevant)


def evaluate(runs: dict[str, list[str]], qrels: dict[str, set[str]]) -> dict[str, float]:
    """MAP@1/3/5, MRR and P@1 of ranked doc ids per query, over the queries that have qrels."""
    qids = [q for q in qrels if q in runs]
    out: dict[str, float] = {}
    for k in (1, 3, 5):
        out[f"map@{k}"] = float(np.mean([average_precision(runs[q], qrels[q], k) for q in qids]))
    rr = []
    for q in qids:
        rank = next((i for i, d in enumerate(runs[q]) if d in qrels[q]), None)
        rr.append(0.0 if rank is None else 1.0 / (rank + 1))
    out["mrr"] = float(np.mean(rr))
    out["p@1"] = float(np.mean([1.0 if runs[q][:1] and runs[q][0] in qrels[q] else 0.0 for q in qids]))
    out["n_queries"] = len(qids)
    return out


def index_claims(retriever, claims: Sequence[VerifiedClaim]) -> list[str]:
    """Add verified claims to a HybridRetriever under their positions; returns position -> claim id."""
    retriever.add(list(range(len(claims))), [c.text for c in claims], fields=[c.fields for c in claims])
    return [c.id for c in claims]
