"""The contradiction scorer: word features, training on separable pairs, and a JSON round trip."""

import numpy as np
import pytest

from bench.polarity_scorers import flags_at, story_pairs
from bench.contradiction import ContradictionModel, train_contradiction, word_features
from consistency.errors import ModelError
from consistency.records import Claim


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_contradiction_word_features_see_a_negation_on_one_side():
    one = word_features("The council approved the budget.", "The council did not approve the budget.", 0.9)
    both = word_features("The council did not meet.", "The council never met.", 0.9)
    assert one[0] == 1.0 and both[0] == 0.0
    assert one[3] == pytest.approx(0.9)


def _pairs(n: int, seed: int):
    rng = np.random.default_rng(seed)
    u = _unit(rng.normal(size=(n, 8)))
    flip = rng.random(n) < 0.5
    # A contradicting second side points the other way on the first axis; the others stay alike.
    v = u.copy()
    v[flip, 0] *= -1
    v = _unit(v + 0.05 * rng.normal(size=v.shape))
    texts = ["the ferry left on time"] * n
    return u, v, texts, flip


def test_contradiction_model_learns_separable_pairs_and_round_trips(tmp_path):
    u, v, texts, y = _pairs(400, 0)
    model = train_contradiction(u, v, texts, texts, y)
    tu, tv, tt, ty = _pairs(200, 1)
    p = model.proba(tu, tv, tt, tt)
    assert ((p >= 0.5) == ty).mean() > 0.9
    path = tmp_path / "contradiction.json"
    model.save(path)
    again = ContradictionModel.load(path)
    assert np.allclose(again.proba(tu, tv, tt, tt), p, atol=1e-4)
    assert model.proba(tu[:0], tv[:0], [], []).shape == (0,)


def test_contradiction_model_from_other_features_is_refused(tmp_path):
    path = tmp_path / "old.json"
    path.write_text('{"features": ["cosine"], "mean": [], "scale": [], "coef": [], "intercept": 0}')
    with pytest.raises(ModelError, match="retrain"):
        ContradictionModel.load(path)


def _claim(i: int, article: str, outlet: str) -> Claim:
    from datetime import datetime, timezone

    text = f"statement {i}"
    return Claim(f"c{i}", article, outlet, datetime(2024, 5, 1, tzinfo=timezone.utc), text, 0, len(text), text)


def test_polarity_pairs_cross_outlets_and_take_each_claim_once():
    claims = [_claim(0, "a1", "North Post"), _claim(1, "a2", "South Herald"), _claim(2, "a3", "South Herald"),
              _claim(3, "a1", "North Post")]
    vecs = _unit(np.array([[1, 0.1], [1, 0.2], [1, 0.0], [1, 0.15]], dtype=np.float32))
    sp = story_pairs(claims, vecs, 0.5)
    assert all(a.outlet != b.outlet for a, b in zip(sp.a, sp.b))
    assert len(sp.a) == 4  # two North Post claims each against two South Herald claims
    flags = flags_at(sp, np.array([0.9, 0.8, 0.95, 0.1]), 0.5)
    used = [cid for f in flags for cid in f.id.split("|")]
    assert len(used) == len(set(used)) and flags[0].score == pytest.approx(0.95)


def test_polarity_nli_denial_scores_keep_only_pairs_lined_up_by_what_is_denied():
    from bench import polarity_scorers as ps

    class Always:
        def proba(self, u, v, ta, tb):
            return np.full(len(u), 0.9)

    claims = [_claim(0, "a1", "North Post"), _claim(1, "a2", "South Herald"), _claim(2, "a3", "West Gazette")]
    sp = story_pairs(claims, _unit(np.ones((3, 2), dtype=np.float32)), 0.5)
    ps.MODEL.update(nli=Always(), denials={frozenset(("c0", "c2"))})
    try:
        scores = ps.nli_denial_scores(sp)
    finally:
        ps.MODEL.clear()
    kept = [(a.id, b.id) for a, b, s in zip(sp.a, sp.b, scores) if s > 0]
    assert kept == [("c0", "c2")] and scores.max() == pytest.approx(0.9)
