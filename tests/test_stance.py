import csv
import dataclasses
import json
import sys
from pathlib import Path

import click
import numpy as np
import pytest

from consistency.compare.stance import (
    FEATURE_NAMES,
    LABELS,
    MODEL_PATH,
    StanceModel,
    load_stance_model,
    pair_features,
    relative_to_peers,
    stance_of,
    tokens,
    train_stance,
)
from consistency.compare.stance_neighbours import NeighbourVote, pair_directions
from consistency.embed import get_embedder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import bench_stance  # noqa: E402
import stance_sources  # noqa: E402

CLAIM = "A spider burrowed under a man's skin"
PAIRS = [
    ("No, a spider did not burrow under a man's skin, it's a hoax", "against"),
    ("Spider burrows under man's skin and lives there for days", "for"),
    ("Spider reportedly burrowed under man's skin, according to unconfirmed claims", "observing"),
]


def test_stance_tokens_split_negation_and_keep_question_mark():
    assert tokens("Durex isn't making it?") == ["durex", "is", "n't", "making", "it", "?"]


def test_stance_pair_features_have_one_value_per_name():
    feats = dict(zip(FEATURE_NAMES, pair_features(CLAIM, PAIRS[0][0])))
    assert len(pair_features(CLAIM, "")) == len(FEATURE_NAMES)
    assert feats["starts_with_no"] == 1.0
    assert feats["negation_only_in_text"] == 1.0
    assert feats["has_refute"] == 1.0


def test_stance_source_prefix_and_suffix():
    prefix = dict(zip(FEATURE_NAMES, pair_features(CLAIM, "Officials: spider found under skin")))
    suffix = dict(zip(FEATURE_NAMES, pair_features(CLAIM, "Spider found under man's skin: report")))
    banner = dict(zip(FEATURE_NAMES, pair_features(CLAIM, "EXCLUSIVE: spider found under skin")))
    assert prefix["source_prefix"] == 1.0
    assert suffix["source_suffix"] == 1.0
    assert banner["source_prefix"] == 0.0


def test_stance_shipped_model_predicts_obvious_pairs():
    model = load_stance_model()
    texts = [t for t, _ in PAIRS]
    assert model.predict([CLAIM] * 3, texts, embedder=get_embedder("hashing")) == [g for _, g in PAIRS]


def test_stance_predict_proba_rows_sum_to_one():
    proba = load_stance_model().predict_proba([CLAIM] * 3, [t for t, _ in PAIRS])
    assert proba.shape == (3, len(LABELS))
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_stance_predict_rejects_unequal_lengths():
    with pytest.raises(ValueError, match="one text per claim"):
        load_stance_model().predict([CLAIM, CLAIM], ["one text"])


def test_stance_empty_input_gives_empty_output():
    assert load_stance_model().predict([], []) == []


def test_stance_relative_features_read_a_text_against_its_peers():
    rows = np.array([[1.0, 0.0], [3.0, 2.0], [5.0, 4.0], [7.0, 7.0]])
    claims = ["Claim A", "Claim  A", "Claim A", "Claim B"]
    prior = np.array([0.5, 0.5])
    out = relative_to_peers(rows, claims, prior)
    assert np.allclose(out[0], [1.0 - 4.0, 0.0 - 3.0, np.log(3)])  # peers 1 and 2, spacing ignored
    assert np.allclose(out[3], [6.5, 6.5, 0.0])  # no peers: read against the prior


def test_stance_shipped_model_reads_peers_and_keeps_single_pairs_working():
    model = load_stance_model()
    assert model.prior is not None and model.forest is not None and model.neighbours is not None
    assert model.predict([CLAIM], [PAIRS[0][0]]) == ["against"]


def test_stance_model_file_is_small_json():
    assert MODEL_PATH.stat().st_size < 5_000_000
    assert json.loads(MODEL_PATH.read_text())["labels"] == list(LABELS)


@pytest.mark.slow  # fits a model; the fast suite stays under 30 s
def test_stance_train_save_load_round_trip(tmp_path: Path):
    claims = [CLAIM] * 6
    texts = [t for t, _ in PAIRS] * 2
    labels = [g for _, g in PAIRS] * 2
    model = train_stance(claims, texts, labels, C=10.0, boosted=False)
    model.save(tmp_path / "m.json")
    loaded = StanceModel.load(tmp_path / "m.json")
    assert np.allclose(loaded.predict_proba(claims, texts), model.predict_proba(claims, texts))
    assert loaded.predict(claims, texts) == labels


@pytest.mark.slow  # fits a model; the fast suite stays under 30 s
def test_stance_model_with_pair_vectors_round_trips(tmp_path: Path):
    embedder = get_embedder("hashing")
    claims = [CLAIM] * 6
    texts = [t for t, _ in PAIRS] * 2
    labels = [g for _, g in PAIRS] * 2
    model = train_stance(claims, texts, labels, embedder=embedder, vectors=True, vector_shrink=20.0)
    model.save(tmp_path / "m.json")
    loaded = StanceModel.load(tmp_path / "m.json")
    assert loaded.vectors and loaded.features(claims, texts, embedder).shape[1] == len(model.mean)
    assert np.allclose(loaded.predict_proba(claims, texts, embedder), model.predict_proba(claims, texts, embedder))


