"""Public natural-language inference pairs read from their own files (SICK's tab-separated file,
SNLI's or MNLI's JSON lines), for the contradiction experiments in bench/NOTES.md."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

LABELS = ("contradiction", "entailment", "neutral")
FIELDS = {"sick": ("sentence_A", "sentence_B", "entailment_label"),
          "snli": ("sentence1", "sentence2", "gold_label")}


def read_nli(path: Path) -> list[tuple[str, str, str]]:
    """(premise, hypothesis, label) rows, the label one of ``LABELS``; rows without one (SNLI's "-")
    and a line cut short are skipped."""
    rows: list[tuple[str, str, str]] = []
    if path.suffix == ".jsonl":
        a, b, lab = FIELDS["snli"]
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    r = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a file cut short mid-line
                if r.get(lab) in LABELS:
                    rows.append((r[a], r[b], r[lab]))
        return rows
    a, b, lab = FIELDS["sick"]
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r[lab].lower() in LABELS:
                rows.append((r[a], r[b], r[lab].lower()))
    return rows


def pair_probabilities(model, tok, pairs: list[tuple[str, str]], batch: int = 64, max_length: int = 128) -> np.ndarray:
    """A sequence-pair classifier's softmax over its labels for each (first, second) text pair, in order."""
    import torch

    model.eval()
    out = []
    with torch.inference_mode():
        for k in range(0, len(pairs), batch):
            chunk = pairs[k:k + batch]
            enc = tok([a for a, _ in chunk], [b for _, b in chunk], truncation=True, max_length=max_length,
                      padding=True, return_tensors="pt")
            out.append(torch.softmax(model(**enc).logits, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, model.config.num_labels))
