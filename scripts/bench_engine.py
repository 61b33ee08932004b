"""Articles per second through the local engine and through Ray with 1 and 2 CPUs, on the same articles.

    python3 scripts/bench_engine.py --articles 500 --json
    python3 scripts/bench_engine.py --articles 100 --embedder hashing

Each run ingests the same generated articles (parse, extract claims, embed, write) into a
fresh store: the part of the nightly batch that Ray spreads over actor pools. Ray's runs start
a local Ray with that many CPUs as ``consistency run --engine ray`` does; their time is what a
user waits for: starting Ray (``ray_*cpu_start_s``; the input is read meanwhile), its actors
loading spaCy and the embedder (which a long night amortises), and writing the store. Models are loaded once
before the local run is timed. ``ray_*cpu_pool_per_s`` is the pool's rate from the moment its first
batch began to the moment its last one ended (actors loaded, driver writing alongside): the
rate a night of a million articles runs at, where start-up is amortised. ``ray_*cpu_per_worker_s`` is articles per second of the actors' own
time on them (parse, extract, embed; not loading, not waiting): the per-CPU rate to size a
cluster with; ``ray_*cpu_per_worker_cpu_s`` the same per CPU-second they used, which a busy
machine changes less. ``scripts/bench_engine_cpu.py`` shows where a run's CPU goes. The load average is printed beside each figure: on a
shared machine, the CPUs Ray is given are not the CPUs it gets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from bench.synthetic_news import synthetic  # noqa: E402
from consistency import Options, ingest  # noqa: E402


def _timed(path: Path, opts: Options) -> tuple[float, int, dict]:
    """Seconds, articles stored, and on Ray the actors' own timings (``extract_and_embed``'s stats)
    with ``start_s``, the seconds Ray took to start (the run starts it, reading its sources meanwhile)."""
    from consistency.engine import distributed

    real, real_init = distributed.extract_and_embed, distributed.init_ray
    stats: dict = {}

    def counted(*args, **kwargs):
        return real(*args, stats=stats, **kwargs)

    def timed_init(*args, **kwargs):
        seconds = real_init(*args, **kwargs)
        stats.setdefault("start_s", seconds)
        return seconds

    distributed.extract_and_embed, distributed.init_ray = counted, timed_init
    try:
        t = time.perf_counter()
        result = ingest([path], opts)
        seconds = time.perf_counter() - t
    finally:
        distributed.extract_and_embed, distributed.init_ray = real, real_init
    return seconds, result.articles_new, stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    import ray

    from consistency.extract.nlp import load_nlp
    from consistency.pipeline import embedder_for

    load_nlp()
    embedder_for(Options(embedder=args.embedder)).embed(["warm up"])
    result: dict = {"articles": args.articles, "embedder": args.embedder, "cpus_on_machine": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
        tmp = Path(tmp)
        path = tmp / "articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in synthetic(args.articles, args.seed)), encoding="utf-8")
        seconds, n, _ = _timed(path, Options(store=tmp / "local", embedder=args.embedder))
        result["local_per_s"] = round(n / seconds, 2)
        result["local_load_avg"] = round(os.getloadavg()[0], 1)
        for cpus in (1, 2):
            opts = Options(store=tmp / f"ray{cpus}", embedder=args.embedder, engine="ray", ray_cpus=cpus)
            try:
                seconds, n, stats = _timed(path, opts)
            finally:
                ray.shutdown()
            result[f"ray_{cpus}cpu_per_s"] = round(n / seconds, 2)
            result[f"ray_{cpus}cpu_start_s"] = round(stats.get("start_s", 0.0), 2)
            busy, cpu = stats.get("worker_s"), stats.get("worker_cpu_s")
            result[f"ray_{cpus}cpu_per_worker_s"] = round(n / busy, 2) if busy else None
            result[f"ray_{cpus}cpu_per_worker_cpu_s"] = round(n / cpu, 2) if cpu else None
            span = stats.get("busy_to", 0.0) - stats.get("busy_from", np.inf)
            result[f"ray_{cpus}cpu_pool_per_s"] = round(n / span, 2) if span > 0 else None
            result[f"ray_{cpus}cpu_load_avg"] = round(os.getloadavg()[0], 1)
    result["ray_2cpu_over_1cpu"] = round(result["ray_2cpu_per_s"] / result["ray_1cpu_per_s"], 3)
    result["ray_2cpu_over_local"] = round(result["ray_2cpu_per_s"] / result["local_per_s"], 3)
    if result["ray_1cpu_pool_per_s"] and result["ray_2cpu_pool_per_s"]:
        result["ray_pool_2cpu_over_1cpu"] = round(result["ray_2cpu_pool_per_s"] / result["ray_1cpu_pool_per_s"], 3)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.articles} articles ({args.embedder}): local {result['local_per_s']}/s "
              f"(load {result['local_load_avg']}); Ray 1 CPU {result['ray_1cpu_per_s']}/s "
              f"(load {result['ray_1cpu_load_avg']}); Ray 2 CPUs {result['ray_2cpu_per_s']}/s "
              f"(load {result['ray_2cpu_load_avg']})")
        print(f"starting Ray (in the times above): 1 CPU {result['ray_1cpu_start_s']} s, "
              f"2 CPUs {result['ray_2cpu_start_s']} s")
        print(f"per second of an actor's time: Ray 1 CPU {result['ray_1cpu_per_worker_s']}, "
              f"Ray 2 CPUs {result['ray_2cpu_per_worker_s']}; per CPU-second: {result['ray_1cpu_per_worker_cpu_s']}, "
              f"{result['ray_2cpu_per_worker_cpu_s']}")
        print(f"the pool, from the first batch begun to the last one done: Ray 1 CPU {result['ray_1cpu_pool_per_s']}/s, "
              f"Ray 2 CPUs {result['ray_2cpu_pool_per_s']}/s (x{result.get('ray_pool_2cpu_over_1cpu')})")
        print(f"Ray 2 CPUs / 1 CPU: {result['ray_2cpu_over_1cpu']} (target >= 1.7); "
              f"Ray 2 CPUs / local: {result['ray_2cpu_over_local']} (target >= 0.9)")


if __name__ == "__main__":
    main()
