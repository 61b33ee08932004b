"""Measure the findings on real multi-outlet coverage against hand-made gold (BASIL layout).

Ingests DIR/articles.jsonl into a fresh store, runs the check, and scores the flags against
DIR/gold.jsonl and the stories against DIR/events.json (see bench/realcoverage.py for the matching
rule). Figures are printed for the tuning half of the events, the held half, and all of them.

    python3 scripts/bench_real.py ../shared/bench/real-coverage/basil
    python3 scripts/bench_real.py DIR --store /tmp/basil-store --json     # keep the store
    python3 scripts/bench_real.py DIR --store /tmp/basil-store --list     # reuse it: check --full only
    python3 scripts/bench_real.py DIR --store COPY --restory              # reuse it, stories afresh
    python3 scripts/bench_real.py DIR --stories-only                      # story B-cubed alone, fast
    python3 scripts/bench_real.py DIR --store COPY --tune-only --list     # a tuning round: held never scored

``--tune-only`` scores and prints the tuning half and its folds alone, so that a round of reading
misses and choosing rules cannot show the held half by accident; the held half is scored once, at
the end, by a run without it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bars import add_bar_arguments, bar_overrides  # noqa: E402
from bench.realcoverage import event_part, missing_files, read_coverage, read_jsonl, score, tune_fold  # noqa: E402

PARTS = ("tune", "held", "all")
FOLDS = ("tune-a", "tune-b")  # the tuning half split in two, for rules read on one fold and checked on the other
TUNE_PARTS = ("tune", *FOLDS)


def run(bench: Path, store: Path, embedder: str, facts: bool = False, restory: bool = False,
        bars: dict[str, float | None] | None = None) -> tuple[list, dict[str, str], dict]:
    """Ingest (unless the store already holds the articles), check everything, return flags and stories
    (``restory``: forget the stored stories first, so the check assigns them afresh; ``bars``: Options
    fields happening_bar and figure_bar to check with)."""
    from consistency import Options, check, ingest
    from consistency.pipeline import forget_stories, open_store

    opts = Options(store=store, embedder=embedder, facts=facts, **(bars or {}))
    if restory:
        forget_stories(opts)
    t0 = time.perf_counter()
    ingested = ingest([bench / "articles.jsonl"], opts)
    t1 = time.perf_counter()
    result = check(opts, full=True)
    t2 = time.perf_counter()
    with open_store(opts, readonly=True) as st:
        stories = {a: m["story_id"] for a, m in st.article_meta().items()}
    timing = {"ingest_seconds": round(t1 - t0, 1), "check_seconds": round(t2 - t1, 1),
              "articles_new": ingested.articles_new}
    return list(result.flags), stories, timing


def story_parts(tune_only: bool = False) -> tuple[str, ...]:
    """The parts story B-cubed is printed for: with ``tune_only``, the tuning half alone."""
    return tuple(p for p in PARTS if p in TUNE_PARTS) if tune_only else PARTS


def story_figures(bench: Path, embedder: str, tune_only: bool = False) -> dict[str, dict]:
    """Story B-cubed per part from the clusterer alone, fed every article at once as a first check is."""
    from bench.realcoverage import b_cubed
    from bench.stories import cluster, coverage_articles
    from consistency.embed import get_embedder
    from consistency.stories import StoryClusterer
    from consistency.stories.cluster import article_vectors

    articles, gold = coverage_articles(bench)
    pred = cluster(StoryClusterer(), articles, article_vectors(articles, get_embedder(embedder)))
    return {part: {"story_b3": b_cubed(pred, {a: e for a, e in gold.items()
                                              if part == "all" or event_part(e) == part})}
            for part in story_parts(tune_only)}


def _fmt(v: object) -> str:
    return "-" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def render(figures: dict[str, dict]) -> str:
    """A plain-text table per part."""
    out = []
    for part in (p for p in PARTS + FOLDS if p in figures):
        f = figures[part]
        b3 = f.get("story_b3", {})
        out.append(f"== {part}: {f['events']} events, {f['articles']} articles, {f['flags']} flags")
        out.append(f"   precision {_fmt(f['precision'])} (any type {_fmt(f['precision_any_type'])})  "
                   f"worth-note recall {_fmt(f['worth_note_recall'])} of {f['worth_note']} "
                   f"(any type {_fmt(f['worth_note_recall_any_type'])}; number+update+timeline "
                   f"{_fmt(f['worth_note_recall_core'])})")
        out.append(f"   must-not-flag hits {f['must_not_flag_hits']} ({_fmt(f['must_not_flag_per_100_articles'])} "
                   f"per 100 articles)  story B3 P {_fmt(b3.get('precision'))} R {_fmt(b3.get('recall'))} "
                   f"F1 {_fmt(b3.get('f1'))}")
        out.append(f"   {'type':24s}{'pred':>6s}{'match':>7s}{'prec':>8s}{'gold':>6s}{'worth':>7s}{'found':>7s}{'recall':>8s}")
        for t, r in f["per_type"].items():
            out.append(f"   {t:24s}{r['predicted']:6d}{r['matched']:7d}{_fmt(r['precision']):>8s}{r['gold']:6d}"
                       f"{r['worth_note']:7d}{r['worth_note_found']:7d}{_fmt(r['worth_note_recall']):>8s}")
    return "\n".join(out)


def listing(result, texts: dict[str, str]) -> str:
    """The unmatched flags and the missed worth-note items, for reading."""
    out = ["-- unmatched flags"]
    for f in result.unmatched_flags:
        out.append(f"[{getattr(f.type, 'value', f.type)}] {f.id} conf {f.confidence:.2f} {dict(f.values)}")
        for ev in f.evidence:
            out.append(f"    {ev.article_id}: {ev.text[:200]!r}")
    out.append("-- missed worth-note items")
    for g in result.missed:
        out.append(f"[{g['type']}] {g['event']} {g['values']}")
        out.append(f"    note: {g['note']}")
    return "\n".join(out)


def scored_parts(events: list[str], folds: bool, tune_only: bool = False) -> dict[str, list[str]]:
    """Part name -> the events it scores: tune, held and all, and the tuning folds with ``folds``;
    with ``tune_only``, the tuning half and its folds alone."""
    tune = [e for e in events if event_part(e) == "tune"]
    parts = {"tune": tune, "held": [e for e in events if event_part(e) == "held"], "all": list(events)}
    if folds or tune_only:
        parts.update({f"tune-{k}": [e for e in tune if tune_fold(e) == k] for k in "ab"})
    return {p: evs for p, evs in parts.items() if p in TUNE_PARTS} if tune_only else parts


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a folder with articles.jsonl, events.json and gold.jsonl")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--list", action="store_true", help="also list unmatched flags and missed worth-note items")
    ap.add_argument("--part", choices=PARTS + FOLDS, default=None,
                    help="which part --list reads (default all; tune with --tune-only)")
    ap.add_argument("--folds", action="store_true", help="also score the two folds of the tuning half")
    ap.add_argument("--tune-only", action="store_true",
                    help="score and print only the tuning half and its folds (the held half stays unseen)")
    ap.add_argument("--store", type=Path, help="keep the store here; an existing one is reused (check --full)")
    ap.add_argument("--restory", action="store_true",
                    help="with an existing --store: assign stories afresh, to measure a change in stories/")
    ap.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    ap.add_argument("--stories-only", action="store_true", help="only cluster the articles and print story B-cubed")
    ap.add_argument("--facts", action="store_true", help="check with the stories' fact tables (check --facts)")
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="score only flags at least this sure (as `check --min-confidence` shows them)")
    add_bar_arguments(ap)
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    for path in missing_files(args.dir):
        ap.error(f"{path}: not found")
    if args.stories_only:
        figures = story_figures(args.dir, args.embedder, args.tune_only)
        if args.json:
            print(json.dumps(figures, indent=1))
        for part, f in ([] if args.json else figures.items()):
            b3 = f["story_b3"]
            print(f"{part:5s} story B3 P {_fmt(b3['precision'])} R {_fmt(b3['recall'])} F1 {_fmt(b3['f1'])}")
        return 0
    args.part = args.part or ("tune" if args.tune_only else "all")
    if args.tune_only and args.part not in TUNE_PARTS:
        ap.error(f"--part {args.part} with --tune-only: --list reads only tune, tune-a or tune-b then")
    if args.restory and not (args.store and args.store.exists()):
        ap.error("--restory needs an existing --store")
    gold, events, article_event = read_coverage(args.dir)
    articles = read_jsonl(args.dir / "articles.jsonl")
    if args.store:
        flags, stories, timing = run(args.dir, args.store, args.embedder, args.facts, args.restory,
                                     bar_overrides(args))
    else:
        with tempfile.TemporaryDirectory(prefix="real-store-") as tmp:
            flags, stories, timing = run(args.dir, Path(tmp) / "store", args.embedder, args.facts,
                                         bars=bar_overrides(args))
    flags = [f for f in flags if f.confidence >= args.min_confidence]
    parts = scored_parts(list(events), args.folds or args.part in FOLDS, args.tune_only)
    results = {p: score(flags, gold, article_event, stories, evs) for p, evs in parts.items()}
    figures = {p: r.figures for p, r in results.items()}
    if args.json:
        print(json.dumps(dict(figures, timing=timing), indent=1))
    else:
        # with --tune-only the count of all flags would tell the held half's by difference
        counted = "" if args.tune_only else f", {len(flags)} flags"
        print(f"{len(articles)} articles, {len(gold)} gold lines{counted} "
              f"(ingest {timing['ingest_seconds']}s, check {timing['check_seconds']}s)")
        print(render(figures))
    if args.list:
        print(listing(results[args.part], {a["id"]: a["text"] for a in articles}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
