"""Time a nightly run that adds NEW articles to a store of BASE, against a full rebuild of BASE+NEW.

    python3 scripts/bench_nightly.py --base 10000 --new 1000 --json
    python3 scripts/bench_nightly.py --base 2000 --new 200 --embedder hashing
    python3 scripts/bench_nightly.py --ecbplus ../shared/bench/ecbplus --new 100
    python3 scripts/bench_nightly.py --base 50000 --new 1000 --embedder hashing --base-cache ~/.cache/bench-nightly --no-rebuild --json
    python3 scripts/bench_nightly.py --base 50000 --new 1000 --embedder hashing --base-store OLD/store --no-rebuild --json
    OMP_NUM_THREADS=1 python3 scripts/bench_nightly.py --base 2000 --new 200 --embedder hashing --no-rebuild --dump one/

Articles are generated from templates (seeded: stories covered by several outlets, with
named people, organisations, places, figures, dates and attributed quotes), or read from
ECB+ with ``--ecbplus PATH``. Models are loaded once before timing starts, so both figures
measure the batch itself: ingest, check and writing the report.

Building a base of tens of thousands of articles takes hours on a small machine (it parses
every article). ``--base-cache DIR`` keeps the store the base run built, keyed by the base
size, the articles, the embedder and a hash of the package's code and models, and copies it
in place of building it again; the night and the rebuild are still run and timed in full.
``--base-store DIR`` copies a store built earlier (by this or an older version) in place of the
base, for a base too large to build again after every change; the copy is never written to the
source. A copied base is brought up to this version's layout before the timing starts, as the
first batch after an upgrade would (``upgrade_s``, not part of the night): the tally columns and
the stories' head columns are filled, the rows the index file holds are noted, the outcome of
every loud pair is kept (``keep_pair_outcomes``: the nights after an upgrade would keep them story
by story as they compare them) and the writer closes cleanly, so the night starts as any night
after a clean one does. ``--no-rebuild`` skips the rebuild (``rebuild_s`` and ``ratio`` are
then null): the 50k point of the targets compares nights only. Besides wall seconds the JSON gives
this process's CPU seconds per stage (``incremental_stages_cpu_s``) and the load average before and
after, since on a shared machine the wall time says as much about the neighbours as about the code.
``--dump DIR`` writes the night's flags, pairs and story assignments as sorted TSV files, so two
nights (two thread settings, two versions of the code) can be compared with ``diff -r``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_news import synthetic  # noqa: E402
from consistency import Options  # noqa: E402
from consistency.nightly import run  # noqa: E402

def ecbplus(path: Path, n: int) -> list[dict]:
    """The first ``n`` ECB+ documents as articles."""
    from urllib.parse import urlsplit

    from bench.ecbplus import read_ecbplus

    out = []
    start = datetime(2026, 1, 5, 6, tzinfo=timezone.utc)
    for d in read_ecbplus(path)[:n]:  # ECB+ carries no outlet or date: the URL's host and the topic stand in
        host = urlsplit(d.url).netloc.removeprefix("www.") if d.url else ""
        out.append({"id": d.doc_id, "outlet": host or f"outlet-{hash(d.doc_id) % 40}",
                    "url": d.url or f"https://ecbplus.example/{d.doc_id}", "title": d.title,
                    "published": (start + timedelta(days=d.topic, hours=len(out) % 48)).isoformat(), "text": d.text})
    return out


def _write(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=int, default=10000, help="articles already in the store")
    ap.add_argument("--new", type=int, default=1000, help="articles arriving tonight")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--ecbplus", type=Path, default=None, help="read articles from this ECB+ folder instead")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--base-cache", type=Path, default=None,
                    help="keep the base store here and reuse it when base, articles, embedder and code match")
    ap.add_argument("--base-store", type=Path, default=None,
                    help="copy this store (built from the same --base articles) as the base instead of building it")
    ap.add_argument("--no-rebuild", action="store_true", help="time the night only, not a full rebuild")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--dump", type=Path, default=None, help="write the night's flags, pairs and stories here as TSV")
    args = ap.parse_args()

    load_before = round(os.getloadavg()[0], 1)
    total = args.base + args.new
    rows = ecbplus(args.ecbplus, total) if args.ecbplus else synthetic(total, args.seed)
    if len(rows) < total:
        sys.exit(f"only {len(rows)} articles available; lower --base/--new")
    with tempfile.TemporaryDirectory(prefix="bench-nightly-") as tmp:
        tmp = Path(tmp)
        base, new = _write(rows[:args.base], tmp / "base.jsonl"), _write(rows[args.base:], tmp / "new.jsonl")
        _warm_up(args.embedder)
        opts = Options(store=tmp / "store", embedder=args.embedder)
        source = str(args.ecbplus) if args.ecbplus else f"synthetic(seed={args.seed})"
        cached = _cache_dir(args.base_cache, args.base, source, args.embedder) if args.base_cache else None
        t = time.perf_counter()
        if args.base_store is not None:
            if not (args.base_store / "consistency.sqlite").is_file():
                sys.exit(f"{args.base_store}: no store here (consistency.sqlite missing); give a store directory")
            shutil.copytree(args.base_store, opts.store)
            base_articles, base_from = args.base, str(args.base_store)
            upgrade_s = _upgrade(opts)
        elif cached is not None and (cached / "store").is_dir():
            shutil.copytree(cached / "store", opts.store)
            base_articles, base_from = args.base, str(cached)
            upgrade_s = _upgrade(opts)
        else:
            base_articles, base_from = run([base], opts, tmp / "out").ingest.articles_new, "built"
            upgrade_s = 0.0
            if cached is not None:
                shutil.copytree(opts.store, cached / ".store.tmp", dirs_exist_ok=True)
                os.replace(cached / ".store.tmp", cached / "store")
        base_s = time.perf_counter() - t
        t, c = time.perf_counter(), time.process_time()
        night = run([new], opts, tmp / "out")
        incremental_s, incremental_cpu_s = time.perf_counter() - t, time.process_time() - c
        if args.dump is not None:
            dump_tables(opts.store, args.dump)
        rebuilt, rebuild_s = None, None
        if not args.no_rebuild:
            t = time.perf_counter()
            rebuilt = run([base, new], Options(store=tmp / "fresh", embedder=args.embedder), tmp / "out-fresh")
            rebuild_s = time.perf_counter() - t
    after = (rebuilt or night).summary
    result = {
        "base": args.base, "new": args.new, "embedder": args.embedder, "source": source,
        "incremental_s": round(incremental_s, 2), "rebuild_s": round(rebuild_s, 2) if rebuild_s else None,
        "ratio": round(incremental_s / rebuild_s, 4) if rebuild_s else None, "base_build_s": round(base_s, 2),
        "base_from": base_from,
        "incremental_stages_s": {k: round(v, 2) for k, v in night.timings.items()},
        "incremental_cpu_s": round(incremental_cpu_s, 2),
        "incremental_stages_cpu_s": {k: round(v, 2) for k, v in night.cpu.items()},
        "upgrade_s": round(upgrade_s, 2),
        "rebuild_stages_s": {k: round(v, 2) for k, v in rebuilt.timings.items()} if rebuilt else None,
        "claims": after["claims"], "flags_open": after["flags_open"],
        "night_new_flags": len(night.check.new), "night_articles_new": night.ingest.articles_new,
        "base_articles": base_articles, "load_avg": round(os.getloadavg()[0], 1),
        "load_avg_before": load_before,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"night adding {args.new} articles to {args.base}: {incremental_s:.1f}s "
              f"({', '.join(f'{k} {v:.1f}s' for k, v in night.timings.items())})")
        if rebuilt is not None:
            print(f"full rebuild of {total}: {rebuild_s:.1f}s "
                  f"({', '.join(f'{k} {v:.1f}s' for k, v in rebuilt.timings.items())})")
        print(f"ratio {result['ratio']} (target <= 0.15); {result['claims']} claims, {result['flags_open']} open flags; "
              f"base {base_from}; load average {result['load_avg']}")


_TABLES = {
    "flags.tsv": ["select id, type, status, first_run, last_run, confidence, story_id, evidence_hash from flags order by id"],
    "pairs.tsv": ["select a, b, score, quiet, outcome from pairs order by a, b"],
    "stories.tsv": ["select id, story_id from articles order by id", "select 'S', id, thread_id from stories order by id"],
}


def dump_tables(store: Path, out: Path) -> None:
    """Write the store's flags, pairs and story assignments to ``out`` as sorted TSV files."""
    out.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(f"file:{store / 'consistency.sqlite'}?mode=ro", uri=True)
    try:
        for name, queries in _TABLES.items():
            with open(out / name, "w", encoding="utf-8") as f:
                for query in queries:
                    for row in db.execute(query):
                        f.write("\t".join(map(str, row)) + "\n")
    finally:
        db.close()


