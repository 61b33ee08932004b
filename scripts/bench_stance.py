"""Measure stance classification on an Emergent-format CSV.

    python3 scripts/bench_stance.py ../shared/bench/emergent-stance/emergent.csv        # shipped model
    python3 scripts/bench_stance.py ../shared/bench/emergent-stance/emergent.csv --cv   # grouped 5-fold CV

The CSV has the columns id, claimHeadline, articleHeadline, articleHeadlineStance, articleId,
claimId. Cross-validation folds are grouped by claimId, so no claim is in both train and test.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency.compare.stance import LABELS, load_stance_model, train_stance  # noqa: E402

COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")


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


def cross_validate(rows: dict[str, list[str]], folds: int = 5) -> tuple[list[tuple[float, float]], list[str]]:
    """Accuracy and macro-F1 of a fresh model per fold grouped by claimId, and the pooled predictions."""
    from sklearn.model_selection import GroupKFold

    claims = np.array(rows["claimHeadline"], dtype=object)
    texts = np.array(rows["articleHeadline"], dtype=object)
    gold = np.array(rows["articleHeadlineStance"], dtype=object)
    pred = np.empty(len(gold), dtype=object)
    per_fold = []
    for train, test in GroupKFold(folds).split(claims, gold, rows["claimId"]):
        model = train_stance(list(claims[train]), list(texts[train]), list(gold[train]))
        pred[test] = model.predict(list(claims[test]), list(texts[test]))
        per_fold.append(scores(list(gold[test]), list(pred[test])))
    return per_fold, list(pred)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--cv", is_flag=True, help="5-fold cross-validation grouped by claimId.")
@click.option("--folds", default=5, show_default=True, help="Number of folds for --cv.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def main(file: str, cv: bool, folds: int, as_json: bool) -> None:
    """Print accuracy and macro-F1 of stance classification on FILE, per label and as a confusion matrix."""
    if folds < 2:
        raise click.UsageError("--folds needs at least 2")
    rows = read_emergent(file)
    gold = rows["articleHeadlineStance"]
    n = len(gold)
    spread = None
    if cv:
        per_fold, pred = cross_validate(rows, folds)
        acc, f1 = (float(np.mean(v)) for v in zip(*per_fold))
        spread = float(np.std([a for a, _ in per_fold]))
        mode = "cv"
        note = f"mean of {folds} folds grouped by claimId, a fresh model trained per fold"
    else:
        pred = load_stance_model().predict(rows["claimHeadline"], rows["articleHeadline"])
        acc, f1 = scores(gold, pred)
        mode = "shipped"
        note = (
            "shipped model; if it was trained on this file these are training-set figures, "
            "use --cv for an honest estimate"
        )
    labels = per_label(gold, pred)
    matrix = confusion(gold, pred)
    if as_json:
        click.echo(json.dumps({
            "mode": mode, "accuracy": round(acc, 4), "macro_f1": round(f1, 4), "n": n,
            "accuracy_fold_std": None if spread is None else round(spread, 4),
            "per_label": {k: {m: round(v, 4) for m, v in d.items()} for k, d in labels.items()},
            "confusion": {"labels": list(LABELS), "rows_gold_cols_predicted": matrix},
        }))
        return
    click.echo(f"{file}: {n} pairs, {note}")
    click.echo(f"accuracy {acc:.4f}  macro-F1 {f1:.4f}" + (f"  (fold std {spread:.4f})" if spread is not None else ""))
    for label, d in labels.items():
        click.echo(f"  {label:<10} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  n {d['support']}")
    click.echo("  confusion (rows gold, columns predicted): " + "  ".join(LABELS))
    for label, row in zip(LABELS, matrix):
        click.echo(f"  {label:<10} " + " ".join(f"{c:>5}" for c in row))


if __name__ == "__main__":
    main()
