"""Measure stance classification on an Emergent-format CSV.

    python3 scripts/bench_stance.py ../shared/bench/emergent-stance/emergent.csv            # CV and dev
    python3 scripts/bench_stance.py ../shared/bench/emergent-stance/emergent.csv --shipped  # shipped model
    python3 scripts/bench_stance.py ../shared/bench/emergent-stance/emergent.csv --repeats 5  # 5x5 CV

The CSV has the columns id, claimHeadline, articleHeadline, articleHeadlineStance, articleId,
claimId. Its claims are cut once into a training portion and a dev portion (a fifth of the claims,
chosen by a hash of claimId, so the cut is the same on every machine). The figures are the
cross-validation on the training portion (folds grouped by claimId, so no claim is in both a
fold's training and test pairs; this is what variants are chosen by) and, beside it, one model fit
on the whole training portion scored once on the dev claims. With ``--repeats R`` the
cross-validation is run R times, the first on the fixed folds and the others on the claims
shuffled into folds by seeds 1..R-1, and the mean over repeats is given too: one cut's fold
spread is wider than most differences between variants. ``--shipped`` scores the shipped
model instead, which was fit on every row of the file: training-set figures.
"""

from __future__ import annotations

import csv
import json
import sys
import zlib
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency.compare.stance import LABELS, load_stance_model, train_stance  # noqa: E402

COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")
DEV_SHARE = 5  # one claim in DEV_SHARE goes to the dev portion
# Model variants compared by cross-validation on the training portion: train_stance arguments.
VARIANTS: dict[str, dict] = {
    # "no-neighbours" with a vote of the 15 training pairs nearest in MiniLM space at a fifth of the average
    "shipped": {"C": 0.03, "boost_rounds": 80, "forest_trees": 100, "neighbours": 15, "neighbour_weight": 0.2},
    # "no-forest" with a random forest of 100 trees in the average: bagged deep trees err differently
    "no-neighbours": {"C": 0.03, "boost_rounds": 80, "forest_trees": 100},
    # a stronger penalty and fewer boosting rounds than "earlier": 1,325 training pairs from 162 claims
    "no-forest": {"C": 0.03, "boost_rounds": 80},
    "earlier": {},
    "lr": {"boosted": False},
    "no-relative": {"relative": False},
    "cosine": {"use_cosine": True},
    "vectors": {"vectors": True},
    "vectors-lr": {"vectors": True, "boosted": False},
    "vectors-no-relative": {"vectors": True, "relative": False},
    "vectors-shrink5": {"vectors": True, "vector_shrink": 5.0},
    "vectors-shrink20": {"vectors": True, "vector_shrink": 20.0},
}
NEEDS_EMBEDDER = ("use_cosine", "vectors", "neighbours")


class CachedEmbedder:
    """Embeds each distinct text once: folds share their texts."""

    def __init__(self, inner) -> None:
        self.inner, self.cache = inner, {}
        self.name, self.dim = inner.name, inner.dim

    def embed(self, texts):
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.inner.embed(todo)))
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


def read_emergent(path: str) -> dict[str, list[str]]:
    """The needed columns of an Emergent CSV, as lists."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise click.ClickException(f"{path}: missing column(s) {missing}; expected {list(COLUMNS)}")
        rows = list(reader)
    return {c: [r[c] for r in rows] for c in COLUMNS}


def scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the three labels."""
    from sklearn.metrics import accuracy_score, f1_score

    return accuracy_score(gold, pred), f1_score(gold, pred, labels=list(LABELS), average="macro")


