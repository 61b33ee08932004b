"""The tune refit starts from the TREC QA weights and joins features they lack at weight 0, scaled on the data."""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from tune_question_ranker import adapt, base_ranker, fold_of, scores  # noqa: E402

from consistency.query.questions import FEATURES, QuestionRanker  # noqa: E402


def test_tune_question_ranker_base_joins_missing_features_at_zero(tmp_path):
    old = FEATURES[:-1]  # a file fitted before the last feature existed
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps({"features": list(old), "mean": [0.5] * len(old), "scale": [2.0] * len(old),
                                "coef": [9.0] * len(old),
                                "meta": {"adapted": {"base_coef": [1.0] * len(old)}}}))
    X = np.zeros((4, len(FEATURES)))
    X[:, -1] = [0.0, 1.0, 2.0, 3.0]
    base = base_ranker(path, [{"X": X}])
    # the adapted weights are dropped for the TREC QA ones; the new feature starts at 0, scaled on the data
    assert base.coef[:-1].tolist() == [1.0] * len(old) and base.coef[-1] == 0.0
    assert base.mean[-1] == 1.5 and np.isclose(base.scale[-1], X[:, -1].std())
    assert base.meta["new_features"] == [FEATURES[-1]]
    # a feature an earlier refit joined is scaled on the data again, not taken from the file
    path.write_text(json.dumps({"features": list(FEATURES), "mean": [0.5] * len(FEATURES),
                                "scale": [2.0] * len(FEATURES), "coef": [9.0] * len(FEATURES),
                                "meta": {"new_features": [FEATURES[-1]],
                                         "adapted": {"base_coef": [1.0] * len(old) + [0.7]}}}))
    again = base_ranker(path, [{"X": X}])
    assert again.mean[-1] == 1.5 and again.coef[-1] == 0.0


def test_tune_question_ranker_adapt_holds_dropped_features_at_zero():
    rng = np.random.default_rng(0)
    n = len(FEATURES)
    data = []
    for _ in range(6):  # six questions of five candidates; the first candidate answers, and it is high on two features
        X = rng.normal(size=(5, n))
        X[0, 0] += 3.0
        X[0, 2] += 3.0
        data.append({"X": X, "y": np.array([1.0, 0, 0, 0, 0]), "prior": np.zeros(5)})
    base = QuestionRanker(np.zeros(n), np.ones(n), np.full(n, 0.1))
    model = adapt(base, data, 1.0, 0.5, frozenset({FEATURES[0]}))
    assert model.coef[0] == 0.0
    assert model.coef[2] > 0.1  # the kept feature that tells the answer apart gains weight


def test_tune_question_ranker_scores_a_subset_apart():
    right = [[{"article_id": "a", "start": 0, "end": 10}]]
    wrong = [[{"article_id": "b", "start": 0, "end": 10}]]
    qs = [{"id": f"q{i}", "answers": [{"article": "a", "start": 0, "end": 5}]} for i in range(4)]
    shown = {"q0": right, "q1": right, "q2": wrong, "q3": right}
    out = scores(qs, shown, {"q2", "q3"})
    assert out["p_at_1"] == 0.75 and out["questions"] == 4
    assert out["subset"]["p_at_1"] == 0.5 and out["subset"]["questions"] == 2
    assert "subset" not in scores(qs, shown, None)


def test_tune_question_ranker_deals_events_into_folds_another_way():
    events = [f"event-{i}" for i in range(40)]
    shipped = [fold_of(e, 5) for e in events]
    assert shipped == [fold_of(e, 5, "") for e in events]  # the default deal is the one weights were chosen on
    other = [fold_of(e, 5, "b") for e in events]
    assert other == [fold_of(e, 5, "b") for e in events]
    assert other != shipped and set(other) == set(range(5))
