"""Train the stance model on an Emergent-format CSV and write it as JSON.

    python3 scripts/train_stance.py ../shared/bench/emergent-stance/emergent.csv \
        --out consistency/models/stance.json
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency.compare.stance import MODEL_PATH, train_stance  # noqa: E402
from scripts.bench_stance import read_emergent  # noqa: E402


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default=str(MODEL_PATH), show_default=True)
def main(file: str, out: str) -> None:
    """Fit the shipped stance model on every row of FILE."""
    rows = read_emergent(file)
    model = train_stance(rows["claimHeadline"], rows["articleHeadline"], rows["articleHeadlineStance"])
    model.save(out)
    click.echo(f"trained on {len(rows['claimHeadline'])} pairs from {file}; wrote {out}")


if __name__ == "__main__":
    main()
