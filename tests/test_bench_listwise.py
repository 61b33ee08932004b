"""The listwise fit that starts from weights fitted elsewhere."""

from __future__ import annotations

import numpy as np

from bench.listwise import adapt_listwise


def test_bench_listwise_adapt_moves_from_the_start_only_as_far_as_the_penalty_allows():
    rng = np.random.default_rng(3)
    groups = np.repeat(np.arange(40), 5)
    Z = rng.normal(size=(200, 2))
    y = np.zeros(200)
    y[np.arange(40) * 5 + np.argmax(Z[:, 1].reshape(40, 5), axis=1)] = 1.0  # the second feature picks the answer
    start = np.array([1.0, 0.0])
    loose = adapt_listwise(Z, y, groups, 0.01, start)
    tight = adapt_listwise(Z, y, groups, 1e6, start)
    assert loose[1] > 1.0 and abs(loose[0]) < loose[1]
    assert np.allclose(tight, start, atol=1e-3)


def test_bench_listwise_adapt_fits_beside_a_fixed_offset():
    groups = np.repeat(np.arange(30), 2)
    Z = np.tile([[1.0], [0.0]], (30, 1))
    y = np.tile([1.0, 0.0], 30)
    # an offset already favouring the answer leaves less for the weight to do
    plain = adapt_listwise(Z, y, groups, 1.0, np.zeros(1))
    helped = adapt_listwise(Z, y, groups, 1.0, np.zeros(1), offset=np.tile([2.0, 0.0], 30))
    assert 0 < helped[0] < plain[0]
