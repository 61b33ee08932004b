"""The compressed index: ids kept, recall against exact search, and a store that compresses past its limit."""

from datetime import datetime, timezone

import numpy as np
import pytest

from consistency.records import Article, Claim
from consistency.store import index as vector_index
from consistency.store.compressed import CompressedIndex, build, nlist_for
from consistency.store.database import Store


def _vectors(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    """Near-copies around a few hundred claims, as claim embeddings bunch up."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(300, dim)).astype(np.float32)
    v = centres[rng.integers(300, size=n)] + 0.35 * rng.normal(size=(n, dim)).astype(np.float32)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_compressed_nlist_is_bounded_by_the_training_sample():
    assert nlist_for(10_000_000, 256_000) == 4096
    assert nlist_for(1_000_000, 256_000) == 2048
    assert nlist_for(3_000, 3_000) == 64


@pytest.mark.slow  # trains IVF-PQ codebooks: seconds of CPU each
def test_compressed_recall_at_10_against_exact_and_ids_kept(tmp_path):
    vecs = _vectors(12_000)
    ids = np.arange(12_000, dtype=np.int64) * 3 + 5
    index = build(((ids[i:i + 4000], vecs[i:i + 4000]) for i in range(0, 12_000, 4000)), vecs[:6000], 12_000,
                  tmp_path / "v.f16")
    assert np.array_equal(index.ids(), ids)
    rng = np.random.default_rng(9)
    queries = vecs[rng.choice(12_000, 100, replace=False)] + 0.05 * rng.normal(size=(100, 384)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    exact = ids[np.argsort(-(queries @ vecs.T), axis=1)[:, :10]]
    _, found = index.search(queries, 10)
    recall = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact)])
    assert recall >= 0.9
    index.save(tmp_path / "i.faiss")
    again = CompressedIndex.load(tmp_path / "i.faiss", tmp_path / "v.f16")
    assert np.array_equal(again.ids(), ids)


@pytest.mark.slow  # trains IVF-PQ codebooks: seconds of CPU each
def test_compressed_store_compresses_past_the_limit_and_reopens(tmp_path, monkeypatch):
    monkeypatch.setattr(vector_index, "COMPRESS_LIMIT", 2000)
    vecs = _vectors(3000, seed=1)
    day = datetime(2026, 3, 1, tzinfo=timezone.utc)
    articles = [Article(id=f"a{i}", outlet=f"o{i % 7}", url=f"https://o.example/{i}", title="t", published=day,
                        text=f"text {i}") for i in range(300)]
    claims = [Claim(id=f"a{i // 10}#{i % 10}", article_id=f"a{i // 10}", outlet=f"o{(i // 10) % 7}", published=day,
                    text=f"claim number {i}", start=0, end=5, content=f"claim number {i}") for i in range(3000)]
    with Store(tmp_path / "s", model="hashing") as store:
        rowids = []
        for part in (slice(0, 1500), slice(1500, 3000)):
            with store.transaction():
                if part.start == 0:
                    store.insert_articles(articles, [a.url for a in articles], None)
                rows = store.insert_claims(claims[part])
                store.put_vectors({c.content_hash: v for c, v in zip(claims[part], vecs[part])})
            rowids += rows
            if part.start == 0:
                assert store.index.type_name != "ivfpq"  # the first 1500, read from the database
            else:
                store.add_to_index(rows, vecs[part])
        assert store.index.type_name == "ivfpq"
        store.save_index()
        _, found = store.index.search(vecs[:20], 1)
        assert (found[:, 0] == np.asarray(rowids[:20])).mean() >= 0.9
    with Store(tmp_path / "s", model="hashing") as store:
        assert store.index.type_name == "ivfpq"
        assert store.sync_index() == 0
        assert np.array_equal(store.index.ids(), np.asarray(rowids))
