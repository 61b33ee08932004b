"""A night's ingest rewrites the index file only once it lags by a share of its size; until then
whoever reads the index adds the claims it lacks, and answers as an index written every night."""

import json
from pathlib import Path

import numpy as np

from consistency import Options, ingest
from consistency.query.engine import QueryEngine
from consistency.store.database import INDEX_LAG, INDEX_NAME, INDEX_ROWS, Store
from consistency.store.index import VectorIndex

TOWNS = ["Harlow", "Keswick", "Morley", "Ripon", "Selby", "Thirsk", "Wetherby", "Yarm"]


def _night(tmp_path: Path, name: str, first: int, count: int) -> Path:
    """``count`` invented articles, each with two claims of its own."""
    rows = []
    for i in range(first, first + count):
        town = TOWNS[i % len(TOWNS)]
        rows.append({"id": f"n{i}", "outlet": f"Outlet {i % 5}", "url": f"https://n{i}.example/",
                     "title": f"{town} item {i}", "published": "2026-03-10T08:00:00+00:00",
                     "text": f"The {town} council approved plan number {i} on Monday. "
                             f"The mayor said {i + 3} roads would close in {town}."})
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def _file_ids(store_dir: Path) -> list[int]:
    return VectorIndex.load(store_dir / INDEX_NAME, 384).ids().tolist()


def test_index_lag_small_night_leaves_the_file_and_a_reader_adds_the_rest(tmp_path, fake_extractor):
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_night(tmp_path, "base", 0, 40)], options)
    with Store(options.store, model="hashing") as store:
        written = store.claim_count()
        assert store.get_meta(INDEX_ROWS) == written and len(_file_ids(options.store)) == written
    mtime = (options.store / INDEX_NAME).stat().st_mtime_ns
    small = max(1, int(INDEX_LAG * 40) // 2)  # articles whose claims stay within the lag
    ingest([_night(tmp_path, "small", 40, small)], options)
    assert (options.store / INDEX_NAME).stat().st_mtime_ns == mtime  # not rewritten
    with Store(options.store, model="hashing", readonly=True) as ro:
        rows = ro.claim_rowid_list()
        assert len(rows) > written
        assert ro.index.ids().tolist() == rows.tolist()  # the reader added what the file lacks, in row order
        # the same answers as an index holding every claim from the start
        whole = VectorIndex(384)
        whole.add(rows, ro.claim_vectors(rows.tolist()))
        queries = ro.claim_vectors(rows[-6:].tolist())
        got, want = ro.index.search(queries, 5), whole.search(queries, 5)
        assert np.array_equal(got[1], want[1]) and np.allclose(got[0], want[0])


def test_index_lag_is_written_once_the_lag_passes_its_share(tmp_path, fake_extractor):
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_night(tmp_path, "base", 0, 40)], options)
    first = 40
    for night in range(8):  # nights small enough to lag, until together they pass the share
        ingest([_night(tmp_path, f"n{night}", first, 2)], options)
        first += 2
        with Store(options.store, model="hashing") as store:
            saved, count = store.get_meta(INDEX_ROWS), store.claim_count()
            assert count - saved <= INDEX_LAG * saved  # never further behind than the share
            assert _file_ids(options.store) == store.claim_rowid_list()[:saved].tolist()
    assert saved > 80  # it was written again on the way


def test_index_lag_is_capped_in_claims_on_a_large_store(tmp_path, fake_extractor, monkeypatch):
    from consistency.store import database

    monkeypatch.setattr(database, "INDEX_LAG_MAX", 3)  # as if the store were large: a share would be too many
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_night(tmp_path, "base", 0, 40)], options)
    mtime = (options.store / INDEX_NAME).stat().st_mtime_ns
    ingest([_night(tmp_path, "one", 40, 1)], options)  # two claims: within the cap
    assert (options.store / INDEX_NAME).stat().st_mtime_ns == mtime
    ingest([_night(tmp_path, "two", 41, 1)], options)  # four behind: past the cap, though under the share
    with Store(options.store, model="hashing") as store:
        count = store.claim_count()
        assert count - 80 < INDEX_LAG * 80
        assert store.get_meta(INDEX_ROWS) == count
        assert _file_ids(options.store) == store.claim_rowid_list().tolist()


def test_index_lag_query_engine_sees_claims_the_file_lacks(tmp_path, fake_extractor):
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_night(tmp_path, "base", 0, 40)], options)
    engine = QueryEngine(options)
    try:
        engine.refresh()
        engine.search("council approved plan", 3)
        ingest([_night(tmp_path, "late", 40, 1)], options)
        with Store(options.store, model="hashing", readonly=True) as ro:
            assert ro.get_meta(INDEX_ROWS) < ro.claim_count()  # the file lags
            late = [r for r, c in ro.claims().items() if c.article_id == "n40"]
        engine.refresh()
        hits = engine.search("The Ripon council approved plan number 40 on Monday", 3)
        assert set(late) <= {int(i) for i in engine.store.index.ids()}  # read again, with what the file lacks
        assert hits[0][0] in late
    finally:
        engine.close()


def test_index_lag_an_older_store_has_its_file_rows_noted_not_written_again(tmp_path, fake_extractor):
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([_night(tmp_path, "base", 0, 20)], options)
    with Store(options.store, model="hashing") as store:
        store.db.execute("DELETE FROM meta WHERE key=?", (INDEX_ROWS,))  # as an older version left it
    mtime = (options.store / INDEX_NAME).stat().st_mtime_ns
    with Store(options.store, model="hashing") as store:
        assert store.save_index_when_behind() is False
        assert store.get_meta(INDEX_ROWS) == store.claim_count()
    assert (options.store / INDEX_NAME).stat().st_mtime_ns == mtime
