"""Cold and warm query time: `consistency query` run as a fresh process on a synthetic store of N claims.

    python3 scripts/bench_query_cli.py --claims 20000
    python3 scripts/bench_query_cli.py --claims 20000 --json     # {"cold_s": ..., "warm_ms": ...}

The store is the one scripts/bench_query.py builds (seeded template claims, MiniLM vectors), and
its search state is saved as `consistency ingest` saves it. ``cold_s`` is the wall time of the
whole command (interpreter start, imports, loading, the query, printing) from a fresh process,
median over ``--runs`` different queries; ``cold_cpu_s`` is that process's user + system CPU
time, what it costs on a core of its own when the machine is shared. The package's bytecode is
compiled first, as ``pip install`` does (with PYTHONDONTWRITEBYTECODE set, a source tree would
otherwise be compiled again by every process); ``--no-bytecode`` removes it and times the bare
source tree. ``warm_ms`` is the median of queries answered by one already-loaded QueryEngine,
as `consistency serve` answers them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bench_query import _holds, build, render  # noqa: E402


def prepare(store_dir: Path, n: int, embedder: str, seed: int) -> dict:
    """Build the synthetic store (unless it already holds n claims) and save its search state."""
    from consistency.embed import get_embedder
    from consistency.query.state import STATE_NAME, retriever_for
    from consistency.store.database import Store

    built: dict = {"reused": True}
    if not _holds(store_dir, n):
        if store_dir.exists():
            shutil.rmtree(store_dir)
        t0 = time.perf_counter()
        built = build(store_dir, n, embedder, seed)
        built["build_s"] = round(time.perf_counter() - t0, 1)
    model = "hashing" if embedder == "hashing" else "all-MiniLM-L6-v2"
    with Store(store_dir, model=model) as store:
        t0 = time.perf_counter()
        _, changed = retriever_for(store, get_embedder(embedder), save=None)
        built["search_state_s"] = round(time.perf_counter() - t0, 1) if changed else 0.0
    built["search_state_mb"] = round((store_dir / STATE_NAME).stat().st_size / 1e6, 1)
    return built


def cold(store_dir: Path, queries: list[str], embedder: str, bytecode: bool = True) -> tuple[list[float], list[float]]:
    """Wall seconds and CPU seconds (user + system) of `consistency query` in a fresh interpreter, one per query."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CONSISTENCY_EMBEDDER": embedder}
    if bytecode:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "consistency")], check=True)
    else:  # the package's own bytecode removed (it is rebuilt by the next run without the flag)
        for cache in (ROOT / "consistency").rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    times, cpu = [], []
    for q in queries:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "consistency.cli", "query", q, "--store", str(store_dir),
                              "--format", "json", "-k", "10"], env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if out.returncode != 0 or not json.loads(out.stdout)["matches"]:
            raise SystemExit(f"consistency query failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    return times, cpu


def warm(store_dir: Path, queries: list[str], embedder: str) -> list[float]:
    """Milliseconds per query of one loaded QueryEngine (after a few untimed queries)."""
    from consistency.options import Options
    from consistency.query.engine import QueryEngine

    engine = QueryEngine(Options(store=store_dir, embedder=embedder))
    for q in queries[:3]:
        engine.query(q, 10)
    times = []
    for q in queries:
        t0 = time.perf_counter()
        engine.query(q, 10)
        times.append((time.perf_counter() - t0) * 1000)
    engine.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=20000, help="How many claims the synthetic store holds.")
    ap.add_argument("--runs", type=int, default=5, help="Cold processes to time (one query each).")
    ap.add_argument("--warm-queries", type=int, default=50, help="Queries timed on the loaded engine.")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--store", type=Path, default=None, help="Keep the store here (reused when it holds N claims).")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-bytecode", action="store_true",
                    help="Remove the package's bytecode instead of compiling it (time the bare source tree).")
    ap.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = ap.parse_args()
    tmp = None
    store_dir = args.store
    if store_dir is None:
        tmp = tempfile.mkdtemp(prefix="bench-query-cli-")
        store_dir = Path(tmp) / "store"
    try:
        built = prepare(store_dir, args.claims, args.embedder, args.seed)
        rng = np.random.default_rng(args.seed + 7)
        cold_queries = [render(rng) for _ in range(args.runs)]
        cold_s, cold_cpu = cold(store_dir, cold_queries, args.embedder, bytecode=not args.no_bytecode)
        warm_ms = warm(store_dir, [render(rng) for _ in range(args.warm_queries)], args.embedder)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    result = {"claims": args.claims, "cold_s": round(statistics.median(cold_s), 2),
              "cold_max_s": round(max(cold_s), 2), "cold_cpu_s": round(statistics.median(cold_cpu), 2), "cold_runs": [round(t, 2) for t in cold_s],
              "warm_ms": round(statistics.median(warm_ms), 1),
              "warm_p95_ms": round(float(np.percentile(warm_ms, 95)), 1), "embedder": args.embedder,
              "bytecode": not args.no_bytecode,
              "load_avg": round(os.getloadavg()[0], 1), "build": built}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.claims:,} claims: cold `consistency query` {result['cold_s']} s wall (median of {args.runs} fresh "
              f"processes, max {result['cold_max_s']} s; CPU {result['cold_cpu_s']} s); warm {result['warm_ms']} ms median, p95 "
              f"{result['warm_p95_ms']} ms ({args.embedder}; load average {result['load_avg']})")
        print(f"store: {json.dumps(built)}")


if __name__ == "__main__":
    main()
