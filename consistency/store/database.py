"""The embedded store: SQLite for articles, claims, vectors and flags; a FAISS index beside it.

SQLite is the source of truth and runs in WAL mode, so readers keep reading while a batch writes.
The FAISS file is derived from the cached vectors: when a crash leaves it behind the database,
``sync_index`` brings it level again without re-embedding anything. A batch lets the file fall
behind by design: rewriting the whole index costs what the store holds, so it is rewritten only
once the claims it lacks reach ``INDEX_LAG`` of those it holds (or ``INDEX_LAG_MAX``, so a cold
reader of a large store never adds many), and whoever loads it meanwhile adds the claims it lacks
from the cached vectors (a night's share of the rewrite then follows its new claims, not the
store).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np

from ..errors import NotFoundError, StoreError
from ..records import Article, Claim, Evidence, Flag
from .encoding import claim_from_json, claim_row, claim_to_json
from .index import VectorIndex

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
TRAIN_SAMPLE = 256_000  # vectors a compressed index is trained on
SHARD = 100_000  # vectors added to a compressed index at a time
DB_NAME = "consistency.sqlite"
INDEX_NAME = "claims.faiss"
INDEX_ROWS = "index_rows"  # meta key: how many claims (the first ones, in row order) the index file holds
INDEX_LAG = 0.125  # the index file is rewritten once it lacks this share of the claims it holds,
INDEX_LAG_MAX = 50_000  # or this many: a cold reader of a large store adds what the file lacks, and must not wait
CLEAN_STOP = "clean_stop"  # meta key: the last writer closed cleanly, after the run with this id
# A story's centroid (float32), size and span, read for every story; its profiles only when scored.
STORY_HEAD_COLUMNS = (("vec", "BLOB"), ("n", "INTEGER"), ("first", "TEXT"), ("last", "TEXT"))
HEADS_KEPT = "heads_kept"  # in the stories' shared state: every story row's head columns match its JSON
FLAG_TALLIES = "flag_tallies_run"  # meta key: the flags' tally columns hold the flags of this check run
# What the report counts over open flags, read from the flags' own columns (a covering index)
# or, in a store whose columns lag behind and cannot be written, from each flag's JSON.
TALLY_COLUMNS = {"confidence": "f.confidence", "story": "f.story_id",
                 "outlets": "SELECT flag_id, outlet FROM flag_outlets"}
TALLY_JSON = {"confidence": "coalesce(json_extract(f.data, '$.confidence'), 0.5)",
              "story": "json_extract(f.data, '$.story_id')",
              "outlets": "SELECT DISTINCT f.id AS flag_id, j.value AS outlet FROM flags f,"
                         " json_each(f.data, '$.outlets') j"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    url TEXT NOT NULL,
    url_key TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT NOT NULL,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    story_id TEXT,
    run_id INTEGER
);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url_key);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(text_hash);
CREATE TABLE IF NOT EXISTS claims (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id),
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    checked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
CREATE INDEX IF NOT EXISTS claims_unchecked ON claims(checked) WHERE checked = 0;
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    vec BLOB NOT NULL,
    PRIMARY KEY (model, content_hash)
);
CREATE TABLE IF NOT EXISTS pairs (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE TABLE IF NOT EXISTS flags (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    evidence_hash TEXT NOT NULL,
    first_run INTEGER NOT NULL,
    last_run INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open'
);
CREATE TABLE IF NOT EXISTS reviews (
    flag_id TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    evidence_hash TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pairs_b ON pairs(b);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_run ON articles(run_id);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE TABLE IF NOT EXISTS flag_claims (
    claim_id TEXT NOT NULL,
    flag_id TEXT NOT NULL,
    PRIMARY KEY (claim_id, flag_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS flag_claims_flag ON flag_claims(flag_id);
-- The open flags a check carried without rewriting, read from the index alone; led by the run, not
-- the status, so the planner does not take it for a way to all open flags when flags are looked up by claim.
CREATE INDEX IF NOT EXISTS flags_by_last_run ON flags(last_run, status, id);
-- A flagged claim's outlet for the report's repetition tally, without reading claim or article rows.
CREATE INDEX IF NOT EXISTS claims_id_article ON claims(id, article_id);
CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, data TEXT NOT NULL, thread_id TEXT);
CREATE TABLE IF NOT EXISTS outlet_counts (
    outlet TEXT PRIMARY KEY,
    articles INTEGER NOT NULL DEFAULT 0,
    claims INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS flag_outlets (
    flag_id TEXT NOT NULL,
    outlet TEXT NOT NULL,
    PRIMARY KEY (flag_id, outlet)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    kind TEXT NOT NULL,
    stats TEXT NOT NULL DEFAULT '{}'
);
"""


def allowed_lag(file_rows: int) -> float:
    """How many claims the index file may lack before a batch rewrites it."""
    return min(INDEX_LAG * file_rows, INDEX_LAG_MAX)


