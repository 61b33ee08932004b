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
from scripts.bench_stance import NEEDS_EMBEDDER, VARIANTS, read_emergent  # noqa: E402


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default=str(MODEL_PATH), show_default=True)
@click.option("--variant", type=click.Choice(sorted(VARIANTS)), default="shipped", show_default=True,
              help="The recipe, as chosen by bench_stance.py's grouped CV.")
def main(file: str, out: str, variant: str) -> None:
    """Fit the shipped stance model on every row of FILE."""
    rows = read_emergent(file)
    embedder = None
    if any(VARIANTS[variant].get(k) for k in NEEDS_EMBEDDER):
        from consistency.embed import get_embedder

        embedder = get_embedder("minilm")
    model = train_stance(rows["claimHeadline"], rows["articleHeadline"], rows["articleHeadlineStance"],
                         embedder=embedder, **VARIANTS[variant])
    model.save(out)
    click.echo(f"trained on {len(rows['claimHeadline'])} pairs from {file}; wrote {out}")


if __name__ == "__main__":
    main()
