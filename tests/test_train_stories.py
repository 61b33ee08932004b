"""scripts/train_stories.py: the fit leaves the hand-set story features to their shipped weights."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from consistency.stories.cluster import FEATURES, HAND_SET, WEIGHTS  # noqa: E402
from scripts import train_stories as T  # noqa: E402


def test_fit_weights_fits_the_other_features_and_keeps_the_hand_set_ones():
    rng = np.random.default_rng(7)
    same = rng.normal(0.6, 0.1, size=(40, len(T.FITTED)))
    other = rng.normal(0.2, 0.1, size=(40, len(T.FITTED)))
    x = np.vstack([same, other])
    y = np.array([True] * 40 + [False] * 40)
    weights = T.fit_weights([(x, y)], c=1.0)
    assert set(weights) == {"bias", *FEATURES}
    assert all(weights[k] == WEIGHTS[k] for k in HAND_SET)
    assert all(weights[k] > 0 for k in T.FITTED)  # every fitted feature separates the two groups here
    assert weights["bias"] < 0
