"""The span tagger's decoding and the averaging of its ensemble."""

from __future__ import annotations

import numpy as np
import pytest

slow = pytest.mark.slow


def _scores(rows: list[list[float]]) -> np.ndarray:
    """(tokens, 1 role, 3) log-probabilities from per-token O/B/I probabilities."""
    return np.log(np.array(rows, dtype=np.float64))[:, None, :]


def test_attribution_tagger_viterbi_never_opens_a_span_with_inside():
    from consistency.extract.attribution.tagger import viterbi

    # argmax would read O I I; the best valid sequence begins the span instead
    tags = viterbi(_scores([[0.9, 0.05, 0.05], [0.1, 0.4, 0.5], [0.1, 0.1, 0.8]]))
    assert tags[:, 0].tolist() == [0, 1, 2]


def test_attribution_tagger_viterbi_bridges_a_weak_outside_gap():
    from consistency.extract.attribution.tagger import viterbi

    # B I O I I: the lone outside tag is less likely than two new begins, so the span stays whole
    rows = [[0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.5, 0.05, 0.45], [0.1, 0.1, 0.8], [0.1, 0.1, 0.8]]
    tags = viterbi(_scores(rows))
    assert tags[:, 0].tolist() == [1, 2, 2, 2, 2]


def test_attribution_tagger_viterbi_keeps_roles_apart():
    from consistency.extract.attribution.tagger import viterbi

    one = np.log(np.array([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1]]))
    two = np.log(np.array([[0.1, 0.8, 0.1], [0.1, 0.1, 0.8]]))
    tags = viterbi(np.stack([one, two], axis=1))
    assert tags[:, 0].tolist() == [0, 1]
    assert tags[:, 1].tolist() == [1, 2]


def test_attribution_tagger_viterbi_finds_the_best_valid_sequence():
    import itertools

    from consistency.extract.attribution.tagger import viterbi

    rng = np.random.default_rng(7)
    for _ in range(50):
        n = int(rng.integers(1, 6))
        scores = np.log(rng.dirichlet([1.0, 1.0, 1.0], size=(n, 2)))
        tags = viterbi(scores)
        for r in range(2):
            valid = [seq for seq in itertools.product(range(3), repeat=n)
                     if all(t != 2 or (k > 0 and seq[k - 1] != 0) for k, t in enumerate(seq))]
            best = max(valid, key=lambda seq: sum(scores[k, r, t] for k, t in enumerate(seq)))
            assert tags[:, r].tolist() == list(best)


def test_attribution_tagger_averages_member_probabilities():
    import torch

    from consistency.extract.attribution.tagger import average_log_probs

    a = torch.tensor([[2.0, 0.0, -1.0]])
    b = torch.tensor([[-1.0, 3.0, 0.0]])
    expected = torch.log((torch.softmax(a, -1) + torch.softmax(b, -1)) / 2).numpy()
    assert np.allclose(average_log_probs([a, b]), expected, atol=1e-6)
    # one member is read as it is
    assert np.allclose(average_log_probs([a]), torch.log_softmax(a, -1).numpy(), atol=1e-6)


def _tiny_tagger(outside_bias: tuple[float, float, float]):
    import torch

    from consistency.extract.attribution.tagger import (
        CATS,
        N_DENSE,
        SpanTagger,
        build_model,
    )

    models = []
    for seed in (0, 1, 2):
        torch.manual_seed(seed)
        models.append(build_model({c: 1 for c in CATS}, {c: 4 for c in CATS}, 96 + N_DENSE, hidden=8, layers=1).eval())
    return SpanTagger(models, {c: {"<unk>": 0} for c in CATS}, outside_bias)


def test_attribution_tagger_outside_bias_moves_every_role():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from consistency.extract.attribution.tagger import ROLES

    words = ["Talks", "failed", ",", "she", "said", ".", "Prices", "rose", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True, False, False, False, False, False, True, False, False])
    # a huge bias against outside tags leaves no token untagged; a huge bias for them tags none
    everything = _tiny_tagger((50.0, 50.0, 50.0)).tag(doc)
    for role in ROLES:
        covered = {i for a, b in everything[role] for i in range(a, b)}
        assert covered == set(range(len(doc))), role
    assert _tiny_tagger((-50.0, -50.0, -50.0)).tag(doc) == {r: [] for r in ROLES}


