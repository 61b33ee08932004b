"""Where the CPU of a Ray ingest goes: the driver by phase, the actors (starting, working), Ray's own processes.

    python3 scripts/bench_engine_cpu.py --articles 500 --cpus 2
    python3 scripts/bench_engine_cpu.py --articles 100 --cpus 1 --embedder hashing --json

On a shared machine wall times swing with the load; CPU-seconds do much less, and on a machine
whose cores are all busy, the wall of a run is about its CPU-seconds over its cores. Each Ray
process's CPU is read from /proc (Linux) about once a second while the run lasts, so a process
that ends between two readings loses at most its last second. ``ray_data`` is the actors Ray Data
starts beside the pool (stats, autoscaling coordinator, actor locations); ``ray_system`` the rest
(GCS, raylet, agents, monitors). The driver's phases: ``start`` until Ray is up (with the sources
read on a thread meanwhile), ``setup`` until the pool is asked for batches, ``first_batch`` until its
first one arrives, ``stream`` the rest of the pool's batches written, ``after`` the index and search state.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_news import synthetic  # noqa: E402
from consistency import Options, ingest  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
RAY_DATA = ("ray::_StatsActor", "ray::_AutoscalingCoordinatorActor", "ray::ActorLocationTracker")


def descendants(root: int) -> dict[int, tuple[str, float]]:
    """Each process below ``root``: its command line and CPU-seconds so far."""
    parent, info = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        parent[int(entry)] = int(fields[1])
        info[int(entry)] = (cmd, (int(fields[11]) + int(fields[12])) / TICK)
    found, todo = {}, [root]
    while todo:
        p = todo.pop()
        for child, pp in parent.items():
            if pp == p and child not in found:
                found[child] = info[child]
                todo.append(child)
    return found


def group(cmd: str) -> str:
    if cmd.startswith("ray::MapWorker"):
        return "actors"
    return "ray_data" if cmd.startswith(RAY_DATA) else "ray_system"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    import ray

    from consistency.engine import distributed

    seen: dict[int, tuple[str, float]] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            note(descendants(os.getpid()))
            done.wait(1.0)

    def note(now: dict[int, tuple[str, float]]) -> None:
        for pid, (cmd, cpu) in now.items():  # an actor done with its batches is renamed ray::IDLE: keep its name
            seen[pid] = (seen[pid][0] if pid in seen and group(seen[pid][0]) == "actors" else cmd, cpu)

    marks: dict[str, float] = {}
    stats: dict = {}
    real = distributed.extract_and_embed

    def marked(*a, **k):
        marks["setup"] = time.process_time()
        for i, item in enumerate(real(*a, stats=stats, **k)):
            if i == 0:
                marks["first_batch"] = time.process_time()
            yield item
        marks["stream"] = time.process_time()

    real_init = distributed.init_ray

    def marked_init(*a, **k):
        seconds = real_init(*a, **k)
        marks.setdefault("start", time.process_time())
        return seconds

    distributed.extract_and_embed, distributed.init_ray = marked, marked_init
    with tempfile.TemporaryDirectory(prefix="bench-engine-cpu-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in synthetic(args.articles, args.seed)), encoding="utf-8")
        opts = Options(store=Path(tmp) / "store", embedder=args.embedder, engine="ray", ray_cpus=args.cpus)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        wall, cpu0 = time.perf_counter(), time.process_time()
        result = ingest([path], opts)
        marks["after"] = time.process_time()
        wall = time.perf_counter() - wall
        done.set()
        sampler.join()
        note(descendants(os.getpid()))
        ray.shutdown()
    n = result.articles_new
    phases, last = {}, cpu0
    for name in ("start", "setup", "first_batch", "stream", "after"):
        phases[name] = round(marks[name] - last, 2)
        last = marks[name]
    by_group = {"actors": 0.0, "ray_data": 0.0, "ray_system": 0.0}
    for cmd, cpu in seen.values():
        by_group[group(cmd)] += cpu
    ready = list(stats.get("actor_ready_cpu_s", {}).values())
    starts = [r - b for b, r in stats.get("actor_wall", {}).values()]
    idle = 0.0  # an actor's wall between one batch's end and its next one's begin: the pool's per-batch round trip
    for pid in stats.get("actor_wall", {}):
        mine = sorted((b, e) for p, b, e in stats["batches"] if p == pid)
        idle += sum(max(0.0, b2 - e1) for (_, e1), (b2, _) in zip(mine, mine[1:]))
    first = [min(b for p, b, _ in stats["batches"] if p == pid) - r for pid, (_, r) in stats["actor_wall"].items()]
    out = {
        "articles": n, "cpus": args.cpus, "embedder": args.embedder, "wall_s": round(wall, 1),
        "load_avg": round(os.getloadavg()[0], 1),
        "cpu_total_s": round(last - cpu0 + sum(by_group.values()), 1),
        "driver_cpu_s": round(last - cpu0, 2), "driver_phases_cpu_s": phases,
        "driver_ms_per_article_in_stream": round(1000 * (phases["first_batch"] + phases["stream"]) / max(1, n), 2),
        **{f"{k}_cpu_s": round(v, 1) for k, v in by_group.items()},
        "actor_start_cpu_s": round(sum(ready) / len(ready), 2) if ready else None,
        "actor_ms_per_article": round(1000 * stats.get("worker_cpu_s", 0.0) / max(1, n), 1),
        "actor_start_wall_s": round(sum(starts) / len(starts), 2) if starts else None,
        "actor_ready_to_first_batch_s": round(sum(first) / len(first), 2) if first else None,
        "actor_idle_between_batches_s": round(idle, 2), "batches": len(stats.get("batches", [])),
    }
    if args.json:
        print(json.dumps(out))
        return
    print(f"{n} articles ({args.embedder}), Ray with {args.cpus} CPU(s): {out['wall_s']} s wall at load "
          f"{out['load_avg']}, {out['cpu_total_s']} CPU-seconds in all")
    print(f"driver {out['driver_cpu_s']} CPU-s by phase {phases} "
          f"({out['driver_ms_per_article_in_stream']} ms an article from the pool's start to its last batch)")
    print(f"actors {out['actors_cpu_s']} CPU-s: {out['actor_start_cpu_s']} each to start, "
          f"{out['actor_ms_per_article']} ms an article; Ray Data's own actors {out['ray_data_cpu_s']}, "
          f"Ray's processes {out['ray_system_cpu_s']}")
    print(f"an actor's start {out['actor_start_wall_s']} s wall, then {out['actor_ready_to_first_batch_s']} s "
          f"to its first batch; {out['actor_idle_between_batches_s']} s idle between the {out['batches']} batches")


if __name__ == "__main__":
    main()
