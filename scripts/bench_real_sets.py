"""Score several real-coverage folders at once: one line per folder and a pooled line over all of them.

Each folder (BASIL layout: articles.jsonl, events.json, gold.jsonl) is checked in its own store, exactly as
``bench_real.py DIR`` checks it, and scored over all its events. The pooled line sums the counts (flags, flags
matching a gold item of their type, worth-note items, worth-note items found) before dividing, so a folder
weighs by its size, not as one vote.

    python3 scripts/bench_real_sets.py INCIDENTS_1_90 INCIDENTS_121_150 ... [--facts] [--json]
    python3 scripts/bench_real_sets.py DIR... --store-root ROOT     # keep (or reuse) ROOT/<folder name>
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.realcoverage import missing_files, read_coverage, score  # noqa: E402
from scripts.bench_real import run  # noqa: E402

COUNTS = ("predicted", "matched", "worth_note", "worth_note_found")


def counts(figures: dict) -> dict[str, int]:
    """The sums over flag types that the pooled figures are made of."""
    out = {k: sum(r[k] for r in figures["per_type"].values()) for k in COUNTS}
    out["must_not_flag_hits"] = figures["must_not_flag_hits"]
    out["articles"] = figures["articles"]
    return out


def rates(c: dict[str, int]) -> dict[str, float | None]:
    """Same-type precision, worth-note recall and must-not hits per 100 articles of summed counts."""
    def div(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {"precision": div(c["matched"], c["predicted"]), "worth_note_recall": div(c["worth_note_found"],
            c["worth_note"]), "must_not_flag_per_100_articles": div(100 * c["must_not_flag_hits"], c["articles"])}


def score_folder(folder: Path, store: Path, embedder: str, facts: bool) -> dict:
    """One folder's counts and rates over all its events."""
    gold, events, article_event = read_coverage(folder)
    flags, stories, _ = run(folder, store, embedder, facts)
    c = counts(score(flags, gold, article_event, stories, list(events)).figures)
    return dict(c, **rates(c))


def render(rows: dict[str, dict]) -> str:
    """One line per folder and the pooled line."""
    head = f"{'set':28s}{'flags':>6s}{'match':>7s}{'prec':>7s}{'worth':>7s}{'found':>7s}{'recall':>8s}{'must-not':>9s}"
    lines = [head]
    for name, r in rows.items():
        p = "-" if r["precision"] is None else f"{r['precision']:.3f}"
        rec = "-" if r["worth_note_recall"] is None else f"{r['worth_note_recall']:.3f}"
        lines.append(f"{name:28s}{r['predicted']:6d}{r['matched']:7d}{p:>7s}{r['worth_note']:7d}"
                     f"{r['worth_note_found']:7d}{rec:>8s}{r['must_not_flag_hits']:9d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", type=Path, nargs="+", help="real-coverage folders")
    ap.add_argument("--store-root", type=Path,
                    help="keep each folder's store under ROOT/<folder name> (reused if there)")
    ap.add_argument("--facts", action="store_true", help="check with the stories' fact tables (check --facts)")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    names = [d.name for d in args.dirs]
    if len(set(names)) != len(names):
        ap.error("two folders share a name; their stores and lines would collide")
    for path in (p for d in args.dirs for p in missing_files(d)):
        ap.error(f"{path}: not found")
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="real-sets-") as tmp:
        root = args.store_root or Path(tmp)
        for d in args.dirs:
            rows[d.name] = score_folder(d, root / d.name, args.embedder, args.facts)
    pooled = {k: sum(r[k] for r in rows.values()) for k in (*COUNTS, "must_not_flag_hits", "articles")}
    rows["pooled"] = dict(pooled, **rates(pooled))
    print(json.dumps(rows, indent=1) if args.json else render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
