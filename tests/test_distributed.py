"""The Ray engine gives the local engine's articles, claims, vectors and flags."""

import json
from pathlib import Path

import numpy as np
import pytest

from bench.synthetic_news import synthetic
from consistency import Options
from consistency.nightly import run
from consistency.pipeline import open_store
from consistency.store.encoding import claim_to_dict, flag_to_dict

ray = pytest.importorskip("ray")

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
    return {"articles": articles, "claims": claims, "vectors": vectors, "flags": flags, "stories": stories}


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
    assert result.exit_code == 0
