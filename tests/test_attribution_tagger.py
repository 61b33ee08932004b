"""The span tagger's decoding, model files and encoder inputs."""

from __future__ import annotations

import numpy as np
import pytest

slow = pytest.mark.slow


def _scores(rows: list[list[float]]) -> np.ndarray:
    """(tokens, 1 role, 3) log-probabilities from per-token O/B/I probabilities."""
    return np.log(np.array(rows, dtype=np.float64))[:, None, :]


def test_attribution_tagger_viterbi_never_opens_a_span_with_inside():
    from consistency.extract.attribution_tagger import viterbi

    # argmax would read O I I; the best valid sequence begins the span instead
    tags = viterbi(_scores([[0.9, 0.05, 0.05], [0.1, 0.4, 0.5], [0.1, 0.1, 0.8]]))
    assert tags[:, 0].tolist() == [0, 1, 2]


def test_attribution_tagger_viterbi_bridges_a_weak_outside_gap():
    from consistency.extract.attribution_tagger import viterbi

    # B I O I I: the lone outside tag is less likely than two new begins, so the span stays whole
    rows = [[0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.5, 0.05, 0.45], [0.1, 0.1, 0.8], [0.1, 0.1, 0.8]]
    tags = viterbi(_scores(rows))
    assert tags[:, 0].tolist() == [1, 2, 2, 2, 2]


def test_attribution_tagger_viterbi_keeps_roles_apart():
    from consistency.extract.attribution_tagger import viterbi

    one = np.log(np.array([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1]]))
    two = np.log(np.array([[0.1, 0.8, 0.1], [0.1, 0.1, 0.8]]))
    tags = viterbi(np.stack([one, two], axis=1))
    assert tags[:, 0].tolist() == [0, 1]
    assert tags[:, 1].tolist() == [1, 2]


def test_attribution_tagger_file_keeps_context_flag_and_shape(tmp_path):
    from consistency.extract.attribution_context import DIM
    from consistency.extract.attribution_tagger import CATS, N_DENSE, build_model, load_tagger, save_tagger

    vocabs = {c: {"<unk>": 0} for c in CATS}
    dims = {c: 4 for c in CATS}
    model = build_model({c: 1 for c in CATS}, dims, 96 + N_DENSE + DIM, hidden=32, layers=1)
    path = tmp_path / "tagger.npz"
    save_tagger(path, model, vocabs, dims, uses_context=True, outside_bias=(0.5, 0.0, 1.0))
    loaded = load_tagger(str(path))
    assert loaded is not None and loaded.uses_context and not loaded.uses_rules
    assert loaded.outside_bias.tolist() == [0.5, 0.0, 1.0]
    assert loaded.model.lstm.num_layers == 1 and loaded.model.lstm.hidden_size == 32
    assert loaded.model.proj.in_features == model.proj.in_features


@slow
def test_attribution_context_states_cover_words_not_spaces():
    from consistency.extract.attribution_context import DIM, context_states
    from consistency.nlp import load_nlp

    doc = load_nlp()('  "We will stay," she said.\n\nThe talks failed.')
    states = context_states(doc)
    assert states.shape == (len(doc), DIM)
    for tok in doc:
        assert (np.abs(states[tok.i]).sum() > 0) == (not tok.is_space), tok.text
    # only the chosen sentences are encoded
    first_only = context_states(doc, keep=[True, False])
    last = list(doc.sents)[-1]
    assert not first_only[last.start: last.end].any()
    assert np.allclose(first_only[: last.start], states[: last.start], atol=1e-5)
