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
from .errors import Rejection
from .ingest.readers import normalise_url, read_paths
from .options import Options
from .records import Article, Claim, Flag
from .store.database import Store

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
    read = read_paths(paths)
    result = IngestResult(rejected=list(read.rejected))
    with open_store(options) as store:
        store.lock()
        store.sync_index()  # load the index and repair what an interrupted run left behind
        fresh = _new_articles(read.articles, store, result)
        if fresh:
            run_id = store.start_run("ingest")
            resolver = _load_resolver(store)
            for i in range(0, len(fresh), options.batch_size):
                chunk = fresh[i:i + options.batch_size]
                _ingest_chunk(chunk, store, resolver, options, result, run_id)
                if progress:
                    progress("ingest", min(i + len(chunk), len(fresh)), len(fresh))
            store.save_index()
            store.finish_run(run_id, result.to_dict())
    result.seconds = time.perf_counter() - t0
    logger.info("ingest: %d new articles, %d duplicates, %d claims, %d embedded, %d rejected in %.1fs",
                result.articles_new, result.articles_duplicate, result.claims_new, result.embedded,
                len(result.rejected), result.seconds)
    return result


def _new_articles(articles: Sequence[Article], store: Store, result: IngestResult) -> list[Article]:
    """Articles neither stored already nor repeated earlier in the batch."""
    keys = [normalise_url(a.url) for a in articles]
    known = store.find_known(keys, [a.text_hash for a in articles], [a.id for a in articles])
    seen_url, seen_hash, seen_id = set(known["url_key"]), set(known["text_hash"]), set(known["id"])
    fresh: list[Article] = []
    for article, key in zip(articles, keys):
        if key in seen_url or article.text_hash in seen_hash:
            result.articles_duplicate += 1
            continue
        if article.id in seen_id:
            result.rejected.append(Rejection(article.id, None, "id", "is already used by a different article; "
                                             "give each article a unique id, or leave 'id' out"))
            continue
        seen_url.add(key)
        seen_hash.add(article.text_hash)
        seen_id.add(article.id)
        fresh.append(article)
    return fresh


def _ingest_chunk(chunk: Sequence[Article], store: Store, resolver, options: Options,
                  result: IngestResult, run_id: int) -> None:
    from .extract.claims import extract_claims

    claims = extract_claims(chunk, resolver)
    hashes = [c.content_hash for c in claims]
    cached = store.cached_vectors(hashes)
    todo = {c.content_hash: c.content for c in claims if c.content_hash not in cached}
    if todo:
        vecs = embedder_for(options).embed(list(todo.values()))
        new_vectors = dict(zip(todo.keys(), vecs))
        with store.transaction():  # vectors first: a crash after this keeps the embedding work
            store.put_vectors(new_vectors)
        cached.update(new_vectors)
        result.embedded += len(todo)
    with store.transaction():
        store.insert_articles(chunk, [normalise_url(a.url) for a in chunk], run_id)
        rowids = store.insert_claims(claims)
        store.set_meta("entities", resolver.to_dict())
    if rowids:
        store.add_to_index(rowids, np.stack([cached[h] for h in hashes]))
    result.articles_new += len(chunk)
    result.claims_new += len(claims)
    result.article_ids.extend(a.id for a in chunk)


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


def check(options: Options | None = None, *, progress: Progress | None = None, full: bool = False) -> CheckResult:
    """Align new claims with their neighbours in other outlets, compare, and trace origins.

    Only pairs that touch a newly aligned claim are compared again; flags on claims that
    nothing new touches are carried as they are (claims never change once stored).
    ``full=True`` compares every stored pair, e.g. after an upgrade of the comparators.
    Claim clusters and repetition flags are always rebuilt: new copies change them.
    """
    from .align import align_new_claims
    from .compare import compare_facts, compare_pairs
    from .compare.calibration import calibrate
    from .provenance import claim_clusters, repetition_flags

    options = options or Options()
    t0 = time.perf_counter()
    with open_store(options) as store:
        store.lock()
        run_id = store.start_run("check")
        assign_stories(store, options)
        new_pairs = align_new_claims(store, options, progress=progress)
        pairs = store.pairs()
        rowids = sorted({r for a, b, _ in pairs for r in (a, b)})
        claims = store.claims(rowids)
        resolver = _load_resolver(store)
        previous = [] if full else store.flags("open")
        if previous:
            touched = {r for a, b, _ in new_pairs for r in (a, b)}
            touched_ids = {claims[r].id for r in touched if r in claims}
            flags = [f for f in previous
                     if f.type != "unsupported_repetition" and not set(f.claims) & touched_ids]
            stories = {claims[r].story_id for r in touched if r in claims and claims[r].story_id}
            facts = compare_facts(store.story_claims(stories), store.claim_vectors) if options.facts else []
            fresh = compare_pairs([p for p in pairs if p[0] in touched or p[1] in touched], claims, resolver,
                                  facts)
        else:
            flags = []
            facts = compare_facts(store.story_claims(), store.claim_vectors) if options.facts else []
            fresh = compare_pairs(pairs, claims, resolver, facts)
        clusters = claim_clusters(pairs, claims)
        fresh += repetition_flags(clusters, claims, pairs)
        flags = _dedupe(flags + (calibrate(fresh) if options.calibrate else fresh))
        with store.transaction():
            diff = store.save_flags(flags, run_id)
            store.finish_run(run_id, {"flags": len(flags), **{k: len(v) for k, v in diff.items()}})
    shown = [f for f in flags if f.confidence >= options.min_confidence]
    return CheckResult(flags=shown, clusters=[c.to_dict() for c in clusters], new=diff["new"],
                       carried=diff["carried"], resolved=diff["resolved"], seconds=time.perf_counter() - t0)


def _dedupe(flags: list[Flag]) -> list[Flag]:
    seen: dict[str, Flag] = {}
    for f in flags:
        if f.id not in seen or f.confidence > seen[f.id].confidence:
            seen[f.id] = f
    return sorted(seen.values(), key=lambda f: (f.type, f.id))


def assign_stories(store: Store, options: Options) -> None:
    """Give every article without a story one, incrementally; follow stories that merged."""
    from .stories.cluster import StoryClusterer, article_vectors

    rows = store.db.execute("SELECT id FROM articles WHERE story_id IS NULL ORDER BY published, rowid").fetchall()
    if not rows:
        return
    articles = store.articles([r[0] for r in rows])
    order = {a: i for i, a in enumerate(r[0] for r in rows)}
    articles.sort(key=lambda a: order[a.id])
    state = store.get_meta("stories")
    clusterer = StoryClusterer.from_dict(state) if state else StoryClusterer()
    vecs = article_vectors(articles, embedder_for(options))
    assignments = dict(zip((a.id for a in articles), clusterer.assign(articles, vecs)))
    # A new article can join two stories into one: articles stored earlier follow the merge.
    for (article_id, story_id) in store.db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        if clusterer.resolve(story_id) != story_id:
            assignments[article_id] = clusterer.resolve(story_id)
    assignments = {a: clusterer.resolve(s) for a, s in assignments.items()}
    claims = store.claims(article_ids=list(assignments))
    with store.transaction():
        store.set_stories(assignments)
        store.set_meta("stories", clusterer.to_dict())
        store.update_claims({r: replace(c, story_id=assignments[c.article_id]) for r, c in claims.items()})


def stats(options: Options | None = None) -> dict[str, int]:
    """Counts of articles, claims, indexed vectors, open flags and outlets."""
    options = options or Options()
    with open_store(options) as store:
        return store.counts()
