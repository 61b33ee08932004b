"""The store repairs its FAISS index from SQLite, and says so in one line when SQLite itself is damaged."""

import os
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import pytest

from consistency.errors import StoreError
from consistency.records import Article, Claim
from consistency.report.files import neutralise_formulas
from consistency.store.database import INDEX_NAME, Store
from consistency.store.index import VectorIndex

DIM = 8
WHEN = datetime(2026, 3, 10, tzinfo=timezone.utc)


def _filled(path, n: int = 12) -> Store:
    """A store of n claims whose vectors tie in pairs (claims 2k and 2k+1 share one vector)."""
    store = Store(path, dim=DIM, model="test")
    rng = np.random.default_rng(0)
    base = rng.normal(size=(n // 2, DIM)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    articles = [Article(id=f"a{i}", outlet=f"O{i % 3}", url=f"https://o.example/{i}", title="T", published=WHEN,
                        text=f"Text {i}.") for i in range(n)]
    claims = [Claim(id=f"a{i}#0", article_id=f"a{i}", outlet=f"O{i % 3}", published=WHEN, text=f"Claim {i // 2}.",
                    start=0, end=8, content=f"Claim {i // 2}") for i in range(n)]
    with store.transaction():
        store.put_vectors({c.content_hash: base[i // 2] for i, c in enumerate(claims)})
        store.insert_articles(articles, [a.url for a in articles], None)
        store.insert_claims(claims)
    store.sync_index()
    return store


def _answers(store: Store) -> list[list[int]]:
    rows = [int(r[0]) for r in store.db.execute("SELECT rowid FROM claims ORDER BY rowid")]
    _, ids = store.index.search(store.claim_vectors(rows), 4)
    return ids.tolist()


@pytest.mark.parametrize("damage", ["missing", "truncated", "garbage", "foreign ids", "reversed order", "other dim"])
def test_store_repair_rebuilds_the_index_and_answers_as_a_fresh_one(tmp_path, damage):
    store = _filled(tmp_path / "s")
    fresh = _answers(store)
    held = store.index.ids()
    store.close()
    path = tmp_path / "s" / INDEX_NAME
    if damage == "missing":
        path.unlink()
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "garbage":
        path.write_bytes(os.urandom(5000))
    elif damage == "foreign ids":
        vi = VectorIndex.load(path, DIM)
        vi.add(np.array([999], np.int64), np.ones((1, DIM), np.float32) / np.sqrt(DIM))
        vi.save(path)
    elif damage == "reversed order":
        vi = VectorIndex(DIM)
        with Store(tmp_path / "s", dim=DIM, model="test") as st:
            vi.add(held[::-1], st.claim_vectors(held[::-1].tolist()))
        vi.save(path)
    elif damage == "other dim":
        VectorIndex(DIM * 2).save(path)
    with Store(tmp_path / "s", dim=DIM, model="test") as again:
        assert again.counts()["indexed"] == 12
        assert again.index.ids().tolist() == held.tolist()
        assert _answers(again) == fresh
    assert VectorIndex.load(path, DIM).ids().tolist() == held.tolist()  # and the repaired file was saved


def test_store_repair_readonly_store_repairs_in_memory_only(tmp_path):
    _filled(tmp_path / "s").close()
    path = tmp_path / "s" / INDEX_NAME
    path.write_bytes(b"\x00" * 50)
    with Store(tmp_path / "s", dim=DIM, model="test", readonly=True) as ro:
        assert len(ro.index) == 12
    assert path.read_bytes() == b"\x00" * 50


def test_store_repair_damaged_database_is_one_line_not_a_count(tmp_path):
    _filled(tmp_path / "s", n=400).close()
    db = tmp_path / "s" / "consistency.sqlite"
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(os.urandom(16384))
    with pytest.raises(StoreError) as err:
        with Store(tmp_path / "s", dim=DIM, model="test") as store:
            store.counts()
    assert "database is damaged" in str(err.value) and "\n" not in str(err.value)


def test_store_repair_csv_cells_cannot_start_a_formula():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "-2 killed", "@SUM(A1)", "\tx", "plain", None],
                          "n": [1, 2, 3, 4, 5, 6, 7]})
    out = neutralise_formulas(frame)
    assert out["text"].tolist()[:6] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2 killed", "'@SUM(A1)", "'\tx", "plain"]
    assert out["n"].tolist() == [1, 2, 3, 4, 5, 6, 7] and frame["text"][0].startswith("=")
