"""The cross-encoder polarity scorer's plumbing: both reading orders, pair subsets, and the NLI reader."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench.polarity_scorers import both_orders, restrict, story_pairs  # noqa: E402
from consistency.records import Claim  # noqa: E402
from train_cross_nli import LABELS, read_labelled, split_held  # noqa: E402


def test_cross_both_orders_takes_the_larger_reading_and_reads_each_pair_once():
    seen: list[tuple[str, str]] = []

    def predict(pairs):
        seen.extend(pairs)
        # Only the denial read first is called a contradiction by this fake.
        return np.array([0.9 if a.startswith("The mayor did not") else 0.2 for a, _ in pairs])

    first = ["The mayor opened the bridge.", "The mayor opened the bridge.", "Rain fell on the harbour."]
    second = ["The mayor did not open the bridge.", "The mayor did not open the bridge.", "The harbour was dry."]
    out = both_orders(predict, first, second)
    assert out == pytest.approx([0.9, 0.9, 0.2])
    assert len(seen) == len(set(seen)) == 4  # two distinct pairs, each in two orders


def test_cross_both_orders_skips_pairs_not_kept():
    calls: list[int] = []

    def predict(pairs):
        calls.append(len(pairs))
        return np.full(len(pairs), 0.7)

    out = both_orders(predict, ["a ferry sailed", "a train left"], ["no ferry sailed", "a train came"],
                      keep=np.array([0.0, 1.0]))
    assert out == pytest.approx([0.0, 0.7]) and calls == [2]
    assert both_orders(predict, ["x"], ["y"], keep=np.array([0.0])) == pytest.approx([0.0])


def _claim(i: int, outlet: str) -> Claim:
    text = f"The council voted on item {i}."
    return Claim(f"c{i}", f"a{i}", outlet, datetime(2024, 5, 1, tzinfo=timezone.utc), text, 0, len(text), text)


def test_cross_restrict_keeps_the_chosen_pairs_in_order():
    claims = [_claim(0, "North Post"), _claim(1, "South Herald"), _claim(2, "East Courier")]
    vecs = np.array([[1, 0], [0.9, 0.1], [0.8, 0.2]], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    sp = story_pairs(claims, vecs, 0.5)
    sub = restrict(sp, [k != 1 for k in range(len(sp.a))])
    assert [(a.id, b.id) for a, b in zip(sub.a, sub.b)] == [(sp.a[0].id, sp.b[0].id), (sp.a[2].id, sp.b[2].id)]
    assert sub.u.shape == (2, 2) and sub.cosine == pytest.approx(sp.cosine[[0, 2]])
    assert restrict(sp, [False] * len(sp.a)).a == []


def test_cross_nli_reader_labels_sick_and_jsonl_rows(tmp_path):
    sick = tmp_path / "pairs.txt"
    sick.write_text("pair_ID\tsentence_A\tsentence_B\tentailment_label\n"
                    "1\tA dog runs.\tNo dog runs.\tCONTRADICTION\n2\tA dog runs.\tAn animal runs.\tENTAILMENT\n",
                    encoding="utf-8")
    lines = tmp_path / "pairs.jsonl"
    lines.write_text(json.dumps({"sentence1": "A boat sails.", "sentence2": "A boat is old.", "gold_label": "neutral"})
                     + "\n" + json.dumps({"sentence1": "x", "sentence2": "y", "gold_label": "-"}) + "\n{\"cut",
                     encoding="utf-8")
    assert read_labelled(sick) == [("A dog runs.", "No dog runs.", LABELS.index("contradiction")),
                                   ("A dog runs.", "An animal runs.", LABELS.index("entailment"))]
    assert read_labelled(lines) == [("A boat sails.", "A boat is old.", LABELS.index("neutral"))]


def test_cross_nli_split_holds_out_a_tenth_deterministically():
    rows = list(range(100))
    train, held = split_held(rows, 0.1, 0)
    assert len(held) == 10 and sorted(train + held) == rows
    assert split_held(rows, 0.1, 0) == (train, held)
