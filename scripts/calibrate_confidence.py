"""Fit the confidence table: the precision measured at each flag score, per type, chosen by cross-validation.

Labelled flags come from the tuning half of real coverage (BASIL layout, checked with the stories'
fact tables, as bench_real.py --facts) and, with --bench, from a generated contradiction bench
(make_contradiction_bench.py). Both are checked with raw scores. Folds are whole events or stories;
each candidate recipe (isotonic steps per type, the bench's steps moved to the real level, or one
logistic map from raw score to precision for every type, with or without one shift per type; fitted on
which sources, how strongly drawn towards the pooled precision or the raw score) is scored by the Brier
score of the held folds (real coverage, averaged with the generated bench when given), and the best is fitted on every training flag and written into the package, so a
flag's confidence reads as the share of such flags that were right. The held half of the real
coverage is scored once, at the end, with the table written.

    python3 scripts/make_contradiction_bench.py ../shared/bench/ecbplus /tmp/cbench --seed 1 --topics 1-12
    python3 scripts/calibrate_confidence.py ../shared/bench/real-coverage/basil --store /tmp/basil-store \\
        --bench /tmp/cbench --bench-store /tmp/cbench-store --bench-facts
    python3 scripts/calibrate_confidence.py DIR --store S --dry-run      # print the table only
    python3 scripts/calibrate_confidence.py DIR --store S --coverage DIR2 S2 ...   # more real coverage
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.calibration import (  # noqa: E402
    Fitter,
    Point,
    by_kind,
    cross_validate,
    fit_quality,
    generated_points,
    logistic_fitter,
    pooled_fitter,
    real_points,
    reliability,
    shape_and_level_fitter,
    typed_logistic_fitter,
)
from bench.realcoverage import read_coverage, read_jsonl  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "consistency" / "models" / "confidence.json"
PRIOR_WEIGHTS = (0.5, 1.0, 2.0, 4.0, 8.0)
SPREADS = (0.25, 0.5, 1.0, 2.0)
TYPE_SPREADS = (0.25, 0.5, 1.0)  # how far one type's level may move from the map shared by all
REAL, GENERATED = "real", "generated"


def raw_flags(articles: Path, store: Path, embedder: str, facts: bool) -> list:
    """Every flag of a store holding ``articles`` (ingested first when missing), with raw scores."""
    from consistency import Options, check, ingest

    opts = Options(store=store, embedder=embedder, calibrate=False, facts=facts)
    ingest([articles], opts)
    return list(check(opts, full=True).flags)


def make_fitter(recipe: dict) -> Fitter:
    """The fitter a recipe names (None fits nothing: the raw score stands)."""
    if recipe["prior_weight"] is None:
        return lambda train: None
    if recipe.get("typed"):
        return typed_logistic_fitter(recipe["sources"], recipe["logistic"], recipe["typed"])
    if recipe.get("logistic"):
        return logistic_fitter(recipe["sources"], recipe["logistic"])
    if recipe.get("shape"):
        return shape_and_level_fitter(recipe["prior_weight"], recipe["shape"], REAL)
    return pooled_fitter(recipe["prior_weight"], recipe["sources"])


def choose(points: list[Point], folds: int) -> tuple[dict, list[dict]]:
    """The recipe with the lowest cross-validated Brier score on real coverage, and every recipe's figures."""
    recipes: list[dict] = [{"name": "raw score", "sources": None, "prior_weight": None}]
    have_generated = any(p.source == GENERATED for p in points)
    for spread in SPREADS:
        recipes.append({"name": f"logistic, real only, spread {spread}", "sources": [REAL], "prior_weight": 0,
                        "logistic": spread})
        for typed in TYPE_SPREADS:
            recipes.append({"name": f"logistic + type shift {typed}, real only, spread {spread}", "sources": [REAL],
                            "prior_weight": 0, "logistic": spread, "typed": typed})
        if have_generated:
            recipes.append({"name": f"logistic, real + generated, spread {spread}", "sources": None,
                            "prior_weight": 0, "logistic": spread})
            recipes.append({"name": f"logistic + type shift 0.5, real + generated, spread {spread}",
                            "sources": None, "prior_weight": 0, "logistic": spread, "typed": 0.5})
    for w in PRIOR_WEIGHTS:
        recipes.append({"name": f"real only, prior {w}", "sources": [REAL], "prior_weight": w})
        if have_generated:
            recipes.append({"name": f"real + generated, prior {w}", "sources": None, "prior_weight": w})
            recipes.append({"name": f"generated shape, real level, prior {w}", "sources": None, "prior_weight": w,
                             "shape": GENERATED})
    rows = []
    for r in recipes:
        fitter = make_fitter(r)
        scored = cross_validate(points, fitter, folds)
        real = [(c, p.right) for p, c in scored if p.source == REAL]
        rows.append(dict(r, real=fit_quality(real), generated=fit_quality([(c, p.right) for p, c in scored
                                                                           if p.source == GENERATED]),
                         reliability=reliability(real)))
    fitted = [row for row in rows if row["prior_weight"] is not None]
    best = min(fitted, key=lambda row: (_criterion(row), row["prior_weight"]))
    return best, rows


