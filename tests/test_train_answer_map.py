"""scripts/train_answer_map.py: the cosine plus a low-rank correction over frozen sentence vectors, and its data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_answer_map as T  # noqa: E402
from train_answer_map import AnswerMap  # noqa: E402


def _unit(rows):
    a = np.asarray(rows, np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_answer_map_with_zero_correction_is_the_cosine():
    amap = AnswerMap(np.zeros((4, 2), np.float32), np.zeros((4, 2), np.float32))
    q = _unit([[1, 0, 0, 0]])[0]
    S = _unit([[1, 1, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]])
    assert np.allclose(amap.score(q, S), S @ q)


def test_answer_map_correction_can_prefer_the_sentence_that_answers():
    # dim 0 = the topic, dim 1 = "holds a date": a "when" question (dims 0, 2) should reach dim 1
    U = np.zeros((4, 1), np.float32); U[2, 0] = 1.0
    V = np.zeros((4, 1), np.float32); V[1, 0] = 1.0
    amap = AnswerMap(U, V)
    q = _unit([[1, 0, 1, 0]])[0]
    restates, answers = _unit([[1, 0, 0.3, 0], [0.8, 0.6, 0, 0]])
    assert restates @ q > answers @ q
    s = amap.score(q, np.vstack([restates, answers]))
    assert s[1] > s[0]


def test_answer_map_round_trips_and_rejects_mismatched_shapes(tmp_path):
    rng = np.random.default_rng(0)
    amap = AnswerMap(rng.normal(size=(6, 3)).astype(np.float32), rng.normal(size=(6, 3)).astype(np.float32),
                     {"rank": 3})
    amap.save(tmp_path / "m.npz")
    back = AnswerMap.load(tmp_path / "m.npz")
    q, S = rng.normal(size=6), rng.normal(size=(4, 6))
    assert np.allclose(back.score(q, S), amap.score(q, S), atol=1e-5)
    assert back.meta == {"rank": 3}
    with pytest.raises(ValueError):
        AnswerMap(np.zeros((6, 3)), np.zeros((6, 2)))


def test_train_answer_map_reads_the_answer_sentence_and_its_paragraph(tmp_path):
    context = "Kesk met Vaher on Thursday. The two spoke for an hour. Tamm sat in."
    data = {"data": [{"title": "Invented", "paragraphs": [{"context": context, "qas": [
        {"question": "Who sat in on the meeting?", "answers": [{"text": "Tamm", "answer_start": context.index("Tamm")}]},
        {"question": "How long did they speak?", "answers": [{"text": "an hour. Tamm",
                                                                "answer_start": context.index("an hour")}]},
    ]}]}]}
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data))
    d = T.read_squad([path])
    assert d["sents"] == ["Kesk met Vaher on Thursday.", "The two spoke for an hour.", "Tamm sat in."]
    assert d["qs"] == ["Who sat in on the meeting?"]  # the second answer crosses a sentence end
    assert d["groups"] == [(0, 3)] and d["pos"] == [2]


def test_train_answer_map_fit_learns_the_answering_sentence_over_its_neighbours():
    # invented vectors: every question's answer sentence holds its topic plus a direction of its own
    rng = np.random.default_rng(1)
    dim, n = 16, 120
    topics = _unit(rng.normal(size=(n, dim)))
    key = np.zeros(dim, np.float32); key[0] = 1.0
    Q = _unit(topics + 0.1 * rng.normal(size=(n, dim)))
    S, groups, pos = [], [], []
    for i in range(n):
        base = len(S)
        S += [topics[i] + 0.2 * rng.normal(size=dim), topics[i] * 0.9 + 0.6 * key + 0.2 * rng.normal(size=dim)]
        groups.append((base, base + 2)); pos.append(base + 1)
    S = _unit(S)
    groups, pos = np.array(groups), np.array(pos)
    amap = T.fit_map(Q, S, groups, pos, rank=2, l2=1e-4, epochs=30, batch=32, lr=3e-2)
    assert T.passage_p_at_1(Q, S, groups, pos, amap) > T.passage_p_at_1(Q, S, groups, pos, None)
