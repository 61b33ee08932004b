"""Recompute the benchmark gate's figures and compare them with the floors in bench/baseline.json.

    python3 scripts/bench_gate.py            # figures, and one line per regression (exit 1)
    python3 scripts/bench_gate.py --json     # the figures as one JSON object

The corpora are built from the repository alone (see bench/gate.py); lowering a floor is an
edit of bench/baseline.json, said in the commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gate import load_baseline, measure, regressions  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--embedder", default="minilm", choices=["minilm", "hashing"])
    args = ap.parse_args(argv)
    measured = measure(args.embedder)
    failed = regressions(measured, load_baseline())
    if args.json:
        print(json.dumps(dict(measured, regressions=failed), indent=1))
    else:
        for name, figs in measured.items():
            print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in figs.items()))
        for line in failed:
            print(f"regression: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
