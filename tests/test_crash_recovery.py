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
from consistency.store.database import Store
from tally_recount import assert_tallies_match_recount

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
BATCH = 3  # articles per ingest chunk: several chunks, so a kill can fall between two of them

NAMED_SOURCE = {
    "id": "kelmar-commission", "outlet": "Baltic Wire", "url": "https://balticwire.example/kelmar-turnout",
    "title": "Kelmar turnout lowest since 1998", "published": "2026-03-12T09:00:00+00:00",
    "text": "Turnout was the lowest in any regional election in Kelmar since 1998, the commission's chair, "
            "Nadia Petrescu, said.\n\nMarsh will be sworn in in April.",
}

# Cells a spreadsheet would run as formulas, unless the CSV writer neutralises them.
FORMULAS = {
    "id": "formula-cells", "outlet": "@Kesk Wire", "url": "https://kesk.example/formula",
    "title": '=HYPERLINK("http://x.example","open")', "published": "2026-03-12T10:00:00+00:00",
    "text": "=1+2 was the code the harbour authority posted on its board on Monday, officials said.\n\n"
            "- Turnout was the lowest in any regional election in Kelmar since 1998, the commission said.",
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
    nights[2] += [NAMED_SOURCE, FORMULAS]
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
    with open_store(_opts(store), readonly=True) as st:
        # killed while it held the writer lock (the report's stage holds none): the next writer checks
        assert st.stopped_cleanly() == point.startswith("run.")
        assert_tallies_match_recount(st)  # what the killed run committed, it counted in the same transactions
    result = run([night3], _opts(store), out)
    assert _outcome(result.run_dir, store) == clean["outcome"]
    assert not list(out.glob(".*.tmp"))
    with open_store(_opts(store), readonly=True) as st:
        assert_tallies_match_recount(st)


@pytest.mark.slow
@pytest.mark.parametrize("point", ["ingest.chunk:2", "check.align"])
def test_crash_killed_writer_makes_the_next_run_check_the_database_once(clean, tmp_path, point, monkeypatch):
    store, out = tmp_path / "store", tmp_path / "out"
    shutil.copytree(clean["tmp"] / "store-after-2", store)
    shutil.copytree(clean["tmp"] / "out-after-2", out)
    env = dict(os.environ, CONSISTENCY_KILL_AT=point, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    child = subprocess.run([sys.executable, "-c", CHILD, str(clean["paths"][2]), str(store), str(out)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert child.returncode == -9, child.stderr[-2000:]
    checked = []
    real = Store.check_integrity
    monkeypatch.setattr(Store, "check_integrity", lambda self: checked.append(self.path) or real(self))
    result = run([clean["paths"][2]], _opts(store), out)
    assert len(checked) == 1  # the first lock after the kill checks; the run's later locks follow a clean stop
    assert _outcome(result.run_dir, store) == clean["outcome"]
    checked.clear()
    run([clean["paths"][2]], _opts(store), out)  # a night after a clean one: no whole-database check
    assert checked == []


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


@pytest.mark.slow
def test_crash_report_write_failing_on_a_full_disk_leaves_no_half_report(clean, tmp_path, monkeypatch):
    import errno

    import consistency.report.files as files

    store, out = tmp_path / "store", tmp_path / "out"
    shutil.copytree(clean["tmp"] / "store-after-2", store)
    shutil.copytree(clean["tmp"] / "out-after-2", out)
    latest_before = (out / "LATEST").read_text()
    real = files._write_text
    calls = []

    def full_disk(path, text):
        calls.append(path)
        if len(calls) == 2:  # the HTML is written, then the disk fills up
            path.with_name(f".{path.name}.tmp").write_text(text[:10])
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, text)

    monkeypatch.setattr(files, "_write_text", full_disk)
    with pytest.raises(OSError):
        run([clean["paths"][2]], _opts(store), out)
    monkeypatch.setattr(files, "_write_text", real)
    assert (out / "LATEST").read_text() == latest_before
    assert not list(out.rglob(".*.tmp")) and len(list((out / "runs").iterdir())) == 2
    result = run([clean["paths"][2]], _opts(store), out)
    assert _outcome(result.run_dir, store) == clean["outcome"]


def test_crash_store_errors_become_one_line_with_the_fix():
    import errno
    import sqlite3

    from consistency.errors import environment_error

    cases = [sqlite3.OperationalError("database or disk is full"),
             sqlite3.DatabaseError("database disk image is malformed"),
             sqlite3.DatabaseError("file is not a database"),
             OSError(errno.ENOSPC, "No space left on device", "/srv/report/.report.html.tmp"),
             OSError(errno.EROFS, "Read-only file system", "/srv/store/consistency.sqlite")]
    shown = [str(environment_error(exc)) for exc in cases]
    assert all("\n" not in s for s in shown)
    assert "disk holding the store is full" in shown[0] and "free space" in shown[0]
    assert "damaged" in shown[1] and "backup" in shown[1] and "damaged" in shown[2]
    assert shown[3].startswith("/srv/report/.report.html.tmp: the disk is full") and "rerun" in shown[3]
    assert "permissions" in shown[4]
    assert environment_error(ValueError("x")) is None


@pytest.mark.slow
def test_crash_report_csv_cells_open_as_text_in_a_spreadsheet(clean):
    import csv

    neutralised = 0
    for name in ("flags.csv", "claims.csv", "outlets.csv"):
        with open(clean["tmp"] / "out" / name, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
                    neutralised += cell.startswith(("'=", "'+", "'-", "'@"))
    assert neutralised  # the sample's claims hold cells that would have been formulas
