"""Warm query latency and memory at scale: a synthetic store of N claims, queried through QueryEngine.

    python3 scripts/bench_query.py --claims 100000
    python3 scripts/bench_query.py --claims 1000000 --json
    python3 scripts/bench_query.py --claims 10000000 --index-only --embedder hashing --json

The store is written straight through ``Store`` (no spaCy): claim texts come from seeded
templates; the claim vectors are MiniLM (or hashing) embeddings of a few thousand template
sentences, each stored claim taking one of them (sometimes blended with a second) plus
seeded Gaussian noise, so that neighbourhoods look like real near-duplicate claims. Queries
are fresh renderings of the templates, encoded by the real model inside ``QueryEngine.query``.
The query side runs in a fresh process, so memory is the server's, not the builder's.

``--index-only`` times the compressed index alone (IVF-PQ codes, float16 re-ranking vectors
on disk), with no SQLite rows: vectors are generated in chunks the same way and added in
shards after training on a sample; exact top-10 for the query sample is kept while the chunks
stream past. nprobe and the re-ranking depth are tuned on separate tuning queries; recall is
reported on the evaluation queries. Query time is index search only (queries pre-encoded).
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # idle OpenMP threads sleep instead of spinning on a shared machine

PEOPLE = ["Ilya Markin", "Elsa Brandt", "Ruta Kalnina", "Pavel Krestov", "Aleksandr Voronets", "Maria Lindqvist",
          "Tomas Berg", "Anna Kovac", "Jonas Price", "Leila Haddad", "Oskar Nyberg", "Irina Volkova", "Samuel Okafor",
          "Chen Wei", "Lucia Romero", "David Levy", "Amira Nasser", "Peter Holm", "Sofia Marin", "Erik Dahl"]
ROLES = ["defence minister", "foreign minister", "spokesperson", "mayor", "police chief", "health minister",
         "central bank governor", "fire chief", "prime minister", "union leader"]
PLACES = ["Kesk", "Talvi", "Rennick", "Dorn", "Castlemoor", "Brennick", "Lodmark", "Vardania", "Northgate", "Eastbank",
          "Riverside", "Harbour City", "Kovel", "Sarn", "Melby", "Ostrava", "Tarn", "Velika", "Porto Fino", "Aldgate"]
THINGS = [("soldiers", "deployed"), ("missile batteries", "stationed"), ("people", "evacuated"),
          ("homes", "damaged"), ("workers", "laid off"), ("patients", "treated"), ("flights", "cancelled"),
          ("protesters", "arrested"), ("jobs", "created"), ("vaccines", "delivered"), ("ballots", "counted"),
          ("tonnes of grain", "exported"), ("firefighters", "sent"), ("schools", "closed"), ("buses", "withdrawn")]
WHEN = ["on Monday", "on Tuesday", "last week", "on March 10", "on March 12", "by December", "in late October",
        "earlier this year", "overnight", "on Friday", "in 2025", "within weeks", "at a press briefing on Thursday"]
CUES = ["said", "told reporters", "announced", "claimed", "confirmed", "denied", "told a news agency"]
TEMPLATES = [
    "{person}, the {role}, {cue} that {n} {thing} had been {verb} in {place} {when}.",
    "{n} {thing} were {verb} near {place} {when}, according to {person}.",
    "The {role} of {place} {cue} {n} {thing} would be {verb} {when}.",
    "Officials in {place} said about {n} {thing} had been {verb} {when}, the {role} {cue}.",
    "{person} {cue} that no {thing} were {verb} in {place} {when}.",
    "At least {n} {thing} have been {verb} across {place} since {when2}, {person} {cue}.",
]
OUTLETS = [f"{a} {b}" for a in ("Baltic", "Harbour", "Northgate", "Riverside", "Eastbank", "Meridian", "Continental",
                                "Global") for b in ("Wire", "Post", "Times", "Courier", "Daily")]


def render(rng: np.random.Generator, template: int | None = None) -> str:
    """One claim sentence from a seeded template."""
    t = TEMPLATES[rng.integers(len(TEMPLATES)) if template is None else template]
    thing, verb = THINGS[rng.integers(len(THINGS))]
    return t.format(person=PEOPLE[rng.integers(len(PEOPLE))], role=ROLES[rng.integers(len(ROLES))],
                    cue=CUES[rng.integers(len(CUES))], n=int(rng.choice([2, 3, 12, 40, 150, 300, 1200, 2000, 45000])),
                    thing=thing, verb=verb, place=PLACES[rng.integers(len(PLACES))], when=WHEN[rng.integers(len(WHEN))],
                    when2=WHEN[rng.integers(len(WHEN))])


def embedder(name: str):
    from consistency.embed import get_embedder

    return get_embedder(name)


def build(store_dir: Path, n: int, embedder_name: str, seed: int) -> dict:
    """Write n claims (ten per article) with their vectors, pairs and some flags straight into a Store."""
    from consistency.records import (
        Article,
        Attribution,
        Claim,
        Flag,
        flag_id,
    )
    from consistency.store.database import Store

    rng = np.random.default_rng(seed)
    n_base = int(min(2000, max(200, n // 25)))
    base_texts = list(dict.fromkeys(render(rng) for _ in range(n_base * 2)))[:n_base]
    t0 = time.perf_counter()
    base_vecs = embedder(embedder_name).embed(base_texts)
    embed_s = time.perf_counter() - t0
    model = "hashing" if embedder_name == "hashing" else "all-MiniLM-L6-v2"
    store = Store(store_dir, model=model)
    _ = store.index  # load the empty index now, so nothing is re-read from the table later
    day0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    all_ids, all_vecs = [], []
    seen: dict[str, int] = {}
    chunk = 20_000
    last_of_base: dict[int, int] = {}
    pairs: list[tuple[int, int, float]] = []
    flags: list[Flag] = []
    run_id = store.start_run("ingest")
    for start, which, vecs in _chunks(n, base_vecs, rng, chunk):
        size = len(vecs)
        articles, claims = [], []
        for i0 in range(0, size, 10):
            a_no = (start + i0) // 10
            outlet = OUTLETS[int(rng.integers(len(OUTLETS)))]
            published = day0 + timedelta(minutes=int(rng.integers(0, 525_600)))
            texts = [render(rng, int(which[j]) % len(TEMPLATES)) for j in range(i0, min(i0 + 10, size))]
            aid = f"art-{a_no}"
            articles.append(Article(id=aid, outlet=outlet, url=f"https://{outlet.split()[0].lower()}.example/{a_no}",
                                    title=texts[0][:80], published=published, text=" ".join(texts)))
            pos = 0
            for j, text in enumerate(texts):
                person = next((p for p in PEOPLE if p in text), "")
                att = Attribution(source=person, source_kind="named", cue="said", content=text) if person else None
                claims.append(Claim(id=f"{aid}#{j}", article_id=aid, outlet=outlet, published=published, text=text,
                                    start=pos, end=pos + len(text), content=text, attribution=att))
                pos += len(text) + 1
        vec_by_hash: dict[str, np.ndarray] = store.cached_vectors([c.content_hash for c in claims if c.content_hash in seen])
        for c, v in zip(claims, vecs):
            vec_by_hash.setdefault(c.content_hash, v)  # a repeated text keeps the vector it was stored with
        with store.transaction():
            store.insert_articles(articles, [a.url for a in articles], run_id)
            rowids = store.insert_claims(claims)
            store.put_vectors({h: v for h, v in vec_by_hash.items() if h not in seen})
        for c, r, b in zip(claims, rowids, which):
            seen.setdefault(c.content_hash, r)
            prev = last_of_base.get(int(b))
            if prev is not None:  # align chains claims of one base, as alignment links neighbours
                pairs.append((prev, r, 0.9))
            last_of_base[int(b)] = r
        all_ids.append(np.asarray(rowids, dtype=np.int64))
        all_vecs.append(np.stack([vec_by_hash[c.content_hash] for c in claims]))
        for c, r in list(zip(claims, rowids))[:: 500]:
            flags.append(Flag(id=flag_id("number", [c.id]), type="number", claims=(c.id,), articles=(c.article_id,),
                              outlets=(c.outlet,), confidence=0.7, explanation=f"Synthetic flag on {c.id}."))
    with store.transaction():
        store.add_pairs(pairs)
        store.save_flags(flags, run_id)
        store.finish_run(run_id, {"claims": n})
    t1 = time.perf_counter()
    store.add_to_index(np.concatenate(all_ids), np.vstack(all_vecs))
    index_s = time.perf_counter() - t1
    store.save_index()
    index_type = store.index.type_name
    store.close()
    return {"base_sentences": n_base, "embed_s": round(embed_s, 1), "index_build_s": round(index_s, 1),
            "index_type": index_type, "pairs": len(pairs), "flags": len(flags)}


def measure(store_dir: Path, embedder_name: str, n_queries: int, recall_sample: int, seed: int) -> dict:
    """Warm latency of QueryEngine.query (encoding included), resident memory, and recall@10 vs exact."""
    from consistency.options import Options
    from consistency.query.engine import QueryEngine

    rng = np.random.default_rng(seed + 1)
    queries = [render(rng) for _ in range(n_queries)]
    t0 = time.perf_counter()
    engine = QueryEngine(Options(store=store_dir, embedder=embedder_name))
    engine.refresh()
    for q in queries[:5]:
        engine.query(q, 10)
    load_s = time.perf_counter() - t0
    times, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        engine.query(q, 10)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    rss_mb = _rss_mb()
    sample = queries[:recall_sample]
    qv = engine.embedder.embed(sample)
    _, approx = engine.store.index.search(qv, 10)
    exact = _exact_top10(engine.store, qv)
    recall = float(np.mean([len(set(a.tolist()) & e) / 10 for a, e in zip(approx, exact)]))
    index = engine.store.index
    nprobe = None
    try:
        import faiss

        nprobe = int(faiss.extract_index_ivf(index.index).nprobe) if index.type_name == "ivf" else None
    except Exception:  # noqa: BLE001 - only a detail for the printout
        pass
    return {"p50_ms": round(float(np.percentile(times, 50)), 2), "p95_ms": round(float(np.percentile(times, 95)), 2),
            "mean_ms": round(float(np.mean(times)), 2),
            # CPU time per query: what a query costs on a core of its own, whatever else the machine runs
            "cpu_p50_ms": round(float(np.percentile(cpu, 50)), 2), "cpu_p95_ms": round(float(np.percentile(cpu, 95)), 2),
            "load_avg": round(os.getloadavg()[0], 1), "rss_mb": round(rss_mb, 1), "index_type": index.type_name,
            "nprobe": nprobe, "recall_at_10": round(recall, 4), "recall_queries": len(sample), "queries": len(times),
            "startup_s": round(load_s, 1)}


def _exact_top10(store, qv: np.ndarray) -> list[set[int]]:
    """Exact inner-product top 10 for each query, streaming the stored vectors in chunks."""
    heaps: list[list[tuple[float, int]]] = [[] for _ in range(len(qv))]
    rows = store.db.execute("SELECT c.rowid, v.vec FROM claims c JOIN vectors v ON v.content_hash = c.content_hash "
                            "AND v.model = ?", (store.model,))
    while True:
        batch = rows.fetchmany(50_000)
        if not batch:
            break
        ids = np.array([r[0] for r in batch], dtype=np.int64)
        mat = np.frombuffer(b"".join(r[1] for r in batch), dtype=np.float32).reshape(len(batch), -1)
        scores = qv @ mat.T
        top = np.argpartition(-scores, min(10, len(batch) - 1), axis=1)[:, :10]
        for qi in range(len(qv)):
            for j in top[qi]:
                item = (float(scores[qi, j]), int(ids[j]))
                if len(heaps[qi]) < 10:
                    heapq.heappush(heaps[qi], item)
                else:
                    heapq.heappushpop(heaps[qi], item)
    return [{i for _, i in h} for h in heaps]


def _chunks(n: int, base_vecs: np.ndarray, rng: np.random.Generator, chunk: int = 250_000):
    """The generated claim vectors, ``chunk`` at a time: (first position, base sentence of each, vectors)."""
    n_base = len(base_vecs)
    for start in range(0, n, chunk):
        size = min(chunk, n - start)
        which = rng.integers(n_base, size=size)
        blend = rng.random(size) < 0.3
        other = rng.integers(n_base, size=size)
        sigma = rng.uniform(0.02, 0.05, size=size).astype(np.float32)[:, None]
        vecs = base_vecs[which] + np.where(blend[:, None], 0.5 * base_vecs[other], 0.0)
        vecs = vecs + sigma * rng.standard_normal((size, base_vecs.shape[1]), dtype=np.float32)
        yield start, which, (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)


def _merge_top(best: tuple[np.ndarray, np.ndarray], scores: np.ndarray, start: int, k: int = 10):
    """Fold one chunk's scores into the running exact top-k (scores, ids) per query."""
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    s = np.concatenate([best[0], np.take_along_axis(scores, top, 1)], axis=1)
    i = np.concatenate([best[1], top + start], axis=1)
    keep = np.argsort(-s, axis=1)[:, :k]
    return np.take_along_axis(s, keep, 1), np.take_along_axis(i, keep, 1)