@pytest.mark.slow  # fits a model; the fast suite stays under 30 s
def test_stance_exported_trees_match_sklearn():
    from sklearn.ensemble import HistGradientBoostingClassifier

    from consistency.compare.stance import export_trees, softmax

    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 5))
    y = np.array(LABELS)[(x[:, 0] > 0).astype(int) + (x[:, 1] > 1).astype(int)]
    clf = HistGradientBoostingClassifier(max_iter=20, max_depth=3, random_state=0).fit(x, y)
    order = [list(clf.classes_).index(label) for label in LABELS]
    ours = softmax(export_trees(clf).logits(x))
    assert np.allclose(ours, clf.predict_proba(x)[:, order])


@pytest.mark.slow  # fits a forest; the fast suite stays under 30 s
def test_stance_exported_forest_matches_sklearn():
    from consistency.compare.stance import Forest, export_forest, forest_classifier

    rng = np.random.default_rng(1)
    x = rng.normal(size=(300, 5))
    x[:, 2] = rng.integers(0, 3, size=300) / 3  # thirds sit on split points unless compared as float32
    y = np.array(LABELS)[(x[:, 0] > 0).astype(int) + (x[:, 2] > 0.5).astype(int)]
    clf = forest_classifier(15).fit(x, y)
    order = [list(clf.classes_).index(label) for label in LABELS]
    forest = Forest.from_dict(export_forest(clf).to_dict())
    assert np.allclose(forest.proba(x), clf.predict_proba(x)[:, order])


@pytest.mark.slow  # fits a model; the fast suite stays under 30 s
def test_stance_model_with_forest_round_trips(tmp_path: Path):
    claims = [CLAIM] * 12
    texts = [t for t, _ in PAIRS] * 4
    labels = [g for _, g in PAIRS] * 4
    model = train_stance(claims, texts, labels, boost_rounds=5, forest_trees=4)
    model.save(tmp_path / "m.json")
    loaded = StanceModel.load(tmp_path / "m.json")
    assert loaded.forest is not None and len(loaded.forest.roots) == 4
    assert np.allclose(loaded.predict_proba(claims, texts), model.predict_proba(claims, texts))


def test_stance_neighbour_vote_takes_the_labels_of_the_nearest_directions():
    directions = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [-1.0, 0.0]])
    vote = NeighbourVote.fit(directions, np.array([0, 0, 1, 2]), k=2, weight=0.2, embedder="e")
    proba = vote.proba(np.array([[1.0, 0.05], [-0.1, 1.0]]), len(LABELS))
    assert np.allclose(proba[0], [3 / 5, 1 / 5, 1 / 5])  # both nearest say the first label, one added to each
    assert np.allclose(proba[1], [1 / 5, 2 / 5, 2 / 5])  # nearest: the second and the fourth direction
    assert vote.proba(np.zeros((0, 2)), len(LABELS)).shape == (0, len(LABELS))


def test_stance_neighbour_vote_round_trips_through_json():
    vote = NeighbourVote.fit(np.array([[0.6, 0.8], [1.0, 0.0]]), np.array([2, 1]), k=1, weight=0.3, embedder="e")
    again = NeighbourVote.from_dict(json.loads(json.dumps(vote.to_dict())))
    assert np.array_equal(again.vectors, vote.vectors) and again.labels.tolist() == [2, 1]
    assert (again.k, again.weight, again.embedder) == (1, 0.3, "e")


def test_stance_pair_directions_are_unit_or_zero():
    directions = pair_directions(["a bridge closes", "same words"], ["the bridge stays open", "same words"],
                                 get_embedder("hashing"))
    assert np.isclose(np.linalg.norm(directions[0]), 1.0) and not directions[1].any()


class _Renamed:
    """The hashing embedder under another name: its vectors must not meet a vote read with hashing's."""

    name, dim = "another", 384

    def embed(self, texts):
        return get_embedder("hashing").embed(texts)


@pytest.mark.slow  # fits a model; the fast suite stays under 30 s
def test_stance_model_with_neighbours_round_trips_and_leaves_the_vote_to_its_embedder(tmp_path: Path):
    embedder = get_embedder("hashing")
    claims = [CLAIM] * 6
    texts = [t for t, _ in PAIRS] * 2
    labels = [g for _, g in PAIRS] * 2
    model = train_stance(claims, texts, labels, embedder=embedder, C=10.0, boosted=False, neighbours=2)
    model.save(tmp_path / "m.json")
    loaded = StanceModel.load(tmp_path / "m.json")
    assert loaded.neighbours is not None and loaded.neighbours.embedder == "hashing"
    assert np.allclose(loaded.predict_proba(claims, texts, embedder), model.predict_proba(claims, texts, embedder))
    without = dataclasses.replace(model, neighbours=None).predict_proba(claims, texts, embedder)
    assert not np.allclose(model.predict_proba(claims, texts, embedder), without)
    assert np.allclose(model.predict_proba(claims, texts, _Renamed()), without)