def _criterion(row: dict) -> float:
    """The held folds' Brier score on real coverage, averaged with the generated bench's when there is
    one: the real flags come from the tuning half the fact rules were written on, so alone they
    overstate how often a flag is right; the generated bench's stories were read by no rule."""
    real, generated = row["real"]["brier"], row["generated"]["brier"]
    return real if generated is None else (real + generated) / 2


def table_text(fitted_on: str, recipe: str, table: dict) -> str:
    """The table as JSON with one line per type, so a refit reads as a short diff."""
    rows = [f"  {json.dumps(kind)}: {json.dumps([[s, p] for s, p in steps])}" for kind, steps in sorted(table.items())]
    return (f'{{\n "fitted_on": {json.dumps(fitted_on)},\n "recipe": {json.dumps(recipe)},\n "types": {{\n'
            + ",\n".join(rows) + "\n }\n}\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="real coverage: a folder with articles.jsonl, events.json and gold.jsonl")
    ap.add_argument("--store", type=Path, required=True, help="a store holding the folder's articles (ingested if empty)")
    ap.add_argument("--coverage", nargs=2, type=Path, action="append", default=[], metavar=("DIR", "STORE"),
                    help="more real coverage (its tuning half fits, its held half is scored) with a store holding it; "
                         "repeat for several")
    ap.add_argument("--bench", type=Path, help="a generated contradiction bench (make_contradiction_bench.py)")
    ap.add_argument("--bench-store", type=Path, help="a store for the generated bench (ingested if empty)")
    ap.add_argument("--bench-facts", action="store_true",
                    help="check the generated bench with the fact tables too (as --facts), so the fact flags have "
                         "labelled examples outside the real coverage the rules were read on")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--dry-run", action="store_true", help="print the table, do not write it")
    args = ap.parse_args(argv)
    if args.bench and not args.bench_store:
        ap.error("--bench needs --bench-store")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from consistency.compare.calibration import calibrated

    points, held = [], []
    folders = [(args.dir, args.store), *args.coverage]
    for folder, store in folders:
        gold, _, article_event = read_coverage(folder)
        real = raw_flags(folder / "articles.jsonl", store, args.embedder, facts=True)
        points += real_points(real, gold, article_event, source=REAL, part="tune")
        held += real_points(real, gold, article_event, source=REAL, part="held")
    if args.bench:
        flags = raw_flags(args.bench / "articles.jsonl", args.bench_store, args.embedder, facts=args.bench_facts)
        texts = {a["id"]: a["text"] for a in read_jsonl(args.bench / "articles.jsonl")}
        points += generated_points(flags, read_jsonl(args.bench / "gold.jsonl"), texts, source=GENERATED)

    best, rows = choose(points, args.folds)
    table = make_fitter(best)(points)
    train = [p for p in points if best["sources"] is None or p.source in best["sources"]]
    figures = {
        "flags": {src: {"flags": sum(1 for p in points if p.source == src),
                        "right": sum(p.right for p in points if p.source == src)} for src in (REAL, GENERATED)},
        "cross_validated": [{k: v for k, v in row.items() if k != "sources"} for row in rows],
        "chosen": best["name"],
        "held": {"raw score": fit_quality([(p.score, p.right) for p in held]),
                 "shipped table": fit_quality([(calibrated(p.kind, p.score), p.right) for p in held]),
                 "table": fit_quality([(calibrated(p.kind, p.score, table), p.right) for p in held]),
                 "reliability": reliability([(calibrated(p.kind, p.score, table), p.right) for p in held])},
    }
    if args.json:
        print(json.dumps(dict(figures, table=table), indent=1))
    else:
        for src, n in figures["flags"].items():
            print(f"{src:10s} {n['flags']:4d} flags, {n['right']:4d} right")
        print(f"{args.folds}-fold cross-validation by event/story (Brier, log loss, ECE):")
        for row in rows:
            r, g = row["real"], row["generated"]
            print(f"  {row['name']:28s} real {r['brier']} {r['log_loss']} {r['ece']}   "
                  f"generated {g['brier']} {g['log_loss']} {g['ece']}")
        print(f"chosen: {best['name']}")
        print("  reliability out of fold, real coverage (band: flags, mean confidence, share right):")
        for b in best["reliability"]:
            print(f"    {b['band']}: {b['flags']:3d} flags, {b['predicted']:.3f} given, {b['observed']:.3f} right")
        for kind, ps in sorted(by_kind(train).items()):
            print(f"  {kind:24s} {len(ps):4d} flags, {sum(h for _, h in ps):4d} right; steps {table.get(kind)}")
        h = figures["held"]
        print(f"held half of {', '.join(f.name for f, _ in folders)} "
              f"({h['table']['flags']} flags): Brier raw {h['raw score']['brier']} shipped "
              f"{h['shipped table']['brier']} table {h['table']['brier']}; ECE raw {h['raw score']['ece']} shipped "
              f"{h['shipped table']['ece']} table {h['table']['ece']}")
        for b in h["reliability"]:
            print(f"    {b['band']}: {b['flags']:3d} flags, {b['predicted']:.3f} given, {b['observed']:.3f} right")
    if not args.dry_run:
        fitted_on = f"{', '.join(f.name for f, _ in folders)} tuning half" + (
            f" and {args.bench.name}" if args.bench else "")
        OUT.write_text(table_text(fitted_on, best["name"], table), encoding="utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