class Store:
    """One store directory: ``consistency.sqlite`` and ``claims.faiss``."""

    def __init__(self, path: Path, *, dim: int = 384, model: str = "all-MiniLM-L6-v2",
                 readonly: bool = False) -> None:
        self.path = Path(path)
        self.dim = dim
        self.model = model
        self.readonly = readonly
        self._index: VectorIndex | None = None
        self._file_rows = 0  # vectors the index file held when read or last written
        self._lock_fh = None
        if readonly and not (self.path / DB_NAME).exists():
            raise StoreError(f"{self.path}: no store here; run 'consistency ingest PATH --store {self.path}' first")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            if not readonly and not (self.path / DB_NAME).exists():
                _create(self.path / DB_NAME)
            self.db = sqlite3.connect(self.path / DB_NAME, timeout=30, isolation_level=None,
                                      check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self.db.executescript(SCHEMA)
                self._set_meta_default("schema_version", SCHEMA_VERSION)
                self._fill_flag_claims()
                pair_columns = {r[1] for r in self.db.execute("PRAGMA table_info(pairs)")}
                if "quiet" not in pair_columns:
                    self.db.execute("ALTER TABLE pairs ADD COLUMN quiet INTEGER")
                if "outcome" not in pair_columns:  # what comparing the pair found (``compare.outcomes``)
                    self.db.execute("ALTER TABLE pairs ADD COLUMN outcome TEXT")
                if not self._has_threads():  # a store made before threads: its stories link on the next check
                    self.db.execute("ALTER TABLE stories ADD COLUMN thread_id TEXT")
                if not self._has_story_heads():  # filled from each story's JSON when first read
                    with self.transaction():
                        for column, kind in STORY_HEAD_COLUMNS:
                            self.db.execute(f"ALTER TABLE stories ADD COLUMN {column} {kind}")
                self._keep_tallies()
            version = self.get_meta("schema_version")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path / DB_NAME}: cannot open the store ({exc}); "
                             "check the path, or move a damaged file aside") from exc
        if version != SCHEMA_VERSION:
            self.db.close()
            raise StoreError(f"{self.path}: the store has schema version {version}, this version of consistency "
                             f"reads version {SCHEMA_VERSION}; ingest the articles again into a new store "
                             "(--store NEW_DIR)")

    # -- lifecycle -----------------------------------------------------------------
    def close(self, *, clean: bool = True) -> None:
        """Close the store; a writer that stops ``clean`` (no error on the way) records a clean stop."""
        if self._lock_fh is not None and clean and not self.db.in_transaction:
            try:
                self.set_meta(CLEAN_STOP, self._last_run())
            except sqlite3.Error:  # not recorded: the next writer checks the database
                pass
        self.db.close()
        if self._lock_fh is not None:
            self._lock_fh.close()
            self._lock_fh = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(clean=exc_type is None)

    def lock(self, *, verify: bool = False) -> None:
        """Take the writer lock: only one batch writes to a store at a time.

        The database is checked (``PRAGMA quick_check``, which reads all of it) before the batch
        writes when the last writer did not stop cleanly, or when ``verify`` asks for it.
        """
        fh = open(self.path / "LOCK", "w")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            fh.close()
            raise StoreError(f"{self.path}: another batch is writing to this store; wait for it to finish") from exc
        self._lock_fh = fh
        if verify or not self.stopped_cleanly():
            self.check_integrity()
        try:
            # Until this writer closes cleanly the store counts as interrupted: a SIGKILL, a power
            # cut or an error leaves it so, and the next writer checks the database first.
            self.db.execute("DELETE FROM meta WHERE key=?", (CLEAN_STOP,))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path / DB_NAME}: cannot write to the store ({exc}); check the disk and its "
                             "permissions, or run 'consistency stats' to check the database") from exc

    def stopped_cleanly(self) -> bool:
        """Whether the last writer closed the store cleanly and no writer has started a run since.

        The run count ties the mark to the runs: a version of consistency from before the mark
        that wrote (and perhaps died) after it starts a run, so the mark no longer holds.
        """
        try:
            mark = self.get_meta(CLEAN_STOP)
            return mark is not None and mark == self._last_run()
        except sqlite3.DatabaseError:
            return False

    def _last_run(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0])

    def check_integrity(self) -> None:
        """Raise StoreError when SQLite finds the database damaged (before a batch writes into it)."""
        try:
            problems = [r[0] for r in self.db.execute("PRAGMA quick_check(3)")]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems != ["ok"]:
            raise StoreError(f"{self.path / DB_NAME}: the database is damaged ({' '.join('; '.join(problems).split())[:160]}); restore it "
                             "from a backup, or move the store aside and ingest again")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- meta ----------------------------------------------------------------------
    def get_meta(self, key: str, default: object = None) -> object:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key: str, value: object) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def _set_meta_default(self, key: str, value: object) -> None:
        self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def _fill_flag_claims(self) -> None:
        """Stores written before flags were indexed by claim get that index once."""
        if self.db.execute("SELECT 1 FROM flag_claims LIMIT 1").fetchone() is None:
            self.db.execute("INSERT OR IGNORE INTO flag_claims(claim_id, flag_id)"
                            " SELECT j.value, f.id FROM flags f, json_each(f.data, '$.claims') j")

    def _keep_tallies(self) -> None:
        """Give a store made before the report's tallies were kept its tally columns and counts, and
        count again what a writer that did not keep them (an older version) has left behind."""
        if not self._has_tally_columns():
            with self.transaction():
                self.db.execute("ALTER TABLE flags ADD COLUMN confidence REAL")
                self.db.execute("ALTER TABLE flags ADD COLUMN story_id TEXT")
        # Led by type, not status: queries that look flags up by id or claim must not take it for a
        # way to all open flags (the tallies scan it whole, as a narrow copy of the flags table).
        self.db.execute("CREATE INDEX IF NOT EXISTS flags_tally_by_type"
                        " ON flags(type, status, confidence, story_id, evidence_hash, id)")
        if not self._flag_tallies_current():
            with self.transaction():
                logger.info("%s: filling the flags' tally columns", self.path)
                self.db.execute("UPDATE flags SET confidence = coalesce(json_extract(data, '$.confidence'), 0.5),"
                                " story_id = json_extract(data, '$.story_id')")
                self.db.execute("DELETE FROM flag_outlets")
                self.db.execute("INSERT OR IGNORE INTO flag_outlets(flag_id, outlet)"
                                " SELECT f.id, j.value FROM flags f, json_each(f.data, '$.outlets') j")
                self.set_meta(FLAG_TALLIES, self._last_check())
        if not self._outlet_counts_current():
            with self.transaction():
                logger.info("%s: counting articles and claims per outlet", self.path)
                self.db.execute("DELETE FROM outlet_counts")
                self.db.execute("INSERT INTO outlet_counts(outlet, articles, claims)"
                                " SELECT outlet, count(*), 0 FROM articles GROUP BY outlet")
                self.db.execute("INSERT INTO outlet_counts(outlet, articles, claims)"
                                " SELECT a.outlet, 0, count(*) FROM claims c JOIN articles a ON a.id = c.article_id"
                                " WHERE true GROUP BY a.outlet"
                                " ON CONFLICT(outlet) DO UPDATE SET claims = excluded.claims")

    def tallies_kept(self) -> bool:
        """Whether the kept tallies (flag columns, per-outlet counts) are current, so the report reads them."""
        return self._flag_tallies_current() and self._outlet_counts_current()

    def _has_tally_columns(self) -> bool:
        return "confidence" in {r[1] for r in self.db.execute("PRAGMA table_info(flags)")}

    def _last_check(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM runs WHERE kind = 'check'"
                                   " AND finished IS NOT NULL").fetchone()[0])

    def _flag_tallies_current(self) -> bool:
        """Whether the last finished check kept the tally columns (an older version's does not)."""
        if not self._has_tally_columns():
            return False
        return self.get_meta(FLAG_TALLIES) == self._last_check()

    def _outlet_counts_current(self) -> bool:
        """Whether the per-outlet counts add up to the stored articles and claims (rows are never deleted,
        so the largest row id is the count; a writer that skipped the counts leaves them short)."""
        try:
            counted = self.db.execute("SELECT coalesce(sum(articles), 0), coalesce(sum(claims), 0)"
                                      " FROM outlet_counts").fetchone()
        except sqlite3.OperationalError:  # an older store opened read-only: no counts yet
            return False
        stored = self.db.execute("SELECT (SELECT coalesce(max(rowid), 0) FROM articles),"
                                 " (SELECT coalesce(max(rowid), 0) FROM claims)").fetchone()
        return tuple(counted) == tuple(stored)

    # -- articles ------------------------------------------------------------------
    def find_known(self, url_keys: Sequence[str], text_hashes: Sequence[str], ids: Sequence[str]) -> dict[str, set[str]]:
        """Which of these URL keys, text hashes and ids the store already holds."""
        out = {"url_key": set(), "text_hash": set(), "id": set()}
        for column, values in (("url_key", url_keys), ("text_hash", text_hashes), ("id", ids)):
            values = list(set(values))
            for i in range(0, len(values), 500):
                chunk = values[i:i + 500]
                q = f"SELECT {column} FROM articles WHERE {column} IN ({','.join('?' * len(chunk))})"
                out[column].update(r[0] for r in self.db.execute(q, chunk))
        return out

    def insert_articles(self, articles: Sequence[Article], url_keys: Sequence[str], run_id: int | None) -> None:
        self.db.executemany(
            "INSERT INTO articles(id, outlet, url, url_key, title, published, text, text_hash, language, run_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(a.id, a.outlet, a.url, k, a.title, a.published.isoformat(), a.text, a.text_hash, a.language, run_id)
             for a, k in zip(articles, url_keys)],
        )
        self._count("articles", Counter(a.outlet for a in articles))

    def _count(self, column: str, per_outlet: dict[str, int]) -> None:
        """Add to the per-outlet counts, in the transaction that writes the rows they count."""
        self.db.executemany(f"INSERT INTO outlet_counts(outlet, {column}) VALUES (?, ?)"
                            f" ON CONFLICT(outlet) DO UPDATE SET {column} = {column} + excluded.{column}",
                            sorted(per_outlet.items()))

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        cols = "id, outlet, url, title, published, text, language"
        if ids is None:
            rows = self.db.execute(f"SELECT {cols} FROM articles ORDER BY rowid").fetchall()
        else:
            rows = []
            ids = list(ids)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                rows += self.db.execute(f"SELECT {cols} FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall()
        return [Article(id=r[0], outlet=r[1], url=r[2], title=r[3], published=datetime.fromisoformat(r[4]),
                        text=r[5], language=r[6]) for r in rows]

    def article_meta(self) -> dict[str, dict]:
        """id -> outlet, url, title, published and story for every article (no text)."""
        rows = self.db.execute("SELECT id, outlet, url, title, published, story_id FROM articles")
        return {r[0]: {"outlet": r[1], "url": r[2], "title": r[3], "published": r[4], "story_id": r[5]}
                for r in rows}

    def article_meta_of(self, ids: Iterable[str]) -> dict[str, dict]:
        """id -> outlet, url, title, published and story of just these articles (no text)."""
        ids = sorted(set(ids))
        out: dict[str, dict] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = self.db.execute("SELECT id, outlet, url, title, published, story_id FROM articles"
                                   f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            out.update({r[0]: {"outlet": r[1], "url": r[2], "title": r[3], "published": r[4], "story_id": r[5]}
                        for r in rows})
        return out

    def articles_without_story(self) -> list[str]:
        """Ids of the articles no story holds yet, oldest first."""
        rows = self.db.execute("SELECT id FROM articles WHERE story_id IS NULL ORDER BY published, rowid")
        return [r[0] for r in rows]

    def article_stories(self) -> dict[str, str]:
        """article id -> story id, for every article in a story."""
        return dict(self.db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL").fetchall())

    def set_stories(self, assignments: dict[str, str]) -> None:
        self.db.executemany("UPDATE articles SET story_id=? WHERE id=?", [(s, a) for a, s in assignments.items()])

    def articles_in_stories(self, story_ids: Iterable[str]) -> dict[str, str]:
        """article id -> story id of every article in these stories."""
        return dict(self._select_in("SELECT id, story_id FROM articles WHERE story_id IN ({})", list(story_ids)))

    def story_claims(self, story_ids: Iterable[str]) -> dict[int, str]:
        """rowid -> claim id of every claim in these stories."""
        q = "SELECT c.rowid, c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.story_id IN ({})"
        return {int(r): cid for r, cid in self._select_in(q, list(story_ids))}

    def _select_in(self, query: str, values: list) -> list[tuple]:
        """Run ``query`` (with one ``{}`` for the placeholders) over ``values`` in chunks."""
        rows: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows += self.db.execute(query.format(",".join("?" * len(chunk))), chunk).fetchall()
        return rows

    # -- story clustering state ----------------------------------------------------
    def save_story_state(self, head: dict, changed: Sequence[dict], removed: Iterable[str]) -> None:
        """Write the shared state, the stories that changed and drop the stories merged away."""
        old = self.get_meta("stories")
        if old is not None and "stories" in old:  # first save after the old layout: write every story
            changed = [*old["stories"], *changed]
        kept = old is None or "stories" in old or bool(old.get(HEADS_KEPT))
        # A writer that did not keep the head columns (an older version) leaves the mark out.
        self.set_meta("stories", {**head, HEADS_KEPT: kept})
        # an upsert keeps a story's row, so stories load in the order the clusterer holds them
        self.db.executemany("INSERT INTO stories(id, data, vec, n, first, last) VALUES (?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT(id) DO UPDATE SET data=excluded.data, vec=excluded.vec, n=excluded.n,"
                            " first=excluded.first, last=excluded.last",
                            [(s["id"], json.dumps(s, separators=(",", ":")), *_story_head(s)) for s in changed])
        self.db.executemany("DELETE FROM stories WHERE id=?", [(s,) for s in removed])

    def story_heads(self) -> tuple[dict | None, list[tuple[str, np.ndarray, int, str, str]] | None]:
        """The story clusterer's shared state and each live story's (id, centroid, size, first, last),
        in the clusterer's order; (None, None) without stories, (state, None) in the first layout."""
        head = self.get_meta("stories")
        if head is None or "stories" in head:
            return head, None
        kept = bool(head.get(HEADS_KEPT))
        head = {k: v for k, v in head.items() if k != HEADS_KEPT}
        if self._has_story_heads() and kept and self.db.execute(
                "SELECT 1 FROM stories WHERE vec IS NULL LIMIT 1").fetchone() is None:
            rows = self.db.execute("SELECT id, vec, n, first, last FROM stories ORDER BY rowid")
            return head, [(sid, np.frombuffer(vec, dtype=np.float32), int(n), first, last)
                          for sid, vec, n, first, last in rows]
        # heads not kept yet (an older store, or one an older version wrote to): read every story once
        rows = [(sid, json.loads(data)) for sid, data in self.db.execute("SELECT id, data FROM stories ORDER BY rowid")]
        heads = [(sid, *_story_head(d)) for sid, d in rows]
        if not self.readonly and self._has_story_heads() and not self.db.in_transaction:
            with self.transaction():
                self.db.executemany("UPDATE stories SET vec=?, n=?, first=?, last=? WHERE id=?",
                                    [(*h[1:], h[0]) for h in heads])
                self.set_meta("stories", {**head, HEADS_KEPT: True})
        return head, [(sid, np.frombuffer(vec, dtype=np.float32), n, first, last)
                      for sid, vec, n, first, last in heads]

    def upgrade(self) -> None:
        """Do now the one-time work a store from an older version needs before its next batch
        (the tally columns are filled on opening, the stories' head columns here)."""
        self.story_heads()

    def story_profiles(self, story_ids: Sequence[str]) -> dict[str, dict]:
        """story id -> the stored state of that story (profiles and members included) but its centroid,
        which the head columns hold: SQLite drops it, so its hundreds of numbers are not parsed here."""
        return {sid: json.loads(data) for sid, data in self._select_in(
            "SELECT id, json_remove(data, '$.centroid') FROM stories WHERE id IN ({})", list(story_ids))}

    def _has_story_heads(self) -> bool:
        return "vec" in {r[1] for r in self.db.execute("PRAGMA table_info(stories)")}

    def has_old_story_layout(self) -> bool:
        """Whether the stories are still kept as one value in the meta table (the first layout)."""
        head = self.get_meta("stories")
        return head is not None and "stories" in head

    def _has_threads(self) -> bool:
        return "thread_id" in {r[1] for r in self.db.execute("PRAGMA table_info(stories)")}

    def story_threads(self, story_ids: Iterable[str] | None = None) -> dict[str, str]:
        """story id -> thread id, of these stories (of every story when None) that have a thread."""
        if not self._has_threads():  # an old store opened read-only: every story is its own thread
            return {}
        if story_ids is None:
            return dict(self.db.execute("SELECT id, thread_id FROM stories WHERE thread_id IS NOT NULL ORDER BY rowid")
                        .fetchall())
        return dict(self._select_in("SELECT id, thread_id FROM stories WHERE thread_id IS NOT NULL AND id IN ({})",
                                    list(story_ids)))

    def story_titles(self, story_ids: Iterable[str]) -> dict[str, str]:
        """story id -> the title of its earliest article."""
        q = ("SELECT story_id, title FROM articles a WHERE story_id IN ({}) AND published = "
             "(SELECT min(published) FROM articles b WHERE b.story_id = a.story_id) ORDER BY rowid DESC")
        return dict(self._select_in(q, list(story_ids)))

    def thread_sizes(self, thread_ids: Iterable[str]) -> dict[str, int]:
        """thread id -> how many stories it holds."""
        if not self._has_threads():
            return {}
        return {t: int(n) for t, n in self._select_in(
            "SELECT thread_id, count(*) FROM stories WHERE thread_id IN ({}) GROUP BY thread_id", list(thread_ids))}

    def thread_count(self) -> int:
        """How many threads the stored stories form (a story without one counts as its own)."""
        if not self._has_threads():
            return int(self.db.execute("SELECT count(*) FROM stories").fetchone()[0])
        return int(self.db.execute("SELECT count(DISTINCT coalesce(thread_id, id)) FROM stories").fetchone()[0])

    def stories_without_thread(self) -> int:
        """How many stored stories have no thread yet."""
        if not self._has_threads():
            return 0
        return int(self.db.execute("SELECT count(*) FROM stories WHERE thread_id IS NULL").fetchone()[0])

    def set_threads(self, links: dict[str, str]) -> None:
        """Store the thread of each of these stories."""
        self.db.executemany("UPDATE stories SET thread_id=? WHERE id=?", [(t, s) for s, t in links.items()])

    def dirty_stories(self) -> list[str]:
        """Stories whose flags are not up to date with their articles and pairs."""
        return list(self.get_meta("stories_dirty", []))

    def mark_stories_dirty(self, story_ids: Iterable[str]) -> None:
        self.set_meta("stories_dirty", sorted(set(self.dirty_stories()) | set(story_ids)))

    def clear_dirty_stories(self) -> None:
        self.set_meta("stories_dirty", [])

    def forget_stories(self) -> None:
        """Drop every story, thread and claim pair and mark every claim unchecked: the next check
        assigns stories and aligns claims afresh from the stored claims and vectors, as a first
        check would (a change to story clustering is measured without extracting again)."""
        self.db.execute("UPDATE articles SET story_id=NULL")
        self.db.execute("DELETE FROM stories")
        self.db.executemany("DELETE FROM meta WHERE key=?", [("stories",), ("threads",), ("stories_dirty",)])
        self.db.execute("DELETE FROM pairs")
        self.db.execute("UPDATE claims SET checked=0")

    # -- claims --------------------------------------------------------------------
    def insert_claims(self, claims: Sequence[Claim]) -> list[int]:
        return self.insert_claim_rows([claim_row(c) for c in claims])

    def insert_claim_rows(self, rows: Sequence[tuple[str, str, str, str]]) -> list[int]:
        """Insert claims already encoded (``claim_row``: id, article id, content hash, JSON); their row ids."""
        rowids = []
        for row in rows:
            cur = self.db.execute("INSERT INTO claims(id, article_id, content_hash, data) VALUES (?,?,?,?)", row)
            rowids.append(int(cur.lastrowid))
        per_article = Counter(r[1] for r in rows)
        per_outlet: Counter[str] = Counter()
        for article_id, outlet in self._select_in("SELECT id, outlet FROM articles WHERE id IN ({})",
                                                  sorted(per_article)):
            per_outlet[outlet] += per_article[article_id]
        self._count("claims", per_outlet)
        return rowids

    def claims(self, rowids: Iterable[int] | None = None, *, article_ids: Iterable[str] | None = None
               ) -> dict[int, Claim]:
        """Claims by row id: all of them, the given rows, or those of the given articles."""
        if rowids is None and article_ids is None:
            rows = self.db.execute("SELECT rowid, data FROM claims ORDER BY rowid").fetchall()
        else:
            column, values = ("rowid", list(rowids)) if rowids is not None else ("article_id", list(article_ids))
            rows = []
            for i in range(0, len(values), 500):
                chunk = [int(v) if column == "rowid" else v for v in values[i:i + 500]]
                rows += self.db.execute(
                    f"SELECT rowid, data FROM claims WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
        return {int(r[0]): claim_from_json(r[1]) for r in rows}

    def dated_claims(self, article_ids: Iterable[str]) -> dict[int, Claim]:
        """Claims by row id of these articles that hold a time expression (the others are not decoded)."""
        rows = self._select_in("SELECT rowid, data FROM claims WHERE article_id IN ({})"
                               " AND json_array_length(data, '$.times') > 0", list(article_ids))
        return {int(r): claim_from_json(d) for r, d in rows}

    def story_claim_records(self, story_ids: Iterable[str] | None = None) -> dict[int, Claim]:
        """Claims by row id of the articles in these stories (of every story when None)."""
        if story_ids is None:
            q = "SELECT id FROM articles WHERE story_id IS NOT NULL"
            return self.claims(article_ids=[r[0] for r in self.db.execute(q)])
        articles = [r[0] for r in self._select_in("SELECT id FROM articles WHERE story_id IN ({})", list(story_ids))]
        return self.claims(article_ids=articles) if articles else {}

    def retrieval_rows(self, rowids: Sequence[int] | None = None) -> list[tuple[int, str, str, str]]:
        """(rowid, content, article title, published) of the given claims, or of all, by rowid."""
        q = ("SELECT c.rowid, json_extract(c.data, '$.content'), a.title, a.published"
             " FROM claims c JOIN articles a ON a.id = c.article_id")
        if rowids is None:
            return [(int(r[0]), r[1], r[2], r[3]) for r in self.db.execute(q + " ORDER BY c.rowid")]
        rows: list[tuple[int, str, str, str]] = []
        ids = [int(r) for r in rowids]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += [(int(r[0]), r[1], r[2], r[3]) for r in
                     self.db.execute(q + f" WHERE c.rowid IN ({','.join('?' * len(chunk))})", chunk)]
        return sorted(rows)

    def claim_rowid_list(self) -> np.ndarray:
        """Every stored claim's rowid, ascending."""
        return np.array([r[0] for r in self.db.execute("SELECT rowid FROM claims ORDER BY rowid")], dtype=np.int64)

    def last_claim_rowid(self) -> int:
        """The rowid of the claim stored last (0 when none): it moves whenever claims are added."""
        return int(self.db.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0])

    def claim_by_id(self, claim_id: str) -> tuple[int, Claim] | None:
        row = self.db.execute("SELECT rowid, data FROM claims WHERE id=?", (claim_id,)).fetchone()
        return (int(row[0]), claim_from_json(row[1])) if row else None

    def claim_rowids(self, claim_ids: Iterable[str]) -> dict[str, int]:
        ids = list(claim_ids)
        out: dict[str, int] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out.update(self.db.execute(f"SELECT id, rowid FROM claims WHERE id IN ({','.join('?' * len(chunk))})",
                                       chunk).fetchall())
        return out

    def claim_summaries(self, *, rowids: Sequence[int] | None = None, stories: Sequence[str] | None = None
                        ) -> list[tuple[int, str, str | None, str]]:
        """(rowid, outlet, story id, text) of the given claims, or of every claim of the given stories."""
        column, values = ("c.rowid", [int(r) for r in rowids]) if rowids is not None else ("a.story_id", list(stories))
        out: list[tuple[int, str, str | None, str]] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            q = (f"SELECT c.rowid, a.outlet, a.story_id, json_extract(c.data, '$.text') FROM claims c"
                 f" JOIN articles a ON a.id = c.article_id WHERE {column} IN ({','.join('?' * len(chunk))})")
            out += [(int(r), outlet, story, text or "") for r, outlet, story, text in self.db.execute(q, chunk)]
        return out

    def claims_without_story(self) -> list[int]:
        """Row ids of the claims whose article no story holds yet, in row order."""
        q = "SELECT c.rowid FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.story_id IS NULL ORDER BY c.rowid"
        return [int(r[0]) for r in self.db.execute(q)]

    def story_claims_mentioning(self, story_id: str, other_than_outlet: str, word: str, limit: int) -> list[int]:
        """Row ids of claims of a story, from outlets other than one, whose text holds a word."""
        rows = self.db.execute(
            "SELECT c.rowid FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.story_id = ? "
            "AND a.outlet != ? AND json_extract(c.data, '$.text') LIKE ? LIMIT ?",
            (story_id, other_than_outlet, f"%{word}%", limit)).fetchall()
        return [int(r[0]) for r in rows]

    def articles_per_outlet(self) -> dict[str, int]:
        """outlet -> number of stored articles."""
        if self._outlet_counts_current():
            return dict(self.db.execute("SELECT outlet, articles FROM outlet_counts WHERE articles > 0").fetchall())
        return dict(self.db.execute("SELECT outlet, count(*) FROM articles GROUP BY outlet").fetchall())

    def article_counts(self) -> dict[str, int]:
        """How many articles, outlets and stories the store holds."""
        per_outlet = self.articles_per_outlet()
        stories = self.db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
        return {"articles": sum(per_outlet.values()), "outlets": len(per_outlet), "stories": int(stories)}

    def claims_per_outlet(self) -> dict[str, int]:
        """outlet -> number of stored claims."""
        if self._outlet_counts_current():
            return dict(self.db.execute("SELECT outlet, claims FROM outlet_counts WHERE claims > 0").fetchall())
        return dict(self.db.execute("SELECT a.outlet, count(*) FROM claims c JOIN articles a ON a.id = c.article_id"
                                    " GROUP BY a.outlet").fetchall())

    def unchecked_rowids(self) -> list[int]:
        return [int(r[0]) for r in self.db.execute("SELECT rowid FROM claims WHERE checked=0 ORDER BY rowid")]

    def mark_checked(self, rowids: Sequence[int]) -> None:
        self.db.executemany("UPDATE claims SET checked=1 WHERE rowid=?", [(int(r),) for r in rowids])

    def update_claims(self, claims: dict[int, Claim]) -> None:
        self.db.executemany("UPDATE claims SET data=? WHERE rowid=?",
                            [(claim_to_json(c), int(r)) for r, c in claims.items()])

    # -- vectors -------------------------------------------------------------------
    def cached_vectors(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        hashes = list(set(hashes))
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            q = f"SELECT content_hash, vec FROM vectors WHERE model=? AND content_hash IN ({','.join('?' * len(chunk))})"
            for h, blob in self.db.execute(q, [self.model, *chunk]):
                out[h] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO vectors(model, content_hash, vec) VALUES (?,?,?)",
                            [(self.model, h, np.asarray(v, np.float32).tobytes()) for h, v in vectors.items()])

    def claim_vectors(self, rowids: Sequence[int]) -> np.ndarray:
        """The cached vectors of these claims, in order."""
        rowids = [int(r) for r in rowids]
        by_row: dict[int, bytes] = {}
        for i in range(0, len(rowids), 500):
            chunk = rowids[i:i + 500]
            q = (f"SELECT c.rowid, v.vec FROM claims c JOIN vectors v ON v.content_hash=c.content_hash AND v.model=?"
                 f" WHERE c.rowid IN ({','.join('?' * len(chunk))})")
            by_row.update(self.db.execute(q, [self.model, *chunk]).fetchall())
        missing = [r for r in rowids if r not in by_row]
        if missing:
            raise StoreError(f"{self.path}: {len(missing)} claims have no cached vector; run 'consistency ingest' again")
        out = np.empty((len(rowids), self.dim), dtype=np.float32)
        for i, r in enumerate(rowids):
            out[i] = np.frombuffer(by_row[r], dtype=np.float32)
        return out

    # -- index ---------------------------------------------------------------------
    @property
    def index(self) -> VectorIndex:
        if self._index is None:
            self.sync_index(save=not self.readonly)
        return self._index

    def reload_index(self) -> None:
        """Read the index file again (a batch may have replaced it) and bring it level with the database."""
        self._index = None
        self.sync_index(save=False)

    def _load_index(self) -> VectorIndex:
        """The index file, or a fresh index when it is missing, unreadable or built for other vectors."""
        path = self.path / INDEX_NAME
        try:
            index = VectorIndex.load(path, self.dim)
        except Exception as exc:  # noqa: BLE001 - faiss raises RuntimeError with C++ text for damaged files
            logger.warning("%s cannot be read (damaged or cut short: %s); rebuilding it from the database", path,
                           type(exc).__name__)
            return VectorIndex(self.dim)
        if index.dim != self.dim:
            logger.warning("%s holds %d-dimensional vectors, not %d; rebuilding it from the database",
                           path, index.dim, self.dim)
            return VectorIndex(self.dim)
        return index

    def sync_index(self, *, save: bool = True) -> int:
        """Make the index hold exactly the stored claims, in row order; returns how many entries changed.

        A missing, damaged or disagreeing index file is rebuilt from the cached vectors, never
        re-embedded. Row order matters: searches break ties by position, so an index rebuilt here
        answers exactly as one grown claim by claim. With ``save`` the file is rewritten when it was
        rebuilt or lags too far behind (``save_index_when_behind``).
        """
        loaded = self._index is None
        index = self._index if self._index is not None else self._load_index()
        stored = self.claim_rowid_list()
        held = index.ids()
        if len(held) > len(stored) or not np.array_equal(held, stored[:len(held)]):
            # Ids the database lacks, or not the stored rows' prefix in row order: start over.
            logger.warning("%s disagrees with the database (%d unknown ids); rebuilding it",
                           self.path / INDEX_NAME, len(np.setdiff1d(held, stored)))
            changed = len(held)
            index = VectorIndex(self.dim, flat_limit=index.flat_limit)
            held = index.ids()
        else:
            changed = 0
        if loaded:
            self._file_rows = len(held)
        self._index = index
        missing = stored[len(held):]
        for i in range(0, len(missing), 50_000):
            part = missing[i:i + 50_000]
            index.add(part, self.claim_vectors(part.tolist()))
        self._compress_when_large()
        changed += len(missing)
        if changed:
            logger.info("index synced: %d entries written", changed)
            if save and not self.readonly:
                self._save_if_behind()
        return changed

    def save_index_when_behind(self) -> bool:
        """Rewrite the index file once it lacks more than ``INDEX_LAG`` of the claims it holds (or it
        is missing, or its size is unknown), loading it only then; returns whether it was written.

        Writing the whole index every night would cost what the store holds; writing it when
        its lag has grown by a share of its size costs, spread over the nights, what they add."""
        if self._index is None:
            from . import index as vector_index

            saved, count = self.get_meta(INDEX_ROWS), self.claim_count()
            # past a size where the index changes kind, a lagging file would change kind at every load
            kinds = (vector_index.FLAT_LIMIT, vector_index.COMPRESS_LIMIT)
            if isinstance(saved, int) and saved > 0 and (self.path / INDEX_NAME).exists() \
                    and 0 <= count - saved <= allowed_lag(saved) and not any(saved <= k < count for k in kinds):
                return False
            self.sync_index(save=False)
            if saved != self._file_rows and not self.readonly:
                self.set_meta(INDEX_ROWS, self._file_rows)  # as read: the next nights need not read it
        return self._save_if_behind()

    def _save_if_behind(self) -> bool:
        if self._file_rows and len(self._index) - self._file_rows <= allowed_lag(self._file_rows):
            return False
        self.save_index()
        return True

    @property
    def index_loaded(self) -> bool:
        """Whether the index is in memory (adding claims must then add their vectors to it)."""
        return self._index is not None

    def claim_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def add_to_index(self, rowids: Sequence[int], vectors: np.ndarray) -> None:
        self.index.add(np.asarray(rowids, dtype=np.int64), vectors)
        self._compress_when_large()

    def _compress_when_large(self) -> None:
        """Past ``COMPRESS_LIMIT`` vectors, rebuild the index compressed from the cached vectors."""
        from . import index as vector_index
        from .compressed import build

        if self.readonly or self._index is None or self._index.type_name == "ivfpq" \
                or len(self._index) <= vector_index.COMPRESS_LIMIT:
            return
        rowids = np.array([r[0] for r in self.db.execute("SELECT rowid FROM claims ORDER BY rowid")], np.int64)
        rng = np.random.default_rng(0)
        sample = self.claim_vectors(np.sort(rng.choice(rowids, min(len(rowids), TRAIN_SAMPLE), replace=False)).tolist())
        shards = ((rowids[i:i + SHARD], self.claim_vectors(rowids[i:i + SHARD].tolist()))
                  for i in range(0, len(rowids), SHARD))
        logger.info("compressing the claim index: %d vectors", len(rowids))
        self._index = build(shards, sample, len(rowids), vector_index.vectors_file(self.path / INDEX_NAME))
        self._file_rows = 0  # the file holds another kind of index: it must be written again

    def save_index(self) -> None:
        """Write the whole index file now, and note how many claims it holds."""
        if self._index is not None:
            self._index.save(self.path / INDEX_NAME)
            self._file_rows = len(self._index)
            if not self.readonly:
                self.set_meta(INDEX_ROWS, self._file_rows)

    # -- candidate pairs -----------------------------------------------------------
    def add_pairs(self, pairs: Iterable[tuple[int, int, float]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO pairs(a, b, score) VALUES (?,?,?)",
                            [(min(a, b), max(a, b), float(s)) for a, b, s in pairs])

    def pairs(self) -> list[tuple[int, int, float]]:
        return [(int(a), int(b), float(s)) for a, b, s in self.db.execute("SELECT a, b, score FROM pairs")]

    def pairs_touching(self, rowids: Iterable[int], *, loud_only: bool = False) -> list[tuple[int, int, float]]:
        """Every pair with one of these claims at either end, each once, in (a, b) order;
        ``loud_only`` leaves out pairs a check found to take no part in any flag or cluster."""
        rowids = sorted({int(r) for r in rowids})
        where = " AND quiet IS NOT 1" if loud_only else ""
        found = set(self._select_in("SELECT a, b, score FROM pairs WHERE a IN ({})" + where, rowids))
        found |= set(self._select_in("SELECT a, b, score FROM pairs WHERE b IN ({})" + where, rowids))
        return sorted((int(a), int(b), float(s)) for a, b, s in found)

    def pair_outcomes(self, rowids: Iterable[int]) -> dict[tuple[int, int], str]:
        """(a, b) -> the stored outcome of every loud pair with one of these claims at either end
        that a check compared (``compare.outcomes``)."""
        rowids = sorted({int(r) for r in rowids})
        if not self._has_pair_outcomes():
            return {}
        q = "SELECT a, b, outcome FROM pairs WHERE {} IN ({{}}) AND quiet IS NOT 1 AND outcome IS NOT NULL"
        found = self._select_in(q.format("a"), rowids) + self._select_in(q.format("b"), rowids)
        return {(int(a), int(b)): text for a, b, text in found}

    def pairs_without_outcome(self, code: str) -> list[tuple[int, int, float]]:
        """The loud pairs whose outcome is not kept, or was kept by other code than ``code``."""
        q = ("SELECT a, b, score FROM pairs WHERE quiet IS NOT 1"
             " AND (outcome IS NULL OR json_extract(outcome, '$.code') IS NOT ?) ORDER BY a, b")
        return [(int(a), int(b), float(s)) for a, b, s in self.db.execute(q, (code,))]

    def save_pair_outcomes(self, outcomes: dict[tuple[int, int], str]) -> None:
        """Keep what comparing these pairs found, for the next check of their stories."""
        self.db.executemany("UPDATE pairs SET outcome=? WHERE a=? AND b=?",
                            [(text, int(a), int(b)) for (a, b), text in outcomes.items()])

    def _has_pair_outcomes(self) -> bool:
        """Whether the pairs keep their outcomes (an older store opened read-only does not)."""
        return "outcome" in {r[1] for r in self.db.execute("PRAGMA table_info(pairs)")}

    def mark_quiet(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Record pairs that take no part in any flag or cluster (a new score makes them loud again)."""
        self.db.executemany("UPDATE pairs SET quiet=1 WHERE a=? AND b=?", [(int(a), int(b)) for a, b in pairs])

    # -- flags, reviews, runs ------------------------------------------------------
    def start_run(self, kind: str) -> int:
        cur = self.db.execute("INSERT INTO runs(started, kind) VALUES (?, ?)", (_now(), kind))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, stats: dict) -> None:
        self.db.execute("UPDATE runs SET finished=?, stats=? WHERE id=?", (_now(), json.dumps(stats), run_id))

    def runs_version(self) -> tuple[int | None, int]:
        """(last run id, finished runs): changes whenever a run starts or finishes."""
        return tuple(self.db.execute("SELECT max(id), count(finished) FROM runs").fetchone())

    def runs(self, kind: str | None = None) -> list[dict]:
        q = "SELECT id, started, finished, kind, stats FROM runs"
        rows = self.db.execute(q + (" WHERE kind=?" if kind else "") + " ORDER BY id", (kind,) if kind else ())
        return [{"id": r[0], "started": r[1], "finished": r[2], "kind": r[3], "stats": json.loads(r[4])} for r in rows]

    def save_flags(self, flags: Sequence[Flag], run_id: int, scope: Sequence[str] | None = None
                   ) -> dict[str, list[str]]:
        """Record this run's flags; returns ids that are new, carried over and resolved.

        ``scope`` names the open flags this run recomputed: those not among ``flags`` are
        resolved, and open flags outside it are carried as they are. Without it, every open
        flag not among ``flags`` is resolved.
        """
        from .encoding import flag_to_json

        if scope is None:
            existing = {r[0]: (r[1], r[2]) for r in self.db.execute("SELECT id, evidence_hash, status FROM flags")}
            candidates = [fid for fid, (_, status) in existing.items() if status == "open"]
        else:
            ids = sorted({f.id for f in flags} | set(scope))
            existing = {r[0]: (r[1], r[2])
                        for r in self._select_in("SELECT id, evidence_hash, status FROM flags WHERE id IN ({})", ids)}
            candidates = list(scope)
        seen = set()
        new, carried = [], []
        for f in flags:
            seen.add(f.id)
            ev = evidence_hash(f)
            if f.id in existing and existing[f.id][1] == "open":
                carried.append(f.id)
                if existing[f.id][0] == ev:
                    self.db.execute("UPDATE flags SET last_run=? WHERE id=?", (run_id, f.id))
                    continue
                self.db.execute(f"UPDATE flags SET data=?1, evidence_hash=?2, last_run=?3, {_TALLY_SET} WHERE id=?4",
                                (flag_to_json(f), ev, run_id, f.id))
            else:
                new.append(f.id)
                self.db.execute(
                    "INSERT OR REPLACE INTO flags(id, type, data, evidence_hash, first_run, last_run, status,"
                    f" confidence, story_id) VALUES (?4, ?5, ?1, ?2, ?3, ?3, 'open', {_TALLY_VALUES})",
                    (flag_to_json(f), ev, run_id, f.id, f.type))
            self.db.execute("DELETE FROM flag_claims WHERE flag_id=?", (f.id,))
            self.db.executemany("INSERT OR IGNORE INTO flag_claims(claim_id, flag_id) VALUES (?, ?)",
                                [(c, f.id) for c in f.claims])
            self.db.execute("DELETE FROM flag_outlets WHERE flag_id=?", (f.id,))
            self.db.executemany("INSERT OR IGNORE INTO flag_outlets(flag_id, outlet) VALUES (?, ?)",
                                [(f.id, o) for o in set(f.outlets)])
        resolved = [fid for fid in dict.fromkeys(candidates)
                    if fid not in seen and existing.get(fid, ("", ""))[1] == "open"]
        self.set_meta(FLAG_TALLIES, run_id)  # this check's run keeps the tally columns
        self.db.executemany("UPDATE flags SET status='resolved', last_run=? WHERE id=?",
                            [(run_id, fid) for fid in resolved])
        if scope is not None:  # flags outside the scope stand as they were: carried over by this run
            # Their rows are not rewritten (last_run stays the last check that compared them), so
            # a night writes what it compared, not every open flag of the store.
            carried += [r[0] for r in self.db.execute("SELECT id FROM flags WHERE status='open' AND last_run<?",
                                                      (run_id,))]
        return {"new": new, "carried": carried, "resolved": resolved}

    def ingested_since(self, run_id: int) -> tuple[list[str], int]:
        """Ids of the articles stored by runs after ``run_id``, and how many claims they hold."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM articles WHERE run_id > ? ORDER BY rowid", (run_id,))]
        claims = self.db.execute("SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id"
                                 " WHERE a.run_id > ?", (run_id,)).fetchone()[0]
        return ids, int(claims)

    def flag_changes_since(self, run_id: int, open_ids: Sequence[str]) -> dict[str, list[str]]:
        """Which open flags are new since check run ``run_id`` and which carry over, and which
        flags open then have been resolved since: the changes one report must show, however many
        checks ran (or were interrupted) in between."""
        first = dict(self._select_in("SELECT id, first_run FROM flags WHERE id IN ({})", sorted(set(open_ids))))
        new = [f for f in open_ids if first.get(f, run_id + 1) > run_id]
        carried = [f for f in open_ids if first.get(f, run_id + 1) <= run_id]
        resolved = [r[0] for r in self.db.execute(
            "SELECT id FROM flags WHERE status='resolved' AND last_run > ? AND first_run <= ? ORDER BY id",
            (run_id, run_id))]
        return {"new": new, "carried": carried, "resolved": resolved}

    def open_flags_touching(self, claim_ids: Iterable[str]) -> list[Flag]:
        """Open flags on any of these claims."""
        from .encoding import flag_from_json

        q = ("SELECT DISTINCT f.id, f.data FROM flag_claims fc JOIN flags f ON f.id = fc.flag_id"
             " WHERE f.status='open' AND fc.claim_id IN ({})")
        rows = dict(self._select_in(q, sorted(set(claim_ids))))
        return [flag_from_json(d) for _, d in sorted(rows.items())]

    def flags(self, status: str | None = "open") -> list[Flag]:
        from .encoding import flag_from_json

        q = "SELECT data FROM flags" + (" WHERE status=?" if status else "") + " ORDER BY first_run, id"
        return [flag_from_json(r[0]) for r in self.db.execute(q, (status,) if status else ())]

    def flag_rows(self, ids: Sequence[str] | None = None) -> list[dict]:
        """Bookkeeping (type, first and last run, status, evidence hash) of every flag or of these."""
        q = "SELECT id, type, first_run, last_run, status, evidence_hash FROM flags"
        rows = self.db.execute(q).fetchall() if ids is None else self._select_in(q + " WHERE id IN ({})", list(ids))
        return [dict(zip(("id", "type", "first_run", "last_run", "status", "evidence_hash"), r)) for r in rows]

    def open_flags_by_id(self, ids: Sequence[str]) -> list[Flag]:
        """The open flags among these ids."""
        from .encoding import flag_from_json

        rows = self._select_in("SELECT data FROM flags WHERE status='open' AND id IN ({})", sorted(set(ids)))
        return [flag_from_json(r[0]) for r in rows]

    def open_flag_tallies(self, min_confidence: float = 0.0) -> dict:
        """Counts over the open flags (``open_all``) and those at or above ``min_confidence``: all of them (``open``), and of those
        no standing review dismissed, by type, by outlet, their stories, and per outlet the claims
        they call unsupported repetitions. Aggregates over the flags' tally columns and a covering
        index, kept by ``save_flags``: the flags are not read whole."""
        x = TALLY_COLUMNS if self._flag_tallies_current() else TALLY_JSON
        live = (f"f.status = 'open' AND {x['confidence']} >= ?1 AND NOT EXISTS (SELECT 1 FROM reviews r"
                " WHERE r.flag_id = f.id AND r.evidence_hash = f.evidence_hash AND r.verdict = 'dismissed')")
        total = self.db.execute(f"SELECT count(*), coalesce(sum({x['confidence']} >= ?1), 0) FROM flags f"
                                " WHERE f.status = 'open'", (min_confidence,)).fetchone()
        by_type = dict(self.db.execute(f"SELECT f.type, count(*) FROM flags f WHERE {live} GROUP BY f.type",
                                       (min_confidence,)).fetchall())
        stories = self.db.execute(f"SELECT count(DISTINCT {x['story']}) FROM flags f WHERE {live}"
                                  f" AND coalesce({x['story']}, '') != ''", (min_confidence,)).fetchone()[0]
        by_outlet = dict(self.db.execute(
            f"SELECT o.outlet, count(*) FROM flags f JOIN ({x['outlets']}) o ON o.flag_id = f.id WHERE {live}"
            " GROUP BY o.outlet", (min_confidence,)).fetchall())
        # The planner takes the unique id indexes, which leave it to read each claim's and article's row.
        covered = self._has_indexes("claims_id_article", "articles_id_outlet")
        claims, articles = ("claims c INDEXED BY claims_id_article", "articles a INDEXED BY articles_id_outlet"
                            ) if covered else ("claims c", "articles a")
        repeated = dict(self.db.execute(
            "SELECT a.outlet, count(DISTINCT fc.claim_id) FROM flags f JOIN flag_claims fc ON fc.flag_id = f.id"
            f" JOIN {claims} ON c.id = fc.claim_id JOIN {articles} ON a.id = c.article_id"
            f" WHERE f.type = 'unsupported_repetition' AND {live} GROUP BY a.outlet", (min_confidence,)).fetchall())
        return {"open": int(total[1]), "open_all": int(total[0]), "by_type": by_type, "stories": int(stories),
                "by_outlet": by_outlet, "repeated_by_outlet": repeated}

    def _has_indexes(self, *names: str) -> bool:
        """Whether these indexes exist (an older store opened read-only may lack them)."""
        found = self._select_in("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({})", list(names))
        return found[0][0] == len(names)

    def flag(self, flag_id: str) -> Flag | None:
        from .encoding import flag_from_json

        row = self.db.execute("SELECT data FROM flags WHERE id=?", (flag_id,)).fetchone()
        return flag_from_json(row[0]) if row else None

    def set_review(self, flag_id: str, verdict: str, note: str) -> None:
        row = self.db.execute("SELECT evidence_hash FROM flags WHERE id=?", (flag_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no flag with id {flag_id!r}; list flags with 'consistency check --format json'")
        self.db.execute("INSERT OR REPLACE INTO reviews(flag_id, verdict, note, evidence_hash, at) VALUES (?,?,?,?,?)",
                        (flag_id, verdict, note, row[0], _now()))

    def reviews(self) -> dict[str, dict]:
        """Verdicts that still apply: a review lapses when the flag's evidence has changed."""
        q = ("SELECT r.flag_id, r.verdict, r.note, r.at, r.evidence_hash = f.evidence_hash"
             " FROM reviews r JOIN flags f ON f.id = r.flag_id")
        return {r[0]: {"verdict": r[1], "note": r[2], "at": r[3]} for r in self.db.execute(q) if r[4]}

    def lapsed_reviews(self) -> dict[str, dict]:
        """Reviews whose flag's evidence has changed since the verdict: they no longer apply."""
        q = ("SELECT r.flag_id, r.verdict, r.note, r.at FROM reviews r JOIN flags f ON f.id = r.flag_id"
             " WHERE r.evidence_hash != f.evidence_hash")
        return {r[0]: {"verdict": r[1], "note": r[2], "at": r[3]} for r in self.db.execute(q)}

    # -- stats ---------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        self.check_integrity()
        one = lambda q: int(self.db.execute(q).fetchone()[0])  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "claims": one("SELECT count(*) FROM claims"),
            "indexed": len(self.index),
            "flags": one("SELECT count(*) FROM flags WHERE status='open'"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
        }


# The tally columns of a flag row, read from its JSON (``?1``) as a recount would read them.
_TALLY_VALUES = "coalesce(json_extract(?1, '$.confidence'), 0.5), json_extract(?1, '$.story_id')"
_TALLY_SET = "confidence = coalesce(json_extract(?1, '$.confidence'), 0.5), story_id = json_extract(?1, '$.story_id')"


def _story_head(s: dict) -> tuple[bytes, int, str, str]:
    """The head columns of a story's row, from its stored state: centroid as float32 bytes, size, span."""
    return np.asarray(s["centroid"], dtype=np.float32).tobytes(), int(s["n"]), s["first"], s["last"]


def evidence_hash(flag: Flag) -> str:
    from ..records import content_hash

    return content_hash(json.dumps([sorted(flag.values.items()), sorted(e.text for e in flag.evidence)]))


def _create(path: Path) -> None:
    """Make a new database file whole: a crash while it is made leaves no file, never one without tables."""
    tmp = path.with_name(path.name + ".new")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp, isolation_level=None)
    db.executescript(SCHEMA)
    db.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


__all__ = ["Store", "Evidence"]
