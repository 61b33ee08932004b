"""A linear scorer fitted by softmax loss over each query's candidates (listwise ranking)."""

from __future__ import annotations

import numpy as np


def fit_listwise(X: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, scale, weights) of a linear score on standardised features, by softmax loss over each
    group's candidates; groups without a positive candidate are left out, as they teach no order."""
    from scipy.optimize import minimize

    mean, scale = X.mean(0), X.std(0)
    scale[scale < 1e-6] = 1.0
    keep = (np.bincount(groups, weights=y) > 0)[groups]
    Z, target = (X[keep] - mean) / scale, y[keep]
    seg = np.unique(groups[keep], return_inverse=True)[1]
    nq = int(seg.max()) + 1
    target = target / np.bincount(seg, weights=target)[seg]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = Z @ w
        top = np.full(nq, -np.inf)
        np.maximum.at(top, seg, s)
        e = np.exp(s - top[seg])
        den = np.bincount(seg, weights=e, minlength=nq)
        lse = np.log(den) + top
        value = -(target * (s - lse[seg])).sum() / nq + l2 * (w @ w) / (2 * nq)
        grad = Z.T @ (e / den[seg] - target) / nq + l2 * w / nq
        return value, grad

    w = minimize(loss, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B").x
    return mean, scale, w


def adapt_listwise(Z: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float, start: np.ndarray,
                   offset: np.ndarray | None = None) -> np.ndarray:
    """Weights on already standardised features ``Z`` by the same softmax loss, pulled towards ``start``
    (a model fitted elsewhere) rather than towards zero: few queries move it only as far as they agree.
    ``offset`` is a fixed part of each row's score (the first stage's prior) the weights are fitted beside."""
    from scipy.optimize import minimize

    offset = np.zeros(len(y)) if offset is None else np.asarray(offset, np.float64)
    keep = (np.bincount(groups, weights=y) > 0)[groups]
    Z, target, offset = Z[keep], y[keep], offset[keep]
    seg = np.unique(groups[keep], return_inverse=True)[1]
    nq = int(seg.max()) + 1
    target = target / np.bincount(seg, weights=target)[seg]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = Z @ w + offset
        top = np.full(nq, -np.inf)
        np.maximum.at(top, seg, s)
        e = np.exp(s - top[seg])
        den = np.bincount(seg, weights=e, minlength=nq)
        lse = np.log(den) + top
        d = w - start
        value = -(target * (s - lse[seg])).sum() / nq + l2 * (d @ d) / (2 * nq)
        grad = Z.T @ (e / den[seg] - target) / nq + l2 * d / nq
        return value, grad

    return minimize(loss, np.asarray(start, np.float64).copy(), jac=True, method="L-BFGS-B").x
