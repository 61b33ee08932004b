"""A batch killed at any commit point: the rerun gives the flags and the report of a clean run.

Each crash is a real SIGKILL in a child process, at a named commit point
(``CONSISTENCY_KILL_AT``); the rerun then happens as cron would run it, on the same store.
"""

import json
import os
import shutil
import subprocess
import sys
from datetime import timezone
from pathlib import Path

import pytest

from consistency import Options
from consistency.ingest.readers import read_paths
from consistency.nightly import run
from consistency.pipeline import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
BATCH = 3  # articles per ingest chunk: several chunks, so a kill can fall between two of them

NAMED_SOURCE = {
    "id": "kelmar-commission", "outlet": "Baltic Wire", "url": "https://balticwire.example/kelmar-turnout",
    "title": "Kelmar turnout lowest since 1998", "published": "2026-03-12T09:00:00+00:00",
    "text": "Turnout was the lowest in any regional election in Kelmar since 1998, the commission's chair, "
            "Nadia Petrescu, said.\n\nMarsh will be sworn in in April.",
}

# Every commit point of ingest, check and the nightly run, with the occurrence to die at.
KILL_POINTS = ["ingest.vectors", "ingest.chunk:2", "ingest.index", "check.stories", "check.align",
               "check.flags", "run.checked", "run.report"]

CHILD = """
import sys
from pathlib import Path
from consistency import Options
from consistency.nightly import run
run([Path(sys.argv[1])], Options(store=Path(sys.argv[2]), embedder="hashing", batch_size=%d), Path(sys.argv[3]))
""" % BATCH


def _nights(folder: Path) -> list[Path]:
    read = read_paths([SAMPLE / "articles.jsonl", SAMPLE / "more"])
    nights: list[list[dict]] = [[], [], []]
    for a in read.articles:
        day = a.published.astimezone(timezone.utc).date().isoformat()
        rec = {"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title,
               "published": a.published.isoformat(), "text": a.text}
        nights[0 if day <= "2026-03-10" else 1 if day == "2026-03-11" else 2].append(rec)
    nights[2].append(NAMED_SOURCE)
    paths = []
    for i, rows in enumerate(nights, 1):
        path = folder / f"night{i}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths.append(path)
    return paths


def _opts(store: Path) -> Options:
    return Options(store=store, embedder="hashing", batch_size=BATCH)


def _outcome(run_dir: Path, store: Path) -> dict:
    """What a reader of the report and of the store sees, without run numbers and timestamps."""
    report = json.loads((run_dir / "report.json").read_text())
    with open_store(_opts(store), readonly=True) as st:
        open_flags = sorted((f.id, json.dumps(f.values, sort_keys=True), round(f.confidence, 6))
                            for f in st.flags("open"))
        counts = st.counts()
    summary = {k: v for k, v in report["summary"].items()}
    return {"sections": sorted((f["id"], f["section"]) for f in report["flags"]), "summary": summary,
            "open_flags": open_flags, "counts": counts}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """Three clean nights; the store and reports as they stood after the second are kept aside."""
    tmp = tmp_path_factory.mktemp("clean")
    paths = _nights(tmp)
    store, out = tmp / "store", tmp / "out"
    for i, path in enumerate(paths):
        if i == 2:
            shutil.copytree(store, tmp / "store-after-2")
            shutil.copytree(out, tmp / "out-after-2")
        result = run([path], _opts(store), out)
    outcome = _outcome(result.run_dir, store)
    sections = {s for _, s in outcome["sections"]}
    assert {"new", "carried", "resolved"} <= sections, sections  # the third night shows all three kinds
    return {"tmp": tmp, "paths": paths, "outcome": outcome}


@pytest.mark.slow
@pytest.mark.parametrize("point", KILL_POINTS)
def test_crash_rerun_after_kill_matches_a_clean_run(clean, tmp_path, point):
    store, out = tmp_path / "store", tmp_path / "out"
    shutil.copytree(clean["tmp"] / "store-after-2", store)
    shutil.copytree(clean["tmp"] / "out-after-2", out)
    env = dict(os.environ, CONSISTENCY_KILL_AT=point, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    night3 = clean["paths"][2]
    child = subprocess.run([sys.executable, "-c", CHILD, str(night3), str(store), str(out)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert child.returncode == -9, child.stderr[-2000:]  # it really died at the commit point
    result = run([night3], _opts(store), out)
    assert _outcome(result.run_dir, store) == clean["outcome"]
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_crash_damaged_or_missing_index_gives_the_same_flags(clean, tmp_path):
    outcomes = []
    for damage in ("none", "missing", "truncated", "foreign ids"):
        store, out = tmp_path / damage / "store", tmp_path / damage / "out"
        shutil.copytree(clean["tmp"] / "store-after-2", store)
        shutil.copytree(clean["tmp"] / "out-after-2", out)
        index = store / "claims.faiss"
        if damage == "missing":
            index.unlink()
        elif damage == "truncated":
            index.write_bytes(index.read_bytes()[:100])
        elif damage == "foreign ids":
            import numpy as np

            from consistency.store.index import VectorIndex

            vi = VectorIndex.load(index, 384)
            vi.add(np.array([10 ** 9], np.int64), np.ones((1, 384), np.float32) / np.sqrt(384))
            vi.save(index)
        result = run([clean["paths"][2]], _opts(store), out)
        outcomes.append(_outcome(result.run_dir, store))
    assert all(o == clean["outcome"] for o in outcomes)
