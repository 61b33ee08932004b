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

from consistency.stance import LABELS, load_stance_model, train_stance  # noqa: E402

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


def cross_validate(rows: dict[str, list[str]], folds: int = 5) -> tuple[float, float]:
    """Mean accuracy and macro-F1 of fresh models over folds grouped by claimId."""
    from sklearn.model_selection import GroupKFold

    claims = np.array(rows["claimHeadline"], dtype=object)
    texts = np.array(rows["articleHeadline"], dtype=object)
    gold = np.array(rows["articleHeadlineStance"], dtype=object)
    accs, f1s = [], []
    for train, test in GroupKFold(folds).split(claims, gold, rows["claimId"]):
        model = train_stance(list(claims[train]), list(texts[train]), list(gold[train]))
        pred = model.predict(list(claims[test]), list(texts[test]))
        acc, f1 = scores(list(gold[test]), pred)
        accs.append(acc)
        f1s.append(f1)
    return float(np.mean(accs)), float(np.mean(f1s))


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--cv", is_flag=True, help="5-fold cross-validation grouped by claimId.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def main(file: str, cv: bool, as_json: bool) -> None:
    """Print accuracy and macro-F1 of stance classification on FILE."""
    rows = read_emergent(file)
    n = len(rows["claimHeadline"])
    if cv:
        acc, f1 = cross_validate(rows)
        mode = "cv"
        note = "mean of 5 folds grouped by claimId, a fresh model trained per fold"
    else:
        model = load_stance_model()
        pred = model.predict(rows["claimHeadline"], rows["articleHeadline"])
        acc, f1 = scores(rows["articleHeadlineStance"], pred)
        mode = "shipped"
        note = (
            "shipped model; if it was trained on this file these are training-set figures, "
            "use --cv for an honest estimate"
        )
    if as_json:
        click.echo(json.dumps({"mode": mode, "accuracy": round(acc, 4), "macro_f1": round(f1, 4), "n": n}))
    else:
        click.echo(f"{file}: {n} pairs, {note}")
        click.echo(f"accuracy {acc:.4f}  macro-F1 {f1:.4f}")


if __name__ == "__main__":
    main()
