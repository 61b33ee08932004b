"""The pipeline in order: ingest → extract claims → embed → index → align → compare → trace origins.

These are the library's entry points; the CLI and the HTTP API are thin layers over them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from .embed import Embedder, get_embedder
from .engine.crash import commit_point
from .errors import Rejection
from .ingest.readers import normalise_url, read_paths
from .options import Options
from .records import Article, Flag
from .store.database import Store
from .store.encoding import claim_row

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # stage, done, total

_EMBEDDERS: dict[str, Embedder] = {}


def embedder_for(options: Options) -> Embedder:
    """The embedder named in the options, loaded once per process."""
    if options.embedder not in _EMBEDDERS:
        _EMBEDDERS[options.embedder] = get_embedder(options.embedder)
    return _EMBEDDERS[options.embedder]


def open_store(options: Options, *, readonly: bool = False) -> Store:
    """The store named in the options, for the embedder named in the options."""
    model = "hashing" if options.embedder == "hashing" else "all-MiniLM-L6-v2"
    return Store(options.store, model=model, readonly=readonly)


@dataclass
class IngestResult:
    articles_new: int = 0
    articles_duplicate: int = 0
    claims_new: int = 0
    embedded: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    article_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "articles_new": self.articles_new,
            "articles_duplicate": self.articles_duplicate,
            "claims_new": self.claims_new,
            "embedded": self.embedded,
            "rejected": [str(r) for r in self.rejected],
            "seconds": round(self.seconds, 3),
        }


def ingest(paths: Iterable[str | Path], options: Options | None = None, *,
           progress: Progress | None = None) -> IngestResult:
    """Read articles, extract their claims, embed what is new and store it all.

    Already-stored articles (same id, URL or normalised text) are skipped; vectors are
    reused by content hash, so a re-ingest embeds nothing twice. Work is committed in
    chunks: a crash loses at most the chunk in flight, and the next ingest completes it.
    """
    options = options or Options()
    t0 = time.perf_counter()
    if options.engine == "ray":
        from .engine.distributed import while_ray_starts

        read = while_ray_starts(options, lambda: read_paths(paths))
    else:
        read = read_paths(paths)
    result = IngestResult(rejected=list(read.rejected))
    with open_store(options) as store:
        store.lock(verify=options.verify)
        fresh = _new_articles(read.articles, store, result, read.origin)
        origins = {a.id: read.origin(i) for i, a in enumerate(read.articles)}
        if fresh:
            run_id = store.start_run("ingest")
            resolver = _load_resolver(store)
            titles: dict[str, np.ndarray] = {}
            if options.engine == "ray":
                titles = _ingest_on_ray(fresh, store, resolver, options, result, run_id, progress)
            for i in range(0, len(fresh) if options.engine != "ray" else 0, options.batch_size):
                chunk = fresh[i:i + options.batch_size]
                _ingest_chunk(chunk, store, resolver, options, result, run_id, origins)
                if progress:
                    progress("ingest", min(i + len(chunk), len(fresh)), len(fresh))
            # The index is read and written whole only once the new claims since it was last
            # written add up to a share of it: until then a search adds them from their vectors.
            store.save_index_when_behind()
            commit_point("ingest.index")
            _save_search_state(store, options, titles)
            store.finish_run(run_id, result.to_dict())
    result.seconds = time.perf_counter() - t0
    logger.info("ingest: %d new articles, %d duplicates, %d claims, %d embedded, %d rejected in %.1fs",
                result.articles_new, result.articles_duplicate, result.claims_new, result.embedded,
                len(result.rejected), result.seconds)
    return result


def _save_search_state(store: Store, options: Options, titles: dict[str, np.ndarray] | None = None) -> None:
    """Bring the query's saved retriever level with the new claims, so a cold query need not build it;
    ``titles``: title vectors already computed (by Ray's actors), not embedded again here."""
    from .query.engine import HYBRID_LIMIT
    from .query.state import retriever_for

    if store.claim_count() <= HYBRID_LIMIT:
        if titles:
            from .engine.distributed import KnownVectors

            embedder = KnownVectors(titles, lambda: embedder_for(options))
        else:
            embedder = embedder_for(options)
        retriever_for(store, embedder, save=True, in_memory=True)  # saving searches nothing: FAISS stays unread


def _new_articles(articles: Sequence[Article], store: Store, result: IngestResult,
                  origin: Callable[[int], tuple[str, int | None]] = lambda i: ("", None)) -> list[Article]:
    """Articles neither stored already nor repeated earlier in the batch."""
    keys = [normalise_url(a.url) for a in articles]
    known = store.find_known(keys, [a.text_hash for a in articles], [a.id for a in articles])
    seen_url, seen_hash, seen_id = set(known["url_key"]), set(known["text_hash"]), set(known["id"])
    fresh: list[Article] = []
    for i, (article, key) in enumerate(zip(articles, keys)):
        if key in seen_url or article.text_hash in seen_hash:
            result.articles_duplicate += 1
            continue
        if article.id in seen_id:
            where, line = origin(i)
            result.rejected.append(Rejection(where or article.id, line, "id", f"{article.id!r} is already used by "
                                             "a different article; give each article a unique id, or leave 'id' out"))
            continue
        seen_url.add(key)
        seen_hash.add(article.text_hash)
        seen_id.add(article.id)
        fresh.append(article)
    return fresh


def _ingest_chunk(chunk: Sequence[Article], store: Store, resolver, options: Options,
                  result: IngestResult, run_id: int, origins: dict[str, tuple[str, int | None]] | None = None) -> None:
    from .extract.claims import extract_claims

    failed: set[str] = set()

    def reject(article: Article, exc: Exception) -> None:
        where, line = (origins or {}).get(article.id, ("", None))
        logger.warning("extraction failed on %s", article.id, exc_info=exc)
        failed.add(article.id)
        result.rejected.append(Rejection(where or article.id, line, None, f"could not be processed "
                                         f"({type(exc).__name__}: {str(exc)[:120]}); the rest of the batch is "
                                         "stored; rerun with -v and report the article"))

    claims = extract_claims(chunk, resolver, on_error=reject)
    chunk = [a for a in chunk if a.id not in failed]
    texts = {c.content_hash: c.content for c in claims}
    _store_chunk(chunk, [claim_row(c) for c in claims], store, resolver, result, run_id,
                 lambda todo: dict(zip(todo, embedder_for(options).embed([texts[h] for h in todo]))))


def _store_chunk(chunk: Sequence[Article], rows: Sequence[tuple[str, str, str, str]], store: Store, resolver,
                 result: IngestResult, run_id: int, embed: Callable[[list[str]], dict[str, np.ndarray]]) -> None:
    """Write one chunk of articles with their claims (``claim_row``s), embedding (``embed``: content
    hashes -> vectors) only what the vector cache lacks; vectors commit first, then articles and claims together."""
    hashes = [r[2] for r in rows]
    cached = store.cached_vectors(hashes)
    todo = [h for h in dict.fromkeys(hashes) if h not in cached]
    if todo:
        new_vectors = embed(todo)
        with store.transaction():  # vectors first: a crash after this keeps the embedding work
            store.put_vectors(new_vectors)
        commit_point("ingest.vectors")
        cached.update(new_vectors)
        result.embedded += len(todo)
    with store.transaction():
        store.insert_articles(chunk, [normalise_url(a.url) for a in chunk], run_id)
        rowids = store.insert_claim_rows(rows)
        store.set_meta("entities", resolver.to_dict())
    commit_point("ingest.chunk")
    if rowids and store.index_loaded:  # else the claims join the index when it is next read
        store.add_to_index(rowids, np.stack([cached[h] for h in hashes]))
    result.articles_new += len(chunk)
    result.claims_new += len(rows)
    result.article_ids.extend(a.id for a in chunk)


def _ingest_on_ray(fresh: Sequence[Article], store: Store, resolver, options: Options, result: IngestResult,
                   run_id: int, progress: Progress | None) -> dict[str, np.ndarray]:
    """Parse and embed on Ray; write here, ``options.batch_size`` articles a transaction, as the local
    engine. Returns the titles' vectors, which the actors computed for the search state."""
    from .engine.distributed import extract_and_embed

    chunk: list[Article] = []
    rows: list[tuple[str, str, str, str]] = []
    vectors: dict[str, np.ndarray] = {}
    titles: dict[str, np.ndarray] = {}
    done = 0
    for article, found, vecs, title in extract_and_embed(fresh, options, resolver):
        if title is not None:
            titles[article.title.strip()] = title
        chunk.append(article)
        rows += found
        for h, v in vecs.items():
            vectors.setdefault(h, v)
        if len(chunk) == options.batch_size or done + len(chunk) == len(fresh):
            _store_chunk(chunk, rows, store, resolver, result, run_id, lambda todo: {h: vectors[h] for h in todo})
            done += len(chunk)
            chunk, rows, vectors = [], [], {}
            if progress:
                progress("ingest", done, len(fresh))
    return titles


def _load_resolver(store: Store):
    from .extract.entities import EntityResolver

    state = store.get_meta("entities")
    return EntityResolver.from_dict(state) if state else EntityResolver()


@dataclass
class CheckResult:
    flags: list[Flag]
    clusters: list[dict]
    new: list[str] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    seconds: float = 0.0
    min_confidence: float = 0.0  # the floor ``flags`` was filtered with
    compared: list[str] | None = None  # the stories ``clusters`` covers (None: every story)


def check(options: Options | None = None, *, progress: Progress | None = None, full: bool = False,
          again: Iterable[str] = (), every_open_flag: bool = True) -> CheckResult:
    """Align new claims with their neighbours in other outlets, compare, and trace origins.

    Only the stories that tonight's articles joined (or merged) are compared again, each as
    a whole, so an incremental check gives the flags a full one would; flags of every other
    story are carried as they are. ``full=True`` compares every stored pair, e.g. after an
    upgrade of the comparators. ``clusters`` holds the claim clusters of the stories compared.
    The stories of the articles in ``again`` are compared again even if a finished check did
    (a nightly run whose report was never written needs them for its rerun's report).
    ``flags`` holds every open flag, or with ``every_open_flag=False`` those of the stories
    compared (a night's report lists those and counts the rest).
    """
    from .align import align_new_claims

    options = options or Options()
    t0 = time.perf_counter()
    with open_store(options) as store:
        store.lock(verify=options.verify)
        run_id = store.start_run("check")
        assign_stories(store, options)
        again = set(again)
        if again:
            meta = store.article_meta_of(again)
            store.mark_stories_dirty({m["story_id"] for m in meta.values() if m["story_id"]})
        commit_point("check.stories")
        unchecked = store.unchecked_rowids()
        align_new_claims(store, options, progress=progress)
        compared = None if full else store.dirty_stories()
        flags, clusters, quiet, scope, outcomes = compare_dirty(store, full=full, options=options)
        with store.transaction():  # flags and the claims they cover are committed together
            diff = store.save_flags(flags, run_id, scope=scope)
            store.mark_quiet(quiet)
            silent = set(quiet)
            store.save_pair_outcomes({p: o for p, o in outcomes.items() if p not in silent})
            store.clear_dirty_stories()
            store.mark_checked(unchecked)
            store.finish_run(run_id, {"flags": len(flags), **{k: len(v) for k, v in diff.items()}})
        commit_point("check.flags")
        open_flags = flags if scope is None or not every_open_flag else store.flags("open")
    shown = [f for f in open_flags if f.confidence >= options.min_confidence]
    return CheckResult(flags=sorted(shown, key=lambda f: (f.type, f.id)), clusters=[c.to_dict() for c in clusters],
                       new=diff["new"], carried=diff["carried"], resolved=diff["resolved"],
                       seconds=time.perf_counter() - t0, min_confidence=options.min_confidence, compared=compared)


def compare_dirty(store: Store, *, full: bool = False, options: Options | None = None):
    """Flags and clusters of the stories whose flags are out of date (of every story with ``full``),
    the pairs found quiet, the ids of the open flags they replace (None: all of them), and the
    outcomes of the pairs compared (``compare.outcomes``), to be stored with the flags.

    A story is compared as a whole, but pairs an earlier check found quiet (no finding, no
    cluster link) are not read again: they cannot change a flag, and a loud pair an earlier
    check compared is read back, not compared again (``full`` compares every pair afresh). With
    ``options.facts`` each story's fact table is compared too (without it, only the table's dates of
    one happening scoring ``options.happening_bar`` or more, and its figures of one holder graded
    ``options.figure_bar`` or more); flag confidences are calibrated unless told otherwise.
    """
    from .compare.by_story import check_stories
    from .compare.calibration import calibrate
    from .compare.facts import compare_facts
    from .compare.figures import surest_findings
    from .compare.outcomes import PairMemo

    options = options or Options()
    if options.engine == "ray":
        from .engine.distributed import check_stories_on_ray

        def check_stories(pairs, claims, resolver, facts=None, stories=(), memo=None):  # noqa: F811 - on Ray
            return check_stories_on_ray(pairs, claims, resolver, options, facts, stories, memo)
    resolver = _load_resolver(store)
    if full:
        pairs = store.pairs()
        stories = None
        previous = None
        memo = PairMemo()
    else:
        stories = store.dirty_stories()
        in_scope = store.story_claims(stories)
        pairs = store.pairs_touching(in_scope, loud_only=True)
        previous = [f.id for f in store.open_flags_touching(in_scope.values())]
        memo = PairMemo(store.pair_outcomes(in_scope))
    whole = store.story_claim_records(stories)  # every claim of the stories compared, not only aligned ones
    # a pair's claims are nearly always in its story: only those outside are read again
    claims = {**whole, **store.claims(sorted({r for a, b, _ in pairs for r in (a, b)} - whole.keys()))}
    if options.facts:
        facts = compare_facts(whole, store.claim_vectors)
    elif options.happening_bar is not None or options.figure_bar is not None:
        facts = surest_findings(whole, store.claim_vectors, options.happening_bar, options.figure_bar)
    else:
        facts = None
    flags, clusters, quiet = check_stories(pairs, claims, resolver, facts, whole.values(), memo)
    return (calibrate(flags) if options.calibrate else flags), clusters, quiet, previous, memo.fresh


def keep_pair_outcomes(options: Options | None = None, *, progress: Progress | None = None,
                       chunk: int = 20000) -> int:
    """Compare every loud pair whose outcome is not kept (a store from an older version) and keep
    its outcome, so that the next checks read it back; flags are left as they are. This is the
    work the first nights after an upgrade would spread over the stories they touch, done at once.
    Returns how many pairs were compared."""
    from .compare.outcomes import PairMemo, code_digest

    options = options or Options()
    with open_store(options) as store:
        store.lock(verify=options.verify)
        resolver = _load_resolver(store)
        todo = store.pairs_without_outcome(code_digest())
        for i in range(0, len(todo), chunk):
            part = todo[i:i + chunk]
            claims = store.claims(sorted({r for a, b, _ in part for r in (a, b)}))
            memo = PairMemo()
            for a, b, score in part:
                if a in claims and b in claims:
                    memo.outcome(a, b, claims[a], claims[b], score, resolver)
            with store.transaction():
                store.save_pair_outcomes(memo.fresh)
            if progress:
                progress("outcomes", min(i + chunk, len(todo)), len(todo))
    return len(todo)


def assign_stories(store: Store, options: Options) -> set[str]:
    """Give every article without a story one, incrementally; follow stories that merged.

    Returns the stories that changed (marked dirty in the store until a check brings their
    flags up to date). Only the new articles and the articles of merged stories are read.
    """
    from .stories.cluster import article_vectors

    ids = store.articles_without_story()
    if not ids:
        old_layout = store.has_old_story_layout()
        if store.stories_without_thread() or old_layout:  # a store made before threads
            clusterer = _load_clusterer(store)
            with store.transaction():
                if old_layout:
                    store.save_story_state(clusterer.head_dict(), [], [])
                _link_threads(store, clusterer, ())
        return set()
    articles = store.articles(ids)
    order = {a: i for i, a in enumerate(ids)}
    articles.sort(key=lambda a: order[a.id])
    clusterer = _load_clusterer(store)
    merged_before = set(clusterer.merged_into)
    vecs = article_vectors(articles, embedder_for(options))
    assignments = dict(zip((a.id for a in articles), clusterer.assign(articles, vecs)))
    # A new article can join two stories into one: articles stored earlier follow the merge.
    merged_now = [s for s in clusterer.merged_into if s not in merged_before]
    for article_id, story_id in store.articles_in_stories(merged_now).items():
        assignments.setdefault(article_id, story_id)
    assignments = {a: clusterer.resolve(s) for a, s in assignments.items()}
    changed = set(assignments.values())
    claims = store.claims(article_ids=list(assignments))
    with store.transaction():
        store.set_stories(assignments)
        store.save_story_state(clusterer.head_dict(), [clusterer.story_dict(s) for s in clusterer.stories
                                                       if s in changed], merged_now)
        store.mark_stories_dirty(changed)
        store.update_claims({r: replace(c, story_id=assignments[c.article_id]) for r, c in claims.items()})
        _link_threads(store, clusterer, changed)
    return changed


def forget_stories(options: Options) -> None:
    """Drop a store's stories, threads and claim pairs, keeping its articles, claims and vectors:
    the next check assigns stories and aligns claims afresh, as the first check did."""
    with open_store(options) as store:
        store.lock(verify=options.verify)
        with store.transaction():
            store.forget_stories()


def _load_clusterer(store: Store):
    from .stories.cluster import StoryClusterer

    head, heads = store.story_heads()
    if head is None:
        return StoryClusterer()
    if heads is None:  # the first layout: the whole state is one value
        return StoryClusterer.from_dict(head)
    return StoryClusterer.from_stored(head, heads, store.story_profiles)


def _link_threads(store: Store, clusterer, touched: Iterable[str]) -> None:
    """Give every story a thread (new stories join the threads of their subject) and store the links."""
    from .stories.threads import ThreadLinker

    linker = ThreadLinker.from_state(store.get_meta("threads"), store.story_threads())
    store.set_threads(linker.link(clusterer, touched))
    store.set_meta("threads", linker.params())


def stats(options: Options | None = None) -> dict[str, int]:
    """Counts of articles, claims, indexed vectors, open flags and outlets."""
    options = options or Options()
    with open_store(options) as store:
        return store.counts()
