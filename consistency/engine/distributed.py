"""The nightly batch on Ray: extraction and embedding in a Ray Data actor pool, comparison by story.

Workers parse and embed (claims and titles); the driver alone writes to the store, chunk by
chunk in the same transactions as the local engine, so the crash guarantees are the local
engine's. Entity names are canonicalised on the driver, in article order, by replaying the
look-ups each worker recorded: the resolver learns variants as it goes, and its ids must not depend on
which worker saw which article first. Results equal the local engine's (vectors to float
tolerance, as batches are padded differently).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

import numpy as np

from ..options import Options
from ..records import Article, Claim

logger = logging.getLogger(__name__)

T = TypeVar("T")

BATCH = 64  # articles a worker takes at a time: each batch costs Ray a task and object-store trips on the
# cores the actors use (at 16 two actors each ran 14 articles/s of their own time on 2 cores, at 64 about 20);
# still small enough to keep every worker busy to the end
IN_FLIGHT = 2  # batches handed to an actor at once: its next one waits in its queue, so it does not idle while
# the executor notices a batch done and dispatches another (about .2 s a batch with two actors). The actor ready
# first takes two consecutive batches, so the driver, which takes them in input order, gets the other actor's
# first ones late and writes them at once; at about 3 ms an article it is done before the next batch arrives


def init_ray(options: Options, num_cpus: int | None = None) -> float:
    """Join the cluster at ``options.ray_address`` ("auto": a running one), or start a local Ray
    (with ``num_cpus`` CPUs, else ``options.ray_cpus``; default: every core). Returns the seconds it took."""
    import ray

    t = time.perf_counter()
    if not ray.is_initialized():
        ray.init(address=options.ray_address, ignore_reinit_error=True, log_to_driver=False,
                 include_dashboard=False, num_cpus=None if options.ray_address else num_cpus or options.ray_cpus)
    return time.perf_counter() - t


def while_ray_starts(options: Options, work: Callable[[], T]) -> T:
    """``work()``, run on a thread while Ray starts on this one (``init_ray``).

    Starting Ray is mostly waiting for its processes to come up, the driver's CPU is free for
    reading the sources; the thread also imports Ray Data, which the pool needs next. (Ray is
    started here, on the main thread, as its signal handlers need.)
    """
    out: dict = {}

    def run() -> None:
        try:
            import ray.data  # noqa: F401 - imported now, while Ray starts

            out["value"] = work()
        except BaseException as exc:  # raised again on this thread
            out["error"] = exc

    thread = threading.Thread(target=run, name="read-while-ray-starts", daemon=True)
    thread.start()
    try:
        seconds = init_ray(options)
    finally:
        thread.join()
    logger.info("Ray ready in %.1f s, the sources read meanwhile", seconds)
    if "error" in out:
        raise out["error"]
    return out["value"]


class _Recorder:
    """Stands in for the entity resolver on a worker: hands out placeholders and records the look-ups."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def resolve(self, text: str, label: str) -> str:
        self.calls.append((text, label))
        return f"\x00{len(self.calls) - 1}"


class Worker:
    """A Ray Data actor holding one CPU: loads spaCy and the sentence model once, then parses a
    batch of articles and embeds their claims at once.

    Parsing and embedding share one actor: split over two pools, each stage waited for the
    other's batches and the vectors crossed the object store; and each actor's math libraries
    get the threads of the CPU Ray gave it, not one per core of the machine (which the actors
    on one machine fight over).
    """

    def __init__(self, name: str, threads: int = 1) -> None:
        self.began = time.time()
        _limit_threads(threads)
        from ..extract.nlp import load_nlp

        self.nlp = load_nlp()  # loaded here, in the actor: a spaCy pipeline does not travel as an object
        self.embedder = _bulk_embedder(name)
        self.ready_cpu = time.process_time()  # what starting cost: the worker process, its imports and models
        self.ready = time.time()

    def __call__(self, batch: dict) -> dict:
        from ..extract.claims import claims_from_doc
        from ..store.encoding import claim_to_dict

        t0, started, cpu0 = time.perf_counter(), time.time(), time.process_time()
        articles = [_article(json.loads(s)) for s in batch["article"]]
        titles = [a.title.strip() for a in articles]  # as the search state indexes them
        claims_out, hashes_out, calls_out, contents = [], [], [], []
        for article, doc in zip(articles, self.nlp.pipe((a.text for a in articles), batch_size=BATCH)):
            recorder = _Recorder()
            claims = claims_from_doc(article, doc, recorder)
            # the store's own rows but for the entity ids, which the driver fills in (see ``decode_batch``)
            claims_out.append(json.dumps([claim_to_dict(c) for c in claims]))
            hashes_out.append(json.dumps([c.content_hash for c in claims]))
            calls_out.append(json.dumps(recorder.calls))
            contents.append([c.content for c in claims])
        texts = list(dict.fromkeys([*(t for ts in contents for t in ts), *filter(None, titles)]))
        vecs = dict(zip(texts, self.embedder.embed(texts))) if texts else {}
        packed = [np.stack([vecs[t] for t in ts]).astype(np.float32).tobytes() if ts else b"" for ts in contents]
        title_vecs = [vecs[t].astype(np.float32).tobytes() if t else b"" for t in titles]
        busy = (time.perf_counter() - t0) / max(1, len(articles))
        cpu = (time.process_time() - cpu0) / max(1, len(articles))
        # the article itself does not travel back: the driver holds it
        return {"id": np.array([a.id for a in articles], dtype=object),
                "claims": np.array(claims_out, dtype=object), "hashes": np.array(hashes_out, dtype=object),
                "calls": np.array(calls_out, dtype=object), "vectors": np.array(packed, dtype=object),
                "title": np.array(title_vecs, dtype=object),
                "seconds": np.full(len(articles), busy), "cpu": np.full(len(articles), cpu),
                "ready_cpu": np.full(len(articles), self.ready_cpu), "actor": np.full(len(articles), os.getpid()),
                "began": np.full(len(articles), self.began), "ready": np.full(len(articles), self.ready),
                "started": np.full(len(articles), started), "ended": np.full(len(articles), time.time())}


