"""Fit the confidence table: the precision measured at each flag score, per type, on the tuning half.

Runs the check (with the stories' fact tables) on a store that holds the BASIL-layout data (see bench_real.py), with raw scores,
marks each flag of the tuning half right when it matches a gold disagreement of its type (any type
for types the gold has no label for), fits an isotonic table per type and writes it into the
package, so every flag's confidence reads as the share of such flags that were right.

    python3 scripts/calibrate_confidence.py ../shared/bench/real-coverage/basil --store /tmp/basil-store
    python3 scripts/calibrate_confidence.py DIR --store S --dry-run      # print the table only
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.realcoverage import DISAGREEMENT, event_part, flag_type, matches  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "consistency" / "models" / "confidence.json"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def outcomes(flags, gold: list[dict], article_event: dict[str, str], part: str) -> dict[str, list[tuple[float, int]]]:
    """(raw score, right?) per flag type, for the flags of one part of the events."""
    wanted = {e for e in set(article_event.values()) if event_part(e) == part}
    items = [g for g in gold if g["event"] in wanted and g["type"] in DISAGREEMENT]
    out: dict[str, list[tuple[float, int]]] = {}
    for f in flags:
        if not any(article_event.get(a) in wanted for a in f.articles):
            continue
        kind = flag_type(f)
        labelled = kind in DISAGREEMENT
        right = any(matches(f, g, same_type=labelled) for g in items)
        out.setdefault(kind, []).append((float(f.confidence), int(right)))
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a folder with articles.jsonl, events.json and gold.jsonl")
    ap.add_argument("--store", type=Path, required=True, help="a store holding the folder's articles (ingested if empty)")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--dry-run", action="store_true", help="print the table, do not write it")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from consistency import Options, check, ingest
    from consistency.compare.calibration import fit_table

    gold = read_jsonl(args.dir / "gold.jsonl")
    events = json.loads((args.dir / "events.json").read_text(encoding="utf-8"))
    article_event = {a: e for e, rec in events.items() for a in rec["articles"]}
    opts = Options(store=args.store, embedder=args.embedder, calibrate=False, facts=True)
    ingest([args.dir / "articles.jsonl"], opts)
    flags = check(opts, full=True).flags
    points = outcomes(flags, gold, article_event, "tune")
    table = fit_table(points)
    for kind, ps in sorted(points.items()):
        print(f"{kind:24s} {len(ps):4d} flags, {sum(h for _, h in ps):3d} right; steps {table.get(kind)}")
    print(f"{'pooled':24s} steps {table.get('*')}")
    if not args.dry_run:
        OUT.write_text(json.dumps({"fitted_on": f"{args.dir.name} tuning half", "types": table}, indent=1) + "\n",
                       encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