def test_stance_train_needs_every_label():
    with pytest.raises(ValueError, match="every label"):
        train_stance([CLAIM, CLAIM], ["a", "b"], ["for", "against"])


def test_stance_train_rejects_unknown_label():
    with pytest.raises(ValueError, match="unknown stance labels"):
        train_stance([CLAIM], ["text"], ["agree"])


def test_stance_bench_confusion_rows_are_gold_labels():
    gold = ["for", "for", "against", "observing"]
    pred = ["for", "observing", "against", "for"]
    assert bench_stance.confusion(gold, pred) == [[1, 0, 1], [0, 1, 0], [1, 0, 0]]
    labels = bench_stance.per_label(gold, pred)
    assert labels["for"]["recall"] == 0.5
    assert labels["against"]["f1"] == 1.0
    assert labels["observing"]["support"] == 1


def _write_emergent(path: Path, claims: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId"])
        for c in range(claims):
            claim = f"Claim number {c} about a spider under skin"
            for i, (text, label) in enumerate(PAIRS * 2):
                writer.writerow([f"{c}-{i}", claim, text, label, f"a{c}-{i}", f"c{c}"])


@pytest.mark.slow  # fits a model; the fast suite stays under 30 s
def test_stance_bench_cross_validate_scores_every_row_once(tmp_path: Path):
    _write_emergent(tmp_path / "e.csv", claims=4)
    rows = bench_stance.read_emergent(str(tmp_path / "e.csv"))
    per_fold, pred = bench_stance.cross_validate(rows, folds=2, embedder=get_embedder("hashing"))
    assert len(per_fold) == 2
    assert len(pred) == len(rows["claimHeadline"]) == 24
    assert set(pred) <= set(LABELS)
    shuffled_folds, shuffled = bench_stance.cross_validate(rows, folds=2, embedder=get_embedder("hashing"), seed=1)
    assert len(shuffled_folds) == 2 and len(shuffled) == 24 and None not in shuffled


def test_stance_bench_read_emergent_names_missing_columns(tmp_path: Path):
    (tmp_path / "bad.csv").write_text("id,claimHeadline\n0,x\n", encoding="utf-8")
    with pytest.raises(click.ClickException, match="articleHeadline"):
        bench_stance.read_emergent(str(tmp_path / "bad.csv"))


def test_stance_of_reads_each_text_toward_one_claim():
    claim = "The harbour bridge will close for repairs in May"
    texts = ["No, the harbour bridge is not closing: the rumour is false, the council says",
             "Harbour bridge to close for repairs in May",
             "Harbour bridge may close for repairs, unconfirmed reports say"]
    found = stance_of(claim, texts)
    assert len(found) == 3 and set(found) <= set(LABELS)
    assert found[0] == "against" and found[2] == "observing"
    assert stance_of(claim, []) == []


def test_stance_bench_dev_portion_holds_whole_claims():
    ids = [f"claim-{i}" for i in range(50) for _ in range(3)]
    rows = {"claimHeadline": ids, "articleHeadline": ids, "articleHeadlineStance": ["for"] * len(ids), "claimId": ids}
    train, dev = bench_stance.split_rows(rows)
    assert len(train["claimId"]) + len(dev["claimId"]) == len(ids)
    assert not set(train["claimId"]) & set(dev["claimId"])
    assert 0 < len(set(dev["claimId"])) < 25


def test_stance_sources_mask_the_claims_words_in_the_headline():
    words = stance_sources.masked_words("Ferry sinks near harbour", "Ferry sinking near harbour is a hoax")
    assert "ferry" not in words and "harbour" not in words and "hoax" in words
    assert "<claim>" in words and "a_hoax" in words and "<first><claim>" in words


def test_stance_sources_peer_mean_leaves_each_row_out_of_its_group():
    m = np.array([[1.0], [3.0], [5.0], [7.0]])
    means = stance_sources.peer_mean(m, np.array(["a", "a", "a", "b"]))
    assert means[:, 0].tolist() == [4.0, 3.0, 2.0, 4.0]  # the lone row gets the mean of all rows


@pytest.mark.slow  # loads spaCy and the attribution tagger
def test_stance_sources_frame_columns_tell_a_relayed_claim_from_one_about_its_speaker():
    claim = "The harbour ferry sank on Monday"
    cols = stance_sources.frame_columns(
        [claim] * 3,
        ["Coast guard says the harbour ferry sank", "Harbour ferry sinks near the pier",
         "Ferry captain says his harbour ferry never sank"],
    )
    named = dict(zip(stance_sources.FRAME_COLUMNS, cols.T))
    assert named["outside_source"].tolist() == [1.0, 0.0, 0.0]  # only the coast guard is a source apart from the claim
    assert named["claim_in_reported"][0] > 0.5  # the claim sits in what the coast guard says
    assert named["source_in_claim"].tolist() == [0.0, 0.0, 1.0]  # the captain's source words name the claim's ferry