def _bulk_embedder(name: str):
    """The embedder ``name`` for an actor: MiniLM runs in torch without sentence-transformers, whose
    import would be most of the actor's start-up (the same vectors, to float tolerance)."""
    from ..embed import get_embedder
    from ..embed.embedders import MiniLMEmbedder
    from ..embed.minilm import TorchMiniLM

    return TorchMiniLM() if name in ("minilm", MiniLMEmbedder.name) else get_embedder(name)


def _limit_threads(threads: int) -> None:
    """Give torch and the BLAS libraries behind spaCy this many threads."""
    import os

    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(threads)
    except ImportError:  # the variables above still reach libraries loaded from here on
        pass
    import torch

    torch.set_num_threads(threads)


def extract_and_embed(articles: Sequence[Article], options: Options, resolver, stats: dict | None = None
                      ) -> Iterator[tuple[Article, list[tuple[str, str, str, str]], dict[str, np.ndarray],
                                          np.ndarray | None]]:
    """Each article with its claims as the store writes them (``claim_row``s, entities canonicalised
    by ``resolver``), their vectors by content hash and its title's vector (None without a title),
    in input order, parsed and embedded by a pool of Ray actors, one per CPU.
    ``stats`` gets ``worker_s`` and ``worker_cpu_s``: the seconds and CPU-seconds the actors spent
    on the articles (not loading), ``actor_ready_cpu_s``: each actor's CPU-seconds to start (by
    process id), ``actor_wall``: the wall clock when each began and finished starting, ``batches``:
    each batch's actor, begin and end, and ``busy_from``/``busy_to``: the wall clock when the first
    batch began and the last one ended."""
    import ray

    init_ray(options)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.execution_options.verbose_progress = False
    ctx.print_on_execution_start = False
    workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = ray.data.from_items([{"article": json.dumps(_article_dict(a))} for a in articles],
                             override_num_blocks=max(1, -(-len(articles) // BATCH)))
    # a fixed pool starts every actor at once; a pool that grows from one starts them late. A block
    # is a batch (batch_size=None): with a batch size above a block's rows Ray bundles blocks into
    # one task, whose output reaches the driver only when all of it is done
    ds = ds.map_batches(Worker, fn_constructor_kwargs={"name": options.embedder}, batch_size=None,
                        compute=ray.data.ActorPoolStrategy(size=min(workers, max(1, -(-len(articles) // BATCH))),
                                                           max_tasks_in_flight_per_actor=IN_FLIGHT),
                        num_cpus=1)
    by_id = {a.id: a for a in articles}
    stats = {} if stats is None else stats
    stats["worker_s"] = stats["worker_cpu_s"] = 0.0
    stats["actor_ready_cpu_s"], stats["actor_wall"], stats["batches"] = {}, {}, []
    # no prefetch: prefetching held each batch back until the next ones were done
    for batch in ds.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=0):
        stats["worker_s"] += float(np.sum(batch["seconds"]))
        stats["worker_cpu_s"] += float(np.sum(batch["cpu"]))
        stats["actor_ready_cpu_s"].update(zip(batch["actor"].tolist(), batch["ready_cpu"].tolist()))
        if len(batch["actor"]):  # a batch is one actor's call: its rows share these
            pid = int(batch["actor"][0])
            stats["actor_wall"][pid] = (float(batch["began"][0]), float(batch["ready"][0]))
            stats["batches"].append((pid, float(batch["started"][0]), float(batch["ended"][0])))
        stats["busy_from"] = min(stats.get("busy_from", np.inf), float(np.min(batch["started"])))
        stats["busy_to"] = max(stats.get("busy_to", 0.0), float(np.max(batch["ended"])))
        yield from decode_batch(batch, by_id, resolver)


def decode_batch(batch: dict, by_id: dict[str, Article], resolver
                 ) -> Iterator[tuple[Article, list[tuple[str, str, str, str]], dict[str, np.ndarray],
                                     np.ndarray | None]]:
    """What a worker returned for a batch, on the driver: each article, its claims as the store
    writes them (``claim_row``s) with entities canonicalised by ``resolver`` (in article order),
    their vectors by content hash, and its title's vector.

    The claims stay dicts from the worker's JSON to the store's: only their entity ids change.
    """
    from ..store.encoding import claim_dict_to_json

    for article_id, claims_json, hashes_json, calls_json, packed, title in zip(
            batch["id"], batch["claims"], batch["hashes"], batch["calls"], batch["vectors"], batch["title"]):
        canon = [resolver.resolve(text, label) for text, label in json.loads(calls_json)]
        hashes = json.loads(hashes_json)
        rows = []
        for claim, h in zip(json.loads(claims_json), hashes):
            for e in claim["entities"]:
                if e["canonical"].startswith("\x00"):
                    e["canonical"] = canon[int(e["canonical"][1:])]
            rows.append((claim["id"], claim["article_id"], h, claim_dict_to_json(claim)))
        vecs = np.frombuffer(packed, dtype=np.float32).reshape(len(rows), -1) if rows else []
        yield (by_id[article_id], rows, dict(zip(hashes, vecs)),
               np.frombuffer(title, dtype=np.float32) if title else None)


class KnownVectors:
    """An embedder that answers from vectors computed elsewhere (the actors' title vectors), and
    asks ``fallback()``, loaded on first need, only for texts it lacks: the driver then need not
    load the sentence model, nor embed on its one core what the pool already embedded."""

    def __init__(self, known: dict[str, np.ndarray], fallback) -> None:
        self.known = known
        self.fallback = fallback
        self.dim = len(next(iter(known.values())))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors of ``texts``, from the known ones where there are."""
        missing = list(dict.fromkeys(t for t in texts if t not in self.known))
        if missing:
            self.known.update(zip(missing, self.fallback().embed(missing)))
        return np.stack([self.known[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, self.dim),
                                                                                                 np.float32)


def _article_dict(a: Article) -> dict:
    return {"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title, "published": a.published.isoformat(),
            "text": a.text, "language": a.language}


def _article(d: dict) -> Article:
    from datetime import datetime

    return Article(id=d["id"], outlet=d["outlet"], url=d["url"], title=d["title"],
                   published=datetime.fromisoformat(d["published"]), text=d["text"], language=d["language"])


def check_stories_on_ray(pairs, claims: dict[int, Claim], resolver, options: Options, facts=None,
                         stories: Iterable[Claim] = (), memo=None):
    """``check_stories`` with each story compared by a Ray task: same flags, clusters and quiet pairs.

    Each task is handed the kept outcomes of its story's pairs (``memo.known``) and returns those it
    compared, which join ``memo.fresh`` to be stored with the flags, as on the local engine."""
    import ray

    from ..compare.by_story import dedupe_flags, sort_clusters, story_groups
    from ..store.encoding import claim_to_json

    init_ray(options)
    facts = facts or {}
    groups, whole = story_groups(pairs, claims, facts, stories)
    if not groups:
        return [], [], []
    known = memo.known if memo is not None else {}
    state = ray.put(resolver.to_dict())
    tasks = []
    for story, story_pairs in groups:
        rows = sorted({r for a, b, _ in story_pairs for r in (a, b)})
        kept = {(a, b): known[(a, b)] for a, b, _ in story_pairs if (a, b) in known}
        tasks.append(_task().remote(story_pairs, {r: claim_to_json(claims[r]) for r in rows}, state,
                                    list(facts.get(story, ())), [claim_to_json(c) for c in whole.get(story, ())],
                                    kept))
    flags, clusters, quiet = [], [], []
    for f, c, q, fresh in ray.get(tasks):
        flags += f
        clusters += c
        quiet += q
        if memo is not None:
            memo.fresh.update(fresh)
    return dedupe_flags(flags), sort_clusters(clusters), quiet


def check_story_remote(story_pairs, claims_json: dict[int, str], resolver_state: dict, facts: list,
                        story_json: list[str] = (), kept: dict | None = None):
    """One story's flags, clusters and quiet pairs, with the outcomes of the pairs it compared."""
    from ..compare.by_story import check_story
    from ..compare.outcomes import PairMemo
    from ..extract.entities import EntityResolver
    from ..store.encoding import claim_from_json

    claims = {int(r): claim_from_json(s) for r, s in claims_json.items()}
    story = [claim_from_json(s) for s in story_json]
    memo = PairMemo(dict(kept or {}))
    flags, clusters, quiet = check_story(story_pairs, claims, EntityResolver.from_dict(resolver_state), facts, story,
                                         memo)
    return flags, clusters, quiet, memo.fresh


_TASK = None


def _task():
    """The story comparison as a Ray task, made on first use: importing this module must not need Ray."""
    global _TASK
    if _TASK is None:
        import ray

        _TASK = ray.remote(num_cpus=1)(check_story_remote)
    return _TASK
