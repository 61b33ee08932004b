"""The Ray engine gives the local engine's articles, claims, vectors and flags."""

import json
import warnings
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from bench.synthetic_news import synthetic
from consistency import Options
from consistency.engine import distributed
from consistency.engine.distributed import KnownVectors
from consistency.extract.entities import EntityResolver
from consistency.records import Article
from consistency.nightly import run
from consistency.pipeline import open_store
from consistency.query.state import STATE_NAME, load_state
from consistency.store.encoding import claim_to_dict, flag_to_dict

ray = pytest.importorskip("ray")
RayDeprecationWarning = pytest.importorskip("ray.util.annotations").RayDeprecationWarning

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"


@pytest.fixture(scope="session")
def local_ray():
    """One local Ray for the whole session: starting Ray costs seconds."""
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _contents(opts: Options) -> dict:
    with open_store(opts) as store:
        articles = {a.id: (a.outlet, a.url, a.title, a.published.isoformat(), a.text) for a in store.articles()}
        claims = {c.id: claim_to_dict(c) for c in store.claims().values()}
        rows = sorted(store.claims())
        vectors = dict(zip((store.claims(rows)[r].id for r in rows), store.claim_vectors(rows)))
        flags = {f.id: flag_to_dict(f) for f in store.flags("open")}
        stories = dict(store.db.execute("SELECT id, story_id FROM articles"))
        ids = {r: c.id for r, c in store.claims().items()}
        outcomes = {(ids[a], ids[b]): o for a, b, o in store.db.execute("SELECT a, b, outcome FROM pairs")}
    return {"articles": articles, "claims": claims, "vectors": vectors, "flags": flags, "stories": stories,
            "outcomes": outcomes}


@pytest.mark.slow
def test_distributed_ray_engine_equals_local_engine(tmp_path, local_ray):
    drawn = tmp_path / "drawn.jsonl"
    drawn.write_text("".join(json.dumps(r) + "\n" for r in synthetic(40, seed=11)), encoding="utf-8")
    sources = [SAMPLE / "articles.jsonl", SAMPLE / "more", drawn]
    local = Options(store=tmp_path / "local", embedder="hashing", batch_size=16)
    on_ray = Options(store=tmp_path / "ray", embedder="hashing", batch_size=16, engine="ray")
    run(sources, local, tmp_path / "out-local")
    result = run(sources, on_ray, tmp_path / "out-ray")
    a, b = _contents(local), _contents(on_ray)
    assert a["articles"] == b["articles"] and len(a["articles"]) > 40
    assert a["claims"] == b["claims"]
    assert a["vectors"].keys() == b["vectors"].keys()
    for cid, vec in a["vectors"].items():
        np.testing.assert_allclose(vec, b["vectors"][cid], atol=1e-5)
    assert a["stories"] == b["stories"]
    assert a["flags"] == b["flags"] and len(a["flags"]) > 0
    # the pairs' outcomes kept for later nights, so a night on Ray compares only new pairs too
    assert a["outcomes"] == b["outcomes"] and any(o is not None for o in b["outcomes"].values())
    assert result.exit_code == 0
    _assert_same_title_vectors(tmp_path / "local", tmp_path / "ray")


@pytest.mark.slow
def test_pool_with_batches_queued_at_its_actors_keeps_input_order(monkeypatch, local_ray):
    """Each actor is handed its next batch before it returns one; the driver still gets the articles
    in input order, each with its own claims, and setting the pool up warns of nothing deprecated."""
    monkeypatch.setattr(distributed, "BATCH", 3)
    day = datetime(2026, 3, 2, 8, tzinfo=timezone.utc)
    articles = [Article(id=f"a{i}", outlet=f"Harbour Post {i % 3}", url=f"https://example.org/{i}",
                        title=f"Ferry fares rise by {i + 2} percent",
                        published=day, text=f"The ferry company said on Monday that fares rise by {i + 2} percent "
                                            f"from April. Mayor Ada Brent said {i + 10} routes stay open.")
                for i in range(14)]
    stats: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error", RayDeprecationWarning)
        out = list(distributed.extract_and_embed(articles, Options(embedder="hashing", engine="ray"),
                                                 EntityResolver(), stats))
    assert [a.id for a, *_ in out] == [a.id for a in articles]
    assert len(stats["batches"]) == 5
    for article, rows, vectors, title in out:
        assert rows and all(json.loads(row[3])["article_id"] == article.id for row in rows)
        assert vectors.keys() == {row[2] for row in rows} and title is not None


def _assert_same_title_vectors(local_store: Path, ray_store: Path) -> None:
    """The search state's title vectors, embedded by the driver locally and by the actors on Ray."""
    a, b = load_state(local_store / STATE_NAME), load_state(ray_store / STATE_NAME)
    for key in ("title_seen_blob", "title_seen_ends", "title_idx", "row_ids"):
        np.testing.assert_array_equal(a[key], b[key])
    assert len(a["title_vecs"]) > 20
    np.testing.assert_allclose(a["title_vecs"].astype(np.float32), b["title_vecs"].astype(np.float32), atol=2e-3)


def test_known_vectors_embed_only_what_they_lack():
    asked: list[list[str]] = []

    class Counting:
        def embed(self, texts):
            asked.append(list(texts))
            return np.full((len(texts), 3), 7.0, np.float32)

    known = KnownVectors({"Harbour bridge reopens": np.ones(3, np.float32)}, Counting)
    np.testing.assert_array_equal(known.embed(["Harbour bridge reopens"]), np.ones((1, 3)))
    assert asked == [] and known.dim == 3
    out = known.embed(["Ferry fares rise", "Harbour bridge reopens", "Ferry fares rise"])
    assert asked == [["Ferry fares rise"]]
    np.testing.assert_array_equal(out, [[7, 7, 7], [1, 1, 1], [7, 7, 7]])
    assert known.embed([]).shape == (0, 3)