def per_label(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of each label."""
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=list(LABELS), zero_division=0)
    return {
        label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(n[i])}
        for i, label in enumerate(LABELS)
    }


def confusion(gold: list[str], pred: list[str]) -> list[list[int]]:
    """Counts with gold labels as rows and predictions as columns, both in LABELS order."""
    from sklearn.metrics import confusion_matrix

    return confusion_matrix(gold, pred, labels=list(LABELS)).tolist()


def is_dev_claim(claim_id: str) -> bool:
    """True for the claims of the dev portion (a fixed hash of the claim id)."""
    return zlib.crc32(claim_id.encode("utf-8")) % DEV_SHARE == 0


def split_rows(rows: dict[str, list[str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The training portion and the dev portion of the rows, grouped by claim."""
    dev = [is_dev_claim(c) for c in rows["claimId"]]
    pick = lambda keep: {k: [v for v, d in zip(vs, dev) if d == keep] for k, vs in rows.items()}  # noqa: E731
    return pick(False), pick(True)


def fit(rows: dict[str, list[str]], variant: str = "shipped", embedder=None):
    """A stance model of the named variant fit on the rows."""
    return train_stance(rows["claimHeadline"], rows["articleHeadline"], rows["articleHeadlineStance"],
                        embedder=embedder, **VARIANTS[variant])


def cross_validate(
    rows: dict[str, list[str]], folds: int = 5, variant: str = "shipped", embedder=None, seed: int | None = None
) -> tuple[list[tuple[float, float]], list[str]]:
    """Accuracy and macro-F1 of a fresh model per fold grouped by claimId, and the pooled predictions;
    ``seed`` shuffles the claims into other folds (None: the fixed folds)."""
    from sklearn.model_selection import GroupKFold

    gold = np.array(rows["articleHeadlineStance"], dtype=object)
    pred = np.empty(len(gold), dtype=object)
    per_fold = []
    cut = GroupKFold(folds) if seed is None else GroupKFold(folds, shuffle=True, random_state=seed)
    for train, test in cut.split(gold, gold, rows["claimId"]):
        model = fit({k: [v[i] for i in train] for k, v in rows.items()}, variant, embedder)
        pred[test] = model.predict([rows["claimHeadline"][i] for i in test],
                                   [rows["articleHeadline"][i] for i in test], embedder)
        per_fold.append(scores(list(gold[test]), list(pred[test])))
    return per_fold, list(pred)


def _block(gold: list[str], pred: list[str], acc: float, f1: float, spread: float | None) -> dict:
    return {
        "accuracy": round(acc, 4), "macro_f1": round(f1, 4), "n": len(gold),
        "accuracy_fold_std": None if spread is None else round(spread, 4),
        "per_label": {k: {m: round(v, 4) for m, v in d.items()} for k, d in per_label(gold, pred).items()},
        "confusion": {"labels": list(LABELS), "rows_gold_cols_predicted": confusion(gold, pred)},
    }


def _echo(title: str, b: dict) -> None:
    spread = b["accuracy_fold_std"]
    click.echo(f"{title}: {b['n']} pairs  accuracy {b['accuracy']:.4f}  macro-F1 {b['macro_f1']:.4f}"
               + (f"  (fold std {spread:.4f})" if spread is not None else ""))
    for label, d in b["per_label"].items():
        click.echo(f"  {label:<10} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  n {d['support']}")
    click.echo("  confusion (rows gold, columns predicted): " + "  ".join(LABELS))
    for label, row in zip(LABELS, b["confusion"]["rows_gold_cols_predicted"]):
        click.echo(f"  {label:<10} " + " ".join(f"{c:>5}" for c in row))


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--folds", default=5, show_default=True, help="Folds of the cross-validation, grouped by claimId.")
@click.option("--variant", type=click.Choice(sorted(VARIANTS)), default="shipped", show_default=True,
              help="Which model recipe to fit and score.")
@click.option("--repeats", default=1, show_default=True,
              help="Run the CV this many times (the fixed folds, then claims shuffled by seeds 1..R-1).")
@click.option("--shipped", is_flag=True, help="Score the shipped model on every row instead (training-set figures).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def main(file: str, folds: int, variant: str, repeats: int, shipped: bool, as_json: bool) -> None:
    """Print stance accuracy and macro-F1: grouped CV on the training portion of FILE and the dev portion."""
    if folds < 2:
        raise click.UsageError("--folds needs at least 2")
    if repeats < 1:
        raise click.UsageError("--repeats needs at least 1")
    rows = read_emergent(file)
    if shipped:
        gold = rows["articleHeadlineStance"]
        pred = load_stance_model().predict(rows["claimHeadline"], rows["articleHeadline"])
        out = {"mode": "shipped", **_block(gold, pred, *scores(gold, pred), None)}
        if as_json:
            click.echo(json.dumps(out))
        else:
            click.echo(f"{file}: shipped model, fit on every row of this file: training-set figures")
            _echo("all rows", out)
        return
    train, dev = split_rows(rows)
    embedder = None
    if any(VARIANTS[variant].get(k) for k in NEEDS_EMBEDDER):
        from consistency.embed import get_embedder

        embedder = CachedEmbedder(get_embedder("minilm"))
    per_fold, cv_pred = cross_validate(train, folds, variant, embedder)
    acc, f1 = (float(np.mean(v)) for v in zip(*per_fold))
    cv = _block(train["articleHeadlineStance"], cv_pred, acc, f1, float(np.std([a for a, _ in per_fold])))
    if repeats > 1:
        means = [(acc, f1)]
        for seed in range(1, repeats):
            folds_of_seed = cross_validate(train, folds, variant, embedder, seed)[0]
            means.append(tuple(float(np.mean(v)) for v in zip(*folds_of_seed)))
        cv["repeats"] = {"n": repeats, "accuracy_mean": round(float(np.mean([a for a, _ in means])), 4),
                         "macro_f1_mean": round(float(np.mean([f for _, f in means])), 4),
                         "accuracy_repeat_std": round(float(np.std([a for a, _ in means])), 4),
                         "accuracy_by_repeat": [round(a, 4) for a, _ in means]}
    model = fit(train, variant, embedder)
    dev_pred = model.predict(dev["claimHeadline"], dev["articleHeadline"], embedder)
    dev_block = _block(dev["articleHeadlineStance"], dev_pred, *scores(dev["articleHeadlineStance"], dev_pred), None)
    n_claims = (len(set(train["claimId"])), len(set(dev["claimId"])))
    if as_json:
        click.echo(json.dumps({"mode": "cv+dev", "variant": variant, "folds": folds,
                               "train_claims": n_claims[0], "dev_claims": n_claims[1],
                               "cv": cv, "dev": dev_block}))
        return
    click.echo(f"{file}: variant {variant}; training portion {n_claims[0]} claims, dev {n_claims[1]} claims")
    _echo(f"CV ({folds} folds grouped by claimId, training portion)", cv)
    if "repeats" in cv:
        r = cv["repeats"]
        click.echo(f"  over {r['n']} repeats of the CV: accuracy {r['accuracy_mean']:.4f} (repeat std "
                   f"{r['accuracy_repeat_std']:.4f})  macro-F1 {r['macro_f1_mean']:.4f}  by repeat "
                   + " ".join(f"{a:.4f}" for a in r["accuracy_by_repeat"]))
    _echo("dev (fit on the whole training portion, scored once)", dev_block)


if __name__ == "__main__":
    main()
