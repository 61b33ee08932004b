"""The writer lock checks the whole database only when the last writer did not stop cleanly (or when asked)."""

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from consistency.errors import StoreError
from consistency.records import Article, Claim
from consistency.store.database import Store

ROOT = Path(__file__).resolve().parent.parent
DIM = 8
WHEN = datetime(2026, 3, 10, tzinfo=timezone.utc)

# A writer that takes the lock, starts a run, and dies as a power cut would.
KILLED_WRITER = """
import os, signal, sys
from consistency.store.database import Store
store = Store(sys.argv[1], dim=8, model="test")
store.lock()
store.start_run("ingest")
os.kill(os.getpid(), signal.SIGKILL)
"""


def _filled(path: Path, n: int = 400) -> None:
    """A store of n articles with one claim each, closed cleanly by its writer."""
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(n, DIM)).astype(np.float32)
    articles = [Article(id=f"a{i}", outlet=f"O{i % 3}", url=f"https://o.example/{i}", title="The harbour report",
                        published=WHEN, text=f"The harbour of Kesk reopened after {i} days.") for i in range(n)]
    claims = [Claim(id=f"a{i}#0", article_id=f"a{i}", outlet=f"O{i % 3}", published=WHEN,
                    text=f"The harbour of Kesk reopened after {i} days.", start=0, end=40,
                    content=f"harbour Kesk reopened after {i} days") for i in range(n)]
    with Store(path, dim=DIM, model="test") as store:
        store.lock()
        with store.transaction():
            store.start_run("ingest")
            store.put_vectors({c.content_hash: vecs[i] for i, c in enumerate(claims)})
            store.insert_articles(articles, [a.url for a in articles], None)
            store.insert_claims(claims)


def _checks(monkeypatch) -> list[Path]:
    """Record every whole-database check (and still run it)."""
    calls: list[Path] = []
    real = Store.check_integrity

    def counted(self):
        calls.append(self.path)
        return real(self)

    monkeypatch.setattr(Store, "check_integrity", counted)
    return calls


def _kill_a_writer(path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], env=env, capture_output=True,
                           text=True, timeout=300)
    assert child.returncode == -9, child.stderr[-2000:]


def _damage(path: Path) -> None:
    db = path / "consistency.sqlite"
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(os.urandom(16384))


def _lock_once(path: Path, **kw) -> None:
    with Store(path, dim=DIM, model="test") as store:
        store.lock(**kw)


def test_store_lock_after_a_clean_stop_skips_the_check(tmp_path, monkeypatch):
    _filled(tmp_path / "s")
    calls = _checks(monkeypatch)
    with Store(tmp_path / "s", dim=DIM, model="test") as store:
        assert store.stopped_cleanly()
        store.lock()
        assert not store.stopped_cleanly()  # while it writes, the store counts as interrupted
    _lock_once(tmp_path / "s")
    assert calls == []
    _lock_once(tmp_path / "s", verify=True)  # asked for: checked all the same
    assert len(calls) == 1


def test_store_lock_after_a_killed_writer_checks_the_database(tmp_path, monkeypatch):
    _filled(tmp_path / "s")
    _kill_a_writer(tmp_path / "s")
    calls = _checks(monkeypatch)
    with Store(tmp_path / "s", dim=DIM, model="test") as store:
        assert not store.stopped_cleanly()
        store.lock()
        assert len(calls) == 1
        assert store.counts()["claims"] == 400  # what the killed writer began holds nothing half-written
    _lock_once(tmp_path / "s")  # the check's writer stopped cleanly: the next one skips it
    assert len(calls) == 2  # counts() checks too, the lock did not


def test_store_lock_after_a_writer_failed_checks_the_database(tmp_path, monkeypatch):
    _filled(tmp_path / "s")
    calls = _checks(monkeypatch)
    with pytest.raises(ValueError):
        with Store(tmp_path / "s", dim=DIM, model="test") as store:
            store.lock()
            raise ValueError("a bug in the batch")
    _lock_once(tmp_path / "s")
    assert len(calls) == 1


def test_store_lock_after_a_killed_writer_stops_on_a_damaged_database(tmp_path):
    _filled(tmp_path / "s")
    _kill_a_writer(tmp_path / "s")
    _damage(tmp_path / "s")
    with pytest.raises(StoreError) as err:
        _lock_once(tmp_path / "s")
    assert "damaged" in str(err.value) and "\n" not in str(err.value)


def test_store_lock_with_verify_stops_on_a_damaged_database_after_a_clean_stop(tmp_path):
    _filled(tmp_path / "s")
    _damage(tmp_path / "s")
    with pytest.raises(StoreError) as err:
        _lock_once(tmp_path / "s", verify=True)
    assert "damaged" in str(err.value)


def test_store_lock_mark_lapses_when_an_older_writer_starts_a_run(tmp_path, monkeypatch):
    _filled(tmp_path / "s")
    # a writer of a version without the mark: it starts a run and leaves the mark as it found it
    with Store(tmp_path / "s", dim=DIM, model="test") as store:
        store.start_run("check")
        assert not store.stopped_cleanly()
    calls = _checks(monkeypatch)
    _lock_once(tmp_path / "s")
    assert len(calls) == 1