def build_index_only(out: Path, n: int, embedder_name: str, seed: int, n_queries: int, recall_sample: int,
                     train_size: int) -> dict:
    """Train, fill and save the compressed index over n generated vectors; keep exact top-10 for the queries."""
    from consistency.store.compressed import CompressedIndex

    rng = np.random.default_rng(seed)
    n_base = int(min(2000, max(200, n // 25)))
    base_texts = list(dict.fromkeys(render(rng) for _ in range(n_base * 2)))[:n_base]
    emb = embedder(embedder_name)
    base_vecs = emb.embed(base_texts)
    qrng = np.random.default_rng(seed + 1)
    tune_q = emb.embed([render(qrng) for _ in range(50)])
    eval_q = emb.embed([render(qrng) for _ in range(max(n_queries, recall_sample))])
    queries = np.vstack([tune_q, eval_q[:recall_sample]])
    best = (np.full((len(queries), 10), -np.inf, np.float32), -np.ones((len(queries), 10), np.int64))
    t0 = time.perf_counter()
    gen = np.random.default_rng(seed + 2)
    sample = next(_chunks(min(train_size, n), base_vecs, np.random.default_rng(seed + 3), chunk=train_size))[2]
    index = CompressedIndex.train(sample, n, out / "claims.f16")
    del sample
    train_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    for start, _, vecs in _chunks(n, base_vecs, gen):
        index.add(np.arange(start, start + len(vecs), dtype=np.int64), vecs)
        best = _merge_top(best, queries @ vecs.T, start)
        print(f"added {start + len(vecs):,} of {n:,} ({time.perf_counter() - t1:.0f}s)", file=sys.stderr, flush=True)
    add_s = time.perf_counter() - t1
    recall_tune = index.tune(tune_q, best[1][:len(tune_q)])
    index.save(out / "claims.faiss")
    np.save(out / "queries.npy", eval_q)
    np.save(out / "exact.npy", best[1][len(tune_q):])
    (out / "params.json").write_text(json.dumps({"nprobe": index.nprobe, "rerank": index.rerank}))
    return {"train_s": round(train_s, 1), "add_s": round(add_s, 1), "train_vectors": min(train_size, n),
            "nlist": int(index.index.nlist), "nprobe": index.nprobe, "rerank": index.rerank,
            "tuning_recall_at_10": round(recall_tune, 4), "base_sentences": n_base}


def measure_index_only(out: Path, recall_sample: int) -> dict:
    """Latency of single-query searches on the memory-mapped index, recall@10 and resident memory."""
    from consistency.store.compressed import CompressedIndex

    params = json.loads((out / "params.json").read_text())
    index = CompressedIndex.load(out / "claims.faiss", out / "claims.f16")
    index.nprobe, index.rerank = params["nprobe"], params["rerank"]
    queries, exact = np.load(out / "queries.npy"), np.load(out / "exact.npy")
    import faiss

    faiss.omp_set_num_threads(1)  # one query at a time, as a server answers them
    for q in queries[:5]:
        index.search(q[None], 10)
    times, cpu, found = [], [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        _, ids = index.search(q[None], 10)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        found.append(ids[0])
    recall = float(np.mean([len(set(f.tolist()) & set(e.tolist())) / 10 for f, e in zip(found, exact)]))
    size = (out / "claims.faiss").stat().st_size
    return {"p50_ms": round(float(np.percentile(times, 50)), 2), "p95_ms": round(float(np.percentile(times, 95)), 2),
            "mean_ms": round(float(np.mean(times)), 2), "recall_at_10": round(recall, 4),
            # CPU time per query: what a query costs on a core of its own, whatever else the machine runs
            "cpu_p50_ms": round(float(np.percentile(cpu, 50)), 2), "cpu_p95_ms": round(float(np.percentile(cpu, 95)), 2),
            "recall_queries": len(exact), "queries": len(times), "rss_mb": round(_rss_mb(), 1),
            # resident pages of the mapped index and vector files (RssFile) are page cache the kernel can drop
            "rss_anon_mb": round(_rss_mb("RssAnon:"), 1), "rss_file_mb": round(_rss_mb("RssFile:"), 1),
            "index_mb": round(size / 2**20, 1),
            "vectors_file_mb": round((out / "claims.f16").stat().st_size / 2**20, 1),
            "index_type": index.type_name, "nprobe": index.nprobe, "rerank": index.rerank,
            "load_avg": round(os.getloadavg()[0], 1)}


def _rss_mb(field: str = "VmRSS:") -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, required=True, help="How many claims the synthetic store holds.")
    ap.add_argument("--queries", type=int, default=200, help="Timed queries.")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--recall-sample", type=int, default=50, help="Queries checked against exact search.")
    ap.add_argument("--store", type=Path, default=None, help="Keep the store here (reused when it already holds N claims).")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="Print one JSON object.")
    ap.add_argument("--index-only", action="store_true",
                    help="Time the compressed index alone on generated vectors (no SQLite rows).")
    ap.add_argument("--train", type=int, default=256_000, help="Training sample for --index-only.")
    ap.add_argument("--measure-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure_only and args.index_only:
        print(json.dumps(measure_index_only(args.measure_only, args.recall_sample)))
        return
    if args.index_only:
        _index_only(args)
        return
    if args.measure_only:
        print(json.dumps(measure(args.measure_only, args.embedder, args.queries, args.recall_sample, args.seed)))
        return
    tmp = None
    store_dir = args.store
    if store_dir is None:
        tmp = tempfile.mkdtemp(prefix="bench-query-")
        store_dir = Path(tmp) / "store"
    try:
        built = {"reused": True}
        if not _holds(store_dir, args.claims):
            if store_dir.exists():
                shutil.rmtree(store_dir)
            t0 = time.perf_counter()
            built = build(store_dir, args.claims, args.embedder, args.seed)
            built["build_s"] = round(time.perf_counter() - t0, 1)
        cmd = [sys.executable, __file__, "--claims", str(args.claims), "--queries", str(args.queries), "--embedder",
               args.embedder, "--recall-sample", str(args.recall_sample), "--seed", str(args.seed),
               "--measure-only", str(store_dir)]
        measured = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    result = {"claims": args.claims, **measured, "embedder": args.embedder,
              "vectors": "stored claims: embeddings of template sentences (30% blended with a second) plus seeded "
                         "Gaussian noise; queries: fresh template sentences encoded by the real model per query",
              "build": built}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.claims:,} claims, {result['index_type']} index"
              + (f" (nprobe {result['nprobe']})" if result["nprobe"] else "")
              + f": warm query p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms over {result['queries']} queries "
              f"({args.embedder}, encoding included; CPU time p50 {result['cpu_p50_ms']} ms, p95 {result['cpu_p95_ms']} ms; "
              f"load average {result['load_avg']}); resident memory {result['rss_mb']:.0f} MB; "
              f"recall@10 vs exact search {result['recall_at_10']:.3f} on {result['recall_queries']} queries")
        print(f"vectors: {result['vectors']}; build: {json.dumps(built)}")


def _index_only(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-index-")) if args.store is None else args.store
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        built = build_index_only(tmp, args.claims, args.embedder, args.seed, args.queries, args.recall_sample, args.train)
        built["build_s"] = round(time.perf_counter() - t0, 1)
        cmd = [sys.executable, __file__, "--claims", str(args.claims), "--index-only", "--recall-sample",
               str(args.recall_sample), "--measure-only", str(tmp)]
        measured = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    finally:
        if args.store is None:
            shutil.rmtree(tmp, ignore_errors=True)
    result = {"claims": args.claims, **measured, "embedder": args.embedder, "build": built,
              "vectors": "generated as for the full bench (template embeddings, 30% blended, seeded noise); "
                         "query time is index search only, one query at a time on one thread"}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.claims:,} vectors, IVF-PQ ({built['nlist']} lists, nprobe {result['nprobe']}, re-ranking "
              f"{result['rerank']} per hit): p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms; recall@10 "
              f"{result['recall_at_10']:.3f} on {result['recall_queries']} queries; index {result['index_mb']:.0f} MB "
              f"(+ float16 vectors on disk {result['vectors_file_mb']:.0f} MB); resident memory {result['rss_mb']:.0f} MB; "
              f"load average {result['load_avg']}")
        print(f"build: {json.dumps(built)}")


def _holds(store_dir: Path, n: int) -> bool:
    import sqlite3

    db = store_dir / "consistency.sqlite"
    if not db.exists() or not (store_dir / "claims.faiss").exists():
        return False
    with sqlite3.connect(db) as con:
        return con.execute("SELECT count(*) FROM claims").fetchone()[0] == n


if __name__ == "__main__":
    main()