def _upgrade(opts: Options) -> float:
    """Bring a copied base store up to this version's layout before timing (an upgrade is done
    once, not every night); returns the seconds it took."""
    from consistency.pipeline import keep_pair_outcomes, open_store

    t = time.perf_counter()
    with open_store(opts) as store:
        store.lock()
        store.upgrade()
        store.save_index_when_behind()  # notes the rows of an index file from an older version
    keep_pair_outcomes(opts)
    return time.perf_counter() - t


def _cache_dir(root: Path, base: int, source: str, embedder: str) -> Path:
    """Where the base store for these settings and this code is kept (made if missing)."""
    import hashlib

    import consistency

    digest = hashlib.sha1(f"{base}|{source}|{embedder}".encode())
    package = Path(consistency.__file__).resolve().parent
    for path in sorted(package.rglob("*")):  # the code and models that made the store
        if path.is_file() and path.suffix in (".py", ".json", ".npz"):
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    folder = root.expanduser() / f"base{base}-{embedder}-{digest.hexdigest()[:12]}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _warm_up(embedder: str) -> None:
    """Load spaCy and the embedder before any timing starts."""
    from consistency.extract.nlp import load_nlp
    from consistency.pipeline import embedder_for

    load_nlp()
    embedder_for(Options(embedder=embedder)).embed(["warm up"])


if __name__ == "__main__":
    main()
