"""Train the contradiction scorer on public inference pairs (SICK's tab-separated file, SNLI's JSON lines).

    python3 scripts/train_contradiction.py SICK.txt snli_1.0_dev.jsonl --out /tmp/contradiction.json

The regularisation is chosen by 5-fold cross-validation (average precision of the contradiction
class); the figures of the chosen setting are printed, then the model is fitted on every pair.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.contradiction import train_contradiction  # noqa: E402
from bench.nli import read_nli  # noqa: E402


def read_pairs(path: Path) -> list[tuple[str, str, bool]]:
    """(first, second, contradicts) rows of a SICK .txt/.tsv or an SNLI/MNLI .jsonl file."""
    return [(a, b, label == "contradiction") for a, b, label in read_nli(path)]


def embed_all(texts: list[str], cache: Path | None) -> dict[str, np.ndarray]:
    """MiniLM vectors of the distinct texts, kept in ``cache`` (an .npz) between runs."""
    from consistency.embed import get_embedder

    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        z = np.load(cache, allow_pickle=False)
        known = dict(zip(z["texts"].tolist(), z["vectors"]))
    todo = sorted({t for t in texts if t not in known})
    if todo:
        vecs = get_embedder("minilm").embed(todo)
        known.update(zip(todo, vecs))
        if cache is not None:
            keys = list(known)
            np.savez(cache, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    return known


def cross_validate(u, v, ta, tb, y, cs, folds: int = 5, seed: int = 0) -> dict[float, dict]:
    """Average precision and precision at 0.5 / 0.9 of each C over shuffled folds."""
    from sklearn.metrics import average_precision_score

    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    out = {}
    for c in cs:
        scores = np.zeros(len(y))
        for k in range(folds):
            test = order[k::folds]
            train = np.setdiff1d(order, test)
            m = train_contradiction(u[train], v[train], [ta[i] for i in train], [tb[i] for i in train], y[train], c=c)
            scores[test] = m.proba(u[test], v[test], [ta[i] for i in test], [tb[i] for i in test])
        figs = {"average_precision": round(float(average_precision_score(y, scores)), 4)}
        for t in (0.5, 0.9):
            hit = scores >= t
            figs[f"precision@{t}"] = round(float(y[hit].mean()), 4) if hit.any() else None
            figs[f"recall@{t}"] = round(float(hit[y].mean()), 4)
        out[c] = figs
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="where to write the model (JSON)")
    ap.add_argument("--cache", type=Path, help="an .npz keeping the sentence vectors between runs")
    ap.add_argument("--c", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    args = ap.parse_args(argv)
    rows = [r for f in args.files for r in read_pairs(f)]
    vec = embed_all([t for a, b, _ in rows for t in (a, b)], args.cache)
    ta, tb = [a for a, _, _ in rows], [b for _, b, _ in rows]
    u, v = np.stack([vec[t] for t in ta]), np.stack([vec[t] for t in tb])
    y = np.array([r[2] for r in rows])
    cv = cross_validate(u, v, ta, tb, y, args.c)
    best = max(cv, key=lambda c: cv[c]["average_precision"])
    print(json.dumps({"pairs": len(rows), "contradictions": int(y.sum()), "cv": {str(k): f for k, f in cv.items()},
                      "chosen_c": best}, indent=1))
    train_contradiction(u, v, ta, tb, y, c=best).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