def test_attribution_tagger_reads_a_single_model_file_of_the_first_format(tmp_path):
    import json

    import torch

    from consistency.extract.attribution.tagger import (
        CATS,
        N_DENSE,
        build_model,
        load_tagger,
    )

    dims = {c: 4 for c in CATS}
    model = build_model({c: 1 for c in CATS}, dims, 96 + N_DENSE, hidden=8, layers=1)
    meta = {"vocabs": {c: ["<unk>"] for c in CATS}, "dims": dims, "n_dense": N_DENSE, "hidden": 8, "layers": 1,
            "outside_bias": [0.0, 0.5, 0.0]}
    arrays = {f"w:{k}": v.numpy().astype(np.float16) for k, v in model.state_dict().items()}
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(tmp_path / "old.npz", **arrays)
    loaded = load_tagger(str(tmp_path / "old.npz"))
    assert loaded is not None and len(loaded.models) == 1
    assert loaded.outside_bias.tolist() == [0.0, 0.5, 0.0]
    weight = model.state_dict()["out.weight"].numpy().astype(np.float16).astype(np.float32)
    assert torch.equal(loaded.models[0].state_dict()["out.weight"], torch.from_numpy(weight))


def test_attribution_tagger_spans_decode_the_log_probs_under_the_bias():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Talks", "failed", ",", "she", "said", ".", "Prices", "rose", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True, False, False, False, False, False, True, False, False])
    free, biased = _tiny_tagger((0.0, 0.0, 0.0)), _tiny_tagger((-50.0, -50.0, -50.0))
    probs = free.log_probs(doc)
    assert probs.shape == (len(doc), 3, 3)
    # the log-probabilities do not depend on the bias; the decoding from them does
    assert np.allclose(biased.log_probs(doc), probs)
    assert free.spans(doc, probs) == free.tag(doc)
    assert biased.spans(doc, probs) == biased.tag(doc) != free.tag(doc)


def _row(lemmas: list[str], cue: list[int]) -> tuple:
    """One article's tagger inputs: only the lemma columns filled, its own word as each token's head."""
    from consistency.extract.attribution.tagger import CATS, N_DENSE

    cats = [["" for _ in CATS] for _ in lemmas]
    for row, lem in zip(cats, lemmas):
        row[CATS.index("lemma")] = row[CATS.index("hlemma")] = lem
    tags = np.zeros((len(lemmas), 3), dtype=np.int64)
    tags[:, 0] = cue
    return cats, np.zeros((len(lemmas), 96 + N_DENSE), dtype=np.float16), tags, [0]


def test_attribution_cue_lexicon_counts_each_article_without_itself():
    from bench.attribution_training import cue_lexicon_rows

    rows = [_row(["mayor", "warn", "flood"], [0, 1, 0]), _row(["warn", "rumour"], [1, 1]),
            _row(["warn", "storm"], [0, 0])]
    out, rates = cue_lexicon_rows(rows, smooth=2.0)
    # "warn": 2 cue tokens in 3 occurrences; "rumour" is a cue only in the second article
    assert rates == {"warn": round(2 / 5, 4), "rumour": round(1 / 3, 4)}
    first, second = out[0][1][:, -2:], out[1][1][:, -2:]
    assert out[0][1].shape[1] == rows[0][1].shape[1] + 2
    assert np.allclose(first[1], 1 / 4, atol=1e-3)  # "warn" counted over the other two articles
    assert np.allclose(second[1], 0.0)  # "rumour": no other article marks it, as if never seen
    assert np.allclose(first[0], 0.0)


def test_attribution_tagger_with_a_cue_lexicon_round_trips_and_reads_it(tmp_path):
    import torch
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from consistency.extract.attribution.tagger import (
        CATS,
        N_DENSE,
        N_RATES,
        build_model,
        load_tagger,
        save_tagger,
    )

    torch.manual_seed(0)
    dims = {c: 4 for c in CATS}
    model = build_model({c: 1 for c in CATS}, dims, 96 + N_DENSE + N_RATES, hidden=8, layers=1).eval()
    save_tagger(tmp_path / "lex.npz", [model], {c: {"<unk>": 0} for c in CATS}, dims, cue_rates={"warn": 0.5})
    loaded = load_tagger.__wrapped__(str(tmp_path / "lex.npz"))
    assert loaded.cue_rates == {"warn": 0.5}
    doc = Doc(Vocab(), words=["Officials", "warn", "of", "floods", "."], sent_starts=[True] + [False] * 4)
    assert loaded.log_probs(doc).shape == (len(doc), 3, 3)
    # the lexicon is an input: another rate for the same word changes the scores
    other = load_tagger.__wrapped__(str(tmp_path / "lex.npz"))
    other.cue_rates = {}
    for tok in doc:
        tok.lemma_ = tok.text.lower()
    assert not np.allclose(loaded.log_probs(doc), other.log_probs(doc))
